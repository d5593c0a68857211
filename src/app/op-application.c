/* op-application.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-application"

#include "config.h"

#include <glib/gi18n.h>

#include "op-application.h"
#include "op-first-frame.h"
#include "op-preferences-window.h"
#include "op-window.h"

struct _OpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  OpConnection   *connection;
};

G_DEFINE_FINAL_TYPE (OpApplication, op_application, ADW_TYPE_APPLICATION)

static void
op_application_activate (GApplication *app)
{
  OpApplication *self = OP_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      window = GTK_WINDOW (op_window_new (self));
      op_first_frame_watch (window);
    }

  gtk_window_present (window);
}

static void
op_application_startup (GApplication *app)
{
  OpApplication *self = OP_APPLICATION (app);

  G_APPLICATION_CLASS (op_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (BASE_APP_ID);
  self->connection = op_connection_new (self->settings);
  /* The built-in sandbox starts on its own thread: the window does not wait. */
  op_connection_start (self->connection);
}

static void
op_application_shutdown (GApplication *app)
{
  OpApplication *self = OP_APPLICATION (app);

  /* Stops the built-in sandbox cleanly: its database is closed. */
  if (self->connection != NULL)
    op_connection_stop (self->connection);

  G_APPLICATION_CLASS (op_application_parent_class)->shutdown (app);
}

static void
op_application_finalize (GObject *object)
{
  OpApplication *self = (OpApplication *)object;

  g_clear_object (&self->connection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (op_application_parent_class)->finalize (object);
}

static void
op_application_class_init (OpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = op_application_finalize;

  app_class->activate = op_application_activate;
  app_class->startup = op_application_startup;
  app_class->shutdown = op_application_shutdown;
}

static void
op_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Open 1688 Authors", NULL };
  OpApplication *self = user_data;
  GtkWindow *window;

  g_assert (OP_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Open 1688"),
                         "application-icon", APP_ID,
                         "developer-name", "The Open 1688 Authors",
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/open1688/open1688",
                         "issue-url", "https://github.com/open1688/open1688/issues",
                         "copyright", "© 2026 The Open 1688 Authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: Replace "translator-credits" with your names, one name per line */
                         "translator-credits", _("translator-credits"),
                         "comments", _("Join the 1688 Open Platform, create apps and test its APIs. "
                                       "Not affiliated with Alibaba."),
                         NULL);
}

static void
op_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  OpApplication *self = user_data;
  OpPreferencesWindow *preferences;
  GtkWindow *parent;

  g_assert (OP_IS_APPLICATION (self));

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  preferences = op_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
op_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  OpApplication *self = user_data;
  GList *windows;

  g_assert (OP_IS_APPLICATION (self));

  /* Close the windows first so each saves its state. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = gtk_application_get_windows (GTK_APPLICATION (self));
    }

  g_application_quit (G_APPLICATION (self));
}

static void
op_application_show_area_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  OpApplication *self = user_data;
  GtkWindow *window;

  g_assert (OP_IS_APPLICATION (self));

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (OP_IS_WINDOW (window))
    op_window_show_area (OP_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static const GActionEntry app_actions[] = {
  { "about", op_application_about_action },
  { "preferences", op_application_preferences_action },
  { "quit", op_application_quit_action },
  { "show-area", op_application_show_area_action, "s" },
};

static void
op_application_init (OpApplication *self)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  static const char *preferences_accels[] = { "<primary>comma", NULL };
  static const char *close_accels[] = { "<primary>w", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

OpApplication *
op_application_new (void)
{
  return g_object_new (OP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * op_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
op_application_get_settings (OpApplication *self)
{
  g_return_val_if_fail (OP_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * op_application_get_connection:
 *
 * Returns: (transfer none): the link to the platform
 */
OpConnection *
op_application_get_connection (OpApplication *self)
{
  g_return_val_if_fail (OP_IS_APPLICATION (self), NULL);

  return self->connection;
}
