/* test-listing.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "op-app-flow.h"
#include "op-test-apps.h"

/* 上架 with the real embedded sandbox, for an app for sale (ISV): the 聚石塔
 * information and the 授权回调地址 checked inline, the draft kept, the
 * platform's reasons per field, the confirmation and the submission, and
 * the approval with the link to 1688服务市场.
 */

static OpApp *isv_app;
static OpApp *self_use_app;
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
assistant_closed_cb (gpointer data)
{
  return op_test_ui_assistant () == NULL;
}

static GtkWidget *
entry_row (OpAssistant *assistant,
           const char  *title)
{
  return test_find_row (GTK_WIDGET (op_assistant_get_current_page (assistant)), title);
}

static void
type_into (OpAssistant *assistant,
           const char  *title,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row (assistant, title)), text);
}

static void
test_listing_offered_to_isv_apps_only (void)
{
  OpAppPage *page = test_open_app (op_app_get_app_key (isv_app));

  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (page), "Type"), ==, "App for sale (ISV)");
  g_assert_true (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "List for Sale")));
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "Submit for Launch")));
  g_assert_cmpstr (test_row_subtitle (GTK_WIDGET (page), "Listing for sale"), ==, "Not submitted");

  page = test_open_app (op_app_get_app_key (self_use_app));
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "List for Sale")));
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (page), "Listing for sale")));
}

static void
test_listing_callback_must_be_https (void)
{
  OpAssistant *assistant;
  GtkWidget *next;
  GtkWidget *callback;
  GtkWidget *instance;

  test_open_app (op_app_get_app_key (isv_app));
  assistant = test_start_flow ("app.list");
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "info");
  next = test_assistant_button (assistant, "_Next");
  g_assert_false (gtk_widget_get_sensitive (next));

  /* No draft yet: nothing to continue. */
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (op_test_ui_find (GTK_WIDGET (assistant),
                                                                                op_test_ui_match_type,
                                                                                GSIZE_TO_POINTER (GTK_TYPE_REVEALER)))));

  type_into (assistant, "Jushita account", "isv-jst");
  type_into (assistant, "Instance ID", "j1");
  type_into (assistant, "Authorization callback address", "http://isv.example.com/oauth");
  callback = entry_row (assistant, "Authorization callback address");
  instance = entry_row (assistant, "Instance ID");

  /* While typing, the problem waits for a pause… */
  g_assert_false (gtk_widget_has_css_class (callback, "error"));
  g_assert_false (gtk_widget_get_sensitive (next));
  op_test_ui_iterate (800);

  /* …then shows under each field, with the reason. */
  g_assert_true (gtk_widget_has_css_class (callback, "error"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "must start with https://, not http://"));
  g_assert_true (gtk_widget_has_css_class (instance, "error"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "4 to 64 letters, digits or hyphens"));
  g_assert_false (gtk_widget_get_sensitive (next));

  /* Enter on an incomplete page does nothing. */
  g_signal_emit_by_name (callback, "entry-activated");
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "info");

  /* Corrected: the errors go at once, and Next is possible. */
  type_into (assistant, "Instance ID", "jst-0001");
  g_assert_false (gtk_widget_has_css_class (instance, "error"));
  g_assert_false (gtk_widget_get_sensitive (next));
  type_into (assistant, "Authorization callback address", "https://isv.example.com/oauth");
  g_assert_false (gtk_widget_has_css_class (callback, "error"));
  g_assert_true (gtk_widget_get_sensitive (next));

  /* Leave; the draft keeps what was typed (never a secret). */
  op_test_ui_iterate (400);
  op_assistant_cancel (assistant);
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);
}

