/* op-cli-call.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "open1688-cli"

#include "config.h"

#include "op-cli-commands.h"

#include "op-catalog.h"
#include "op-gateway-client.h"
#include "op-oauth-flow.h"
#include "op-request.h"
#include "op-token-keeper.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/*
 * open1688-cli call NAMESPACE:NAME-VERSION [--app-key K] [--get] [--verbose] KEY=VALUE…
 *
 * Signs and sends one API call the way the desktop app's API explorer does
 * (OpGatewayClient): the AppSecret and, for an API that acts for a member, the access
 * token come from the keyring (the token renewed first when it is about to expire). The
 * answer's body goes to standard output, re-indented when it is JSON (numbers and text
 * kept exactly as sent); a refusal is explained on standard error, with exit status 1.
 * --verbose shows on standard error, before the answer, the request as sent (tokens
 * masked), the string to sign, the HTTP status and where the time went. The AppSecret
 * is never printed.
 */

typedef enum
{
  TOKEN_NO,       /* the catalog says the API needs no access token */
  TOKEN_YES,      /* it does */
  TOKEN_MAYBE,    /* the catalog does not know (or does not list the API): use one if kept */
} TokenNeed;

static void
append_indent (GString *out,
               int      depth)
{
  g_string_append_c (out, '\n');
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Re-indents valid JSON text, two spaces a level, copying every token (numbers, strings)
 * exactly: parsing and writing it again could change large or decimal numbers. */
static char *
indent_json (const char *text,
             gsize       length)
{
  GString *out = g_string_sized_new (length + length / 4 + 2);
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && i + 1 < length)
            g_string_append_c (out, text[++i]);
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
          break;

        case '"':
          in_string = TRUE;
          g_string_append_c (out, c);
          break;

        case '{':
        case '[':
          {
            char close = c == '{' ? '}' : ']';
            gsize j = i + 1;

            while (j < length && g_ascii_isspace (text[j]))
              j++;

            g_string_append_c (out, c);
            if (j < length && text[j] == close)
              {
                /* An empty object or array stays on one line. */
                g_string_append_c (out, close);
                i = j;
              }
            else
              append_indent (out, ++depth);
          }
          break;

        case '}':
        case ']':
          append_indent (out, --depth);
          g_string_append_c (out, c);
          break;

        case ',':
          g_string_append_c (out, c);
          append_indent (out, depth);
          break;

        case ':':
          g_string_append (out, ": ");
          break;

        default:
          g_string_append_c (out, c);
          break;
        }
    }

  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

static gboolean
is_json (const char *data,
         gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  return json_parser_load_from_data (parser, data, length, NULL) &&
         json_parser_get_root (parser) != NULL;
}

/* Writes the answer's body to standard output: re-indented JSON, or as it came. */
static gboolean
print_body (OpGatewayResult  *result,
            GError          **error)
{
  GBytes *body = op_gateway_result_get_body (result);
  GFile *file = op_gateway_result_get_body_file (result);

  if (body != NULL)
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (body, &length);

      if (length == 0)
        return TRUE;

      if (is_json (data, length))
        {
          g_autofree char *pretty = indent_json (data, length);

          fputs (pretty, stdout);
        }
      else
        {
          fwrite (data, 1, length, stdout);
          if (data[length - 1] != '\n')
            putchar ('\n');
        }
    }
  else if (file != NULL)
    {
      /* A body too large for memory: copied as it is, without re-indenting. */
      g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
      char buffer[64 * 1024];
      gssize n;

      if (stream == NULL)
        return FALSE;

      while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL,
                                       error)) > 0)
        fwrite (buffer, 1, n, stdout);
      if (n < 0)
        return FALSE;
    }

  return TRUE;
}

static char *
milliseconds (gint64 microseconds)
{
  g_autofree char *number = g_strdup_printf ("%.1f", microseconds / 1000.0);

  /* Translators: a duration in milliseconds, %s is a number such as 12.3 */
  return g_strdup_printf (_("%s ms"), number);
}

