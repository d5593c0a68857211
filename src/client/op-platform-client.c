/* op-platform-client.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-platform-client"

#include "config.h"

#include "op-platform-client.h"
#include "op-json.h"

#include <string.h>

#include "op-platform-error-private.h"
#include "op-platform-json-private.h"

/* The typed client of the platform's console API (`{base}/api/v1/…`). It
 * owns the app's one SoupSession and the session token (in memory only; the
 * app keeps it in the keyring through OpSecretStore).
 *
 * Each call is one GTask. An attempt gets its own GCancellable, cancelled by
 * the caller's cancellable (at once, and reported as G_IO_ERROR_CANCELLED,
 * nothing retried) or by a timer (reported as OP_PLATFORM_ERROR_TIMEOUT). A
 * GET that meets a network error, a timeout or a 5xx answer is tried once
 * more, at once; a POST, PUT or DELETE is never repeated, since the platform
 * may have done it already. The HTTP status is checked before any JSON is
 * read; every failure becomes an OP_PLATFORM_ERROR (op-platform-error.c). */

#define API_PREFIX "/api/v1"
#define MAX_ATTEMPTS 2

struct _OpPlatformClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *session_token;
  char        *language;
  guint        timeout_seconds;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_BASE_URL,
  PROP_TIMEOUT_SECONDS,
  PROP_LANGUAGE,
  PROP_SIGNED_IN,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OpPlatformClient, op_platform_client, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct _Call Call;

typedef enum
{
  CALL_DEFAULT  = 0,
  CALL_SIGN_IN  = 1 << 0,  /* no token sent; a 401 means wrong credentials */
  CALL_SIGN_OUT = 1 << 1,  /* a 401 means the session is already gone: success */
} CallFlags;

/* Makes the call's result from the answer's JSON (NULL for an empty answer). */
typedef gpointer (*ParseFunc) (OpPlatformClient  *self,
                               Call              *call,
                               JsonNode          *root,
                               GError           **error);

typedef struct
{
  OpJsonParseFunc parse;
} ObjectSpec;

typedef struct
{
  const char      *member;
  GType          (*get_type) (void);
  OpJsonParseFunc  parse;
} ListSpec;

struct _Call
{
  const char      *method;
  char            *path;             /* after /api/v1, for the log */
  char            *url;
  GBytes          *body;             /* (nullable) */
  char            *token;            /* (nullable) the session token when the call started */
  ParseFunc        parse;            /* (nullable): NULL returns a boolean */
  gconstpointer    spec;             /* an ObjectSpec or a ListSpec for @parse */
  GDestroyNotify   free_result;
  SoupMessage     *msg;
  GCancellable    *attempt_cancellable;
  GSource         *timeout_source;
  gulong           cancelled_id;
  gint64           started_at;
  guint            attempt;
  guint            timed_out : 1;
  guint            retry_allowed : 1;
  guint            sign_in : 1;      /* a 401 means wrong credentials, not an expired session */
  guint            sign_out : 1;     /* a 401 means the session is already gone: success */
};

typedef struct
{
  OpAccount *account;
  char      *token;
} SignInResult;

typedef struct
{
  char *code;
  char *text;
} SandboxSms;

typedef struct
{
  OpApp *app;
  char  *app_secret;
} AppWithSecret;

static void send_attempt (GTask *task);

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));

  g_clear_pointer (secret, g_free);
}

static void
secret_free (gpointer data)
{
  char *secret = data;

  clear_secret (&secret);
}

static void
sign_in_result_free (gpointer data)
{
  SignInResult *result = data;

  g_clear_object (&result->account);
  clear_secret (&result->token);
  g_free (result);
}

static void
sandbox_sms_free (gpointer data)
{
  SandboxSms *sms = data;

  g_free (sms->code);
  g_free (sms->text);
  g_free (sms);
}

static void
app_with_secret_free (gpointer data)
{
  AppWithSecret *result = data;

  g_clear_object (&result->app);
  clear_secret (&result->app_secret);
  g_free (result);
}

static void
end_attempt (Call         *call,
             GCancellable *cancellable)
{
  if (call->timeout_source != NULL)
    {
      g_source_destroy (call->timeout_source);
      g_clear_pointer (&call->timeout_source, g_source_unref);
    }

  if (call->cancelled_id != 0)
    {
      g_cancellable_disconnect (cancellable, call->cancelled_id);
      call->cancelled_id = 0;
    }

  g_clear_object (&call->attempt_cancellable);
  g_clear_object (&call->msg);
}

static void
call_free (gpointer data)
{
  Call *call = data;

  /* The attempt has ended before the task completes; nothing is left but
   * what the call owns. */
  g_assert (call->timeout_source == NULL);
  g_assert (call->cancelled_id == 0);

  g_clear_object (&call->attempt_cancellable);
  g_clear_object (&call->msg);
  g_clear_pointer (&call->path, g_free);
  g_clear_pointer (&call->url, g_free);
  g_clear_pointer (&call->body, g_bytes_unref);
  clear_secret (&call->token);
  g_free (call);
}

/* "zh-CN" when the user's language is Chinese, else "en": the platform
 * answers in one of those two. */