static void
test_listing_draft_and_platform_reasons (void)
{
  OpAssistant *assistant;
  GtkWidget *revealer;
  GtkWidget *callback;
  g_autoptr(GHashTable) reasons = NULL;

  /* Reopened: filled in from the draft, with the offer to start over. */
  test_open_app (op_app_get_app_key (isv_app));
  assistant = test_start_flow ("app.list");
  revealer = op_test_ui_find (GTK_WIDGET (assistant), op_test_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "Continue where you left off?"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (assistant, "Jushita account"))), ==, "isv-jst");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (assistant, "Instance ID"))), ==, "jst-0001");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row (assistant, "Authorization callback address"))), ==,
                   "https://isv.example.com/oauth");
  g_assert_true (gtk_widget_get_sensitive (test_assistant_button (assistant, "_Next")));

  gtk_widget_activate (op_test_ui_find (revealer, test_match_button_label, "C_ontinue"));
  op_test_ui_iterate (400);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* A reason the platform gives for a field shows under that field, and
   * holds Next until the field is changed. */
  reasons = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (reasons, (gpointer) "callback_url", (gpointer) "The platform could not reach this address.");
  op_app_flow_set_field_errors (OP_APP_FLOW (op_assistant_get_flow (assistant)), reasons);
  op_test_ui_iterate (50);
  callback = entry_row (assistant, "Authorization callback address");
  g_assert_true (gtk_widget_has_css_class (callback, "error"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "The platform could not reach this address."));
  g_assert_false (gtk_widget_get_sensitive (test_assistant_button (assistant, "_Next")));

  type_into (assistant, "Authorization callback address", "https://isv.example.com/oauth/callback");
  g_assert_false (gtk_widget_has_css_class (callback, "error"));
  g_assert_true (gtk_widget_get_sensitive (test_assistant_button (assistant, "_Next")));

  op_assistant_cancel (assistant);
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);
}

static gboolean
decided_twice_cb (gpointer data)
{
  return decisions->len >= 2;
}

