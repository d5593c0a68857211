/* test-cli-token.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-cli-test.h"

#include <string.h>

/*
 * `open1688-cli token authorize` and `token refresh`, run as built, against the real
 * sandbox service and a private gnome-keyring. The test plays the browser: it opens the
 * authorize URL the command prints, signs in as the member on the sandbox's
 * /oauth/authorize page, grants (or refuses), and follows the redirect to the command's
 * loopback listener, or pastes the redirected address on the command's standard input.
 */

static char *base_url;
static char *console_token;
static char *app_key;
static char *app_secret;

/* One `token authorize` under way. */
typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  char             *url;
  GHashTable       *params;
} Authorize;

static void
authorize_clear (Authorize *authorize)
{
  g_clear_object (&authorize->out);
  g_clear_object (&authorize->process);
  g_clear_pointer (&authorize->url, g_free);
  g_clear_pointer (&authorize->params, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Authorize, authorize_clear)

static void
import_secret (const char *key,
               const char *secret)
{
  const char *args[] = { "--platform", base_url, "secret", "import", "--app-key", key, NULL };
  g_auto(OpCliRun) run = { 0 };

  op_cli_test_run (&run, secret, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
}

/* Starts the command and reads the authorize URL, its first line of output. */
static void
authorize_start (Authorize          *authorize,
                 const char         *key,
                 const char * const *extra)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (base_url, "/oauth/authorize?", NULL);
  gsize length = 0;

  g_ptr_array_add (args, (gpointer) "--platform");
  g_ptr_array_add (args, base_url);
  g_ptr_array_add (args, (gpointer) "token");
  g_ptr_array_add (args, (gpointer) "authorize");
  g_ptr_array_add (args, (gpointer) "--app-key");
  g_ptr_array_add (args, (gpointer) key);
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) extra[i]);
  g_ptr_array_add (args, NULL);

  authorize->process = op_cli_test_spawn (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                          G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                          G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                          NULL, (const char * const *) args->pdata);
  authorize->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (authorize->process));
  authorize->url = g_data_input_stream_read_line_utf8 (authorize->out, &length, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (authorize->url);
  g_assert_true (g_str_has_prefix (authorize->url, prefix));

  authorize->params = g_uri_parse_params (authorize->url + strlen (prefix), -1, "&",
                                          G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (authorize->params, "client_id"), ==, key);
  g_assert_cmpstr (g_hash_table_lookup (authorize->params, "site"), ==, "1688");
  g_assert_nonnull (g_hash_table_lookup (authorize->params, "state"));
  g_assert_nonnull (g_hash_table_lookup (authorize->params, "redirect_uri"));
}

static void
append_field (GString    *form,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  if (form->len > 0)
    g_string_append_c (form, '&');
  g_string_append_printf (form, "%s=%s", name, escaped);
}

static void
append_request (GString    *form,
                Authorize  *authorize)
{
  static const char * const names[] = { "client_id", "redirect_uri", "state", "site" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    append_field (form, names[i], g_hash_table_lookup (authorize->params, names[i]));
}

/* The member, in the browser: opens the authorize page, signs in, then grants or refuses
 * (@action). Returns where the platform redirects the browser. */
static char *
browser_consent (Authorize  *authorize,
                 const char *action)
{
  g_autoptr(SoupSession) browser = op_cli_test_browser_new ();
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GBytes) grant_page = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GString) login = g_string_new (NULL);
  g_autoptr(GString) consent = g_string_new (NULL);
  g_autofree char *form_url = g_strconcat (base_url, "/oauth/authorize", NULL);
  g_autofree char *html = NULL;
  g_autofree char *form_token = NULL;
  char *location = NULL;
  const char *start;
  const char *end;
  guint status = 0;

  page = op_cli_test_http (browser, "GET", authorize->url, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (page, NULL), g_bytes_get_size (page),
                                  "name=\"password\""));

  append_field (login, "action", "login");
  append_field (login, "login", OP_CLI_TEST_MEMBER);
  append_field (login, "password", OP_CLI_TEST_PASSWORD);
  append_request (login, authorize);
  grant_page = op_cli_test_http (browser, "POST", form_url, login->str, &status, NULL);
  g_assert_cmpuint (status, ==, 200);

  html = g_strndup (g_bytes_get_data (grant_page, NULL), g_bytes_get_size (grant_page));
  start = strstr (html, "name=\"form_token\" value=\"");
  g_assert_nonnull (start);
  start += strlen ("name=\"form_token\" value=\"");
  end = strchr (start, '"');
  g_assert_nonnull (end);
  form_token = g_strndup (start, end - start);

  append_field (consent, "action", action);
  append_field (consent, "form_token", form_token);
  append_request (consent, authorize);
  answer = op_cli_test_http (browser, "POST", form_url, consent->str, &status, &location);
  g_assert_cmpuint (status, ==, 302);
  g_assert_nonnull (location);
  g_assert_true (g_str_has_prefix (location,
                                   g_hash_table_lookup (authorize->params, "redirect_uri")));

  return location;
}

