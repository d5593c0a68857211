/* op-new-app.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-new-app"

#include "config.h"

#include "op-new-app.h"

#include "op-platform-json-private.h"

/* The app information (应用信息) for an app to create while ordering a
 * solution or associating an ability: what the order wizard collects. */

struct _OpNewApp
{
  GObject    parent_instance;

  char      *name;
  char      *description;
  char      *callback_url;
  OpAppType  app_type;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_APP_TYPE,
  PROP_CALLBACK_URL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpNewApp, op_new_app, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_new_app_finalize (GObject *object)
{
  OpNewApp *self = (OpNewApp *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->callback_url, g_free);

  G_OBJECT_CLASS (op_new_app_parent_class)->finalize (object);
}

static void
op_new_app_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OpNewApp *self = OP_NEW_APP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_APP_TYPE:
      g_value_set_enum (value, self->app_type);
      break;

    case PROP_CALLBACK_URL:
      g_value_set_string (value, self->callback_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_new_app_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OpNewApp *self = OP_NEW_APP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_APP_TYPE:
      self->app_type = g_value_get_enum (value);
      break;

    case PROP_CALLBACK_URL:
      self->callback_url = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_new_app_class_init (OpNewAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                      G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_new_app_finalize;
  object_class->get_property = op_new_app_get_property;
  object_class->set_property = op_new_app_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties [PROP_APP_TYPE] =
    g_param_spec_enum ("app-type", NULL, NULL, OP_TYPE_APP_TYPE, OP_APP_TYPE_SELF_USE, flags);
  properties [PROP_CALLBACK_URL] =
    g_param_spec_string ("callback-url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_new_app_init (OpNewApp *self)
{
}

/**
 * op_new_app_new:
 * @name: the app's name
 * @description: (nullable): what it does
 * @app_type: self-use, or for sale (a 服务商 only)
 * @callback_url: (nullable): its OAuth callback URL, https://
 *
 * The values are sent as they are: the platform checks them and answers
 * with a reason for each field that is not valid.
 *
 * Returns: (transfer full): the app information
 */
OpNewApp *
op_new_app_new (const char  *name,
                const char  *description,
                OpAppType    app_type,
                const char  *callback_url)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (OP_TYPE_NEW_APP,
                       "name", name,
                       "description", description,
                       "app-type", app_type,
                       "callback-url", callback_url,
                       NULL);
}

const char *
op_new_app_get_name (OpNewApp *self)
{
  g_return_val_if_fail (OP_IS_NEW_APP (self), NULL);

  return self->name;
}

/**
 * op_new_app_get_description:
 * @self: a #OpNewApp
 *
 * Returns: (nullable): the description
 */
const char *
op_new_app_get_description (OpNewApp *self)
{
  g_return_val_if_fail (OP_IS_NEW_APP (self), NULL);

  return self->description;
}

OpAppType
op_new_app_get_app_type (OpNewApp *self)
{
  g_return_val_if_fail (OP_IS_NEW_APP (self), OP_APP_TYPE_SELF_USE);

  return self->app_type;
}

/**
 * op_new_app_get_callback_url:
 * @self: a #OpNewApp
 *
 * Returns: (nullable): the OAuth callback URL
 */
const char *
op_new_app_get_callback_url (OpNewApp *self)
{
  g_return_val_if_fail (OP_IS_NEW_APP (self), NULL);

  return self->callback_url;
}

/**
 * op_new_app_to_json:
 * @self: a #OpNewApp
 *
 * Returns: (transfer full): the `new_app` object of the console API:
 *   {name, description?, app_type, callback_url?}
 */
JsonNode *
op_new_app_to_json (OpNewApp *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (OP_IS_NEW_APP (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->name);
  if (self->description != NULL)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, self->description);
    }
  json_builder_set_member_name (builder, "app_type");
  json_builder_add_string_value (builder, _op_json_enum_to_nick (OP_TYPE_APP_TYPE, self->app_type));
  if (self->callback_url != NULL && self->callback_url[0] != '\0')
    {
      json_builder_set_member_name (builder, "callback_url");
      json_builder_add_string_value (builder, self->callback_url);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
