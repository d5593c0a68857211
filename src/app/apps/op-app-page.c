/* op-app-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-app-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-app-page.h"
#include "op-apps-format.h"
#include "op-area-page.h"
#include "op-launch-flow.h"
#include "op-listing-flow.h"
#include "op-quota-flow.h"
#include "op-usage-chart.h"

/* One app (应用) as the platform describes it: its state and reviews, the
 * next steps it may take (上线, 上架, 调高调用量), its credentials (the
 * AppSecret read from the keyring only when asked for, and reset with a
 * confirmation), today's quota and the calls of the last 30 days, and the
 * solutions and abilities linked to it.
 */
#define USAGE_DAYS    30
#define SECRET_HIDDEN "••••••••••••••••"

struct _OpAppPage
{
  AdwBin                parent_instance;

  OpConnection         *connection;
  OpReviewWatcher      *watcher;
  char                 *app_key;
  OpApp                *app;
  char                 *secret;           /* only while shown */
  GCancellable         *load_cancellable;
  GCancellable         *secret_cancellable;
  GCancellable         *reset_cancellable;
  GPtrArray            *link_rows;
  gboolean              copy_when_found;
  gboolean              updating_toggle;

  GtkStack             *stack;
  AdwStatusPage        *error_status;
  GtkLabel             *name_label;
  GtkLabel             *description_label;
  AdwActionRow         *state_row;
  AdwActionRow         *type_row;
  AdwActionRow         *launch_row;
  AdwActionRow         *listing_row;
  GtkButton            *market_button;
  AdwActionRow         *quota_review_row;
  AdwPreferencesGroup  *actions_group;
  AdwActionRow         *launch_action_row;
  AdwActionRow         *list_action_row;
  AdwActionRow         *quota_action_row;
  AdwActionRow         *app_key_row;
  AdwActionRow         *secret_row;
  GtkToggleButton      *reveal_button;
  GtkSpinner           *secret_spinner;
  GtkButton            *reset_button;
  GtkLabel             *quota_label;
  GtkLevelBar          *quota_bar;
  GtkLabel             *quota_note;
  AdwPreferencesGroup  *usage_group;
  OpUsageChart         *usage_chart;
  GtkSpinner           *usage_spinner;
  GtkButton            *usage_retry_button;
  AdwPreferencesGroup  *solutions_group;
  AdwPreferencesGroup  *abilities_group;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_WATCHER,
  PROP_APP,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpAppPage, op_app_page, ADW_TYPE_BIN)

static GParamSpec *properties [N_PROPS];

static void op_app_page_load_usage (OpAppPage *self);

static void
op_app_page_toast (OpAppPage  *self,
                   const char *text)
{
  GtkWidget *area = gtk_widget_get_ancestor (GTK_WIDGET (self), OP_TYPE_AREA_PAGE);

  if (area != NULL)
    op_area_page_add_toast (OP_AREA_PAGE (area), text);
}

static void
op_app_page_report_error (OpAppPage    *self,
                          const GError *error)
{
  if (self->connection != NULL && error->domain == OP_PLATFORM_ERROR)
    op_connection_report_error (self->connection, error);
}

/* The secret */

static void
op_app_page_forget_secret (OpAppPage *self)
{
  if (self->secret != NULL)
    op_secret_free (g_steal_pointer (&self->secret));
}

static void
op_app_page_set_reveal_active (OpAppPage *self,
                               gboolean   active)
{
  self->updating_toggle = TRUE;
  gtk_toggle_button_set_active (self->reveal_button, active);
  self->updating_toggle = FALSE;

  gtk_button_set_icon_name (GTK_BUTTON (self->reveal_button),
                            active ? "view-conceal-symbolic" : "view-reveal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reveal_button),
                               active ? _("Hide AppSecret") : _("Show AppSecret"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reveal_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  active ? _("Hide AppSecret") : _("Show AppSecret"),
                                  -1);
}

/* What the AppSecret row says: the secret, dots, or why there is none. */
static void
op_app_page_show_secret (OpAppPage  *self,
                         const char *text,
                         gboolean    problem)
{
  adw_action_row_set_subtitle (self->secret_row, text);

  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->secret_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->secret_row), "warning");
}

