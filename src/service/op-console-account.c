/* op-console-account.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-console-account"

#include "config.h"

#include "op-console-private.h"
#include "op-secrets.h"
#include "op-validate.h"

/* Sessions, the account, and onboarding (入驻). */

#define SESSION_LIFETIME (7 * 24 * 3600)
#define SMS_LIFETIME (5 * 60)
#define SMS_RESEND_AFTER 60
#define VERIFICATION_HELP_URL "http://help.alipay.com/lab/210120-210321/0-210321.htm"

/* A yescrypt hash of a password nobody has, checked when the login is
 * unknown so that both answers take the same time. */
static const char dummy_hash[] =
  "$y$j9T$aX3KsZo3V0rt6DgLTSLy./$LxwGJQygNW3Nu.aHZgjoYDhGhXrh8moOZ7U4bj1un9A";

void
_op_console_add_time (JsonBuilder *builder,
                      const char  *name,
                      gint64       unix_seconds)
{
  g_autofree char *text = op_format_time (unix_seconds);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

void
_op_console_add_column_time (JsonBuilder *builder,
                             const char  *name,
                             OpStmt      *stmt,
                             int          column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      json_builder_set_member_name (builder, name);
      json_builder_add_null_value (builder);
      return;
    }

  _op_console_add_time (builder, name, sqlite3_column_int64 (stmt, column));
}

void
_op_console_add_column_text (JsonBuilder *builder,
                             const char  *name,
                             OpStmt      *stmt,
                             int          column)
{
  json_builder_set_member_name (builder, name);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, column));
}

/* A column holding a {"en", "zh_CN"} pair (a decision's reason). */
void
_op_console_add_localized_column (OpExchange  *ex,
                                  JsonBuilder *builder,
                                  const char  *name,
                                  OpStmt      *stmt,
                                  int          column)
{
  g_autofree char *text = op_exchange_localized (ex, (const char *) sqlite3_column_text (stmt, column));

  json_builder_set_member_name (builder, name);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

/* The column of the request's language. */
const char *
_op_console_pick (OpExchange *ex,
                  OpStmt     *stmt,
                  int         column_en,
                  int         column_zh)
{
  return (const char *) sqlite3_column_text (stmt, ex->lang == OP_LANG_ZH_CN ? column_zh : column_en);
}

/**
 * _op_console_is_developer:
 * @ex: an exchange with a session
 * @developer_type: (out) (optional): "self_use" or "isv"
 *
 * Returns: %TRUE if the account has completed onboarding; %FALSE also after
 *   answering 500 on a store error
 */
gboolean
_op_console_is_developer (OpExchange  *ex,
                          char       **developer_type)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  int rc;

  stmt = op_store_query (ex->store, &error,
                         "SELECT developer_type FROM developers WHERE account_id = ?1",
                         "i", ex->account_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  if (rc == SQLITE_ROW && developer_type != NULL)
    *developer_type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return rc == SQLITE_ROW;
}

static gboolean
add_roles (OpExchange   *ex,
           JsonBuilder  *builder,
           GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT r.id, r.name_en, r.name_zh, ar.source, ar.granted_at "
                         "FROM account_roles ar JOIN roles r ON r.id = ar.role_id "
                         "WHERE ar.account_id = ?1 ORDER BY r.position",
                         "i", ex->account_id);
  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, error)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      _op_console_add_column_text (builder, "id", stmt, 0);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, _op_console_pick (ex, stmt, 1, 2));
      _op_console_add_column_text (builder, "source", stmt, 3);
      _op_console_add_column_time (builder, "granted_at", stmt, 4);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return rc == SQLITE_DONE;
}

