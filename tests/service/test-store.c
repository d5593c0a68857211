/* test-store.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "op-secrets.h"
#include "op-seed.h"
#include "op-store.h"

/* OpStore (pragmas, migrations, transactions, batches) and op-secrets,
 * without HTTP. */

static char *dir;

static char *
db_path (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static gint64
query_int (OpStore    *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpStmt) stmt = op_store_query (store, &error, sql, NULL);

  g_assert_no_error (error);
  g_assert_cmpint (op_store_step (store, stmt, &error), ==, SQLITE_ROW);

  return sqlite3_column_int64 (stmt, 0);
}

static void
test_open_and_migrate (void)
{
  g_autofree char *path = db_path ("migrate.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(OpStore) store = op_store_open (path, &error);
  g_autoptr(OpStmt) mode = NULL;

  g_assert_no_error (error);
  g_assert_true (op_store_is_new (store));
  g_assert_cmpint (op_store_get_schema_version (store), ==, OP_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 2);  /* FULL */
  mode = op_store_query (store, &error, "PRAGMA journal_mode", NULL);
  g_assert_cmpint (op_store_step (store, mode, &error), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (mode, 0), ==, "wal");
  op_stmt_release (g_steal_pointer (&mode));
  g_clear_object (&store);

  /* Opened again: not new, same version. */
  store = op_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (op_store_is_new (store));
  g_assert_cmpint (op_store_get_schema_version (store), ==, OP_STORE_SCHEMA_VERSION);

  /* A database from a newer build is refused, not damaged. */
  g_assert_true (op_store_exec (store, "PRAGMA user_version = 99", &error));
  g_clear_object (&store);
  store = op_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, OP_STORE_ERROR, OP_STORE_ERROR_SCHEMA);
}

