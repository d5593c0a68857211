/* op-service.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-service"

#include "config.h"

#include "op-service.h"
#include "op-idle-reaper.h"

#include <netinet/in.h>
#include <string.h>

#include "op-cashier.h"
#include "op-console-routes.h"
#include "op-exchange.h"
#include "op-gateway.h"
#include "op-oauth-server.h"
#include "op-review.h"
#include "op-seed.h"
#include "op-service-private.h"

/* The platform service: one SoupServer (console API, gateway, OAuth,
 * cashier) over one OpStore, plus the automatic reviewer. Everything runs
 * in the thread-default GMainContext of the thread that created it, so the
 * desktop app can run it on a worker thread with its own context. */

#define LISTEN_BACKLOG 512

struct _OpService
{
  GObject           parent_instance;

  OpServiceOptions  options;
  OpStore          *store;
  OpCatalog        *catalog;
  SoupServer       *server;
  OpIdleReaper     *reaper;
  GMainContext     *context;
  GSource          *review_source;
  gint64            review_due;
  char             *base_url;
  guint             port;
  guint             stopped : 1;
};

G_DEFINE_FINAL_TYPE (OpService, op_service, G_TYPE_OBJECT)

static void schedule_reviews (OpService *self);

static void
clear_review_source (OpService *self)
{
  if (self->review_source != NULL)
    {
      g_source_destroy (self->review_source);
      g_clear_pointer (&self->review_source, g_source_unref);
    }
}

static gboolean
review_due_cb (gpointer user_data)
{
  OpService *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint decided;

  g_clear_pointer (&self->review_source, g_source_unref);
  self->review_due = 0;

  if (!op_store_begin (self->store, &error))
    {
      g_warning ("Automatic review: %s", error->message);
      schedule_reviews (self);
      return G_SOURCE_REMOVE;
    }

  decided = op_review_run_due (self->store, now, &error);
  if (decided < 0)
    {
      g_warning ("Automatic review: %s", error->message);
      op_store_rollback (self->store);
    }
  else if (!op_store_commit (self->store, &error))
    g_warning ("Automatic review: %s", error->message);
  else if (decided > 0)
    g_debug ("Automatic review decided %d application(s)", decided);

  schedule_reviews (self);

  return G_SOURCE_REMOVE;
}

/* Arms the timer for the earliest pending review (automatic mode). */
static void
schedule_reviews (OpService *self)
{
  g_autoptr(GError) error = NULL;
  gint64 due;
  gint64 now;
  guint delay_ms;

  if (self->options.review_mode != OP_REVIEW_MODE_AUTO || self->stopped)
    return;

  due = op_review_next_due (self->store, &error);
  if (due == -2)
    {
      g_warning ("Scheduling reviews: %s", error->message);
      return;
    }

  if (due == -1)
    {
      clear_review_source (self);
      return;
    }

  if (self->review_source != NULL && self->review_due <= due)
    return;

  clear_review_source (self);

  now = g_get_real_time () / G_USEC_PER_SEC;
  delay_ms = due > now ? (guint) MIN ((due - now) * 1000, G_MAXUINT / 2) : 0;

  self->review_due = due;
  self->review_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (self->review_source, review_due_cb, self, NULL);
  g_source_set_name (self->review_source, "[op-service] review");
  g_source_attach (self->review_source, self->context);
}

void
_op_service_reviews_changed (OpService *self)
{
  g_return_if_fail (OP_IS_SERVICE (self));

  schedule_reviews (self);
}

const OpServiceOptions *
_op_service_get_options (OpService *self)
{
  g_return_val_if_fail (OP_IS_SERVICE (self), NULL);

  return &self->options;
}

OpCatalog *
_op_service_get_catalog (OpService *self)
{
  g_return_val_if_fail (OP_IS_SERVICE (self), NULL);

  return self->catalog;
}

/**
 * _op_service_request_base_url:
 * @msg: a request
 *
 * Returns: (transfer full): the base URL the client used to reach us
 *   (scheme, host and port of the request), for links in answers
 */
char *
_op_service_request_base_url (SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  int port = g_uri_get_port (uri);
  const char *host = g_uri_get_host (uri);
  gboolean ipv6 = host != NULL && strchr (host, ':') != NULL;

  if (port < 0)
    return g_strdup_printf ("%s://%s%s%s", g_uri_get_scheme (uri),
                            ipv6 ? "[" : "", host, ipv6 ? "]" : "");

  return g_strdup_printf ("%s://%s%s%s:%d", g_uri_get_scheme (uri),
                          ipv6 ? "[" : "", host, ipv6 ? "]" : "", port);
}