static gboolean
add_developer (OpExchange   *ex,
               JsonBuilder  *builder,
               GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT contact_name, mobile, email, developer_type, company_name, "
                         "created_at FROM developers WHERE account_id = ?1",
                         "i", ex->account_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, error)) < 0)
    return FALSE;

  json_builder_set_member_name (builder, "developer_status");
  json_builder_add_string_value (builder, rc == SQLITE_ROW ? "onboarded" : "not_onboarded");

  json_builder_set_member_name (builder, "developer");
  if (rc != SQLITE_ROW)
    {
      json_builder_add_null_value (builder);
      return TRUE;
    }

  json_builder_begin_object (builder);
  _op_console_add_column_text (builder, "contact_name", stmt, 0);
  _op_console_add_column_text (builder, "mobile", stmt, 1);
  _op_console_add_column_text (builder, "email", stmt, 2);
  _op_console_add_column_text (builder, "developer_type", stmt, 3);
  _op_console_add_column_text (builder, "company_name", stmt, 4);
  _op_console_add_column_time (builder, "onboarded_at", stmt, 5);
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
add_account (OpExchange   *ex,
             JsonBuilder  *builder,
             GError      **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  gboolean verified;

  stmt = op_store_query (ex->store, error,
                         "SELECT login, display_name, member_id, ali_id, real_name_verified "
                         "FROM accounts WHERE id = ?1",
                         "i", ex->account_id);
  if (stmt == NULL || op_store_step (ex->store, stmt, error) != SQLITE_ROW)
    return FALSE;

  verified = sqlite3_column_int (stmt, 4) != 0;

  json_builder_begin_object (builder);
  _op_console_add_column_text (builder, "login", stmt, 0);
  _op_console_add_column_text (builder, "display_name", stmt, 1);
  _op_console_add_column_text (builder, "member_id", stmt, 2);
  json_builder_set_member_name (builder, "ali_id");
  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 3));
  json_builder_set_member_name (builder, "real_name_verified");
  json_builder_add_boolean_value (builder, verified);
  json_builder_set_member_name (builder, "verification_help_url");
  if (verified)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, VERIFICATION_HELP_URL);

  op_stmt_release (g_steal_pointer (&stmt));

  if (!add_roles (ex, builder, error) || !add_developer (ex, builder, error))
    return FALSE;

  json_builder_end_object (builder);

  return TRUE;
}

static void
reply_account (OpExchange *ex,
               guint       status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;

  if (!add_account (ex, builder, &error))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  op_exchange_reply_builder (ex, status, builder);
}

/* POST /session {login, password} */
void
_op_console_session_create (OpExchange *ex)
{
  static const OpMember members[] = {
    { "login", OP_MEMBER_STRING, TRUE, 64 },
    { "password", OP_MEMBER_STRING, TRUE, 256 },
  };
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  const char *password;
  gboolean ok;
  int rc;

  if (!op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members)))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  password = op_exchange_get_string (ex->body, "password");
  stmt = op_store_query (ex->store, &error,
                         "SELECT id, password_hash FROM accounts WHERE login = ?1",
                         "s", op_exchange_get_string (ex->body, "login"));
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) < 0)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (rc == SQLITE_ROW)
    {
      ok = op_secrets_check_password (password, (const char *) sqlite3_column_text (stmt, 1));
      ex->account_id = sqlite3_column_int64 (stmt, 0);
    }
  else
    {
      op_secrets_check_password (password, dummy_hash);
      ok = FALSE;
    }
  op_stmt_release (g_steal_pointer (&stmt));

  if (!ok)
    {
      ex->account_id = 0;
      op_exchange_fail (ex, "invalid_credentials", NULL);
      return;
    }

  token = op_secrets_random_token ();
  hash = op_secrets_hash_token (token);
  if (!op_store_run (ex->store, &error,
                     "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) "
                     "VALUES (?1, ?2, ?3, ?4)",
                     "siii", hash, ex->account_id, ex->now, ex->now + SESSION_LIFETIME))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  _op_console_add_time (builder, "expires_at", ex->now + SESSION_LIFETIME);
  json_builder_set_member_name (builder, "account");
  if (!add_account (ex, builder, &error))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }
  json_builder_end_object (builder);

  op_exchange_reply_builder (ex, 201, builder);
}

/* DELETE /session */
void
_op_console_session_delete (OpExchange *ex)
{
  g_autoptr(GError) error = NULL;

  if (!op_store_run (ex->store, &error, "DELETE FROM sessions WHERE token_hash = ?1",
                     "s", ex->session_hash))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  op_exchange_reply (ex, 204, NULL);
}

/* GET /account */
void
_op_console_account_get (OpExchange *ex)
{
  reply_account (ex, 200);
}

