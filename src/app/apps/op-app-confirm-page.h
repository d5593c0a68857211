/* op-app-confirm-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_APP_CONFIRM_PAGE (op_app_confirm_page_get_type())

G_DECLARE_FINAL_TYPE (OpAppConfirmPage, op_app_confirm_page, OP, APP_CONFIRM_PAGE, OpWizardPage)

OpWizardPage *op_app_confirm_page_new (OpAppFlow *flow);

G_END_DECLS
