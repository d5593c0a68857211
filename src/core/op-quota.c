/* op-quota.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-quota"

#include "config.h"

#include "op-quota.h"

/*
 * Quota arithmetic for the daily call limit (调用量) of an AppKey.
 *
 * The platform counts calls per calendar day in China Standard Time
 * (UTC+8, no daylight saving), whatever the time zone of the user's
 * computer: a developer in Los Angeles sees the counter go back to zero at
 * 09:00 or 08:00 local time. So every function here converts to the fixed
 * offset +08:00 and never uses the local time zone.
 *
 * Counts are integers and the 80% rule is integer arithmetic, so that the
 * service (which enforces it) and the app (which explains it) agree on the
 * exact call that crosses the threshold.
 */

/**
 * op_quota_platform_time_zone:
 *
 * Returns: (transfer full): the fixed +08:00 time zone of the platform's day
 */
GTimeZone *
op_quota_platform_time_zone (void)
{
  return g_time_zone_new_offset (OP_QUOTA_PLATFORM_UTC_OFFSET);
}

static GDateTime *
to_platform_time (GDateTime *when)
{
  g_autoptr(GTimeZone) tz = op_quota_platform_time_zone ();

  return g_date_time_to_timezone (when, tz);
}

/**
 * op_quota_platform_day:
 * @when: an instant, in any time zone
 *
 * Returns: (transfer full): the platform day of @when as "YYYY-MM-DD",
 *   the calendar date in China Standard Time (UTC+8); a key for a day's count
 */
char *
op_quota_platform_day (GDateTime *when)
{
  g_autoptr(GDateTime) cst = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  cst = to_platform_time (when);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_time_get_year (cst),
                          g_date_time_get_month (cst),
                          g_date_time_get_day_of_month (cst));
}

/**
 * op_quota_day_start:
 * @when: an instant, in any time zone
 *
 * Returns: (transfer full): the midnight UTC+8 that began the platform day
 *   of @when (@when itself if it is such a midnight), in the +08:00 zone
 */
GDateTime *
op_quota_day_start (GDateTime *when)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) cst = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  tz = op_quota_platform_time_zone ();
  cst = g_date_time_to_timezone (when, tz);

  return g_date_time_new (tz,
                          g_date_time_get_year (cst),
                          g_date_time_get_month (cst),
                          g_date_time_get_day_of_month (cst),
                          0, 0, 0);
}

/**
 * op_quota_next_reset:
 * @when: an instant, in any time zone
 *
 * Returns: (transfer full): the next midnight UTC+8 strictly after @when,
 *   when the day's count starts again from zero, in the +08:00 zone
 *   (use g_date_time_to_local() to show it)
 */
GDateTime *
op_quota_next_reset (GDateTime *when)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  start = op_quota_day_start (when);

  /* A fixed offset has no daylight saving: a platform day is always 24 h. */
  return g_date_time_add_days (start, 1);
}

/**
 * op_quota_same_day:
 * @a: an instant
 * @b: another instant, in the same or any other time zone
 *
 * Returns: %TRUE if @a and @b fall on the same platform day (UTC+8), that
 *   is, calls at both instants count against the same daily limit
 */
gboolean
op_quota_same_day (GDateTime *a,
                   GDateTime *b)
{
  g_autoptr(GDateTime) cst_a = NULL;
  g_autoptr(GDateTime) cst_b = NULL;
  int ya, ma, da;
  int yb, mb, db;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  cst_a = to_platform_time (a);
  cst_b = to_platform_time (b);
  g_date_time_get_ymd (cst_a, &ya, &ma, &da);
  g_date_time_get_ymd (cst_b, &yb, &mb, &db);

  return ya == yb && ma == mb && da == db;
}

/**
 * op_quota_increase_threshold:
 * @daily_limit: the app's daily limit, not 0
 *
 * The smallest day's use that is at least 80% of @daily_limit:
 * ⌈limit × 4 / 5⌉, computed as limit − ⌊limit / 5⌋ so that it cannot
 * overflow. 80,000 for 100,000; 4 for 5.
 *
 * Returns: the number of calls from which op_quota_may_request_increase()
 *   is %TRUE
 */
guint64
op_quota_increase_threshold (guint64 daily_limit)
{
  g_return_val_if_fail (daily_limit > 0, G_MAXUINT64);

  return daily_limit - daily_limit / 5;
}

/**
 * op_quota_may_request_increase:
 * @used_today: calls made so far in the current platform day
 * @daily_limit: the app's daily limit, not 0
 *
 * The rule of 调高调用量 [seed]: once a day's use reaches 80% of the limit
 * the developer may apply to raise it. This is exactly
 * `used_today * 5 >= daily_limit * 4` in integer arithmetic (no floating
 * point, no overflow for any 64-bit values).
 *
 * This is only the arithmetic: the development quota
 * (%OP_QUOTA_DEVELOPMENT_DAILY_LIMIT) can never be raised [seed], so the
 * caller also checks that the app is launched.
 *
 * Returns: %TRUE if @used_today is at least 80% of @daily_limit
 */
gboolean
op_quota_may_request_increase (guint64 used_today,
                               guint64 daily_limit)
{
  g_return_val_if_fail (daily_limit > 0, FALSE);

  return used_today >= op_quota_increase_threshold (daily_limit);
}

/**
 * op_quota_calls_left:
 * @used_today: calls made so far in the current platform day
 * @daily_limit: the app's daily limit
 *
 * Returns: the calls that may still be made today, 0 when the limit is
 *   reached or passed (never wraps around)
 */
guint64
op_quota_calls_left (guint64 used_today,
                     guint64 daily_limit)
{
  return used_today >= daily_limit ? 0 : daily_limit - used_today;
}

/**
 * op_quota_fraction_used:
 * @used_today: calls made so far in the current platform day
 * @daily_limit: the app's daily limit, not 0
 *
 * For a level bar or a percentage: @used_today / @daily_limit, clamped to
 * 1.0 when the count is past the limit. Use op_quota_may_request_increase(),
 * not this value, to decide about the 80% rule.
 *
 * Returns: a value between 0.0 and 1.0
 */
double
op_quota_fraction_used (guint64 used_today,
                        guint64 daily_limit)
{
  g_return_val_if_fail (daily_limit > 0, 1.0);

  if (used_today >= daily_limit)
    return 1.0;

  return (double) used_today / (double) daily_limit;
}
