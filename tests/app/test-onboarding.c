/* test-onboarding.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "op-assistant.h"
#include "op-onboarding-flow.h"
#include "op-overview-page.h"
#include "op-test-ui.h"
#include "op-window.h"

/* The onboarding (入驻) wizard walked as a member would, in the real window,
 * against the real embedded sandbox and the real keyring: open it from the
 * overview, read the labels, type into the fields, press the buttons, and
 * check both what the window shows and what the platform recorded.
 */

static OpApplication *app;

/* --- Finding things on screen ------------------------------------------- */

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

static gboolean
is_shown (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (!gtk_widget_get_visible (w))
        return FALSE;
      /* Only the visible page of a stack counts. */
      if (parent != NULL && GTK_IS_STACK (parent) &&
          gtk_stack_get_visible_child (GTK_STACK (parent)) != w)
        return FALSE;
      /* Nor the child of a hidden revealer. */
      if (parent != NULL && GTK_IS_REVEALER (parent) &&
          !gtk_revealer_get_reveal_child (GTK_REVEALER (parent)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
match_shown_button (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
         is_shown (widget);
}

static GtkWidget *
find_button (const char *label)
{
  return op_test_ui_find (GTK_WIDGET (get_window ()), match_shown_button, label);
}

static gboolean
button_usable (const char *label)
{
  GtkWidget *button = find_button (label);

  return button != NULL && gtk_widget_is_sensitive (button);
}

static void
click (const char *label)
{
  GtkWidget *button = find_button (label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  op_test_ui_iterate (50);
}

static OpAssistant *
get_assistant (void)
{
  GtkWidget *assistant = op_test_ui_find (GTK_WIDGET (get_window ()), op_test_ui_match_type,
                                          GSIZE_TO_POINTER (OP_TYPE_ASSISTANT));

  g_assert_nonnull (assistant);
  return OP_ASSISTANT (assistant);
}

static OpWizardPage *
current_page (void)
{
  return op_assistant_get_current_page (get_assistant ());
}

static gboolean
on_page (gpointer data)
{
  return g_strcmp0 (op_window_get_visible_area (get_window ()), "wizard") == 0 &&
         g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (current_page ())), data) == 0 &&
         !op_wizard_page_get_applying (current_page ());
}

static void
wait_for_page (const char *name)
{
  op_test_ui_wait_until (on_page, (gpointer) name, 20000);
}

static gboolean
match_shown_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return op_test_ui_match_title (widget, data) && is_shown (widget);
}

static GtkWidget *
find_row (const char *title)
{
  GtkWidget *row = op_test_ui_find (GTK_WIDGET (current_page ()), match_shown_row, title);

  g_assert_nonnull (row);
  return row;
}

static void
type_into (const char *row_title,
           const char *text)
{
  GtkWidget *row = find_row (row_title);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
subtitle_of (const char *row_title)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (row_title)));
}

static const char *
text_of (const char *row_title)
{
  return gtk_editable_get_text (GTK_EDITABLE (find_row (row_title)));
}

/* The caption under a field: the label right after the field's list. */
static GtkLabel *
caption_under (GtkWidget *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (gtk_widget_get_parent (row));

  g_assert_true (GTK_IS_LABEL (next));
  return GTK_LABEL (next);
}

static const char *
field_error (const char *row_title)
{
  GtkWidget *row = find_row (row_title);
  GtkLabel *caption = caption_under (row);

  if (!gtk_widget_has_css_class (row, "error"))
    {
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
      return NULL;
    }

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (caption)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (caption), "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  return gtk_label_get_label (caption);
}

static gboolean
match_label_containing (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL &&
         is_shown (widget);
}

static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  return op_test_ui_find (root, match_label_containing, text);
}

/* A label on the current page says @text. */
static gboolean
page_says (const char *text)
{
  return find_label_containing (GTK_WIDGET (current_page ()), text) != NULL;
}

