/* test-solutions.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "op-qualification-flow.h"
#include "op-test-solutions.h"

/* The 解决方案 area against the real embedded sandbox: the list and its
 * search, a solution's page (roles with ✓/✗ for the account, APIs with
 * their documentation, message topics) and its main action for each kind
 * of account: 订购 for a merchant, 资质申请 with the reason for an
 * account without the role, 入驻 for one that is not a developer.
 */

static void
switch_account (const char *login,
                gboolean    onboard)
{
  g_autoptr(OpAccount) account = NULL;

  if (op_connection_get_account (test_connection ()) != NULL)
    op_connection_sign_out (test_connection ());
  op_test_ui_iterate (200);

  account = op_test_ui_sign_in (app, login);
  g_assert_nonnull (account);
  if (onboard)
    test_onboard (OP_DEVELOPER_TYPE_SELF_USE);
  op_test_ui_iterate (200);
}

static guint
count_visible_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += gtk_widget_get_child_visible (row) && gtk_widget_get_visible (row) ? 1 : 0;

  return n;
}

static GtkListBox *
solutions_list (void)
{
  GtkWidget *list = op_test_ui_find (GTK_WIDGET (test_solutions_page ()), op_test_ui_match_css_class,
                                     "boxed-list");

  g_assert_true (GTK_IS_LIST_BOX (list));
  return GTK_LIST_BOX (list);
}

static gboolean
list_filled_cb (gpointer data)
{
  return gtk_widget_get_first_child (GTK_WIDGET (solutions_list ())) != NULL;
}

static GtkSearchEntry *
search_entry (void)
{
  GtkWidget *entry = op_test_ui_find (GTK_WIDGET (test_solutions_page ()), op_test_ui_match_type,
                                      GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));

  g_assert_nonnull (entry);
  return GTK_SEARCH_ENTRY (entry);
}

static void
search (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (search_entry ()), text);
  /* GtkSearchEntry reports changes after a short delay. */
  op_test_ui_iterate (400);
}

static gboolean
match_name (GtkWidget     *widget,
            gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static OpSolution *
get_solution (gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  OpSolution *solution;

  op_platform_client_get_solution_async (test_client (), id, NULL, op_test_ui_result_cb, &result);
  solution = op_platform_client_get_solution_finish (test_client (), op_test_ui_await (&result), &error);
  g_assert_no_error (error);

  return solution;
}

static void
test_solutions_not_a_developer (void)
{
  OpSolutionsPage *page;

  switch_account ("newcomer", FALSE);

  /* Not a developer yet: 入驻 first, and the page says so. */
  page = test_open_solution (TEST_SOLUTION_ORDERS, "_Join as a Developer");
  g_assert_null (test_find_button (GTK_WIDGET (page), "_Order"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (page), "developer"));
  test_click (test_find_button (GTK_WIDGET (page), "_Join as a Developer"));
  g_assert_cmpstr (op_window_get_visible_area (op_test_ui_window ()), ==, "overview");
}

static void
test_solutions_list_and_search (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  GtkWidget *row;

  switch_account ("merchant", TRUE);

  op_window_show_area (op_test_ui_window (), "solutions");
  op_test_ui_wait_until (list_filled_cb, NULL, 20000);
  op_test_ui_iterate (200);

  /* Every solution the platform has. */
  op_platform_client_list_solutions_async (test_client (), NULL, op_test_ui_result_cb, &result);
  all = op_platform_client_list_solutions_finish (test_client (), op_test_ui_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5);
  g_assert_cmpuint (count_visible_rows (solutions_list ()), ==, 5);

  /* Each row says whom it is for and whether it can be ordered. */
  row = test_find_row (GTK_WIDGET (solutions_list ()), "Categories and product information");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "TrustPass merchant"));
  g_assert_nonnull (op_test_ui_find_label_containing (row, "Can be ordered"));
  row = test_find_row (GTK_WIDGET (solutions_list ()), "Messages and authorization for service providers");
  g_assert_nonnull (row);
  g_assert_nonnull (op_test_ui_find_label_containing (row, "Needs a qualification"));
  test_shot ("solutions-1-list");

  /* The search narrows by name, summary or role, word by word. */
  search ("logistics tracking");
  g_assert_cmpuint (count_visible_rows (solutions_list ()), ==, 1);
  g_assert_true (gtk_widget_get_child_visible (test_find_row (GTK_WIDGET (solutions_list ()), "Order logistics tracking")));
  search ("cross-border buyer");
  g_assert_cmpuint (count_visible_rows (solutions_list ()), >=, 1);
  search ("no such solution anywhere");
  g_assert_cmpuint (count_visible_rows (solutions_list ()), ==, 0);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (test_solutions_page ()), "No solution matches"));
  search ("");
  g_assert_cmpuint (count_visible_rows (solutions_list ()), ==, 5);

  /* The account's roles and applications. */
  row = test_find_row (GTK_WIDGET (test_solutions_page ()), "TrustPass merchant");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "You have this role");
  row = test_find_row (GTK_WIDGET (test_solutions_page ()), "Service provider (ISV)");
  g_assert_nonnull (row);
  g_assert_nonnull (test_find_button (row, "_Apply…"));

  /* Activating a row opens the solution's page. */
  gtk_widget_activate (test_find_row (GTK_WIDGET (solutions_list ()), "Order logistics tracking"));
  op_test_ui_iterate (300);
  g_assert_cmpint (op_solutions_page_get_solution_id (test_solutions_page ()), ==, TEST_SOLUTION_LOGISTICS);
  gtk_widget_activate_action (GTK_WIDGET (test_solutions_page ()), "solutions.back", NULL);
  op_test_ui_iterate (300);
  g_assert_cmpint (op_solutions_page_get_solution_id (test_solutions_page ()), ==, 0);
}

