/* op-cli-context.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "open1688-cli"

#include "config.h"

#include "op-cli-context.h"

#include "op-embedded-platform.h"
#include "op-session.h"
#include "op-service-paths.h"

#include <gio/gunixconnection.h>
#include <gio/gunixsocketaddress.h>
#include <glib-unix.h>
#include <glib/gi18n.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* No password, AppSecret or code is anywhere near this long; it only bounds what a
 * mistaken pipe can cost. */
#define MAX_SECRET_SIZE (64 * 1024)

/* The longest AppKey accepted (real ones have 7 or 8 digits). */
#define MAX_APP_KEY_LENGTH 64

struct _OpCliContext
{
  char               *platform_url;    /* NULL: the built-in sandbox */
  OpGatewayKind       gateway_kind;

  char               *db_path;
  char               *platform_id;

  SoupSession        *session;
  OpSecretStore      *store;
  GCancellable       *cancellable;

  OpEmbeddedPlatform *embedded;
  char               *base_url;
  OpPlatformClient   *client;

  guint               sigint_source;
  guint               sigterm_source;
};

OpCliContext *
op_cli_context_new (void)
{
  OpCliContext *self = g_new0 (OpCliContext, 1);

  self->gateway_kind = OP_GATEWAY_SANDBOX;
  self->cancellable = g_cancellable_new ();
  self->store = op_secret_store_new ();
  self->session = op_session_new ("open1688-cli/" PACKAGE_VERSION " ");

  return self;
}

/**
 * op_cli_context_free:
 *
 * Stops the built-in sandbox cleanly (its database closed) if it was started.
 */
void
op_cli_context_free (OpCliContext *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->sigint_source, g_source_remove);
  g_clear_handle_id (&self->sigterm_source, g_source_remove);

  g_clear_object (&self->client);
  g_clear_object (&self->session);
  if (self->embedded != NULL)
    op_embedded_platform_stop (self->embedded);
  g_clear_object (&self->embedded);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  g_free (self->platform_url);
  g_free (self->db_path);
  g_free (self->platform_id);
  g_free (self->base_url);
  g_free (self);
}

/**
 * op_cli_context_set_platform:
 * @url: the platform service's base URL, `http://` or `https://`
 *
 * Returns: %FALSE with a %G_OPTION_ERROR_BAD_VALUE when @url is not a platform address
 */
gboolean
op_cli_context_set_platform (OpCliContext  *self,
                             const char    *url,
                             GError       **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *utf8 = NULL;
  const char *scheme;
  char *normalized;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (url != NULL, FALSE);

  utf8 = op_cli_argument_to_utf8 (url);
  if (utf8 != NULL)
    uri = g_uri_parse (utf8, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user gave; keep the example address */
                   _("“%s” is not a platform address. Give the address of the platform "
                     "service, for example http://127.0.0.1:8688."),
                   utf8 != NULL ? utf8 : url);
      return FALSE;
    }

  /* The same platform with or without a final "/" is one platform for the keyring. */
  normalized = g_strdup (utf8);
  length = strlen (normalized);
  while (length > 0 && normalized[length - 1] == '/')
    normalized[--length] = '\0';

  g_free (self->platform_url);
  self->platform_url = normalized;
  g_clear_pointer (&self->platform_id, g_free);

  return TRUE;
}

/**
 * op_cli_context_set_gateway:
 * @name: `sandbox` or `production`
 *
 * Returns: %FALSE with a %G_OPTION_ERROR_BAD_VALUE for any other name
 */
gboolean
op_cli_context_set_gateway (OpCliContext  *self,
                            const char    *name,
                            GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_str_equal (name, "sandbox"))
    self->gateway_kind = OP_GATEWAY_SANDBOX;
  else if (g_str_equal (name, "production"))
    self->gateway_kind = OP_GATEWAY_PRODUCTION;
  else
    {
      g_autofree char *utf8 = op_cli_argument_to_utf8 (name);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user gave; keep “sandbox” and
                    * “production”: they are the values of --gateway */
                   _("“%s” is not a gateway. Give sandbox (the platform’s own gateway) or "
                     "production (the real 1688 gateway)."),
                   utf8 != NULL ? utf8 : "?");
      return FALSE;
    }

  return TRUE;
}