static void
op_app_page_hide_secret (OpAppPage *self)
{
  g_cancellable_cancel (self->secret_cancellable);
  g_clear_object (&self->secret_cancellable);
  gtk_spinner_set_spinning (self->secret_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_spinner), FALSE);

  op_app_page_forget_secret (self);
  op_app_page_set_reveal_active (self, FALSE);
  op_app_page_show_secret (self, SECRET_HIDDEN, FALSE);
}

static void
op_app_page_copy_secret (OpAppPage *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->secret);
  op_app_page_toast (self, _("AppSecret copied"));
}

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OpAppPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = op_secret_store_lookup_finish (OP_SECRET_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->secret_cancellable);
  gtk_spinner_set_spinning (self->secret_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_spinner), FALSE);

  if (secret == NULL)
    {
      op_app_page_set_reveal_active (self, FALSE);
      self->copy_when_found = FALSE;

      if (g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
        op_app_page_show_secret (self,
                                 _("Not in this computer’s keyring: the app may have been created "
                                   "elsewhere, or before the keyring was reset. Reset the AppSecret "
                                   "to get a new one here."),
                                 TRUE);
      else
        {
          g_warning ("Could not read the AppSecret from the keyring: %s", error->message);
          op_app_page_show_secret (self, error->message, TRUE);
        }
      return;
    }

  op_app_page_forget_secret (self);
  self->secret = secret;

  if (self->copy_when_found)
    {
      self->copy_when_found = FALSE;
      op_app_page_copy_secret (self);
      if (!gtk_toggle_button_get_active (self->reveal_button))
        {
          op_app_page_forget_secret (self);
          return;
        }
    }

  op_app_page_show_secret (self, self->secret, FALSE);
}

static void
op_app_page_lookup_secret (OpAppPage *self)
{
  if (self->connection == NULL || self->app_key == NULL ||
      op_connection_get_platform_id (self->connection) == NULL)
    return;

  g_cancellable_cancel (self->secret_cancellable);
  g_clear_object (&self->secret_cancellable);
  self->secret_cancellable = g_cancellable_new ();

  gtk_widget_set_visible (GTK_WIDGET (self->secret_spinner), TRUE);
  gtk_spinner_set_spinning (self->secret_spinner, TRUE);

  op_secret_store_lookup_async (op_connection_get_secret_store (self->connection),
                                OP_SECRET_KIND_APP_SECRET,
                                op_connection_get_platform_id (self->connection),
                                self->app_key, NULL,
                                self->secret_cancellable,
                                secret_found_cb, g_object_ref (self));
}

static void
reveal_toggled_cb (OpAppPage *self)
{
  if (self->updating_toggle)
    return;

  if (!gtk_toggle_button_get_active (self->reveal_button))
    {
      op_app_page_hide_secret (self);
      return;
    }

  op_app_page_set_reveal_active (self, TRUE);
  if (self->secret != NULL)
    op_app_page_show_secret (self, self->secret, FALSE);
  else
    op_app_page_lookup_secret (self);
}

static void
op_app_page_copy_secret_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  OpAppPage *self = OP_APP_PAGE (widget);

  if (self->secret != NULL)
    {
      op_app_page_copy_secret (self);
      return;
    }

  self->copy_when_found = TRUE;
  op_app_page_lookup_secret (self);
}

static void
op_app_page_copy_key_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  OpAppPage *self = OP_APP_PAGE (widget);

  if (self->app_key == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->app_key);
  op_app_page_toast (self, _("AppKey copied"));
}

/* Resetting the secret */

static void
new_secret_stored_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(OpAppPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!op_secret_store_store_finish (OP_SECRET_STORE (object), result, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_clear_object (&self->reset_cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), TRUE);
      g_warning ("Could not keep the new AppSecret in the keyring: %s", error->message);

      /* The platform changed it: the one shown is the only copy there is. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                                 : NULL,
                                                           _("The New AppSecret Is Not Kept"),
                                                           NULL));
      /* Translators: %s says why the keyring could not keep it */
      adw_message_dialog_format_body (dialog,
                                      _("The platform issued a new AppSecret, but the keyring could "
                                        "not keep it: %s Copy the AppSecret shown on the app’s page "
                                        "now; once you leave the page, reset it again to get "
                                        "another one."),
                                      error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_clear_object (&self->reset_cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), TRUE);
  op_app_page_toast (self, _("A new AppSecret was issued and kept in the keyring"));
}

