/* test-sign-in.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-sign-in-page.h"
#include "op-test-ui.h"
#include "op-window.h"

static OpApplication *app;

static OpWindow *
main_window (void)
{
  OpWindow *window = OP_WINDOW (op_test_ui_find_toplevel (OP_TYPE_WINDOW));

  g_assert_nonnull (window);
  return window;
}

static GtkWidget *
find_sidebar_row (const char *name)
{
  GtkWidget *list = op_test_ui_find (GTK_WIDGET (main_window ()), op_test_ui_match_css_class,
                                     "navigation-sidebar");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return row;

  return NULL;
}

static GtkWidget *
sign_in_page (void)
{
  return op_test_ui_find (GTK_WIDGET (main_window ()), op_test_ui_match_type,
                          GSIZE_TO_POINTER (OP_TYPE_SIGN_IN_PAGE));
}

static GtkWidget *
find_entry_row (const char *title)
{
  return op_test_ui_find (sign_in_page (), op_test_ui_match_title, title);
}

static GtkWidget *
find_sign_in_button (void)
{
  GtkWidget *label = op_test_ui_find (sign_in_page (), op_test_ui_match_label, "_Sign In");

  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

static gboolean
account_is (gpointer data)
{
  OpAccount *account = op_connection_get_account (op_application_get_connection (app));

  if (data == NULL)
    return account == NULL;
  return account != NULL && g_strcmp0 (op_account_get_login (account), data) == 0;
}

static gboolean
match_visible_error_label (GtkWidget     *widget,
                           gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
         gtk_widget_get_visible (widget) && *gtk_label_get_label (GTK_LABEL (widget)) != '\0';
}

static gboolean
error_label_shown (gpointer data)
{
  GtkWidget *row = find_entry_row ("_Password");

  return gtk_widget_has_css_class (row, "error") &&
         op_test_ui_find (sign_in_page (), match_visible_error_label, NULL) != NULL;
}

typedef struct
{
  gboolean  done;
  char     *secret;
  GError   *error;
} Lookup;

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;

  lookup->secret = op_secret_store_lookup_finish (OP_SECRET_STORE (object), result, &lookup->error);
  lookup->done = TRUE;
}

static gboolean
lookup_done (gpointer data)
{
  return ((Lookup *)data)->done;
}

/* The platform session kept in the keyring for the current platform. */
static char *
kept_session (GError **error)
{
  OpConnection *connection = op_application_get_connection (app);
  Lookup lookup = { 0 };

  op_secret_store_lookup_async (op_connection_get_secret_store (connection),
                                OP_SECRET_KIND_PLATFORM_SESSION,
                                op_connection_get_platform_id (connection), NULL, NULL,
                                NULL, lookup_cb, &lookup);
  op_test_ui_wait_until (lookup_done, &lookup, 10000);
  if (lookup.error != NULL)
    g_propagate_error (error, lookup.error);

  return lookup.secret;
}

static void
test_signed_out_areas (void)
{
  op_test_ui_wait_ready (app);

  g_assert_true (gtk_widget_get_visible (find_sidebar_row ("sign-in")));
  g_assert_false (gtk_widget_get_visible (find_sidebar_row ("overview")));
  g_assert_false (gtk_widget_get_visible (find_sidebar_row ("apps")));
  g_assert_false (gtk_widget_get_visible (find_sidebar_row ("solutions")));
}

static void
test_wrong_password (void)
{
  GtkWidget *login;
  GtkWidget *password;

  op_window_show_area (main_window (), "sign-in");
  login = find_entry_row ("_Account");
  password = find_entry_row ("_Password");
  g_assert_nonnull (login);
  g_assert_nonnull (password);
  g_assert_false (gtk_widget_get_sensitive (find_sign_in_button ()));

  gtk_editable_set_text (GTK_EDITABLE (login), "merchant");
  gtk_editable_set_text (GTK_EDITABLE (password), "wrong");
  g_assert_true (gtk_widget_get_sensitive (find_sign_in_button ()));
  g_signal_emit_by_name (find_sign_in_button (), "clicked");

  op_test_ui_wait_until (error_label_shown, NULL, 10000);
  /* Explained inline; what was typed stays; still signed out. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (login)), ==, "merchant");
  g_assert_null (op_connection_get_account (op_application_get_connection (app)));
  g_assert_cmpstr (op_window_get_visible_area (main_window ()), ==, "sign-in");
}

static void
test_sandbox_account_sign_in (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;
  GtkWidget *merchant_row;

  op_window_show_area (main_window (), "sign-in");
  merchant_row = op_test_ui_find (sign_in_page (), op_test_ui_match_title, "merchant");
  g_assert_nonnull (merchant_row);
  g_assert_true (gtk_widget_get_mapped (merchant_row));

  /* Choosing a sandbox account fills the form. */
  adw_action_row_activate (ADW_ACTION_ROW (merchant_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row ("_Account"))), ==, "merchant");
  g_signal_emit_by_name (find_sign_in_button (), "clicked");
  op_test_ui_wait_until (account_is, (gpointer)"merchant", 10000);
  op_test_ui_iterate (100);

  /* Signed in: the areas change, the password is gone from the form, and the
   * session is in the keyring. */
  g_assert_cmpstr (op_window_get_visible_area (main_window ()), ==, "overview");
  g_assert_false (gtk_widget_get_visible (find_sidebar_row ("sign-in")));
  g_assert_true (gtk_widget_get_visible (find_sidebar_row ("overview")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row ("_Password"))), ==, "");
  session = kept_session (&error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpuint (strlen (session), >, 16);
}

