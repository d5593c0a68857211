/* op-seed.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-catalog.h"
#include "op-store.h"

G_BEGIN_DECLS

/* Where the service's reference data (the JSON files of data/catalog but apis.json,
 * which core bundles) lives in its GResource. */
#define OP_SEED_RESOURCE_PREFIX "/io/github/open1688/Open1688/service/catalog/"

/* The password of every sandbox member account. */
#define OP_SEED_SANDBOX_PASSWORD "sandbox"

gboolean op_seed_is_done (OpStore    *store,
                          GError    **error);
gboolean op_seed_run     (OpStore    *store,
                          OpCatalog  *catalog,
                          GError    **error);

G_END_DECLS
