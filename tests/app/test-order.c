/* test-order.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "op-test-solutions.h"

/* The 订购 wizard walked as a user would, against the real embedded
 * sandbox and the real keyring: a new app (its AppKey and AppSecret shown
 * once, the secret in the keyring), an existing app, inline errors, the
 * draft kept when the wizard is left, a retry that must not create a
 * second app, and a keyring that cannot be used.
 */

static GTestDBus *private_bus;

/* Without a keyring the connection warns that it cannot read a saved
 * sign-in: expected there, not a failure. */
static gboolean
keyring_warning_is_expected (const char     *log_domain,
                             GLogLevelFlags  log_level,
                             const char     *message,
                             gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "op-connection") == 0 &&
           (log_level & G_LOG_LEVEL_WARNING) != 0 &&
           strstr (message, "keyring") != NULL);
}

static OpAssistant *
start_order (gint64 solution_id)
{
  OpSolutionsPage *page = test_open_solution (solution_id, "_Order");
  OpAssistant *assistant;

  test_click (test_find_button (GTK_WIDGET (page), "_Order"));
  assistant = op_test_ui_wait_assistant (10000);
  g_assert_nonnull (assistant);
  test_wait_page (assistant, "solution");

  return assistant;
}

static gboolean
apps_loaded_cb (gpointer data)
{
  OpAssistant *assistant = data;
  GtkWidget *spinner_label = op_test_ui_find_label_containing (GTK_WIDGET (assistant), "Loading your apps");

  return spinner_label == NULL;
}

/* From the solution page to the app page, its list of apps loaded. */
static void
go_to_app_page (OpAssistant *assistant)
{
  test_next (assistant, NULL);
  test_wait_page (assistant, "app");
  op_test_ui_wait_until (apps_loaded_cb, assistant, 20000);
  op_test_ui_iterate (100);
}

static OpFormPage *
current_form (OpAssistant *assistant)
{
  OpWizardPage *page = op_assistant_get_current_page (assistant);

  g_assert_true (OP_IS_FORM_PAGE (page));
  return OP_FORM_PAGE (page);
}

static char *
draft_path (gint64 solution_id)
{
  g_autofree char *name = g_strdup_printf ("order-%" G_GINT64_FORMAT ".json", solution_id);

  return g_build_filename (g_get_user_data_dir (), "open1688", "drafts", name, NULL);
}

/* What this app put on the clipboard. */
static char *
clipboard_text (void)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (op_test_ui_window ()));
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);

  return g_value_dup_string (&value);
}

static GtkWidget *
row_button (GtkWidget *row)
{
  GtkWidget *button = op_test_ui_find (row, op_test_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));

  g_assert_nonnull (button);
  return button;
}

