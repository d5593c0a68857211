/* op-gateway-result-private.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-gateway-result.h"

G_BEGIN_DECLS

/* Filled in by OpGatewayClient, read-only for everyone else. */
struct _OpGatewayResult
{
  GObject             parent_instance;

  /* The request as sent, for display: secrets masked. */
  char               *method;
  char               *url;
  char               *request_body;
  char               *string_to_sign;
  char               *signature;
  OpRequest          *request;
  SoupMessageHeaders *request_headers;

  /* The answer. */
  guint               status;
  char               *reason_phrase;
  SoupMessageHeaders *response_headers;
  GBytes             *body;
  GFile              *body_file;
  goffset             body_size;

  OpGatewayTiming     timing;

  OpGatewayError     *error;
  GError             *body_error;
};

OpGatewayResult *_op_gateway_result_new        (void);
void             _op_gateway_result_take_body  (OpGatewayResult *self,
                                                GBytes          *body);
void             _op_gateway_result_parse_body (OpGatewayResult *self);

G_END_DECLS
