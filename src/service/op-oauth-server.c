/* op-oauth-server.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-oauth-server"

#include "config.h"

#include "op-oauth-server.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "op-html.h"
#include "op-quota.h"
#include "op-secrets.h"
#include "op-service-private.h"

/* OAuth 2.0 as the platform does it (protocol.md):
 * - /oauth/authorize: the member signs in (when the browser has no
 *   platform session) and grants the app; the browser goes back to
 *   redirect_uri with code and state. redirect_uri must be on the host of
 *   the app's callback address, or on a loopback address (desktop apps).
 * - …/system.oauth2/getToken/{appKey}: authorization_code (code valid 2
 *   minutes, once) and refresh_token;
 * - …/system.oauth2/postponeToken/{appKey}: a new refresh token within the
 *   last 30 days of the old one.
 * Error answers of the token endpoint follow RFC 6749 §5.2
 * ({"error", "error_description"}) [uncertain: the platform's exact shape
 * is not published]. */

#define SESSION_COOKIE "op_session"
#define SESSION_LIFETIME (7 * 24 * 3600)

typedef struct
{
  gint64  id;
  char   *name;
  char   *secret;
  char   *callback_url;
} App;

static void
app_clear (App *app)
{
  g_clear_pointer (&app->name, g_free);
  g_clear_pointer (&app->secret, g_free);
  g_clear_pointer (&app->callback_url, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (App, app_clear)

static gboolean
load_app (OpStore     *store,
          const char  *app_key,
          App         *app,
          GError     **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  if (app_key == NULL)
    return TRUE;

  stmt = op_store_query (store, error,
                         "SELECT id, name, secret, callback_url FROM apps WHERE app_key = ?1",
                         "s", app_key);
  if (stmt == NULL || (rc = op_store_step (store, stmt, error)) < 0)
    return FALSE;

  if (rc == SQLITE_ROW)
    {
      app->id = sqlite3_column_int64 (stmt, 0);
      app->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      app->secret = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      app->callback_url = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }

  return TRUE;
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * redirect_allowed:
 * @app: the app
 * @redirect_uri: where the browser should go back to
 *
 * Returns: %TRUE when @redirect_uri is an http(s) URL on the host of the
 *   app's callback address, or on a loopback address
 */
static gboolean
redirect_allowed (App        *app,
                  const char *redirect_uri)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) callback = NULL;
  const char *scheme;

  if (redirect_uri == NULL)
    return FALSE;

  uri = g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_fragment (uri) != NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    return FALSE;

  if (is_loopback_host (g_uri_get_host (uri)))
    return TRUE;

  if (app->callback_url == NULL)
    return FALSE;

  callback = g_uri_parse (app->callback_url, G_URI_FLAGS_NONE, NULL);

  return callback != NULL &&
         g_ascii_strcasecmp (scheme, "https") == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (uri), g_uri_get_host (callback)) == 0;
}

static void
send_page (SoupServerMessage *msg,
           guint              status,
           const char        *title,
           const char        *body)
{
  g_autofree char *html = op_html_page (title, body);

  _op_service_send_html (msg, status, html);
}

static void
send_problem (SoupServerMessage *msg,
              guint              status,
              const char        *text)
{
  g_autofree char *body = g_markup_printf_escaped ("<p class=\"error\">%s</p>", text);

  send_page (msg, status, "无法授权", body);
}

/* The session of the browser, from the op_session cookie. */
static gboolean
browser_session (OpStore            *store,
                 SoupServerMessage  *msg,
                 gint64             *account_id,
                 char              **session_hash,
                 GError            **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *header = soup_message_headers_get_list (headers, "Cookie");
  g_auto(GStrv) parts = NULL;
  g_autoptr(OpStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  const char *token = NULL;
  int rc;

  *account_id = 0;
  if (header == NULL)
    return TRUE;

  parts = g_strsplit (header, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);

      if (g_str_has_prefix (part, SESSION_COOKIE "="))
        token = part + strlen (SESSION_COOKIE "=");
    }

  if (token == NULL || token[0] == '\0')
    return TRUE;

  hash = op_secrets_hash_token (token);
  stmt = op_store_query (store, error,
                         "SELECT account_id FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
                         "si", hash, g_get_real_time () / G_USEC_PER_SEC);
  if (stmt == NULL || (rc = op_store_step (store, stmt, error)) < 0)
    return FALSE;

  if (rc == SQLITE_ROW)
    {
      *account_id = sqlite3_column_int64 (stmt, 0);
      *session_hash = g_steal_pointer (&hash);
    }

  return TRUE;
}

