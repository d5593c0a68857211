/* op-console-qualifications.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-console-qualifications"

#include "config.h"

#include "op-console-private.h"
#include "op-review.h"

/* Roles with their qualification forms, and qualification applications
 * (资质申请). The console checks an application's shape (known fields, text
 * values, lengths); whether the values are right (统一社会信用代码 checksum,
 * mobile numbers, …) is the reviewer's decision (op-review.c), as on the
 * platform. */

/* A form field of roles.json, in the request's language. */
static void
add_form_field (OpExchange  *ex,
                JsonBuilder *builder,
                JsonObject  *field)
{
  const char *suffix = ex->lang == OP_LANG_ZH_CN ? "_zh" : "_en";
  g_autofree char *label = g_strconcat ("label", suffix, NULL);
  g_autofree char *help = g_strconcat ("help", suffix, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, json_object_get_string_member (field, "name"));
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, json_object_get_string_member (field, "type"));
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, json_object_get_string_member_with_default (field, label, ""));
  json_builder_set_member_name (builder, "help");
  json_builder_add_string_value (builder, json_object_get_string_member_with_default (field, help, ""));
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, json_object_get_boolean_member_with_default (field, "required", FALSE));
  json_builder_set_member_name (builder, "max_length");
  json_builder_add_int_value (builder, json_object_get_int_member_with_default (field, "max_length", 0));
  json_builder_set_member_name (builder, "validation");
  json_builder_add_string_value (builder, json_object_get_string_member_with_default (field, "validation", "none"));

  if (json_object_has_member (field, "options"))
    {
      JsonArray *options = json_object_get_array_member (field, "options");

      json_builder_set_member_name (builder, "options");
      json_builder_begin_array (builder);
      for (guint i = 0; i < json_array_get_length (options); i++)
        {
          JsonObject *option = json_array_get_object_element (options, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, json_object_get_string_member (option, "value"));
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder,
                                         json_object_get_string_member_with_default (option, label, ""));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static const char roles_sql[] =
  "SELECT r.id, r.name_en, r.name_zh, r.description_en, r.description_zh, r.form, "
  "EXISTS (SELECT 1 FROM account_roles WHERE account_id = ?1 AND role_id = r.id), "
  "(SELECT id FROM qualifications WHERE account_id = ?1 AND role_id = r.id "
  " ORDER BY id DESC LIMIT 1), "
  "(SELECT state FROM qualifications WHERE account_id = ?1 AND role_id = r.id "
  " ORDER BY id DESC LIMIT 1) "
  "FROM roles r WHERE ?2 IS NULL OR r.id = ?2 ORDER BY r.position";

/* A role is the same in lists, whatever @details says. */
static void
add_role (OpExchange  *ex,
          JsonBuilder *builder,
          OpStmt      *stmt,
          gboolean     details)
{
  g_autoptr(JsonNode) form = json_from_string ((const char *) sqlite3_column_text (stmt, 5), NULL);
  JsonArray *fields = json_node_get_array (form);

  json_builder_begin_object (builder);
  _op_console_add_column_text (builder, "id", stmt, 0);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 3, 4));
  json_builder_set_member_name (builder, "held");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 6) != 0);

  json_builder_set_member_name (builder, "application");
  if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 7));
      _op_console_add_column_text (builder, "state", stmt, 8);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "form");
  json_builder_begin_array (builder);
  for (guint i = 0; i < json_array_get_length (fields); i++)
    add_form_field (ex, builder, json_array_get_object_element (fields, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/* GET /roles */
void
_op_console_roles_list (OpExchange *ex)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error, roles_sql, "is", ex->account_id, NULL);
  _op_console_reply_stmt_list (ex, stmt, error, "roles", add_role);
}

/* GET /roles/{id} */
void
_op_console_roles_get (OpExchange *ex)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error, roles_sql, "is", ex->account_id,
                         op_exchange_arg (ex, 0));
  _op_console_reply_stmt_item (ex, 200, stmt, error, add_role);
}