void
_op_service_send_html (SoupServerMessage *msg,
                       guint              status,
                       const char        *html)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Content-Language", "zh-CN");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; "
                                "form-action 'self' http: https:; frame-ancestors 'none'");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY,
                                    html, strlen (html));
}

/* --- Body size limit ------------------------------------------------- */

static gboolean
is_gateway_path (SoupServerMessage *msg)
{
  return g_str_has_prefix (g_uri_get_path (soup_server_message_get_uri (msg)), "/openapi/");
}

static void
refuse_large_body (SoupServerMessage *msg)
{
  static const char console_body[] =
    "{\"error\":{\"code\":\"body_too_large\",\"message\":\"The request body is larger than 1 MiB.\"}}";
  static const char gateway_body[] =
    "{\"error_code\":\"413\",\"error_message\":\"Request Entity Too Large\"}";
  const char *body = is_gateway_path (msg) ? gateway_body : console_body;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  /* Stop keeping what is still coming, and close once answered. */
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  soup_message_headers_replace (headers, "Connection", "close");
  soup_server_message_set_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (soup_server_message_get_status (msg) != 0)
    return;

  if (body->length > OP_EXCHANGE_MAX_BODY)
    refuse_large_body (msg);
}

/* Runs when the headers are in: refuses a body announced as too large
 * before reading it, and watches chunked bodies as they come. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);

  if (encoding == SOUP_ENCODING_CONTENT_LENGTH)
    {
      if (soup_message_headers_get_content_length (headers) > OP_EXCHANGE_MAX_BODY)
        refuse_large_body (msg);
      return;
    }

  /* Chunked (or read until the end): count as it comes. */
  if (encoding != SOUP_ENCODING_NONE)
    g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

static void
not_found_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  static const char body[] =
    "{\"error\":{\"code\":\"not_found\",\"message\":\"Not found.\"}}";

  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

/* --- GObject ----------------------------------------------------------- */

static void
op_service_dispose (GObject *object)
{
  OpService *self = (OpService *)object;

  op_service_stop (self);
  g_clear_object (&self->reaper);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (op_service_parent_class)->dispose (object);
}

static void
op_service_finalize (GObject *object)
{
  OpService *self = (OpService *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (op_service_parent_class)->finalize (object);
}

static void
op_service_class_init (OpServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_service_dispose;
  object_class->finalize = op_service_finalize;
}

static void
op_service_init (OpService *self)
{
  op_service_options_init (&self->options);
  self->context = g_main_context_ref_thread_default ();
}

static void
add_handler (OpService          *self,
             const char         *path,
             SoupServerCallback  callback)
{
  soup_server_add_early_handler (self->server, path, early_cb, NULL, NULL);
  soup_server_add_handler (self->server, path, callback, self, NULL);
}

static void
setup_server (OpService *self)
{
  self->server = soup_server_new ("server-header", "open1688-sandbox/" PACKAGE_VERSION " ",
                                  NULL);
  self->reaper = op_idle_reaper_new (self->server);

  add_handler (self, NULL, not_found_cb);
  add_handler (self, OP_CONSOLE_PREFIX, op_console_routes_handle);
  add_handler (self, "/openapi", op_gateway_handle);
  add_handler (self, "/oauth", op_oauth_server_handle_authorize);
  add_handler (self, "/cashier", op_cashier_handle);
}

/* A listening socket with a backlog large enough for many clients that
 * connect at once (GSocket's default of 10 makes the 11th wait for a SYN
 * retransmission, a second later). */
static GSocket *
listening_socket (GSocketAddress  *address,
                  GError         **error)
{
  g_autoptr(GSocket) socket = NULL;
  GSocketFamily family = g_socket_address_get_family (address);

  socket = g_socket_new (family, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, error);
  if (socket == NULL)
    return NULL;

  if (family == G_SOCKET_FAMILY_IPV6 &&
      !g_socket_set_option (socket, IPPROTO_IPV6, IPV6_V6ONLY, TRUE, error))
    return NULL;

  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);

  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;

  return g_steal_pointer (&socket);
}

