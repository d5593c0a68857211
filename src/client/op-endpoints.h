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

typedef enum
{
  OP_GATEWAY_SANDBOX,
  OP_GATEWAY_PRODUCTION,
} OpGatewayKind;

char *op_endpoints_gateway_url (OpGatewayKind  kind,
                                const char    *platform_url);

G_END_DECLS
