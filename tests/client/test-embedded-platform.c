/* test-embedded-platform.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "op-embedded-platform.h"
#include "op-test-env.h"

typedef struct
{
  gboolean  done;
  char     *base_url;
  GError   *error;
} Started;

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Started *started = user_data;

  started->base_url = op_embedded_platform_start_finish (OP_EMBEDDED_PLATFORM (object), result,
                                                         &started->error);
  started->done = TRUE;
}

static void
started_clear (Started *started)
{
  g_clear_pointer (&started->base_url, g_free);
  g_clear_error (&started->error);
  started->done = FALSE;
}

static char *
platform_db (const char *name)
{
  g_autofree char *dir = g_build_filename (op_test_env_get_scratch (), "platform", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return g_build_filename (dir, name, NULL);
}

/* The service answers: its catch-all route gives a JSON 404. */
static void
assert_answers (const char *base_url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (base_url, "/no-such-page", NULL);
  g_autoptr(GBytes) body = NULL;
  guint status = 0;

  body = op_test_env_http (session, "GET", url, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  "not_found"));
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_uri_finish (G_SOCKET_CLIENT (object), result, error);
  if (connection != NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "connected");
  else if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no error");
}

static void
assert_refused (const char *base_url)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  GError *error = NULL;

  g_socket_client_connect_to_uri_async (client, base_url, 80, NULL, connected_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_error_free (error);
}

static void
assert_no_wal (const char *db_path)
{
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  GStatBuf buf;

  g_assert_true (g_file_test (db_path, G_FILE_TEST_IS_REGULAR));
  /* Closed cleanly: the last connection checkpoints the WAL and removes it. */
  if (g_stat (wal, &buf) == 0)
    g_assert_cmpint (buf.st_size, ==, 0);
}

static void
test_start_stop (void)
{
  g_autofree char *db_path = platform_db ("start-stop.db");
  g_autoptr(OpEmbeddedPlatform) platform = op_embedded_platform_new (db_path);
  g_autofree char *first_url = NULL;
  Started one = { 0 };
  Started two = { 0 };
  gint64 before;

  g_assert_false (op_embedded_platform_is_running (platform));
  g_assert_null (op_embedded_platform_get_base_url (platform));
  g_assert_cmpstr (op_embedded_platform_get_db_path (platform), ==, db_path);

  /* Starting returns at once: the database is created and seeded on the worker. */
  before = g_get_monotonic_time ();
  op_embedded_platform_start_async (platform, NULL, started_cb, &one);
  op_embedded_platform_start_async (platform, NULL, started_cb, &two);
  g_assert_cmpint (g_get_monotonic_time () - before, <, G_USEC_PER_SEC / 2);
  g_assert_false (one.done);
  g_assert_false (two.done);

  op_test_env_run_until (&one.done);
  op_test_env_run_until (&two.done);
  g_assert_no_error (one.error);
  g_assert_no_error (two.error);
  g_assert_true (g_str_has_prefix (one.base_url, "http://127.0.0.1:"));
  g_assert_cmpstr (one.base_url, ==, two.base_url);
  g_assert_true (op_embedded_platform_is_running (platform));
  g_assert_cmpstr (op_embedded_platform_get_base_url (platform), ==, one.base_url);

  assert_answers (one.base_url);

  /* A start while it runs answers with the same URL. */
  started_clear (&two);
  op_embedded_platform_start_async (platform, NULL, started_cb, &two);
  op_test_env_run_until (&two.done);
  g_assert_cmpstr (two.base_url, ==, one.base_url);

  op_embedded_platform_stop (platform);
  g_assert_false (op_embedded_platform_is_running (platform));
  g_assert_null (op_embedded_platform_get_base_url (platform));
  assert_refused (one.base_url);
  assert_no_wal (db_path);

  /* Stopping again does nothing; starting again reopens the same database. */
  op_embedded_platform_stop (platform);
  first_url = g_steal_pointer (&one.base_url);
  started_clear (&one);
  op_embedded_platform_start_async (platform, NULL, started_cb, &one);
  op_test_env_run_until (&one.done);
  g_assert_no_error (one.error);
  assert_answers (one.base_url);
  op_embedded_platform_stop (platform);
  assert_refused (one.base_url);
  assert_no_wal (db_path);

  started_clear (&one);
  started_clear (&two);
}

static void
test_default_path (void)
{
  g_autoptr(OpEmbeddedPlatform) platform = op_embedded_platform_new (NULL);
  g_autofree char *expected = NULL;
  Started started = { 0 };

  /* The user's data directory (here the test's XDG_DATA_HOME). */
  expected = g_build_filename (g_getenv ("XDG_DATA_HOME"), "open1688", "sandbox.db", NULL);
  g_assert_cmpstr (op_embedded_platform_get_db_path (platform), ==, expected);

  op_embedded_platform_start_async (platform, NULL, started_cb, &started);
  op_test_env_run_until (&started.done);
  g_assert_no_error (started.error);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));

  /* Finalizing stops it as cleanly as op_embedded_platform_stop(). */
  g_clear_object (&platform);
  assert_refused (started.base_url);
  assert_no_wal (expected);

  started_clear (&started);
}

static void
test_stop_while_starting (void)
{
  g_autofree char *db_path = platform_db ("stop-while-starting.db");
  g_autoptr(OpEmbeddedPlatform) platform = op_embedded_platform_new (db_path);
  Started started = { 0 };

  op_embedded_platform_start_async (platform, NULL, started_cb, &started);
  op_embedded_platform_stop (platform);

  op_test_env_run_until (&started.done);
  g_assert_error (started.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (started.base_url);
  g_assert_false (op_embedded_platform_is_running (platform));

  /* The worker's late report changes nothing. */
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (op_embedded_platform_is_running (platform));
  assert_no_wal (db_path);

  started_clear (&started);
}

static void
test_cannot_start (void)
{
  g_autofree char *blocker = platform_db ("not-a-folder");
  g_autofree char *db_path = g_build_filename (blocker, "sandbox.db", NULL);
  g_autoptr(OpEmbeddedPlatform) platform = NULL;
  g_autoptr(GError) error = NULL;
  Started started = { 0 };

  /* A file where the database's folder should be. */
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);

  platform = op_embedded_platform_new (db_path);
  g_test_expect_message ("op-embedded-platform", G_LOG_LEVEL_WARNING,
                         "The built-in sandbox did not start*");
  op_embedded_platform_start_async (platform, NULL, started_cb, &started);
  op_test_env_run_until (&started.done);
  g_test_assert_expected_messages ();

  g_assert_nonnull (started.error);
  g_assert_null (started.base_url);
  g_assert_false (op_embedded_platform_is_running (platform));
  g_test_message ("%s", started.error->message);
  started_clear (&started);

  /* It can be tried again, and fails again the same way. */
  g_test_expect_message ("op-embedded-platform", G_LOG_LEVEL_WARNING,
                         "The built-in sandbox did not start*");
  op_embedded_platform_start_async (platform, NULL, started_cb, &started);
  op_test_env_run_until (&started.done);
  g_test_assert_expected_messages ();
  g_assert_nonnull (started.error);
  started_clear (&started);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  op_test_env_setup (OP_TEST_ENV_NO_BUS);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/embedded-platform/start-stop", test_start_stop);
  g_test_add_func ("/client/embedded-platform/default-path", test_default_path);
  g_test_add_func ("/client/embedded-platform/stop-while-starting", test_stop_while_starting);
  g_test_add_func ("/client/embedded-platform/cannot-start", test_cannot_start);

  status = g_test_run ();
  op_test_env_teardown ();

  return status;
}