/* Checks the shape of "fields" against the role's form. */
static gboolean
check_fields (OpExchange *ex,
              const char *role_id,
              JsonObject *fields)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) form = NULL;
  g_autofree OpMember *members = NULL;
  JsonArray *form_fields;
  guint n;

  stmt = op_store_query (ex->store, &error, "SELECT form FROM roles WHERE id = ?1", "s", role_id);
  if (stmt == NULL || op_store_step (ex->store, stmt, &error) != SQLITE_ROW)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  form = json_from_string ((const char *) sqlite3_column_text (stmt, 0), &error);
  if (form == NULL)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  form_fields = json_node_get_array (form);
  n = json_array_get_length (form_fields);
  members = g_new0 (OpMember, n);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *field = json_array_get_object_element (form_fields, i);

      members[i].name = json_object_get_string_member (field, "name");
      members[i].type = OP_MEMBER_STRING;
      members[i].required = FALSE;
      members[i].max_length = json_object_get_int_member_with_default (field, "max_length", 0);
    }

  return op_exchange_check_members (ex, fields, "fields", members, n);
}

/* With @details, the fields of the application too. */
static void
add_qualification (OpExchange  *ex,
                   JsonBuilder *builder,
                   OpStmt      *stmt,
                   gboolean     details)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  json_builder_set_member_name (builder, "role");
  json_builder_begin_object (builder);
  _op_console_add_column_text (builder, "id", stmt, 1);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 2, 3));
  json_builder_end_object (builder);
  _op_console_add_column_text (builder, "state", stmt, 4);
  _op_console_add_localized_column (ex, builder, "reason", stmt, 5);

  json_builder_set_member_name (builder, "field_reasons");
  if (sqlite3_column_type (stmt, 6) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    {
      g_autoptr(JsonNode) reasons = json_from_string ((const char *) sqlite3_column_text (stmt, 6), NULL);
      JsonObject *object = json_node_get_object (reasons);
      g_autoptr(GList) names = json_object_get_members (object);

      json_builder_begin_object (builder);
      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonObject *pair = json_object_get_object_member (object, l->data);

          json_builder_set_member_name (builder, l->data);
          json_builder_add_string_value (builder,
                                         json_object_get_string_member (pair, op_lang_to_string (ex->lang)));
        }
      json_builder_end_object (builder);
    }

  if (details)
    {
      json_builder_set_member_name (builder, "fields");
      json_builder_add_value (builder, json_from_string ((const char *) sqlite3_column_text (stmt, 7), NULL));
    }

  _op_console_add_column_time (builder, "created_at", stmt, 8);
  _op_console_add_column_time (builder, "updated_at", stmt, 9);
  json_builder_end_object (builder);
}

static const char qualification_sql[] =
  "SELECT q.id, q.role_id, r.name_en, r.name_zh, q.state, q.reason, q.field_reasons, q.fields, "
  "q.created_at, q.updated_at FROM qualifications q JOIN roles r ON r.id = q.role_id "
  "WHERE q.account_id = ?1 AND (?2 IS NULL OR q.id = ?2) ORDER BY q.id DESC";

static void
reply_qualification (OpExchange *ex,
                     guint       status,
                     gint64      id)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error, qualification_sql, "ii", ex->account_id, id);
  _op_console_reply_stmt_item (ex, status, stmt, error, add_qualification);
}

static gboolean
submit_review (OpExchange *ex,
               gint64      qualification_id)
{
  const OpServiceOptions *options = _op_service_get_options (ex->service);
  g_autoptr(GError) error = NULL;

  if (op_review_submit (ex->store, "qualification", qualification_id, ex->account_id, ex->now,
                        options->review_delay_seconds, &error) == 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  return TRUE;
}

/* Answers 409 when the account holds the role or already applied. */
static gboolean
check_may_apply (OpExchange *ex,
                 const char *role_id)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error,
                         "SELECT EXISTS (SELECT 1 FROM account_roles WHERE account_id = ?1 "
                         "AND role_id = ?2), (SELECT state FROM qualifications WHERE "
                         "account_id = ?1 AND role_id = ?2 ORDER BY id DESC LIMIT 1)",
                         "is", ex->account_id, role_id);
  if (stmt == NULL || op_store_step (ex->store, stmt, &error) != SQLITE_ROW)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  if (sqlite3_column_int (stmt, 0) != 0)
    {
      op_exchange_fail (ex, "role_already_held", NULL);
      return FALSE;
    }

  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      const char *state = (const char *) sqlite3_column_text (stmt, 1);

      if (g_str_equal (state, "pending"))
        op_exchange_fail (ex, "review_pending", NULL);
      else
        op_exchange_fail (ex, "wrong_state", "state", state, NULL);
      return FALSE;
    }

  return TRUE;
}

