/* op-json.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper than any answer of the platform or the gateway, far shallower than
 * what overflows json-glib 1.6's recursive parser (~100,000 levels). */
#define OP_JSON_MAX_DEPTH 64

gboolean op_json_nesting_ok     (const char  *data,
                                 gsize        length,
                                 guint        max_depth);
gboolean op_json_parser_load    (JsonParser  *parser,
                                 const char  *data,
                                 gssize       length,
                                 GError     **error);

G_END_DECLS
