/* op-gateway-client.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "op-gateway-result.h"
#include "op-request.h"

G_BEGIN_DECLS

/* A body larger than this is written to a temporary file instead of memory. */
#define OP_GATEWAY_CLIENT_DEFAULT_MEMORY_LIMIT (8 * 1024 * 1024)

/**
 * OpGatewayCallFlags:
 * @OP_GATEWAY_CALL_NONE: POST the form, with `_aop_timestamp`
 * @OP_GATEWAY_CALL_GET: send the parameters in the URL of a GET instead
 * @OP_GATEWAY_CALL_NO_TIMESTAMP: do not add `_aop_timestamp`
 * @OP_GATEWAY_CALL_IDEMPOTENT: the API only reads, so a POST may reuse a kept-alive
 *   connection (libsoup then re-sends it should that connection turn out closed); without
 *   it, each POST opens a new connection
 */
typedef enum
{
  OP_GATEWAY_CALL_NONE         = 0,
  OP_GATEWAY_CALL_GET          = 1 << 0,
  OP_GATEWAY_CALL_NO_TIMESTAMP = 1 << 1,
  OP_GATEWAY_CALL_IDEMPOTENT   = 1 << 2,
} OpGatewayCallFlags;

/**
 * OpGatewayProgressFunc:
 * @received: bytes of the body received so far
 * @total: the size of the body, or -1 when the server did not say
 * @user_data: the data given with the function
 *
 * Called in the thread-default main context of the call each time a part of the answer
 * arrives.
 */
typedef void (*OpGatewayProgressFunc) (goffset  received,
                                       goffset  total,
                                       gpointer user_data);

#define OP_TYPE_GATEWAY_CLIENT (op_gateway_client_get_type ())

G_DECLARE_FINAL_TYPE (OpGatewayClient, op_gateway_client, OP, GATEWAY_CLIENT, GObject)

OpGatewayClient *op_gateway_client_new              (SoupSession            *session,
                                                     const char             *gateway_url);
SoupSession     *op_gateway_client_get_session      (OpGatewayClient        *self);
const char      *op_gateway_client_get_gateway_url  (OpGatewayClient        *self);
void             op_gateway_client_set_gateway_url  (OpGatewayClient        *self,
                                                     const char             *gateway_url);
gsize            op_gateway_client_get_memory_limit (OpGatewayClient        *self);
void             op_gateway_client_set_memory_limit (OpGatewayClient        *self,
                                                     gsize                   memory_limit);

void             op_gateway_client_call_async       (OpGatewayClient        *self,
                                                     OpRequest              *request,
                                                     const char             *app_secret,
                                                     const char             *access_token,
                                                     OpGatewayCallFlags      flags,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
void             op_gateway_client_call_full_async  (OpGatewayClient        *self,
                                                     OpRequest              *request,
                                                     const char             *app_secret,
                                                     const char             *access_token,
                                                     OpGatewayCallFlags      flags,
                                                     OpGatewayProgressFunc   progress,
                                                     gpointer                progress_data,
                                                     GDestroyNotify          progress_destroy,
                                                     GCancellable           *cancellable,
                                                     GAsyncReadyCallback     callback,
                                                     gpointer                user_data);
OpGatewayResult *op_gateway_client_call_finish      (OpGatewayClient        *self,
                                                     GAsyncResult           *result,
                                                     GError                **error);

char            *op_gateway_client_mask_value       (const char             *value);

G_END_DECLS
