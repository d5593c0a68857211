/* op-oauth-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-oauth-flow"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "op-oauth-flow.h"
#include "op-json.h"
#include "op-gateway-client.h"
#include "op-oauth.h"

#include <string.h>
#include <sys/random.h>

/**
 * OpOAuthFlow:
 *
 * One authorization of an app by a member (protocol.md, "OAuth 2.0"), without GTK:
 *
 * 1. op_oauth_flow_begin() makes an unguessable `state`, opens a listener on
 *    `http://127.0.0.1:PORT/callback` (a free port, in the thread-default main context)
 *    unless a redirect URI was set, and returns the authorize URL. The application opens
 *    it in the system browser (`gtk_show_uri_full()`); the command line prints it.
 * 2. The member authorizes; the browser comes back to the listener with `code` and
 *    `state`. When the redirect cannot reach the desktop (the real platform only redirects
 *    to the app's registered callback domain, set with op_oauth_flow_set_redirect_uri()),
 *    the user pastes the redirected URL, or the bare code, into
 *    op_oauth_flow_submit_pasted().
 * 3. The `state` is checked, and the code is exchanged at once (it is valid two minutes)
 *    at `{gateway}/http/1/system.oauth2/getToken/{appKey}`.
 * 4. op_oauth_flow_wait_finish() gives the #OpToken: keep it with
 *    op_secret_store_store_token_async().
 *
 * #OpOAuthFlow::code-received tells when the code arrived (to bring the window back).
 *
 * op_oauth_refresh_async() renews an access token with its refresh token.
 */
struct _OpOAuthFlow
{
  GObject          parent_instance;

  OpGatewayClient *gateway;
  char            *auth_url;
  char            *app_key;
  char            *app_secret;
  char            *redirect_uri;
  gboolean         custom_redirect;

  char            *state;
  char            *authorize_url;
  SoupServer      *server;
  guint            answering;
  gboolean         stop_requested;

  gboolean         code_received;
  gboolean         done;
  OpToken         *token;
  GError          *error;
  GPtrArray       *waiting;
  GCancellable    *cancellable;
};

enum {
  CODE_RECEIVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OpOAuthFlow, op_oauth_flow, G_TYPE_OBJECT)

G_DEFINE_QUARK (op-oauth-flow-error-quark, op_oauth_flow_error)

static guint signals [N_SIGNALS];

/* The longest code accepted when pasted on its own. */
#define MAX_CODE_LENGTH 512

static char *
random_state (void)
{
  guint8 bytes[16];
  gsize filled = 0;
  GString *state;

  /* getrandom() draws from the kernel's CSPRNG; it only returns less on a signal. */
  while (filled < sizeof bytes)
    {
      ssize_t n = getrandom (bytes + filled, sizeof bytes - filled, 0);

      if (n > 0)
        filled += n;
    }

  state = g_string_sized_new (2 * sizeof bytes);
  for (gsize i = 0; i < sizeof bytes; i++)
    g_string_append_printf (state, "%02x", bytes[i]);

  return g_string_free (state, FALSE);
}

/* The same format as the platform's `refresh_token_timeout`. */
static char *
format_platform_time (GDateTime *time)
{
  g_autofree char *date = g_date_time_format (time, "%Y%m%d%H%M%S");
  g_autofree char *offset = g_date_time_format (time, "%z");

  return g_strdup_printf ("%s%03d%s", date, g_date_time_get_microsecond (time) / 1000, offset);
}

/* Reads the token API's answer. With @previous (a refresh), a refresh token that the
 * answer does not repeat is carried over from it, with its expiry. */
