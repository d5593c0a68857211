/* test-apps.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-test-server.h"

/* Solutions, ordering with app creation, apps, launch (上线), listing (上架),
 * quota increases and usage. */

#define PURCHASE_SOLUTION G_GINT64_CONSTANT (1703167400001)   /* 采购订单管理: merchants and buyers */
#define CATALOG_SOLUTION G_GINT64_CONSTANT (1703167400002)    /* 商品类目与商品信息: merchants */
#define CROSSBORDER_SOLUTION G_GINT64_CONSTANT (1703167397970)/* 跨境大客户寻源通: cross-border buyers */
#define ISV_SOLUTION G_GINT64_CONSTANT (1703167400004)        /* 服务商消息与授权: service providers */

static OpTestServer *server;
static char *merchant;   /* the session of the onboarded merchant */

static JsonNode *
find_solution (JsonNode *list,
               gint64    id)
{
  JsonArray *solutions = json_node_get_array (op_test_member (list, "solutions"));

  for (guint i = 0; i < json_array_get_length (solutions); i++)
    {
      JsonNode *node = json_array_get_element (solutions, i);

      if (op_test_int (node, "id") == id)
        return node;
    }

  return NULL;
}

static void
category_call (const char *app_key,
               const char *secret,
               guint       expected_status)
{
  g_autoptr(OpRequest) request = op_request_new ("com.alibaba.product", "alibaba.category.get",
                                                 app_key);
  g_autoptr(OpTestAnswer) answer = NULL;

  op_request_set_param (request, "categoryID", "0");
  answer = op_test_gateway (server, request, secret);
  g_assert_cmpuint (answer->status, ==, expected_status);
}

static void
test_solutions_before_onboarding (void)
{
  g_autofree char *token = op_test_login (server, "merchant");
  g_autoptr(OpTestAnswer) list = op_test_call (server, "GET", "/solutions", token, NULL);
  g_autoptr(OpTestAnswer) order = NULL;
  g_autofree char *path = g_strdup_printf ("/solutions/%" G_GINT64_FORMAT "/orders", PURCHASE_SOLUTION);
  JsonNode *purchase;

  g_assert_cmpuint (list->status, ==, 200);
  g_assert_cmpuint (op_test_length (list->body, "solutions"), >=, 5);

  purchase = find_solution (list->body, PURCHASE_SOLUTION);
  g_assert_nonnull (purchase);
  g_assert_false (op_test_bool (purchase, "orderable"));
  g_assert_cmpstr (op_test_string (purchase, "not_orderable.code"), ==, "not_a_developer");

  order = op_test_call (server, "POST", path, token,
                        "{\"new_app\": {\"name\": \"订单助手\", \"app_type\": \"self_use\"}}");
  op_test_assert_error (order, 403, "not_a_developer");
}

