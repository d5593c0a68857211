/* op-gateway-error.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-gateway-error"

#include "config.h"

#include "op-gateway-error.h"
#include "op-json.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

/* Deeper answers are refused before parsing: json-glib 1.6 parses
 * recursively and overflows the stack on ~100,000 nested brackets, and no
 * real answer comes near this. */
#define MAX_NESTING 256

/* A non-JSON error body shorter than this is kept as the server's message. */
#define MAX_TEXT_MESSAGE 256

struct _OpGatewayError
{
  OpGatewayErrorKind        kind;
  guint                     http_status;
  char                     *code;
  char                     *message;
  char                     *exception;
  char                     *request_id;
  const OpGatewayErrorInfo *info;
};

G_DEFINE_BOXED_TYPE (OpGatewayError, op_gateway_error, op_gateway_error_copy, op_gateway_error_free)

G_DEFINE_QUARK (op-gateway-body-error-quark, op_gateway_body_error)

/* The codes of protocol.md, "Gateway errors". Every text is for a developer
 * who may not know the protocol: what happened, then what to do. */
static const OpGatewayErrorInfo infos[] = {
  {
    "gw.SignatureInvalid", 400,
    N_("The signature is wrong"),
    /* Translators: keep “_aop_signature” and “_aop_timestamp” as they are:
     * they are parameter names. One cause per line, each starting with “• ”. */
    N_("The gateway computed the signature (_aop_signature) of the request with the app’s AppSecret "
       "and got a different result, so it refused the request. Common causes:\n"
       "• the AppSecret is wrong, or it was reset and an old copy is still in use;\n"
       "• the parameters were sorted by their names instead of by name and value joined together;\n"
       "• URL-encoded values were signed instead of the values as they are;\n"
       "• the URL path is wrong: it must start with “param2/” (no leading slash, no “/openapi”) "
       "and end with the app’s own AppKey;\n"
       "• a parameter was sent but not signed, or signed but not sent;\n"
       "• _aop_timestamp is too old, for example because the computer’s clock is wrong."),
    N_("Copy the AppSecret again from the app’s page and check that it belongs to the AppKey at the "
       "end of the URL. Then compare the string to sign with the request that was sent: the API test "
       "tool shows both. If you send _aop_timestamp, check the computer’s clock."),
  },
  {
    "gw.APIUnsupported", 400,
    N_("The API does not exist"),
    N_("The gateway knows no API with this namespace, name and version. Often one of them is "
       "misspelled or has the wrong case, or the API belongs to another namespace: for example, "
       "logistics APIs are in com.alibaba.logistics, not in com.alibaba.trade."),
    N_("Compare the namespace, the API name and the version in the URL with the API’s documentation "
       "page, letter by letter. Business APIs are called with “param2/1/”."),
  },
  {
    "gw.APIACLDecline", 400,
    N_("The app may not call this API"),
    /* Translators: “AppKey is not allowed(acl)” is the gateway's own message: keep it in English */
    N_("The gateway answered “AppKey is not allowed(acl)”: the app has not ordered a solution that "
       "contains this API, so it has no permission to call it."),
    N_("Order a solution that contains this API and choose this app for it, then try again. Each "
       "solution’s page lists its APIs; if it requires a role you do not have, apply for the "
       "qualification first."),
  },
  {
    "gw.ParamMissing", 400,
    N_("A required parameter is missing"),
    /* Translators: “Required argument offerId” is the gateway's own message: keep it in English */
    N_("The API needs a parameter that the request did not contain. The gateway’s message names it, "
       "for example “Required argument offerId”."),
    N_("Add the named parameter with a value, as the API’s documentation page describes it, and "
       "send the request again."),
  },
  {
    "gw.QosAppFrequencyLimit", 400,
    N_("Too many calls"),
    /* Translators: “App call exceeds limited frequency” is the gateway's own message: keep it in English */
    N_("The gateway answered “App call exceeds limited frequency”: the app has used up today’s call "
       "quota, or made too many calls in a short time. While an app is in development its AppKey may "
       "make 5,000 calls a day in total; a launched app may make 100,000 a day. The count starts "
       "again at midnight China Standard Time (UTC+8)."),
    /* xgettext:no-c-format */
    N_("Wait, then try again, and make fewer calls, for example by keeping results instead of asking "
       "for them again. If the daily quota is too small, launch the app to get more calls; when a "
       "launched app uses 80% of its quota in a day, you may apply to raise the call quota."),
  },
  {
    "401", 401,
    N_("Authorization is needed"),
    /* Translators: “Request need user authorized” is the gateway's own message: keep it in English */
    N_("The gateway answered “Request need user authorized”: this API acts for a 1688 member and "
       "needs a valid access token (access_token), but the request had none, or the token is wrong "
       "or has expired. An access token is valid for 10 hours."),
    N_("Get a new access token with the refresh token, or ask the member to authorize the app "
       "again. Check that the token was issued to this app’s AppKey and that it is sent and signed "
       "as the access_token parameter."),
  },
};

