/* test-overview.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "op-assistant.h"
#include "op-embedded-platform.h"
#include "op-endpoints.h"
#include "op-gateway-client.h"
#include "op-onboarding-flow.h"
#include "op-overview-app-row.h"
#include "op-overview-milestone.h"
#include "op-overview-page.h"
#include "op-overview-review-row.h"
#include "op-test-ui.h"
#include "op-window.h"

/* The overview: where the member stands on the path, the next action, the
 * reviews and the apps, checked against the real embedded sandbox as the
 * member moves along the path (each step done through the platform). */

#define PURCHASE_ORDER_SOLUTION 1703167400001

static OpApplication *app;

/* --- The path, from the platform's state -------------------------------- */

static OpAccount *
account_from_json (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  OpAccount *account;

  g_assert_nonnull (node);
  account = op_account_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  return account;
}

static GListModel *
apps_from_json (const char * const *jsons)
{
  GListStore *store = g_list_store_new (OP_TYPE_APP);

  for (guint i = 0; jsons != NULL && jsons[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (jsons[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(OpApp) app_ = op_app_new_from_json (json_node_get_object (node), &error);

      g_assert_no_error (error);
      g_list_store_append (store, app_);
    }

  return G_LIST_MODEL (store);
}

static GListModel *
qualifications_from_json (const char * const *jsons)
{
  GListStore *store = g_list_store_new (OP_TYPE_QUALIFICATION);

  for (guint i = 0; jsons != NULL && jsons[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = json_from_string (jsons[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(OpQualification) qualification = NULL;

      qualification = op_qualification_new_from_json (json_node_get_object (node), &error);

      g_assert_no_error (error);
      g_list_store_append (store, qualification);
    }

  return G_LIST_MODEL (store);
}

#define ACCOUNT(roles, developer) \
  "{\"login\": \"m\", \"display_name\": \"M\", \"member_id\": \"b2b-1\"," \
  " \"real_name_verified\": true," \
  " \"roles\": [" roles "], \"developer\": " developer "}"
#define ROLE \
  "{\"id\": \"trustpass_merchant\", \"name\": \"TrustPass merchant\", \"source\": \"detected\"}"
#define SELF_USE "{\"developer_type\": \"self_use\", \"contact_name\": \"张三\"}"
#define ISV \
  "{\"developer_type\": \"isv\", \"contact_name\": \"张三\", \"company_name\": \"某公司\"}"
#define APP(state, solutions, success, launch, listing) \
  "{\"app_key\": \"3554399\", \"name\": \"订单助手\", \"app_type\": \"self_use\"," \
  " \"state\": \"" state "\"," \
  " \"quota\": {\"daily_limit\": 5000, \"used_today\": 0}, \"solutions\": [" solutions "]," \
  " \"has_successful_call\": " success ", \"launch\": " launch ", \"listing\": " listing "}"
#define SOLUTION "{\"id\": 1703167400001, \"name\": \"Purchase order management\"}"
#define QUALIFICATION(state) \
  "{\"id\": 1, \"role\": {\"id\": \"professional_buyer\", \"name\": \"Professional buyer\"}," \
  " \"state\": \"" state "\", \"reason\": null}"

static OpPathState
compute (const char         *account_json,
         const char * const *apps_json,
         const char * const *qualifications_json)
{
  g_autoptr(OpAccount) account = account_json != NULL ? account_from_json (account_json) : NULL;
  g_autoptr(GListModel) apps = apps_from_json (apps_json);
  g_autoptr(GListModel) qualifications = qualifications_from_json (qualifications_json);
  OpPathState state;

  op_overview_path_compute (account, apps, qualifications, &state);
  return state;
}

static void
test_path_steps (void)
{
  const char *no_solution[] = { APP ("developing", "", "false", "null", "null"), NULL };
  const char *ordered[] = { APP ("developing", SOLUTION, "false", "null", "null"), NULL };
  const char *tested[] = { APP ("developing", SOLUTION, "true", "null", "null"), NULL };
  const char *reviewing[] = { APP ("launch_review", SOLUTION, "true",
                                   "{\"id\": 1, \"state\": \"pending\"}", "null"), NULL };
  const char *refused[] = { APP ("developing", SOLUTION, "true",
                                 "{\"id\": 1, \"state\": \"rejected\", \"reason\": \"Too early\"}",
                                 "null"), NULL };
  const char *launched[] = { APP ("launched", SOLUTION, "true",
                                  "{\"id\": 1, \"state\": \"approved\"}", "null"), NULL };
  const char *listed[] = { APP ("developing", SOLUTION, "true", "null",
                                "{\"id\": 2, \"state\": \"approved\"}"), NULL };
  const char *pending[] = { QUALIFICATION ("pending"), NULL };
  const char *rejected[] = { QUALIFICATION ("rejected"), NULL };
  OpPathState state;

  /* Nobody, or not a developer yet: join first. */
  state = compute (NULL, NULL, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_JOIN);
  state = compute (ACCOUNT (ROLE, "null"), tested, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_JOIN);

  /* A developer without a role: qualify, waiting or rejected. */
  state = compute (ACCOUNT ("", SELF_USE), NULL, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_QUALIFY);
  g_assert_false (state.waiting);
  g_assert_false (state.rejected);
  state = compute (ACCOUNT ("", SELF_USE), NULL, pending);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_QUALIFY);
  g_assert_true (state.waiting);
  state = compute (ACCOUNT ("", SELF_USE), NULL, rejected);
  g_assert_true (state.rejected);
  g_assert_false (state.waiting);

  /* With a role: order; an app without a solution is not an order. */
  state = compute (ACCOUNT (ROLE, SELF_USE), NULL, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_ORDER);
  state = compute (ACCOUNT (ROLE, SELF_USE), no_solution, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_ORDER);

  state = compute (ACCOUNT (ROLE, SELF_USE), ordered, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_DEVELOP);

  state = compute (ACCOUNT (ROLE, SELF_USE), tested, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_LAUNCH);
  g_assert_false (state.waiting);
  g_assert_false (state.isv);
  state = compute (ACCOUNT (ROLE, ISV), tested, NULL);
  g_assert_true (state.isv);

  state = compute (ACCOUNT (ROLE, SELF_USE), reviewing, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_LAUNCH);
  g_assert_true (state.waiting);
  state = compute (ACCOUNT (ROLE, SELF_USE), refused, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_LAUNCH);
  g_assert_true (state.rejected);

  state = compute (ACCOUNT (ROLE, SELF_USE), launched, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_DONE);
  state = compute (ACCOUNT (ROLE, ISV), listed, NULL);
  g_assert_cmpint (state.current, ==, OP_PATH_STEP_DONE);
}

static void
test_format_count (void)
{
  char *text;

  g_assert_cmpstr ((text = op_overview_format_count (0)), ==, "0");
  g_free (text);
  g_assert_cmpstr ((text = op_overview_format_count (999)), ==, "999");
  g_free (text);
  g_assert_cmpstr ((text = op_overview_format_count (5000)), ==, "5,000");
  g_free (text);
  g_assert_cmpstr ((text = op_overview_format_count (100000)), ==, "100,000");
  g_free (text);
  g_assert_cmpstr ((text = op_overview_format_count (1234567)), ==, "1,234,567");
  g_free (text);
}

/* --- On screen ---------------------------------------------------------- */

static OpWindow *
get_window (void)
{
  OpWindow *window = OP_WINDOW (op_test_ui_find_toplevel (OP_TYPE_WINDOW));

  g_assert_nonnull (window);
  return window;
}

static OpConnection *
get_connection (void)
{
  return op_application_get_connection (app);
}

static OpPlatformClient *
get_client (void)
{
  return op_connection_get_client (get_connection ());
}

static OpOverviewPage *
get_overview (void)
{
  GtkWidget *page = op_test_ui_find (GTK_WIDGET (get_window ()), op_test_ui_match_type,
                                     GSIZE_TO_POINTER (OP_TYPE_OVERVIEW_PAGE));

  g_assert_nonnull (page);
  return OP_OVERVIEW_PAGE (page);
}

static gboolean
match_suggested_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action") &&
         gtk_widget_get_mapped (widget);
}

/* The one suggested action of the overview. */
static GtkButton *
next_button (void)
{
  GtkWidget *button = op_test_ui_find (GTK_WIDGET (get_overview ()), match_suggested_button, NULL);

  g_assert_nonnull (button);
  return GTK_BUTTON (button);
}

static gboolean
overview_says (gpointer data)
{
  OpOverviewPage *overview = get_overview ();
  GtkWidget *button;

  if (op_overview_page_get_loading (overview))
    return FALSE;

  button = op_test_ui_find (GTK_WIDGET (overview), match_suggested_button, NULL);
  return button != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), data) == 0;
}

/* Shows the overview (as a click on its sidebar row does) and waits
 * until it offers @next_action. */
static void
show_overview (const char *next_action)
{
  /* Already shown, the page looks again on its own only while a review is
   * pending: ask it as the page does when shown. */
  if (g_strcmp0 (op_window_get_visible_area (get_window ()), "overview") == 0)
    op_overview_page_refresh (get_overview ());
  op_window_show_area (get_window (), "overview");
  op_test_ui_wait_until (overview_says, (gpointer) next_action, 20000);
}

static OpMilestoneState
milestone_state (guint index)
{
  GtkWidget *steps = op_test_ui_find (GTK_WIDGET (get_overview ()), op_test_ui_match_type,
                                      GSIZE_TO_POINTER (OP_TYPE_OVERVIEW_MILESTONE));
  GtkWidget *milestone;

  g_assert_nonnull (steps);
  milestone = steps;
  for (guint i = 0; i < index; i++)
    milestone = gtk_widget_get_next_sibling (milestone);
  g_assert_true (OP_IS_OVERVIEW_MILESTONE (milestone));

  return op_overview_milestone_get_state (OP_OVERVIEW_MILESTONE (milestone));
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
rows_of_type (GType type)
{
  GPtrArray *rows = g_ptr_array_new ();

  collect (GTK_WIDGET (get_overview ()), type, rows);
  return rows;
}

static OpOverviewReviewRow *
find_review (const char *title)
{
  g_autoptr(GPtrArray) rows = rows_of_type (OP_TYPE_OVERVIEW_REVIEW_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static gboolean
empty_state_shown (void)
{
  GtkWidget *status = op_test_ui_find (GTK_WIDGET (get_overview ()), op_test_ui_match_css_class,
                                       "compact");

  return status != NULL && gtk_widget_get_mapped (status);
}

/* --- Moving along the path through the platform ------------------------ */

typedef struct
{
  gboolean  done;
  gpointer  result;
  char     *text;
  GError   *error;
} Wait;

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->done;
}

static void
sms_sent_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  op_platform_client_request_sms_code_finish (OP_PLATFORM_CLIENT (object), result, NULL,
                                              &wait->error);
  wait->done = TRUE;
}

static void
sms_read_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  op_platform_client_get_sandbox_sms_finish (OP_PLATFORM_CLIENT (object), result, &wait->text, NULL,
                                             &wait->error);
  wait->done = TRUE;
}

static void
onboarded_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->result = op_platform_client_submit_onboarding_finish (OP_PLATFORM_CLIENT (object), result,
                                                              &wait->error);
  wait->done = TRUE;
}

static void
ordered_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->result = op_platform_client_order_solution_finish (OP_PLATFORM_CLIENT (object), result,
                                                           &wait->error);
  wait->done = TRUE;
}

