/* op-console-solutions.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-console-solutions"

#include "config.h"

#include "op-console-private.h"

/* Solutions (解决方案) and ordering one for an app (订购). A solution may be
 * ordered by a developer who holds any one of its required roles ([ours]:
 * domain.md says "requires one or more roles" without saying all or any;
 * the seeded solutions list alternatives, e.g. buyers or merchants). */

static const char solutions_sql[] =
  "SELECT s.id, s.name_en, s.name_zh, s.summary_en, s.summary_zh, s.doc_url, s.source, "
  "(SELECT COUNT(*) FROM solution_apis WHERE solution_id = s.id), "
  "(SELECT COUNT(*) FROM solution_topics WHERE solution_id = s.id) "
  "FROM solutions s WHERE ?1 IS NULL OR s.id = ?1 ORDER BY s.position";

/* Whether the account may order @solution_id; when not, the error code and
 * its message arguments. */
typedef struct
{
  gboolean  orderable;
  char     *code;
  char     *roles;   /* the required roles, for role_required */
} Orderability;

static void
orderability_clear (Orderability *o)
{
  g_clear_pointer (&o->code, g_free);
  g_clear_pointer (&o->roles, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Orderability, orderability_clear)

static gboolean
check_orderable (OpExchange    *ex,
                 gint64         solution_id,
                 Orderability  *result,
                 GError       **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  gboolean has_role = FALSE;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT r.name_en, r.name_zh, EXISTS (SELECT 1 FROM account_roles ar "
                         "WHERE ar.account_id = ?2 AND ar.role_id = r.id) "
                         "FROM solution_roles sr JOIN roles r ON r.id = sr.role_id "
                         "WHERE sr.solution_id = ?1 ORDER BY r.position",
                         "ii", solution_id, ex->account_id);
  if (stmt == NULL)
    return FALSE;

  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      g_string_append_printf (names, "%s%s", names->len > 0 ? (ex->lang == OP_LANG_ZH_CN ? "、" : ", ") : "",
                              _op_console_pick (ex, stmt, 0, 1));
      has_role |= sqlite3_column_int (stmt, 2) != 0;
    }

  if (rc < 0)
    return FALSE;

  op_stmt_release (g_steal_pointer (&stmt));

  result->roles = g_strdup (names->str);

  if (!_op_console_is_developer (ex, NULL))
    {
      if (op_exchange_failed (ex))
        return FALSE;
      result->code = g_strdup ("not_a_developer");
    }
  else if (!has_role)
    result->code = g_strdup ("role_required");

  result->orderable = result->code == NULL;

  return TRUE;
}

static gboolean
add_required_roles (OpExchange   *ex,
                    JsonBuilder  *builder,
                    gint64        solution_id,
                    GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT r.id, r.name_en, r.name_zh, EXISTS (SELECT 1 FROM account_roles ar "
                         "WHERE ar.account_id = ?2 AND ar.role_id = r.id) "
                         "FROM solution_roles sr JOIN roles r ON r.id = sr.role_id "
                         "WHERE sr.solution_id = ?1 ORDER BY r.position",
                         "ii", solution_id, ex->account_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "required_roles");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      _op_console_add_column_text (builder, "id", stmt, 0);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
      json_builder_set_member_name (builder, "held");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 3) != 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

static gboolean
add_ordered_apps (OpExchange   *ex,
                  JsonBuilder  *builder,
                  gint64        solution_id,
                  GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT a.app_key FROM solution_orders o JOIN apps a ON a.id = o.app_id "
                         "WHERE o.solution_id = ?1 AND o.account_id = ?2 ORDER BY o.id",
                         "ii", solution_id, ex->account_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "ordered_by_apps");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

static gboolean
add_apis (OpExchange   *ex,
          JsonBuilder  *builder,
          gint64        solution_id,
          GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT a.id, a.namespace, a.name, a.version, a.title_en, a.title_zh, "
                         "a.needs_access_token FROM solution_apis sa JOIN apis a ON a.id = sa.api_id "
                         "WHERE sa.solution_id = ?1 ORDER BY sa.position",
                         "i", solution_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "apis");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      g_autofree char *doc = g_strconcat ("https://open.1688.com/api/apidocdetail.htm?id=",
                                          sqlite3_column_text (stmt, 0), NULL);

      json_builder_begin_object (builder);
      _op_console_add_column_text (builder, "id", stmt, 0);
      _op_console_add_column_text (builder, "namespace", stmt, 1);
      _op_console_add_column_text (builder, "name", stmt, 2);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 4, 5));
      json_builder_set_member_name (builder, "needs_access_token");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 6) != 0);
      json_builder_set_member_name (builder, "doc_url");
      json_builder_add_string_value (builder, doc);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

static gboolean
add_topics (OpExchange   *ex,
            JsonBuilder  *builder,
            gint64        solution_id,
            GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT t.id, t.name_en, t.name_zh, t.description_en, t.description_zh "
                         "FROM solution_topics st JOIN topics t ON t.id = st.topic_id "
                         "WHERE st.solution_id = ?1 ORDER BY st.position",
                         "i", solution_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      _op_console_add_column_text (builder, "id", stmt, 0);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 3, 4));
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
  char   *doc_url;
  char   *source;
  gint64  n_apis;
  gint64  n_topics;
} SolutionRow;

static void
solution_row_free (SolutionRow *row)
{
  g_free (row->name_en);
  g_free (row->name_zh);
  g_free (row->summary_en);
  g_free (row->summary_zh);
  g_free (row->doc_url);
  g_free (row->source);
  g_free (row);
}

