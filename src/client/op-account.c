/* op-account.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-account"

#include "config.h"

#include "op-account.h"

#include "op-platform-json-private.h"

/* A member account of the platform as the console sees it: who it is,
 * whether it is real-name verified (实名认证), the roles the platform
 * detected or granted, and the developer information once 入驻 is done. */

struct _OpAccount
{
  GObject          parent_instance;

  char            *login;
  char            *display_name;
  char            *member_id;
  gint64           ali_id;
  char            *verification_help_url;
  char           **role_ids;
  GHashTable      *role_names;      /* id → name */
  GHashTable      *detected_roles;  /* set of ids */
  OpDeveloperType  developer_type;
  char            *contact_name;
  char            *mobile;
  char            *email;
  char            *company_name;
  GDateTime       *onboarded_at;
  guint            real_name_verified : 1;
};

enum {
  PROP_0,
  PROP_LOGIN,
  PROP_DISPLAY_NAME,
  PROP_MEMBER_ID,
  PROP_ALI_ID,
  PROP_REAL_NAME_VERIFIED,
  PROP_VERIFICATION_HELP_URL,
  PROP_ROLE_IDS,
  PROP_IS_DEVELOPER,
  PROP_DEVELOPER_TYPE,
  PROP_CONTACT_NAME,
  PROP_MOBILE,
  PROP_EMAIL,
  PROP_COMPANY_NAME,
  PROP_ONBOARDED_AT,
  N_PROPS
};

G_DEFINE_ENUM_TYPE (OpDeveloperType, op_developer_type,
                    G_DEFINE_ENUM_VALUE (OP_DEVELOPER_TYPE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OP_DEVELOPER_TYPE_SELF_USE, "self_use"),
                    G_DEFINE_ENUM_VALUE (OP_DEVELOPER_TYPE_ISV, "isv"))

G_DEFINE_FINAL_TYPE (OpAccount, op_account, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_account_finalize (GObject *object)
{
  OpAccount *self = (OpAccount *)object;

  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->verification_help_url, g_free);
  g_clear_pointer (&self->role_ids, g_strfreev);
  g_clear_pointer (&self->role_names, g_hash_table_unref);
  g_clear_pointer (&self->detected_roles, g_hash_table_unref);
  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->mobile, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->onboarded_at, g_date_time_unref);

  G_OBJECT_CLASS (op_account_parent_class)->finalize (object);
}