static const char *
locale_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;

      return g_ascii_strncasecmp (names[i], "zh", 2) == 0 ? "zh-CN" : "en";
    }

  return "en";
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Call *call = g_task_get_task_data (task);

  call->timed_out = TRUE;
  g_clear_pointer (&call->timeout_source, g_source_unref);
  g_cancellable_cancel (call->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

/* Runs in whatever thread cancelled the caller's cancellable. */
static void
cancel_attempt_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
may_retry (Call *call)
{
  return call->retry_allowed && call->attempt < MAX_ATTEMPTS;
}

static double
elapsed_ms (Call *call)
{
  return (g_get_monotonic_time () - call->started_at) / 1000.0;
}

static JsonNode *
parse_answer (GBytes  *bytes,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *data;
  gsize length = 0;

  data = bytes != NULL ? g_bytes_get_data (bytes, &length) : NULL;
  if (length == 0)
    return NULL;

  if (!op_json_parser_load (parser, data, length, error))
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

static void
return_answer (GTask   *task,
               guint    status,
               GBytes  *bytes)
{
  OpPlatformClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;

  if (status != SOUP_STATUS_NO_CONTENT)
    {
      root = parse_answer (bytes, &error);
      if (error != NULL)
        {
          g_warning ("%s %s: the answer is not JSON: %s", call->method, call->path, error->message);
          g_task_return_error (task, _op_platform_error_new_bad_answer (self->base_url));
          return;
        }
    }

  if (call->parse == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  result = call->parse (self, call, root, &error);
  if (result == NULL)
    {
      g_warning ("%s %s: cannot read the answer: %s", call->method, call->path,
                 error != NULL ? error->message : "empty");
      g_task_return_error (task, _op_platform_error_new_bad_answer (self->base_url));
      return;
    }

  g_task_return_pointer (task, result, call->free_result);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpPlatformClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(SoupMessage) msg = g_object_ref (call->msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GError *platform_error;
  const char *retry_after;
  const char *server_code;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  end_attempt (call, g_task_get_cancellable (task));

  /* The caller cancelled: say so and nothing else, whatever came back. */
  if (g_task_return_error_if_cancelled (task))
    {
      g_debug ("%s %s: cancelled after %.0f ms", call->method, call->path, elapsed_ms (call));
      return;
    }

  if (error != NULL)
    {
      if (call->timed_out)
        platform_error = _op_platform_error_new_timeout (self->base_url);
      else
        platform_error = _op_platform_error_new_network (self->base_url, error);

      g_debug ("%s %s: attempt %u failed after %.0f ms: %s", call->method, call->path,
               call->attempt, elapsed_ms (call), call->timed_out ? "timed out" : error->message);

      if (may_retry (call))
        {
          g_error_free (platform_error);
          send_attempt (task);
          return;
        }

      g_task_return_error (task, platform_error);
      return;
    }

  status = soup_message_get_status (msg);
  g_debug ("%s %s: HTTP %u in %.0f ms (attempt %u)", call->method, call->path, status,
           elapsed_ms (call), call->attempt);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_answer (task, status, bytes);
      return;
    }

  if (status >= 500 && may_retry (call))
    {
      send_attempt (task);
      return;
    }

  retry_after = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                              "Retry-After");
  platform_error = _op_platform_error_new_from_answer (self->base_url, status, retry_after, bytes);

  server_code = op_platform_error_get_server_code (platform_error);
  if (server_code == NULL)
    server_code = "no platform error code";

  if (status >= 500)
    g_warning ("%s %s: HTTP %u (%s)", call->method, call->path, status, server_code);
  else
    g_debug ("%s %s: %s", call->method, call->path, server_code);

  if (g_error_matches (platform_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SESSION_EXPIRED))
    {
      if (call->sign_out)
        {
          /* Signing out of a session that has already ended is done. */
          g_error_free (platform_error);
          g_task_return_boolean (task, TRUE);
          return;
        }

      if (!call->sign_in)
        g_signal_emit (self, signals [SESSION_EXPIRED], 0);
    }

  g_task_return_error (task, platform_error);
}

static void
send_attempt (GTask *task)
{
  OpPlatformClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  SoupMessageHeaders *headers;

  g_assert (call->msg == NULL);
  g_assert (call->attempt_cancellable == NULL);

  call->attempt++;
  call->timed_out = FALSE;

  call->msg = soup_message_new (call->method, call->url);
  if (call->msg == NULL)
    {
      g_autoptr(GError) cause = g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                             "Not a URL: %s", call->url);

      g_task_return_error (task, _op_platform_error_new_network (self->base_url, cause));
      return;
    }

  headers = soup_message_get_request_headers (call->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "Accept-Language", op_platform_client_get_language (self));
  if (call->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", call->token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
      memset (authorization, 0, strlen (authorization));
    }

  if (call->body != NULL)
    soup_message_set_request_body_from_bytes (call->msg, "application/json", call->body);

  call->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    call->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_attempt_cb),
                                                g_object_ref (call->attempt_cancellable),
                                                g_object_unref);

  call->timeout_source = g_timeout_source_new (self->timeout_seconds * 1000);
  g_source_set_name (call->timeout_source, "[op-platform-client] timeout");
  g_source_set_callback (call->timeout_source, timeout_cb, task, NULL);
  g_source_attach (call->timeout_source, g_task_get_context (task));

  soup_session_send_and_read_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                                    call->attempt_cancellable, sent_cb, g_object_ref (task));
}

/* Starts a call of the console API. @path is under /api/v1 and already
 * escaped; @body (taken) is the JSON request, or NULL. */
static void
start_call (OpPlatformClient    *self,
            CallFlags            flags,
            const char          *method,
            char                *path,
            JsonNode            *body,
            ParseFunc            parse,
            gconstpointer        spec,
            GDestroyNotify       free_result,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Call *call = g_new0 (Call, 1);

  call->method = method;
  call->path = path;
  call->url = g_strconcat (self->base_url, API_PREFIX, path, NULL);
  call->sign_in = (flags & CALL_SIGN_IN) != 0;
  call->sign_out = (flags & CALL_SIGN_OUT) != 0;
  if (!call->sign_in)
    call->token = g_strdup (self->session_token);
  call->parse = parse;
  call->spec = spec;
  call->free_result = free_result;
  call->retry_allowed = g_str_equal (method, "GET");
  call->started_at = g_get_monotonic_time ();

  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      call->body = g_bytes_new_take (text, strlen (text));
      json_node_unref (body);
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, call_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  send_attempt (task);
}

/* --- Answers ------------------------------------------------------------ */

static JsonObject *
root_object (JsonNode  *root,
             GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a JSON object");
      return NULL;
    }

  return json_node_get_object (root);
}

static gpointer
parse_object (OpPlatformClient  *self,
              Call              *call,
              JsonNode          *root,
              GError           **error)
{
  const ObjectSpec *spec = call->spec;
  JsonObject *object = root_object (root, error);

  return object != NULL ? spec->parse (object, error) : NULL;
}

static gpointer
parse_list (OpPlatformClient  *self,
            Call              *call,
            JsonNode          *root,
            GError           **error)
{
  const ListSpec *spec = call->spec;
  JsonObject *object = root_object (root, error);
  JsonArray *array = NULL;

  if (object == NULL || !_op_json_get_array (object, spec->member, TRUE, &array, error))
    return NULL;

  return _op_json_parse_list (array, spec->member, spec->get_type (), spec->parse, error);
}

static const ObjectSpec account_spec = { (OpJsonParseFunc) op_account_new_from_json };
static const ObjectSpec role_spec = { (OpJsonParseFunc) op_role_new_from_json };
static const ObjectSpec qualification_spec = { (OpJsonParseFunc) op_qualification_new_from_json };
static const ObjectSpec solution_spec = { (OpJsonParseFunc) op_solution_new_from_json };
static const ObjectSpec order_result_spec =
  { (OpJsonParseFunc) op_solution_order_result_new_from_json };
static const ObjectSpec app_spec = { (OpJsonParseFunc) op_app_new_from_json };
static const ObjectSpec ability_spec = { (OpJsonParseFunc) op_ability_new_from_json };
static const ObjectSpec ability_usage_spec = { (OpJsonParseFunc) op_ability_usage_new_from_json };
static const ObjectSpec order_spec = { (OpJsonParseFunc) op_order_new_from_json };

static const ListSpec roles_spec =
  { "roles", op_role_get_type, (OpJsonParseFunc) op_role_new_from_json };
static const ListSpec qualifications_spec =
  { "qualifications", op_qualification_get_type, (OpJsonParseFunc) op_qualification_new_from_json };
static const ListSpec solutions_spec =
  { "solutions", op_solution_get_type, (OpJsonParseFunc) op_solution_new_from_json };
static const ListSpec apps_spec =
  { "apps", op_app_get_type, (OpJsonParseFunc) op_app_new_from_json };
