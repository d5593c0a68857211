/* test-gateway-client.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "op-gateway-client.h"
#include "op-gateway-error.h"
#include "op-loopback-proxy-resolver.h"
#include "op-sign.h"
#include "op-test-env.h"
#include "op-test-platform.h"

/* Against the real sandbox service started in-process; large answers from a small server
 * of the test's own. */

static OpTestPlatform *platform;

typedef struct
{
  gboolean         done;
  OpGatewayResult *result;
  GError          *error;
  GArray          *progress;     /* received sizes */
  goffset          last_total;
  gboolean         destroyed;
  GCancellable    *cancel_on_progress;
} Call;

static void
call_clear (Call *call)
{
  g_clear_object (&call->result);
  g_clear_error (&call->error);
  g_clear_pointer (&call->progress, g_array_unref);
  call->done = FALSE;
  call->destroyed = FALSE;
  call->last_total = 0;
}

static void
called_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;

  call->result = op_gateway_client_call_finish (OP_GATEWAY_CLIENT (object), result,
                                                &call->error);
  call->done = TRUE;
}

static void
progress_cb (goffset  received,
             goffset  total,
             gpointer user_data)
{
  Call *call = user_data;

  if (call->progress == NULL)
    call->progress = g_array_new (FALSE, FALSE, sizeof (goffset));
  g_array_append_val (call->progress, received);
  call->last_total = total;

  if (call->cancel_on_progress != NULL)
    g_cancellable_cancel (call->cancel_on_progress);
}

static void
progress_destroy (gpointer user_data)
{
  Call *call = user_data;

  call->destroyed = TRUE;
}

static void
run_call (OpGatewayClient    *client,
          OpRequest          *request,
          const char         *secret,
          const char         *token,
          OpGatewayCallFlags  flags,
          GCancellable       *cancellable,
          Call               *call)
{
  op_gateway_client_call_full_async (client, request, secret, token, flags, progress_cb, call,
                                     progress_destroy, cancellable, called_cb, call);
  op_test_env_run_until (&call->done);
  /* The progress data is released once the call is over. */
  g_assert_true (call->destroyed);
}

static OpRequest *
plain_request (void)
{
  OpRequest *request = op_request_new (OP_TEST_PLAIN_NAMESPACE, OP_TEST_PLAIN_NAME,
                                       platform->app_key);

  op_request_set_param (request, "categoryID", "0");

  return request;
}

