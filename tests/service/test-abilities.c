/* test-abilities.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-test-server.h"

/* Abilities (能力): packages, orders, the cashier page, associating apps,
 * and calls that use the purchased resources. */

#define PURCHASE_SOLUTION G_GINT64_CONSTANT (1703167400001)
#define IMAGE_SEARCH 2001       /* 多语言图搜 */
#define IMAGE_SEARCH_SMALL 200101
#define SIMILAR 2002            /* 图搜同款 */
#define SIMILAR_SMALL 200201

static OpTestServer *server;
static char *token;

static JsonNode *
order (gint64 ability,
       gint64 package,
       guint  expected_status)
{
  g_autofree char *path = g_strdup_printf ("/abilities/%" G_GINT64_FORMAT "/orders", ability);
  g_autofree char *body = g_strdup_printf ("{\"package_id\": %" G_GINT64_FORMAT "}", package);
  g_autoptr(OpTestAnswer) answer = op_test_call (server, "POST", path, token, body);

  g_assert_cmpuint (answer->status, ==, expected_status);

  return json_node_ref (answer->body);
}

typedef struct
{
  guint  status;
  char  *body;
} Html;

static Html
cashier (const char *method,
         const char *url,
         const char *form)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Html html;

  if (form != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
    }

  bytes = soup_session_send_and_read (op_test_server_get_session (server), msg, NULL, &error);
  g_assert_no_error (error);

  html.status = soup_message_get_status (msg);
  html.body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg),
                                                          NULL), ==, "text/html");

  return html;
}

static void
pay (JsonNode *order_node,
     guint     expected_status)
{
  const char *url = op_test_string (order_node, "cashier_url");
  g_autofree char *token_value = g_strdup (strstr (url, "token=") + strlen ("token="));
  g_autofree char *post_url = g_strndup (url, strchr (url, '?') - url);
  g_autofree char *form = soup_form_encode ("token", token_value, NULL);
  Html page = cashier ("POST", post_url, form);

  g_assert_cmpuint (page.status, ==, expected_status);
  g_free (page.body);
}

static void
test_list (void)
{
  g_autoptr(OpTestAnswer) list = op_test_call (server, "GET", "/abilities", token, NULL);
  g_autoptr(OpTestAnswer) one = NULL;
  g_autoptr(OpTestAnswer) zh = NULL;
  g_autoptr(OpTestAnswer) missing = NULL;
  JsonArray *abilities;

  g_assert_cmpuint (list->status, ==, 200);
  abilities = json_node_get_array (op_test_member (list->body, "abilities"));
  g_assert_cmpuint (json_array_get_length (abilities), >=, 6);
  for (guint i = 0; i < json_array_get_length (abilities); i++)
    {
      JsonNode *ability = json_array_get_element (abilities, i);
      guint n = op_test_length (ability, "packages");

      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (n, <=, 3);
      g_assert_cmpint (op_test_int (ability, "purchased"), ==, 0);
      g_assert_cmpint (op_test_int (ability, "packages.0.price_fen"), >, 0);
    }

  one = op_test_call (server, "GET", "/abilities/2001", token, NULL);
  g_assert_cmpuint (one->status, ==, 200);
  g_assert_nonnull (op_test_string (one->body, "description"));
  g_assert_cmpstr (op_test_string (one->body, "packages.0.price"), ==, "50.00");
  g_assert_cmpint (op_test_int (one->body, "packages.0.calls"), ==, 1000);

  zh = op_test_call_full (server, "GET", "/api/v1/abilities/2001", token, NULL, NULL, -1, "zh");
  g_assert_cmpstr (op_test_string (zh->body, "name"), ==, "多语言图搜");

  missing = op_test_call (server, "GET", "/abilities/1", token, NULL);
  op_test_assert_error (missing, 404, "not_found");
}

