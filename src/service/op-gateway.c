/* op-gateway.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-gateway"

#include "config.h"

#include "op-gateway.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "op-exchange.h"
#include "op-oauth-server.h"
#include "op-quota.h"
#include "op-secrets.h"
#include "op-service-private.h"
#include "op-sign.h"

/* The API gateway: /openapi/{protocol}/{version}/{namespace}/{name}/{appKey}.
 *
 * Checks, in the real gateway's order (protocol.md): the API exists
 * (gw.APIUnsupported) → the signature (gw.SignatureInvalid; _aop_timestamp,
 * when sent, within ±15 minutes) → the access token for APIs that need one
 * (HTTP 401) → the app ordered a solution with the API, or uses the ability
 * that has it (gw.APIACLDecline) → required parameters (gw.ParamMissing) →
 * the daily quota (gw.QosAppFrequencyLimit) → for an ability's API, the
 * purchased calls left (gw.ResourceExhausted, [ours]).
 *
 * Every call that passes the signature check is recorded and counted
 * toward the app's quota whatever its outcome, except a call refused by the
 * quota itself. So after the quota is used up, calls refused by an earlier
 * check still count: the day's count can exceed the limit only by such
 * calls. The writes of the calls of one main-loop iteration are committed
 * together (op_store_batch_*), and each call is answered only once its
 * write is on disk. */

#define TIMESTAMP_WINDOW_MS (15 * 60 * 1000)

typedef enum
{
  OUTCOME_SUCCESS,
  OUTCOME_UNAUTHORIZED,
  OUTCOME_ACL,
  OUTCOME_PARAM_MISSING,
  OUTCOME_QUOTA,
  OUTCOME_RESOURCES,
} Outcome;

typedef struct
{
  OpService         *service;
  OpStore           *store;
  SoupServerMessage *msg;
  char              *protocol;
  char              *version;
  char              *namespace_;
  char              *name;
  char              *app_key;
  GHashTable        *params;     /* key → value: the query and the form body */

  char              *api_id;
  gboolean           needs_token;
  char              *required;   /* required parameters, one a line */
  char              *sample;     /* the catalog's sample answer, or "" */

  gint64             app_id;
  gint64             account_id;
  gint64             daily_limit;
  char              *secret;

  char              *missing;    /* the first missing parameter */
  gint64             ability_id; /* > 0 when the API is an ability's */
} Call;

static void
call_free (Call *call)
{
  g_clear_object (&call->msg);
  g_clear_pointer (&call->params, g_hash_table_unref);
  g_free (call->protocol);
  g_free (call->version);
  g_free (call->namespace_);
  g_free (call->name);
  g_free (call->app_key);
  g_free (call->api_id);
  g_free (call->required);
  g_free (call->sample);
  g_free (call->secret);
  g_free (call->missing);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static char *
new_request_id (void)
{
  return g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());
}

static void
send_json (SoupServerMessage *msg,
           guint              status,
           char              *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json;charset=UTF-8", SOUP_MEMORY_TAKE,
                                    body, strlen (body));
}

/* An error answer as the real gateway writes it:
 * {"error_code", "error_message", "request_id"}. */
static void
send_error (SoupServerMessage *msg,
            guint              status,
            const char        *code,
            const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *request_id = new_request_id ();
  /* The message may quote the request's path, which need not be UTF-8. */
  g_autofree char *valid_message = g_utf8_make_valid (message, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error_code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "error_message");
  json_builder_add_string_value (builder, valid_message);
  json_builder_set_member_name (builder, "request_id");
  json_builder_add_string_value (builder, request_id);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  send_json (msg, status, json_to_string (root, FALSE));
}

static void
send_internal_error (SoupServerMessage *msg,
                     const GError      *error)
{
  g_warning ("Gateway: %s", error != NULL ? error->message : "unknown error");
  send_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "isp.internal-error",
              "The sandbox gateway failed; the call was not counted");
}