static void
test_solutions_detail_for_merchant (void)
{
  g_autoptr(OpSolution) solution = get_solution (TEST_SOLUTION_PRODUCTS);
  OpSolutionsPage *page = test_open_solution (TEST_SOLUTION_PRODUCTS, "_Order");
  GtkWidget *row;

  g_assert_true (op_solution_get_orderable (solution));
  g_assert_null (test_find_button (GTK_WIDGET (page), "_Apply for Qualification"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (page), op_solution_get_name (solution)));
  test_shot ("solutions-2-detail");

  /* The role, held: ✓. */
  row = test_find_row (GTK_WIDGET (page), "TrustPass merchant");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "You have this role");
  g_assert_nonnull (op_test_ui_find (row, op_test_ui_match_css_class, "success"));

  /* Every API, each with a link to its documentation on open.1688.com. */
  g_assert_cmpuint (op_solution_get_n_apis (solution), >, 0);
  for (guint i = 0; i < op_solution_get_n_apis (solution); i++)
    {
      const char *id = op_solution_get_api_id (solution, i);
      g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
      g_autofree char *expected = g_strconcat ("https://open.1688.com/api/apidocdetail.htm?id=", escaped, NULL);
      GtkWidget *button = op_test_ui_find (GTK_WIDGET (page), match_name, id);

      g_assert_nonnull (button);
      g_assert_true (GTK_IS_BUTTON (button));
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
      g_assert_cmpstr (g_object_get_data (G_OBJECT (button), "uri"), ==,
                       op_solution_get_api_doc_url (solution, i) != NULL
                       ? op_solution_get_api_doc_url (solution, i) : expected);
      g_assert_true (g_str_has_prefix (g_object_get_data (G_OBJECT (button), "uri"),
                                       "https://open.1688.com/api/apidocdetail.htm?id="));
    }

  /* The message topics. */
  g_assert_cmpuint (op_solution_get_n_topics (solution), >, 0);
  g_assert_nonnull (test_find_row (GTK_WIDGET (page), op_solution_get_topic_name (solution, 0)));
}