static void
called_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->result = op_gateway_client_call_finish (OP_GATEWAY_CLIENT (object), result, &wait->error);
  wait->done = TRUE;
}

static void
launched_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->result = op_platform_client_launch_app_finish (OP_PLATFORM_CLIENT (object), result,
                                                       &wait->error);
  wait->done = TRUE;
}

static void
applied_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Wait *wait = data;

  wait->result = op_platform_client_apply_qualification_finish (OP_PLATFORM_CLIENT (object), result,
                                                                &wait->error);
  wait->done = TRUE;
}

static void
wait_for (Wait *wait)
{
  op_test_ui_wait_until (wait_done, wait, 20000);
  g_assert_no_error (wait->error);
}

/* Onboards the signed-in account through the platform, and tells the
 * connection (as the wizard does). */
static void
onboard (void)
{
  Wait sent = { 0, }, read = { 0, }, done = { 0, };

  op_platform_client_request_sms_code_async (get_client (), "13800138000", NULL,
                                             sms_sent_cb, &sent);
  wait_for (&sent);
  op_platform_client_get_sandbox_sms_async (get_client (), NULL, sms_read_cb, &read);
  wait_for (&read);
  op_platform_client_submit_onboarding_async (get_client (), "13800138000", read.text, "张三",
                                              "zhangsan@example.com", OP_DEVELOPER_TYPE_SELF_USE,
                                              NULL, NULL, onboarded_cb, &done);
  wait_for (&done);
  op_connection_set_account (get_connection (), done.result);
  g_clear_object (&done.result);
  g_free (read.text);
}