/* /openapi/{protocol}/{version}/{namespace}/{name}/{appKey} */
static gboolean
parse_path (Call       *call,
            const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);

  if (g_strv_length (parts) != 7 || parts[0][0] != '\0' || !g_str_equal (parts[1], "openapi"))
    return FALSE;

  for (guint i = 2; i < 7; i++)
    if (parts[i][0] == '\0')
      return FALSE;

  call->protocol = g_strdup (parts[2]);
  call->version = g_strdup (parts[3]);
  call->namespace_ = g_strdup (parts[4]);
  call->name = g_strdup (parts[5]);
  call->app_key = g_strdup (parts[6]);

  return TRUE;
}

/* The parameters: those of the query, then those of an
 * application/x-www-form-urlencoded body (which win). */
static GHashTable *
collect_params (SoupServerMessage *msg,
                GHashTable        *query)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  GHashTableIter iter;
  gpointer key, value;

  if (query != NULL)
    {
      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (params, g_strdup (key), g_strdup (value));
    }

  if (g_str_equal (soup_server_message_get_method (msg), "POST") &&
      g_strcmp0 (type, "application/x-www-form-urlencoded") == 0)
    {
      SoupMessageBody *body = soup_server_message_get_request_body (msg);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autoptr(GHashTable) form = soup_form_decode (text);

      g_hash_table_iter_init (&iter, form);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (params, g_strdup (key), g_strdup (value));
    }

  return params;
}

static gboolean
lookup_api (Call    *call,
            GError **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  guint64 version;
  int rc;

  if (!g_ascii_string_to_unsigned (call->version, 10, 1, 999, &version, NULL))
    return TRUE;

  stmt = op_store_query (call->store, error,
                         "SELECT id, needs_access_token, required_params, sample_response "
                         "FROM apis WHERE namespace = ?1 AND name = ?2 AND version = ?3",
                         "ssi", call->namespace_, call->name, (gint64) version);
  if (stmt == NULL || (rc = op_store_step (call->store, stmt, error)) < 0)
    return FALSE;

  if (rc == SQLITE_ROW)
    {
      call->api_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      call->needs_token = sqlite3_column_int (stmt, 1) != 0;
      call->required = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      call->sample = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }

  return TRUE;
}

static gboolean
lookup_app (Call    *call,
            GError **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (call->store, error,
                         "SELECT id, account_id, daily_limit, secret FROM apps WHERE app_key = ?1",
                         "s", call->app_key);
  if (stmt == NULL || (rc = op_store_step (call->store, stmt, error)) < 0)
    return FALSE;

  if (rc == SQLITE_ROW)
    {
      call->app_id = sqlite3_column_int64 (stmt, 0);
      call->account_id = sqlite3_column_int64 (stmt, 1);
      call->daily_limit = sqlite3_column_int64 (stmt, 2);
      call->secret = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }

  return TRUE;
}

static gboolean
signature_is_valid (Call *call)
{
  g_autofree char *url_path = NULL;
  g_autofree const char **keys = NULL;
  g_autofree const char **values = NULL;
  const char *signature;
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  signature = g_hash_table_lookup (call->params, OP_SIGN_PARAM_NAME);
  if (signature == NULL || call->secret == NULL)
    return FALSE;

  keys = g_new0 (const char *, g_hash_table_size (call->params));
  values = g_new0 (const char *, g_hash_table_size (call->params));
  g_hash_table_iter_init (&iter, call->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_str_equal (key, OP_SIGN_PARAM_NAME))
        continue;
      keys[n] = key;
      values[n] = value;
      n++;
    }

  url_path = g_strdup_printf ("%s/%s/%s/%s/%s", call->protocol, call->version,
                              call->namespace_, call->name, call->app_key);

  return op_sign_verify (url_path, keys, values, n, call->secret, signature);
}

/* _aop_timestamp, when sent, is epoch milliseconds within ±15 minutes. */
static gboolean
timestamp_is_valid (Call *call)
{
  const char *text = g_hash_table_lookup (call->params, "_aop_timestamp");
  gint64 now_ms = g_get_real_time () / 1000;
  gint64 value;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;

  return value >= now_ms - TIMESTAMP_WINDOW_MS && value <= now_ms + TIMESTAMP_WINDOW_MS;
}

