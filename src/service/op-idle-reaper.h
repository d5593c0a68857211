/* op-idle-reaper.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define OP_TYPE_IDLE_REAPER (op_idle_reaper_get_type ())

G_DECLARE_FINAL_TYPE (OpIdleReaper, op_idle_reaper, OP, IDLE_REAPER, GObject)

OpIdleReaper *op_idle_reaper_new           (SoupServer   *server);
guint         op_idle_reaper_get_n_watched (OpIdleReaper *self);
guint         op_idle_reaper_get_n_reaped  (OpIdleReaper *self);

G_END_DECLS
