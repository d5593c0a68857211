/* op-onboarding-mobile-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_ONBOARDING_MOBILE_PAGE (op_onboarding_mobile_page_get_type())

G_DECLARE_FINAL_TYPE (OpOnboardingMobilePage, op_onboarding_mobile_page, OP, ONBOARDING_MOBILE_PAGE, OpWizardPage)

G_END_DECLS