static gboolean
token_is_valid (Call     *call,
                gboolean *valid,
                GError  **error)
{
  const char *token = g_hash_table_lookup (call->params, "access_token");
  g_autofree char *hash = NULL;
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  *valid = FALSE;
  if (token == NULL || token[0] == '\0')
    return TRUE;

  hash = op_secrets_hash_token (token);
  stmt = op_store_query (call->store, error,
                         "SELECT 1 FROM oauth_access_tokens t JOIN oauth_grants g ON g.id = t.grant_id "
                         "WHERE t.access_hash = ?1 AND g.app_id = ?2 AND g.revoked = 0 "
                         "AND t.expires_at > ?3",
                         "sii", hash, call->app_id, g_get_real_time () / G_USEC_PER_SEC);
  if (stmt == NULL || (rc = op_store_step (call->store, stmt, error)) < 0)
    return FALSE;

  *valid = rc == SQLITE_ROW;

  return TRUE;
}

/* Whether the app may call the API: a solution it ordered has it, or it is
 * associated with the ability that has it (then call->ability_id is set). */
static gboolean
acl_allows (Call     *call,
            gboolean *allowed,
            GError  **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (call->store, error,
                         "SELECT 0 FROM solution_orders o JOIN solution_apis sa "
                         "ON sa.solution_id = o.solution_id WHERE o.app_id = ?1 AND sa.api_id = ?2 "
                         "UNION ALL "
                         "SELECT aa.ability_id FROM ability_apps aa JOIN ability_apis b "
                         "ON b.ability_id = aa.ability_id WHERE aa.app_id = ?1 AND b.api_id = ?2 "
                         "LIMIT 1",
                         "is", call->app_id, call->api_id);
  if (stmt == NULL || (rc = op_store_step (call->store, stmt, error)) < 0)
    return FALSE;

  *allowed = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    call->ability_id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

/* A required "parent.child" parameter: @parent is a JSON object with @child. */
static gboolean
nested_present (const char *parent_value,
                const char *child)
{
  g_autoptr(JsonNode) node = NULL;

  if (!op_json_nesting_ok (parent_value, strlen (parent_value), OP_JSON_MAX_DEPTH))
    return TRUE;

  node = json_from_string (parent_value, NULL);

  /* A value that is not a JSON object is the API's business, not the
   * gateway's: only a JSON object without the member is "missing". */
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;

  return json_object_has_member (json_node_get_object (node), child);
}

static char *
first_missing_param (Call *call)
{
  g_auto(GStrv) names = g_strsplit (call->required != NULL ? call->required : "", "\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];
      const char *dot = strchr (name, '.');
      const char *value;

      if (name[0] == '\0')
        continue;

      if (dot == NULL)
        {
          value = g_hash_table_lookup (call->params, name);
          if (value == NULL || value[0] == '\0')
            return g_strdup (name);
        }
      else
        {
          g_autofree char *parent = g_strndup (name, dot - name);

          value = g_hash_table_lookup (call->params, parent);
          if (value != NULL && !strchr (dot + 1, '.') && !nested_present (value, dot + 1))
            return g_strdup (name);
        }
    }

  return NULL;
}

static gboolean
read_day_count (Call        *call,
                const char  *day,
                gint64      *count,
                GError     **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (call->store, error,
                         "SELECT calls FROM app_days WHERE app_id = ?1 AND day = ?2",
                         "is", call->app_id, day);
  if (stmt == NULL || (rc = op_store_step (call->store, stmt, error)) < 0)
    return FALSE;

  *count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;

  return TRUE;
}

static gboolean
resources_left (Call     *call,
                gboolean *left,
                GError  **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (call->store, error,
                         "SELECT purchased - used FROM ability_balances "
                         "WHERE account_id = ?1 AND ability_id = ?2",
                         "ii", call->account_id, call->ability_id);
  if (stmt == NULL || (rc = op_store_step (call->store, stmt, error)) < 0)
    return FALSE;

  *left = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) > 0;

  return TRUE;
}