static const ListSpec usage_days_spec =
  { "days", op_usage_day_get_type, (OpJsonParseFunc) op_usage_day_new_from_json };
static const ListSpec abilities_spec =
  { "abilities", op_ability_get_type, (OpJsonParseFunc) op_ability_new_from_json };
static const ListSpec orders_spec =
  { "orders", op_order_get_type, (OpJsonParseFunc) op_order_new_from_json };

/* {token, expires_at, account}: also starts using the new session. */
static gpointer
parse_sign_in (OpPlatformClient  *self,
               Call              *call,
               JsonNode          *root,
               GError           **error)
{
  g_autoptr(OpAccount) account = NULL;
  JsonObject *object = root_object (root, error);
  JsonObject *account_object = NULL;
  SignInResult *result;
  char *token = NULL;

  if (object == NULL ||
      !_op_json_get_string (object, "token", TRUE, &token, error) ||
      !_op_json_get_object (object, "account", TRUE, &account_object, error) ||
      (account = op_account_new_from_json (account_object, error)) == NULL)
    {
      clear_secret (&token);
      return NULL;
    }

  op_platform_client_set_session_token (self, token);

  result = g_new0 (SignInResult, 1);
  result->account = g_steal_pointer (&account);
  result->token = token;

  return result;
}

/* {mobile, expires_at, resend_after_seconds} */
static gpointer
parse_sms_code (OpPlatformClient  *self,
                Call              *call,
                JsonNode          *root,
                GError           **error)
{
  JsonObject *object = root_object (root, error);
  gint64 resend_after = 0;
  guint *result;

  if (object == NULL ||
      !_op_json_get_int (object, "resend_after_seconds", FALSE, &resend_after, error))
    return NULL;

  result = g_new (guint, 1);
  *result = (guint) CLAMP (resend_after, 0, G_MAXUINT);

  return result;
}

/* {sandbox: true, messages: [{mobile, code, text, sent_at, …}]}, newest first */
static gpointer
parse_sandbox_sms (OpPlatformClient  *self,
                   Call              *call,
                   JsonNode          *root,
                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object = root_object (root, error);
  JsonArray *messages = NULL;
  SandboxSms *sms;

  if (object == NULL || !_op_json_get_array (object, "messages", TRUE, &messages, error))
    return NULL;

  sms = g_new0 (SandboxSms, 1);
  if (json_array_get_length (messages) > 0)
    {
      JsonNode *node = json_array_get_element (messages, 0);
      JsonObject *message = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (message == NULL ||
          !_op_json_get_string (message, "code", TRUE, &sms->code, &local_error) ||
          !_op_json_get_string (message, "text", FALSE, &sms->text, &local_error))
        {
          sandbox_sms_free (sms);
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 "messages[0]: not an object");
          return NULL;
        }
    }

  return sms;
}

/* {app_key, app_secret} */
static gpointer
parse_secret (OpPlatformClient  *self,
              Call              *call,
              JsonNode          *root,
              GError           **error)
{
  JsonObject *object = root_object (root, error);
  char *secret = NULL;

  if (object == NULL || !_op_json_get_string (object, "app_secret", TRUE, &secret, error))
    return NULL;

  return secret;
}

/* {ability_id, app: {…, app_secret?}} */
static gpointer
parse_app_with_secret (OpPlatformClient  *self,
                       Call              *call,
                       JsonNode          *root,
                       GError           **error)
{
  JsonObject *object = root_object (root, error);
  JsonObject *app_object = NULL;
  AppWithSecret *result;

  if (object == NULL || !_op_json_get_object (object, "app", TRUE, &app_object, error))
    return NULL;

  result = g_new0 (AppWithSecret, 1);
  if ((result->app = op_app_new_from_json (app_object, error)) == NULL ||
      !_op_json_get_string (app_object, "app_secret", FALSE, &result->app_secret, error))
    {
      app_with_secret_free (result);
      return NULL;
    }

  return result;
}

/* --- Requests ----------------------------------------------------------- */

static char *
escape (const char *segment)
{
  return g_uri_escape_string (segment, NULL, FALSE);
}