static OpGatewayError *
op_gateway_error_new (OpGatewayErrorKind kind,
                      guint              http_status)
{
  OpGatewayError *self = g_new0 (OpGatewayError, 1);

  self->kind = kind;
  self->http_status = http_status;

  return self;
}

/* The text of a scalar member, or NULL when it is absent, null, "",
 * an object or an array. Numbers are written as JSON would write them;
 * json-glib 1.6 itself clamps integers beyond 64 bits. */
static char *
member_to_string (JsonObject *object,
                  const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *str = json_node_get_string (node);

        return str != NULL && *str != '\0' ? g_strdup (str) : NULL;
      }

    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        if (!isfinite (value))
          return NULL;

        return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
      }

    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");

    default:
      return NULL;
    }
}

static char *
first_member_to_string (JsonObject         *object,
                        const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *str = member_to_string (object, names[i]);

      if (str != NULL)
        return str;
    }

  return NULL;
}

static const char * const gateway_code_names[] = { "error_code", "errorCode", NULL };
static const char * const gateway_message_names[] = { "error_message", "errorMessage", "message", NULL };
static const char * const business_code_names[] = { "errorCode", "error_code", "code", "errCode", NULL };
static const char * const business_message_names[] = {
  "errorMessage", "errorMsg", "erroMsg", "error_message", "message", "msg", "errMsg", NULL
};
static const char * const request_id_names[] = { "request_id", "requestId", NULL };
/* "succes" and "isSuccess" are spelled so by some real APIs */
static const char * const success_names[] = { "success", "succes", "isSuccess", NULL };

typedef enum
{
  FLAG_ABSENT,
  FLAG_TRUE,
  FLAG_FALSE,
} Flag;

static Flag
get_success_flag (JsonObject *object)
{
  for (guint i = 0; success_names[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, success_names[i]);

      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
        continue;

      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (node) ? FLAG_TRUE : FLAG_FALSE;

        case G_TYPE_STRING:
          if (g_ascii_strcasecmp (json_node_get_string (node), "true") == 0)
            return FLAG_TRUE;
          if (g_ascii_strcasecmp (json_node_get_string (node), "false") == 0)
            return FLAG_FALSE;
          break;

        case G_TYPE_INT64:
          return json_node_get_int (node) != 0 ? FLAG_TRUE : FLAG_FALSE;

        default:
          break;
        }
    }

  return FLAG_ABSENT;
}

static gboolean
is_gateway_code (const char *code)
{
  return code != NULL && g_ascii_strncasecmp (code, "gw.", 3) == 0;
}

/* An error code that says "no error" in answers without a success flag. */
static gboolean
is_no_error_code (const char *code)
{
  return code == NULL || strcmp (code, "0") == 0;
}

/* A short plain-text error body ("Request need user authorized"), kept as
 * the server's message; NULL for HTML pages, broken JSON, long or binary
 * bodies. */
