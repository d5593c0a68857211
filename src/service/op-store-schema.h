/* op-store-schema.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The migrations, in order: _op_store_migrations[i] brings a database from
 * schema version i to i + 1 (PRAGMA user_version). Never edit one that has
 * shipped; append a new one instead. */
extern const char * const _op_store_migrations[];
extern const guint _op_store_n_migrations;

G_END_DECLS
