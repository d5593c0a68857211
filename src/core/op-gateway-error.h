/* op-gateway-error.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * OpGatewayErrorInfo:
 * @code: the code as the gateway sends it ("gw.SignatureInvalid"), or "401"
 *   for the HTTP 401 answer "Request need user authorized"
 * @http_status: the HTTP status the gateway answers with
 * @summary: a short title, untranslated: use op_gateway_error_info_get_summary()
 * @explanation: what went wrong, untranslated: use op_gateway_error_info_get_explanation()
 * @fix: what to do about it, untranslated: use op_gateway_error_info_get_fix()
 *
 * One entry of the gateway error table of protocol.md. The entries are
 * static: never free them. The strings are marked with N_() and are English;
 * the getters translate them.
 */
typedef struct
{
  const char *code;
  guint       http_status;
  const char *summary;
  const char *explanation;
  const char *fix;
} OpGatewayErrorInfo;

/**
 * OpGatewayErrorKind:
 * @OP_GATEWAY_ERROR_KIND_NONE: the body is a normal answer (no error)
 * @OP_GATEWAY_ERROR_KIND_GATEWAY: the gateway refused the request
 *   (non-2xx with `error_code`, a "gw.*" code on 200, or any HTTP 401)
 * @OP_GATEWAY_ERROR_KIND_BUSINESS: the API ran and reported a failure
 *   (HTTP 200 with `success: false` or an error code)
 * @OP_GATEWAY_ERROR_KIND_HTTP: a non-2xx answer without an error code
 *   (a proxy page, a 5xx with an empty body, …)
 */
typedef enum
{
  OP_GATEWAY_ERROR_KIND_NONE,
  OP_GATEWAY_ERROR_KIND_GATEWAY,
  OP_GATEWAY_ERROR_KIND_BUSINESS,
  OP_GATEWAY_ERROR_KIND_HTTP,
} OpGatewayErrorKind;

#define OP_GATEWAY_BODY_ERROR (op_gateway_body_error_quark ())

/**
 * OpGatewayBodyError:
 * @OP_GATEWAY_BODY_ERROR_EMPTY: a 2xx answer had no body
 * @OP_GATEWAY_BODY_ERROR_MALFORMED: a 2xx answer was not JSON (or nested too deeply)
 *
 * Errors of op_gateway_error_parse_body(): the answer itself could not be
 * read. This is not an error of the gateway, which answered "OK".
 */
typedef enum
{
  OP_GATEWAY_BODY_ERROR_EMPTY,
  OP_GATEWAY_BODY_ERROR_MALFORMED,
} OpGatewayBodyError;

/**
 * OpGatewayError:
 *
 * The error (or absence of error) found in one gateway answer: an opaque,
 * immutable boxed struct (%OP_TYPE_GATEWAY_ERROR), read with the getters.
 */
typedef struct _OpGatewayError OpGatewayError;

#define OP_TYPE_GATEWAY_ERROR (op_gateway_error_get_type ())

GQuark                    op_gateway_body_error_quark           (void);
GType                     op_gateway_error_get_type             (void) G_GNUC_CONST;

const OpGatewayErrorInfo *op_gateway_error_lookup               (const char               *code);
const OpGatewayErrorInfo *op_gateway_error_list                 (guint                    *n_infos);
const char               *op_gateway_error_info_get_summary     (const OpGatewayErrorInfo *info);
const char               *op_gateway_error_info_get_explanation (const OpGatewayErrorInfo *info);
const char               *op_gateway_error_info_get_fix         (const OpGatewayErrorInfo *info);

OpGatewayError           *op_gateway_error_parse_body           (guint                     http_status,
                                                                 const char               *body,
                                                                 gssize                    length,
                                                                 GError                  **error);
OpGatewayError           *op_gateway_error_copy                 (const OpGatewayError     *self);
void                      op_gateway_error_free                 (OpGatewayError           *self);

gboolean                  op_gateway_error_is_error             (const OpGatewayError     *self);
OpGatewayErrorKind        op_gateway_error_get_kind             (const OpGatewayError     *self);
guint                     op_gateway_error_get_http_status      (const OpGatewayError     *self);
const char               *op_gateway_error_get_code             (const OpGatewayError     *self);
const char               *op_gateway_error_get_message          (const OpGatewayError     *self);
const char               *op_gateway_error_get_exception        (const OpGatewayError     *self);
const char               *op_gateway_error_get_request_id       (const OpGatewayError     *self);
const OpGatewayErrorInfo *op_gateway_error_get_info             (const OpGatewayError     *self);
char                     *op_gateway_error_describe             (const OpGatewayError     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpGatewayError, op_gateway_error_free)

G_END_DECLS
