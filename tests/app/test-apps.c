/* test-apps.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "op-apps-format.h"
#include "op-overview-app-row.h"
#include "op-overview-page.h"
#include "op-quota-form-page.h"
#include "op-test-apps.h"
#include "op-usage-chart.h"

/* My Apps with the real embedded sandbox and the real keyring: the list,
 * an app's page, the AppSecret from the keyring and its reset, the calls
 * chart, and when 调高调用量 is offered.
 */

static OpApp *orders_app;        /* its AppSecret is in the keyring */
static OpApp *products_app;      /* its AppSecret is not */
static char  *orders_secret;

static gboolean
apps_listed_cb (gpointer data)
{
  return g_list_model_get_n_items (op_apps_page_get_apps (test_apps_page ())) == GPOINTER_TO_UINT (data);
}

static gboolean
overview_lists_apps_cb (gpointer data)
{
  OpOverviewPage *overview = OP_OVERVIEW_PAGE (op_test_ui_find (GTK_WIDGET (op_test_ui_window ()),
                                                                op_test_ui_match_type,
                                                                GSIZE_TO_POINTER (OP_TYPE_OVERVIEW_PAGE)));
  guint rows = 0;

  if (overview == NULL || op_overview_page_get_loading (overview))
    return FALSE;

  for (GtkWidget *row = op_test_ui_find (GTK_WIDGET (overview), op_test_ui_match_type,
                                         GSIZE_TO_POINTER (OP_TYPE_OVERVIEW_APP_ROW));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rows += OP_IS_OVERVIEW_APP_ROW (row);

  return rows == GPOINTER_TO_UINT (data);
}

static void
test_apps_list_and_page (void)
{
  OpAppsPage *apps_page;
  OpAppPage *page;
  GtkWidget *list;
  GtkWidget *row;
  g_autofree char *subtitle = NULL;

  op_window_show_area (op_test_ui_window (), "apps");
  apps_page = test_apps_page ();
  op_test_ui_wait_until (apps_listed_cb, GUINT_TO_POINTER (2), 20000);
  op_test_ui_iterate (100);

  /* Both apps are listed, with their AppKey, type and state. */
  list = op_test_ui_find (GTK_WIDGET (apps_page), op_test_ui_match_css_class, "boxed-list");
  g_assert_nonnull (list);
  row = test_find_row (GTK_WIDGET (apps_page), "Order Sync");
  subtitle = g_strdup_printf ("AppKey %s · Self-use app · In development", op_app_get_app_key (orders_app));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, subtitle);
  g_assert_nonnull (test_find_row (GTK_WIDGET (apps_page), "Feeds & <Co>"));

  /* The overview shows the same names as they are, not as markup. */
  op_window_show_area (op_test_ui_window (), "overview");
  op_test_ui_wait_until (overview_lists_apps_cb, GUINT_TO_POINTER (2), 20000);
  g_assert_true (OP_IS_OVERVIEW_APP_ROW (test_find_row (GTK_WIDGET (op_test_ui_window ()),
                                                      "Feeds & <Co>")));
  op_window_show_area (op_test_ui_window (), "apps");

  /* A click on the row opens the app's page. */
  g_signal_emit_by_name (list, "row-activated", row);
  op_test_ui_wait_until (test_app_page_shows_cb, (gpointer) op_app_get_app_key (orders_app), 20000);
  op_test_ui_iterate (100);
  page = test_app_page ();

  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (page), op_test_ui_match_label, "Order Sync"));
  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (page), "AppKey"), ==, op_app_get_app_key (orders_app));
  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (page), "State"), ==, "In development");
  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (page), "Type"), ==, "Self-use app");
  g_assert_nonnull (test_find_row (GTK_WIDGET (page), "Purchase order management"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (page), "0 of 5,000 calls today"));
  /* A self-use app in development may ask for launch, nothing else. */
  g_assert_true (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "Submit for Launch")));
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "List for Sale")));
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "Raise the Call Quota")));

  /* Escape goes back to the list. */
  gtk_widget_activate_action (GTK_WIDGET (apps_page), "apps.back", NULL);
  op_test_ui_iterate (400);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_get_mapped (list));
}

static gboolean
secret_row_is_cb (gpointer data)
{
  const char *subtitle = test_row_subtitle (GTK_WIDGET (test_app_page ()), "AppSecret");

  return g_strcmp0 (subtitle, data) == 0;
}

