/* op-onboarding-developer-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_ONBOARDING_DEVELOPER_PAGE (op_onboarding_developer_page_get_type())

G_DECLARE_FINAL_TYPE (OpOnboardingDeveloperPage, op_onboarding_developer_page, OP, ONBOARDING_DEVELOPER_PAGE, OpWizardPage)

G_END_DECLS
