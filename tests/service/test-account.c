/* test-account.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-test-server.h"

/* Sessions, the account and onboarding (入驻), over HTTP. */

static OpTestServer *server;

static void
test_sign_in (void)
{
  g_autoptr(OpTestAnswer) answer = NULL;
  g_autoptr(OpTestAnswer) account = NULL;
  g_autoptr(OpTestAnswer) wrong = NULL;
  g_autoptr(OpTestAnswer) unknown = NULL;
  g_autoptr(OpTestAnswer) out = NULL;
  g_autoptr(OpTestAnswer) after = NULL;
  g_autofree char *token = NULL;

  answer = op_test_call (server, "POST", "/session", NULL,
                         "{\"login\": \"merchant\", \"password\": \"sandbox\"}");
  g_assert_cmpuint (answer->status, ==, 201);
  token = g_strdup (op_test_string (answer->body, "token"));
  g_assert_cmpuint (strlen (token), ==, 64);
  g_assert_cmpstr (op_test_string (answer->body, "account.login"), ==, "merchant");
  g_assert_true (op_test_bool (answer->body, "account.real_name_verified"));
  g_assert_cmpstr (op_test_string (answer->body, "account.roles.0.id"), ==, "trustpass_merchant");
  g_assert_cmpstr (op_test_string (answer->body, "account.roles.0.source"), ==, "detected");
  g_assert_cmpstr (op_test_string (answer->body, "account.developer_status"), ==, "not_onboarded");

  /* The token is stored hashed, never as is. */
  g_assert_cmpint (op_test_sql_int (server, "SELECT COUNT(*) FROM sessions"), >=, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM sessions WHERE token_hash = '%s'",
                                            token);

    g_assert_cmpint (op_test_sql_int (server, sql), ==, 0);
  }

  account = op_test_call (server, "GET", "/account", token, NULL);
  g_assert_cmpuint (account->status, ==, 200);
  g_assert_cmpstr (op_test_string (account->body, "member_id"), ==, "b2b-2200000001");
  g_assert_null (op_test_string (account->body, "verification_help_url"));

  wrong = op_test_call (server, "POST", "/session", NULL,
                        "{\"login\": \"merchant\", \"password\": \"wrong\"}");
  op_test_assert_error (wrong, 401, "invalid_credentials");

  unknown = op_test_call (server, "POST", "/session", NULL,
                          "{\"login\": \"nobody\", \"password\": \"sandbox\"}");
  op_test_assert_error (unknown, 401, "invalid_credentials");

  out = op_test_call (server, "DELETE", "/session", token, NULL);
  g_assert_cmpuint (out->status, ==, 204);

  after = op_test_call (server, "GET", "/account", token, NULL);
  op_test_assert_error (after, 401, "unauthorized");
}

static void
test_sign_in_bad_input (void)
{
  g_autofree char *before = op_test_db_snapshot (server);
  g_autofree char *after = NULL;
  g_autoptr(OpTestAnswer) fields = NULL;
  g_autoptr(OpTestAnswer) empty = NULL;
  g_autoptr(OpTestAnswer) no_token = NULL;
  g_autoptr(OpTestAnswer) bad_token = NULL;

  fields = op_test_call (server, "POST", "/session", NULL, "{\"login\": 42, \"pw\": \"x\"}");
  op_test_assert_error (fields, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (fields->body, "login"));
  g_assert_nonnull (op_test_field_error (fields->body, "password"));
  g_assert_nonnull (op_test_field_error (fields->body, "pw"));

  empty = op_test_call (server, "POST", "/session", NULL, NULL);
  op_test_assert_error (empty, 400, "validation_failed");

  no_token = op_test_call (server, "GET", "/account", NULL, NULL);
  op_test_assert_error (no_token, 401, "unauthorized");

  bad_token = op_test_call (server, "GET", "/account", "0123456789abcdef", NULL);
  op_test_assert_error (bad_token, 401, "unauthorized");

  after = op_test_db_snapshot (server);
  g_assert_cmpstr (before, ==, after);
}

static void
test_language (void)
{
  g_autoptr(OpTestAnswer) zh = NULL;
  g_autoptr(OpTestAnswer) en = NULL;
  g_autoptr(OpTestAnswer) preferred = NULL;
  const char *body = "{\"login\": \"merchant\", \"password\": \"wrong\"}";

  zh = op_test_call_full (server, "POST", "/api/v1/session", NULL, "application/json",
                          body, -1, "zh-CN,zh;q=0.9,en;q=0.8");
  op_test_assert_error (zh, 401, "invalid_credentials");
  g_assert_cmpstr (op_test_string (zh->body, "error.message"), ==, "账号或密码错误。");
  g_assert_cmpstr (soup_message_headers_get_one (zh->headers, "Content-Language"), ==, "zh-CN");

  en = op_test_call_full (server, "POST", "/api/v1/session", NULL, "application/json",
                          body, -1, "en-GB");
  g_assert_cmpstr (op_test_string (en->body, "error.message"), ==,
                   "The account name or the password is wrong.");

  /* The highest q wins. */
  preferred = op_test_call_full (server, "POST", "/api/v1/session", NULL, "application/json",
                                 body, -1, "en;q=0.5, zh;q=0.9");
  g_assert_cmpstr (op_test_string (preferred->body, "error.message"), ==, "账号或密码错误。");
}

