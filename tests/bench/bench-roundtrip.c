/* bench-roundtrip.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "op-gateway-client.h"
#include "op-test-env.h"
#include "op-test-platform.h"

/* tests/bench/roundtrip: the median time of a signed sandbox call through OpGatewayClient,
 * against the same request (same server, same run, freshly signed each time) sent by curl.
 *
 * The sandbox is the real service, started in-process on its worker thread by
 * OpEmbeddedPlatform, with a developer and an app set up through its console API. curl is
 * timed by its own `time_total` (the request, without starting the process), and the
 * process's wall time is shown beside it. Both open a new connection for each call, as a
 * POST through the gateway client does; the kept-alive figure (OP_GATEWAY_CALL_IDEMPOTENT)
 * is shown too. Calls alternate, so both see the same conditions.
 *
 * Usage: bench-roundtrip [N]   (default 300 calls of each kind) */

#define TARGET_RATIO 1.2

typedef struct
{
  gboolean         done;
  OpGatewayResult *result;
  GError          *error;
} Call;

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

static OpRequest *
new_request (OpTestPlatform *platform)
{
  OpRequest *request = op_request_new (OP_TEST_PLAIN_NAMESPACE, OP_TEST_PLAIN_NAME,
                                       platform->app_key);

  op_request_set_param (request, "categoryID", "0");

  return request;
}

/* Microseconds of one call through the gateway client. */
static gint64
time_client (OpGatewayClient    *client,
             OpTestPlatform     *platform,
             OpGatewayCallFlags  flags)
{
  g_autoptr(OpRequest) request = new_request (platform);
  Call call = { 0 };
  gint64 started;
  gint64 elapsed;

  started = g_get_monotonic_time ();
  op_gateway_client_call_async (client, request, platform->app_secret, NULL, flags, NULL,
                                called_cb, &call);
  while (!call.done)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - started;

  if (call.error != NULL)
    g_error ("Gateway client: %s", call.error->message);
  if (!op_gateway_result_is_success (call.result))
    g_error ("Gateway client: HTTP %u", op_gateway_result_get_status (call.result));
  g_object_unref (call.result);

  return elapsed;
}

/* Microseconds of the same call sent by curl: its time_total, and the process's wall time. */
static gint64
time_curl (OpTestPlatform *platform,
           gint64         *wall)
{
  g_autoptr(OpRequest) request = new_request (platform);
  g_autoptr(GSubprocess) curl = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  guint status = 0;
  double total = 0;
  gint64 started;

  op_request_set_param_int (request, "_aop_timestamp", g_get_real_time () / 1000);
  url = op_request_build_url (request, platform->gateway_url);
  body = op_request_build_body (request, platform->app_secret);
  input = g_bytes_new (body, strlen (body));

  started = g_get_monotonic_time ();
  curl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                           &error,
                           "curl", "--silent", "--show-error", "--output", "/dev/null",
                           "--write-out", "%{http_code} %{time_total}",
                           "--header", "Content-Type: " OP_REQUEST_CONTENT_TYPE,
                           "--data-binary", "@-", url, NULL);
  if (curl == NULL)
    g_error ("curl: %s", error->message);
  if (!g_subprocess_communicate (curl, input, NULL, &output, NULL, &error))
    g_error ("curl: %s", error->message);
  *wall = g_get_monotonic_time () - started;

  text = g_strndup (g_bytes_get_data (output, NULL), g_bytes_get_size (output));
  if (sscanf (text, "%u %lf", &status, &total) != 2 || status != 200)
    g_error ("curl: unexpected answer “%s”", text);

  return (gint64) (total * G_USEC_PER_SEC);
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (GArray *values)
{
  g_array_sort (values, compare);

  return g_array_index (values, gint64, values->len / 2) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) client_new = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) client_kept = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) curl_total = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) curl_wall = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(OpGatewayClient) client = NULL;
  OpTestPlatform *platform;
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 300;
  double ratio;

  if (n == 0)
    {
      g_printerr ("Usage: %s [N]\n", argv[0]);
      return 2;
    }

  op_test_env_setup (OP_TEST_ENV_NO_BUS);
  platform = op_test_platform_new ("bench.db");
  client = op_gateway_client_new (NULL, platform->gateway_url);

  /* Warm up both (connections, caches, the service's statements). */
  for (guint i = 0; i < 10; i++)
    {
      gint64 wall;

      time_client (client, platform, OP_GATEWAY_CALL_NONE);
      time_client (client, platform, OP_GATEWAY_CALL_IDEMPOTENT);
      time_curl (platform, &wall);
    }

  for (guint i = 0; i < n; i++)
    {
      gint64 value;
      gint64 wall = 0;

      value = time_client (client, platform, OP_GATEWAY_CALL_NONE);
      g_array_append_val (client_new, value);
      value = time_curl (platform, &wall);
      g_array_append_val (curl_total, value);
      g_array_append_val (curl_wall, wall);
      value = time_client (client, platform, OP_GATEWAY_CALL_IDEMPOTENT);
      g_array_append_val (client_kept, value);
    }

  ratio = median_ms (client_new) / median_ms (curl_total);

  g_print ("roundtrip: %u signed sandbox calls of each kind, POST %s:%s-1, same server, "
           "same run\n", n, OP_TEST_PLAIN_NAMESPACE, OP_TEST_PLAIN_NAME);
  g_print ("  gateway client, new connection     median %7.3f ms\n", median_ms (client_new));
  g_print ("  gateway client, kept-alive         median %7.3f ms\n", median_ms (client_kept));
  g_print ("  curl time_total, new connection    median %7.3f ms\n", median_ms (curl_total));
  g_print ("  curl process wall time             median %7.3f ms\n", median_ms (curl_wall));
  g_print ("  ratio gateway client / curl = %.2f (target <= %.1f): %s\n", ratio, TARGET_RATIO,
           ratio <= TARGET_RATIO ? "met" : "NOT met");

  op_test_platform_free (platform);
  op_test_env_teardown ();

  return ratio <= TARGET_RATIO ? 0 : 1;
}
