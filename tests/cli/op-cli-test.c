/* op-cli-test.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include "op-cli-test.h"
#include "op-test-env.h"

#include <libsecret/secret.h>
#include <sqlite3.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

/*
 * What the tests of the networked commands share. Each test program runs in a scratch
 * folder of its own: HOME, the XDG folders and TMPDIR of the test and of every
 * open1688-cli it runs are inside it, and so is a private D-Bus session bus with its own
 * unlocked gnome-keyring (started by tests/client/op-test-env.c, so that the user's
 * keyring is never touched, under build-aux/test or not). The platform is the real sandbox service, the built
 * open1688-sandbox, with its database in scratch/platform (the platform keeps its apps'
 * secrets, as the real one does, so that folder is not searched for leaked secrets), or in
 * the default place when a test wants the CLI's built-in sandbox to share it.
 */

static GPtrArray *sandboxes;

static void sandboxes_stop (void);

static const SecretSchema schema = {
  OP_CLI_TEST_SCHEMA, SECRET_SCHEMA_NONE,
  {
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "platform", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "app-key", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "issued-at", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "expires-in", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "expires-at", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "member-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "ali-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "resource-owner", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

void
op_cli_run_clear (OpCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Call first in main(), before anything asks GLib for the user's folders. */
void
op_cli_test_setup (gboolean with_keyring)
{
  g_autofree char *platform = NULL;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  op_test_env_setup (with_keyring ? OP_TEST_ENV_KEYRING : OP_TEST_ENV_EMPTY_BUS);

  platform = g_build_filename (op_test_env_get_scratch (), "platform", NULL);
  g_assert_cmpint (g_mkdir_with_parents (platform, 0700), ==, 0);
}

void
op_cli_test_teardown (void)
{
  sandboxes_stop ();
  op_test_env_teardown ();
}

const char *
op_cli_test_get_scratch (void)
{
  return op_test_env_get_scratch ();
}

/* meson test sets OPEN1688_BUILD_ROOT; run by hand, the build tree is found from this
 * test's own directory. */
static char *
build_path (const char *subdir,
            const char *name)
{
  const char *build_root = g_getenv ("OPEN1688_BUILD_ROOT");

  if (build_root != NULL)
    return g_build_filename (build_root, "src", subdir, name, NULL);

  return g_test_build_filename (G_TEST_BUILT, "..", "..", "src", subdir, name, NULL);
}

/* A test that fails aborts: its platform must not outlive it. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/**
 * op_cli_test_sandbox_start:
 * @db_path: (nullable): the database; %NULL for one in scratch/platform
 *
 * Starts the built open1688-sandbox on a free port of 127.0.0.1. It is stopped (SIGTERM,
 * which must end it cleanly) by op_cli_test_teardown().
 *
 * Returns: its base URL (the first line it prints)
 */
char *
op_cli_test_sandbox_start (const char *db_path)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = build_path ("service", "open1688-sandbox");
  g_autofree char *default_db = g_build_filename (op_test_env_get_scratch (), "platform",
                                                  "sandbox.db", NULL);
  g_autofree char *out_name = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *db_dir = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GSubprocess *process;

  if (sandboxes == NULL)
    sandboxes = g_ptr_array_new_with_free_func (g_object_unref);

  if (db_path == NULL)
    db_path = default_db;
  db_dir = g_path_get_dirname (db_path);
  g_assert_cmpint (g_mkdir_with_parents (db_dir, 0700), ==, 0);

  /* Its output goes to a file: a pipe nobody reads could fill up and stop it. */
  out_name = g_strdup_printf ("sandbox-%u.out", sandboxes->len);
  out_path = g_build_filename (op_test_env_get_scratch (), "platform", out_name, NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_set_stdout_file_path (launcher, out_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, program, "--port", "0", "--db",
                                         db_path, "--review", "manual", NULL);
  g_assert_no_error (error);
  g_ptr_array_add (sandboxes, process);

  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *contents = NULL;
      char *newline;

      if (g_file_get_contents (out_path, &contents, NULL, NULL) &&
          (newline = strchr (contents, '\n')) != NULL)
        {
          *newline = '\0';
          g_assert_true (g_str_has_prefix (contents, "http://127.0.0.1:"));
          return g_steal_pointer (&contents);
        }

      g_usleep (20 * 1000);
    }

  g_error ("open1688-sandbox did not start");
}

static void
sandboxes_stop (void)
{
  if (sandboxes == NULL)
    return;

  for (guint i = 0; i < sandboxes->len; i++)
    {
      GSubprocess *process = g_ptr_array_index (sandboxes, i);

      g_subprocess_send_signal (process, SIGTERM);
      g_subprocess_wait (process, NULL, NULL);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    }
  g_clear_pointer (&sandboxes, g_ptr_array_unref);
}

/**
 * op_cli_test_spawn:
 * @env: (nullable): NAME=VALUE strings that change the environment
 * @args: the arguments after the program name
 *
 * Starts the built open1688-cli in the test's environment.
 */
GSubprocess *
op_cli_test_spawn (GSubprocessFlags    flags,
                   const char * const *env,
                   const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, build_path ("cli", "open1688-cli"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (flags);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

/* Runs open1688-cli ARGS… with @input (nullable) on standard input, and waits. */
void
op_cli_test_run (OpCliRun           *run,
                 const char         *input,
                 const char * const *env,
                 const char * const *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  op_cli_run_clear (run);
  process = op_cli_test_spawn (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, env, args);

  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);

  {
    g_autofree char *line = g_strjoinv (" ", (char **) args);

    g_test_message ("open1688-cli %s → %d\nstdout: %s\nstderr: %s", line, run->status,
                    run->out, run->err);
  }
}

/* Nothing the command printed holds @secret. */
void
op_cli_test_assert_clean (OpCliRun   *run,
                          const char *secret)
{
  g_assert_nonnull (secret);
  g_assert_cmpuint (strlen (secret), >=, 8);
  g_assert_null (strstr (run->out, secret));
  g_assert_null (strstr (run->err, secret));
}

/* A browser: keeps cookies, does not follow redirects (the test does). */
SoupSession *
op_cli_test_browser_new (void)
{
  SoupSession *session = soup_session_new ();

  soup_session_add_feature_by_type (session, SOUP_TYPE_COOKIE_JAR);

  return session;
}

/* One request: GET, or POST of @form (urlencoded). Returns the body. */
GBytes *
op_cli_test_http (SoupSession  *session,
                  const char   *method,
                  const char   *url,
                  const char   *form,
                  guint        *status,
                  char        **location)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  g_assert_nonnull (message);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  if (form != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (message, "application/x-www-form-urlencoded",
                                                bytes);
    }

  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);

  *status = soup_message_get_status (message);
  if (location != NULL)
    *location = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                        "Location"));

  return body;
}

