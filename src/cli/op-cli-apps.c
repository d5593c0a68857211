/* op-cli-apps.c
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

/*
 * open1688-cli apps
 *
 * Lists the apps of the account signed in with `login`, one a line, in aligned columns:
 * AppKey (first, so that `awk 'NR > 1 { print $1 }'` gives the AppKeys), name, type,
 * state and today's calls against the daily quota.
 */

#define N_COLUMNS 5

/* The width of @text in a terminal: Chinese characters take two columns. */
static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static const char *
type_name (OpAppType type)
{
  switch (type)
    {
    case OP_APP_TYPE_SELF_USE:
      /* Translators: an app type (自用型应用), in the list of apps */
      return C_("app type", "Self-use");
    case OP_APP_TYPE_ISV:
      /* Translators: an app type (商用型应用), in the list of apps */
      return C_("app type", "For sale");
    default:
      return "?";
    }
}

static const char *
state_name (OpAppState state)
{
  switch (state)
    {
    case OP_APP_STATE_DEVELOPING:
      /* Translators: an app state (开发中), in the list of apps */
      return C_("app state", "In development");
    case OP_APP_STATE_LAUNCH_REVIEW:
      /* Translators: an app state (上线审核中), in the list of apps */
      return C_("app state", "Launch under review");
    case OP_APP_STATE_LAUNCHED:
      /* Translators: an app state (已上线), in the list of apps */
      return C_("app state", "Launched");
    default:
      return "?";
    }
}

static void
print_row (char * const *cells,
           const int    *widths)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i + 1 < N_COLUMNS)
        printf ("%s%*s  ", cells[i], widths[i] - display_width (cells[i]), "");
      else
        printf ("%s\n", cells[i]);
    }
}

static void
print_apps (GListModel *apps)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int widths[N_COLUMNS] = { 0 };
  char **header;

  header = g_new0 (char *, N_COLUMNS + 1);
  /* Translators: column headings of the list of apps */
  header[0] = g_strdup (_("AppKey"));
  header[1] = g_strdup (C_("column", "Name"));
  header[2] = g_strdup (C_("column", "Type"));
  header[3] = g_strdup (C_("column", "State"));
  header[4] = g_strdup (C_("column", "Calls today"));
  g_ptr_array_add (rows, header);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (apps, i);
      char **row = g_new0 (char *, N_COLUMNS + 1);
      g_autofree char *used = g_strdup_printf ("%" G_GINT64_FORMAT, op_app_get_used_today (app));
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                op_app_get_daily_limit (app));

      row[0] = g_strdup (op_app_get_app_key (app));
      row[1] = g_strdup (op_app_get_name (app));
      row[2] = g_strdup (type_name (op_app_get_app_type (app)));
      row[3] = g_strdup (state_name (op_app_get_state (app)));
      /* Translators: today's calls of an app and its daily quota, e.g. “12 / 5000” */
      row[4] = g_strdup_printf (_("%s / %s"), used, limit);
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint j = 0; j < N_COLUMNS; j++)
        widths[j] = MAX (widths[j], display_width (row[j]));
    }

  for (guint i = 0; i < rows->len; i++)
    print_row (g_ptr_array_index (rows, i), widths);
}

int
op_cli_apps (OpCliContext  *context,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) apps = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *message = NULL;
  g_auto(GStrv) args = NULL;
  OpPlatformClient *client;
  const char *prgname = argv[0];
  char *token;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli apps --help” */
  options = g_option_context_new (_("— list your apps"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_main_group (options, op_cli_context_new_main_group (context, entries));
  g_option_context_set_summary (options,
                                /* Translators: the summary of “open1688-cli apps --help” */
                                _("Lists the apps of the account signed in with “open1688-cli "
                                  "login”: one a line with its AppKey, name, type, state and "
                                  "today’s calls against its daily quota."));
  g_option_context_set_description (options,
                                    _("Exit status: 0 on success, 1 when not signed in or the "
                                      "platform cannot be reached, 2 on bad usage."));

  if (!g_option_context_parse (options, &argc, &argv, &error))
    return op_cli_usage_error (prgname, error->message);

  if (args != NULL && args[0] != NULL)
    {
      g_autofree char *arg = op_cli_argument_to_utf8 (args[0]);

      /* Translators: %s is what the user typed */
      message = g_strdup_printf (_("Unexpected argument “%s”: apps takes none."),
                                 arg != NULL ? arg : "?");
      return op_cli_usage_error (prgname, message);
    }

  hint = op_cli_context_command_hint (context, "login LOGIN");

  token = op_cli_context_lookup_session (context, &error);
  if (token == NULL)
    {
      if (!g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
        return op_cli_fail_error (prgname, error);

      /* Translators: %s is a command to run, e.g. “open1688-cli login LOGIN” */
      message = g_strdup_printf (_("Not signed in: run %s"), hint);
      return op_cli_fail (prgname, message);
    }

  if (!op_cli_context_start_platform (context, &error))
    {
      op_secret_free (token);
      return op_cli_fail_error (prgname, error);
    }

  client = op_cli_context_get_platform_client (context);
  op_platform_client_set_session_token (client, token);
  op_secret_free (token);

  op_platform_client_list_apps_async (client, op_cli_context_get_cancellable (context),
                                      op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);
  apps = op_platform_client_list_apps_finish (client, result, &error);

  if (apps == NULL)
    {
      if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SESSION_EXPIRED))
        {
          g_autoptr(GError) clear_error = NULL;

          /* The kept session no longer works: forget it. */
          if (!op_cli_context_clear_sessions (context, &clear_error))
            g_debug ("Could not remove the expired session: %s", clear_error->message);

          /* Translators: %s is a command to run, e.g. “open1688-cli login LOGIN” */
          message = g_strdup_printf (_("The sign-in has expired or was ended: run %s"), hint);
          return op_cli_fail (prgname, message);
        }

      return op_cli_fail_error (prgname, error);
    }

  if (g_list_model_get_n_items (apps) == 0)
    {
      platform = op_cli_context_describe_platform (context);
      /* Translators: %s is “the built-in sandbox” or a platform address */
      fprintf (stderr, _("This account has no apps on %s yet. An app is created when a "
                         "solution is ordered, in the Open 1688 app."), platform);
      fputc ('\n', stderr);
      return OP_CLI_EXIT_OK;
    }

  print_apps (apps);

  return OP_CLI_EXIT_OK;
}