/* Runs the checks after the signature, in order. */
static gboolean
decide (Call        *call,
        const char  *day,
        Outcome     *outcome,
        GError     **error)
{
  gboolean ok = FALSE;
  gint64 count = 0;

  if (call->needs_token)
    {
      if (!token_is_valid (call, &ok, error))
        return FALSE;
      if (!ok)
        {
          *outcome = OUTCOME_UNAUTHORIZED;
          return TRUE;
        }
    }

  if (!acl_allows (call, &ok, error))
    return FALSE;
  if (!ok)
    {
      *outcome = OUTCOME_ACL;
      return TRUE;
    }

  call->missing = first_missing_param (call);
  if (call->missing != NULL)
    {
      *outcome = OUTCOME_PARAM_MISSING;
      return TRUE;
    }

  if (!read_day_count (call, day, &count, error))
    return FALSE;
  if (count >= call->daily_limit)
    {
      *outcome = OUTCOME_QUOTA;
      return TRUE;
    }

  if (call->ability_id > 0)
    {
      if (!resources_left (call, &ok, error))
        return FALSE;
      if (!ok)
        {
          *outcome = OUTCOME_RESOURCES;
          return TRUE;
        }
    }

  *outcome = OUTCOME_SUCCESS;

  return TRUE;
}

/* Counts the call toward the quota and the usage, and uses an ability
 * resource on success. */
static gboolean
record (Call        *call,
        const char  *day,
        Outcome      outcome,
        GError     **error)
{
  gboolean success = outcome == OUTCOME_SUCCESS;

  if (!op_store_run (call->store, error,
                     "INSERT INTO app_days (app_id, day, calls) VALUES (?1, ?2, 1) "
                     "ON CONFLICT (app_id, day) DO UPDATE SET calls = calls + 1",
                     "is", call->app_id, day) ||
      !op_store_run (call->store, error,
                     "INSERT INTO api_usage (app_id, day, api_id, successes, failures) "
                     "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (app_id, day, api_id) DO UPDATE "
                     "SET successes = successes + ?4, failures = failures + ?5",
                     "issii", call->app_id, day, call->api_id, (gint64) success, (gint64) !success))
    return FALSE;

  if (!success || call->ability_id <= 0)
    return TRUE;

  return op_store_run (call->store, error,
                       "UPDATE ability_balances SET used = used + 1 "
                       "WHERE account_id = ?1 AND ability_id = ?2",
                       "ii", call->account_id, call->ability_id) &&
         op_store_run (call->store, error,
                       "UPDATE ability_apps SET used = used + 1 "
                       "WHERE ability_id = ?1 AND app_id = ?2",
                       "ii", call->ability_id, call->app_id);
}

static void
send_outcome (Call    *call,
              Outcome  outcome)
{
  g_autofree char *message = NULL;

  switch (outcome)
    {
    case OUTCOME_SUCCESS:
      if (call->sample != NULL && call->sample[0] != '\0')
        send_json (call->msg, SOUP_STATUS_OK, g_strdup (call->sample));
      else
        {
          /* The catalog has no sample answer for this API: say so. */
          soup_message_headers_replace (soup_server_message_get_response_headers (call->msg),
                                        "X-Sandbox-Sample", "generated");
          send_json (call->msg, SOUP_STATUS_OK, g_strdup ("{\"success\":true,\"result\":{}}"));
        }
      break;

    case OUTCOME_UNAUTHORIZED:
      send_error (call->msg, SOUP_STATUS_UNAUTHORIZED, "401", "Request need user authorized");
      break;

    case OUTCOME_ACL:
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.APIACLDecline",
                  "AppKey is not allowed(acl)");
      break;

    case OUTCOME_PARAM_MISSING:
      message = g_strdup_printf ("Required argument %s", call->missing);
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.ParamMissing", message);
      break;

    case OUTCOME_QUOTA:
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.QosAppFrequencyLimit",
                  "App call exceeds limited frequency");
      break;

    case OUTCOME_RESOURCES:
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.ResourceExhausted",
                  "The resources purchased for this ability are used up (sandbox: order a "
                  "resource package)");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
