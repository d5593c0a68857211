/* op-console-apps.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-console-apps"

#include "config.h"

#include <string.h>

#include "op-console-private.h"
#include "op-quota.h"
#include "op-review.h"
#include "op-secrets.h"
#include "op-validate.h"

/* Apps (应用): credentials, state, quota and usage, launch (上线), listing
 * (上架) and quota increases (调高调用量). */

#define APP_SECRET_LENGTH 16
#define MAX_USAGE_DAYS 90
#define MAX_DAILY_LIMIT G_GINT64_CONSTANT (100000000)
#define MARKET_URL "https://fuwu.1688.com/"

static const char * const jushita_regions[] = {
  "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "cn-zhangjiakou",
};

char *
_op_console_today (OpExchange *ex)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (ex->now);

  return op_quota_platform_day (now);
}

/**
 * _op_console_find_app:
 * @ex: an exchange with a session
 * @app_key: an AppKey from the request
 * @app_id: (out): the app's row
 *
 * Answers 404 when there is no such app in the account (another account's
 * app is "not found" too).
 *
 * Returns: %TRUE if found
 */
gboolean
_op_console_find_app (OpExchange *ex,
                      const char *app_key,
                      gint64     *app_id)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error,
                         "SELECT id FROM apps WHERE app_key = ?1 AND account_id = ?2",
                         "si", app_key, ex->account_id);
  if (!_op_console_step_found (ex, stmt, error))
    return FALSE;

  *app_id = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static gboolean
app_key_taken (OpExchange  *ex,
               const char  *app_key,
               gboolean    *taken,
               GError     **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error, "SELECT 1 FROM apps WHERE app_key = ?1", "s", app_key);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, error)) < 0)
    return FALSE;

  *taken = rc == SQLITE_ROW;

  return TRUE;
}

static char *
new_app_key (OpExchange  *ex,
             GError     **error)
{
  for (;;)
    {
      g_autofree char *key = op_secrets_random_digits (OP_VALIDATE_APP_KEY_LENGTH);
      gboolean taken = FALSE;

      if (!app_key_taken (ex, key, &taken, error))
        return NULL;

      if (!taken)
        return g_steal_pointer (&key);
    }
}

static void
check_new_app (OpExchange *ex,
               JsonObject *new_app,
               const char *prefix)
{
  static const OpMember members[] = {
    { "name", OP_MEMBER_STRING, TRUE, 64 },
    { "description", OP_MEMBER_STRING, FALSE, 500 },
    { "app_type", OP_MEMBER_STRING, TRUE, 20 },
    { "callback_url", OP_MEMBER_STRING, FALSE, 300 },
  };
  const char *type;
  const char *callback;
  g_autofree char *name_field = g_strconcat (prefix, ".name", NULL);
  g_autofree char *type_field = g_strconcat (prefix, ".app_type", NULL);
  g_autofree char *callback_field = g_strconcat (prefix, ".callback_url", NULL);
  g_autofree char *name = NULL;

  op_exchange_check_members (ex, new_app, prefix, members, G_N_ELEMENTS (members));

  name = op_exchange_dup_trimmed (new_app, "name");
  if (name != NULL && !op_validate_app_name (name, NULL))
    op_exchange_field_error (ex, name_field, "field.invalid_app_name", NULL);

  type = op_exchange_get_string (new_app, "app_type");
  if (type != NULL && !g_str_equal (type, "self_use") && !g_str_equal (type, "isv"))
    op_exchange_field_error (ex, type_field, "field.one_of", "values", "self_use, isv", NULL);

  callback = op_exchange_get_string (new_app, "callback_url");
  if (callback != NULL && callback[0] != '\0' && !op_validate_https_url (callback, NULL))
    op_exchange_field_error (ex, callback_field, "field.invalid_https_url", NULL);
}

/**
 * _op_console_create_app:
 * @ex: an exchange of a developer
 * @new_app: the `new_app` object of the request (应用信息)
 * @prefix: its field name, for field errors
 * @secret: (out): the new app secret
 *
 * Checks the app information and creates the app in development with its
 * credentials: a 7-digit AppKey and an AppSecret from the kernel's CSPRNG.
 *
 * Returns: the app's row, or 0 after answering with the error
 */