static void
test_listing_submitted_and_approved (void)
{
  OpReviewWatcher *watcher = op_area_page_get_watcher (OP_AREA_PAGE (test_apps_page ()));
  g_autoptr(OpApp) submitted = NULL;
  g_autoptr(OpApp) listed = NULL;
  OpAssistant *assistant;
  GtkWidget *page;
  GtkWidget *submit;
  GtkWidget *market;
  GtkWidget *check;

  op_review_watcher_set_interval (watcher, 300);
  g_signal_connect (watcher, "decided", G_CALLBACK (decided_cb), NULL);

  test_open_app (op_app_get_app_key (isv_app));
  assistant = test_start_flow ("app.list");

  /* Enter in the last field of a complete page goes on. */
  g_signal_emit_by_name (entry_row (assistant, "Authorization callback address"), "entry-activated");
  test_wait_page (assistant, "confirm");

  page = GTK_WIDGET (op_assistant_get_current_page (assistant));
  g_assert_cmpstr (test_row_subtitle (page, "Jushita account"), ==, "isv-jst");
  g_assert_cmpstr (test_row_subtitle (page, "Jushita instance ID"), ==, "jst-0001");
  g_assert_cmpstr (test_row_subtitle (page, "Jushita region"), ==, "China East 1 (Hangzhou)");
  g_assert_cmpstr (test_row_subtitle (page, "Authorization callback address"), ==,
                   "https://isv.example.com/oauth/callback");
  g_assert_cmpstr (test_row_subtitle (page, "Type"), ==, "App for sale (ISV)");

  submit = test_assistant_button (assistant, "_Submit for Sale");
  g_assert_false (gtk_widget_get_sensitive (submit));
  check = op_test_ui_find (page, op_test_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  op_test_ui_iterate (50);
  gtk_widget_activate (submit);
  test_wait_page (assistant, "result");

  page = GTK_WIDGET (op_assistant_get_current_page (assistant));
  g_assert_nonnull (op_test_ui_find_label_containing (page, "Submitted for Sale"));
  g_assert_cmpstr (test_row_subtitle (page, "Listing review"), ==, "Under review");
  submitted = op_test_ui_get_app (app, op_app_get_app_key (isv_app));
  g_assert_cmpint (op_app_get_listing_state (submitted), ==, OP_REVIEW_STATE_PENDING);
  g_assert_cmpstr (op_app_get_callback_url (submitted), ==, "https://isv.example.com/oauth/callback");
  market = op_test_ui_find (page, test_match_button_label, "_Continue on the 1688 Service Market");
  g_assert_nonnull (market);
  g_assert_false (gtk_widget_get_visible (market));

  /* Approved: told, and the way on to the service market. */
  op_test_ui_wait_until (decided_twice_cb, NULL, 30000);
  g_assert_cmpstr (g_ptr_array_index (decisions, 0), ==, "Listing Approved");
  op_test_ui_wait_label ("passed the listing review", 5000);
  op_test_ui_wait_label ("Listing Approved", 5000);
  g_assert_true (gtk_widget_get_visible (market));
  g_assert_cmpstr (test_row_subtitle (page, "Listing review"), ==, "Approved");

  listed = op_test_ui_get_app (app, op_app_get_app_key (isv_app));
  g_assert_cmpint (op_app_get_listing_state (listed), ==, OP_REVIEW_STATE_APPROVED);
  g_assert_nonnull (op_app_get_market_url (listed));

  /* The draft went with the submission. */
  g_assert_true (op_draft_is_empty (op_flow_get_draft (op_assistant_get_flow (assistant))));

  gtk_widget_activate (test_assistant_button (assistant, "_Done"));
  op_test_ui_wait_until (assistant_closed_cb, NULL, 5000);

  /* The app's page: listed, nothing more to list. */
  op_test_ui_wait_label ("Approved", 10000);
  g_assert_false (gtk_widget_get_visible (test_find_row (GTK_WIDGET (test_app_page ()), "List for Sale")));

  g_signal_handlers_disconnect_by_func (watcher, decided_cb, NULL);
}

/* With OPEN1688_SHOTS set: the listing wizard as people see it, in any
 * language (nothing here reads English text). */
static void
test_listing_screenshots (void)
{
  OpReviewWatcher *watcher;
  OpAssistant *assistant;
  GtkWidget *page;

  op_window_show_area (op_test_ui_window (), "apps");
  watcher = op_area_page_get_watcher (OP_AREA_PAGE (test_apps_page ()));
  test_shot_size ();
  op_review_watcher_set_interval (watcher, 300);
  g_signal_connect (watcher, "decided", G_CALLBACK (decided_cb), NULL);

  test_open_app (op_app_get_app_key (isv_app));
  test_shot ("isv-app-page");
  assistant = test_start_flow ("app.list");
  page = GTK_WIDGET (op_assistant_get_current_page (assistant));
  {
    g_autoptr(GPtrArray) entries = test_collect (page, ADW_TYPE_ENTRY_ROW);

    g_assert_cmpuint (entries->len, ==, 3);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "isv-jst");
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "jst-0001");
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 2)), "http://isv.example.com/oauth");
    op_test_ui_iterate (800);
    test_shot ("listing-info-error");

    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 2)), "https://isv.example.com/oauth");
    op_test_ui_iterate (200);
    g_signal_emit_by_name (g_ptr_array_index (entries, 2), "entry-activated");
  }
  test_wait_page (assistant, "confirm");
  page = GTK_WIDGET (op_assistant_get_current_page (assistant));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (op_test_ui_find (page, op_test_ui_match_type,
                                                                  GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON))),
                               TRUE);
  test_shot ("listing-confirm");
  op_wizard_page_request_next (OP_WIZARD_PAGE (page));
  test_wait_page (assistant, "result");
  test_shot ("listing-result-pending");
  op_test_ui_wait_until (decided_twice_cb, NULL, 30000);
  test_shot ("listing-result-approved");
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
  test_start ("merchant", OP_DEVELOPER_TYPE_ISV);
  decisions = g_ptr_array_new_with_free_func (g_free);

  isv_app = test_create_app (TEST_SOLUTION_ORDERS, "Shop Helper", OP_APP_TYPE_ISV, NULL, TRUE, NULL);
  self_use_app = test_create_app (TEST_SOLUTION_PRODUCTS, "Order Sync", OP_APP_TYPE_SELF_USE, NULL, TRUE, NULL);

  if (test_shots_wanted ())
    {
      g_test_add_func ("/app/listing/screenshots", test_listing_screenshots);
      return g_test_run ();
    }

  g_test_add_func ("/app/listing/offered-to-isv-apps-only", test_listing_offered_to_isv_apps_only);
  g_test_add_func ("/app/listing/callback-must-be-https", test_listing_callback_must_be_https);
  g_test_add_func ("/app/listing/draft-and-platform-reasons", test_listing_draft_and_platform_reasons);
  g_test_add_func ("/app/listing/submitted-and-approved", test_listing_submitted_and_approved);

  status = g_test_run ();

  g_clear_object (&isv_app);
  g_clear_object (&self_use_app);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