static void
test_solution_details (void)
{
  g_autoptr(OpTestAnswer) list = NULL;
  g_autoptr(OpTestAnswer) detail = NULL;
  g_autoptr(OpTestAnswer) zh = NULL;
  g_autoptr(OpTestAnswer) missing = NULL;
  g_autoptr(OpTestAnswer) not_an_id = NULL;
  g_autofree char *path = g_strdup_printf ("/solutions/%" G_GINT64_FORMAT, PURCHASE_SOLUTION);
  g_autofree char *cross_path = g_strdup_printf ("/solutions/%" G_GINT64_FORMAT,
                                                 (gint64) CROSSBORDER_SOLUTION);
  JsonArray *apis;
  gboolean category = FALSE, orders = FALSE;

  merchant = op_test_onboard (server, "merchant", "self_use");

  list = op_test_call (server, "GET", "/solutions", merchant, NULL);
  g_assert_true (op_test_bool (find_solution (list->body, PURCHASE_SOLUTION), "orderable"));
  g_assert_false (op_test_bool (find_solution (list->body, CROSSBORDER_SOLUTION), "orderable"));
  g_assert_cmpstr (op_test_string (find_solution (list->body, CROSSBORDER_SOLUTION),
                                   "not_orderable.code"), ==, "role_required");
  g_assert_nonnull (strstr (op_test_string (find_solution (list->body, CROSSBORDER_SOLUTION),
                                            "not_orderable.message"), "Cross-border super buyer"));

  detail = op_test_call (server, "GET", path, merchant, NULL);
  g_assert_cmpuint (detail->status, ==, 200);
  apis = json_node_get_array (op_test_member (detail->body, "apis"));
  for (guint i = 0; i < json_array_get_length (apis); i++)
    {
      JsonNode *api = json_array_get_element (apis, i);
      const char *id = op_test_string (api, "id");

      if (g_str_equal (id, "com.alibaba.product:alibaba.category.get-1"))
        {
          category = TRUE;
          g_assert_false (op_test_bool (api, "needs_access_token"));
        }
      if (g_str_equal (id, "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1"))
        {
          orders = TRUE;
          g_assert_true (op_test_bool (api, "needs_access_token"));
        }
    }
  g_assert_true (category && orders);
  g_assert_cmpuint (op_test_length (detail->body, "topics"), >=, 1);
  g_assert_cmpstr (op_test_string (detail->body, "required_roles.0.id"), ==, "trustpass_merchant");
  g_assert_true (op_test_bool (detail->body, "required_roles.0.held"));

  zh = op_test_call_full (server, "GET", "/api/v1/solutions/1703167397970", merchant, NULL,
                          NULL, -1, "zh-CN");
  g_assert_cmpstr (op_test_string (zh->body, "name"), ==, "跨境大客户寻源通解决方案");
  g_assert_nonnull (strstr (op_test_string (zh->body, "not_orderable.message"), "跨境超买"));

  missing = op_test_call (server, "GET", "/solutions/42", merchant, NULL);
  op_test_assert_error (missing, 404, "not_found");
  not_an_id = op_test_call (server, "GET", "/solutions/abc", merchant, NULL);
  op_test_assert_error (not_an_id, 404, "not_found");

  {
    g_autofree char *order_path = g_strconcat (cross_path, "/orders", NULL);
    g_autoptr(OpTestAnswer) refused = op_test_call (server, "POST", order_path, merchant,
                                                    "{\"new_app\": {\"name\": \"跨境工具\", "
                                                    "\"app_type\": \"self_use\"}}");

    op_test_assert_error (refused, 403, "role_required");
  }
}

static void
test_order_with_new_app (void)
{
  g_autoptr(JsonObject) created = op_test_create_app (server, merchant, PURCHASE_SOLUTION,
                                                      "self_use");
  JsonObject *app = json_object_get_object_member (created, "app");
  const char *app_key = json_object_get_string_member (app, "app_key");
  const char *secret = json_object_get_string_member (app, "app_secret");
  g_autofree char *path = g_strdup_printf ("/apps/%s", app_key);
  g_autofree char *body = NULL;
  g_autofree char *catalog_path = g_strdup_printf ("/solutions/%" G_GINT64_FORMAT "/orders", CATALOG_SOLUTION);
  g_autofree char *purchase_path = g_strdup_printf ("/solutions/%" G_GINT64_FORMAT "/orders", PURCHASE_SOLUTION);
  g_autoptr(OpTestAnswer) detail = NULL;
  g_autoptr(OpTestAnswer) again = NULL;
  g_autoptr(OpTestAnswer) second = NULL;
  g_autoptr(OpTestAnswer) list = NULL;

  g_assert_cmpuint (strlen (app_key), ==, 7);
  g_assert_true (g_ascii_isdigit (app_key[0]) && app_key[0] != '0');
  g_assert_cmpuint (strlen (secret), >=, 16);
  g_assert_cmpstr (json_object_get_string_member (app, "state"), ==, "developing");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (app, "quota"),
                                               "daily_limit"), ==, 5000);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (created, "order"),
                                               "solution_id"), ==, PURCHASE_SOLUTION);

  /* The secret is shown in that one answer only. */
  detail = op_test_call (server, "GET", path, merchant, NULL);
  g_assert_cmpuint (detail->status, ==, 200);
  g_assert_null (op_test_member (detail->body, "app_secret"));
  g_assert_null (strstr (detail->text, secret));
  g_assert_cmpstr (op_test_string (detail->body, "solutions.0.name"), ==, "Purchase order management");
  g_assert_false (op_test_bool (detail->body, "has_successful_call"));
  g_assert_null (op_test_string (detail->body, "launch.state"));

  body = g_strdup_printf ("{\"app_key\": \"%s\"}", app_key);
  again = op_test_call (server, "POST", purchase_path, merchant, body);
  op_test_assert_error (again, 409, "already_ordered");

  second = op_test_call (server, "POST", catalog_path, merchant, body);
  g_assert_cmpuint (second->status, ==, 201);
  g_assert_null (op_test_member (second->body, "app.app_secret"));
  g_assert_cmpuint (op_test_length (second->body, "app.solutions"), ==, 2);

  list = op_test_call (server, "GET", "/apps", merchant, NULL);
  g_assert_cmpuint (op_test_length (list->body, "apps"), >=, 1);
  g_assert_null (strstr (list->text, secret));

  category_call (app_key, secret, 200);
}