static void
secret_reset_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OpAppPage) self = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = op_platform_client_reset_app_secret_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (secret == NULL)
    {
      g_autofree char *message = NULL;

      g_clear_object (&self->reset_cancellable);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), TRUE);
      g_debug ("Could not reset the AppSecret: %s", error->message);
      op_app_page_report_error (self, error);
      /* Translators: %s is the platform's explanation */
      message = op_apps_error_message (error, _("The AppSecret was not reset: %s"));
      op_app_page_toast (self, message);
      return;
    }

  /* Shown at once: until the keyring has it, this is the only copy. */
  g_cancellable_cancel (self->secret_cancellable);
  g_clear_object (&self->secret_cancellable);
  op_app_page_forget_secret (self);
  self->secret = secret;
  op_app_page_set_reveal_active (self, TRUE);
  op_app_page_show_secret (self, self->secret, FALSE);

  op_secret_store_store_async (op_connection_get_secret_store (self->connection),
                               OP_SECRET_KIND_APP_SECRET,
                               op_connection_get_platform_id (self->connection),
                               self->app_key, NULL, self->secret,
                               self->reset_cancellable,
                               new_secret_stored_cb, g_object_ref (self));
}

static void
reset_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   OpAppPage        *self)
{
  OpPlatformClient *client;

  if (!g_str_equal (response, "reset") || self->app_key == NULL || self->connection == NULL)
    return;

  client = op_connection_get_client (self->connection);
  if (client == NULL)
    return;

  g_cancellable_cancel (self->reset_cancellable);
  g_clear_object (&self->reset_cancellable);
  self->reset_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), FALSE);

  op_platform_client_reset_app_secret_async (client, self->app_key, self->reset_cancellable,
                                             secret_reset_cb, g_object_ref (self));
}

static void
op_app_page_reset_secret_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  OpAppPage *self = OP_APP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (self->app == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Reset the AppSecret?"),
                                                       NULL));
  /* Translators: %s is the app's name */
  adw_message_dialog_format_body (dialog,
                                  _("“%s” gets a new AppSecret, kept in this computer’s keyring. "
                                    "The current AppSecret stops working at once: the gateway "
                                    "refuses the programs that use it until they get the new one."),
                                  op_app_get_name (self->app));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset AppSecret"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Showing the app */

static void
op_app_page_clear_link_rows (OpAppPage *self)
{
  for (guint i = 0; i < self->link_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->link_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }

  g_ptr_array_set_size (self->link_rows, 0);
}

static void
add_link_row (OpAppPage           *self,
              AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->link_rows, row);
}

static void
set_review_row (AdwActionRow  *row,
                OpReviewState  state,
                const char    *reason,
                const char    *detail)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), state != OP_REVIEW_STATE_NONE);

  if (state == OP_REVIEW_STATE_REJECTED && reason != NULL && *reason != '\0')
    /* Translators: a review's state (已驳回), then the reviewer's reason */
    text = g_strdup_printf (_("%s: %s"), op_apps_review_state_label (state), reason);
  else if (detail != NULL)
    /* Translators: a review's state, then what was asked for */
    text = g_strdup_printf (_("%s: %s"), op_apps_review_state_label (state), detail);
  else
    text = g_strdup (op_apps_review_state_label (state));

  adw_action_row_set_subtitle (row, text);
}

static void
op_app_page_update_quota (OpAppPage *self)
{
  OpApp *app = self->app;
  g_autofree char *quota = op_apps_format_quota (app);
  gint64 limit = op_app_get_daily_limit (app);
  gint64 used = op_app_get_used_today (app);
  double fraction = limit > 0 ? CLAMP ((double) used / limit, 0.0, 1.0) : 0.0;
  gboolean busy = limit > 0 && used * 5 >= limit * 4;
  const char *note;

  gtk_label_set_label (self->quota_label, quota);
  gtk_level_bar_set_value (self->quota_bar, fraction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->quota_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, quota,
                                  -1);

  if (op_app_get_state (app) == OP_APP_STATE_LAUNCHED)
    {
      if (op_app_get_quota_increase_state (app) == OP_REVIEW_STATE_PENDING)
        note = _("A request to raise the daily limit is under review.");
      else if (busy)
        /* xgettext:no-c-format */
        note = _("Today’s calls reached 80% of the daily limit: you may ask the platform to raise "
                 "it.");
      else
        /* xgettext:no-c-format */
        note = _("A launched app may make 100,000 calls a day. When a day’s calls reach 80% of the "
                 "limit, you may ask the platform to raise it.");
    }
  else if (busy)
    /* xgettext:no-c-format */
    note = _("Today’s calls reached 80% of the development limit, which cannot be raised. Launch "
             "the app to get 100,000 calls a day.");
  else
    note = _("While the app is in development it may make 5,000 calls a day, and this cannot be "
             "raised. Once launched: 100,000.");

  gtk_label_set_label (self->quota_note, note);
  if (busy)
    gtk_widget_add_css_class (GTK_WIDGET (self->quota_note), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->quota_note), "warning");
}