static JsonNode *
string_map_to_json (GHashTable *map)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GList) keys = NULL;

  json_builder_begin_object (builder);
  if (map != NULL)
    {
      keys = g_list_sort (g_hash_table_get_keys (map), (GCompareFunc) g_strcmp0);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_string_value (builder, g_hash_table_lookup (map, l->data));
        }
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* {app_key} or {new_app: {…}} */
static JsonNode *
app_choice_to_json (const char *existing_app_key,
                    OpNewApp   *new_app)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (existing_app_key != NULL)
    {
      json_builder_set_member_name (builder, "app_key");
      json_builder_add_string_value (builder, existing_app_key);
    }
  else
    {
      json_builder_set_member_name (builder, "new_app");
      json_builder_add_value (builder, op_new_app_to_json (new_app));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* --- GObject ----------------------------------------------------------- */

static void
op_platform_client_constructed (GObject *object)
{
  OpPlatformClient *self = (OpPlatformClient *)object;

  G_OBJECT_CLASS (op_platform_client_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = soup_session_new_with_options ("user-agent",
                                                   PACKAGE_NAME "/" PACKAGE_VERSION " ",
                                                   NULL);
}

static void
op_platform_client_finalize (GObject *object)
{
  OpPlatformClient *self = (OpPlatformClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  clear_secret (&self->session_token);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (op_platform_client_parent_class)->finalize (object);
}

static void
op_platform_client_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OpPlatformClient *self = OP_PLATFORM_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_TIMEOUT_SECONDS:
      g_value_set_uint (value, self->timeout_seconds);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, op_platform_client_get_language (self));
      break;

    case PROP_SIGNED_IN:
      g_value_set_boolean (value, op_platform_client_get_signed_in (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_platform_client_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OpPlatformClient *self = OP_PLATFORM_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_BASE_URL:
      {
        char *url = g_value_dup_string (value);

        /* One form: no trailing slash. */
        while (url != NULL && g_str_has_suffix (url, "/"))
          url[strlen (url) - 1] = '\0';
        self->base_url = url;
      }
      break;

    case PROP_TIMEOUT_SECONDS:
      op_platform_client_set_timeout_seconds (self, g_value_get_uint (value));
      break;

    case PROP_LANGUAGE:
      op_platform_client_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_platform_client_class_init (OpPlatformClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = op_platform_client_constructed;
  object_class->finalize = op_platform_client_finalize;
  object_class->get_property = op_platform_client_get_property;
  object_class->set_property = op_platform_client_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_TIMEOUT_SECONDS] =
    g_param_spec_uint ("timeout-seconds", NULL, NULL,
                       1, 600, OP_PLATFORM_CLIENT_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                        G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpPlatformClient::session-expired:
   * @self: a #OpPlatformClient
   *
   * Emitted when the platform answers 401 to a call made with a session
   * (or without one): the session is missing, has expired or was signed
   * out elsewhere. The call itself fails with
   * %OP_PLATFORM_ERROR_SESSION_EXPIRED. The app sends the user to sign in
   * and then back where they were. Emitted once per failed call, so
   * several calls in flight may emit it more than once. Not emitted for a
   * wrong password when signing in.
   */
  signals [SESSION_EXPIRED] =
    g_signal_new ("session-expired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
op_platform_client_init (OpPlatformClient *self)
{
  self->timeout_seconds = OP_PLATFORM_CLIENT_DEFAULT_TIMEOUT;
}

/* --- Public API --------------------------------------------------------- */

/**
 * op_platform_client_new:
 * @session: (nullable): the app's #SoupSession, or %NULL to make one
 * @base_url: the platform, e.g. `http://127.0.0.1:8688` (a trailing slash
 *   is ignored); the console API is under `{base_url}/api/v1`
 *
 * Returns: (transfer full): a new client, without a session token
 */
OpPlatformClient *
op_platform_client_new (SoupSession *session,
                        const char  *base_url)
{
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (OP_TYPE_PLATFORM_CLIENT,
                       "session", session,
                       "base-url", base_url,
                       NULL);
}

/**
 * op_platform_client_get_base_url:
 * @self: a #OpPlatformClient
 *
 * Returns: the platform's address, without a trailing slash
 */
const char *
op_platform_client_get_base_url (OpPlatformClient *self)
{
  g_return_val_if_fail (OP_IS_PLATFORM_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * op_platform_client_get_session:
 * @self: a #OpPlatformClient
 *
 * Returns: (transfer none): the #SoupSession the client sends with
 */
SoupSession *
op_platform_client_get_session (OpPlatformClient *self)
{
  g_return_val_if_fail (OP_IS_PLATFORM_CLIENT (self), NULL);

  return self->session;
}

/**
 * op_platform_client_set_session_token:
 * @self: a #OpPlatformClient
 * @token: (nullable): the platform session token, or %NULL to forget it
 *
 * Sets the token sent as `Authorization: Bearer …` from the next call on
 * (calls already started keep theirs). It is kept in memory only and never
 * logged; signing in sets it, signing out clears it.
 */
void
op_platform_client_set_session_token (OpPlatformClient *self,
                                      const char       *token)
{
  gboolean was_signed_in;

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));

  if (g_strcmp0 (token, self->session_token) == 0)
    return;

  was_signed_in = self->session_token != NULL;
  clear_secret (&self->session_token);
  self->session_token = token != NULL && token[0] != '\0' ? g_strdup (token) : NULL;

  if (was_signed_in != (self->session_token != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIGNED_IN]);
}

/**
 * op_platform_client_get_signed_in:
 * @self: a #OpPlatformClient
 *
 * Returns: %TRUE when the client has a session token (which the platform
 *   may still find expired)
 */
gboolean
op_platform_client_get_signed_in (OpPlatformClient *self)
{
  g_return_val_if_fail (OP_IS_PLATFORM_CLIENT (self), FALSE);

  return self->session_token != NULL;
}

guint
op_platform_client_get_timeout_seconds (OpPlatformClient *self)
{
  g_return_val_if_fail (OP_IS_PLATFORM_CLIENT (self), 0);

  return self->timeout_seconds;
}

/**
 * op_platform_client_set_timeout_seconds:
 * @self: a #OpPlatformClient
 * @seconds: how long one attempt may take, 1 to 600
 *
 * Sets the timeout of each attempt (a GET may make two). The default,
 * %OP_PLATFORM_CLIENT_DEFAULT_TIMEOUT, suits a desktop app.
 */
void
op_platform_client_set_timeout_seconds (OpPlatformClient *self,
                                        guint             seconds)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (seconds >= 1 && seconds <= 600);

  if (self->timeout_seconds == seconds)
    return;

  self->timeout_seconds = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT_SECONDS]);
}

/**
 * op_platform_client_get_language:
 * @self: a #OpPlatformClient
 *
 * Returns: the `Accept-Language` the client sends: the one set, or from
 *   the user's locale `zh-CN` for Chinese and `en` otherwise
 */
const char *
op_platform_client_get_language (OpPlatformClient *self)
{
  g_return_val_if_fail (OP_IS_PLATFORM_CLIENT (self), NULL);

  return self->language != NULL ? self->language : locale_language ();
}

/**
 * op_platform_client_set_language:
 * @self: a #OpPlatformClient
 * @language: (nullable): an `Accept-Language` value such as `zh-CN`, or
 *   %NULL to follow the user's locale
 *
 * Sets the language the platform answers in (names, descriptions, error
 * messages and field reasons).
 */
void
op_platform_client_set_language (OpPlatformClient *self,
                                 const char       *language)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
}

/**
 * op_platform_client_build_cashier_url:
 * @self: a #OpPlatformClient
 * @order: an order
 *
 * The platform's cashier page (收银台) for @order, to open in the browser:
 * `{base_url}/cashier/{order_id}?token=…`. The token comes from the order
 * (the platform gives it to the order's owner only), so this is the
 * order's own cashier URL moved onto the client's base URL: it stays right
 * when the platform is reached through a proxy under a path.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL when the
 *   order is not waiting for payment
 */
char *
op_platform_client_build_cashier_url (OpPlatformClient *self,
                                      OpOrder          *order)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *expected_path = NULL;
  const char *cashier_url;

  g_return_val_if_fail (OP_IS_PLATFORM_CLIENT (self), NULL);
  g_return_val_if_fail (OP_IS_ORDER (order), NULL);

  cashier_url = op_order_get_cashier_url (order);
  if (op_order_get_state (order) != OP_ORDER_STATE_UNPAID || cashier_url == NULL)
    return NULL;

  uri = g_uri_parse (cashier_url, G_URI_FLAGS_ENCODED, NULL);
  expected_path = g_strdup_printf ("/cashier/%" G_GINT64_FORMAT, op_order_get_id (order));
  if (uri == NULL || !g_str_equal (g_uri_get_path (uri), expected_path) ||
      g_uri_get_query (uri) == NULL)
    {
      g_debug ("Order %" G_GINT64_FORMAT ": unexpected cashier URL", op_order_get_id (order));
      return g_strdup (cashier_url);
    }

  return g_strconcat (self->base_url, expected_path, "?", g_uri_get_query (uri), NULL);
}

/* The checks every _finish does. */
#define FINISH_CHECKS(self, result, tag, value) \
  G_STMT_START { \
    g_return_val_if_fail (OP_IS_PLATFORM_CLIENT (self), value); \
    g_return_val_if_fail (g_task_is_valid (result, self), value); \
    g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, value); \
  } G_STMT_END

/**
 * op_platform_client_sign_in_async:
 * @self: a #OpPlatformClient
 * @login: the member account name
 * @password: its password (sent once, never kept)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Signs in (`POST /session`). On success the client uses the new session
 * for every later call. A wrong name or password fails with
 * %OP_PLATFORM_ERROR_WRONG_CREDENTIALS (and no #OpPlatformClient::session-expired).
 */
