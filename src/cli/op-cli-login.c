/* op-cli-login.c
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
 * open1688-cli login LOGIN     (password on standard input)
 * open1688-cli logout
 *
 * The session token goes to the keyring (kind platform-session, account LOGIN, platform:
 * the built-in sandbox's name or the platform URL), exactly as the desktop app keeps it,
 * so the two share one sign-in. When the keyring cannot keep it, the sign-in is refused
 * and the platform session ended again: it is never kept anywhere else.
 */

/* Ends the session the client holds (DELETE /session), whatever happened before. */
static void
end_session (OpCliContext *context)
{
  OpPlatformClient *client = op_cli_context_get_platform_client (context);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Not cancellable: even after Ctrl+C the session must not stay open. The client's own
   * timeout bounds the wait. */
  op_platform_client_sign_out_async (client, NULL, op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);
  if (!op_platform_client_sign_out_finish (client, result, &error))
    {
      /* Translators: %s says why */
      fprintf (stderr, _("The session could not be ended on the platform: %s"), error->message);
      fputc ('\n', stderr);
    }
}

static gboolean
store_session (OpCliContext  *context,
               const char    *login,
               const char    *token,
               GError       **error)
{
  OpSecretStore *store = op_cli_context_get_secret_store (context);
  g_autoptr(GAsyncResult) result = NULL;

  op_secret_store_store_async (store, OP_SECRET_KIND_PLATFORM_SESSION,
                               op_cli_context_get_platform_id (context), NULL, login, token,
                               op_cli_context_get_cancellable (context),
                               op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);

  return op_secret_store_store_finish (store, result, error);
}

int
op_cli_login (OpCliContext  *context,
              int            argc,
              char         **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(OpAccount) account = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *login = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *prompt = NULL;
  OpPlatformClient *client;
  const char *prgname = argv[0];
  char *token = NULL;
  char *password;
  gsize password_length = 0;
  gboolean valid;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL,
      /* Translators: the placeholder of the account name in --help */
      N_("LOGIN") },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli login --help” */
  options = g_option_context_new (_("LOGIN — sign in to the platform"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_main_group (options, op_cli_context_new_main_group (context, entries));
  g_option_context_set_summary (options,
                                /* Translators: the summary of “open1688-cli login --help” */
                                _("Signs in to the platform’s console as the member LOGIN. The "
                                  "password is read from standard input (asked for without "
                                  "echo in a terminal; one trailing newline is removed), never "
                                  "from the command line. The session is kept in the keyring, "
                                  "and nowhere else, for the other commands and for the "
                                  "desktop app."));
  g_option_context_set_description (options,
                                    /* Translators: keep the commands as they are */
                                    /* xgettext:no-c-format */
                                    _("Examples:\n"
                                      "  open1688-cli login merchant\n"
                                      "  printf %s \"$PASSWORD\" | open1688-cli --platform "
                                      "http://127.0.0.1:8688 login merchant\n"
                                      "\n"
                                      "Exit status: 0 when signed in, 1 when the platform refuses "
                                      "the sign-in or the keyring cannot keep the session (the "
                                      "session is then ended), 2 on bad usage."));

  if (!g_option_context_parse (options, &argc, &argv, &error))
    return op_cli_usage_error (prgname, error->message);

  if (args == NULL || args[0] == NULL || args[1] != NULL)
    /* Translators: keep the command as it is */
    return op_cli_usage_error (prgname, _("Give one account name, for example: "
                                          "open1688-cli login merchant."));

  login = op_cli_argument_to_utf8 (args[0]);
  if (login == NULL || *login == '\0')
    return op_cli_usage_error (prgname, _("The account name is not valid text in the "
                                          "terminal’s character encoding."));

  platform = op_cli_context_describe_platform (context);
  /* Translators: the prompt for the password in a terminal; the first %s is an account
   * name, the second “the built-in sandbox” or a platform address */
  prompt = g_strdup_printf (_("Password of %s on %s (not shown): "), login, platform);
  password = op_cli_read_secret (prompt, &password_length, &error);
  if (password == NULL)
    return op_cli_fail_error (prgname, error);

  valid = password_length > 0 && memchr (password, '\0', password_length) == NULL &&
          g_utf8_validate (password, password_length, NULL);
  if (!valid)
    {
      gboolean empty = password_length == 0;

      op_cli_wipe (password, password_length);
      g_free (password);
      return op_cli_usage_error (prgname,
                                 empty ?
                                 /* Translators: keep the command as it is */
                                 /* xgettext:no-c-format */
                                 _("No password on standard input. Type it when asked, or pipe "
                                   "it in, for example: printf %s \"$PASSWORD\" | open1688-cli "
                                   "login LOGIN") :
                                 _("The password on standard input is not valid UTF-8 text."));
    }

  if (!op_cli_context_start_platform (context, &error))
    {
      op_cli_wipe (password, password_length);
      g_free (password);
      return op_cli_fail_error (prgname, error);
    }

  client = op_cli_context_get_platform_client (context);
  op_platform_client_sign_in_async (client, login, password,
                                    op_cli_context_get_cancellable (context),
                                    op_cli_context_result_cb, &result);
  op_cli_context_wait (context, &result);
  op_cli_wipe (password, password_length);
  g_free (password);

  account = op_platform_client_sign_in_finish (client, result, &token, &error);
  if (account == NULL)
    return op_cli_fail_error (prgname, error);

  /* One session per platform: a new sign-in replaces any kept one (of any account). */
  if (!op_cli_context_clear_sessions (context, &error) &&
      g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_LOCKED))
    {
      g_clear_error (&error);
      g_set_error_literal (&error, OP_SECRET_ERROR, OP_SECRET_ERROR_LOCKED,
                           _("The keyring is locked, so the sign-in was not saved. Unlock the "
                             "keyring (for example in Passwords and Keys) and sign in again."));
    }
  else if (error != NULL && error->domain == OP_SECRET_ERROR)
    {
      g_clear_error (&error);
      g_set_error_literal (&error, OP_SECRET_ERROR, OP_SECRET_ERROR_UNAVAILABLE,
                           _("The keyring is not available, so the sign-in was not saved. Start "
                             "GNOME Keyring (or another Secret Service) and sign in again."));
    }

  if (error != NULL ||
      !store_session (context, op_account_get_login (account), token, &error))
    {
      op_secret_free (token);
      end_session (context);
      return op_cli_fail_error (prgname, error);
    }
  op_secret_free (token);

  /* Translators: %1$s is “the built-in sandbox” or a platform address, %2$s an account
   * name, %3$s its display name */
  printf (_("Signed in to %1$s as %2$s (%3$s)."), platform, op_account_get_login (account),
          op_account_get_display_name (account) != NULL ? op_account_get_display_name (account)
                                                         : op_account_get_login (account));
  putchar ('\n');

  fflush (stdout);
  if (!op_account_get_is_developer (account))
    /* Translators: said after signing in an account that has not joined (入驻) */
    fprintf (stderr, "%s\n", _("This account has not joined the platform as a developer yet: "
                               "join in the Open 1688 app before creating apps."));

  return OP_CLI_EXIT_OK;
}

