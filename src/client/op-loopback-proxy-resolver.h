/* op-loopback-proxy-resolver.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OP_TYPE_LOOPBACK_PROXY_RESOLVER (op_loopback_proxy_resolver_get_type ())

G_DECLARE_FINAL_TYPE (OpLoopbackProxyResolver, op_loopback_proxy_resolver, OP, LOOPBACK_PROXY_RESOLVER, GObject)

GProxyResolver *op_loopback_proxy_resolver_new          (GProxyResolver *fallback);
GProxyResolver *op_loopback_proxy_resolver_get_fallback (OpLoopbackProxyResolver *self);
gboolean        op_loopback_proxy_resolver_is_loopback  (const char     *uri);

G_END_DECLS