/* A value tying the grant form to the browser session (against cross-site
 * form posts): derived from the session, so nothing is stored. */
static char *
form_token (const char *session_hash)
{
  g_autofree char *text = g_strconcat ("grant:", session_hash, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static GHashTable *
request_fields (GHashTable *form)
{
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  static const char * const names[] = { "client_id", "redirect_uri", "state", "site" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *value = op_html_form_value (form, names[i]);

      if (value != NULL)
        g_hash_table_insert (fields, (gpointer) names[i], value);
    }

  return fields;
}

static void
send_sign_in (SoupServerMessage *msg,
              App               *app,
              GHashTable        *fields,
              const char        *problem)
{
  g_autofree char *hidden = op_html_hidden_fields (fields);
  g_autofree char *intro = NULL;
  g_autofree char *error_html = NULL;
  g_autofree char *body = NULL;

  intro = g_markup_printf_escaped ("<p>应用“%s”请求访问您的1688账号。请先登录。</p>", app->name);
  if (problem != NULL)
    error_html = g_markup_printf_escaped ("<p class=\"error\">%s</p>", problem);

  body = g_strconcat (intro, error_html != NULL ? error_html : "",
                      "<form method=\"post\" action=\"/oauth/authorize\">", hidden,
                      "<input type=\"hidden\" name=\"action\" value=\"login\">"
                      "<label for=\"login\">会员名</label>"
                      "<input type=\"text\" id=\"login\" name=\"login\" autocomplete=\"username\">"
                      "<label for=\"password\">密码</label>"
                      "<input type=\"password\" id=\"password\" name=\"password\" "
                      "autocomplete=\"current-password\">"
                      "<button type=\"submit\" class=\"primary\">登录</button></form>", NULL);

  send_page (msg, problem != NULL ? SOUP_STATUS_UNAUTHORIZED : SOUP_STATUS_OK, "登录", body);
}

static gboolean
send_grant (OpStore           *store,
            SoupServerMessage *msg,
            App               *app,
            GHashTable        *fields,
            gint64             account_id,
            const char        *session_hash,
            GError           **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autofree char *hidden = op_html_hidden_fields (fields);
  g_autofree char *token = form_token (session_hash);
  g_autofree char *intro = NULL;
  g_autofree char *body = NULL;
  g_autofree char *token_input = NULL;

  stmt = op_store_query (store, error, "SELECT display_name, login FROM accounts WHERE id = ?1",
                         "i", account_id);
  if (stmt == NULL || op_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  intro = g_markup_printf_escaped ("<p>应用“%s”（AppKey %s）请求获得以下授权：</p>"
                                   "<ul><li>以您的身份调用1688开放平台 API</li></ul>"
                                   "<p>当前登录：%s（%s）</p>",
                                   app->name,
                                   (const char *) g_hash_table_lookup (fields, "client_id"),
                                   (const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1));
  token_input = g_markup_printf_escaped ("<input type=\"hidden\" name=\"form_token\" value=\"%s\">",
                                         token);

  body = g_strconcat (intro,
                      "<form method=\"post\" action=\"/oauth/authorize\">", hidden, token_input,
                      "<button type=\"submit\" class=\"primary\" name=\"action\" value=\"grant\">"
                      "授权</button> "
                      "<button type=\"submit\" name=\"action\" value=\"deny\">取消</button></form>",
                      NULL);

  send_page (msg, SOUP_STATUS_OK, "授权", body);

  return TRUE;
}

static char *
redirect_with (const char *redirect_uri,
               const char *first_key,
               ...)
{
  GString *url = g_string_new (redirect_uri);
  gboolean has_query = strchr (redirect_uri, '?') != NULL;
  va_list args;

  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL)
        continue;

      g_string_append_c (url, has_query ? '&' : '?');
      g_string_append_uri_escaped (url, key, NULL, FALSE);
      g_string_append_c (url, '=');
      g_string_append_uri_escaped (url, value, NULL, FALSE);
      has_query = TRUE;
    }
  va_end (args);

  return g_string_free (url, FALSE);
}

static void
send_redirect (SoupServerMessage *msg,
               const char        *location)
{
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
}

static gboolean
sign_in (OpStore            *store,
         SoupServerMessage  *msg,
         GHashTable         *form,
         gint64             *account_id,
         char              **session_hash,
         GError            **error)
{
  g_autofree char *login = op_html_form_value (form, "login");
  g_autofree char *password = op_html_form_value (form, "password");
  g_autofree char *token = NULL;
  g_autofree char *cookie = NULL;
  g_autoptr(OpStmt) stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  int rc;

  *account_id = 0;
  if (login == NULL || password == NULL)
    return TRUE;

  stmt = op_store_query (store, error, "SELECT id, password_hash FROM accounts WHERE login = ?1",
                         "s", login);
  if (stmt == NULL || (rc = op_store_step (store, stmt, error)) < 0)
    return FALSE;

  if (rc != SQLITE_ROW ||
      !op_secrets_check_password (password, (const char *) sqlite3_column_text (stmt, 1)))
    return TRUE;

  *account_id = sqlite3_column_int64 (stmt, 0);
  op_stmt_release (g_steal_pointer (&stmt));

  token = op_secrets_random_token ();
  *session_hash = op_secrets_hash_token (token);
  if (!op_store_run (store, error,
                     "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) "
                     "VALUES (?1, ?2, ?3, ?4)",
                     "siii", *session_hash, *account_id, now, now + SESSION_LIFETIME))
    return FALSE;

  cookie = g_strdup_printf ("%s=%s; Path=/oauth; HttpOnly; SameSite=Lax; Max-Age=%d",
                            SESSION_COOKIE, token, SESSION_LIFETIME);
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie", cookie);

  return TRUE;
}

static gboolean
issue_code (OpStore     *store,
            App         *app,
            gint64       account_id,
            const char  *redirect_uri,
            char       **code,
            GError     **error)
{
  g_autofree char *hash = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  *code = op_secrets_random_token ();
  hash = op_secrets_hash_token (*code);

  return op_store_run (store, error,
                       "INSERT INTO oauth_codes (code_hash, app_id, account_id, redirect_uri, "
                       "created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       "siisii", hash, app->id, account_id, redirect_uri, now,
                       now + OP_OAUTH_CODE_LIFETIME);
}

/* The body of the authorize exchange, inside its transaction. Returns FALSE
 * on a store error (then nothing was sent). */
static gboolean
authorize (OpStore            *store,
           SoupServerMessage  *msg,
           GHashTable         *form,
           GError            **error)
{
  g_autoptr(GHashTable) fields = request_fields (form);
  g_auto(App) app = { 0, };
  g_autofree char *action = op_html_form_value (form, "action");
  g_autofree char *session_hash = NULL;
  const char *redirect_uri = g_hash_table_lookup (fields, "redirect_uri");
  const char *state = g_hash_table_lookup (fields, "state");
  gboolean post = g_str_equal (soup_server_message_get_method (msg), "POST");
  gint64 account_id = 0;

  if (!load_app (store, g_hash_table_lookup (fields, "client_id"), &app, error))
    return FALSE;

  if (app.id == 0)
    {
      send_problem (msg, SOUP_STATUS_BAD_REQUEST, "client_id 不是有效的 AppKey。");
      return TRUE;
    }

  if (!redirect_allowed (&app, redirect_uri))
    {
      send_problem (msg, SOUP_STATUS_BAD_REQUEST,
                    "redirect_uri 与应用的授权回调地址不符（其域名须与回调地址一致，"
                    "桌面应用可使用本机回环地址）。");
      return TRUE;
    }

  if (post && g_strcmp0 (action, "login") == 0)
    {
      if (!sign_in (store, msg, form, &account_id, &session_hash, error))
        return FALSE;
      if (account_id == 0)
        {
          send_sign_in (msg, &app, fields, "会员名或密码错误。");
          return TRUE;
        }
      return send_grant (store, msg, &app, fields, account_id, session_hash, error);
    }

  if (!browser_session (store, msg, &account_id, &session_hash, error))
    return FALSE;

  if (account_id == 0)
    {
      send_sign_in (msg, &app, fields, NULL);
      return TRUE;
    }

  if (!post)
    return send_grant (store, msg, &app, fields, account_id, session_hash, error);

  {
    g_autofree char *expected = form_token (session_hash);
    g_autofree char *given = op_html_form_value (form, "form_token");

    if (!op_secrets_equal (expected, given))
      {
        send_problem (msg, SOUP_STATUS_FORBIDDEN, "授权页面已失效，请返回应用重新发起授权。");
        return TRUE;
      }
  }

  if (g_strcmp0 (action, "grant") == 0)
    {
      g_autofree char *code = NULL;
      g_autofree char *location = NULL;

      if (!issue_code (store, &app, account_id, redirect_uri, &code, error))
        return FALSE;

      location = redirect_with (redirect_uri, "code", code, "state", state, NULL);
      send_redirect (msg, location);
    }
  else
    {
      g_autofree char *location = redirect_with (redirect_uri, "error", "access_denied",
                                                 "state", state, NULL);

      send_redirect (msg, location);
    }

  return TRUE;
}

static GHashTable *
read_form (SoupServerMessage *msg,
           GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    return query != NULL ? g_hash_table_ref (query) : g_hash_table_new (g_str_hash, g_str_equal);

  if (g_strcmp0 (type, "application/x-www-form-urlencoded") != 0)
    return g_hash_table_new (g_str_hash, g_str_equal);

  bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return soup_form_decode (text);
}

/**
 * op_oauth_server_handle_authorize:
 * @server: the server
 * @msg: a request under /oauth
 * @path: its path
 * @query: (nullable): its query
 * @user_data: the OpService
 *
 * The authorize page (GET) and its forms (POST).
 */
void
op_oauth_server_handle_authorize (SoupServer        *server,
                                  SoupServerMessage *msg,
                                  const char        *path,
                                  GHashTable        *query,
                                  gpointer           user_data)
{
  OpService *service = user_data;
  OpStore *store = op_service_get_store (service);
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GError) error = NULL;
  const char *method = soup_server_message_get_method (msg);

  if (!g_str_equal (path, "/oauth/authorize"))
    {
      send_problem (msg, SOUP_STATUS_NOT_FOUND, "页面不存在。");
      return;
    }

  if (!g_str_equal (method, "GET") && !g_str_equal (method, "POST"))
    {
      send_problem (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "不支持该请求方法。");
      return;
    }

  form = read_form (msg, query);

  if (!op_store_begin (store, &error))
    {
      g_warning ("Authorize: %s", error->message);
      send_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "平台暂时无法处理，请重试。");
      return;
    }

  if (!authorize (store, msg, form, &error) ||
      (soup_server_message_get_status (msg) < 400 && !op_store_commit (store, &error)))
    {
      op_store_rollback (store);
      soup_message_headers_remove (soup_server_message_get_response_headers (msg), "Set-Cookie");
      g_warning ("Authorize: %s", error != NULL ? error->message : "?");
      send_problem (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "平台暂时无法处理，请重试。");
      return;
    }

  if (soup_server_message_get_status (msg) >= 400)
    op_store_rollback (store);
}

