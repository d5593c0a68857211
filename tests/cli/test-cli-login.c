/* test-cli-login.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-cli-test.h"

#include <string.h>

/*
 * `open1688-cli login`, `logout` and `apps`, run as built, against the real sandbox service
 * and a real (private) gnome-keyring: the session is kept in the keyring only, under the
 * platform it belongs to, and the built-in sandbox (no --platform) shares the desktop
 * app's database and keyring names.
 */

static char *base_url;
static char *console_token;
static char *app_key;
static char *app_secret;

static char *
session_token (const char *platform)
{
  return op_cli_test_keyring_lookup ("platform-session", platform, NULL, OP_CLI_TEST_MEMBER);
}

static void
assert_not_in_files (const char *secret)
{
  g_autofree char *found = op_cli_test_find_in_files (secret);

  g_assert_null (found);
}

static void
test_wrong_password (void)
{
  const char *args[] = { "--platform", base_url, "login", OP_CLI_TEST_MEMBER, NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *token = NULL;

  op_cli_test_run (&run, "not-the-password\n", NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "open1688-cli login: "));
  g_assert_nonnull (strstr (run.err, "password is wrong"));
  g_assert_null (strstr (run.err, "not-the-password"));

  token = session_token (base_url);
  g_assert_null (token);
}

static void
test_login_apps_logout (void)
{
  const char *login[] = { "--platform", base_url, "login", OP_CLI_TEST_MEMBER, NULL };
  /* The global option after the command, in its --option=value form. */
  g_autofree char *platform_option = g_strconcat ("--platform=", base_url, NULL);
  const char *apps[] = { "apps", platform_option, NULL };
  const char *logout[] = { "logout", "--platform", base_url, NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autoptr(JsonObject) account = NULL;
  g_autofree char *token = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;
  guint status = 0;

  /* The password from a pipe, with the newline echo adds. */
  op_cli_test_run (&run, OP_CLI_TEST_PASSWORD "\n", NULL, login);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("Signed in to %s as " OP_CLI_TEST_MEMBER " (", base_url);
  g_assert_true (g_str_has_prefix (run.out, expected));

  token = session_token (base_url);
  g_assert_nonnull (token);
  g_assert_cmpuint (strlen (token), >=, 32);
  op_cli_test_assert_clean (&run, token);
  assert_not_in_files (token);

  /* The kept session is a real one. */
  account = op_cli_test_console (base_url, token, "GET", "account", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (account, "login"), ==, OP_CLI_TEST_MEMBER);

  op_cli_test_run (&run, NULL, NULL, apps);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "AppKey"));
  g_assert_nonnull (strstr (run.out, app_key));
  g_assert_nonnull (strstr (run.out, "命令行测试"));
  g_assert_nonnull (strstr (run.out, "In development"));
  g_assert_nonnull (strstr (run.out, "0 / 5000"));
  op_cli_test_assert_clean (&run, token);
  op_cli_test_assert_clean (&run, app_secret);

  /* Signing in again replaces the kept session. */
  op_cli_test_run (&run, OP_CLI_TEST_PASSWORD, NULL, login);
  g_assert_cmpint (run.status, ==, 0);
  again = session_token (base_url);
  g_assert_nonnull (again);
  g_assert_cmpstr (again, !=, token);

  op_cli_test_run (&run, NULL, NULL, logout);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Signed out of"));
  after = session_token (base_url);
  g_assert_null (after);

  /* The platform ended the session too. */
  g_clear_pointer (&account, json_object_unref);
  account = op_cli_test_console (base_url, again, "GET", "account", NULL, &status);
  g_assert_cmpuint (status, ==, 401);

  op_cli_test_run (&run, NULL, NULL, apps);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_free (expected);
  expected = g_strdup_printf ("Not signed in: run open1688-cli --platform %s login LOGIN",
                              base_url);
  g_assert_nonnull (strstr (run.err, expected));

  op_cli_test_run (&run, NULL, NULL, logout);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "Not signed in"));
}

