/* op-test-ui.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "op-test-ui.h"

/* Starts the real application object the way main.c does, without running
 * its main loop: the tests iterate the default context themselves.
 */
/* GTK warns when a text field loses focus without the window manager's
 * focus-out event, which Xvfb with no window manager never sends; every
 * other warning stays fatal. */
static GLogWriterOutput
headless_log_writer (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
          strstr (fields[i].value, "did not receive a focus-out event") != NULL)
        return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * op_test_ui_init:
 *
 * Use instead of gtk_test_init() in UI tests: the same, plus libadwaita
 * and a log writer that drops the one warning of a display without a
 * window manager.
 */
void
op_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("open1688-ui-test-XXXXXX", &error);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  /* Each test program gets its own sandbox database and drafts. GLib
   * caches these directories at their first use, so this comes first. */
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (cache, 0700), ==, 0);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_log_set_writer_func (headless_log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

OpApplication *
op_test_ui_start_application (void)
{
  g_autoptr(GError) error = NULL;
  OpApplication *app;
  const char *localedir = g_getenv ("OPEN1688_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = op_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  op_test_ui_iterate (100);

  return app;
}

static gboolean
timeout_done_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

void
op_test_ui_iterate (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

GtkWidget *
op_test_ui_find (GtkWidget         *root,
                 OpTestWidgetMatch  match,
                 gconstpointer      data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = op_test_ui_find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
op_test_ui_match_type (GtkWidget     *widget,
                       gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
op_test_ui_match_label (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

gboolean
op_test_ui_match_css_class (GtkWidget     *widget,
                            gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

gboolean
op_test_ui_match_title (GtkWidget     *widget,
                        gconstpointer  text)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0;
}

GtkWindow *
op_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Iterates the main context until @condition holds, failing the test
 * after @timeout_ms. */
void
op_test_ui_wait_until (OpTestCondition condition,
                       gpointer        data,
                       guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u ms waiting for a condition", timeout_ms);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
connection_ready (gpointer data)
{
  return op_connection_get_state (data) == OP_CONNECTION_READY;
}

/* Waits for the built-in sandbox to answer. */
void
op_test_ui_wait_ready (OpApplication *app)
{
  op_test_ui_wait_until (connection_ready, op_application_get_connection (app), 20000);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpAccount **account = user_data;
  g_autoptr(GError) error = NULL;

  *account = op_connection_sign_in_finish (OP_CONNECTION (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *)data != NULL;
}

/* Signs in as one of the sandbox's accounts (password "sandbox"). */
OpAccount *
op_test_ui_sign_in (OpApplication *app,
                    const char    *login)
{
  OpConnection *connection = op_application_get_connection (app);
  OpAccount *account = NULL;

  op_test_ui_wait_ready (app);
  op_connection_sign_in_async (connection, login, "sandbox", NULL, signed_in_cb, &account);
  op_test_ui_wait_until (pointer_set, &account, 20000);

  return account;
}

/* The main window; fails the test when there is none. */
OpWindow *
op_test_ui_window (void)
{
  OpWindow *window = OP_WINDOW (op_test_ui_find_toplevel (OP_TYPE_WINDOW));

  g_assert_nonnull (window);
  return window;
}

/* A mapped label of @root whose text contains @text, or NULL. */
GtkWidget *
op_test_ui_find_label_containing (GtkWidget  *root,
                                  const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = op_test_ui_find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_shown_cb (gpointer data)
{
  return op_test_ui_find_label_containing (GTK_WIDGET (op_test_ui_window ()), data) != NULL;
}

/* Waits until a mapped label of the main window contains @text. */
void
op_test_ui_wait_label (const char *text,
                       guint       timeout_ms)
{
  op_test_ui_wait_until (label_shown_cb, (gpointer) text, timeout_ms);
}

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult pointer
 * @user_data points to; see op_test_ui_await(). */
void
op_test_ui_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Waits for an asynchronous call made with op_test_ui_result_cb.
 *
 * Returns: (transfer none): *@result */
GAsyncResult *
op_test_ui_await (GAsyncResult **result)
{
  op_test_ui_wait_until (pointer_set, result, 20000);
  return *result;
}

/* Completes 入驻 for the signed-in account through the client, as the
 * onboarding wizard does, and tells the connection. */
void
op_test_ui_onboard (OpApplication   *app,
                    OpDeveloperType  type)
{
  OpConnection *connection = op_application_get_connection (app);
  OpPlatformClient *client = op_connection_get_client (connection);
  g_autoptr(GAsyncResult) sms = NULL;
  g_autoptr(GAsyncResult) code_result = NULL;
  g_autoptr(GAsyncResult) submit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpAccount) account = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;

  op_platform_client_request_sms_code_async (client, "13800138000", NULL, op_test_ui_result_cb, &sms);
  g_assert_true (op_platform_client_request_sms_code_finish (client, op_test_ui_await (&sms), NULL, &error));
  g_assert_no_error (error);

  op_platform_client_get_sandbox_sms_async (client, NULL, op_test_ui_result_cb, &code_result);
  g_assert_true (op_platform_client_get_sandbox_sms_finish (client, op_test_ui_await (&code_result),
                                                            &code, &text, &error));
  g_assert_no_error (error);
  g_assert_nonnull (code);

  op_platform_client_submit_onboarding_async (client, "13800138000", code, "Li Lei",
                                              "lilei@example.com", type,
                                              type == OP_DEVELOPER_TYPE_ISV ? "Example Co." : NULL,
                                              NULL, op_test_ui_result_cb, &submit);
  account = op_platform_client_submit_onboarding_finish (client, op_test_ui_await (&submit), &error);
  g_assert_no_error (error);
  g_assert_true (op_account_get_is_developer (account));

  op_connection_set_account (connection, account);
}

/* Returns: (transfer full) (nullable): the AppSecret of @app_key in the keyring */
char *
op_test_ui_lookup_secret (OpApplication *app,
                          const char    *app_key)
{
  OpConnection *connection = op_application_get_connection (app);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  op_secret_store_lookup_async (op_connection_get_secret_store (connection),
                                OP_SECRET_KIND_APP_SECRET,
                                op_connection_get_platform_id (connection),
                                app_key, NULL, NULL, op_test_ui_result_cb, &result);
  secret = op_secret_store_lookup_finish (op_connection_get_secret_store (connection),
                                          op_test_ui_await (&result), &error);
  if (secret == NULL)
    g_assert_error (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND);

  return secret;
}

/* Returns: (transfer full): the app @app_key, as the platform has it */
OpApp *
op_test_ui_get_app (OpApplication *app,
                    const char    *app_key)
{
  OpPlatformClient *client = op_connection_get_client (op_application_get_connection (app));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  OpApp *found;

  op_platform_client_get_app_async (client, app_key, NULL, op_test_ui_result_cb, &result);
  found = op_platform_client_get_app_finish (client, op_test_ui_await (&result), &error);
  g_assert_no_error (error);

  return found;
}

/* The main window's wizard while it shows, or NULL. */
OpAssistant *
op_test_ui_assistant (void)
{
  GtkWidget *assistant = op_test_ui_find (GTK_WIDGET (op_test_ui_window ()), op_test_ui_match_type,
                                          GSIZE_TO_POINTER (OP_TYPE_ASSISTANT));

  return assistant != NULL && gtk_widget_get_mapped (assistant) ? OP_ASSISTANT (assistant) : NULL;
}

static gboolean
assistant_shown_cb (gpointer data)
{
  return op_test_ui_assistant () != NULL;
}

/* Waits for a wizard to show and settle. */
OpAssistant *
op_test_ui_wait_assistant (guint timeout_ms)
{
  op_test_ui_wait_until (assistant_shown_cb, NULL, timeout_ms);
  op_test_ui_iterate (100);

  return op_test_ui_assistant ();
}

/* The name of @assistant's current page ("confirm", "summary"…). */
const char *
op_test_ui_page_name (OpAssistant *assistant)
{
  return gtk_widget_get_name (GTK_WIDGET (op_assistant_get_current_page (assistant)));
}
