/* op-overview-app-row.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-overview-app-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "op-overview-app-row.h"

/* An app in the overview: its name, state (开发中 / 上线审核中 / 已上线) and
 * AppKey, and today's calls against its daily quota (调用量) as a level bar:
 * 5,000 a day in development, 100,000 (or the raised figure) once launched.
 * At 80% of the quota the bar turns to the warning colour: a launched app
 * may then apply to raise it. */
#define QUOTA_WARNING_FRACTION 0.8

struct _OpOverviewAppRow
{
  AdwActionRow  parent_instance;

  OpApp        *app;

  GtkLevelBar  *level_bar;
  GtkLabel     *usage_label;
};

G_DEFINE_FINAL_TYPE (OpOverviewAppRow, op_overview_app_row, ADW_TYPE_ACTION_ROW)

/**
 * op_overview_format_count:
 *
 * Returns: (transfer full): @count with thousands separators, "100,000"
 */
char *
op_overview_format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (count));
  GString *text = g_string_new (count < 0 ? "-" : NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

static const char *
state_name (OpAppState state)
{
  switch (state)
    {
    case OP_APP_STATE_LAUNCH_REVIEW:
      return _("Launch under review");

    case OP_APP_STATE_LAUNCHED:
      return _("Launched");

    case OP_APP_STATE_DEVELOPING:
    default:
      return _("In development");
    }
}

static void
op_overview_app_row_update (OpOverviewAppRow *self)
{
  gint64 limit = MAX (op_app_get_daily_limit (self->app), 1);
  gint64 used = CLAMP (op_app_get_used_today (self->app), 0, limit);
  g_autofree char *used_text = op_overview_format_count (op_app_get_used_today (self->app));
  g_autofree char *limit_text = op_overview_format_count (op_app_get_daily_limit (self->app));
  g_autofree char *subtitle = NULL;
  g_autofree char *usage = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), op_app_get_name (self->app));

  /* Translators: an app's state (e.g. "In development") and its AppKey */
  subtitle = g_strdup_printf (_("%s · AppKey %s"), state_name (op_app_get_state (self->app)),
                              op_app_get_app_key (self->app));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_level_bar_set_max_value (self->level_bar, limit);
  gtk_level_bar_set_value (self->level_bar, used);

  /* Translators: today's calls of an app and its daily limit, e.g. "120 of 5,000 today" */
  usage = g_strdup_printf (_("%s of %s today"), used_text, limit_text);
  gtk_label_set_label (self->usage_label, usage);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, usage,
                                  -1);
}

static void
op_overview_app_row_dispose (GObject *object)
{
  OpOverviewAppRow *self = (OpOverviewAppRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_OVERVIEW_APP_ROW);
  g_clear_object (&self->app);

  G_OBJECT_CLASS (op_overview_app_row_parent_class)->dispose (object);
}

static void
op_overview_app_row_class_init (OpOverviewAppRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = op_overview_app_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-overview-app-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOverviewAppRow, level_bar);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewAppRow, usage_label);
}

static void
op_overview_app_row_init (OpOverviewAppRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The usual offsets mean "low is bad" (a battery); for a quota high is
   * bad: accent colour up to 80%, the warning colour ("low" in the theme)
   * above it. */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH,
                                  QUOTA_WARNING_FRACTION);
  gtk_level_bar_add_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW, 1.0);
}

GtkWidget *
op_overview_app_row_new (OpApp *app)
{
  OpOverviewAppRow *self;

  g_return_val_if_fail (OP_IS_APP (app), NULL);

  self = g_object_new (OP_TYPE_OVERVIEW_APP_ROW, NULL);
  self->app = g_object_ref (app);
  op_overview_app_row_update (self);

  return GTK_WIDGET (self);
}

/**
 * op_overview_app_row_get_app:
 *
 * Returns: (transfer none): the app
 */
OpApp *
op_overview_app_row_get_app (OpOverviewAppRow *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_APP_ROW (self), NULL);

  return self->app;
}

/**
 * op_overview_app_row_get_fraction:
 *
 * Returns: how much of today's quota is used, 0 to 1
 */
double
op_overview_app_row_get_fraction (OpOverviewAppRow *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_APP_ROW (self), 0);

  return gtk_level_bar_get_value (self->level_bar) / gtk_level_bar_get_max_value (self->level_bar);
}

/**
 * op_overview_app_row_get_usage:
 *
 * Returns: the usage as the row shows it, "120 of 5,000 today"
 */
const char *
op_overview_app_row_get_usage (OpOverviewAppRow *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_APP_ROW (self), NULL);

  return gtk_label_get_label (self->usage_label);
}