static char *
body_text (OpGatewayResult *result)
{
  GBytes *body = op_gateway_result_get_body (result);

  g_assert_nonnull (body);

  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
assert_no_secret (OpGatewayResult *result,
                  const char      *secret)
{
  g_assert_null (strstr (op_gateway_result_get_url (result), secret));
  if (op_gateway_result_get_request_body (result) != NULL)
    g_assert_null (strstr (op_gateway_result_get_request_body (result), secret));
  if (op_gateway_result_get_string_to_sign (result) != NULL)
    g_assert_null (strstr (op_gateway_result_get_string_to_sign (result), secret));
  if (op_gateway_result_get_signature (result) != NULL)
    g_assert_null (strstr (op_gateway_result_get_signature (result), secret));
  for (guint i = 0; i < op_request_get_n_params (op_gateway_result_get_request (result)); i++)
    {
      const char *value = NULL;

      op_request_get_nth_param (op_gateway_result_get_request (result), i, &value);
      g_assert_null (strstr (value, secret));
    }
}

static void
test_post (void)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, platform->gateway_url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autofree char *expected_url = NULL;
  g_autofree char *text = NULL;
  g_autofree char *signature = NULL;
  const OpGatewayTiming *timing;
  OpRequest *sent;
  Call call = { 0 };

  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);

  /* The answer. */
  g_assert_cmpuint (op_gateway_result_get_status (call.result), ==, 200);
  g_assert_true (op_gateway_result_is_success (call.result));
  g_assert_null (op_gateway_result_describe_error (call.result));
  g_assert_cmpint (op_gateway_error_get_kind (op_gateway_result_get_error (call.result)), ==,
                   OP_GATEWAY_ERROR_KIND_NONE);
  g_assert_cmpstr (op_gateway_result_get_content_type (call.result), ==, "application/json");
  text = body_text (call.result);
  g_assert_nonnull (strstr (text, "childCategorys"));
  g_assert_cmpint (op_gateway_result_get_body_size (call.result), ==, strlen (text));
  g_assert_null (op_gateway_result_get_body_file (call.result));
  g_assert_nonnull (call.progress);
  g_assert_cmpint (g_array_index (call.progress, goffset, call.progress->len - 1), ==,
                   strlen (text));

  /* The request as sent. */
  expected_url = g_strdup_printf ("%s/param2/1/%s/%s/%s", platform->gateway_url,
                                  OP_TEST_PLAIN_NAMESPACE, OP_TEST_PLAIN_NAME,
                                  platform->app_key);
  g_assert_cmpstr (op_gateway_result_get_method (call.result), ==, "POST");
  g_assert_cmpstr (op_gateway_result_get_url (call.result), ==, expected_url);
  g_assert_true (g_str_has_prefix (op_gateway_result_get_request_body (call.result),
                                   "categoryID=0&_aop_timestamp="));
  g_assert_nonnull (strstr (op_gateway_result_get_request_body (call.result),
                            "&_aop_signature="));
  g_assert_cmpstr (soup_message_headers_get_one (op_gateway_result_get_request_headers (call.result),
                                                 "Content-Type"),
                   ==, OP_REQUEST_CONTENT_TYPE);

  sent = op_gateway_result_get_request (call.result);
  g_assert_cmpuint (op_request_get_n_params (sent), ==, 2);
  g_assert_cmpstr (op_request_get_param (sent, "categoryID"), ==, "0");
  g_assert_nonnull (op_request_get_param (sent, "_aop_timestamp"));
  g_assert_null (op_request_get_param (sent, "_aop_signature"));

  /* The signature is core's, over what was sent, and the string to sign is shown. */
  signature = op_request_get_signature (sent, platform->app_secret);
  g_assert_cmpstr (op_gateway_result_get_signature (call.result), ==, signature);
  g_assert_cmpuint (strlen (signature), ==, OP_SIGN_SIGNATURE_LENGTH);
  g_assert_true (g_str_has_prefix (op_gateway_result_get_string_to_sign (call.result),
                                   "param2/1/" OP_TEST_PLAIN_NAMESPACE "/" OP_TEST_PLAIN_NAME "/"));
  g_assert_nonnull (strstr (op_gateway_result_get_string_to_sign (call.result), "categoryID0"));
  assert_no_secret (call.result, platform->app_secret);

  /* The caller's request is left as it was. */
  g_assert_cmpuint (op_request_get_n_params (request), ==, 1);

  /* Timing of a new connection. */
  timing = op_gateway_result_get_timing (call.result);
  g_assert_false (timing->reused_connection);
  g_assert_cmpint (timing->connect, >, 0);
  g_assert_cmpint (timing->total, >, 0);
  g_assert_cmpint (timing->first_byte, >, 0);
  g_assert_cmpint (timing->first_byte, <=, timing->total);
  g_assert_cmpint (timing->connect + timing->first_byte, <=, timing->total);
  g_assert_cmpint (timing->tls, ==, 0);
  call_clear (&call);

  /* A POST is not sent on a kept-alive connection (it could be sent twice)... */
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  g_assert_false (op_gateway_result_get_timing (call.result)->reused_connection);
  call_clear (&call);

  /* ...unless the API only reads. */
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_IDEMPOTENT, NULL,
            &call);
  g_assert_no_error (call.error);
  g_assert_true (op_gateway_result_is_success (call.result));
  timing = op_gateway_result_get_timing (call.result);
  g_assert_true (timing->reused_connection);
  g_assert_cmpint (timing->connect, ==, 0);
  g_assert_cmpint (timing->dns, ==, 0);
  g_assert_cmpint (timing->total, >, 0);
  call_clear (&call);
}