static void
test_order_bad_input (void)
{
  g_autofree char *path = g_strdup_printf ("/solutions/%" G_GINT64_FORMAT "/orders", PURCHASE_SOLUTION);
  g_autofree char *buyer = op_test_onboard (server, "buyer", "self_use");
  g_autoptr(JsonObject) buyer_app = op_test_create_app (server, buyer, PURCHASE_SOLUTION, "self_use");
  const char *buyer_key = json_object_get_string_member (json_object_get_object_member (buyer_app, "app"),
                                                         "app_key");
  g_autofree char *foreign_body = g_strdup_printf ("{\"app_key\": \"%s\"}", buyer_key);
  g_autofree char *foreign_path = g_strdup_printf ("/apps/%s", buyer_key);
  g_autofree char *before = op_test_db_snapshot (server);
  g_autofree char *after = NULL;
  g_autoptr(OpTestAnswer) both = NULL;
  g_autoptr(OpTestAnswer) neither = NULL;
  g_autoptr(OpTestAnswer) invalid = NULL;
  g_autoptr(OpTestAnswer) isv = NULL;
  g_autoptr(OpTestAnswer) foreign = NULL;
  g_autoptr(OpTestAnswer) foreign_get = NULL;
  g_autoptr(OpTestAnswer) unknown_key = NULL;

  both = op_test_call (server, "POST", path, merchant,
                       "{\"app_key\": \"1234567\", \"new_app\": {\"name\": \"ab\", \"app_type\": \"self_use\"}}");
  op_test_assert_error (both, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (both->body, "app_key"));

  neither = op_test_call (server, "POST", path, merchant, "{}");
  op_test_assert_error (neither, 400, "validation_failed");

  invalid = op_test_call (server, "POST", path, merchant,
                          "{\"new_app\": {\"name\": \"x\", \"app_type\": \"shop\", "
                          "\"callback_url\": \"http://example.com/cb\", \"colour\": 1}}");
  op_test_assert_error (invalid, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (invalid->body, "new_app.name"));
  g_assert_nonnull (op_test_field_error (invalid->body, "new_app.app_type"));
  g_assert_nonnull (op_test_field_error (invalid->body, "new_app.callback_url"));
  g_assert_nonnull (op_test_field_error (invalid->body, "new_app.colour"));

  /* A self-use developer cannot create an app for sale. */
  isv = op_test_call (server, "POST", path, merchant,
                      "{\"new_app\": {\"name\": \"商用工具\", \"app_type\": \"isv\"}}");
  op_test_assert_error (isv, 403, "isv_only");

  foreign = op_test_call (server, "POST", path, merchant, foreign_body);
  op_test_assert_error (foreign, 404, "not_found");
  foreign_get = op_test_call (server, "GET", foreign_path, merchant, NULL);
  op_test_assert_error (foreign_get, 404, "not_found");
  unknown_key = op_test_call (server, "GET", "/apps/0000000", merchant, NULL);
  op_test_assert_error (unknown_key, 404, "not_found");

  after = op_test_db_snapshot (server);
  g_assert_cmpstr (before, ==, after);
}