/* --- Public API --------------------------------------------------------- */

/**
 * op_service_options_init:
 * @options: options to fill
 *
 * Sets the defaults: automatic review after %OP_SERVICE_DEFAULT_REVIEW_DELAY
 * seconds.
 */
void
op_service_options_init (OpServiceOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->review_mode = OP_REVIEW_MODE_AUTO;
  options->review_delay_seconds = OP_SERVICE_DEFAULT_REVIEW_DELAY;
}

/**
 * op_service_new:
 * @db_path: the SQLite database, created and seeded when new
 * @options: (nullable): options, or %NULL for the defaults
 * @error: return location for a #GError
 *
 * Opens the store and prepares the server, in the calling thread's
 * thread-default #GMainContext. Nothing listens until op_service_listen().
 *
 * Returns: (transfer full): the service, or %NULL with @error set
 */
OpService *
op_service_new (const char              *db_path,
                const OpServiceOptions  *options,
                GError                 **error)
{
  g_autoptr(OpService) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_SERVICE, NULL);
  if (options != NULL)
    self->options = *options;

  self->catalog = op_catalog_new_from_resource (error);
  if (self->catalog == NULL)
    return NULL;

  self->store = op_store_open (db_path, error);
  if (self->store == NULL)
    return NULL;

  if (!op_seed_is_done (self->store, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (!op_seed_run (self->store, self->catalog, error))
        return NULL;
    }

  setup_server (self);
  schedule_reviews (self);

  return g_steal_pointer (&self);
}

/**
 * op_service_listen:
 * @self: a #OpService
 * @address: an IP address ("127.0.0.1", "::1", "0.0.0.0" …)
 * @port: a TCP port, or 0 for any free one
 * @error: return location for a #GError
 *
 * Starts serving on @address. Only loopback addresses are safe for a
 * sandbox: the caller warns when it binds another.
 *
 * Returns: %TRUE once listening; op_service_get_base_url() then tells where
 */
gboolean
op_service_listen (OpService   *self,
                   const char  *address,
                   guint        port,
                   GError     **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSList) uris = NULL;
  GUri *uri;

  g_return_val_if_fail (OP_IS_SERVICE (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (port <= 65535, FALSE);
  g_return_val_if_fail (!self->stopped, FALSE);

  socket_address = g_inet_socket_address_new_from_string (address, port);
  if (socket_address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Not an IP address: %s", address);
      return FALSE;
    }

  socket = listening_socket (socket_address, error);
  if (socket == NULL || !soup_server_listen_socket (self->server, socket, 0, error))
    return FALSE;

  uris = soup_server_get_uris (self->server);
  uri = g_slist_last (uris)->data;
  self->port = g_uri_get_port (uri);

  g_clear_pointer (&self->base_url, g_free);
  if (strchr (address, ':') != NULL)
    self->base_url = g_strdup_printf ("http://[%s]:%u", address, self->port);
  else
    self->base_url = g_strdup_printf ("http://%s:%u", address, self->port);

  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  return TRUE;
}

/**
 * op_service_get_base_url:
 * @self: a #OpService
 *
 * Returns: (nullable): the URL of the service, e.g. `http://127.0.0.1:8688`
 *   (no trailing slash), or %NULL before op_service_listen()
 */
const char *
op_service_get_base_url (OpService *self)
{
  g_return_val_if_fail (OP_IS_SERVICE (self), NULL);

  return self->base_url;
}

guint
op_service_get_port (OpService *self)
{
  g_return_val_if_fail (OP_IS_SERVICE (self), 0);

  return self->port;
}

/**
 * op_service_get_store:
 * @self: a #OpService
 *
 * Returns: (transfer none): the store
 */
OpStore *
op_service_get_store (OpService *self)
{
  g_return_val_if_fail (OP_IS_SERVICE (self), NULL);

  return self->store;
}

/**
 * op_service_stop:
 * @self: a #OpService
 *
 * Stops listening, closes every connection, commits the writes already
 * made and stops the reviewer. Safe to call more than once; call it from
 * the service's own thread.
 */
void
op_service_stop (OpService *self)
{
  g_return_if_fail (OP_IS_SERVICE (self));

  if (self->stopped)
    return;

  self->stopped = TRUE;
  clear_review_source (self);

  if (self->store != NULL)
    op_store_flush_batch (self->store);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
}