static gboolean
platform_option_cb (const char  *option_name,
                    const char  *value,
                    gpointer     data,
                    GError     **error)
{
  return op_cli_context_set_platform (data, value, error);
}

static gboolean
gateway_option_cb (const char  *option_name,
                   const char  *value,
                   gpointer     data,
                   GError     **error)
{
  return op_cli_context_set_gateway (data, value, error);
}

/**
 * op_cli_context_new_main_group:
 * @entries: the command's own options
 *
 * Makes the main option group of a command: its own options and the global ones, so that
 * `--platform` and `--gateway` may also follow the command's name. Give it to
 * g_option_context_set_main_group().
 *
 * Returns: (transfer full): the group
 */
GOptionGroup *
op_cli_context_new_main_group (OpCliContext       *self,
                               const GOptionEntry *entries)
{
  const GOptionEntry global[] = {
    { "platform", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) platform_option_cb,
      N_("The platform service to use, instead of the built-in sandbox"),
      /* Translators: the placeholder of --platform in --help */
      N_("URL") },
    { "gateway", 0, 0, G_OPTION_ARG_CALLBACK, (gpointer) gateway_option_cb,
      N_("The gateway for API calls: sandbox (the default) or production (the real 1688 "
         "gateway)"),
      /* Translators: the placeholder of --gateway in --help; keep the two values */
      N_("sandbox|production") },
    { NULL }
  };
  GOptionGroup *group;

  g_return_val_if_fail (self != NULL, NULL);

  group = g_option_group_new (NULL, NULL, NULL, self, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_group_add_entries (group, entries);
  g_option_group_add_entries (group, global);

  return group;
}

gboolean
op_cli_context_get_builtin (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->platform_url == NULL;
}

OpGatewayKind
op_cli_context_get_gateway_kind (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, OP_GATEWAY_SANDBOX);

  return self->gateway_kind;
}

/**
 * op_cli_context_get_platform_id:
 *
 * The keyring's `platform` for the platform's own secrets (the session, and the sandbox's
 * AppSecrets and tokens): op_endpoints_builtin_platform_id() for the built-in sandbox,
 * as the desktop app names it, or the platform URL.
 */
const char *
op_cli_context_get_platform_id (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->platform_id != NULL)
    return self->platform_id;

  if (self->platform_url != NULL)
    {
      self->platform_id = g_strdup (self->platform_url);
    }
  else
    {
      if (self->db_path == NULL)
        self->db_path = op_service_default_db_path ();
      self->platform_id = op_endpoints_builtin_platform_id (self->db_path);
    }

  return self->platform_id;
}

/**
 * op_cli_context_get_secret_platform:
 *
 * The keyring's `platform` for AppSecrets and tokens: the real gateway's URL with
 * `--gateway production`, so that real secrets and sandbox ones never mix; else the
 * platform's.
 */
const char *
op_cli_context_get_secret_platform (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->gateway_kind == OP_GATEWAY_PRODUCTION)
    return OP_PRODUCTION_GATEWAY_URL;

  return op_cli_context_get_platform_id (self);
}

/* The platform, for messages. */
char *
op_cli_context_describe_platform (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->platform_url != NULL)
    return g_strdup (self->platform_url);

  /* Translators: where the command works, as in “Signed in to the built-in sandbox as …” */
  return g_strdup (_("the built-in sandbox"));
}

/* Where API calls go, for messages. */
char *
op_cli_context_describe_gateway (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->gateway_kind == OP_GATEWAY_PRODUCTION)
    /* Translators: as in “The AppSecret of app 1234567 for the real 1688 gateway is saved” */
    return g_strdup (_("the real 1688 gateway"));

  return op_cli_context_describe_platform (self);
}

/**
 * op_cli_context_command_hint:
 * @command: a command and its arguments, e.g. `login LOGIN`
 *
 * Returns: (transfer full): the whole command line to suggest, with the global options in
 *   use, e.g. `open1688-cli --platform http://127.0.0.1:8688 login LOGIN`
 */
