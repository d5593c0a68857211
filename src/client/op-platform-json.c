/* op-platform-json.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-platform-json"

#include "config.h"

#include "op-platform-json-private.h"

/* The messages here are technical (the client logs them and shows a
 * translated "cannot read the answer" instead), so they are not translated. */

static gboolean
invalid (GError     **error,
         const char  *member,
         const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s”: %s", member, what);

  return FALSE;
}

/* Returns the member's node, or NULL when it is missing (absent or null);
 * sets *ok to FALSE (and @error) when it is missing but required. */
static JsonNode *
lookup (JsonObject  *object,
        const char  *member,
        gboolean     required,
        gboolean    *ok,
        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        *ok = invalid (error, member, "missing");
      return NULL;
    }

  return node;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
_op_json_get_string (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     char       **value,
                     GError     **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, member, required, &ok, error);

  if (node == NULL)
    return ok;

  if (!holds (node, G_TYPE_STRING))
    return invalid (error, member, "not a string");

  g_free (*value);
  *value = g_strdup (json_node_get_string (node));

  return TRUE;
}

gboolean
_op_json_get_int (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  gint64      *value,
                  GError     **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, member, required, &ok, error);

  if (node == NULL)
    return ok;

  if (!holds (node, G_TYPE_INT64))
    return invalid (error, member, "not an integer");

  *value = json_node_get_int (node);

  return TRUE;
}

gboolean
_op_json_get_bool (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   gboolean    *value,
                   GError     **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, member, required, &ok, error);

  if (node == NULL)
    return ok;

  if (!holds (node, G_TYPE_BOOLEAN))
    return invalid (error, member, "not a boolean");

  *value = json_node_get_boolean (node);

  return TRUE;
}

/* An ISO 8601 date and time with its offset (what the service sends), or
 * Unix seconds. */
gboolean
_op_json_get_time (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   GDateTime  **value,
                   GError     **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, member, required, &ok, error);
  GDateTime *time = NULL;

  if (node == NULL)
    return ok;

  if (holds (node, G_TYPE_STRING))
    time = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);
  else if (holds (node, G_TYPE_INT64))
    time = g_date_time_new_from_unix_utc (json_node_get_int (node));

  if (time == NULL)
    return invalid (error, member, "not a date and time");

  g_clear_pointer (value, g_date_time_unref);
  *value = time;

  return TRUE;
}

/* A string that is the nick of one of @enum_type's values. */
gboolean
_op_json_get_enum (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   GType        enum_type,
                   int         *value,
                   GError     **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  gboolean ok;
  JsonNode *node = lookup (object, member, required, &ok, error);
  GEnumValue *enum_value;

  if (node == NULL)
    return ok;

  if (!holds (node, G_TYPE_STRING))
    return invalid (error, member, "not a string");

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, json_node_get_string (node));
  if (enum_value == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "“%s”: unknown value “%s”", member, json_node_get_string (node));
      return FALSE;
    }

  *value = enum_value->value;

  return TRUE;
}

const char *
_op_json_enum_to_nick (GType enum_type,
                       int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_return_val_if_fail (enum_value != NULL, NULL);

  /* The nicks are static strings of the type's value table. */
  return enum_value->value_nick;
}

gboolean
_op_json_get_object (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     JsonObject **value,
                     GError     **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, member, required, &ok, error);

  if (node == NULL)
    return ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, member, "not an object");

  *value = json_node_get_object (node);

  return TRUE;
}

gboolean
_op_json_get_array (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    JsonArray  **value,
                    GError     **error)
{
  gboolean ok;
  JsonNode *node = lookup (object, member, required, &ok, error);

  if (node == NULL)
    return ok;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, member, "not an array");

  *value = json_node_get_array (node);

  return TRUE;
}

/* An object whose members are all strings. */
gboolean
_op_json_get_string_map (JsonObject  *object,
                         const char  *member,
                         gboolean     required,
                         GHashTable **value,
                         GError     **error)
{
  g_autoptr(GHashTable) map = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *map_object = NULL;

  if (!_op_json_get_object (object, member, required, &map_object, error))
    return FALSE;

  if (map_object == NULL)
    return TRUE;

  map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names = json_object_get_members (map_object);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (map_object, l->data);

      if (!holds (node, G_TYPE_STRING))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "“%s.%s”: not a string", member, (const char *) l->data);
          return FALSE;
        }

      g_hash_table_insert (map, g_strdup (l->data), g_strdup (json_node_get_string (node)));
    }

  g_clear_pointer (value, g_hash_table_unref);
  *value = g_steal_pointer (&map);

  return TRUE;
}

/* An array of strings, or of objects whose @id_member is a string (a list
 * of references such as [{"id": "isv", "name": …}]). A missing optional
 * member gives an empty vector. */
gboolean
_op_json_get_strv (JsonObject   *object,
                   const char   *member,
                   gboolean      required,
                   const char   *id_member,
                   char       ***value,
                   GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array = NULL;

  if (!_op_json_get_array (object, member, required, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (holds (node, G_TYPE_STRING))
        g_strv_builder_add (builder, json_node_get_string (node));
      else if (JSON_NODE_HOLDS_OBJECT (node) && id_member != NULL)
        {
          g_autofree char *id = NULL;

          if (!_op_json_get_string (json_node_get_object (node), id_member, TRUE, &id, error))
            {
              g_prefix_error (error, "“%s[%u]”: ", member, i);
              return FALSE;
            }
          g_strv_builder_add (builder, id);
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "“%s[%u]”: not a string", member, i);
          return FALSE;
        }
    }

  g_strfreev (*value);
  *value = g_strv_builder_end (builder);

  return TRUE;
}

/**
 * _op_json_parse_list:
 * @array: an array of objects
 * @member: its name, for errors
 * @item_type: the GObject type @parse makes
 * @parse: makes one item from one object
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a #GListStore of the items, or %NULL
 *   when one of them cannot be read
 */
GListStore *
_op_json_parse_list (JsonArray        *array,
                     const char       *member,
                     GType             item_type,
                     OpJsonParseFunc   parse,
                     GError          **error)
{
  g_autoptr(GListStore) store = g_list_store_new (item_type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "“%s[%u]”: not an object", member, i);
          return NULL;
        }

      item = parse (json_node_get_object (node), error);
      if (item == NULL)
        {
          g_prefix_error (error, "%s[%u]: ", member, i);
          return NULL;
        }

      g_ptr_array_add (items, item);
    }

  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return g_steal_pointer (&store);
}

/* Like _op_json_parse_list() for a member; a missing optional member gives
 * an empty list. */
gboolean
_op_json_get_list (JsonObject       *object,
                   const char       *member,
                   gboolean          required,
                   GType             item_type,
                   OpJsonParseFunc   parse,
                   GListStore      **value,
                   GError          **error)
{
  JsonArray *array = NULL;
  GListStore *store;

  if (!_op_json_get_array (object, member, required, &array, error))
    return FALSE;

  if (array == NULL)
    store = g_list_store_new (item_type);
  else if ((store = _op_json_parse_list (array, member, item_type, parse, error)) == NULL)
    return FALSE;

  g_clear_object (value);
  *value = store;

  return TRUE;
}
