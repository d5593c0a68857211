/* test-connections.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

/* Clients that close their connection after each answer must not cost the
 * sandbox a file descriptor each (libsoup 3.2 leaks them; see
 * src/service/op-idle-reaper.c). Runs the real binary and counts its open
 * descriptors from /proc. */

#define ROUNDS 200

typedef struct
{
  GSubprocess *process;
  char        *db_dir;
  guint16      port;
} Sandbox;

static void
sandbox_start (Sandbox *sandbox)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *db = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GUri) uri = NULL;

  sandbox->db_dir = g_dir_make_tmp ("open1688-connections-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (sandbox->db_dir, "sandbox.db", NULL);

  sandbox->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                       &error, OPEN1688_SANDBOX_PATH, "--port", "0", "--db", db, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sandbox->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);

  uri = g_uri_parse (line, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sandbox->port = g_uri_get_port (uri);
}

static void
sandbox_stop (Sandbox *sandbox)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (sandbox->process, SIGTERM);
  g_subprocess_wait_check (sandbox->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&sandbox->process);
  g_clear_pointer (&sandbox->db_dir, g_free);
}

static guint
open_descriptors (Sandbox *sandbox)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/fd", g_subprocess_get_identifier (sandbox->process));
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* One request on a fresh connection, closed by us once the answer is in. */
static void
request_and_close (Sandbox *sandbox)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  const char *request = "GET /api/v1/account HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  char answer[4096];
  gssize n;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", sandbox->port, NULL, &error);
  g_assert_no_error (error);

  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);

  n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                           answer, sizeof answer - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 0);
  answer[n] = '\0';
  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 401"));

  g_io_stream_close (G_IO_STREAM (connection), NULL, &error);
  g_assert_no_error (error);
}

static void
test_closed_connections_are_released (void)
{
  Sandbox sandbox = { 0 };
  guint before;
  guint after = 0;

  sandbox_start (&sandbox);
  request_and_close (&sandbox);
  g_usleep (200 * 1000);
  before = open_descriptors (&sandbox);

  for (guint i = 0; i < ROUNDS; i++)
    request_and_close (&sandbox);

  /* The sandbox notices each close in its own time: allow it a moment. */
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (100 * 1000);
      after = open_descriptors (&sandbox);
      if (after <= before + 2)
        break;
    }

  g_test_message ("open descriptors: %u before, %u after %u connections", before, after, ROUNDS);
  g_assert_cmpuint (after, <=, before + 2);

  sandbox_stop (&sandbox);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/service/connections/closed-connections-are-released",
                   test_closed_connections_are_released);

  return g_test_run ();
}