char *
op_cli_context_command_hint (OpCliContext *self,
                             const char   *command)
{
  GString *hint = g_string_new ("open1688-cli");
  gboolean console = g_str_has_prefix (command, "login") || g_str_has_prefix (command, "logout") ||
                     g_str_has_prefix (command, "apps");

  g_return_val_if_fail (self != NULL, NULL);

  /* The real gateway's secrets and tokens do not depend on the platform. */
  if (self->platform_url != NULL &&
      (console || self->gateway_kind == OP_GATEWAY_SANDBOX))
    g_string_append_printf (hint, " --platform %s", self->platform_url);
  if (self->gateway_kind == OP_GATEWAY_PRODUCTION && !console)
    g_string_append (hint, " --gateway production");
  g_string_append_printf (hint, " %s", command);

  return g_string_free (hint, FALSE);
}

/* Cancelled by Ctrl+C or SIGTERM, so that the command ends cleanly. */
GCancellable *
op_cli_context_get_cancellable (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->cancellable;
}

SoupSession *
op_cli_context_get_session (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->session;
}

OpSecretStore *
op_cli_context_get_secret_store (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->store;
}

static gboolean
interrupted_cb (gpointer user_data)
{
  OpCliContext *self = user_data;

  g_debug ("Interrupted: cancelling");
  g_cancellable_cancel (self->cancellable);

  /* Removing the last source of a signal gives it back its default action: a second
   * Ctrl+C ends the program at once. */
  self->sigint_source = 0;
  g_clear_handle_id (&self->sigterm_source, g_source_remove);

  return G_SOURCE_REMOVE;
}

static gboolean
terminated_cb (gpointer user_data)
{
  OpCliContext *self = user_data;

  g_cancellable_cancel (self->cancellable);
  self->sigterm_source = 0;
  g_clear_handle_id (&self->sigint_source, g_source_remove);

  return G_SOURCE_REMOVE;
}

/* Only while waiting: a blocking read of standard input must stay interruptible. */
static void
catch_signals (OpCliContext *self)
{
  if (self->sigint_source != 0 || self->sigterm_source != 0 ||
      g_cancellable_is_cancelled (self->cancellable))
    return;

  self->sigint_source = g_unix_signal_add (SIGINT, interrupted_cb, self);
  self->sigterm_source = g_unix_signal_add (SIGTERM, terminated_cb, self);
}

/**
 * op_cli_context_result_cb:
 * @user_data: a `GAsyncResult **`, %NULL until the result arrives
 *
 * A #GAsyncReadyCallback that keeps the result for op_cli_context_wait().
 */
void
op_cli_context_result_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/**
 * op_cli_context_wait:
 * @result: where op_cli_context_result_cb() puts the result
 *
 * Runs the main context until the result is there.
 */
void
op_cli_context_wait (OpCliContext  *self,
                     GAsyncResult **result)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (result != NULL);

  catch_signals (self);
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * op_cli_context_start_platform:
 *
 * Starts the built-in sandbox on its worker thread (with the desktop app's database) and
 * waits until it listens; with a platform URL, only makes the client. Does nothing the
 * second time.
 *
 * Returns: %FALSE with a translated error when the built-in sandbox does not start
 */
gboolean
op_cli_context_start_platform (OpCliContext  *self,
                               GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->base_url != NULL)
    return TRUE;

  if (self->platform_url != NULL)
    {
      self->base_url = g_strdup (self->platform_url);
    }
  else
    {
      g_autoptr(GAsyncResult) result = NULL;

      /* The same database as the desktop app's built-in sandbox: same apps, same keyring
       * items. */
      op_cli_context_get_platform_id (self);
      self->embedded = op_embedded_platform_new (self->db_path);
      op_embedded_platform_start_async (self->embedded, self->cancellable,
                                        op_cli_context_result_cb, &result);
      op_cli_context_wait (self, &result);

      self->base_url = op_embedded_platform_start_finish (self->embedded, result, error);
      if (self->base_url == NULL)
        {
          if (error != NULL && *error != NULL &&
              !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (error, "%s", _("The built-in sandbox could not be started: "));
          return FALSE;
        }
      g_debug ("The built-in sandbox listens at %s", self->base_url);
    }

  self->client = op_platform_client_new (self->session, self->base_url);

  return TRUE;
}

/* Returns: (nullable): the platform's base URL, once started */
const char *
op_cli_context_get_base_url (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->base_url;
}

/* Returns: (transfer none) (nullable): the console client, once started */
OpPlatformClient *
op_cli_context_get_platform_client (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->client;
}

/**
 * op_cli_context_get_gateway_url:
 *
 * Returns: (transfer full): the gateway of `--gateway`; the sandbox's needs the platform
 *   started
 */
char *
op_cli_context_get_gateway_url (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->gateway_kind == OP_GATEWAY_PRODUCTION || self->base_url != NULL,
                        NULL);

  return op_endpoints_gateway_url (self->gateway_kind, self->base_url);
}

