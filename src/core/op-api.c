/* op-api.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-api"

#include "config.h"

#include "op-api.h"

#include "op-api-private.h"
#include "op-catalog.h"

#include <glib/gi18n-lib.h>

#define DEFAULT_PROTOCOL "param2"
#define MAX_VERSION      999999

struct _OpApi
{
  GObject parent_instance;

  char *id;
  char *namespace_;
  char *name;
  char *title_zh;
  char *title_en;
  char *description_zh;
  char *protocol;
  char *url_path_template;
  char *doc_url;
  char *sample_response;
  char *notes;
  char *source;
  GListStore *params;
  guint version;
  guint needs_access_token : 1;
  guint access_token_known : 1;
  guint needs_signature : 1;
  guint params_known : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAMESPACE,
  PROP_NAME,
  PROP_VERSION,
  PROP_TITLE,
  PROP_TITLE_ZH,
  PROP_TITLE_EN,
  PROP_DESCRIPTION_ZH,
  PROP_NEEDS_ACCESS_TOKEN,
  PROP_ACCESS_TOKEN_KNOWN,
  PROP_NEEDS_SIGNATURE,
  PROP_PROTOCOL,
  PROP_URL_PATH_TEMPLATE,
  PROP_PARAMS_KNOWN,
  PROP_PARAMS,
  PROP_SAMPLE_RESPONSE,
  PROP_NOTES,
  PROP_SOURCE,
  PROP_DOC_URL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpApi, op_api, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

/* Sets a schema error; @message has one %s, the field name (@prefix + @member). */
#define set_field_error(error, prefix, member, message)                           \
  G_STMT_START {                                                                  \
    g_autofree char *field__ = g_strconcat ((prefix) != NULL ? (prefix) : "",     \
                                            (member), NULL);                      \
    g_set_error ((error), OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA, (message),   \
                 field__);                                                        \
  } G_STMT_END

/* Returns the member, or NULL when it is absent or null. */
static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

gboolean
_op_api_json_get_string (JsonObject  *object,
                     const char  *prefix,
                     const char  *member,
                     gboolean     required,
                     const char **value,
                     GError     **error)
{
  JsonNode *node = get_member (object, member);

  *value = NULL;

  if (node == NULL)
    {
      if (!required)
        return TRUE;

      /* Translators: %s is a field of the catalog file, like “params[2].type” */
      set_field_error (error, prefix, member, _("The field “%s” is missing."));
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %s is a field of the catalog file, like “params[2].type” */
      set_field_error (error, prefix, member, _("The field “%s” must be a string."));
      return FALSE;
    }

  *value = json_node_get_string (node);

  if (*value != NULL && !g_utf8_validate (*value, -1, NULL))
    {
      *value = NULL;
      /* Translators: %s is a field of the catalog file, like “params[2].type” */
      set_field_error (error, prefix, member, _("The field “%s” is not valid UTF-8 text."));
      return FALSE;
    }

  if (*value == NULL || **value == '\0')
    {
      *value = NULL;
      if (!required)
        return TRUE;

      /* Translators: %s is a field of the catalog file, like “params[2].type” */
      set_field_error (error, prefix, member, _("The field “%s” must not be empty."));
      return FALSE;
    }

  return TRUE;
}

gboolean
_op_api_json_get_boolean (JsonObject  *object,
                      const char  *prefix,
                      const char  *member,
                      gboolean    *present,
                      gboolean    *value,
                      GError     **error)
{
  JsonNode *node = get_member (object, member);

  *present = FALSE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      /* Translators: %s is a field of the catalog file, like “needs_signature” */
      set_field_error (error, prefix, member, _("The field “%s” must be true or false."));
      return FALSE;
    }

  *present = TRUE;
  *value = json_node_get_boolean (node);

  return TRUE;
}

/* Namespaces and names become URL path segments: keep them to the characters the
 * platform uses. */