/* The browser follows the redirect to the command's loopback listener. */
static char *
browser_follow (const char *location,
                guint       expected_status)
{
  g_autoptr(SoupSession) browser = op_cli_test_browser_new ();
  g_autoptr(GBytes) page = NULL;
  guint status = 0;

  page = op_cli_test_http (browser, "GET", location, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, expected_status);

  return g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page));
}

static void
paste (Authorize  *authorize,
       const char *text)
{
  GOutputStream *input = g_subprocess_get_stdin_pipe (authorize->process);
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (input, text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (input, "\n", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (input, NULL, &error);
  g_assert_no_error (error);
}

/* Closes the command's input, reads the rest of its output and waits for it. */
static void
authorize_finish (Authorize *authorize,
                  OpCliRun  *run)
{
  g_autoptr(GOutputStream) errors = g_memory_output_stream_new_resizable ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *line;

  g_output_stream_close (g_subprocess_get_stdin_pipe (authorize->process), NULL, NULL);

  while ((line = g_data_input_stream_read_line_utf8 (authorize->out, NULL, NULL, &error)) != NULL)
    {
      g_string_append_printf (out, "%s\n", line);
      g_free (line);
    }
  g_assert_no_error (error);

  g_output_stream_splice (errors, g_subprocess_get_stderr_pipe (authorize->process),
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (errors, "", 1, NULL, NULL, NULL);

  g_subprocess_wait (authorize->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (authorize->process));

  op_cli_run_clear (run);
  run->status = g_subprocess_get_exit_status (authorize->process);
  run->out = g_string_free (g_steal_pointer (&out), FALSE);
  run->err = g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (errors)));
  g_test_message ("token authorize → %d\nstdout: %s\nstderr: %s", run->status, run->out,
                  run->err);
}

static char *
access_token (const char *key)
{
  return op_cli_test_keyring_lookup ("access-token", base_url, key, OP_CLI_TEST_MEMBER);
}

static char *
refresh_token (const char *key)
{
  return op_cli_test_keyring_lookup ("refresh-token", base_url, key, OP_CLI_TEST_MEMBER);
}

static void
assert_not_in_files (const char *secret)
{
  g_autofree char *found = op_cli_test_find_in_files (secret);

  g_assert_null (found);
}

static void
test_authorize_browser (void)
{
  const char *call[] = { "--platform", base_url, "call", OP_CLI_TEST_TOKEN_API, "--app-key",
                         app_key, "page=1", NULL };
  const char *verbose[] = { "--platform", base_url, "call", "--verbose", OP_CLI_TEST_TOKEN_API,
                            "--app-key", app_key, NULL };
  g_auto(Authorize) authorize = { 0 };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *location = NULL;
  g_autofree char *page = NULL;
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *masked = NULL;

  authorize_start (&authorize, app_key, NULL);
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (authorize.params, "redirect_uri"),
                                   "http://127.0.0.1:"));

  location = browser_consent (&authorize, "grant");
  g_assert_nonnull (strstr (location, "code="));
  page = browser_follow (location, 200);
  g_assert_nonnull (strstr (page, "Authorization Complete"));

  authorize_finish (&authorize, &run);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("App %s is authorized by " OP_CLI_TEST_MEMBER ". The access "
                              "token, saved in the keyring, expires at ", app_key);
  g_assert_nonnull (strstr (run.out, expected));
  g_assert_nonnull (strstr (run.err, "Open this address in a browser"));

  access = access_token (app_key);
  refresh = refresh_token (app_key);
  g_assert_nonnull (access);
  g_assert_nonnull (refresh);
  op_cli_test_assert_clean (&run, access);
  op_cli_test_assert_clean (&run, refresh);
  op_cli_test_assert_clean (&run, app_secret);

  /* The API that needs the member's token now answers. */
  op_cli_test_run (&run, NULL, NULL, call);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "{\n"));
  op_cli_test_assert_clean (&run, access);

  /* --verbose shows that the token was sent, masked. */
  op_cli_test_run (&run, NULL, NULL, verbose);
  g_assert_cmpint (run.status, ==, 0);
  masked = g_strndup (access, 4);
  g_assert_nonnull (strstr (run.err, "access_token"));
  g_assert_nonnull (strstr (run.err, masked));
  op_cli_test_assert_clean (&run, access);
  op_cli_test_assert_clean (&run, app_secret);

  assert_not_in_files (access);
  assert_not_in_files (refresh);
}

