/* op-request.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-request"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "op-request.h"
#include "op-sign.h"

#include <stdlib.h>
#include <string.h>

/**
 * OpRequest:
 *
 * One call of a gateway API: `{protocol}/{version}/{namespace}/{name}/{app-key}` and its
 * parameters, in the order they were first set. It builds what protocol.md asks for: the
 * URL path, the string to sign, `_aop_signature`, the form body and the GET URL.
 *
 * Parameter values are stored exactly as they are sent (and signed): text, `true`/`false`,
 * numbers as their decimal text, structured values as one compact JSON text.
 */
struct _OpRequest
{
  GObject    parent_instance;

  char      *protocol;
  guint      version;
  char      *namespace_;
  char      *name;
  char      *app_key;

  /* Parallel arrays, so that they can be passed to op_sign_*() as they are. */
  GPtrArray *keys;
  GPtrArray *values;
};

enum {
  PROP_0,
  PROP_PROTOCOL,
  PROP_VERSION,
  PROP_NAMESPACE,
  PROP_NAME,
  PROP_APP_KEY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpRequest, op_request, G_TYPE_OBJECT)

G_DEFINE_QUARK (op-request-error-quark, op_request_error)

static GParamSpec *properties [N_PROPS];

static int
find_param (OpRequest  *self,
            const char *key)
{
  for (guint i = 0; i < self->keys->len; i++)
    {
      if (strcmp (g_ptr_array_index (self->keys, i), key) == 0)
        return (int) i;
    }

  return -1;
}

/* Takes ownership of @value (NULL removes the parameter). */
static void
take_param (OpRequest  *self,
            const char *key,
            char       *value)
{
  int index_ = find_param (self, key);

  if (value == NULL)
    {
      if (index_ >= 0)
        {
          g_ptr_array_remove_index (self->keys, index_);
          g_ptr_array_remove_index (self->values, index_);
        }
      return;
    }

  if (index_ >= 0)
    {
      g_free (g_ptr_array_index (self->values, index_));
      g_ptr_array_index (self->values, index_) = value;
      return;
    }

  g_ptr_array_add (self->keys, g_strdup (key));
  g_ptr_array_add (self->values, value);
}

/* The shortest decimal text that reads back as @value. */
static char *
format_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);

  return g_strdup (buffer);
}

/* Takes @text; returns it, or a copy with invalid sequences replaced by U+FFFD. */
static char *
make_valid (char *text)
{
  char *valid;

  if (g_utf8_validate (text, -1, NULL))
    return text;

  valid = g_utf8_make_valid (text, -1);
  g_free (text);

  return valid;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
append_path (OpRequest *self,
             GString   *string,
             gboolean   escape)
{
  const char *segments[] = { self->namespace_, self->name, self->app_key };

  g_string_append (string, self->protocol);
  g_string_append_printf (string, "/%u", self->version);
  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      g_string_append_c (string, '/');
      if (escape)
        g_string_append_uri_escaped (string, segments[i],
                                     G_URI_RESERVED_CHARS_ALLOWED_IN_PATH_ELEMENT, TRUE);
      else
        g_string_append (string, segments[i]);
    }
}

static gboolean
has_path (OpRequest *self)
{
  return self->protocol != NULL && *self->protocol != '\0' &&
         self->namespace_ != NULL && *self->namespace_ != '\0' &&
         self->name != NULL && *self->name != '\0' &&
         self->app_key != NULL && *self->app_key != '\0';
}

/* Appends the form-encoded parameters; with a secret, a stored _aop_signature is replaced by
 * the computed one. */
static void
append_query (OpRequest  *self,
              GString    *string,
              const char *app_secret)
{
  gboolean first = TRUE;

  for (guint i = 0; i < self->keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->keys, i);

      if (app_secret != NULL && strcmp (key, OP_SIGN_PARAM_NAME) == 0)
        continue;

      if (!first)
        g_string_append_c (string, '&');
      first = FALSE;
      op_request_append_form_encoded (string, key);
      g_string_append_c (string, '=');
      op_request_append_form_encoded (string, g_ptr_array_index (self->values, i));
    }

  if (app_secret != NULL)
    {
      g_autofree char *signature = op_request_get_signature (self, app_secret);

      if (!first)
        g_string_append_c (string, '&');
      g_string_append (string, OP_SIGN_PARAM_NAME "=");
      g_string_append (string, signature);
    }
}