/**
 * op_cli_context_get_auth_url:
 *
 * Returns: (transfer full): the authorization server of `--gateway`; the sandbox's needs
 *   the platform started
 */
char *
op_cli_context_get_auth_url (OpCliContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->gateway_kind == OP_GATEWAY_PRODUCTION || self->base_url != NULL,
                        NULL);

  return op_endpoints_auth_url (self->gateway_kind, self->base_url);
}

/**
 * op_cli_context_lookup_session:
 *
 * Returns: (transfer full): the session token kept for this platform; free it with
 *   op_secret_free(). %OP_SECRET_ERROR_NOT_FOUND when not signed in.
 */
char *
op_cli_context_lookup_session (OpCliContext  *self,
                               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  op_secret_store_lookup_async (self->store, OP_SECRET_KIND_PLATFORM_SESSION,
                                op_cli_context_get_platform_id (self), NULL, NULL,
                                self->cancellable, op_cli_context_result_cb, &result);
  op_cli_context_wait (self, &result);

  return op_secret_store_lookup_finish (self->store, result, error);
}

/**
 * op_cli_context_clear_sessions:
 *
 * Removes every platform session kept for this platform, whatever the account, and
 * nothing else: the AppSecrets and the members' authorizations stay.
 *
 * Returns: %FALSE with an %OP_SECRET_ERROR when the keyring cannot be used
 */
gboolean
op_cli_context_clear_sessions (OpCliContext  *self,
                               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (attributes, (gpointer) "kind",
                       (gpointer) op_secret_kind_to_string (OP_SECRET_KIND_PLATFORM_SESSION));
  g_hash_table_insert (attributes, (gpointer) "platform",
                       (gpointer) op_cli_context_get_platform_id (self));

  secret_password_clearv (op_secret_store_get_schema (), attributes, self->cancellable,
                          op_cli_context_result_cb, &result);
  op_cli_context_wait (self, &result);

  /* FALSE without an error: there was nothing to remove. */
  if (secret_password_clear_finish (result, &local_error) || local_error == NULL)
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      g_cancellable_is_cancelled (self->cancellable))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_debug ("Could not remove the platform session: %s", local_error->message);

  if (g_error_matches (local_error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    g_set_error_literal (error, OP_SECRET_ERROR, OP_SECRET_ERROR_LOCKED,
                         _("The keyring is locked, so the saved sign-in was not removed. Unlock "
                           "the keyring (for example in Passwords and Keys) and try again."));
  else
    g_set_error_literal (error, OP_SECRET_ERROR, OP_SECRET_ERROR_UNAVAILABLE,
                         _("The keyring is not available, so the saved sign-in was not "
                           "removed. Start GNOME Keyring (or another Secret Service) and try "
                           "again."));

  return FALSE;
}

int
op_cli_usage_error (const char *prgname,
                    const char *message)
{
  fprintf (stderr, "%s: %s\n", prgname, message);
  /* Translators: %s is the command, e.g. “open1688-cli sign” */
  fprintf (stderr, _("Run “%s --help” for the options."), prgname);
  fputc ('\n', stderr);

  return 2;
}

int
op_cli_fail (const char *prgname,
             const char *message)
{
  fprintf (stderr, "%s: %s\n", prgname, message);

  return 1;
}

/* Prints why a command failed: the error's message, or that it was interrupted. */
int
op_cli_fail_error (const char   *prgname,
                   const GError *error)
{
  g_return_val_if_fail (error != NULL, 1);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: after Ctrl+C */
    return op_cli_fail (prgname, _("Interrupted."));

  return op_cli_fail (prgname, error->message);
}

/* Returns the argument as UTF-8: as it is when it already is, otherwise converted from the
 * locale's character set; NULL if neither works. */
char *
op_cli_argument_to_utf8 (const char *arg)
{
  g_return_val_if_fail (arg != NULL, NULL);

  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);

  return g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
}

