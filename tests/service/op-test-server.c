/* op-test-server.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-test-server.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

struct _OpTestServer
{
  char             *dir;
  char             *db_path;
  OpServiceOptions  options;
  gboolean          has_options;
  GThread          *thread;
  GMainContext     *context;
  GMainLoop        *loop;
  char             *url;
  char             *error;
  GMutex            mutex;
  GCond             cond;
  gboolean          ready;
  SoupSession      *session;
};

static gpointer
server_thread (gpointer data)
{
  OpTestServer *server = data;
  g_autoptr(OpService) service = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (server->context);

  service = op_service_new (server->db_path, server->has_options ? &server->options : NULL, &error);
  if (service != NULL)
    op_service_listen (service, "127.0.0.1", 0, &error);

  g_mutex_lock (&server->mutex);
  if (error != NULL)
    server->error = g_strdup (error->message);
  else
    server->url = g_strdup (op_service_get_base_url (service));
  server->ready = TRUE;
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->mutex);

  if (error == NULL)
    g_main_loop_run (server->loop);

  if (service != NULL)
    op_service_stop (service);
  g_clear_object (&service);

  /* Let the sources the server leaves behind run their course. */
  while (g_main_context_iteration (server->context, FALSE))
    ;

  g_main_context_pop_thread_default (server->context);

  return NULL;
}

static void
start (OpTestServer *server)
{
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->ready = FALSE;

  server->thread = g_thread_new ("test-service", server_thread, server);

  g_mutex_lock (&server->mutex);
  while (!server->ready)
    g_cond_wait (&server->cond, &server->mutex);
  g_mutex_unlock (&server->mutex);

  if (server->error != NULL)
    g_error ("The service did not start: %s", server->error);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static void
stop (OpTestServer *server)
{
  if (server->thread == NULL)
    return;

  g_main_context_invoke (server->context, quit_cb, server->loop);
  g_thread_join (server->thread);
  server->thread = NULL;

  g_clear_pointer (&server->loop, g_main_loop_unref);
  g_clear_pointer (&server->context, g_main_context_unref);
  g_clear_pointer (&server->url, g_free);
}

/**
 * op_test_server_new_at:
 * @db_path: (nullable): the database, or %NULL for a new one in a
 *   temporary folder (removed by op_test_server_free())
 * @options: (nullable): service options
 */
OpTestServer *
op_test_server_new_at (const char             *db_path,
                       const OpServiceOptions *options)
{
  OpTestServer *server = g_new0 (OpTestServer, 1);
  g_autoptr(GError) error = NULL;

  g_mutex_init (&server->mutex);
  g_cond_init (&server->cond);

  if (db_path == NULL)
    {
      server->dir = g_dir_make_tmp ("op-service-test-XXXXXX", &error);
      g_assert_no_error (error);
      server->db_path = g_build_filename (server->dir, "sandbox.db", NULL);
    }
  else
    server->db_path = g_strdup (db_path);

  if (options != NULL)
    {
      server->options = *options;
      server->has_options = TRUE;
    }

  server->session = soup_session_new_with_options ("timeout", 30, "max-conns", 200,
                                                   "max-conns-per-host", 200, NULL);
  start (server);

  return server;
}

OpTestServer *
op_test_server_new (const OpServiceOptions *options)
{
  return op_test_server_new_at (NULL, options);
}

/* Stops the service and starts a new one on the same database (a restart:
 * the new one has another port). */
void
op_test_server_restart (OpTestServer *server)
{
  stop (server);
  soup_session_abort (server->session);
  start (server);
}

void
op_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }

  g_rmdir (dir);
}

void
op_test_server_free (OpTestServer *server)
{
  if (server == NULL)
    return;

  stop (server);
  g_clear_object (&server->session);

  if (server->dir != NULL)
    op_test_remove_dir (server->dir);

  g_free (server->dir);
  g_free (server->db_path);
  g_free (server->error);
  g_mutex_clear (&server->mutex);
  g_cond_clear (&server->cond);
  g_free (server);
}

const char *
op_test_server_get_url (OpTestServer *server)
{
  return server->url;
}

