/* op-listing-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-listing-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "op-app-confirm-page.h"
#include "op-app-result-page.h"
#include "op-listing-flow.h"
#include "op-listing-info-page.h"

/* 上架 (domain.md §7), for apps for sale: the 聚石塔 (Jushita) information
 * and the 授权回调地址, confirmed, then submitted; once the platform
 * approves, the listing continues on 1688服务市场.
 */
struct _OpListingFlow
{
  OpAppFlow  parent_instance;

  char      *jushita_account;
  char      *jushita_instance_id;
  char      *jushita_region;
  char      *callback_url;
};

G_DEFINE_FINAL_TYPE (OpListingFlow, op_listing_flow, OP_TYPE_APP_FLOW)

/* The 聚石塔 regions the platform accepts [ours], with Alibaba Cloud's names. */
static const struct {
  const char *id;
  const char *label;
} regions[] = {
  { "cn-hangzhou", N_("China East 1 (Hangzhou)") },
  { "cn-shanghai", N_("China East 2 (Shanghai)") },
  { "cn-beijing", N_("China North 2 (Beijing)") },
  { "cn-zhangjiakou", N_("China North 3 (Zhangjiakou)") },
  { "cn-shenzhen", N_("China South 1 (Shenzhen)") },
};

static void
replace_string (char       **slot,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static OpWizardPage *
prepare_info (OpFlow *flow)
{
  return op_listing_info_page_new (OP_APP_FLOW (flow));
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

static const OpFlowPageEntry listing_pages[] = {
  { "info", prepare_info },
  { "confirm", prepare_confirm },
  { "result", prepare_result },
};

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  OpApp *app;

  app = op_platform_client_submit_listing_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (app == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, app, g_object_unref);
}

static void
op_listing_flow_submit_async (OpAppFlow           *flow,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  OpListingFlow *self = OP_LISTING_FLOW (flow);
  GTask *task = g_task_new (flow, cancellable, callback, user_data);

  g_task_set_source_tag (task, op_listing_flow_submit_async);
  op_platform_client_submit_listing_async (op_app_flow_get_client (flow),
                                           op_app_get_app_key (op_app_flow_get_app (flow)),
                                           self->jushita_account,
                                           self->jushita_instance_id,
                                           self->jushita_region,
                                           self->callback_url,
                                           cancellable, listed_cb, task);
}

static OpApp *
op_listing_flow_submit_finish (OpAppFlow     *flow,
                               GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static char **
op_listing_flow_get_summary (OpAppFlow *flow)
{
  OpListingFlow *self = OP_LISTING_FLOW (flow);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, _("Jushita account"));
  g_strv_builder_add (builder, self->jushita_account != NULL ? self->jushita_account : "");
  g_strv_builder_add (builder, _("Jushita instance ID"));
  g_strv_builder_add (builder, self->jushita_instance_id != NULL ? self->jushita_instance_id : "");
  g_strv_builder_add (builder, _("Jushita region"));
  g_strv_builder_add (builder, op_listing_flow_get_region_label (self->jushita_region));
  g_strv_builder_add (builder, _("Authorization callback address"));
  g_strv_builder_add (builder, self->callback_url != NULL ? self->callback_url : "");

  return g_strv_builder_end (builder);
}

static void
op_listing_flow_finalize (GObject *object)
{
  OpListingFlow *self = (OpListingFlow *)object;

  g_clear_pointer (&self->jushita_account, g_free);
  g_clear_pointer (&self->jushita_instance_id, g_free);
  g_clear_pointer (&self->jushita_region, g_free);
  g_clear_pointer (&self->callback_url, g_free);

  G_OBJECT_CLASS (op_listing_flow_parent_class)->finalize (object);
}

static void
op_listing_flow_class_init (OpListingFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  OpAppFlowClass *app_flow_class = OP_APP_FLOW_CLASS (klass);

  object_class->finalize = op_listing_flow_finalize;

  op_flow_class_set_pages (OP_FLOW_CLASS (klass), listing_pages, G_N_ELEMENTS (listing_pages));

  app_flow_class->kind = OP_APP_FLOW_LISTING;
  app_flow_class->submit_async = op_listing_flow_submit_async;
  app_flow_class->submit_finish = op_listing_flow_submit_finish;
  app_flow_class->get_summary = op_listing_flow_get_summary;
}

static void
op_listing_flow_init (OpListingFlow *self)
{
  self->jushita_region = g_strdup (regions[0].id);
}

/**
 * op_listing_flow_new:
 * @app: an app for sale (ISV)
 * @watcher: (nullable): told of the application, to announce the decision
 */
OpAppFlow *
op_listing_flow_new (OpConnection    *connection,
                     OpApp           *app,
                     OpReviewWatcher *watcher)
{
  g_autofree char *draft_name = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (OP_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (OP_IS_APP (app), NULL);
  g_return_val_if_fail (!watcher || OP_IS_REVIEW_WATCHER (watcher), NULL);

  draft_name = g_strconcat ("listing-", op_app_get_app_key (app), NULL);
  /* Translators: the wizard's title (上架); %s is the app's name */
  title = g_strdup_printf (_("List “%s” for Sale"), op_app_get_name (app));

  return g_object_new (OP_TYPE_LISTING_FLOW,
                       "title", title,
                       "draft-name", draft_name,
                       "connection", connection,
                       "app", app,
                       "watcher", watcher,
                       NULL);
}

/**
 * op_listing_flow_get_regions:
 *
 * Returns: (transfer none): the 聚石塔 region IDs the platform accepts
 */
const char * const *
op_listing_flow_get_regions (void)
{
  static const char *ids[G_N_ELEMENTS (regions) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
      ids[i] = regions[i].id;

  return ids;
}

/**
 * op_listing_flow_get_region_label:
 *
 * Returns: the region's name for people, with its ID
 */
const char *
op_listing_flow_get_region_label (const char *region)
{
  for (guint i = 0; region != NULL && i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (regions[i].id, region))
      return _(regions[i].label);

  return region != NULL ? region : "";
}

void
op_listing_flow_set_info (OpListingFlow *self,
                          const char    *jushita_account,
                          const char    *jushita_instance_id,
                          const char    *jushita_region,
                          const char    *callback_url)
{
  g_return_if_fail (OP_IS_LISTING_FLOW (self));

  replace_string (&self->jushita_account, jushita_account);
  replace_string (&self->jushita_instance_id, jushita_instance_id);
  replace_string (&self->jushita_region, jushita_region);
  replace_string (&self->callback_url, callback_url);
}

const char *
op_listing_flow_get_jushita_account (OpListingFlow *self)
{
  g_return_val_if_fail (OP_IS_LISTING_FLOW (self), NULL);

  return self->jushita_account;
}

const char *
op_listing_flow_get_jushita_instance_id (OpListingFlow *self)
{
  g_return_val_if_fail (OP_IS_LISTING_FLOW (self), NULL);

  return self->jushita_instance_id;
}

const char *
op_listing_flow_get_jushita_region (OpListingFlow *self)
{
  g_return_val_if_fail (OP_IS_LISTING_FLOW (self), NULL);

  return self->jushita_region;
}

const char *
op_listing_flow_get_callback_url (OpListingFlow *self)
{
  g_return_val_if_fail (OP_IS_LISTING_FLOW (self), NULL);

  return self->callback_url;
}
