/* op-exchange.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-exchange"

#include "config.h"

#include "op-exchange.h"

#define DEFAULT_MAX_LENGTH 4096

/**
 * op_exchange_new:
 * @service: the OpService
 * @store: its store
 * @msg: the request
 *
 * Returns: (transfer full): a new exchange, in the language the request asks for
 */
OpExchange *
op_exchange_new (gpointer           service,
                 OpStore           *store,
                 SoupServerMessage *msg)
{
  OpExchange *ex = g_new0 (OpExchange, 1);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  ex->service = service;
  ex->store = g_object_ref (store);
  ex->msg = g_object_ref (msg);
  ex->lang = op_lang_from_accept_language (soup_message_headers_get_one (headers,
                                                                         "Accept-Language"));
  ex->args = g_ptr_array_new_with_free_func (g_free);
  ex->now = g_get_real_time () / G_USEC_PER_SEC;

  return ex;
}

void
op_exchange_free (OpExchange *ex)
{
  if (ex == NULL)
    return;

  g_clear_object (&ex->store);
  g_clear_object (&ex->msg);
  g_clear_pointer (&ex->args, g_ptr_array_unref);
  g_clear_pointer (&ex->query, g_hash_table_unref);
  g_clear_pointer (&ex->body, json_object_unref);
  g_clear_pointer (&ex->session_hash, g_free);
  g_clear_pointer (&ex->answer, json_node_unref);
  g_clear_pointer (&ex->field_errors, g_hash_table_unref);
  g_free (ex);
}

/**
 * op_exchange_arg:
 * @ex: an exchange
 * @index: which `*` of the route's pattern
 *
 * Returns: (transfer none): the path segment it matched
 */
const char *
op_exchange_arg (OpExchange *ex,
                 guint       index)
{
  g_return_val_if_fail (index < ex->args->len, NULL);

  return g_ptr_array_index (ex->args, index);
}

/**
 * op_exchange_arg_id:
 * @ex: an exchange
 * @index: which `*` of the route's pattern
 * @id: (out): the ID
 *
 * Reads a path segment as a positive int64 ID; anything else answers 404.
 *
 * Returns: %TRUE if it is an ID
 */
gboolean
op_exchange_arg_id (OpExchange *ex,
                    guint       index,
                    gint64     *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (op_exchange_arg (ex, index), 10, 1, G_MAXINT64, &value, NULL))
    {
      op_exchange_fail (ex, "not_found", NULL);
      return FALSE;
    }

  *id = (gint64) value;

  return TRUE;
}

/**
 * op_exchange_reply:
 * @ex: an exchange
 * @status: the HTTP status
 * @answer: (transfer full) (nullable): the JSON answer
 */
void
op_exchange_reply (OpExchange *ex,
                   guint       status,
                   JsonNode   *answer)
{
  ex->status = status;
  g_clear_pointer (&ex->answer, json_node_unref);
  ex->answer = answer;
}

void
op_exchange_reply_builder (OpExchange  *ex,
                           guint        status,
                           JsonBuilder *builder)
{
  op_exchange_reply (ex, status, json_builder_get_root (builder));
}

