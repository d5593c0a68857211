/* op-console-routes.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-console-routes"

#include "config.h"

#include "op-console-routes.h"

#include <string.h>

#include "op-console-private.h"
#include "op-secrets.h"

/* The console API's dispatcher: it finds the route, reads and checks the
 * body, opens the request's transaction, checks the session, runs the
 * handler, and commits only when the handler answered with a success, so
 * a request that fails changes nothing. */

typedef void (*RouteFunc) (OpExchange *ex);

typedef enum
{
  ROUTE_PUBLIC    = 0,
  ROUTE_SESSION   = 1 << 0,  /* needs a session (401 without) */
  ROUTE_DEVELOPER = 1 << 1,  /* and a developer (入驻 done; 403 without) */
} RouteFlags;

typedef struct
{
  const char *method;
  const char *pattern;  /* segments after /api/v1, '*' matches one */
  RouteFunc   func;
  RouteFlags  flags;
} Route;

#define SESSION ROUTE_SESSION
#define DEVELOPER (ROUTE_SESSION | ROUTE_DEVELOPER)

static const Route routes[] = {
  { "POST",   "session",                 _op_console_session_create,        ROUTE_PUBLIC },
  { "DELETE", "session",                 _op_console_session_delete,        SESSION },
  { "GET",    "account",                 _op_console_account_get,           SESSION },
  { "POST",   "onboarding/sms",          _op_console_onboarding_sms,        SESSION },
  { "POST",   "onboarding",              _op_console_onboarding_submit,     SESSION },
  { "GET",    "sandbox/sms",             _op_console_sandbox_sms,           SESSION },
  { "GET",    "roles",                   _op_console_roles_list,            SESSION },
  { "GET",    "roles/*",                 _op_console_roles_get,             SESSION },
  { "POST",   "qualifications",          _op_console_qualifications_create, DEVELOPER },
  { "GET",    "qualifications",          _op_console_qualifications_list,   SESSION },
  { "GET",    "qualifications/*",        _op_console_qualifications_get,    SESSION },
  { "PUT",    "qualifications/*",        _op_console_qualifications_update, DEVELOPER },
  { "GET",    "solutions",               _op_console_solutions_list,        SESSION },
  { "GET",    "solutions/*",             _op_console_solutions_get,         SESSION },
  { "POST",   "solutions/*/orders",      _op_console_solutions_order,       DEVELOPER },
  { "GET",    "apps",                    _op_console_apps_list,             SESSION },
  { "GET",    "apps/*",                  _op_console_apps_get,              SESSION },
  { "POST",   "apps/*/secret/reset",     _op_console_apps_secret_reset,     DEVELOPER },
  { "POST",   "apps/*/launch",           _op_console_apps_launch,           DEVELOPER },
  { "POST",   "apps/*/listing",          _op_console_apps_listing,          DEVELOPER },
  { "POST",   "apps/*/quota-increase",   _op_console_apps_quota_increase,   DEVELOPER },
  { "GET",    "apps/*/usage",            _op_console_apps_usage,            SESSION },
  { "GET",    "abilities",               _op_console_abilities_list,        SESSION },
  { "GET",    "abilities/*",             _op_console_abilities_get,         SESSION },
  { "POST",   "abilities/*/orders",      _op_console_abilities_order,       DEVELOPER },
  { "POST",   "abilities/*/apps",        _op_console_abilities_associate,   DEVELOPER },
  { "GET",    "abilities/*/usage",       _op_console_abilities_usage,       SESSION },
  { "GET",    "orders",                  _op_console_orders_list,           SESSION },
  { "GET",    "orders/*",                _op_console_orders_get,            SESSION },
  { "POST",   "orders/*/cancel",         _op_console_orders_cancel,         DEVELOPER },
};

static gboolean
pattern_matches (const char  *pattern,
                 char       **segments,
                 GPtrArray   *args)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "/", -1);
  guint n = g_strv_length (parts);

  if (n != g_strv_length (segments))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (parts[i], "*"))
        {
          if (segments[i][0] == '\0')
            return FALSE;
          if (args != NULL)
            g_ptr_array_add (args, g_strdup (segments[i]));
        }
      else if (!g_str_equal (parts[i], segments[i]))
        return FALSE;
    }

  return TRUE;
}

/* Finds the route; sets *path_known when some route has this path (so a
 * miss is 405, not 404). */
static const Route *
find_route (const char  *method,
            char       **segments,
            GPtrArray   *args,
            gboolean    *path_known)
{
  *path_known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!pattern_matches (routes[i].pattern, segments, NULL))
        continue;

      *path_known = TRUE;

      if (g_str_equal (routes[i].method, method))
        {
          pattern_matches (routes[i].pattern, segments, args);
          return &routes[i];
        }
    }

  return NULL;
}

static char **
split_path (const char *path)
{
  const char *rest = path + strlen (OP_CONSOLE_PREFIX);
  g_autofree char *trimmed = NULL;

  while (*rest == '/')
    rest++;

  trimmed = g_strdup (rest);
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';

  return g_strsplit (trimmed, "/", -1);
}

