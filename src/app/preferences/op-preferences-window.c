/* op-preferences-window.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "op-endpoints.h"
#include "op-field-error.h"
#include "op-preferences-window.h"
#include "op-validate.h"

/* Values of the PlatformKind enum in the schema. */
enum {
  PLATFORM_BUILTIN = 0,
  PLATFORM_URL = 1,
};

struct _OpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  gboolean              loading;

  GtkCheckButton       *builtin_check;
  GtkCheckButton       *url_check;
  AdwEntryRow          *url_entry;
  GtkLabel             *url_message;
  AdwActionRow         *production_row;
};

G_DEFINE_FINAL_TYPE (OpPreferencesWindow, op_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Says why the address cannot be used, or (with @problem %NULL) shows @hint. */
static void
op_preferences_window_show_url (OpPreferencesWindow *self,
                                const char          *problem,
                                const char          *hint)
{
  op_field_error_show (GTK_WIDGET (self->url_entry), self->url_message, problem, hint);
}

/* Saves the address and switches to it, or explains why it cannot be used. */
static gboolean
op_preferences_window_use_url (OpPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_entry));

  if (!op_validate_platform_url (url, &error))
    {
      op_preferences_window_show_url (self, error->message, NULL);
      return FALSE;
    }

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "platform-url", url);
  g_settings_set_enum (self->settings, "platform-kind", PLATFORM_URL);
  g_settings_apply (self->settings);

  op_preferences_window_show_url (self, NULL, NULL);
  return TRUE;
}

static void
platform_choice_toggled_cb (OpPreferencesWindow *self,
                            GtkCheckButton      *button)
{
  g_assert (OP_IS_PREFERENCES_WINDOW (self));

  if (self->loading || !gtk_check_button_get_active (button))
    return;

  if (button == self->builtin_check)
    {
      g_settings_set_enum (self->settings, "platform-kind", PLATFORM_BUILTIN);
      op_preferences_window_show_url (self, NULL, NULL);
      return;
    }

  if (*gtk_editable_get_text (GTK_EDITABLE (self->url_entry)) == '\0')
    {
      op_preferences_window_show_url (self, NULL,
                                      _("Type the address of the service, then press Enter to use it."));
      gtk_widget_grab_focus (GTK_WIDGET (self->url_entry));
      return;
    }

  op_preferences_window_use_url (self);
}

static void
url_entry_apply_cb (OpPreferencesWindow *self,
                    AdwEntryRow         *entry)
{
  g_assert (OP_IS_PREFERENCES_WINDOW (self));

  if (op_preferences_window_use_url (self))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("The app now uses the sandbox service at this address")));
}

static void
url_entry_changed_cb (OpPreferencesWindow *self,
                      GtkEditable         *editable)
{
  g_assert (OP_IS_PREFERENCES_WINDOW (self));

  if (!self->loading && gtk_widget_has_css_class (GTK_WIDGET (self->url_entry), "error"))
    op_preferences_window_show_url (self, NULL, NULL);
}

static void
op_preferences_window_load (OpPreferencesWindow *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "platform-url");
  g_autoptr(GAction) gateway_action = g_settings_create_action (self->settings, "gateway");
  GSimpleActionGroup *group = g_simple_action_group_new ();
  g_autofree char *production_subtitle = NULL;

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), url);
  if (g_settings_get_enum (self->settings, "platform-kind") == PLATFORM_URL)
    gtk_check_button_set_active (self->url_check, TRUE);
  else
    gtk_check_button_set_active (self->builtin_check, TRUE);

  g_action_map_add_action (G_ACTION_MAP (group), gateway_action);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "preferences", G_ACTION_GROUP (group));
  g_object_unref (group);

  /* Translators: %s is the address of the real 1688 API gateway */
  production_subtitle = g_strdup_printf (_("%s: real data, with your app’s real AppKey and AppSecret."),
                                         OP_PRODUCTION_GATEWAY_URL);
  adw_action_row_set_subtitle (self->production_row, production_subtitle);

  op_preferences_window_show_url (self, NULL, NULL);

  self->loading = FALSE;
}

static void
op_preferences_window_constructed (GObject *object)
{
  OpPreferencesWindow *self = (OpPreferencesWindow *)object;

  G_OBJECT_CLASS (op_preferences_window_parent_class)->constructed (object);

  self->settings = g_settings_new (BASE_APP_ID);
  op_preferences_window_load (self);
}

static void
op_preferences_window_dispose (GObject *object)
{
  OpPreferencesWindow *self = (OpPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (op_preferences_window_parent_class)->dispose (object);
}

static void
op_preferences_window_class_init (OpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = op_preferences_window_constructed;
  object_class->dispose = op_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OpPreferencesWindow, builtin_check);
  gtk_widget_class_bind_template_child (widget_class, OpPreferencesWindow, url_check);
  gtk_widget_class_bind_template_child (widget_class, OpPreferencesWindow, url_entry);
  gtk_widget_class_bind_template_child (widget_class, OpPreferencesWindow, url_message);
  gtk_widget_class_bind_template_child (widget_class, OpPreferencesWindow, production_row);
  gtk_widget_class_bind_template_callback (widget_class, platform_choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, url_entry_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
op_preferences_window_init (OpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OpPreferencesWindow *
op_preferences_window_new (OpApplication *application)
{
  g_return_val_if_fail (OP_IS_APPLICATION (application), NULL);

  return g_object_new (OP_TYPE_PREFERENCES_WINDOW,
                       "application", application,
                       NULL);
}
