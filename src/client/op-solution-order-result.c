/* op-solution-order-result.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-solution-order-result"

#include "config.h"

#include "op-solution-order-result.h"

#include <string.h>

#include "op-platform-json-private.h"

/* What ordering a solution (订购) gives: the order, the app it is for and,
 * only when the order created that app, its AppSecret, which the platform
 * shows this once. The caller stores the secret in the keyring at once. */

struct _OpSolutionOrderResult
{
  GObject    parent_instance;

  gint64     order_id;
  gint64     solution_id;
  char      *solution_name;
  GDateTime *created_at;
  OpApp     *app;
  char      *app_secret;
};

enum {
  PROP_0,
  PROP_ORDER_ID,
  PROP_SOLUTION_ID,
  PROP_SOLUTION_NAME,
  PROP_CREATED_AT,
  PROP_APP,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpSolutionOrderResult, op_solution_order_result, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_solution_order_result_finalize (GObject *object)
{
  OpSolutionOrderResult *self = (OpSolutionOrderResult *)object;

  if (self->app_secret != NULL)
    memset (self->app_secret, 0, strlen (self->app_secret));

  g_clear_pointer (&self->app_secret, g_free);
  g_clear_pointer (&self->solution_name, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_object (&self->app);

  G_OBJECT_CLASS (op_solution_order_result_parent_class)->finalize (object);
}

static void
op_solution_order_result_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  OpSolutionOrderResult *self = OP_SOLUTION_ORDER_RESULT (object);

  switch (prop_id)
    {
    case PROP_ORDER_ID:
      g_value_set_int64 (value, self->order_id);
      break;

    case PROP_SOLUTION_ID:
      g_value_set_int64 (value, self->solution_id);
      break;

    case PROP_SOLUTION_NAME:
      g_value_set_string (value, self->solution_name);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_APP:
      g_value_set_object (value, self->app);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_solution_order_result_class_init (OpSolutionOrderResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_solution_order_result_finalize;
  object_class->get_property = op_solution_order_result_get_property;

  /* The secret is deliberately not a property: nothing should bind to it. */
  properties [PROP_ORDER_ID] =
    g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_SOLUTION_ID] =
    g_param_spec_int64 ("solution-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_SOLUTION_NAME] =
    g_param_spec_string ("solution-name", NULL, NULL, NULL, flags);
  properties [PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_APP] =
    g_param_spec_object ("app", NULL, NULL, OP_TYPE_APP, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_solution_order_result_init (OpSolutionOrderResult *self)
{
}

/**
 * op_solution_order_result_new_from_json:
 * @object: the answer to `POST /solutions/{id}/orders`
 * @error: return location for a #GError
 *
 * Reads {order: {id, solution_id, solution_name?, created_at?}, app: {…,
 * app_secret?}}.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
OpSolutionOrderResult *
op_solution_order_result_new_from_json (JsonObject  *object,
                                        GError     **error)
{
  g_autoptr(OpSolutionOrderResult) self = NULL;
  JsonObject *order = NULL;
  JsonObject *app = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_SOLUTION_ORDER_RESULT, NULL);

  if (!_op_json_get_object (object, "order", TRUE, &order, error) ||
      !_op_json_get_object (object, "app", TRUE, &app, error))
    return NULL;

  if (!_op_json_get_int (order, "id", TRUE, &self->order_id, error) ||
      !_op_json_get_int (order, "solution_id", TRUE, &self->solution_id, error) ||
      !_op_json_get_string (order, "solution_name", FALSE, &self->solution_name, error) ||
      !_op_json_get_time (order, "created_at", FALSE, &self->created_at, error))
    {
      g_prefix_error (error, "order: ");
      return NULL;
    }

  if ((self->app = op_app_new_from_json (app, error)) == NULL ||
      !_op_json_get_string (app, "app_secret", FALSE, &self->app_secret, error))
    {
      g_prefix_error (error, "app: ");
      return NULL;
    }

  return g_steal_pointer (&self);
}

gint64
op_solution_order_result_get_order_id (OpSolutionOrderResult *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION_ORDER_RESULT (self), 0);

  return self->order_id;
}

gint64
op_solution_order_result_get_solution_id (OpSolutionOrderResult *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION_ORDER_RESULT (self), 0);

  return self->solution_id;
}

/**
 * op_solution_order_result_get_solution_name:
 * @self: a #OpSolutionOrderResult
 *
 * Returns: (nullable): the solution's name
 */
const char *
op_solution_order_result_get_solution_name (OpSolutionOrderResult *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION_ORDER_RESULT (self), NULL);

  return self->solution_name;
}

/**
 * op_solution_order_result_get_created_at:
 * @self: a #OpSolutionOrderResult
 *
 * Returns: (transfer none) (nullable): when the order was made
 */
GDateTime *
op_solution_order_result_get_created_at (OpSolutionOrderResult *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION_ORDER_RESULT (self), NULL);

  return self->created_at;
}

/**
 * op_solution_order_result_get_app:
 * @self: a #OpSolutionOrderResult
 *
 * Returns: (transfer none): the app that ordered the solution
 */
OpApp *
op_solution_order_result_get_app (OpSolutionOrderResult *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION_ORDER_RESULT (self), NULL);

  return self->app;
}

/**
 * op_solution_order_result_get_app_secret:
 * @self: a #OpSolutionOrderResult
 *
 * Returns: (nullable): the new app's AppSecret, when the order created the
 *   app; %NULL for an existing app. Store it in the keyring, never elsewhere.
 */
const char *
op_solution_order_result_get_app_secret (OpSolutionOrderResult *self)
{
  g_return_val_if_fail (OP_IS_SOLUTION_ORDER_RESULT (self), NULL);

  return self->app_secret;
}