static void
test_get (void)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, platform->gateway_url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autofree char *prefix = NULL;
  Call call = { 0 };

  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_GET, NULL, &call);
  g_assert_no_error (call.error);
  g_assert_cmpuint (op_gateway_result_get_status (call.result), ==, 200);
  g_assert_true (op_gateway_result_is_success (call.result));

  prefix = g_strdup_printf ("%s/param2/1/%s/%s/%s?categoryID=0&_aop_timestamp=",
                            platform->gateway_url, OP_TEST_PLAIN_NAMESPACE, OP_TEST_PLAIN_NAME,
                            platform->app_key);
  g_assert_cmpstr (op_gateway_result_get_method (call.result), ==, "GET");
  g_assert_true (g_str_has_prefix (op_gateway_result_get_url (call.result), prefix));
  g_assert_nonnull (strstr (op_gateway_result_get_url (call.result), "&_aop_signature="));
  g_assert_null (op_gateway_result_get_request_body (call.result));
  assert_no_secret (call.result, platform->app_secret);
  call_clear (&call);
}

static void
test_timestamp (void)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, platform->gateway_url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autofree char *own = NULL;
  Call call = { 0 };
  gint64 sent;
  gint64 now;

  /* By default, the time of the call in milliseconds. */
  now = g_get_real_time () / 1000;
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  sent = g_ascii_strtoll (op_request_get_param (op_gateway_result_get_request (call.result),
                                                "_aop_timestamp"), NULL, 10);
  g_assert_cmpint (sent, >=, now);
  g_assert_cmpint (sent, <, now + 60 * 1000);
  call_clear (&call);

  /* Turned off. */
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NO_TIMESTAMP, NULL,
            &call);
  g_assert_no_error (call.error);
  g_assert_true (op_gateway_result_is_success (call.result));
  g_assert_null (strstr (op_gateway_result_get_request_body (call.result), "_aop_timestamp"));
  g_assert_null (strstr (op_gateway_result_get_string_to_sign (call.result), "_aop_timestamp"));
  call_clear (&call);

  /* The request's own timestamp is kept, not doubled. */
  own = g_strdup_printf ("%" G_GINT64_FORMAT, now - 1000);
  op_request_set_param (request, "_aop_timestamp", own);
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  g_assert_true (op_gateway_result_is_success (call.result));
  g_assert_cmpstr (op_request_get_param (op_gateway_result_get_request (call.result),
                                         "_aop_timestamp"), ==, own);
  g_assert_cmpuint (op_request_get_n_params (op_gateway_result_get_request (call.result)), ==, 2);
  call_clear (&call);
}

static void
assert_gateway_error (OpGatewayResult *result,
                      guint            status,
                      const char      *code)
{
  const OpGatewayError *error = op_gateway_result_get_error (result);
  const OpGatewayErrorInfo *info = op_gateway_error_lookup (code);
  g_autofree char *description = NULL;

  g_assert_cmpuint (op_gateway_result_get_status (result), ==, status);
  g_assert_false (op_gateway_result_is_success (result));
  g_assert_nonnull (error);
  g_assert_cmpint (op_gateway_error_get_kind (error), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_cmpstr (op_gateway_error_get_code (error), ==, code);
  g_assert_nonnull (op_gateway_error_get_request_id (error));

  /* The explanation from core's table. */
  g_assert_nonnull (info);
  description = op_gateway_result_describe_error (result);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, op_gateway_error_info_get_explanation (info)));
  g_assert_nonnull (strstr (description, op_gateway_error_info_get_fix (info)));
}

