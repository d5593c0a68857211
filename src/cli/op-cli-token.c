/* op-cli-token.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "open1688-cli"

#include "config.h"

#include "op-cli-commands.h"

#include "op-oauth-flow.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/*
 * open1688-cli token authorize --app-key K [--redirect-port N | --redirect-uri URI]
 * open1688-cli token refresh --app-key K
 *
 * authorize prints the authorize URL (the first line of standard output; the command
 * opens no browser), then waits for whichever comes first: the browser coming back to the
 * loopback listener (a free port, or --redirect-port), or the redirected address (or the
 * bare code) pasted on standard input. The code is exchanged at once (OpOAuthFlow checks
 * the state) and the tokens go to the keyring (kind access-token and refresh-token, the
 * member as account), where `call` finds them. --redirect-uri is for the real platform,
 * which only redirects to the app's registered callback address: then nothing listens,
 * and the address is pasted.
 *
 * refresh renews the access token with the refresh token and keeps the new one.
 */

/* Reads pasted lines from standard input until a code is accepted. */
typedef struct
{
  OpOAuthFlow      *flow;
  GDataInputStream *input;
  GCancellable     *cancellable;
  gboolean          reading;
} Paste;

/* Forwards the browser's redirect to the flow when listening on --redirect-port (the flow
 * opens its own listener only on a free port). */
typedef struct
{
  OpOAuthFlow *flow;
  SoupServer  *server;
  guint        answering;
} Listener;

static void read_next_line (Paste *paste);

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Paste *paste = user_data;
  g_autoptr(GError) error = NULL;
  char *line;
  gsize length = 0;
  gboolean accepted = FALSE;

  line = g_data_input_stream_read_line_finish (G_DATA_INPUT_STREAM (object), result, &length,
                                               &error);
  if (line == NULL)
    {
      /* End of input (nothing more will be pasted), or stopped: the listener may still get
       * the code. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Standard input: %s", error->message);
      paste->reading = FALSE;
      return;
    }

  if (!g_utf8_validate (line, length, NULL))
    {
      fprintf (stderr, "%s\n", _("The pasted text is not valid UTF-8 text."));
    }
  else
    {
      g_strstrip (line);
      if (*line != '\0')
        {
          accepted = op_oauth_flow_submit_pasted (paste->flow, line, &error);
          if (!accepted)
            fprintf (stderr, "%s\n", error->message);
          if (g_error_matches (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_DENIED) ||
              g_error_matches (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NOT_STARTED))
            accepted = TRUE;
        }
    }

  op_cli_wipe (line, length);
  g_free (line);

  if (accepted)
    paste->reading = FALSE;
  else
    read_next_line (paste);
}

static void
read_next_line (Paste *paste)
{
  paste->reading = TRUE;
  g_data_input_stream_read_line_async (paste->input, G_PRIORITY_DEFAULT, paste->cancellable,
                                       read_line_cb, paste);
}

static void
send_page (SoupServerMessage *msg,
           guint              status,
           const char        *title,
           const char        *text)
{
  char *html;

  html = g_markup_printf_escaped ("<!DOCTYPE html>\n"
                                  "<html><head><meta charset=\"utf-8\"><title>%s</title></head>"
                                  "<body style=\"font-family: sans-serif; margin: 3em\">"
                                  "<h1>%s</h1><p>%s</p></body></html>\n",
                                  title, title, text);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    html, strlen (html));
}

static void
callback_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Listener *listener = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  if (!g_str_equal (soup_server_message_get_method (msg), SOUP_METHOD_GET))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      return;
    }

  address = g_uri_to_string (soup_server_message_get_uri (msg));
  if (op_oauth_flow_submit_pasted (listener->flow, address, &error))
    send_page (msg, SOUP_STATUS_OK, _("Authorization Received"),
               _("open1688-cli received the authorization. You can close this page and "
                 "return to the terminal."));
  else if (g_error_matches (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_DENIED))
    send_page (msg, SOUP_STATUS_OK, _("Authorization Refused"),
               _("The app was not authorized. You can close this page and return to the "
                 "terminal."));
  else
    send_page (msg, SOUP_STATUS_BAD_REQUEST, _("Authorization Not Accepted"), error->message);
}

/* Requests are counted from their start until their page is written (or they are
 * aborted), so that the listener is not closed under a browser still being answered. */
static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  Listener *listener = user_data;

  listener->answering++;
}