static void
op_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OpAccount *self = OP_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_MEMBER_ID:
      g_value_set_string (value, self->member_id);
      break;

    case PROP_ALI_ID:
      g_value_set_int64 (value, self->ali_id);
      break;

    case PROP_REAL_NAME_VERIFIED:
      g_value_set_boolean (value, self->real_name_verified);
      break;

    case PROP_VERIFICATION_HELP_URL:
      g_value_set_string (value, self->verification_help_url);
      break;

    case PROP_ROLE_IDS:
      g_value_set_boxed (value, self->role_ids);
      break;

    case PROP_IS_DEVELOPER:
      g_value_set_boolean (value, op_account_get_is_developer (self));
      break;

    case PROP_DEVELOPER_TYPE:
      g_value_set_enum (value, self->developer_type);
      break;

    case PROP_CONTACT_NAME:
      g_value_set_string (value, self->contact_name);
      break;

    case PROP_MOBILE:
      g_value_set_string (value, self->mobile);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    case PROP_ONBOARDED_AT:
      g_value_set_boxed (value, self->onboarded_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_account_class_init (OpAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_account_finalize;
  object_class->get_property = op_account_get_property;

  properties [PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL, flags);
  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties [PROP_MEMBER_ID] =
    g_param_spec_string ("member-id", NULL, NULL, NULL, flags);
  properties [PROP_ALI_ID] =
    g_param_spec_int64 ("ali-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_REAL_NAME_VERIFIED] =
    g_param_spec_boolean ("real-name-verified", NULL, NULL, FALSE, flags);
  properties [PROP_VERIFICATION_HELP_URL] =
    g_param_spec_string ("verification-help-url", NULL, NULL, NULL, flags);
  properties [PROP_ROLE_IDS] =
    g_param_spec_boxed ("role-ids", NULL, NULL, G_TYPE_STRV, flags);
  properties [PROP_IS_DEVELOPER] =
    g_param_spec_boolean ("is-developer", NULL, NULL, FALSE, flags);
  properties [PROP_DEVELOPER_TYPE] =
    g_param_spec_enum ("developer-type", NULL, NULL,
                       OP_TYPE_DEVELOPER_TYPE, OP_DEVELOPER_TYPE_NONE, flags);
  properties [PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, NULL, flags);
  properties [PROP_MOBILE] =
    g_param_spec_string ("mobile", NULL, NULL, NULL, flags);
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL, flags);
  properties [PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL, NULL, flags);
  properties [PROP_ONBOARDED_AT] =
    g_param_spec_boxed ("onboarded-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_account_init (OpAccount *self)
{
  self->role_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->detected_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static gboolean
read_roles (OpAccount   *self,
            JsonObject  *object,
            GError     **error)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  JsonArray *roles = NULL;

  if (!_op_json_get_array (object, "roles", FALSE, &roles, error))
    return FALSE;

  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      JsonNode *node = json_array_get_element (roles, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *source = NULL;
      JsonObject *role;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "roles[%u]: not an object", i);
          return FALSE;
        }

      role = json_node_get_object (node);
      if (!_op_json_get_string (role, "id", TRUE, &id, error) ||
          !_op_json_get_string (role, "name", FALSE, &name, error) ||
          !_op_json_get_string (role, "source", FALSE, &source, error))
        {
          g_prefix_error (error, "roles[%u]: ", i);
          return FALSE;
        }

      g_strv_builder_add (ids, id);
      if (name != NULL)
        g_hash_table_replace (self->role_names, g_strdup (id), g_steal_pointer (&name));
      if (g_strcmp0 (source, "detected") == 0)
        g_hash_table_add (self->detected_roles, g_strdup (id));
    }

  self->role_ids = g_strv_builder_end (ids);

  return TRUE;
}

static gboolean
read_developer (OpAccount   *self,
                JsonObject  *object,
                GError     **error)
{
  JsonObject *developer = NULL;
  int type = OP_DEVELOPER_TYPE_NONE;

  if (!_op_json_get_object (object, "developer", FALSE, &developer, error))
    return FALSE;

  if (developer == NULL)
    return TRUE;

  if (!_op_json_get_enum (developer, "developer_type", TRUE, OP_TYPE_DEVELOPER_TYPE, &type, error) ||
      !_op_json_get_string (developer, "contact_name", FALSE, &self->contact_name, error) ||
      !_op_json_get_string (developer, "mobile", FALSE, &self->mobile, error) ||
      !_op_json_get_string (developer, "email", FALSE, &self->email, error) ||
      !_op_json_get_string (developer, "company_name", FALSE, &self->company_name, error) ||
      !_op_json_get_time (developer, "onboarded_at", FALSE, &self->onboarded_at, error))
    {
      g_prefix_error (error, "developer: ");
      return FALSE;
    }

  if (type == OP_DEVELOPER_TYPE_NONE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "developer.developer_type: “none” for a developer");
      return FALSE;
    }

  self->developer_type = type;

  return TRUE;
}

/**
 * op_account_new_from_json:
 * @object: an account of the console API (`GET /account`)
 * @error: return location for a #GError
 *
 * Reads an account. Unknown members are ignored; a missing required one
 * (`login`, `display_name`, `member_id`, `real_name_verified`) is an error.
 *
 * Returns: (transfer full) (nullable): the account, or %NULL with @error set
 *   (%G_IO_ERROR_INVALID_DATA)
 */
OpAccount *
op_account_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(OpAccount) self = NULL;
  gboolean verified = FALSE;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_ACCOUNT, NULL);

  if (!_op_json_get_string (object, "login", TRUE, &self->login, error) ||
      !_op_json_get_string (object, "display_name", TRUE, &self->display_name, error) ||
      !_op_json_get_string (object, "member_id", TRUE, &self->member_id, error) ||
      !_op_json_get_int (object, "ali_id", FALSE, &self->ali_id, error) ||
      !_op_json_get_bool (object, "real_name_verified", TRUE, &verified, error) ||
      !_op_json_get_string (object, "verification_help_url", FALSE,
                            &self->verification_help_url, error) ||
      !read_roles (self, object, error) ||
      !read_developer (self, object, error))
    return NULL;

  self->real_name_verified = verified;

  return g_steal_pointer (&self);
}

