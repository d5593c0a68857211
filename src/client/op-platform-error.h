/* op-platform-error.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OP_PLATFORM_ERROR (op_platform_error_quark ())

/**
 * OpPlatformError:
 * @OP_PLATFORM_ERROR_NETWORK: the platform cannot be reached (refused, no route, no such host)
 * @OP_PLATFORM_ERROR_TIMEOUT: the platform did not answer in time
 * @OP_PLATFORM_ERROR_SESSION_EXPIRED: 401: no session, or it expired or was signed out;
 *   the user must sign in again
 * @OP_PLATFORM_ERROR_WRONG_CREDENTIALS: 401 when signing in: wrong account name or password
 * @OP_PLATFORM_ERROR_VALIDATION: 400: some fields are not valid; op_platform_error_get_fields()
 *   gives the reason for each
 * @OP_PLATFORM_ERROR_WRONG_ROLE: 403: the account may not do this (a role, a qualification,
 *   onboarding or real-name verification is missing; op_platform_error_get_server_code() says
 *   which)
 * @OP_PLATFORM_ERROR_NOT_FOUND: 404: no such thing in this account
 * @OP_PLATFORM_ERROR_CONFLICT: 409: not possible in the current state
 * @OP_PLATFORM_ERROR_TOO_LARGE: 413: the request is too large (an attachment)
 * @OP_PLATFORM_ERROR_RATE_LIMITED: 429: too many requests; op_platform_error_get_retry_after()
 *   says how long to wait
 * @OP_PLATFORM_ERROR_SERVER: 5xx, any other status, or an answer this client cannot read
 *
 * Errors of the platform client. This is an extended error domain: besides the
 * code and a translated message that says what to do next, each error keeps the
 * platform's own error code, the HTTP status and, for validation errors, the
 * reason given for each field, so that a form can show each under its field.
 * When the platform explains the problem (it answers in the language the client
 * asked for), the message is that explanation with a short lead-in.
 */
typedef enum
{
  OP_PLATFORM_ERROR_NETWORK,
  OP_PLATFORM_ERROR_TIMEOUT,
  OP_PLATFORM_ERROR_SESSION_EXPIRED,
  OP_PLATFORM_ERROR_WRONG_CREDENTIALS,
  OP_PLATFORM_ERROR_VALIDATION,
  OP_PLATFORM_ERROR_WRONG_ROLE,
  OP_PLATFORM_ERROR_NOT_FOUND,
  OP_PLATFORM_ERROR_CONFLICT,
  OP_PLATFORM_ERROR_TOO_LARGE,
  OP_PLATFORM_ERROR_RATE_LIMITED,
  OP_PLATFORM_ERROR_SERVER,
} OpPlatformError;

GQuark      op_platform_error_quark           (void);
GError     *op_platform_error_new_validation  (const char   *message,
                                               GHashTable   *fields);
GHashTable *op_platform_error_get_fields      (const GError *error);
const char *op_platform_error_get_field       (const GError *error,
                                               const char   *field);
const char *op_platform_error_get_server_code (const GError *error);
guint       op_platform_error_get_http_status (const GError *error);
guint       op_platform_error_get_retry_after (const GError *error);

G_END_DECLS
