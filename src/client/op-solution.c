/* op-solution.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-solution"

#include "config.h"

#include "op-solution.h"

#include "op-platform-json-private.h"

/* A solution (解决方案): a set of APIs and message topics (消息) for one
 * scenario, the roles that may order it (any one suffices), and whether
 * this account may order it now, with the platform's reason when not. The
 * APIs and topics come only with the detailed answer (one solution). */

/* One required role {id, name, held}, API {id, title, doc_url,
 * needs_access_token} or topic {id, name, description}. */
typedef struct
{
  char     *id;
  char     *name;
  char     *extra;
  gboolean  flag;
} Entry;

struct _OpSolution
{
  GObject    parent_instance;

  gint64     id;
  char      *name;
  char      *summary;
  char      *doc_url;
  char      *not_orderable_code;
  char      *not_orderable_message;
  char     **ordered_by_apps;
  GArray    *roles;    /* of Entry */
  GArray    *apis;     /* of Entry */
  GArray    *topics;   /* of Entry */
  guint      api_count;
  guint      topic_count;
  guint      orderable : 1;
  guint      has_details : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_DOC_URL,
  PROP_API_COUNT,
  PROP_TOPIC_COUNT,
  PROP_ORDERABLE,
  PROP_NOT_ORDERABLE_CODE,
  PROP_NOT_ORDERABLE_MESSAGE,
  PROP_ORDERED_BY_APPS,
  PROP_HAS_DETAILS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpSolution, op_solution, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->id, g_free);
  g_clear_pointer (&entry->name, g_free);
  g_clear_pointer (&entry->extra, g_free);
}

static GArray *
entries_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_array_set_clear_func (array, entry_clear);

  return array;
}

static void
op_solution_finalize (GObject *object)
{
  OpSolution *self = (OpSolution *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->doc_url, g_free);
  g_clear_pointer (&self->not_orderable_code, g_free);
  g_clear_pointer (&self->not_orderable_message, g_free);
  g_clear_pointer (&self->ordered_by_apps, g_strfreev);
  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_pointer (&self->apis, g_array_unref);
  g_clear_pointer (&self->topics, g_array_unref);

  G_OBJECT_CLASS (op_solution_parent_class)->finalize (object);
}

