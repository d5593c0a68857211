/* op-app.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "op-review-state.h"

G_BEGIN_DECLS

/**
 * OpAppType:
 * @OP_APP_TYPE_SELF_USE: 自用型应用: for the developer's own business; launched (上线)
 * @OP_APP_TYPE_ISV: 商用型应用: sold by a 服务商 on the service market; listed (上架)
 */
typedef enum
{
  OP_APP_TYPE_SELF_USE,
  OP_APP_TYPE_ISV,
} OpAppType;

/**
 * OpAppState:
 * @OP_APP_STATE_DEVELOPING: 开发中 (`developing`): 5,000 calls a day, not raisable
 * @OP_APP_STATE_LAUNCH_REVIEW: 上线审核中 (`launch_review`)
 * @OP_APP_STATE_LAUNCHED: 已上线 (`launched`): 100,000 calls a day by default
 */
typedef enum
{
  OP_APP_STATE_DEVELOPING,
  OP_APP_STATE_LAUNCH_REVIEW,
  OP_APP_STATE_LAUNCHED,
} OpAppState;

#define OP_TYPE_APP_TYPE (op_app_type_get_type ())
#define OP_TYPE_APP_STATE (op_app_state_get_type ())
#define OP_TYPE_APP (op_app_get_type ())

GType op_app_type_get_type  (void);
GType op_app_state_get_type (void);

G_DECLARE_FINAL_TYPE (OpApp, op_app, OP, APP, GObject)

OpApp         *op_app_new_from_json                  (JsonObject  *object,
                                                      GError     **error);
const char    *op_app_get_app_key                    (OpApp       *self);
const char    *op_app_get_name                       (OpApp       *self);
const char    *op_app_get_description                (OpApp       *self);
OpAppType      op_app_get_app_type                   (OpApp       *self);
const char    *op_app_get_callback_url               (OpApp       *self);
OpAppState     op_app_get_state                      (OpApp       *self);
GDateTime     *op_app_get_created_at                 (OpApp       *self);

gint64         op_app_get_daily_limit                (OpApp       *self);
gint64         op_app_get_used_today                 (OpApp       *self);
gint64         op_app_get_left_today                 (OpApp       *self);
const char    *op_app_get_quota_day                  (OpApp       *self);
GDateTime     *op_app_get_quota_resets_at            (OpApp       *self);
gboolean       op_app_get_may_request_increase       (OpApp       *self);

guint          op_app_get_n_solutions                (OpApp       *self);
gint64         op_app_get_solution_id                (OpApp       *self,
                                                      guint        position);
const char    *op_app_get_solution_name              (OpApp       *self,
                                                      guint        position);
gboolean       op_app_has_solution                   (OpApp       *self,
                                                      gint64       solution_id);
guint          op_app_get_n_abilities                (OpApp       *self);
gint64         op_app_get_ability_id                 (OpApp       *self,
                                                      guint        position);
const char    *op_app_get_ability_name               (OpApp       *self,
                                                      guint        position);
gint64         op_app_get_ability_used               (OpApp       *self,
                                                      guint        position);

gboolean       op_app_get_has_details                (OpApp       *self);
gboolean       op_app_get_has_successful_call        (OpApp       *self);
OpReviewState  op_app_get_launch_state               (OpApp       *self);
const char    *op_app_get_launch_reason              (OpApp       *self);
OpReviewState  op_app_get_listing_state              (OpApp       *self);
const char    *op_app_get_listing_reason             (OpApp       *self);
const char    *op_app_get_market_url                 (OpApp       *self);
OpReviewState  op_app_get_quota_increase_state       (OpApp       *self);
const char    *op_app_get_quota_increase_reason      (OpApp       *self);
gint64         op_app_get_quota_increase_daily_limit (OpApp       *self);

G_END_DECLS