static void
print_verbose (OpGatewayResult *result)
{
  const OpGatewayTiming *timing = op_gateway_result_get_timing (result);
  const char *body = op_gateway_result_get_request_body (result);
  const char *reason = op_gateway_result_get_reason_phrase (result);
  g_autofree char *dns = milliseconds (timing->dns);
  g_autofree char *connect = milliseconds (timing->connect);
  g_autofree char *tls = milliseconds (timing->tls);
  g_autofree char *first_byte = milliseconds (timing->first_byte);
  g_autofree char *total = milliseconds (timing->total);
  g_autofree char *size = g_strdup_printf ("%" G_GOFFSET_FORMAT,
                                           op_gateway_result_get_body_size (result));

  /* Translators: --verbose output of “call”: the method (POST or GET) and the URL sent */
  fprintf (stderr, _("Request: %s %s"), op_gateway_result_get_method (result),
           op_gateway_result_get_url (result));
  fputc ('\n', stderr);
  if (body != NULL)
    {
      /* Translators: --verbose output of “call”: the form body sent, tokens masked */
      fprintf (stderr, _("Body: %s"), body);
      fputc ('\n', stderr);
    }
  if (op_gateway_result_get_signature (result) != NULL)
    {
      /* Translators: --verbose output of “call” (待签名字符串) */
      fprintf (stderr, _("String to sign: %s"), op_gateway_result_get_string_to_sign (result));
      fputc ('\n', stderr);
      /* Translators: --verbose output of “call”: the _aop_signature sent */
      fprintf (stderr, _("Signature: %s"), op_gateway_result_get_signature (result));
      fputc ('\n', stderr);
    }
  else
    {
      /* Translators: --verbose output of “call”, for an API called without a signature */
      fprintf (stderr, "%s\n", _("Signature: none (this API takes no signature)"));
    }
  /* Translators: --verbose output of “call”: the HTTP status, e.g. “200 OK”, then the size
   * of the answer's body in bytes */
  fprintf (stderr, _("Answer: HTTP %u %s, %s bytes"), op_gateway_result_get_status (result),
           reason != NULL ? reason : "", size);
  fputc ('\n', stderr);
  fprintf (stderr,
           timing->reused_connection ?
           /* Translators: --verbose output of “call”; each %s is a duration such as “1.2 ms” */
           _("Timing: total %s (name lookup %s, connection %s, TLS %s, first byte %s), on an "
             "open connection") :
           /* Translators: --verbose output of “call”; each %s is a duration such as “1.2 ms” */
           _("Timing: total %s (name lookup %s, connection %s, TLS %s, first byte %s), on a new "
             "connection"),
           total, dns, connect, tls, first_byte);
  fputc ('\n', stderr);
}

static void
print_refusal (const char      *prgname,
               OpGatewayResult *result)
{
  const OpGatewayError *gateway_error = op_gateway_result_get_error (result);
  g_autofree char *description = op_gateway_result_describe_error (result);
  g_autofree char *heading = NULL;

  if (gateway_error != NULL &&
      op_gateway_error_get_kind (gateway_error) == OP_GATEWAY_ERROR_KIND_GATEWAY)
    /* Translators: %s is the gateway's error code, e.g. gw.SignatureInvalid; %u the HTTP
     * status */
    heading = g_strdup_printf (_("The gateway refused the call: %s (HTTP %u)."),
                               op_gateway_error_get_code (gateway_error),
                               op_gateway_result_get_status (result));
  else if (gateway_error != NULL &&
           op_gateway_error_get_kind (gateway_error) == OP_GATEWAY_ERROR_KIND_BUSINESS &&
           op_gateway_error_get_code (gateway_error) != NULL)
    /* Translators: %s is an error code chosen by the API */
    heading = g_strdup_printf (_("The API reported a failure: %s."),
                               op_gateway_error_get_code (gateway_error));
  else if (gateway_error != NULL &&
           op_gateway_error_get_kind (gateway_error) == OP_GATEWAY_ERROR_KIND_BUSINESS)
    heading = g_strdup (_("The API reported a failure."));
  else
    /* Translators: %u is an HTTP status */
    heading = g_strdup_printf (_("The call failed (HTTP %u)."),
                               op_gateway_result_get_status (result));

  fprintf (stderr, "%s: %s\n", prgname, heading);
  if (description != NULL)
    fprintf (stderr, "\n%s\n", description);
}

