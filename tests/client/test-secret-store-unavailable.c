/* test-secret-store-unavailable.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-secret-store.h"
#include "op-test-env.h"
#include "op-test-outcome.h"

/* No Secret Service: a private bus with no keyring on it, or no session bus at all. Every
 * operation must fail quickly with OP_SECRET_ERROR_UNAVAILABLE, and nothing may be written
 * anywhere instead. */

#define PLATFORM "http://127.0.0.1:4567"
#define SECRET "unavailable-secret-0123456789"
#define ACCESS_TOKEN "unavailable-access-token-0123456789"

static void
assert_unavailable (OpTestOutcome *outcome,
                    gint64         started,
                    const char    *what)
{
  g_assert_error (outcome->error, OP_SECRET_ERROR, OP_SECRET_ERROR_UNAVAILABLE);
  g_assert_false (outcome->ok);
  g_assert_null (outcome->secret);
  g_assert_null (outcome->token);
  /* The message tells the user what to do. */
  g_assert_nonnull (strstr (outcome->error->message, "Secret Service"));
  /* And it fails at once, not after a D-Bus timeout. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_test_message ("%s: %s", what, outcome->error->message);

  g_clear_error (&outcome->error);
  outcome->done = FALSE;
}

static void
check_every_operation (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autoptr(OpToken) token = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  OpTestOutcome outcome = { 0 };
  guint n_files = 0;
  gint64 started;

  started = g_get_monotonic_time ();
  op_secret_store_store_async (secrets, OP_SECRET_KIND_APP_SECRET, PLATFORM, "1234567", NULL,
                               SECRET, NULL, op_test_secret_stored_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  assert_unavailable (&outcome, started, "store");

  started = g_get_monotonic_time ();
  op_secret_store_lookup_async (secrets, OP_SECRET_KIND_APP_SECRET, PLATFORM, "1234567", NULL,
                                NULL, op_test_secret_looked_up_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  assert_unavailable (&outcome, started, "lookup");

  started = g_get_monotonic_time ();
  op_secret_store_clear_async (secrets, PLATFORM, "1234567", NULL, NULL,
                               op_test_secret_cleared_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  assert_unavailable (&outcome, started, "clear");

  token = op_token_new_from_json ("{\"access_token\":\"" ACCESS_TOKEN "\",\"expires_in\":\"36000\","
                                  "\"refresh_token\":\"unavailable-refresh-token\","
                                  "\"resource_owner\":\"alice\"}", -1, NULL, &error);
  g_assert_no_error (error);

  started = g_get_monotonic_time ();
  op_secret_store_store_token_async (secrets, PLATFORM, "1234567", NULL, token, NULL,
                                     op_test_token_stored_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  assert_unavailable (&outcome, started, "store token");

  started = g_get_monotonic_time ();
  op_secret_store_lookup_token_async (secrets, PLATFORM, "1234567", NULL, NULL,
                                      op_test_token_looked_up_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  assert_unavailable (&outcome, started, "lookup token");

  /* The secret was kept nowhere else. */
  found = op_test_env_find_in_files (SECRET, &n_files);
  g_assert_null (found);
  found = op_test_env_find_in_files (ACCESS_TOKEN, &n_files);
  g_assert_null (found);
}

static void
test_empty_bus (void)
{
  g_assert_nonnull (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));

  check_every_operation ();
}

static void
test_no_bus (void)
{
  if (g_test_subprocess ())
    {
      g_assert_null (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
      g_assert_null (g_getenv ("DISPLAY"));
      check_every_operation ();
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  op_test_env_setup (g_test_subprocess () ? OP_TEST_ENV_NO_BUS : OP_TEST_ENV_EMPTY_BUS);

  g_test_add_func ("/client/secret-store-unavailable/empty-bus", test_empty_bus);
  g_test_add_func ("/client/secret-store-unavailable/no-bus", test_no_bus);

  status = g_test_run ();
  op_test_env_teardown ();

  return status;
}