static gboolean
role_exists (OpExchange *ex,
             const char *role_id,
             gboolean   *exists)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = op_store_query (ex->store, &error, "SELECT 1 FROM roles WHERE id = ?1", "s", role_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  *exists = rc == SQLITE_ROW;

  return TRUE;
}

/* POST /qualifications {role, fields} */
void
_op_console_qualifications_create (OpExchange *ex)
{
  static const OpMember members[] = {
    { "role", OP_MEMBER_STRING, TRUE, 64 },
    { "fields", OP_MEMBER_OBJECT, TRUE, 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *fields = NULL;
  const char *role_id;
  JsonObject *fields_object;
  gboolean exists = FALSE;
  gint64 id;

  if (!op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members)))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  role_id = op_exchange_get_string (ex->body, "role");
  if (!role_exists (ex, role_id, &exists))
    return;

  if (!exists)
    {
      op_exchange_field_error (ex, "role", "field.unknown_role", NULL);
      op_exchange_fail_fields (ex);
      return;
    }

  if (!check_may_apply (ex, role_id))
    return;

  fields_object = json_object_get_object_member (ex->body, "fields");
  if (!check_fields (ex, role_id, fields_object))
    {
      if (!op_exchange_failed (ex))
        op_exchange_fail_fields (ex);
      return;
    }

  fields = json_to_string (json_object_get_member (ex->body, "fields"), FALSE);
  if (!op_store_run (ex->store, &error,
                     "INSERT INTO qualifications (account_id, role_id, fields, state, created_at, "
                     "updated_at) VALUES (?1, ?2, ?3, 'pending', ?4, ?4)",
                     "issi", ex->account_id, role_id, fields, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  id = op_store_last_insert_id (ex->store);
  if (!submit_review (ex, id))
    return;

  reply_qualification (ex, 201, id);
}

/* GET /qualifications */
void
_op_console_qualifications_list (OpExchange *ex)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error, qualification_sql, "is", ex->account_id, NULL);
  _op_console_reply_stmt_list (ex, stmt, error, "qualifications", add_qualification);
}

/* GET /qualifications/{id} */
void
_op_console_qualifications_get (OpExchange *ex)
{
  gint64 id;

  if (op_exchange_arg_id (ex, 0, &id))
    reply_qualification (ex, 200, id);
}

/* PUT /qualifications/{id} {fields}: resubmit after a rejection. */
void
_op_console_qualifications_update (OpExchange *ex)
{
  static const OpMember members[] = {
    { "fields", OP_MEMBER_OBJECT, TRUE, 0 },
  };
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *role_id = NULL;
  g_autofree char *state = NULL;
  g_autofree char *fields = NULL;
  gint64 id;

  if (!op_exchange_arg_id (ex, 0, &id))
    return;

  stmt = op_store_query (ex->store, &error,
                         "SELECT role_id, state FROM qualifications WHERE id = ?1 AND account_id = ?2",
                         "ii", id, ex->account_id);
  if (!_op_console_step_found (ex, stmt, error))
    return;

  role_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  state = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  op_stmt_release (g_steal_pointer (&stmt));

  if (!g_str_equal (state, "rejected"))
    {
      op_exchange_fail (ex, "wrong_state", "state", state, NULL);
      return;
    }

  if (!op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members)) ||
      !check_fields (ex, role_id, json_object_get_object_member (ex->body, "fields")))
    {
      if (!op_exchange_failed (ex))
        op_exchange_fail_fields (ex);
      return;
    }

  fields = json_to_string (json_object_get_member (ex->body, "fields"), FALSE);
  if (!op_store_run (ex->store, &error,
                     "UPDATE qualifications SET fields = ?2, state = 'pending', reason = NULL, "
                     "field_reasons = NULL, updated_at = ?3 WHERE id = ?1",
                     "isi", id, fields, ex->now) ||
      !submit_review (ex, id))
    {
      if (!op_exchange_failed (ex))
        op_exchange_fail_internal (ex, error);
      return;
    }

  reply_qualification (ex, 200, id);
}
