/* op-api-private.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "op-api.h"
#include "op-api-param.h"

G_BEGIN_DECLS

/* Used by the catalog loader only. Errors are OP_CATALOG_ERROR_SCHEMA, and their
 * message names the field (for example “params[2].type”) but not the file or the
 * API: the loader adds those. */
OpApi      *_op_api_new_from_json       (JsonObject  *object,
                                         GError     **error);
OpApiParam *_op_api_param_new_from_json (JsonObject  *object,
                                         guint        index,
                                         GError     **error);

/* TRUE when titles and descriptions should be shown in Chinese (the translators of
 * the user's language say so). */
gboolean    _op_api_prefers_chinese     (void);

/* Typed access to optional or required members; a JSON null counts as absent.
 * @prefix is put before @member when naming the field in an error. */
gboolean    _op_api_json_get_string         (JsonObject  *object,
                                         const char  *prefix,
                                         const char  *member,
                                         gboolean     required,
                                         const char **value,
                                         GError     **error);
gboolean    _op_api_json_get_boolean        (JsonObject  *object,
                                         const char  *prefix,
                                         const char  *member,
                                         gboolean    *present,
                                         gboolean    *value,
                                         GError     **error);

G_END_DECLS