static void
test_refresh (void)
{
  const char *args[] = { "--platform", base_url, "token", "refresh", "--app-key", app_key,
                         NULL };
  const char *call[] = { "--platform", base_url, "call", OP_CLI_TEST_TOKEN_API, "--app-key",
                         app_key, NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *old_access = access_token (app_key);
  g_autofree char *old_refresh = refresh_token (app_key);
  g_autofree char *new_access = NULL;
  g_autofree char *new_refresh = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (old_access);

  op_cli_test_run (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("The access token of app %s for " OP_CLI_TEST_MEMBER " is "
                              "renewed and saved in the keyring; it expires at ", app_key);
  g_assert_nonnull (strstr (run.out, expected));

  new_access = access_token (app_key);
  new_refresh = refresh_token (app_key);
  g_assert_nonnull (new_access);
  g_assert_cmpstr (new_access, !=, old_access);
  /* The answer of a refresh has no refresh token: the kept one stays. */
  g_assert_cmpstr (new_refresh, ==, old_refresh);
  op_cli_test_assert_clean (&run, new_access);
  op_cli_test_assert_clean (&run, old_refresh);

  op_cli_test_run (&run, NULL, NULL, call);
  g_assert_cmpint (run.status, ==, 0);

  assert_not_in_files (new_access);
}

static void
test_authorize_paste (void)
{
  g_auto(Authorize) authorize = { 0 };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *before = access_token (app_key);
  g_autofree char *after = NULL;
  g_autofree char *location = NULL;

  authorize_start (&authorize, app_key, NULL);

  /* Another authorization's address is refused, and the command keeps waiting. */
  paste (&authorize, "http://127.0.0.1:1/callback?code=stolen&state=not-this-one");
  location = browser_consent (&authorize, "grant");
  paste (&authorize, location);

  authorize_finish (&authorize, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "belongs to another authorization"));
  g_assert_nonnull (strstr (run.out, "is authorized by " OP_CLI_TEST_MEMBER));

  after = access_token (app_key);
  g_assert_nonnull (after);
  g_assert_cmpstr (after, !=, before);
}

static void
test_authorize_paste_code (void)
{
  g_auto(Authorize) authorize = { 0 };
  g_auto(OpCliRun) run = { 0 };
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *location = NULL;
  g_autofree char *before = access_token (app_key);
  g_autofree char *after = NULL;

  authorize_start (&authorize, app_key, NULL);
  location = browser_consent (&authorize, "grant");
  uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);
  g_assert_nonnull (uri);
  params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  g_assert_nonnull (g_hash_table_lookup (params, "code"));

  /* The bare code, as a page that shows it would let the user copy it. */
  paste (&authorize, g_hash_table_lookup (params, "code"));

  authorize_finish (&authorize, &run);
  g_assert_cmpint (run.status, ==, 0);
  after = access_token (app_key);
  g_assert_nonnull (after);
  g_assert_cmpstr (after, !=, before);
  op_cli_test_assert_clean (&run, after);
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GError) error = NULL;
  guint port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  local = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  g_socket_close (socket, NULL);

  return port;
}

static void
test_authorize_port (void)
{
  g_autofree char *port = g_strdup_printf ("%u", free_port ());
  g_autofree char *redirect = g_strdup_printf ("http://127.0.0.1:%s/callback", port);
  const char *extra[] = { "--redirect-port", port, NULL };
  g_auto(Authorize) authorize = { 0 };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *location = NULL;
  g_autofree char *page = NULL;

  authorize_start (&authorize, app_key, extra);
  g_assert_cmpstr (g_hash_table_lookup (authorize.params, "redirect_uri"), ==, redirect);

  location = browser_consent (&authorize, "grant");
  page = browser_follow (location, 200);
  g_assert_nonnull (strstr (page, "Authorization Received"));

  authorize_finish (&authorize, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, redirect));
}