gint64
_op_console_create_app (OpExchange  *ex,
                        JsonObject  *new_app,
                        const char  *prefix,
                        char       **secret)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *developer_type = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *callback = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *app_secret = NULL;
  const char *type;

  check_new_app (ex, new_app, prefix);
  if (op_exchange_has_field_errors (ex))
    {
      op_exchange_fail_fields (ex);
      return 0;
    }

  type = op_exchange_get_string (new_app, "app_type");
  if (!_op_console_is_developer (ex, &developer_type))
    {
      if (!op_exchange_failed (ex))
        op_exchange_fail (ex, "not_a_developer", NULL);
      return 0;
    }

  if (g_str_equal (type, "isv") && !g_str_equal (developer_type, "isv"))
    {
      op_exchange_fail (ex, "isv_only", NULL);
      return 0;
    }

  name = op_validate_strip (op_exchange_get_string (new_app, "name"));
  description = op_exchange_dup_trimmed (new_app, "description");
  callback = op_exchange_dup_trimmed (new_app, "callback_url");
  app_key = new_app_key (ex, &error);
  app_secret = op_secrets_random_alnum (APP_SECRET_LENGTH);

  if (app_key == NULL ||
      !op_store_run (ex->store, &error,
                     "INSERT INTO apps (app_key, account_id, name, description, app_type, "
                     "callback_url, secret, state, daily_limit, created_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'developing', ?8, ?9)",
                     "sisssssii", app_key, ex->account_id, name,
                     description != NULL ? description : "", type, callback, app_secret,
                     (gint64) OP_QUOTA_DEVELOPMENT_DAILY_LIMIT, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return 0;
    }

  *secret = g_steal_pointer (&app_secret);

  return op_store_last_insert_id (ex->store);
}

/**
 * _op_console_read_app_choice:
 * @ex: an exchange whose body names an app: `{app_key}` or `{new_app: {…}}`
 * @app_key: (out): the AppKey of an existing app, or %NULL
 * @new_app: (out): the information of a new app, or %NULL
 *
 * Checks that the body names exactly one of the two.
 *
 * Returns: %TRUE, or %FALSE after answering with the field errors
 */
gboolean
_op_console_read_app_choice (OpExchange  *ex,
                             const char **app_key,
                             JsonObject **new_app)
{
  static const OpMember members[] = {
    { "app_key", OP_MEMBER_STRING, FALSE, 16 },
    { "new_app", OP_MEMBER_OBJECT, FALSE, 0 },
  };

  if (!op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members)))
    {
      op_exchange_fail_fields (ex);
      return FALSE;
    }

  *app_key = op_exchange_get_string (ex->body, "app_key");
  *new_app = NULL;
  if (json_object_has_member (ex->body, "new_app") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (ex->body, "new_app")))
    *new_app = json_object_get_object_member (ex->body, "new_app");

  if ((*app_key == NULL) == (*new_app == NULL))
    {
      op_exchange_field_error (ex, "app_key", "field.either_app", NULL);
      op_exchange_fail_fields (ex);
      return FALSE;
    }

  return TRUE;
}

/**
 * _op_console_reply_with_app:
 * @ex: an exchange
 * @builder: an answer with its top object still open
 * @app_id: the app's row (already known to belong to the account)
 * @secret: (nullable): the secret of an app just created
 *
 * Adds the app as the member "app", ends the object and answers 201, or
 * 500 on a store error. The secret is in this one answer only.
 */
void
_op_console_reply_with_app (OpExchange  *ex,
                            JsonBuilder *builder,
                            gint64       app_id,
                            const char  *secret)
{
  JsonNode *root;
  JsonObject *app;

  json_builder_set_member_name (builder, "app");
  if (!_op_console_add_app (ex, builder, app_id, FALSE))
    return;
  json_builder_end_object (builder);

  if (secret == NULL)
    {
      op_exchange_reply_builder (ex, 201, builder);
      return;
    }

  root = json_builder_get_root (builder);
  app = json_object_get_object_member (json_node_get_object (root), "app");
  json_object_set_string_member (app, "app_secret", secret);
  op_exchange_reply (ex, 201, root);
}

static gboolean
add_app_solutions (OpExchange   *ex,
                   JsonBuilder  *builder,
                   gint64        app_id,
                   GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT s.id, s.name_en, s.name_zh FROM solution_orders o "
                         "JOIN solutions s ON s.id = o.solution_id WHERE o.app_id = ?1 ORDER BY o.id",
                         "i", app_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "solutions");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