static void
test_session_survives_restart (void)
{
  OpConnection *connection = op_application_get_connection (app);

  g_assert_nonnull (op_connection_get_account (connection));
  op_window_show_area (main_window (), "welcome");

  op_connection_stop (connection);
  g_assert_null (op_connection_get_account (connection));
  op_connection_start (connection);
  op_test_ui_wait_until (account_is, (gpointer)"merchant", 20000);

  /* A member whose session comes back goes on from the overview, and the
   * guide's button now leads there too. */
  g_assert_cmpstr (op_window_get_visible_area (main_window ()), ==, "overview");
  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (main_window ()), op_test_ui_match_label,
                                     "Go to the _Overview"));
}

static gboolean
toast_or_sign_in (gpointer data)
{
  return g_strcmp0 (op_window_get_visible_area (main_window ()), "sign-in") == 0;
}

static void
ended_elsewhere_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (op_platform_client_sign_out_finish (OP_PLATFORM_CLIENT (object), result, NULL));
  *done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *)data;
}

static void
test_expired_session_comes_back (void)
{
  OpConnection *connection = op_application_get_connection (app);
  g_autoptr(OpPlatformClient) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session = kept_session (&error);
  gboolean done = FALSE;

  g_assert_no_error (error);
  op_window_show_area (main_window (), "apps");

  /* The session ends on the platform (signed out elsewhere). */
  other = op_platform_client_new (NULL, op_connection_get_base_url (connection));
  op_platform_client_set_session_token (other, session);
  op_platform_client_sign_out_async (other, NULL, ended_elsewhere_cb, &done);
  op_test_ui_wait_until (flag_set, &done, 10000);

  /* The next call finds out: back to sign-in, then back to where the user was. */
  op_connection_refresh_account (connection);
  op_test_ui_wait_until (toast_or_sign_in, NULL, 10000);
  g_assert_null (op_connection_get_account (connection));

  gtk_editable_set_text (GTK_EDITABLE (find_entry_row ("_Account")), "merchant");
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row ("_Password")), "sandbox");
  g_signal_emit_by_name (find_entry_row ("_Password"), "entry-activated");
  op_test_ui_wait_until (account_is, (gpointer)"merchant", 10000);
  op_test_ui_iterate (100);
  g_assert_cmpstr (op_window_get_visible_area (main_window ()), ==, "apps");
}

static void
test_sign_out (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.sign-out", NULL));
  op_test_ui_wait_until (account_is, NULL, 10000);
  op_test_ui_iterate (300);

  g_assert_cmpstr (op_window_get_visible_area (main_window ()), ==, "sign-in");
  session = kept_session (&error);
  g_assert_error (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND);
  g_assert_null (session);
}

int
main (int    argc,
      char **argv)
{
  int status;

  op_test_ui_init (&argc, &argv);

  app = op_test_ui_start_application ();

  g_test_add_func ("/app/sign-in/signed-out-areas", test_signed_out_areas);
  g_test_add_func ("/app/sign-in/wrong-password", test_wrong_password);
  g_test_add_func ("/app/sign-in/sandbox-account", test_sandbox_account_sign_in);
  g_test_add_func ("/app/sign-in/survives-restart", test_session_survives_restart);
  g_test_add_func ("/app/sign-in/expired-session-comes-back", test_expired_session_comes_back);
  g_test_add_func ("/app/sign-in/sign-out", test_sign_out);

  status = g_test_run ();

  op_connection_stop (op_application_get_connection (app));
  g_clear_object (&app);

  return status;
}