static void
append_base (GString    *string,
             const char *gateway_base)
{
  gsize len = strlen (gateway_base);

  /* One slash between the base and the path, whether or not the base ends with one. */
  while (len > 0 && gateway_base[len - 1] == '/')
    len--;
  g_string_append_len (string, gateway_base, len);
  g_string_append_c (string, '/');
}

static void
op_request_finalize (GObject *object)
{
  OpRequest *self = (OpRequest *)object;

  g_clear_pointer (&self->protocol, g_free);
  g_clear_pointer (&self->namespace_, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->app_key, g_free);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);

  G_OBJECT_CLASS (op_request_parent_class)->finalize (object);
}

static void
op_request_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OpRequest *self = OP_REQUEST (object);

  switch (prop_id)
    {
    case PROP_PROTOCOL:
      g_value_set_string (value, self->protocol);
      break;

    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;

    case PROP_NAMESPACE:
      g_value_set_string (value, self->namespace_);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_APP_KEY:
      g_value_set_string (value, self->app_key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_request_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OpRequest *self = OP_REQUEST (object);

  switch (prop_id)
    {
    case PROP_PROTOCOL:
      op_request_set_protocol (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      op_request_set_version (self, g_value_get_uint (value));
      break;

    case PROP_NAMESPACE:
      op_request_set_namespace (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      op_request_set_name (self, g_value_get_string (value));
      break;

    case PROP_APP_KEY:
      op_request_set_app_key (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_request_class_init (OpRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_request_finalize;
  object_class->get_property = op_request_get_property;
  object_class->set_property = op_request_set_property;

  /**
   * OpRequest:protocol:
   *
   * The protocol segment of the URL: `param2` for business APIs, `http` for the token API.
   */
  properties [PROP_PROTOCOL] =
    g_param_spec_string ("protocol", NULL, NULL,
                         OP_REQUEST_DEFAULT_PROTOCOL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpRequest:version:
   *
   * The protocol version segment of the URL (1).
   */
  properties [PROP_VERSION] =
    g_param_spec_uint ("version", NULL, NULL,
                       0, G_MAXUINT, OP_REQUEST_DEFAULT_VERSION,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpRequest:namespace:
   *
   * The API's namespace, e.g. `com.alibaba.product`.
   */
  properties [PROP_NAMESPACE] =
    g_param_spec_string ("namespace", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpRequest:name:
   *
   * The API's name, e.g. `alibaba.product.get`.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpRequest:app-key:
   *
   * The calling app's AppKey, the last segment of the URL.
   */
  properties [PROP_APP_KEY] =
    g_param_spec_string ("app-key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_request_init (OpRequest *self)
{
  self->protocol = g_strdup (OP_REQUEST_DEFAULT_PROTOCOL);
  self->version = OP_REQUEST_DEFAULT_VERSION;
  self->keys = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func (g_free);
}

/**
 * op_request_new:
 * @namespace_: (nullable): the API's namespace
 * @name: (nullable): the API's name
 * @app_key: (nullable): the calling app's AppKey
 *
 * Creates a request with protocol `param2`, version 1 and no parameters.
 *
 * Returns: (transfer full): a new #OpRequest
 */
OpRequest *
op_request_new (const char *namespace_,
                const char *name,
                const char *app_key)
{
  return g_object_new (OP_TYPE_REQUEST,
                       "namespace", namespace_,
                       "name", name,
                       "app-key", app_key,
                       NULL);
}

const char *
op_request_get_protocol (OpRequest *self)
{
  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);

  return self->protocol;
}

/**
 * op_request_set_protocol:
 * @self: a #OpRequest
 * @protocol: (nullable): the protocol segment; %NULL restores `param2`
 */
void
op_request_set_protocol (OpRequest  *self,
                         const char *protocol)
{
  g_return_if_fail (OP_IS_REQUEST (self));

  if (protocol == NULL)
    protocol = OP_REQUEST_DEFAULT_PROTOCOL;

  if (set_string (&self->protocol, protocol))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROTOCOL]);
}

guint
op_request_get_version (OpRequest *self)
{
  g_return_val_if_fail (OP_IS_REQUEST (self), 0);

  return self->version;
}

void
op_request_set_version (OpRequest *self,
                        guint      version)
{
  g_return_if_fail (OP_IS_REQUEST (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VERSION]);
}

const char *
op_request_get_namespace (OpRequest *self)
{
  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);

  return self->namespace_;
}

void
op_request_set_namespace (OpRequest  *self,
                          const char *namespace_)
{
  g_return_if_fail (OP_IS_REQUEST (self));

  if (set_string (&self->namespace_, namespace_))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAMESPACE]);
}

const char *
op_request_get_name (OpRequest *self)
{
  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);

  return self->name;
}

void
op_request_set_name (OpRequest  *self,
                     const char *name)
{
  g_return_if_fail (OP_IS_REQUEST (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
op_request_get_app_key (OpRequest *self)
{
  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);

  return self->app_key;
}

void
op_request_set_app_key (OpRequest  *self,
                        const char *app_key)
{
  g_return_if_fail (OP_IS_REQUEST (self));

  if (set_string (&self->app_key, app_key))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_APP_KEY]);
}

/**
 * op_request_set_param:
 * @self: a #OpRequest
 * @key: a non-empty UTF-8 parameter name
 * @value: (nullable): the UTF-8 value as it is to be sent, or %NULL to remove the parameter
 *
 * Sets a parameter. A parameter set again keeps its place and takes the new value; an empty
 * value is sent (and signed) as an empty value, %NULL means the parameter is not sent.
 */
void
op_request_set_param (OpRequest  *self,
                      const char *key,
                      const char *value)
{
  g_return_if_fail (OP_IS_REQUEST (self));
  g_return_if_fail (key != NULL && *key != '\0');
  g_return_if_fail (g_utf8_validate (key, -1, NULL));
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  take_param (self, key, g_strdup (value));
}

/**
 * op_request_set_param_bool:
 * @self: a #OpRequest
 * @key: a parameter name
 * @value: the value, sent as `true` or `false`
 */
void
op_request_set_param_bool (OpRequest  *self,
                           const char *key,
                           gboolean    value)
{
  op_request_set_param (self, key, value ? "true" : "false");
}

/**
 * op_request_set_param_int:
 * @self: a #OpRequest
 * @key: a parameter name
 * @value: the value, sent as its decimal text (use this for `_aop_timestamp`, order IDs)
 */
void
op_request_set_param_int (OpRequest  *self,
                          const char *key,
                          gint64      value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  op_request_set_param (self, key, buffer);
}

/**
 * op_request_set_param_json:
 * @self: a #OpRequest
 * @key: a parameter name
 * @node: (nullable): the value
 *
 * Sets a parameter from a JSON value. Arrays and objects are sent as one compact JSON text
 * (and that text is signed); a string is sent as the string itself, a number as its text, a
 * boolean as `true`/`false`. %NULL or a JSON null removes the parameter.
 *
 * JSON can escape a lone UTF-16 surrogate (`"\ud800"`), which has no UTF-8 form; such
 * characters are sent (and signed) as U+FFFD.
 */
void
op_request_set_param_json (OpRequest  *self,
                           const char *key,
                           JsonNode   *node)
{
  g_return_if_fail (OP_IS_REQUEST (self));
  g_return_if_fail (key != NULL && *key != '\0');
  g_return_if_fail (g_utf8_validate (key, -1, NULL));

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      take_param (self, key, NULL);
      return;
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          take_param (self, key, make_valid (g_strdup (json_node_get_string (node))));
          return;

        case G_TYPE_BOOLEAN:
          take_param (self, key, g_strdup (json_node_get_boolean (node) ? "true" : "false"));
          return;

        case G_TYPE_INT64:
          take_param (self, key, g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)));
          return;

        case G_TYPE_DOUBLE:
          take_param (self, key, format_double (json_node_get_double (node)));
          return;

        default:
          break;
        }
    }

  take_param (self, key, make_valid (json_to_string (node, FALSE)));
}