static void
sign_in_as (const char *login)
{
  g_autoptr(OpAccount) account = NULL;

  op_connection_sign_out (get_connection ());
  op_test_ui_iterate (100);
  account = op_test_ui_sign_in (app, login);
  g_assert_cmpstr (op_account_get_login (account), ==, login);
}

/* --- Tests -------------------------------------------------------------- */

static void
test_newcomer_joins_first (void)
{
  GtkWidget *assistant;

  sign_in_as ("newcomer");
  show_overview ("_Join as a Developer");

  g_assert_cmpint (op_overview_page_get_step (get_overview ()), ==, OP_PATH_STEP_JOIN);
  g_assert_cmpint (milestone_state (0), ==, OP_MILESTONE_CURRENT);
  for (guint i = 1; i < OP_PATH_N_STEPS; i++)
    g_assert_cmpint (milestone_state (i), ==, OP_MILESTONE_TO_DO);
  /* Nothing to review and no app: the empty state says so. */
  g_assert_true (empty_state_shown ());

  /* The button opens the onboarding wizard. */
  g_signal_emit_by_name (next_button (), "clicked");
  op_test_ui_iterate (300);
  g_assert_cmpstr (op_window_get_visible_area (get_window ()), ==, "wizard");
  assistant = op_test_ui_find (GTK_WIDGET (get_window ()), op_test_ui_match_type,
                               GSIZE_TO_POINTER (OP_TYPE_ASSISTANT));
  g_assert_nonnull (assistant);
  g_assert_true (OP_IS_ONBOARDING_FLOW (op_assistant_get_flow (OP_ASSISTANT (assistant))));

  op_assistant_cancel (OP_ASSISTANT (assistant));
  op_test_ui_iterate (200);
  g_assert_cmpstr (op_window_get_visible_area (get_window ()), ==, "overview");
}