static gboolean
secret_row_contains_cb (gpointer data)
{
  const char *subtitle = test_row_subtitle (GTK_WIDGET (test_app_page ()), "AppSecret");

  return subtitle != NULL && strstr (subtitle, data) != NULL;
}

static GtkToggleButton *
reveal_button (OpAppPage *page)
{
  GtkWidget *row = test_find_row (GTK_WIDGET (page), "AppSecret");
  GtkWidget *button = op_test_ui_find (row, op_test_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_TOGGLE_BUTTON));

  g_assert_nonnull (button);
  return GTK_TOGGLE_BUTTON (button);
}

static void
test_apps_secret_revealed (void)
{
  OpAppPage *page = test_open_app (op_app_get_app_key (orders_app));
  GtkToggleButton *reveal = reveal_button (page);

  /* Hidden until asked for. */
  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (page), "AppSecret"), ==, "••••••••••••••••");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (reveal)), ==, "Show AppSecret");

  /* Shown from the keyring. */
  gtk_toggle_button_set_active (reveal, TRUE);
  op_test_ui_wait_until (secret_row_is_cb, orders_secret, 10000);
  g_assert_true (gtk_toggle_button_get_active (reveal));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (reveal)), ==, "Hide AppSecret");

  /* And hidden again. */
  gtk_toggle_button_set_active (reveal, FALSE);
  op_test_ui_iterate (50);
  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (page), "AppSecret"), ==, "••••••••••••••••");
}

static void
test_apps_secret_not_in_keyring (void)
{
  OpAppPage *page = test_open_app (op_app_get_app_key (products_app));
  GtkToggleButton *reveal = reveal_button (page);

  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (page), op_test_ui_match_label, "Feeds & <Co>"));

  gtk_toggle_button_set_active (reveal, TRUE);
  op_test_ui_wait_until (secret_row_contains_cb, (gpointer) "Not in this computer’s keyring", 10000);

  /* Said so, with what to do, and nothing pretends to be shown. */
  g_assert_nonnull (strstr (test_row_subtitle (GTK_WIDGET (page), "AppSecret"), "Reset the AppSecret"));
  g_assert_false (gtk_toggle_button_get_active (reveal));
}

