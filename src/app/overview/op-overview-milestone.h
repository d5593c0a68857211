/* op-overview-milestone.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * OpMilestoneState:
 * @OP_MILESTONE_TO_DO: not reached yet
 * @OP_MILESTONE_CURRENT: the step the member is on
 * @OP_MILESTONE_WAITING: the current step, waiting for a review
 * @OP_MILESTONE_DONE: done
 */
typedef enum
{
  OP_MILESTONE_TO_DO,
  OP_MILESTONE_CURRENT,
  OP_MILESTONE_WAITING,
  OP_MILESTONE_DONE,
} OpMilestoneState;

#define OP_TYPE_OVERVIEW_MILESTONE (op_overview_milestone_get_type())

G_DECLARE_FINAL_TYPE (OpOverviewMilestone, op_overview_milestone, OP, OVERVIEW_MILESTONE, AdwBin)

const char       *op_overview_milestone_get_label (OpOverviewMilestone *self);
void              op_overview_milestone_set_label (OpOverviewMilestone *self,
                                                   const char          *label);
OpMilestoneState  op_overview_milestone_get_state (OpOverviewMilestone *self);
void              op_overview_milestone_set_state (OpOverviewMilestone *self,
                                                   OpMilestoneState     state);

G_END_DECLS
