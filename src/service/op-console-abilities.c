/* op-console-abilities.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-console-abilities"

#include "config.h"

#include "op-console-private.h"
#include "op-secrets.h"

/* Abilities (能力): resource packages, orders (我的订单) paid on the cashier
 * page, associating apps, and usage (使用详情). The calls an account buys for
 * an ability are shared by every app associated with it. */

/* Order IDs start above 2^53, as real 1688 order IDs do, so that a client
 * reading them as doubles fails in the sandbox rather than in production. */
#define FIRST_ORDER_ID G_GINT64_CONSTANT (9007199254740993)

static char *
format_yuan (gint64 fen)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100, (int) (fen % 100));
}

static gboolean
ability_exists (OpExchange *ex,
                gint64      ability_id)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error, "SELECT 1 FROM abilities WHERE id = ?1",
                         "i", ability_id);

  return _op_console_step_found (ex, stmt, error);
}

static gboolean
add_packages (OpExchange   *ex,
              JsonBuilder  *builder,
              gint64        ability_id,
              GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT id, name_en, name_zh, calls, price_fen FROM packages "
                         "WHERE ability_id = ?1 ORDER BY position",
                         "i", ability_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "packages");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *price = format_yuan (sqlite3_column_int64 (stmt, 4));

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
      json_builder_set_member_name (builder, "calls");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
      json_builder_set_member_name (builder, "price_fen");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 4));
      json_builder_set_member_name (builder, "price");
      json_builder_add_string_value (builder, price);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

static gboolean
add_ability_apis (OpExchange   *ex,
                  JsonBuilder  *builder,
                  gint64        ability_id,
                  GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT a.id, a.title_en, a.title_zh FROM ability_apis b "
                         "JOIN apis a ON a.id = b.api_id WHERE b.ability_id = ?1 ORDER BY a.id",
                         "i", ability_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "apis");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      _op_console_add_column_text (builder, "id", stmt, 0);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

/* purchased, used, left and the associated apps with what each used. */
static gboolean
add_usage (OpExchange   *ex,
           JsonBuilder  *builder,
           gint64        ability_id,
           GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  gint64 purchased = 0, used = 0;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT purchased, used FROM ability_balances "
                         "WHERE account_id = ?1 AND ability_id = ?2",
                         "ii", ex->account_id, ability_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, error)) < 0)
    return FALSE;

  if (rc == SQLITE_ROW)
    {
      purchased = sqlite3_column_int64 (stmt, 0);
      used = sqlite3_column_int64 (stmt, 1);
    }
  op_stmt_release (g_steal_pointer (&stmt));

  json_builder_set_member_name (builder, "purchased");
  json_builder_add_int_value (builder, purchased);
  json_builder_set_member_name (builder, "used");
  json_builder_add_int_value (builder, used);
  json_builder_set_member_name (builder, "left");
  json_builder_add_int_value (builder, purchased - used);

  stmt = op_store_query (ex->store, error,
                         "SELECT a.app_key, a.name, aa.used, aa.created_at FROM ability_apps aa "
                         "JOIN apps a ON a.id = aa.app_id "
                         "WHERE aa.ability_id = ?1 AND a.account_id = ?2 ORDER BY aa.created_at, a.id",
                         "ii", ability_id, ex->account_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "apps");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      _op_console_add_column_text (builder, "app_key", stmt, 0);
      _op_console_add_column_text (builder, "name", stmt, 1);
      json_builder_set_member_name (builder, "used");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
      _op_console_add_column_time (builder, "associated_at", stmt, 3);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

typedef struct
{
  gint64  id;
  char   *name_en;
  char   *name_zh;
  char   *summary_en;
  char   *summary_zh;
  char   *description_en;
  char   *description_zh;
} AbilityRow;

static void
ability_row_free (AbilityRow *row)
{
  g_free (row->name_en);
  g_free (row->name_zh);
  g_free (row->summary_en);
  g_free (row->summary_zh);
  g_free (row->description_en);
  g_free (row->description_zh);
  g_free (row);
}

static GPtrArray *
load_abilities (OpExchange  *ex,
                gint64       id,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ability_row_free);
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT id, name_en, name_zh, summary_en, summary_zh, description_en, "
                         "description_zh FROM abilities WHERE ?1 = 0 OR id = ?1 ORDER BY position",
                         "i", id);
  if (stmt == NULL)
    return NULL;

  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      AbilityRow *row = g_new0 (AbilityRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name_en = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->name_zh = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->summary_en = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->summary_zh = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->description_en = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->description_zh = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (rows, row);
    }

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&rows);
}

