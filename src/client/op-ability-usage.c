/* op-ability-usage.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-ability-usage"

#include "config.h"

#include "op-ability-usage.h"

#include "op-platform-json-private.h"

/* 使用详情 of an ability for one account: the calls bought, used and left
 * (shared by every associated app), and what each associated app used. */

typedef struct
{
  char      *app_key;
  char      *name;
  gint64     used;
  GDateTime *associated_at;
} AppUse;

struct _OpAbilityUsage
{
  GObject  parent_instance;

  gint64   ability_id;
  gint64   purchased;
  gint64   used;
  gint64   left;
  GArray  *apps;   /* of AppUse */
};

enum {
  PROP_0,
  PROP_ABILITY_ID,
  PROP_PURCHASED,
  PROP_USED,
  PROP_LEFT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpAbilityUsage, op_ability_usage, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
app_use_clear (gpointer data)
{
  AppUse *use = data;

  g_clear_pointer (&use->app_key, g_free);
  g_clear_pointer (&use->name, g_free);
  g_clear_pointer (&use->associated_at, g_date_time_unref);
}

static void
op_ability_usage_finalize (GObject *object)
{
  OpAbilityUsage *self = (OpAbilityUsage *)object;

  g_clear_pointer (&self->apps, g_array_unref);

  G_OBJECT_CLASS (op_ability_usage_parent_class)->finalize (object);
}

static void
op_ability_usage_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OpAbilityUsage *self = OP_ABILITY_USAGE (object);

  switch (prop_id)
    {
    case PROP_ABILITY_ID:
      g_value_set_int64 (value, self->ability_id);
      break;

    case PROP_PURCHASED:
      g_value_set_int64 (value, self->purchased);
      break;

    case PROP_USED:
      g_value_set_int64 (value, self->used);
      break;

    case PROP_LEFT:
      g_value_set_int64 (value, self->left);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_ability_usage_class_init (OpAbilityUsageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_ability_usage_finalize;
  object_class->get_property = op_ability_usage_get_property;

  properties [PROP_ABILITY_ID] =
    g_param_spec_int64 ("ability-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_PURCHASED] =
    g_param_spec_int64 ("purchased", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_USED] =
    g_param_spec_int64 ("used", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_LEFT] =
    g_param_spec_int64 ("left", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_ability_usage_init (OpAbilityUsage *self)
{
  self->apps = g_array_new (FALSE, TRUE, sizeof (AppUse));
  g_array_set_clear_func (self->apps, app_use_clear);
}

static gboolean
read_apps (OpAbilityUsage  *self,
           JsonObject      *object,
           GError         **error)
{
  JsonArray *apps = NULL;

  if (!_op_json_get_array (object, "apps", FALSE, &apps, error))
    return FALSE;

  for (guint i = 0; apps != NULL && i < json_array_get_length (apps); i++)
    {
      JsonNode *node = json_array_get_element (apps, i);
      JsonObject *app;
      AppUse use = { 0, };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "apps[%u]: not an object", i);
          return FALSE;
        }

      app = json_node_get_object (node);
      if (!_op_json_get_string (app, "app_key", TRUE, &use.app_key, error) ||
          !_op_json_get_string (app, "name", FALSE, &use.name, error) ||
          !_op_json_get_int (app, "used", FALSE, &use.used, error) ||
          !_op_json_get_time (app, "associated_at", FALSE, &use.associated_at, error))
        {
          app_use_clear (&use);
          g_prefix_error (error, "apps[%u]: ", i);
          return FALSE;
        }

      if (use.name == NULL)
        use.name = g_strdup (use.app_key);

      g_array_append_val (self->apps, use);
    }

  return TRUE;
}

/**
 * op_ability_usage_new_from_json:
 * @object: the answer to `GET /abilities/{id}/usage`, or an ability
 * @error: return location for a #GError
 *
 * Reads {ability_id?, purchased, used, left?, apps: [{app_key, name, used,
 * associated_at}]}: `purchased` and `used` are required.
 *
 * Returns: (transfer full) (nullable): the usage, or %NULL with @error set
 */
OpAbilityUsage *
op_ability_usage_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(OpAbilityUsage) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_ABILITY_USAGE, NULL);

  if (!_op_json_get_int (object, "ability_id", FALSE, &self->ability_id, error) ||
      !_op_json_get_int (object, "purchased", TRUE, &self->purchased, error) ||
      !_op_json_get_int (object, "used", TRUE, &self->used, error) ||
      !read_apps (self, object, error))
    return NULL;

  self->left = self->purchased - self->used;
  if (!_op_json_get_int (object, "left", FALSE, &self->left, error))
    return NULL;

  return g_steal_pointer (&self);
}

gint64
op_ability_usage_get_ability_id (OpAbilityUsage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), 0);

  return self->ability_id;
}

/**
 * op_ability_usage_get_purchased:
 * @self: a #OpAbilityUsage
 *
 * Returns: the calls bought (paid orders) for the ability
 */
gint64
op_ability_usage_get_purchased (OpAbilityUsage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), 0);

  return self->purchased;
}

gint64
op_ability_usage_get_used (OpAbilityUsage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), 0);

  return self->used;
}

gint64
op_ability_usage_get_left (OpAbilityUsage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), 0);

  return self->left;
}

/**
 * op_ability_usage_get_n_apps:
 * @self: a #OpAbilityUsage
 *
 * Returns: how many apps are associated with the ability
 */
guint
op_ability_usage_get_n_apps (OpAbilityUsage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), 0);

  return self->apps->len;
}

static AppUse *
app_at (OpAbilityUsage *self,
        guint           position)
{
  g_return_val_if_fail (position < self->apps->len, NULL);

  return &g_array_index (self->apps, AppUse, position);
}

const char *
op_ability_usage_get_app_key (OpAbilityUsage *self,
                              guint           position)
{
  AppUse *use;

  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), NULL);

  use = app_at (self, position);

  return use != NULL ? use->app_key : NULL;
}

const char *
op_ability_usage_get_app_name (OpAbilityUsage *self,
                               guint           position)
{
  AppUse *use;

  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), NULL);

  use = app_at (self, position);

  return use != NULL ? use->name : NULL;
}

gint64
op_ability_usage_get_app_used (OpAbilityUsage *self,
                               guint           position)
{
  AppUse *use;

  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), 0);

  use = app_at (self, position);

  return use != NULL ? use->used : 0;
}

/**
 * op_ability_usage_get_app_associated_at:
 * @self: a #OpAbilityUsage
 * @position: an app's position
 *
 * Returns: (transfer none) (nullable): when the app was associated
 */
GDateTime *
op_ability_usage_get_app_associated_at (OpAbilityUsage *self,
                                        guint           position)
{
  AppUse *use;

  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), NULL);

  use = app_at (self, position);

  return use != NULL ? use->associated_at : NULL;
}

gboolean
op_ability_usage_has_app (OpAbilityUsage *self,
                          const char     *app_key)
{
  g_return_val_if_fail (OP_IS_ABILITY_USAGE (self), FALSE);
  g_return_val_if_fail (app_key != NULL, FALSE);

  for (guint i = 0; i < self->apps->len; i++)
    if (g_str_equal (g_array_index (self->apps, AppUse, i).app_key, app_key))
      return TRUE;

  return FALSE;
}
