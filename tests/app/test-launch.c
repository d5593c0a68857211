/* test-launch.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-launch-check-page.h"
#include "op-service-paths.h"
#include "op-store.h"
#include "op-test-apps.h"

/* 上线 with the real embedded sandbox: the precondition (a successful call
 * on record) explained, the second confirmation, the submission, and the
 * review's decision arriving on its own (the sandbox's automatic reviewer
 * decides after its default delay of 5 seconds); then 调高调用量, offered
 * once the launched app's calls of the day reach 80% of its limit.
 */

static OpApp *self_use_app;
static char  *self_use_secret;
static GPtrArray *decisions;

static void
decided_cb (OpReviewWatcher *watcher,
            const char      *title,
            const char      *body)
{
  g_ptr_array_add (decisions, g_strdup (title));
  g_ptr_array_add (decisions, g_strdup (body));
}

static gboolean
check_page_settled_cb (gpointer data)
{
  GtkStack *stack = GTK_STACK (op_test_ui_find (GTK_WIDGET (data), op_test_ui_match_type,
                                                GSIZE_TO_POINTER (GTK_TYPE_STACK)));

  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "checking") != 0;
}

static gboolean
assistant_closed_cb (gpointer data)
{
  return op_test_ui_assistant () == NULL;
}

static void
test_launch_needs_a_successful_call (void)
{
  OpAppPage *page = test_open_app (op_app_get_app_key (self_use_app));
  OpAssistant *assistant;
  OpWizardPage *check;
  GtkWidget *next;

  g_assert_true (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "Submit for Launch")));

  assistant = test_start_flow ("app.launch");
  g_assert_nonnull (assistant);
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "check");
  check = op_assistant_get_current_page (assistant);
  op_test_ui_wait_until (check_page_settled_cb, check, 10000);

  /* Explained, and Next stays disabled. */
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (check), "Make a Successful Call First"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (check), "at least one successful API call"));
  g_assert_false (op_wizard_page_get_complete (check));
  next = test_assistant_button (assistant, "_Next");
  g_assert_true (gtk_widget_get_visible (next));
  g_assert_false (gtk_widget_get_sensitive (next));

  /* Next cannot be forced either. */
  op_assistant_next_page (assistant);
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "check");

  /* A signed call that fails (a missing parameter) does not count. */
  {
    g_autoptr(OpGatewayResult) failed = test_gateway_call (op_app_get_app_key (self_use_app),
                                                           self_use_secret, NULL);

    g_assert_cmpstr (test_gateway_error_code (failed), ==, "gw.ParamMissing");
  }
  op_launch_check_page_check (OP_LAUNCH_CHECK_PAGE (check));
  op_test_ui_wait_until (check_page_settled_cb, check, 10000);
  g_assert_false (gtk_widget_get_sensitive (next));

  /* Escape leaves the wizard; the app is still in development. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL);
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);
  g_assert_cmpstr (op_window_get_visible_area (op_test_ui_window ()), ==, "apps");
}

static GtkCheckButton *
confirm_check (OpAssistant *assistant)
{
  GtkWidget *page = GTK_WIDGET (op_assistant_get_current_page (assistant));
  GtkWidget *check = op_test_ui_find (page, op_test_ui_match_type,
                                      GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON));

  g_assert_nonnull (check);
  return GTK_CHECK_BUTTON (check);
}

static gboolean
decided_twice_cb (gpointer data)
{
  return decisions->len >= 2;
}

static gboolean
app_page_state_cb (gpointer data)
{
  return g_strcmp0 (test_row_subtitle (GTK_WIDGET (test_app_page ()), "State"), data) == 0;
}

static void
test_launch_submitted_and_approved (void)
{
  g_autoptr(OpGatewayResult) call = NULL;
  g_autoptr(OpApp) submitted = NULL;
  g_autoptr(OpApp) launched = NULL;
  OpReviewWatcher *watcher = op_area_page_get_watcher (OP_AREA_PAGE (test_apps_page ()));
  OpAssistant *assistant;
  OpWizardPage *check;
  GtkWidget *next;
  GtkWidget *submit;
  GtkWidget *page;
  g_autofree char *expected = NULL;

  /* A successful signed call of an API of the app's solution. */
  call = test_gateway_call (op_app_get_app_key (self_use_app), self_use_secret, "0");
  g_assert_true (op_gateway_result_is_success (call));

  /* The decision is announced however the user is busy; look often here. */
  op_review_watcher_set_interval (watcher, 300);
  g_signal_connect (watcher, "decided", G_CALLBACK (decided_cb), NULL);

  test_open_app (op_app_get_app_key (self_use_app));
  assistant = test_start_flow ("app.launch");
  check = op_assistant_get_current_page (assistant);
  op_test_ui_wait_until (check_page_settled_cb, check, 10000);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (check), "A Successful Call Is on Record"));
  next = test_assistant_button (assistant, "_Next");
  g_assert_true (gtk_widget_get_sensitive (next));
  gtk_widget_activate (next);
  test_wait_page (assistant, "confirm");

  /* The basic information again, and the second confirmation. */
  page = GTK_WIDGET (op_assistant_get_current_page (assistant));
  g_assert_cmpstr (test_row_subtitle (page, "App name"), ==, "Order Sync");
  g_assert_cmpstr (test_row_subtitle (page, "AppKey"), ==, op_app_get_app_key (self_use_app));
  g_assert_cmpstr (test_row_subtitle (page, "Type"), ==, "Self-use app");
  g_assert_cmpstr (test_row_subtitle (page, "Solutions"), ==, "Purchase order management");
  submit = test_assistant_button (assistant, "_Submit for Launch");
  g_assert_false (gtk_widget_get_sensitive (submit));

  /* Enter does not submit before the confirmation… */
  g_assert_false (test_press_enter (page));
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "confirm");

  gtk_check_button_set_active (confirm_check (assistant), TRUE);
  op_test_ui_iterate (50);
  g_assert_true (gtk_widget_get_sensitive (submit));

  /* …and submits after it, as the button does. */
  g_assert_true (test_press_enter (page));
  test_wait_page (assistant, "result");

  /* 上线审核中, on the result page and on the platform. */
  page = GTK_WIDGET (op_assistant_get_current_page (assistant));
  g_assert_nonnull (op_test_ui_find_label_containing (page, "Launch Requested"));
  g_assert_cmpstr (test_row_subtitle (page, "App state"), ==, "Launch under review");
  submitted = op_test_ui_get_app (app, op_app_get_app_key (self_use_app));
  g_assert_cmpint (op_app_get_state (submitted), ==, OP_APP_STATE_LAUNCH_REVIEW);
  g_assert_true (op_review_watcher_get_pending (watcher));

  /* The reviewer decides; the user is told without looking. */
  op_test_ui_wait_until (decided_twice_cb, NULL, 30000);
  g_assert_cmpstr (g_ptr_array_index (decisions, 0), ==, "App Launched");
  expected = g_strdup_printf ("“Order Sync” passed the launch review and is launched: it may now make 100,000 calls a day.");
  g_assert_cmpstr (g_ptr_array_index (decisions, 1), ==, expected);
  /* As a toast in the window. */
  op_test_ui_wait_label ("passed the launch review", 5000);

  /* The open result page follows. */
  op_test_ui_wait_label ("is launched: it may now make 100,000 calls a day.", 5000);
  g_assert_cmpstr (test_row_subtitle (page, "App state"), ==, "Launched");

  launched = op_test_ui_get_app (app, op_app_get_app_key (self_use_app));
  g_assert_cmpint (op_app_get_state (launched), ==, OP_APP_STATE_LAUNCHED);
  g_assert_cmpint (op_app_get_daily_limit (launched), ==, 100000);

  /* Done: back on the app's page, launched, with the launched quota. */
  gtk_widget_activate (test_assistant_button (assistant, "_Done"));
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);
  op_test_ui_wait_until (app_page_state_cb, (gpointer) "Launched", 10000);
  op_test_ui_wait_label ("of 100,000 calls today", 5000);
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (test_app_page ()), "Submit for Launch")));
  g_assert_false (op_review_watcher_get_pending (watcher));

  g_signal_handlers_disconnect_by_func (watcher, decided_cb, NULL);
}