/* Reads the JSON body, if any. Returns FALSE after answering when it is not
 * a valid JSON object. */
static gboolean
read_body (OpExchange *ex)
{
  SoupMessageBody *body = soup_server_message_get_request_body (ex->msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    return TRUE;

  if (length > OP_EXCHANGE_MAX_BODY)
    {
      op_exchange_fail (ex, "body_too_large", NULL);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      op_exchange_fail (ex, "invalid_utf8", NULL);
      return FALSE;
    }

  if (memchr (data, '\0', length) != NULL || !op_json_nesting_ok (data, length, OP_JSON_MAX_DEPTH))
    {
      op_exchange_fail (ex, "invalid_json", NULL);
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      g_debug ("Malformed JSON body of %" G_GSIZE_FORMAT " bytes", length);
      op_exchange_fail (ex, "invalid_json", NULL);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      op_exchange_fail (ex, "invalid_body", NULL);
      return FALSE;
    }

  ex->body = json_object_ref (json_node_get_object (json_parser_get_root (parser)));

  return TRUE;
}

static const char *
bearer_token (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return NULL;

  value += 7;
  while (*value == ' ')
    value++;

  return value[0] != '\0' ? value : NULL;
}

/* Looks the session up; returns FALSE after answering on a store error. */
static gboolean
authenticate (OpExchange *ex)
{
  const char *token = bearer_token (ex->msg);
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  int rc;

  if (token == NULL)
    return TRUE;

  hash = op_secrets_hash_token (token);
  stmt = op_store_query (ex->store, &error,
                         "SELECT account_id FROM sessions WHERE token_hash = ?1 AND expires_at > ?2",
                         "si", hash, ex->now);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  if (rc == SQLITE_ROW)
    {
      ex->account_id = sqlite3_column_int64 (stmt, 0);
      ex->session_hash = g_steal_pointer (&hash);
    }

  return TRUE;
}

static void
run_route (OpExchange  *ex,
           const Route *route)
{
  g_autoptr(GError) error = NULL;

  if (!op_store_begin (ex->store, &error))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (!authenticate (ex))
    {
      op_store_rollback (ex->store);
      return;
    }

  if ((route->flags & ROUTE_SESSION) != 0 && ex->account_id == 0)
    op_exchange_fail (ex, "unauthorized", NULL);
  else if ((route->flags & ROUTE_DEVELOPER) != 0 && !_op_console_is_developer (ex, NULL))
    {
      if (!op_exchange_failed (ex))
        op_exchange_fail (ex, "not_a_developer", NULL);
    }
  else
    route->func (ex);

  if (ex->status == 0)
    {
      g_critical ("Route %s %s gave no answer", route->method, route->pattern);
      op_exchange_fail (ex, "internal_error", NULL);
    }

  if (op_exchange_failed (ex))
    {
      op_store_rollback (ex->store);
      return;
    }

  if (!op_store_commit (ex->store, &error))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  _op_service_reviews_changed (ex->service);
}

static void
send_answer (OpExchange *ex)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (ex->msg);
  g_autofree char *text = NULL;
  gsize length = 0;

  soup_message_headers_replace (headers, "Content-Language",
                                ex->lang == OP_LANG_ZH_CN ? "zh-CN" : "en");
  soup_message_headers_replace (headers, "Cache-Control", "no-store");

  if (ex->answer != NULL)
    {
      text = json_to_string (ex->answer, FALSE);
      length = strlen (text);
    }

  soup_server_message_set_status (ex->msg, ex->status, NULL);
  if (ex->status == 204 || text == NULL)
    soup_server_message_set_response (ex->msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);
  else
    soup_server_message_set_response (ex->msg, "application/json; charset=utf-8",
                                      SOUP_MEMORY_TAKE, g_steal_pointer (&text), length);
}

/**
 * op_console_routes_handle:
 * @server: the server
 * @msg: a request under /api/v1
 * @path: its path
 * @query: (nullable): its query
 * @user_data: the OpService
 *
 * The #SoupServerCallback of the console API.
 */
void
op_console_routes_handle (SoupServer        *server,
                          SoupServerMessage *msg,
                          const char        *path,
                          GHashTable        *query,
                          gpointer           user_data)
{
  OpService *service = user_data;
  g_autoptr(OpExchange) ex = op_exchange_new (service, op_service_get_store (service), msg);
  g_auto(GStrv) segments = split_path (path);
  const char *method = soup_server_message_get_method (msg);
  const Route *route;
  gboolean path_known;

  if (query != NULL)
    ex->query = g_hash_table_ref (query);

  route = find_route (method, segments, ex->args, &path_known);

  if (route == NULL)
    op_exchange_fail (ex, path_known ? "method_not_allowed" : "not_found", NULL);
  else if (read_body (ex))
    run_route (ex, route);

  send_answer (ex);
}