/* --- The token endpoint ------------------------------------------------ */

static void
send_token_error (SoupServerMessage *msg,
                  guint              status,
                  const char        *code,
                  const char        *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "error_description");
  json_builder_add_string_value (builder, description);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json;charset=UTF-8", SOUP_MEMORY_TAKE,
                                    text, strlen (text));
}

/* yyyyMMddHHmmssSSS+0800, the platform's date format. */
static char *
platform_timestamp (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GTimeZone) zone = op_quota_platform_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autofree char *text = g_date_time_format (local, "%Y%m%d%H%M%S");

  return g_strconcat (text, "000+0800", NULL);
}

typedef struct
{
  gint64  grant_id;
  gint64  account_id;
  gint64  refresh_expires_at;
  char   *access_token;
  char   *refresh_token;   /* only when issued now */
} Issued;

static void
issued_clear (Issued *issued)
{
  g_clear_pointer (&issued->access_token, g_free);
  g_clear_pointer (&issued->refresh_token, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Issued, issued_clear)

static gboolean
issue_access_token (OpStore  *store,
                    Issued   *issued,
                    gint64    now,
                    GError  **error)
{
  g_autofree char *hash = NULL;

  issued->access_token = op_secrets_random_token ();
  hash = op_secrets_hash_token (issued->access_token);

  return op_store_run (store, error,
                       "INSERT INTO oauth_access_tokens (access_hash, grant_id, expires_at) "
                       "VALUES (?1, ?2, ?3)",
                       "sii", hash, issued->grant_id, now + OP_OAUTH_ACCESS_TOKEN_LIFETIME);
}

static gboolean
issue_refresh_token (OpStore  *store,
                     Issued   *issued,
                     gint64    now,
                     GError  **error)
{
  g_autofree char *hash = NULL;

  issued->refresh_token = op_secrets_random_token ();
  issued->refresh_expires_at = now + OP_OAUTH_REFRESH_TOKEN_LIFETIME;
  hash = op_secrets_hash_token (issued->refresh_token);

  return op_store_run (store, error,
                       "UPDATE oauth_grants SET refresh_hash = ?2, refresh_expires_at = ?3 "
                       "WHERE id = ?1",
                       "isi", issued->grant_id, hash, issued->refresh_expires_at);
}

static gboolean
send_token (OpStore            *store,
            SoupServerMessage  *msg,
            Issued             *issued,
            GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(OpStmt) stmt = NULL;
  g_autofree char *ali_id = NULL;
  g_autofree char *expires_in = g_strdup_printf ("%d", OP_OAUTH_ACCESS_TOKEN_LIFETIME);
  char *text;

  stmt = op_store_query (store, error, "SELECT ali_id, login, member_id FROM accounts WHERE id = ?1",
                         "i", issued->account_id);
  if (stmt == NULL || op_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  ali_id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "aliId");
  json_builder_add_string_value (builder, ali_id);
  json_builder_set_member_name (builder, "resource_owner");
  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
  json_builder_set_member_name (builder, "memberId");
  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_string_value (builder, expires_in);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, issued->access_token);
  if (issued->refresh_token != NULL)
    {
      g_autofree char *timeout = platform_timestamp (issued->refresh_expires_at);

      json_builder_set_member_name (builder, "refresh_token");
      json_builder_add_string_value (builder, issued->refresh_token);
      json_builder_set_member_name (builder, "refresh_token_timeout");
      json_builder_add_string_value (builder, timeout);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json;charset=UTF-8", SOUP_MEMORY_TAKE,
                                    text, strlen (text));
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");

  return TRUE;
}