static OpToken *
token_from_result (OpGatewayResult  *result,
                   OpToken          *previous,
                   GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *body = op_gateway_result_get_body (result);
  guint status = op_gateway_result_get_status (result);
  JsonNode *root;
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;

  parser = json_parser_new_immutable ();
  if (data == NULL || !op_json_parser_load (parser, data, length, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        g_set_error (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_REFUSED,
                     /* Translators: %u is an HTTP status such as 502 */
                     _("The platform answered the token request with the HTTP status %u. "
                       "Try again later."), status);
      else
        g_set_error_literal (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_MALFORMED,
                             _("The platform’s token answer is not valid JSON. Try again "
                               "later."));
      return NULL;
    }

  object = json_object_ref (json_node_get_object (root));

  if (previous != NULL && op_token_get_refresh_token (previous) != NULL &&
      !json_object_has_member (object, "refresh_token") &&
      !json_object_has_member (object, "error") &&
      !json_object_has_member (object, "error_code"))
    {
      /* The parser's object is immutable: add to a copy. */
      g_autoptr(JsonNode) copy = json_node_copy (root);
      JsonObject *merged = json_node_get_object (copy);
      GDateTime *expires_at = op_token_get_refresh_token_expires_at (previous);

      json_object_set_string_member (merged, "refresh_token",
                                     op_token_get_refresh_token (previous));
      if (expires_at != NULL && !json_object_has_member (merged, "refresh_token_timeout"))
        {
          g_autofree char *timeout = format_platform_time (expires_at);

          json_object_set_string_member (merged, "refresh_token_timeout", timeout);
        }
      if (!json_object_has_member (merged, "memberId") &&
          op_token_get_member_id (previous) != NULL)
        json_object_set_string_member (merged, "memberId", op_token_get_member_id (previous));
      if (!json_object_has_member (merged, "aliId") && op_token_get_ali_id (previous) != NULL)
        json_object_set_string_member (merged, "aliId", op_token_get_ali_id (previous));
      if (!json_object_has_member (merged, "resource_owner") &&
          !json_object_has_member (merged, "resourceOwner") &&
          op_token_get_resource_owner (previous) != NULL)
        json_object_set_string_member (merged, "resource_owner",
                                       op_token_get_resource_owner (previous));

      g_clear_pointer (&object, json_object_unref);
      object = json_object_ref (merged);
    }

  return op_token_new_from_object (object, NULL, error);
}

static void
disconnect_server (OpOAuthFlow *self)
{
  if (self->server != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->server, self);
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
}

/* Closes the listener, once the pages it is answering with are written (closing it
 * closes their connections too). */
static void
stop_listening (OpOAuthFlow *self)
{
  if (self->answering > 0)
    self->stop_requested = TRUE;
  else
    disconnect_server (self);
}

/* Every request is counted from its start until its answer is written (or it is
 * aborted). */
static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    OpOAuthFlow       *self)
{
  self->answering++;
}

static void
request_done_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 OpOAuthFlow       *self)
{
  if (self->answering > 0)
    self->answering--;

  if (self->answering == 0 && self->stop_requested)
    disconnect_server (self);
}

static void
complete (OpOAuthFlow *self)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->done = TRUE;
  stop_listening (self);

  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *task = g_ptr_array_index (waiting, i);
      GSource *source = g_object_get_data (G_OBJECT (task), "op-cancel-source");

      /* The source holds a reference on the task: it goes now. */
      if (source != NULL)
        g_source_destroy (source);

      if (self->token != NULL)
        g_task_return_pointer (task, g_object_ref (self->token), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (self->error));
    }
}

static void
fail (OpOAuthFlow *self,
      GError      *error)
{
  g_clear_error (&self->error);
  self->error = error;
  complete (self);
}

static void
exchange_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(OpOAuthFlow) self = user_data;
  g_autoptr(OpGatewayResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  OpToken *token;

  answer = op_gateway_client_call_finish (OP_GATEWAY_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, "%s",
                        _("The authorization code could not be exchanged for a token: "));
      fail (self, g_steal_pointer (&error));
      return;
    }

  token = token_from_result (answer, NULL, &error);
  if (token == NULL)
    {
      g_debug ("Token exchange failed (HTTP %u): %s",
               op_gateway_result_get_status (answer), error->message);
      fail (self, g_error_new (OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_EXCHANGE_FAILED,
                               /* Translators: %s explains why, and ends with a full stop */
                               _("The authorization could not be completed. %s"),
                               error->message));
      return;
    }

  g_debug ("Authorization of app %s completed", self->app_key);
  self->token = token;
  complete (self);
}