static void
test_solutions_missing_role (void)
{
  g_autoptr(OpSolution) solution = NULL;
  OpSolutionsPage *page;
  OpAssistant *assistant;
  OpFlow *flow;
  GtkWidget *row;

  switch_account ("buyer", TRUE);

  /* 商品类目与商品信息 needs 诚信通商家, which a buyer does not have. */
  solution = get_solution (TEST_SOLUTION_PRODUCTS);
  g_assert_false (op_solution_get_orderable (solution));
  page = test_open_solution (TEST_SOLUTION_PRODUCTS, "_Apply for Qualification");
  g_assert_null (test_find_button (GTK_WIDGET (page), "_Order"));
  test_shot ("solutions-3-missing-role");

  /* The platform's reason, and the role marked missing. */
  g_assert_nonnull (op_solution_get_not_orderable_message (solution));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (page), op_solution_get_not_orderable_message (solution)));
  row = test_find_row (GTK_WIDGET (page), "TrustPass merchant");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "You do not have this role");
  g_assert_nonnull (op_test_ui_find (row, op_test_ui_match_css_class, "error"));

  /* 资质申请 opens the qualification wizard for that role. */
  test_click (test_find_button (GTK_WIDGET (page), "_Apply for Qualification"));
  assistant = op_test_ui_wait_assistant (10000);
  g_assert_nonnull (assistant);
  flow = op_assistant_get_flow (assistant);
  g_assert_true (OP_IS_QUALIFICATION_FLOW (flow));
  g_assert_cmpstr (op_qualification_flow_get_role_id (OP_QUALIFICATION_FLOW (flow)), ==, "trustpass_merchant");
  test_wait_page (assistant, "intro");
  op_test_ui_wait_label ("TrustPass merchant", 20000);

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL);
  test_wait_assistant_closed ();
  g_assert_cmpstr (op_window_get_visible_area (op_test_ui_window ()), ==, "solutions");

  /* A solution a buyer may order offers 订购. */
  test_open_solution (TEST_SOLUTION_ORDERS, "_Order");
}

