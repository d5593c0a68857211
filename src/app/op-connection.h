/* op-connection.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "op-account.h"
#include "op-platform-client.h"
#include "op-secret-store.h"

G_BEGIN_DECLS

/**
 * OpConnectionState:
 * @OP_CONNECTION_STARTING: the built-in sandbox is starting, or the platform is being reached
 * @OP_CONNECTION_READY: the platform answers
 * @OP_CONNECTION_UNREACHABLE: the platform cannot be reached (see the error message)
 */
typedef enum
{
  OP_CONNECTION_STARTING,
  OP_CONNECTION_READY,
  OP_CONNECTION_UNREACHABLE,
} OpConnectionState;

#define OP_TYPE_CONNECTION (op_connection_get_type())

G_DECLARE_FINAL_TYPE (OpConnection, op_connection, OP, CONNECTION, GObject)

OpConnection      *op_connection_new               (GSettings            *settings);
void               op_connection_start             (OpConnection         *self);
void               op_connection_stop              (OpConnection         *self);
OpConnectionState  op_connection_get_state         (OpConnection         *self);
const char        *op_connection_get_error_message (OpConnection         *self);
gboolean           op_connection_get_builtin       (OpConnection         *self);
const char        *op_connection_get_base_url      (OpConnection         *self);
const char        *op_connection_get_platform_id   (OpConnection         *self);
OpPlatformClient  *op_connection_get_client        (OpConnection         *self);
OpSecretStore     *op_connection_get_secret_store  (OpConnection         *self);
OpAccount         *op_connection_get_account       (OpConnection         *self);
void               op_connection_set_account       (OpConnection         *self,
                                                    OpAccount            *account);
void               op_connection_sign_in_async     (OpConnection         *self,
                                                    const char           *login,
                                                    const char           *password,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
OpAccount         *op_connection_sign_in_finish    (OpConnection         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void               op_connection_sign_out          (OpConnection         *self);
void               op_connection_refresh_account   (OpConnection         *self);
void               op_connection_report_error      (OpConnection         *self,
                                                    const GError         *error);

G_END_DECLS