/* The assistant (its error line included) says @text. */
static gboolean
wizard_says (const char *text)
{
  return find_label_containing (GTK_WIDGET (get_assistant ()), text) != NULL;
}

/* --- The overview ------------------------------------------------------- */

static OpOverviewPage *
get_overview (void)
{
  GtkWidget *page = op_test_ui_find (GTK_WIDGET (get_window ()), op_test_ui_match_type,
                                     GSIZE_TO_POINTER (OP_TYPE_OVERVIEW_PAGE));

  g_assert_nonnull (page);
  return OP_OVERVIEW_PAGE (page);
}

static gboolean
overview_loaded (gpointer data)
{
  OpOverviewPage *overview = get_overview ();

  return g_strcmp0 (op_window_get_visible_area (get_window ()), "overview") == 0 &&
         !op_overview_page_get_loading (overview) &&
         find_button (data) != NULL;
}

static void
wait_for_overview (const char *next_action)
{
  op_test_ui_wait_until (overview_loaded, (gpointer) next_action, 20000);
}

static void
sign_in_as (const char *login)
{
  g_autoptr(OpAccount) account = NULL;

  op_connection_sign_out (get_connection ());
  op_test_ui_iterate (100);
  account = op_test_ui_sign_in (app, login);
  g_assert_cmpstr (op_account_get_login (account), ==, login);
  /* What a click on the sidebar's Overview row does. */
  op_window_show_area (get_window (), "overview");
}

static gboolean
account_checked (gpointer data)
{
  return find_label_containing (GTK_WIDGET (current_page ()), "Checking your account") == NULL;
}

static void
open_onboarding (void)
{
  wait_for_overview ("_Join as a Developer");
  click ("_Join as a Developer");
  wait_for_page ("account");
  op_test_ui_wait_until (account_checked, NULL, 20000);
}

/* --- The platform's side ------------------------------------------------ */

static void
got_account_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  OpAccount **account = user_data;
  g_autoptr(GError) error = NULL;

  *account = op_platform_client_get_account_finish (OP_PLATFORM_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

static OpAccount *
platform_account (void)
{
  OpAccount *account = NULL;

  op_platform_client_get_account_async (op_connection_get_client (get_connection ()), NULL,
                                        got_account_cb, &account);
  op_test_ui_wait_until (pointer_set, &account, 20000);
  return account;
}

static char *
draft_path (void)
{
  OpAccount *account = op_connection_get_account (get_connection ());
  g_autofree char *name = op_onboarding_flow_get_draft_name (account);
  g_autoptr(OpDraft) draft = op_draft_new (name);

  return op_draft_get_path (draft);
}

/* --- Walking the wizard ------------------------------------------------- */

static gboolean
sandbox_message_shown (gpointer data)
{
  GtkWidget *label = find_label_containing (GTK_WIDGET (current_page ()), "[1688");

  return label != NULL || find_button ("_Retry") != NULL;
}

/* Sends a code to @mobile and reads it from the sandbox message. */
static char *
request_code (const char *mobile)
{
  GtkWidget *group;
  GtkWidget *code_label;

  type_into ("_Mobile number", mobile);
  click ("_Send Code");
  op_test_ui_wait_until (sandbox_message_shown, NULL, 20000);
  g_assert_null (find_button ("_Retry"));

  /* Labelled clearly as the sandbox's, not as a real SMS. */
  group = op_test_ui_find (GTK_WIDGET (current_page ()), op_test_ui_match_type,
                           GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_GROUP));
  g_assert_nonnull (group);
  g_assert_true (is_shown (group));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   "Sandbox Message");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "no real SMS is sent"));

  code_label = op_test_ui_find (group, op_test_ui_match_css_class, "title-2");
  g_assert_nonnull (code_label);
  g_assert_cmpuint (strlen (gtk_label_get_label (GTK_LABEL (code_label))), ==, 6);

  /* Sending again must wait (one SMS a minute). */
  g_assert_false (button_usable ("_Send Code"));

  return g_strdup (gtk_label_get_label (GTK_LABEL (code_label)));
}