const char *
op_test_server_get_db_path (OpTestServer *server)
{
  return server->db_path;
}

SoupSession *
op_test_server_get_session (OpTestServer *server)
{
  return server->session;
}

void
op_test_answer_free (OpTestAnswer *answer)
{
  if (answer == NULL)
    return;

  g_clear_pointer (&answer->body, json_node_unref);
  g_clear_pointer (&answer->headers, soup_message_headers_unref);
  g_free (answer->text);
  g_free (answer);
}

OpTestAnswer *
op_test_call_full (OpTestServer *server,
                   const char   *method,
                   const char   *path,
                   const char   *token,
                   const char   *content_type,
                   const char   *body,
                   gssize        body_length,
                   const char   *accept_language)
{
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  OpTestAnswer *answer = g_new0 (OpTestAnswer, 1);
  const char *type;

  url = g_strconcat (server->url, path, NULL);
  msg = soup_message_new (method, url);
  g_assert_nonnull (msg);

  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }

  if (accept_language != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Accept-Language", accept_language);

  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, body_length < 0 ? strlen (body) : (gsize) body_length);

      soup_message_set_request_body_from_bytes (msg, content_type, request);
    }

  bytes = soup_session_send_and_read (server->session, msg, NULL, &error);
  g_assert_no_error (error);

  answer->status = soup_message_get_status (msg);
  answer->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  answer->text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  type = soup_message_headers_get_content_type (answer->headers, NULL);
  if (type != NULL && g_str_equal (type, "application/json"))
    {
      answer->body = json_from_string (answer->text, &error);
      g_assert_no_error (error);
    }

  return answer;
}

OpTestAnswer *
op_test_call (OpTestServer *server,
              const char   *method,
              const char   *path,
              const char   *token,
              const char   *body)
{
  g_autofree char *full = g_strconcat ("/api/v1", path, NULL);

  return op_test_call_full (server, method, full, token,
                            body != NULL ? "application/json" : NULL, body, -1, NULL);
}

char *
op_test_login (OpTestServer *server,
               const char   *login)
{
  g_autofree char *body = g_strdup_printf ("{\"login\": \"%s\", \"password\": \"sandbox\"}", login);
  g_autoptr(OpTestAnswer) answer = op_test_call (server, "POST", "/session", NULL, body);

  g_assert_cmpuint (answer->status, ==, 201);

  return g_strdup (op_test_string (answer->body, "token"));
}

/* Signs in and completes onboarding (入驻) through the API, SMS included. */
char *
op_test_onboard (OpTestServer *server,
                 const char   *login,
                 const char   *developer_type)
{
  g_autofree char *token = op_test_login (server, login);
  g_autoptr(OpTestAnswer) sms = NULL;
  g_autoptr(OpTestAnswer) inbox = NULL;
  g_autoptr(OpTestAnswer) done = NULL;
  g_autofree char *body = NULL;
  const char *code;

  sms = op_test_call (server, "POST", "/onboarding/sms", token, "{\"mobile\": \"13800138000\"}");
  g_assert_cmpuint (sms->status, ==, 202);

  inbox = op_test_call (server, "GET", "/sandbox/sms", token, NULL);
  g_assert_cmpuint (inbox->status, ==, 200);
  code = op_test_string (inbox->body, "messages.0.code");
  g_assert_nonnull (code);

  body = g_strdup_printf ("{\"mobile\": \"13800138000\", \"sms_code\": \"%s\", "
                          "\"contact_name\": \"张三\", \"email\": \"dev@example.com\", "
                          "\"developer_type\": \"%s\", \"company_name\": \"沙箱科技有限公司\"}",
                          code, developer_type);
  done = op_test_call (server, "POST", "/onboarding", token, body);
  g_assert_cmpuint (done->status, ==, 201);

  return g_steal_pointer (&token);
}