static JsonNode *
build_error (const char *code,
             const char *message,
             GHashTable *fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (fields != NULL && g_hash_table_size (fields) > 0)
    {
      g_autoptr(GList) names = g_list_sort (g_hash_table_get_keys (fields),
                                            (GCompareFunc) g_strcmp0);

      json_builder_set_member_name (builder, "fields");
      json_builder_begin_object (builder);
      for (GList *l = names; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_string_value (builder, g_hash_table_lookup (fields, l->data));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * op_exchange_fail:
 * @ex: an exchange
 * @code: an error code of op-messages.c
 * @first_key: (nullable): the first placeholder of its message
 * @...: its value, then more pairs, ending with %NULL
 *
 * Answers with the error, in the request's language and with its status.
 */
void
op_exchange_fail (OpExchange *ex,
                  const char *code,
                  const char *first_key,
                  ...)
{
  const OpServiceErrorInfo *info = op_service_error_lookup (code);
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (info != NULL);

  va_start (args, first_key);
  message = op_message_format_valist (code, ex->lang, first_key, args);
  va_end (args);

  op_exchange_reply (ex, info->http_status, build_error (code, message, ex->field_errors));
}

/**
 * op_exchange_fail_internal:
 * @ex: an exchange
 * @error: what went wrong (logged, never sent)
 */
void
op_exchange_fail_internal (OpExchange   *ex,
                           const GError *error)
{
  g_warning ("%s %s: %s",
             soup_server_message_get_method (ex->msg),
             g_uri_get_path (soup_server_message_get_uri (ex->msg)),
             error != NULL ? error->message : "unknown error");

  g_clear_pointer (&ex->field_errors, g_hash_table_unref);
  op_exchange_fail (ex, "internal_error", NULL);
}

/**
 * op_exchange_field_error:
 * @ex: an exchange
 * @field: the field's name (dotted for nested ones: "new_app.name")
 * @reason_id: a "field.*" message id
 * @first_key: (nullable): the first placeholder of the reason
 * @...: its value, then more pairs, ending with %NULL
 *
 * Records why one field is not valid; the first reason for a field wins.
 */
void
op_exchange_field_error (OpExchange *ex,
                         const char *field,
                         const char *reason_id,
                         const char *first_key,
                         ...)
{
  va_list args;
  char *reason;

  if (ex->field_errors == NULL)
    ex->field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (g_hash_table_contains (ex->field_errors, field))
    return;

  va_start (args, first_key);
  reason = op_message_format_valist (reason_id, ex->lang, first_key, args);
  va_end (args);

  g_hash_table_insert (ex->field_errors, g_strdup (field), reason);
}

gboolean
op_exchange_has_field_errors (OpExchange *ex)
{
  return ex->field_errors != NULL && g_hash_table_size (ex->field_errors) > 0;
}

/**
 * op_exchange_fail_fields:
 * @ex: an exchange with field errors
 *
 * Answers 400 `validation_failed` with the reason for each field.
 */
void
op_exchange_fail_fields (OpExchange *ex)
{
  op_exchange_fail (ex, "validation_failed", NULL);
}

gboolean
op_exchange_failed (OpExchange *ex)
{
  return ex->status >= 400;
}

static gboolean
member_type_matches (JsonNode     *node,
                     OpMemberType  type)
{
  if (type == OP_MEMBER_OBJECT)
    return JSON_NODE_HOLDS_OBJECT (node);

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (type)
    {
    case OP_MEMBER_STRING:
      return json_node_get_value_type (node) == G_TYPE_STRING;
    case OP_MEMBER_INTEGER:
      return json_node_get_value_type (node) == G_TYPE_INT64;
    case OP_MEMBER_BOOLEAN:
      return json_node_get_value_type (node) == G_TYPE_BOOLEAN;
    case OP_MEMBER_OBJECT:
    default:
      return FALSE;
    }
}

static const char *
type_reason (OpMemberType type)
{
  switch (type)
    {
    case OP_MEMBER_STRING:
      return "field.not_string";
    case OP_MEMBER_INTEGER:
      return "field.not_integer";
    case OP_MEMBER_BOOLEAN:
      return "field.not_boolean";
    case OP_MEMBER_OBJECT:
    default:
      return "field.not_object";
    }
}

static char *
field_name (const char *prefix,
            const char *name)
{
  if (prefix == NULL)
    return g_strdup (name);

  return g_strconcat (prefix, ".", name, NULL);
}

/**
 * op_exchange_check_members:
 * @ex: an exchange
 * @object: (nullable): a JSON object from the request
 * @prefix: (nullable): the object's own field name, for nested objects
 * @members: what @object may hold
 * @n_members: how many
 *
 * Checks @object strictly: no unknown member, each member of its type, the
 * required ones present (a JSON null counts as absent), strings not empty
 * when required and not longer than their limit. Records a field error for
 * each problem.
 *
 * Returns: %TRUE if @object passed
 */
gboolean
op_exchange_check_members (OpExchange     *ex,
                           JsonObject     *object,
                           const char     *prefix,
                           const OpMember *members,
                           guint           n_members)
{
  gboolean ok = TRUE;

  if (object != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        {
          gboolean known = FALSE;

          for (guint i = 0; i < n_members && !known; i++)
            known = g_str_equal (members[i].name, l->data);

          if (!known)
            {
              g_autofree char *name = field_name (prefix, l->data);

              op_exchange_field_error (ex, name, "field.unknown", NULL);
              ok = FALSE;
            }
        }
    }

  for (guint i = 0; i < n_members; i++)
    {
      const OpMember *member = &members[i];
      g_autofree char *name = field_name (prefix, member->name);
      JsonNode *node = object != NULL ? json_object_get_member (object, member->name) : NULL;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (member->required)
            {
              op_exchange_field_error (ex, name, "field.required", NULL);
              ok = FALSE;
            }
          continue;
        }

      if (!member_type_matches (node, member->type))
        {
          op_exchange_field_error (ex, name, type_reason (member->type), NULL);
          ok = FALSE;
          continue;
        }

      if (member->type == OP_MEMBER_STRING)
        {
          const char *text = json_node_get_string (node);
          guint max = member->max_length > 0 ? member->max_length : DEFAULT_MAX_LENGTH;
          g_autofree char *trimmed = g_strstrip (g_strdup (text));

          if (member->required && trimmed[0] == '\0')
            {
              op_exchange_field_error (ex, name, "field.required", NULL);
              ok = FALSE;
            }
          else if (g_utf8_strlen (text, -1) > max)
            {
              g_autofree char *max_text = g_strdup_printf ("%u", max);

              op_exchange_field_error (ex, name, "field.too_long", "max", max_text, NULL);
              ok = FALSE;
            }
        }
    }

  return ok;
}

/**
 * op_exchange_get_string:
 * @object: (nullable): a checked JSON object
 * @name: a string member
 *
 * Returns: (transfer none) (nullable): the string, or %NULL when absent or null
 */
const char *
op_exchange_get_string (JsonObject *object,
                        const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;

  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/**
 * op_exchange_dup_trimmed:
 * @object: (nullable): a checked JSON object
 * @name: a string member
 *
 * Returns: (transfer full) (nullable): the string without leading and
 *   trailing white space, %NULL when absent or empty
 */
char *
op_exchange_dup_trimmed (JsonObject *object,
                         const char *name)
{
  const char *text = op_exchange_get_string (object, name);
  char *trimmed;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    g_clear_pointer (&trimmed, g_free);

  return trimmed;
}

/**
 * op_localized_pair_new:
 * @id: a message id
 * @first_key: (nullable): the first placeholder
 * @...: its value, then more pairs, ending with %NULL
 *
 * Returns: (transfer full): the message in both languages as JSON text
 *   `{"en": …, "zh_CN": …}`, for storing a decision's reason
 */
char *
op_localized_pair_new (const char *id,
                       const char *first_key,
                       ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *en = NULL;
  g_autofree char *zh = NULL;
  va_list args;

  va_start (args, first_key);
  en = op_message_format_valist (id, OP_LANG_EN, first_key, args);
  va_end (args);

  va_start (args, first_key);
  zh = op_message_format_valist (id, OP_LANG_ZH_CN, first_key, args);
  va_end (args);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, en);
  json_builder_set_member_name (builder, "zh_CN");
  json_builder_add_string_value (builder, zh);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/**
 * op_localized_pair_new_literal:
 * @text: a text in one language (a reviewer's reason)
 *
 * Returns: (transfer full): @text as a pair of the same text
 */
char *
op_localized_pair_new_literal (const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "zh_CN");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

/**
 * op_exchange_localized:
 * @ex: an exchange
 * @pair_json: (nullable): a pair from op_localized_pair_new()
 *
 * Returns: (transfer full) (nullable): the text in the request's language
 */
char *
op_exchange_localized (OpExchange *ex,
                       const char *pair_json)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  const char *text;

  if (pair_json == NULL)
    return NULL;

  node = json_from_string (pair_json, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (pair_json);

  object = json_node_get_object (node);
  text = json_object_get_string_member_with_default (object,
                                                     op_lang_to_string (ex->lang),
                                                     NULL);
  if (text == NULL)
    text = json_object_get_string_member_with_default (object, "en", "");

  return g_strdup (text);
}

/**
 * op_format_time:
 * @unix_seconds: a time
 *
 * Returns: (transfer full): ISO 8601 in the platform's time zone (UTC+8),
 *   e.g. `2026-05-01T09:30:00+08:00`
 */
char *
op_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}
