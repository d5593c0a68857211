/* op-window.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-window"

#include "config.h"

#include <glib/gi18n.h>

#include "op-apps-page.h"
#include "op-area-page.h"
#include "op-assistant.h"
#include "op-endpoints.h"
#include "op-overview-page.h"
#include "op-review-watcher.h"
#include "op-sign-in-page.h"
#include "op-solutions-page.h"
#include "op-welcome-page.h"
#include "op-window.h"

/* The areas built when first shown, so that the first frame builds none. */
typedef struct
{
  const char *name;
  GType     (*get_type) (void);
} LazyArea;

static const LazyArea lazy_areas[] = {
  { "sign-in", op_sign_in_page_get_type },
  { "overview", op_overview_page_get_type },
  { "solutions", op_solutions_page_get_type },
  { "apps", op_apps_page_get_type },
};

/* Areas shown only when signed in, and only when signed out. */
static const char *signed_in_areas[] = { "overview", "solutions", "apps", NULL };
static const char *signed_out_areas[] = { "sign-in", NULL };

struct _OpWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  OpConnection         *connection;
  OpReviewWatcher      *watcher;
  char                 *return_area;
  char                 *flow_return_area;
  gboolean              signed_in;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  GtkLabel             *account_label;
  GtkLabel             *platform_label;
  GtkLabel             *gateway_label;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  AdwBin               *wizard_bin;
  OpWelcomePage        *welcome_page;
};

G_DEFINE_FINAL_TYPE (OpWindow, op_window, ADW_TYPE_APPLICATION_WINDOW)

static void
op_window_update_platform_status (OpWindow *self)
{
  g_autofree char *platform_url = g_settings_get_string (self->settings, "platform-url");
  g_autofree char *platform_text = NULL;
  const char *gateway_text;

  if (g_settings_get_enum (self->settings, "platform-kind") == 0 &&
      self->connection != NULL &&
      op_connection_get_state (self->connection) == OP_CONNECTION_STARTING)
    platform_text = g_strdup (_("Platform: starting the built-in sandbox…"));
  else if (g_settings_get_enum (self->settings, "platform-kind") == 0)
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

  if (ADW_IS_BIN (child) && OP_IS_AREA_PAGE (adw_bin_get_child (ADW_BIN (child))))
    op_area_page_shown (OP_AREA_PAGE (adw_bin_get_child (ADW_BIN (child))));
}

/* Builds the area @name the first time it is needed. */
static void
op_window_ensure_area (OpWindow   *self,
                       const char *name)
{
  GtkWidget *slot = gtk_stack_get_child_by_name (self->stack, name);
  GtkWidget *page;

  if (!ADW_IS_BIN (slot) || adw_bin_get_child (ADW_BIN (slot)) != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (lazy_areas); i++)
    {
      if (!g_str_equal (lazy_areas[i].name, name))
        continue;

      page = g_object_new (lazy_areas[i].get_type (),
                           "connection", self->connection,
                           "watcher", self->watcher,
                           NULL);
      adw_bin_set_child (ADW_BIN (slot), page);
      return;
    }
}

static gboolean
area_in (const char  *area,
         const char **areas)
{
  return area != NULL && g_strv_contains (areas, area);
}

static void
op_window_update_areas (OpWindow *self)
{
  OpAccount *account = op_connection_get_account (self->connection);
  gboolean signed_in = account != NULL;
  gboolean session_began = signed_in && !self->signed_in;
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  self->signed_in = signed_in;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *name = gtk_widget_get_name (row);

      if (area_in (name, signed_in_areas))
        gtk_widget_set_visible (row, signed_in);
      else if (area_in (name, signed_out_areas))
        gtk_widget_set_visible (row, !signed_in);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->account_label), signed_in);
  if (signed_in)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the member's account name on the platform */
      text = g_strdup_printf (_("Signed in as %s"), op_account_get_display_name (account));
      gtk_label_set_label (self->account_label, text);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  op_welcome_page_set_signed_in (self->welcome_page, signed_in);

  /* Leave an area that no longer applies; a member whose session comes back
   * at start-up goes on from the overview rather than the guide. */
  if (session_began && g_strcmp0 (visible, "welcome") == 0)
    op_window_show_area (self, "overview");
  else if (signed_in && area_in (visible, signed_out_areas))
    op_window_show_area (self, self->return_area != NULL ? self->return_area : "overview");
  else if (!signed_in && area_in (visible, signed_in_areas))
    op_window_show_area (self, "sign-in");

  if (signed_in)
    g_clear_pointer (&self->return_area, g_free);
}

static void
op_window_update_banner (OpWindow *self)
{
  gboolean unreachable = op_connection_get_state (self->connection) == OP_CONNECTION_UNREACHABLE;

  if (unreachable)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why, for example "Cannot reach the platform at …" */
      text = g_strdup_printf (_("The platform cannot be reached. %s"),
                              op_connection_get_error_message (self->connection));
      gtk_label_set_label (self->banner_label, text);
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, unreachable);
  op_window_update_platform_status (self);
}