static void
test_errors (void)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, platform->gateway_url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autoptr(OpRequest) unknown = NULL;
  g_autoptr(OpRequest) needs_token = NULL;
  Call call = { 0 };

  /* A wrong secret. */
  run_call (client, request, "not-the-secret", NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  assert_gateway_error (call.result, 400, "gw.SignatureInvalid");
  call_clear (&call);

  /* A missing required parameter. */
  op_request_set_param (request, "categoryID", NULL);
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  assert_gateway_error (call.result, 400, "gw.ParamMissing");
  call_clear (&call);

  /* No such API. */
  unknown = op_request_new ("com.alibaba.product", "alibaba.no.such.api", platform->app_key);
  run_call (client, unknown, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  assert_gateway_error (call.result, 400, "gw.APIUnsupported");
  call_clear (&call);

  /* An API that needs a member's authorization, called without a token. */
  needs_token = op_request_new (OP_TEST_TOKEN_NAMESPACE, OP_TEST_TOKEN_NAME, platform->app_key);
  run_call (client, needs_token, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  assert_gateway_error (call.result, 401, "401");
  call_clear (&call);
}

static void
assert_masked (const char *text,
               const char *token)
{
  g_autofree char *prefix = g_strndup (token, 4);
  g_autofree char *shown = g_strconcat (prefix, "…", NULL);

  g_assert_null (strstr (text, token));
  g_assert_nonnull (strstr (text, shown));
}

static void
test_token_masked (void)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, platform->gateway_url);
  g_autoptr(OpRequest) request = NULL;
  const char *token = "FAKE0123456789abcdef0123456789";
  g_autofree char *masked = NULL;
  Call call = { 0 };

  request = op_request_new (OP_TEST_TOKEN_NAMESPACE, OP_TEST_TOKEN_NAME, platform->app_key);

  run_call (client, request, platform->app_secret, token, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  /* The token was sent (and refused: it is not one the platform issued). */
  assert_gateway_error (call.result, 401, "401");
  /* Everything meant for display shows only its first characters. */
  assert_masked (op_gateway_result_get_request_body (call.result), token);
  assert_masked (op_gateway_result_get_string_to_sign (call.result), token);
  g_assert_null (strstr (op_gateway_result_get_url (call.result), token));
  g_assert_cmpstr (op_request_get_param (op_gateway_result_get_request (call.result),
                                         "access_token"), ==, "FAKE…");
  assert_no_secret (call.result, platform->app_secret);
  call_clear (&call);

  run_call (client, request, platform->app_secret, token, OP_GATEWAY_CALL_GET, NULL, &call);
  g_assert_no_error (call.error);
  assert_gateway_error (call.result, 401, "401");
  assert_masked (op_gateway_result_get_url (call.result), token);
  assert_masked (op_gateway_result_get_string_to_sign (call.result), token);
  call_clear (&call);

  masked = op_gateway_client_mask_value (token);
  g_assert_cmpstr (masked, ==, "FAKE…");
  g_clear_pointer (&masked, g_free);
  masked = op_gateway_client_mask_value ("short");
  g_assert_cmpstr (masked, ==, "…");
}

static void
test_secret_never_shown (void)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, platform->gateway_url);
  g_autoptr(OpRequest) request = plain_request ();
  Call call = { 0 };

  /* The AppSecret typed into a parameter by mistake is sent (what is sent is what is
   * signed) but never shown. */
  op_request_set_param (request, "remark", platform->app_secret);
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  g_assert_true (op_gateway_result_is_success (call.result));
  assert_no_secret (call.result, platform->app_secret);
  g_assert_cmpstr (op_request_get_param (op_gateway_result_get_request (call.result), "remark"),
                   ==, "…");
  call_clear (&call);

  /* The token API's client_secret is never shown either. */
  g_clear_object (&request);
  request = op_request_new ("system.oauth2", "getToken", platform->app_key);
  op_request_set_protocol (request, "http");
  op_request_set_param (request, "grant_type", "refresh_token");
  op_request_set_param (request, "client_id", platform->app_key);
  op_request_set_param (request, "client_secret", platform->app_secret);
  op_request_set_param (request, "refresh_token", "REFR0123456789abcdef0123");
  run_call (client, request, NULL, NULL, OP_GATEWAY_CALL_NO_TIMESTAMP, NULL, &call);
  g_assert_no_error (call.error);
  g_assert_cmpuint (op_gateway_result_get_status (call.result), >=, 400);
  assert_no_secret (call.result, platform->app_secret);
  assert_masked (op_gateway_result_get_request_body (call.result), "REFR0123456789abcdef0123");
  g_assert_null (op_gateway_result_get_string_to_sign (call.result));
  g_assert_null (op_gateway_result_get_signature (call.result));
  call_clear (&call);
}

static void
test_unreachable (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(OpGatewayClient) client = NULL;
  g_autoptr(OpRequest) request = plain_request ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Call call = { 0 };
  guint16 port;

  /* A port that was free a moment ago and is closed now. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  url = g_strdup_printf ("http://127.0.0.1:%u/openapi", port);
  client = op_gateway_client_new (NULL, url);
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_nonnull (strstr (call.error->message, "127.0.0.1"));
  g_assert_null (call.result);
  call_clear (&call);

  /* Not a URL at all. */
  op_gateway_client_set_gateway_url (client, "not a url");
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  call_clear (&call);
}