static void
test_solutions_narrow_and_dark (void)
{
  OpWindow *window = op_test_ui_window ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  OpSolutionsPage *page;
  GtkWidget *button;

  /* 360 px wide: the page still fits, the main action still shows. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  op_test_ui_iterate (400);
  page = test_open_solution (TEST_SOLUTION_ORDERS, "_Order");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  button = test_find_button (GTK_WIDGET (page), "_Order");
  g_assert_true (test_button_usable (button));
  g_assert_cmpint (gtk_widget_get_width (button), <=, gtk_widget_get_width (GTK_WIDGET (window)));
  test_shot ("solutions-4-narrow");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  op_test_ui_iterate (300);
  g_assert_true (adw_style_manager_get_dark (style));
  test_shot ("solutions-5-narrow-dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  op_test_ui_iterate (300);
}

/* The tour: for looking at the pages in any language, width and style
 * (run with OP_TEST_SHOT_DIR, and LANG, OP_TEST_SHOT_WIDTH, OP_TEST_SHOT_DARK
 * as wanted). It finds its way by page names, not by labels. */

static gboolean
match_mapped_suggested (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_has_css_class (widget, "suggested-action");
}

static gboolean
detail_shown_cb (gpointer data)
{
  OpSolutionsPage *page = test_solutions_page ();

  return op_test_ui_find (GTK_WIDGET (page), match_mapped_suggested, NULL) != NULL &&
         !gtk_stack_get_transition_running (GTK_STACK (adw_bin_get_child (ADW_BIN (page))));
}

static void
tour_shot (const char *name,
           const char *suffix)
{
  g_autofree char *full = g_strconcat (name, suffix, NULL);
  g_autofree char *file = g_strconcat (full, ".png", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("OP_TEST_SHOT_DIR"), file, NULL);

  test_shot (full);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
tour_next (OpAssistant *assistant,
           const char  *page)
{
  op_test_ui_wait_until ((OpTestCondition) test_page_complete_cb, assistant, 20000);
  op_assistant_next_page (assistant);
  test_wait_page (assistant, page);
}

static void
test_solutions_tour (void)
{
  const char *width = g_getenv ("OP_TEST_SHOT_WIDTH");
  const char *suffix = g_getenv ("OP_TEST_SHOT_SUFFIX");
  OpSolutionsPage *page;
  OpAssistant *assistant;
  OpFormPage *form;

  if (g_getenv ("OP_TEST_SHOT_DIR") == NULL)
    {
      g_test_skip ("Only for screenshots: set OP_TEST_SHOT_DIR");
      return;
    }
  if (suffix == NULL)
    suffix = "";


  gtk_window_set_default_size (GTK_WINDOW (op_test_ui_window ()), width != NULL ? atoi (width) : 1000, 760);
  if (g_getenv ("OP_TEST_SHOT_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  switch_account ("merchant", TRUE);

  op_window_show_area (op_test_ui_window (), "solutions");
  op_test_ui_wait_until (list_filled_cb, NULL, 20000);
  tour_shot ("tour-1-list", suffix);

  page = test_solutions_page ();
  op_solutions_page_show_solution (page, TEST_SOLUTION_ORDERS);
  op_test_ui_wait_until (detail_shown_cb, NULL, 20000);
  tour_shot ("tour-2-detail", suffix);

  op_solutions_page_start_order (page);
  assistant = op_test_ui_wait_assistant (10000);
  test_wait_page (assistant, "solution");
  tour_shot ("tour-3-order-solution", suffix);
  tour_next (assistant, "app");
  op_test_ui_iterate (500);
  tour_shot ("tour-4-order-app", suffix);
  tour_next (assistant, "app-info");
  form = OP_FORM_PAGE (op_assistant_get_current_page (assistant));
  test_type (form, "name", "订单助手");
  test_type (form, "callback_url", "http://example.com/cb");
  test_pause ();
  tour_shot ("tour-5-order-app-info", suffix);
  test_type (form, "callback_url", "https://example.com/cb");
  tour_next (assistant, "confirm");
  tour_shot ("tour-6-order-confirm", suffix);
  op_assistant_next_page (assistant);
  test_wait_page (assistant, "result");
  tour_shot ("tour-7-order-result", suffix);
  op_assistant_cancel (assistant);
  test_wait_assistant_closed ();

  op_solutions_page_start_qualification (page, "professional_buyer", NULL);
  assistant = op_test_ui_wait_assistant (10000);
  test_wait_page (assistant, "intro");
  op_test_ui_wait_until ((OpTestCondition) test_page_complete_cb, assistant, 20000);
  tour_shot ("tour-8-qualification-intro", suffix);
  tour_next (assistant, "form");
  form = OP_FORM_PAGE (op_assistant_get_current_page (assistant));
  test_type (form, "company_name", "沙箱采购有限公司");
  test_type (form, "uscc", TEST_USCC_INVALID);
  test_type (form, "contact_mobile", "12345");
  test_pause ();
  tour_shot ("tour-9-qualification-form", suffix);
  op_assistant_cancel (assistant);
  test_wait_assistant_closed ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  op_test_ui_init (&argc, &argv);
  /* gtk_test_init() keeps the C locale; the tour (for screenshots) takes
   * the one it is run in. */
  if (g_getenv ("OP_TEST_SHOT_DIR") != NULL)
    setlocale (LC_ALL, "");
  app = op_test_ui_start_application ();
  op_test_ui_wait_ready (app);

  g_test_add_func ("/app/solutions/not-a-developer", test_solutions_not_a_developer);
  g_test_add_func ("/app/solutions/list-and-search", test_solutions_list_and_search);
  g_test_add_func ("/app/solutions/detail-for-merchant", test_solutions_detail_for_merchant);
  g_test_add_func ("/app/solutions/missing-role", test_solutions_missing_role);
  g_test_add_func ("/app/solutions/narrow-and-dark", test_solutions_narrow_and_dark);
  g_test_add_func ("/app/solutions/tour", test_solutions_tour);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