/* A request to the console API (/api/v1/PATH). */
JsonObject *
op_cli_test_console (const char *base_url,
                     const char *token,
                     const char *method,
                     const char *path,
                     const char *json_body,
                     guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (base_url, "/api/v1/", path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (message);
  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", bearer);
    }
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);

  if (g_bytes_get_size (body) == 0)
    return json_object_new ();

  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                              &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
console_ok (const char *base_url,
            const char *token,
            const char *method,
            const char *path,
            const char *json_body)
{
  guint status = 0;
  JsonObject *answer = op_cli_test_console (base_url, token, method, path, json_body, &status);

  if (status < 200 || status >= 300)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), answer);
      g_autofree char *text = json_to_string (node, FALSE);

      g_error ("%s %s: HTTP %u %s", method, path, status, text);
    }

  return answer;
}

/* Signs in as the test member through the console API and joins as a developer (入驻),
 * as the desktop app does. Returns the console session token. */
char *
op_cli_test_become_developer (const char *base_url)
{
  g_autoptr(JsonObject) session = NULL;
  g_autoptr(JsonObject) sms = NULL;
  g_autoptr(JsonObject) messages = NULL;
  g_autoptr(JsonObject) account = NULL;
  g_autofree char *token = NULL;
  g_autofree char *onboarding = NULL;
  JsonArray *list;
  const char *code;

  session = console_ok (base_url, NULL, "POST", "session",
                        "{\"login\":\"" OP_CLI_TEST_MEMBER "\",\"password\":\""
                        OP_CLI_TEST_PASSWORD "\"}");
  token = g_strdup (json_object_get_string_member (session, "token"));
  g_assert_nonnull (token);

  sms = console_ok (base_url, token, "POST", "onboarding/sms", "{\"mobile\":\"13800138000\"}");
  messages = console_ok (base_url, token, "GET", "sandbox/sms", NULL);
  list = json_object_get_array_member (messages, "messages");
  g_assert_cmpuint (json_array_get_length (list), >, 0);
  code = json_object_get_string_member (json_array_get_object_element (list, 0), "code");

  onboarding = g_strdup_printf ("{\"mobile\":\"13800138000\",\"sms_code\":\"%s\","
                                "\"contact_name\":\"测试\",\"email\":\"dev@example.com\","
                                "\"developer_type\":\"self_use\"}", code);
  account = console_ok (base_url, token, "POST", "onboarding", onboarding);

  return g_steal_pointer (&token);
}

