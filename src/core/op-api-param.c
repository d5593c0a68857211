/* op-api-param.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-api-param"

#include "config.h"

#include "op-api-param.h"

#include "op-api-private.h"
#include "op-catalog.h"

#include <glib/gi18n-lib.h>

struct _OpApiParam
{
  GObject parent_instance;

  char *name;
  char *type_name;
  char *required_note;
  char *description_zh;
  char *description_en;
  char *example;
  OpApiParamRequirement requirement;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_TYPE_NAME,
  PROP_REQUIRED,
  PROP_REQUIREMENT,
  PROP_REQUIRED_NOTE,
  PROP_DESCRIPTION,
  PROP_DESCRIPTION_ZH,
  PROP_DESCRIPTION_EN,
  PROP_EXAMPLE,
  N_PROPS
};

G_DEFINE_ENUM_TYPE (OpApiParamRequirement, op_api_param_requirement,
                    G_DEFINE_ENUM_VALUE (OP_API_PARAM_OPTIONAL, "optional"),
                    G_DEFINE_ENUM_VALUE (OP_API_PARAM_REQUIRED, "required"),
                    G_DEFINE_ENUM_VALUE (OP_API_PARAM_CONDITIONAL, "conditional"),
                    G_DEFINE_ENUM_VALUE (OP_API_PARAM_UNCERTAIN, "uncertain"))

G_DEFINE_FINAL_TYPE (OpApiParam, op_api_param, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static gboolean
parse_requirement (JsonObject             *object,
                   const char             *prefix,
                   OpApiParamRequirement  *requirement,
                   GError                **error)
{
  JsonNode *node = json_object_get_member (object, "required");
  g_autofree char *field = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      field = g_strconcat (prefix, "required", NULL);
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                   /* Translators: %s is a field of the catalog file, like “params[2].type” */
                   _("The field “%s” is missing."), field);
      return FALSE;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *requirement = json_node_get_boolean (node) ? OP_API_PARAM_REQUIRED : OP_API_PARAM_OPTIONAL;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (g_strcmp0 (text, "conditional") == 0)
        {
          *requirement = OP_API_PARAM_CONDITIONAL;
          return TRUE;
        }
      if (g_strcmp0 (text, "uncertain") == 0)
        {
          *requirement = OP_API_PARAM_UNCERTAIN;
          return TRUE;
        }
    }

  field = g_strconcat (prefix, "required", NULL);
  g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
               /* Translators: %s is a field of the catalog file; do not translate the quoted words */
               _("The field “%s” must be true, false, “conditional” or “uncertain”."), field);
  return FALSE;
}

static void
op_api_param_finalize (GObject *object)
{
  OpApiParam *self = (OpApiParam *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->type_name, g_free);
  g_clear_pointer (&self->required_note, g_free);
  g_clear_pointer (&self->description_zh, g_free);
  g_clear_pointer (&self->description_en, g_free);
  g_clear_pointer (&self->example, g_free);

  G_OBJECT_CLASS (op_api_param_parent_class)->finalize (object);
}

