/* op-api.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "op-api-param.h"

G_BEGIN_DECLS

/* The documentation page of an API is OP_API_DOC_URL_PREFIX followed by its id. */
#define OP_API_DOC_URL_PREFIX "https://open.1688.com/api/apidocdetail.htm?id="

#define OP_TYPE_API (op_api_get_type ())

G_DECLARE_FINAL_TYPE (OpApi, op_api, OP, API, GObject)

/* An OpApi is one entry of an OpCatalog, created by the catalog loader only; all its
 * properties are read-only. Nullable getters return NULL where the catalog does not know. */
const char *op_api_get_id                  (OpApi      *self);
const char *op_api_get_namespace           (OpApi      *self);
const char *op_api_get_name                (OpApi      *self);
guint       op_api_get_version             (OpApi      *self);
const char *op_api_get_title_zh            (OpApi      *self);
const char *op_api_get_title_en            (OpApi      *self);
const char *op_api_get_title               (OpApi      *self);
const char *op_api_get_description_zh      (OpApi      *self);
gboolean    op_api_get_needs_access_token  (OpApi      *self);
gboolean    op_api_get_access_token_known  (OpApi      *self);
gboolean    op_api_get_needs_signature     (OpApi      *self);
const char *op_api_get_protocol            (OpApi      *self);
const char *op_api_get_url_path_template   (OpApi      *self);
gboolean    op_api_get_params_known        (OpApi      *self);
GListModel *op_api_get_params              (OpApi      *self);
OpApiParam *op_api_lookup_param            (OpApi      *self,
                                            const char *name);
const char *op_api_get_sample_response     (OpApi      *self);
const char *op_api_get_notes               (OpApi      *self);
const char *op_api_get_source              (OpApi      *self);
const char *op_api_get_doc_url             (OpApi      *self);

G_END_DECLS
