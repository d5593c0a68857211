/* op-test-solutions.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the tests of the solutions area and its wizards (订购, 资质申请)
 * share: a developer made through the client, the real keyring, and ways
 * to walk a wizard as a user would. Included by test-solutions.c,
 * test-order.c and test-qualification.c only; every helper is static.
 */

#include <glib/gstdio.h>
#include <string.h>

#include "op-assistant.h"
#include "op-form-page.h"
#include "op-solutions-page.h"
#include "op-test-ui.h"
#include "op-window.h"

/* 采购订单管理: merchants or buyers. */
#define TEST_SOLUTION_ORDERS    1703167400001
/* 商品类目与商品信息: merchants (诚信通商家) only. */
#define TEST_SOLUTION_PRODUCTS  1703167400002
/* 订单物流跟踪: buyers, merchants or cross-border buyers. */
#define TEST_SOLUTION_LOGISTICS 1703167400003

/* A valid 统一社会信用代码 (GB 32100-2015 check character), and one with
 * a wrong check character. */
#define TEST_USCC_VALID   "91350100M000100Y43"
#define TEST_USCC_INVALID "91350100M000100Y44"

static OpApplication *app;

static gboolean
test_pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
test_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Waits for an asynchronous call made with test_result_cb. */
static G_GNUC_UNUSED GAsyncResult *
test_await (GAsyncResult **result)
{
  op_test_ui_wait_until (test_pointer_set, result, 20000);
  return *result;
}

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

static G_GNUC_UNUSED OpWindow *
test_window (void)
{
  OpWindow *window = OP_WINDOW (op_test_ui_find_toplevel (OP_TYPE_WINDOW));

  g_assert_nonnull (window);
  return window;
}

static G_GNUC_UNUSED OpSolutionsPage *
test_solutions_page (void)
{
  GtkWidget *page = op_test_ui_find (GTK_WIDGET (test_window ()), op_test_ui_match_type,
                                     GSIZE_TO_POINTER (OP_TYPE_SOLUTIONS_PAGE));

  g_assert_nonnull (page);
  return OP_SOLUTIONS_PAGE (page);
}

/* A mapped label of @root whose text contains @text. */
static G_GNUC_UNUSED GtkWidget *
test_find_label_containing (GtkWidget  *root,
                            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
test_match_mapped_title (GtkWidget     *widget,
                         gconstpointer  title)
{
  return op_test_ui_match_title (widget, title) && gtk_widget_get_mapped (widget);
}

/* A mapped row of @root by its title, or NULL. */
static G_GNUC_UNUSED GtkWidget *
test_find_row (GtkWidget  *root,
               const char *title)
{
  return op_test_ui_find (root, test_match_mapped_title, title);
}

static gboolean
test_match_button_label (GtkWidget     *widget,
                         gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* A mapped button of @root with @label ("_Order", "_Next"…), or NULL. */
static G_GNUC_UNUSED GtkWidget *
test_find_button (GtkWidget  *root,
                  const char *label)
{
  return op_test_ui_find (root, test_match_button_label, label);
}

static G_GNUC_UNUSED gboolean
test_button_usable (GtkWidget *button)
{
  return button != NULL && gtk_widget_get_mapped (button) && gtk_widget_is_sensitive (button);
}

/* Clicks @button as the user would with the keyboard (it must be usable):
 * a button shows itself pressed for a moment, then is clicked. */
static G_GNUC_UNUSED void
test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (test_button_usable (button));
  gtk_widget_activate (button);
  op_test_ui_iterate (350);
}

/* Completes 入驻 for the signed-in account through the client, as the
 * onboarding wizard does, and tells the connection. */
static G_GNUC_UNUSED void
test_onboard (OpDeveloperType type)
{
  g_autoptr(GAsyncResult) sms = NULL;
  g_autoptr(GAsyncResult) code_result = NULL;
  g_autoptr(GAsyncResult) submit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpAccount) account = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;

  op_platform_client_request_sms_code_async (test_client (), "13800138000", NULL, test_result_cb, &sms);
  g_assert_true (op_platform_client_request_sms_code_finish (test_client (), test_await (&sms), NULL, &error));
  g_assert_no_error (error);

  op_platform_client_get_sandbox_sms_async (test_client (), NULL, test_result_cb, &code_result);
  g_assert_true (op_platform_client_get_sandbox_sms_finish (test_client (), test_await (&code_result),
                                                            &code, &text, &error));
  g_assert_no_error (error);
  g_assert_nonnull (code);

  op_platform_client_submit_onboarding_async (test_client (), "13800138000", code, "Li Lei",
                                              "lilei@example.com", type,
                                              type == OP_DEVELOPER_TYPE_ISV ? "Example Co." : NULL,
                                              NULL, test_result_cb, &submit);
  account = op_platform_client_submit_onboarding_finish (test_client (), test_await (&submit), &error);
  g_assert_no_error (error);
  g_assert_true (op_account_get_is_developer (account));

  op_connection_set_account (test_connection (), account);
  op_test_ui_iterate (100);
}