static void
test_merchant_follows_the_path (void)
{
  g_autoptr(OpNewApp) new_app = NULL;
  g_autoptr(OpGatewayClient) gateway = NULL;
  g_autoptr(OpRequest) request = NULL;
  g_autofree char *gateway_url = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *app_secret = NULL;
  Wait order = { 0, }, call = { 0, }, launch = { 0, };
  g_autoptr(GPtrArray) apps = NULL;
  OpOverviewAppRow *row;
  OpOverviewReviewRow *review;

  /* The seed's merchant has a detected role but has not joined. */
  sign_in_as ("merchant");
  show_overview ("_Join as a Developer");

  /* Joined: the role is already held, so the next step is ordering. */
  onboard ();
  show_overview ("_Order a Solution");
  g_assert_cmpint (milestone_state (0), ==, OP_MILESTONE_DONE);
  g_assert_cmpint (milestone_state (1), ==, OP_MILESTONE_DONE);
  g_assert_cmpint (milestone_state (2), ==, OP_MILESTONE_CURRENT);
  g_signal_emit_by_name (next_button (), "clicked");
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_window_get_visible_area (get_window ()), ==, "solutions");

  /* Ordered a solution with a new app: develop and test, and the app is
   * listed with today's use against the development quota. */
  new_app = op_new_app_new ("订单助手", "采购订单同步", OP_APP_TYPE_SELF_USE, NULL);
  op_platform_client_order_solution_async (get_client (), PURCHASE_ORDER_SOLUTION, NULL, new_app,
                                           NULL, ordered_cb, &order);
  wait_for (&order);
  app_key = g_strdup (op_app_get_app_key (op_solution_order_result_get_app (order.result)));
  app_secret = g_strdup (op_solution_order_result_get_app_secret (order.result));
  g_clear_object (&order.result);

  show_overview ("_Test Your App");
  g_assert_cmpint (milestone_state (2), ==, OP_MILESTONE_DONE);
  g_assert_cmpint (milestone_state (3), ==, OP_MILESTONE_CURRENT);
  g_assert_false (empty_state_shown ());
  apps = rows_of_type (OP_TYPE_OVERVIEW_APP_ROW);
  g_assert_cmpuint (apps->len, ==, 1);
  row = g_ptr_array_index (apps, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "订单助手");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "In development"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), app_key));
  g_assert_cmpstr (op_overview_app_row_get_usage (row), ==, "0 of 5,000 today");
  g_assert_cmpfloat (op_overview_app_row_get_fraction (row), ==, 0.0);
  g_clear_pointer (&apps, g_ptr_array_unref);

  /* Activating the app's row opens the apps area. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_window_get_visible_area (get_window ()), ==, "apps");

  /* One successful call through the sandbox gateway: next, the launch. */
  gateway_url = op_endpoints_gateway_url (OP_GATEWAY_SANDBOX,
                                          op_connection_get_base_url (get_connection ()));
  gateway = op_gateway_client_new (op_platform_client_get_session (get_client ()), gateway_url);
  request = op_request_new ("com.alibaba.product", "alibaba.category.get", app_key);
  op_request_set_param (request, "categoryID", "0");
  op_gateway_client_call_async (gateway, request, app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL,
                                called_cb, &call);
  wait_for (&call);
  g_assert_cmpuint (op_gateway_result_get_status (call.result), ==, 200);
  g_clear_object (&call.result);

  show_overview ("_Launch Your App");
  g_assert_cmpint (milestone_state (3), ==, OP_MILESTONE_DONE);
  g_assert_cmpint (milestone_state (4), ==, OP_MILESTONE_CURRENT);
  apps = rows_of_type (OP_TYPE_OVERVIEW_APP_ROW);
  row = g_ptr_array_index (apps, 0);
  g_assert_cmpstr (op_overview_app_row_get_usage (row), ==, "1 of 5,000 today");
  g_assert_cmpfloat (op_overview_app_row_get_fraction (row), >, 0.0);
  g_clear_pointer (&apps, g_ptr_array_unref);

  /* Launch requested: the review is listed as under review. */
  op_platform_client_launch_app_async (get_client (), app_key, NULL, launched_cb, &launch);
  wait_for (&launch);
  g_clear_object (&launch.result);

  show_overview ("_View Apps");
  g_assert_cmpint (milestone_state (4), ==, OP_MILESTONE_WAITING);
  review = find_review ("Launch: 订单助手");
  g_assert_nonnull (review);
  g_assert_cmpint (op_overview_review_row_get_state (review), ==, OP_REVIEW_STATE_PENDING);
  g_assert_cmpstr (op_overview_review_row_get_badge (review), ==, "Under review");
  g_assert_cmpstr (op_overview_review_row_get_area (review), ==, "apps");
  apps = rows_of_type (OP_TYPE_OVERVIEW_APP_ROW);
  row = g_ptr_array_index (apps, 0);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Launch under review"));
  g_clear_pointer (&apps, g_ptr_array_unref);

  /* The sandbox's reviewer approves launches after a few seconds: the path
   * is done and the quota is the launched one. */
  op_test_ui_iterate (6000);
  show_overview ("_Open Apps");
  for (guint i = 0; i < OP_PATH_N_STEPS; i++)
    g_assert_cmpint (milestone_state (i), ==, OP_MILESTONE_DONE);
  g_assert_null (find_review ("Launch: 订单助手"));
  apps = rows_of_type (OP_TYPE_OVERVIEW_APP_ROW);
  row = g_ptr_array_index (apps, 0);
  g_assert_cmpstr (op_overview_app_row_get_usage (row), ==, "1 of 100,000 today");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Launched"));
}