static void
test_unverified (void)
{
  g_autofree char *token = op_test_login (server, "unverified");
  g_autoptr(OpTestAnswer) account = NULL;
  g_autoptr(OpTestAnswer) sms = NULL;
  g_autoptr(OpTestAnswer) submit = NULL;

  account = op_test_call (server, "GET", "/account", token, NULL);
  g_assert_false (op_test_bool (account->body, "real_name_verified"));
  g_assert_nonnull (op_test_string (account->body, "verification_help_url"));
  g_assert_cmpuint (op_test_length (account->body, "roles"), ==, 0);

  sms = op_test_call (server, "POST", "/onboarding/sms", token, "{\"mobile\": \"13800138000\"}");
  op_test_assert_error (sms, 403, "not_real_name_verified");

  submit = op_test_call (server, "POST", "/onboarding", token,
                         "{\"mobile\": \"13800138000\", \"sms_code\": \"123456\", "
                         "\"contact_name\": \"王五\", \"email\": \"a@example.com\", "
                         "\"developer_type\": \"self_use\"}");
  op_test_assert_error (submit, 403, "not_real_name_verified");
  g_assert_cmpint (op_test_sql_int (server, "SELECT COUNT(*) FROM developers"), ==, 0);
}

static char *
latest_code (const char *token)
{
  g_autoptr(OpTestAnswer) inbox = op_test_call (server, "GET", "/sandbox/sms", token, NULL);

  g_assert_cmpuint (inbox->status, ==, 200);
  g_assert_true (op_test_bool (inbox->body, "sandbox"));

  return g_strdup (op_test_string (inbox->body, "messages.0.code"));
}

static void
test_onboarding (void)
{
  g_autofree char *token = op_test_login (server, "newcomer");
  g_autofree char *code = NULL;
  g_autofree char *body = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(OpTestAnswer) bad_mobile = NULL;
  g_autoptr(OpTestAnswer) sms = NULL;
  g_autoptr(OpTestAnswer) again = NULL;
  g_autoptr(OpTestAnswer) inbox = NULL;
  g_autoptr(OpTestAnswer) wrong_code = NULL;
  g_autoptr(OpTestAnswer) bad_fields = NULL;
  g_autoptr(OpTestAnswer) done = NULL;
  g_autoptr(OpTestAnswer) twice = NULL;
  g_autoptr(OpTestAnswer) developer_only = NULL;

  bad_mobile = op_test_call (server, "POST", "/onboarding/sms", token, "{\"mobile\": \"12345\"}");
  op_test_assert_error (bad_mobile, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (bad_mobile->body, "mobile"));

  sms = op_test_call (server, "POST", "/onboarding/sms", token, "{\"mobile\": \"139 1234 5678\"}");
  g_assert_cmpuint (sms->status, ==, 202);
  g_assert_cmpstr (op_test_string (sms->body, "mobile"), ==, "13912345678");

  /* One SMS a minute. */
  again = op_test_call (server, "POST", "/onboarding/sms", token, "{\"mobile\": \"13912345678\"}");
  op_test_assert_error (again, 429, "too_many_requests");
  g_assert_nonnull (soup_message_headers_get_one (again->headers, "Retry-After"));

  code = latest_code (token);
  g_assert_cmpuint (strlen (code), ==, 6);
  inbox = op_test_call (server, "GET", "/sandbox/sms", token, NULL);
  g_assert_nonnull (strstr (op_test_string (inbox->body, "messages.0.text"), code));
  g_assert_cmpuint (op_test_length (inbox->body, "messages"), ==, 1);

  developer_only = op_test_call (server, "POST", "/qualifications", token,
                                 "{\"role\": \"isv\", \"fields\": {}}");
  op_test_assert_error (developer_only, 403, "not_a_developer");

  before = op_test_db_snapshot (server);

  wrong_code = op_test_call (server, "POST", "/onboarding", token,
                             "{\"mobile\": \"13912345678\", \"sms_code\": \"000000x\", "
                             "\"contact_name\": \"李四\", \"email\": \"dev@example.com\", "
                             "\"developer_type\": \"self_use\"}");
  op_test_assert_error (wrong_code, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (wrong_code->body, "sms_code"));

  bad_fields = op_test_call (server, "POST", "/onboarding", token,
                             "{\"mobile\": \"13912345678\", \"sms_code\": \"123\", "
                             "\"contact_name\": \"  \", \"email\": \"not-an-email\", "
                             "\"developer_type\": \"isv\", \"extra\": true}");
  op_test_assert_error (bad_fields, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (bad_fields->body, "contact_name"));
  g_assert_nonnull (op_test_field_error (bad_fields->body, "email"));
  g_assert_nonnull (op_test_field_error (bad_fields->body, "company_name"));
  g_assert_nonnull (op_test_field_error (bad_fields->body, "extra"));
  g_assert_null (op_test_field_error (bad_fields->body, "mobile"));

  after = op_test_db_snapshot (server);
  g_assert_cmpstr (before, ==, after);

  body = g_strdup_printf ("{\"mobile\": \"13912345678\", \"sms_code\": \"%s\", "
                          "\"contact_name\": \"李四\", \"email\": \"dev@example.com\", "
                          "\"developer_type\": \"isv\", \"company_name\": \"沙箱科技有限公司\"}",
                          code);
  done = op_test_call (server, "POST", "/onboarding", token, body);
  g_assert_cmpuint (done->status, ==, 201);
  g_assert_cmpstr (op_test_string (done->body, "developer_status"), ==, "onboarded");
  g_assert_cmpstr (op_test_string (done->body, "developer.developer_type"), ==, "isv");
  g_assert_cmpstr (op_test_string (done->body, "developer.mobile"), ==, "13912345678");

  twice = op_test_call (server, "POST", "/onboarding", token, body);
  op_test_assert_error (twice, 409, "already_onboarded");
}