static void
watcher_decided_cb (OpWindow   *self,
                    const char *title,
                    const char *body)
{
  op_window_notify (self, title, body);
}

static void
connection_session_expired_cb (OpWindow *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  /* Come back here after signing in again. */
  if (area_in (visible, signed_in_areas))
    {
      g_free (self->return_area);
      self->return_area = g_strdup (visible);
    }

  op_window_add_toast (self, adw_toast_new (_("Your session on the platform ended. Sign in again to continue.")));
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
op_window_sign_out_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  OpWindow *self = OP_WINDOW (widget);

  op_connection_sign_out (self->connection);
  op_window_show_area (self, "sign-in");
}

static void
op_window_retry_connection_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  OpWindow *self = OP_WINDOW (widget);

  op_connection_stop (self->connection);
  op_connection_start (self->connection);
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
  OpApplication *app;

  G_OBJECT_CLASS (op_window_parent_class)->constructed (object);

  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  app = OP_APPLICATION (g_application_get_default ());
  self->connection = g_object_ref (op_application_get_connection (app));
  g_signal_connect_object (self->connection, "notify::account",
                           G_CALLBACK (op_window_update_areas), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->connection, "notify::state",
                           G_CALLBACK (op_window_update_banner), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->connection, "session-expired",
                           G_CALLBACK (connection_session_expired_cb), self,
                           G_CONNECT_SWAPPED);

  /* Brings the platform's decisions wherever the user is. */
  self->watcher = op_review_watcher_new (self->connection);
  g_signal_connect_object (self->watcher, "decided", G_CALLBACK (watcher_decided_cb), self,
                           G_CONNECT_SWAPPED);

  op_window_restore_state (self);
  op_window_update_areas (self);
  op_window_update_banner (self);
}

static void
op_window_dispose (GObject *object)
{
  OpWindow *self = (OpWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_WINDOW);
  g_clear_object (&self->settings);
  if (self->watcher != NULL)
    g_signal_handlers_disconnect_by_data (self->watcher, self);
  g_clear_object (&self->watcher);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->return_area, g_free);
  g_clear_pointer (&self->flow_return_area, g_free);

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
  gtk_widget_class_bind_template_child (widget_class, OpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, platform_label);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, gateway_label);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, wizard_bin);
  gtk_widget_class_bind_template_child (widget_class, OpWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL,
                                   op_window_show_sidebar_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-sidebar", NULL);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, op_window_sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.retry-connection", NULL,
                                   op_window_retry_connection_action);

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

  op_window_ensure_area (self, area);
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

static void
op_window_close_flow (OpWindow *self,
                      OpFlow   *flow)
{
  g_autofree char *area = g_steal_pointer (&self->flow_return_area);

  g_signal_handlers_disconnect_by_data (flow, self);
  op_window_show_area (self, area != NULL ? area : "overview");
  adw_bin_set_child (self->wizard_bin, NULL);
}

/**
 * op_window_run_flow:
 * @flow: a wizard's flow
 *
 * Shows the wizard in the content pane. When it is finished or cancelled
 * (Escape), the window goes back to the area it came from.
 */
void
op_window_run_flow (OpWindow *self,
                    OpFlow   *flow)
{
  OpAssistant *assistant;
  GtkStackPage *page;

  g_return_if_fail (OP_IS_WINDOW (self));
  g_return_if_fail (OP_IS_FLOW (flow));

  if (self->flow_return_area == NULL)
    self->flow_return_area = g_strdup (gtk_stack_get_visible_child_name (self->stack));

  assistant = op_assistant_new (flow);
  g_signal_connect_object (flow, "finished", G_CALLBACK (op_window_close_flow), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "cancelled", G_CALLBACK (op_window_close_flow), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->wizard_bin, GTK_WIDGET (assistant));

  page = gtk_stack_get_page (self->stack, GTK_WIDGET (self->wizard_bin));
  gtk_stack_page_set_title (page, op_flow_get_title (flow));
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->wizard_bin));
  stack_visible_child_cb (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (assistant));
}

void
op_window_add_toast (OpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (OP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * op_window_notify:
 *
 * News the user did not wait for: a toast, and a desktop notification as
 * well when the window is not focused.
 */
void
op_window_notify (OpWindow   *self,
                  const char *title,
                  const char *body)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (OP_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  /* The body is a whole sentence; the title alone when there is none. A
   * toast's title is markup, the notification's text is not. */
  escaped = g_markup_escape_text (body != NULL ? body : title, -1);
  op_window_add_toast (self, adw_toast_new (escaped));

  if (!gtk_window_is_active (GTK_WINDOW (self)))
    {
      g_autoptr(GNotification) notification = g_notification_new (title);

      if (body != NULL)
        g_notification_set_body (notification, body);
      g_application_send_notification (g_application_get_default (), NULL, notification);
    }
}