static gboolean
review_decided (gpointer data)
{
  OpOverviewReviewRow *review;

  if (op_overview_page_get_loading (get_overview ()))
    return FALSE;

  /* Nobody asks the page to look again: it follows the window's review
   * watcher. */
  review = find_review (data);
  return review != NULL && op_overview_review_row_get_state (review) == OP_REVIEW_STATE_REJECTED;
}

static void
test_qualification_review_shown (void)
{
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  const char *title = "Qualification application: Professional buyer";
  Wait applied = { 0, };
  OpOverviewReviewRow *review;

  /* A developer without a role: the next step is a qualification. */
  sign_in_as ("newcomer");
  onboard ();
  show_overview ("_Choose a Solution");
  g_assert_cmpint (milestone_state (1), ==, OP_MILESTONE_CURRENT);

  /* Applied with a wrong credit code: under review, then rejected with the
   * platform's reason, which the overview shows. */
  g_hash_table_insert (fields, (gpointer) "uscc", (gpointer) "91330100MA2B3C4D5X");
  op_platform_client_apply_qualification_async (get_client (), "professional_buyer", fields, NULL,
                                                applied_cb, &applied);
  wait_for (&applied);
  g_clear_object (&applied.result);

  show_overview ("_View Solutions");
  g_assert_cmpint (milestone_state (1), ==, OP_MILESTONE_WAITING);
  review = find_review (title);
  g_assert_nonnull (review);
  g_assert_cmpstr (op_overview_review_row_get_badge (review), ==, "Under review");
  g_assert_cmpstr (op_overview_review_row_get_area (review), ==, "solutions");

  op_test_ui_wait_until (review_decided, (gpointer) title, 20000);
  review = find_review (title);
  g_assert_cmpstr (op_overview_review_row_get_badge (review), ==, "Rejected");
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (review)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review)), "not valid"));
  op_test_ui_wait_until (overview_says, (gpointer) "_Open Solutions", 20000);

  /* Activating it opens the solutions area, where it is corrected. */
  adw_action_row_activate (ADW_ACTION_ROW (review));
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_window_get_visible_area (get_window ()), ==, "solutions");
}

