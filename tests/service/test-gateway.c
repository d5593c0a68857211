/* test-gateway.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-test-server.h"

/* The gateway: the order of its checks, its error bodies, the quota
 * boundary under concurrent calls, and persistence across a restart. */

#define PURCHASE_SOLUTION G_GINT64_CONSTANT (1703167400001)

static OpTestServer *server;
static char *token;
static char *app_key;
static char *secret;

static gint64
day_count (const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COALESCE(SUM(d.calls), 0) FROM app_days d "
                                          "JOIN apps a ON a.id = d.app_id WHERE a.app_key = '%s'",
                                          key);

  return op_test_sql_int (server, sql);
}

static OpRequest *
category_request (const char *key)
{
  OpRequest *request = op_request_new ("com.alibaba.product", "alibaba.category.get", key);

  op_request_set_param (request, "categoryID", "0");

  return request;
}

static void
assert_gateway_error (OpTestAnswer *answer,
                      guint         status,
                      const char   *code,
                      const char   *message)
{
  JsonObject *object;

  g_assert_cmpuint (answer->status, ==, status);
  g_assert_nonnull (answer->body);
  object = json_node_get_object (answer->body);
  g_assert_cmpstr (op_test_string (answer->body, "error_code"), ==, code);
  if (message != NULL)
    g_assert_cmpstr (op_test_string (answer->body, "error_message"), ==, message);
  else
    g_assert_nonnull (op_test_string (answer->body, "error_message"));
  g_assert_nonnull (op_test_string (answer->body, "request_id"));
  /* Exactly the real gateway's members. */
  g_assert_cmpuint (json_object_get_size (object), ==, 3);
}

static void
setup_app (void)
{
  g_autoptr(JsonObject) created = NULL;
  JsonObject *app;

  token = op_test_onboard (server, "merchant", "self_use");
  created = op_test_create_app (server, token, PURCHASE_SOLUTION, "self_use");
  app = json_object_get_object_member (created, "app");
  app_key = g_strdup (json_object_get_string_member (app, "app_key"));
  secret = g_strdup (json_object_get_string_member (app, "app_secret"));
}

static void
test_success (void)
{
  g_autoptr(OpRequest) request = category_request (app_key);
  g_autoptr(OpTestAnswer) answer = NULL;
  g_autoptr(OpTestAnswer) get = NULL;
  g_autofree char *url = NULL;
  gint64 before = day_count (app_key);

  answer = op_test_gateway (server, request, secret);
  g_assert_cmpuint (answer->status, ==, 200);
  g_assert_nonnull (answer->body);
  /* The catalog's sample answer. */
  g_assert_nonnull (strstr (answer->text, "办公、文化"));
  g_assert_cmpint (day_count (app_key), ==, before + 1);

  /* GET works as well as POST. */
  url = op_request_build_get_url (request, "/openapi", secret);
  get = op_test_call_full (server, "GET", url, NULL, NULL, NULL, -1, NULL);
  g_assert_cmpuint (get->status, ==, 200);
  g_assert_cmpint (day_count (app_key), ==, before + 2);
}