int
op_cli_logout (OpCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *platform = NULL;
  g_auto(GStrv) args = NULL;
  const char *prgname = argv[0];
  char *token;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli logout --help” */
  options = g_option_context_new (_("— sign out of the platform"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_set_main_group (options, op_cli_context_new_main_group (context, entries));
  g_option_context_set_summary (options,
                                /* Translators: the summary of “open1688-cli logout --help” */
                                _("Ends the session on the platform and removes it from the "
                                  "keyring. AppSecrets and authorizations stay in the "
                                  "keyring."));
  g_option_context_set_description (options,
                                    _("Exit status: 0 when signed out (or not signed in), 1 when "
                                      "the keyring cannot be used, 2 on bad usage."));

  if (!g_option_context_parse (options, &argc, &argv, &error))
    return op_cli_usage_error (prgname, error->message);

  if (args != NULL && args[0] != NULL)
    {
      g_autofree char *arg = op_cli_argument_to_utf8 (args[0]);
      g_autofree char *message = NULL;

      /* Translators: %s is what the user typed */
      message = g_strdup_printf (_("Unexpected argument “%s”: logout takes none."),
                                 arg != NULL ? arg : "?");
      return op_cli_usage_error (prgname, message);
    }

  platform = op_cli_context_describe_platform (context);

  token = op_cli_context_lookup_session (context, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
        {
          /* Translators: %s is “the built-in sandbox” or a platform address */
          fprintf (stderr, _("Not signed in to %s."), platform);
          fputc ('\n', stderr);
          return OP_CLI_EXIT_OK;
        }
      return op_cli_fail_error (prgname, error);
    }

  /* The platform is told first; when it cannot be reached the session is still forgotten
   * here (it expires by itself on the platform). */
  if (op_cli_context_start_platform (context, &error))
    {
      op_platform_client_set_session_token (op_cli_context_get_platform_client (context), token);
      end_session (context);
    }
  else
    {
      /* Translators: %s says why */
      fprintf (stderr, _("The platform could not be told (%s); the session is removed from "
                         "the keyring anyway."), error->message);
      fputc ('\n', stderr);
      g_clear_error (&error);
    }
  op_secret_free (token);

  if (!op_cli_context_clear_sessions (context, &error))
    return op_cli_fail_error (prgname, error);

  /* Translators: %s is “the built-in sandbox” or a platform address */
  printf (_("Signed out of %s."), platform);
  putchar ('\n');

  return OP_CLI_EXIT_OK;
}