/* Signed calls to the sandbox gateway (alibaba.category.get), a few at a
 * time, each checked to succeed. */
typedef struct
{
  SoupSession *session;
  char        *url;
  const char  *app_key;
  const char  *secret;
  guint        to_send;
  guint        in_flight;
  guint        successes;
  guint        failures;
} Burst;

static void burst_send (Burst *burst);

static void
burst_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Burst *burst = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
  if (soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (object), result)) == 200)
    burst->successes++;
  else
    burst->failures++;

  burst->in_flight--;
  burst_send (burst);
}

static void
burst_send (Burst *burst)
{
  while (burst->to_send > 0 && burst->in_flight < 8)
    {
      g_autoptr(OpRequest) request = op_request_new ("com.alibaba.product", "alibaba.category.get",
                                                     burst->app_key);
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autofree char *url = NULL;
      char *form;

      op_request_set_param (request, "categoryID", "0");
      url = op_request_build_url (request, burst->url);
      form = op_request_build_body (request, burst->secret);
      body = g_bytes_new_take (form, strlen (form));
      message = soup_message_new (SOUP_METHOD_POST, url);
      soup_message_set_request_body_from_bytes (message, OP_REQUEST_CONTENT_TYPE, body);

      burst->to_send--;
      burst->in_flight++;
      soup_session_send_and_read_async (burst->session, message, G_PRIORITY_DEFAULT, NULL,
                                        burst_done_cb, burst);
    }
}

