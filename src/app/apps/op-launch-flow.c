/* op-launch-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-launch-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "op-app-confirm-page.h"
#include "op-app-result-page.h"
#include "op-launch-check-page.h"
#include "op-launch-flow.h"

/* 上线 (domain.md §6), for self-use apps: the precondition (a successful
 * call on record), the basic information confirmed a second time, submit;
 * then 上线审核中 until the platform decides. There is nothing to type, so
 * the draft stays empty: the confirmation is asked again each time.
 */
struct _OpLaunchFlow
{
  OpAppFlow parent_instance;
};

G_DEFINE_FINAL_TYPE (OpLaunchFlow, op_launch_flow, OP_TYPE_APP_FLOW)

static OpWizardPage *
prepare_check (OpFlow *flow)
{
  return op_launch_check_page_new (OP_APP_FLOW (flow));
}

static OpWizardPage *
prepare_confirm (OpFlow *flow)
{
  return op_app_confirm_page_new (OP_APP_FLOW (flow));
}

static OpWizardPage *
prepare_result (OpFlow *flow)
{
  return op_app_result_page_new (OP_APP_FLOW (flow));
}

static const OpFlowPageEntry launch_pages[] = {
  { "check", prepare_check },
  { "confirm", prepare_confirm },
  { "result", prepare_result },
};

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpApp *app;

  app = op_platform_client_launch_app_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (app == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, app, g_object_unref);
}

static void
op_launch_flow_submit_async (OpAppFlow           *flow,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (flow, cancellable, callback, user_data);

  g_task_set_source_tag (task, op_launch_flow_submit_async);
  op_platform_client_launch_app_async (op_app_flow_get_client (flow),
                                       op_app_get_app_key (op_app_flow_get_app (flow)),
                                       cancellable, launched_cb, task);
}

static OpApp *
op_launch_flow_submit_finish (OpAppFlow     *flow,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
op_launch_flow_class_init (OpLaunchFlowClass *klass)
{
  OpAppFlowClass *app_flow_class = OP_APP_FLOW_CLASS (klass);

  op_flow_class_set_pages (OP_FLOW_CLASS (klass), launch_pages, G_N_ELEMENTS (launch_pages));

  app_flow_class->kind = OP_APP_FLOW_LAUNCH;
  app_flow_class->submit_async = op_launch_flow_submit_async;
  app_flow_class->submit_finish = op_launch_flow_submit_finish;
}

static void
op_launch_flow_init (OpLaunchFlow *self)
{
}

/**
 * op_launch_flow_new:
 * @app: a self-use app in development
 * @watcher: (nullable): told of the application, to announce the decision
 */
OpAppFlow *
op_launch_flow_new (OpConnection    *connection,
                    OpApp           *app,
                    OpReviewWatcher *watcher)
{
  g_autofree char *draft_name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (OP_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (OP_IS_APP (app), NULL);
  g_return_val_if_fail (!watcher || OP_IS_REVIEW_WATCHER (watcher), NULL);

  draft_name = g_strconcat ("launch-", op_app_get_app_key (app), NULL);
  /* Translators: the wizard's title (上线); %s is the app's name */
  title = g_strdup_printf (_("Launch “%s”"), op_app_get_name (app));

  return g_object_new (OP_TYPE_LAUNCH_FLOW,
                       "title", title,
                       "draft-name", draft_name,
                       "connection", connection,
                       "app", app,
                       "watcher", watcher,
                       NULL);
}
