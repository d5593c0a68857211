/* test-quota.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-quota.h"

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute,
     int second)
{
  return g_date_time_new_utc (year, month, day, hour, minute, (double) second);
}

static GTimeZone *
los_angeles (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("America/Los_Angeles");

  if (tz == NULL)
    g_error ("no time zone data for America/Los_Angeles (install tzdata)");

  return tz;
}

static void
assert_day (GDateTime  *when,
            const char *expected)
{
  g_autofree char *day = op_quota_platform_day (when);

  g_assert_cmpstr (day, ==, expected);
}

static void
test_day_boundary_utc (void)
{
  g_autoptr(GDateTime) before = utc (2026, 3, 1, 15, 59, 59);
  g_autoptr(GDateTime) at = utc (2026, 3, 1, 16, 0, 0);
  g_autoptr(GDateTime) morning = utc (2026, 3, 2, 0, 0, 0);
  g_autoptr(GDateTime) last = utc (2026, 3, 2, 15, 59, 59);

  /* 15:59:59 UTC is 23:59:59 in Beijing; 16:00:00 UTC is the next midnight */
  assert_day (before, "2026-03-01");
  assert_day (at, "2026-03-02");
  assert_day (morning, "2026-03-02");
  assert_day (last, "2026-03-02");

  g_assert_false (op_quota_same_day (before, at));
  g_assert_true (op_quota_same_day (at, last));
  g_assert_true (op_quota_same_day (morning, at));
}

static void
test_day_boundary_calendar (void)
{
  g_autoptr(GDateTime) new_year = utc (2025, 12, 31, 16, 0, 0);
  g_autoptr(GDateTime) old_year = utc (2025, 12, 31, 15, 59, 59);
  g_autoptr(GDateTime) leap = utc (2028, 2, 28, 16, 0, 0);
  g_autoptr(GDateTime) march = utc (2028, 2, 29, 16, 0, 0);

  assert_day (new_year, "2026-01-01");
  assert_day (old_year, "2025-12-31");
  assert_day (leap, "2028-02-29");
  assert_day (march, "2028-03-01");
}

static void
test_day_far_zone (void)
{
  g_autoptr(GTimeZone) la = los_angeles ();
  /* Summer (PDT, UTC−7): 08:59:59 local is 15:59:59 UTC, 09:00 is midnight in Beijing */
  g_autoptr(GDateTime) summer_before = g_date_time_new (la, 2026, 7, 15, 8, 59, 59);
  g_autoptr(GDateTime) summer_at = g_date_time_new (la, 2026, 7, 15, 9, 0, 0);
  g_autoptr(GDateTime) summer_evening = g_date_time_new (la, 2026, 7, 15, 23, 30, 0);
  /* Winter (PST, UTC−8): the platform day changes at 08:00 local */
  g_autoptr(GDateTime) winter_before = g_date_time_new (la, 2026, 1, 15, 7, 59, 59);
  g_autoptr(GDateTime) winter_at = g_date_time_new (la, 2026, 1, 15, 8, 0, 0);
  g_autoptr(GDateTime) same_instant_utc = utc (2026, 1, 15, 16, 0, 0);

  g_assert_cmpint (g_date_time_get_utc_offset (summer_at), ==, -7 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (winter_at), ==, -8 * G_TIME_SPAN_HOUR);

  assert_day (summer_before, "2026-07-15");
  assert_day (summer_at, "2026-07-16");
  /* late evening of the 15th in Los Angeles is already the 16th in Beijing */
  assert_day (summer_evening, "2026-07-16");
  g_assert_true (op_quota_same_day (summer_at, summer_evening));
  g_assert_false (op_quota_same_day (summer_before, summer_at));

  assert_day (winter_before, "2026-01-15");
  assert_day (winter_at, "2026-01-16");
  g_assert_true (op_quota_same_day (winter_at, same_instant_utc));
}