static char *
app_state (const char *app_key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT state FROM apps WHERE app_key = '%s'", app_key);

  return op_test_sql_string (server, sql);
}

static void
test_launch (void)
{
  g_autoptr(JsonObject) created = op_test_create_app (server, merchant, PURCHASE_SOLUTION,
                                                      "self_use");
  JsonObject *app = json_object_get_object_member (created, "app");
  const char *app_key = json_object_get_string_member (app, "app_key");
  const char *secret = json_object_get_string_member (app, "app_secret");
  g_autofree char *path = g_strdup_printf ("/apps/%s/launch", app_key);
  g_autofree char *app_path = g_strdup_printf ("/apps/%s", app_key);
  g_autofree char *state = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(OpTestAnswer) unconfirmed = NULL;
  g_autoptr(OpTestAnswer) too_early = NULL;
  g_autoptr(OpTestAnswer) submitted = NULL;
  g_autoptr(OpTestAnswer) twice = NULL;
  g_autoptr(OpTestAnswer) launched = NULL;

  unconfirmed = op_test_call (server, "POST", path, merchant, "{\"confirm\": false}");
  op_test_assert_error (unconfirmed, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (unconfirmed->body, "confirm"));

  /* A failed call is not enough. */
  {
    g_autoptr(OpRequest) request = op_request_new ("com.alibaba.product", "alibaba.category.get",
                                                   app_key);
    g_autoptr(OpTestAnswer) missing = op_test_gateway (server, request, secret);

    g_assert_cmpuint (missing->status, ==, 400);
  }

  too_early = op_test_call (server, "POST", path, merchant, "{\"confirm\": true}");
  op_test_assert_error (too_early, 409, "launch_needs_successful_call");

  category_call (app_key, secret, 200);

  submitted = op_test_call (server, "POST", path, merchant, "{\"confirm\": true}");
  g_assert_cmpuint (submitted->status, ==, 202);
  g_assert_cmpstr (op_test_string (submitted->body, "state"), ==, "launch_review");
  g_assert_cmpstr (op_test_string (submitted->body, "launch.state"), ==, "pending");

  twice = op_test_call (server, "POST", path, merchant, "{\"confirm\": true}");
  op_test_assert_error (twice, 409, "wrong_state");

  sql = g_strdup_printf ("SELECT state = 'launched' FROM apps WHERE app_key = '%s'", app_key);
  op_test_wait_for_sql (server, sql, 1);
  state = app_state (app_key);
  g_assert_cmpstr (state, ==, "launched");

  launched = op_test_call (server, "GET", app_path, merchant, NULL);
  g_assert_cmpint (op_test_int (launched->body, "quota.daily_limit"), ==, 100000);
  g_assert_cmpstr (op_test_string (launched->body, "launch.state"), ==, "approved");
  g_assert_true (op_test_bool (launched->body, "has_successful_call"));
}

