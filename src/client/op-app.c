/* op-app.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-app"

#include "config.h"

#include "op-app.h"

#include "op-platform-json-private.h"

/* An app (应用) of the developer: its AppKey (never its AppSecret, which the
 * platform shows once and the desktop keeps in the keyring), its state, its
 * call quota (调用量) and today's use, the solutions it ordered and the
 * abilities associated with it; in the detailed answer, also its latest
 * launch (上线), listing (上架) and quota increase (调高调用量). */

typedef struct
{
  gint64  id;
  char   *name;
  gint64  used;
} Ref;

typedef struct
{
  OpReviewState  state;
  char          *reason;
} Review;

struct _OpApp
{
  GObject        parent_instance;

  char          *app_key;
  char          *name;
  char          *description;
  char          *callback_url;
  GDateTime     *created_at;
  OpAppType      app_type;
  OpAppState     state;

  gint64         daily_limit;
  gint64         used_today;
  gint64         left_today;
  char          *quota_day;
  GDateTime     *quota_resets_at;

  GArray        *solutions;   /* of Ref */
  GArray        *abilities;   /* of Ref */

  Review         launch;
  Review         listing;
  char          *market_url;
  Review         quota_increase;
  gint64         quota_increase_daily_limit;

  guint          may_request_increase : 1;
  guint          has_details : 1;
  guint          has_successful_call : 1;
};

enum {
  PROP_0,
  PROP_APP_KEY,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_APP_TYPE,
  PROP_CALLBACK_URL,
  PROP_STATE,
  PROP_CREATED_AT,
  PROP_DAILY_LIMIT,
  PROP_USED_TODAY,
  PROP_LEFT_TODAY,
  PROP_QUOTA_DAY,
  PROP_QUOTA_RESETS_AT,
  PROP_MAY_REQUEST_INCREASE,
  PROP_HAS_DETAILS,
  PROP_HAS_SUCCESSFUL_CALL,
  PROP_LAUNCH_STATE,
  PROP_LAUNCH_REASON,
  PROP_LISTING_STATE,
  PROP_LISTING_REASON,
  PROP_MARKET_URL,
  PROP_QUOTA_INCREASE_STATE,
  PROP_QUOTA_INCREASE_REASON,
  PROP_QUOTA_INCREASE_DAILY_LIMIT,
  N_PROPS
};

G_DEFINE_ENUM_TYPE (OpAppType, op_app_type,
                    G_DEFINE_ENUM_VALUE (OP_APP_TYPE_SELF_USE, "self_use"),
                    G_DEFINE_ENUM_VALUE (OP_APP_TYPE_ISV, "isv"))

G_DEFINE_ENUM_TYPE (OpAppState, op_app_state,
                    G_DEFINE_ENUM_VALUE (OP_APP_STATE_DEVELOPING, "developing"),
                    G_DEFINE_ENUM_VALUE (OP_APP_STATE_LAUNCH_REVIEW, "launch_review"),
                    G_DEFINE_ENUM_VALUE (OP_APP_STATE_LAUNCHED, "launched"))