static void
fill_developer_page (const char *type_title,
                     const char *contact,
                     const char *email,
                     const char *company)
{
  GtkWidget *type_row = find_row (type_title);

  adw_action_row_activate (ADW_ACTION_ROW (type_row));
  type_into ("Contact _name", contact);
  type_into ("_Email", email);
  type_into ("_Company name", company);
  op_test_ui_iterate (50);
}

/* --- Tests -------------------------------------------------------------- */

static void
test_unverified_cannot_continue (void)
{
  GtkWidget *link;
  GtkWidget *next;

  sign_in_as ("unverified");
  open_onboarding ();

  /* The explanation, and the link to the verification help. */
  g_assert_nonnull (find_label_containing (GTK_WIDGET (current_page ()),
                                           "is not real-name verified"));
  link = op_test_ui_find (GTK_WIDGET (current_page ()), op_test_ui_match_type,
                          GSIZE_TO_POINTER (GTK_TYPE_LINK_BUTTON));
  g_assert_nonnull (link);
  g_assert_true (is_shown (link));
  g_assert_true (g_str_has_prefix (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), "http"));
  g_assert_nonnull (strstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (link)), "alipay"));
  g_assert_cmpstr (subtitle_of ("Real-name verification"),
                   ==, "Not verified");

  /* It cannot continue: Next is off, and neither Next nor Enter moves on. */
  next = find_button ("_Next");
  g_assert_nonnull (next);
  g_assert_false (gtk_widget_is_sensitive (next));
  g_assert_false (op_wizard_page_get_complete (current_page ()));
  op_assistant_next_page (get_assistant ());
  op_wizard_page_request_next (current_page ());
  op_test_ui_iterate (100);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (current_page ())), ==, "account");

  /* Checking again asks the platform again, with the same answer. */
  click ("Check _Again");
  op_test_ui_wait_until (account_checked, NULL, 20000);
  g_assert_false (button_usable ("_Next"));

  /* Escape leaves the wizard, back to the overview. */
  gtk_widget_activate_action (GTK_WIDGET (get_assistant ()), "assistant.cancel", NULL);
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_window_get_visible_area (get_window ()), ==, "overview");
  g_assert_false (op_account_get_is_developer (platform_account ()));
}

static void
test_happy_path (void)
{
  g_autoptr(OpAccount) account = NULL;
  g_autofree char *code = NULL;
  g_autofree char *path = NULL;

  sign_in_as ("newcomer");
  open_onboarding ();

  /* A verified account with no role may go on. */
  g_assert_cmpstr (subtitle_of ("Real-name verification"),
                   ==, "Verified through Alipay");
  g_assert_nonnull (find_row ("No role detected"));
  click ("_Next");
  wait_for_page ("mobile");

  /* Next stays off until the page is complete. */
  g_assert_false (button_usable ("_Next"));
  code = request_code ("138 0013 8000");
  g_assert_false (button_usable ("_Next"));
  type_into ("SMS _verification code", code);
  g_assert_true (button_usable ("_Next"));

  /* Enter in the last field goes on. */
  g_signal_emit_by_name (find_row ("SMS _verification code"), "entry-activated");
  wait_for_page ("developer");

  g_assert_false (button_usable ("_Next"));
  fill_developer_page ("_Self-use", "张三", "zhangsan@example.com", "");
  g_assert_true (button_usable ("_Next"));
  click ("_Next");
  wait_for_page ("summary");

  g_assert_cmpstr (subtitle_of ("Mobile number"), ==,
                   "13800138000");
  g_assert_cmpstr (subtitle_of ("Contact name"), ==, "张三");
  g_assert_cmpstr (subtitle_of ("Developer type"), ==,
                   "Self-use");

  /* The draft kept what was typed, never the code. */
  op_test_ui_iterate (400);
  path = draft_path ();
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "zhangsan@example.com"));
    g_assert_null (strstr (contents, code));
  }

  click ("_Submit");
  wait_for_page ("done");
  g_assert_true (button_usable ("_Done"));

  /* The platform made the account a developer, with what was typed. */
  account = platform_account ();
  g_assert_true (op_account_get_is_developer (account));
  g_assert_cmpint (op_account_get_developer_type (account), ==, OP_DEVELOPER_TYPE_SELF_USE);
  g_assert_cmpstr (op_account_get_contact_name (account), ==, "张三");
  g_assert_cmpstr (op_account_get_mobile (account), ==, "13800138000");
  g_assert_true (op_account_get_is_developer (op_connection_get_account (get_connection ())));

  /* Finished: the draft is gone. */
  op_test_ui_iterate (200);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Done goes back to the overview, whose next step is a qualification
   * (newcomer holds no role). */
  click ("_Done");
  wait_for_overview ("_Choose a Solution");
  g_assert_cmpint (op_overview_page_get_step (get_overview ()), ==, OP_PATH_STEP_QUALIFY);
}