static void
request_done_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  Listener *listener = user_data;

  if (listener->answering > 0)
    listener->answering--;
}

static void
listener_stop (Listener *listener)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (listener->server == NULL)
    return;

  while (listener->answering > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  g_signal_handlers_disconnect_by_data (listener->server, listener);
  soup_server_disconnect (listener->server);
  g_clear_object (&listener->server);
}

/* Looks up the app's AppSecret, for the token API. */
static char *
lookup_app_secret (OpCliContext  *context,
                   const char    *app_key,
                   char         **message)
{
  OpSecretStore *store = op_cli_context_get_secret_store (context);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  op_secret_store_lookup_async (store, OP_SECRET_KIND_APP_SECRET,
                                op_cli_context_get_secret_platform (context), app_key, NULL,
                                op_cli_context_get_cancellable (context),
                                op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);
  secret = op_secret_store_lookup_finish (store, result, &error);

  if (secret == NULL && g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
    {
      g_autofree char *place = op_cli_context_describe_gateway (context);
      g_autofree char *hint = op_cli_context_command_hint (context, "secret import --app-key ");

      *message = g_strdup_printf (_("The keyring has no AppSecret of app %s for %s. Save it "
                                    "with: %s%s"), app_key, place, hint, app_key);
    }
  else if (secret == NULL)
    {
      *message = g_strdup (error->message);
    }

  return secret;
}

static gboolean
store_token (OpCliContext  *context,
             const char    *app_key,
             const char    *account,
             OpToken       *token,
             GError       **error)
{
  OpSecretStore *store = op_cli_context_get_secret_store (context);
  g_autoptr(GAsyncResult) result = NULL;

  op_secret_store_store_token_async (store, op_cli_context_get_secret_platform (context),
                                     app_key, account, token,
                                     op_cli_context_get_cancellable (context),
                                     op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);

  return op_secret_store_store_token_finish (store, result, error);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("?");

  local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static const char *
token_member (OpToken *token)
{
  if (op_token_get_resource_owner (token) != NULL)
    return op_token_get_resource_owner (token);
  if (op_token_get_member_id (token) != NULL)
    return op_token_get_member_id (token);

  return "?";
}

static int
token_authorize (OpCliContext  *context,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(OpOAuthFlow) flow = NULL;
  g_autoptr(OpToken) token = NULL;
  g_autoptr(GInputStream) stdin_stream = NULL;
  g_autoptr(GCancellable) paste_cancellable = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *redirect_uri = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *auth_url = NULL;
  g_autofree char *gateway_url = NULL;
  g_autofree char *expires = NULL;
  const char *prgname = argv[0];
  const char *authorize_url;
  Listener listener = { NULL, NULL, 0 };
  Paste paste = { NULL, NULL, NULL, FALSE };
  char *secret;
  int redirect_port = 0;
  GOptionEntry entries[] = {
    { "app-key", 'k', 0, G_OPTION_ARG_STRING, &app_key,
      N_("The app to authorize (required; its AppSecret must be in the keyring)"),
      N_("APPKEY") },
    { "redirect-port", 0, 0, G_OPTION_ARG_INT, &redirect_port,
      N_("Listen for the browser’s redirect on this port of 127.0.0.1 (default: a free port)"),
      /* Translators: the placeholder of --redirect-port in --help */
      N_("PORT") },
    { "redirect-uri", 0, 0, G_OPTION_ARG_STRING, &redirect_uri,
      N_("Use the app’s registered callback address as the redirect, and paste the address "
         "the browser ends on (for the real platform)"),
      /* Translators: the placeholder of --redirect-uri in --help */
      N_("URI") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli token authorize --help” */
  options = g_option_context_new (_("— authorize an app for a member"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_main_group (options, op_cli_context_new_main_group (context, entries));
  g_option_context_set_summary (options,
                                /* Translators: the summary of “open1688-cli token authorize
                                 * --help” */
                                _("Prints the address of the authorization page (the first "
                                  "line of standard output): open it in a browser, sign in as "
                                  "the member and authorize the app. The browser then comes back "
                                  "to a listener on 127.0.0.1; or paste the address it ends on, "
                                  "or the code alone, on standard input. The code is exchanged "
                                  "at once, and the access and refresh tokens are saved in the "
                                  "keyring for “call”."));
  g_option_context_set_description (options,
                                    /* Translators: keep the command as it is */
                                    _("Example:\n"
                                      "  open1688-cli token authorize --app-key 1234567\n"
                                      "\n"
                                      "Exit status: 0 when authorized, 1 when the authorization "
                                      "was refused or failed, 2 on bad usage."));

  if (!g_option_context_parse (options, &argc, &argv, &error))
    return op_cli_usage_error (prgname, error->message);

  if (args != NULL && args[0] != NULL)
    {
      g_autofree char *arg = op_cli_argument_to_utf8 (args[0]);

      /* Translators: %s is what the user typed */
      problem = g_strdup_printf (_("Unexpected argument “%s”."), arg != NULL ? arg : "?");
      return op_cli_usage_error (prgname, problem);
    }

  if (!op_cli_check_app_key (app_key, &problem))
    return op_cli_usage_error (prgname, problem);

  if (redirect_port < 0 || redirect_port > 65535)
    /* Translators: keep --redirect-port */
    return op_cli_usage_error (prgname, _("Give --redirect-port a port number from 1 to "
                                          "65535."));

  if (redirect_port > 0 && redirect_uri != NULL)
    /* Translators: keep the option names */
    return op_cli_usage_error (prgname, _("Give either --redirect-port or --redirect-uri, not "
                                          "both."));

  if (redirect_uri != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL ||
          (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 &&
           g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
        /* Translators: keep --redirect-uri */
        return op_cli_usage_error (prgname, _("Give --redirect-uri the app’s callback address, "
                                              "an https:// address."));
    }

  secret = lookup_app_secret (context, app_key, &problem);
  if (secret == NULL)
    return op_cli_fail (prgname, problem);

  if (op_cli_context_get_gateway_kind (context) == OP_GATEWAY_SANDBOX &&
      !op_cli_context_start_platform (context, &error))
    {
      op_secret_free (secret);
      return op_cli_fail_error (prgname, error);
    }

  auth_url = op_cli_context_get_auth_url (context);
  gateway_url = op_cli_context_get_gateway_url (context);
  flow = op_oauth_flow_new (op_cli_context_get_session (context), auth_url, gateway_url,
                            app_key, secret);
  op_secret_free (secret);

  if (redirect_uri != NULL)
    {
      op_oauth_flow_set_redirect_uri (flow, redirect_uri);
    }
  else if (redirect_port > 0)
    {
      g_autoptr(GSocketAddress) address = NULL;
      g_autofree char *uri = NULL;

      listener.flow = flow;
      listener.server = soup_server_new (NULL, NULL);
      soup_server_add_handler (listener.server, OP_OAUTH_FLOW_CALLBACK_PATH, callback_cb,
                               &listener, NULL);
      g_signal_connect (listener.server, "request-started", G_CALLBACK (request_started_cb),
                        &listener);
      g_signal_connect (listener.server, "request-finished", G_CALLBACK (request_done_cb),
                        &listener);
      g_signal_connect (listener.server, "request-aborted", G_CALLBACK (request_done_cb),
                        &listener);
      address = g_inet_socket_address_new_from_string ("127.0.0.1", redirect_port);
      if (!soup_server_listen (listener.server, address, 0, &error))
        {
          listener_stop (&listener);
          /* Translators: %d is a port number, %s says why */
          problem = g_strdup_printf (_("Cannot listen on port %d of 127.0.0.1: %s"),
                                     redirect_port, error->message);
          return op_cli_fail (prgname, problem);
        }

      uri = g_strdup_printf ("http://127.0.0.1:%d" OP_OAUTH_FLOW_CALLBACK_PATH, redirect_port);
      op_oauth_flow_set_redirect_uri (flow, uri);
    }
  else if (op_cli_context_get_gateway_kind (context) == OP_GATEWAY_PRODUCTION)
    {
      fprintf (stderr, "%s\n", _("Note: the real platform only redirects to the callback "
                                 "address registered for the app; if it refuses this one, give "
                                 "that address with --redirect-uri."));
    }

  authorize_url = op_oauth_flow_begin (flow, &error);
  if (authorize_url == NULL)
    {
      listener_stop (&listener);
      return op_cli_fail_error (prgname, error);
    }

  printf ("%s\n", authorize_url);
  fflush (stdout);

  if (redirect_uri != NULL)
    fprintf (stderr, "%s\n",
             _("Open this address in a browser, sign in as the member and authorize the app. "
               "Then paste here the address the browser ends on, or the code alone:"));
  else
    {
      /* Translators: %s is an address such as http://127.0.0.1:41234/callback */
      fprintf (stderr, _("Open this address in a browser, sign in as the member and authorize "
                         "the app. The browser then comes back to %s. If it cannot, paste here "
                         "the address it ends on, or the code alone:"),
               op_oauth_flow_get_redirect_uri (flow));
      fputc ('\n', stderr);
    }

  paste_cancellable = g_cancellable_new ();
  stdin_stream = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  paste.flow = flow;
  paste.input = g_data_input_stream_new (stdin_stream);
  paste.cancellable = paste_cancellable;
  read_next_line (&paste);

  op_oauth_flow_wait_async (flow, op_cli_context_get_cancellable (context),
                            op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);

  /* Stop reading, and let the read end before its data goes. */
  g_cancellable_cancel (paste_cancellable);
  while (paste.reading)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&paste.input);
  listener_stop (&listener);

  token = op_oauth_flow_wait_finish (flow, result, &error);
  if (token == NULL)
    return op_cli_fail_error (prgname, error);

  if (!store_token (context, app_key, NULL, token, &error))
    return op_cli_fail_error (prgname, error);

  expires = format_time (op_token_get_expires_at (token));
  /* Translators: the first %s is an AppKey, the second a member account, the third a date
   * and time such as 2026-10-14 20:03 */
  printf (_("App %1$s is authorized by %2$s. The access token, saved in the keyring, expires "
            "at %3$s."), app_key, token_member (token), expires);
  putchar ('\n');

  return OP_CLI_EXIT_OK;
}

static int
token_refresh (OpCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(OpToken) token = NULL;
  g_autoptr(OpToken) renewed = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *gateway_url = NULL;
  g_autofree char *account = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *expires = NULL;
  OpSecretStore *store = op_cli_context_get_secret_store (context);
  const char *prgname = argv[0];
  char *secret;
  GOptionEntry entries[] = {
    { "app-key", 'k', 0, G_OPTION_ARG_STRING, &app_key,
      N_("The app whose access token to renew (required)"),
      N_("APPKEY") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli token refresh --help” */
  options = g_option_context_new (_("— renew an app’s access token"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_main_group (options, op_cli_context_new_main_group (context, entries));
  g_option_context_set_summary (options,
                                /* Translators: the summary of “open1688-cli token refresh
                                 * --help” */
                                _("Renews the member’s access token of an app with the refresh "
                                  "token kept in the keyring, and saves the new one. When the "
                                  "refresh token has expired, the member must authorize the app "
                                  "again (“token authorize”)."));
  g_option_context_set_description (options,
                                    _("Exit status: 0 when renewed, 1 when it cannot be (the "
                                      "message says why), 2 on bad usage."));

  if (!g_option_context_parse (options, &argc, &argv, &error))
    return op_cli_usage_error (prgname, error->message);

  if (args != NULL && args[0] != NULL)
    {
      g_autofree char *arg = op_cli_argument_to_utf8 (args[0]);

      problem = g_strdup_printf (_("Unexpected argument “%s”."), arg != NULL ? arg : "?");
      return op_cli_usage_error (prgname, problem);
    }

  if (!op_cli_check_app_key (app_key, &problem))
    return op_cli_usage_error (prgname, problem);

  {
    g_autofree char *command = g_strconcat ("token authorize --app-key ", app_key, NULL);

    hint = op_cli_context_command_hint (context, command);
  }

  secret = lookup_app_secret (context, app_key, &problem);
  if (secret == NULL)
    return op_cli_fail (prgname, problem);

  op_secret_store_lookup_token_async (store, op_cli_context_get_secret_platform (context),
                                      app_key, NULL, op_cli_context_get_cancellable (context),
                                      op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);
  token = op_secret_store_lookup_token_finish (store, result, &account, &error);
  g_clear_object (&result);
  if (token == NULL)
    {
      op_secret_free (secret);
      if (g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
        {
          /* Translators: the first %s is an AppKey, the second a command to run */
          problem = g_strdup_printf (_("No member has authorized app %s yet. Authorize it "
                                       "with: %s"), app_key, hint);
          return op_cli_fail (prgname, problem);
        }
      return op_cli_fail_error (prgname, error);
    }

  if (op_cli_context_get_gateway_kind (context) == OP_GATEWAY_SANDBOX &&
      !op_cli_context_start_platform (context, &error))
    {
      op_secret_free (secret);
      return op_cli_fail_error (prgname, error);
    }
  gateway_url = op_cli_context_get_gateway_url (context);

  op_oauth_refresh_async (op_cli_context_get_session (context), gateway_url, app_key, secret,
                          token, op_cli_context_get_cancellable (context),
                          op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);
  op_secret_free (secret);

  renewed = op_oauth_refresh_finish (result, &error);
  if (renewed == NULL)
    {
      if (g_error_matches (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED) ||
          g_error_matches (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NO_REFRESH_TOKEN))
        {
          /* Translators: the first %s explains why, the second is a command to run */
          problem = g_strdup_printf (_("%s\nAuthorize again with: %s"), error->message, hint);
          return op_cli_fail (prgname, problem);
        }
      return op_cli_fail_error (prgname, error);
    }

  if (!store_token (context, app_key, account, renewed, &error))
    return op_cli_fail_error (prgname, error);

  expires = format_time (op_token_get_expires_at (renewed));
  /* Translators: the first %s is an AppKey, the second a member account, the third a date
   * and time such as 2026-10-14 20:03 */
  printf (_("The access token of app %1$s for %2$s is renewed and saved in the keyring; it "
            "expires at %3$s."), app_key, account != NULL ? account : token_member (renewed),
          expires);
  putchar ('\n');

  return OP_CLI_EXIT_OK;
}

static void
print_token_usage (FILE *stream)
{
  /* Translators: the usage of “open1688-cli token”; keep the command and option names */
  fprintf (stream, "%s\n\n", _("Usage: open1688-cli token authorize|refresh --app-key APPKEY "
                               "[OPTION…]"));
  fprintf (stream, "  %-10s %s\n", "authorize",
           _("Have a member authorize the app, and save the tokens in the keyring"));
  fprintf (stream, "  %-10s %s\n", "refresh",
           _("Renew the access token with the refresh token"));
  fprintf (stream, "\n%s\n", _("Run “open1688-cli token authorize --help” or “open1688-cli "
                               "token refresh --help” for the options."));
}

int
op_cli_token (OpCliContext  *context,
              int            argc,
              char         **argv)
{
  const char *prgname = argv[0];

  if (argc >= 2 && (g_str_equal (argv[1], "authorize") || g_str_equal (argv[1], "refresh")))
    {
      g_autofree char *prog = g_strdup_printf ("%s %s", prgname, argv[1]);
      gboolean authorize = g_str_equal (argv[1], "authorize");

      argv[1] = prog;
      if (authorize)
        return token_authorize (context, argc - 1, argv + 1);

      return token_refresh (context, argc - 1, argv + 1);
    }

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_token_usage (stdout);
      return OP_CLI_EXIT_OK;
    }

  if (argc < 2)
    fprintf (stderr, "%s: %s\n", prgname, _("Say what to do: authorize or refresh."));
  else
    {
      g_autofree char *arg = op_cli_argument_to_utf8 (argv[1]);

      fprintf (stderr, _("%s: Unknown subcommand “%s”."), prgname, arg != NULL ? arg : "?");
      fputc ('\n', stderr);
    }
  print_token_usage (stderr);

  return OP_CLI_EXIT_USAGE;
}