static void
test_day_local_zone_ignored (void)
{
  /* main() set TZ to Pacific/Kiritimati (UTC+14): a date made in the local
   * zone must still be counted on the UTC+8 day. */
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (1772380799); /* 2026-03-01T15:59:59Z */
  g_autoptr(GDateTime) local_next = g_date_time_new_from_unix_local (1772380800);
  g_autofree char *local_day = g_date_time_format (local, "%Y-%m-%d");

  /* the local calendar is already on the 2nd… */
  g_assert_cmpstr (local_day, ==, "2026-03-02");
  g_assert_cmpint (g_date_time_get_utc_offset (local), ==, 14 * G_TIME_SPAN_HOUR);
  /* …but the platform is not */
  assert_day (local, "2026-03-01");
  assert_day (local_next, "2026-03-02");
}

static void
test_next_reset (void)
{
  g_autoptr(GTimeZone) la = los_angeles ();
  g_autoptr(GDateTime) before = utc (2026, 3, 1, 15, 59, 59);
  g_autoptr(GDateTime) at = utc (2026, 3, 1, 16, 0, 0);
  g_autoptr(GDateTime) summer = g_date_time_new (la, 2026, 7, 15, 8, 59, 59);
  g_autoptr(GDateTime) reset_before = op_quota_next_reset (before);
  g_autoptr(GDateTime) reset_at = op_quota_next_reset (at);
  g_autoptr(GDateTime) reset_summer = op_quota_next_reset (summer);
  g_autoptr(GDateTime) start_at = op_quota_day_start (at);
  g_autoptr(GDateTime) start_before = op_quota_day_start (before);

  /* one second before midnight in Beijing: the reset is one second later */
  g_assert_cmpint (g_date_time_to_unix (reset_before), ==, g_date_time_to_unix (before) + 1);
  g_assert_cmpint (g_date_time_difference (reset_before, before), ==, G_TIME_SPAN_SECOND);
  /* at midnight exactly the next reset is a full day away */
  g_assert_cmpint (g_date_time_difference (reset_at, at), ==, G_TIME_SPAN_DAY);
  g_assert_cmpint (g_date_time_get_utc_offset (reset_at), ==, 8 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_hour (reset_at), ==, 0);
  g_assert_cmpint (g_date_time_get_minute (reset_at), ==, 0);
  g_assert_cmpint (g_date_time_get_second (reset_at), ==, 0);

  /* 08:59:59 PDT: reset at 09:00 PDT = 16:00 UTC */
  g_assert_cmpint (g_date_time_difference (reset_summer, summer), ==, G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_to_unix (reset_summer), ==, 1784131200); /* 2026-07-15T16:00:00Z */

  g_assert_true (g_date_time_equal (start_at, at));
  g_assert_cmpint (g_date_time_to_unix (start_before), ==, g_date_time_to_unix (at) - 24 * 3600);
}

static void
test_threshold (void)
{
  /* exactly 80% and one below */
  g_assert_false (op_quota_may_request_increase (79999, OP_QUOTA_LAUNCHED_DAILY_LIMIT));
  g_assert_true (op_quota_may_request_increase (80000, OP_QUOTA_LAUNCHED_DAILY_LIMIT));
  g_assert_true (op_quota_may_request_increase (100000, OP_QUOTA_LAUNCHED_DAILY_LIMIT));
  g_assert_true (op_quota_may_request_increase (250000, OP_QUOTA_LAUNCHED_DAILY_LIMIT));
  g_assert_false (op_quota_may_request_increase (0, OP_QUOTA_LAUNCHED_DAILY_LIMIT));
  g_assert_false (op_quota_may_request_increase (3999, OP_QUOTA_DEVELOPMENT_DAILY_LIMIT));
  g_assert_true (op_quota_may_request_increase (4000, OP_QUOTA_DEVELOPMENT_DAILY_LIMIT));
  /* a raised quota */
  g_assert_false (op_quota_may_request_increase (159999, 200000));
  g_assert_true (op_quota_may_request_increase (160000, 200000));
  /* 80% of 7 is 5.6: 6 calls are needed */
  g_assert_false (op_quota_may_request_increase (5, 7));
  g_assert_true (op_quota_may_request_increase (6, 7));
  g_assert_cmpuint (op_quota_increase_threshold (7), ==, 6);
  g_assert_cmpuint (op_quota_increase_threshold (100000), ==, 80000);
  g_assert_cmpuint (op_quota_increase_threshold (1), ==, 1);

  /* The rule is used * 5 >= limit * 4, for every small case */
  for (guint64 limit = 1; limit <= 300; limit++)
    for (guint64 used = 0; used <= 2 * limit; used++)
      g_assert_cmpint (op_quota_may_request_increase (used, limit), ==, used * 5 >= limit * 4);
}

