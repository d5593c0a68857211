/* main.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "open1688-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "op-cli-commands.h"
#include "op-cli-context.h"

/* A command runs either alone (run) or with the platform context (run_with_context). */
typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  int (*run_with_context) (OpCliContext *context, int argc, char **argv);
  const char *summary;
} OpCliCommand;

static const OpCliCommand commands[] = {
  { "sign",   op_cli_sign, NULL, N_("Compute the _aop_signature of a request (secret on standard input)") },
  { "apis",   op_cli_apis, NULL, N_("List the APIs of the catalog that match a query") },
  { "api",    op_cli_api,  NULL, N_("Print the documentation of one API") },
  { "login",  NULL, op_cli_login,  N_("Sign in to the platform (password on standard input)") },
  { "logout", NULL, op_cli_logout, N_("Sign out of the platform") },
  { "apps",   NULL, op_cli_apps,   N_("List your apps on the platform") },
  { "secret", NULL, op_cli_secret, N_("Save an app’s AppSecret in the keyring (secret import)") },
  { "call",   NULL, op_cli_call,   N_("Sign and send an API call to the gateway, print the answer") },
  { "token",  NULL, op_cli_token,  N_("Authorize an app for a member, or renew its access token") },
};

static void
print_usage (FILE *stream)
{
  /* Translators: the usage line of the command-line tool; do not translate the program name
   * nor the options, keep “sandbox|production” */
  fprintf (stream, "%s\n\n", _("Usage: open1688-cli [--platform URL] [--gateway sandbox|production] "
                                "COMMAND [OPTION…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Global options (before or after the command):"));
  /* Translators: keep the option names */
  fprintf (stream, "  %-28s %s\n", "--platform URL",
           _("The platform service (default: the built-in sandbox, started for the command)"));
  fprintf (stream, "  %-28s %s\n", "--gateway sandbox|production",
           _("The gateway for API calls and tokens (default: sandbox)"));
  fprintf (stream, "\n%s\n", _("Run “open1688-cli COMMAND --help” for the options of a command."));
  /* Translators: keep the numbers */
  fprintf (stream, "%s\n", _("Exit status: 0 on success, 1 on a platform, gateway or keyring "
                             "error (message on standard error), 2 on bad usage."));
}

/* Takes --platform URL, --platform=URL, --gateway NAME and --gateway=NAME from the start of
 * the arguments. Returns the index of the command name, or -1 after a usage error. */
static int
parse_global_options (OpCliContext  *context,
                      int            argc,
                      char         **argv)
{
  int i = 1;

  while (i < argc)
    {
      const char *arg = argv[i];
      const char *value = NULL;
      gboolean platform;
      g_autoptr(GError) error = NULL;

      if (g_str_equal (arg, "--platform") || g_str_equal (arg, "--gateway"))
        {
          platform = g_str_equal (arg, "--platform");
          if (i + 1 >= argc)
            {
              /* Translators: %s is an option name */
              fprintf (stderr, _("open1688-cli: The option %s needs a value."), arg);
              fputc ('\n', stderr);
              return -1;
            }
          value = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (arg, "--platform=") || g_str_has_prefix (arg, "--gateway="))
        {
          platform = g_str_has_prefix (arg, "--platform=");
          value = strchr (arg, '=') + 1;
          i += 1;
        }
      else
        break;

      if (platform ? !op_cli_context_set_platform (context, value, &error)
                   : !op_cli_context_set_gateway (context, value, &error))
        {
          fprintf (stderr, "open1688-cli: %s\n", error->message);
          return -1;
        }
    }

  return i;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OpCliContext) context = NULL;
  const char *localedir;
  const char *name;
  int first;

  setlocale (LC_ALL, "");
  /* Lets the tests use the translations of the build tree. */
  localedir = g_getenv ("OPEN1688_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = op_cli_context_new ();
  first = parse_global_options (context, argc, argv);
  if (first < 0 || first >= argc)
    {
      print_usage (stderr);
      return OP_CLI_EXIT_USAGE;
    }

  name = argv[first];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_usage (stdout);
      return OP_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      printf ("open1688-cli %s\n", PACKAGE_VERSION);
      return OP_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        {
          g_autofree char *prog = g_strdup_printf ("open1688-cli %s", name);

          argv[first] = prog;
          if (commands[i].run_with_context != NULL)
            return commands[i].run_with_context (context, argc - first, argv + first);

          return commands[i].run (argc - first, argv + first);
        }
    }

  /* Translators: %s is the command the user typed */
  fprintf (stderr, _("Unknown command “%s”."), name);
  fputc ('\n', stderr);
  print_usage (stderr);
  return OP_CLI_EXIT_USAGE;
}