G_DEFINE_FINAL_TYPE (OpApp, op_app, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
ref_clear (gpointer data)
{
  Ref *ref = data;

  g_clear_pointer (&ref->name, g_free);
}

static void
op_app_finalize (GObject *object)
{
  OpApp *self = (OpApp *)object;

  g_clear_pointer (&self->app_key, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->callback_url, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->quota_day, g_free);
  g_clear_pointer (&self->quota_resets_at, g_date_time_unref);
  g_clear_pointer (&self->solutions, g_array_unref);
  g_clear_pointer (&self->abilities, g_array_unref);
  g_clear_pointer (&self->launch.reason, g_free);
  g_clear_pointer (&self->listing.reason, g_free);
  g_clear_pointer (&self->market_url, g_free);
  g_clear_pointer (&self->quota_increase.reason, g_free);

  G_OBJECT_CLASS (op_app_parent_class)->finalize (object);
}

static void
op_app_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  OpApp *self = OP_APP (object);

  switch (prop_id)
    {
    case PROP_APP_KEY:
      g_value_set_string (value, self->app_key);
      break;

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

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_DAILY_LIMIT:
      g_value_set_int64 (value, self->daily_limit);
      break;

    case PROP_USED_TODAY:
      g_value_set_int64 (value, self->used_today);
      break;

    case PROP_LEFT_TODAY:
      g_value_set_int64 (value, self->left_today);
      break;

    case PROP_QUOTA_DAY:
      g_value_set_string (value, self->quota_day);
      break;

    case PROP_QUOTA_RESETS_AT:
      g_value_set_boxed (value, self->quota_resets_at);
      break;

    case PROP_MAY_REQUEST_INCREASE:
      g_value_set_boolean (value, self->may_request_increase);
      break;

    case PROP_HAS_DETAILS:
      g_value_set_boolean (value, self->has_details);
      break;

    case PROP_HAS_SUCCESSFUL_CALL:
      g_value_set_boolean (value, self->has_successful_call);
      break;

    case PROP_LAUNCH_STATE:
      g_value_set_enum (value, self->launch.state);
      break;

    case PROP_LAUNCH_REASON:
      g_value_set_string (value, self->launch.reason);
      break;

    case PROP_LISTING_STATE:
      g_value_set_enum (value, self->listing.state);
      break;

    case PROP_LISTING_REASON:
      g_value_set_string (value, self->listing.reason);
      break;

    case PROP_MARKET_URL:
      g_value_set_string (value, self->market_url);
      break;

    case PROP_QUOTA_INCREASE_STATE:
      g_value_set_enum (value, self->quota_increase.state);
      break;

    case PROP_QUOTA_INCREASE_REASON:
      g_value_set_string (value, self->quota_increase.reason);
      break;

    case PROP_QUOTA_INCREASE_DAILY_LIMIT:
      g_value_set_int64 (value, self->quota_increase_daily_limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_app_class_init (OpAppClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_app_finalize;
  object_class->get_property = op_app_get_property;

  properties [PROP_APP_KEY] =
    g_param_spec_string ("app-key", NULL, NULL, NULL, flags);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties [PROP_APP_TYPE] =
    g_param_spec_enum ("app-type", NULL, NULL, OP_TYPE_APP_TYPE, OP_APP_TYPE_SELF_USE, flags);
  properties [PROP_CALLBACK_URL] =
    g_param_spec_string ("callback-url", NULL, NULL, NULL, flags);
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, OP_TYPE_APP_STATE, OP_APP_STATE_DEVELOPING, flags);
  properties [PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_DAILY_LIMIT] =
    g_param_spec_int64 ("daily-limit", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_USED_TODAY] =
    g_param_spec_int64 ("used-today", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_LEFT_TODAY] =
    g_param_spec_int64 ("left-today", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_QUOTA_DAY] =
    g_param_spec_string ("quota-day", NULL, NULL, NULL, flags);
  properties [PROP_QUOTA_RESETS_AT] =
    g_param_spec_boxed ("quota-resets-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_MAY_REQUEST_INCREASE] =
    g_param_spec_boolean ("may-request-increase", NULL, NULL, FALSE, flags);
  properties [PROP_HAS_DETAILS] =
    g_param_spec_boolean ("has-details", NULL, NULL, FALSE, flags);
  properties [PROP_HAS_SUCCESSFUL_CALL] =
    g_param_spec_boolean ("has-successful-call", NULL, NULL, FALSE, flags);
  properties [PROP_LAUNCH_STATE] =
    g_param_spec_enum ("launch-state", NULL, NULL,
                       OP_TYPE_REVIEW_STATE, OP_REVIEW_STATE_NONE, flags);
  properties [PROP_LAUNCH_REASON] =
    g_param_spec_string ("launch-reason", NULL, NULL, NULL, flags);
  properties [PROP_LISTING_STATE] =
    g_param_spec_enum ("listing-state", NULL, NULL,
                       OP_TYPE_REVIEW_STATE, OP_REVIEW_STATE_NONE, flags);
  properties [PROP_LISTING_REASON] =
    g_param_spec_string ("listing-reason", NULL, NULL, NULL, flags);
  properties [PROP_MARKET_URL] =
    g_param_spec_string ("market-url", NULL, NULL, NULL, flags);
  properties [PROP_QUOTA_INCREASE_STATE] =
    g_param_spec_enum ("quota-increase-state", NULL, NULL,
                       OP_TYPE_REVIEW_STATE, OP_REVIEW_STATE_NONE, flags);
  properties [PROP_QUOTA_INCREASE_REASON] =
    g_param_spec_string ("quota-increase-reason", NULL, NULL, NULL, flags);
  properties [PROP_QUOTA_INCREASE_DAILY_LIMIT] =
    g_param_spec_int64 ("quota-increase-daily-limit", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_app_init (OpApp *self)
{
  self->solutions = g_array_new (FALSE, TRUE, sizeof (Ref));
  g_array_set_clear_func (self->solutions, ref_clear);
  self->abilities = g_array_new (FALSE, TRUE, sizeof (Ref));
  g_array_set_clear_func (self->abilities, ref_clear);
}

/* An array of {id, name[, used]}. */
static gboolean
read_refs (JsonObject  *object,
           const char  *member,
           gboolean     with_used,
           GArray      *refs,
           GError     **error)
{
  JsonArray *array = NULL;

  if (!_op_json_get_array (object, member, FALSE, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      Ref ref = { 0, };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s[%u]: not an object", member, i);
          return FALSE;
        }

      if (!_op_json_get_int (json_node_get_object (node), "id", TRUE, &ref.id, error) ||
          !_op_json_get_string (json_node_get_object (node), "name", TRUE, &ref.name, error) ||
          (with_used && !_op_json_get_int (json_node_get_object (node), "used", FALSE, &ref.used, error)))
        {
          ref_clear (&ref);
          g_prefix_error (error, "%s[%u]: ", member, i);
          return FALSE;
        }

      g_array_append_val (refs, ref);
    }

  return TRUE;
}

static gboolean
read_quota (OpApp       *self,
            JsonObject  *object,
            GError     **error)
{
  JsonObject *quota = NULL;
  gboolean may = FALSE;

  if (!_op_json_get_object (object, "quota", TRUE, &quota, error))
    return FALSE;

  if (!_op_json_get_int (quota, "daily_limit", TRUE, &self->daily_limit, error) ||
      !_op_json_get_int (quota, "used_today", TRUE, &self->used_today, error) ||
      !_op_json_get_int (quota, "left_today", FALSE, &self->left_today, error) ||
      !_op_json_get_string (quota, "day", FALSE, &self->quota_day, error) ||
      !_op_json_get_time (quota, "resets_at", FALSE, &self->quota_resets_at, error) ||
      !_op_json_get_bool (quota, "may_request_increase", FALSE, &may, error))
    {
      g_prefix_error (error, "quota: ");
      return FALSE;
    }

  if (!json_object_has_member (quota, "left_today"))
    self->left_today = MAX (self->daily_limit - self->used_today, 0);

  self->may_request_increase = may;

  return TRUE;
}

/* The latest launch, listing or quota increase: {id, state, reason, …} or null. */
static gboolean
read_review (JsonObject   *object,
             const char   *member,
             Review       *review,
             JsonObject  **review_object,
             GError      **error)
{
  int state = OP_REVIEW_STATE_NONE;

  *review_object = NULL;

  if (!_op_json_get_object (object, member, FALSE, review_object, error))
    return FALSE;

  if (*review_object == NULL)
    return TRUE;

  if (!_op_json_get_enum (*review_object, "state", TRUE, OP_TYPE_REVIEW_STATE, &state, error) ||
      !_op_json_get_string (*review_object, "reason", FALSE, &review->reason, error))
    {
      g_prefix_error (error, "%s: ", member);
      return FALSE;
    }

  review->state = state;

  return TRUE;
}

static gboolean
read_details (OpApp       *self,
              JsonObject  *object,
              GError     **error)
{
  JsonObject *listing = NULL;
  JsonObject *increase = NULL;
  JsonObject *launch = NULL;
  gboolean has_success = FALSE;

  /* Only the detailed answer (one app) has these. */
  self->has_details = json_object_has_member (object, "has_successful_call");
  if (!self->has_details)
    return TRUE;

  if (!_op_json_get_bool (object, "has_successful_call", TRUE, &has_success, error) ||
      !read_review (object, "launch", &self->launch, &launch, error) ||
      !read_review (object, "listing", &self->listing, &listing, error) ||
      !read_review (object, "quota_increase", &self->quota_increase, &increase, error))
    return FALSE;

  if (listing != NULL &&
      !_op_json_get_string (listing, "market_url", FALSE, &self->market_url, error))
    return FALSE;

  if (increase != NULL &&
      !_op_json_get_int (increase, "daily_limit", FALSE, &self->quota_increase_daily_limit, error))
    return FALSE;

  self->has_successful_call = has_success;

  return TRUE;
}

/**
 * op_app_new_from_json:
 * @object: an app of the console API (`GET /apps`, `GET /apps/{app_key}`)
 * @error: return location for a #GError
 *
 * Reads an app: `app_key`, `name`, `app_type`, `state` and `quota`
 * ({daily_limit, used_today, …}) are required. An `app_secret` member, if
 * any, is not read: the secret belongs in the keyring, not in a model.
 *
 * Returns: (transfer full) (nullable): the app, or %NULL with @error set
 */
OpApp *
op_app_new_from_json (JsonObject  *object,
                      GError     **error)
{
  g_autoptr(OpApp) self = NULL;
  int app_type = OP_APP_TYPE_SELF_USE;
  int state = OP_APP_STATE_DEVELOPING;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_APP, NULL);

  if (!_op_json_get_string (object, "app_key", TRUE, &self->app_key, error) ||
      !_op_json_get_string (object, "name", TRUE, &self->name, error) ||
      !_op_json_get_string (object, "description", FALSE, &self->description, error) ||
      !_op_json_get_enum (object, "app_type", TRUE, OP_TYPE_APP_TYPE, &app_type, error) ||
      !_op_json_get_string (object, "callback_url", FALSE, &self->callback_url, error) ||
      !_op_json_get_enum (object, "state", TRUE, OP_TYPE_APP_STATE, &state, error) ||
      !_op_json_get_time (object, "created_at", FALSE, &self->created_at, error) ||
      !read_quota (self, object, error) ||
      !read_refs (object, "solutions", FALSE, self->solutions, error) ||
      !read_refs (object, "abilities", TRUE, self->abilities, error) ||
      !read_details (self, object, error))
    return NULL;

  if (self->description == NULL)
    self->description = g_strdup ("");

  self->app_type = app_type;
  self->state = state;

  return g_steal_pointer (&self);
}

/**
 * op_app_get_app_key:
 * @self: a #OpApp
 *
 * Returns: the AppKey (7 digits in the sandbox)
 */
const char *
op_app_get_app_key (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->app_key;
}

const char *
op_app_get_name (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->name;
}

/**
 * op_app_get_description:
 * @self: a #OpApp
 *
 * Returns: the description, possibly empty
 */
const char *
op_app_get_description (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->description;
}

OpAppType
op_app_get_app_type (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), OP_APP_TYPE_SELF_USE);

  return self->app_type;
}

/**
 * op_app_get_callback_url:
 * @self: a #OpApp
 *
 * Returns: (nullable): the OAuth callback URL (授权回调地址), if set
 */
const char *
op_app_get_callback_url (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->callback_url;
}

OpAppState
op_app_get_state (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), OP_APP_STATE_DEVELOPING);

  return self->state;
}

