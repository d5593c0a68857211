/* op-review.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-store.h"

G_BEGIN_DECLS

/* The largest daily limit the automatic reviewer grants ([ours]). */
#define OP_REVIEW_AUTO_MAX_DAILY_LIMIT 1000000

#define OP_REVIEW_ERROR (op_review_error_quark ())

typedef enum
{
  OP_REVIEW_ERROR_NOT_FOUND,
  OP_REVIEW_ERROR_DECIDED,
} OpReviewError;

/* One application waiting for the reviewer, as `review list` shows it. */
typedef struct
{
  gint64  id;
  char   *kind;        /* qualification, launch, listing, quota_increase */
  gint64  subject_id;
  char   *account;     /* login */
  char   *summary;     /* what is asked, in one line */
  gint64  created_at;
  gint64  decide_after;
} OpReviewItem;

void        op_review_item_free     (OpReviewItem  *item);

GQuark      op_review_error_quark   (void);
gint64      op_review_submit        (OpStore       *store,
                                     const char    *kind,
                                     gint64         subject_id,
                                     gint64         account_id,
                                     gint64         now,
                                     guint          delay_seconds,
                                     GError       **error);
GPtrArray  *op_review_list_pending  (OpStore       *store,
                                     GError       **error);
gboolean    op_review_decide        (OpStore       *store,
                                     gint64         review_id,
                                     gboolean       approve,
                                     const char    *reason,
                                     gint64         now,
                                     GError       **error);
gboolean    op_review_decide_auto   (OpStore       *store,
                                     gint64         review_id,
                                     gint64         now,
                                     GError       **error);
gint64      op_review_next_due      (OpStore       *store,
                                     GError       **error);
gint        op_review_run_due       (OpStore       *store,
                                     gint64         now,
                                     GError       **error);
gboolean    op_review_check_qualification (OpStore     *store,
                                           const char  *role_id,
                                           const char  *fields_json,
                                           char       **field_reasons_json,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpReviewItem, op_review_item_free)

G_END_DECLS