static void
test_wrong_sms_code (void)
{
  g_autoptr(OpAccount) account = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  const char *reason;

  sign_in_as ("buyer");
  open_onboarding ();
  click ("_Next");
  wait_for_page ("mobile");

  /* A malformed number is refused under its field. */
  type_into ("_Mobile number", "12345");
  g_signal_emit_by_name (find_row ("_Mobile number"), "entry-activated");
  op_test_ui_iterate (100);
  g_assert_nonnull (field_error ("_Mobile number"));
  g_assert_false (button_usable ("_Next"));

  code = request_code ("13912345678");
  g_assert_null (field_error ("_Mobile number"));
  wrong = g_strdup_printf ("%06u", (guint) (g_ascii_strtoull (code, NULL, 10) + 1) % 1000000);
  type_into ("SMS _verification code", wrong);
  click ("_Next");
  wait_for_page ("developer");
  fill_developer_page ("Service _provider (ISV)", "李四", "lisi@example.com", "");

  /* A service provider must name its company: said under the field. */
  g_signal_emit_by_name (find_row ("_Email"), "entry-activated");
  op_test_ui_iterate (100);
  g_assert_nonnull (field_error ("_Company name"));
  g_assert_false (button_usable ("_Next"));
  type_into ("_Company name", "沙箱软件有限公司");
  op_test_ui_iterate (700);
  g_assert_null (field_error ("_Company name"));
  click ("_Next");
  wait_for_page ("summary");
  click ("_Submit");

  /* The platform refuses the code: back on the code's page, its reason
   * under the code field, and nothing typed is lost. */
  wait_for_page ("mobile");
  reason = field_error ("SMS _verification code");
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "SMS code is wrong"));
  g_assert_cmpstr (text_of ("SMS _verification code"), ==, wrong);
  g_assert_cmpstr (text_of ("_Mobile number"), ==, "13912345678");
  g_assert_false (op_account_get_is_developer (platform_account ()));

  /* Correcting the code clears the platform's reason and completes. */
  type_into ("SMS _verification code", code);
  op_test_ui_iterate (700);
  g_assert_null (field_error ("SMS _verification code"));
  click ("_Next");
  wait_for_page ("developer");
  g_assert_cmpstr (text_of ("Contact _name"), ==, "李四");
  g_assert_cmpstr (text_of ("_Company name"), ==, "沙箱软件有限公司");
  click ("_Next");
  wait_for_page ("summary");
  click ("_Submit");
  wait_for_page ("done");

  account = platform_account ();
  g_assert_true (op_account_get_is_developer (account));
  g_assert_cmpint (op_account_get_developer_type (account), ==, OP_DEVELOPER_TYPE_ISV);
  g_assert_cmpstr (op_account_get_company_name (account), ==, "沙箱软件有限公司");
  click ("_Done");
}