/**
 * op_app_get_created_at:
 * @self: a #OpApp
 *
 * Returns: (transfer none) (nullable): when the app was created
 */
GDateTime *
op_app_get_created_at (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->created_at;
}

/**
 * op_app_get_daily_limit:
 * @self: a #OpApp
 *
 * Returns: how many calls the app may make per platform day (调用量)
 */
gint64
op_app_get_daily_limit (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);

  return self->daily_limit;
}

/**
 * op_app_get_used_today:
 * @self: a #OpApp
 *
 * Returns: the calls made so far on the current platform day (UTC+8)
 */
gint64
op_app_get_used_today (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);

  return self->used_today;
}

gint64
op_app_get_left_today (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);

  return self->left_today;
}

/**
 * op_app_get_quota_day:
 * @self: a #OpApp
 *
 * Returns: (nullable): the platform day the use counts for, `YYYY-MM-DD`
 */
const char *
op_app_get_quota_day (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->quota_day;
}

/**
 * op_app_get_quota_resets_at:
 * @self: a #OpApp
 *
 * Returns: (transfer none) (nullable): when the count starts again (midnight UTC+8)
 */
GDateTime *
op_app_get_quota_resets_at (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->quota_resets_at;
}

/**
 * op_app_get_may_request_increase:
 * @self: a #OpApp
 *
 * Returns: %TRUE when a higher quota may be requested now (launched, 80%
 *   of today's limit used, none pending)
 */
