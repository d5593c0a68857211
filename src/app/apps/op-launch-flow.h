/* op-launch-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-flow.h"

G_BEGIN_DECLS

#define OP_TYPE_LAUNCH_FLOW (op_launch_flow_get_type())

G_DECLARE_FINAL_TYPE (OpLaunchFlow, op_launch_flow, OP, LAUNCH_FLOW, OpAppFlow)

OpAppFlow *op_launch_flow_new (OpConnection    *connection,
                               OpApp           *app,
                               OpReviewWatcher *watcher);

G_END_DECLS