void
op_platform_client_sign_in_async (OpPlatformClient    *self,
                                  const char          *login,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (login != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "login");
  json_builder_add_string_value (builder, login);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);

  start_call (self, CALL_SIGN_IN, "POST", g_strdup ("/session"), json_builder_get_root (builder),
              parse_sign_in, NULL, sign_in_result_free,
              op_platform_client_sign_in_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_sign_in_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @token: (out) (optional) (transfer full): the session token, to keep in the keyring
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the signed-in account
 */
OpAccount *
op_platform_client_sign_in_finish (OpPlatformClient  *self,
                                   GAsyncResult      *result,
                                   char             **token,
                                   GError           **error)
{
  SignInResult *sign_in;
  OpAccount *account;

  FINISH_CHECKS (self, result, op_platform_client_sign_in_async, NULL);

  sign_in = g_task_propagate_pointer (G_TASK (result), error);
  if (sign_in == NULL)
    return NULL;

  account = g_steal_pointer (&sign_in->account);
  if (token != NULL)
    *token = g_steal_pointer (&sign_in->token);
  sign_in_result_free (sign_in);

  return account;
}

/**
 * op_platform_client_sign_out_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Signs out (`DELETE /session`). The client forgets its token at once,
 * whatever the platform answers; a session that had already expired
 * counts as signed out.
 */
void
op_platform_client_sign_out_async (OpPlatformClient    *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_SIGN_OUT, "DELETE", g_strdup ("/session"), NULL, NULL, NULL, NULL,
              op_platform_client_sign_out_async, cancellable, callback, user_data);
  op_platform_client_set_session_token (self, NULL);
}