gboolean
op_app_get_may_request_increase (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), FALSE);

  return self->may_request_increase;
}

/**
 * op_app_get_n_solutions:
 * @self: a #OpApp
 *
 * Returns: how many solutions the app ordered
 */
guint
op_app_get_n_solutions (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);

  return self->solutions->len;
}

gint64
op_app_get_solution_id (OpApp *self,
                        guint  position)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);
  g_return_val_if_fail (position < self->solutions->len, 0);

  return g_array_index (self->solutions, Ref, position).id;
}

const char *
op_app_get_solution_name (OpApp *self,
                          guint  position)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);
  g_return_val_if_fail (position < self->solutions->len, NULL);

  return g_array_index (self->solutions, Ref, position).name;
}

gboolean
op_app_has_solution (OpApp  *self,
                     gint64  solution_id)
{
  g_return_val_if_fail (OP_IS_APP (self), FALSE);

  for (guint i = 0; i < self->solutions->len; i++)
    if (g_array_index (self->solutions, Ref, i).id == solution_id)
      return TRUE;

  return FALSE;
}

/**
 * op_app_get_n_abilities:
 * @self: a #OpApp
 *
 * Returns: how many abilities are associated with the app
 */
guint
op_app_get_n_abilities (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);

  return self->abilities->len;
}