static gboolean
add_app_abilities (OpExchange   *ex,
                   JsonBuilder  *builder,
                   gint64        app_id,
                   GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT b.id, b.name_en, b.name_zh, aa.used FROM ability_apps aa "
                         "JOIN abilities b ON b.id = aa.ability_id WHERE aa.app_id = ?1 "
                         "ORDER BY b.position",
                         "i", app_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "abilities");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
      json_builder_set_member_name (builder, "used");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

/* The latest launch, listing or quota increase of the app. */
static gboolean
add_latest (OpExchange   *ex,
            JsonBuilder  *builder,
            const char   *name,
            const char   *sql,
            gint64        app_id,
            GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error, sql, "i", app_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, error)) < 0)
    return FALSE;

  json_builder_set_member_name (builder, name);
  if (rc != SQLITE_ROW)
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 0));
  _op_console_add_column_text (builder, "state", stmt, 1);
  _op_console_add_localized_column (ex, builder, "reason", stmt, 2);
  _op_console_add_column_time (builder, "submitted_at", stmt, 3);
  _op_console_add_column_time (builder, "decided_at", stmt, 4);

  if (g_str_equal (name, "listing"))
    {
      _op_console_add_column_text (builder, "callback_url", stmt, 5);
      json_builder_set_member_name (builder, "jushita");
      json_builder_add_value (builder, json_from_string ((const char *) sqlite3_column_text (stmt, 6),
                                                         NULL));
      json_builder_set_member_name (builder, "market_url");
      if (g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "approved"))
        json_builder_add_string_value (builder, MARKET_URL);
      else
        json_builder_add_null_value (builder);
    }
  else if (g_str_equal (name, "quota_increase"))
    {
      json_builder_set_member_name (builder, "daily_limit");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 5));
      _op_console_add_column_text (builder, "applicant_reason", stmt, 6);
    }

  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
add_details (OpExchange   *ex,
             JsonBuilder  *builder,
             gint64        app_id,
             GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;

  stmt = op_store_query (ex->store, error,
                         "SELECT EXISTS (SELECT 1 FROM api_usage WHERE app_id = ?1 AND successes > 0)",
                         "i", app_id);
  if (stmt == NULL || op_store_step (ex->store, stmt, error) != SQLITE_ROW)
    return FALSE;

  json_builder_set_member_name (builder, "has_successful_call");
  json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 0) != 0);
  op_stmt_release (g_steal_pointer (&stmt));

  return add_latest (ex, builder, "launch",
                     "SELECT id, state, reason, created_at, decided_at FROM launches "
                     "WHERE app_id = ?1 ORDER BY id DESC LIMIT 1", app_id, error) &&
         add_latest (ex, builder, "listing",
                     "SELECT id, state, reason, created_at, decided_at, callback_url, jushita "
                     "FROM listings WHERE app_id = ?1 ORDER BY id DESC LIMIT 1", app_id, error) &&
         add_latest (ex, builder, "quota_increase",
                     "SELECT id, state, reason, created_at, decided_at, daily_limit, "
                     "applicant_reason FROM quota_increases WHERE app_id = ?1 "
                     "ORDER BY id DESC LIMIT 1", app_id, error);
}

/**
 * _op_console_add_app:
 * @ex: an exchange
 * @builder: where to add the app
 * @app_id: the app's row (already known to belong to the account)
 * @details: add launch, listing and quota-increase states too
 *
 * Returns: %TRUE, or %FALSE after answering 500
 */