static AdwMessageDialog *
find_dialog (void)
{
  return ADW_MESSAGE_DIALOG (op_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return op_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
keyring_changed_cb (gpointer data)
{
  g_autofree char *secret = op_test_ui_lookup_secret (app, op_app_get_app_key (orders_app));

  return secret != NULL && g_strcmp0 (secret, data) != 0;
}

static void
test_apps_reset_secret (void)
{
  OpAppPage *page = test_open_app (op_app_get_app_key (orders_app));
  g_autoptr(OpGatewayResult) before = NULL;
  g_autoptr(OpGatewayResult) old = NULL;
  g_autoptr(OpGatewayResult) fresh = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *new_secret = NULL;
  AdwMessageDialog *dialog;

  before = test_gateway_call (op_app_get_app_key (orders_app), orders_secret, "0");
  g_assert_true (op_gateway_result_is_success (before));

  /* Cancelling the confirmation changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "app.reset-secret", NULL);
  op_test_ui_wait_until (dialog_shown_cb, NULL, 5000);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reset the AppSecret?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "stops working at once"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "reset"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  adw_message_dialog_response (dialog, "cancel");
  op_test_ui_iterate (300);
  kept = op_test_ui_lookup_secret (app, op_app_get_app_key (orders_app));
  g_assert_cmpstr (kept, ==, orders_secret);

  /* Confirmed: a new secret, in the keyring and on the page. */
  gtk_widget_activate_action (GTK_WIDGET (page), "app.reset-secret", NULL);
  op_test_ui_wait_until (dialog_shown_cb, NULL, 5000);
  adw_message_dialog_response (find_dialog (), "reset");
  op_test_ui_wait_until (keyring_changed_cb, orders_secret, 10000);
  new_secret = op_test_ui_lookup_secret (app, op_app_get_app_key (orders_app));
  op_test_ui_wait_until (secret_row_is_cb, new_secret, 5000);
  op_test_ui_wait_label ("A new AppSecret was issued and kept in the keyring", 5000);

  /* The old one no longer signs; the new one does. */
  old = test_gateway_call (op_app_get_app_key (orders_app), orders_secret, "0");
  g_assert_false (op_gateway_result_is_success (old));
  g_assert_cmpstr (test_gateway_error_code (old), ==, "gw.SignatureInvalid");
  fresh = test_gateway_call (op_app_get_app_key (orders_app), new_secret, "0");
  g_assert_true (op_gateway_result_is_success (fresh));

  g_free (orders_secret);
  orders_secret = g_steal_pointer (&new_secret);
}

static gboolean
chart_has_calls_cb (gpointer data)
{
  OpUsageChart *chart = OP_USAGE_CHART (data);

  return op_usage_chart_get_successes (chart) + op_usage_chart_get_failures (chart) > 0;
}

static void
test_apps_usage_chart (void)
{
  g_autoptr(OpGatewayResult) missing = NULL;
  g_autoptr(OpGatewayResult) ok = NULL;
  g_autofree char *description = NULL;
  OpAppPage *page;
  GtkWidget *chart;
  GListModel *days;

  /* One more success, and one failure that counts (a missing parameter). */
  ok = test_gateway_call (op_app_get_app_key (orders_app), orders_secret, "0");
  g_assert_true (op_gateway_result_is_success (ok));
  missing = test_gateway_call (op_app_get_app_key (orders_app), orders_secret, NULL);
  g_assert_cmpstr (test_gateway_error_code (missing), ==, "gw.ParamMissing");

  page = test_open_app (op_app_get_app_key (orders_app));
  op_app_page_reload (page);
  chart = op_test_ui_find (GTK_WIDGET (page), op_test_ui_match_type, GSIZE_TO_POINTER (OP_TYPE_USAGE_CHART));
  g_assert_nonnull (chart);
  op_test_ui_wait_until (chart_has_calls_cb, chart, 10000);
  op_test_ui_iterate (100);

  /* 30 platform days; today: the call before the reset, two after, one failure. */
  days = op_usage_chart_get_days (OP_USAGE_CHART (chart));
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 30);
  g_assert_cmpint (op_usage_chart_get_successes (OP_USAGE_CHART (chart)), ==, 3);
  g_assert_cmpint (op_usage_chart_get_failures (OP_USAGE_CHART (chart)), ==, 1);
  description = op_usage_chart_describe (OP_USAGE_CHART (chart));
  g_assert_cmpstr (description, ==, "30 days: 4 calls, 3 successful and 1 failed.");
  g_assert_true (gtk_widget_get_mapped (chart));
  g_assert_cmpint (gtk_widget_get_height (chart), >=, 180);

  /* The quota counts the same calls. */
  op_test_ui_wait_label ("4 of 5,000 calls today", 5000);
  g_assert_true (gtk_widget_get_has_tooltip (chart));
}

static OpApp *
model_app (const char *app_key,
           const char *state,
           gint64      limit,
           gint64      used,
           const char *quota_increase)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  OpApp *model;

  json = g_strdup_printf ("{\"app_key\": \"%s\", \"name\": \"Order Sync\", \"description\": \"\","
                          " \"app_type\": \"self_use\", \"callback_url\": null, \"state\": \"%s\","
                          " \"quota\": {\"daily_limit\": %" G_GINT64_FORMAT ", \"used_today\": %" G_GINT64_FORMAT ","
                          "   \"day\": \"2026-11-28\", \"resets_at\": \"2026-11-29T00:00:00+08:00\"},"
                          " \"solutions\": [], \"abilities\": [], \"has_successful_call\": true,"
                          " \"launch\": null, \"listing\": null, \"quota_increase\": %s}",
                          app_key, state, limit, used, quota_increase != NULL ? quota_increase : "null");
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  model = op_app_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);

  return model;
}

static gboolean
row_visible (OpAppPage  *page,
             const char *title)
{
  return gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), title));
}

