/* test-robustness.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "op-test-server.h"

/* Bad input of every kind gets a clear 4xx and changes nothing; the
 * standalone executable starts and stops cleanly; killing it at any moment
 * loses no acknowledged write. */

#define PURCHASE_SOLUTION G_GINT64_CONSTANT (1703167400001)
#define MIB (1024 * 1024)

static OpTestServer *server;
static char *token;

static OpTestAnswer *
post_raw (const char *path,
          const char *body,
          gssize      length)
{
  return op_test_call_full (server, "POST", path, token, "application/json", body, length, NULL);
}

static void
test_malformed_bodies (void)
{
  g_autofree char *before = op_test_db_snapshot (server);
  g_autofree char *after = NULL;
  g_autofree char *deep = NULL;
  static const char nul_body[] = "{\"login\": \"a\0b\"}";
  struct {
    const char *body;
    const char *code;
  } cases[] = {
    { "{", "invalid_json" },
    { "{\"login\": }", "invalid_json" },
    { "login=merchant", "invalid_json" },
    { "[1, 2]", "invalid_body" },
    { "null", "invalid_body" },
    { "\"text\"", "invalid_body" },
    { "{\"login\": \"\xff\xfe\"}", "invalid_utf8" },
    { "{\"login\": \"\xc0\xaf\", \"password\": \"x\"}", "invalid_utf8" },
    { "{\"login\": [], \"password\": {}}", "validation_failed" },
    { "{\"login\": \"merchant\", \"password\": \"sandbox\", \"admin\": true}", "validation_failed" },
    { "{\"login\": null, \"password\": null}", "validation_failed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OpTestAnswer) answer = post_raw ("/api/v1/session", cases[i].body, -1);
      g_autofree char *escaped = g_strescape (cases[i].body, NULL);

      g_test_message ("body %u: %s", i, escaped);
      op_test_assert_error (answer, 400, cases[i].code);
    }

  {
    g_autoptr(OpTestAnswer) answer = post_raw ("/api/v1/session", nul_body, sizeof nul_body - 1);

    /* GLib's UTF-8 check refuses an embedded NUL. */
    op_test_assert_error (answer, 400, "invalid_utf8");
  }

  /* Deep nesting is refused before the parser recurses. */
  deep = g_strnfill (200000, '[');
  {
    g_autoptr(OpTestAnswer) answer = post_raw ("/api/v1/session", deep, -1);

    op_test_assert_error (answer, 400, "invalid_json");
  }

  /* A lone surrogate escape. */
  {
    g_autoptr(OpTestAnswer) answer = post_raw ("/api/v1/session",
                                               "{\"login\": \"\\udc00\", \"password\": \"x\"}", -1);

    g_assert_cmpuint (answer->status, >=, 400);
    g_assert_cmpuint (answer->status, <, 500);
  }

  after = op_test_db_snapshot (server);
  g_assert_cmpstr (before, ==, after);
}

static void
test_huge_bodies (void)
{
  g_autofree char *before = op_test_db_snapshot (server);
  g_autofree char *after = NULL;
  g_autofree char *big = g_malloc (MIB + 2);
  g_autoptr(OpTestAnswer) too_large = NULL;
  g_autoptr(OpTestAnswer) just_fits = NULL;
  g_autoptr(OpTestAnswer) gateway = NULL;

  /* 1 MiB + 1 of an otherwise valid request. */
  memset (big, ' ', MIB + 1);
  memcpy (big, "{\"login\": \"merchant\", \"password\": \"sandbox\"}", 44);
  big[MIB + 1] = '\0';
  too_large = post_raw ("/api/v1/session", big, MIB + 1);
  op_test_assert_error (too_large, 413, "body_too_large");

  gateway = op_test_call_full (server, "POST", "/openapi/param2/1/com.alibaba.product/"
                               "alibaba.category.get/1234567", NULL,
                               "application/x-www-form-urlencoded", big, MIB + 1, NULL);
  g_assert_cmpuint (gateway->status, ==, 413);
  g_assert_nonnull (strstr (gateway->text, "error_code"));

  after = op_test_db_snapshot (server);
  g_assert_cmpstr (before, ==, after);

  /* Exactly 1 MiB is read (and this one is a valid sign-in). */
  just_fits = post_raw ("/api/v1/session", big, MIB);
  g_assert_cmpuint (just_fits->status, ==, 201);
}

/* A chunked body (no Content-Length) larger than 1 MiB. */
static void
test_huge_chunked_body (void)
{
  g_autofree char *url = g_strconcat (op_test_server_get_url (server), "/api/v1/session", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autofree char *big = g_strnfill (2 * MIB, ' ');
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_steal_pointer (&big),
                                                                          2 * MIB, g_free);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body (msg, "application/json", stream, -1);
  answer = soup_session_send_and_read (op_test_server_get_session (server), msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
}

static void
test_paths_and_methods (void)
{
  g_autofree char *before = op_test_db_snapshot (server);
  g_autofree char *after = NULL;
  struct {
    const char *method;
    const char *path;
    guint       status;
    const char *code;
  } cases[] = {
    { "GET", "/api/v1/orders/-1", 404, "not_found" },
    { "GET", "/api/v1/orders/0", 404, "not_found" },
    { "GET", "/api/v1/orders/99999999999999999999999", 404, "not_found" },
    { "GET", "/api/v1/orders/12abc", 404, "not_found" },
    { "GET", "/api/v1/orders/%FF", 404, "not_found" },
    /* libsoup itself refuses an escaped NUL in the path. */
    { "GET", "/api/v1/apps/%00", 400, NULL },
    { "GET", "/api/v1/solutions/1703167400001/orders", 405, "method_not_allowed" },
    { "DELETE", "/api/v1/apps", 405, "method_not_allowed" },
    { "PATCH", "/api/v1/account", 405, "method_not_allowed" },
    { "GET", "/api/v1/nothing/here", 404, "not_found" },
    { "GET", "/api/v2/account", 404, "not_found" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OpTestAnswer) answer = op_test_call_full (server, cases[i].method, cases[i].path,
                                                          token, NULL, NULL, -1, NULL);

      g_test_message ("%s %s", cases[i].method, cases[i].path);
      if (cases[i].code != NULL)
        op_test_assert_error (answer, cases[i].status, cases[i].code);
      else
        g_assert_cmpuint (answer->status, ==, cases[i].status);
    }

  after = op_test_db_snapshot (server);
  g_assert_cmpstr (before, ==, after);
}

/* --- The executable --------------------------------------------------- */

static GSubprocess *
spawn_sandbox (const char  *db_path,
               char       **base_url,
               GError     **error)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              error, OPEN1688_SANDBOX_PATH, "--port", "0", "--db", db_path,
                              "--review", "manual", NULL);
  if (process == NULL)
    return NULL;

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, error);
  if (line == NULL)
    return NULL;

  *base_url = g_steal_pointer (&line);

  return g_steal_pointer (&process);
}