/* Splits NAMESPACE:NAME-VERSION. */
static gboolean
parse_api_id (const char  *id,
              char       **namespace_,
              char       **name,
              guint       *version)
{
  const char *colon = strchr (id, ':');
  const char *dash;
  guint64 number = 0;

  if (colon == NULL || colon == id)
    return FALSE;

  dash = strrchr (colon + 1, '-');
  if (dash == NULL || dash == colon + 1 || dash[1] == '\0' ||
      !g_ascii_string_to_unsigned (dash + 1, 10, 1, G_MAXUINT16, &number, NULL))
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == '/' || *p == '?' || *p == '&')
      return FALSE;

  *namespace_ = g_strndup (id, colon - id);
  *name = g_strndup (colon + 1, dash - colon - 1);
  *version = number;

  return TRUE;
}

/* Without --app-key: the one app whose AppSecret the keyring keeps for these calls. Reads
 * only the items' attributes, never a secret. Returns NULL with @message set (and
 * @usage when choosing is the user's part). */
static char *
find_only_app_key (OpCliContext  *context,
                   char         **message,
                   gboolean      *usage)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *hint = NULL;
  GList *items;

  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (attributes, (gpointer) "kind",
                       (gpointer) op_secret_kind_to_string (OP_SECRET_KIND_APP_SECRET));
  g_hash_table_insert (attributes, (gpointer) "platform",
                       (gpointer) op_cli_context_get_secret_platform (context));

  secret_password_searchv (op_secret_store_get_schema (), attributes, SECRET_SEARCH_ALL,
                           op_cli_context_get_cancellable (context), op_cli_context_result_cb,
                           &result);
  op_cli_context_wait (context, &result);
  items = secret_password_search_finish (result, &error);

  if (error != NULL)
    {
      g_debug ("Keyring search failed: %s", error->message);
      *usage = FALSE;
      *message = g_strdup (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ?
                           /* Translators: after Ctrl+C */
                           _("Interrupted.") :
                           _("The keyring is not available, so the saved AppSecret cannot be "
                             "read. Start GNOME Keyring (or another Secret Service) and try "
                             "again."));
      return NULL;
    }

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) item_attributes = secret_retrievable_get_attributes (l->data);
      const char *app_key = g_hash_table_lookup (item_attributes, "app-key");

      if (app_key != NULL &&
          !g_ptr_array_find_with_equal_func (keys, app_key, g_str_equal, NULL))
        g_ptr_array_add (keys, g_strdup (app_key));
    }
  g_list_free_full (items, g_object_unref);

  if (keys->len == 1)
    return g_strdup (g_ptr_array_index (keys, 0));

  if (keys->len == 0)
    {
      hint = op_cli_context_command_hint (context, "secret import --app-key APPKEY");
      *usage = FALSE;
      /* Translators: %s is a command to run */
      *message = g_strdup_printf (_("No AppSecret is saved in the keyring for these calls. "
                                    "Save the app’s with: %s"), hint);
      return NULL;
    }

  g_ptr_array_sort (keys, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (keys, NULL);
  hint = g_strjoinv (", ", (char **) keys->pdata);
  *usage = TRUE;
  /* Translators: %s is a list of AppKeys; keep --app-key */
  *message = g_strdup_printf (_("Several apps have their AppSecret in the keyring (%s): choose "
                                "one with --app-key."), hint);

  return NULL;
}

