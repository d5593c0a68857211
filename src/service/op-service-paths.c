/* op-service-paths.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-service-paths"

#include "config.h"

#include "op-service-paths.h"

/**
 * op_service_default_db_path:
 *
 * Where the platform service keeps its database when no `--db` is given:
 * `$XDG_DATA_HOME/open1688/sandbox.db`, the same for the standalone service
 * and the one embedded in the desktop app.
 *
 * Returns: (transfer full): the path
 */
char *
op_service_default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "sandbox.db", NULL);
}