static gboolean
burst_finished_cb (gpointer data)
{
  Burst *burst = data;

  return burst->to_send == 0 && burst->in_flight == 0;
}

static void
make_calls (const char *app_key,
            const char *secret,
            guint       n_calls)
{
  g_autofree char *gateway_url = op_endpoints_gateway_url (OP_GATEWAY_SANDBOX,
                                                           op_connection_get_base_url (test_connection ()));
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns-per-host", 8, NULL);
  Burst burst = { session, gateway_url, app_key, secret, n_calls, 0, 0, 0 };
  gint64 start = g_get_monotonic_time ();

  burst_send (&burst);
  op_test_ui_wait_until (burst_finished_cb, &burst, 60000);
  g_test_message ("%u calls in %.1f s", n_calls, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (burst.successes, ==, n_calls);
}

/* A launched app may make 100,000 calls a day: 80,000 signed calls would
 * make this test long, so it lowers this app's limit in the sandbox's
 * database (as tests/bench/bench-gateway-prepare does), then reaches 80% of
 * it with real signed calls. */
static void
set_daily_limit (const char *app_key,
                 gint64      limit)
{
  g_autofree char *db_path = op_service_default_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpStore) store = op_store_open (db_path, &error);

  g_assert_no_error (error);
  g_assert_true (op_store_run (store, &error, "UPDATE apps SET daily_limit = ?2 WHERE app_key = ?1",
                               "si", app_key, limit));
  g_assert_no_error (error);
  g_assert_cmpint (op_store_changes (store), ==, 1);
}

