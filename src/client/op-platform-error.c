/* op-platform-error.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-platform-error"

#include "config.h"

#include "op-platform-error.h"
#include "op-json.h"
#include "op-platform-error-private.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

/* An extended GError domain (GLib 2.68): each error carries what the
 * platform said besides the code and the message, so that a form can put
 * each field's reason under that field without parsing any text. */

typedef struct
{
  GHashTable *fields;        /* (nullable) field name → reason; never changed once set */
  char       *server_code;   /* (nullable) the platform's error code, e.g. "wrong_state" */
  guint       http_status;   /* 0 when no answer came */
  guint       retry_after;   /* seconds, from Retry-After; 0 when not given */
} OpPlatformErrorPrivate;

static void
op_platform_error_private_init (OpPlatformErrorPrivate *priv)
{
  priv->fields = NULL;
  priv->server_code = NULL;
  priv->http_status = 0;
  priv->retry_after = 0;
}

static void
op_platform_error_private_copy (const OpPlatformErrorPrivate *src,
                                OpPlatformErrorPrivate       *dest)
{
  dest->fields = src->fields != NULL ? g_hash_table_ref (src->fields) : NULL;
  dest->server_code = g_strdup (src->server_code);
  dest->http_status = src->http_status;
  dest->retry_after = src->retry_after;
}

static void
op_platform_error_private_clear (OpPlatformErrorPrivate *priv)
{
  g_clear_pointer (&priv->fields, g_hash_table_unref);
  g_clear_pointer (&priv->server_code, g_free);
}

G_DEFINE_EXTENDED_ERROR (OpPlatformError, op_platform_error)

/* What to do next, for each code, when the platform gave no explanation. */
static const char * const fallback_messages[] = {
  [OP_PLATFORM_ERROR_NETWORK] = NULL,  /* names the address: see _op_platform_error_new_network() */
  [OP_PLATFORM_ERROR_TIMEOUT] = NULL,  /* likewise */
  [OP_PLATFORM_ERROR_SESSION_EXPIRED] =
    N_("Your session with the platform has ended. Sign in again."),
  [OP_PLATFORM_ERROR_WRONG_CREDENTIALS] =
    N_("The account name or the password is wrong. Check them and try again."),
  [OP_PLATFORM_ERROR_VALIDATION] =
    N_("Some fields are not valid. Correct the marked fields and try again."),
  [OP_PLATFORM_ERROR_WRONG_ROLE] =
    N_("Your account may not do this. Check its roles and qualifications, then try again."),
  [OP_PLATFORM_ERROR_NOT_FOUND] =
    N_("This does not exist on the platform any more. Reload and try again."),
  [OP_PLATFORM_ERROR_CONFLICT] =
    N_("This is not possible in the current state. Reload to see the current state."),
  [OP_PLATFORM_ERROR_TOO_LARGE] =
    N_("The request is too large for the platform. Use smaller attachments and try again."),
  [OP_PLATFORM_ERROR_RATE_LIMITED] =
    N_("Too many requests. Wait a minute, then try again."),
  [OP_PLATFORM_ERROR_SERVER] =
    N_("The platform could not complete the request. Try again later."),
};

static OpPlatformErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != OP_PLATFORM_ERROR)
    return NULL;

  return op_platform_error_get_private (error);
}

static GError *
new_error (OpPlatformError  code,
           char            *message,       /* (transfer full) */
           const char      *server_code,
           guint            http_status,
           GHashTable      *fields,        /* (transfer full) (nullable) */
           guint            retry_after)
{
  GError *error = g_error_new_literal (OP_PLATFORM_ERROR, code, message);
  OpPlatformErrorPrivate *priv = op_platform_error_get_private (error);

  priv->fields = fields;
  priv->server_code = g_strdup (server_code);
  priv->http_status = http_status;
  priv->retry_after = retry_after;

  g_free (message);

  return error;
}