/**
 * op_request_get_param:
 * @self: a #OpRequest
 * @key: a parameter name
 *
 * Returns: (nullable): the value as it will be sent, or %NULL if the parameter is not set
 */
const char *
op_request_get_param (OpRequest  *self,
                      const char *key)
{
  int index_;

  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  index_ = find_param (self, key);

  return index_ >= 0 ? g_ptr_array_index (self->values, index_) : NULL;
}

guint
op_request_get_n_params (OpRequest *self)
{
  g_return_val_if_fail (OP_IS_REQUEST (self), 0);

  return self->keys->len;
}

/**
 * op_request_get_nth_param:
 * @self: a #OpRequest
 * @index_: a position, below op_request_get_n_params()
 * @value: (out) (optional): the value at that position
 *
 * Returns: the name of the parameter at @index_, in the order parameters were first set
 */
const char *
op_request_get_nth_param (OpRequest   *self,
                          guint        index_,
                          const char **value)
{
  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);
  g_return_val_if_fail (index_ < self->keys->len, NULL);

  if (value != NULL)
    *value = g_ptr_array_index (self->values, index_);

  return g_ptr_array_index (self->keys, index_);
}

void
op_request_remove_all_params (OpRequest *self)
{
  g_return_if_fail (OP_IS_REQUEST (self));

  g_ptr_array_set_size (self->keys, 0);
  g_ptr_array_set_size (self->values, 0);
}