gboolean
_op_console_add_app (OpExchange  *ex,
                     JsonBuilder *builder,
                     gint64       app_id,
                     gboolean     details)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (ex->now);
  g_autoptr(GDateTime) reset = op_quota_next_reset (now);
  g_autofree char *today = _op_console_today (ex);
  gint64 used, limit;
  gboolean launched;
  gboolean pending_increase;

  stmt = op_store_query (ex->store, &error,
                         "SELECT app_key, name, description, app_type, callback_url, state, "
                         "daily_limit, created_at, "
                         "COALESCE((SELECT calls FROM app_days WHERE app_id = a.id AND day = ?2), 0), "
                         "EXISTS (SELECT 1 FROM quota_increases WHERE app_id = a.id "
                         "AND state = 'pending') "
                         "FROM apps a WHERE id = ?1",
                         "is", app_id, today);
  if (stmt == NULL || op_store_step (ex->store, stmt, &error) != SQLITE_ROW)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  used = sqlite3_column_int64 (stmt, 8);
  limit = sqlite3_column_int64 (stmt, 6);
  launched = g_str_equal ((const char *) sqlite3_column_text (stmt, 5), "launched");
  pending_increase = sqlite3_column_int (stmt, 9) != 0;

  json_builder_begin_object (builder);
  _op_console_add_column_text (builder, "app_key", stmt, 0);
  _op_console_add_column_text (builder, "name", stmt, 1);
  _op_console_add_column_text (builder, "description", stmt, 2);
  _op_console_add_column_text (builder, "app_type", stmt, 3);
  _op_console_add_column_text (builder, "callback_url", stmt, 4);
  _op_console_add_column_text (builder, "state", stmt, 5);
  _op_console_add_column_time (builder, "created_at", stmt, 7);
  json_builder_set_member_name (builder, "quota");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "daily_limit");
  json_builder_add_int_value (builder, limit);
  json_builder_set_member_name (builder, "used_today");
  json_builder_add_int_value (builder, used);
  json_builder_set_member_name (builder, "left_today");
  json_builder_add_int_value (builder, (gint64) op_quota_calls_left (used, limit));
  json_builder_set_member_name (builder, "day");
  json_builder_add_string_value (builder, today);
  _op_console_add_time (builder, "resets_at", g_date_time_to_unix (reset));
  json_builder_set_member_name (builder, "may_request_increase");
  json_builder_add_boolean_value (builder, launched && !pending_increase &&
                                  op_quota_may_request_increase (used, limit));
  json_builder_end_object (builder);
  op_stmt_release (g_steal_pointer (&stmt));

  if (!add_app_solutions (ex, builder, app_id, &error) ||
      !add_app_abilities (ex, builder, app_id, &error) ||
      (details && !add_details (ex, builder, app_id, &error)))
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  json_builder_end_object (builder);

  return TRUE;
}

static void
reply_app (OpExchange *ex,
           guint       status,
           gint64      app_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (_op_console_add_app (ex, builder, app_id, TRUE))
    op_exchange_reply_builder (ex, status, builder);
}

/* GET /apps */
void
_op_console_apps_list (OpExchange *ex)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = op_store_query (ex->store, &error,
                         "SELECT id FROM apps WHERE account_id = ?1 ORDER BY id", "i", ex->account_id);
  if (stmt == NULL)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  while ((rc = op_store_step (ex->store, stmt, &error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc < 0)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }
  op_stmt_release (g_steal_pointer (&stmt));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "apps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    if (!_op_console_add_app (ex, builder, g_array_index (ids, gint64, i), FALSE))
      return;
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  op_exchange_reply_builder (ex, 200, builder);
}

/* GET /apps/{app_key} */
void
_op_console_apps_get (OpExchange *ex)
{
  gint64 app_id;

  if (_op_console_find_app (ex, op_exchange_arg (ex, 0), &app_id))
    reply_app (ex, 200, app_id);
}

/* POST /apps/{app_key}/secret/reset */
void
_op_console_apps_secret_reset (OpExchange *ex)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  gint64 app_id;

  if (!_op_console_find_app (ex, op_exchange_arg (ex, 0), &app_id))
    return;

  if (ex->body != NULL && json_object_get_size (ex->body) > 0)
    {
      op_exchange_check_members (ex, ex->body, NULL, NULL, 0);
      op_exchange_fail_fields (ex);
      return;
    }

  secret = op_secrets_random_alnum (APP_SECRET_LENGTH);
  if (!op_store_run (ex->store, &error, "UPDATE apps SET secret = ?2 WHERE id = ?1",
                     "is", app_id, secret))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "app_key");
  json_builder_add_string_value (builder, op_exchange_arg (ex, 0));
  json_builder_set_member_name (builder, "app_secret");
  json_builder_add_string_value (builder, secret);
  json_builder_end_object (builder);

  op_exchange_reply_builder (ex, 200, builder);
}

typedef struct
{
  char     *app_type;
  char     *state;
  gint64    daily_limit;
  gint64    used_today;
  gboolean  has_success;
} AppState;

