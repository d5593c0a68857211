/* op-window.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-window"

#include "config.h"

#include <glib/gi18n.h>

#include "op-endpoints.h"
#include "op-welcome-page.h"
#include "op-window.h"

struct _OpWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkLabel             *platform_label;
  GtkLabel             *gateway_label;
};

G_DEFINE_FINAL_TYPE (OpWindow, op_window, ADW_TYPE_APPLICATION_WINDOW)

static void
op_window_update_platform_status (OpWindow *self)
{
  g_autofree char *platform_url = g_settings_get_string (self->settings, "platform-url");
  g_autofree char *platform_text = NULL;
  const char *gateway_text;

  if (g_settings_get_enum (self->settings, "platform-kind") == 0)
    platform_text = g_strdup (_("Platform: built-in sandbox, inside this app. Nothing reaches the real 1688."));
  else
    /* Translators: %s is the address of a standalone sandbox platform service */
    platform_text = g_strdup_printf (_("Platform: sandbox service at %s"), platform_url);

  if (g_settings_get_enum (self->settings, "gateway") == OP_GATEWAY_PRODUCTION)
    gateway_text = _("API gateway: the real 1688 gateway (gw.open.1688.com)");
  else
    gateway_text = _("API gateway: sandbox");

  gtk_label_set_label (self->platform_label, platform_text);
  gtk_label_set_label (self->gateway_label, gateway_text);
}

static void
settings_changed_cb (OpWindow   *self,
                     const char *key,
                     GSettings  *settings)
{
  g_assert (OP_IS_WINDOW (self));

  if (g_str_equal (key, "platform-kind") ||
      g_str_equal (key, "platform-url") ||
      g_str_equal (key, "gateway"))
    op_window_update_platform_status (self);
}

static void
stack_visible_child_cb (OpWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  GtkStackPage *page;

  if (child == NULL)
    return;

  page = gtk_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));
}

static void
sidebar_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          OpWindow      *self)
{
  g_assert (OP_IS_WINDOW (self));

  op_window_show_area (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
op_window_show_sidebar_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  OpWindow *self = OP_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
op_window_restore_state (OpWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
op_window_save_state (OpWindow *self)
{
  int width;
  int height;

  g_settings_delay (self->settings);

  /* The default size is the unmaximized size, which is what should come back. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  g_settings_apply (self->settings);
}

static gboolean
op_window_close_request (GtkWindow *window)
{
  op_window_save_state (OP_WINDOW (window));

  return GTK_WINDOW_CLASS (op_window_parent_class)->close_request (window);
}

static void
op_window_constructed (GObject *object)
{
  OpWindow *self = (OpWindow *)object;

  G_OBJECT_CLASS (op_window_parent_class)->constructed (object);

  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  op_window_restore_state (self);
  op_window_update_platform_status (self);
}

static void
op_window_dispose (GObject *object)
{
  OpWindow *self = (OpWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (op_window_parent_class)->dispose (object);
}

static void
op_window_class_init (OpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = op_window_constructed;
  object_class->dispose = op_window_dispose;

  window_class->close_request = op_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, platform_label);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, gateway_label);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL,
                                   op_window_show_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-sidebar", NULL);

  g_type_ensure (OP_TYPE_WELCOME_PAGE);
}

static void
op_window_init (OpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  stack_visible_child_cb (self);
  gtk_list_box_select_row (self->sidebar_list,
                           gtk_list_box_get_row_at_index (self->sidebar_list, 0));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

OpWindow *
op_window_new (OpApplication *application)
{
  g_return_val_if_fail (OP_IS_APPLICATION (application), NULL);

  return g_object_new (OP_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * op_window_get_visible_area:
 *
 * Returns: the name of the area shown in the content pane
 */
const char *
op_window_get_visible_area (OpWindow *self)
{
  g_return_val_if_fail (OP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * op_window_show_area:
 * @area: the name of a sidebar area, such as "welcome"
 *
 * Shows @area in the content pane, selects its sidebar row and, when the
 * window is folded to one column, moves to the content.
 */
void
op_window_show_area (OpWindow   *self,
                     const char *area)
{
  g_return_if_fail (OP_IS_WINDOW (self));
  g_return_if_fail (area != NULL);

  if (gtk_stack_get_child_by_name (self->stack, area) == NULL)
    {
      g_warning ("No area named “%s”", area);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, area);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_str_equal (gtk_widget_get_name (row), area))
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}
