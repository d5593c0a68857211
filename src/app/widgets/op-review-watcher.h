/* op-review-watcher.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "op-connection.h"

G_BEGIN_DECLS

/* How often to look while a review is pending, and otherwise. */
#define OP_REVIEW_WATCHER_PENDING_INTERVAL_MS 3000
#define OP_REVIEW_WATCHER_IDLE_INTERVAL_MS    30000

#define OP_TYPE_REVIEW_WATCHER (op_review_watcher_get_type())

G_DECLARE_FINAL_TYPE (OpReviewWatcher, op_review_watcher, OP, REVIEW_WATCHER, GObject)

OpReviewWatcher *op_review_watcher_new            (OpConnection    *connection);
OpConnection    *op_review_watcher_get_connection (OpReviewWatcher *self);
gboolean         op_review_watcher_get_pending    (OpReviewWatcher *self);
guint            op_review_watcher_get_interval   (OpReviewWatcher *self);
void             op_review_watcher_set_interval   (OpReviewWatcher *self,
                                                   guint            milliseconds);
void             op_review_watcher_refresh        (OpReviewWatcher *self);
void             op_review_watcher_track_app      (OpReviewWatcher *self,
                                                   OpApp           *app);

G_END_DECLS
