/* op-quota-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-flow.h"

G_BEGIN_DECLS

/* The most calls a day anyone may ask for (the platform's limit). */
#define OP_QUOTA_FLOW_MAX_DAILY_LIMIT 100000000
/* The longest reason the platform takes, in characters. */
#define OP_QUOTA_FLOW_MAX_REASON      500

#define OP_TYPE_QUOTA_FLOW (op_quota_flow_get_type())

G_DECLARE_FINAL_TYPE (OpQuotaFlow, op_quota_flow, OP, QUOTA_FLOW, OpAppFlow)

OpAppFlow  *op_quota_flow_new             (OpConnection    *connection,
                                           OpApp           *app,
                                           OpReviewWatcher *watcher);
void        op_quota_flow_set_request     (OpQuotaFlow     *self,
                                           gint64           daily_limit,
                                           const char      *reason);
gint64      op_quota_flow_get_daily_limit (OpQuotaFlow     *self);
const char *op_quota_flow_get_reason      (OpQuotaFlow     *self);

G_END_DECLS
