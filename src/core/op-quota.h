/* op-quota.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calls a day for all APIs together, per AppKey [seed]: 5,000 while the app
 * is in development and testing (cannot be raised), 100,000 once launched
 * (may be raised when a day's use reaches 80%). */
#define OP_QUOTA_DEVELOPMENT_DAILY_LIMIT 5000
#define OP_QUOTA_LAUNCHED_DAILY_LIMIT    100000

/* The platform's day runs from midnight to midnight China Standard Time. */
#define OP_QUOTA_PLATFORM_UTC_OFFSET     (8 * 3600)

GTimeZone *op_quota_platform_time_zone       (void);
char      *op_quota_platform_day             (GDateTime *when);
GDateTime *op_quota_day_start                (GDateTime *when);
GDateTime *op_quota_next_reset               (GDateTime *when);
gboolean   op_quota_same_day                 (GDateTime *a,
                                              GDateTime *b);
gboolean   op_quota_may_request_increase     (guint64    used_today,
                                              guint64    daily_limit);
guint64    op_quota_increase_threshold       (guint64    daily_limit);
guint64    op_quota_calls_left               (guint64    used_today,
                                              guint64    daily_limit);
double     op_quota_fraction_used            (guint64    used_today,
                                              guint64    daily_limit);

G_END_DECLS
