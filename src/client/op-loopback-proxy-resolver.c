/* op-loopback-proxy-resolver.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-loopback-proxy-resolver"

#include "config.h"

#include "op-loopback-proxy-resolver.h"

/**
 * OpLoopbackProxyResolver:
 *
 * A #GProxyResolver for the application's #SoupSession: connections to the loopback
 * (`127.0.0.0/8`, `::1`, `localhost`: the built-in sandbox and the OAuth redirect) go
 * direct at once, and every other URI is asked of the fallback resolver (the system's,
 * by default).
 *
 * The system's proxy settings already leave the loopback out (GNOME's default ignore
 * list is `localhost, 127.0.0.0/8, ::1`), so the answer is the same; but the system
 * resolver (libproxy on many systems) gives it from a worker thread, which adds a
 * fifth of a millisecond to every new connection to the sandbox.
 */
struct _OpLoopbackProxyResolver
{
  GObject         parent_instance;

  GProxyResolver *fallback;
};

static void proxy_resolver_iface_init (GProxyResolverInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OpLoopbackProxyResolver, op_loopback_proxy_resolver,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_PROXY_RESOLVER,
                                                      proxy_resolver_iface_init))

static char **
direct (void)
{
  char **proxies = g_new0 (char *, 2);

  proxies[0] = g_strdup ("direct://");

  return proxies;
}

static gboolean
op_loopback_proxy_resolver_is_supported (GProxyResolver *resolver)
{
  return TRUE;
}

static char **
op_loopback_proxy_resolver_lookup (GProxyResolver  *resolver,
                                   const char      *uri,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  OpLoopbackProxyResolver *self = OP_LOOPBACK_PROXY_RESOLVER (resolver);

  if (op_loopback_proxy_resolver_is_loopback (uri))
    return direct ();

  return g_proxy_resolver_lookup (self->fallback, uri, cancellable, error);
}

static void
fallback_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char **proxies;

  proxies = g_proxy_resolver_lookup_finish (G_PROXY_RESOLVER (object), result, &error);
  if (proxies == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, proxies, (GDestroyNotify) g_strfreev);
}

static void
op_loopback_proxy_resolver_lookup_async (GProxyResolver      *resolver,
                                         const char          *uri,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  OpLoopbackProxyResolver *self = OP_LOOPBACK_PROXY_RESOLVER (resolver);
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_loopback_proxy_resolver_lookup_async);

  if (op_loopback_proxy_resolver_is_loopback (uri))
    {
      g_task_return_pointer (task, direct (), (GDestroyNotify) g_strfreev);
      return;
    }

  g_proxy_resolver_lookup_async (self->fallback, uri, cancellable, fallback_cb,
                                 g_steal_pointer (&task));
}

static char **
op_loopback_proxy_resolver_lookup_finish (GProxyResolver  *resolver,
                                          GAsyncResult    *result,
                                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, resolver), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
proxy_resolver_iface_init (GProxyResolverInterface *iface)
{
  iface->is_supported = op_loopback_proxy_resolver_is_supported;
  iface->lookup = op_loopback_proxy_resolver_lookup;
  iface->lookup_async = op_loopback_proxy_resolver_lookup_async;
  iface->lookup_finish = op_loopback_proxy_resolver_lookup_finish;
}

static void
op_loopback_proxy_resolver_finalize (GObject *object)
{
  OpLoopbackProxyResolver *self = (OpLoopbackProxyResolver *)object;

  g_clear_object (&self->fallback);

  G_OBJECT_CLASS (op_loopback_proxy_resolver_parent_class)->finalize (object);
}

static void
op_loopback_proxy_resolver_class_init (OpLoopbackProxyResolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_loopback_proxy_resolver_finalize;
}

static void
op_loopback_proxy_resolver_init (OpLoopbackProxyResolver *self)
{
}

/**
 * op_loopback_proxy_resolver_new:
 * @fallback: (nullable): the resolver for other URIs; %NULL for
 *   g_proxy_resolver_get_default()
 *
 * Returns: (transfer full): a resolver to set as the session's `proxy-resolver`
 */
GProxyResolver *
op_loopback_proxy_resolver_new (GProxyResolver *fallback)
{
  OpLoopbackProxyResolver *self;

  g_return_val_if_fail (fallback == NULL || G_IS_PROXY_RESOLVER (fallback), NULL);

  self = g_object_new (OP_TYPE_LOOPBACK_PROXY_RESOLVER, NULL);
  self->fallback = g_object_ref (fallback != NULL ? fallback : g_proxy_resolver_get_default ());

  return G_PROXY_RESOLVER (self);
}

/**
 * op_loopback_proxy_resolver_get_fallback:
 *
 * Returns: (transfer none): the resolver asked about URIs off the loopback
 */
GProxyResolver *
op_loopback_proxy_resolver_get_fallback (OpLoopbackProxyResolver *self)
{
  g_return_val_if_fail (OP_IS_LOOPBACK_PROXY_RESOLVER (self), NULL);

  return self->fallback;
}

/**
 * op_loopback_proxy_resolver_is_loopback:
 * @uri: a URI
 *
 * Returns: %TRUE if the host of @uri is `localhost`, an IPv4 address in `127.0.0.0/8` or
 *   the IPv6 loopback `::1`
 */
gboolean
op_loopback_proxy_resolver_is_loopback (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  g_return_val_if_fail (uri != NULL, FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || (host = g_uri_get_host (parsed)) == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}
