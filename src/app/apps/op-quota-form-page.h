/* op-quota-form-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_QUOTA_FORM_PAGE (op_quota_form_page_get_type())

G_DECLARE_FINAL_TYPE (OpQuotaFormPage, op_quota_form_page, OP, QUOTA_FORM_PAGE, OpWizardPage)

OpWizardPage *op_quota_form_page_new (OpAppFlow *flow);

G_END_DECLS