static void
test_order_of_checks (void)
{
  g_autoptr(OpRequest) unknown = op_request_new ("com.alibaba.product", "alibaba.nothing", app_key);
  g_autoptr(OpRequest) wrong_version = category_request (app_key);
  g_autoptr(OpRequest) no_token = op_request_new ("com.alibaba.trade",
                                                  "alibaba.trade.getBuyerOrderList", app_key);
  g_autoptr(OpRequest) not_ordered = op_request_new ("com.alibaba.account",
                                                     "alibaba.subAccount.list", app_key);
  g_autoptr(OpRequest) acl_before_params = op_request_new ("com.alibaba.product",
                                                           "alibaba.product.get", app_key);
  g_autoptr(OpRequest) missing = op_request_new ("com.alibaba.product", "alibaba.category.get",
                                                 app_key);
  g_autoptr(OpRequest) unknown_app = category_request ("9999999");
  g_autoptr(OpTestAnswer) a = NULL;
  g_autoptr(OpTestAnswer) b = NULL;
  g_autoptr(OpTestAnswer) c = NULL;
  g_autoptr(OpTestAnswer) d = NULL;
  g_autoptr(OpTestAnswer) e = NULL;
  g_autoptr(OpTestAnswer) f = NULL;
  g_autoptr(OpTestAnswer) g = NULL;
  g_autoptr(OpTestAnswer) h = NULL;
  gint64 before = day_count (app_key);

  /* An unknown API comes first, even with a wrong signature. */
  a = op_test_gateway (server, unknown, "not-the-secret");
  assert_gateway_error (a, 400, "gw.APIUnsupported", NULL);
  op_request_set_version (wrong_version, 7);
  b = op_test_gateway (server, wrong_version, secret);
  assert_gateway_error (b, 400, "gw.APIUnsupported", NULL);

  /* Then the signature: a wrong one, none, an unknown app. */
  c = op_test_gateway (server, no_token, "not-the-secret");
  assert_gateway_error (c, 400, "gw.SignatureInvalid", NULL);
  d = op_test_gateway (server, no_token, NULL);
  assert_gateway_error (d, 400, "gw.SignatureInvalid", NULL);
  h = op_test_gateway (server, unknown_app, secret);
  assert_gateway_error (h, 400, "gw.SignatureInvalid", NULL);
  g_assert_cmpint (day_count (app_key), ==, before);

  /* Then the access token. */
  e = op_test_gateway (server, no_token, secret);
  assert_gateway_error (e, 401, "401", "Request need user authorized");

  /* The token comes before the ACL: these APIs are in no solution the app
   * ordered, yet without a token the answer is 401 (test-oauth checks that
   * with a token they get gw.APIACLDecline, and before gw.ParamMissing). */
  f = op_test_gateway (server, not_ordered, secret);
  assert_gateway_error (f, 401, "401", "Request need user authorized");
  {
    g_autoptr(OpTestAnswer) acl = op_test_gateway (server, acl_before_params, secret);

    assert_gateway_error (acl, 401, "401", "Request need user authorized");
  }

  /* Then the parameters. */
  g = op_test_gateway (server, missing, secret);
  assert_gateway_error (g, 400, "gw.ParamMissing", "Required argument categoryID");

  /* Every call past the signature counted: e, f, acl, g. */
  g_assert_cmpint (day_count (app_key), ==, before + 4);
}

static void
test_acl (void)
{
  g_autofree char *other_token = op_test_onboard (server, "buyer", "self_use");
  g_autoptr(JsonObject) created = NULL;
  g_autoptr(OpRequest) request = NULL;
  g_autoptr(OpTestAnswer) answer = NULL;
  const char *key;
  const char *other_secret;

  /* An app with no solution at all: category.get needs no token, so the
   * ACL check is what refuses it. */
  created = op_test_create_app (server, other_token, PURCHASE_SOLUTION, "self_use");
  key = json_object_get_string_member (json_object_get_object_member (created, "app"), "app_key");
  other_secret = json_object_get_string_member (json_object_get_object_member (created, "app"),
                                                "app_secret");
  op_test_sql_exec (server, "DELETE FROM solution_orders WHERE app_id = "
                            "(SELECT MAX(id) FROM apps)");

  request = category_request (key);
  answer = op_test_gateway (server, request, other_secret);
  assert_gateway_error (answer, 400, "gw.APIACLDecline", "AppKey is not allowed(acl)");
  g_assert_cmpint (day_count (key), ==, 1);
}

static void
test_timestamp (void)
{
  g_autoptr(OpRequest) request = category_request (app_key);
  g_autoptr(OpTestAnswer) fresh = NULL;
  g_autoptr(OpTestAnswer) old = NULL;
  g_autoptr(OpTestAnswer) future = NULL;
  g_autoptr(OpTestAnswer) junk = NULL;
  gint64 now_ms = g_get_real_time () / 1000;
  gint64 before;

  op_request_set_param_int (request, "_aop_timestamp", now_ms - 14 * 60 * 1000);
  fresh = op_test_gateway (server, request, secret);
  g_assert_cmpuint (fresh->status, ==, 200);

  before = day_count (app_key);
  op_request_set_param_int (request, "_aop_timestamp", now_ms - 16 * 60 * 1000);
  old = op_test_gateway (server, request, secret);
  assert_gateway_error (old, 400, "gw.SignatureInvalid", NULL);

  op_request_set_param_int (request, "_aop_timestamp", now_ms + 16 * 60 * 1000);
  future = op_test_gateway (server, request, secret);
  assert_gateway_error (future, 400, "gw.SignatureInvalid", NULL);

  op_request_set_param (request, "_aop_timestamp", "yesterday");
  junk = op_test_gateway (server, request, secret);
  assert_gateway_error (junk, 400, "gw.SignatureInvalid", NULL);

  g_assert_cmpint (day_count (app_key), ==, before);
}

