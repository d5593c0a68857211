/* op-order.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * OpOrderState:
 * @OP_ORDER_STATE_UNPAID: 待支付 (`unpaid`): pay it on the cashier page, or cancel it
 * @OP_ORDER_STATE_PAID: 已支付 (`paid`): the package's calls are in the balance
 * @OP_ORDER_STATE_CANCELLED: 已取消 (`cancelled`)
 */
typedef enum
{
  OP_ORDER_STATE_UNPAID,
  OP_ORDER_STATE_PAID,
  OP_ORDER_STATE_CANCELLED,
} OpOrderState;

#define OP_TYPE_ORDER_STATE (op_order_state_get_type ())
#define OP_TYPE_ORDER (op_order_get_type ())

GType op_order_state_get_type (void);

G_DECLARE_FINAL_TYPE (OpOrder, op_order, OP, ORDER, GObject)

OpOrder      *op_order_new_from_json       (JsonObject  *object,
                                            GError     **error);
gint64        op_order_get_id              (OpOrder     *self);
gint64        op_order_get_ability_id      (OpOrder     *self);
const char   *op_order_get_ability_name    (OpOrder     *self);
gint64        op_order_get_package_id      (OpOrder     *self);
const char   *op_order_get_package_name    (OpOrder     *self);
gint64        op_order_get_calls           (OpOrder     *self);
gint64        op_order_get_amount_fen      (OpOrder     *self);
OpOrderState  op_order_get_state           (OpOrder     *self);
GDateTime    *op_order_get_created_at      (OpOrder     *self);
GDateTime    *op_order_get_paid_at         (OpOrder     *self);
GDateTime    *op_order_get_cancelled_at    (OpOrder     *self);
const char   *op_order_get_cashier_url     (OpOrder     *self);

G_END_DECLS
