/* op-onboarding-summary-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_ONBOARDING_SUMMARY_PAGE (op_onboarding_summary_page_get_type())

G_DECLARE_FINAL_TYPE (OpOnboardingSummaryPage, op_onboarding_summary_page, OP, ONBOARDING_SUMMARY_PAGE, OpWizardPage)

G_END_DECLS