gint64
op_app_get_ability_id (OpApp *self,
                       guint  position)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);
  g_return_val_if_fail (position < self->abilities->len, 0);

  return g_array_index (self->abilities, Ref, position).id;
}

const char *
op_app_get_ability_name (OpApp *self,
                         guint  position)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);
  g_return_val_if_fail (position < self->abilities->len, NULL);

  return g_array_index (self->abilities, Ref, position).name;
}

/**
 * op_app_get_ability_used:
 * @self: a #OpApp
 * @position: an ability's position
 *
 * Returns: the calls of that ability this app has used
 */
gint64
op_app_get_ability_used (OpApp *self,
                         guint  position)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);
  g_return_val_if_fail (position < self->abilities->len, 0);

  return g_array_index (self->abilities, Ref, position).used;
}

/**
 * op_app_get_has_details:
 * @self: a #OpApp
 *
 * Returns: %TRUE when the app was read from a detailed answer (one app, not
 *   a list), which carries the launch, listing and quota increase
 */
gboolean
op_app_get_has_details (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), FALSE);

  return self->has_details;
}

/**
 * op_app_get_has_successful_call:
 * @self: a #OpApp
 *
 * Returns: %TRUE when the app has at least one successful API call on
 *   record, the precondition of a launch; %FALSE also without details
 */
gboolean
op_app_get_has_successful_call (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), FALSE);

  return self->has_successful_call;
}

OpReviewState
op_app_get_launch_state (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), OP_REVIEW_STATE_NONE);

  return self->launch.state;
}

/**
 * op_app_get_launch_reason:
 * @self: a #OpApp
 *
 * Returns: (nullable): why the latest launch request was rejected
 */
const char *
op_app_get_launch_reason (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->launch.reason;
}

OpReviewState
op_app_get_listing_state (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), OP_REVIEW_STATE_NONE);

  return self->listing.state;
}

/**
 * op_app_get_listing_reason:
 * @self: a #OpApp
 *
 * Returns: (nullable): why the latest listing request was rejected
 */
const char *
op_app_get_listing_reason (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->listing.reason;
}

/**
 * op_app_get_market_url:
 * @self: a #OpApp
 *
 * Returns: (nullable): where the listing continues on 1688服务市场, once approved
 */
const char *
op_app_get_market_url (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->market_url;
}

OpReviewState
op_app_get_quota_increase_state (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), OP_REVIEW_STATE_NONE);

  return self->quota_increase.state;
}

/**
 * op_app_get_quota_increase_reason:
 * @self: a #OpApp
 *
 * Returns: (nullable): the platform's reason for its decision on the
 *   latest quota increase
 */
const char *
op_app_get_quota_increase_reason (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), NULL);

  return self->quota_increase.reason;
}

/**
 * op_app_get_quota_increase_daily_limit:
 * @self: a #OpApp
 *
 * Returns: the daily limit asked for in the latest quota increase, or 0
 */
gint64
op_app_get_quota_increase_daily_limit (OpApp *self)
{
  g_return_val_if_fail (OP_IS_APP (self), 0);

  return self->quota_increase_daily_limit;
}