static void
op_app_page_update (OpAppPage *self)
{
  OpApp *app = self->app;
  gboolean may_launch, may_list, may_raise;
  g_autofree char *limit_asked = NULL;

  op_app_page_clear_link_rows (self);

  if (app == NULL)
    return;

  gtk_label_set_label (self->name_label, op_app_get_name (app));
  gtk_label_set_label (self->description_label, op_app_get_description (app));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          *op_app_get_description (app) != '\0');

  adw_action_row_set_subtitle (self->state_row, op_apps_app_state_label (op_app_get_state (app)));
  adw_action_row_set_subtitle (self->type_row, op_apps_app_type_label (op_app_get_app_type (app)));
  adw_action_row_set_subtitle (self->app_key_row, op_app_get_app_key (app));

  set_review_row (self->launch_row, op_app_get_launch_state (app),
                  op_app_get_launch_reason (app), NULL);
  /* A launch that went through is said by the state already. */
  if (op_app_get_launch_state (app) == OP_REVIEW_STATE_APPROVED ||
      op_app_get_launch_state (app) == OP_REVIEW_STATE_PENDING)
    gtk_widget_set_visible (GTK_WIDGET (self->launch_row), FALSE);

  set_review_row (self->listing_row, op_app_get_listing_state (app),
                  op_app_get_listing_reason (app), NULL);
  if (op_app_get_app_type (app) == OP_APP_TYPE_ISV)
    gtk_widget_set_visible (GTK_WIDGET (self->listing_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->market_button),
                          op_app_get_listing_state (app) == OP_REVIEW_STATE_APPROVED &&
                          op_app_get_market_url (app) != NULL);

  if (op_app_get_quota_increase_daily_limit (app) > 0)
    {
      g_autofree char *count = op_apps_format_count (op_app_get_quota_increase_daily_limit (app));

      /* Translators: %s is a number of calls */
      limit_asked = g_strdup_printf (_("%s calls a day asked for"), count);
    }
  set_review_row (self->quota_review_row, op_app_get_quota_increase_state (app),
                  op_app_get_quota_increase_reason (app), limit_asked);

  may_launch = op_apps_may_launch (app);
  may_list = op_apps_may_list (app);
  may_raise = op_apps_may_raise_quota (app);
  gtk_widget_set_visible (GTK_WIDGET (self->launch_action_row), may_launch);
  gtk_widget_set_visible (GTK_WIDGET (self->list_action_row), may_list);
  gtk_widget_set_visible (GTK_WIDGET (self->quota_action_row), may_raise);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), may_launch || may_list || may_raise);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "app.launch", may_launch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "app.list", may_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "app.raise-quota", may_raise);

  op_app_page_update_quota (self);

  for (guint i = 0; i < op_app_get_n_solutions (app); i++)
    add_link_row (self, self->solutions_group, op_app_get_solution_name (app, i), NULL);
  if (op_app_get_n_solutions (app) == 0)
    add_link_row (self, self->solutions_group, _("No solution ordered yet"), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->abilities_group), op_app_get_n_abilities (app) > 0);
  for (guint i = 0; i < op_app_get_n_abilities (app); i++)
    {
      g_autofree char *used = op_apps_format_count (op_app_get_ability_used (app, i));
      g_autofree char *subtitle = NULL;

      /* Translators: %s is a number of calls of an ability */
      subtitle = g_strdup_printf (_("%s calls used"), used);
      add_link_row (self, self->abilities_group, op_app_get_ability_name (app, i), subtitle);
    }
}