static gboolean
check_identifier (const char  *member,
                  const char  *value,
                  GError     **error)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
        {
          set_field_error (error, NULL, member,
                           /* Translators: %s is a field of the catalog file, like “namespace” */
                           _("The field “%s” may contain only letters, digits, “.”, “_” and “-”."));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
get_version (JsonObject  *object,
             guint       *version,
             GError     **error)
{
  JsonNode *node = get_member (object, "version");
  gint64 value;

  if (node == NULL)
    {
      set_field_error (error, NULL, "version", _("The field “%s” is missing."));
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (value = json_node_get_int (node)) < 1 || value > MAX_VERSION)
    {
      /* Translators: %s is a field of the catalog file (“version”); keep %d */
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                   _("The field “%s” must be a whole number from 1 to %d."),
                   "version", MAX_VERSION);
      return FALSE;
    }

  *version = (guint) value;
  return TRUE;
}

static gboolean
parse_params (OpApi       *self,
              JsonObject  *object,
              GError     **error)
{
  g_autoptr(GHashTable) seen = NULL;
  gboolean known_present = FALSE;
  gboolean known = FALSE;
  JsonNode *node;
  JsonArray *array;
  guint n;

  if (!_op_api_json_get_boolean (object, NULL, "params_known", &known_present, &known, error))
    return FALSE;

  node = get_member (object, "params");
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_field_error (error, NULL, "params", _("The field “%s” must be an array."));
      return FALSE;
    }

  array = node != NULL ? json_node_get_array (node) : NULL;
  n = array != NULL ? json_array_get_length (array) : 0;

  /* Without "params_known", a "params" member (even empty) means the parameters are known. */
  self->params_known = known_present ? known : array != NULL;

  if (!self->params_known && n > 0)
    {
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                   /* Translators: do not translate the field names in quotes */
                   _("The field “params” must be empty when “params_known” is false."));
      return FALSE;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(OpApiParam) param = NULL;
      const char *name;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *field = g_strdup_printf ("params[%u]", i);

          g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                       /* Translators: %s is a field of the catalog file, like “params[2]” */
                       _("The field “%s” must be an object."), field);
          return FALSE;
        }

      param = _op_api_param_new_from_json (json_node_get_object (element), i, error);
      if (param == NULL)
        return FALSE;

      name = op_api_param_get_name (param);
      if (!g_hash_table_add (seen, (gpointer) name))
        {
          g_autofree char *field = g_strdup_printf ("params[%u].name", i);

          g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                       /* Translators: %s is a field of the catalog file, like “params[2].name”, then the parameter name */
                       _("The field “%s”: the parameter “%s” is listed twice."), field, name);
          return FALSE;
        }

      g_list_store_append (self->params, param);
    }

  return TRUE;
}