static void
test_quota_increase (void)
{
  g_autoptr(OpTestAnswer) apps = op_test_call (server, "GET", "/apps", merchant, NULL);
  g_autofree char *launched_key = op_test_sql_string (server, "SELECT app_key FROM apps "
                                                              "WHERE state = 'launched' LIMIT 1");
  g_autofree char *developing_key = op_test_sql_string (server,
                                                        "SELECT a.app_key FROM apps a JOIN accounts c "
                                                        "ON c.id = a.account_id WHERE c.login = 'merchant' "
                                                        "AND a.state = 'developing' LIMIT 1");
  g_autofree char *path = g_strdup_printf ("/apps/%s/quota-increase", launched_key);
  g_autofree char *developing_path = g_strdup_printf ("/apps/%s/quota-increase", developing_key);
  g_autofree char *setup = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *app_path = g_strdup_printf ("/apps/%s", launched_key);
  g_autoptr(OpTestAnswer) developing = NULL;
  g_autoptr(OpTestAnswer) too_early = NULL;
  g_autoptr(OpTestAnswer) lower = NULL;
  g_autoptr(OpTestAnswer) ok = NULL;
  g_autoptr(OpTestAnswer) detail = NULL;
  g_autoptr(OpTestAnswer) before_80 = NULL;

  developing = op_test_call (server, "POST", developing_path, merchant,
                             "{\"daily_limit\": 200000, \"reason\": \"大促\"}");
  op_test_assert_error (developing, 409, "wrong_state");

  too_early = op_test_call (server, "POST", path, merchant,
                            "{\"daily_limit\": 200000, \"reason\": \"大促\"}");
  op_test_assert_error (too_early, 409, "quota_increase_not_allowed");
  g_assert_nonnull (strstr (op_test_string (too_early->body, "error.message"), "100000"));

  /* Today's use at 80% of the limit (setting it up directly: 80,000 calls
   * over HTTP would only slow the test down; the quota test makes real calls). */
  setup = g_strdup_printf ("UPDATE app_days SET calls = 80000 WHERE app_id = "
                           "(SELECT id FROM apps WHERE app_key = '%s')", launched_key);
  op_test_sql_exec (server, setup);
  before_80 = op_test_call (server, "GET", app_path, merchant, NULL);
  g_assert_true (op_test_bool (before_80->body, "quota.may_request_increase"));
  g_assert_cmpint (op_test_int (before_80->body, "quota.used_today"), ==, 80000);

  lower = op_test_call (server, "POST", path, merchant,
                        "{\"daily_limit\": 90000, \"reason\": \"大促\"}");
  op_test_assert_error (lower, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (lower->body, "daily_limit"));

  ok = op_test_call (server, "POST", path, merchant,
                     "{\"daily_limit\": 300000, \"reason\": \"双十一大促\"}");
  g_assert_cmpuint (ok->status, ==, 202);
  g_assert_cmpstr (op_test_string (ok->body, "quota_increase.state"), ==, "pending");
  g_assert_false (op_test_bool (ok->body, "quota.may_request_increase"));

  sql = g_strdup_printf ("SELECT COUNT(*) FROM quota_increases q JOIN apps a ON a.id = q.app_id "
                         "WHERE a.app_key = '%s' AND q.state = 'pending'", launched_key);
  op_test_wait_for_sql (server, sql, 0);

  detail = op_test_call (server, "GET", app_path, merchant, NULL);
  g_assert_cmpint (op_test_int (detail->body, "quota.daily_limit"), ==, 300000);
  g_assert_cmpstr (op_test_string (detail->body, "quota_increase.state"), ==, "approved");
  g_assert_cmpuint (apps->status, ==, 200);

  /* Above 1,000,000 calls a day the automatic reviewer says no. */
  g_free (setup);
  setup = g_strdup_printf ("UPDATE app_days SET calls = 240000 WHERE app_id = "
                           "(SELECT id FROM apps WHERE app_key = '%s')", launched_key);
  op_test_sql_exec (server, setup);
  {
    g_autoptr(OpTestAnswer) huge = op_test_call (server, "POST", path, merchant,
                                                 "{\"daily_limit\": 5000000, \"reason\": \"全量同步\"}");
    g_autoptr(OpTestAnswer) refused = NULL;

    g_assert_cmpuint (huge->status, ==, 202);
    op_test_wait_for_sql (server, sql, 0);
    refused = op_test_call (server, "GET", app_path, merchant, NULL);
    g_assert_cmpstr (op_test_string (refused->body, "quota_increase.state"), ==, "rejected");
    g_assert_nonnull (strstr (op_test_string (refused->body, "quota_increase.reason"), "1000000"));
    g_assert_cmpint (op_test_int (refused->body, "quota.daily_limit"), ==, 300000);
  }
}