/**
 * op_cli_check_app_key:
 * @app_key: (nullable): what was given with --app-key
 * @message: (out): why it is refused, for a usage error
 *
 * Returns: %TRUE when @app_key looks like an AppKey: letters and digits
 */
gboolean
op_cli_check_app_key (const char  *app_key,
                      char       **message)
{
  g_return_val_if_fail (message != NULL, FALSE);

  if (app_key == NULL || *app_key == '\0')
    {
      /* Translators: --app-key is an option name; keep the example */
      *message = g_strdup (_("Give the app’s AppKey with --app-key, for example "
                             "--app-key 1234567."));
      return FALSE;
    }

  for (const char *p = app_key; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) || p - app_key >= MAX_APP_KEY_LENGTH)
        {
          g_autofree char *utf8 = op_cli_argument_to_utf8 (app_key);

          /* Translators: %s is what the user gave */
          *message = g_strdup_printf (_("“%s” is not an AppKey: an AppKey is made of letters "
                                        "and digits, for example 1234567."),
                                      utf8 != NULL ? utf8 : "?");
          return FALSE;
        }
    }

  return TRUE;
}

void
op_cli_wipe (char  *data,
             gsize  length)
{
  volatile char *p = (volatile char *) data;

  while (length-- > 0)
    *p++ = '\0';
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
          op_cli_wipe ((char *) bytes->data, bytes->len);
          op_cli_wipe ((char *) buffer, sizeof buffer);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       /* Translators: %u is a number of kilobytes */
                       _("Standard input holds more than %u KiB, which is too much for a "
                         "password or a secret."),
                       (guint) (MAX_SECRET_SIZE / 1024));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  op_cli_wipe ((char *) buffer, sizeof buffer);

  if (ferror (stream))
    {
      int saved_errno = errno;

      op_cli_wipe ((char *) bytes->data, bytes->len);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is the system's description of the error */
                   _("Could not read standard input: %s"), g_strerror (saved_errno));
      return NULL;
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* Reads one line from the terminal with echo off. */
static char *
read_from_terminal (const char  *prompt,
                    gsize       *length,
                    GError     **error)
{
  struct termios saved;
  struct termios quiet;
  gboolean echo_off = FALSE;
  char *line = NULL;
  size_t size = 0;
  ssize_t n;
  char *secret;

  fputs (prompt, stderr);
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
      int saved_errno = errno;
      gboolean failed = ferror (stdin);

      if (line != NULL)
        op_cli_wipe (line, size);
      free (line);
      if (failed)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not read standard input: %s"), g_strerror (saved_errno));
          return NULL;
        }
      /* End of input at once: nothing, which the caller reports. */
      *length = 0;
      return g_strdup ("");
    }

  secret = g_strndup (line, n);
  op_cli_wipe (line, size);
  free (line);
  *length = n;

  return secret;
}

/**
 * op_cli_read_secret:
 * @prompt: what to ask when standard input is a terminal
 * @length: (out): the length of the secret
 *
 * Reads a password or secret from standard input: from a terminal one line with echo off,
 * after @prompt on standard error; from a pipe or file everything up to end of file. One
 * trailing newline ("\n" or "\r\n") is removed, so both `printf %s "$S"` and `echo "$S"`
 * work. Wipe the result with op_cli_wipe() before freeing it.
 *
 * Returns: (transfer full): the secret, possibly empty, or %NULL with @error set
 */
char *
op_cli_read_secret (const char  *prompt,
                    gsize       *length,
                    GError     **error)
{
  char *secret;

  g_return_val_if_fail (prompt != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  if (isatty (STDIN_FILENO))
    secret = read_from_terminal (prompt, length, error);
  else
    secret = read_all (stdin, length, error);

  if (secret == NULL)
    return NULL;

  if (*length > 0 && secret[*length - 1] == '\n')
    {
      secret[--(*length)] = '\0';
      if (*length > 0 && secret[*length - 1] == '\r')
        secret[--(*length)] = '\0';
    }

  return secret;
}