/* Orders the test solution with a new app (订购): returns its AppKey and, once, its
 * AppSecret. */
char *
op_cli_test_order_app (const char  *base_url,
                       const char  *console_token,
                       char       **app_secret)
{
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *body = NULL;
  JsonObject *app;
  static guint counter;

  counter++;
  body = g_strdup_printf ("{\"new_app\":{\"name\":\"命令行测试%u\",\"app_type\":\"self_use\"}}",
                          counter);
  answer = console_ok (base_url, console_token, "POST",
                       "solutions/" OP_CLI_TEST_SOLUTION_ID "/orders", body);
  app = json_object_get_object_member (answer, "app");
  g_assert_nonnull (app);

  *app_secret = g_strdup (json_object_get_string_member (app, "app_secret"));
  g_assert_nonnull (*app_secret);

  return g_strdup (json_object_get_string_member (app, "app_key"));
}

static GHashTable *
attributes_new (const char *kind,
                const char *platform,
                const char *app_key,
                const char *account)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  if (kind != NULL)
    g_hash_table_insert (attributes, (gpointer) "kind", (gpointer) kind);
  g_hash_table_insert (attributes, (gpointer) "platform", (gpointer) platform);
  if (app_key != NULL)
    g_hash_table_insert (attributes, (gpointer) "app-key", (gpointer) app_key);
  if (account != NULL)
    g_hash_table_insert (attributes, (gpointer) "account", (gpointer) account);

  return attributes;
}

/* The secret the application's schema keeps for these attributes, or NULL. */
char *
op_cli_test_keyring_lookup (const char *kind,
                            const char *platform,
                            const char *app_key,
                            const char *account)
{
  g_autoptr(GHashTable) attributes = attributes_new (kind, platform, app_key, account);
  g_autoptr(GError) error = NULL;
  char *secret;
  char *copy;

  secret = secret_password_lookupv_sync (&schema, attributes, NULL, &error);
  g_assert_no_error (error);
  copy = g_strdup (secret);
  secret_password_free (secret);

  return copy;
}

/* Stores an item as the application would (to make a test's situation); @extra holds
 * more attributes, name then value, NULL-terminated. */
void
op_cli_test_keyring_store (const char         *kind,
                           const char         *platform,
                           const char         *app_key,
                           const char         *account,
                           const char * const *extra,
                           const char         *secret)
{
  g_autoptr(GHashTable) attributes = attributes_new (kind, platform, app_key, account);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; extra != NULL && extra[i] != NULL; i += 2)
    g_hash_table_insert (attributes, (gpointer) extra[i], (gpointer) extra[i + 1]);

  secret_password_storev_sync (&schema, attributes, SECRET_COLLECTION_DEFAULT, "test item",
                               secret, NULL, &error);
  g_assert_no_error (error);
}

/* Removes the items of one kind (or every kind, with %NULL) of an app on a platform. */
void
op_cli_test_keyring_clear (const char *kind,
                           const char *platform,
                           const char *app_key)
{
  g_autoptr(GHashTable) attributes = attributes_new (kind, platform, app_key, NULL);
  g_autoptr(GError) error = NULL;

  secret_password_clearv_sync (&schema, attributes, NULL, &error);
  g_assert_no_error (error);
}

/* The first file under the CLI's home, XDG folders or TMPDIR that holds @needle, or NULL
 * (the keyring's own file there is encrypted). */
char *
op_cli_test_find_in_files (const char *needle)
{
  g_assert_true (needle != NULL && strlen (needle) >= 8);

  return op_test_env_find_in_files (needle, NULL);
}

/* How many console sessions the platform in scratch/platform has open: a session ended
 * with DELETE /session is gone from its database. */
guint
op_cli_test_count_sessions (void)
{
  g_autofree char *db_path = g_build_filename (op_test_env_get_scratch (), "platform",
                                               "sandbox.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sessions", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return count;
}