static void
app_state_clear (AppState *state)
{
  g_clear_pointer (&state->app_type, g_free);
  g_clear_pointer (&state->state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AppState, app_state_clear)

static gboolean
load_app_state (OpExchange *ex,
                gint64      app_id,
                AppState   *state)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = _op_console_today (ex);

  stmt = op_store_query (ex->store, &error,
                         "SELECT app_type, state, daily_limit, "
                         "COALESCE((SELECT calls FROM app_days WHERE app_id = a.id AND day = ?2), 0), "
                         "EXISTS (SELECT 1 FROM api_usage WHERE app_id = a.id AND successes > 0) "
                         "FROM apps a WHERE id = ?1",
                         "is", app_id, today);
  if (stmt == NULL || op_store_step (ex->store, stmt, &error) != SQLITE_ROW)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  state->app_type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  state->state = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  state->daily_limit = sqlite3_column_int64 (stmt, 2);
  state->used_today = sqlite3_column_int64 (stmt, 3);
  state->has_success = sqlite3_column_int (stmt, 4) != 0;

  return TRUE;
}

static gboolean
submit (OpExchange *ex,
        const char *kind,
        gint64      subject_id)
{
  const OpServiceOptions *options = _op_service_get_options (ex->service);
  g_autoptr(GError) error = NULL;

  if (op_review_submit (ex->store, kind, subject_id, ex->account_id, ex->now,
                        options->review_delay_seconds, &error) == 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  return TRUE;
}

/* POST /apps/{app_key}/launch {confirm: true} */
void
_op_console_apps_launch (OpExchange *ex)
{
  static const OpMember members[] = {
    { "confirm", OP_MEMBER_BOOLEAN, TRUE, 0 },
  };
  g_auto(AppState) state = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 app_id;
  gint64 launch_id;

  if (!_op_console_find_app (ex, op_exchange_arg (ex, 0), &app_id))
    return;

  if (op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members)) &&
      !json_object_get_boolean_member (ex->body, "confirm"))
    op_exchange_field_error (ex, "confirm", "field.must_be_true", NULL);

  if (op_exchange_has_field_errors (ex))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  if (!load_app_state (ex, app_id, &state))
    return;

  if (!g_str_equal (state.app_type, "self_use"))
    op_exchange_fail (ex, "launch_self_use_only", NULL);
  else if (!g_str_equal (state.state, "developing"))
    op_exchange_fail (ex, "wrong_state", "state", state.state, NULL);
  else if (!state.has_success)
    op_exchange_fail (ex, "launch_needs_successful_call", NULL);

  if (op_exchange_failed (ex))
    return;

  if (!op_store_run (ex->store, &error,
                     "INSERT INTO launches (app_id, state, created_at) VALUES (?1, 'pending', ?2)",
                     "ii", app_id, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }
  launch_id = op_store_last_insert_id (ex->store);

  if (!op_store_run (ex->store, &error,
                     "UPDATE apps SET state = 'launch_review' WHERE id = ?1", "i", app_id))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (submit (ex, "launch", launch_id))
    reply_app (ex, 202, app_id);
}

static void
check_listing (OpExchange *ex)
{
  static const OpMember members[] = {
    { "jushita", OP_MEMBER_OBJECT, TRUE, 0 },
    { "callback_url", OP_MEMBER_STRING, TRUE, 300 },
  };
  static const OpMember jushita_members[] = {
    { "account", OP_MEMBER_STRING, TRUE, 64 },
    { "instance_id", OP_MEMBER_STRING, TRUE, 64 },
    { "region", OP_MEMBER_STRING, TRUE, 32 },
  };
  JsonObject *jushita = NULL;
  const char *callback;
  const char *instance;
  const char *region;

  op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members));

  if (ex->body != NULL && json_object_has_member (ex->body, "jushita") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (ex->body, "jushita")))
    {
      jushita = json_object_get_object_member (ex->body, "jushita");
      op_exchange_check_members (ex, jushita, "jushita", jushita_members,
                                 G_N_ELEMENTS (jushita_members));
    }

  callback = op_exchange_get_string (ex->body, "callback_url");
  if (callback != NULL && !op_validate_https_url (callback, NULL))
    op_exchange_field_error (ex, "callback_url", "field.invalid_https_url", NULL);

  instance = op_exchange_get_string (jushita, "instance_id");
  if (instance != NULL &&
      !g_regex_match_simple ("^[A-Za-z0-9-]{4,64}$", instance, 0, 0))
    op_exchange_field_error (ex, "jushita.instance_id", "field.invalid_format", NULL);

  region = op_exchange_get_string (jushita, "region");
  if (region != NULL && !g_strv_contains (jushita_regions, region))
    {
      g_autofree char *values = g_strjoinv (", ", (char **) jushita_regions);

      op_exchange_field_error (ex, "jushita.region", "field.one_of", "values", values, NULL);
    }
}