static void
test_apps_quota_offered_at_80_percent (void)
{
  const char *key = op_app_get_app_key (orders_app);
  OpAppPage *page = test_open_app (key);
  g_autoptr(OpApp) below = model_app (key, "launched", 100000, 79999, NULL);
  g_autoptr(OpApp) at = model_app (key, "launched", 100000, 80000, NULL);
  g_autoptr(OpApp) pending = model_app (key, "launched", 100000, 95000,
                                        "{\"id\": 1, \"state\": \"pending\", \"daily_limit\": 200000}");
  g_autoptr(OpApp) developing = model_app (key, "developing", 5000, 4500, NULL);
  GtkLevelBar *bar;

  bar = GTK_LEVEL_BAR (op_test_ui_find (GTK_WIDGET (page), op_test_ui_match_type,
                                        GSIZE_TO_POINTER (GTK_TYPE_LEVEL_BAR)));
  g_assert_nonnull (bar);

  /* 79,999 of 100,000: not yet. */
  op_app_page_set_app (page, below);
  g_assert_false (op_apps_may_raise_quota (below));
  g_assert_false (row_visible (page, "Raise the Call Quota"));
  g_assert_false (row_visible (page, "Submit for Launch"));
  g_assert_false (gtk_widget_get_sensitive (test_find_row (GTK_WIDGET (page), "Raise the Call Quota")));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (bar), 0.79999, 1e-9);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (page), "79,999 of 100,000 calls today"));

  /* Exactly 80%: offered, with the quota shown as a warning. */
  op_app_page_set_app (page, at);
  g_assert_true (op_apps_may_raise_quota (at));
  g_assert_true (row_visible (page, "Raise the Call Quota"));
  g_assert_true (gtk_widget_get_sensitive (test_find_row (GTK_WIDGET (page), "Raise the Call Quota")));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (page), "reached 80% of the daily limit"));

  /* Not while a request is under review, which the page says. */
  op_app_page_set_app (page, pending);
  g_assert_false (row_visible (page, "Raise the Call Quota"));
  g_assert_true (row_visible (page, "Call quota increase"));
  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (page), "Call quota increase"), ==,
                   "Under review: 200,000 calls a day asked for");

  /* Never in development, where the limit cannot be raised: launch instead. */
  op_app_page_set_app (page, developing);
  g_assert_false (row_visible (page, "Raise the Call Quota"));
  g_assert_true (row_visible (page, "Submit for Launch"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (page), "development limit, which cannot be raised"));
}

static GtkWidget *
limit_row (OpAssistant *assistant)
{
  return test_find_row (GTK_WIDGET (assistant), "Daily limit requested (calls a day)");
}

static GtkTextView *
reason_view (OpAssistant *assistant)
{
  GtkWidget *view = op_test_ui_find (GTK_WIDGET (assistant), op_test_ui_match_type,
                                     GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

static gboolean
assistant_error_cb (gpointer data)
{
  return op_test_ui_find_label_containing (GTK_WIDGET (data), "did not accept the request to raise the call quota") != NULL;
}

static gboolean
assistant_closed_cb (gpointer data)
{
  return op_test_ui_assistant () == NULL;
}

static void
test_apps_quota_form (void)
{
  const char *key = op_app_get_app_key (orders_app);
  OpAppPage *page = test_open_app (key);
  g_autoptr(OpApp) busy = model_app (key, "launched", 100000, 85000, NULL);
  g_autoptr(OpApp) after = NULL;
  OpAssistant *assistant;
  GtkWidget *next;
  GtkWidget *limit;
  GtkWidget *revealer;

  /* The page as it would be for a launched app at 85%. */
  op_app_page_set_app (page, busy);
  assistant = test_start_flow ("app.raise-quota");
  g_assert_nonnull (assistant);
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "form");
  next = test_assistant_button (assistant, "_Submit Request");
  g_assert_false (gtk_widget_get_sensitive (next));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "85,000 of 100,000 calls today"));

  /* Not a number: said under the field when the user leaves it. */
  limit = limit_row (assistant);
  gtk_editable_set_text (GTK_EDITABLE (limit), "lots");
  g_signal_emit_by_name (limit, "entry-activated");
  op_test_ui_iterate (50);
  g_assert_true (gtk_widget_has_css_class (limit, "error"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "Enter a whole number of calls"));
  g_assert_false (gtk_widget_get_sensitive (next));

  /* Not more than now. */
  gtk_editable_set_text (GTK_EDITABLE (limit), "100,000");
  op_test_ui_iterate (700);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant),
                                                "Ask for more than the current limit of 100,000 calls a day."));
  g_assert_false (gtk_widget_get_sensitive (next));

  /* A good limit, but no reason yet. */
  gtk_editable_set_text (GTK_EDITABLE (limit), "200,000");
  op_test_ui_iterate (700);
  g_assert_false (gtk_widget_has_css_class (limit, "error"));
  g_assert_false (gtk_widget_get_sensitive (next));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (reason_view (assistant)),
                            "The app syncs 30,000 orders a day, three calls each.", -1);
  op_test_ui_iterate (100);
  g_assert_true (gtk_widget_get_sensitive (next));

  /* The platform refuses (the real app is still in development), in plain words. */
  gtk_widget_activate (next);
  op_test_ui_wait_until (assistant_error_cb, assistant, 10000);
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "form");
  after = op_test_ui_get_app (app, key);
  g_assert_cmpint (op_app_get_quota_increase_state (after), ==, OP_REVIEW_STATE_NONE);

  /* Leaving keeps what was typed; coming back offers to continue. */
  op_assistant_cancel (assistant);
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);
  op_test_ui_iterate (400);

  page = test_app_page ();
  op_app_page_set_app (page, busy);
  assistant = test_start_flow ("app.raise-quota");
  revealer = op_test_ui_find (GTK_WIDGET (assistant), op_test_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_REVEALER));
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (limit_row (assistant))), ==, "200,000");
  g_assert_true (gtk_widget_get_sensitive (test_assistant_button (assistant, "_Submit Request")));

  /* Starting over empties the form and the draft. */
  gtk_widget_activate (op_test_ui_find (revealer, test_match_button_label, "_Start Over"));
  op_test_ui_iterate (400);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (limit_row (assistant))), ==, "");
  g_assert_false (gtk_widget_get_sensitive (test_assistant_button (assistant, "_Submit Request")));

  op_assistant_cancel (assistant);
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);
}

