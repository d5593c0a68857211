/* op-apps-format.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-apps-format"

#include "config.h"

#include <glib/gi18n.h>

#include "op-apps-format.h"
#include "op-wizard-page.h"
#include "op-platform-error.h"
#include "op-quota.h"

/* What the apps area says about an app in more than one place: its state in
 * the platform's terms, its quota, and which steps it may take next. The
 * platform enforces each rule; these only decide what to offer.
 */

/**
 * op_apps_format_count:
 *
 * Returns: (transfer full): @count with thousands separated by commas, as
 *   the platform writes quotas in both languages ("100,000")
 */
char *
op_apps_format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             (guint64) (count < 0 ? -count : count));
  GString *text = g_string_new (count < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

const char *
op_apps_app_state_label (OpAppState state)
{
  switch (state)
    {
    case OP_APP_STATE_DEVELOPING:
      /* Translators: an app's state: 开发中 */
      return _("In development");

    case OP_APP_STATE_LAUNCH_REVIEW:
      /* Translators: an app's state: 上线审核中 */
      return _("Launch under review");

    case OP_APP_STATE_LAUNCHED:
      /* Translators: an app's state: 已上线 */
      return _("Launched");

    default:
      g_return_val_if_reached ("");
    }
}

const char *
op_apps_app_type_label (OpAppType app_type)
{
  switch (app_type)
    {
    case OP_APP_TYPE_SELF_USE:
      /* Translators: 自用型应用 (企业自用) */
      return _("Self-use app");

    case OP_APP_TYPE_ISV:
      /* Translators: 商用型应用 (服务商) */
      return _("App for sale (ISV)");

    default:
      g_return_val_if_reached ("");
    }
}

const char *
op_apps_review_state_label (OpReviewState state)
{
  switch (state)
    {
    case OP_REVIEW_STATE_NONE:
      /* Translators: no application of this kind was made yet */
      return _("Not submitted");

    case OP_REVIEW_STATE_PENDING:
      /* Translators: a review's state: 审核中 */
      return _("Under review");

    case OP_REVIEW_STATE_APPROVED:
      /* Translators: a review's state: 已通过 */
      return _("Approved");

    case OP_REVIEW_STATE_REJECTED:
      /* Translators: a review's state: 已驳回 */
      return _("Rejected");

    default:
      g_return_val_if_reached ("");
    }
}

/**
 * op_apps_format_quota:
 *
 * Returns: (transfer full): "1,234 of 5,000 calls today (resets at 00:00
 *   China time)", with the local time of the reset when it differs
 */
char *
op_apps_format_quota (OpApp *app)
{
  g_autofree char *used = NULL;
  g_autofree char *limit = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *resets_at;

  g_return_val_if_fail (OP_IS_APP (app), NULL);

  used = op_apps_format_count (op_app_get_used_today (app));
  limit = op_apps_format_count (op_app_get_daily_limit (app));
  resets_at = op_app_get_quota_resets_at (app);

  if (resets_at != NULL &&
      g_date_time_get_utc_offset (now) != (GTimeSpan) OP_QUOTA_PLATFORM_UTC_OFFSET * G_TIME_SPAN_SECOND)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (resets_at);
      g_autofree char *time = g_date_time_format (local, "%H:%M");

      /* Translators: the first two are numbers of calls ("1,234 of 5,000");
       * the last is the local time at which the platform's day ends */
      return g_strdup_printf (_("%s of %s calls today (resets at 00:00 China time, %s here)"),
                              used, limit, time);
    }

  /* Translators: numbers of calls, for example "1,234 of 5,000 calls today" */
  return g_strdup_printf (_("%s of %s calls today (resets at 00:00 China time)"), used, limit);
}

/**
 * op_apps_error_message:
 * @format: a translated sentence with one `%s` for the platform's message,
 *   such as "The platform did not accept the launch request: %s"
 *
 * Words for an error of the platform client: a fixed sentence when the
 * platform could not be reached or the session ended, else @format around
 * the platform's own (translated) message.
 *
 * Returns: (transfer full): the message to show
 */
char *
op_apps_error_message (const GError *error,
                       const char   *format)
{
  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NETWORK) ||
      g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_TIMEOUT))
    return g_strdup (_("The platform could not be reached. Check the connection, then try again."));

  if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SESSION_EXPIRED))
    return g_strdup (_("Your session on the platform ended. Sign in again, then try again."));

  /* The format is a translated literal of the caller's, with one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (format, error->message);
#pragma GCC diagnostic pop
}

/**
 * op_apps_may_launch:
 *
 * Whether to offer 提交上线: a self-use app in development. (Whether it has
 * made a successful call is explained by the launch wizard.)
 */
gboolean
op_apps_may_launch (OpApp *app)
{
  g_return_val_if_fail (OP_IS_APP (app), FALSE);

  return op_app_get_app_type (app) == OP_APP_TYPE_SELF_USE &&
         op_app_get_state (app) == OP_APP_STATE_DEVELOPING;
}

/**
 * op_apps_may_list:
 *
 * Whether to offer 上架: an app for sale that is not listed and has no
 * listing under review (a rejected one may be submitted again).
 */
gboolean
op_apps_may_list (OpApp *app)
{
  OpReviewState listing;

  g_return_val_if_fail (OP_IS_APP (app), FALSE);

  listing = op_app_get_listing_state (app);

  return op_app_get_app_type (app) == OP_APP_TYPE_ISV &&
         (listing == OP_REVIEW_STATE_NONE || listing == OP_REVIEW_STATE_REJECTED);
}

/**
 * op_apps_may_raise_quota:
 *
 * Whether to offer 调高调用量: a launched app whose calls today reached 80%
 * of its limit, with no increase under review [seed].
 */
gboolean
op_apps_may_raise_quota (OpApp *app)
{
  g_return_val_if_fail (OP_IS_APP (app), FALSE);

  return op_app_get_state (app) == OP_APP_STATE_LAUNCHED &&
         op_app_get_quota_increase_state (app) != OP_REVIEW_STATE_PENDING &&
         op_app_get_daily_limit (app) > 0 &&
         op_quota_may_request_increase (MAX (op_app_get_used_today (app), 0),
                                        op_app_get_daily_limit (app));
}
