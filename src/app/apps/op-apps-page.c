/* op-apps-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-apps-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-apps-format.h"
#include "op-apps-page.h"

/* 我的应用, My Apps: the account's apps, and the page of one app. The area
 * follows the window's review watcher, which brings the platform's decisions to the
 * window (a toast, or a desktop notification when the window is not
 * focused) wherever the user is.
 */
struct _OpAppsPage
{
  OpAreaPage       parent_instance;

  OpReviewWatcher *watcher;         /* the one of the area, while connected */
  GListStore      *apps;
  GCancellable    *cancellable;
  OpConnection    *watched_connection;

  GtkStack        *main_stack;
  GtkStack        *list_stack;
  AdwStatusPage   *list_error_status;
  GtkListBox      *apps_list;
  OpAppPage       *app_page;
};

G_DEFINE_FINAL_TYPE (OpAppsPage, op_apps_page, OP_TYPE_AREA_PAGE)

static GtkWidget *
create_app_row (gpointer item,
                gpointer user_data)
{
  OpApp *app = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  g_autofree char *subtitle = NULL;

  /* Translators: an app in the list: its AppKey, its type and its state */
  subtitle = g_strdup_printf (_("AppKey %s · %s · %s"),
                              op_app_get_app_key (app),
                              op_apps_app_type_label (op_app_get_app_type (app)),
                              op_apps_app_state_label (op_app_get_state (app)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), op_app_get_name (app));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "app-key", g_strdup (op_app_get_app_key (app)), g_free);

  return row;
}

static void
app_row_activated_cb (OpAppsPage    *self,
                      GtkListBoxRow *row)
{
  op_apps_page_show_app (self, g_object_get_data (G_OBJECT (row), "app-key"));
}

static void
apps_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpAppsPage) self = user_data;
  g_autoptr(GListModel) apps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  apps = op_platform_client_list_apps_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (apps == NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *markup = NULL;

      g_debug ("Could not list the apps: %s", error->message);
      op_connection_report_error (op_area_page_get_connection (OP_AREA_PAGE (self)), error);

      if (g_strcmp0 (op_platform_error_get_server_code (error), "not_a_developer") == 0)
        {
          /* Not a developer yet: nothing to list, and the way to begin. */
          g_list_store_remove_all (self->apps);
          gtk_stack_set_visible_child_name (self->list_stack, "empty");
          return;
        }

      /* Translators: %s is the platform's explanation */
      message = op_apps_error_message (error, _("The platform did not list the apps: %s"));
      markup = g_markup_escape_text (message, -1);
      adw_status_page_set_description (self->list_error_status, markup);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    g_ptr_array_add (items, g_list_model_get_item (apps, i));
  g_list_store_splice (self->apps, 0, g_list_model_get_n_items (G_LIST_MODEL (self->apps)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "apps" : "empty");
}

/* Keeps the list in step with what the watcher saw. */
static void
watcher_app_changed_cb (OpAppsPage *self,
                        OpApp      *app)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->apps)); i++)
    {
      g_autoptr(OpApp) item = g_list_model_get_item (G_LIST_MODEL (self->apps), i);

      if (g_str_equal (op_app_get_app_key (item), op_app_get_app_key (app)))
        {
          g_list_store_splice (self->apps, i, 1, (gpointer *) &app, 1);
          break;
        }
    }
}

/* Follows the area's watcher, which announces decisions whether or not this
 * area was ever shown; the list and the app page keep in step with it. */
static void
watcher_set_cb (OpAppsPage *self)
{
  OpReviewWatcher *watcher = op_area_page_get_watcher (OP_AREA_PAGE (self));

  if (self->watcher == watcher)
    return;

  if (self->watcher != NULL)
    g_signal_handlers_disconnect_by_data (self->watcher, self);
  g_set_object (&self->watcher, watcher);

  if (watcher != NULL)
    g_signal_connect_object (watcher, "app-changed", G_CALLBACK (watcher_app_changed_cb), self,
                             G_CONNECT_SWAPPED);
  op_app_page_set_watcher (self->app_page, watcher);
}