static char *
column_dup (OpStmt *stmt,
            int     column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Reads the solutions first, so that building each one can run queries. */
static GPtrArray *
load_solutions (OpExchange  *ex,
                gint64       id,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) solution_row_free);
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  if (id != 0)
    stmt = op_store_query (ex->store, error, solutions_sql, "i", id);
  else
    stmt = op_store_query (ex->store, error, solutions_sql, "s", NULL);
  if (stmt == NULL)
    return NULL;

  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      SolutionRow *row = g_new0 (SolutionRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->name_en = column_dup (stmt, 1);
      row->name_zh = column_dup (stmt, 2);
      row->summary_en = column_dup (stmt, 3);
      row->summary_zh = column_dup (stmt, 4);
      row->doc_url = column_dup (stmt, 5);
      row->source = column_dup (stmt, 6);
      row->n_apis = sqlite3_column_int64 (stmt, 7);
      row->n_topics = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (rows, row);
    }

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&rows);
}

static gboolean
add_solution (OpExchange   *ex,
              JsonBuilder  *builder,
              gpointer      data,
              gboolean      details,
              GError      **error)
{
  SolutionRow *row = data;
  g_auto(Orderability) orderability = { 0, };
  gboolean zh = ex->lang == OP_LANG_ZH_CN;

  if (!check_orderable (ex, row->id, &orderability, error))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, row->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, zh ? row->name_zh : row->name_en);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, zh ? row->summary_zh : row->summary_en);
  json_builder_set_member_name (builder, "doc_url");
  if (row->doc_url != NULL)
    json_builder_add_string_value (builder, row->doc_url);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, row->source);
  json_builder_set_member_name (builder, "api_count");
  json_builder_add_int_value (builder, row->n_apis);
  json_builder_set_member_name (builder, "topic_count");
  json_builder_add_int_value (builder, row->n_topics);

  if (!add_required_roles (ex, builder, row->id, error) ||
      !add_ordered_apps (ex, builder, row->id, error))
    return FALSE;

  json_builder_set_member_name (builder, "orderable");
  json_builder_add_boolean_value (builder, orderability.orderable);
  json_builder_set_member_name (builder, "not_orderable");
  if (orderability.orderable)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *message = op_message_format (orderability.code, ex->lang,
                                                    "roles", orderability.roles, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, orderability.code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
    }

  if (details && (!add_apis (ex, builder, row->id, error) ||
                  !add_topics (ex, builder, row->id, error)))
    return FALSE;

  json_builder_end_object (builder);

  return TRUE;
}

/* GET /solutions */
void
_op_console_solutions_list (OpExchange *ex)
{
  _op_console_reply_loaded_list (ex, "solutions", load_solutions, add_solution);
}

/* GET /solutions/{id} */
void
_op_console_solutions_get (OpExchange *ex)
{
  _op_console_reply_loaded_item (ex, load_solutions, add_solution);
}

static gboolean
already_ordered (OpExchange  *ex,
                 gint64       solution_id,
                 gint64       app_id,
                 gboolean    *ordered)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = op_store_query (ex->store, &error,
                         "SELECT 1 FROM solution_orders WHERE solution_id = ?1 AND app_id = ?2",
                         "ii", solution_id, app_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  *ordered = rc == SQLITE_ROW;

  return TRUE;
}

/* Finds or creates the app an order is for; answers and returns 0 when it
 * cannot. */
static gint64
order_app (OpExchange  *ex,
           gint64       solution_id,
           char       **secret)
{
  const char *app_key;
  JsonObject *new_app;
  gboolean ordered = FALSE;
  gint64 app_id = 0;

  if (!_op_console_read_app_choice (ex, &app_key, &new_app))
    return 0;

  if (new_app != NULL)
    return _op_console_create_app (ex, new_app, "new_app", secret);

  if (!_op_console_find_app (ex, app_key, &app_id))
    return 0;

  if (!already_ordered (ex, solution_id, app_id, &ordered))
    return 0;

  if (ordered)
    {
      op_exchange_fail (ex, "already_ordered", NULL);
      return 0;
    }

  return app_id;
}

/* POST /solutions/{id}/orders {app_key} | {new_app: {…}} */
void
_op_console_solutions_order (OpExchange *ex)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Orderability) orderability = { 0, };
  g_autofree char *secret = NULL;
  SolutionRow *row;
  gint64 id;
  gint64 app_id;
  gint64 order_id;

  if (!op_exchange_arg_id (ex, 0, &id))
    return;

  rows = load_solutions (ex, id, &error);
  if (rows == NULL || !(rows->len == 0 || check_orderable (ex, id, &orderability, &error)))
    {
      if (!op_exchange_failed (ex))
        op_exchange_fail_internal (ex, error);
      return;
    }

  if (rows->len == 0)
    {
      op_exchange_fail (ex, "not_found", NULL);
      return;
    }

  if (!orderability.orderable)
    {
      op_exchange_fail (ex, orderability.code, "roles", orderability.roles, NULL);
      return;
    }

  app_id = order_app (ex, id, &secret);
  if (app_id == 0)
    return;

  if (!op_store_run (ex->store, &error,
                     "INSERT INTO solution_orders (account_id, solution_id, app_id, created_at) "
                     "VALUES (?1, ?2, ?3, ?4)",
                     "iiii", ex->account_id, id, app_id, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }
  order_id = op_store_last_insert_id (ex->store);
  row = g_ptr_array_index (rows, 0);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "order");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, order_id);
  json_builder_set_member_name (builder, "solution_id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "solution_name");
  json_builder_add_string_value (builder, ex->lang == OP_LANG_ZH_CN ? row->name_zh : row->name_en);
  _op_console_add_time (builder, "created_at", ex->now);
  json_builder_end_object (builder);

  _op_console_reply_with_app (ex, builder, app_id, secret);
}