/* With OPEN1688_SHOTS set: the pages as people see them, in any language
 * (nothing here reads English text). */
static void
test_apps_screenshots (void)
{
  g_autoptr(OpApp) busy = NULL;
  OpAppPage *page;
  OpAssistant *assistant;
  GtkWidget *chart;
  GtkWidget *limit;

  test_shot_size ();
  op_window_show_area (op_test_ui_window (), "apps");
  op_test_ui_wait_until (apps_listed_cb, GUINT_TO_POINTER (2), 20000);
  test_shot ("apps-list");

  for (guint i = 0; i < 3; i++)
    g_object_unref (test_gateway_call (op_app_get_app_key (orders_app), orders_secret, "0"));
  g_object_unref (test_gateway_call (op_app_get_app_key (orders_app), orders_secret, NULL));
  page = test_open_app (op_app_get_app_key (orders_app));
  op_app_page_reload (page);
  chart = op_test_ui_find (GTK_WIDGET (page), op_test_ui_match_type, GSIZE_TO_POINTER (OP_TYPE_USAGE_CHART));
  op_test_ui_wait_until (chart_has_calls_cb, chart, 10000);
  test_shot ("app-page");

  busy = model_app (op_app_get_app_key (orders_app), "launched", 100000, 85000, NULL);
  op_app_page_set_app (page, busy);
  test_shot ("app-page-busy");

  assistant = test_start_flow ("app.raise-quota");
  limit = op_test_ui_find (GTK_WIDGET (assistant), op_test_ui_match_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (GTK_EDITABLE (limit), "100000");
  g_signal_emit_by_name (limit, "entry-activated");
  test_shot ("quota-form-error");
  op_assistant_cancel (assistant);
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);

  test_open_app (op_app_get_app_key (products_app));
  assistant = test_start_flow ("app.launch");
  op_test_ui_iterate (1000);
  test_shot ("launch-check-missing");
  op_assistant_cancel (assistant);
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Screenshots are taken in the language of the environment. */
  if (test_shots_wanted ())
    setlocale (LC_ALL, "");

  op_test_ui_init (&argc, &argv);
  test_start ("merchant", OP_DEVELOPER_TYPE_SELF_USE);

  orders_app = test_create_app (TEST_SOLUTION_ORDERS, "Order Sync", OP_APP_TYPE_SELF_USE, NULL,
                                TRUE, &orders_secret);
  /* A name that would break markup, which names never are. */
  products_app = test_create_app (TEST_SOLUTION_PRODUCTS, "Feeds & <Co>", OP_APP_TYPE_SELF_USE, NULL,
                                  FALSE, NULL);

  if (test_shots_wanted ())
    {
      g_test_add_func ("/app/apps/screenshots", test_apps_screenshots);
      return g_test_run ();
    }

  g_test_add_func ("/app/apps/list-and-page", test_apps_list_and_page);
  g_test_add_func ("/app/apps/secret-revealed", test_apps_secret_revealed);
  g_test_add_func ("/app/apps/secret-not-in-keyring", test_apps_secret_not_in_keyring);
  g_test_add_func ("/app/apps/reset-secret", test_apps_reset_secret);
  g_test_add_func ("/app/apps/usage-chart", test_apps_usage_chart);
  g_test_add_func ("/app/apps/quota-offered-at-80-percent", test_apps_quota_offered_at_80_percent);
  g_test_add_func ("/app/apps/quota-form", test_apps_quota_form);

  status = g_test_run ();

  g_clear_object (&orders_app);
  g_clear_object (&products_app);
  g_clear_pointer (&orders_secret, g_free);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
