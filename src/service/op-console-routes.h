/* op-console-routes.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "op-service.h"

G_BEGIN_DECLS

/* The console API lives under this path. */
#define OP_CONSOLE_PREFIX "/api/v1"

void op_console_routes_handle (SoupServer        *server,
                               SoupServerMessage *msg,
                               const char        *path,
                               GHashTable        *query,
                               gpointer           user_data);

G_END_DECLS