static void
test_listing (void)
{
  g_autofree char *isv = op_test_onboard (server, "newcomer", "isv");
  g_autoptr(JsonObject) created = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self_use_path = NULL;
  g_autofree char *merchant_key = op_test_sql_string (server,
                                                      "SELECT a.app_key FROM apps a JOIN accounts c "
                                                      "ON c.id = a.account_id WHERE c.login = 'merchant' "
                                                      "LIMIT 1");
  g_autofree char *sql = NULL;
  g_autoptr(OpTestAnswer) self_use = NULL;
  g_autoptr(OpTestAnswer) bad = NULL;
  g_autoptr(OpTestAnswer) launch = NULL;
  g_autoptr(OpTestAnswer) ok = NULL;
  g_autoptr(OpTestAnswer) listed = NULL;
  const char *app_key;

  /* The ISV role, as if its qualification had been approved. */
  op_test_sql_exec (server, "INSERT INTO account_roles (account_id, role_id, source, granted_at) "
                            "SELECT id, 'isv', 'qualification', 0 FROM accounts WHERE login = 'newcomer'");

  created = op_test_create_app (server, isv, ISV_SOLUTION, "isv");
  app_key = json_object_get_string_member (json_object_get_object_member (created, "app"), "app_key");
  path = g_strdup_printf ("/apps/%s/listing", app_key);

  self_use_path = g_strdup_printf ("/apps/%s/listing", merchant_key);
  self_use = op_test_call (server, "POST", self_use_path, merchant,
                           "{\"jushita\": {\"account\": \"a\", \"instance_id\": \"jst-1234\", "
                           "\"region\": \"cn-hangzhou\"}, \"callback_url\": \"https://isv.example.com/cb\"}");
  op_test_assert_error (self_use, 409, "listing_isv_only");

  bad = op_test_call (server, "POST", path, isv,
                      "{\"jushita\": {\"account\": \"\", \"instance_id\": \"!\", \"region\": \"mars\"}, "
                      "\"callback_url\": \"http://isv.example.com/cb\"}");
  op_test_assert_error (bad, 400, "validation_failed");
  g_assert_nonnull (op_test_field_error (bad->body, "jushita.account"));
  g_assert_nonnull (op_test_field_error (bad->body, "jushita.instance_id"));
  g_assert_nonnull (op_test_field_error (bad->body, "jushita.region"));
  g_assert_nonnull (op_test_field_error (bad->body, "callback_url"));

  /* Apps for sale are listed, not launched. */
  {
    g_autofree char *launch_path = g_strdup_printf ("/apps/%s/launch", app_key);

    launch = op_test_call (server, "POST", launch_path, isv, "{\"confirm\": true}");
    op_test_assert_error (launch, 409, "launch_self_use_only");
  }

  ok = op_test_call (server, "POST", path, isv,
                     "{\"jushita\": {\"account\": \"isv-jst\", \"instance_id\": \"jst-0001\", "
                     "\"region\": \"cn-hangzhou\"}, \"callback_url\": \"https://isv.example.com/oauth\"}");
  g_assert_cmpuint (ok->status, ==, 202);
  g_assert_cmpstr (op_test_string (ok->body, "listing.state"), ==, "pending");
  g_assert_cmpstr (op_test_string (ok->body, "callback_url"), ==, "https://isv.example.com/oauth");

  sql = g_strdup_printf ("SELECT COUNT(*) FROM listings l JOIN apps a ON a.id = l.app_id "
                         "WHERE a.app_key = '%s' AND l.state = 'approved'", app_key);
  op_test_wait_for_sql (server, sql, 1);

  {
    g_autofree char *app_path = g_strdup_printf ("/apps/%s", app_key);

    listed = op_test_call (server, "GET", app_path, isv, NULL);
    g_assert_cmpstr (op_test_string (listed->body, "listing.state"), ==, "approved");
    g_assert_nonnull (op_test_string (listed->body, "listing.market_url"));
    g_assert_cmpstr (op_test_string (listed->body, "listing.jushita.instance_id"), ==, "jst-0001");
  }

  {
    g_autoptr(OpTestAnswer) again = op_test_call (server, "POST", path, isv,
                                                  "{\"jushita\": {\"account\": \"isv-jst\", "
                                                  "\"instance_id\": \"jst-0001\", \"region\": \"cn-hangzhou\"}, "
                                                  "\"callback_url\": \"https://isv.example.com/oauth\"}");

    op_test_assert_error (again, 409, "wrong_state");
  }
}