static void
test_order_new_app (void)
{
  OpAssistant *assistant = start_order (TEST_SOLUTION_PRODUCTS);
  g_autofree char *path = draft_path (TEST_SOLUTION_PRODUCTS);
  g_autofree char *app_key = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(OpApp) created = NULL;
  GtkWidget *key_row;
  GtkWidget *secret_row;
  GtkWidget *name;
  OpFormPage *form;

  g_assert_cmpuint (test_count_apps (), ==, 0);

  /* The solution: this merchant has the role it needs. */
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "You have this role"));
  test_shot ("order-1-solution");

  /* No app yet: a new one. */
  go_to_app_page (assistant);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "You have no apps yet."));
  g_assert_false (gtk_widget_get_sensitive (test_find_row (GTK_WIDGET (assistant), "Use an existing app")));
  test_next (assistant, NULL);
  test_wait_page (assistant, "app-info");

  /* 应用信息: nothing typed, Next waits; Enter shows what is missing. */
  form = current_form (assistant);
  g_assert_false (test_button_usable (test_assistant_button (assistant, "_Next")));
  name = op_form_page_get_field_widget (form, "name");
  g_signal_emit_by_name (name, "entry-activated");
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "app-info");
  g_assert_nonnull (op_form_page_get_field_error (form, "name"));
  g_assert_true (gtk_widget_has_css_class (name, "error"));

  test_type (form, "name", "订单助手");
  test_type (form, "description", "同步采购订单");
  test_pause ();
  g_assert_null (op_form_page_get_field_error (form, "name"));
  g_assert_true (test_button_usable (test_assistant_button (assistant, "_Next")));
  test_shot ("order-2-app-info");

  /* Enter in a complete page goes on. */
  g_signal_emit_by_name (name, "entry-activated");
  test_wait_page (assistant, "confirm");
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "The AppSecret is shown once"));
  g_assert_true (test_button_usable (test_assistant_button (assistant, "_Order")));
  test_shot ("order-3-confirm");

  test_click (test_assistant_button (assistant, "_Order"));
  test_wait_page (assistant, "result");
  test_shot ("order-4-result");

  /* The AppKey and the AppSecret, shown this once. */
  key_row = test_find_row (GTK_WIDGET (assistant), "AppKey");
  secret_row = test_find_row (GTK_WIDGET (assistant), "AppSecret");
  g_assert_nonnull (key_row);
  g_assert_nonnull (secret_row);
  app_key = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (key_row)));
  secret = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (secret_row)));
  g_assert_cmpuint (strlen (app_key), ==, 7);
  g_assert_cmpuint (strlen (secret), >=, 16);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "saved in your keyring"));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "My Apps"));

  /* The same secret is in the keyring, and nowhere in the drafts. */
  kept = op_test_ui_lookup_secret (app, app_key);
  g_assert_cmpstr (kept, ==, secret);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The copy buttons copy. */
  test_click (row_button (secret_row));
  copied = clipboard_text ();
  g_assert_cmpstr (copied, ==, secret);

  /* On the platform: one app, with the solution. */
  g_assert_cmpuint (test_count_apps (), ==, 1);
  created = op_test_ui_get_app (app, app_key);
  g_assert_cmpstr (op_app_get_name (created), ==, "订单助手");
  g_assert_true (op_app_has_solution (created, TEST_SOLUTION_PRODUCTS));

  test_click (test_assistant_button (assistant, "_Done"));
  test_wait_assistant_closed ();
  g_assert_cmpstr (op_window_get_visible_area (op_test_ui_window ()), ==, "solutions");
}

static gboolean
existing_row_sensitive_cb (gpointer data)
{
  GtkWidget *row = test_find_row (GTK_WIDGET (data), "Use an existing app");

  return row != NULL && gtk_widget_get_sensitive (row);
}

static void
test_order_existing_app (void)
{
  g_autoptr(GListModel) apps = test_list_apps ();
  g_autoptr(OpApp) app_before = g_list_model_get_item (apps, 0);
  g_autoptr(OpApp) app_after = NULL;
  OpAssistant *assistant;
  GtkWidget *row;

  g_assert_cmpuint (g_list_model_get_n_items (apps), ==, 1);

  /* The solution the app has already: it cannot be chosen again. */
  assistant = start_order (TEST_SOLUTION_PRODUCTS);
  go_to_app_page (assistant);
  row = test_find_row (GTK_WIDGET (assistant), "Use an existing app");
  g_assert_false (gtk_widget_get_sensitive (row));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "All your apps have this solution already."));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL);
  test_wait_assistant_closed ();

  /* Another solution, for the same app. */
  assistant = start_order (TEST_SOLUTION_ORDERS);
  go_to_app_page (assistant);
  op_test_ui_wait_until (existing_row_sensitive_cb, assistant, 5000);
  adw_action_row_activate (ADW_ACTION_ROW (test_find_row (GTK_WIDGET (assistant), "Use an existing app")));
  op_test_ui_iterate (100);

  /* No app chosen yet: Next waits. */
  g_assert_false (test_button_usable (test_assistant_button (assistant, "_Next")));
  row = test_find_row (GTK_WIDGET (assistant), "订单助手");
  g_assert_nonnull (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  op_test_ui_iterate (100);
  test_shot ("order-5-existing-app");

  /* No app information page: straight to the confirmation. */
  test_next (assistant, NULL);
  test_wait_page (assistant, "confirm");
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "do not change"));
  test_click (test_assistant_button (assistant, "_Order"));
  test_wait_page (assistant, "result");

  /* No new secret: the app keeps its own. */
  g_assert_null (test_find_row (GTK_WIDGET (assistant), "AppSecret"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (GTK_WIDGET (assistant), "AppKey"))),
                   ==, op_app_get_app_key (app_before));

  app_after = op_test_ui_get_app (app, op_app_get_app_key (app_before));
  g_assert_true (op_app_has_solution (app_after, TEST_SOLUTION_ORDERS));
  g_assert_true (op_app_has_solution (app_after, TEST_SOLUTION_PRODUCTS));
  g_assert_cmpuint (test_count_apps (), ==, 1);

  test_click (test_assistant_button (assistant, "_Done"));
  test_wait_assistant_closed ();
}