static void
test_order_and_pay (void)
{
  g_autoptr(JsonNode) created = order (IMAGE_SEARCH, IMAGE_SEARCH_SMALL, 201);
  g_autoptr(JsonNode) cancelled = NULL;
  g_autoptr(OpTestAnswer) list = NULL;
  g_autoptr(OpTestAnswer) usage = NULL;
  g_autoptr(OpTestAnswer) cancel_paid = NULL;
  g_autoptr(OpTestAnswer) cancel = NULL;
  g_autoptr(OpTestAnswer) after = NULL;
  g_autofree char *bad_url = NULL;
  g_autofree char *cancel_path = NULL;
  g_autofree char *order_path = NULL;
  gint64 id = op_test_int (created, "id");
  Html page, bad;

  /* Order IDs are beyond 2^53, as on the platform. */
  g_assert_cmpint (id, >, G_GINT64_CONSTANT (9007199254740992));
  g_assert_cmpstr (op_test_string (created, "state"), ==, "unpaid");
  g_assert_cmpint (op_test_int (created, "amount_fen"), ==, 5000);
  g_assert_cmpstr (op_test_string (created, "amount"), ==, "50.00");
  g_assert_nonnull (op_test_string (created, "cashier_url"));

  page = cashier ("GET", op_test_string (created, "cashier_url"), NULL);
  g_assert_cmpuint (page.status, ==, 200);
  g_assert_nonnull (strstr (page.body, "确认支付"));
  g_assert_nonnull (strstr (page.body, "¥50.00"));
  g_assert_nonnull (strstr (page.body, "method=\"post\""));
  g_free (page.body);

  bad_url = g_strdup_printf ("%s/cashier/%" G_GINT64_FORMAT "?token=forged",
                             op_test_server_get_url (server), id);
  bad = cashier ("GET", bad_url, NULL);
  g_assert_cmpuint (bad.status, ==, 404);
  g_free (bad.body);

  pay (created, 200);
  pay (created, 409);

  order_path = g_strdup_printf ("/orders/%" G_GINT64_FORMAT, id);
  after = op_test_call (server, "GET", order_path, token, NULL);
  g_assert_cmpstr (op_test_string (after->body, "state"), ==, "paid");
  g_assert_nonnull (op_test_string (after->body, "paid_at"));
  g_assert_null (op_test_string (after->body, "cashier_url"));

  usage = op_test_call (server, "GET", "/abilities/2001/usage", token, NULL);
  g_assert_cmpint (op_test_int (usage->body, "purchased"), ==, 1000);
  g_assert_cmpint (op_test_int (usage->body, "left"), ==, 1000);

  cancel_path = g_strdup_printf ("/orders/%" G_GINT64_FORMAT "/cancel", id);
  cancel_paid = op_test_call (server, "POST", cancel_path, token, NULL);
  op_test_assert_error (cancel_paid, 409, "wrong_state");

  /* An unpaid order can be cancelled, and then not paid. */
  cancelled = order (IMAGE_SEARCH, IMAGE_SEARCH_SMALL, 201);
  g_free (cancel_path);
  cancel_path = g_strdup_printf ("/orders/%" G_GINT64_FORMAT "/cancel", op_test_int (cancelled, "id"));
  cancel = op_test_call (server, "POST", cancel_path, token, NULL);
  g_assert_cmpuint (cancel->status, ==, 200);
  g_assert_cmpstr (op_test_string (cancel->body, "state"), ==, "cancelled");
  pay (cancelled, 409);

  list = op_test_call (server, "GET", "/orders", token, NULL);
  g_assert_cmpuint (op_test_length (list->body, "orders"), ==, 2);
  g_assert_cmpint (op_test_int (list->body, "orders.0.id"), ==, op_test_int (cancelled, "id"));
}

static void
test_bad_orders (void)
{
  g_autofree char *buyer = op_test_onboard (server, "buyer", "self_use");
  g_autofree char *newcomer = op_test_login (server, "newcomer");
  g_autofree char *before = op_test_db_snapshot (server);
  g_autofree char *after = NULL;
  g_autofree char *foreign_path = NULL;
  g_autoptr(JsonNode) wrong_package = order (SIMILAR, IMAGE_SEARCH_SMALL, 400);
  g_autoptr(OpTestAnswer) no_package = NULL;
  g_autoptr(OpTestAnswer) unknown = NULL;
  g_autoptr(OpTestAnswer) foreign = NULL;
  g_autoptr(OpTestAnswer) foreign_cancel = NULL;
  g_autoptr(OpTestAnswer) not_developer = NULL;

  g_assert_cmpstr (op_test_string (wrong_package, "error.code"), ==, "validation_failed");
  g_assert_nonnull (op_test_field_error (wrong_package, "package_id"));

  no_package = op_test_call (server, "POST", "/abilities/2002/orders", token, "{\"package_id\": \"200201\"}");
  op_test_assert_error (no_package, 400, "validation_failed");

  unknown = op_test_call (server, "POST", "/abilities/99/orders", token, "{\"package_id\": 200201}");
  op_test_assert_error (unknown, 404, "not_found");

  /* Another account's order is not found, and not cancellable. */
  foreign_path = g_strdup_printf ("/orders/%" G_GINT64_FORMAT,
                                  op_test_sql_int (server, "SELECT MIN(id) FROM orders"));
  foreign = op_test_call (server, "GET", foreign_path, buyer, NULL);
  op_test_assert_error (foreign, 404, "not_found");
  {
    g_autofree char *cancel_path = g_strconcat (foreign_path, "/cancel", NULL);

    foreign_cancel = op_test_call (server, "POST", cancel_path, buyer, NULL);
  }
  op_test_assert_error (foreign_cancel, 404, "not_found");

  not_developer = op_test_call (server, "POST", "/abilities/2002/orders", newcomer,
                                "{\"package_id\": 200201}");
  op_test_assert_error (not_developer, 403, "not_a_developer");

  after = op_test_db_snapshot (server);
  g_assert_cmpstr (before, ==, after);
}

static OpRequest *
image_search (const char *app_key,
              const char *access_token)
{
  OpRequest *request = op_request_new ("com.alibaba.fenxiao.crossborder",
                                       "product.search.imageQuery", app_key);

  op_request_set_param (request, "access_token", access_token);
  op_request_set_param (request, "offerQueryParam",
                        "{\"imageId\": \"1\", \"beginPage\": 1, \"pageSize\": 10, \"country\": \"en\"}");

  return request;
}

