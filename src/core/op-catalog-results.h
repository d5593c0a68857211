/* op-catalog-results.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-api.h"

G_BEGIN_DECLS

/* Internal: the model op_catalog_search () returns. A #GListModel of #OpApi over an
 * array of pointers borrowed from the catalog, which it keeps alive: building it for
 * 10,000 results costs nothing, where a GListStore would insert 10,000 nodes. Callers
 * see only a GListModel. */
#define OP_TYPE_CATALOG_RESULTS (op_catalog_results_get_type ())

G_DECLARE_FINAL_TYPE (OpCatalogResults, op_catalog_results, OP, CATALOG_RESULTS, GObject)

GListModel *_op_catalog_results_new_take (GObject  *owner,
                                          OpApi   **apis,
                                          guint     n_apis);

G_END_DECLS
