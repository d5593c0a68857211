/* op-app-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-connection.h"
#include "op-flow.h"
#include "op-review-watcher.h"

G_BEGIN_DECLS

/**
 * OpAppFlowKind:
 * @OP_APP_FLOW_LAUNCH: 上线, a self-use app goes live
 * @OP_APP_FLOW_LISTING: 上架, an app for sale is listed on 1688服务市场
 * @OP_APP_FLOW_QUOTA: 调高调用量, a launched app asks for a higher daily limit
 */
typedef enum
{
  OP_APP_FLOW_LAUNCH,
  OP_APP_FLOW_LISTING,
  OP_APP_FLOW_QUOTA,
} OpAppFlowKind;

#define OP_TYPE_APP_FLOW (op_app_flow_get_type())

G_DECLARE_DERIVABLE_TYPE (OpAppFlow, op_app_flow, OP, APP_FLOW, OpFlow)

struct _OpAppFlowClass
{
  OpFlowClass   parent_class;

  OpAppFlowKind kind;

  /* Sends what the pages collected to the platform; the answer is the app
   * with its application under review. */
  void    (*submit_async)  (OpAppFlow            *self,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data);
  OpApp  *(*submit_finish) (OpAppFlow            *self,
                            GAsyncResult         *result,
                            GError              **error);

  /* What the confirmation page shows besides the app's basic information:
   * title, value, title, value… (NULL-terminated). */
  char  **(*get_summary)   (OpAppFlow            *self);

  gpointer _reserved[8];
};

OpAppFlowKind     op_app_flow_get_kind         (OpAppFlow            *self);
OpConnection     *op_app_flow_get_connection   (OpAppFlow            *self);
OpPlatformClient *op_app_flow_get_client       (OpAppFlow            *self);
OpReviewWatcher  *op_app_flow_get_watcher      (OpAppFlow            *self);
OpApp            *op_app_flow_get_app          (OpAppFlow            *self);
void              op_app_flow_set_app          (OpAppFlow            *self,
                                                OpApp                *app);
GHashTable       *op_app_flow_get_field_errors (OpAppFlow            *self);
void              op_app_flow_set_field_errors (OpAppFlow            *self,
                                                GHashTable           *field_errors);
char            **op_app_flow_get_summary      (OpAppFlow            *self);
void              op_app_flow_submit_async     (OpAppFlow            *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
OpApp            *op_app_flow_submit_finish    (OpAppFlow            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
