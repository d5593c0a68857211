/* op-order-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-connection.h"
#include "op-flow.h"
#include "op-form-page.h"

G_BEGIN_DECLS

#define OP_TYPE_ORDER_FLOW (op_order_flow_get_type())

G_DECLARE_FINAL_TYPE (OpOrderFlow, op_order_flow, OP, ORDER_FLOW, OpFlow)

OpOrderFlow  *op_order_flow_new                  (OpConnection         *connection,
                                                  OpSolution           *solution);
OpConnection *op_order_flow_get_connection       (OpOrderFlow          *self);
OpSolution   *op_order_flow_get_solution         (OpOrderFlow          *self);
void          op_order_flow_load_async           (OpOrderFlow          *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      op_order_flow_load_finish          (OpOrderFlow          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
gboolean      op_order_flow_get_resumed          (OpOrderFlow          *self);
void          op_order_flow_start_over           (OpOrderFlow          *self);
gboolean      op_order_flow_get_create_app       (OpOrderFlow          *self);
void          op_order_flow_set_create_app       (OpOrderFlow          *self,
                                                  gboolean              create_app);
const char   *op_order_flow_get_existing_app_key (OpOrderFlow          *self);
void          op_order_flow_set_existing_app_key (OpOrderFlow          *self,
                                                  const char           *app_key);
OpApp        *op_order_flow_get_existing_app     (OpOrderFlow          *self);
void          op_order_flow_set_apps             (OpOrderFlow          *self,
                                                  GListModel           *apps);
OpFormPage   *op_order_flow_get_app_info_page    (OpOrderFlow          *self);
void          op_order_flow_request_role         (OpOrderFlow          *self,
                                                  const char           *role_id);
void          op_order_flow_commit_async         (OpOrderFlow          *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      op_order_flow_commit_finish        (OpOrderFlow          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
const char   *op_order_flow_get_result_app_key   (OpOrderFlow          *self);
const char   *op_order_flow_get_result_app_name  (OpOrderFlow          *self);
const char   *op_order_flow_get_result_secret    (OpOrderFlow          *self);
gint64        op_order_flow_get_result_order_id  (OpOrderFlow          *self);
gboolean      op_order_flow_get_secret_saved     (OpOrderFlow          *self);
const char   *op_order_flow_get_next_area        (OpOrderFlow          *self);
void          op_order_flow_set_next_area        (OpOrderFlow          *self,
                                                  const char           *area);

G_END_DECLS
