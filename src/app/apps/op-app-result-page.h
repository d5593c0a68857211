/* op-app-result-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_APP_RESULT_PAGE (op_app_result_page_get_type())

G_DECLARE_FINAL_TYPE (OpAppResultPage, op_app_result_page, OP, APP_RESULT_PAGE, OpWizardPage)

OpWizardPage *op_app_result_page_new (OpAppFlow *flow);

G_END_DECLS