static const char *
param (GHashTable *params,
       const char *name)
{
  const char *value = g_hash_table_lookup (params, name);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static gboolean
grant_from_code (OpStore            *store,
                 SoupServerMessage  *msg,
                 App                *app,
                 GHashTable         *params,
                 gint64              now,
                 GError            **error)
{
  g_auto(Issued) issued = { 0, };
  g_autoptr(OpStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  const char *code = param (params, "code");
  const char *redirect_uri = param (params, "redirect_uri");
  const char *need_refresh = param (params, "need_refresh_token");
  int rc;

  if (code == NULL || redirect_uri == NULL)
    {
      send_token_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                        "code and redirect_uri are required");
      return TRUE;
    }

  hash = op_secrets_hash_token (code);
  stmt = op_store_query (store, error,
                         "SELECT account_id, redirect_uri, used, expires_at FROM oauth_codes "
                         "WHERE code_hash = ?1 AND app_id = ?2",
                         "si", hash, app->id);
  if (stmt == NULL || (rc = op_store_step (store, stmt, error)) < 0)
    return FALSE;

  if (rc != SQLITE_ROW || sqlite3_column_int (stmt, 2) != 0 ||
      sqlite3_column_int64 (stmt, 3) <= now ||
      !g_str_equal ((const char *) sqlite3_column_text (stmt, 1), redirect_uri))
    {
      send_token_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                        "The code is wrong, expired (2 minutes), already used, or was issued "
                        "for another redirect_uri");
      return TRUE;
    }

  issued.account_id = sqlite3_column_int64 (stmt, 0);
  op_stmt_release (g_steal_pointer (&stmt));

  if (!op_store_run (store, error, "UPDATE oauth_codes SET used = 1 WHERE code_hash = ?1", "s", hash) ||
      !op_store_run (store, error,
                     "INSERT INTO oauth_grants (app_id, account_id, created_at) VALUES (?1, ?2, ?3)",
                     "iii", app->id, issued.account_id, now))
    return FALSE;

  issued.grant_id = op_store_last_insert_id (store);

  if (!issue_access_token (store, &issued, now, error))
    return FALSE;

  if (g_strcmp0 (need_refresh, "false") != 0 && !issue_refresh_token (store, &issued, now, error))
    return FALSE;

  return send_token (store, msg, &issued, error);
}