static JsonNode *
http_json (SoupSession *session,
           const char  *method,
           const char  *url,
           const char  *bearer,
           const char  *body,
           guint       *status)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (bearer != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", bearer, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }

  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);

  return json_from_string (g_bytes_get_data (bytes, NULL), NULL);
}

static void
test_executable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("op-sandbox-exe-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "sandbox.db", NULL);
  g_autofree char *url = NULL;
  g_autofree char *login_url = NULL;
  g_autoptr(GSubprocess) process = spawn_sandbox (db, &url, &error);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(JsonNode) answer = NULL;
  guint status;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));

  login_url = g_strconcat (url, "/api/v1/session", NULL);
  answer = http_json (session, "POST", login_url, NULL,
                      "{\"login\": \"crossborder\", \"password\": \"sandbox\"}", &status);
  g_assert_cmpuint (status, ==, 201);

  /* A clean stop on SIGTERM. */
  g_subprocess_send_signal (process, SIGTERM);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  op_test_remove_dir (dir);
}

typedef struct
{
  char          *gateway_url;
  char          *body;
  volatile gint  acknowledged;
  volatile gint  sent;
  volatile gint  stop;
} Load;

static gpointer
load_thread (gpointer data)
{
  Load *load = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);

  while (!g_atomic_int_get (&load->stop))
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", load->gateway_url);
      g_autoptr(GBytes) request = g_bytes_new (load->body, strlen (load->body));
      g_autoptr(GBytes) answer = NULL;

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", request);
      g_atomic_int_inc (&load->sent);
      answer = soup_session_send_and_read (session, msg, NULL, NULL);
      if (answer == NULL)
        break;
      if (soup_message_get_status (msg) == 200)
        g_atomic_int_inc (&load->acknowledged);
    }

  return NULL;
}