static char *
text_message (const char *body,
              gsize       length)
{
  g_autofree char *text = NULL;

  if (length == 0 || length > MAX_TEXT_MESSAGE || !g_utf8_validate (body, length, NULL))
    return NULL;

  text = g_strstrip (g_strndup (body, length));
  /* an HTML page, or JSON that failed to parse */
  if (*text == '\0' || *text == '<' || *text == '{' || *text == '[')
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return NULL;

  return g_steal_pointer (&text);
}

/* An answer with a non-2xx status. */
static OpGatewayError *
parse_failure (guint       http_status,
               const char *body,
               gsize       length,
               JsonNode   *root)
{
  g_autoptr(OpGatewayError) self = op_gateway_error_new (OP_GATEWAY_ERROR_KIND_HTTP, http_status);
  JsonObject *object = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_node_get_object (root);

  if (object != NULL)
    {
      self->code = first_member_to_string (object, gateway_code_names);
      self->message = first_member_to_string (object, gateway_message_names);
      self->exception = member_to_string (object, "exception");
      self->request_id = first_member_to_string (object, request_id_names);
    }
  else if (root == NULL)
    {
      self->message = text_message (body, length);
    }

  if (self->code != NULL)
    {
      self->kind = OP_GATEWAY_ERROR_KIND_GATEWAY;
      self->info = op_gateway_error_lookup (self->code);
    }

  /* The gateway answers 401 for a missing, wrong or expired access token,
   * with a body that is not always its usual JSON. */
  if (http_status == 401)
    {
      self->kind = OP_GATEWAY_ERROR_KIND_GATEWAY;
      if (self->code == NULL)
        self->code = g_strdup ("401");
      if (self->info == NULL)
        self->info = op_gateway_error_lookup ("401");
    }

  return g_steal_pointer (&self);
}

/* A JSON object answered with a 2xx status. */
static OpGatewayError *
parse_success (guint       http_status,
               JsonObject *object)
{
  g_autoptr(OpGatewayError) self = op_gateway_error_new (OP_GATEWAY_ERROR_KIND_NONE, http_status);
  g_autofree char *top_code = first_member_to_string (object, business_code_names);
  g_autofree char *gateway_code = member_to_string (object, "error_code");
  JsonObject *holder = NULL;
  Flag flag = get_success_flag (object);

  self->request_id = first_member_to_string (object, request_id_names);

  /* A gateway error delivered with 200, as some proxies do. */
  if (flag == FLAG_ABSENT && is_gateway_code (gateway_code))
    {
      self->kind = OP_GATEWAY_ERROR_KIND_GATEWAY;
      self->code = g_steal_pointer (&gateway_code);
      self->message = first_member_to_string (object, gateway_message_names);
      self->exception = member_to_string (object, "exception");
      self->info = op_gateway_error_lookup (self->code);
      return g_steal_pointer (&self);
    }

  if (flag == FLAG_FALSE)
    {
      holder = object;
    }
  else
    {
      JsonNode *result = json_object_get_member (object, "result");

      /* {"result": {"success": false, "code": …, "message": …}} */
      if (result != NULL && JSON_NODE_HOLDS_OBJECT (result) &&
          get_success_flag (json_node_get_object (result)) == FLAG_FALSE)
        holder = json_node_get_object (result);
      /* {"errorCode": …, "errorMessage": …} without any success flag */
      else if (flag == FLAG_ABSENT && !is_no_error_code (top_code))
        holder = object;
    }

  if (holder == NULL)
    return g_steal_pointer (&self);

  self->kind = OP_GATEWAY_ERROR_KIND_BUSINESS;
  self->code = first_member_to_string (holder, business_code_names);
  self->message = first_member_to_string (holder, business_message_names);
  if (holder != object)
    {
      if (self->code == NULL)
        self->code = g_steal_pointer (&top_code);
      if (self->message == NULL)
        self->message = first_member_to_string (object, business_message_names);
    }

  if (is_gateway_code (self->code))
    {
      self->kind = OP_GATEWAY_ERROR_KIND_GATEWAY;
      self->info = op_gateway_error_lookup (self->code);
    }

  return g_steal_pointer (&self);
}

