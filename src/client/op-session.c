/* op-session.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-session"

#include "config.h"

#include <gio/gunixconnection.h>
#include <gio/gunixsocketaddress.h>

#include "op-loopback-proxy-resolver.h"
#include "op-session.h"

/* GLib 2.74 can deadlock at start-up: the default proxy resolver starts
 * dconf's worker thread, which connects to D-Bus and registers GIO's socket
 * types while SoupSession's class_init, on the calling thread, asks for the
 * same types (seen in 4 of 200 starts of open1688-cli). Registering them
 * first leaves nothing to race for. */
static void
ensure_types (void)
{
  g_type_ensure (G_TYPE_INET_ADDRESS);
  g_type_ensure (G_TYPE_INET_SOCKET_ADDRESS);
  g_type_ensure (G_TYPE_UNIX_SOCKET_ADDRESS);
  g_type_ensure (G_TYPE_PROXY_ADDRESS);
  g_type_ensure (G_TYPE_NETWORK_ADDRESS);
  g_type_ensure (G_TYPE_SOCKET);
  g_type_ensure (G_TYPE_SOCKET_CLIENT);
  g_type_ensure (G_TYPE_SOCKET_CONNECTION);
  g_type_ensure (G_TYPE_TCP_CONNECTION);
  g_type_ensure (G_TYPE_UNIX_CONNECTION);
  g_type_ensure (G_TYPE_DBUS_CONNECTION);
  g_type_ensure (G_TYPE_DBUS_MESSAGE);
  g_type_ensure (G_TYPE_CREDENTIALS);
  g_type_class_unref (g_type_class_ref (SOUP_TYPE_SESSION));
}

/**
 * op_session_new:
 * @user_agent: (nullable): the User-Agent to send
 *
 * The one HTTP session of a program (the app or the CLI): loopback
 * addresses (the built-in sandbox, the OAuth redirect) skip the system
 * proxy lookup, everything else follows the system's proxy settings.
 *
 * Returns: (transfer full): a new session
 */
SoupSession *
op_session_new (const char *user_agent)
{
  g_autoptr(GProxyResolver) resolver = NULL;

  ensure_types ();
  resolver = op_loopback_proxy_resolver_new (NULL);

  return g_object_new (SOUP_TYPE_SESSION,
                       "proxy-resolver", resolver,
                       "user-agent", user_agent,
                       NULL);
}