/* Looks the refresh token up; answers invalid_grant when it is not usable. */
static gboolean
find_grant (OpStore            *store,
            SoupServerMessage  *msg,
            App                *app,
            const char         *refresh_token,
            gint64              now,
            Issued             *issued,
            GError            **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autofree char *hash = NULL;
  int rc;

  if (refresh_token == NULL)
    {
      send_token_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", "refresh_token is required");
      return TRUE;
    }

  hash = op_secrets_hash_token (refresh_token);
  stmt = op_store_query (store, error,
                         "SELECT id, account_id, refresh_expires_at FROM oauth_grants "
                         "WHERE refresh_hash = ?1 AND app_id = ?2 AND revoked = 0",
                         "si", hash, app->id);
  if (stmt == NULL || (rc = op_store_step (store, stmt, error)) < 0)
    return FALSE;

  if (rc != SQLITE_ROW || sqlite3_column_int64 (stmt, 2) <= now)
    {
      send_token_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                        "The refresh_token is wrong, expired or replaced");
      return TRUE;
    }

  issued->grant_id = sqlite3_column_int64 (stmt, 0);
  issued->account_id = sqlite3_column_int64 (stmt, 1);
  issued->refresh_expires_at = sqlite3_column_int64 (stmt, 2);

  return TRUE;
}

