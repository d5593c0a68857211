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

#include "op-cli-commands.h"

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} OpCliCommand;

static const OpCliCommand commands[] = {
  { "sign", op_cli_sign, N_("Compute the _aop_signature of a request (secret on standard input)") },
  { "apis", op_cli_apis, N_("List the APIs of the catalog that match a query") },
  { "api",  op_cli_api,  N_("Print the documentation of one API") },
};

static void
print_usage (FILE *stream)
{
  /* Translators: the usage line of the command-line tool; do not translate the program name */
  fprintf (stream, "%s\n\n", _("Usage: open1688-cli COMMAND [OPTION…]"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “open1688-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir;
  const char *name;

  setlocale (LC_ALL, "");
  /* Lets the tests use the translations of the build tree. */
  localedir = g_getenv ("OPEN1688_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return OP_CLI_EXIT_USAGE;
    }

  name = argv[1];
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
          argv[1] = prog;
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  /* Translators: %s is the command the user typed */
  fprintf (stderr, _("Unknown command “%s”."), name);
  fputc ('\n', stderr);
  print_usage (stderr);
  return OP_CLI_EXIT_USAGE;
}
