/* op-cli-sign.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "open1688-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "op-cli-commands.h"
#include "op-request.h"
#include "op-sign.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/*
 * open1688-cli sign --url-path PATH [--secret-stdin] [--verbose] KEY=VALUE…
 *
 * The AppSecret is read from standard input, always: a secret on the command line would be
 * visible to every user (ps, /proc) and kept in the shell history. --secret-stdin only says
 * so explicitly. From a pipe or file, everything up to end of file is the secret, minus one
 * trailing newline ("\n" or "\r\n"), so both `printf %s "$S"` and `echo "$S"` work. From a
 * terminal, one line is read with echo off.
 *
 * Arguments are taken as bytes (not converted from the locale's character set by
 * GOptionContext), so UTF-8 parameters work under LANG=C too; text that is not UTF-8 is
 * converted from the locale's character set, or refused.
 */

/* No AppSecret is anywhere near this long; it only bounds what a mistaken pipe can cost. */
#define MAX_SECRET_SIZE (64 * 1024)

static void
wipe (char  *data,
      gsize  length)
{
  volatile char *p = data;

  while (length-- > 0)
    *p++ = '\0';
}

static int
usage_error (const char *prgname,
             const char *message)
{
  fprintf (stderr, "%s: %s\n", prgname, message);
  /* Translators: %s is the command, e.g. “open1688-cli sign” */
  fprintf (stderr, _("Run “%s --help” for the options."), prgname);
  fputc ('\n', stderr);

  return OP_CLI_EXIT_USAGE;
}

/* Returns the argument as UTF-8: as it is when it already is, otherwise converted from the
 * locale's character set; NULL if neither works. */
static char *
argument_to_utf8 (const char *arg)
{
  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);

  return g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
}

static gboolean
check_url_path (const char  *url_path,
                char       **message)
{
  if (url_path == NULL || *url_path == '\0')
    {
      /* Translators: --url-path is an option name; keep the example path as it is */
      *message = g_strdup (_("Give the request’s URL path with --url-path, for example "
                             "--url-path param2/1/system/currentTime/1000000."));
      return FALSE;
    }

  if (strstr (url_path, "://") != NULL)
    {
      /* Translators: keep the example path as it is */
      *message = g_strdup (_("Give only the URL path, from the protocol segment on, not the "
                             "whole address: for example param2/1/system/currentTime/1000000."));
      return FALSE;
    }

  if (url_path[0] == '/' || g_str_has_prefix (url_path, "openapi/"))
    {
      /* Translators: keep “/openapi/” and the example path as they are */
      *message = g_strdup (_("The URL path starts at the protocol segment, without “/openapi/” "
                             "or a leading “/”: for example param2/1/system/currentTime/1000000."));
      return FALSE;
    }

  if (strchr (url_path, '?') != NULL)
    {
      /* Translators: KEY=VALUE is literal syntax */
      *message = g_strdup (_("The URL path ends before “?”. Give the parameters as KEY=VALUE "
                             "arguments instead."));
      return FALSE;
    }

  return TRUE;
}

static char *
read_all (FILE    *stream,
          gsize   *length,
          GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (4096);
  guint8 buffer[4096];
  gsize n;

  while ((n = fread (buffer, 1, sizeof buffer, stream)) > 0)
    {
      if (bytes->len + n > MAX_SECRET_SIZE)
        {
          wipe ((char *) bytes->data, bytes->len);
          wipe ((char *) buffer, sizeof buffer);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       /* Translators: %u is a number of kilobytes */
                       _("Standard input holds more than %u KiB, which cannot be an AppSecret."),
                       (guint) (MAX_SECRET_SIZE / 1024));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  wipe ((char *) buffer, sizeof buffer);

  if (ferror (stream))
    {
      int saved_errno = errno;

      wipe ((char *) bytes->data, bytes->len);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is the system's description of the error */
                   _("Could not read the AppSecret from standard input: %s"),
                   g_strerror (saved_errno));
      return NULL;
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* Reads one line from the terminal with echo off. */
static char *
read_from_terminal (gsize   *length,
                    GError **error)
{
  struct termios saved;
  struct termios quiet;
  gboolean echo_off = FALSE;
  char *line = NULL;
  size_t size = 0;
  ssize_t n;

  /* Translators: the prompt for the secret when standard input is a terminal */
  fputs (_("AppSecret (not shown): "), stderr);
  fflush (stderr);

  if (tcgetattr (STDIN_FILENO, &saved) == 0)
    {
      quiet = saved;
      quiet.c_lflag &= ~(tcflag_t) ECHO;
      echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }

  n = getline (&line, &size, stdin);

  if (echo_off)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  fputc ('\n', stderr);

  if (n < 0)
    {
      if (line != NULL)
        wipe (line, size);
      free (line);
      if (ferror (stdin))
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not read the AppSecret from standard input: %s"),
                       g_strerror (saved_errno));
          return NULL;
        }
      /* End of input at once: an empty secret, reported by the caller. */
      *length = 0;
      return g_strdup ("");
    }

  {
    char *secret = g_strndup (line, n);

    wipe (line, size);
    free (line);
    *length = n;

    return secret;
  }
}

