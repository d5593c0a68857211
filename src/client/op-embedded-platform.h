/* op-embedded-platform.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "op-service.h"

G_BEGIN_DECLS

#define OP_TYPE_EMBEDDED_PLATFORM (op_embedded_platform_get_type ())

G_DECLARE_FINAL_TYPE (OpEmbeddedPlatform, op_embedded_platform, OP, EMBEDDED_PLATFORM, GObject)

OpEmbeddedPlatform *op_embedded_platform_new          (const char              *db_path);
OpEmbeddedPlatform *op_embedded_platform_new_full     (const char              *db_path,
                                                       const OpServiceOptions  *options);
const char         *op_embedded_platform_get_db_path  (OpEmbeddedPlatform      *self);
const char         *op_embedded_platform_get_base_url (OpEmbeddedPlatform      *self);
gboolean            op_embedded_platform_is_running   (OpEmbeddedPlatform      *self);

void                op_embedded_platform_start_async  (OpEmbeddedPlatform      *self,
                                                       GCancellable            *cancellable,
                                                       GAsyncReadyCallback      callback,
                                                       gpointer                 user_data);
char               *op_embedded_platform_start_finish (OpEmbeddedPlatform      *self,
                                                       GAsyncResult            *result,
                                                       GError                 **error);
void                op_embedded_platform_stop         (OpEmbeddedPlatform      *self);

G_END_DECLS
