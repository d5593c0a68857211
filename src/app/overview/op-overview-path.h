/* op-overview-path.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "op-account.h"

G_BEGIN_DECLS

/**
 * OpPathStep:
 * @OP_PATH_STEP_JOIN: 入驻, join as a developer
 * @OP_PATH_STEP_QUALIFY: 资质, hold a role (detected, or by 资质申请)
 * @OP_PATH_STEP_ORDER: 订购解决方案, order a solution for an app
 * @OP_PATH_STEP_DEVELOP: 开发及测试, make a successful API call
 * @OP_PATH_STEP_LAUNCH: 上线 (self-use app) or 上架 (service provider's app)
 * @OP_PATH_STEP_DONE: every step is done
 *
 * The steps of a member's path on the open platform, in order.
 */
typedef enum
{
  OP_PATH_STEP_JOIN,
  OP_PATH_STEP_QUALIFY,
  OP_PATH_STEP_ORDER,
  OP_PATH_STEP_DEVELOP,
  OP_PATH_STEP_LAUNCH,
  OP_PATH_STEP_DONE,
} OpPathStep;

#define OP_PATH_N_STEPS 5

/**
 * OpPathState:
 * @current: the first step not done
 * @waiting: the current step waits for the platform's review (审核中)
 * @rejected: the latest application of the current step was rejected (已驳回)
 * @isv: the developer is a service provider: the last step is 上架, not 上线
 */
typedef struct
{
  OpPathStep current;
  gboolean   waiting;
  gboolean   rejected;
  gboolean   isv;
} OpPathState;

void op_overview_path_compute (OpAccount   *account,
                               GListModel  *apps,
                               GListModel  *qualifications,
                               OpPathState *state);

G_END_DECLS