static void
test_session_ended_elsewhere (void)
{
  const char *login[] = { "--platform", base_url, "login", OP_CLI_TEST_MEMBER, NULL };
  const char *apps[] = { "--platform", base_url, "apps", NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *token = NULL;
  g_autofree char *after = NULL;
  guint status = 0;

  op_cli_test_run (&run, OP_CLI_TEST_PASSWORD, NULL, login);
  g_assert_cmpint (run.status, ==, 0);
  token = session_token (base_url);
  g_assert_nonnull (token);

  /* Signed out elsewhere (or expired): the kept token no longer works. */
  answer = op_cli_test_console (base_url, token, "DELETE", "session", NULL, &status);
  g_assert_cmpuint (status, ==, 204);

  op_cli_test_run (&run, NULL, NULL, apps);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "expired or was ended"));
  g_assert_nonnull (strstr (run.err, "login LOGIN"));

  /* The dead session is forgotten. */
  after = session_token (base_url);
  g_assert_null (after);
}

static void
test_no_keyring (void)
{
  const char *env[] = { "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent", NULL };
  const char *login[] = { "--platform", base_url, "login", OP_CLI_TEST_MEMBER, NULL };
  const char *apps[] = { "--platform", base_url, "apps", NULL };
  const char *logout[] = { "--platform", base_url, "logout", NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *token = NULL;
  guint sessions;

  /* A sign-in with a keyring opens a session on the platform ... */
  sessions = op_cli_test_count_sessions ();
  op_cli_test_run (&run, OP_CLI_TEST_PASSWORD, NULL, login);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (op_cli_test_count_sessions (), ==, sessions + 1);
  op_cli_test_run (&run, NULL, NULL, logout);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (op_cli_test_count_sessions (), ==, sessions);

  /* ... without one, the sign-in is refused and its session ended at once. */
  op_cli_test_run (&run, OP_CLI_TEST_PASSWORD, env, login);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_null (strstr (run.out, "Signed in"));
  g_assert_nonnull (strstr (run.err, "keyring is not available"));
  g_assert_nonnull (strstr (run.err, "sign-in was not saved"));
  g_assert_cmpuint (op_cli_test_count_sessions (), ==, sessions);

  /* Nothing kept anywhere: not in the (working) keyring, not in a file. */
  token = session_token (base_url);
  g_assert_null (token);

  op_cli_test_run (&run, NULL, env, apps);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "keyring is not available"));
}

static void
test_usage (void)
{
  struct { const char *input; const char *args[6]; const char *says; } cases[] = {
    { NULL, { "--platform", "http://127.0.0.1:9", "login", NULL }, "Give one account name" },
    { NULL, { "--platform", "http://127.0.0.1:9", "login", "a", "b", NULL },
      "Give one account name" },
    { "", { "--platform", "http://127.0.0.1:9", "login", "merchant", NULL }, "No password" },
    { NULL, { "--platform", "ftp://127.0.0.1", "apps", NULL }, "not a platform address" },
    { NULL, { "--platform", "127.0.0.1:8688", "apps", NULL }, "not a platform address" },
    { NULL, { "apps", "--platform", "http://x/?a=1", NULL }, "not a platform address" },
    { NULL, { "--platform", NULL }, "needs a value" },
    { NULL, { "--gateway", "moon", "apps", NULL }, "not a gateway" },
    { NULL, { "apps", "--gateway=moon", NULL }, "not a gateway" },
    { NULL, { "apps", "extra", NULL }, "Unexpected argument" },
    { NULL, { "logout", "merchant", NULL }, "Unexpected argument" },
    { NULL, { "apps", "--bogus", NULL }, "--bogus" },
    { NULL, { "--platform", "http://127.0.0.1:9", NULL }, "Usage:" },
    { NULL, { "frobnicate", NULL }, "Unknown command" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(OpCliRun) run = { 0 };

      op_cli_test_run (&run, cases[i].input, NULL, cases[i].args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].says));
    }
}