static gboolean
grant_from_refresh (OpStore            *store,
                    SoupServerMessage  *msg,
                    App                *app,
                    GHashTable         *params,
                    gint64              now,
                    GError            **error)
{
  g_auto(Issued) issued = { 0, };
  /* One SDK spells it refreshToken [uncertain]: accept both. */
  const char *refresh = param (params, "refresh_token") != NULL ? param (params, "refresh_token")
                                                                : param (params, "refreshToken");

  if (!find_grant (store, msg, app, refresh, now, &issued, error))
    return FALSE;

  if (issued.grant_id == 0)
    return TRUE;

  return issue_access_token (store, &issued, now, error) &&
         send_token (store, msg, &issued, error);
}

static gboolean
postpone (OpStore            *store,
          SoupServerMessage  *msg,
          App                *app,
          GHashTable         *params,
          gint64              now,
          GError            **error)
{
  g_auto(Issued) issued = { 0, };
  g_autoptr(OpStmt) stmt = NULL;
  g_autofree char *access_hash = NULL;
  const char *access_token = param (params, "access_token");
  int rc;

  if (!find_grant (store, msg, app, param (params, "refresh_token"), now, &issued, error))
    return FALSE;

  if (issued.grant_id == 0)
    return TRUE;

  if (access_token == NULL)
    {
      send_token_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request", "access_token is required");
      return TRUE;
    }

  access_hash = op_secrets_hash_token (access_token);
  stmt = op_store_query (store, error,
                         "SELECT 1 FROM oauth_access_tokens WHERE access_hash = ?1 AND grant_id = ?2",
                         "si", access_hash, issued.grant_id);
  if (stmt == NULL || (rc = op_store_step (store, stmt, error)) < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      send_token_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_grant",
                        "The access_token does not belong to this refresh_token");
      return TRUE;
    }

  if (issued.refresh_expires_at - now > OP_OAUTH_POSTPONE_WINDOW)
    {
      send_token_error (msg, SOUP_STATUS_BAD_REQUEST, "invalid_request",
                        "postponeToken is possible only within 30 days of the refresh_token's "
                        "expiry");
      return TRUE;
    }

  return issue_refresh_token (store, &issued, now, error) &&
         issue_access_token (store, &issued, now, error) &&
         send_token (store, msg, &issued, error);
}