static GtkTextView *
reason_view (OpAssistant *assistant)
{
  GtkWidget *view = op_test_ui_find (GTK_WIDGET (assistant), op_test_ui_match_type,
                                     GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

static void
test_launch_quota_increase (void)
{
  const char *key = op_app_get_app_key (self_use_app);
  OpReviewWatcher *watcher = op_area_page_get_watcher (OP_AREA_PAGE (test_apps_page ()));
  g_autoptr(OpApp) before = op_test_ui_get_app (app, key);
  OpApp *raised = NULL;
  OpAppPage *page;
  OpAssistant *assistant;
  GtkWidget *submit;
  gint64 used;

  g_assert_cmpint (op_app_get_state (before), ==, OP_APP_STATE_LAUNCHED);
  used = op_app_get_used_today (before);
  set_daily_limit (key, 100);

  /* Below 80%: not offered. */
  make_calls (key, self_use_secret, 79 - used);
  page = test_open_app (key);
  op_app_page_reload (page);
  op_test_ui_wait_label ("79 of 100 calls today", 10000);
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "Raise the Call Quota")));

  /* At 80%: offered. */
  make_calls (key, self_use_secret, 1);
  op_app_page_reload (page);
  op_test_ui_wait_label ("80 of 100 calls today", 10000);
  g_assert_true (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "Raise the Call Quota")));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (page), "reached 80% of the daily limit"));

  g_ptr_array_set_size (decisions, 0);
  op_review_watcher_set_interval (watcher, 300);
  g_signal_connect (watcher, "decided", G_CALLBACK (decided_cb), NULL);

  assistant = test_start_flow ("app.raise-quota");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (assistant),
                                                      "Daily limit requested (calls a day)")),
                         "500");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason_view (assistant)),
                            "More shops use the app every week.", -1);
  op_test_ui_iterate (100);
  submit = test_assistant_button (assistant, "_Submit Request");
  g_assert_true (gtk_widget_get_sensitive (submit));
  gtk_widget_activate (submit);
  test_wait_page (assistant, "result");
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant),
                                                "raise the call quota of “Order Sync” to 500 calls a day"));

  /* Approved by the reviewer: told, and the new limit is there. */
  op_test_ui_wait_until (decided_twice_cb, NULL, 30000);
  g_assert_cmpstr (g_ptr_array_index (decisions, 0), ==, "Call Quota Raised");
  g_assert_cmpstr (g_ptr_array_index (decisions, 1), ==, "The call quota of “Order Sync” is now 500 calls a day.");
  op_test_ui_wait_label ("is now 500 calls a day", 5000);
  raised = op_test_ui_get_app (app, key);
  g_assert_cmpint (op_app_get_daily_limit (raised), ==, 500);
  g_clear_object (&raised);

  gtk_widget_activate (test_assistant_button (assistant, "_Done"));
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);
  op_test_ui_wait_label ("80 of 500 calls today", 10000);
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (test_app_page ()), "Raise the Call Quota")));

  /* At 80% of the new limit, a request above what the sandbox's reviewer
   * grants (1,000,000) is rejected, with the reason, told the same way. */
  make_calls (key, self_use_secret, 320);
  page = test_app_page ();
  op_app_page_reload (page);
  op_test_ui_wait_label ("400 of 500 calls today", 10000);
  g_ptr_array_set_size (decisions, 0);

  assistant = test_start_flow ("app.raise-quota");
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (assistant),
                                                      "Daily limit requested (calls a day)")),
                         "2,000,000");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason_view (assistant)),
                            "A national campaign next month.", -1);
  op_test_ui_iterate (100);
  gtk_widget_activate (test_assistant_button (assistant, "_Submit Request"));
  test_wait_page (assistant, "result");

  op_test_ui_wait_until (decided_twice_cb, NULL, 30000);
  g_assert_cmpstr (g_ptr_array_index (decisions, 0), ==, "Call Quota Not Raised");
  g_assert_true (g_str_has_prefix (g_ptr_array_index (decisions, 1),
                                   "The request to raise the call quota of “Order Sync” was rejected: "));
  op_test_ui_wait_label ("The reviewer’s reason: ", 5000);
  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (op_assistant_get_current_page (assistant)),
                                      "Quota increase review"), ==, "Rejected");
  raised = op_test_ui_get_app (app, key);
  g_assert_cmpint (op_app_get_daily_limit (raised), ==, 500);
  g_clear_object (&raised);

  gtk_widget_activate (test_assistant_button (assistant, "_Done"));
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);

  /* The app's page says so, and offers to ask again. */
  op_test_ui_wait_label ("Rejected: ", 10000);
  g_assert_true (gtk_widget_get_visible (test_find_row (GTK_WIDGET (test_app_page ()), "Raise the Call Quota")));

  g_signal_handlers_disconnect_by_func (watcher, decided_cb, NULL);
}

int
main (int    argc,
      char **argv)
{
  int status;

  op_test_ui_init (&argc, &argv);
  test_start ("merchant", OP_DEVELOPER_TYPE_SELF_USE);
  decisions = g_ptr_array_new_with_free_func (g_free);

  self_use_app = test_create_app (TEST_SOLUTION_ORDERS, "Order Sync", OP_APP_TYPE_SELF_USE, NULL,
                                  TRUE, &self_use_secret);

  g_test_add_func ("/app/launch/needs-a-successful-call", test_launch_needs_a_successful_call);
  g_test_add_func ("/app/launch/submitted-and-approved", test_launch_submitted_and_approved);
  g_test_add_func ("/app/launch/quota-increase", test_launch_quota_increase);

  status = g_test_run ();

  g_clear_object (&self_use_app);
  g_clear_pointer (&self_use_secret, g_free);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