static void
test_signed_out_shows_nothing (void)
{
  GtkWidget *stack;

  sign_in_as ("unverified");
  show_overview ("_Join as a Developer");
  stack = gtk_widget_get_first_child (GTK_WIDGET (get_overview ()));
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "content");

  op_connection_sign_out (get_connection ());
  op_test_ui_iterate (300);
  g_assert_cmpstr (op_window_get_visible_area (get_window ()), ==, "sign-in");

  /* Nothing of the last member stays in the overview, even hidden: the
   * next member to sign in must not see it while it loads. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), !=, "content");
  g_assert_false (op_overview_page_get_loading (get_overview ()));
}

static void
use_own_directories (const char *home)
{
  const char *names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  const char *dirs[] = { "data", "config", "cache" };

  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (names[i], path, TRUE);
    }
}

static void
platform_started_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      data)
{
  Wait *wait = data;

  wait->text = op_embedded_platform_start_finish (OP_EMBEDDED_PLATFORM (object), result,
                                                  &wait->error);
  wait->done = TRUE;
}

static gboolean
connected_to (gpointer url)
{
  return g_strcmp0 (op_connection_get_base_url (get_connection ()), url) == 0 &&
         op_connection_get_state (get_connection ()) == OP_CONNECTION_READY;
}

static gboolean
loaded (gpointer data)
{
  return !op_overview_page_get_loading (get_overview ());
}

static gboolean
match_status_page (GtkWidget     *widget,
                   gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) &&
         g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

static void
test_platform_unreachable (void)
{
  GSettings *settings = op_application_get_settings (app);
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "other-platform.db", NULL);
  g_autoptr(OpEmbeddedPlatform) platform = op_embedded_platform_new (db);
  g_autoptr(OpAccount) account = NULL;
  Wait started = { 0, };
  GtkWidget *status;
  GtkWidget *retry;

  /* A platform at an address (as a team's shared sandbox would be). */
  op_embedded_platform_start_async (platform, NULL, platform_started_cb, &started);
  wait_for (&started);
  g_settings_set_string (settings, "platform-url", started.text);
  g_settings_set_string (settings, "platform-kind", "url");
  op_test_ui_wait_until (connected_to, started.text, 20000);
  account = op_test_ui_sign_in (app, "merchant");
  show_overview ("_Join as a Developer");

  /* It goes away: the overview says so in plain words, with Retry. */
  op_embedded_platform_stop (platform);
  op_overview_page_refresh (get_overview ());
  op_test_ui_wait_until (loaded, NULL, 20000);
  op_test_ui_iterate (300);
  status = op_test_ui_find (GTK_WIDGET (get_overview ()), match_status_page,
                            "Cannot Show the Overview");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            "Cannot reach the platform"));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)),
                            started.text));
  g_assert_cmpint (op_connection_get_state (get_connection ()), ==, OP_CONNECTION_UNREACHABLE);

  /* Retry asks again (still down: the same answer). */
  retry = op_test_ui_find (status, op_test_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));
  g_assert_nonnull (retry);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retry)), ==, "_Retry");
  g_signal_emit_by_name (retry, "clicked");
  g_assert_true (op_overview_page_get_loading (get_overview ()));
  op_test_ui_wait_until (loaded, NULL, 20000);
  op_test_ui_iterate (300);
  g_assert_true (gtk_widget_get_mapped (status));

  g_settings_reset (settings, "platform-kind");
  g_settings_reset (settings, "platform-url");
  op_test_ui_iterate (300);
  g_free (started.text);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("open1688-test-XXXXXX", NULL);
  int status;

  /* GLib remembers the XDG directories the first time they are asked for,
   * which initialising GTK does: give this program its own before, so that
   * its sandbox database and drafts are its own. */
  use_own_directories (home);
  op_test_ui_init (&argc, &argv);

  g_test_add_func ("/app/overview/path-steps", test_path_steps);
  g_test_add_func ("/app/overview/format-count", test_format_count);

  app = op_test_ui_start_application ();
  op_test_ui_wait_ready (app);

  g_test_add_func ("/app/overview/newcomer-joins-first", test_newcomer_joins_first);
  g_test_add_func ("/app/overview/merchant-follows-the-path", test_merchant_follows_the_path);
  g_test_add_func ("/app/overview/qualification-review-shown", test_qualification_review_shown);
  g_test_add_func ("/app/overview/signed-out-shows-nothing", test_signed_out_shows_nothing);
  g_test_add_func ("/app/overview/platform-unreachable", test_platform_unreachable);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
