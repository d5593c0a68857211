/* op-store.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-store"

#include "config.h"

#include "op-store.h"

#include "op-store-schema.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

/* Writes of gateway calls are grouped: calls made in one main-loop iteration
 * share one transaction, committed (and fsync'ed) before any of them is
 * answered. No call is answered before its write is durable, and one fsync
 * serves many calls. A batch never grows beyond this many calls. */
#define MAX_BATCH 256

typedef struct
{
  OpStoreBatchFunc func;
  gpointer         user_data;
} BatchWaiter;

struct _OpStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  GHashTable   *statements;   /* SQL text → sqlite3_stmt */
  GMainContext *context;
  GSource      *flush_source;
  GArray       *waiters;      /* BatchWaiter */
  int           schema_version_at_open;
  guint         in_transaction : 1;
  guint         in_batch : 1;
};

G_DEFINE_FINAL_TYPE (OpStore, op_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (op-store-error-quark, op_store_error)

static gboolean
set_sqlite_error (OpStore     *self,
                  int          rc,
                  GError     **error,
                  const char  *what)
{
  OpStoreError code = OP_STORE_ERROR_FAILED;

  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    code = OP_STORE_ERROR_BUSY;
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    code = OP_STORE_ERROR_CONSTRAINT;

  g_set_error (error, OP_STORE_ERROR, code, "%s: %s (%d)", what,
               self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc), rc);
  return FALSE;
}

void
op_stmt_release (OpStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
op_store_finalize (GObject *object)
{
  OpStore *self = (OpStore *)object;

  op_store_flush_batch (self);

  if (self->in_transaction)
    op_store_rollback (self);

  g_clear_pointer (&self->statements, g_hash_table_destroy);

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  g_clear_pointer (&self->waiters, g_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (op_store_parent_class)->finalize (object);
}

static void
op_store_class_init (OpStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_store_finalize;
}

static void
op_store_init (OpStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->waiters = g_array_new (FALSE, FALSE, sizeof (BatchWaiter));
  self->context = g_main_context_ref_thread_default ();
}

static int
read_user_version (OpStore  *self,
                   GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;
  int version = -1;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error, "Reading the schema version");
      return -1;
    }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  else
    set_sqlite_error (self, sqlite3_errcode (self->db), error, "Reading the schema version");

  sqlite3_finalize (stmt);

  return version;
}

