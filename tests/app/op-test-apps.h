/* op-test-apps.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the tests of the apps area share: a developer with apps made
 * through the client as the order wizard makes them (the AppSecret kept in
 * the real keyring), signed calls to the sandbox gateway, and a few ways to
 * look at the window. Included by test-apps.c, test-launch.c and
 * test-listing.c only; every helper is static.
 */

#include <string.h>

#include "op-app-page.h"
#include "op-apps-page.h"
#include "op-assistant.h"
#include "op-endpoints.h"
#include "op-gateway-client.h"
#include "op-test-ui.h"
#include "op-window.h"

/* 采购订单管理: for merchants, has com.alibaba.product:alibaba.category.get-1. */
#define TEST_SOLUTION_ORDERS   1703167400001
/* 商品类目与商品信息: for merchants. */
#define TEST_SOLUTION_PRODUCTS 1703167400002

static OpApplication *app;

static G_GNUC_UNUSED OpConnection *
test_connection (void)
{
  return op_application_get_connection (app);
}

static G_GNUC_UNUSED OpPlatformClient *
test_client (void)
{
  return op_connection_get_client (test_connection ());
}

static G_GNUC_UNUSED OpAppsPage *
test_apps_page (void)
{
  GtkWidget *page = op_test_ui_find (GTK_WIDGET (op_test_ui_window ()), op_test_ui_match_type,
                                     GSIZE_TO_POINTER (OP_TYPE_APPS_PAGE));

  g_assert_nonnull (page);
  return OP_APPS_PAGE (page);
}

static G_GNUC_UNUSED OpAppPage *
test_app_page (void)
{
  return op_apps_page_get_app_page (test_apps_page ());
}

static G_GNUC_UNUSED void
test_collect_into (GtkWidget *root,
                   GType      type,
                   GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    test_collect_into (child, type, found);
}

/* Every widget of @type under @root, in order. */
static G_GNUC_UNUSED GPtrArray *
test_collect (GtkWidget *root,
              GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  test_collect_into (root, type, found);
  return found;
}

/* A row of @root by its title. */
static G_GNUC_UNUSED GtkWidget *
test_find_row (GtkWidget  *root,
               const char *title)
{
  GtkWidget *row = op_test_ui_find (root, op_test_ui_match_title, title);

  g_assert_nonnull (row);
  return row;
}

static G_GNUC_UNUSED const char *
test_row_subtitle (GtkWidget  *root,
                   const char *title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (root, title)));
}

static G_GNUC_UNUSED void
test_store_secret (const char *app_key,
                   const char *secret)
{
  OpConnection *connection = test_connection ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  op_secret_store_store_async (op_connection_get_secret_store (connection),
                               OP_SECRET_KIND_APP_SECRET,
                               op_connection_get_platform_id (connection),
                               app_key, NULL, secret, NULL, op_test_ui_result_cb, &result);
  g_assert_true (op_secret_store_store_finish (op_connection_get_secret_store (connection),
                                               op_test_ui_await (&result), &error));
  g_assert_no_error (error);
}

/* Orders @solution_id with a new app, as the order wizard does: the
 * AppSecret of the answer goes to the keyring when @keep_secret. */
static G_GNUC_UNUSED OpApp *
test_create_app (gint64       solution_id,
                 const char  *name,
                 OpAppType    app_type,
                 const char  *callback_url,
                 gboolean     keep_secret,
                 char       **secret)
{
  g_autoptr(OpNewApp) new_app = op_new_app_new (name, "Synchronises purchase orders", app_type,
                                                callback_url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpSolutionOrderResult) order = NULL;
  OpApp *created;

  op_platform_client_order_solution_async (test_client (), solution_id, NULL, new_app, NULL,
                                           op_test_ui_result_cb, &result);
  order = op_platform_client_order_solution_finish (test_client (), op_test_ui_await (&result), &error);
  g_assert_no_error (error);

  created = g_object_ref (op_solution_order_result_get_app (order));
  g_assert_nonnull (op_solution_order_result_get_app_secret (order));

  if (keep_secret)
    test_store_secret (op_app_get_app_key (created), op_solution_order_result_get_app_secret (order));
  if (secret != NULL)
    *secret = g_strdup (op_solution_order_result_get_app_secret (order));

  return created;
}

/* Signs and sends alibaba.category.get (no token needed) to the sandbox
 * gateway; without @category_id the required parameter is missing.
 *
 * Returns: (transfer full): what the gateway answered */