/**
 * op_request_get_url_path:
 * @self: a #OpRequest with namespace, name and app key set
 *
 * Returns: (transfer full): the URL path the signature covers,
 *   `{protocol}/{version}/{namespace}/{name}/{app-key}`, e.g. `param2/1/system/currentTime/1000000`
 */
char *
op_request_get_url_path (OpRequest *self)
{
  GString *string;

  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);
  g_return_val_if_fail (has_path (self), NULL);

  string = g_string_new (NULL);
  append_path (self, string, FALSE);

  return g_string_free (string, FALSE);
}

/**
 * op_request_get_string_to_sign:
 * @self: a #OpRequest with namespace, name and app key set
 *
 * Returns: (transfer full): the string to sign (see op_sign_string_to_sign())
 */
char *
op_request_get_string_to_sign (OpRequest *self)
{
  g_autofree char *url_path = NULL;

  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);
  g_return_val_if_fail (has_path (self), NULL);

  url_path = op_request_get_url_path (self);

  return op_sign_string_to_sign (url_path,
                                 (const char * const *) self->keys->pdata,
                                 (const char * const *) self->values->pdata,
                                 self->keys->len);
}

/**
 * op_request_get_signature:
 * @self: a #OpRequest with namespace, name and app key set
 * @app_secret: the app's AppSecret
 *
 * Returns: (transfer full): the `_aop_signature` of the request
 */
char *
op_request_get_signature (OpRequest  *self,
                          const char *app_secret)
{
  g_autofree char *url_path = NULL;

  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);
  g_return_val_if_fail (has_path (self), NULL);
  g_return_val_if_fail (app_secret != NULL, NULL);

  url_path = op_request_get_url_path (self);

  return op_sign_signature (url_path,
                            (const char * const *) self->keys->pdata,
                            (const char * const *) self->values->pdata,
                            self->keys->len,
                            app_secret);
}

/**
 * op_request_build_body:
 * @self: a #OpRequest; with @app_secret, namespace, name and app key must be set
 * @app_secret: (nullable): the app's AppSecret, or %NULL for an unsigned request
 *
 * Builds the `application/x-www-form-urlencoded; charset=UTF-8` body
 * (%OP_REQUEST_CONTENT_TYPE): `key=value` pairs in parameter order joined by `&`, then, with
 * @app_secret, `_aop_signature`. Keys and values are percent-encoded as UTF-8 bytes, leaving
 * only the RFC 3986 unreserved characters `A–Z a–z 0–9 - . _ ~` as they are, so a space is
 * `%20` (every form decoder accepts it, and it cannot be mistaken for a literal `+`).
 *
 * With @app_secret, a stored `_aop_signature` parameter is replaced by the computed one;
 * without, it is sent as stored (to send a signature computed elsewhere).
 *
 * Returns: (transfer full): the body, ASCII text
 */
char *
op_request_build_body (OpRequest  *self,
                       const char *app_secret)
{
  GString *string;

  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);
  g_return_val_if_fail (app_secret == NULL || has_path (self), NULL);

  string = g_string_sized_new (256);
  append_query (self, string, app_secret);

  return g_string_free (string, FALSE);
}

/**
 * op_request_build_url:
 * @self: a #OpRequest with namespace, name and app key set
 * @gateway_base: the gateway's base, up to and including `/openapi`,
 *   e.g. `https://gw.open.1688.com/openapi`
 *
 * Returns: (transfer full): the URL to POST the body to
 */