static void
test_draft_resumes (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *resume;

  sign_in_as ("merchant");
  open_onboarding ();
  g_assert_null (find_button ("_Start Over"));
  /* merchant's role was detected by the platform. */
  g_assert_true (page_says ("Detected on your account"));
  click ("_Next");
  wait_for_page ("mobile");
  type_into ("_Mobile number", "13700001111");
  type_into ("SMS _verification code", "123456");
  click ("_Next");
  wait_for_page ("developer");
  fill_developer_page ("_Self-use", "王五", "wangwu@example.com", "沙箱贸易有限公司");

  /* Closing the wizard keeps what was typed, on disk, without the code. */
  gtk_widget_activate_action (GTK_WIDGET (get_assistant ()), "assistant.cancel", NULL);
  op_test_ui_iterate (400);
  g_assert_cmpstr (op_window_get_visible_area (get_window ()), ==, "overview");
  path = draft_path ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "13700001111"));
  g_assert_nonnull (strstr (contents, "wangwu@example.com"));
  g_assert_null (strstr (contents, "123456"));

  /* Reopening offers to continue, with everything filled in again. */
  open_onboarding ();
  resume = find_label_containing (GTK_WIDGET (current_page ()), "Continue where you left off");
  g_assert_nonnull (resume);
  g_assert_true (button_usable ("_Start Over"));
  click ("_Next");
  wait_for_page ("mobile");
  g_assert_cmpstr (text_of ("_Mobile number"), ==, "13700001111");
  g_assert_cmpstr (text_of ("SMS _verification code"), ==, "");
  click ("_Back");
  wait_for_page ("account");

  /* Starting over forgets it all. */
  click ("_Start Over");
  op_test_ui_iterate (400);
  g_assert_null (find_button ("_Start Over"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  click ("_Next");
  wait_for_page ("mobile");
  g_assert_cmpstr (text_of ("_Mobile number"), ==, "");
  gtk_widget_activate_action (GTK_WIDGET (get_assistant ()), "assistant.cancel", NULL);
  op_test_ui_iterate (200);
}

static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  return port;
}

static gboolean
save_failed (gpointer data)
{
  return find_button ("_Try Again") != NULL && !op_wizard_page_get_applying (current_page ());
}

static gboolean
send_failed (gpointer data)
{
  return find_button ("_Retry") != NULL;
}

/* The platform moves to an address where nothing answers. */
static char *
break_platform (void)
{
  GSettings *settings = op_application_get_settings (app);
  char *url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());

  g_settings_set_string (settings, "platform-url", url);
  g_settings_set_string (settings, "platform-kind", "url");
  op_test_ui_iterate (300);
  g_assert_cmpstr (op_connection_get_base_url (get_connection ()), ==, url);

  return url;
}

static gboolean
signed_back_in (gpointer data)
{
  return op_connection_get_builtin (get_connection ()) &&
         op_connection_get_state (get_connection ()) == OP_CONNECTION_READY &&
         op_connection_get_account (get_connection ()) != NULL;
}

/* Back to the built-in sandbox (restarted, on another port): the session
 * kept in the keyring signs the member back in. */
static void
repair_platform (void)
{
  GSettings *settings = op_application_get_settings (app);

  g_settings_reset (settings, "platform-kind");
  g_settings_reset (settings, "platform-url");
  op_test_ui_wait_until (signed_back_in, NULL, 20000);
}