static void
usage_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OpAppPage) self = user_data;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;

  days = op_platform_client_get_app_usage_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->usage_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->usage_spinner), FALSE);

  if (days == NULL)
    {
      g_debug ("Could not load the app's usage: %s", error->message);
      op_app_page_report_error (self, error);
      /* Translators: %s is the platform's explanation */
      message = op_apps_error_message (error, _("The calls could not be loaded: %s"));
      /* The group's description is markup. */
      description = g_markup_escape_text (message, -1);
      adw_preferences_group_set_description (self->usage_group, description);
      gtk_widget_set_visible (GTK_WIDGET (self->usage_retry_button), TRUE);
      return;
    }

  op_usage_chart_set_days (self->usage_chart, days);
  description = op_usage_chart_describe (self->usage_chart);
  adw_preferences_group_set_description (self->usage_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->usage_retry_button), FALSE);
}

static void
op_app_page_load_usage (OpAppPage *self)
{
  OpPlatformClient *client = NULL;

  if (self->connection != NULL)
    client = op_connection_get_client (self->connection);

  if (client == NULL || self->app_key == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->usage_retry_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->usage_spinner), TRUE);
  gtk_spinner_set_spinning (self->usage_spinner, TRUE);

  op_platform_client_get_app_usage_async (client, self->app_key, USAGE_DAYS, self->load_cancellable,
                                          usage_loaded_cb, g_object_ref (self));
}

static void
app_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OpAppPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpApp) app = NULL;

  app = op_platform_client_get_app_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (app == NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *markup = NULL;

      g_debug ("Could not load the app: %s", error->message);
      op_app_page_report_error (self, error);
      /* Translators: %s is the platform's explanation */
      message = op_apps_error_message (error, _("The platform did not show the app: %s"));
      markup = g_markup_escape_text (message, -1);
      adw_status_page_set_description (self->error_status, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  op_app_page_set_app (self, app);
  op_app_page_load_usage (self);
}

/* Flows */

typedef struct
{
  OpAppPage *self;
  OpAppFlow *flow;
} RunFlow;

static void
run_flow_free (RunFlow *run)
{
  g_clear_object (&run->self);
  g_clear_object (&run->flow);
  g_free (run);
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RunFlow *run = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *area;

  if (!op_draft_load_finish (OP_DRAFT (object), result, &error))
    g_warning ("Could not read the draft %s: %s",
               op_draft_get_name (OP_DRAFT (object)), error->message);

  area = gtk_widget_get_ancestor (GTK_WIDGET (run->self), OP_TYPE_AREA_PAGE);
  if (area != NULL)
    op_area_page_run_flow (OP_AREA_PAGE (area), OP_FLOW (run->flow));

  run_flow_free (run);
}

/* Opens @flow once its draft is read, so that its pages find what the user
 * typed last time. */
static void
op_app_page_run_flow (OpAppPage *self,
                      OpAppFlow *flow)
{
  RunFlow *run = g_new0 (RunFlow, 1);

  run->self = g_object_ref (self);
  run->flow = flow;
  op_draft_load_async (op_flow_get_draft (OP_FLOW (flow)), NULL, draft_loaded_cb, run);
}

static void
op_app_page_launch_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  OpAppPage *self = OP_APP_PAGE (widget);

  if (self->app != NULL && self->connection != NULL)
    op_app_page_run_flow (self, op_launch_flow_new (self->connection, self->app, self->watcher));
}

static void
op_app_page_list_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  OpAppPage *self = OP_APP_PAGE (widget);

  if (self->app != NULL && self->connection != NULL)
    op_app_page_run_flow (self, op_listing_flow_new (self->connection, self->app, self->watcher));
}

static void
op_app_page_raise_quota_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  OpAppPage *self = OP_APP_PAGE (widget);

  if (self->app != NULL && self->connection != NULL)
    op_app_page_run_flow (self, op_quota_flow_new (self->connection, self->app, self->watcher));
}

static void
op_app_page_open_market_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  OpAppPage *self = OP_APP_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->app != NULL && op_app_get_market_url (self->app) != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                  op_app_get_market_url (self->app), GDK_CURRENT_TIME);
}

static void
op_app_page_retry_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  op_app_page_reload (OP_APP_PAGE (widget));
}

static void
usage_retry_cb (OpAppPage *self)
{
  op_app_page_load_usage (self);
}