committed_cb (const GError *error,
              gpointer      user_data)
{
  SoupServerMessage *msg = user_data;

  if (error != NULL)
    {
      soup_message_headers_remove (soup_server_message_get_response_headers (msg),
                                   "X-Sandbox-Sample");
      send_internal_error (msg, error);
    }

  soup_server_message_unpause (msg);
  g_object_unref (msg);
}

/* The checks after the signature and the write, inside the batch. */
static void
run_counted (Call *call)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = op_quota_platform_day (now);
  Outcome outcome = OUTCOME_SUCCESS;

  if (!op_store_batch_begin_call (call->store, &error))
    {
      send_internal_error (call->msg, error);
      return;
    }

  if (!decide (call, day, &outcome, &error) ||
      (outcome != OUTCOME_QUOTA && !record (call, day, outcome, &error)))
    {
      op_store_batch_end_call (call->store, FALSE, NULL, NULL);
      send_internal_error (call->msg, error);
      return;
    }

  send_outcome (call, outcome);

  /* Answer once the write is on disk. */
  soup_server_message_pause (call->msg);
  op_store_batch_end_call (call->store, TRUE, committed_cb, g_object_ref (call->msg));
}

static void
run_call (Call *call)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *protocol = call->protocol;

  if (!g_str_equal (protocol, "param2") && !g_str_equal (protocol, "param") &&
      !g_str_equal (protocol, "json"))
    {
      message = g_strdup_printf ("Protocol %s is not supported", protocol);
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.APIUnsupported", message);
      return;
    }

  if (!lookup_api (call, &error) || !lookup_app (call, &error))
    {
      send_internal_error (call->msg, error);
      return;
    }

  if (call->api_id == NULL)
    {
      message = g_strdup_printf ("API is not supported: %s:%s-%s",
                                 call->namespace_, call->name, call->version);
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.APIUnsupported", message);
      return;
    }

  if (call->secret == NULL)
    {
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.SignatureInvalid",
                  "Signature invalid: the AppKey does not exist");
      return;
    }

  if (!signature_is_valid (call))
    {
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.SignatureInvalid",
                  "Request signature is invalid");
      return;
    }

  if (!timestamp_is_valid (call))
    {
      send_error (call->msg, SOUP_STATUS_BAD_REQUEST, "gw.SignatureInvalid",
                  "_aop_timestamp is more than 15 minutes away from the gateway's time");
      return;
    }

  run_counted (call);
}

/**
 * op_gateway_handle:
 * @server: the server
 * @msg: a request under /openapi
 * @path: its path
 * @query: (nullable): its query
 * @user_data: the OpService
 *
 * The #SoupServerCallback of the gateway.
 */
void
op_gateway_handle (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  OpService *service = user_data;
  g_autoptr(Call) call = g_new0 (Call, 1);
  const char *method = soup_server_message_get_method (msg);

  call->service = service;
  call->store = op_service_get_store (service);
  call->msg = g_object_ref (msg);

  if (!g_str_equal (method, "GET") && !g_str_equal (method, "POST"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Allow", "GET, POST");
      send_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "405", "Use GET or POST");
      return;
    }

  if (!parse_path (call, path))
    {
      send_error (msg, SOUP_STATUS_BAD_REQUEST, "gw.APIUnsupported",
                  "The path must be /openapi/{protocol}/{version}/{namespace}/{name}/{appKey}");
      return;
    }

  call->params = collect_params (msg, query);

  if (g_str_equal (call->namespace_, "system.oauth2") &&
      (g_str_equal (call->name, "getToken") || g_str_equal (call->name, "postponeToken")))
    {
      op_oauth_server_handle_token (service, msg, call->name, call->app_key, call->params);
      return;
    }

  run_call (call);
}