static gboolean
latest_state (OpExchange  *ex,
              const char  *sql,
              gint64       app_id,
              char       **state)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = op_store_query (ex->store, &error, sql, "i", app_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  *state = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;

  return TRUE;
}

/* POST /apps/{app_key}/listing {jushita: {account, instance_id, region}, callback_url} */
void
_op_console_apps_listing (OpExchange *ex)
{
  g_auto(AppState) state = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *listing_state = NULL;
  g_autofree char *jushita = NULL;
  const char *callback;
  gint64 app_id;

  if (!_op_console_find_app (ex, op_exchange_arg (ex, 0), &app_id))
    return;

  check_listing (ex);
  if (op_exchange_has_field_errors (ex))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  if (!load_app_state (ex, app_id, &state) ||
      !latest_state (ex, "SELECT state FROM listings WHERE app_id = ?1 ORDER BY id DESC LIMIT 1",
                     app_id, &listing_state))
    return;

  if (!g_str_equal (state.app_type, "isv"))
    op_exchange_fail (ex, "listing_isv_only", NULL);
  else if (g_strcmp0 (listing_state, "pending") == 0)
    op_exchange_fail (ex, "review_pending", NULL);
  else if (g_strcmp0 (listing_state, "approved") == 0)
    op_exchange_fail (ex, "wrong_state", "state", "listed", NULL);

  if (op_exchange_failed (ex))
    return;

  jushita = json_to_string (json_object_get_member (ex->body, "jushita"), FALSE);
  callback = op_exchange_get_string (ex->body, "callback_url");

  if (!op_store_run (ex->store, &error,
                     "INSERT INTO listings (app_id, jushita, callback_url, state, created_at) "
                     "VALUES (?1, ?2, ?3, 'pending', ?4)",
                     "issi", app_id, jushita, callback, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (!submit (ex, "listing", op_store_last_insert_id (ex->store)))
    return;

  /* The listing's 授权回调地址 is the app's OAuth callback from now on. */
  if (!op_store_run (ex->store, &error, "UPDATE apps SET callback_url = ?2 WHERE id = ?1",
                     "is", app_id, callback))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  reply_app (ex, 202, app_id);
}

/* POST /apps/{app_key}/quota-increase {daily_limit, reason} */
void
_op_console_apps_quota_increase (OpExchange *ex)
{
  static const OpMember members[] = {
    { "daily_limit", OP_MEMBER_INTEGER, TRUE, 0 },
    { "reason", OP_MEMBER_STRING, TRUE, 500 },
  };
  g_auto(AppState) state = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *pending = NULL;
  g_autofree char *reason = NULL;
  gint64 app_id;
  gint64 limit = 0;

  if (!_op_console_find_app (ex, op_exchange_arg (ex, 0), &app_id) ||
      !load_app_state (ex, app_id, &state))
    return;

  if (op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members)))
    {
      limit = json_object_get_int_member (ex->body, "daily_limit");

      if (limit <= state.daily_limit)
        {
          g_autofree char *current = g_strdup_printf ("%" G_GINT64_FORMAT, state.daily_limit);

          op_exchange_field_error (ex, "daily_limit", "field.limit_not_higher",
                                   "limit", current, NULL);
        }
      else if (limit > MAX_DAILY_LIMIT)
        {
          g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, state.daily_limit + 1);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, MAX_DAILY_LIMIT);

          op_exchange_field_error (ex, "daily_limit", "field.out_of_range",
                                   "min", min, "max", max, NULL);
        }
    }

  if (op_exchange_has_field_errors (ex))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  if (!latest_state (ex, "SELECT state FROM quota_increases WHERE app_id = ?1 AND "
                         "state = 'pending'", app_id, &pending))
    return;

  if (!g_str_equal (state.state, "launched"))
    op_exchange_fail (ex, "wrong_state", "state", state.state, NULL);
  else if (pending != NULL)
    op_exchange_fail (ex, "review_pending", NULL);
  else if (!op_quota_may_request_increase (state.used_today, state.daily_limit))
    {
      g_autofree char *used = g_strdup_printf ("%" G_GINT64_FORMAT, state.used_today);
      g_autofree char *current = g_strdup_printf ("%" G_GINT64_FORMAT, state.daily_limit);

      op_exchange_fail (ex, "quota_increase_not_allowed", "used", used, "limit", current, NULL);
    }

  if (op_exchange_failed (ex))
    return;

  reason = op_exchange_dup_trimmed (ex->body, "reason");
  if (!op_store_run (ex->store, &error,
                     "INSERT INTO quota_increases (app_id, daily_limit, previous_limit, "
                     "applicant_reason, state, created_at) VALUES (?1, ?2, ?3, ?4, 'pending', ?5)",
                     "iiisi", app_id, limit, state.daily_limit, reason, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (submit (ex, "quota_increase", op_store_last_insert_id (ex->store)))
    reply_app (ex, 202, app_id);
}

static gboolean
parse_days (OpExchange *ex,
            guint      *days)
{
  const char *text = ex->query != NULL ? g_hash_table_lookup (ex->query, "days") : NULL;
  guint64 value = 7;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, MAX_USAGE_DAYS, &value, NULL))
    {
      g_autofree char *max = g_strdup_printf ("%d", MAX_USAGE_DAYS);

      op_exchange_field_error (ex, "days", "field.out_of_range", "min", "1", "max", max, NULL);
      op_exchange_fail_fields (ex);
      return FALSE;
    }

  *days = (guint) value;

  return TRUE;
}