gboolean
op_platform_client_sign_out_finish (OpPlatformClient  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_sign_out_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * op_platform_client_get_account_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets the signed-in account (`GET /account`).
 */
void
op_platform_client_get_account_async (OpPlatformClient    *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", g_strdup ("/account"), NULL,
              parse_object, &account_spec, g_object_unref,
              op_platform_client_get_account_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_account_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the account
 */
OpAccount *
op_platform_client_get_account_finish (OpPlatformClient  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_account_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_request_sms_code_async:
 * @self: a #OpPlatformClient
 * @mobile: the mobile number to verify
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Asks the platform to send an SMS code (短信验证码) for onboarding
 * (`POST /onboarding/sms`). Asking again too soon fails with
 * %OP_PLATFORM_ERROR_RATE_LIMITED (see op_platform_error_get_retry_after()).
 */
void
op_platform_client_request_sms_code_async (OpPlatformClient    *self,
                                           const char          *mobile,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (mobile != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mobile");
  json_builder_add_string_value (builder, mobile);
  json_builder_end_object (builder);

  start_call (self, CALL_DEFAULT, "POST",
              g_strdup ("/onboarding/sms"), json_builder_get_root (builder),
              parse_sms_code, NULL, g_free,
              op_platform_client_request_sms_code_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_request_sms_code_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @resend_after: (out) (optional): seconds before another code may be asked for
 * @error: return location for a #GError
 *
 * Returns: %TRUE once the code was sent
 */
gboolean
op_platform_client_request_sms_code_finish (OpPlatformClient  *self,
                                            GAsyncResult      *result,
                                            guint             *resend_after,
                                            GError           **error)
{
  g_autofree guint *seconds = NULL;

  FINISH_CHECKS (self, result, op_platform_client_request_sms_code_async, FALSE);

  seconds = g_task_propagate_pointer (G_TASK (result), error);
  if (seconds == NULL)
    return FALSE;

  if (resend_after != NULL)
    *resend_after = *seconds;

  return TRUE;
}

/**
 * op_platform_client_get_sandbox_sms_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Reads what the sandbox would have sent by SMS to this account
 * (`GET /sandbox/sms`), so that onboarding can be completed without a phone.
 * Only a sandbox platform has it (others answer %OP_PLATFORM_ERROR_NOT_FOUND).
 */
void
op_platform_client_get_sandbox_sms_async (OpPlatformClient    *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", g_strdup ("/sandbox/sms"), NULL,
              parse_sandbox_sms, NULL, sandbox_sms_free,
              op_platform_client_get_sandbox_sms_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_sandbox_sms_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @code: (out) (optional) (nullable) (transfer full): the newest code, or
 *   %NULL when none was sent
 * @text: (out) (optional) (nullable) (transfer full): the newest message's text
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success (also when no code was sent)
 */
gboolean
op_platform_client_get_sandbox_sms_finish (OpPlatformClient  *self,
                                           GAsyncResult      *result,
                                           char             **code,
                                           char             **text,
                                           GError           **error)
{
  SandboxSms *sms;

  FINISH_CHECKS (self, result, op_platform_client_get_sandbox_sms_async, FALSE);

  sms = g_task_propagate_pointer (G_TASK (result), error);
  if (sms == NULL)
    return FALSE;

  if (code != NULL)
    *code = g_steal_pointer (&sms->code);
  if (text != NULL)
    *text = g_steal_pointer (&sms->text);
  sandbox_sms_free (sms);

  return TRUE;
}

/**
 * op_platform_client_submit_onboarding_async:
 * @self: a #OpPlatformClient
 * @mobile: the verified mobile number
 * @sms_code: the SMS code received for it
 * @contact_name: the contact person
 * @email: the contact e-mail address
 * @developer_type: %OP_DEVELOPER_TYPE_SELF_USE or %OP_DEVELOPER_TYPE_ISV
 * @company_name: (nullable): the company (required for a 服务商)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Completes 入驻 (`POST /onboarding`). Field problems fail with
 * %OP_PLATFORM_ERROR_VALIDATION, naming `mobile`, `sms_code`,
 * `contact_name`, `email`, `developer_type` or `company_name`.
 */
void
op_platform_client_submit_onboarding_async (OpPlatformClient    *self,
                                            const char          *mobile,
                                            const char          *sms_code,
                                            const char          *contact_name,
                                            const char          *email,
                                            OpDeveloperType      developer_type,
                                            const char          *company_name,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (mobile != NULL);
  g_return_if_fail (sms_code != NULL);
  g_return_if_fail (contact_name != NULL);
  g_return_if_fail (email != NULL);
  g_return_if_fail (developer_type == OP_DEVELOPER_TYPE_SELF_USE ||
                    developer_type == OP_DEVELOPER_TYPE_ISV);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mobile");
  json_builder_add_string_value (builder, mobile);
  json_builder_set_member_name (builder, "sms_code");
  json_builder_add_string_value (builder, sms_code);
  json_builder_set_member_name (builder, "contact_name");
  json_builder_add_string_value (builder, contact_name);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "developer_type");
  json_builder_add_string_value (builder, _op_json_enum_to_nick (OP_TYPE_DEVELOPER_TYPE,
                                                                 developer_type));
  if (company_name != NULL && company_name[0] != '\0')
    {
      json_builder_set_member_name (builder, "company_name");
      json_builder_add_string_value (builder, company_name);
    }
  json_builder_end_object (builder);

  start_call (self, CALL_DEFAULT, "POST", g_strdup ("/onboarding"), json_builder_get_root (builder),
              parse_object, &account_spec, g_object_unref,
              op_platform_client_submit_onboarding_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_submit_onboarding_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the account, now a developer
 */
OpAccount *
op_platform_client_submit_onboarding_finish (OpPlatformClient  *self,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_submit_onboarding_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_list_roles_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the platform's roles with their qualification forms (`GET /roles`).
 */
void
op_platform_client_list_roles_async (OpPlatformClient    *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", g_strdup ("/roles"), NULL,
              parse_list, &roles_spec, g_object_unref,
              op_platform_client_list_roles_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_list_roles_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #OpRole
 */
GListModel *
op_platform_client_list_roles_finish (OpPlatformClient  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_list_roles_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_get_role_async:
 * @self: a #OpPlatformClient
 * @role_id: a role's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets one role (`GET /roles/{id}`).
 */
void
op_platform_client_get_role_async (OpPlatformClient    *self,
                                   const char          *role_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *segment = NULL;

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (role_id != NULL && role_id[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  segment = escape (role_id);
  start_call (self, CALL_DEFAULT, "GET", g_strconcat ("/roles/", segment, NULL), NULL,
              parse_object, &role_spec, g_object_unref,
              op_platform_client_get_role_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_role_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the role
 */
OpRole *
op_platform_client_get_role_finish (OpPlatformClient  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_role_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_apply_qualification_async:
 * @self: a #OpPlatformClient
 * @role_id: the role applied for
 * @fields: (element-type utf8 utf8): the form's values, field name → text
 *   (an image is a `data:` URL)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Submits a qualification application (`POST /qualifications`). The
 * platform checks the shape at once (field errors named `fields.<name>`)
 * and the values in its review (a rejection carries a reason per field).
 */
void
op_platform_client_apply_qualification_async (OpPlatformClient    *self,
                                              const char          *role_id,
                                              GHashTable          *fields,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (role_id != NULL);
  g_return_if_fail (fields != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role_id);
  json_builder_set_member_name (builder, "fields");
  json_builder_add_value (builder, string_map_to_json (fields));
  json_builder_end_object (builder);

  start_call (self, CALL_DEFAULT, "POST",
              g_strdup ("/qualifications"), json_builder_get_root (builder),
              parse_object, &qualification_spec, g_object_unref,
              op_platform_client_apply_qualification_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_apply_qualification_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the application, 审核中
 */
OpQualification *
op_platform_client_apply_qualification_finish (OpPlatformClient  *self,
                                               GAsyncResult      *result,
                                               GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_apply_qualification_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_list_qualifications_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the account's qualification applications, newest first
 * (`GET /qualifications`; without their field values).
 */
void
op_platform_client_list_qualifications_async (OpPlatformClient    *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", g_strdup ("/qualifications"), NULL,
              parse_list, &qualifications_spec, g_object_unref,
              op_platform_client_list_qualifications_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_list_qualifications_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #OpQualification
 */
GListModel *
op_platform_client_list_qualifications_finish (OpPlatformClient  *self,
                                               GAsyncResult      *result,
                                               GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_list_qualifications_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_get_qualification_async:
 * @self: a #OpPlatformClient
 * @qualification_id: an application's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets one application with its field values (`GET /qualifications/{id}`).
 */
void
op_platform_client_get_qualification_async (OpPlatformClient    *self,
                                            gint64               qualification_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (qualification_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET",
              g_strdup_printf ("/qualifications/%" G_GINT64_FORMAT, qualification_id), NULL,
              parse_object, &qualification_spec, g_object_unref,
              op_platform_client_get_qualification_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_qualification_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the application
 */
OpQualification *
op_platform_client_get_qualification_finish (OpPlatformClient  *self,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_qualification_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_resubmit_qualification_async:
 * @self: a #OpPlatformClient
 * @qualification_id: a rejected application's id
 * @fields: (element-type utf8 utf8): the corrected values
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Submits a rejected application again (`PUT /qualifications/{id}`); an
 * application in another state fails with %OP_PLATFORM_ERROR_CONFLICT.
 */
void
op_platform_client_resubmit_qualification_async (OpPlatformClient    *self,
                                                 gint64               qualification_id,
                                                 GHashTable          *fields,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (qualification_id > 0);
  g_return_if_fail (fields != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_add_value (builder, string_map_to_json (fields));
  json_builder_end_object (builder);

  start_call (self, CALL_DEFAULT, "PUT",
              g_strdup_printf ("/qualifications/%" G_GINT64_FORMAT, qualification_id),
              json_builder_get_root (builder),
              parse_object, &qualification_spec, g_object_unref,
              op_platform_client_resubmit_qualification_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_resubmit_qualification_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the application, 审核中 again
 */
OpQualification *
op_platform_client_resubmit_qualification_finish (OpPlatformClient  *self,
                                                  GAsyncResult      *result,
                                                  GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_resubmit_qualification_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_list_solutions_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the solutions, with whether this account may order each
 * (`GET /solutions`).
 */
void
op_platform_client_list_solutions_async (OpPlatformClient    *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", g_strdup ("/solutions"), NULL,
              parse_list, &solutions_spec, g_object_unref,
              op_platform_client_list_solutions_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_list_solutions_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #OpSolution
 */
GListModel *
op_platform_client_list_solutions_finish (OpPlatformClient  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_list_solutions_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_get_solution_async:
 * @self: a #OpPlatformClient
 * @solution_id: a solution's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets one solution with its APIs and message topics (`GET /solutions/{id}`).
 */
void
op_platform_client_get_solution_async (OpPlatformClient    *self,
                                       gint64               solution_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (solution_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET",
              g_strdup_printf ("/solutions/%" G_GINT64_FORMAT, solution_id), NULL,
              parse_object, &solution_spec, g_object_unref,
              op_platform_client_get_solution_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_solution_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the solution
 */
OpSolution *
op_platform_client_get_solution_finish (OpPlatformClient  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_solution_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_order_solution_async:
 * @self: a #OpPlatformClient
 * @solution_id: the solution to order
 * @existing_app_key: (nullable): the app that orders it, or %NULL with @new_app
 * @new_app: (nullable): an app to create for it, or %NULL with @existing_app_key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Orders a solution (`POST /solutions/{id}/orders`), for an existing app or
 * a new one (exactly one of the two). Never repeated on failure: when the
 * answer is lost, list the apps before trying again, so that no second app
 * is created. A missing role fails with %OP_PLATFORM_ERROR_WRONG_ROLE, an
 * app that already ordered it with %OP_PLATFORM_ERROR_CONFLICT, and bad
 * app information with %OP_PLATFORM_ERROR_VALIDATION (`new_app.name`, …).
 */
void
op_platform_client_order_solution_async (OpPlatformClient    *self,
                                         gint64               solution_id,
                                         const char          *existing_app_key,
                                         OpNewApp            *new_app,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (solution_id > 0);
  g_return_if_fail ((existing_app_key == NULL) != (new_app == NULL));
  g_return_if_fail (new_app == NULL || OP_IS_NEW_APP (new_app));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "POST",
              g_strdup_printf ("/solutions/%" G_GINT64_FORMAT "/orders", solution_id),
              app_choice_to_json (existing_app_key, new_app),
              parse_object, &order_result_spec, g_object_unref,
              op_platform_client_order_solution_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_order_solution_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the order, its app, and the new
 *   app's AppSecret when the order created the app
 */
OpSolutionOrderResult *
op_platform_client_order_solution_finish (OpPlatformClient  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_order_solution_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_list_apps_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the account's apps (`GET /apps`), without their launch, listing
 * and quota-increase details.
 */
void
op_platform_client_list_apps_async (OpPlatformClient    *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", g_strdup ("/apps"), NULL,
              parse_list, &apps_spec, g_object_unref,
              op_platform_client_list_apps_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_list_apps_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #OpApp
 */
GListModel *
op_platform_client_list_apps_finish (OpPlatformClient  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_list_apps_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
app_path (const char *app_key,
          const char *rest)
{
  g_autofree char *segment = escape (app_key);

  return g_strconcat ("/apps/", segment, rest, NULL);
}

/**
 * op_platform_client_get_app_async:
 * @self: a #OpPlatformClient
 * @app_key: an app's AppKey
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets one app with its details (`GET /apps/{app_key}`).
 */
void
op_platform_client_get_app_async (OpPlatformClient    *self,
                                  const char          *app_key,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (app_key != NULL && app_key[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", app_path (app_key, NULL), NULL,
              parse_object, &app_spec, g_object_unref,
              op_platform_client_get_app_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_app_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the app
 */
OpApp *
op_platform_client_get_app_finish (OpPlatformClient  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_app_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_reset_app_secret_async:
 * @self: a #OpPlatformClient
 * @app_key: an app's AppKey
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Issues a new AppSecret (`POST /apps/{app_key}/secret/reset`); the old
 * one stops working at once.
 */
void
op_platform_client_reset_app_secret_async (OpPlatformClient    *self,
                                           const char          *app_key,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (app_key != NULL && app_key[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "POST", app_path (app_key, "/secret/reset"), NULL,
              parse_secret, NULL, secret_free,
              op_platform_client_reset_app_secret_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_reset_app_secret_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new AppSecret, for the keyring
 */
char *
op_platform_client_reset_app_secret_finish (OpPlatformClient  *self,
                                            GAsyncResult      *result,
                                            GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_reset_app_secret_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_launch_app_async:
 * @self: a #OpPlatformClient
 * @app_key: a self-use app's AppKey
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Requests the launch (上线) of a self-use app (`POST /apps/{app_key}/launch`,
 * sent with `confirm: true`: call it only after the user confirmed the app's
 * information a second time). Unmet preconditions (no successful call on
 * record, wrong state, an app for sale) fail with %OP_PLATFORM_ERROR_CONFLICT.
 */
void
op_platform_client_launch_app_async (OpPlatformClient    *self,
                                     const char          *app_key,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (app_key != NULL && app_key[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "confirm");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);

  start_call (self, CALL_DEFAULT, "POST",
              app_path (app_key, "/launch"), json_builder_get_root (builder),
              parse_object, &app_spec, g_object_unref,
              op_platform_client_launch_app_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_launch_app_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the app, 上线审核中
 */
OpApp *
op_platform_client_launch_app_finish (OpPlatformClient  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_launch_app_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_submit_listing_async:
 * @self: a #OpPlatformClient
 * @app_key: an app for sale's AppKey
 * @jushita_account: the 聚石塔 account
 * @jushita_instance_id: the 聚石塔 instance the app runs on
 * @jushita_region: its region, e.g. `cn-hangzhou`
 * @callback_url: the OAuth callback URL (授权回调地址), https://
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Submits an ISV app for sale (提交售卖, `POST /apps/{app_key}/listing`).
 * Field problems are named `jushita.account`, `jushita.instance_id`,
 * `jushita.region` and `callback_url`.
 */
void
op_platform_client_submit_listing_async (OpPlatformClient    *self,
                                         const char          *app_key,
                                         const char          *jushita_account,
                                         const char          *jushita_instance_id,
                                         const char          *jushita_region,
                                         const char          *callback_url,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (app_key != NULL && app_key[0] != '\0');
  g_return_if_fail (jushita_account != NULL);
  g_return_if_fail (jushita_instance_id != NULL);
  g_return_if_fail (jushita_region != NULL);
  g_return_if_fail (callback_url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "jushita");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "account");
  json_builder_add_string_value (builder, jushita_account);
  json_builder_set_member_name (builder, "instance_id");
  json_builder_add_string_value (builder, jushita_instance_id);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, jushita_region);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "callback_url");
  json_builder_add_string_value (builder, callback_url);
  json_builder_end_object (builder);

  start_call (self, CALL_DEFAULT, "POST",
              app_path (app_key, "/listing"), json_builder_get_root (builder),
              parse_object, &app_spec, g_object_unref,
              op_platform_client_submit_listing_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_submit_listing_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the app, with its listing under review
 */
OpApp *
op_platform_client_submit_listing_finish (OpPlatformClient  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_submit_listing_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_request_quota_increase_async:
 * @self: a #OpPlatformClient
 * @app_key: a launched app's AppKey
 * @daily_limit: the daily limit asked for, above the current one
 * @reason: why
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Applies to raise the call quota (调高调用量,
 * `POST /apps/{app_key}/quota-increase`): possible once a launched app has
 * used 80% of today's limit (%OP_PLATFORM_ERROR_CONFLICT before).
 */
void
op_platform_client_request_quota_increase_async (OpPlatformClient    *self,
                                                 const char          *app_key,
                                                 gint64               daily_limit,
                                                 const char          *reason,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (app_key != NULL && app_key[0] != '\0');
  g_return_if_fail (reason != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "daily_limit");
  json_builder_add_int_value (builder, daily_limit);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);

  start_call (self, CALL_DEFAULT, "POST",
              app_path (app_key, "/quota-increase"), json_builder_get_root (builder),
              parse_object, &app_spec, g_object_unref,
              op_platform_client_request_quota_increase_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_request_quota_increase_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the app, with its quota increase under review
 */
OpApp *
op_platform_client_request_quota_increase_finish (OpPlatformClient  *self,
                                                  GAsyncResult      *result,
                                                  GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_request_quota_increase_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_get_app_usage_async:
 * @self: a #OpPlatformClient
 * @app_key: an app's AppKey
 * @days: how many platform days, 1 to 90, today first
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets an app's calls per day (`GET /apps/{app_key}/usage?days=N`).
 */
void
op_platform_client_get_app_usage_async (OpPlatformClient    *self,
                                        const char          *app_key,
                                        guint                days,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *rest = NULL;

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (app_key != NULL && app_key[0] != '\0');
  g_return_if_fail (days > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  rest = g_strdup_printf ("/usage?days=%u", days);
  start_call (self, CALL_DEFAULT, "GET", app_path (app_key, rest), NULL,
              parse_list, &usage_days_spec, g_object_unref,
              op_platform_client_get_app_usage_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_app_usage_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #OpUsageDay, newest first
 */
GListModel *
op_platform_client_get_app_usage_finish (OpPlatformClient  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_app_usage_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_list_abilities_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the abilities with their packages and this account's use
 * (`GET /abilities`).
 */
void
op_platform_client_list_abilities_async (OpPlatformClient    *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", g_strdup ("/abilities"), NULL,
              parse_list, &abilities_spec, g_object_unref,
              op_platform_client_list_abilities_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_list_abilities_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #OpAbility
 */
GListModel *
op_platform_client_list_abilities_finish (OpPlatformClient  *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_list_abilities_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_get_ability_async:
 * @self: a #OpPlatformClient
 * @ability_id: an ability's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets one ability with its description (`GET /abilities/{id}`).
 */
void
op_platform_client_get_ability_async (OpPlatformClient    *self,
                                      gint64               ability_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (ability_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET",
              g_strdup_printf ("/abilities/%" G_GINT64_FORMAT, ability_id), NULL,
              parse_object, &ability_spec, g_object_unref,
              op_platform_client_get_ability_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_ability_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the ability
 */
OpAbility *
op_platform_client_get_ability_finish (OpPlatformClient  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_ability_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_order_ability_async:
 * @self: a #OpPlatformClient
 * @ability_id: the ability
 * @package_id: one of its resource packages
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Orders a resource package (立即订购, `POST /abilities/{id}/orders`): a new
 * unpaid order, paid on its cashier page (op_platform_client_build_cashier_url()).
 */
void
op_platform_client_order_ability_async (OpPlatformClient    *self,
                                        gint64               ability_id,
                                        gint64               package_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (ability_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "package_id");
  json_builder_add_int_value (builder, package_id);
  json_builder_end_object (builder);

  start_call (self, CALL_DEFAULT, "POST",
              g_strdup_printf ("/abilities/%" G_GINT64_FORMAT "/orders", ability_id),
              json_builder_get_root (builder),
              parse_object, &order_spec, g_object_unref,
              op_platform_client_order_ability_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_order_ability_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the order, 待支付
 */
OpOrder *
op_platform_client_order_ability_finish (OpPlatformClient  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_order_ability_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_associate_ability_async:
 * @self: a #OpPlatformClient
 * @ability_id: a purchased ability
 * @existing_app_key: (nullable): the app to use it in, or %NULL with @new_app
 * @new_app: (nullable): an app to create for it, or %NULL with @existing_app_key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Associates an app with an ability (`POST /abilities/{id}/apps`). An
 * ability with no paid order fails with %OP_PLATFORM_ERROR_CONFLICT, as
 * does an app already associated.
 */
void
op_platform_client_associate_ability_async (OpPlatformClient    *self,
                                            gint64               ability_id,
                                            const char          *existing_app_key,
                                            OpNewApp            *new_app,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (ability_id > 0);
  g_return_if_fail ((existing_app_key == NULL) != (new_app == NULL));
  g_return_if_fail (new_app == NULL || OP_IS_NEW_APP (new_app));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "POST",
              g_strdup_printf ("/abilities/%" G_GINT64_FORMAT "/apps", ability_id),
              app_choice_to_json (existing_app_key, new_app),
              parse_app_with_secret, NULL, app_with_secret_free,
              op_platform_client_associate_ability_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_associate_ability_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @app_secret: (out) (optional) (nullable) (transfer full): the new app's
 *   AppSecret when the call created the app, else %NULL
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the associated app
 */
OpApp *
op_platform_client_associate_ability_finish (OpPlatformClient  *self,
                                             GAsyncResult      *result,
                                             char             **app_secret,
                                             GError           **error)
{
  AppWithSecret *associated;
  OpApp *app;

  FINISH_CHECKS (self, result, op_platform_client_associate_ability_async, NULL);

  associated = g_task_propagate_pointer (G_TASK (result), error);
  if (associated == NULL)
    return NULL;

  app = g_steal_pointer (&associated->app);
  if (app_secret != NULL)
    *app_secret = g_steal_pointer (&associated->app_secret);
  app_with_secret_free (associated);

  return app;
}

/**
 * op_platform_client_get_ability_usage_async:
 * @self: a #OpPlatformClient
 * @ability_id: an ability
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets the ability's 使用详情 (`GET /abilities/{id}/usage`).
 */
void
op_platform_client_get_ability_usage_async (OpPlatformClient    *self,
                                            gint64               ability_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (ability_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET",
              g_strdup_printf ("/abilities/%" G_GINT64_FORMAT "/usage", ability_id),
              NULL, parse_object, &ability_usage_spec, g_object_unref,
              op_platform_client_get_ability_usage_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_ability_usage_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the usage
 */
OpAbilityUsage *
op_platform_client_get_ability_usage_finish (OpPlatformClient  *self,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_ability_usage_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_list_orders_async:
 * @self: a #OpPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Lists the account's orders, newest first (我的订单, `GET /orders`).
 */
void
op_platform_client_list_orders_async (OpPlatformClient    *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET", g_strdup ("/orders"), NULL,
              parse_list, &orders_spec, g_object_unref,
              op_platform_client_list_orders_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_list_orders_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListModel of #OpOrder
 */
GListModel *
op_platform_client_list_orders_finish (OpPlatformClient  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_list_orders_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_get_order_async:
 * @self: a #OpPlatformClient
 * @order_id: an order's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Gets one order (`GET /orders/{id}`), e.g. to see whether it was paid.
 */
void
op_platform_client_get_order_async (OpPlatformClient    *self,
                                    gint64               order_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (order_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "GET",
              g_strdup_printf ("/orders/%" G_GINT64_FORMAT, order_id), NULL,
              parse_object, &order_spec, g_object_unref,
              op_platform_client_get_order_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_get_order_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the order
 */
OpOrder *
op_platform_client_get_order_finish (OpPlatformClient  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_get_order_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_platform_client_cancel_order_async:
 * @self: a #OpPlatformClient
 * @order_id: an unpaid order's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Cancels an unpaid order (`POST /orders/{id}/cancel`); another state fails
 * with %OP_PLATFORM_ERROR_CONFLICT.
 */
void
op_platform_client_cancel_order_async (OpPlatformClient    *self,
                                       gint64               order_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (OP_IS_PLATFORM_CLIENT (self));
  g_return_if_fail (order_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_call (self, CALL_DEFAULT, "POST",
              g_strdup_printf ("/orders/%" G_GINT64_FORMAT "/cancel", order_id),
              NULL, parse_object, &order_spec, g_object_unref,
              op_platform_client_cancel_order_async, cancellable, callback, user_data);
}

/**
 * op_platform_client_cancel_order_finish:
 * @self: a #OpPlatformClient
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the order, 已取消
 */
OpOrder *
op_platform_client_cancel_order_finish (OpPlatformClient  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  FINISH_CHECKS (self, result, op_platform_client_cancel_order_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