static void
op_api_param_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OpApiParam *self = OP_API_PARAM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;

    case PROP_REQUIRED:
      g_value_set_boolean (value, op_api_param_get_required (self));
      break;

    case PROP_REQUIREMENT:
      g_value_set_enum (value, self->requirement);
      break;

    case PROP_REQUIRED_NOTE:
      g_value_set_string (value, self->required_note);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, op_api_param_get_description (self));
      break;

    case PROP_DESCRIPTION_ZH:
      g_value_set_string (value, self->description_zh);
      break;

    case PROP_DESCRIPTION_EN:
      g_value_set_string (value, self->description_en);
      break;

    case PROP_EXAMPLE:
      g_value_set_string (value, self->example);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_api_param_class_init (OpApiParamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_api_param_finalize;
  object_class->get_property = op_api_param_get_property;

  /**
   * OpApiParam:name:
   *
   * The parameter name as sent to the gateway, for example "orderId". A dotted
   * name is a field of the JSON-valued parameter named before the dot.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpApiParam:type-name:
   *
   * The type as the platform documents it, for example "Long" or "String[]".
   */
  properties [PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpApiParam:required:
   *
   * %TRUE only when the parameter is known to be always required.
   */
  properties [PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpApiParam:requirement:
   *
   * Whether the parameter must be sent, including "sometimes" and "unknown".
   */
  properties [PROP_REQUIREMENT] =
    g_param_spec_enum ("requirement", NULL, NULL,
                       OP_TYPE_API_PARAM_REQUIREMENT,
                       OP_API_PARAM_OPTIONAL,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpApiParam:required-note:
   *
   * When the requirement is conditional: when it is required (English, from the
   * catalog data), or %NULL.
   */
  properties [PROP_REQUIRED_NOTE] =
    g_param_spec_string ("required-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpApiParam:description:
   *
   * The description in the user's language, else in the other one, or %NULL.
   */
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION_ZH] =
    g_param_spec_string ("description-zh", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION_EN] =
    g_param_spec_string ("description-en", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpApiParam:example:
   *
   * An example value as text, as the documentation gives it, or %NULL.
   */
  properties [PROP_EXAMPLE] =
    g_param_spec_string ("example", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_api_param_init (OpApiParam *self)
{
}

OpApiParam *
_op_api_param_new_from_json (JsonObject  *object,
                             guint        index,
                             GError     **error)
{
  g_autoptr(OpApiParam) self = NULL;
  g_autofree char *prefix = g_strdup_printf ("params[%u].", index);
  const char *name = NULL;
  const char *type_name = NULL;
  const char *required_note = NULL;
  const char *description_zh = NULL;
  const char *description_en = NULL;
  const char *example = NULL;
  OpApiParamRequirement requirement = OP_API_PARAM_OPTIONAL;

  g_assert (object != NULL);

  if (!_op_api_json_get_string (object, prefix, "name", TRUE, &name, error) ||
      !_op_api_json_get_string (object, prefix, "type", TRUE, &type_name, error) ||
      !parse_requirement (object, prefix, &requirement, error) ||
      !_op_api_json_get_string (object, prefix, "required_note", FALSE, &required_note, error) ||
      !_op_api_json_get_string (object, prefix, "description_zh", FALSE, &description_zh, error) ||
      !_op_api_json_get_string (object, prefix, "description_en", FALSE, &description_en, error) ||
      !_op_api_json_get_string (object, prefix, "example", FALSE, &example, error))
    return NULL;

  self = g_object_new (OP_TYPE_API_PARAM, NULL);
  self->name = g_strdup (name);
  self->type_name = g_strdup (type_name);
  self->requirement = requirement;
  self->required_note = g_strdup (required_note);
  self->description_zh = g_strdup (description_zh);
  self->description_en = g_strdup (description_en);
  self->example = g_strdup (example);

  return g_steal_pointer (&self);
}

/**
 * op_api_param_get_name:
 * @self: a #OpApiParam
 *
 * Returns: the name sent to the gateway
 */
const char *
op_api_param_get_name (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), NULL);

  return self->name;
}

/**
 * op_api_param_get_type_name:
 * @self: a #OpApiParam
 *
 * Returns: the documented type, such as "Long" or "String[]"
 */
const char *
op_api_param_get_type_name (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), NULL);

  return self->type_name;
}

/**
 * op_api_param_get_required:
 * @self: a #OpApiParam
 *
 * Returns: %TRUE when the parameter is always required
 */
gboolean
op_api_param_get_required (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), FALSE);

  return self->requirement == OP_API_PARAM_REQUIRED;
}

/**
 * op_api_param_get_requirement:
 * @self: a #OpApiParam
 *
 * Returns: whether the parameter must be sent, as far as the catalog knows
 */
OpApiParamRequirement
op_api_param_get_requirement (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), OP_API_PARAM_UNCERTAIN);

  return self->requirement;
}

/**
 * op_api_param_get_required_note:
 * @self: a #OpApiParam
 *
 * Returns: (nullable): when a conditional parameter is required
 */
const char *
op_api_param_get_required_note (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), NULL);

  return self->required_note;
}

/**
 * op_api_param_get_description:
 * @self: a #OpApiParam
 *
 * Returns: (nullable): the description in the user's language if the catalog has
 *   it, else the one it has
 */
const char *
op_api_param_get_description (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), NULL);

  if (_op_api_prefers_chinese ())
    return self->description_zh != NULL ? self->description_zh : self->description_en;

  return self->description_en != NULL ? self->description_en : self->description_zh;
}

/**
 * op_api_param_get_description_zh:
 * @self: a #OpApiParam
 *
 * Returns: (nullable): the Chinese description
 */
const char *
op_api_param_get_description_zh (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), NULL);

  return self->description_zh;
}

/**
 * op_api_param_get_description_en:
 * @self: a #OpApiParam
 *
 * Returns: (nullable): the English description
 */
const char *
op_api_param_get_description_en (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), NULL);

  return self->description_en;
}

/**
 * op_api_param_get_example:
 * @self: a #OpApiParam
 *
 * Returns: (nullable): an example value, as text
 */
const char *
op_api_param_get_example (OpApiParam *self)
{
  g_return_val_if_fail (OP_IS_API_PARAM (self), NULL);

  return self->example;
}