static void
op_api_finalize (GObject *object)
{
  OpApi *self = (OpApi *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->namespace_, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title_zh, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->description_zh, g_free);
  g_clear_pointer (&self->protocol, g_free);
  g_clear_pointer (&self->url_path_template, g_free);
  g_clear_pointer (&self->doc_url, g_free);
  g_clear_pointer (&self->sample_response, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_object (&self->params);

  G_OBJECT_CLASS (op_api_parent_class)->finalize (object);
}

static void
op_api_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  OpApi *self = OP_API (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAMESPACE:
      g_value_set_string (value, self->namespace_);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_TITLE:
      g_value_set_string (value, op_api_get_title (self));
      break;

    case PROP_TITLE_ZH:
      g_value_set_string (value, self->title_zh);
      break;

    case PROP_TITLE_EN:
      g_value_set_string (value, self->title_en);
      break;

    case PROP_DESCRIPTION_ZH:
      g_value_set_string (value, self->description_zh);
      break;

    case PROP_NEEDS_ACCESS_TOKEN:
      g_value_set_boolean (value, self->needs_access_token);
      break;

    case PROP_ACCESS_TOKEN_KNOWN:
      g_value_set_boolean (value, self->access_token_known);
      break;

    case PROP_NEEDS_SIGNATURE:
      g_value_set_boolean (value, self->needs_signature);
      break;

    case PROP_PROTOCOL:
      g_value_set_string (value, self->protocol);
      break;

    case PROP_URL_PATH_TEMPLATE:
      g_value_set_string (value, self->url_path_template);
      break;

    case PROP_PARAMS_KNOWN:
      g_value_set_boolean (value, self->params_known);
      break;

    case PROP_PARAMS:
      g_value_set_object (value, self->params);
      break;

    case PROP_SAMPLE_RESPONSE:
      g_value_set_string (value, self->sample_response);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_DOC_URL:
      g_value_set_string (value, self->doc_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
op_api_class_init (OpApiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_api_finalize;
  object_class->get_property = op_api_get_property;

  /**
   * OpApi:id:
   *
   * The full name of the API, "namespace:name-version", for example
   * "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1".
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, READ_ONLY);

  properties [PROP_NAMESPACE] =
    g_param_spec_string ("namespace", NULL, NULL, NULL, READ_ONLY);

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, READ_ONLY);

  properties [PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL, 1, MAX_VERSION, 1, READ_ONLY);

  /**
   * OpApi:title:
   *
   * The title in the user's language (Chinese or English), falling back to the
   * Chinese title when the catalog has no English one.
   */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, READ_ONLY);

  properties [PROP_TITLE_ZH] =
    g_param_spec_string ("title-zh", NULL, NULL, NULL, READ_ONLY);

  properties [PROP_TITLE_EN] =
    g_param_spec_string ("title-en", NULL, NULL, NULL, READ_ONLY);

  properties [PROP_DESCRIPTION_ZH] =
    g_param_spec_string ("description-zh", NULL, NULL, NULL, READ_ONLY);

  /**
   * OpApi:needs-access-token:
   *
   * Whether a call must carry the user's access_token. %FALSE also when the
   * catalog does not know: see #OpApi:access-token-known.
   */
  properties [PROP_NEEDS_ACCESS_TOKEN] =
    g_param_spec_boolean ("needs-access-token", NULL, NULL, FALSE, READ_ONLY);

  properties [PROP_ACCESS_TOKEN_KNOWN] =
    g_param_spec_boolean ("access-token-known", NULL, NULL, FALSE, READ_ONLY);

  /**
   * OpApi:needs-signature:
   *
   * Whether a call carries _aop_signature (%TRUE unless the catalog says otherwise).
   */
  properties [PROP_NEEDS_SIGNATURE] =
    g_param_spec_boolean ("needs-signature", NULL, NULL, TRUE, READ_ONLY);

  /**
   * OpApi:protocol:
   *
   * The first URL path segment: "param2" for business APIs, "http" for getToken.
   */
  properties [PROP_PROTOCOL] =
    g_param_spec_string ("protocol", NULL, NULL, DEFAULT_PROTOCOL, READ_ONLY);

  /**
   * OpApi:url-path-template:
   *
   * "{protocol}/{version}/{namespace}/{name}/{appKey}" with all but {appKey} filled in.
   */
  properties [PROP_URL_PATH_TEMPLATE] =
    g_param_spec_string ("url-path-template", NULL, NULL, NULL, READ_ONLY);

  /**
   * OpApi:params-known:
   *
   * %FALSE when the catalog has only the title of this API: #OpApi:params is empty
   * because the parameters are not documented here, not because there are none.
   */
  properties [PROP_PARAMS_KNOWN] =
    g_param_spec_boolean ("params-known", NULL, NULL, FALSE, READ_ONLY);

  /**
   * OpApi:params:
   *
   * The parameters in documentation order, a #GListModel of #OpApiParam.
   */
  properties [PROP_PARAMS] =
    g_param_spec_object ("params", NULL, NULL, G_TYPE_LIST_MODEL, READ_ONLY);

  /**
   * OpApi:sample-response:
   *
   * A sample response as JSON text, or %NULL.
   */
  properties [PROP_SAMPLE_RESPONSE] =
    g_param_spec_string ("sample-response", NULL, NULL, NULL, READ_ONLY);

  /**
   * OpApi:notes:
   *
   * Remarks of the catalog's authors (English, untranslated data), or %NULL.
   */
  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, READ_ONLY);

  /**
   * OpApi:source:
   *
   * Where the catalog's information on this API comes from, or %NULL.
   */
  properties [PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, READ_ONLY);

  /**
   * OpApi:doc-url:
   *
   * The API's page on open.1688.com.
   */
  properties [PROP_DOC_URL] =
    g_param_spec_string ("doc-url", NULL, NULL, NULL, READ_ONLY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_api_init (OpApi *self)
{
  self->params = g_list_store_new (OP_TYPE_API_PARAM);
  self->needs_signature = TRUE;
}

gboolean
_op_api_prefers_chinese (void)
{
  /* Translators: this is not shown. Translate it as "zh" when API titles and
   * descriptions should be shown in Chinese to users of your language, and keep
   * "en" otherwise. */
  return g_str_equal (C_("catalog language", "en"), "zh");
}

OpApi *
_op_api_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_autoptr(OpApi) self = g_object_new (OP_TYPE_API, NULL);
  const char *namespace_ = NULL;
  const char *name = NULL;
  const char *title_zh = NULL;
  const char *title_en = NULL;
  const char *description_zh = NULL;
  const char *protocol = NULL;
  const char *sample_response = NULL;
  const char *notes = NULL;
  const char *source = NULL;
  gboolean present = FALSE;
  gboolean value = FALSE;
  guint version = 0;

  g_assert (object != NULL);

  if (!_op_api_json_get_string (object, NULL, "namespace", TRUE, &namespace_, error) ||
      !check_identifier ("namespace", namespace_, error) ||
      !_op_api_json_get_string (object, NULL, "name", TRUE, &name, error) ||
      !check_identifier ("name", name, error) ||
      !get_version (object, &version, error))
    return NULL;

  self->namespace_ = g_strdup (namespace_);
  self->name = g_strdup (name);
  self->version = version;
  self->id = g_strdup_printf ("%s:%s-%u", namespace_, name, version);

  if (!_op_api_json_get_string (object, NULL, "title_zh", TRUE, &title_zh, error) ||
      !_op_api_json_get_string (object, NULL, "title_en", FALSE, &title_en, error) ||
      !_op_api_json_get_string (object, NULL, "description_zh", FALSE, &description_zh, error) ||
      !_op_api_json_get_string (object, NULL, "protocol", FALSE, &protocol, error) ||
      !_op_api_json_get_string (object, NULL, "sample_response", FALSE, &sample_response, error) ||
      !_op_api_json_get_string (object, NULL, "notes", FALSE, &notes, error) ||
      !_op_api_json_get_string (object, NULL, "source", FALSE, &source, error))
    return NULL;

  if (protocol != NULL && !check_identifier ("protocol", protocol, error))
    return NULL;

  if (!_op_api_json_get_boolean (object, NULL, "needs_access_token", &present, &value, error))
    return NULL;
  self->access_token_known = present;
  self->needs_access_token = present && value;

  if (!_op_api_json_get_boolean (object, NULL, "needs_signature", &present, &value, error))
    return NULL;
  self->needs_signature = !present || value;

  if (!parse_params (self, object, error))
    return NULL;

  self->title_zh = g_strdup (title_zh);
  self->title_en = g_strdup (title_en);
  self->description_zh = g_strdup (description_zh);
  self->protocol = g_strdup (protocol != NULL ? protocol : DEFAULT_PROTOCOL);
  self->sample_response = g_strdup (sample_response);
  self->notes = g_strdup (notes);
  self->source = g_strdup (source);
  self->url_path_template = g_strdup_printf ("%s/%u/%s/%s/{appKey}",
                                             self->protocol, version, namespace_, name);
  self->doc_url = g_strconcat (OP_API_DOC_URL_PREFIX, self->id, NULL);

  return g_steal_pointer (&self);
}

/**
 * op_api_get_id:
 * @self: a #OpApi
 *
 * Returns: "namespace:name-version", the key of op_catalog_lookup()
 */
const char *
op_api_get_id (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->id;
}

/**
 * op_api_get_namespace:
 * @self: a #OpApi
 *
 * Returns: the namespace, for example "com.alibaba.trade"
 */
const char *
op_api_get_namespace (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->namespace_;
}

/**
 * op_api_get_name:
 * @self: a #OpApi
 *
 * Returns: the name, for example "alibaba.trade.getBuyerOrderList"
 */
const char *
op_api_get_name (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->name;
}

/**
 * op_api_get_version:
 * @self: a #OpApi
 *
 * Returns: the API version (1 for every API the platform documents today)
 */
guint
op_api_get_version (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), 0);

  return self->version;
}