static void
watcher_app_changed_cb (OpAppPage *self,
                        OpApp     *app)
{
  if (g_strcmp0 (self->app_key, op_app_get_app_key (app)) == 0)
    op_app_page_set_app (self, app);
}

static void
op_app_page_dispose (GObject *object)
{
  OpAppPage *self = (OpAppPage *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->secret_cancellable);
  g_cancellable_cancel (self->reset_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->secret_cancellable);
  g_clear_object (&self->reset_cancellable);
  op_app_page_forget_secret (self);

  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_APP_PAGE);

  g_clear_object (&self->connection);
  g_clear_object (&self->watcher);
  g_clear_object (&self->app);
  g_clear_pointer (&self->app_key, g_free);
  g_clear_pointer (&self->link_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (op_app_page_parent_class)->dispose (object);
}

static void
op_app_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OpAppPage *self = OP_APP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_WATCHER:
      g_value_set_object (value, self->watcher);
      break;

    case PROP_APP:
      g_value_set_object (value, self->app);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_app_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OpAppPage *self = OP_APP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      op_app_page_set_connection (self, g_value_get_object (value));
      break;

    case PROP_WATCHER:
      op_app_page_set_watcher (self, g_value_get_object (value));
      break;

    case PROP_APP:
      op_app_page_set_app (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_app_page_class_init (OpAppPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = op_app_page_dispose;
  object_class->get_property = op_app_page_get_property;
  object_class->set_property = op_app_page_set_property;

  properties [PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         OP_TYPE_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WATCHER] =
    g_param_spec_object ("watcher", NULL, NULL,
                         OP_TYPE_REVIEW_WATCHER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_APP] =
    g_param_spec_object ("app", NULL, NULL,
                         OP_TYPE_APP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-app-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, launch_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, listing_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, market_button);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, quota_review_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, launch_action_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, list_action_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, quota_action_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, app_key_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, secret_spinner);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, reset_button);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, quota_label);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, quota_bar);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, quota_note);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, usage_group);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, usage_chart);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, usage_spinner);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, usage_retry_button);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, solutions_group);
  gtk_widget_class_bind_template_child (widget_class, OpAppPage, abilities_group);
  gtk_widget_class_bind_template_callback (widget_class, reveal_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, usage_retry_cb);

  gtk_widget_class_install_action (widget_class, "app.launch", NULL, op_app_page_launch_action);
  gtk_widget_class_install_action (widget_class, "app.list", NULL, op_app_page_list_action);
  gtk_widget_class_install_action (widget_class, "app.raise-quota", NULL, op_app_page_raise_quota_action);
  gtk_widget_class_install_action (widget_class, "app.copy-key", NULL, op_app_page_copy_key_action);
  gtk_widget_class_install_action (widget_class, "app.copy-secret", NULL, op_app_page_copy_secret_action);
  gtk_widget_class_install_action (widget_class, "app.reset-secret", NULL, op_app_page_reset_secret_action);
  gtk_widget_class_install_action (widget_class, "app.open-market", NULL, op_app_page_open_market_action);
  gtk_widget_class_install_action (widget_class, "app.retry", NULL, op_app_page_retry_action);

  g_type_ensure (OP_TYPE_USAGE_CHART);
}

static void
op_app_page_init (OpAppPage *self)
{
  self->link_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Calls at 80% of the limit and above show as a warning. */
  gtk_level_bar_remove_offset_value (self->quota_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->quota_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->quota_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->quota_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 0.7999);
  gtk_level_bar_add_offset_value (self->quota_bar, GTK_LEVEL_BAR_OFFSET_LOW, 1.0);

  op_app_page_hide_secret (self);
}

OpConnection *
op_app_page_get_connection (OpAppPage *self)
{
  g_return_val_if_fail (OP_IS_APP_PAGE (self), NULL);

  return self->connection;
}

void
op_app_page_set_connection (OpAppPage    *self,
                            OpConnection *connection)
{
  g_return_if_fail (OP_IS_APP_PAGE (self));
  g_return_if_fail (!connection || OP_IS_CONNECTION (connection));

  if (g_set_object (&self->connection, connection))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONNECTION]);
}

/**
 * op_app_page_get_watcher:
 *
 * Returns: (transfer none) (nullable): the review watcher
 */