/* From the solution page to the 应用信息 page with a new app. */
static OpFormPage *
go_to_app_info (OpAssistant *assistant)
{
  go_to_app_page (assistant);
  adw_action_row_activate (ADW_ACTION_ROW (test_find_row (GTK_WIDGET (assistant), "Create a new app")));
  op_test_ui_iterate (50);
  test_next (assistant, NULL);
  test_wait_page (assistant, "app-info");

  return current_form (assistant);
}

static void
test_order_callback_url_and_draft (void)
{
  OpAssistant *assistant = start_order (TEST_SOLUTION_LOGISTICS);
  g_autofree char *path = draft_path (TEST_SOLUTION_LOGISTICS);
  g_autofree char *name = NULL;
  g_autofree char *callback = NULL;
  OpFormPage *form;
  const char *error;

  /* Not resumed: nothing was typed before. */
  g_assert_null (test_find_row (GTK_WIDGET (assistant), "Continue where you left off"));

  form = go_to_app_info (assistant);
  test_type (form, "name", "物流助手");
  test_type (form, "callback_url", "http://logistics.example.com/callback");
  test_pause ();

  /* http:// is refused inline, under the field; Next waits. */
  error = op_form_page_get_field_error (form, "callback_url");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "https://"));
  g_assert_true (gtk_widget_has_css_class (op_form_page_get_field_widget (form, "callback_url"), "error"));
  g_assert_false (test_button_usable (test_assistant_button (assistant, "_Next")));
  test_shot ("order-6-callback-error");

  /* Corrected, the error goes at once. */
  test_type (form, "callback_url", "https://logistics.example.com/callback");
  op_test_ui_iterate (50);
  g_assert_null (op_form_page_get_field_error (form, "callback_url"));
  g_assert_true (test_button_usable (test_assistant_button (assistant, "_Next")));

  /* Escape leaves; what was typed is kept (no secret: none exists yet). */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL);
  test_wait_assistant_closed ();
  op_test_ui_iterate (400);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Reopened: it offers to continue, and the values are back. */
  assistant = start_order (TEST_SOLUTION_LOGISTICS);
  g_assert_nonnull (test_find_row (GTK_WIDGET (assistant), "Continue where you left off"));
  test_shot ("order-7-resume");
  form = go_to_app_info (assistant);
  name = op_form_page_dup_value (form, "name");
  callback = op_form_page_dup_value (form, "callback_url");
  g_assert_cmpstr (name, ==, "物流助手");
  g_assert_cmpstr (callback, ==, "https://logistics.example.com/callback");
  g_assert_true (test_button_usable (test_assistant_button (assistant, "_Next")));

  /* Start over: back to the first page, and the form is empty again. */
  test_click (test_assistant_button (assistant, "_Back"));
  test_click (test_assistant_button (assistant, "_Back"));
  test_wait_page (assistant, "solution");
  test_click (test_find_button (GTK_WIDGET (assistant), "_Start Over"));
  form = go_to_app_info (assistant);
  g_clear_pointer (&name, g_free);
  name = op_form_page_dup_value (form, "name");
  g_assert_cmpstr (name, ==, "");
  g_assert_false (test_button_usable (test_assistant_button (assistant, "_Next")));

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL);
  test_wait_assistant_closed ();
}