/**
 * op_api_get_title_zh:
 * @self: a #OpApi
 *
 * Returns: the Chinese title, as the platform writes it
 */
const char *
op_api_get_title_zh (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->title_zh;
}

/**
 * op_api_get_title_en:
 * @self: a #OpApi
 *
 * Returns: (nullable): the English title
 */
const char *
op_api_get_title_en (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->title_en;
}

/**
 * op_api_get_title:
 * @self: a #OpApi
 *
 * Returns: the title in the user's language; the Chinese one when there is no
 *   English title
 */
const char *
op_api_get_title (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  if (self->title_en == NULL || _op_api_prefers_chinese ())
    return self->title_zh;

  return self->title_en;
}

/**
 * op_api_get_description_zh:
 * @self: a #OpApi
 *
 * Returns: (nullable): what the API does, in Chinese
 */
const char *
op_api_get_description_zh (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->description_zh;
}

/**
 * op_api_get_needs_access_token:
 * @self: a #OpApi
 *
 * Returns: %TRUE when a call must carry the user's access_token; %FALSE when it
 *   need not, or when op_api_get_access_token_known() is %FALSE
 */
gboolean
op_api_get_needs_access_token (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), FALSE);

  return self->needs_access_token;
}

/**
 * op_api_get_access_token_known:
 * @self: a #OpApi
 *
 * Returns: whether the catalog knows if the API needs an access_token
 */