/* Returns: (transfer full) (nullable): the AppSecret in the keyring */
static G_GNUC_UNUSED char *
test_lookup_secret (const char *app_key)
{
  OpConnection *connection = test_connection ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  op_secret_store_lookup_async (op_connection_get_secret_store (connection),
                                OP_SECRET_KIND_APP_SECRET,
                                op_connection_get_platform_id (connection),
                                app_key, NULL, NULL, test_result_cb, &result);
  secret = op_secret_store_lookup_finish (op_connection_get_secret_store (connection),
                                          test_await (&result), &error);
  if (secret == NULL)
    g_assert_error (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND);

  return secret;
}

/* Returns: (transfer full): the account's apps, as the platform has them */
static G_GNUC_UNUSED GListModel *
test_list_apps (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *apps;

  op_platform_client_list_apps_async (test_client (), NULL, test_result_cb, &result);
  apps = op_platform_client_list_apps_finish (test_client (), test_await (&result), &error);
  g_assert_no_error (error);

  return apps;
}

static G_GNUC_UNUSED guint
test_count_apps (void)
{
  g_autoptr(GListModel) apps = test_list_apps ();

  return g_list_model_get_n_items (apps);
}

static G_GNUC_UNUSED OpApp *
test_get_app (const char *app_key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  OpApp *found;

  op_platform_client_get_app_async (test_client (), app_key, NULL, test_result_cb, &result);
  found = op_platform_client_get_app_finish (test_client (), test_await (&result), &error);
  g_assert_no_error (error);

  return found;
}

static G_GNUC_UNUSED OpAssistant *
test_assistant (void)
{
  GtkWidget *assistant = op_test_ui_find (GTK_WIDGET (test_window ()), op_test_ui_match_type,
                                          GSIZE_TO_POINTER (OP_TYPE_ASSISTANT));

  return assistant != NULL && gtk_widget_get_mapped (assistant) ? OP_ASSISTANT (assistant) : NULL;
}

static gboolean
test_assistant_shown_cb (gpointer data)
{
  return test_assistant () != NULL;
}

static gboolean
test_assistant_closed_cb (gpointer data)
{
  return test_assistant () == NULL;
}

static G_GNUC_UNUSED OpAssistant *
test_wait_assistant (void)
{
  op_test_ui_wait_until (test_assistant_shown_cb, NULL, 10000);
  op_test_ui_iterate (100);

  return test_assistant ();
}

static G_GNUC_UNUSED void
test_wait_assistant_closed (void)
{
  op_test_ui_wait_until (test_assistant_closed_cb, NULL, 10000);
  op_test_ui_iterate (100);
}

