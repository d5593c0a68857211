/* op-test-env.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include "op-test-env.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <signal.h>
#include <string.h>

/* Every client test (and every test of the CLI's networked commands, see
 * tests/cli/op-cli-test.c) runs in throw-away XDG directories and, for the keyring, on a
 * private D-Bus session bus of its own with its own gnome-keyring: nothing of the user's
 * keyring or files is touched, whether the test runs under build-aux/test or from plain
 * `meson test`. */

static char *scratch;
static GTestDBus *bus;
static GSubprocess *keyring;

static char *
make_dir (const char *name)
{
  char *path = g_build_filename (scratch, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  return path;
}

static void
wait_for_keyring (void)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean has_owner = FALSE;

      reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                           "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                           "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                           -1, NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &has_owner);
      if (has_owner)
        return;

      g_usleep (20 * 1000);
    }

  g_error ("gnome-keyring-daemon did not appear on the test bus");
}

static void
start_keyring (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *input;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  keyring = g_subprocess_launcher_spawn (launcher, &error,
                                         "gnome-keyring-daemon", "--foreground", "--unlock",
                                         "--components=secrets", NULL);
  g_assert_no_error (error);

  /* A non-empty password creates and unlocks the login keyring without a prompt. */
  input = g_subprocess_get_stdin_pipe (keyring);
  g_output_stream_write_all (input, "open1688-test", strlen ("open1688-test"), NULL, NULL,
                             &error);
  g_assert_no_error (error);
  g_output_stream_close (input, NULL, &error);
  g_assert_no_error (error);

  wait_for_keyring ();
}

/* Call first thing in main(), before anything asks GLib for the user's directories. */
void
op_test_env_setup (OpTestEnvKind kind)
{
  g_autofree char *home = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) error = NULL;

  scratch = g_dir_make_tmp ("open1688-test-XXXXXX", &error);
  g_assert_no_error (error);

  home = make_dir ("home");
  data = make_dir ("data");
  config = make_dir ("config");
  cache = make_dir ("cache");
  state = make_dir ("state");
  runtime = make_dir ("runtime");
  tmp = make_dir ("tmp");

  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
  g_setenv ("TMPDIR", tmp, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* No display: no keyring prompt can appear, and no D-Bus autolaunch either. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("GNOME_KEYRING_CONTROL");
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

  if (kind == OP_TEST_ENV_NO_BUS)
    return;

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  if (kind == OP_TEST_ENV_KEYRING)
    start_keyring ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }

  g_rmdir (path);
}

void
op_test_env_teardown (void)
{
  if (keyring != NULL)
    {
      g_subprocess_send_signal (keyring, SIGTERM);
      g_subprocess_wait (keyring, NULL, NULL);
      g_clear_object (&keyring);
    }

  /* libsecret keeps its connection to the bus for the life of the process (its default
   * backend holds it even after secret_service_disconnect()), so g_test_dbus_down() would
   * wait in vain for it: stop the bus daemon and let the object go with the process. */
  secret_service_disconnect ();

  if (bus != NULL)
    {
      g_test_dbus_stop (bus);
      bus = NULL;
    }

  if (scratch != NULL)
    {
      remove_tree (scratch);
      g_clear_pointer (&scratch, g_free);
    }
}

const char *
op_test_env_get_scratch (void)
{
  return scratch;
}

static char *
find_in_tree (const char *path,
              const char *needle,
              guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          char *found = find_in_tree (child, needle, n_files);

          if (found != NULL)
            return found;
          continue;
        }

      if (!g_file_get_contents (child, &contents, &length, NULL))
        continue;

      (*n_files)++;
      if (memmem (contents, length, needle, strlen (needle)) != NULL)
        return g_steal_pointer (&child);
    }

  return NULL;
}

/* Looks for @needle in every file under the test's home, XDG directories and TMPDIR.
 * Returns: the first file holding it, or NULL. */
char *
op_test_env_find_in_files (const char *needle,
                           guint      *n_files)
{
  static const char * const dirs[] = { "home", "data", "config", "cache", "state", "runtime",
                                       "tmp" };
  guint count = 0;

  g_assert (needle != NULL && *needle != '\0');

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (scratch, dirs[i], NULL);
      char *found = find_in_tree (path, needle, &count);

      if (found != NULL)
        return found;
    }

  if (n_files != NULL)
    *n_files = count;

  return NULL;
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out");

  return G_SOURCE_REMOVE;
}

/* Iterates the thread-default context until *done (failing after 30 s). */
void
op_test_env_run_until (gboolean *done)
{
  guint timeout = g_timeout_add_seconds (30, timeout_cb, NULL);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);
}

typedef struct
{
  gboolean  done;
  GBytes   *body;
  GError   *error;
} HttpData;

static void
http_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  HttpData *data = user_data;

  data->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &data->error);
  data->done = TRUE;
}

/* One HTTP exchange, as a browser or a script would make it, without following
 * redirects; runs the thread-default context meanwhile (so a listener in it answers). */
GBytes *
op_test_env_http (SoupSession         *session,
                  const char          *method,
                  const char          *url,
                  const char          *content_type,
                  const char          *body,
                  guint               *status,
                  SoupMessageHeaders **headers)
{
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  HttpData data = { 0 };

  g_assert_nonnull (message);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, http_cb, &data);
  op_test_env_run_until (&data.done);
  g_assert_no_error (data.error);

  if (status != NULL)
    *status = soup_message_get_status (message);
  if (headers != NULL)
    *headers = soup_message_headers_ref (soup_message_get_response_headers (message));

  return data.body;
}
