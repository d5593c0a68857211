/* op-ability-package.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-ability-package"

#include "config.h"

#include "op-ability-package.h"

#include "op-platform-json-private.h"

/* A resource package (资源包) of an ability: a number of calls at a price,
 * in integer 分 (fen; 100 fen = 1 yuan). */

struct _OpAbilityPackage
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  gint64   calls;
  gint64   price_fen;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CALLS,
  PROP_PRICE_FEN,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpAbilityPackage, op_ability_package, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_ability_package_finalize (GObject *object)
{
  OpAbilityPackage *self = (OpAbilityPackage *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (op_ability_package_parent_class)->finalize (object);
}

static void
op_ability_package_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OpAbilityPackage *self = OP_ABILITY_PACKAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CALLS:
      g_value_set_int64 (value, self->calls);
      break;

    case PROP_PRICE_FEN:
      g_value_set_int64 (value, self->price_fen);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_ability_package_class_init (OpAbilityPackageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_ability_package_finalize;
  object_class->get_property = op_ability_package_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_CALLS] =
    g_param_spec_int64 ("calls", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_PRICE_FEN] =
    g_param_spec_int64 ("price-fen", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_ability_package_init (OpAbilityPackage *self)
{
}

/**
 * op_ability_package_new_from_json:
 * @object: a package of an ability: {id, name, calls, price_fen}
 * @error: return location for a #GError
 *
 * All four members are required; the `price` text is ignored (the app
 * formats `price_fen` itself).
 *
 * Returns: (transfer full) (nullable): the package, or %NULL with @error set
 */
OpAbilityPackage *
op_ability_package_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  g_autoptr(OpAbilityPackage) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_ABILITY_PACKAGE, NULL);

  if (!_op_json_get_int (object, "id", TRUE, &self->id, error) ||
      !_op_json_get_string (object, "name", TRUE, &self->name, error) ||
      !_op_json_get_int (object, "calls", TRUE, &self->calls, error) ||
      !_op_json_get_int (object, "price_fen", TRUE, &self->price_fen, error))
    return NULL;

  if (self->calls <= 0 || self->price_fen < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "“calls” or “price_fen”: out of range");
      return NULL;
    }

  return g_steal_pointer (&self);
}

gint64
op_ability_package_get_id (OpAbilityPackage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_PACKAGE (self), 0);

  return self->id;
}

const char *
op_ability_package_get_name (OpAbilityPackage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_PACKAGE (self), NULL);

  return self->name;
}

/**
 * op_ability_package_get_calls:
 * @self: a #OpAbilityPackage
 *
 * Returns: how many calls the package buys
 */
gint64
op_ability_package_get_calls (OpAbilityPackage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_PACKAGE (self), 0);

  return self->calls;
}

/**
 * op_ability_package_get_price_fen:
 * @self: a #OpAbilityPackage
 *
 * Returns: the price in 分 (fen)
 */
gint64
op_ability_package_get_price_fen (OpAbilityPackage *self)
{
  g_return_val_if_fail (OP_IS_ABILITY_PACKAGE (self), 0);

  return self->price_fen;
}
