/* test-review.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-test-server.h"
#include "op-validate.h"

/* The reviewer's side: `open1688-sandbox review list|approve|reject` on the
 * database of a running service in manual mode. */

#define PURCHASE_SOLUTION G_GINT64_CONSTANT (1703167400001)
#define PNG_DATA_URL "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

static OpTestServer *server;

/* Runs the reviewer's command; returns its exit status. */
static int
review (char       **output,
        const char  *first_arg,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  va_list ap;

  g_ptr_array_add (args, (gpointer) OPEN1688_SANDBOX_PATH);
  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, (gpointer) op_test_server_get_db_path (server));
  g_ptr_array_add (args, (gpointer) "review");

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                               &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);

  if (output != NULL)
    *output = g_steal_pointer (&out);

  return g_subprocess_get_exit_status (process);
}

static char *
first_review_id (const char *listing,
                 const char *kind)
{
  g_auto(GStrv) lines = g_strsplit (listing, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (columns) >= 4 && g_str_equal (columns[1], kind))
        return g_strdup (columns[0]);
    }

  return NULL;
}

static void
test_qualification_review (void)
{
  g_autofree char *token = op_test_onboard (server, "newcomer", "isv");
  g_autofree char *body = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *second_listing = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(OpTestAnswer) submitted = NULL;
  g_autoptr(OpTestAnswer) twice = NULL;
  g_autoptr(OpTestAnswer) rejected = NULL;
  g_autoptr(OpTestAnswer) rejected_zh = NULL;
  g_autoptr(OpTestAnswer) resubmitted = NULL;
  g_autoptr(OpTestAnswer) approved = NULL;
  g_autoptr(OpTestAnswer) account = NULL;
  char check = 0;
  char uscc[19];

  g_assert_true (op_validate_uscc_check_char ("91440300MA5F00000", &check));
  g_snprintf (uscc, sizeof uscc, "91440300MA5F00000%c", check);
  body = g_strdup_printf ("{\"role\": \"isv\", \"fields\": {\"company_name\": \"深圳沙箱科技\", "
                          "\"uscc\": \"%s\", \"business_licence\": \"%s\", "
                          "\"company_website\": \"https://isv.example.com\", "
                          "\"product_description\": \"ERP\", \"contact_name\": \"钱七\", "
                          "\"contact_mobile\": \"13800138000\", \"contact_email\": \"q@example.com\"}}",
                          uscc, PNG_DATA_URL);

  submitted = op_test_call (server, "POST", "/qualifications", token, body);
  g_assert_cmpuint (submitted->status, ==, 201);
  path = g_strdup_printf ("/qualifications/%" G_GINT64_FORMAT, op_test_int (submitted->body, "id"));

  /* Manual mode: nothing decides it. */
  g_usleep (G_USEC_PER_SEC / 2);
  twice = op_test_call (server, "POST", "/qualifications", token, body);
  op_test_assert_error (twice, 409, "review_pending");

  g_assert_cmpint (review (&listing, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (listing, "newcomer"));
  g_assert_nonnull (strstr (listing, uscc));
  id = first_review_id (listing, "qualification");
  g_assert_nonnull (id);

  g_assert_cmpint (review (&out, "reject", id, NULL), ==, 2);
  g_assert_cmpint (review (NULL, "reject", id, "--reason", "营业执照照片不清晰", NULL), ==, 0);
  g_assert_cmpint (review (NULL, "reject", id, "--reason", "again", NULL), ==, 1);

  rejected = op_test_call (server, "GET", path, token, NULL);
  g_assert_cmpstr (op_test_string (rejected->body, "state"), ==, "rejected");
  g_assert_cmpstr (op_test_string (rejected->body, "reason"), ==, "营业执照照片不清晰");
  rejected_zh = op_test_call_full (server, "GET", "/api/v1/qualifications", token, NULL, NULL, -1, "zh-CN");
  g_assert_cmpstr (op_test_string (rejected_zh->body, "qualifications.0.reason"), ==, "营业执照照片不清晰");

  {
    g_autofree char *fields = g_strdup (strstr (body, "\"fields\": ") + strlen ("\"fields\": "));
    g_autofree char *put_body = NULL;

    fields[strlen (fields) - 1] = '\0';
    put_body = g_strdup_printf ("{\"fields\": %s}", fields);
    resubmitted = op_test_call (server, "PUT", path, token, put_body);
  }
  g_assert_cmpuint (resubmitted->status, ==, 200);

  g_assert_cmpint (review (&second_listing, "list", NULL), ==, 0);
  second_id = first_review_id (second_listing, "qualification");
  g_assert_nonnull (second_id);
  g_assert_cmpstr (second_id, !=, id);
  g_assert_cmpint (review (NULL, "approve", second_id, NULL), ==, 0);
  g_assert_cmpint (review (NULL, "approve", second_id, NULL), ==, 1);

  approved = op_test_call (server, "GET", path, token, NULL);
  g_assert_cmpstr (op_test_string (approved->body, "state"), ==, "approved");
  account = op_test_call (server, "GET", "/account", token, NULL);
  g_assert_cmpstr (op_test_string (account->body, "roles.0.id"), ==, "isv");

  g_assert_cmpint (review (&empty, "list", NULL), ==, 0);
  g_assert_null (first_review_id (empty, "qualification"));
}

static void
test_launch_review (void)
{
  g_autofree char *token = op_test_onboard (server, "merchant", "self_use");
  g_autoptr(JsonObject) created = op_test_create_app (server, token, PURCHASE_SOLUTION, "self_use");
  JsonObject *app = json_object_get_object_member (created, "app");
  const char *app_key = json_object_get_string_member (app, "app_key");
  const char *secret = json_object_get_string_member (app, "app_secret");
  g_autofree char *launch_path = g_strdup_printf ("/apps/%s/launch", app_key);
  g_autofree char *app_path = g_strdup_printf ("/apps/%s", app_key);
  g_autofree char *listing = NULL;
  g_autofree char *id = NULL;
  g_autoptr(OpRequest) request = op_request_new ("com.alibaba.product", "alibaba.category.get", app_key);
  g_autoptr(OpTestAnswer) call = NULL;
  g_autoptr(OpTestAnswer) launch = NULL;
  g_autoptr(OpTestAnswer) rejected = NULL;
  g_autoptr(OpTestAnswer) again = NULL;
  g_autoptr(OpTestAnswer) launched = NULL;

  op_request_set_param (request, "categoryID", "0");
  call = op_test_gateway (server, request, secret);
  g_assert_cmpuint (call->status, ==, 200);

  launch = op_test_call (server, "POST", launch_path, token, "{\"confirm\": true}");
  g_assert_cmpuint (launch->status, ==, 202);

  g_assert_cmpint (review (&listing, "list", NULL), ==, 0);
  id = first_review_id (listing, "launch");
  g_assert_nonnull (strstr (listing, app_key));
  g_assert_cmpint (review (NULL, "reject", id, "--reason", "请补充应用截图", NULL), ==, 0);

  rejected = op_test_call (server, "GET", app_path, token, NULL);
  g_assert_cmpstr (op_test_string (rejected->body, "state"), ==, "developing");
  g_assert_cmpstr (op_test_string (rejected->body, "launch.state"), ==, "rejected");
  g_assert_cmpstr (op_test_string (rejected->body, "launch.reason"), ==, "请补充应用截图");

  again = op_test_call (server, "POST", launch_path, token, "{\"confirm\": true}");
  g_assert_cmpuint (again->status, ==, 202);
  g_free (listing);
  g_free (id);
  g_assert_cmpint (review (&listing, "list", NULL), ==, 0);
  id = first_review_id (listing, "launch");
  g_assert_cmpint (review (NULL, "approve", id, NULL), ==, 0);

  launched = op_test_call (server, "GET", app_path, token, NULL);
  g_assert_cmpstr (op_test_string (launched->body, "state"), ==, "launched");
  g_assert_cmpint (op_test_int (launched->body, "quota.daily_limit"), ==, 100000);
}

static void
test_bad_commands (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (review (&out, "approve", "abc", NULL), ==, 2);
  g_assert_cmpint (review (NULL, "approve", "999999", NULL), ==, 1);
  g_assert_cmpint (review (NULL, "dance", NULL), ==, 2);
  g_assert_cmpint (review (NULL, NULL), ==, 2);
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

  g_test_add_func ("/service/review/qualification", test_qualification_review);
  g_test_add_func ("/service/review/launch", test_launch_review);
  g_test_add_func ("/service/review/bad-commands", test_bad_commands);

  status = g_test_run ();

  op_test_server_free (server);

  return status;
}
