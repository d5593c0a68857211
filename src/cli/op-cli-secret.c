/* op-cli-secret.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "open1688-cli"

#include "config.h"

#include "op-cli-commands.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/*
 * open1688-cli secret import --app-key K     (AppSecret on standard input)
 *
 * Keeps an app's AppSecret in the keyring (kind app-secret) for `call` and `token`: under
 * the platform's name for the sandbox gateway, under the real gateway's address with
 * --gateway production, so that a real secret is never sent to the sandbox, nor the
 * reverse. The desktop app reads the same item.
 */

static int
secret_import (OpCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *place = NULL;
  g_autofree char *prompt = NULL;
  g_auto(GStrv) args = NULL;
  OpSecretStore *store = op_cli_context_get_secret_store (context);
  const char *prgname = argv[0];
  char *secret;
  gsize length = 0;
  gboolean stored;
  GOptionEntry entries[] = {
    { "app-key", 'k', 0, G_OPTION_ARG_STRING, &app_key,
      N_("The app whose AppSecret is on standard input (required)"),
      /* Translators: the placeholder of --app-key in --help */
      N_("APPKEY") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli secret import --help” */
  options = g_option_context_new (_("— save an AppSecret in the keyring"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_main_group (options, op_cli_context_new_main_group (context, entries));
  g_option_context_set_summary (options,
                                /* Translators: the summary of “open1688-cli secret import
                                 * --help” */
                                _("Saves the AppSecret of an app in the keyring, for “call” and "
                                  "“token”. The secret is read from standard input (asked for "
                                  "without echo in a terminal; one trailing newline is removed), "
                                  "never from the command line. With --gateway production it is "
                                  "kept for the real 1688 gateway, apart from the sandbox’s."));
  g_option_context_set_description (options,
                                    /* Translators: keep the command as it is */
                                    /* xgettext:no-c-format */
                                    _("Example:\n"
                                      "  printf %s \"$APP_SECRET\" | open1688-cli secret import "
                                      "--app-key 1234567\n"
                                      "\n"
                                      "Exit status: 0 when saved, 1 when the keyring cannot keep "
                                      "it, 2 on bad usage."));

  if (!g_option_context_parse (options, &argc, &argv, &error))
    return op_cli_usage_error (prgname, error->message);

  if (args != NULL && args[0] != NULL)
    {
      g_autofree char *arg = op_cli_argument_to_utf8 (args[0]);
      g_autofree char *message = NULL;

      /* Translators: %s is what the user typed; keep --app-key */
      message = g_strdup_printf (_("Unexpected argument “%s”. The AppSecret is read from "
                                   "standard input, and the app given with --app-key."),
                                 arg != NULL ? arg : "?");
      return op_cli_usage_error (prgname, message);
    }

  if (!op_cli_check_app_key (app_key, &problem))
    return op_cli_usage_error (prgname, problem);

  /* Translators: the prompt for the secret in a terminal; %s is an AppKey */
  prompt = g_strdup_printf (_("AppSecret of app %s (not shown): "), app_key);
  secret = op_cli_read_secret (prompt, &length, &error);
  if (secret == NULL)
    return op_cli_fail_error (prgname, error);

  if (length == 0 || memchr (secret, '\0', length) != NULL ||
      !g_utf8_validate (secret, length, NULL))
    {
      gboolean empty = length == 0;

      op_cli_wipe (secret, length);
      g_free (secret);
      return op_cli_usage_error (prgname,
                                 empty ?
                                 /* Translators: keep the command as it is */
                                 /* xgettext:no-c-format */
                                 _("No AppSecret on standard input. Pipe it in, for example: "
                                   "printf %s \"$APP_SECRET\" | open1688-cli secret import "
                                   "--app-key APPKEY") :
                                 _("The AppSecret on standard input is not valid text."));
    }

  op_secret_store_store_async (store, OP_SECRET_KIND_APP_SECRET,
                               op_cli_context_get_secret_platform (context), app_key, NULL,
                               secret, op_cli_context_get_cancellable (context),
                               op_cli_context_result_cb, &result);
  op_cli_wipe (secret, length);
  g_free (secret);
  op_cli_context_wait (context, &result);

  stored = op_secret_store_store_finish (store, result, &error);
  if (!stored)
    return op_cli_fail_error (prgname, error);

  place = op_cli_context_describe_gateway (context);
  /* Translators: the first %s is an AppKey, the second “the built-in sandbox”, a platform
   * address or “the real 1688 gateway” */
  printf (_("The AppSecret of app %s for %s is saved in the keyring."), app_key, place);
  putchar ('\n');

  return OP_CLI_EXIT_OK;
}

static void
print_secret_usage (FILE *stream)
{
  /* Translators: the usage of “open1688-cli secret”; keep the command and option names */
  fprintf (stream, "%s\n\n", _("Usage: open1688-cli secret import --app-key APPKEY"));
  fprintf (stream, "  %-8s %s\n", "import",
           _("Save an app’s AppSecret, read from standard input, in the keyring"));
  fprintf (stream, "\n%s\n", _("Run “open1688-cli secret import --help” for the options."));
}

int
op_cli_secret (OpCliContext  *context,
               int            argc,
               char         **argv)
{
  const char *prgname = argv[0];

  if (argc >= 2 && g_str_equal (argv[1], "import"))
    {
      g_autofree char *prog = g_strdup_printf ("%s import", prgname);

      argv[1] = prog;
      return secret_import (context, argc - 1, argv + 1);
    }

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_secret_usage (stdout);
      return OP_CLI_EXIT_OK;
    }

  if (argc < 2)
    fprintf (stderr, "%s: %s\n", prgname, _("Say what to do with the secret: import."));
  else
    {
      g_autofree char *arg = op_cli_argument_to_utf8 (argv[1]);

      /* Translators: the first %s is the command, the second what the user typed */
      fprintf (stderr, _("%s: Unknown subcommand “%s”."), prgname, arg != NULL ? arg : "?");
      fputc ('\n', stderr);
    }
  print_secret_usage (stderr);

  return OP_CLI_EXIT_USAGE;
}
