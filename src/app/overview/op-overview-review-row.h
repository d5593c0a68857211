/* op-overview-review-row.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-review-state.h"

G_BEGIN_DECLS

#define OP_TYPE_OVERVIEW_REVIEW_ROW (op_overview_review_row_get_type())

G_DECLARE_FINAL_TYPE (OpOverviewReviewRow, op_overview_review_row, OP, OVERVIEW_REVIEW_ROW, AdwActionRow)

GtkWidget     *op_overview_review_row_new        (const char          *title,
                                                  const char          *detail,
                                                  OpReviewState        state,
                                                  const char          *area);
OpReviewState  op_overview_review_row_get_state  (OpOverviewReviewRow *self);
const char    *op_overview_review_row_get_area   (OpOverviewReviewRow *self);
const char    *op_overview_review_row_get_badge  (OpOverviewReviewRow *self);

G_END_DECLS