static OpPlatformError
code_for_status (guint       status,
                 const char *server_code)
{
  switch (status)
    {
    case 400:
    case 422:
      return OP_PLATFORM_ERROR_VALIDATION;
    case 401:
      if (g_strcmp0 (server_code, "invalid_credentials") == 0)
        return OP_PLATFORM_ERROR_WRONG_CREDENTIALS;
      return OP_PLATFORM_ERROR_SESSION_EXPIRED;
    case 403:
      return OP_PLATFORM_ERROR_WRONG_ROLE;
    case 404:
    case 410:
      return OP_PLATFORM_ERROR_NOT_FOUND;
    case 409:
    case 412:
      return OP_PLATFORM_ERROR_CONFLICT;
    case 413:
      return OP_PLATFORM_ERROR_TOO_LARGE;
    case 429:
      return OP_PLATFORM_ERROR_RATE_LIMITED;
    default:
      return OP_PLATFORM_ERROR_SERVER;
    }
}

static guint
parse_retry_after (const char *value)
{
  guint64 seconds = 0;

  /* Only the delay-seconds form: the service never sends an HTTP date. */
  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 0, 24 * 3600, &seconds, NULL))
    return 0;

  return (guint) seconds;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static GHashTable *
read_fields (JsonObject *error_object)
{
  JsonNode *node = json_object_get_member (error_object, "fields");
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  names = json_object_get_members (object);
  fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *reason = string_member (object, l->data);

      if (reason != NULL)
        g_hash_table_insert (fields, g_strdup (l->data), g_strdup (reason));
    }

  if (g_hash_table_size (fields) == 0)
    return NULL;

  return g_steal_pointer (&fields);
}