/* Answers 403 or 409 when the account may not onboard. */
static gboolean
check_may_onboard (OpExchange *ex)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = op_store_query (ex->store, &error,
                         "SELECT real_name_verified, "
                         "EXISTS (SELECT 1 FROM developers WHERE account_id = ?1) "
                         "FROM accounts WHERE id = ?1",
                         "i", ex->account_id);
  if (stmt == NULL || op_store_step (ex->store, stmt, &error) != SQLITE_ROW)
    {
      op_exchange_fail_internal (ex, error);
      return FALSE;
    }

  if (sqlite3_column_int (stmt, 0) == 0)
    {
      op_exchange_fail (ex, "not_real_name_verified", NULL);
      return FALSE;
    }

  if (sqlite3_column_int (stmt, 1) != 0)
    {
      op_exchange_fail (ex, "already_onboarded", NULL);
      return FALSE;
    }

  return TRUE;
}

/* POST /onboarding/sms {mobile} */
void
_op_console_onboarding_sms (OpExchange *ex)
{
  static const OpMember members[] = {
    { "mobile", OP_MEMBER_STRING, TRUE, 20 },
  };
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *mobile = NULL;
  g_autofree char *code = NULL;
  int rc;

  if (!check_may_onboard (ex))
    return;

  if (!op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members)))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  if (!op_validate_mobile (op_exchange_get_string (ex->body, "mobile"), NULL))
    {
      op_exchange_field_error (ex, "mobile", "field.invalid_mobile", NULL);
      op_exchange_fail_fields (ex);
      return;
    }

  mobile = op_validate_normalize_mobile (op_exchange_get_string (ex->body, "mobile"));

  stmt = op_store_query (ex->store, &error,
                         "SELECT MAX(created_at) FROM sms_codes WHERE account_id = ?1",
                         "i", ex->account_id);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, &error)) != SQLITE_ROW)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
      sqlite3_column_int64 (stmt, 0) + SMS_RESEND_AFTER > ex->now)
    {
      g_autofree char *seconds = NULL;
      gint64 wait = sqlite3_column_int64 (stmt, 0) + SMS_RESEND_AFTER - ex->now;
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (ex->msg);

      seconds = g_strdup_printf ("%" G_GINT64_FORMAT, wait);
      soup_message_headers_replace (headers, "Retry-After", seconds);
      op_exchange_fail (ex, "too_many_requests", "seconds", seconds, NULL);
      return;
    }
  op_stmt_release (g_steal_pointer (&stmt));

  code = op_secrets_random_digits (6);
  if (!op_store_run (ex->store, &error,
                     "INSERT INTO sms_codes (account_id, mobile, code, created_at, expires_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)",
                     "issii", ex->account_id, mobile, code, ex->now, ex->now + SMS_LIFETIME))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mobile");
  json_builder_add_string_value (builder, mobile);
  _op_console_add_time (builder, "expires_at", ex->now + SMS_LIFETIME);
  json_builder_set_member_name (builder, "resend_after_seconds");
  json_builder_add_int_value (builder, SMS_RESEND_AFTER);
  json_builder_end_object (builder);

  op_exchange_reply_builder (ex, 202, builder);
}

/* GET /sandbox/sms: what the sandbox would have sent by SMS. */
void
_op_console_sandbox_sms (OpExchange *ex)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int rc;

  stmt = op_store_query (ex->store, &error,
                         "SELECT mobile, code, created_at, expires_at, used FROM sms_codes "
                         "WHERE account_id = ?1 ORDER BY id DESC LIMIT 20",
                         "i", ex->account_id);
  if (stmt == NULL)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sandbox");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  while ((rc = op_store_step (ex->store, stmt, &error)) == SQLITE_ROW)
    {
      g_autofree char *text = op_message_format ("sms.text", ex->lang,
                                                 "code", sqlite3_column_text (stmt, 1), NULL);

      json_builder_begin_object (builder);
      _op_console_add_column_text (builder, "mobile", stmt, 0);
      _op_console_add_column_text (builder, "code", stmt, 1);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      _op_console_add_column_time (builder, "sent_at", stmt, 2);
      _op_console_add_column_time (builder, "expires_at", stmt, 3);
      json_builder_set_member_name (builder, "used");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 4) != 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (rc < 0)
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  op_exchange_reply_builder (ex, 200, builder);
}

