/* op-token.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-token"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "op-token.h"

#include <string.h>

/**
 * OpToken:
 *
 * The answer of the token API (getToken), immutable once parsed (protocol.md, "OAuth 2.0"):
 *
 * |[
 * {"aliId":"8888888888","resource_owner":"xxx","memberId":"b2b-xxx","expires_in":"36000",
 *  "access_token":"…","refresh_token":"…","refresh_token_timeout":"20261014200339000+0800"}
 * ]|
 *
 * `expires_in` is a string of seconds (a number is accepted too); the access token's expiry is
 * that many seconds after the `now` given to the parser (the time the answer arrived).
 * `resource_owner` is also accepted spelled `resourceOwner`. `aliId` and `memberId` may be
 * strings or integers. Only `access_token` and `expires_in` are required: a refresh answer
 * carries no new refresh token.
 */
struct _OpToken
{
  GObject    parent_instance;

  char      *access_token;
  char      *refresh_token;
  char      *resource_owner;
  char      *ali_id;
  char      *member_id;
  gint64     expires_in;
  GDateTime *expires_at;
  GDateTime *refresh_token_expires_at;
};

enum {
  PROP_0,
  PROP_ACCESS_TOKEN,
  PROP_REFRESH_TOKEN,
  PROP_RESOURCE_OWNER,
  PROP_ALI_ID,
  PROP_MEMBER_ID,
  PROP_EXPIRES_IN,
  PROP_EXPIRES_AT,
  PROP_REFRESH_TOKEN_EXPIRES_AT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpToken, op_token, G_TYPE_OBJECT)

G_DEFINE_QUARK (op-token-error-quark, op_token_error)

static GParamSpec *properties [N_PROPS];

/* Twenty years: anything longer is not a real token lifetime. */
#define MAX_EXPIRES_IN ((gint64) 20 * 365 * 24 * 3600)

static void
set_missing_error (GError     **error,
                   const char  *member)
{
  g_set_error (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_MISSING_FIELD,
               /* Translators: %s is the name of a JSON member such as “access_token” */
               _("The platform’s token answer has no “%s”. Try to authorize again."),
               member);
}

static void
set_invalid_error (GError     **error,
                   const char  *member)
{
  g_set_error (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_INVALID_FIELD,
               /* Translators: %s is the name of a JSON member such as “expires_in” */
               _("The platform’s token answer has an invalid “%s”. Try to authorize again."),
               member);
}

/* A text member: a JSON string, or an integer taken as its decimal text. An absent or null
 * member gives NULL, which is an error only if @required. */
static gboolean
get_text (JsonObject  *object,
          const char  *member,
          gboolean     required,
          char       **out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          set_missing_error (error, member);
          return FALSE;
        }
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);

          if (required && *text == '\0')
            {
              set_invalid_error (error, member);
              return FALSE;
            }
          *out = g_strdup (text);
          return TRUE;
        }

      if (type == G_TYPE_INT64)
        {
          *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          return TRUE;
        }
    }

  set_invalid_error (error, member);

  return FALSE;
}

static gboolean
parse_seconds (const char *text,
               gint64     *out)
{
  gint64 value = 0;

  if (*text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (*p - '0');
      if (value > MAX_EXPIRES_IN)
        return FALSE;
    }

  *out = value;

  return TRUE;
}

static gboolean
get_expires_in (JsonObject  *object,
                gint64      *out,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, "expires_in");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      set_missing_error (error, "expires_in");
      return FALSE;
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING && parse_seconds (json_node_get_string (node), out))
        return TRUE;

      if (type == G_TYPE_INT64)
        {
          gint64 value = json_node_get_int (node);

          if (value >= 0 && value <= MAX_EXPIRES_IN)
            {
              *out = value;
              return TRUE;
            }
        }
    }

  set_invalid_error (error, "expires_in");

  return FALSE;
}