static gboolean
add_ability (OpExchange   *ex,
             JsonBuilder  *builder,
             gpointer      data,
             gboolean      details,
             GError      **error)
{
  AbilityRow *row = data;
  gboolean zh = ex->lang == OP_LANG_ZH_CN;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, row->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, zh ? row->name_zh : row->name_en);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, zh ? row->summary_zh : row->summary_en);
  if (details)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, zh ? row->description_zh : row->description_en);
    }

  if (!add_ability_apis (ex, builder, row->id, error) ||
      !add_packages (ex, builder, row->id, error) ||
      !add_usage (ex, builder, row->id, error))
    return FALSE;

  json_builder_end_object (builder);

  return TRUE;
}

/* GET /abilities */
void
_op_console_abilities_list (OpExchange *ex)
{
  _op_console_reply_loaded_list (ex, "abilities", load_abilities, add_ability);
}

/* GET /abilities/{id} */
void
_op_console_abilities_get (OpExchange *ex)
{
  _op_console_reply_loaded_item (ex, load_abilities, add_ability);
}

static const char order_sql[] =
  "SELECT o.id, o.ability_id, b.name_en, b.name_zh, o.package_id, p.name_en, p.name_zh, "
  "o.calls, o.amount_fen, o.state, o.created_at, o.paid_at, o.cancelled_at, o.pay_token "
  "FROM orders o JOIN abilities b ON b.id = o.ability_id JOIN packages p ON p.id = o.package_id "
  "WHERE o.account_id = ?1 AND (?2 = 0 OR o.id = ?2) ORDER BY o.id DESC";

/* An order is the same in lists, whatever @details says. */
static void
add_order (OpExchange  *ex,
           JsonBuilder *builder,
           OpStmt      *stmt,
           gboolean     details)
{
  g_autofree char *amount = format_yuan (sqlite3_column_int64 (stmt, 8));
  const char *state = (const char *) sqlite3_column_text (stmt, 9);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  json_builder_set_member_name (builder, "ability");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 2, 3));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "package");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 4));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 5, 6));
  json_builder_set_member_name (builder, "calls");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 7));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "amount_fen");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 8));
  json_builder_set_member_name (builder, "amount");
  json_builder_add_string_value (builder, amount);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, state);
  _op_console_add_column_time (builder, "created_at", stmt, 10);
  _op_console_add_column_time (builder, "paid_at", stmt, 11);
  _op_console_add_column_time (builder, "cancelled_at", stmt, 12);

  json_builder_set_member_name (builder, "cashier_url");
  if (g_str_equal (state, "unpaid"))
    {
      g_autofree char *base = _op_service_request_base_url (ex->msg);
      g_autofree char *url = g_strdup_printf ("%s/cashier/%" G_GINT64_FORMAT "?token=%s", base,
                                              (gint64) sqlite3_column_int64 (stmt, 0),
                                              sqlite3_column_text (stmt, 13));

      json_builder_add_string_value (builder, url);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
}

static void
reply_order (OpExchange *ex,
             guint       status,
             gint64      order_id)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error, order_sql, "ii", ex->account_id, order_id);
  _op_console_reply_stmt_item (ex, status, stmt, error, add_order);
}

/* POST /abilities/{id}/orders {package_id}: a new unpaid order. */
void
_op_console_abilities_order (OpExchange *ex)
{
  static const OpMember members[] = {
    { "package_id", OP_MEMBER_INTEGER, TRUE, 0 },
  };
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pay_token = NULL;
  gint64 ability_id;
  gint64 calls, price;
  gint64 order_id;
  int rc;

  if (!op_exchange_arg_id (ex, 0, &ability_id) || !ability_exists (ex, ability_id))
    return;

  if (!op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members)))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  stmt = op_store_query (ex->store, &error,
                         "SELECT calls, price_fen FROM packages WHERE id = ?1 AND ability_id = ?2",
                         "ii", json_object_get_int_member (ex->body, "package_id"), ability_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (rc != SQLITE_ROW)
    {
      op_exchange_field_error (ex, "package_id", "field.unknown_package", NULL);
      op_exchange_fail_fields (ex);
      return;
    }

  calls = sqlite3_column_int64 (stmt, 0);
  price = sqlite3_column_int64 (stmt, 1);
  op_stmt_release (g_steal_pointer (&stmt));

  pay_token = op_secrets_random_token ();
  if (!op_store_run (ex->store, &error,
                     "INSERT INTO orders (id, account_id, ability_id, package_id, calls, "
                     "amount_fen, state, pay_token, created_at) "
                     "VALUES ((SELECT MAX(COALESCE(MAX(id) + 1, 0), ?8) FROM orders), "
                     "?1, ?2, ?3, ?4, ?5, 'unpaid', ?6, ?7)",
                     "iiiiisii", ex->account_id, ability_id,
                     json_object_get_int_member (ex->body, "package_id"), calls, price, pay_token,
                     ex->now, FIRST_ORDER_ID))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  order_id = op_store_last_insert_id (ex->store);
  reply_order (ex, 201, order_id);
}