/**
 * op_gateway_error_lookup:
 * @code: (nullable): a gateway error code, such as "gw.SignatureInvalid", or "401"
 *
 * Finds a code of the gateway error table. Case is ignored.
 *
 * Returns: (transfer none) (nullable): the static entry, or %NULL if @code is
 *   not in the table
 */
const OpGatewayErrorInfo *
op_gateway_error_lookup (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (infos); i++)
    if (g_ascii_strcasecmp (infos[i].code, code) == 0)
      return &infos[i];

  return NULL;
}

/**
 * op_gateway_error_list:
 * @n_infos: (out): where to store the number of entries
 *
 * Returns: (transfer none) (array length=n_infos): the whole table, in the
 *   order of protocol.md, for a help page
 */
const OpGatewayErrorInfo *
op_gateway_error_list (guint *n_infos)
{
  g_return_val_if_fail (n_infos != NULL, NULL);

  *n_infos = G_N_ELEMENTS (infos);

  return infos;
}

/**
 * op_gateway_error_info_get_summary:
 * @info: an entry of the table
 *
 * Returns: (transfer none): the short title of the error, translated
 */
const char *
op_gateway_error_info_get_summary (const OpGatewayErrorInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return _(info->summary);
}

/**
 * op_gateway_error_info_get_explanation:
 * @info: an entry of the table
 *
 * Returns: (transfer none): what went wrong, translated; it may hold several
 *   lines (a list of causes, each line starting with "• ")
 */
const char *
op_gateway_error_info_get_explanation (const OpGatewayErrorInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return _(info->explanation);
}

/**
 * op_gateway_error_info_get_fix:
 * @info: an entry of the table
 *
 * Returns: (transfer none): what to do about the error, translated
 */
const char *
op_gateway_error_info_get_fix (const OpGatewayErrorInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return _(info->fix);
}

/**
 * op_gateway_error_parse_body:
 * @http_status: the HTTP status of the answer (100–599)
 * @body: (array length=length) (nullable): the body of the answer
 * @length: the length of @body in bytes, or -1 if it is nul-terminated
 * @error: where to report a 2xx body that cannot be read
 *
 * Finds what went wrong, if anything, in an answer of the gateway:
 *
 * - A non-2xx answer is %OP_GATEWAY_ERROR_KIND_GATEWAY when its JSON object
 *   has an `error_code` (or `errorCode`), with `error_message`, `exception`
 *   and `request_id` (or `requestId`) read when present; any other non-2xx
 *   answer is %OP_GATEWAY_ERROR_KIND_HTTP, its message being the body when
 *   that is short plain text (at most 256 bytes, not HTML, not broken JSON). HTTP 401 is always a gateway error,
 *   whatever the body: code "401" unless the body gives one, and the "401"
 *   entry of the table unless the code has its own.
 * - A 2xx JSON object is a %OP_GATEWAY_ERROR_KIND_BUSINESS error when its
 *   success flag (`success`, `succes` or `isSuccess`: false, "false" or 0) is
 *   false, or when it has no success flag but its `result` object has a
 *   false one, or when it has no success flag and a non-empty `errorCode`
 *   other than "0". The code is read from `errorCode`, `error_code`, `code` or
 *   `errCode` and the message from `errorMessage`, `errorMsg`, `erroMsg`,
 *   `error_message`, `message`, `msg` or `errMsg`, of the object with the
 *   false flag first. A 2xx object whose code starts with "gw." is a
 *   %OP_GATEWAY_ERROR_KIND_GATEWAY error (a gateway error delivered with 200).
 * - Any other 2xx JSON (an object with no error, an array, a number) is
 *   %OP_GATEWAY_ERROR_KIND_NONE.
 * - A 2xx answer that is empty or not JSON (or nested more than 256 deep)
 *   is not an error of the gateway: %NULL is returned with @error set in
 *   %OP_GATEWAY_BODY_ERROR.
 *
 * Numeric codes are kept as their decimal text. Integers beyond 64 bits are
 * clamped by json-glib 1.6 itself, so such a code is not exact.
 *
 * Returns: (transfer full) (nullable): the result, which is never %NULL for a
 *   non-2xx status; free it with op_gateway_error_free()
 */
