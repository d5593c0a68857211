/* op-draft.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-draft"

#include "config.h"

#include <json-glib/json-glib.h>

#include "op-draft.h"

/* What a user typed into a wizard, kept in
 * $XDG_DATA_HOME/open1688/drafts/NAME.json so that a closed window or a
 * crash loses nothing. Only plain form values go here: callers never put
 * passwords, secrets or tokens in a draft.
 *
 * Each change is written shortly after it is made (debounced), atomically
 * (GFile writes a temporary file and renames it), without blocking.
 */
#define SAVE_DELAY_MS 250

struct _OpDraft
{
  GObject     parent_instance;

  char       *name;
  GHashTable *values;
  guint       save_source;
};

G_DEFINE_FINAL_TYPE (OpDraft, op_draft, G_TYPE_OBJECT)

static GFile *
op_draft_get_file (OpDraft *self)
{
  g_autofree char *path = op_draft_get_path (self);

  return g_file_new_for_path (path);
}

static GBytes *
op_draft_serialize (OpDraft *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) keys = op_draft_list_keys (self);

  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->values, keys[i]));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);

  return g_bytes_new_take (g_steal_pointer (&json), strlen (json));
}

static void
op_draft_write_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_warning ("Could not save a draft to %s: %s", g_file_peek_path (G_FILE (object)), error->message);
}

static void
op_draft_delete_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_delete_finish (G_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not delete the draft %s: %s", g_file_peek_path (G_FILE (object)), error->message);
}

static void
op_draft_write (OpDraft *self)
{
  g_autoptr(GFile) file = op_draft_get_file (self);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (g_hash_table_size (self->values) == 0)
    {
      g_file_delete_async (file, G_PRIORITY_DEFAULT, NULL, op_draft_delete_cb, NULL);
      return;
    }

  /* Creating the folder is a cheap one-time metadata call. */
  if (!g_file_make_directory_with_parents (parent, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_warning ("Could not create %s: %s", g_file_peek_path (parent), error->message);
      return;
    }

  bytes = op_draft_serialize (self);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, op_draft_write_cb, NULL);
}

static gboolean
op_draft_save_timeout_cb (gpointer user_data)
{
  OpDraft *self = user_data;

  self->save_source = 0;
  op_draft_write (self);

  return G_SOURCE_REMOVE;
}

static void
op_draft_schedule_save (OpDraft *self)
{
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, op_draft_save_timeout_cb, self);
}

static void
op_draft_dispose (GObject *object)
{
  OpDraft *self = (OpDraft *)object;

  op_draft_flush (self);

  G_OBJECT_CLASS (op_draft_parent_class)->dispose (object);
}

static void
op_draft_finalize (GObject *object)
{
  OpDraft *self = (OpDraft *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (op_draft_parent_class)->finalize (object);
}

static void
op_draft_class_init (OpDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_draft_dispose;
  object_class->finalize = op_draft_finalize;
}

static void
op_draft_init (OpDraft *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * op_draft_new:
 * @name: a file-name-safe name, such as "onboarding" or "launch-1234567"
 */
OpDraft *
op_draft_new (const char *name)
{
  OpDraft *self;

  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (strchr (name, '/') == NULL, NULL);

  self = g_object_new (OP_TYPE_DRAFT, NULL);
  self->name = g_strdup (name);

  return self;
}

const char *
op_draft_get_name (OpDraft *self)
{
  g_return_val_if_fail (OP_IS_DRAFT (self), NULL);

  return self->name;
}

char *
op_draft_get_path (OpDraft *self)
{
  g_autofree char *file_name = NULL;

  g_return_val_if_fail (OP_IS_DRAFT (self), NULL);

  file_name = g_strconcat (self->name, ".json", NULL);
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "drafts", file_name, NULL);
}

gboolean
op_draft_is_empty (OpDraft *self)
{
  g_return_val_if_fail (OP_IS_DRAFT (self), TRUE);

  return g_hash_table_size (self->values) == 0;
}

/**
 * op_draft_get_string:
 *
 * Returns: (nullable): the value kept for @key
 */
const char *
op_draft_get_string (OpDraft    *self,
                     const char *key)
{
  g_return_val_if_fail (OP_IS_DRAFT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->values, key);
}

/**
 * op_draft_set_string:
 * @value: (nullable): the new value, %NULL or "" to forget the key
 */
void
op_draft_set_string (OpDraft    *self,
                     const char *key,
                     const char *value)
{
  g_return_if_fail (OP_IS_DRAFT (self));
  g_return_if_fail (key != NULL);

  if (value == NULL || *value == '\0')
    {
      if (!g_hash_table_remove (self->values, key))
        return;
    }
  else
    {
      if (g_strcmp0 (g_hash_table_lookup (self->values, key), value) == 0)
        return;
      g_hash_table_insert (self->values, g_strdup (key), g_strdup (value));
    }

  op_draft_schedule_save (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/**
 * op_draft_list_keys:
 *
 * Returns: (transfer full): the keys, sorted
 */
char **
op_draft_list_keys (OpDraft *self)
{
  g_autofree const char **keys = NULL;
  GStrvBuilder *builder;
  guint n_keys;

  g_return_val_if_fail (OP_IS_DRAFT (self), NULL);

  keys = (const char **)g_hash_table_get_keys_as_array (self->values, &n_keys);
  qsort (keys, n_keys, sizeof (char *), compare_strings);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, keys);

  return g_strv_builder_end (builder);
}

static gboolean
op_draft_parse (OpDraft       *self,
                const char    *data,
                gsize          length,
                GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The draft is not a JSON object");
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (root));
  while (json_object_iter_next (&iter, &key, &node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_insert (self->values, g_strdup (key), g_strdup (json_node_get_string (node)));
    }

  return TRUE;
}

static void
op_draft_load_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpDraft *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!op_draft_parse (self, contents, length, &error))
    {
      /* A damaged draft is worth less than a working wizard: start empty. */
      g_warning ("Ignoring the damaged draft %s: %s", g_file_peek_path (G_FILE (object)), error->message);
      g_hash_table_remove_all (self->values);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * op_draft_load_async:
 *
 * Reads the draft kept on disk, if any. A missing draft is not an error.
 */
void
op_draft_load_async (OpDraft             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (OP_IS_DRAFT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_draft_load_async);

  file = op_draft_get_file (self);
  g_file_load_contents_async (file, cancellable, op_draft_load_cb, g_steal_pointer (&task));
}

gboolean
op_draft_load_finish (OpDraft       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (OP_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * op_draft_flush:
 *
 * Starts writing a pending change now instead of after the delay.
 */
void
op_draft_flush (OpDraft *self)
{
  g_return_if_fail (OP_IS_DRAFT (self));

  if (self->save_source == 0)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  op_draft_write (self);
}

/**
 * op_draft_discard:
 *
 * Forgets every value and deletes the file: the flow was finished or the
 * user chose to start over.
 */
void
op_draft_discard (OpDraft *self)
{
  g_return_if_fail (OP_IS_DRAFT (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_hash_table_remove_all (self->values);
  op_draft_write (self);
}
