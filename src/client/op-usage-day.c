/* op-usage-day.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-usage-day"

#include "config.h"

#include "op-usage-day.h"

#include "op-platform-json-private.h"

/* One platform day (UTC+8) of an app's calls: the count against its quota,
 * and the successes and failures of each API. */

typedef struct
{
  char   *id;
  char   *title;
  gint64  successes;
  gint64  failures;
} ApiUse;

struct _OpUsageDay
{
  GObject  parent_instance;

  char    *day;
  gint64   calls;
  gint64   successes;
  gint64   failures;
  GArray  *apis;   /* of ApiUse */
};

enum {
  PROP_0,
  PROP_DAY,
  PROP_CALLS,
  PROP_SUCCESSES,
  PROP_FAILURES,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpUsageDay, op_usage_day, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
api_use_clear (gpointer data)
{
  ApiUse *use = data;

  g_clear_pointer (&use->id, g_free);
  g_clear_pointer (&use->title, g_free);
}

static void
op_usage_day_finalize (GObject *object)
{
  OpUsageDay *self = (OpUsageDay *)object;

  g_clear_pointer (&self->day, g_free);
  g_clear_pointer (&self->apis, g_array_unref);

  G_OBJECT_CLASS (op_usage_day_parent_class)->finalize (object);
}

static void
op_usage_day_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OpUsageDay *self = OP_USAGE_DAY (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;

    case PROP_CALLS:
      g_value_set_int64 (value, self->calls);
      break;

    case PROP_SUCCESSES:
      g_value_set_int64 (value, self->successes);
      break;

    case PROP_FAILURES:
      g_value_set_int64 (value, self->failures);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_usage_day_class_init (OpUsageDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_usage_day_finalize;
  object_class->get_property = op_usage_day_get_property;

  properties [PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL, flags);
  properties [PROP_CALLS] =
    g_param_spec_int64 ("calls", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_SUCCESSES] =
    g_param_spec_int64 ("successes", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_FAILURES] =
    g_param_spec_int64 ("failures", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_usage_day_init (OpUsageDay *self)
{
  self->apis = g_array_new (FALSE, TRUE, sizeof (ApiUse));
  g_array_set_clear_func (self->apis, api_use_clear);
}

static gboolean
read_apis (OpUsageDay  *self,
           JsonObject  *object,
           GError     **error)
{
  JsonArray *apis = NULL;

  if (!_op_json_get_array (object, "apis", FALSE, &apis, error))
    return FALSE;

  for (guint i = 0; apis != NULL && i < json_array_get_length (apis); i++)
    {
      JsonNode *node = json_array_get_element (apis, i);
      JsonObject *api;
      ApiUse use = { 0, };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "apis[%u]: not an object", i);
          return FALSE;
        }

      api = json_node_get_object (node);
      if (!_op_json_get_string (api, "api", TRUE, &use.id, error) ||
          !_op_json_get_string (api, "title", FALSE, &use.title, error) ||
          !_op_json_get_int (api, "successes", FALSE, &use.successes, error) ||
          !_op_json_get_int (api, "failures", FALSE, &use.failures, error))
        {
          api_use_clear (&use);
          g_prefix_error (error, "apis[%u]: ", i);
          return FALSE;
        }

      if (use.title == NULL)
        use.title = g_strdup (use.id);

      g_array_append_val (self->apis, use);
    }

  return TRUE;
}

/**
 * op_usage_day_new_from_json:
 * @object: one element of `days` in `GET /apps/{app_key}/usage`
 * @error: return location for a #GError
 *
 * Reads {day, calls, successes?, failures?, apis?: [{api, title, successes,
 * failures}]}: `day` (`YYYY-MM-DD`) and `calls` are required.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL with @error set
 */
OpUsageDay *
op_usage_day_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(OpUsageDay) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_USAGE_DAY, NULL);

  if (!_op_json_get_string (object, "day", TRUE, &self->day, error) ||
      !_op_json_get_int (object, "calls", TRUE, &self->calls, error) ||
      !_op_json_get_int (object, "successes", FALSE, &self->successes, error) ||
      !_op_json_get_int (object, "failures", FALSE, &self->failures, error) ||
      !read_apis (self, object, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * op_usage_day_get_day:
 * @self: a #OpUsageDay
 *
 * Returns: the platform day, `YYYY-MM-DD` in China Standard Time
 */
const char *
op_usage_day_get_day (OpUsageDay *self)
{
  g_return_val_if_fail (OP_IS_USAGE_DAY (self), NULL);

  return self->day;
}

/**
 * op_usage_day_get_calls:
 * @self: a #OpUsageDay
 *
 * Returns: the calls that counted against the quota that day
 */
gint64
op_usage_day_get_calls (OpUsageDay *self)
{
  g_return_val_if_fail (OP_IS_USAGE_DAY (self), 0);

  return self->calls;
}

gint64
op_usage_day_get_successes (OpUsageDay *self)
{
  g_return_val_if_fail (OP_IS_USAGE_DAY (self), 0);

  return self->successes;
}

gint64
op_usage_day_get_failures (OpUsageDay *self)
{
  g_return_val_if_fail (OP_IS_USAGE_DAY (self), 0);

  return self->failures;
}

guint
op_usage_day_get_n_apis (OpUsageDay *self)
{
  g_return_val_if_fail (OP_IS_USAGE_DAY (self), 0);

  return self->apis->len;
}

static ApiUse *
api_at (OpUsageDay *self,
        guint       position)
{
  g_return_val_if_fail (position < self->apis->len, NULL);

  return &g_array_index (self->apis, ApiUse, position);
}

const char *
op_usage_day_get_api_id (OpUsageDay *self,
                         guint       position)
{
  ApiUse *use;

  g_return_val_if_fail (OP_IS_USAGE_DAY (self), NULL);

  use = api_at (self, position);

  return use != NULL ? use->id : NULL;
}

const char *
op_usage_day_get_api_title (OpUsageDay *self,
                            guint       position)
{
  ApiUse *use;

  g_return_val_if_fail (OP_IS_USAGE_DAY (self), NULL);

  use = api_at (self, position);

  return use != NULL ? use->title : NULL;
}

gint64
op_usage_day_get_api_successes (OpUsageDay *self,
                                guint       position)
{
  ApiUse *use;

  g_return_val_if_fail (OP_IS_USAGE_DAY (self), 0);

  use = api_at (self, position);

  return use != NULL ? use->successes : 0;
}

gint64
op_usage_day_get_api_failures (OpUsageDay *self,
                               guint       position)
{
  ApiUse *use;

  g_return_val_if_fail (OP_IS_USAGE_DAY (self), 0);

  use = api_at (self, position);

  return use != NULL ? use->failures : 0;
}