/* Orders @solution_id with a new app; returns the answer {order, app}. */
JsonObject *
op_test_create_app (OpTestServer *server,
                    const char   *token,
                    gint64        solution_id,
                    const char   *app_type)
{
  g_autofree char *path = g_strdup_printf ("/solutions/%" G_GINT64_FORMAT "/orders", solution_id);
  g_autofree char *body = g_strdup_printf ("{\"new_app\": {\"name\": \"沙箱测试应用\", "
                                           "\"description\": \"测试\", \"app_type\": \"%s\"}}",
                                           app_type);
  g_autoptr(OpTestAnswer) answer = op_test_call (server, "POST", path, token, body);

  if (answer->status != 201)
    g_error ("Ordering failed: %u %s", answer->status, answer->text);

  return json_object_ref (json_node_get_object (answer->body));
}

/* Follows a dotted path: "error.fields.name", "messages.0.code". */
JsonNode *
op_test_member (JsonNode   *node,
                const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; node != NULL && parts[i] != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), parts[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          guint64 index;
          JsonArray *array = json_node_get_array (node);

          if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT, &index, NULL) ||
              index >= json_array_get_length (array))
            return NULL;
          node = json_array_get_element (array, index);
        }
      else
        return NULL;
    }

  return node;
}

const char *
op_test_string (JsonNode   *node,
                const char *path)
{
  JsonNode *member = op_test_member (node, path);

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

gint64
op_test_int (JsonNode   *node,
             const char *path)
{
  JsonNode *member = op_test_member (node, path);

  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_VALUE (member));
  g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_INT64);

  return json_node_get_int (member);
}

gboolean
op_test_bool (JsonNode   *node,
              const char *path)
{
  JsonNode *member = op_test_member (node, path);

  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_VALUE (member));
  g_assert_cmpint (json_node_get_value_type (member), ==, G_TYPE_BOOLEAN);

  return json_node_get_boolean (member);
}

guint
op_test_length (JsonNode   *node,
                const char *path)
{
  JsonNode *member = op_test_member (node, path);

  g_assert_nonnull (member);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (member));

  return json_array_get_length (json_node_get_array (member));
}

static sqlite3 *
open_db (OpTestServer *server)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (server->db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);

  return db;
}

char *
op_test_sql_string (OpTestServer *server,
                    const char   *sql)
{
  sqlite3 *db = open_db (server);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

gint64
op_test_sql_int (OpTestServer *server,
                 const char   *sql)
{
  g_autofree char *text = op_test_sql_string (server, sql);

  g_assert_nonnull (text);

  return g_ascii_strtoll (text, NULL, 10);
}

void
op_test_sql_exec (OpTestServer *server,
                  const char   *sql)
{
  sqlite3 *db = open_db (server);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Every row of every table, as text: equal snapshots mean nothing changed. */
char *
op_test_db_snapshot (OpTestServer *server)
{
  sqlite3 *db = open_db (server);
  sqlite3_stmt *tables = NULL;
  GString *dump = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "ORDER BY name", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2",
                                              sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (dump, "[%s]\n", sqlite3_column_text (tables, 0));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (rows, i));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  return g_string_free (dump, FALSE);
}

/* Sends @request signed with @secret as a POST form to the gateway. */
OpTestAnswer *
op_test_gateway (OpTestServer *server,
                 OpRequest    *request,
                 const char   *secret)
{
  g_autofree char *body = op_request_build_body (request, secret);
  g_autofree char *path = op_request_get_url_path (request);
  g_autofree char *full = g_strconcat ("/openapi/", path, NULL);

  return op_test_call_full (server, "POST", full, NULL,
                            "application/x-www-form-urlencoded; charset=UTF-8", body, -1, NULL);
}

static SoupMessage *
no_redirect_message (const char *method,
                     const char *url)
{
  SoupMessage *msg = soup_message_new (method, url);

  g_assert_nonnull (msg);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);

  return msg;
}