static void
test_platform_unreachable (void)
{
  g_autoptr(OpAccount) account = NULL;
  g_autofree char *code = NULL;
  g_autofree char *url = NULL;
  GtkWidget *message;

  sign_in_as ("crossborder");
  open_onboarding ();
  click ("_Next");
  wait_for_page ("mobile");

  /* Sending the code while the platform is away: plain words and Retry,
   * the number kept. */
  url = break_platform ();
  type_into ("_Mobile number", "13600002222");
  click ("_Send Code");
  op_test_ui_wait_until (send_failed, NULL, 20000);
  message = find_label_containing (GTK_WIDGET (current_page ()), "Cannot reach the platform");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), url));
  g_assert_true (button_usable ("_Send Code"));
  g_assert_cmpstr (text_of ("_Mobile number"), ==, "13600002222");
  g_assert_cmpint (op_connection_get_state (get_connection ()), ==, OP_CONNECTION_UNREACHABLE);

  /* Back again, Retry sends it. */
  repair_platform ();
  click ("_Retry");
  op_test_ui_wait_until (sandbox_message_shown, NULL, 20000);
  g_assert_null (find_button ("_Retry"));
  code = g_strdup (gtk_label_get_label (GTK_LABEL (op_test_ui_find (GTK_WIDGET (current_page ()),
                                                                     op_test_ui_match_css_class,
                                                                     "title-2"))));
  type_into ("SMS _verification code", code);
  click ("_Next");
  wait_for_page ("developer");
  fill_developer_page ("_Self-use", "赵六", "zhaoliu@example.com", "");
  click ("_Next");
  wait_for_page ("summary");

  /* Submitting while it is away: said in plain words, with a retry, on the
   * same page. */
  g_clear_pointer (&url, g_free);
  url = break_platform ();
  click ("_Submit");
  op_test_ui_wait_until (save_failed, NULL, 20000);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (current_page ())), ==, "summary");
  message = find_label_containing (GTK_WIDGET (get_assistant ()), "Cannot reach the platform");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (message)), url));
  g_assert_true (button_usable ("_Try Again"));

  /* Trying again while it is still away says the same. */
  click ("_Try Again");
  op_test_ui_wait_until (save_failed, NULL, 20000);
  g_assert_true (wizard_says ("Cannot reach the platform"));

  /* Nothing typed is lost. */
  g_assert_cmpstr (subtitle_of ("Contact name"), ==, "赵六");
  click ("_Back");
  wait_for_page ("developer");
  g_assert_cmpstr (text_of ("_Email"), ==, "zhaoliu@example.com");
  click ("_Back");
  wait_for_page ("mobile");
  g_assert_cmpstr (text_of ("_Mobile number"), ==, "13600002222");
  g_assert_cmpstr (text_of ("SMS _verification code"), ==, code);

  /* Checking the account meanwhile: the same words, with Retry. */
  click ("_Back");
  wait_for_page ("account");
  op_test_ui_wait_until (account_checked, NULL, 20000);
  g_assert_true (page_says ("Cannot reach the platform"));
  g_assert_true (button_usable ("_Retry"));

  /* The platform is back: the same input goes through. */
  repair_platform ();
  click ("_Retry");
  op_test_ui_wait_until (account_checked, NULL, 20000);
  g_assert_null (find_button ("_Retry"));
  click ("_Next");
  wait_for_page ("mobile");
  click ("_Next");
  wait_for_page ("developer");
  click ("_Next");
  wait_for_page ("summary");
  click ("_Submit");
  wait_for_page ("done");
  account = platform_account ();
  g_assert_true (op_account_get_is_developer (account));
  g_assert_cmpstr (op_account_get_contact_name (account), ==, "赵六");
  click ("_Done");
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

  app = op_test_ui_start_application ();
  op_test_ui_wait_ready (app);

  g_test_add_func ("/app/onboarding/unverified-cannot-continue", test_unverified_cannot_continue);
  g_test_add_func ("/app/onboarding/happy-path", test_happy_path);
  g_test_add_func ("/app/onboarding/wrong-sms-code", test_wrong_sms_code);
  g_test_add_func ("/app/onboarding/draft-resumes", test_draft_resumes);
  g_test_add_func ("/app/onboarding/platform-unreachable", test_platform_unreachable);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