/* The answer's {"error": {…}} object, or NULL when it is not one. */
static JsonObject *
read_error_object (JsonParser *parser,
                   GBytes     *body)
{
  const char *data;
  gsize length = 0;
  JsonNode *root;
  JsonNode *node;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &length);
  if (length == 0 || !op_json_parser_load (parser, data, length, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  node = json_object_get_member (json_node_get_object (root), "error");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/**
 * _op_platform_error_new_from_answer:
 * @base_url: the platform's address, for messages
 * @status: the HTTP status, not a success
 * @retry_after: (nullable): the Retry-After header
 * @body: (nullable): the answer
 *
 * Returns: (transfer full): the error that the answer means
 */
GError *
_op_platform_error_new_from_answer (const char *base_url,
                                    guint       status,
                                    const char *retry_after,
                                    GBytes     *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *error_object = read_error_object (parser, body);
  const char *server_code = NULL;
  const char *server_message = NULL;
  OpPlatformError code;
  char *message;

  if (error_object == NULL)
    {
      /* Not the platform speaking: a proxy, or another web server at that address. */
      if (status >= 500)
        /* Translators: %s is the platform's address (http://127.0.0.1:8688), %u an HTTP status */
        message = g_strdup_printf (_("The platform at %s is not available right now (HTTP %u). "
                                     "Try again later."),
                                   base_url, status);
      else
        /* Translators: %s is the address the user configured, %u an HTTP status */
        message = g_strdup_printf (_("The address %s does not answer like an Open 1688 platform "
                                     "(HTTP %u). Check the platform address in Preferences."),
                                   base_url, status);

      return new_error (OP_PLATFORM_ERROR_SERVER, message, NULL, status, NULL,
                        parse_retry_after (retry_after));
    }

  server_code = string_member (error_object, "code");
  server_message = string_member (error_object, "message");
  code = code_for_status (status, server_code);

  if (server_message != NULL && server_message[0] != '\0')
    /* Translators: %s is the platform's own explanation, already in the user's language */
    message = g_strdup_printf (_("The platform says: %s"), server_message);
  else
    message = g_strdup (_(fallback_messages[code]));

  return new_error (code, message, server_code, status, read_fields (error_object),
                    parse_retry_after (retry_after));
}

/**
 * _op_platform_error_new_network:
 * @base_url: the platform's address
 * @cause: the I/O error (logged)
 *
 * Returns: (transfer full): an %OP_PLATFORM_ERROR_NETWORK error
 */
GError *
_op_platform_error_new_network (const char   *base_url,
                                const GError *cause)
{
  g_debug ("Cannot reach %s: %s", base_url, cause != NULL ? cause->message : "unknown");

  return new_error (OP_PLATFORM_ERROR_NETWORK,
                    /* Translators: %s is the platform's address, e.g. http://127.0.0.1:8688 */
                    g_strdup_printf (_("Cannot reach the platform at %s. "
                                       "Check that it is running and try again."), base_url),
                    NULL, 0, NULL, 0);
}

GError *
_op_platform_error_new_timeout (const char *base_url)
{
  return new_error (OP_PLATFORM_ERROR_TIMEOUT,
                    /* Translators: %s is the platform's address, e.g. http://127.0.0.1:8688 */
                    g_strdup_printf (_("The platform at %s did not answer in time. "
                                       "Check the connection and try again."), base_url),
                    NULL, 0, NULL, 0);
}

/* A success answer that this client cannot read (the detail is logged by
 * the caller). */
GError *
_op_platform_error_new_bad_answer (const char *base_url)
{
  return new_error (OP_PLATFORM_ERROR_SERVER,
                    /* Translators: %s is the platform's address, e.g. http://127.0.0.1:8688 */
                    g_strdup_printf (_("The platform at %s sent an answer this app cannot read. "
                                       "Make sure the app and the platform are the same version."),
                                     base_url),
                    NULL, 0, NULL, 0);
}

/**
 * op_platform_error_new_validation:
 * @message: (nullable): the message, or %NULL for the generic one
 * @fields: (nullable): field name → reason (copied)
 *
 * Makes a validation error of the same shape as the platform's, for checks
 * made before sending (so a form handles both the same way).
 *
 * Returns: (transfer full): an %OP_PLATFORM_ERROR_VALIDATION error
 */
GError *
op_platform_error_new_validation (const char *message,
                                  GHashTable *fields)
{
  GHashTable *copy = NULL;

  if (fields != NULL && g_hash_table_size (fields) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, fields);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
    }

  return new_error (OP_PLATFORM_ERROR_VALIDATION,
                    g_strdup (message != NULL ? message
                                              : _(fallback_messages[OP_PLATFORM_ERROR_VALIDATION])),
                    "validation_failed", 0, copy, 0);
}

/**
 * op_platform_error_get_fields:
 * @error: a #GError
 *
 * The reason given for each field that is not valid. A nested field is
 * named with dots (`new_app.name`, `fields.uscc`), as the platform names it.
 *
 * Returns: (transfer none) (nullable) (element-type utf8 utf8): field name →
 *   reason, in the language of the answer; %NULL when @error is not an
 *   %OP_PLATFORM_ERROR or names no field. Do not change it.
 */
GHashTable *
op_platform_error_get_fields (const GError *error)
{
  OpPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->fields : NULL;
}

/**
 * op_platform_error_get_field:
 * @error: a #GError
 * @field: a field name
 *
 * Returns: (nullable): why @field is not valid, or %NULL
 */
const char *
op_platform_error_get_field (const GError *error,
                             const char   *field)
{
  GHashTable *fields = op_platform_error_get_fields (error);

  g_return_val_if_fail (field != NULL, NULL);

  return fields != NULL ? g_hash_table_lookup (fields, field) : NULL;
}

/**
 * op_platform_error_get_server_code:
 * @error: a #GError
 *
 * The platform's own code (`not_a_developer`, `launch_needs_successful_call`,
 * …), for a program to tell cases apart; never show it.
 *
 * Returns: (nullable): the code, or %NULL when no platform answer gave one
 */
const char *
op_platform_error_get_server_code (const GError *error)
{
  OpPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->server_code : NULL;
}

/**
 * op_platform_error_get_http_status:
 * @error: a #GError
 *
 * Returns: the HTTP status of the answer, or 0 when there was none
 */
guint
op_platform_error_get_http_status (const GError *error)
{
  OpPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->http_status : 0;
}

/**
 * op_platform_error_get_retry_after:
 * @error: a #GError
 *
 * Returns: how many seconds to wait before trying again, when the platform
 *   said (mostly with %OP_PLATFORM_ERROR_RATE_LIMITED); else 0
 */
guint
op_platform_error_get_retry_after (const GError *error)
{
  OpPlatformErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->retry_after : 0;
}
