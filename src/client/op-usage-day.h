/* op-usage-day.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OP_TYPE_USAGE_DAY (op_usage_day_get_type ())

G_DECLARE_FINAL_TYPE (OpUsageDay, op_usage_day, OP, USAGE_DAY, GObject)

OpUsageDay *op_usage_day_new_from_json        (JsonObject  *object,
                                               GError     **error);
const char *op_usage_day_get_day              (OpUsageDay  *self);
gint64      op_usage_day_get_calls            (OpUsageDay  *self);
gint64      op_usage_day_get_successes        (OpUsageDay  *self);
gint64      op_usage_day_get_failures         (OpUsageDay  *self);
guint       op_usage_day_get_n_apis           (OpUsageDay  *self);
const char *op_usage_day_get_api_id           (OpUsageDay  *self,
                                               guint        position);
const char *op_usage_day_get_api_title        (OpUsageDay  *self,
                                               guint        position);
gint64      op_usage_day_get_api_successes    (OpUsageDay  *self,
                                               guint        position);
gint64      op_usage_day_get_api_failures     (OpUsageDay  *self,
                                               guint        position);

G_END_DECLS