static void
check_onboarding_fields (OpExchange *ex)
{
  const char *type = op_exchange_get_string (ex->body, "developer_type");
  g_autofree char *company = op_exchange_dup_trimmed (ex->body, "company_name");
  const char *mobile = op_exchange_get_string (ex->body, "mobile");
  const char *email = op_exchange_get_string (ex->body, "email");

  if (mobile != NULL && !op_validate_mobile (mobile, NULL))
    op_exchange_field_error (ex, "mobile", "field.invalid_mobile", NULL);

  if (email != NULL && !op_validate_email (email, NULL))
    op_exchange_field_error (ex, "email", "field.invalid_email", NULL);

  if (type != NULL && !g_str_equal (type, "self_use") && !g_str_equal (type, "isv"))
    op_exchange_field_error (ex, "developer_type", "field.one_of",
                             "values", "self_use, isv", NULL);
  else if (g_strcmp0 (type, "isv") == 0 && company == NULL)
    op_exchange_field_error (ex, "company_name", "field.company_required", NULL);
}

/* Checks the SMS code and marks it used. */
static gboolean
use_sms_code (OpExchange  *ex,
              const char  *mobile,
              const char  *code,
              GError     **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  gint64 id;
  int rc;

  stmt = op_store_query (ex->store, error,
                         "SELECT id, code FROM sms_codes WHERE account_id = ?1 AND mobile = ?2 "
                         "AND used = 0 AND expires_at > ?3 ORDER BY id DESC LIMIT 1",
                         "isi", ex->account_id, mobile, ex->now);
  if (stmt == NULL || (rc = op_store_step (ex->store, stmt, error)) < 0)
    return FALSE;

  if (rc != SQLITE_ROW ||
      !op_secrets_equal ((const char *) sqlite3_column_text (stmt, 1), code))
    {
      op_exchange_field_error (ex, "sms_code", "field.sms_code_wrong", NULL);
      return TRUE;
    }

  id = sqlite3_column_int64 (stmt, 0);
  op_stmt_release (g_steal_pointer (&stmt));

  return op_store_run (ex->store, error, "UPDATE sms_codes SET used = 1 WHERE id = ?1", "i", id);
}

/* POST /onboarding {mobile, sms_code, contact_name, email, developer_type, company_name?} */
void
_op_console_onboarding_submit (OpExchange *ex)
{
  static const OpMember members[] = {
    { "mobile", OP_MEMBER_STRING, TRUE, 20 },
    { "sms_code", OP_MEMBER_STRING, TRUE, 10 },
    { "contact_name", OP_MEMBER_STRING, TRUE, 50 },
    { "email", OP_MEMBER_STRING, TRUE, 254 },
    { "developer_type", OP_MEMBER_STRING, TRUE, 20 },
    { "company_name", OP_MEMBER_STRING, FALSE, 100 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *mobile = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *email = NULL;
  g_autofree char *company = NULL;

  if (!check_may_onboard (ex))
    return;

  op_exchange_check_members (ex, ex->body, NULL, members, G_N_ELEMENTS (members));
  check_onboarding_fields (ex);
  if (op_exchange_has_field_errors (ex))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  mobile = op_validate_normalize_mobile (op_exchange_get_string (ex->body, "mobile"));
  if (!use_sms_code (ex, mobile, op_exchange_get_string (ex->body, "sms_code"), &error))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  if (op_exchange_has_field_errors (ex))
    {
      op_exchange_fail_fields (ex);
      return;
    }

  contact = op_exchange_dup_trimmed (ex->body, "contact_name");
  email = op_exchange_dup_trimmed (ex->body, "email");
  company = op_exchange_dup_trimmed (ex->body, "company_name");

  if (!op_store_run (ex->store, &error,
                     "INSERT INTO developers (account_id, contact_name, mobile, email, "
                     "developer_type, company_name, created_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                     "isssssi", ex->account_id, contact, mobile, email,
                     op_exchange_get_string (ex->body, "developer_type"), company, ex->now))
    {
      op_exchange_fail_internal (ex, error);
      return;
    }

  reply_account (ex, 201);
}