static gboolean
add_usage_day (OpExchange   *ex,
               JsonBuilder  *builder,
               gint64        app_id,
               const char   *day,
               GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  gint64 successes = 0, failures = 0, calls = 0;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT u.api_id, a.title_en, a.title_zh, u.successes, u.failures "
                         "FROM api_usage u JOIN apis a ON a.id = u.api_id "
                         "WHERE u.app_id = ?1 AND u.day = ?2 ORDER BY u.api_id",
                         "is", app_id, day);
  if (stmt == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "day");
  json_builder_add_string_value (builder, day);
  json_builder_set_member_name (builder, "apis");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      successes += sqlite3_column_int64 (stmt, 3);
      failures += sqlite3_column_int64 (stmt, 4);

      json_builder_begin_object (builder);
      _op_console_add_column_text (builder, "api", stmt, 0);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
      json_builder_set_member_name (builder, "successes");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
      json_builder_set_member_name (builder, "failures");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 4));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (rc < 0)
    return FALSE;
  op_stmt_release (g_steal_pointer (&stmt));

  stmt = op_store_query (ex->store, error,
                         "SELECT calls FROM app_days WHERE app_id = ?1 AND day = ?2",
                         "is", app_id, day);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, error)) < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    calls = sqlite3_column_int64 (stmt, 0);

  json_builder_set_member_name (builder, "calls");
  json_builder_add_int_value (builder, calls);
  json_builder_set_member_name (builder, "successes");
  json_builder_add_int_value (builder, successes);
  json_builder_set_member_name (builder, "failures");
  json_builder_add_int_value (builder, failures);
  json_builder_end_object (builder);

  return TRUE;
}

/* GET /apps/{app_key}/usage?days=N: calls per platform day, newest first. */
void
_op_console_apps_usage (OpExchange *ex)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (ex->now);
  gint64 app_id;
  guint days;

  if (!_op_console_find_app (ex, op_exchange_arg (ex, 0), &app_id) || !parse_days (ex, &days))
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "app_key");
  json_builder_add_string_value (builder, op_exchange_arg (ex, 0));
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint i = 0; i < days; i++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (now, -(gint) i);
      g_autofree char *day = op_quota_platform_day (when);

      if (!add_usage_day (ex, builder, app_id, day, &error))
        {
          op_exchange_fail_internal (ex, error);
          return;
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  op_exchange_reply_builder (ex, 200, builder);
}
