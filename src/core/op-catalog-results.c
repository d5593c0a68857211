/* op-catalog-results.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-catalog-results"

#include "config.h"

#include "op-catalog-results.h"

struct _OpCatalogResults
{
  GObject parent_instance;

  GObject *owner;  /* keeps the items alive */
  OpApi **apis;    /* borrowed from owner */
  guint n_apis;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OpCatalogResults, op_catalog_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
op_catalog_results_get_item_type (GListModel *model)
{
  return OP_TYPE_API;
}

static guint
op_catalog_results_get_n_items (GListModel *model)
{
  OpCatalogResults *self = OP_CATALOG_RESULTS (model);

  return self->n_apis;
}

static gpointer
op_catalog_results_get_item (GListModel *model,
                             guint       position)
{
  OpCatalogResults *self = OP_CATALOG_RESULTS (model);

  if (position >= self->n_apis)
    return NULL;

  return g_object_ref (self->apis[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = op_catalog_results_get_item_type;
  iface->get_n_items = op_catalog_results_get_n_items;
  iface->get_item = op_catalog_results_get_item;
}

static void
op_catalog_results_finalize (GObject *object)
{
  OpCatalogResults *self = (OpCatalogResults *)object;

  g_clear_pointer (&self->apis, g_free);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (op_catalog_results_parent_class)->finalize (object);
}

static void
op_catalog_results_class_init (OpCatalogResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_catalog_results_finalize;
}

static void
op_catalog_results_init (OpCatalogResults *self)
{
}

/*
 * _op_catalog_results_new_take:
 * @owner: the object that owns the items and outlives none of them
 * @apis: (array length=n_apis) (transfer full): the items, in order, in memory from
 *   g_malloc (); the array (not the items) now belongs to the model
 * @n_apis: how many
 *
 * Returns: (transfer full): a #GListModel of #OpApi
 */
GListModel *
_op_catalog_results_new_take (GObject  *owner,
                              OpApi   **apis,
                              guint     n_apis)
{
  OpCatalogResults *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);
  g_return_val_if_fail (apis != NULL || n_apis == 0, NULL);

  self = g_object_new (OP_TYPE_CATALOG_RESULTS, NULL);
  self->owner = g_object_ref (owner);
  self->apis = apis;
  self->n_apis = n_apis;

  return G_LIST_MODEL (self);
}