static gboolean
is_error_answer (JsonObject  *object,
                 GError     **error)
{
  static const char * const message_members[] = {
    "error_description", "error_message", "error", "error_code",
  };

  if (!json_object_has_member (object, "error") && !json_object_has_member (object, "error_code"))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (message_members); i++)
    {
      JsonNode *node = json_object_get_member (object, message_members[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING &&
          *json_node_get_string (node) != '\0')
        {
          g_set_error (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_REFUSED,
                       /* Translators: %s is the platform's own explanation, often in Chinese */
                       _("The platform refused to issue a token: %s"),
                       json_node_get_string (node));
          return TRUE;
        }
    }

  g_set_error_literal (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_REFUSED,
                       _("The platform refused to issue a token. Try to authorize again."));

  return TRUE;
}

static void
op_token_finalize (GObject *object)
{
  OpToken *self = (OpToken *)object;

  g_clear_pointer (&self->access_token, g_free);
  g_clear_pointer (&self->refresh_token, g_free);
  g_clear_pointer (&self->resource_owner, g_free);
  g_clear_pointer (&self->ali_id, g_free);
  g_clear_pointer (&self->member_id, g_free);
  g_clear_pointer (&self->expires_at, g_date_time_unref);
  g_clear_pointer (&self->refresh_token_expires_at, g_date_time_unref);

  G_OBJECT_CLASS (op_token_parent_class)->finalize (object);
}

