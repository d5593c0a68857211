/* op-test-platform.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-test-platform.h"
#include "op-test-env.h"

#include <string.h>

/* The real platform service, started in-process by OpEmbeddedPlatform with its database
 * under the test's scratch folder (outside the XDG folders the tests search for leaked
 * secrets: the platform keeps its apps' secrets, as the real one does), and a developer
 * set up through the console API over HTTP, the way the app does it: sign in as a sandbox
 * member, join as a developer with the SMS code, order a solution with a new app. */

typedef struct
{
  gboolean  done;
  char     *base_url;
  GError   *error;
} Started;

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Started *started = user_data;

  started->base_url = op_embedded_platform_start_finish (OP_EMBEDDED_PLATFORM (object), result,
                                                         &started->error);
  started->done = TRUE;
}

typedef struct
{
  gboolean  done;
  GBytes   *body;
  GError   *error;
} Sent;

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Sent *sent = user_data;

  sent->body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &sent->error);
  sent->done = TRUE;
}

JsonObject *
op_test_platform_console (OpTestPlatform *self,
                          const char     *method,
                          const char     *path,
                          const char     *json_body,
                          guint          *status)
{
  g_autofree char *url = g_strconcat (self->base_url, "/api/v1/", path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Sent sent = { 0 };

  g_assert_nonnull (message);
  if (self->console_token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", self->console_token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", bearer);
    }
  if (json_body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, NULL,
                                    sent_cb, &sent);
  op_test_env_run_until (&sent.done);
  g_assert_no_error (sent.error);

  if (status != NULL)
    *status = soup_message_get_status (message);

  json_parser_load_from_data (parser, g_bytes_get_data (sent.body, NULL),
                              g_bytes_get_size (sent.body), &error);
  g_assert_no_error (error);
  g_bytes_unref (sent.body);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
console_ok (OpTestPlatform *self,
            const char     *method,
            const char     *path,
            const char     *json_body)
{
  guint status = 0;
  JsonObject *answer = op_test_platform_console (self, method, path, json_body, &status);

  if (status < 200 || status >= 300)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), answer);
      g_autofree char *text = json_to_string (node, FALSE);

      g_error ("%s %s: HTTP %u %s", method, path, status, text);
    }

  return answer;
}

/* Orders the test solution with a new app; returns its AppKey and secret. */
char *
op_test_platform_new_app (OpTestPlatform  *self,
                          const char      *callback_url,
                          char           **app_secret)
{
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *body = NULL;
  JsonObject *app;
  static guint counter;

  counter++;
  if (callback_url != NULL)
    body = g_strdup_printf ("{\"new_app\":{\"name\":\"测试应用%u\",\"app_type\":\"self_use\","
                            "\"callback_url\":\"%s\"}}", counter, callback_url);
  else
    body = g_strdup_printf ("{\"new_app\":{\"name\":\"测试应用%u\",\"app_type\":\"self_use\"}}",
                            counter);

  answer = console_ok (self, "POST", "solutions/" OP_TEST_SOLUTION_ID "/orders", body);
  app = json_object_get_object_member (answer, "app");
  g_assert_nonnull (app);

  *app_secret = g_strdup (json_object_get_string_member (app, "app_secret"));
  g_assert_nonnull (*app_secret);

  return g_strdup (json_object_get_string_member (app, "app_key"));
}

OpTestPlatform *
op_test_platform_new (const char *db_name)
{
  g_autoptr(OpTestPlatform) self = g_new0 (OpTestPlatform, 1);
  g_autofree char *dir = g_build_filename (op_test_env_get_scratch (), "platform", NULL);
  g_autofree char *db_path = g_build_filename (dir, db_name, NULL);
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(JsonObject) messages = NULL;
  g_autofree char *onboarding = NULL;
  JsonArray *list;
  const char *code;
  Started started = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  self->platform = op_embedded_platform_new (db_path);
  op_embedded_platform_start_async (self->platform, NULL, started_cb, &started);
  op_test_env_run_until (&started.done);
  g_assert_no_error (started.error);
  self->base_url = started.base_url;
  self->gateway_url = g_strconcat (self->base_url, "/openapi", NULL);
  self->session = soup_session_new ();

  answer = console_ok (self, "POST", "session",
                       "{\"login\":\"" OP_TEST_MEMBER "\",\"password\":\"" OP_TEST_PASSWORD "\"}");
  self->console_token = g_strdup (json_object_get_string_member (answer, "token"));
  g_assert_nonnull (self->console_token);
  g_clear_pointer (&answer, json_object_unref);

  answer = console_ok (self, "POST", "onboarding/sms", "{\"mobile\":\"13800138000\"}");
  g_clear_pointer (&answer, json_object_unref);

  messages = console_ok (self, "GET", "sandbox/sms", NULL);
  list = json_object_get_array_member (messages, "messages");
  g_assert_cmpuint (json_array_get_length (list), >, 0);
  code = json_object_get_string_member (json_array_get_object_element (list, 0), "code");

  onboarding = g_strdup_printf ("{\"mobile\":\"13800138000\",\"sms_code\":\"%s\","
                                "\"contact_name\":\"测试\",\"email\":\"dev@example.com\","
                                "\"developer_type\":\"self_use\"}", code);
  answer = console_ok (self, "POST", "onboarding", onboarding);

  self->app_key = op_test_platform_new_app (self, NULL, &self->app_secret);

  return g_steal_pointer (&self);
}

void
op_test_platform_free (OpTestPlatform *self)
{
  if (self->platform != NULL)
    op_embedded_platform_stop (self->platform);
  g_clear_object (&self->platform);
  g_clear_object (&self->session);
  g_free (self->base_url);
  g_free (self->gateway_url);
  g_free (self->console_token);
  g_free (self->app_key);
  g_free (self->app_secret);
  g_free (self);
}