static void
test_unsigned_flood (void)
{
  gint64 before = day_count (app_key);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(OpRequest) request = category_request (app_key);
      g_autoptr(OpTestAnswer) answer = op_test_gateway (server, request, i % 2 ? NULL : "guess");

      g_assert_cmpuint (answer->status, ==, 400);
    }

  g_assert_cmpint (day_count (app_key), ==, before);
}

typedef struct
{
  const char *key;
  const char *secret;
  guint       calls;
  guint       ok;
  guint       quota;
  guint       other;
} Worker;

/* Makes calls on its own thread with its own session. */
static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = NULL;

  for (guint i = 0; i < worker->calls; i++)
    {
      g_autoptr(OpRequest) request = category_request (worker->key);
      g_autofree char *path = op_request_get_url_path (request);
      g_autofree char *body = op_request_build_body (request, worker->secret);
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length = strlen (body);

      g_free (url);
      url = g_strdup_printf ("%s/openapi/%s", op_test_server_get_url (server), path);
      msg = soup_message_new ("POST", url);
      bytes = g_bytes_new_take (g_steal_pointer (&body), length);
      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", bytes);
      answer = soup_session_send_and_read (session, msg, NULL, NULL);

      if (soup_message_get_status (msg) == 200)
        worker->ok++;
      else if (answer != NULL && strstr (g_bytes_get_data (answer, NULL), "gw.QosAppFrequencyLimit"))
        worker->quota++;
      else
        worker->other++;
    }

  return NULL;
}

static void
run_workers (const char *key,
             const char *app_secret,
             guint       n_workers,
             guint       calls_each,
             guint      *ok,
             guint      *quota,
             guint      *other)
{
  g_autofree Worker *workers = g_new0 (Worker, n_workers);
  g_autofree GThread **threads = g_new0 (GThread *, n_workers);

  *ok = *quota = *other = 0;

  for (guint i = 0; i < n_workers; i++)
    {
      workers[i].key = key;
      workers[i].secret = app_secret;
      workers[i].calls = calls_each;
      threads[i] = g_thread_new ("caller", worker_thread, &workers[i]);
    }

  for (guint i = 0; i < n_workers; i++)
    {
      g_thread_join (threads[i]);
      *ok += workers[i].ok;
      *quota += workers[i].quota;
      *other += workers[i].other;
    }
}

/* Call 5,000 passes, call 5,001 fails; the count stays exact under 8
 * concurrent callers, and calls refused by the quota are not counted. */
static void
test_quota_boundary (void)
{
  g_autoptr(JsonObject) created = op_test_create_app (server, token, PURCHASE_SOLUTION, "self_use");
  JsonObject *app = json_object_get_object_member (created, "app");
  const char *key = json_object_get_string_member (app, "app_key");
  const char *app_secret = json_object_get_string_member (app, "app_secret");
  g_autofree char *usage_sql = NULL;
  guint ok, quota, other;

  run_workers (key, app_secret, 8, 4999 / 8, &ok, &quota, &other);
  g_assert_cmpuint (ok, ==, 4999 / 8 * 8);
  g_assert_cmpuint (quota + other, ==, 0);

  /* Fill up to 4,999 one call at a time. */
  while (day_count (key) < 4999)
    {
      g_autoptr(OpRequest) request = category_request (key);
      g_autoptr(OpTestAnswer) answer = op_test_gateway (server, request, app_secret);

      g_assert_cmpuint (answer->status, ==, 200);
    }
  g_assert_cmpint (day_count (key), ==, 4999);

  {
    g_autoptr(OpRequest) request = category_request (key);
    g_autoptr(OpTestAnswer) call_5000 = op_test_gateway (server, request, app_secret);
    g_autoptr(OpTestAnswer) call_5001 = op_test_gateway (server, request, app_secret);

    g_assert_cmpuint (call_5000->status, ==, 200);
    g_assert_cmpint (day_count (key), ==, 5000);
    assert_gateway_error (call_5001, 400, "gw.QosAppFrequencyLimit",
                          "App call exceeds limited frequency");
    g_assert_cmpint (day_count (key), ==, 5000);
  }

  /* More concurrent calls: all refused, none counted. */
  run_workers (key, app_secret, 8, 25, &ok, &quota, &other);
  g_assert_cmpuint (ok, ==, 0);
  g_assert_cmpuint (quota, ==, 200);
  g_assert_cmpuint (other, ==, 0);
  g_assert_cmpint (day_count (key), ==, 5000);

  usage_sql = g_strdup_printf ("SELECT SUM(successes) FROM api_usage u JOIN apps a "
                               "ON a.id = u.app_id WHERE a.app_key = '%s'", key);
  g_assert_cmpint (op_test_sql_int (server, usage_sql), ==, 5000);

  {
    g_autofree char *path = g_strdup_printf ("/apps/%s", key);
    g_autoptr(OpTestAnswer) detail = op_test_call (server, "GET", path, token, NULL);

    g_assert_cmpint (op_test_int (detail->body, "quota.used_today"), ==, 5000);
    g_assert_cmpint (op_test_int (detail->body, "quota.left_today"), ==, 0);
  }

  /* A new platform day (UTC+8) starts a new count: move today's to yesterday. */
  {
    g_autofree char *move = g_strdup_printf ("UPDATE app_days SET day = '2000-01-01' WHERE app_id = "
                                             "(SELECT id FROM apps WHERE app_key = '%s')", key);
    g_autoptr(OpRequest) request = category_request (key);
    g_autoptr(OpTestAnswer) next_day = NULL;

    op_test_sql_exec (server, move);
    next_day = op_test_gateway (server, request, app_secret);
    g_assert_cmpuint (next_day->status, ==, 200);
    g_assert_cmpint (day_count (key), ==, 5001);
  }
}