static void
exchange (OpOAuthFlow *self,
          const char  *code)
{
  g_autoptr(OpRequest) request = NULL;

  g_assert (!self->code_received);

  self->code_received = TRUE;
  stop_listening (self);
  g_signal_emit (self, signals [CODE_RECEIVED], 0);

  request = op_oauth_authorization_code_request (self->app_key, self->app_secret,
                                                 self->redirect_uri, code);
  op_gateway_client_call_async (self->gateway, request, NULL, NULL,
                                OP_GATEWAY_CALL_NO_TIMESTAMP, self->cancellable,
                                exchange_cb, g_object_ref (self));
}

static void
send_page (SoupServerMessage *msg,
           guint              status,
           const char        *title,
           const char        *text)
{
  char *html;
  gsize length;

  html = g_markup_printf_escaped ("<!DOCTYPE html>\n"
                                  "<html><head><meta charset=\"utf-8\">"
                                  "<title>%s</title></head>"
                                  "<body style=\"font-family: sans-serif; margin: 3em\">"
                                  "<h1>%s</h1><p>%s</p></body></html>\n",
                                  title, title, text);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_status (msg, status, NULL);
  length = strlen (html);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    html, length);
}

static void
callback_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  OpOAuthFlow *self = user_data;
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  const char *error = query != NULL ? g_hash_table_lookup (query, "error") : NULL;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_GET) != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  /* A redirect with another state is not the answer to this flow (an old tab, or a page
   * trying to slip its own code in): refuse it and keep waiting for the real one. */
  if (g_strcmp0 (state, self->state) != 0)
    {
      g_debug ("Ignoring a redirect with the wrong state");
      send_page (msg, SOUP_STATUS_BAD_REQUEST, _("Authorization Not Accepted"),
                 _("This page does not belong to the authorization Open 1688 is waiting "
                   "for. Start the authorization again from Open 1688."));
      return;
    }

  if (self->code_received || self->done)
    {
      send_page (msg, SOUP_STATUS_OK, _("Authorization Received"),
                 _("Open 1688 already has this authorization. You can close this page."));
      return;
    }

  if (error != NULL)
    {
      send_page (msg, SOUP_STATUS_OK, _("Authorization Refused"),
                 _("The app was not authorized. You can close this page and return to "
                   "Open 1688."));
      fail (self, g_error_new_literal (OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_DENIED,
                                       _("The app was not authorized: access was refused "
                                         "on the authorization page.")));
      return;
    }

  if (code == NULL || *code == '\0')
    {
      send_page (msg, SOUP_STATUS_BAD_REQUEST, _("Authorization Not Accepted"),
                 _("The platform sent no authorization code. Start the authorization again "
                   "from Open 1688."));
      return;
    }

  send_page (msg, SOUP_STATUS_OK, _("Authorization Complete"),
             _("Open 1688 received the authorization. You can close this page and return "
               "to Open 1688."));
  exchange (self, code);
}

static void
op_oauth_flow_dispose (GObject *object)
{
  OpOAuthFlow *self = (OpOAuthFlow *)object;

  g_cancellable_cancel (self->cancellable);
  disconnect_server (self);
  g_clear_object (&self->gateway);

  G_OBJECT_CLASS (op_oauth_flow_parent_class)->dispose (object);
}

static void
op_oauth_flow_finalize (GObject *object)
{
  OpOAuthFlow *self = (OpOAuthFlow *)object;

  g_free (self->auth_url);
  g_free (self->app_key);
  if (self->app_secret != NULL)
    explicit_bzero (self->app_secret, strlen (self->app_secret));
  g_free (self->app_secret);
  g_free (self->redirect_uri);
  g_free (self->state);
  g_free (self->authorize_url);
  g_clear_object (&self->token);
  g_clear_error (&self->error);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (op_oauth_flow_parent_class)->finalize (object);
}