static char *
read_secret (gsize   *length,
             GError **error)
{
  char *secret;

  if (isatty (STDIN_FILENO))
    secret = read_from_terminal (length, error);
  else
    secret = read_all (stdin, length, error);

  if (secret == NULL)
    return NULL;

  /* One trailing newline, as `echo` or a here-string adds. */
  if (*length > 0 && secret[*length - 1] == '\n')
    {
      secret[--(*length)] = '\0';
      if (*length > 0 && secret[*length - 1] == '\r')
        secret[--(*length)] = '\0';
    }

  return secret;
}

int
op_cli_sign (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *raw_url_path = NULL;
  g_autofree char *url_path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *signature = NULL;
  g_auto(GStrv) assignments = NULL;
  const char *prgname = argv[0];
  gboolean secret_stdin = FALSE;
  gboolean verbose = FALSE;
  char *secret;
  gsize secret_length = 0;
  GOptionEntry entries[] = {
    { "url-path", 'p', 0, G_OPTION_ARG_FILENAME, &raw_url_path,
      /* Translators: help for --url-path; keep the example path as it is */
      N_("The request’s URL path from the protocol segment on, e.g. "
         "param2/1/system/currentTime/1000000 (required)"),
      /* Translators: the placeholder of --url-path in --help */
      N_("PATH") },
    { "secret-stdin", 0, 0, G_OPTION_ARG_NONE, &secret_stdin,
      N_("Read the AppSecret from standard input (always done; never give it as an argument)"),
      NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
      N_("Print the string to sign on the line before the signature"),
      NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &assignments,
      NULL,
      /* Translators: the placeholder of the parameters in --help; KEY=VALUE is literal */
      N_("KEY=VALUE…") },
    { NULL }
  };

  /* Translators: the parameter line of “open1688-cli sign --help” */
  context = g_option_context_new (_("— compute the _aop_signature of a request"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                /* Translators: the summary of “open1688-cli sign --help” */
                                _("Computes the gateway signature of a request the way the "
                                  "platform checks it. The AppSecret is read from standard "
                                  "input (one trailing newline is removed), never from the "
                                  "command line. The signature is the last line of the "
                                  "output."));
  g_option_context_set_description (context,
                                    /* Translators: keep the command as it is */
                                    /* xgettext:no-c-format */
                                    _("Example:\n"
                                      "  printf %s \"$APP_SECRET\" | open1688-cli sign "
                                      "--url-path param2/1/system/currentTime/1000000 b=2 a=1\n"
                                      "\n"
                                      "Exit status: 0 on success, 1 if standard input cannot "
                                      "be read, 2 on bad usage."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (prgname, error->message);

  if (raw_url_path != NULL)
    url_path = argument_to_utf8 (raw_url_path);
  if (raw_url_path != NULL && url_path == NULL)
    return usage_error (prgname, _("The URL path is not valid text in the terminal’s "
                                   "character encoding."));
  if (!check_url_path (url_path, &problem))
    return usage_error (prgname, problem);

  keys = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; assignments != NULL && assignments[i] != NULL; i++)
    {
      g_autofree char *arg = argument_to_utf8 (assignments[i]);
      char *key = NULL;
      char *value = NULL;

      if (!op_request_parse_assignment (arg != NULL ? arg : assignments[i], &key, &value, &error))
        return usage_error (prgname, error->message);

      for (guint j = 0; j < keys->len; j++)
        {
          if (strcmp (g_ptr_array_index (keys, j), key) == 0)
            {
              g_autofree char *text = NULL;

              /* Translators: %s is a parameter name */
              text = g_strdup_printf (_("The parameter “%s” is given twice. Give each "
                                        "parameter once."), key);
              g_free (key);
              g_free (value);
              return usage_error (prgname, text);
            }
        }

      g_ptr_array_add (keys, key);
      g_ptr_array_add (values, value);
    }

  secret = read_secret (&secret_length, &error);
  if (secret == NULL)
    {
      fprintf (stderr, "%s: %s\n", prgname, error->message);
      return OP_CLI_EXIT_ERROR;
    }

  if (secret_length == 0 || memchr (secret, '\0', secret_length) != NULL)
    {
      gboolean empty = secret_length == 0;

      wipe (secret, secret_length);
      g_free (secret);
      return usage_error (prgname,
                          empty ?
                          /* Translators: keep the command as it is */
                          /* xgettext:no-c-format */
                          _("No AppSecret on standard input. Pipe it in, for example: "
                            "printf %s \"$APP_SECRET\" | open1688-cli sign …") :
                          _("The AppSecret on standard input contains a NUL byte."));
    }

  message = op_sign_string_to_sign (url_path,
                                    (const char * const *) keys->pdata,
                                    (const char * const *) values->pdata,
                                    keys->len);
  signature = op_sign_hmac_sha1_hex (secret, message, -1);
  wipe (secret, secret_length);
  g_free (secret);

  if (verbose)
    printf ("%s\n", message);
  printf ("%s\n", signature);

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      /* Translators: %s are the command and the system's description of the error */
      fprintf (stderr, _("%s: Could not write the signature: %s"), prgname,
               g_strerror (saved_errno));
      fputc ('\n', stderr);
      return OP_CLI_EXIT_ERROR;
    }

  return OP_CLI_EXIT_OK;
}