static gboolean
token_exchange (OpStore            *store,
                SoupServerMessage  *msg,
                const char         *name,
                const char         *app_key,
                GHashTable         *params,
                GError            **error)
{
  g_auto(App) app = { 0, };
  const char *client_id = param (params, "client_id");
  const char *grant_type = param (params, "grant_type");
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (!load_app (store, app_key, &app, error))
    return FALSE;

  if (app.id == 0 || g_strcmp0 (client_id, app_key) != 0 ||
      !op_secrets_equal (app.secret, param (params, "client_secret")))
    {
      send_token_error (msg, SOUP_STATUS_UNAUTHORIZED, "invalid_client",
                        "client_id must be the AppKey of the URL and client_secret its AppSecret");
      return TRUE;
    }

  if (g_str_equal (name, "postponeToken"))
    return postpone (store, msg, &app, params, now, error);

  if (g_strcmp0 (grant_type, "authorization_code") == 0)
    return grant_from_code (store, msg, &app, params, now, error);

  if (g_strcmp0 (grant_type, "refresh_token") == 0)
    return grant_from_refresh (store, msg, &app, params, now, error);

  send_token_error (msg, SOUP_STATUS_BAD_REQUEST, "unsupported_grant_type",
                    "grant_type must be authorization_code or refresh_token");

  return TRUE;
}

/**
 * op_oauth_server_handle_token:
 * @service: the service
 * @msg: a request for …/system.oauth2/getToken or postponeToken
 * @name: "getToken" or "postponeToken"
 * @app_key: the AppKey of the URL
 * @params: the query and form parameters
 *
 * The token endpoint, reached through the gateway's paths (no signature).
 */
void
op_oauth_server_handle_token (OpService         *service,
                              SoupServerMessage *msg,
                              const char        *name,
                              const char        *app_key,
                              GHashTable        *params)
{
  OpStore *store = op_service_get_store (service);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      send_token_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "invalid_request", "Use POST");
      return;
    }

  if (!op_store_begin (store, &error))
    {
      g_warning ("Token: %s", error->message);
      send_token_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error", "Try again");
      return;
    }

  if (!token_exchange (store, msg, name, app_key, params, &error) ||
      (soup_server_message_get_status (msg) < 400 && !op_store_commit (store, &error)))
    {
      op_store_rollback (store);
      g_warning ("Token: %s", error != NULL ? error->message : "?");
      send_token_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error", "Try again");
      return;
    }

  if (soup_server_message_get_status (msg) >= 400)
    op_store_rollback (store);
}