static char *
send_text (SoupSession *session,
           SoupMessage *msg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read (session, msg, NULL, &error);

  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GBytes *
form_bytes (char **text)
{
  gsize length = strlen (*text);

  return g_bytes_new_take (g_steal_pointer (text), length);
}

static char *
extract (const char *text,
         const char *before,
         const char *after)
{
  const char *start = strstr (text, before);
  const char *end;

  g_assert_nonnull (start);
  start += strlen (before);
  end = strstr (start, after);
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

/* Runs the whole browser side of OAuth (sign in, grant) and the token
 * exchange; returns the access token. */
char *
op_test_oauth_token (OpTestServer  *server,
                     const char    *app_key,
                     const char    *secret,
                     const char    *login,
                     char         **refresh_token)
{
  const char *redirect = "http://127.0.0.1:9/callback";
  g_autofree char *url = g_strdup_printf ("%s/oauth/authorize", server->url);
  g_autofree char *form = NULL;
  g_autofree char *page = NULL;
  g_autofree char *form_token = NULL;
  g_autofree char *cookie_header = NULL;
  g_autofree char *code = NULL;
  g_autofree char *token_body = NULL;
  g_autofree char *token_url = NULL;
  g_autofree char *answer_text = NULL;
  g_autoptr(SoupMessage) sign_in = NULL;
  g_autoptr(SoupMessage) grant = NULL;
  g_autoptr(SoupMessage) token = NULL;
  g_autoptr(JsonNode) answer = NULL;
  const char *cookie;
  const char *location;

  form = soup_form_encode ("client_id", app_key, "site", "1688", "redirect_uri", redirect,
                           "state", "xyz", "action", "login", "login", login,
                           "password", "sandbox", NULL);
  sign_in = no_redirect_message ("POST", url);
  soup_message_set_request_body_from_bytes (sign_in, "application/x-www-form-urlencoded",
                                            form_bytes (&form));
  page = send_text (server->session, sign_in);
  g_assert_cmpuint (soup_message_get_status (sign_in), ==, 200);
  cookie = soup_message_headers_get_one (soup_message_get_response_headers (sign_in), "Set-Cookie");
  g_assert_nonnull (cookie);
  cookie_header = g_strndup (cookie, strchr (cookie, ';') - cookie);
  form_token = extract (page, "name=\"form_token\" value=\"", "\"");

  form = soup_form_encode ("client_id", app_key, "site", "1688", "redirect_uri", redirect,
                           "state", "xyz", "action", "grant", "form_token", form_token, NULL);
  grant = no_redirect_message ("POST", url);
  soup_message_headers_replace (soup_message_get_request_headers (grant), "Cookie", cookie_header);
  soup_message_set_request_body_from_bytes (grant, "application/x-www-form-urlencoded",
                                            form_bytes (&form));
  g_free (send_text (server->session, grant));
  g_assert_cmpuint (soup_message_get_status (grant), ==, 302);
  location = soup_message_headers_get_one (soup_message_get_response_headers (grant), "Location");
  g_assert_true (g_str_has_prefix (location, redirect));
  code = extract (location, "code=", "&");

  token_url = g_strdup_printf ("%s/openapi/http/1/system.oauth2/getToken/%s", server->url, app_key);
  token_body = soup_form_encode ("grant_type", "authorization_code", "need_refresh_token", "true",
                                 "client_id", app_key, "client_secret", secret,
                                 "redirect_uri", redirect, "code", code, NULL);
  token = no_redirect_message ("POST", token_url);
  soup_message_set_request_body_from_bytes (token, "application/x-www-form-urlencoded",
                                            form_bytes (&token_body));
  answer_text = send_text (server->session, token);
  g_assert_cmpuint (soup_message_get_status (token), ==, 200);
  answer = json_from_string (answer_text, NULL);
  g_assert_nonnull (answer);

  if (refresh_token != NULL)
    *refresh_token = g_strdup (op_test_string (answer, "refresh_token"));

  return g_strdup (op_test_string (answer, "access_token"));
}

/* Polls until @sql gives @expected (the automatic reviewer runs on the
 * service's thread); fails after 10 s. */
void
op_test_wait_for_sql (OpTestServer *server,
                      const char   *sql,
                      gint64        expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (op_test_sql_int (server, sql) != expected)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s = %" G_GINT64_FORMAT, sql, expected);
      g_usleep (20 * 1000);
    }
}

/* The reason given for @field (which may contain dots) in a 400 answer. */
const char *
op_test_field_error (JsonNode   *node,
                     const char *field)
{
  JsonNode *fields = op_test_member (node, "error.fields");

  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    return NULL;

  return json_object_get_string_member_with_default (json_node_get_object (fields), field, NULL);
}
