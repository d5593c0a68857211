/* main.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "op-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(OpApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Lets build-aux/run and the tests use the translations of the build tree. */
  localedir = g_getenv ("OPEN1688_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Open 1688"));

  app = op_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