int
op_cli_call (OpCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(OpCatalog) catalog = NULL;
  g_autoptr(OpRequest) request = NULL;
  g_autoptr(OpToken) token = NULL;
  g_autoptr(OpGatewayClient) gateway = NULL;
  g_autoptr(OpGatewayResult) answer = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *raw_app_key = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *id = NULL;
  g_autofree char *namespace_ = NULL;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *gateway_url = NULL;
  g_autofree char *message = NULL;
  OpSecretStore *store = op_cli_context_get_secret_store (context);
  GCancellable *cancellable = op_cli_context_get_cancellable (context);
  const char *prgname = argv[0];
  const char *protocol = OP_REQUEST_DEFAULT_PROTOCOL;
  gboolean get = FALSE;
  gboolean verbose = FALSE;
  gboolean signed_call = TRUE;
  TokenNeed token_need = TOKEN_MAYBE;
  OpGatewayCallFlags flags = OP_GATEWAY_CALL_NONE;
  OpApi *api;
  char *secret;
  guint version = 0;
  gboolean success;
  GOptionEntry entries[] = {
    { "app-key", 'k', 0, G_OPTION_ARG_STRING, &raw_app_key,
      N_("The app to call as (default: the only app whose AppSecret is in the keyring)"),
      N_("APPKEY") },
    { "get", 0, 0, G_OPTION_ARG_NONE, &get,
      N_("Send the parameters in the URL of a GET instead of a POST form"),
      NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Show the request as sent, the string to sign, the HTTP status and the timing on "
         "standard error"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      /* Translators: the placeholder of the arguments of “call” in --help; keep
       * NAMESPACE:NAME-VERSION and KEY=VALUE */
      N_("NAMESPACE:NAME-VERSION [KEY=VALUE…]") },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli call --help” */
  options = g_option_context_new (_("— call an API through the gateway"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_main_group (options, op_cli_context_new_main_group (context, entries));
  g_option_context_set_summary (options,
                                /* Translators: the summary of “open1688-cli call --help” */
                                _("Signs and sends one call of an API of the catalog to the "
                                  "gateway and prints the answer (JSON, indented) on standard "
                                  "output. The AppSecret comes from the keyring (see “secret "
                                  "import”), and so does the member’s access token for an API "
                                  "that acts for a member (see “token authorize”); an expired "
                                  "token is renewed first. When the gateway or the API refuses "
                                  "the call, the reason is explained on standard error."));
  g_option_context_set_description (options,
                                    /* Translators: keep the commands as they are */
                                    _("Examples:\n"
                                      "  open1688-cli call com.alibaba.product:alibaba.category.get-1 "
                                      "--app-key 1234567 categoryID=0\n"
                                      "  open1688-cli --gateway production call "
                                      "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1 "
                                      "--app-key 1234567 page=1 pageSize=20\n"
                                      "\n"
                                      "Exit status: 0 when the API answered with success, 1 when "
                                      "the call was refused or failed, or a secret is missing, 2 on "
                                      "bad usage."));

  if (!g_option_context_parse (options, &argc, &argv, &error))
    return op_cli_usage_error (prgname, error->message);

  if (args == NULL || args[0] == NULL)
    /* Translators: keep the example */
    return op_cli_usage_error (prgname, _("Give the API to call, for example "
                                          "com.alibaba.product:alibaba.category.get-1."));

  id = op_cli_argument_to_utf8 (args[0]);
  if (id == NULL || !parse_api_id (id, &namespace_, &name, &version))
    {
      /* Translators: %s is what the user typed; keep NAMESPACE:NAME-VERSION and the example */
      message = g_strdup_printf (_("“%s” is not an API name. Give it as "
                                   "NAMESPACE:NAME-VERSION, for example "
                                   "com.alibaba.product:alibaba.category.get-1."),
                                 id != NULL ? id : args[0]);
      return op_cli_usage_error (prgname, message);
    }

  if (raw_app_key != NULL && !op_cli_check_app_key (raw_app_key, &problem))
    return op_cli_usage_error (prgname, problem);

  request = op_request_new (namespace_, name, "0");
  op_request_set_version (request, version);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; args[i] != NULL; i++)
    {
      g_autofree char *arg = op_cli_argument_to_utf8 (args[i]);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (!op_request_parse_assignment (arg != NULL ? arg : args[i], &key, &value, &error))
        return op_cli_usage_error (prgname, error->message);

      if (g_str_equal (key, "_aop_signature") || g_str_equal (key, "access_token"))
        {
          /* Translators: %s is a parameter name */
          message = g_strdup_printf (_("Do not give “%s”: the signature is computed, and the "
                                       "access token comes from the keyring."), key);
          return op_cli_usage_error (prgname, message);
        }

      if (g_hash_table_contains (seen, key))
        {
          /* Translators: %s is a parameter name */
          message = g_strdup_printf (_("The parameter “%s” is given twice. Give each "
                                       "parameter once."), key);
          return op_cli_usage_error (prgname, message);
        }

      op_request_set_param (request, key, value);
      g_hash_table_add (seen, g_steal_pointer (&key));
    }

  catalog = op_catalog_new_from_resource (&error);
  if (catalog == NULL)
    return op_cli_fail_error (prgname, error);

  api = op_catalog_lookup (catalog, id);
  if (api != NULL)
    {
      protocol = op_api_get_protocol (api);
      signed_call = op_api_get_needs_signature (api);
      if (op_api_get_access_token_known (api))
        token_need = op_api_get_needs_access_token (api) ? TOKEN_YES : TOKEN_NO;
    }
  else
    {
      /* The real gateway has many more APIs than the catalog: send it anyway, and let the
       * gateway say whether it exists. */
      /* Translators: %s is an API name */
      fprintf (stderr, _("Note: the catalog does not know “%s”; it is sent with protocol "
                         "param2, with an access token if one is saved."), id);
      fputc ('\n', stderr);
    }
  if (protocol != NULL)
    op_request_set_protocol (request, protocol);

  if (raw_app_key != NULL)
    {
      app_key = g_strdup (raw_app_key);
    }
  else
    {
      gboolean usage = FALSE;

      app_key = find_only_app_key (context, &problem, &usage);
      if (app_key == NULL)
        return usage ? op_cli_usage_error (prgname, problem) : op_cli_fail (prgname, problem);
    }
  op_request_set_app_key (request, app_key);

  if (op_cli_context_get_gateway_kind (context) == OP_GATEWAY_SANDBOX &&
      !op_cli_context_start_platform (context, &error))
    return op_cli_fail_error (prgname, error);
  gateway_url = op_cli_context_get_gateway_url (context);

  /* An API that takes no signature (system.currentTimeMillis) needs no AppSecret, nor a
   * token (renewing one would need the secret). */
  if (!signed_call)
    token_need = TOKEN_NO;

  secret = NULL;
  if (signed_call)
    {
      op_secret_store_lookup_async (store, OP_SECRET_KIND_APP_SECRET,
                                    op_cli_context_get_secret_platform (context), app_key, NULL,
                                    cancellable, op_cli_context_result_cb, &result);
      op_cli_context_wait (context, &result);
      secret = op_secret_store_lookup_finish (store, result, &error);
      g_clear_object (&result);
    }
  if (signed_call && secret == NULL)
    {
      if (g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
        {
          g_autofree char *place = op_cli_context_describe_gateway (context);
          g_autofree char *hint = op_cli_context_command_hint (context,
                                                               "secret import --app-key ");

          /* Translators: the first %s is an AppKey, the second “the built-in sandbox”, a
           * platform address or “the real 1688 gateway”, the third a command to run */
          message = g_strdup_printf (_("The keyring has no AppSecret of app %s for %s. Save it "
                                       "with: %s%s"), app_key, place, hint, app_key);
          return op_cli_fail (prgname, message);
        }
      return op_cli_fail_error (prgname, error);
    }

  if (token_need != TOKEN_NO)
    {
      g_autoptr(OpTokenKeeper) keeper = NULL;
      gboolean refreshed = FALSE;

      keeper = op_token_keeper_new (op_cli_context_get_session (context), store,
                                    op_cli_context_get_secret_platform (context), gateway_url);
      op_token_keeper_get_async (keeper, app_key, secret, NULL, cancellable,
                                 op_cli_context_result_cb, &result);
      op_cli_context_wait (context, &result);
      token = op_token_keeper_get_finish (keeper, result, &refreshed, &error);
      g_clear_object (&result);

      if (token == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          op_secret_free (secret);
          return op_cli_fail_error (prgname, error);
        }

      if (token == NULL && g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
        {
          if (token_need == TOKEN_YES)
            {
              g_autofree char *hint = op_cli_context_command_hint (context,
                                                                   "token authorize --app-key ");

              /* Translators: the first %s is an API name, the second an AppKey, the third a
               * command to run */
              fprintf (stderr, _("Note: %s acts for a member, but no member has authorized app "
                                 "%s, so it is sent without an access token. Authorize it "
                                 "with: %s%s"), id, app_key, hint, app_key);
              fputc ('\n', stderr);
            }
        }
      else if (token == NULL && token_need == TOKEN_YES)
        {
          op_secret_free (secret);
          if (error->domain == OP_OAUTH_FLOW_ERROR)
            {
              g_autofree char *command = g_strconcat ("token authorize --app-key ", app_key,
                                                      NULL);
              g_autofree char *hint = op_cli_context_command_hint (context, command);

              /* Translators: the first %s explains why, the second is a command to run */
              message = g_strdup_printf (_("%s\nAuthorize again with: %s"), error->message,
                                         hint);
              return op_cli_fail (prgname, message);
            }
          return op_cli_fail_error (prgname, error);
        }
      else if (token == NULL)
        {
          /* Translators: %s says why */
          fprintf (stderr, _("Note: the call is sent without an access token: %s"),
                   error->message);
          fputc ('\n', stderr);
        }
      else if (refreshed)
        {
          fprintf (stderr, "%s\n", _("The access token had expired; it was renewed and saved "
                                     "in the keyring."));
        }
      g_clear_error (&error);
    }

  if (get)
    flags |= OP_GATEWAY_CALL_GET;

  gateway = op_gateway_client_new (op_cli_context_get_session (context), gateway_url);
  op_gateway_client_call_async (gateway, request, secret,
                                token != NULL ? op_token_get_access_token (token) : NULL,
                                flags, cancellable, op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);
  op_secret_free (secret);

  answer = op_gateway_client_call_finish (gateway, result, &error);
  if (answer == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return op_cli_fail_error (prgname, error);

      /* Translators: the first %s is the gateway's address, the second says why */
      message = g_strdup_printf (_("The gateway %s could not be reached: %s"), gateway_url,
                                 error->message);
      return op_cli_fail (prgname, message);
    }

  if (verbose)
    print_verbose (answer);

  success = op_gateway_result_is_success (answer);

  if (!print_body (answer, &error))
    {
      /* Translators: %s says why */
      message = g_strdup_printf (_("The answer could not be read: %s"), error->message);
      return op_cli_fail (prgname, message);
    }
  if (fflush (stdout) != 0 || ferror (stdout))
    return op_cli_fail (prgname, _("The answer could not be written to standard output."));

  if (!success)
    {
      print_refusal (prgname, answer);
      return OP_CLI_EXIT_ERROR;
    }

  return OP_CLI_EXIT_OK;
}