static gint64
db_int (const char *db_path,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* SIGKILL while 4 threads call the gateway: after a restart every
 * acknowledged call is on record, no more than were sent, and the database
 * is consistent. Three rounds, killed at different moments. */
static void
test_kill_loses_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("op-sandbox-kill-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "sandbox.db", NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *app_key = NULL;
  g_autofree char *secret = NULL;
  gint64 acknowledged_total = 0;
  gint64 sent_total = 0;
  g_autofree char *count_sql = NULL;

  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *url = NULL;
      g_autoptr(GSubprocess) process = spawn_sandbox (db, &url, &error);
      GThread *threads[4];
      Load load = { 0, };

      g_assert_no_error (error);

      if (app_key == NULL)
        {
          g_autofree char *session_url = g_strconcat (url, "/api/v1/session", NULL);
          g_autofree char *sms_url = g_strconcat (url, "/api/v1/onboarding/sms", NULL);
          g_autofree char *inbox_url = g_strconcat (url, "/api/v1/sandbox/sms", NULL);
          g_autofree char *onboard_url = g_strconcat (url, "/api/v1/onboarding", NULL);
          g_autofree char *order_url = g_strdup_printf ("%s/api/v1/solutions/%" G_GINT64_FORMAT
                                                        "/orders", url, PURCHASE_SOLUTION);
          g_autofree char *onboard_body = NULL;
          g_autoptr(JsonNode) signed_in = NULL;
          g_autoptr(JsonNode) sms = NULL;
          g_autoptr(JsonNode) inbox = NULL;
          g_autoptr(JsonNode) onboarded = NULL;
          g_autoptr(JsonNode) ordered = NULL;
          guint status;
          const char *bearer;

          signed_in = http_json (session, "POST", session_url, NULL,
                                 "{\"login\": \"buyer\", \"password\": \"sandbox\"}", &status);
          bearer = op_test_string (signed_in, "token");
          sms = http_json (session, "POST", sms_url, bearer, "{\"mobile\": \"13800138000\"}", &status);
          inbox = http_json (session, "GET", inbox_url, bearer, NULL, &status);
          onboard_body = g_strdup_printf ("{\"mobile\": \"13800138000\", \"sms_code\": \"%s\", "
                                          "\"contact_name\": \"王五\", \"email\": \"w@example.com\", "
                                          "\"developer_type\": \"self_use\"}",
                                          op_test_string (inbox, "messages.0.code"));
          onboarded = http_json (session, "POST", onboard_url, bearer, onboard_body, &status);
          g_assert_cmpuint (status, ==, 201);
          ordered = http_json (session, "POST", order_url, bearer,
                               "{\"new_app\": {\"name\": \"断电测试\", \"app_type\": \"self_use\"}}",
                               &status);
          g_assert_cmpuint (status, ==, 201);
          app_key = g_strdup (op_test_string (ordered, "app.app_key"));
          secret = g_strdup (op_test_string (ordered, "app.app_secret"));
          count_sql = g_strdup_printf ("SELECT COALESCE(SUM(d.calls), 0) FROM app_days d JOIN apps a "
                                       "ON a.id = d.app_id WHERE a.app_key = '%s'", app_key);
        }

      {
        g_autoptr(OpRequest) request = op_request_new ("com.alibaba.product", "alibaba.category.get",
                                                       app_key);
        g_autofree char *path = NULL;

        op_request_set_param (request, "categoryID", "0");
        path = op_request_get_url_path (request);
        load.body = op_request_build_body (request, secret);
        load.gateway_url = g_strdup_printf ("%s/openapi/%s", url, path);
      }

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("load", load_thread, &load);

      g_usleep ((200 + 150 * round) * 1000);
      g_subprocess_force_exit (process);
      g_assert_true (g_subprocess_wait (process, NULL, &error));
      g_atomic_int_set (&load.stop, 1);

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_thread_join (threads[i]);

      acknowledged_total += g_atomic_int_get (&load.acknowledged);
      sent_total += g_atomic_int_get (&load.sent);
      g_test_message ("round %u: %d acknowledged of %d sent", round,
                      g_atomic_int_get (&load.acknowledged), g_atomic_int_get (&load.sent));

      g_assert_cmpint (g_atomic_int_get (&load.acknowledged), >, 0);
      g_assert_cmpint (db_int (db, count_sql), >=, acknowledged_total);
      g_assert_cmpint (db_int (db, count_sql), <=, sent_total);

      g_free (load.body);
      g_free (load.gateway_url);
    }

  /* The database is whole, and the service starts on it again. */
  {
    g_autofree char *url = NULL;
    g_autoptr(GSubprocess) process = spawn_sandbox (db, &url, &error);
    sqlite3 *handle = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    sqlite3_close (handle);

    g_subprocess_send_signal (process, SIGTERM);
    g_assert_true (g_subprocess_wait (process, NULL, &error));
  }

  op_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  OpServiceOptions options;
  int status;

  g_test_init (&argc, &argv, NULL);

  op_service_options_init (&options);
  options.review_mode = OP_REVIEW_MODE_MANUAL;
  server = op_test_server_new (&options);
  token = op_test_onboard (server, "merchant", "self_use");

  g_test_add_func ("/service/robustness/malformed-bodies", test_malformed_bodies);
  g_test_add_func ("/service/robustness/huge-bodies", test_huge_bodies);
  g_test_add_func ("/service/robustness/huge-chunked-body", test_huge_chunked_body);
  g_test_add_func ("/service/robustness/paths-and-methods", test_paths_and_methods);
  g_test_add_func ("/service/robustness/executable", test_executable);
  g_test_add_func ("/service/robustness/kill-loses-nothing", test_kill_loses_nothing);

  status = g_test_run ();

  g_free (token);
  op_test_server_free (server);

  return status;
}