gboolean
op_api_get_access_token_known (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), FALSE);

  return self->access_token_known;
}

/**
 * op_api_get_needs_signature:
 * @self: a #OpApi
 *
 * Returns: whether a call carries _aop_signature
 */
gboolean
op_api_get_needs_signature (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), TRUE);

  return self->needs_signature;
}

/**
 * op_api_get_protocol:
 * @self: a #OpApi
 *
 * Returns: the protocol URL segment, "param2" unless the catalog says otherwise
 */
const char *
op_api_get_protocol (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->protocol;
}

/**
 * op_api_get_url_path_template:
 * @self: a #OpApi
 *
 * Returns: the URL path after "/openapi/", with "{appKey}" left to fill in, for
 *   example "param2/1/com.alibaba.trade/alibaba.trade.cancel/{appKey}"
 */
const char *
op_api_get_url_path_template (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->url_path_template;
}

/**
 * op_api_get_params_known:
 * @self: a #OpApi
 *
 * Returns: %FALSE when the catalog has only the title of this API (its
 *   parameters are not documented here)
 */
gboolean
op_api_get_params_known (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), FALSE);

  return self->params_known;
}

/**
 * op_api_get_params:
 * @self: a #OpApi
 *
 * Returns: (transfer none): a #GListModel of #OpApiParam, in documentation order
 */
GListModel *
op_api_get_params (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return G_LIST_MODEL (self->params);
}

/**
 * op_api_lookup_param:
 * @self: a #OpApi
 * @name: a parameter name
 *
 * Returns: (transfer none) (nullable): the parameter called @name
 */
OpApiParam *
op_api_lookup_param (OpApi      *self,
                     const char *name)
{
  guint n;

  g_return_val_if_fail (OP_IS_API (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->params));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApiParam) param = g_list_model_get_item (G_LIST_MODEL (self->params), i);

      if (g_str_equal (op_api_param_get_name (param), name))
        return param;
    }

  return NULL;
}

/**
 * op_api_get_sample_response:
 * @self: a #OpApi
 *
 * Returns: (nullable): a sample response, as JSON text
 */
const char *
op_api_get_sample_response (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->sample_response;
}

/**
 * op_api_get_notes:
 * @self: a #OpApi
 *
 * Returns: (nullable): remarks of the catalog's authors (English data)
 */
const char *
op_api_get_notes (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->notes;
}

/**
 * op_api_get_source:
 * @self: a #OpApi
 *
 * Returns: (nullable): where the catalog's information comes from
 */
const char *
op_api_get_source (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->source;
}

/**
 * op_api_get_doc_url:
 * @self: a #OpApi
 *
 * Returns: the API's documentation page on open.1688.com
 */
const char *
op_api_get_doc_url (OpApi *self)
{
  g_return_val_if_fail (OP_IS_API (self), NULL);

  return self->doc_url;
}