/* Under concurrency without the quota in the way: every answered call is
 * counted exactly once. */
static void
test_concurrent_count (void)
{
  gint64 before = day_count (app_key);
  guint ok, quota, other;

  run_workers (app_key, secret, 16, 100, &ok, &quota, &other);
  g_assert_cmpuint (ok, ==, 1600);
  g_assert_cmpuint (quota + other, ==, 0);
  g_assert_cmpint (day_count (app_key), ==, before + 1600);
}

static void
test_persistence (void)
{
  gint64 before = day_count (app_key);
  g_autofree char *path = g_strdup_printf ("/apps/%s", app_key);
  g_autoptr(OpRequest) request = category_request (app_key);
  g_autoptr(OpTestAnswer) session_after = NULL;
  g_autoptr(OpTestAnswer) call_after = NULL;
  g_autoptr(OpTestAnswer) detail = NULL;

  op_test_server_restart (server);

  /* The session, the app, its secret and its count survive. */
  session_after = op_test_call (server, "GET", "/account", token, NULL);
  g_assert_cmpuint (session_after->status, ==, 200);
  g_assert_cmpstr (op_test_string (session_after->body, "developer_status"), ==, "onboarded");

  detail = op_test_call (server, "GET", path, token, NULL);
  g_assert_cmpuint (detail->status, ==, 200);
  g_assert_cmpint (op_test_int (detail->body, "quota.used_today"), ==, before);

  call_after = op_test_gateway (server, request, secret);
  g_assert_cmpuint (call_after->status, ==, 200);
  g_assert_cmpint (day_count (app_key), ==, before + 1);
}

static void
test_bad_requests (void)
{
  g_autoptr(OpTestAnswer) short_path = NULL;
  g_autoptr(OpTestAnswer) method = NULL;
  g_autoptr(OpTestAnswer) protocol = NULL;

  short_path = op_test_call_full (server, "POST", "/openapi/param2/1/system", NULL, NULL, NULL, -1, NULL);
  assert_gateway_error (short_path, 400, "gw.APIUnsupported", NULL);

  method = op_test_call_full (server, "DELETE", "/openapi/param2/1/com.alibaba.product/"
                              "alibaba.category.get/1234567", NULL, NULL, NULL, -1, NULL);
  g_assert_cmpuint (method->status, ==, 405);

  protocol = op_test_call_full (server, "POST", "/openapi/xml2/1/com.alibaba.product/"
                                "alibaba.category.get/1234567", NULL, NULL, NULL, -1, NULL);
  assert_gateway_error (protocol, 400, "gw.APIUnsupported", NULL);
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
  setup_app ();

  g_test_add_func ("/service/gateway/success", test_success);
  g_test_add_func ("/service/gateway/order-of-checks", test_order_of_checks);
  g_test_add_func ("/service/gateway/acl", test_acl);
  g_test_add_func ("/service/gateway/timestamp", test_timestamp);
  g_test_add_func ("/service/gateway/unsigned-flood", test_unsigned_flood);
  g_test_add_func ("/service/gateway/bad-requests", test_bad_requests);
  g_test_add_func ("/service/gateway/concurrent-count", test_concurrent_count);
  g_test_add_func ("/service/gateway/quota-boundary", test_quota_boundary);
  g_test_add_func ("/service/gateway/persistence", test_persistence);

  status = g_test_run ();

  g_free (token);
  g_free (app_key);
  g_free (secret);
  op_test_server_free (server);

  return status;
}
