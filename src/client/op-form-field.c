/* op-form-field.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-form-field"

#include "config.h"

#include "op-form-field.h"

#include "op-platform-json-private.h"

/* One field of a role's qualification form (资质申请), as the platform
 * defines it: the app builds the form from these, it hard-codes none. */

struct _OpFormField
{
  GObject   parent_instance;

  char     *name;
  char     *field_type;
  char     *label;
  char     *label_en;
  char     *label_zh;
  char     *help;
  char     *validation;
  char    **choice_values;
  char    **choice_labels;
  guint     max_length;
  guint     required : 1;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_FIELD_TYPE,
  PROP_LABEL,
  PROP_LABEL_EN,
  PROP_LABEL_ZH,
  PROP_HELP,
  PROP_REQUIRED,
  PROP_MAX_LENGTH,
  PROP_VALIDATION,
  PROP_CHOICE_VALUES,
  PROP_CHOICE_LABELS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpFormField, op_form_field, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_form_field_finalize (GObject *object)
{
  OpFormField *self = (OpFormField *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->field_type, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->label_en, g_free);
  g_clear_pointer (&self->label_zh, g_free);
  g_clear_pointer (&self->help, g_free);
  g_clear_pointer (&self->validation, g_free);
  g_clear_pointer (&self->choice_values, g_strfreev);
  g_clear_pointer (&self->choice_labels, g_strfreev);

  G_OBJECT_CLASS (op_form_field_parent_class)->finalize (object);
}

static void
op_form_field_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OpFormField *self = OP_FORM_FIELD (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FIELD_TYPE:
      g_value_set_string (value, self->field_type);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_LABEL_EN:
      g_value_set_string (value, self->label_en);
      break;

    case PROP_LABEL_ZH:
      g_value_set_string (value, self->label_zh);
      break;

    case PROP_HELP:
      g_value_set_string (value, self->help);
      break;

    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;

    case PROP_MAX_LENGTH:
      g_value_set_uint (value, self->max_length);
      break;

    case PROP_VALIDATION:
      g_value_set_string (value, self->validation);
      break;

    case PROP_CHOICE_VALUES:
      g_value_set_boxed (value, self->choice_values);
      break;

    case PROP_CHOICE_LABELS:
      g_value_set_boxed (value, self->choice_labels);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_form_field_class_init (OpFormFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_form_field_finalize;
  object_class->get_property = op_form_field_get_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_FIELD_TYPE] =
    g_param_spec_string ("field-type", NULL, NULL, NULL, flags);
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties [PROP_LABEL_EN] =
    g_param_spec_string ("label-en", NULL, NULL, NULL, flags);
  properties [PROP_LABEL_ZH] =
    g_param_spec_string ("label-zh", NULL, NULL, NULL, flags);
  properties [PROP_HELP] =
    g_param_spec_string ("help", NULL, NULL, NULL, flags);
  properties [PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE, flags);
  properties [PROP_MAX_LENGTH] =
    g_param_spec_uint ("max-length", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties [PROP_VALIDATION] =
    g_param_spec_string ("validation", NULL, NULL, NULL, flags);
  properties [PROP_CHOICE_VALUES] =
    g_param_spec_boxed ("choice-values", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_CHOICE_LABELS] =
    g_param_spec_boxed ("choice-labels", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_form_field_init (OpFormField *self)
{
}

static gboolean
read_choices (OpFormField  *self,
              JsonObject   *object,
              GError      **error)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  JsonArray *options = NULL;

  if (!_op_json_get_array (object, "options", FALSE, &options, error))
    return FALSE;

  for (guint i = 0; options != NULL && i < json_array_get_length (options); i++)
    {
      JsonNode *node = json_array_get_element (options, i);
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "options[%u]: not an object", i);
          return FALSE;
        }

      if (!_op_json_get_string (json_node_get_object (node), "value", TRUE, &value, error) ||
          !_op_json_get_string (json_node_get_object (node), "label", FALSE, &label, error))
        {
          g_prefix_error (error, "options[%u]: ", i);
          return FALSE;
        }

      g_strv_builder_add (values, value);
      g_strv_builder_add (labels, label != NULL && label[0] != '\0' ? label : value);
    }

  self->choice_values = g_strv_builder_end (values);
  self->choice_labels = g_strv_builder_end (labels);

  return TRUE;
}

/**
 * op_form_field_new_from_json:
 * @object: one element of a role's `form` array
 * @error: return location for a #GError
 *
 * Reads a form field: `name`, `type` and `label` are required; `help`,
 * `required`, `max_length`, `validation`, `options` ([{value, label}]) and
 * the labels in both languages (`label_en`, `label_zh`, when the platform
 * sends them) are optional.
 *
 * Returns: (transfer full) (nullable): the field, or %NULL with @error set
 */
OpFormField *
op_form_field_new_from_json (JsonObject  *object,
                             GError     **error)
{
  g_autoptr(OpFormField) self = NULL;
  gboolean required = FALSE;
  gint64 max_length = 0;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_FORM_FIELD, NULL);

