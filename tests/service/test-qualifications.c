/* test-qualifications.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-test-server.h"
#include "op-validate.h"

/* Roles, qualification applications (资质申请) and the automatic reviewer. */

static OpTestServer *server;

/* A 1×1 PNG. */
#define PNG_DATA_URL "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

static char *
valid_uscc (void)
{
  const char *first17 = "91330100MA2B3C4D5";
  char check = 0;

  g_assert_true (op_validate_uscc_check_char (first17, &check));

  return g_strdup_printf ("%s%c", first17, check);
}

static char *
isv_fields (const char *uscc,
            const char *mobile)
{
  return g_strdup_printf ("{\"company_name\": \"沙箱软件有限公司\", \"uscc\": \"%s\", "
                          "\"business_licence\": \"%s\", \"company_website\": \"https://isv.example.com\", "
                          "\"product_description\": \"订单管理工具\", \"contact_name\": \"张三\", "
                          "\"contact_mobile\": \"%s\", \"contact_email\": \"isv@example.com\"}",
                          uscc, PNG_DATA_URL, mobile);
}

static void
test_roles (void)
{
  g_autofree char *token = op_test_login (server, "merchant");
  g_autoptr(OpTestAnswer) roles = op_test_call (server, "GET", "/roles", token, NULL);
  g_autoptr(OpTestAnswer) zh = NULL;
  g_autoptr(OpTestAnswer) one = NULL;
  g_autoptr(OpTestAnswer) missing = NULL;

  g_assert_cmpuint (roles->status, ==, 200);
  g_assert_cmpuint (op_test_length (roles->body, "roles"), ==, 4);
  g_assert_cmpstr (op_test_string (roles->body, "roles.0.id"), ==, "trustpass_merchant");
  g_assert_true (op_test_bool (roles->body, "roles.0.held"));
  g_assert_false (op_test_bool (roles->body, "roles.3.held"));
  g_assert_cmpstr (op_test_string (roles->body, "roles.0.form.1.name"), ==, "uscc");
  g_assert_cmpstr (op_test_string (roles->body, "roles.0.form.1.validation"), ==, "uscc");
  g_assert_true (op_test_bool (roles->body, "roles.0.form.1.required"));
  g_assert_cmpint (op_test_int (roles->body, "roles.0.form.1.max_length"), ==, 18);
  g_assert_cmpstr (op_test_string (roles->body, "roles.0.form.1.label"), ==,
                   "Unified social credit code");
  /* Choices come with their options. */
  g_assert_cmpstr (op_test_string (roles->body, "roles.1.form.3.type"), ==, "choice");
  g_assert_cmpuint (op_test_length (roles->body, "roles.1.form.3.options"), >=, 3);

  zh = op_test_call_full (server, "GET", "/api/v1/roles", token, NULL, NULL, -1, "zh-CN");
  g_assert_cmpstr (op_test_string (zh->body, "roles.0.name"), ==, "诚信通商家");
  g_assert_cmpstr (op_test_string (zh->body, "roles.0.form.1.label"), ==, "统一社会信用代码");

  one = op_test_call (server, "GET", "/roles/isv", token, NULL);
  g_assert_cmpuint (one->status, ==, 200);
  g_assert_cmpstr (op_test_string (one->body, "id"), ==, "isv");

  missing = op_test_call (server, "GET", "/roles/nope", token, NULL);
  op_test_assert_error (missing, 404, "not_found");
}

static char *
submit (const char *token,
        const char *role,
        const char *fields,
        guint       expected_status)
{
  g_autofree char *body = g_strdup_printf ("{\"role\": \"%s\", \"fields\": %s}", role, fields);
  g_autoptr(OpTestAnswer) answer = op_test_call (server, "POST", "/qualifications", token, body);

  if (answer->status != expected_status)
    g_error ("POST /qualifications: %u %s", answer->status, answer->text);

  if (expected_status != 201)
    return g_strdup (op_test_string (answer->body, "error.code"));

  g_assert_cmpstr (op_test_string (answer->body, "state"), ==, "pending");
  g_assert_cmpstr (op_test_string (answer->body, "role.id"), ==, role);

  return g_strdup_printf ("%" G_GINT64_FORMAT, op_test_int (answer->body, "id"));
}

static void
wait_decided (const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT state != 'pending' FROM qualifications "
                                          "WHERE id = %s", id);

  op_test_wait_for_sql (server, sql, 1);
}