static void
test_sms_code_expires (void)
{
  g_autofree char *token = op_test_login (server, "buyer");
  g_autofree char *code = NULL;
  g_autofree char *body = NULL;
  g_autoptr(OpTestAnswer) sms = NULL;
  g_autoptr(OpTestAnswer) expired = NULL;

  sms = op_test_call (server, "POST", "/onboarding/sms", token, "{\"mobile\": \"13700137000\"}");
  g_assert_cmpuint (sms->status, ==, 202);
  code = latest_code (token);

  op_test_sql_exec (server, "UPDATE sms_codes SET expires_at = expires_at - 301, "
                            "created_at = created_at - 301");

  body = g_strdup_printf ("{\"mobile\": \"13700137000\", \"sms_code\": \"%s\", "
                          "\"contact_name\": \"赵六\", \"email\": \"buyer@example.com\", "
                          "\"developer_type\": \"self_use\"}", code);
  expired = op_test_call (server, "POST", "/onboarding", token, body);
  op_test_assert_error (expired, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (expired->body, "sms_code"));
}

static void
test_seed (void)
{
  g_assert_cmpint (op_test_sql_int (server, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (op_test_sql_int (server, "SELECT COUNT(*) FROM accounts"), ==, 5);
  g_assert_cmpint (op_test_sql_int (server, "SELECT COUNT(*) FROM roles"), ==, 4);
  g_assert_cmpint (op_test_sql_int (server, "SELECT COUNT(*) FROM solutions"), >=, 5);
  g_assert_cmpint (op_test_sql_int (server, "SELECT COUNT(*) FROM abilities"), >=, 6);
  g_assert_cmpint (op_test_sql_int (server, "SELECT MIN(n) FROM (SELECT COUNT(*) AS n "
                                            "FROM packages GROUP BY ability_id)"), >=, 2);
  g_assert_cmpint (op_test_sql_int (server, "SELECT MAX(n) FROM (SELECT COUNT(*) AS n "
                                            "FROM packages GROUP BY ability_id)"), <=, 3);
  g_assert_cmpint (op_test_sql_int (server, "SELECT COUNT(*) FROM apis"), ==, 36);
  g_assert_cmpint (op_test_sql_int (server, "SELECT needs_access_token FROM apis WHERE id = "
                                            "'com.alibaba.product:alibaba.category.get-1'"), ==, 0);
  g_assert_cmpint (op_test_sql_int (server, "SELECT needs_access_token FROM apis WHERE id = "
                                            "'com.alibaba.trade:alibaba.trade.getBuyerOrderList-1'"),
                   ==, 1);
  /* Passwords are yescrypt hashes. */
  g_assert_cmpint (op_test_sql_int (server, "SELECT COUNT(*) FROM accounts "
                                            "WHERE password_hash LIKE '$y$%'"), ==, 5);
  g_assert_cmpint (op_test_sql_int (server, "SELECT real_name_verified FROM accounts "
                                            "WHERE login = 'unverified'"), ==, 0);
  {
    g_autofree char *mode = op_test_sql_string (server, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
  }
}

int
main (int    argc,
      char **argv)
{
  OpServiceOptions options;
  int status;

  g_test_init (&argc, &argv, NULL);

  op_service_options_init (&options);
  options.review_mode = OP_REVIEW_MODE_MANUAL;
  server = op_test_server_new (&options);

  g_test_add_func ("/service/account/seed", test_seed);
  g_test_add_func ("/service/account/sign-in", test_sign_in);
  g_test_add_func ("/service/account/sign-in-bad-input", test_sign_in_bad_input);
  g_test_add_func ("/service/account/language", test_language);
  g_test_add_func ("/service/account/unverified", test_unverified);
  g_test_add_func ("/service/account/onboarding", test_onboarding);
  g_test_add_func ("/service/account/sms-code-expires", test_sms_code_expires);

  status = g_test_run ();

  op_test_server_free (server);

  return status;
}
