/* op-console-common.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-console-common"

#include "config.h"

#include "op-console-private.h"

/* The answers that list a collection or give one of its items, shared by
 * the console's resources. */

/**
 * _op_console_step_found:
 * @ex: an exchange
 * @stmt: (nullable): a query of one row, or %NULL when it failed with @error
 * @error: (nullable): why @stmt is %NULL
 *
 * Steps @stmt to its row. Answers 500 on a store error and 404 when there
 * is no row (another account's row is "not found" too).
 *
 * Returns: %TRUE if @stmt is on its row
 */
gboolean
_op_console_step_found (OpExchange   *ex,
                        OpStmt       *stmt,
                        const GError *error)
{
  g_autoptr(GError) step_error = NULL;
  int rc;

  if (stmt == NULL)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  if ((rc = op_store_step (ex->store, stmt, &step_error)) < 0)
    {
      op_exchange_fail_internal (ex, step_error);
      return FALSE;
    }

  if (rc != SQLITE_ROW)
    {
      op_exchange_fail (ex, "not_found", NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * _op_console_reply_stmt_list:
 * @ex: an exchange
 * @stmt: (nullable): a query of the rows, or %NULL when it failed with @error
 * @error: (nullable): why @stmt is %NULL
 * @member: the name of the array in the answer
 * @add_row: adds the current row of @stmt as an object
 *
 * Answers 200 with `{member: [row, …]}`, each row added without details, or
 * 500 on a store error.
 */
void
_op_console_reply_stmt_list (OpExchange           *ex,
                             OpStmt               *stmt,
                             const GError         *error,
                             const char           *member,
                             OpConsoleAddRowFunc   add_row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) step_error = NULL;
  int rc;

  if (stmt == NULL)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, &step_error)) == SQLITE_ROW)
    add_row (ex, builder, stmt, FALSE);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (rc < 0)
    op_exchange_fail_internal (ex, step_error);
  else
    op_exchange_reply_builder (ex, 200, builder);
}

/**
 * _op_console_reply_stmt_item:
 * @ex: an exchange
 * @status: the HTTP status of a success
 * @stmt: (nullable): a query of the item, or %NULL when it failed with @error
 * @error: (nullable): why @stmt is %NULL
 * @add_row: adds the row of @stmt as an object
 *
 * Answers @status with the first row of @stmt added with details, 404 when
 * there is none, or 500 on a store error.
 */
void
_op_console_reply_stmt_item (OpExchange           *ex,
                             guint                 status,
                             OpStmt               *stmt,
                             const GError         *error,
                             OpConsoleAddRowFunc   add_row)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (!_op_console_step_found (ex, stmt, error))
    return;

  add_row (ex, builder, stmt, TRUE);
  op_exchange_reply_builder (ex, status, builder);
}

/**
 * _op_console_reply_loaded_list:
 * @ex: an exchange
 * @member: the name of the array in the answer
 * @load: loads all the rows
 * @add: adds one row as an object
 *
 * Answers 200 with `{member: [row, …]}`, each row added without details, or
 * 500 on a store error.
 */
void
_op_console_reply_loaded_list (OpExchange         *ex,
                               const char         *member,
                               OpConsoleLoadFunc   load,
                               OpConsoleAddFunc    add)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = load (ex, 0, &error);
  if (rows == NULL)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    if (!add (ex, builder, g_ptr_array_index (rows, i), FALSE, &error))
      {
        op_exchange_fail_internal (ex, error);
        return;
      }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  op_exchange_reply_builder (ex, 200, builder);
}

/**
 * _op_console_reply_loaded_item:
 * @ex: an exchange whose first path argument is the item's ID
 * @load: loads the row of an ID
 * @add: adds the row as an object
 *
 * Answers 200 with the item added with details, 404 when there is none, or
 * 500 on a store error.
 */
void
_op_console_reply_loaded_item (OpExchange        *ex,
                               OpConsoleLoadFunc  load,
                               OpConsoleAddFunc   add)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!op_exchange_arg_id (ex, 0, &id))
    return;

  rows = load (ex, id, &error);
  if (rows == NULL)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (rows->len == 0)
    {
      op_exchange_fail (ex, "not_found", NULL);
      return;
    }

  if (!add (ex, builder, g_ptr_array_index (rows, 0), TRUE, &error))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  op_exchange_reply_builder (ex, 200, builder);
}