OpGatewayError *
op_gateway_error_parse_body (guint        http_status,
                             const char  *body,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root = NULL;
  gboolean success;
  gsize len;

  g_return_val_if_fail (http_status >= 100 && http_status <= 599, NULL);
  g_return_val_if_fail (body != NULL || length <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (body == NULL)
    body = "";
  len = length < 0 ? strlen (body) : (gsize) length;
  success = http_status >= 200 && http_status <= 299;

  if (!op_json_nesting_ok (body, len, MAX_NESTING))
    {
      g_debug ("Answer with HTTP status %u nested deeper than %d", http_status, MAX_NESTING);
      if (success)
        {
          g_set_error_literal (error, OP_GATEWAY_BODY_ERROR, OP_GATEWAY_BODY_ERROR_MALFORMED,
                               _("The gateway’s answer could not be read: it is nested too deeply."));
          return NULL;
        }

      return parse_failure (http_status, body, 0, NULL);
    }

  parser = json_parser_new ();
  if (len > 0 && json_parser_load_from_data (parser, body, (gssize) len, &local_error))
    root = json_parser_get_root (parser);
  else if (local_error != NULL)
    g_debug ("Answer with HTTP status %u is not JSON: %s", http_status, local_error->message);

  if (!success)
    return parse_failure (http_status, body, len, root);

  if (root == NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (error, OP_GATEWAY_BODY_ERROR, OP_GATEWAY_BODY_ERROR_EMPTY,
                             _("The gateway’s answer was empty."));
      else
        g_set_error_literal (error, OP_GATEWAY_BODY_ERROR, OP_GATEWAY_BODY_ERROR_MALFORMED,
                             _("The gateway’s answer could not be read: it is not valid JSON."));
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return op_gateway_error_new (OP_GATEWAY_ERROR_KIND_NONE, http_status);

  return parse_success (http_status, json_node_get_object (root));
}

/**
 * op_gateway_error_copy:
 * @self: a result
 *
 * Returns: (transfer full): a copy of @self
 */
OpGatewayError *
op_gateway_error_copy (const OpGatewayError *self)
{
  OpGatewayError *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = op_gateway_error_new (self->kind, self->http_status);
  copy->code = g_strdup (self->code);
  copy->message = g_strdup (self->message);
  copy->exception = g_strdup (self->exception);
  copy->request_id = g_strdup (self->request_id);
  copy->info = self->info;

  return copy;
}

/**
 * op_gateway_error_free:
 * @self: (nullable): a result
 */
void
op_gateway_error_free (OpGatewayError *self)
{
  if (self == NULL)
    return;

  g_free (self->code);
  g_free (self->message);
  g_free (self->exception);
  g_free (self->request_id);
  g_free (self);
}

/**
 * op_gateway_error_is_error:
 * @self: a result
 *
 * Returns: %TRUE unless the kind is %OP_GATEWAY_ERROR_KIND_NONE
 */
gboolean
op_gateway_error_is_error (const OpGatewayError *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->kind != OP_GATEWAY_ERROR_KIND_NONE;
}

/**
 * op_gateway_error_get_kind:
 * @self: a result
 *
 * Returns: whether and how the request failed
 */
OpGatewayErrorKind
op_gateway_error_get_kind (const OpGatewayError *self)
{
  g_return_val_if_fail (self != NULL, OP_GATEWAY_ERROR_KIND_NONE);

  return self->kind;
}

/**
 * op_gateway_error_get_http_status:
 * @self: a result
 *
 * Returns: the HTTP status the answer came with
 */
guint
op_gateway_error_get_http_status (const OpGatewayError *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->http_status;
}

/**
 * op_gateway_error_get_code:
 * @self: a result
 *
 * Returns: (nullable): the error code as the server sent it (numbers as
 *   text), "401" for an HTTP 401 without one, %NULL if there is none
 */
const char *
op_gateway_error_get_code (const OpGatewayError *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->code;
}

/**
 * op_gateway_error_get_message:
 * @self: a result
 *
 * The server's own message, untranslated and often in Chinese or terse
 * English: show it only after a translated lead-in, as
 * op_gateway_error_describe() does.
 *
 * Returns: (nullable): the server's message, or %NULL
 */
const char *
op_gateway_error_get_message (const OpGatewayError *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->message;
}

/**
 * op_gateway_error_get_exception:
 * @self: a result
 *
 * Returns: (nullable): the gateway's `exception` text, for logs, or %NULL
 */
const char *
op_gateway_error_get_exception (const OpGatewayError *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->exception;
}

/**
 * op_gateway_error_get_request_id:
 * @self: a result
 *
 * Returns: (nullable): the request ID to quote to the platform's support,
 *   or %NULL
 */
const char *
op_gateway_error_get_request_id (const OpGatewayError *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->request_id;
}

/**
 * op_gateway_error_get_info:
 * @self: a result
 *
 * Returns: (transfer none) (nullable): the table entry of the code (for HTTP
 *   401, the "401" entry when the code has none), or %NULL
 */
const OpGatewayErrorInfo *
op_gateway_error_get_info (const OpGatewayError *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->info;
}

/**
 * op_gateway_error_describe:
 * @self: a result
 *
 * A translated text for a dialog: the summary, explanation and fix of a
 * known code, or a sentence naming the code or HTTP status; then the
 * server's message and the request ID, each after a translated lead-in.
 * Paragraphs are separated by an empty line.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for
 *   %OP_GATEWAY_ERROR_KIND_NONE
 */
char *
op_gateway_error_describe (const OpGatewayError *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == OP_GATEWAY_ERROR_KIND_NONE)
    return NULL;

  text = g_string_new (NULL);

  if (self->info != NULL)
    g_string_append_printf (text, "%s\n\n%s\n\n%s",
                            op_gateway_error_info_get_summary (self->info),
                            op_gateway_error_info_get_explanation (self->info),
                            op_gateway_error_info_get_fix (self->info));
  else if (self->kind == OP_GATEWAY_ERROR_KIND_GATEWAY)
    /* Translators: %s is an error code such as “gw.SomethingWrong” */
    g_string_append_printf (text, _("The gateway refused the request with the error code “%s”."),
                            self->code);
  else if (self->kind == OP_GATEWAY_ERROR_KIND_BUSINESS && self->code != NULL)
    /* Translators: %s is an error code chosen by the API, such as “500_001” */
    g_string_append_printf (text, _("The API could not do what was asked and reported the error code “%s”."),
                            self->code);
  else if (self->kind == OP_GATEWAY_ERROR_KIND_BUSINESS)
    g_string_append (text, _("The API could not do what was asked."));
  else
    /* Translators: %u is an HTTP status code such as 502 */
    g_string_append_printf (text, _("The server answered with the HTTP status %u instead of a result."),
                            self->http_status);

  if (self->message != NULL)
    {
      g_string_append (text, "\n\n");
      /* Translators: %s is the server's own message, often in Chinese or in English */
      g_string_append_printf (text, _("The server said: “%s”"), self->message);
    }

  if (self->request_id != NULL)
    {
      g_string_append (text, "\n\n");
      /* Translators: %s is an identifier to quote to the platform's support */
      g_string_append_printf (text, _("Request ID: %s"), self->request_id);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
