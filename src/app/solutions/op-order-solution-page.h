/* op-order-solution-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-order-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_ORDER_SOLUTION_PAGE (op_order_solution_page_get_type())

G_DECLARE_FINAL_TYPE (OpOrderSolutionPage, op_order_solution_page, OP, ORDER_SOLUTION_PAGE, OpWizardPage)

OpOrderSolutionPage *op_order_solution_page_new (OpOrderFlow *flow);

G_END_DECLS
