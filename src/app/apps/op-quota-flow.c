/* op-quota-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-quota-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "op-app-result-page.h"
#include "op-quota-flow.h"
#include "op-quota-form-page.h"

/* 调高调用量 (domain.md §6): once a launched app's calls of the day reach
 * 80% of its limit, the developer may ask for a higher daily limit, with a
 * reason; the platform reviews the request.
 */
struct _OpQuotaFlow
{
  OpAppFlow  parent_instance;

  gint64     daily_limit;
  char      *reason;
};

G_DEFINE_FINAL_TYPE (OpQuotaFlow, op_quota_flow, OP_TYPE_APP_FLOW)

static OpWizardPage *
prepare_form (OpFlow *flow)
{
  return op_quota_form_page_new (OP_APP_FLOW (flow));
}

static OpWizardPage *
prepare_result (OpFlow *flow)
{
  return op_app_result_page_new (OP_APP_FLOW (flow));
}

static const OpFlowPageEntry quota_pages[] = {
  { "form", prepare_form },
  { "result", prepare_result },
};

static void
requested_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpApp *app;

  app = op_platform_client_request_quota_increase_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (app == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, app, g_object_unref);
}

static void
op_quota_flow_submit_async (OpAppFlow           *flow,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  OpQuotaFlow *self = OP_QUOTA_FLOW (flow);
  GTask *task = g_task_new (flow, cancellable, callback, user_data);

  g_task_set_source_tag (task, op_quota_flow_submit_async);
  op_platform_client_request_quota_increase_async (op_app_flow_get_client (flow),
                                                   op_app_get_app_key (op_app_flow_get_app (flow)),
                                                   self->daily_limit,
                                                   self->reason != NULL ? self->reason : "",
                                                   cancellable, requested_cb, task);
}

static OpApp *
op_quota_flow_submit_finish (OpAppFlow     *flow,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
op_quota_flow_finalize (GObject *object)
{
  OpQuotaFlow *self = (OpQuotaFlow *)object;

  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (op_quota_flow_parent_class)->finalize (object);
}

static void
op_quota_flow_class_init (OpQuotaFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  OpAppFlowClass *app_flow_class = OP_APP_FLOW_CLASS (klass);

  object_class->finalize = op_quota_flow_finalize;

  op_flow_class_set_pages (OP_FLOW_CLASS (klass), quota_pages, G_N_ELEMENTS (quota_pages));

  app_flow_class->kind = OP_APP_FLOW_QUOTA;
  app_flow_class->submit_async = op_quota_flow_submit_async;
  app_flow_class->submit_finish = op_quota_flow_submit_finish;
}

static void
op_quota_flow_init (OpQuotaFlow *self)
{
}

/**
 * op_quota_flow_new:
 * @app: a launched app
 * @watcher: (nullable): told of the request, to announce the decision
 */
OpAppFlow *
op_quota_flow_new (OpConnection    *connection,
                   OpApp           *app,
                   OpReviewWatcher *watcher)
{
  g_autofree char *draft_name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (OP_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (OP_IS_APP (app), NULL);
  g_return_val_if_fail (!watcher || OP_IS_REVIEW_WATCHER (watcher), NULL);

  draft_name = g_strconcat ("quota-", op_app_get_app_key (app), NULL);
  /* Translators: the wizard's title (调高调用量); %s is the app's name */
  title = g_strdup_printf (_("Raise the Call Quota of “%s”"), op_app_get_name (app));

  return g_object_new (OP_TYPE_QUOTA_FLOW,
                       "title", title,
                       "draft-name", draft_name,
                       "connection", connection,
                       "app", app,
                       "watcher", watcher,
                       NULL);
}

void
op_quota_flow_set_request (OpQuotaFlow *self,
                           gint64       daily_limit,
                           const char  *reason)
{
  char *copy;

  g_return_if_fail (OP_IS_QUOTA_FLOW (self));

  copy = g_strdup (reason);
  g_free (self->reason);
  self->reason = copy;
  self->daily_limit = daily_limit;
}

gint64
op_quota_flow_get_daily_limit (OpQuotaFlow *self)
{
  g_return_val_if_fail (OP_IS_QUOTA_FLOW (self), 0);

  return self->daily_limit;
}

const char *
op_quota_flow_get_reason (OpQuotaFlow *self)
{
  g_return_val_if_fail (OP_IS_QUOTA_FLOW (self), NULL);

  return self->reason;
}