static void
test_associate_and_use (void)
{
  g_autoptr(JsonObject) created = op_test_create_app (server, token, PURCHASE_SOLUTION, "self_use");
  JsonObject *app = json_object_get_object_member (created, "app");
  const char *app_key = json_object_get_string_member (app, "app_key");
  const char *secret = json_object_get_string_member (app, "app_secret");
  g_autofree char *body = g_strdup_printf ("{\"app_key\": \"%s\"}", app_key);
  g_autofree char *access = op_test_oauth_token (server, app_key, secret, "merchant", NULL);
  g_autoptr(OpTestAnswer) not_bought = NULL;
  g_autoptr(OpTestAnswer) before_association = NULL;
  g_autoptr(OpTestAnswer) associated = NULL;
  g_autoptr(OpTestAnswer) twice = NULL;
  g_autoptr(OpTestAnswer) with_new_app = NULL;
  g_autoptr(OpTestAnswer) used = NULL;
  g_autoptr(OpTestAnswer) last = NULL;
  g_autoptr(OpTestAnswer) exhausted = NULL;
  g_autoptr(OpTestAnswer) usage = NULL;
  g_autoptr(OpTestAnswer) app_detail = NULL;
  g_autoptr(OpTestAnswer) missing_param = NULL;
  g_autoptr(OpRequest) request = image_search (app_key, access);
  g_autofree char *app_path = g_strdup_printf ("/apps/%s", app_key);

  not_bought = op_test_call (server, "POST", "/abilities/2002/apps", token, body);
  op_test_assert_error (not_bought, 409, "ability_not_purchased");

  /* Not associated yet: the ACL refuses the ability's API. */
  before_association = op_test_gateway (server, request, secret);
  g_assert_cmpuint (before_association->status, ==, 400);
  g_assert_cmpstr (op_test_string (before_association->body, "error_code"), ==, "gw.APIACLDecline");

  associated = op_test_call (server, "POST", "/abilities/2001/apps", token, body);
  g_assert_cmpuint (associated->status, ==, 201);
  g_assert_cmpstr (op_test_string (associated->body, "app.abilities.0.name"), ==,
                   "Multilingual image search");

  twice = op_test_call (server, "POST", "/abilities/2001/apps", token, body);
  op_test_assert_error (twice, 409, "already_associated");

  with_new_app = op_test_call (server, "POST", "/abilities/2001/apps", token,
                               "{\"new_app\": {\"name\": \"图搜工具\", \"app_type\": \"self_use\"}}");
  g_assert_cmpuint (with_new_app->status, ==, 201);
  g_assert_nonnull (op_test_string (with_new_app->body, "app.app_secret"));

  used = op_test_gateway (server, request, secret);
  g_assert_cmpuint (used->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (used->headers, "X-Sandbox-Sample"), ==, "generated");

  /* A missing nested parameter is reported, and uses no resource. */
  {
    g_autoptr(OpRequest) incomplete = image_search (app_key, access);

    op_request_set_param (incomplete, "offerQueryParam", "{\"imageId\": \"1\"}");
    missing_param = op_test_gateway (server, incomplete, secret);
    g_assert_cmpuint (missing_param->status, ==, 400);
    g_assert_cmpstr (op_test_string (missing_param->body, "error_message"), ==,
                     "Required argument offerQueryParam.beginPage");
  }

  /* Use up all but one of the 1,000 purchased calls (set directly), then
   * the last call passes and the next one is refused. */
  op_test_sql_exec (server, "UPDATE ability_balances SET used = purchased - 1 WHERE ability_id = 2001");
  last = op_test_gateway (server, request, secret);
  g_assert_cmpuint (last->status, ==, 200);
  exhausted = op_test_gateway (server, request, secret);
  g_assert_cmpuint (exhausted->status, ==, 400);
  g_assert_cmpstr (op_test_string (exhausted->body, "error_code"), ==, "gw.ResourceExhausted");

  usage = op_test_call (server, "GET", "/abilities/2001/usage", token, NULL);
  g_assert_cmpint (op_test_int (usage->body, "left"), ==, 0);
  g_assert_cmpuint (op_test_length (usage->body, "apps"), ==, 2);
  g_assert_cmpstr (op_test_string (usage->body, "apps.0.app_key"), ==, app_key);
  g_assert_cmpint (op_test_int (usage->body, "apps.0.used"), ==, 2);

  app_detail = op_test_call (server, "GET", app_path, token, NULL);
  g_assert_cmpint (op_test_int (app_detail->body, "abilities.0.used"), ==, 2);
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
  token = op_test_onboard (server, "merchant", "self_use");

  g_test_add_func ("/service/abilities/list", test_list);
  g_test_add_func ("/service/abilities/order-and-pay", test_order_and_pay);
  g_test_add_func ("/service/abilities/bad-orders", test_bad_orders);
  g_test_add_func ("/service/abilities/associate-and-use", test_associate_and_use);

  status = g_test_run ();

  g_free (token);
  op_test_server_free (server);

  return status;
}