static void
test_transactions (void)
{
  g_autofree char *path = db_path ("tx.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(OpStore) store = op_store_open (path, &error);

  g_assert_no_error (error);

  /* Rolled back: nothing written. */
  g_assert_true (op_store_begin (store, &error));
  g_assert_true (op_store_run (store, &error, "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                               "ss", "a", "1"));
  op_store_rollback (store);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM meta"), ==, 0);

  /* Committed. */
  g_assert_true (op_store_begin (store, &error));
  g_assert_true (op_store_run (store, &error, "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                               "ss", "a", "1"));
  g_assert_true (op_store_commit (store, &error));
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM meta"), ==, 1);

  /* Constraints and foreign keys are enforced. */
  g_assert_false (op_store_run (store, &error, "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                                "ss", "a", "2"));
  g_assert_error (error, OP_STORE_ERROR, OP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (op_store_run (store, &error,
                                "INSERT INTO account_roles (account_id, role_id, source, granted_at) "
                                "VALUES (42, 'nope', 'detected', 0)", NULL));
  g_assert_error (error, OP_STORE_ERROR, OP_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* A NULL string binds NULL, which the schema refuses here. */
  g_assert_false (op_store_run (store, &error, "INSERT INTO meta (key, value) VALUES (?1, ?2)",
                                "ss", "b", NULL));
  g_assert_error (error, OP_STORE_ERROR, OP_STORE_ERROR_CONSTRAINT);
}

static void
batch_done_cb (const GError *error,
               gpointer      user_data)
{
  guint *calls = user_data;

  g_assert_no_error (error);
  (*calls)++;
}

static void
test_batch (void)
{
  g_autofree char *path = db_path ("batch.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(OpStore) store = op_store_open (path, &error);
  guint done = 0;

  g_assert_no_error (error);

  /* Two kept calls and one undone, in one batch. */
  g_assert_true (op_store_batch_begin_call (store, &error));
  g_assert_true (op_store_run (store, &error, "INSERT INTO meta (key, value) VALUES ('x', '1')", NULL));
  op_store_batch_end_call (store, TRUE, batch_done_cb, &done);

  g_assert_true (op_store_batch_begin_call (store, &error));
  g_assert_true (op_store_run (store, &error, "INSERT INTO meta (key, value) VALUES ('y', '1')", NULL));
  op_store_batch_end_call (store, FALSE, batch_done_cb, &done);

  g_assert_true (op_store_batch_begin_call (store, &error));
  g_assert_true (op_store_run (store, &error, "INSERT INTO meta (key, value) VALUES ('z', '1')", NULL));
  op_store_batch_end_call (store, TRUE, batch_done_cb, &done);

  g_assert_cmpuint (op_store_get_batch_size (store), ==, 2);
  g_assert_true (op_store_in_transaction (store));
  g_assert_cmpuint (done, ==, 0);

  /* The main loop commits the batch and tells the waiters. */
  while (done < 2)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (op_store_in_transaction (store));
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM meta"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM meta WHERE key = 'y'"), ==, 0);

  /* A console transaction commits an open batch first. */
  g_assert_true (op_store_batch_begin_call (store, &error));
  g_assert_true (op_store_run (store, &error, "INSERT INTO meta (key, value) VALUES ('w', '1')", NULL));
  op_store_batch_end_call (store, TRUE, batch_done_cb, &done);
  g_assert_true (op_store_begin (store, &error));
  g_assert_cmpuint (done, ==, 3);
  op_store_rollback (store);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM meta WHERE key = 'w'"), ==, 1);
}

static void
test_seed_once (void)
{
  g_autofree char *path = db_path ("seed.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(OpStore) store = op_store_open (path, &error);
  g_autoptr(OpCatalog) catalog = op_catalog_new_from_resource (&error);

  g_assert_no_error (error);
  g_assert_false (op_seed_is_done (store, &error));
  g_assert_no_error (error);
  g_assert_true (op_seed_run (store, catalog, &error));
  g_assert_no_error (error);
  g_assert_true (op_seed_is_done (store, &error));

  /* A second run fails on the existing rows and changes nothing. */
  g_assert_false (op_seed_run (store, catalog, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM accounts"), ==, 5);
  g_assert_cmpint (query_int (store, "SELECT COUNT(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_secrets (void)
{
  g_autofree char *token = op_secrets_random_token ();
  g_autofree char *other = op_secrets_random_token ();
  g_autofree char *digits = op_secrets_random_digits (7);
  g_autofree char *alnum = op_secrets_random_alnum (16);
  g_autofree char *hash = NULL;
  g_autofree char *hash2 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (token), ==, 64);
  g_assert_cmpstr (token, !=, other);
  g_assert_cmpuint (strlen (digits), ==, 7);
  g_assert_true (digits[0] >= '1' && digits[0] <= '9');
  for (guint i = 0; i < 7; i++)
    g_assert_true (g_ascii_isdigit (digits[i]));
  g_assert_cmpuint (strlen (alnum), ==, 16);
  for (guint i = 0; i < 16; i++)
    g_assert_true (g_ascii_isalnum (alnum[i]));

  hash = op_secrets_hash_password ("sandbox", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$y$"));
  hash2 = op_secrets_hash_password ("sandbox", &error);
  g_assert_cmpstr (hash, !=, hash2);  /* salted */
  g_assert_true (op_secrets_check_password ("sandbox", hash));
  g_assert_false (op_secrets_check_password ("Sandbox", hash));
  g_assert_false (op_secrets_check_password ("sandbox", "not a hash"));
  g_assert_false (op_secrets_check_password (NULL, hash));

  g_assert_true (op_secrets_equal ("abc", "abc"));
  g_assert_false (op_secrets_equal ("abc", "abd"));
  g_assert_false (op_secrets_equal ("abc", "abcd"));
  g_assert_false (op_secrets_equal ("", "a"));
  g_assert_false (op_secrets_equal (NULL, "a"));

  {
    g_autofree char *h1 = op_secrets_hash_token (token);
    g_autofree char *h2 = op_secrets_hash_token (token);

    g_assert_cmpuint (strlen (h1), ==, 64);
    g_assert_cmpstr (h1, ==, h2);
    g_assert_cmpstr (h1, !=, token);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("op-store-test-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/service/store/open-and-migrate", test_open_and_migrate);
  g_test_add_func ("/service/store/transactions", test_transactions);
  g_test_add_func ("/service/store/batch", test_batch);
  g_test_add_func ("/service/store/seed-once", test_seed_once);
  g_test_add_func ("/service/store/secrets", test_secrets);

  status = g_test_run ();

  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_remove (path);
      }
    g_rmdir (dir);
  }
  g_free (dir);

  return status;
}