static gboolean
migrate (OpStore  *self,
         GError  **error)
{
  int version;

  version = read_user_version (self, error);
  if (version < 0)
    return FALSE;

  self->schema_version_at_open = version;

  if (version > (int) _op_store_n_migrations)
    {
      g_set_error (error, OP_STORE_ERROR, OP_STORE_ERROR_SCHEMA,
                   "The database %s has schema version %d; this build knows up to %u",
                   self->path, version, _op_store_n_migrations);
      return FALSE;
    }

  for (guint i = version; i < _op_store_n_migrations; i++)
    {
      g_autofree char *set_version = NULL;

      g_debug ("Migrating %s to schema version %u", self->path, i + 1);

      if (!op_store_begin (self, error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!op_store_exec (self, _op_store_migrations[i], error) ||
          !op_store_exec (self, set_version, error))
        {
          op_store_rollback (self);
          g_prefix_error (error, "Migrating to schema version %u: ", i + 1);
          return FALSE;
        }

      if (!op_store_commit (self, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
ensure_parent_directory (const char  *path,
                         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create the folder %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * op_store_open:
 * @path: the database file; its folder is created when missing
 * @error: return location for a #GError
 *
 * Opens (or creates) the platform's SQLite database in WAL mode with
 * foreign keys on and `synchronous=FULL` (a commit is on disk before it
 * returns), and migrates its schema to %OP_STORE_SCHEMA_VERSION.
 *
 * The store belongs to the thread that opens it: it schedules its batch
 * commits in that thread's default #GMainContext.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
OpStore *
op_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(OpStore) self = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_parent_directory (path, error))
    return NULL;

  self = g_object_new (OP_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error, "Opening the database");
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!op_store_exec (self,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA synchronous = FULL;"
                      "PRAGMA foreign_keys = ON;"
                      "PRAGMA trusted_schema = OFF;",
                      error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
op_store_get_path (OpStore *self)
{
  g_return_val_if_fail (OP_IS_STORE (self), NULL);

  return self->path;
}

/**
 * op_store_get_db:
 * @self: a #OpStore
 *
 * Returns: (transfer none): the SQLite connection, for code that needs the
 *   plain SQLite API
 */
sqlite3 *
op_store_get_db (OpStore *self)
{
  g_return_val_if_fail (OP_IS_STORE (self), NULL);

  return self->db;
}

int
op_store_get_schema_version (OpStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (OP_IS_STORE (self), -1);

  return read_user_version (self, &error);
}

/**
 * op_store_is_new:
 * @self: a #OpStore
 *
 * Returns: %TRUE if the database had no schema when it was opened
 */
gboolean
op_store_is_new (OpStore *self)
{
  g_return_val_if_fail (OP_IS_STORE (self), FALSE);

  return self->schema_version_at_open == 0;
}

static sqlite3_stmt *
lookup_statement (OpStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error, "Preparing a statement");
      g_warning ("Cannot prepare: %s", sql);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static gboolean
bind_values (OpStore       *self,
             sqlite3_stmt  *stmt,
             const char    *types,
             va_list        args,
             GError       **error)
{
  for (int i = 0; types != NULL && types[i] != '\0'; i++)
    {
      int rc;

      switch (types[i])
        {
        case 'i':
          rc = sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
          break;

        case 's':
          {
            const char *text = va_arg (args, const char *);

            if (text == NULL)
              rc = sqlite3_bind_null (stmt, i + 1);
            else
              rc = sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
          }
          break;

        default:
          g_assert_not_reached ();
        }

      if (rc != SQLITE_OK)
        return set_sqlite_error (self, rc, error, "Binding a value");
    }

  return TRUE;
}

/**
 * op_store_query:
 * @self: a #OpStore
 * @error: return location for a #GError
 * @sql: the statement (cached by its text, so use constant strings)
 * @types: one letter per `?N` parameter: `i` a #gint64, `s` a string (%NULL
 *   binds NULL)
 * @...: the values
 *
 * Returns: (transfer none): the prepared statement, bound; step it with
 *   op_store_step() and release it with op_stmt_release() (g_autoptr(OpStmt))
 */
OpStmt *
op_store_query (OpStore     *self,
                GError     **error,
                const char  *sql,
                const char  *types,
                ...)
{
  sqlite3_stmt *stmt;
  va_list args;
  gboolean ok;

  g_return_val_if_fail (OP_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = lookup_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  va_start (args, types);
  ok = bind_values (self, stmt, types, args, error);
  va_end (args);

  if (!ok)
    return NULL;

  return stmt;
}

/**
 * op_store_step:
 * @self: a #OpStore
 * @stmt: a statement from op_store_query()
 * @error: return location for a #GError
 *
 * Returns: %SQLITE_ROW, %SQLITE_DONE, or -1 with @error set
 */
int
op_store_step (OpStore  *self,
               OpStmt   *stmt,
               GError  **error)
{
  int rc;

  g_return_val_if_fail (OP_IS_STORE (self), -1);
  g_return_val_if_fail (stmt != NULL, -1);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  set_sqlite_error (self, rc, error, "Running a statement");

  return -1;
}

/**
 * op_store_run:
 * @self: a #OpStore
 * @error: return location for a #GError
 * @sql: a statement that returns no rows
 * @types: as for op_store_query()
 * @...: the values
 *
 * Runs one statement to completion.
 *
 * Returns: %TRUE on success
 */
gboolean
op_store_run (OpStore     *self,
              GError     **error,
              const char  *sql,
              const char  *types,
              ...)
{
  g_autoptr(OpStmt) stmt = NULL;
  va_list args;
  int rc;

  g_return_val_if_fail (OP_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  stmt = lookup_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  va_start (args, types);
  if (!bind_values (self, stmt, types, args, error))
    {
      va_end (args);
      return FALSE;
    }
  va_end (args);

  do
    rc = op_store_step (self, stmt, error);
  while (rc == SQLITE_ROW);

  return rc == SQLITE_DONE;
}

/**
 * op_store_exec:
 * @self: a #OpStore
 * @sql: one or more statements, not cached
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
op_store_exec (OpStore     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (OP_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, OP_STORE_ERROR,
                   rc == SQLITE_BUSY ? OP_STORE_ERROR_BUSY : OP_STORE_ERROR_FAILED,
                   "%s (%d)", message != NULL ? message : sqlite3_errstr (rc), rc);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gint64
op_store_last_insert_id (OpStore *self)
{
  g_return_val_if_fail (OP_IS_STORE (self), 0);

  return sqlite3_last_insert_rowid (self->db);
}

int
op_store_changes (OpStore *self)
{
  g_return_val_if_fail (OP_IS_STORE (self), 0);

  return sqlite3_changes (self->db);
}

/**
 * op_store_begin:
 * @self: a #OpStore
 * @error: return location for a #GError
 *
 * Starts a write transaction (`BEGIN IMMEDIATE`), after committing any open
 * batch of gateway calls.
 *
 * Returns: %TRUE when the transaction is open
 */
gboolean
op_store_begin (OpStore  *self,
                GError  **error)
{
  g_return_val_if_fail (OP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  op_store_flush_batch (self);

  if (!op_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;

  return TRUE;
}

gboolean
op_store_commit (OpStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (OP_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!op_store_exec (self, "COMMIT", error))
    {
      op_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;

  return TRUE;
}

void
op_store_rollback (OpStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OP_IS_STORE (self));

  if (!self->in_transaction)
    return;

  /* A failed COMMIT may already have ended the transaction. */
  if (!sqlite3_get_autocommit (self->db) && !op_store_exec (self, "ROLLBACK", &error))
    g_warning ("Rolling back: %s", error->message);

  self->in_transaction = FALSE;
}

gboolean
op_store_in_transaction (OpStore *self)
{
  g_return_val_if_fail (OP_IS_STORE (self), FALSE);

  return self->in_transaction || self->in_batch;
}

static gboolean
flush_cb (gpointer user_data)
{
  OpStore *self = user_data;

  op_store_flush_batch (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_flush (OpStore *self)
{
  if (self->flush_source != NULL)
    return;

  self->flush_source = g_idle_source_new ();
  /* Same priority as the server's sockets: the batch is committed once per
   * main-loop iteration, after the requests read in that iteration. */
  g_source_set_priority (self->flush_source, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->flush_source, flush_cb, self, NULL);
  g_source_set_name (self->flush_source, "[op-store] flush batch");
  g_source_attach (self->flush_source, self->context);
}

/**
 * op_store_batch_begin_call:
 * @self: a #OpStore
 * @error: return location for a #GError
 *
 * Starts the writes of one gateway call inside the current batch
 * transaction (opening one if needed). End it with
 * op_store_batch_end_call().
 *
 * Returns: %TRUE on success
 */
gboolean
op_store_batch_begin_call (OpStore  *self,
                           GError  **error)
{
  g_return_val_if_fail (OP_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!self->in_batch)
    {
      if (!op_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      self->in_batch = TRUE;
      schedule_flush (self);
    }

  return op_store_run (self, error, "SAVEPOINT call", NULL);
}

/**
 * op_store_batch_end_call:
 * @self: a #OpStore
 * @keep: %FALSE to undo this call's writes
 * @func: (nullable): called once the call's writes are committed or lost
 * @user_data: data for @func
 *
 * Ends one call started with op_store_batch_begin_call(). With @keep, @func
 * runs after the batch commits (from the main loop, or at once when the
 * batch is full); without it, @func is not called.
 */
void
op_store_batch_end_call (OpStore          *self,
                         gboolean          keep,
                         OpStoreBatchFunc  func,
                         gpointer          user_data)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OP_IS_STORE (self));
  g_return_if_fail (self->in_batch);

  if (!keep)
    {
      if (!op_store_run (self, &error, "ROLLBACK TO call", NULL) ||
          !op_store_run (self, &error, "RELEASE call", NULL))
        g_warning ("Undoing a gateway call: %s", error->message);
      return;
    }

  if (!op_store_run (self, &error, "RELEASE call", NULL))
    g_warning ("Keeping a gateway call: %s", error->message);

  if (func != NULL)
    {
      BatchWaiter waiter = { func, user_data };

      g_array_append_val (self->waiters, waiter);
    }

  if (self->waiters->len >= MAX_BATCH)
    op_store_flush_batch (self);
}

/**
 * op_store_flush_batch:
 * @self: a #OpStore
 *
 * Commits the open batch, if any, and tells every waiting call.
 */
void
op_store_flush_batch (OpStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) waiters = NULL;

  g_return_if_fail (OP_IS_STORE (self));

  if (self->flush_source != NULL)
    {
      g_source_destroy (self->flush_source);
      g_clear_pointer (&self->flush_source, g_source_unref);
    }

  if (!self->in_batch)
    return;

  if (!op_store_exec (self, "COMMIT", &error))
    {
      g_autoptr(GError) rollback_error = NULL;

      g_warning ("Committing a batch of %u gateway calls: %s",
                 self->waiters->len, error->message);
      if (!sqlite3_get_autocommit (self->db) &&
          !op_store_exec (self, "ROLLBACK", &rollback_error))
        g_warning ("Rolling back: %s", rollback_error->message);
    }

  self->in_batch = FALSE;

  waiters = g_steal_pointer (&self->waiters);
  self->waiters = g_array_new (FALSE, FALSE, sizeof (BatchWaiter));

  for (guint i = 0; i < waiters->len; i++)
    {
      BatchWaiter *waiter = &g_array_index (waiters, BatchWaiter, i);

      waiter->func (error, waiter->user_data);
    }
}

guint
op_store_get_batch_size (OpStore *self)
{
  g_return_val_if_fail (OP_IS_STORE (self), 0);

  return self->waiters->len;
}
