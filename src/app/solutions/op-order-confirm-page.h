/* op-order-confirm-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-order-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_ORDER_CONFIRM_PAGE (op_order_confirm_page_get_type())

G_DECLARE_FINAL_TYPE (OpOrderConfirmPage, op_order_confirm_page, OP, ORDER_CONFIRM_PAGE, OpWizardPage)

OpOrderConfirmPage *op_order_confirm_page_new (OpOrderFlow *flow);

G_END_DECLS