/* GET /orders */
void
_op_console_orders_list (OpExchange *ex)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error, order_sql, "ii", ex->account_id, (gint64) 0);
  _op_console_reply_stmt_list (ex, stmt, error, "orders", add_order);
}

/* GET /orders/{id} */
void
_op_console_orders_get (OpExchange *ex)
{
  gint64 id;

  if (op_exchange_arg_id (ex, 0, &id))
    reply_order (ex, 200, id);
}

/* POST /orders/{id}/cancel: only an unpaid order. */
void
_op_console_orders_cancel (OpExchange *ex)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  gint64 id;

  if (!op_exchange_arg_id (ex, 0, &id))
    return;

  stmt = op_store_query (ex->store, &error,
                         "SELECT state FROM orders WHERE id = ?1 AND account_id = ?2",
                         "ii", id, ex->account_id);
  if (!_op_console_step_found (ex, stmt, error))
    return;

  state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  op_stmt_release (g_steal_pointer (&stmt));

  if (!g_str_equal (state, "unpaid"))
    {
      op_exchange_fail (ex, "wrong_state", "state", state, NULL);
      return;
    }

  if (!op_store_run (ex->store, &error,
                     "UPDATE orders SET state = 'cancelled', cancelled_at = ?2 WHERE id = ?1",
                     "ii", id, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  reply_order (ex, 200, id);
}

static gboolean
has_purchased (OpExchange *ex,
               gint64      ability_id,
               gboolean   *purchased)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = op_store_query (ex->store, &error,
                         "SELECT 1 FROM ability_balances WHERE account_id = ?1 AND ability_id = ?2 "
                         "AND purchased > 0",
                         "ii", ex->account_id, ability_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  *purchased = rc == SQLITE_ROW;

  return TRUE;
}

static gboolean
is_associated (OpExchange *ex,
               gint64      ability_id,
               gint64      app_id,
               gboolean   *associated)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = op_store_query (ex->store, &error,
                         "SELECT 1 FROM ability_apps WHERE ability_id = ?1 AND app_id = ?2",
                         "ii", ability_id, app_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  *associated = rc == SQLITE_ROW;

  return TRUE;
}

/* POST /abilities/{id}/apps {app_key} | {new_app: {…}}: use the ability in an app. */
void
_op_console_abilities_associate (OpExchange *ex)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  const char *app_key;
  JsonObject *new_app;
  gboolean purchased = FALSE;
  gboolean associated = FALSE;
  gint64 ability_id;
  gint64 app_id = 0;

  if (!op_exchange_arg_id (ex, 0, &ability_id) || !ability_exists (ex, ability_id) ||
      !_op_console_read_app_choice (ex, &app_key, &new_app))
    return;

  if (!has_purchased (ex, ability_id, &purchased))
    return;

  if (!purchased)
    {
      op_exchange_fail (ex, "ability_not_purchased", NULL);
      return;
    }

  if (new_app != NULL)
    app_id = _op_console_create_app (ex, new_app, "new_app", &secret);
  else if (_op_console_find_app (ex, app_key, &app_id) &&
           is_associated (ex, ability_id, app_id, &associated) && associated)
    op_exchange_fail (ex, "already_associated", NULL);

  if (app_id == 0 || op_exchange_failed (ex))
    return;

  if (!op_store_run (ex->store, &error,
                     "INSERT INTO ability_apps (ability_id, app_id, used, created_at) "
                     "VALUES (?1, ?2, 0, ?3)",
                     "iii", ability_id, app_id, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ability_id");
  json_builder_add_int_value (builder, ability_id);
  _op_console_reply_with_app (ex, builder, app_id, secret);
}

/* GET /abilities/{id}/usage (使用详情) */
void
_op_console_abilities_usage (OpExchange *ex)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  gint64 ability_id;

  if (!op_exchange_arg_id (ex, 0, &ability_id) || !ability_exists (ex, ability_id))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ability_id");
  json_builder_add_int_value (builder, ability_id);
  if (!add_usage (ex, builder, ability_id, &error))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }
  json_builder_end_object (builder);

  op_exchange_reply_builder (ex, 200, builder);
}