static void
test_help (void)
{
  const char *main_help[] = { "--help", NULL };
  const char *login_help[] = { "login", "--help", NULL };
  g_auto(OpCliRun) run = { 0 };

  op_cli_test_run (&run, NULL, NULL, main_help);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      const char *names[] = { "login", "logout", "apps", "secret", "call", "token" };

      g_assert_nonnull (strstr (run.out, names[i]));
    }
  g_assert_nonnull (strstr (run.out, "--platform URL"));
  g_assert_nonnull (strstr (run.out, "--gateway sandbox|production"));

  op_cli_test_run (&run, NULL, NULL, login_help);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--platform"));
  g_assert_nonnull (strstr (run.out, "--gateway"));
  g_assert_nonnull (strstr (run.out, "Exit status"));
}

/* No --platform: the built-in sandbox, started by each command on the desktop app's
 * database (in XDG_DATA_HOME), sharing its apps with a service running on that database,
 * and its keyring items named with op_endpoints_builtin_platform_id(). */
static void
test_builtin_sandbox (void)
{
  g_autofree char *db_path = g_build_filename (g_get_user_data_dir (), "open1688", "sandbox.db",
                                               NULL);
  g_autofree char *uri = g_filename_to_uri (db_path, NULL, NULL);
  g_autofree char *platform = g_strconcat ("builtin-sandbox:", uri, NULL);
  g_autofree char *shared_url = NULL;
  g_autofree char *shared_token = NULL;
  g_autofree char *key = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *token = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *after = NULL;
  g_auto(OpCliRun) run = { 0 };
  const char *login[] = { "login", OP_CLI_TEST_MEMBER, NULL };
  const char *apps[] = { "apps", NULL };
  const char *logout[] = { "logout", NULL };
  const char *import[] = { "secret", "import", "--app-key", NULL, NULL };
  const char *call[] = { "call", OP_CLI_TEST_PLAIN_API, "categoryID=0", NULL };

  /* A service on the same database makes the developer and the app, as the desktop app
   * would while the command line is used. */
  shared_url = op_cli_test_sandbox_start (db_path);
  shared_token = op_cli_test_become_developer (shared_url);
  key = op_cli_test_order_app (shared_url, shared_token, &secret);
  import[3] = key;

  op_cli_test_run (&run, OP_CLI_TEST_PASSWORD, NULL, login);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Signed in to the built-in sandbox as "
                                            OP_CLI_TEST_MEMBER));
  token = session_token (platform);
  g_assert_nonnull (token);

  op_cli_test_run (&run, NULL, NULL, apps);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, key));

  op_cli_test_run (&run, secret, NULL, import);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "for the built-in sandbox is saved"));
  stored = op_cli_test_keyring_lookup ("app-secret", platform, key, NULL);
  g_assert_cmpstr (stored, ==, secret);

  /* The only AppSecret kept for the built-in sandbox: no --app-key needed. */
  op_cli_test_run (&run, NULL, NULL, call);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\n"));
  op_cli_test_assert_clean (&run, secret);

  op_cli_test_run (&run, NULL, NULL, logout);
  g_assert_cmpint (run.status, ==, 0);
  after = session_token (platform);
  g_assert_null (after);

  /* The session never reached a file (the database keeps only its hash; the app's
   * AppSecret is in the database, as the platform keeps it). */
  assert_not_in_files (token);
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

  g_test_add_func ("/cli/login/usage", test_usage);
  g_test_add_func ("/cli/login/help", test_help);
  g_test_add_func ("/cli/login/wrong-password", test_wrong_password);
  g_test_add_func ("/cli/login/login-apps-logout", test_login_apps_logout);
  g_test_add_func ("/cli/login/session-ended-elsewhere", test_session_ended_elsewhere);
  g_test_add_func ("/cli/login/no-keyring", test_no_keyring);
  g_test_add_func ("/cli/login/builtin-sandbox", test_builtin_sandbox);

  status = g_test_run ();

  g_free (base_url);
  g_free (console_token);
  g_free (app_key);
  g_free (app_secret);
  op_cli_test_teardown ();

  return status;
}
