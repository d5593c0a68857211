/* op-idle-reaper.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-idle-reaper"

#include "config.h"

#include <errno.h>
#include <sys/socket.h>

#include "op-idle-reaper.h"

/* libsoup 3.2 (Debian 12) never closes a kept-alive connection that the
 * client closes while it is idle between two requests: its socket stays in
 * CLOSE_WAIT and its descriptor is lost, until the process runs out of them
 * (fixed upstream in libsoup 3.3.0, commit d20c6601). Clients that close
 * after each answer, as libsoup's own client does for POST, hit it at every
 * call.
 *
 * The work-around: after each answer, watch the connection's socket at a
 * priority below libsoup's own sources, so that libsoup always reads first.
 * When the next request starts, the watch goes. When the socket is at end
 * of file instead, libsoup has already given the connection up, and the
 * socket is closed here.
 */

struct _OpIdleReaper
{
  GObject     parent_instance;

  SoupServer *server;
  GHashTable *watches; /* GSocket → GSource */
  guint       n_reaped;
};

G_DEFINE_FINAL_TYPE (OpIdleReaper, op_idle_reaper, G_TYPE_OBJECT)

static void
op_idle_reaper_unwatch (OpIdleReaper *self,
                        GSocket      *socket)
{
  GSource *source = g_hash_table_lookup (self->watches, socket);

  if (source == NULL)
    return;

  g_source_destroy (source);
  g_hash_table_remove (self->watches, socket);
}

/* TRUE when the peer has closed: a peek reads nothing, or fails for good. */
static gboolean
peer_has_closed (GSocket *socket)
{
  char byte;
  gssize n;

  if (g_socket_is_closed (socket))
    return FALSE;

  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0)
    return TRUE;

  return n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
}

static gboolean
socket_ready_cb (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  OpIdleReaper *self = user_data;
  g_autoptr(GSocket) kept = g_object_ref (socket);

  if ((condition & G_IO_NVAL) == 0 && !peer_has_closed (socket))
    {
      /* A request is arriving: libsoup reads it, and request-started
       * removes this watch. Nothing to read yet: keep watching. */
      if ((condition & G_IO_IN) != 0)
        g_hash_table_remove (self->watches, socket);
      return (condition & G_IO_IN) != 0 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
    }

  g_hash_table_remove (self->watches, socket);
  if (!g_socket_is_closed (socket))
    {
      g_socket_close (socket, NULL);
      self->n_reaped++;
    }

  return G_SOURCE_REMOVE;
}

static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     OpIdleReaper      *self)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  GSource *source;

  if (socket == NULL || g_socket_is_closed (socket) ||
      g_hash_table_contains (self->watches, socket))
    return;

  source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_priority (source, G_PRIORITY_LOW);
  g_source_set_callback (source, G_SOURCE_FUNC (socket_ready_cb), self, NULL);
  g_source_set_static_name (source, "[open1688] idle connection reaper");
  g_source_attach (source, g_main_context_get_thread_default ());
  g_hash_table_insert (self->watches, g_object_ref (socket), source);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    OpIdleReaper      *self)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL)
    op_idle_reaper_unwatch (self, socket);
}

static void
destroy_source (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

static void
op_idle_reaper_dispose (GObject *object)
{
  OpIdleReaper *self = (OpIdleReaper *)object;

  if (self->server != NULL)
    g_signal_handlers_disconnect_by_data (self->server, self);
  g_hash_table_remove_all (self->watches);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (op_idle_reaper_parent_class)->dispose (object);
}

static void
op_idle_reaper_finalize (GObject *object)
{
  OpIdleReaper *self = (OpIdleReaper *)object;

  g_clear_pointer (&self->watches, g_hash_table_unref);

  G_OBJECT_CLASS (op_idle_reaper_parent_class)->finalize (object);
}

static void
op_idle_reaper_class_init (OpIdleReaperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_idle_reaper_dispose;
  object_class->finalize = op_idle_reaper_finalize;
}

static void
op_idle_reaper_init (OpIdleReaper *self)
{
  self->watches = g_hash_table_new_full (NULL, NULL, g_object_unref, destroy_source);
}

/**
 * op_idle_reaper_new:
 * @server: the server whose idle connections to watch, in the calling
 *   thread's default main context
 */
OpIdleReaper *
op_idle_reaper_new (SoupServer *server)
{
  OpIdleReaper *self;

  g_return_val_if_fail (SOUP_IS_SERVER (server), NULL);

  self = g_object_new (OP_TYPE_IDLE_REAPER, NULL);
  self->server = g_object_ref (server);
  g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (server, "request-finished", G_CALLBACK (request_finished_cb), self);
  g_signal_connect (server, "request-aborted", G_CALLBACK (request_finished_cb), self);

  return self;
}

/* How many idle connections are watched now. */
guint
op_idle_reaper_get_n_watched (OpIdleReaper *self)
{
  g_return_val_if_fail (OP_IS_IDLE_REAPER (self), 0);

  return g_hash_table_size (self->watches);
}

/* How many connections the reaper closed so far. */
guint
op_idle_reaper_get_n_reaped (OpIdleReaper *self)
{
  g_return_val_if_fail (OP_IS_IDLE_REAPER (self), 0);

  return self->n_reaped;
}