static void
test_cancelled (void)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, platform->gateway_url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Call call = { 0 };

  g_cancellable_cancel (cancellable);
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, cancellable,
            &call);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (call.result);
  call_clear (&call);
}

static void
test_memory_limit (void)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, platform->gateway_url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  Call call = { 0 };

  g_assert_cmpuint (op_gateway_client_get_memory_limit (client), ==, 8 * 1024 * 1024);

  /* With a tiny limit, even the sandbox's small answer goes to a file. */
  op_gateway_client_set_memory_limit (client, 100);
  run_call (client, request, platform->app_secret, NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  g_assert_cmpuint (op_gateway_result_get_status (call.result), ==, 200);
  g_assert_null (op_gateway_result_get_body (call.result));
  g_assert_nonnull (op_gateway_result_get_body_file (call.result));
  path = g_file_get_path (op_gateway_result_get_body_file (call.result));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (length, ==, op_gateway_result_get_body_size (call.result));
  g_assert_cmpint (length, >, 100);
  g_assert_nonnull (strstr (contents, "childCategorys"));

  /* The file goes with the result. */
  call_clear (&call);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* --- Large answers, from a server of the test's own ----------------------- */

#define LARGE_SIZE (9 * 1024 * 1024 + 123)

static guint8 *large_body;

static void
large_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  gboolean chunked = GPOINTER_TO_INT (user_data);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "application/json", NULL);
  if (chunked)
    soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);

  for (gsize offset = 0; offset < LARGE_SIZE; offset += 1024 * 1024)
    soup_message_body_append (body, SOUP_MEMORY_STATIC, large_body + offset,
                              MIN (1024 * 1024, LARGE_SIZE - offset));
  soup_message_body_complete (body);
}

static void
business_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  static const char body[] =
    "{\"success\":false,\"errorCode\":\"500_001\",\"errorMessage\":\"商品不存在\"";
  gsize padding = GPOINTER_TO_SIZE (user_data);
  GString *text = g_string_new (body);

  /* Padded to a size whose parsing goes to a worker thread. */
  if (padding > 0)
    {
      g_string_append (text, ",\"padding\":\"");
      for (gsize i = 0; i < padding; i++)
        g_string_append_c (text, 'a' + i % 26);
      g_string_append_c (text, '"');
    }
  g_string_append_c (text, '}');

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json;charset=UTF-8", SOUP_MEMORY_TAKE,
                                    text->str, text->len);
  g_string_free (text, FALSE);
}

static char *
start_large_server (SoupServer **server)
{
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  if (large_body == NULL)
    {
      large_body = g_malloc (LARGE_SIZE);
      large_body[0] = '"';
      for (gsize i = 1; i < LARGE_SIZE - 1; i++)
        large_body[i] = 'a' + i % 26;
      large_body[LARGE_SIZE - 1] = '"';
    }

  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, "/known/openapi", large_cb, GINT_TO_POINTER (FALSE), NULL);
  soup_server_add_handler (*server, "/chunked/openapi", large_cb, GINT_TO_POINTER (TRUE), NULL);
  soup_server_add_handler (*server, "/business/openapi", business_cb, NULL, NULL);
  soup_server_add_handler (*server, "/padded/openapi", business_cb,
                           GSIZE_TO_POINTER (2 * 1024 * 1024), NULL);
  soup_server_listen (*server, address, 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (*server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return url;
}

static guint
count_temporary_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    count += g_str_has_prefix (name, "open1688-answer-");

  return count;
}

