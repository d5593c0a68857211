/* op-app-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-app-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "op-app-flow.h"
#include "op-apps-format.h"

/* The shared state of a wizard about one app (上线, 上架, 调高调用量): the
 * connection, the app as the platform last described it, the reasons the
 * platform gave per field, and the submission. After a successful
 * submission the review watcher is told, so that the decision is announced
 * when it comes.
 */
typedef struct
{
  OpConnection    *connection;
  OpReviewWatcher *watcher;
  OpApp           *app;
  GHashTable      *field_errors;
} OpAppFlowPrivate;

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_WATCHER,
  PROP_APP,
  PROP_FIELD_ERRORS,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (OpAppFlow, op_app_flow, OP_TYPE_FLOW)

static GParamSpec *properties [N_PROPS];

static void
op_app_flow_dispose (GObject *object)
{
  OpAppFlow *self = (OpAppFlow *)object;
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  g_clear_object (&priv->connection);
  g_clear_object (&priv->watcher);
  g_clear_object (&priv->app);
  g_clear_pointer (&priv->field_errors, g_hash_table_unref);

  G_OBJECT_CLASS (op_app_flow_parent_class)->dispose (object);
}

static void
op_app_flow_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OpAppFlow *self = OP_APP_FLOW (object);
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, priv->connection);
      break;

    case PROP_WATCHER:
      g_value_set_object (value, priv->watcher);
      break;

    case PROP_APP:
      g_value_set_object (value, priv->app);
      break;

    case PROP_FIELD_ERRORS:
      g_value_set_boxed (value, priv->field_errors);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_app_flow_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OpAppFlow *self = OP_APP_FLOW (object);
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      priv->connection = g_value_dup_object (value);
      break;

    case PROP_WATCHER:
      priv->watcher = g_value_dup_object (value);
      break;

    case PROP_APP:
      op_app_flow_set_app (self, g_value_get_object (value));
      break;

    case PROP_FIELD_ERRORS:
      op_app_flow_set_field_errors (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_app_flow_class_init (OpAppFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_app_flow_dispose;
  object_class->get_property = op_app_flow_get_property;
  object_class->set_property = op_app_flow_set_property;

  properties [PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         OP_TYPE_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WATCHER] =
    g_param_spec_object ("watcher", NULL, NULL,
                         OP_TYPE_REVIEW_WATCHER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_APP] =
    g_param_spec_object ("app", NULL, NULL,
                         OP_TYPE_APP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_FIELD_ERRORS] =
    g_param_spec_boxed ("field-errors", NULL, NULL,
                        G_TYPE_HASH_TABLE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_app_flow_init (OpAppFlow *self)
{
}

OpAppFlowKind
op_app_flow_get_kind (OpAppFlow *self)
{
  g_return_val_if_fail (OP_IS_APP_FLOW (self), OP_APP_FLOW_LAUNCH);

  return OP_APP_FLOW_GET_CLASS (self)->kind;
}

/**
 * op_app_flow_get_connection:
 *
 * Returns: (transfer none): the connection to the platform
 */
OpConnection *
op_app_flow_get_connection (OpAppFlow *self)
{
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  g_return_val_if_fail (OP_IS_APP_FLOW (self), NULL);

  return priv->connection;
}

/**
 * op_app_flow_get_client:
 *
 * Returns: (transfer none) (nullable): the platform client
 */
OpPlatformClient *
op_app_flow_get_client (OpAppFlow *self)
{
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  g_return_val_if_fail (OP_IS_APP_FLOW (self), NULL);

  return priv->connection != NULL ? op_connection_get_client (priv->connection) : NULL;
}

/**
 * op_app_flow_get_watcher:
 *
 * Returns: (transfer none) (nullable): the watcher that announces decisions
 */
OpReviewWatcher *
op_app_flow_get_watcher (OpAppFlow *self)
{
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  g_return_val_if_fail (OP_IS_APP_FLOW (self), NULL);

  return priv->watcher;
}

/**
 * op_app_flow_get_app:
 *
 * Returns: (transfer none): the app, as the platform last described it
 */
OpApp *
op_app_flow_get_app (OpAppFlow *self)
{
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  g_return_val_if_fail (OP_IS_APP_FLOW (self), NULL);

  return priv->app;
}

void
op_app_flow_set_app (OpAppFlow *self,
                     OpApp     *app)
{
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  g_return_if_fail (OP_IS_APP_FLOW (self));
  g_return_if_fail (!app || OP_IS_APP (app));

  if (g_set_object (&priv->app, app))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_APP]);
}

/**
 * op_app_flow_get_field_errors:
 *
 * Returns: (transfer none) (nullable): the platform's reason per field
 *   (`callback_url`, `jushita.instance_id`, `daily_limit`…) from the last
 *   submission, or %NULL
 */
GHashTable *
op_app_flow_get_field_errors (OpAppFlow *self)
{
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  g_return_val_if_fail (OP_IS_APP_FLOW (self), NULL);

  return priv->field_errors;
}

void
op_app_flow_set_field_errors (OpAppFlow  *self,
                              GHashTable *field_errors)
{
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);

  g_return_if_fail (OP_IS_APP_FLOW (self));

  if (priv->field_errors == field_errors)
    return;

  g_clear_pointer (&priv->field_errors, g_hash_table_unref);
  if (field_errors != NULL)
    priv->field_errors = g_hash_table_ref (field_errors);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIELD_ERRORS]);
}

/**
 * op_app_flow_get_summary:
 *
 * Returns: (transfer full) (nullable): title, value, title, value… of what
 *   the flow will submit, for the confirmation page
 */
char **
op_app_flow_get_summary (OpAppFlow *self)
{
  g_return_val_if_fail (OP_IS_APP_FLOW (self), NULL);

  if (OP_APP_FLOW_GET_CLASS (self)->get_summary == NULL)
    return NULL;

  return OP_APP_FLOW_GET_CLASS (self)->get_summary (self);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpAppFlow *self = OP_APP_FLOW (object);
  OpAppFlowPrivate *priv = op_app_flow_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpApp) app = NULL;

  app = OP_APP_FLOW_GET_CLASS (self)->submit_finish (self, result, &error);
  if (app == NULL)
    {
      if (error->domain == OP_PLATFORM_ERROR)
        op_connection_report_error (priv->connection, error);

      if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION))
        op_app_flow_set_field_errors (self, op_platform_error_get_fields (error));

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op_app_flow_set_field_errors (self, NULL);
  op_app_flow_set_app (self, app);
  if (priv->watcher != NULL)
    op_review_watcher_track_app (priv->watcher, app);

  g_task_return_pointer (task, g_steal_pointer (&app), g_object_unref);
}

/**
 * op_app_flow_submit_async:
 *
 * Submits the application. A refusal keeps the platform's reasons per
 * field in #OpAppFlow:field-errors for the pages to show.
 */
void
op_app_flow_submit_async (OpAppFlow           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OP_IS_APP_FLOW (self));
  g_return_if_fail (OP_APP_FLOW_GET_CLASS (self)->submit_async != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_app_flow_submit_async);

  if (op_app_flow_get_client (self) == NULL)
    {
      g_task_return_new_error (task, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NETWORK, "%s",
                               _("The platform is still starting. Try again in a moment."));
      return;
    }

  OP_APP_FLOW_GET_CLASS (self)->submit_async (self, cancellable, submitted_cb, g_steal_pointer (&task));
}

/**
 * op_app_flow_submit_finish:
 *
 * Returns: (transfer full): the app, with its application under review
 */
OpApp *
op_app_flow_submit_finish (OpAppFlow     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (OP_IS_APP_FLOW (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
