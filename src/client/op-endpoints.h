/* op-endpoints.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The real 1688 API gateway (protocol.md). */
#define OP_PRODUCTION_GATEWAY_URL "https://gw.open.1688.com/openapi"
/* The real 1688 authorization server (protocol.md, OAuth 2.0). */
#define OP_PRODUCTION_AUTH_URL "https://auth.1688.com"
/* How op_endpoints_builtin_platform_id() names the built-in sandbox. */
#define OP_ENDPOINTS_BUILTIN_PLATFORM_PREFIX "builtin-sandbox:"

typedef enum
{
  OP_GATEWAY_SANDBOX,
  OP_GATEWAY_PRODUCTION,
} OpGatewayKind;

char *op_endpoints_gateway_url         (OpGatewayKind  kind,
                                        const char    *platform_url);
char *op_endpoints_builtin_platform_id (const char    *db_path);
char *op_endpoints_auth_url    (OpGatewayKind  kind,
                                const char    *platform_url);

G_END_DECLS