static void
op_solution_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OpSolution *self = OP_SOLUTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_DOC_URL:
      g_value_set_string (value, self->doc_url);
      break;

    case PROP_API_COUNT:
      g_value_set_uint (value, self->api_count);
      break;

    case PROP_TOPIC_COUNT:
      g_value_set_uint (value, self->topic_count);
      break;

    case PROP_ORDERABLE:
      g_value_set_boolean (value, self->orderable);
      break;

    case PROP_NOT_ORDERABLE_CODE:
      g_value_set_string (value, self->not_orderable_code);
      break;

    case PROP_NOT_ORDERABLE_MESSAGE:
      g_value_set_string (value, self->not_orderable_message);
      break;

    case PROP_ORDERED_BY_APPS:
      g_value_set_boxed (value, self->ordered_by_apps);
      break;

    case PROP_HAS_DETAILS:
      g_value_set_boolean (value, self->has_details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_solution_class_init (OpSolutionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_solution_finalize;
  object_class->get_property = op_solution_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties [PROP_DOC_URL] =
    g_param_spec_string ("doc-url", NULL, NULL, NULL, flags);
  properties [PROP_API_COUNT] =
    g_param_spec_uint ("api-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_TOPIC_COUNT] =
    g_param_spec_uint ("topic-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_ORDERABLE] =
    g_param_spec_boolean ("orderable", NULL, NULL, FALSE, flags);
  properties [PROP_NOT_ORDERABLE_CODE] =
    g_param_spec_string ("not-orderable-code", NULL, NULL, NULL, flags);
  properties [PROP_NOT_ORDERABLE_MESSAGE] =
    g_param_spec_string ("not-orderable-message", NULL, NULL, NULL, flags);
  properties [PROP_ORDERED_BY_APPS] =
    g_param_spec_boxed ("ordered-by-apps", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_HAS_DETAILS] =
    g_param_spec_boolean ("has-details", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_solution_init (OpSolution *self)
{
  self->roles = entries_new ();
  self->apis = entries_new ();
  self->topics = entries_new ();
}

/* Reads an array of objects into @entries: @id_member and @name_member are
 * required strings, @extra_member an optional string, @flag_member an
 * optional boolean. Returns whether the member was there. */
static gboolean
read_entries (JsonObject  *object,
              const char  *member,
              const char  *id_member,
              const char  *name_member,
              const char  *extra_member,
              const char  *flag_member,
              GArray      *entries,
              gboolean    *present,
              GError     **error)
{
  JsonArray *array = NULL;

  if (!_op_json_get_array (object, member, FALSE, &array, error))
    return FALSE;

  if (present != NULL)
    *present = array != NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *item;
      Entry entry = { 0, };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s[%u]: not an object", member, i);
          return FALSE;
        }

      item = json_node_get_object (node);
      if (!_op_json_get_string (item, id_member, TRUE, &entry.id, error) ||
          !_op_json_get_string (item, name_member, TRUE, &entry.name, error) ||
          (extra_member != NULL &&
           !_op_json_get_string (item, extra_member, FALSE, &entry.extra, error)) ||
          (flag_member != NULL &&
           !_op_json_get_bool (item, flag_member, FALSE, &entry.flag, error)))
        {
          entry_clear (&entry);
          g_prefix_error (error, "%s[%u]: ", member, i);
          return FALSE;
        }

      g_array_append_val (entries, entry);
    }

  return TRUE;
}

static gboolean
read_count (JsonObject  *object,
            const char  *member,
            guint       *value,
            GError     **error)
{
  gint64 count = -1;

  if (!_op_json_get_int (object, member, FALSE, &count, error))
    return FALSE;

  if (count > G_MAXUINT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“%s”: out of range", member);
      return FALSE;
    }

  if (count >= 0)
    *value = (guint) count;

  return TRUE;
}

/**
 * op_solution_new_from_json:
 * @object: a solution of the console API (`GET /solutions[/{id}]`)
 * @error: return location for a #GError
 *
 * Reads a solution: `id` and `name` are required; `summary`, `doc_url`,
 * `api_count`, `topic_count`, `required_roles` ([{id, name, held}]),
 * `ordered_by_apps` ([app_key]), `orderable`, `not_orderable` ({code,
 * message} or null), and in the detailed answer `apis` ([{id, title,
 * doc_url, needs_access_token}]) and `topics` ([{id, name, description}])
 * are optional.
 *
 * Returns: (transfer full) (nullable): the solution, or %NULL with @error set
 */
OpSolution *
op_solution_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(OpSolution) self = NULL;
  JsonObject *not_orderable = NULL;
  gboolean orderable = FALSE;
  gboolean has_apis = FALSE;
  gboolean has_topics = FALSE;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_SOLUTION, NULL);

  if (!_op_json_get_int (object, "id", TRUE, &self->id, error) ||
      !_op_json_get_string (object, "name", TRUE, &self->name, error) ||
      !_op_json_get_string (object, "summary", FALSE, &self->summary, error) ||
      !_op_json_get_string (object, "doc_url", FALSE, &self->doc_url, error) ||
      !read_count (object, "api_count", &self->api_count, error) ||
      !read_count (object, "topic_count", &self->topic_count, error) ||
      !_op_json_get_strv (object, "ordered_by_apps", FALSE, "app_key", &self->ordered_by_apps, error) ||
      !_op_json_get_bool (object, "orderable", FALSE, &orderable, error) ||
      !_op_json_get_object (object, "not_orderable", FALSE, &not_orderable, error) ||
      !read_entries (object, "required_roles", "id", "name", NULL, "held",
                     self->roles, NULL, error) ||
      !read_entries (object, "apis", "id", "title", "doc_url", "needs_access_token",
                     self->apis, &has_apis, error) ||
      !read_entries (object, "topics", "id", "name", "description", NULL,
                     self->topics, &has_topics, error))
    return NULL;

  if (not_orderable != NULL &&
      (!_op_json_get_string (not_orderable, "code", FALSE, &self->not_orderable_code, error) ||
       !_op_json_get_string (not_orderable, "message", FALSE, &self->not_orderable_message, error)))
    {
      g_prefix_error (error, "not_orderable: ");
      return NULL;
    }

  if (self->summary == NULL)
    self->summary = g_strdup ("");

  if (has_apis && !json_object_has_member (object, "api_count"))
    self->api_count = self->apis->len;
  if (has_topics && !json_object_has_member (object, "topic_count"))
    self->topic_count = self->topics->len;

  self->orderable = orderable;
  self->has_details = has_apis;

  return g_steal_pointer (&self);
}

gint64
op_solution_get_id (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), 0);

  return self->id;
}

const char *
op_solution_get_name (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  return self->name;
}

const char *
op_solution_get_summary (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  return self->summary;
}

/**
 * op_solution_get_doc_url:
 * @self: a #OpSolution
 *
 * Returns: (nullable): the solution's documentation on open.1688.com
 */
const char *
op_solution_get_doc_url (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  return self->doc_url;
}

