/* op-oauth.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "op-request.h"

G_BEGIN_DECLS

/* The `site` of the authorize URL. */
#define OP_OAUTH_SITE            "1688"
/* The namespace and names of the token APIs. */
#define OP_OAUTH_NAMESPACE       "system.oauth2"
#define OP_OAUTH_GET_TOKEN       "getToken"
#define OP_OAUTH_POSTPONE_TOKEN  "postponeToken"
/* The protocol segment of getToken (HTTPS, unsigned). */
#define OP_OAUTH_TOKEN_PROTOCOL  "http"

char      *op_oauth_authorize_url              (const char *auth_base,
                                                const char *app_key,
                                                const char *redirect_uri,
                                                const char *state);

OpRequest *op_oauth_authorization_code_request (const char *app_key,
                                                const char *app_secret,
                                                const char *redirect_uri,
                                                const char *code);
OpRequest *op_oauth_refresh_token_request      (const char *app_key,
                                                const char *app_secret,
                                                const char *refresh_token);
OpRequest *op_oauth_postpone_token_request     (const char *app_key,
                                                const char *app_secret,
                                                const char *refresh_token,
                                                const char *access_token);

char      *op_oauth_authorization_code_body    (const char *app_key,
                                                const char *app_secret,
                                                const char *redirect_uri,
                                                const char *code);
char      *op_oauth_refresh_token_body         (const char *app_key,
                                                const char *app_secret,
                                                const char *refresh_token);
char      *op_oauth_postpone_token_body        (const char *app_key,
                                                const char *app_secret,
                                                const char *refresh_token,
                                                const char *access_token);

G_END_DECLS