static void
op_oauth_flow_class_init (OpOAuthFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_oauth_flow_dispose;
  object_class->finalize = op_oauth_flow_finalize;

  /**
   * OpOAuthFlow::code-received:
   * @self: the flow
   *
   * The authorization code arrived (on the loopback listener, or pasted) and is being
   * exchanged: a good moment to bring the application's window back to the front.
   */
  signals [CODE_RECEIVED] =
    g_signal_new ("code-received",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
op_oauth_flow_init (OpOAuthFlow *self)
{
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
}

/**
 * op_oauth_flow_new:
 * @session: (nullable): the application's session
 * @auth_url: the authorization server (op_endpoints_auth_url())
 * @gateway_url: the gateway, for the token API (op_endpoints_gateway_url())
 * @app_key: the app to authorize
 * @app_secret: its AppSecret (sent to the token API as `client_secret`)
 *
 * Returns: (transfer full): a new flow
 */
OpOAuthFlow *
op_oauth_flow_new (SoupSession *session,
                   const char  *auth_url,
                   const char  *gateway_url,
                   const char  *app_key,
                   const char  *app_secret)
{
  OpOAuthFlow *self;

  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (auth_url != NULL, NULL);
  g_return_val_if_fail (gateway_url != NULL, NULL);
  g_return_val_if_fail (app_key != NULL && *app_key != '\0', NULL);
  g_return_val_if_fail (app_secret != NULL, NULL);

  self = g_object_new (OP_TYPE_OAUTH_FLOW, NULL);
  self->gateway = op_gateway_client_new (session, gateway_url);
  self->auth_url = g_strdup (auth_url);
  self->app_key = g_strdup (app_key);
  self->app_secret = g_strdup (app_secret);

  return self;
}

/**
 * op_oauth_flow_set_redirect_uri:
 * @self: a #OpOAuthFlow not begun yet
 * @redirect_uri: (nullable): the app's registered OAuth callback URL, or %NULL for the
 *   loopback listener
 *
 * The real platform only redirects to the callback domain registered for the app, which
 * the desktop cannot listen on: with a redirect URI set, no listener is opened, and the
 * user pastes the redirected URL (op_oauth_flow_submit_pasted()).
 */
void
op_oauth_flow_set_redirect_uri (OpOAuthFlow *self,
                                const char  *redirect_uri)
{
  g_return_if_fail (OP_IS_OAUTH_FLOW (self));
  g_return_if_fail (self->state == NULL);

  g_free (self->redirect_uri);
  self->redirect_uri = g_strdup (redirect_uri);
  self->custom_redirect = redirect_uri != NULL;
}

/**
 * op_oauth_flow_get_redirect_uri:
 *
 * Returns: (nullable): the redirect URI (after op_oauth_flow_begin() for the listener)
 */
const char *
op_oauth_flow_get_redirect_uri (OpOAuthFlow *self)
{
  g_return_val_if_fail (OP_IS_OAUTH_FLOW (self), NULL);

  return self->redirect_uri;
}

/**
 * op_oauth_flow_get_authorize_url:
 *
 * Returns: (nullable): the URL to open in the browser, once begun
 */
const char *
op_oauth_flow_get_authorize_url (OpOAuthFlow *self)
{
  g_return_val_if_fail (OP_IS_OAUTH_FLOW (self), NULL);

  return self->authorize_url;
}

const char *
op_oauth_flow_get_app_key (OpOAuthFlow *self)
{
  g_return_val_if_fail (OP_IS_OAUTH_FLOW (self), NULL);

  return self->app_key;
}

/**
 * op_oauth_flow_begin:
 * @self: a #OpOAuthFlow
 * @error: %OP_OAUTH_FLOW_ERROR_LISTEN_FAILED when no loopback port could be opened
 *
 * Starts the flow (once): makes the state, opens the loopback listener in the
 * thread-default main context (unless a redirect URI was set) and builds the authorize
 * URL for the browser.
 *
 * Returns: (transfer none) (nullable): the authorize URL, or %NULL with @error set
 */
const char *
op_oauth_flow_begin (OpOAuthFlow  *self,
                     GError      **error)
{
  g_return_val_if_fail (OP_IS_OAUTH_FLOW (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->authorize_url != NULL)
    return self->authorize_url;

  if (!self->custom_redirect)
    {
      g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
      g_autoptr(GSocketAddress) address = NULL;
      g_autoptr(GError) local_error = NULL;
      GSList *uris;
      int port;

      soup_server_add_handler (server, OP_OAUTH_FLOW_CALLBACK_PATH, callback_cb, self, NULL);
      g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), self);
      g_signal_connect (server, "request-finished", G_CALLBACK (request_done_cb), self);
      g_signal_connect (server, "request-aborted", G_CALLBACK (request_done_cb), self);

      address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
      if (!soup_server_listen (server, address, 0, &local_error))
        {
          g_debug ("Cannot listen on the loopback: %s", local_error->message);
          g_set_error (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_LISTEN_FAILED,
                       /* Translators: %s is a system error message */
                       _("Open 1688 cannot receive the authorization from the browser (%s). "
                         "Paste the address the browser shows after authorizing instead."),
                       local_error->message);
          return NULL;
        }

      uris = soup_server_get_uris (server);
      port = g_uri_get_port (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

      g_free (self->redirect_uri);
      self->redirect_uri = g_strdup_printf ("http://127.0.0.1:%d" OP_OAUTH_FLOW_CALLBACK_PATH,
                                            port);
      self->server = g_steal_pointer (&server);
    }

  self->state = random_state ();
  self->authorize_url = op_oauth_authorize_url (self->auth_url, self->app_key,
                                                self->redirect_uri, self->state);

  return self->authorize_url;
}

/**
 * op_oauth_flow_submit_pasted:
 * @self: a begun #OpOAuthFlow
 * @url_or_code: what the user pasted: the whole address the browser was redirected to
 *   (its `state` must be this flow's), or the bare code
 * @error: why it is not accepted (%OP_OAUTH_FLOW_ERROR_NO_CODE, _STATE_MISMATCH,
 *   _DENIED, _NOT_STARTED), translated, for the paste field
 *
 * Takes the code from pasted text and exchanges it; op_oauth_flow_wait_finish() gives the
 * outcome.
 *
 * Returns: %TRUE if a code was found and is being exchanged
 */
gboolean
op_oauth_flow_submit_pasted (OpOAuthFlow  *self,
                             const char   *url_or_code,
                             GError      **error)
{
  g_autofree char *text = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (OP_IS_OAUTH_FLOW (self), FALSE);
  g_return_val_if_fail (url_or_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state == NULL || self->done || self->code_received)
    {
      g_set_error_literal (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NOT_STARTED,
                           _("This authorization is not waiting for a code. Start the "
                             "authorization again."));
      return FALSE;
    }

  text = g_strstrip (g_strdup (url_or_code));

  if (strchr (text, '?') != NULL || strchr (text, '=') != NULL || strstr (text, "://") != NULL)
    {
      g_autoptr(GHashTable) params = NULL;
      const char *query = strchr (text, '?');
      char *fragment;
      const char *state;

      query = query != NULL ? query + 1 : text;
      fragment = strchr (query, '#');
      if (fragment != NULL)
        *fragment = '\0';

      params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
      if (params == NULL)
        params = g_hash_table_new (g_str_hash, g_str_equal);

      state = g_hash_table_lookup (params, "state");
      if (g_strcmp0 (state, self->state) != 0)
        {
          g_set_error_literal (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_STATE_MISMATCH,
                               state == NULL
                               ? _("The pasted address has no “state”, so Open 1688 cannot tell "
                                   "that it belongs to this authorization. Paste the whole "
                                   "address from the browser’s address bar.")
                               : _("The pasted address belongs to another authorization. Paste "
                                   "the address of the page that opened after this "
                                   "authorization, or start again."));
          return FALSE;
        }

      if (g_hash_table_contains (params, "error"))
        {
          GError *denied = g_error_new_literal (OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_DENIED,
                                                _("The app was not authorized: access was "
                                                  "refused on the authorization page."));

          g_propagate_error (error, g_error_copy (denied));
          fail (self, denied);
          return FALSE;
        }

      code = g_strdup (g_hash_table_lookup (params, "code"));
    }
  else
    {
      gboolean plausible = *text != '\0' && strlen (text) <= MAX_CODE_LENGTH;

      for (const char *p = text; plausible && *p != '\0'; p++)
        plausible = g_ascii_isgraph (*p);

      if (plausible)
        code = g_strdup (text);
    }

  if (code == NULL || *code == '\0')
    {
      g_set_error_literal (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NO_CODE,
                           _("No authorization code was found in the pasted text. Paste the "
                             "whole address the browser shows after you authorized the app, "
                             "or the code alone."));
      return FALSE;
    }

  exchange (self, code);

  return TRUE;
}

/**
 * op_oauth_flow_cancel:
 * @self: a #OpOAuthFlow
 *
 * Gives up: closes the listener and fails every wait with %G_IO_ERROR_CANCELLED.
 */
void
op_oauth_flow_cancel (OpOAuthFlow *self)
{
  g_return_if_fail (OP_IS_OAUTH_FLOW (self));

  if (self->done)
    return;

  g_cancellable_cancel (self->cancellable);
  if (self->error == NULL && self->token == NULL)
    fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                     _("The authorization was cancelled.")));
}