static void
test_threshold_no_overflow (void)
{
  guint64 threshold = op_quota_increase_threshold (G_MAXUINT64);

  g_assert_false (op_quota_may_request_increase (threshold - 1, G_MAXUINT64));
  g_assert_true (op_quota_may_request_increase (threshold, G_MAXUINT64));
  g_assert_true (op_quota_may_request_increase (G_MAXUINT64, G_MAXUINT64));

#ifdef __SIZEOF_INT128__
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (1688);

    for (guint i = 0; i < 100000; i++)
      {
        guint64 limit = ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) | 1;
        guint64 used = (guint64) g_rand_int (rand) << 32 | g_rand_int (rand);
        unsigned __int128 u = used;
        unsigned __int128 l = limit;

        g_assert_cmpint (op_quota_may_request_increase (used, limit), ==, u * 5 >= l * 4);
      }
  }
#endif
}

static void
test_calls_left (void)
{
  g_assert_cmpuint (op_quota_calls_left (0, OP_QUOTA_LAUNCHED_DAILY_LIMIT), ==, 100000);
  g_assert_cmpuint (op_quota_calls_left (4999, OP_QUOTA_DEVELOPMENT_DAILY_LIMIT), ==, 1);
  g_assert_cmpuint (op_quota_calls_left (5000, OP_QUOTA_DEVELOPMENT_DAILY_LIMIT), ==, 0);
  g_assert_cmpuint (op_quota_calls_left (6000, OP_QUOTA_DEVELOPMENT_DAILY_LIMIT), ==, 0);
  g_assert_cmpuint (op_quota_calls_left (G_MAXUINT64, 1), ==, 0);
}

static void
test_fraction_used (void)
{
  g_assert_cmpfloat (op_quota_fraction_used (0, 5000), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (op_quota_fraction_used (4000, 5000), 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (op_quota_fraction_used (1, 3), 1.0 / 3.0, 1e-12);
  g_assert_cmpfloat (op_quota_fraction_used (5000, 5000), ==, 1.0);
  g_assert_cmpfloat (op_quota_fraction_used (7000, 5000), ==, 1.0);
  g_assert_cmpfloat (op_quota_fraction_used (99999, 100000), <, 1.0);
}

static void
test_zero_limit (void)
{
  g_test_expect_message ("op-quota", G_LOG_LEVEL_CRITICAL, "*daily_limit > 0*");
  g_assert_false (op_quota_may_request_increase (0, 0));
  g_test_assert_expected_messages ();

  g_test_expect_message ("op-quota", G_LOG_LEVEL_CRITICAL, "*daily_limit > 0*");
  g_assert_cmpfloat (op_quota_fraction_used (1, 0), ==, 1.0);
  g_test_assert_expected_messages ();

  g_assert_cmpuint (op_quota_calls_left (0, 0), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  /* A local zone far from UTC+8 and on the other side of the date line
   * from Los Angeles: nothing here may depend on it. */
  g_setenv ("TZ", "Pacific/Kiritimati", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quota/day/boundary-utc", test_day_boundary_utc);
  g_test_add_func ("/quota/day/boundary-calendar", test_day_boundary_calendar);
  g_test_add_func ("/quota/day/far-zone", test_day_far_zone);
  g_test_add_func ("/quota/day/local-zone-ignored", test_day_local_zone_ignored);
  g_test_add_func ("/quota/next-reset", test_next_reset);
  g_test_add_func ("/quota/threshold", test_threshold);
  g_test_add_func ("/quota/threshold-no-overflow", test_threshold_no_overflow);
  g_test_add_func ("/quota/calls-left", test_calls_left);
  g_test_add_func ("/quota/fraction-used", test_fraction_used);
  g_test_add_func ("/quota/zero-limit", test_zero_limit);

  return g_test_run ();
}