static void
op_token_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  OpToken *self = OP_TOKEN (object);

  switch (prop_id)
    {
    case PROP_ACCESS_TOKEN:
      g_value_set_string (value, self->access_token);
      break;

    case PROP_REFRESH_TOKEN:
      g_value_set_string (value, self->refresh_token);
      break;

    case PROP_RESOURCE_OWNER:
      g_value_set_string (value, self->resource_owner);
      break;

    case PROP_ALI_ID:
      g_value_set_string (value, self->ali_id);
      break;

    case PROP_MEMBER_ID:
      g_value_set_string (value, self->member_id);
      break;

    case PROP_EXPIRES_IN:
      g_value_set_int64 (value, self->expires_in);
      break;

    case PROP_EXPIRES_AT:
      g_value_set_boxed (value, self->expires_at);
      break;

    case PROP_REFRESH_TOKEN_EXPIRES_AT:
      g_value_set_boxed (value, self->refresh_token_expires_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_token_class_init (OpTokenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = op_token_finalize;
  object_class->get_property = op_token_get_property;

  properties [PROP_ACCESS_TOKEN] =
    g_param_spec_string ("access-token", NULL, NULL, NULL, flags);
  properties [PROP_REFRESH_TOKEN] =
    g_param_spec_string ("refresh-token", NULL, NULL, NULL, flags);
  properties [PROP_RESOURCE_OWNER] =
    g_param_spec_string ("resource-owner", NULL, NULL, NULL, flags);
  properties [PROP_ALI_ID] =
    g_param_spec_string ("ali-id", NULL, NULL, NULL, flags);
  properties [PROP_MEMBER_ID] =
    g_param_spec_string ("member-id", NULL, NULL, NULL, flags);
  properties [PROP_EXPIRES_IN] =
    g_param_spec_int64 ("expires-in", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_EXPIRES_AT] =
    g_param_spec_boxed ("expires-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_REFRESH_TOKEN_EXPIRES_AT] =
    g_param_spec_boxed ("refresh-token-expires-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_token_init (OpToken *self)
{
}

/**
 * op_token_new_from_json:
 * @data: the body of the token API's answer
 * @length: its length, or -1 if nul-terminated
 * @now: (nullable): when the answer arrived; %NULL for the current time
 * @error: a translated explanation when the answer is not a token
 *
 * Returns: (transfer full) (nullable): the token, or %NULL with @error set
 */
OpToken *
op_token_new_from_json (const char  *data,
                        gssize       length,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, &local_error))
    {
      g_debug ("Token answer is not JSON: %s", local_error->message);
      g_set_error_literal (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_MALFORMED,
                           _("The platform’s token answer is not valid JSON. Try again later."));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_MALFORMED,
                           _("The platform’s token answer is not a JSON object. Try again later."));
      return NULL;
    }

  return op_token_new_from_object (json_node_get_object (root), now, error);
}

/**
 * op_token_new_from_object:
 * @object: the token API's answer, parsed
 * @now: (nullable): when the answer arrived; %NULL for the current time
 * @error: a translated explanation when the answer is not a token
 *
 * Returns: (transfer full) (nullable): the token, or %NULL with @error set
 */
OpToken *
op_token_new_from_object (JsonObject  *object,
                          GDateTime   *now,
                          GError     **error)
{
  g_autoptr(OpToken) self = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autofree char *timeout = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (is_error_answer (object, error))
    return NULL;

  self = g_object_new (OP_TYPE_TOKEN, NULL);

  if (!get_text (object, "access_token", TRUE, &self->access_token, error) ||
      !get_expires_in (object, &self->expires_in, error) ||
      !get_text (object, "refresh_token", FALSE, &self->refresh_token, error) ||
      !get_text (object, "aliId", FALSE, &self->ali_id, error) ||
      !get_text (object, "memberId", FALSE, &self->member_id, error) ||
      !get_text (object, "resource_owner", FALSE, &self->resource_owner, error))
    return NULL;

  if (self->resource_owner == NULL &&
      !get_text (object, "resourceOwner", FALSE, &self->resource_owner, error))
    return NULL;

  if (!get_text (object, "refresh_token_timeout", FALSE, &timeout, error))
    return NULL;
  if (timeout != NULL)
    {
      self->refresh_token_expires_at = op_token_parse_time (timeout, error);
      if (self->refresh_token_expires_at == NULL)
        {
          g_prefix_error (error,
                          /* Translators: the prefix of an error message; keep the colon */
                          _("The platform’s token answer has an invalid “%s”: "),
                          "refresh_token_timeout");
          return NULL;
        }
    }

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();
  self->expires_at = g_date_time_add_seconds (now, self->expires_in);
  if (self->expires_at == NULL)
    {
      set_invalid_error (error, "expires_in");
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
op_token_get_access_token (OpToken *self)
{
  g_return_val_if_fail (OP_IS_TOKEN (self), NULL);

  return self->access_token;
}

/**
 * op_token_get_refresh_token:
 *
 * Returns: (nullable): the refresh token; a refresh answer has none (keep the old one)
 */
const char *
op_token_get_refresh_token (OpToken *self)
{
  g_return_val_if_fail (OP_IS_TOKEN (self), NULL);

  return self->refresh_token;
}

/**
 * op_token_get_resource_owner:
 *
 * Returns: (nullable): the login name of the member who authorized the app
 */
const char *
op_token_get_resource_owner (OpToken *self)
{
  g_return_val_if_fail (OP_IS_TOKEN (self), NULL);

  return self->resource_owner;
}

/**
 * op_token_get_ali_id:
 *
 * Returns: (nullable): the member's aliId, as text
 */
const char *
op_token_get_ali_id (OpToken *self)
{
  g_return_val_if_fail (OP_IS_TOKEN (self), NULL);

  return self->ali_id;
}

/**
 * op_token_get_member_id:
 *
 * Returns: (nullable): the member's memberId
 */
const char *
op_token_get_member_id (OpToken *self)
{
  g_return_val_if_fail (OP_IS_TOKEN (self), NULL);

  return self->member_id;
}

/**
 * op_token_get_expires_in:
 *
 * Returns: the access token's lifetime in seconds, as sent
 */
gint64
op_token_get_expires_in (OpToken *self)
{
  g_return_val_if_fail (OP_IS_TOKEN (self), 0);

  return self->expires_in;
}

/**
 * op_token_get_expires_at:
 *
 * Returns: (transfer none): when the access token expires
 */
GDateTime *
op_token_get_expires_at (OpToken *self)
{
  g_return_val_if_fail (OP_IS_TOKEN (self), NULL);

  return self->expires_at;
}

/**
 * op_token_get_refresh_token_expires_at:
 *
 * Returns: (transfer none) (nullable): when the refresh token expires (`refresh_token_timeout`)
 */
GDateTime *
op_token_get_refresh_token_expires_at (OpToken *self)
{
  g_return_val_if_fail (OP_IS_TOKEN (self), NULL);

  return self->refresh_token_expires_at;
}

/**
 * op_token_is_expired:
 * @self: a #OpToken
 * @now: (nullable): the time to check at; %NULL for the current time
 *
 * Returns: %TRUE if the access token has expired at @now
 */
gboolean
op_token_is_expired (OpToken   *self,
                     GDateTime *now)
{
  g_autoptr(GDateTime) current = NULL;

  g_return_val_if_fail (OP_IS_TOKEN (self), TRUE);

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();

  return g_date_time_compare (now, self->expires_at) >= 0;
}

/**
 * op_token_can_postpone:
 * @self: a #OpToken
 * @now: (nullable): the time to check at; %NULL for the current time
 *
 * Whether postponeToken can renew the refresh token now: it has not expired and expires within
 * %OP_TOKEN_POSTPONE_WINDOW.
 *
 * Returns: %TRUE if the refresh token can be postponed at @now
 */
gboolean
op_token_can_postpone (OpToken   *self,
                       GDateTime *now)
{
  g_autoptr(GDateTime) current = NULL;
  GTimeSpan left;

  g_return_val_if_fail (OP_IS_TOKEN (self), FALSE);

  if (self->refresh_token == NULL || self->refresh_token_expires_at == NULL)
    return FALSE;

  if (now == NULL)
    now = current = g_date_time_new_now_utc ();

  left = g_date_time_difference (self->refresh_token_expires_at, now);

  return left > 0 && left <= OP_TOKEN_POSTPONE_WINDOW;
}

/**
 * op_token_parse_time:
 * @text: a platform time, `yyyyMMddHHmmssSSS` and a `+hhmm`/`-hhmm` offset,
 *   e.g. `20261014200339000+0800`
 * @error: a translated explanation when @text is not such a time
 *
 * Parses the time format of `refresh_token_timeout` (and of many API answers).
 *
 * Returns: (transfer full) (nullable): the time, in the offset it was given in
 */
GDateTime *
op_token_parse_time (const char  *text,
                     GError     **error)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) whole = NULL;
  GDateTime *result = NULL;
  int year, month, day, hour, minute, second, milli, zone_hours, zone_minutes;
  int offset;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

#define DIGITS2(p) (((p)[0] - '0') * 10 + ((p)[1] - '0'))
  if (strlen (text) == 22 && (text[17] == '+' || text[17] == '-'))
    {
      gboolean digits = TRUE;

      for (guint i = 0; i < 22 && digits; i++)
        digits = i == 17 || g_ascii_isdigit (text[i]);

      if (digits)
        {
          year = DIGITS2 (text) * 100 + DIGITS2 (text + 2);
          month = DIGITS2 (text + 4);
          day = DIGITS2 (text + 6);
          hour = DIGITS2 (text + 8);
          minute = DIGITS2 (text + 10);
          second = DIGITS2 (text + 12);
          milli = DIGITS2 (text + 14) * 10 + (text[16] - '0');
          zone_hours = DIGITS2 (text + 18);
          zone_minutes = DIGITS2 (text + 20);

          if (zone_hours <= 14 && zone_minutes <= 59)
            {
              offset = (zone_hours * 3600 + zone_minutes * 60) * (text[17] == '-' ? -1 : 1);
              zone = g_time_zone_new_offset (offset);
              whole = g_date_time_new (zone, year, month, day, hour, minute, second);
              if (whole != NULL)
                result = g_date_time_add (whole, (GTimeSpan) milli * G_TIME_SPAN_MILLISECOND);
            }
        }
    }
#undef DIGITS2

  if (result == NULL)
    g_set_error_literal (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_INVALID_FIELD,
                         /* Translators: do not translate the example time */
                         _("This is not a platform time: expected 17 digits and a time zone, "
                           "such as 20261014200339000+0800."));

  return result;
}
