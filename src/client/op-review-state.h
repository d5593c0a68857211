/* op-review-state.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * OpReviewState:
 * @OP_REVIEW_STATE_NONE: nothing was submitted
 * @OP_REVIEW_STATE_PENDING: 审核中, under review (`pending`)
 * @OP_REVIEW_STATE_APPROVED: 已通过 (`approved`)
 * @OP_REVIEW_STATE_REJECTED: 已驳回, with a reason; it may be corrected and
 *   submitted again (`rejected`)
 *
 * Where an application reviewed by the platform stands: a qualification
 * application (资质申请), a launch (上线), a listing (上架) or a quota increase.
 */
typedef enum
{
  OP_REVIEW_STATE_NONE,
  OP_REVIEW_STATE_PENDING,
  OP_REVIEW_STATE_APPROVED,
  OP_REVIEW_STATE_REJECTED,
} OpReviewState;

#define OP_TYPE_REVIEW_STATE (op_review_state_get_type ())

GType op_review_state_get_type (void);

G_END_DECLS