static void
test_apply_approved (void)
{
  g_autofree char *token = op_test_onboard (server, "newcomer", "isv");
  g_autofree char *uscc = valid_uscc ();
  g_autofree char *fields = isv_fields (uscc, "13800138000");
  g_autofree char *id = submit (token, "isv", fields, 201);
  g_autofree char *path = g_strdup_printf ("/qualifications/%s", id);
  g_autofree char *held = NULL;
  g_autoptr(OpTestAnswer) detail = NULL;
  g_autoptr(OpTestAnswer) list = NULL;
  g_autoptr(OpTestAnswer) account = NULL;
  g_autoptr(OpTestAnswer) put = NULL;

  wait_decided (id);

  detail = op_test_call (server, "GET", path, token, NULL);
  g_assert_cmpuint (detail->status, ==, 200);
  g_assert_cmpstr (op_test_string (detail->body, "state"), ==, "approved");
  g_assert_null (op_test_string (detail->body, "reason"));
  g_assert_cmpstr (op_test_string (detail->body, "fields.uscc"), ==, uscc);

  list = op_test_call (server, "GET", "/qualifications", token, NULL);
  g_assert_cmpuint (op_test_length (list->body, "qualifications"), ==, 1);
  g_assert_null (op_test_member (list->body, "qualifications.0.fields"));

  account = op_test_call (server, "GET", "/account", token, NULL);
  g_assert_cmpstr (op_test_string (account->body, "roles.0.id"), ==, "isv");
  g_assert_cmpstr (op_test_string (account->body, "roles.0.source"), ==, "qualification");

  held = submit (token, "isv", fields, 409);
  g_assert_cmpstr (held, ==, "role_already_held");

  /* Only a rejected application can be resubmitted. */
  put = op_test_call (server, "PUT", path, token, "{\"fields\": {}}");
  op_test_assert_error (put, 409, "wrong_state");
}

static void
test_apply_rejected_then_resubmitted (void)
{
  g_autofree char *token = op_test_onboard (server, "buyer", "self_use");
  g_autofree char *uscc = valid_uscc ();
  g_autofree char *bad_uscc = g_strdup (uscc);
  g_autofree char *fields = NULL;
  g_autofree char *good_fields = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  g_autoptr(OpTestAnswer) detail = NULL;
  g_autoptr(OpTestAnswer) zh = NULL;
  g_autoptr(OpTestAnswer) put = NULL;
  g_autoptr(OpTestAnswer) after = NULL;
  g_autoptr(OpTestAnswer) account = NULL;

  /* Change the check character: the checksum no longer holds. */
  bad_uscc[17] = bad_uscc[17] == '0' ? '1' : '0';

  fields = g_strdup_printf ("{\"company_name\": \"沙箱跨境有限公司\", \"uscc\": \"%s\", "
                            "\"business_licence\": \"data:image/png;base64,AAAA\", "
                            "\"overseas_entity_name\": \"Sandbox Ltd\", \"overseas_country\": \"XX\", "
                            "\"overseas_registration_number\": \"12345\", "
                            "\"contact_name\": \"李四\", \"contact_mobile\": \"1234\"}", bad_uscc);
  id = submit (token, "crossborder_buyer", fields, 201);
  path = g_strdup_printf ("/qualifications/%s", id);
  wait_decided (id);

  detail = op_test_call (server, "GET", path, token, NULL);
  g_assert_cmpstr (op_test_string (detail->body, "state"), ==, "rejected");
  g_assert_nonnull (strstr (op_test_string (detail->body, "reason"), "uscc"));
  g_assert_nonnull (op_test_string (detail->body, "field_reasons.uscc"));
  g_assert_nonnull (op_test_string (detail->body, "field_reasons.contact_mobile"));
  g_assert_nonnull (op_test_string (detail->body, "field_reasons.overseas_country"));
  g_assert_nonnull (op_test_string (detail->body, "field_reasons.business_licence"));
  g_assert_null (op_test_string (detail->body, "field_reasons.company_name"));
  g_assert_null (op_test_string (detail->body, "field_reasons.overseas_website"));

  zh = op_test_call_full (server, "GET", "/api/v1/qualifications", token, NULL, NULL, -1, "zh-CN");
  g_assert_nonnull (strstr (op_test_string (zh->body, "qualifications.0.reason"), "请修改"));

  good_fields = g_strdup_printf ("{\"company_name\": \"沙箱跨境有限公司\", \"uscc\": \"%s\", "
                                 "\"business_licence\": \"%s\", "
                                 "\"overseas_entity_name\": \"Sandbox Ltd\", \"overseas_country\": \"GB\", "
                                 "\"overseas_registration_number\": \"12345\", "
                                 "\"contact_name\": \"李四\", \"contact_mobile\": \"13700137000\"}",
                                 uscc, PNG_DATA_URL);
  body = g_strdup_printf ("{\"fields\": %s}", good_fields);
  put = op_test_call (server, "PUT", path, token, body);
  g_assert_cmpuint (put->status, ==, 200);
  g_assert_cmpstr (op_test_string (put->body, "state"), ==, "pending");
  g_assert_null (op_test_member (put->body, "field_reasons.uscc"));

  wait_decided (id);
  after = op_test_call (server, "GET", path, token, NULL);
  g_assert_cmpstr (op_test_string (after->body, "state"), ==, "approved");

  account = op_test_call (server, "GET", "/account", token, NULL);
  g_assert_cmpuint (op_test_length (account->body, "roles"), ==, 2);
}

