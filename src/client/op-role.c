/* op-role.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-role"

#include "config.h"

#include "op-role.h"

#include "op-platform-json-private.h"

/* A role of the platform (诚信通商家, 专业买家, 跨境超买, 服务商) as one
 * account sees it: whether the account holds it, where its latest
 * qualification application stands, and the form to apply with. */

struct _OpRole
{
  GObject        parent_instance;

  char          *id;
  char          *name;
  char          *description;
  GListStore    *form;
  gint64         application_id;
  OpReviewState  application_state;
  guint          held : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_HELD,
  PROP_APPLICATION_ID,
  PROP_APPLICATION_STATE,
  PROP_FORM,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpRole, op_role, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_role_finalize (GObject *object)
{
  OpRole *self = (OpRole *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->form);

  G_OBJECT_CLASS (op_role_parent_class)->finalize (object);
}

static void
op_role_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  OpRole *self = OP_ROLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;

    case PROP_APPLICATION_ID:
      g_value_set_int64 (value, self->application_id);
      break;

    case PROP_APPLICATION_STATE:
      g_value_set_enum (value, self->application_state);
      break;

    case PROP_FORM:
      g_value_set_object (value, self->form);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_role_class_init (OpRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_role_finalize;
  object_class->get_property = op_role_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties [PROP_HELD] =
    g_param_spec_boolean ("held", NULL, NULL, FALSE, flags);
  properties [PROP_APPLICATION_ID] =
    g_param_spec_int64 ("application-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_APPLICATION_STATE] =
    g_param_spec_enum ("application-state", NULL, NULL,
                       OP_TYPE_REVIEW_STATE, OP_REVIEW_STATE_NONE, flags);
  properties [PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_role_init (OpRole *self)
{
}

/**
 * op_role_new_from_json:
 * @object: a role of the console API (`GET /roles`)
 * @error: return location for a #GError
 *
 * Reads a role: `id` and `name` are required; `description`, `held`,
 * `application` ({id, state} or null) and `form` are optional.
 *
 * Returns: (transfer full) (nullable): the role, or %NULL with @error set
 */
OpRole *
op_role_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(OpRole) self = NULL;
  JsonObject *application = NULL;
  gboolean held = FALSE;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_ROLE, NULL);

  if (!_op_json_get_string (object, "id", TRUE, &self->id, error) ||
      !_op_json_get_string (object, "name", TRUE, &self->name, error) ||
      !_op_json_get_string (object, "description", FALSE, &self->description, error) ||
      !_op_json_get_bool (object, "held", FALSE, &held, error) ||
      !_op_json_get_object (object, "application", FALSE, &application, error) ||
      !_op_json_get_list (object, "form", FALSE, OP_TYPE_FORM_FIELD,
                          (OpJsonParseFunc) op_form_field_new_from_json, &self->form, error))
    return NULL;

  if (application != NULL)
    {
      int state = OP_REVIEW_STATE_NONE;

      if (!_op_json_get_int (application, "id", TRUE, &self->application_id, error) ||
          !_op_json_get_enum (application, "state", TRUE, OP_TYPE_REVIEW_STATE, &state, error))
        {
          g_prefix_error (error, "application: ");
          return NULL;
        }

      self->application_state = state;
    }

  if (self->description == NULL)
    self->description = g_strdup ("");

  self->held = held;

  return g_steal_pointer (&self);
}

/**
 * op_role_get_id:
 * @self: a #OpRole
 *
 * Returns: the role's id: `trustpass_merchant`, `professional_buyer`,
 *   `crossborder_buyer`, `isv`, …
 */
const char *
op_role_get_id (OpRole *self)
{
  g_return_val_if_fail (OP_IS_ROLE (self), NULL);

  return self->id;
}

/**
 * op_role_get_name:
 * @self: a #OpRole
 *
 * Returns: the role's name, in the language the client asked for
 */
const char *
op_role_get_name (OpRole *self)
{
  g_return_val_if_fail (OP_IS_ROLE (self), NULL);

  return self->name;
}

const char *
op_role_get_description (OpRole *self)
{
  g_return_val_if_fail (OP_IS_ROLE (self), NULL);

  return self->description;
}

/**
 * op_role_get_held:
 * @self: a #OpRole
 *
 * Returns: %TRUE when the account holds this role (detected, or granted
 *   after an approved application)
 */
gboolean
op_role_get_held (OpRole *self)
{
  g_return_val_if_fail (OP_IS_ROLE (self), FALSE);

  return self->held;
}

/**
 * op_role_get_application_id:
 * @self: a #OpRole
 *
 * Returns: the id of the account's latest qualification application for
 *   this role, or 0 when there is none
 */
gint64
op_role_get_application_id (OpRole *self)
{
  g_return_val_if_fail (OP_IS_ROLE (self), 0);

  return self->application_id;
}

/**
 * op_role_get_application_state:
 * @self: a #OpRole
 *
 * Returns: where that application stands, or %OP_REVIEW_STATE_NONE
 */
OpReviewState
op_role_get_application_state (OpRole *self)
{
  g_return_val_if_fail (OP_IS_ROLE (self), OP_REVIEW_STATE_NONE);

  return self->application_state;
}

/**
 * op_role_get_form:
 * @self: a #OpRole
 *
 * Returns: (transfer none): the qualification form, a #GListModel of
 *   #OpFormField in the order to show them
 */
GListModel *
op_role_get_form (OpRole *self)
{
  g_return_val_if_fail (OP_IS_ROLE (self), NULL);

  return G_LIST_MODEL (self->form);
}

/**
 * op_role_lookup_field:
 * @self: a #OpRole
 * @name: a field name
 *
 * Returns: (transfer none) (nullable): the form's field of that name
 */
OpFormField *
op_role_lookup_field (OpRole     *self,
                      const char *name)
{
  guint n;

  g_return_val_if_fail (OP_IS_ROLE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->form));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpFormField) field = g_list_model_get_item (G_LIST_MODEL (self->form), i);

      if (g_str_equal (op_form_field_get_name (field), name))
        return field;  /* the store keeps its own reference */
    }

  return NULL;
}
