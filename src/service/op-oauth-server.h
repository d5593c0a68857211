/* op-oauth-server.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "op-service.h"

G_BEGIN_DECLS

/* Lifetimes (protocol.md): the code 2 minutes, the access token 10 hours;
 * the refresh token [ours] 180 days, renewable by postponeToken within its
 * last 30 days. */
#define OP_OAUTH_CODE_LIFETIME          120
#define OP_OAUTH_ACCESS_TOKEN_LIFETIME  36000
#define OP_OAUTH_REFRESH_TOKEN_LIFETIME (180 * 24 * 3600)
#define OP_OAUTH_POSTPONE_WINDOW        (30 * 24 * 3600)

void op_oauth_server_handle_authorize (SoupServer        *server,
                                       SoupServerMessage *msg,
                                       const char        *path,
                                       GHashTable        *query,
                                       gpointer           user_data);
void op_oauth_server_handle_token     (OpService         *service,
                                       SoupServerMessage *msg,
                                       const char        *name,
                                       const char        *app_key,
                                       GHashTable        *params);

G_END_DECLS