static G_GNUC_UNUSED OpGatewayResult *
test_gateway_call (const char *app_key,
                   const char *secret,
                   const char *category_id)
{
  OpConnection *connection = test_connection ();
  g_autofree char *gateway_url = op_endpoints_gateway_url (OP_GATEWAY_SANDBOX,
                                                           op_connection_get_base_url (connection));
  g_autoptr(OpGatewayClient) gateway = op_gateway_client_new (op_platform_client_get_session (test_client ()),
                                                              gateway_url);
  g_autoptr(OpRequest) request = op_request_new ("com.alibaba.product", "alibaba.category.get", app_key);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  OpGatewayResult *answer;

  if (category_id != NULL)
    op_request_set_param (request, "categoryID", category_id);

  op_gateway_client_call_async (gateway, request, secret, NULL, OP_GATEWAY_CALL_NONE, NULL,
                                op_test_ui_result_cb, &result);
  answer = op_gateway_client_call_finish (gateway, op_test_ui_await (&result), &error);
  g_assert_no_error (error);

  return answer;
}

static G_GNUC_UNUSED const char *
test_gateway_error_code (OpGatewayResult *answer)
{
  const OpGatewayError *error = op_gateway_result_get_error (answer);

  return error != NULL ? op_gateway_error_get_code (error) : NULL;
}

static G_GNUC_UNUSED gboolean
test_app_page_shows_cb (gpointer data)
{
  OpAppPage *page = test_app_page ();
  OpApp *shown = op_app_page_get_app (page);

  return shown != NULL && g_strcmp0 (op_app_get_app_key (shown), data) == 0 &&
         gtk_widget_get_mapped (GTK_WIDGET (page));
}

/* Opens the apps area and the page of @app_key, as a click on its row does. */
static G_GNUC_UNUSED OpAppPage *
test_open_app (const char *app_key)
{
  op_window_show_area (op_test_ui_window (), "apps");
  op_apps_page_show_app (test_apps_page (), app_key);
  op_test_ui_wait_until (test_app_page_shows_cb, (gpointer) app_key, 20000);
  op_test_ui_iterate (50);

  return test_app_page ();
}

/* Activates one of the app page's actions ("app.launch"…) and waits for
 * the wizard. */
static G_GNUC_UNUSED OpAssistant *
test_start_flow (const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (test_app_page ()), action, NULL));

  return op_test_ui_wait_assistant (5000);
}

static G_GNUC_UNUSED gboolean
test_match_button_label (GtkWidget     *widget,
                         gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The assistant's button with @label ("_Next", "_Submit for Launch"…). */
static G_GNUC_UNUSED GtkWidget *
test_assistant_button (OpAssistant *assistant,
                       const char  *label)
{
  GtkWidget *bar = op_test_ui_find (GTK_WIDGET (assistant), op_test_ui_match_type,
                                    GSIZE_TO_POINTER (GTK_TYPE_ACTION_BAR));
  GtkWidget *button;

  g_assert_nonnull (bar);
  button = op_test_ui_find (bar, test_match_button_label, label);
  g_assert_nonnull (button);

  return button;
}

typedef struct
{
  OpAssistant *assistant;
  const char  *name;
} TestPageWait;

static G_GNUC_UNUSED gboolean
test_page_is_cb (gpointer data)
{
  TestPageWait *wait = data;

  return g_strcmp0 (op_test_ui_page_name (wait->assistant), wait->name) == 0;
}

static G_GNUC_UNUSED void
test_wait_page (OpAssistant *assistant,
                const char  *name)
{
  TestPageWait wait = { assistant, name };

  op_test_ui_wait_until (test_page_is_cb, &wait, 20000);
  op_test_ui_iterate (50);
}

/* Sets up the application signed in as @login, a developer of @type. */
static G_GNUC_UNUSED void
test_start (const char      *login,
            OpDeveloperType  type)
{
  g_autoptr(OpAccount) account = NULL;

  app = op_test_ui_start_application ();
  account = op_test_ui_sign_in (app, login);
  g_assert_nonnull (account);
  op_test_ui_onboard (app, type);
  op_test_ui_iterate (200);
}

/* Screenshots for people to look at (not checked): with OPEN1688_SHOTS set
 * to a directory, saves the window as NAME.png there. */
static G_GNUC_UNUSED gboolean
test_shots_wanted (void)
{
  return g_getenv ("OPEN1688_SHOTS") != NULL;
}

static G_GNUC_UNUSED void
test_shot (const char *name)
{
  const char *dir = g_getenv ("OPEN1688_SHOTS");
  GtkWidget *window;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;

  op_test_ui_iterate (600);
  window = GTK_WIDGET (op_test_ui_window ());
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The window's size for screenshots: OPEN1688_SHOT_SIZE=WIDTHxHEIGHT. */
static G_GNUC_UNUSED void
test_shot_size (void)
{
  const char *size = g_getenv ("OPEN1688_SHOT_SIZE");
  int width = 1000, height = 1600;

  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    g_error ("OPEN1688_SHOT_SIZE is WIDTHxHEIGHT");

  gtk_window_set_default_size (GTK_WINDOW (op_test_ui_window ()), width, height);
  op_test_ui_iterate (500);
}

/* What pressing Enter on @page does: its Enter shortcut sees the key first
 * (capture phase). Returns whether it handled it. */
static G_GNUC_UNUSED gboolean
test_press_enter (GtkWidget *page)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (strstr (trigger, "Return") != NULL)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, page,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}