static gboolean
wait_cancelled_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  GTask *task = user_data;
  OpOAuthFlow *self = g_task_get_source_object (task);

  /* Still waiting: the caller gave up, and so does the flow. */
  if (g_ptr_array_find (self->waiting, task, NULL))
    op_oauth_flow_cancel (self);

  return G_SOURCE_REMOVE;
}

/**
 * op_oauth_flow_wait_async:
 * @self: a begun #OpOAuthFlow
 * @cancellable: (nullable): cancelling it cancels the flow
 * @callback: called with the token, or why there is none
 * @user_data: data for @callback
 *
 * Waits for the code (from the listener or pasted) and its exchange.
 */
void
op_oauth_flow_wait_async (OpOAuthFlow         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OP_IS_OAUTH_FLOW (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_oauth_flow_wait_async);

  if (self->state == NULL)
    {
      g_task_return_new_error (task, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NOT_STARTED,
                               "%s", _("The authorization has not been started."));
      return;
    }

  if (self->done)
    {
      if (self->token != NULL)
        g_task_return_pointer (task, g_object_ref (self->token), g_object_unref);
      else
        g_task_return_error (task, g_error_copy (self->error));
      return;
    }

  if (cancellable != NULL)
    {
      g_autoptr(GSource) source = g_cancellable_source_new (cancellable);

      g_task_attach_source (task, source, G_SOURCE_FUNC (wait_cancelled_cb));
      g_object_set_data_full (G_OBJECT (task), "op-cancel-source", g_source_ref (source),
                              (GDestroyNotify) g_source_unref);
    }

  g_ptr_array_add (self->waiting, g_steal_pointer (&task));
}