  if (!_op_json_get_string (object, "name", TRUE, &self->name, error) ||
      !_op_json_get_string (object, "type", TRUE, &self->field_type, error) ||
      !_op_json_get_string (object, "label", TRUE, &self->label, error) ||
      !_op_json_get_string (object, "label_en", FALSE, &self->label_en, error) ||
      !_op_json_get_string (object, "label_zh", FALSE, &self->label_zh, error) ||
      !_op_json_get_string (object, "help", FALSE, &self->help, error) ||
      !_op_json_get_bool (object, "required", FALSE, &required, error) ||
      !_op_json_get_int (object, "max_length", FALSE, &max_length, error) ||
      !_op_json_get_string (object, "validation", FALSE, &self->validation, error) ||
      !read_choices (self, object, error))
    return NULL;

  if (max_length < 0 || max_length > G_MAXUINT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“max_length”: out of range");
      return NULL;
    }

  if (self->help == NULL)
    self->help = g_strdup ("");
  if (self->validation == NULL)
    self->validation = g_strdup ("none");

  self->required = required;
  self->max_length = (guint) max_length;

  return g_steal_pointer (&self);
}

const char *
op_form_field_get_name (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return self->name;
}

/**
 * op_form_field_get_field_type:
 * @self: a #OpFormField
 *
 * Returns: what the field holds, which says which widget shows it: `text`,
 *   `multiline`, `tel`, `email`, `url`, `choice` or `image` (a `data:` URL
 *   of a PNG or JPEG); treat an unknown type as `text`
 */
const char *
op_form_field_get_field_type (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return self->field_type;
}

/**
 * op_form_field_get_label:
 * @self: a #OpFormField
 *
 * Returns: the label, in the language the client asked for
 */
const char *
op_form_field_get_label (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return self->label;
}

/**
 * op_form_field_get_label_en:
 * @self: a #OpFormField
 *
 * Returns: (nullable): the English label, when the platform sent both
 */
const char *
op_form_field_get_label_en (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return self->label_en;
}

/**
 * op_form_field_get_label_zh:
 * @self: a #OpFormField
 *
 * Returns: (nullable): the Chinese label, when the platform sent both
 */
const char *
op_form_field_get_label_zh (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return self->label_zh;
}

/**
 * op_form_field_get_help:
 * @self: a #OpFormField
 *
 * Returns: a help text for under the field, possibly empty
 */
const char *
op_form_field_get_help (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return self->help;
}

gboolean
op_form_field_get_required (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), FALSE);

  return self->required;
}

/**
 * op_form_field_get_max_length:
 * @self: a #OpFormField
 *
 * Returns: the most characters the value may have, or 0 for no stated limit
 */
guint
op_form_field_get_max_length (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), 0);

  return self->max_length;
}

/**
 * op_form_field_get_validation:
 * @self: a #OpFormField
 *
 * Returns: the check the value must pass: `none`, `uscc` (统一社会信用代码),
 *   `mobile`, `email`, `https_url`, `choice` or `image`
 */
const char *
op_form_field_get_validation (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return self->validation;
}

/**
 * op_form_field_get_choice_values:
 * @self: a #OpFormField
 *
 * Returns: (transfer none) (array zero-terminated=1): the values a `choice`
 *   field may take (empty for other fields)
 */
const char * const *
op_form_field_get_choice_values (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return (const char * const *) self->choice_values;
}

/**
 * op_form_field_get_choice_labels:
 * @self: a #OpFormField
 *
 * Returns: (transfer none) (array zero-terminated=1): the label of each
 *   choice, in the same order as op_form_field_get_choice_values()
 */
const char * const *
op_form_field_get_choice_labels (OpFormField *self)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);

  return (const char * const *) self->choice_labels;
}

/**
 * op_form_field_get_choice_label:
 * @self: a #OpFormField
 * @value: a choice's value
 *
 * Returns: (nullable): its label, or %NULL when @value is not a choice
 */
const char *
op_form_field_get_choice_label (OpFormField *self,
                                const char  *value)
{
  g_return_val_if_fail (OP_IS_FORM_FIELD (self), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; self->choice_values[i] != NULL; i++)
    if (g_str_equal (self->choice_values[i], value))
      return self->choice_labels[i];

  return NULL;
}
