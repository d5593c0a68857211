/* op-qualification.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-qualification"

#include "config.h"

#include "op-qualification.h"

#include "op-platform-json-private.h"

/* A qualification application (资质申请) for one role: 审核中, then 已通过
 * or 已驳回 with a reason, possibly one per field. */

struct _OpQualification
{
  GObject        parent_instance;

  gint64         id;
  char          *role_id;
  char          *role_name;
  OpReviewState  state;
  char          *reason;
  GHashTable    *field_reasons;
  GHashTable    *fields;
  GDateTime     *created_at;
  GDateTime     *updated_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ROLE_ID,
  PROP_ROLE_NAME,
  PROP_STATE,
  PROP_REASON,
  PROP_FIELD_REASONS,
  PROP_FIELDS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpQualification, op_qualification, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_qualification_finalize (GObject *object)
{
  OpQualification *self = (OpQualification *)object;

  g_clear_pointer (&self->role_id, g_free);
  g_clear_pointer (&self->role_name, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->field_reasons, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (op_qualification_parent_class)->finalize (object);
}

static void
op_qualification_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OpQualification *self = OP_QUALIFICATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ROLE_ID:
      g_value_set_string (value, self->role_id);
      break;

    case PROP_ROLE_NAME:
      g_value_set_string (value, self->role_name);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_FIELD_REASONS:
      g_value_set_boxed (value, self->field_reasons);
      break;

    case PROP_FIELDS:
      g_value_set_boxed (value, self->fields);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_qualification_class_init (OpQualificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_qualification_finalize;
  object_class->get_property = op_qualification_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_ROLE_ID] =
    g_param_spec_string ("role-id", NULL, NULL, NULL, flags);
  properties [PROP_ROLE_NAME] =
    g_param_spec_string ("role-name", NULL, NULL, NULL, flags);
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       OP_TYPE_REVIEW_STATE, OP_REVIEW_STATE_PENDING, flags);
  properties [PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, flags);
  properties [PROP_FIELD_REASONS] =
    g_param_spec_boxed ("field-reasons", NULL, NULL, G_TYPE_HASH_TABLE, flags);
  properties [PROP_FIELDS] =
    g_param_spec_boxed ("fields", NULL, NULL, G_TYPE_HASH_TABLE, flags);
  properties [PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_qualification_init (OpQualification *self)
{
  self->state = OP_REVIEW_STATE_PENDING;
}

/**
 * op_qualification_new_from_json:
 * @object: a qualification application of the console API
 * @error: return location for a #GError
 *
 * Reads an application: `id`, `role` ({id, name}) and `state` are required;
 * `reason`, `field_reasons`, `fields` (only in the detailed answer),
 * `created_at` and `updated_at` are optional.
 *
 * Returns: (transfer full) (nullable): the application, or %NULL with @error set
 */
OpQualification *
op_qualification_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(OpQualification) self = NULL;
  JsonObject *role = NULL;
  int state = OP_REVIEW_STATE_NONE;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_QUALIFICATION, NULL);

  if (!_op_json_get_int (object, "id", TRUE, &self->id, error) ||
      !_op_json_get_object (object, "role", TRUE, &role, error) ||
      !_op_json_get_enum (object, "state", TRUE, OP_TYPE_REVIEW_STATE, &state, error) ||
      !_op_json_get_string (object, "reason", FALSE, &self->reason, error) ||
      !_op_json_get_string_map (object, "field_reasons", FALSE, &self->field_reasons, error) ||
      !_op_json_get_string_map (object, "fields", FALSE, &self->fields, error) ||
      !_op_json_get_time (object, "created_at", FALSE, &self->created_at, error) ||
      !_op_json_get_time (object, "updated_at", FALSE, &self->updated_at, error))
    return NULL;

  if (!_op_json_get_string (role, "id", TRUE, &self->role_id, error) ||
      !_op_json_get_string (role, "name", FALSE, &self->role_name, error))
    {
      g_prefix_error (error, "role: ");
      return NULL;
    }

  if (state == OP_REVIEW_STATE_NONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“state”: “none”");
      return NULL;
    }

  if (self->role_name == NULL)
    self->role_name = g_strdup (self->role_id);

  self->state = state;

  return g_steal_pointer (&self);
}

gint64
op_qualification_get_id (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), 0);

  return self->id;
}

const char *
op_qualification_get_role_id (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), NULL);

  return self->role_id;
}

/**
 * op_qualification_get_role_name:
 * @self: a #OpQualification
 *
 * Returns: the role's name, in the language the client asked for
 */
const char *
op_qualification_get_role_name (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), NULL);

  return self->role_name;
}

OpReviewState
op_qualification_get_state (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), OP_REVIEW_STATE_NONE);

  return self->state;
}

/**
 * op_qualification_get_reason:
 * @self: a #OpQualification
 *
 * Returns: (nullable): the reviewer's reason (for a rejection, what to correct)
 */
const char *
op_qualification_get_reason (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), NULL);

  return self->reason;
}

/**
 * op_qualification_get_field_reasons:
 * @self: a #OpQualification
 *
 * Returns: (transfer none) (nullable) (element-type utf8 utf8): for a
 *   rejection, field name → why it was refused
 */
GHashTable *
op_qualification_get_field_reasons (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), NULL);

  return self->field_reasons;
}

/**
 * op_qualification_get_fields:
 * @self: a #OpQualification
 *
 * Returns: (transfer none) (nullable) (element-type utf8 utf8): the values
 *   submitted, field name → value (to seed a resubmission); %NULL in lists,
 *   which do not carry them
 */
GHashTable *
op_qualification_get_fields (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), NULL);

  return self->fields;
}

/**
 * op_qualification_get_created_at:
 * @self: a #OpQualification
 *
 * Returns: (transfer none) (nullable): when it was first submitted
 */
GDateTime *
op_qualification_get_created_at (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), NULL);

  return self->created_at;
}

/**
 * op_qualification_get_updated_at:
 * @self: a #OpQualification
 *
 * Returns: (transfer none) (nullable): when it last changed
 */
GDateTime *
op_qualification_get_updated_at (OpQualification *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION (self), NULL);

  return self->updated_at;
}