OpReviewWatcher *
op_app_page_get_watcher (OpAppPage *self)
{
  g_return_val_if_fail (OP_IS_APP_PAGE (self), NULL);

  return self->watcher;
}

/**
 * op_app_page_set_watcher:
 * @watcher: (nullable): tells the page when the app's reviews change, and
 *   is given the applications the page's wizards submit
 */
void
op_app_page_set_watcher (OpAppPage       *self,
                         OpReviewWatcher *watcher)
{
  g_return_if_fail (OP_IS_APP_PAGE (self));
  g_return_if_fail (!watcher || OP_IS_REVIEW_WATCHER (watcher));

  if (self->watcher == watcher)
    return;

  if (self->watcher != NULL)
    g_signal_handlers_disconnect_by_data (self->watcher, self);

  g_set_object (&self->watcher, watcher);

  if (watcher != NULL)
    g_signal_connect_object (watcher, "app-changed", G_CALLBACK (watcher_app_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WATCHER]);
}

/**
 * op_app_page_get_app_key:
 *
 * Returns: (nullable): the AppKey of the app shown
 */
const char *
op_app_page_get_app_key (OpAppPage *self)
{
  g_return_val_if_fail (OP_IS_APP_PAGE (self), NULL);

  return self->app_key;
}

/**
 * op_app_page_get_app:
 *
 * Returns: (transfer none) (nullable): the app, as last loaded
 */
OpApp *
op_app_page_get_app (OpAppPage *self)
{
  g_return_val_if_fail (OP_IS_APP_PAGE (self), NULL);

  return self->app;
}

/**
 * op_app_page_set_app:
 * @app: (nullable): an app with its details (GET /apps/{app_key})
 *
 * Shows @app as it is, without asking the platform.
 */
void
op_app_page_set_app (OpAppPage *self,
                     OpApp     *app)
{
  g_return_if_fail (OP_IS_APP_PAGE (self));
  g_return_if_fail (!app || OP_IS_APP (app));

  if (app != NULL && g_strcmp0 (self->app_key, op_app_get_app_key (app)) != 0)
    {
      op_app_page_hide_secret (self);
      g_free (self->app_key);
      self->app_key = g_strdup (op_app_get_app_key (app));
    }

  if (g_set_object (&self->app, app))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_APP]);

  op_app_page_update (self);
  if (app != NULL)
    gtk_stack_set_visible_child_name (self->stack, "app");
}

/**
 * op_app_page_load:
 * @app_key: the app to show
 *
 * Asks the platform for the app and its calls of the last 30 days.
 */
void
op_app_page_load (OpAppPage  *self,
                  const char *app_key)
{
  OpPlatformClient *client;

  g_return_if_fail (OP_IS_APP_PAGE (self));
  g_return_if_fail (app_key != NULL);

  if (g_strcmp0 (self->app_key, app_key) != 0)
    {
      op_app_page_clear (self);
      self->app_key = g_strdup (app_key);
    }

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  if (self->app == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  client = self->connection != NULL ? op_connection_get_client (self->connection) : NULL;
  if (client == NULL)
    {
      adw_status_page_set_description (self->error_status,
                                       _("The platform is still starting. Try again in a moment."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  op_platform_client_get_app_async (client, app_key, self->load_cancellable,
                                    app_loaded_cb, g_object_ref (self));
}

/**
 * op_app_page_reload:
 *
 * Asks the platform again for the app shown.
 */
void
op_app_page_reload (OpAppPage *self)
{
  g_return_if_fail (OP_IS_APP_PAGE (self));

  if (self->app_key != NULL)
    {
      g_autofree char *app_key = g_strdup (self->app_key);

      op_app_page_load (self, app_key);
    }
}

/**
 * op_app_page_clear:
 *
 * Forgets the app shown (signed out, or another app).
 */
void
op_app_page_clear (OpAppPage *self)
{
  g_return_if_fail (OP_IS_APP_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->reset_cancellable);
  g_clear_object (&self->reset_cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), TRUE);
  op_app_page_hide_secret (self);
  op_app_page_clear_link_rows (self);
  op_usage_chart_set_days (self->usage_chart, NULL);
  adw_preferences_group_set_description (self->usage_group, NULL);
  g_clear_pointer (&self->app_key, g_free);
  if (g_set_object (&self->app, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_APP]);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}
