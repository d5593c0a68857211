/* op-endpoints.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-endpoints"

#include "config.h"

#include "op-endpoints.h"

#include <string.h>

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

/**
 * op_endpoints_auth_url:
 * @kind: which gateway the user chose in Preferences
 * @platform_url: the platform service's base URL, for the sandbox
 *
 * The authorization server whose `/oauth/authorize` page a member opens to authorize an
 * app: the platform service itself for the sandbox, %OP_PRODUCTION_AUTH_URL for the
 * real 1688.
 *
 * Returns: (transfer full): the base URL, without a trailing slash
 */
char *
op_endpoints_auth_url (OpGatewayKind  kind,
                       const char    *platform_url)
{
  char *base;

  if (kind == OP_GATEWAY_PRODUCTION)
    return g_strdup (OP_PRODUCTION_AUTH_URL);

  g_return_val_if_fail (platform_url != NULL, NULL);

  base = g_strdup (platform_url);
  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  return base;
}

/**
 * op_endpoints_builtin_platform_id:
 * @db_path: the built-in sandbox's database
 *
 * The built-in sandbox listens on a new port at every start, so its
 * address cannot tell the keyring which platform a secret belongs to; this
 * name, made from its database, stays the same across restarts and never
 * matches another platform's address.
 *
 * Returns: (transfer full): the name to use as the keyring's `platform`
 */
char *
op_endpoints_builtin_platform_id (const char *db_path)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  uri = g_filename_to_uri (db_path, NULL, NULL);
  return g_strconcat (OP_ENDPOINTS_BUILTIN_PLATFORM_PREFIX, uri != NULL ? uri : db_path, NULL);
}
