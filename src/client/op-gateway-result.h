/* op-gateway-result.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "op-gateway-error.h"
#include "op-request.h"

G_BEGIN_DECLS

/**
 * OpGatewayTiming:
 * @dns: name resolution, in microseconds (0 for an IP address or a reused connection)
 * @connect: TCP connection, in microseconds (0 for a reused connection)
 * @tls: TLS handshake, in microseconds (0 without TLS or for a reused connection)
 * @first_byte: from the start of sending the request to the first byte of the answer
 * @total: from the start of the call to the last byte of the answer
 * @reused_connection: whether an open connection was reused
 *
 * Where the time of one call went, from libsoup's message metrics.
 */
typedef struct
{
  gint64   dns;
  gint64   connect;
  gint64   tls;
  gint64   first_byte;
  gint64   total;
  gboolean reused_connection;
} OpGatewayTiming;

#define OP_TYPE_GATEWAY_RESULT (op_gateway_result_get_type ())

G_DECLARE_FINAL_TYPE (OpGatewayResult, op_gateway_result, OP, GATEWAY_RESULT, GObject)

const char            *op_gateway_result_get_method          (OpGatewayResult *self);
const char            *op_gateway_result_get_url             (OpGatewayResult *self);
const char            *op_gateway_result_get_request_body    (OpGatewayResult *self);
const char            *op_gateway_result_get_string_to_sign  (OpGatewayResult *self);
const char            *op_gateway_result_get_signature       (OpGatewayResult *self);
OpRequest             *op_gateway_result_get_request         (OpGatewayResult *self);
SoupMessageHeaders    *op_gateway_result_get_request_headers (OpGatewayResult *self);

guint                  op_gateway_result_get_status          (OpGatewayResult *self);
const char            *op_gateway_result_get_reason_phrase   (OpGatewayResult *self);
SoupMessageHeaders    *op_gateway_result_get_response_headers (OpGatewayResult *self);
const char            *op_gateway_result_get_content_type    (OpGatewayResult *self);
GBytes                *op_gateway_result_get_body            (OpGatewayResult *self);
GFile                 *op_gateway_result_get_body_file       (OpGatewayResult *self);
goffset                op_gateway_result_get_body_size       (OpGatewayResult *self);

const OpGatewayTiming *op_gateway_result_get_timing          (OpGatewayResult *self);

const OpGatewayError  *op_gateway_result_get_error           (OpGatewayResult *self);
const GError          *op_gateway_result_get_body_error      (OpGatewayResult *self);
gboolean               op_gateway_result_is_success          (OpGatewayResult *self);
char                  *op_gateway_result_describe_error      (OpGatewayResult *self);

G_END_DECLS