static void
test_secret_reset (void)
{
  g_autoptr(JsonObject) created = op_test_create_app (server, merchant, PURCHASE_SOLUTION,
                                                      "self_use");
  JsonObject *app = json_object_get_object_member (created, "app");
  const char *app_key = json_object_get_string_member (app, "app_key");
  const char *old_secret = json_object_get_string_member (app, "app_secret");
  g_autofree char *path = g_strdup_printf ("/apps/%s/secret/reset", app_key);
  g_autoptr(OpTestAnswer) reset = NULL;
  g_autoptr(OpTestAnswer) with_body = NULL;
  const char *new_secret;

  category_call (app_key, old_secret, 200);

  with_body = op_test_call (server, "POST", path, merchant, "{\"secret\": \"mine\"}");
  op_test_assert_error (with_body, 400, "validation_failed");

  reset = op_test_call (server, "POST", path, merchant, NULL);
  g_assert_cmpuint (reset->status, ==, 200);
  new_secret = op_test_string (reset->body, "app_secret");
  g_assert_cmpstr (new_secret, !=, old_secret);

  category_call (app_key, old_secret, 400);
  category_call (app_key, new_secret, 200);
}

static void
test_usage (void)
{
  g_autoptr(JsonObject) created = op_test_create_app (server, merchant, PURCHASE_SOLUTION,
                                                      "self_use");
  JsonObject *app = json_object_get_object_member (created, "app");
  const char *app_key = json_object_get_string_member (app, "app_key");
  const char *secret = json_object_get_string_member (app, "app_secret");
  g_autofree char *path = g_strdup_printf ("/apps/%s/usage?days=3", app_key);
  g_autofree char *bad_path = g_strdup_printf ("/apps/%s/usage?days=0", app_key);
  g_autofree char *junk_path = g_strdup_printf ("/apps/%s/usage?days=many", app_key);
  g_autoptr(OpTestAnswer) usage = NULL;
  g_autoptr(OpTestAnswer) bad = NULL;
  g_autoptr(OpTestAnswer) junk = NULL;

  category_call (app_key, secret, 200);
  category_call (app_key, secret, 200);
  {
    g_autoptr(OpRequest) request = op_request_new ("com.alibaba.trade",
                                                   "alibaba.trade.getBuyerOrderList", app_key);
    g_autoptr(OpTestAnswer) unauthorized = op_test_gateway (server, request, secret);

    g_assert_cmpuint (unauthorized->status, ==, 401);
  }
  /* A bad signature is not counted. */
  category_call (app_key, "wrong-secret", 400);

  usage = op_test_call (server, "GET", path, merchant, NULL);
  g_assert_cmpuint (usage->status, ==, 200);
  g_assert_cmpuint (op_test_length (usage->body, "days"), ==, 3);
  g_assert_cmpint (op_test_int (usage->body, "days.0.calls"), ==, 3);
  g_assert_cmpint (op_test_int (usage->body, "days.0.successes"), ==, 2);
  g_assert_cmpint (op_test_int (usage->body, "days.0.failures"), ==, 1);
  g_assert_cmpuint (op_test_length (usage->body, "days.0.apis"), ==, 2);
  g_assert_cmpint (op_test_int (usage->body, "days.1.calls"), ==, 0);

  bad = op_test_call (server, "GET", bad_path, merchant, NULL);
  op_test_assert_error (bad, 400, "validation_failed");
  junk = op_test_call (server, "GET", junk_path, merchant, NULL);
  op_test_assert_error (junk, 400, "validation_failed");
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

  g_test_add_func ("/service/apps/solutions-before-onboarding", test_solutions_before_onboarding);
  g_test_add_func ("/service/apps/solution-details", test_solution_details);
  g_test_add_func ("/service/apps/order-with-new-app", test_order_with_new_app);
  g_test_add_func ("/service/apps/order-bad-input", test_order_bad_input);
  g_test_add_func ("/service/apps/launch", test_launch);
  g_test_add_func ("/service/apps/quota-increase", test_quota_increase);
  g_test_add_func ("/service/apps/listing", test_listing);
  g_test_add_func ("/service/apps/secret-reset", test_secret_reset);
  g_test_add_func ("/service/apps/usage", test_usage);

  status = g_test_run ();

  g_free (merchant);
  op_test_server_free (server);

  return status;
}