static void
test_bad_applications (void)
{
  g_autofree char *token = op_test_onboard (server, "crossborder", "self_use");
  g_autofree char *other = op_test_login (server, "buyer");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(OpTestAnswer) unknown_role = NULL;
  g_autoptr(OpTestAnswer) unknown_field = NULL;
  g_autoptr(OpTestAnswer) wrong_type = NULL;
  g_autoptr(OpTestAnswer) too_long = NULL;
  g_autoptr(OpTestAnswer) no_fields = NULL;
  g_autoptr(OpTestAnswer) foreign_get = NULL;
  g_autoptr(OpTestAnswer) foreign_put = NULL;
  g_autoptr(OpTestAnswer) held = NULL;
  gint64 other_id;

  before = op_test_db_snapshot (server);

  unknown_role = op_test_call (server, "POST", "/qualifications", token,
                               "{\"role\": \"emperor\", \"fields\": {}}");
  op_test_assert_error (unknown_role, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (unknown_role->body, "role"));

  unknown_field = op_test_call (server, "POST", "/qualifications", token,
                                "{\"role\": \"isv\", \"fields\": {\"favourite_colour\": \"red\"}}");
  op_test_assert_error (unknown_field, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (unknown_field->body, "fields.favourite_colour"));

  wrong_type = op_test_call (server, "POST", "/qualifications", token,
                             "{\"role\": \"isv\", \"fields\": {\"uscc\": 123}}");
  op_test_assert_error (wrong_type, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (wrong_type->body, "fields.uscc"));

  too_long = op_test_call (server, "POST", "/qualifications", token,
                           "{\"role\": \"isv\", \"fields\": {\"uscc\": \"1234567890123456789\"}}");
  op_test_assert_error (too_long, 400, "validation_failed");

  no_fields = op_test_call (server, "POST", "/qualifications", token, "{\"role\": \"isv\"}");
  op_test_assert_error (no_fields, 400, "validation_failed");

  held = op_test_call (server, "POST", "/qualifications", token,
                       "{\"role\": \"crossborder_buyer\", \"fields\": {}}");
  op_test_assert_error (held, 409, "role_already_held");

  /* Another account's application is "not found". */
  other_id = op_test_sql_int (server, "SELECT q.id FROM qualifications q JOIN accounts a "
                                      "ON a.id = q.account_id WHERE a.login = 'buyer'");
  other_path = g_strdup_printf ("/qualifications/%" G_GINT64_FORMAT, other_id);
  foreign_get = op_test_call (server, "GET", other_path, token, NULL);
  op_test_assert_error (foreign_get, 404, "not_found");
  foreign_put = op_test_call (server, "PUT", other_path, token, "{\"fields\": {}}");
  op_test_assert_error (foreign_put, 404, "not_found");

  after = op_test_db_snapshot (server);
  g_assert_cmpstr (before, ==, after);

  {
    g_autoptr(OpTestAnswer) own = op_test_call (server, "GET", other_path, other, NULL);

    g_assert_cmpuint (own->status, ==, 200);
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
  options.review_delay_seconds = 0;
  server = op_test_server_new (&options);

  g_test_add_func ("/service/qualifications/roles", test_roles);
  g_test_add_func ("/service/qualifications/approved", test_apply_approved);
  g_test_add_func ("/service/qualifications/rejected-then-resubmitted",
                   test_apply_rejected_then_resubmitted);
  g_test_add_func ("/service/qualifications/bad-input", test_bad_applications);

  status = g_test_run ();

  op_test_server_free (server);

  return status;
}
