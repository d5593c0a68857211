/* op-endpoints.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-endpoints"

#include "config.h"

#include "op-endpoints.h"

/**
 * op_endpoints_gateway_url:
 * @kind: which gateway the user chose in Preferences
 * @platform_url: the platform service's base URL, for the sandbox gateway
 *
 * The sandbox serves its gateway under `/openapi` of the platform service,
 * with the same paths as the real gateway, so only the base differs.
 *
 * Returns: (transfer full): the gateway base URL, without a trailing slash
 */
char *
op_endpoints_gateway_url (OpGatewayKind  kind,
                          const char    *platform_url)
{
  g_autofree char *base = NULL;

  if (kind == OP_GATEWAY_PRODUCTION)
    return g_strdup (OP_PRODUCTION_GATEWAY_URL);

  g_return_val_if_fail (platform_url != NULL, NULL);

  base = g_strdup (platform_url);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  return g_strconcat (base, "/openapi", NULL);
}