static void
account_changed_cb (OpAppsPage *self)
{
  OpConnection *connection = op_area_page_get_connection (OP_AREA_PAGE (self));

  if (op_connection_get_account (connection) != NULL)
    return;

  /* Signed out: nothing of that account stays on screen. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->apps);
  op_app_page_clear (self->app_page);
  gtk_stack_set_visible_child_name (self->list_stack, "loading");
  gtk_stack_set_visible_child_name (self->main_stack, "list");
}

static void
connection_changed_cb (OpAppsPage *self)
{
  OpConnection *connection = op_area_page_get_connection (OP_AREA_PAGE (self));

  if (connection == self->watched_connection)
    return;

  if (self->watched_connection != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_connection, self);
  g_clear_object (&self->watched_connection);

  op_app_page_set_connection (self->app_page, connection);

  if (connection == NULL)
    return;

  self->watched_connection = g_object_ref (connection);
  g_signal_connect_object (connection, "notify::account", G_CALLBACK (account_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
op_apps_page_shown (OpAreaPage *page)
{
  OpAppsPage *self = OP_APPS_PAGE (page);

  op_apps_page_refresh (self);

  /* Back from a wizard: the app may have changed. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "app"))
    op_app_page_reload (self->app_page);
}

static void
op_apps_page_back_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  op_apps_page_show_list (OP_APPS_PAGE (widget));
}

static void
op_apps_page_refresh_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  OpAppsPage *self = OP_APPS_PAGE (widget);

  op_apps_page_refresh (self);
  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "app"))
    op_app_page_reload (self->app_page);
}

static void
op_apps_page_solutions_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  op_area_page_show_area (OP_AREA_PAGE (widget), "solutions");
}

static void
op_apps_page_dispose (GObject *object)
{
  OpAppsPage *self = (OpAppsPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->watched_connection != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_connection, self);
  g_clear_object (&self->watched_connection);

  if (self->watcher != NULL)
    g_signal_handlers_disconnect_by_data (self->watcher, self);
  g_clear_object (&self->watcher);

  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_APPS_PAGE);
  g_clear_object (&self->apps);

  G_OBJECT_CLASS (op_apps_page_parent_class)->dispose (object);
}

static void
op_apps_page_class_init (OpAppsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpAreaPageClass *area_class = OP_AREA_PAGE_CLASS (klass);

  object_class->dispose = op_apps_page_dispose;

  area_class->shown = op_apps_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-apps-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpAppsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OpAppsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OpAppsPage, list_error_status);
  gtk_widget_class_bind_template_child (widget_class, OpAppsPage, apps_list);
  gtk_widget_class_bind_template_child (widget_class, OpAppsPage, app_page);
  gtk_widget_class_bind_template_callback (widget_class, app_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "apps.back", NULL, op_apps_page_back_action);
  gtk_widget_class_install_action (widget_class, "apps.refresh", NULL, op_apps_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "apps.browse-solutions", NULL,
                                   op_apps_page_solutions_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "apps.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "apps.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "apps.refresh", NULL);

  g_type_ensure (OP_TYPE_APP_PAGE);
}

static void
op_apps_page_init (OpAppsPage *self)
{
  self->apps = g_list_store_new (OP_TYPE_APP);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_bind_model (self->apps_list, G_LIST_MODEL (self->apps), create_app_row, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.back", FALSE);

  g_signal_connect (self, "notify::connection", G_CALLBACK (connection_changed_cb), NULL);
  g_signal_connect (self, "notify::watcher", G_CALLBACK (watcher_set_cb), NULL);
}

/**
 * op_apps_page_refresh:
 *
 * Asks the platform for the account's apps again.
 */
void
op_apps_page_refresh (OpAppsPage *self)
{
  OpConnection *connection;
  OpPlatformClient *client;

  g_return_if_fail (OP_IS_APPS_PAGE (self));

  connection = op_area_page_get_connection (OP_AREA_PAGE (self));
  client = connection != NULL ? op_connection_get_client (connection) : NULL;
  if (client == NULL || op_connection_get_account (connection) == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (g_list_model_get_n_items (G_LIST_MODEL (self->apps)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "loading");

  op_platform_client_list_apps_async (client, self->cancellable, apps_listed_cb, g_object_ref (self));

  if (self->watcher != NULL)
    op_review_watcher_refresh (self->watcher);
}

/**
 * op_apps_page_show_list:
 *
 * Goes back from an app's page to the list.
 */
void
op_apps_page_show_list (OpAppsPage *self)
{
  g_return_if_fail (OP_IS_APPS_PAGE (self));

  gtk_stack_set_visible_child_name (self->main_stack, "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.back", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->apps_list));
}

/**
 * op_apps_page_show_app:
 * @app_key: the app's AppKey
 *
 * Shows the page of one app, as the platform describes it now.
 */
void
op_apps_page_show_app (OpAppsPage *self,
                       const char *app_key)
{
  g_return_if_fail (OP_IS_APPS_PAGE (self));
  g_return_if_fail (app_key != NULL);

  op_app_page_load (self->app_page, app_key);
  gtk_stack_set_visible_child_name (self->main_stack, "app");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "apps.back", TRUE);
}

/**
 * op_apps_page_get_apps:
 *
 * Returns: (transfer none): the apps listed (#OpApp)
 */
GListModel *
op_apps_page_get_apps (OpAppsPage *self)
{
  g_return_val_if_fail (OP_IS_APPS_PAGE (self), NULL);

  return G_LIST_MODEL (self->apps);
}

/**
 * op_apps_page_get_app_page:
 *
 * Returns: (transfer none): the page of one app
 */
OpAppPage *
op_apps_page_get_app_page (OpAppsPage *self)
{
  g_return_val_if_fail (OP_IS_APPS_PAGE (self), NULL);

  return self->app_page;
}