/**
 * op_oauth_flow_wait_finish:
 * @self: a #OpOAuthFlow
 * @result: the result given to the callback
 * @error: an %OP_OAUTH_FLOW_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full): the token
 */
OpToken *
op_oauth_flow_wait_finish (OpOAuthFlow   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (OP_IS_OAUTH_FLOW (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpToken *previous = g_task_get_task_data (task);
  g_autoptr(OpGatewayResult) answer = NULL;
  g_autoptr(GError) error = NULL;
  OpToken *token;
  guint status;

  answer = op_gateway_client_call_finish (OP_GATEWAY_CLIENT (object), result, &error);
  if (answer == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, "%s", _("The access token could not be renewed: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = op_gateway_result_get_status (answer);
  token = token_from_result (answer, previous, &error);
  if (token != NULL)
    {
      g_task_return_pointer (task, token, g_object_unref);
      return;
    }

  g_debug ("Refresh failed (HTTP %u): %s", status, error->message);

  /* The platform refusing the refresh token (4xx, or an error answer) means it expired or
   * was revoked: only a new authorization helps. A 5xx is worth trying again later. */
  if ((status >= 400 && status < 500) ||
      (SOUP_STATUS_IS_SUCCESSFUL (status) &&
       g_error_matches (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_REFUSED)))
    g_task_return_new_error (task, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED,
                             "%s",
                             _("The platform no longer accepts this authorization (its refresh "
                               "token has expired or was withdrawn), so the access token cannot "
                               "be renewed. Authorize the app again."));
  else
    g_task_return_new_error (task, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_EXCHANGE_FAILED,
                             /* Translators: %s explains why, and ends with a full stop */
                             _("The access token could not be renewed. %s"), error->message);
}

/**
 * op_oauth_refresh_async:
 * @session: (nullable): the application's session
 * @gateway_url: the gateway, for the token API
 * @app_key: the authorized app
 * @app_secret: its AppSecret
 * @token: the current token, with its refresh token
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new token
 * @user_data: data for @callback
 *
 * Gets a new access token with the refresh token (`grant_type=refresh_token`). The new
 * token keeps the refresh token of @token when the answer does not give a new one.
 *
 * Fails at once, without asking the platform, with %OP_OAUTH_FLOW_ERROR_NO_REFRESH_TOKEN
 * or %OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED when @token cannot be refreshed: the user must
 * authorize again, and the message says so.
 */
void
op_oauth_refresh_async (SoupSession         *session,
                        const char          *gateway_url,
                        const char          *app_key,
                        const char          *app_secret,
                        OpToken             *token,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(OpGatewayClient) gateway = NULL;
  g_autoptr(OpRequest) request = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDateTime *refresh_expires_at;

  g_return_if_fail (session == NULL || SOUP_IS_SESSION (session));
  g_return_if_fail (gateway_url != NULL);
  g_return_if_fail (app_key != NULL && *app_key != '\0');
  g_return_if_fail (app_secret != NULL);
  g_return_if_fail (OP_IS_TOKEN (token));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_oauth_refresh_async);
  g_task_set_task_data (task, g_object_ref (token), g_object_unref);

  if (op_token_get_refresh_token (token) == NULL)
    {
      g_task_return_new_error (task, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NO_REFRESH_TOKEN,
                               "%s",
                               _("The access token has expired and cannot be renewed, because "
                                 "there is no refresh token. Authorize the app again."));
      return;
    }

  now = g_date_time_new_now_utc ();
  refresh_expires_at = op_token_get_refresh_token_expires_at (token);
  if (refresh_expires_at != NULL && g_date_time_compare (now, refresh_expires_at) >= 0)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (refresh_expires_at);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

      g_task_return_new_error (task, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED,
                               /* Translators: %s is a date and time such as 2026-10-14 20:03 */
                               _("The authorization expired on %s (its refresh token is no "
                                 "longer valid). Authorize the app again."), when);
      return;
    }

  gateway = op_gateway_client_new (session, gateway_url);
  request = op_oauth_refresh_token_request (app_key, app_secret,
                                            op_token_get_refresh_token (token));
  op_gateway_client_call_async (gateway, request, NULL, NULL, OP_GATEWAY_CALL_NO_TIMESTAMP,
                                cancellable, refresh_cb, g_steal_pointer (&task));
}

/**
 * op_oauth_refresh_finish:
 * @result: the result given to the callback
 * @error: an %OP_OAUTH_FLOW_ERROR, or why the platform could not be reached
 *
 * Returns: (transfer full): the new token: store it in place of the old one
 */
OpToken *
op_oauth_refresh_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == op_oauth_refresh_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
