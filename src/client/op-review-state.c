/* op-review-state.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-review-state"

#include "config.h"

#include "op-review-state.h"

/* The nicks are the platform's values. */
G_DEFINE_ENUM_TYPE (OpReviewState, op_review_state,
                    G_DEFINE_ENUM_VALUE (OP_REVIEW_STATE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OP_REVIEW_STATE_PENDING, "pending"),
                    G_DEFINE_ENUM_VALUE (OP_REVIEW_STATE_APPROVED, "approved"),
                    G_DEFINE_ENUM_VALUE (OP_REVIEW_STATE_REJECTED, "rejected"))