/* Cuts the order request off once the platform has answered: the app
 * exists, but the wizard never learns it. */
static gboolean answer_cut;

static void
got_headers_cb (SoupMessage *message,
                gpointer     data)
{
  if (answer_cut)
    return;

  answer_cut = TRUE;
  op_assistant_cancel (OP_ASSISTANT (data));
}

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *message,
                   gpointer     data)
{
  if (g_str_equal (soup_message_get_method (message), "POST") &&
      g_str_has_suffix (g_uri_get_path (soup_message_get_uri (message)), "/orders"))
    g_signal_connect (message, "got-headers", G_CALLBACK (got_headers_cb), data);
}

static gboolean
not_applying_cb (gpointer data)
{
  OpAssistant *assistant = data;

  return answer_cut && !op_wizard_page_get_applying (op_assistant_get_current_page (assistant));
}

static void
test_order_retry_does_not_duplicate (void)
{
  SoupSession *session = op_platform_client_get_session (test_client ());
  g_autoptr(GListModel) before = test_list_apps ();
  g_autoptr(GListModel) after = NULL;
  g_autofree char *path = draft_path (TEST_SOLUTION_LOGISTICS);
  g_autofree char *draft = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *new_key = NULL;
  OpAssistant *assistant;
  OpFormPage *form;
  gulong handler;
  const char *shown_key;
  const char *shown_secret;

  assistant = start_order (TEST_SOLUTION_LOGISTICS);
  form = go_to_app_info (assistant);
  test_type (form, "name", "物流助手");
  test_next (assistant, NULL);
  test_wait_page (assistant, "confirm");

  /* Order, and lose the answer. */
  handler = g_signal_connect (session, "request-queued", G_CALLBACK (request_queued_cb), assistant);
  answer_cut = FALSE;
  test_click (test_assistant_button (assistant, "_Order"));
  op_test_ui_wait_until (not_applying_cb, assistant, 20000);
  g_signal_handler_disconnect (session, handler);
  op_test_ui_iterate (300);

  /* The wizard did not see it happen: still on the confirmation, Order
   * usable again, and the draft says an attempt is open. */
  g_assert_cmpstr (op_test_ui_page_name (assistant), ==, "confirm");
  g_assert_true (test_button_usable (test_assistant_button (assistant, "_Order")));
  g_assert_true (g_file_get_contents (path, &draft, NULL, NULL));
  g_assert_nonnull (strstr (draft, "\"attempt.kind\""));

  /* The platform did: one more app. */
  after = test_list_apps ();
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + 1);
  for (guint i = 0; i < g_list_model_get_n_items (after) && new_key == NULL; i++)
    {
      g_autoptr(OpApp) app_item = g_list_model_get_item (after, i);

      if (op_app_has_solution (app_item, TEST_SOLUTION_LOGISTICS))
        new_key = g_strdup (op_app_get_app_key (app_item));
    }
  g_assert_nonnull (new_key);

  /* Order again: the same app, not a second one. */
  test_click (test_assistant_button (assistant, "_Order"));
  test_wait_page (assistant, "result");
  shown_key = adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (GTK_WIDGET (assistant), "AppKey")));
  g_assert_cmpstr (shown_key, ==, new_key);
  g_assert_cmpuint (test_count_apps (), ==, g_list_model_get_n_items (before) + 1);

  /* Its secret was in the lost answer: a new one was issued, shown and kept. */
  shown_secret = adw_action_row_get_subtitle (ADW_ACTION_ROW (test_find_row (GTK_WIDGET (assistant), "AppSecret")));
  g_assert_nonnull (shown_secret);
  kept = op_test_ui_lookup_secret (app, new_key);
  g_assert_cmpstr (kept, ==, shown_secret);

  test_click (test_assistant_button (assistant, "_Done"));
  test_wait_assistant_closed ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* In a process of its own, on a bus with no keyring. */