static void
test_authorize_denied (void)
{
  g_auto(Authorize) authorize = { 0 };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *location = NULL;
  g_autofree char *page = NULL;

  authorize_start (&authorize, app_key, NULL);
  location = browser_consent (&authorize, "deny");
  g_assert_nonnull (strstr (location, "error=access_denied"));
  page = browser_follow (location, 200);

  authorize_finish (&authorize, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The app was not authorized"));
  g_assert_null (strstr (run.out, "is authorized by"));
}

static void
test_refresh_impossible (void)
{
  const char *expired_access[] = { "issued-at", "2020-01-01T00:00:00Z", "expires-in", "36000",
                                   NULL };
  const char *past[] = { "expires-at", "20200101000000000+0800", NULL };
  const char *future[] = { "expires-at", "20991231000000000+0800", NULL };
  g_autofree char *key = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *hint = NULL;
  g_auto(OpCliRun) run = { 0 };
  const char *refresh[] = { "--platform", base_url, "token", "refresh", "--app-key", NULL,
                            NULL };
  const char *call[] = { "--platform", base_url, "call", OP_CLI_TEST_TOKEN_API, "--app-key",
                         NULL, NULL };

  key = op_cli_test_order_app (base_url, console_token, &secret);
  import_secret (key, secret);
  refresh[5] = key;
  call[5] = key;
  hint = g_strdup_printf ("Authorize again with: open1688-cli --platform %s token authorize "
                          "--app-key %s", base_url, key);

  /* Never authorized. */
  op_cli_test_run (&run, NULL, NULL, refresh);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "No member has authorized app"));

  /* An expired access token whose refresh token expired too. */
  op_cli_test_keyring_store ("access-token", base_url, key, OP_CLI_TEST_MEMBER, expired_access,
                             "expired-access-token-1");
  op_cli_test_keyring_store ("refresh-token", base_url, key, OP_CLI_TEST_MEMBER, past,
                             "expired-refresh-token-1");

  op_cli_test_run (&run, NULL, NULL, refresh);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The authorization expired on "));
  g_assert_nonnull (strstr (run.err, "Authorize the app again."));
  g_assert_nonnull (strstr (run.err, hint));

  /* A call renews first, and cannot. */
  op_cli_test_run (&run, NULL, NULL, call);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "Authorize the app again."));
  g_assert_nonnull (strstr (run.err, hint));
  op_cli_test_assert_clean (&run, "expired-access-token-1");

  /* A refresh token the platform does not accept (withdrawn, or never its own). */
  op_cli_test_keyring_clear ("refresh-token", base_url, key);
  op_cli_test_keyring_store ("refresh-token", base_url, key, OP_CLI_TEST_MEMBER, future,
                             "unknown-refresh-token-1");
  op_cli_test_run (&run, NULL, NULL, refresh);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no longer accepts this authorization"));
  g_assert_nonnull (strstr (run.err, hint));
  op_cli_test_assert_clean (&run, "unknown-refresh-token-1");
}

static void
test_usage (void)
{
  struct { const char *args[10]; const char *says; } cases[] = {
    { { "token", NULL }, "authorize or refresh" },
    { { "token", "revoke", NULL }, "Unknown subcommand" },
    { { "token", "authorize", NULL }, "--app-key" },
    { { "token", "refresh", NULL }, "--app-key" },
    { { "token", "refresh", "--app-key", "1", "extra", NULL }, "Unexpected argument" },
    { { "token", "authorize", "--app-key", "1", "--redirect-port", "70000", NULL },
      "--redirect-port" },
    { { "token", "authorize", "--app-key", "1", "--redirect-port", "port", NULL },
      "--redirect-port" },
    { { "token", "authorize", "--app-key", "1", "--redirect-port", "8080", "--redirect-uri",
        "https://example.com/cb", NULL }, "not both" },
    { { "token", "authorize", "--app-key", "1", "--redirect-uri", "ftp://example.com", NULL },
      "--redirect-uri" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(OpCliRun) run = { 0 };
      const char *args[12] = { "--platform", "http://127.0.0.1:9", NULL };

      for (guint j = 0; cases[i].args[j] != NULL; j++)
        args[2 + j] = cases[i].args[j];

      op_cli_test_run (&run, NULL, NULL, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].says));
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  op_cli_test_setup (TRUE);
  g_test_init (&argc, &argv, NULL);

  base_url = op_cli_test_sandbox_start (NULL);
  console_token = op_cli_test_become_developer (base_url);
  app_key = op_cli_test_order_app (base_url, console_token, &app_secret);
  import_secret (app_key, app_secret);

  g_test_add_func ("/cli/token/usage", test_usage);
  g_test_add_func ("/cli/token/authorize-browser", test_authorize_browser);
  g_test_add_func ("/cli/token/refresh", test_refresh);
  g_test_add_func ("/cli/token/authorize-paste", test_authorize_paste);
  g_test_add_func ("/cli/token/authorize-paste-code", test_authorize_paste_code);
  g_test_add_func ("/cli/token/authorize-port", test_authorize_port);
  g_test_add_func ("/cli/token/authorize-denied", test_authorize_denied);
  g_test_add_func ("/cli/token/refresh-impossible", test_refresh_impossible);

  status = g_test_run ();

  g_free (base_url);
  g_free (console_token);
  g_free (app_key);
  g_free (app_secret);
  op_cli_test_teardown ();

  return status;
}
