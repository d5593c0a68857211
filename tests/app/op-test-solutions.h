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

static G_GNUC_UNUSED OpSolutionsPage *
test_solutions_page (void)
{
  GtkWidget *page = op_test_ui_find (GTK_WIDGET (op_test_ui_window ()), op_test_ui_match_type,
                                     GSIZE_TO_POINTER (OP_TYPE_SOLUTIONS_PAGE));

  g_assert_nonnull (page);
  return OP_SOLUTIONS_PAGE (page);
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
  op_test_ui_onboard (app, type);
  op_test_ui_iterate (100);
}

/* Returns: (transfer full): the account's apps, as the platform has them */
static G_GNUC_UNUSED GListModel *
test_list_apps (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *apps;

  op_platform_client_list_apps_async (test_client (), NULL, op_test_ui_result_cb, &result);
  apps = op_platform_client_list_apps_finish (test_client (), op_test_ui_await (&result), &error);
  g_assert_no_error (error);

  return apps;
}

static G_GNUC_UNUSED guint
test_count_apps (void)
{
  g_autoptr(GListModel) apps = test_list_apps ();

  return g_list_model_get_n_items (apps);
}

static gboolean
test_assistant_closed_cb (gpointer data)
{
  return op_test_ui_assistant () == NULL;
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

typedef struct
{
  OpAssistant *assistant;
  const char  *name;
} TestPageWait;

static gboolean
test_page_is_cb (gpointer data)
{
  TestPageWait *wait = data;

  return g_strcmp0 (op_test_ui_page_name (wait->assistant), wait->name) == 0 &&
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

  op_window_show_area (op_test_ui_window (), "solutions");
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
  window = op_test_ui_window ();
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
