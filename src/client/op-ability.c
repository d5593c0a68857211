/* op-ability.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-ability"

#include "config.h"

#include "op-ability.h"

#include "op-platform-json-private.h"

/* An ability (能力) the platform sells: its description, its APIs, its
 * resource packages (资源包), and this account's use of it (使用详情). */

struct _OpAbility
{
  GObject         parent_instance;

  gint64          id;
  char           *name;
  char           *summary;
  char           *description;
  GListStore     *packages;
  OpAbilityUsage *usage;
  char          **api_ids;
  char          **api_titles;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_DESCRIPTION,
  PROP_PACKAGES,
  PROP_USAGE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpAbility, op_ability, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_ability_finalize (GObject *object)
{
  OpAbility *self = (OpAbility *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->packages);
  g_clear_object (&self->usage);
  g_clear_pointer (&self->api_ids, g_strfreev);
  g_clear_pointer (&self->api_titles, g_strfreev);

  G_OBJECT_CLASS (op_ability_parent_class)->finalize (object);
}

static void
op_ability_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OpAbility *self = OP_ABILITY (object);

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

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_PACKAGES:
      g_value_set_object (value, self->packages);
      break;

    case PROP_USAGE:
      g_value_set_object (value, self->usage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_ability_class_init (OpAbilityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_ability_finalize;
  object_class->get_property = op_ability_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties [PROP_PACKAGES] =
    g_param_spec_object ("packages", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties [PROP_USAGE] =
    g_param_spec_object ("usage", NULL, NULL, OP_TYPE_ABILITY_USAGE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_ability_init (OpAbility *self)
{
}

static gboolean
read_apis (OpAbility   *self,
           JsonObject  *object,
           GError     **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  JsonArray *apis = NULL;

  if (!_op_json_get_array (object, "apis", FALSE, &apis, error))
    return FALSE;

  for (guint i = 0; apis != NULL && i < json_array_get_length (apis); i++)
    {
      JsonNode *node = json_array_get_element (apis, i);
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "apis[%u]: not an object", i);
          return FALSE;
        }

      if (!_op_json_get_string (json_node_get_object (node), "id", TRUE, &id, error) ||
          !_op_json_get_string (json_node_get_object (node), "title", FALSE, &title, error))
        {
          g_prefix_error (error, "apis[%u]: ", i);
          return FALSE;
        }

      g_strv_builder_add (ids, id);
      g_strv_builder_add (titles, title != NULL ? title : id);
    }

  self->api_ids = g_strv_builder_end (ids);
  self->api_titles = g_strv_builder_end (titles);

  return TRUE;
}

/**
 * op_ability_new_from_json:
 * @object: an ability of the console API (`GET /abilities[/{id}]`)
 * @error: return location for a #GError
 *
 * Reads an ability: `id`, `name`, `purchased` and `used` are required;
 * `summary`, `description` (detailed answer only), `apis` ([{id, title}]),
 * `packages` and `apps` are optional.
 *
 * Returns: (transfer full) (nullable): the ability, or %NULL with @error set
 */
OpAbility *
op_ability_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(OpAbility) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_ABILITY, NULL);

  if (!_op_json_get_int (object, "id", TRUE, &self->id, error) ||
      !_op_json_get_string (object, "name", TRUE, &self->name, error) ||
      !_op_json_get_string (object, "summary", FALSE, &self->summary, error) ||
      !_op_json_get_string (object, "description", FALSE, &self->description, error) ||
      !_op_json_get_list (object, "packages", FALSE, OP_TYPE_ABILITY_PACKAGE,
                          (OpJsonParseFunc) op_ability_package_new_from_json,
                          &self->packages, error) ||
      !read_apis (self, object, error) ||
      (self->usage = op_ability_usage_new_from_json (object, error)) == NULL)
    return NULL;

  if (self->summary == NULL)
    self->summary = g_strdup ("");

  return g_steal_pointer (&self);
}

gint64
op_ability_get_id (OpAbility *self)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), 0);

  return self->id;
}

const char *
op_ability_get_name (OpAbility *self)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), NULL);

  return self->name;
}

const char *
op_ability_get_summary (OpAbility *self)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), NULL);

  return self->summary;
}

/**
 * op_ability_get_description:
 * @self: a #OpAbility
 *
 * Returns: (nullable): the long description; only in the detailed answer
 */
const char *
op_ability_get_description (OpAbility *self)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), NULL);

  return self->description;
}

/**
 * op_ability_get_packages:
 * @self: a #OpAbility
 *
 * Returns: (transfer none): the resource packages, a #GListModel of
 *   #OpAbilityPackage
 */
GListModel *
op_ability_get_packages (OpAbility *self)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), NULL);

  return G_LIST_MODEL (self->packages);
}

/**
 * op_ability_lookup_package:
 * @self: a #OpAbility
 * @package_id: a package's id
 *
 * Returns: (transfer none) (nullable): the package
 */
OpAbilityPackage *
op_ability_lookup_package (OpAbility *self,
                           gint64     package_id)
{
  guint n;

  g_return_val_if_fail (OP_IS_ABILITY (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->packages));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpAbilityPackage) package = g_list_model_get_item (G_LIST_MODEL (self->packages), i);

      if (op_ability_package_get_id (package) == package_id)
        return package;  /* the store keeps its own reference */
    }

  return NULL;
}

/**
 * op_ability_get_usage:
 * @self: a #OpAbility
 *
 * Returns: (transfer none): this account's use of the ability
 */
OpAbilityUsage *
op_ability_get_usage (OpAbility *self)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), NULL);

  return self->usage;
}

guint
op_ability_get_n_apis (OpAbility *self)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), 0);

  return g_strv_length (self->api_ids);
}

/**
 * op_ability_get_api_id:
 * @self: a #OpAbility
 * @position: an API's position
 *
 * Returns: the API's id, `namespace:name-version`
 */
const char *
op_ability_get_api_id (OpAbility *self,
                       guint      position)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), NULL);
  g_return_val_if_fail (position < g_strv_length (self->api_ids), NULL);

  return self->api_ids[position];
}

const char *
op_ability_get_api_title (OpAbility *self,
                          guint      position)
{
  g_return_val_if_fail (OP_IS_ABILITY (self), NULL);
  g_return_val_if_fail (position < g_strv_length (self->api_titles), NULL);

  return self->api_titles[position];
}