static void
check_large (const char *base,
             gboolean    chunked)
{
  g_autofree char *url = g_strconcat (base, chunked ? "/chunked/openapi" : "/known/openapi", NULL);
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  Call call = { 0 };

  run_call (client, request, "any-secret", NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  g_assert_cmpuint (op_gateway_result_get_status (call.result), ==, 200);

  /* Over 8 MiB: in a temporary file, not in memory. */
  g_assert_null (op_gateway_result_get_body (call.result));
  g_assert_nonnull (op_gateway_result_get_body_file (call.result));
  g_assert_cmpint (op_gateway_result_get_body_size (call.result), ==, LARGE_SIZE);
  path = g_file_get_path (op_gateway_result_get_body_file (call.result));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, LARGE_SIZE);
  g_assert_true (memcmp (contents, large_body, LARGE_SIZE) == 0);

  /* The size was told as it arrived, in order, ending with the whole. */
  g_assert_nonnull (call.progress);
  g_assert_cmpuint (call.progress->len, >, 10);
  for (guint i = 1; i < call.progress->len; i++)
    g_assert_cmpint (g_array_index (call.progress, goffset, i), >,
                     g_array_index (call.progress, goffset, i - 1));
  g_assert_cmpint (g_array_index (call.progress, goffset, call.progress->len - 1), ==,
                   LARGE_SIZE);
  g_assert_cmpint (call.last_total, ==, chunked ? -1 : LARGE_SIZE);

  call_clear (&call);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_large_body (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = start_large_server (&server);
  guint before = count_temporary_files ();

  check_large (base, FALSE);
  check_large (base, TRUE);

  g_assert_cmpuint (count_temporary_files (), ==, before);
}

static void
check_cancel_large (const char *base,
                    gboolean    chunked,
                    guint       after)
{
  g_autofree char *url = g_strconcat (base, chunked ? "/chunked/openapi" : "/known/openapi", NULL);
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint before = count_temporary_files ();
  Call call = { 0 };

  /* Cancelled from the progress function: at once (after the first part), or once the
   * answer is going to the file. */
  op_gateway_client_set_memory_limit (client, after);
  call.cancel_on_progress = cancellable;
  run_call (client, request, "any-secret", NULL, OP_GATEWAY_CALL_NONE, cancellable, &call);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (call.result);
  g_assert_nonnull (call.progress);
  g_assert_cmpint (g_array_index (call.progress, goffset, call.progress->len - 1), <,
                   LARGE_SIZE);
  call_clear (&call);

  /* No temporary file is left behind (its deletion is asynchronous). */
  for (guint i = 0; i < 100 && count_temporary_files () != before; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_cmpuint (count_temporary_files (), ==, before);
}

static void
test_cancel_large (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = start_large_server (&server);

  check_cancel_large (base, FALSE, OP_GATEWAY_CLIENT_DEFAULT_MEMORY_LIMIT);
  check_cancel_large (base, TRUE, OP_GATEWAY_CLIENT_DEFAULT_MEMORY_LIMIT);
  check_cancel_large (base, TRUE, 1);
}

/* HTTP 200 with success:false: the API ran and said no. */
static void
check_business_error (const char *base,
                      const char *path,
                      goffset     min_size)
{
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (NULL, url);
  g_autoptr(OpRequest) request = plain_request ();
  g_autofree char *description = NULL;
  const OpGatewayError *error;
  Call call = { 0 };

  run_call (client, request, "any-secret", NULL, OP_GATEWAY_CALL_NONE, NULL, &call);
  g_assert_no_error (call.error);
  g_assert_cmpuint (op_gateway_result_get_status (call.result), ==, 200);
  g_assert_false (op_gateway_result_is_success (call.result));
  g_assert_nonnull (op_gateway_result_get_body (call.result));
  g_assert_cmpint (op_gateway_result_get_body_size (call.result), >=, min_size);

  error = op_gateway_result_get_error (call.result);
  g_assert_nonnull (error);
  g_assert_cmpint (op_gateway_error_get_kind (error), ==, OP_GATEWAY_ERROR_KIND_BUSINESS);
  g_assert_cmpstr (op_gateway_error_get_code (error), ==, "500_001");
  g_assert_cmpstr (op_gateway_error_get_message (error), ==, "商品不存在");
  description = op_gateway_result_describe_error (call.result);
  g_assert_nonnull (strstr (description, "500_001"));
  g_assert_nonnull (strstr (description, "商品不存在"));
  call_clear (&call);
}

static void
test_business_error (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *base = start_large_server (&server);

  check_business_error (base, "/business/openapi", 0);
  /* 2 MiB: in memory, its error found by a worker thread. */
  check_business_error (base, "/padded/openapi", 2 * 1024 * 1024);
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char ***proxies = user_data;
  g_autoptr(GError) error = NULL;

  *proxies = g_proxy_resolver_lookup_finish (G_PROXY_RESOLVER (object), result, &error);
  g_assert_no_error (error);
}

static char **
lookup_async (GProxyResolver *resolver,
              const char     *uri)
{
  char **proxies = NULL;

  g_proxy_resolver_lookup_async (resolver, uri, NULL, looked_up_cb, &proxies);
  while (proxies == NULL)
    g_main_context_iteration (NULL, TRUE);

  return proxies;
}

static void
test_loopback_proxy (void)
{
  g_autoptr(GProxyResolver) system = g_simple_proxy_resolver_new ("http://proxy.example:3128",
                                                                  NULL);
  g_autoptr(GProxyResolver) resolver = op_loopback_proxy_resolver_new (system);
  g_auto(GStrv) proxies = NULL;

  g_assert_true (op_loopback_proxy_resolver_is_loopback ("http://127.0.0.1:8688/openapi"));
  g_assert_true (op_loopback_proxy_resolver_is_loopback ("http://127.4.5.6/"));
  g_assert_true (op_loopback_proxy_resolver_is_loopback ("http://localhost:1/callback"));
  g_assert_true (op_loopback_proxy_resolver_is_loopback ("http://[::1]:8080/"));
  g_assert_false (op_loopback_proxy_resolver_is_loopback ("https://gw.open.1688.com/openapi"));
  g_assert_false (op_loopback_proxy_resolver_is_loopback ("http://10.0.0.1/"));
  g_assert_false (op_loopback_proxy_resolver_is_loopback ("http://128.0.0.1/"));
  g_assert_false (op_loopback_proxy_resolver_is_loopback ("not a uri"));

  /* The loopback goes direct; everything else is the system's business. */
  proxies = g_proxy_resolver_lookup (resolver, "http://127.0.0.1:8688/openapi", NULL, NULL);
  g_assert_cmpstrv (proxies, ((const char * const[]) { "direct://", NULL }));
  g_clear_pointer (&proxies, g_strfreev);
  proxies = g_proxy_resolver_lookup (resolver, "https://gw.open.1688.com/openapi", NULL, NULL);
  g_assert_cmpstrv (proxies, ((const char * const[]) { "http://proxy.example:3128", NULL }));
  g_clear_pointer (&proxies, g_strfreev);

  proxies = lookup_async (resolver, "http://localhost:4567/callback");
  g_assert_cmpstrv (proxies, ((const char * const[]) { "direct://", NULL }));
  g_clear_pointer (&proxies, g_strfreev);
  proxies = lookup_async (resolver, "https://gw.open.1688.com/openapi");
  g_assert_cmpstrv (proxies, ((const char * const[]) { "http://proxy.example:3128", NULL }));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  op_test_env_setup (OP_TEST_ENV_NO_BUS);
  g_test_init (&argc, &argv, NULL);

  platform = op_test_platform_new ("gateway.db");

  g_test_add_func ("/client/gateway-client/post", test_post);
  g_test_add_func ("/client/gateway-client/get", test_get);
  g_test_add_func ("/client/gateway-client/timestamp", test_timestamp);
  g_test_add_func ("/client/gateway-client/errors", test_errors);
  g_test_add_func ("/client/gateway-client/token-masked", test_token_masked);
  g_test_add_func ("/client/gateway-client/secret-never-shown", test_secret_never_shown);
  g_test_add_func ("/client/gateway-client/unreachable", test_unreachable);
  g_test_add_func ("/client/gateway-client/cancelled", test_cancelled);
  g_test_add_func ("/client/gateway-client/memory-limit", test_memory_limit);
  g_test_add_func ("/client/gateway-client/large-body", test_large_body);
  g_test_add_func ("/client/gateway-client/cancel-large", test_cancel_large);
  g_test_add_func ("/client/gateway-client/business-error", test_business_error);
  g_test_add_func ("/client/gateway-client/loopback-proxy", test_loopback_proxy);

  status = g_test_run ();

  g_clear_pointer (&platform, op_test_platform_free);
  g_clear_pointer (&large_body, g_free);
  op_test_env_teardown ();

  return status;
}