const char *
op_account_get_login (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->login;
}

const char *
op_account_get_display_name (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->display_name;
}

/**
 * op_account_get_member_id:
 * @self: a #OpAccount
 *
 * Returns: the member ID (`b2b-…`), as the gateway's OAuth answers name it
 */
const char *
op_account_get_member_id (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->member_id;
}

gint64
op_account_get_ali_id (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), 0);

  return self->ali_id;
}

gboolean
op_account_get_real_name_verified (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), FALSE);

  return self->real_name_verified;
}

/**
 * op_account_get_verification_help_url:
 * @self: a #OpAccount
 *
 * Returns: (nullable): where an unverified account learns how to complete
 *   实名认证; %NULL once verified
 */
const char *
op_account_get_verification_help_url (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->verification_help_url;
}

/**
 * op_account_get_role_ids:
 * @self: a #OpAccount
 *
 * Returns: (transfer none) (array zero-terminated=1): the roles the account
 *   holds (`trustpass_merchant`, `isv`, …), in the platform's order
 */
const char * const *
op_account_get_role_ids (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return (const char * const *) self->role_ids;
}

gboolean
op_account_has_role (OpAccount  *self,
                     const char *role_id)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (role_id != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->role_ids, role_id);
}

/**
 * op_account_get_role_name:
 * @self: a #OpAccount
 * @role_id: a role the account holds
 *
 * Returns: (nullable): the role's name in the language of the answer, or
 *   %NULL when the account does not hold it
 */
const char *
op_account_get_role_name (OpAccount  *self,
                          const char *role_id)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (role_id != NULL, NULL);

  return g_hash_table_lookup (self->role_names, role_id);
}

/**
 * op_account_get_role_detected:
 * @self: a #OpAccount
 * @role_id: a role
 *
 * Returns: %TRUE when the platform detected this role on the account (as
 *   opposed to granting it after a qualification application)
 */
gboolean
op_account_get_role_detected (OpAccount  *self,
                              const char *role_id)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (role_id != NULL, FALSE);

  return g_hash_table_contains (self->detected_roles, role_id);
}

/**
 * op_account_get_is_developer:
 * @self: a #OpAccount
 *
 * Returns: %TRUE once the account has completed 入驻
 */
gboolean
op_account_get_is_developer (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), FALSE);

  return self->developer_type != OP_DEVELOPER_TYPE_NONE;
}

OpDeveloperType
op_account_get_developer_type (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), OP_DEVELOPER_TYPE_NONE);

  return self->developer_type;
}

/**
 * op_account_get_contact_name:
 * @self: a #OpAccount
 *
 * Returns: (nullable): the developer's contact name; %NULL before 入驻
 */
const char *
op_account_get_contact_name (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->contact_name;
}

/**
 * op_account_get_mobile:
 * @self: a #OpAccount
 *
 * Returns: (nullable): the verified mobile number; %NULL before 入驻
 */
const char *
op_account_get_mobile (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->mobile;
}

/**
 * op_account_get_email:
 * @self: a #OpAccount
 *
 * Returns: (nullable): the developer's e-mail address; %NULL before 入驻
 */
const char *
op_account_get_email (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->email;
}

/**
 * op_account_get_company_name:
 * @self: a #OpAccount
 *
 * Returns: (nullable): the company name, if one was given
 */
const char *
op_account_get_company_name (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->company_name;
}

/**
 * op_account_get_onboarded_at:
 * @self: a #OpAccount
 *
 * Returns: (transfer none) (nullable): when 入驻 was completed
 */
GDateTime *
op_account_get_onboarded_at (OpAccount *self)
{
  g_return_val_if_fail (OP_IS_ACCOUNT (self), NULL);

  return self->onboarded_at;
}