char *
op_request_build_url (OpRequest  *self,
                      const char *gateway_base)
{
  GString *string;

  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);
  g_return_val_if_fail (has_path (self), NULL);
  g_return_val_if_fail (gateway_base != NULL, NULL);

  string = g_string_new (NULL);
  append_base (string, gateway_base);
  append_path (self, string, TRUE);

  return g_string_free (string, FALSE);
}

/**
 * op_request_build_get_url:
 * @self: a #OpRequest with namespace, name and app key set
 * @gateway_base: see op_request_build_url()
 * @app_secret: (nullable): the app's AppSecret, or %NULL for an unsigned request
 *
 * Builds the URL of the same request sent with GET:
 * `{gateway_base}/{url path}?{the body of op_request_build_body()}`, without the `?` when
 * there are no parameters and no signature.
 *
 * Returns: (transfer full): the URL
 */
char *
op_request_build_get_url (OpRequest  *self,
                          const char *gateway_base,
                          const char *app_secret)
{
  GString *string;
  gsize path_end;

  g_return_val_if_fail (OP_IS_REQUEST (self), NULL);
  g_return_val_if_fail (has_path (self), NULL);
  g_return_val_if_fail (gateway_base != NULL, NULL);

  string = g_string_sized_new (256);
  append_base (string, gateway_base);
  append_path (self, string, TRUE);
  g_string_append_c (string, '?');
  path_end = string->len;
  append_query (self, string, app_secret);

  /* No parameters and no signature: no "?" either. */
  if (string->len == path_end)
    g_string_truncate (string, path_end - 1);

  return g_string_free (string, FALSE);
}

/**
 * op_request_parse_assignment:
 * @arg: a command-line argument `KEY=VALUE`
 * @key: (out) (transfer full): the name, before the first `=`
 * @value: (out) (transfer full): the value, after the first `=` (may be empty, may contain `=`)
 * @error: a translated explanation when @arg is not an assignment
 *
 * Splits `KEY=VALUE` at the first `=`. `KEY=` is an empty value. An argument without `=`,
 * with nothing before it, or that is not UTF-8 is an error.
 *
 * Returns: %TRUE if @key and @value were set
 */
gboolean
op_request_parse_assignment (const char  *arg,
                             char       **key,
                             char       **value,
                             GError     **error)
{
  const char *equals;

  g_return_val_if_fail (arg != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (arg, -1, NULL))
    {
      g_set_error_literal (error, OP_REQUEST_ERROR, OP_REQUEST_ERROR_INVALID_UTF8,
                           _("A parameter is not valid UTF-8 text. Check the terminal’s "
                             "character encoding."));
      return FALSE;
    }

  equals = strchr (arg, '=');
  if (equals == NULL)
    {
      g_set_error (error, OP_REQUEST_ERROR, OP_REQUEST_ERROR_MISSING_EQUALS,
                   /* Translators: %s is what the user typed; keep KEY=VALUE, offerId=123 */
                   _("“%s” is not a parameter. Write parameters as KEY=VALUE, for example "
                     "offerId=123."),
                   arg);
      return FALSE;
    }

  if (equals == arg)
    {
      /* The text after "=" is not repeated: it may be a token. */
      g_set_error_literal (error, OP_REQUEST_ERROR, OP_REQUEST_ERROR_EMPTY_KEY,
                           /* Translators: KEY=VALUE is literal syntax, do not translate it */
                           _("A parameter has no name before “=”. Write parameters as "
                             "KEY=VALUE."));
      return FALSE;
    }

  *key = g_strndup (arg, equals - arg);
  *value = g_strdup (equals + 1);

  return TRUE;
}

/**
 * op_request_append_form_encoded:
 * @string: a #GString
 * @text: UTF-8 text
 *
 * Appends @text percent-encoded for a form body or a query: every byte except the RFC 3986
 * unreserved characters (`A–Z a–z 0–9 - . _ ~`) becomes `%XX` (upper-case hex).
 */
void
op_request_append_form_encoded (GString    *string,
                                const char *text)
{
  static const char digits[] = "0123456789ABCDEF";

  g_return_if_fail (string != NULL);
  g_return_if_fail (text != NULL);

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '.' || *p == '_' || *p == '~')
        {
          g_string_append_c (string, *p);
        }
      else
        {
          g_string_append_c (string, '%');
          g_string_append_c (string, digits[*p >> 4]);
          g_string_append_c (string, digits[*p & 0xF]);
        }
    }
}