static void
test_order_keyring_unavailable (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  OpAssistant *assistant;
  OpFormPage *form;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 90 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_test_log_set_fatal_handler (keyring_warning_is_expected, NULL);
  app = op_test_ui_start_application ();
  op_test_ui_wait_ready (app);

  /* Signed in without the keyring (the app's own sign-in would refuse). */
  op_platform_client_sign_in_async (test_client (), "merchant", "sandbox", NULL, op_test_ui_result_cb, &result);
  account = op_platform_client_sign_in_finish (test_client (), op_test_ui_await (&result), &token, &error);
  g_assert_no_error (error);
  op_platform_client_set_session_token (test_client (), token);
  op_connection_set_account (test_connection (), account);
  test_onboard (OP_DEVELOPER_TYPE_SELF_USE);

  assistant = start_order (TEST_SOLUTION_PRODUCTS);
  form = go_to_app_info (assistant);
  test_type (form, "name", "订单助手");
  test_next (assistant, NULL);
  test_wait_page (assistant, "confirm");
  test_click (test_assistant_button (assistant, "_Order"));
  test_wait_page (assistant, "confirm");

  /* Refused before anything was created, and the user is told why. */
  op_test_ui_wait_label ("No app was created", 20000);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "keyring"));
  g_assert_true (test_button_usable (test_find_button (GTK_WIDGET (assistant), "_Try Again")));
  g_assert_cmpuint (test_count_apps (), ==, 0);
  test_shot ("order-8-no-keyring");

  /* Trying again changes nothing while the keyring is away. */
  test_click (test_find_button (GTK_WIDGET (assistant), "_Try Again"));
  test_wait_page (assistant, "confirm");
  op_test_ui_wait_label ("No app was created", 20000);
  g_assert_cmpuint (test_count_apps (), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL);
  test_wait_assistant_closed ();
}

int
main (int    argc,
      char **argv)
{
  gboolean subprocess = FALSE;
  int status;


  /* The keyring test's own process: a session bus with nothing on it (no
   * Secret Service), up before anything connects to the session bus. */
  for (int i = 1; i < argc; i++)
    subprocess |= g_str_equal (argv[i], "--GTestSubprocess");
  if (subprocess)
    {
      g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

      private_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (private_bus);
      /* GTestDBus unsets it; the window still needs it. */
      if (display != NULL)
        g_setenv ("DISPLAY", display, TRUE);
      /* Nor is there an accessibility bus on it. */
      g_setenv ("GTK_A11Y", "none", TRUE);
    }

  op_test_ui_init (&argc, &argv);

  if (!subprocess)
    {
      g_autoptr(OpAccount) account = NULL;

      app = op_test_ui_start_application ();
      account = op_test_ui_sign_in (app, "merchant");
      g_assert_nonnull (account);
      test_onboard (OP_DEVELOPER_TYPE_SELF_USE);
    }

  g_test_add_func ("/app/order/new-app", test_order_new_app);
  g_test_add_func ("/app/order/existing-app", test_order_existing_app);
  g_test_add_func ("/app/order/callback-url-and-draft", test_order_callback_url_and_draft);
  g_test_add_func ("/app/order/retry-does-not-duplicate", test_order_retry_does_not_duplicate);
  g_test_add_func ("/app/order/keyring-unavailable", test_order_keyring_unavailable);

  status = g_test_run ();

  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  if (private_bus != NULL)
    g_test_dbus_stop (private_bus);

  return status;
}
