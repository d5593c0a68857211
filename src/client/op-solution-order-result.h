/* op-solution-order-result.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "op-app.h"

G_BEGIN_DECLS

#define OP_TYPE_SOLUTION_ORDER_RESULT (op_solution_order_result_get_type ())

G_DECLARE_FINAL_TYPE (OpSolutionOrderResult, op_solution_order_result, OP, SOLUTION_ORDER_RESULT, GObject)

OpSolutionOrderResult *op_solution_order_result_new_from_json      (JsonObject             *object,
                                                                    GError                **error);
gint64                 op_solution_order_result_get_order_id       (OpSolutionOrderResult  *self);
gint64                 op_solution_order_result_get_solution_id    (OpSolutionOrderResult  *self);
const char            *op_solution_order_result_get_solution_name  (OpSolutionOrderResult  *self);
GDateTime             *op_solution_order_result_get_created_at     (OpSolutionOrderResult  *self);
OpApp                 *op_solution_order_result_get_app            (OpSolutionOrderResult  *self);
const char            *op_solution_order_result_get_app_secret     (OpSolutionOrderResult  *self);

G_END_DECLS
