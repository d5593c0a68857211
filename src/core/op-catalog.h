/* op-catalog.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "op-api.h"

G_BEGIN_DECLS

/* Where the catalog bundled with every program that links libop-core lives. */
#define OP_CATALOG_RESOURCE_PATH "/io/github/open1688/Open1688/catalog/apis.json"

#define OP_CATALOG_ERROR (op_catalog_error_quark ())

/**
 * OpCatalogError:
 * @OP_CATALOG_ERROR_READ: the file or resource could not be read
 * @OP_CATALOG_ERROR_PARSE: the data is not valid JSON; the message names the
 *   file and the line:column
 * @OP_CATALOG_ERROR_SCHEMA: valid JSON, but not a catalog: a missing or
 *   mistyped field; the message names the file, the API (index and id) and the field
 * @OP_CATALOG_ERROR_DUPLICATE: two APIs share one id
 *
 * Why a catalog could not be loaded. Messages are translated.
 */
typedef enum
{
  OP_CATALOG_ERROR_READ,
  OP_CATALOG_ERROR_PARSE,
  OP_CATALOG_ERROR_SCHEMA,
  OP_CATALOG_ERROR_DUPLICATE,
} OpCatalogError;

#define OP_TYPE_CATALOG (op_catalog_get_type ())

G_DECLARE_FINAL_TYPE (OpCatalog, op_catalog, OP, CATALOG, GObject)

GQuark      op_catalog_error_quark       (void);

OpCatalog  *op_catalog_new_from_resource (GError     **error);
OpCatalog  *op_catalog_new_from_file     (const char  *path,
                                          GError     **error);
OpCatalog  *op_catalog_new_from_data     (const char  *data,
                                          gssize       length,
                                          const char  *name,
                                          GError     **error);
const char *op_catalog_get_name          (OpCatalog   *self);
OpApi      *op_catalog_lookup            (OpCatalog   *self,
                                          const char  *id);
OpApi      *op_catalog_lookup_parts      (OpCatalog   *self,
                                          const char  *namespace_,
                                          const char  *name,
                                          guint        version);
GListModel *op_catalog_search            (OpCatalog   *self,
                                          const char  *query);

G_END_DECLS