/* The assistant's own button with @label ("_Next", "_Order"…). */
static G_GNUC_UNUSED GtkWidget *
test_assistant_button (OpAssistant *assistant,
                       const char  *label)
{
  GtkWidget *bar = op_test_ui_find (GTK_WIDGET (assistant), op_test_ui_match_type,
                                    GSIZE_TO_POINTER (GTK_TYPE_ACTION_BAR));

  g_assert_nonnull (bar);
  return op_test_ui_find (bar, test_match_button_label, label);
}

static G_GNUC_UNUSED const char *
test_page_name (OpAssistant *assistant)
{
  return gtk_widget_get_name (GTK_WIDGET (op_assistant_get_current_page (assistant)));
}

typedef struct
{
  OpAssistant *assistant;
  const char  *name;
} TestPageWait;

static gboolean
test_page_is_cb (gpointer data)
{
  TestPageWait *wait = data;

  return g_strcmp0 (test_page_name (wait->assistant), wait->name) == 0 &&
         !op_wizard_page_get_applying (op_assistant_get_current_page (wait->assistant));
}

static G_GNUC_UNUSED void
test_wait_page (OpAssistant *assistant,
                const char  *name)
{
  TestPageWait wait = { assistant, name };

  op_test_ui_wait_until (test_page_is_cb, &wait, 20000);
  op_test_ui_iterate (100);
}

static gboolean
test_page_complete_cb (gpointer data)
{
  return op_wizard_page_get_complete (op_assistant_get_current_page (data));
}

/* Presses the assistant's Next (or "_Order"…) once the page is complete. */
static G_GNUC_UNUSED void
test_next (OpAssistant *assistant,
           const char  *label)
{
  op_test_ui_wait_until (test_page_complete_cb, assistant, 20000);
  op_test_ui_iterate (50);
  test_click (test_assistant_button (assistant, label != NULL ? label : "_Next"));
}

static gboolean
test_label_shown_cb (gpointer data)
{
  return test_find_label_containing (GTK_WIDGET (test_window ()), data) != NULL;
}

/* Waits until a mapped label of the window contains @text. */
static G_GNUC_UNUSED void
test_wait_label (const char *text,
                 guint       timeout_ms)
{
  op_test_ui_wait_until (test_label_shown_cb, (gpointer) text, timeout_ms);
}

/* Types @text into a form page's field, as the user would, and lets the
 * page's debounced check run. */
static G_GNUC_UNUSED void
test_type (OpFormPage *page,
           const char *field,
           const char *text)
{
  GtkWidget *widget = op_form_page_get_field_widget (page, field);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Lets the form page's debounced checks run (600 ms after typing). */
static G_GNUC_UNUSED void
test_pause (void)
{
  op_test_ui_iterate (800);
}

static gboolean
test_detail_loaded_cb (gpointer data)
{
  OpSolutionsPage *page = test_solutions_page ();
  GtkWidget *stack = adw_bin_get_child (ADW_BIN (page));

  /* The button shows, and the list has slid away. */
  return test_find_button (GTK_WIDGET (page), data) != NULL &&
         !gtk_stack_get_transition_running (GTK_STACK (stack));
}

/* Opens the solutions area and the page of @solution_id, as a click on
 * its row does, and waits for its main button labelled @primary. */
static G_GNUC_UNUSED OpSolutionsPage *
test_open_solution (gint64      solution_id,
                    const char *primary)
{
  OpSolutionsPage *page;

  op_window_show_area (test_window (), "solutions");
  op_test_ui_iterate (100);
  page = test_solutions_page ();
  op_solutions_page_show_solution (page, solution_id);
  op_test_ui_wait_until (test_detail_loaded_cb, (gpointer) primary, 20000);
  op_test_ui_iterate (200);

  return page;
}

/* For looking at the pages: with OP_TEST_SHOT_DIR set, saves the window
 * as NAME.png there. */
static G_GNUC_UNUSED void
test_shot (const char *name)
{
  const char *dir = g_getenv ("OP_TEST_SHOT_DIR");
  OpWindow *window;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  op_test_ui_iterate (400);
  window = test_window ();
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