guint
op_solution_get_api_count (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), 0);

  return self->api_count;
}

guint
op_solution_get_topic_count (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), 0);

  return self->topic_count;
}

/**
 * op_solution_get_orderable:
 * @self: a #OpSolution
 *
 * Returns: %TRUE when this account may order the solution now
 */
gboolean
op_solution_get_orderable (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), FALSE);

  return self->orderable;
}

/**
 * op_solution_get_not_orderable_code:
 * @self: a #OpSolution
 *
 * Returns: (nullable): why not, for a program: `not_a_developer` (入驻
 *   first) or `role_required` (资质申请 first)
 */
const char *
op_solution_get_not_orderable_code (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  return self->not_orderable_code;
}

/**
 * op_solution_get_not_orderable_message:
 * @self: a #OpSolution
 *
 * Returns: (nullable): why not, in the platform's words (in the language
 *   the client asked for)
 */
const char *
op_solution_get_not_orderable_message (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  return self->not_orderable_message;
}

/**
 * op_solution_get_ordered_by_apps:
 * @self: a #OpSolution
 *
 * Returns: (transfer none) (array zero-terminated=1): the AppKeys of this
 *   account's apps that ordered the solution
 */
const char * const *
op_solution_get_ordered_by_apps (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  return (const char * const *) self->ordered_by_apps;
}

static Entry *
entry_at (GArray *entries,
          guint   position)
{
  g_return_val_if_fail (position < entries->len, NULL);

  return &g_array_index (entries, Entry, position);
}

guint
op_solution_get_n_required_roles (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), 0);

  return self->roles->len;
}

const char *
op_solution_get_required_role_id (OpSolution *self,
                                  guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  entry = entry_at (self->roles, position);

  return entry != NULL ? entry->id : NULL;
}

const char *
op_solution_get_required_role_name (OpSolution *self,
                                    guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  entry = entry_at (self->roles, position);

  return entry != NULL ? entry->name : NULL;
}

/**
 * op_solution_get_required_role_held:
 * @self: a #OpSolution
 * @position: a required role's position
 *
 * Returns: %TRUE when this account holds that role
 */
gboolean
op_solution_get_required_role_held (OpSolution *self,
                                    guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), FALSE);

  entry = entry_at (self->roles, position);

  return entry != NULL && entry->flag;
}

/**
 * op_solution_get_has_details:
 * @self: a #OpSolution
 *
 * Returns: %TRUE when the APIs and topics are known (a detailed answer)
 */
gboolean
op_solution_get_has_details (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), FALSE);

  return self->has_details;
}

guint
op_solution_get_n_apis (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), 0);

  return self->apis->len;
}

/**
 * op_solution_get_api_id:
 * @self: a #OpSolution
 * @position: an API's position
 *
 * Returns: the API's id, `namespace:name-version`, as op_catalog_lookup() takes it
 */
const char *
op_solution_get_api_id (OpSolution *self,
                        guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  entry = entry_at (self->apis, position);

  return entry != NULL ? entry->id : NULL;
}

const char *
op_solution_get_api_title (OpSolution *self,
                           guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  entry = entry_at (self->apis, position);

  return entry != NULL ? entry->name : NULL;
}

/**
 * op_solution_get_api_doc_url:
 * @self: a #OpSolution
 * @position: an API's position
 *
 * Returns: (nullable): the API's documentation page
 */
const char *
op_solution_get_api_doc_url (OpSolution *self,
                             guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  entry = entry_at (self->apis, position);

  return entry != NULL ? entry->extra : NULL;
}

gboolean
op_solution_get_api_needs_access_token (OpSolution *self,
                                        guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), FALSE);

  entry = entry_at (self->apis, position);

  return entry != NULL && entry->flag;
}

guint
op_solution_get_n_topics (OpSolution *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION (self), 0);

  return self->topics->len;
}

const char *
op_solution_get_topic_id (OpSolution *self,
                          guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  entry = entry_at (self->topics, position);

  return entry != NULL ? entry->id : NULL;
}

const char *
op_solution_get_topic_name (OpSolution *self,
                            guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  entry = entry_at (self->topics, position);

  return entry != NULL ? entry->name : NULL;
}

/**
 * op_solution_get_topic_description:
 * @self: a #OpSolution
 * @position: a topic's position
 *
 * Returns: (nullable): what the message topic carries
 */
const char *
op_solution_get_topic_description (OpSolution *self,
                                   guint       position)
{
  Entry *entry;

  g_return_val_if_fail (OP_IS_SOLUTION (self), NULL);

  entry = entry_at (self->topics, position);

  return entry != NULL ? entry->extra : NULL;
}
