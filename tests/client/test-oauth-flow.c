/* test-oauth-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-gateway-client.h"
#include "op-oauth-flow.h"
#include "op-secret-store.h"
#include "op-test-env.h"
#include "op-test-outcome.h"
#include "op-test-platform.h"
#include "op-token-keeper.h"

/* OAuth end to end against the real sandbox service started in-process and a real
 * gnome-keyring on a private bus. The test plays the browser: it opens the authorize
 * page, signs in as a sandbox member, grants, and follows the redirect to the flow's
 * loopback listener (or pastes it, for a registered callback address). */

#define CALLBACK_URL "https://example.com/oauth/callback"

static OpTestPlatform *platform;
static SoupSession *session;

/* --- The browser ---------------------------------------------------------- */

static char *
form_encode (GHashTable *fields)
{
  GString *string = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (string->len > 0)
        g_string_append_c (string, '&');
      op_request_append_form_encoded (string, key);
      g_string_append_c (string, '=');
      op_request_append_form_encoded (string, value);
    }

  return g_string_free (string, FALSE);
}

static char *
page_text (GBytes *body)
{
  return g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/* Opens @authorize_url, signs in, and answers the grant page with @action ("grant" or
 * "deny"). Returns: where the platform redirects the browser. */
static char *
consent (const char *authorize_url,
         const char *action)
{
  g_autoptr(SoupSession) browser = soup_session_new ();
  g_autoptr(GUri) uri = g_uri_parse (authorize_url, G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SoupMessageHeaders) headers = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;
  g_autofree char *form = NULL;
  g_autofree char *post_url = NULL;
  g_autofree char *form_token = NULL;
  guint status = 0;

  soup_session_add_feature_by_type (browser, SOUP_TYPE_COOKIE_JAR);

  /* The authorize page asks the member to sign in first. */
  body = op_test_env_http (browser, "GET", authorize_url, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  text = page_text (body);
  g_assert_nonnull (strstr (text, "name=\"login\""));
  g_clear_pointer (&body, g_bytes_unref);
  g_clear_pointer (&text, g_free);

  fields = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  g_assert_nonnull (fields);
  post_url = g_strdup_printf ("%s/oauth/authorize", platform->base_url);

  g_hash_table_insert (fields, g_strdup ("action"), g_strdup ("login"));
  g_hash_table_insert (fields, g_strdup ("login"), g_strdup (OP_TEST_MEMBER));
  g_hash_table_insert (fields, g_strdup ("password"), g_strdup (OP_TEST_PASSWORD));
  form = form_encode (fields);
  body = op_test_env_http (browser, "POST", post_url, "application/x-www-form-urlencoded",
                           form, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  text = page_text (body);

  /* The grant page, tied to the browser's session. */
  regex = g_regex_new ("name=\"form_token\" value=\"([0-9a-f]+)\"", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, text, 0, &match));
  form_token = g_match_info_fetch (match, 1);

  g_hash_table_remove (fields, "login");
  g_hash_table_remove (fields, "password");
  g_hash_table_insert (fields, g_strdup ("action"), g_strdup (action));
  g_hash_table_insert (fields, g_strdup ("form_token"), g_strdup (form_token));
  g_clear_pointer (&form, g_free);
  g_clear_pointer (&body, g_bytes_unref);
  form = form_encode (fields);
  body = op_test_env_http (browser, "POST", post_url, "application/x-www-form-urlencoded",
                           form, &status, &headers);
  g_assert_cmpuint (status, ==, 302);

  return g_strdup (soup_message_headers_get_one (headers, "Location"));
}

/* Follows the redirect to the loopback listener, as the browser would. */
static char *
follow (const char *location,
        guint      *status)
{
  g_autoptr(SoupSession) browser = soup_session_new ();
  g_autoptr(GBytes) body = NULL;

  body = op_test_env_http (browser, "GET", location, NULL, NULL, status, NULL);

  return page_text (body);
}

/* --- Helpers ---------------------------------------------------------------- */

static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpTestOutcome *outcome = user_data;

  outcome->token = op_oauth_flow_wait_finish (OP_OAUTH_FLOW (object), result, &outcome->error);
  outcome->done = TRUE;
}

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  OpTestOutcome *outcome = user_data;

  outcome->token = op_oauth_refresh_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  OpTestOutcome *outcome = user_data;

  outcome->token = op_token_keeper_get_finish (OP_TOKEN_KEEPER (object), result,
                                               &outcome->refreshed, &outcome->error);
  outcome->done = TRUE;
}

static void
count_cb (OpOAuthFlow *flow,
          guint       *count)
{
  (*count)++;
}

static OpOAuthFlow *
new_flow (const char *app_key,
          const char *app_secret)
{
  return op_oauth_flow_new (session, platform->base_url, platform->gateway_url,
                            app_key, app_secret);
}

/* A whole authorization through the loopback listener. */
static OpToken *
authorize (const char *app_key,
           const char *app_secret)
{
  g_autoptr(OpOAuthFlow) flow = new_flow (app_key, app_secret);
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *page = NULL;
  OpTestOutcome outcome = { 0 };
  const char *url;
  guint status = 0;

  url = op_oauth_flow_begin (flow, &error);
  g_assert_no_error (error);
  op_oauth_flow_wait_async (flow, NULL, waited_cb, &outcome);

  location = consent (url, "grant");
  page = follow (location, &status);
  g_assert_cmpuint (status, ==, 200);

  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);

  return g_steal_pointer (&outcome.token);
}

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

/* Calls the API that needs a member's authorization with @access_token. */
static OpGatewayResult *
call_token_api (const char *app_key,
                const char *app_secret,
                const char *access_token)
{
  g_autoptr(OpGatewayClient) client = op_gateway_client_new (session, platform->gateway_url);
  g_autoptr(OpRequest) request = op_request_new (OP_TEST_TOKEN_NAMESPACE, OP_TEST_TOKEN_NAME,
                                                 app_key);
  Call call = { 0 };

  op_gateway_client_call_async (client, request, app_secret, access_token,
                                OP_GATEWAY_CALL_NONE, NULL, called_cb, &call);
  op_test_env_run_until (&call.done);
  g_assert_no_error (call.error);

  return call.result;
}

static void
store_token (OpSecretStore *secrets,
             const char    *app_key,
             OpToken       *token)
{
  OpTestOutcome outcome = { 0 };

  op_secret_store_store_token_async (secrets, platform->base_url, app_key, NULL, token, NULL,
                                     op_test_token_stored_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
}

static OpToken *
keep (OpTokenKeeper  *keeper,
      const char     *app_key,
      const char     *app_secret,
      gboolean       *refreshed,
      GError        **error)
{
  OpTestOutcome outcome = { 0 };
  OpToken *token;

  op_token_keeper_get_async (keeper, app_key, app_secret, NULL, NULL, kept_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  if (outcome.error != NULL)
    g_propagate_error (error, g_steal_pointer (&outcome.error));
  if (refreshed != NULL)
    *refreshed = outcome.refreshed;
  token = g_steal_pointer (&outcome.token);
  op_test_outcome_clear (&outcome);

  return token;
}

static void
assert_not_in_files (const char *what,
                     const char *value)
{
  g_autofree char *found = NULL;
  guint n_files = 0;

  found = op_test_env_find_in_files (value, &n_files);
  if (found != NULL)
    g_error ("The %s was found in %s", what, found);
  /* The walk did read files (the keyring's own file at least). */
  g_assert_cmpuint (n_files, >, 0);
}

/* --- Tests ------------------------------------------------------------------ */

static void
test_loopback (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autoptr(OpOAuthFlow) flow = NULL;
  g_autoptr(OpTokenKeeper) keeper = NULL;
  g_autoptr(OpToken) kept = NULL;
  g_autoptr(OpGatewayResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *location = NULL;
  g_autofree char *page = NULL;
  g_autofree char *again = NULL;
  g_autofree char *body = NULL;
  OpTestOutcome outcome = { 0 };
  const char *url;
  const char *redirect_uri;
  gboolean refreshed = TRUE;
  guint codes = 0;
  guint status = 0;

  /* The app's secret is in the keyring from its creation, as the app keeps it. */
  op_secret_store_store_async (secrets, OP_SECRET_KIND_APP_SECRET, platform->base_url,
                               platform->app_key, NULL, platform->app_secret, NULL,
                               op_test_secret_stored_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  op_test_outcome_clear (&outcome);

  op_secret_store_lookup_async (secrets, OP_SECRET_KIND_APP_SECRET, platform->base_url,
                                platform->app_key, NULL, NULL,
                                op_test_secret_looked_up_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  flow = new_flow (platform->app_key, outcome.secret);
  op_test_outcome_clear (&outcome);
  g_signal_connect (flow, "code-received", G_CALLBACK (count_cb), &codes);

  /* Begin: a listener on the loopback, and the authorize URL for the browser. */
  g_assert_null (op_oauth_flow_get_authorize_url (flow));
  url = op_oauth_flow_begin (flow, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (op_oauth_flow_get_authorize_url (flow), ==, url);
  g_assert_cmpstr (op_oauth_flow_begin (flow, NULL), ==, url);
  prefix = g_strdup_printf ("%s/oauth/authorize?client_id=%s&site=1688&redirect_uri=",
                            platform->base_url, platform->app_key);
  g_assert_true (g_str_has_prefix (url, prefix));

  redirect_uri = op_oauth_flow_get_redirect_uri (flow);
  g_assert_true (g_str_has_prefix (redirect_uri, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (redirect_uri, "/callback"));

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_WWW_FORM, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (query, "redirect_uri"), ==, redirect_uri);
  g_assert_cmpuint (strlen (g_hash_table_lookup (query, "state")), ==, 32);

  op_oauth_flow_wait_async (flow, NULL, waited_cb, &outcome);

  /* The browser: sign in, grant, and back to the listener. */
  location = consent (url, "grant");
  g_assert_true (g_str_has_prefix (location, redirect_uri));
  g_assert_nonnull (strstr (location, "code="));
  page = follow (location, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (page, "Authorization Complete"));

  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.token);
  g_assert_cmpuint (codes, ==, 1);
  g_assert_nonnull (op_token_get_access_token (outcome.token));
  g_assert_nonnull (op_token_get_refresh_token (outcome.token));
  g_assert_false (op_token_is_expired (outcome.token, NULL));
  g_assert_nonnull (op_token_get_refresh_token_expires_at (outcome.token));

  /* The listener is closed once the code is in. */
  {
    g_autoptr(SoupSession) browser = soup_session_new ();
    g_autoptr(SoupMessage) message = soup_message_new ("GET", location);
    g_autoptr(GBytes) bytes = NULL;

    bytes = soup_session_send_and_read (browser, message, NULL, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
    g_clear_error (&error);
  }
  g_assert_cmpuint (codes, ==, 1);

  /* Keep the tokens, then use them: the keeper finds them fresh. */
  store_token (secrets, platform->app_key, outcome.token);
  keeper = op_token_keeper_new (session, secrets, platform->base_url, platform->gateway_url);
  kept = keep (keeper, platform->app_key, platform->app_secret, &refreshed, &error);
  g_assert_no_error (error);
  g_assert_false (refreshed);
  g_assert_cmpstr (op_token_get_access_token (kept), ==,
                   op_token_get_access_token (outcome.token));

  result = call_token_api (platform->app_key, platform->app_secret,
                           op_token_get_access_token (kept));
  g_assert_cmpuint (op_gateway_result_get_status (result), ==, 200);
  g_assert_true (op_gateway_result_is_success (result));

  /* After the whole scenario, no file of the user's has a secret in it. */
  assert_not_in_files ("AppSecret", platform->app_secret);
  assert_not_in_files ("access token", op_token_get_access_token (outcome.token));
  assert_not_in_files ("refresh token", op_token_get_refresh_token (outcome.token));
  assert_not_in_files ("platform session", platform->console_token);

  op_test_outcome_clear (&outcome);
}

static void
test_refresh (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autoptr(OpTokenKeeper) keeper = NULL;
  g_autoptr(OpToken) token = NULL;
  g_autoptr(OpToken) renewed = NULL;
  g_autoptr(OpToken) stored = NULL;
  g_autoptr(OpGatewayResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *app_secret = NULL;
  OpTestOutcome outcome = { 0 };
  gboolean refreshed = FALSE;

  app_key = op_test_platform_new_app (platform, NULL, &app_secret);
  token = authorize (app_key, app_secret);
  store_token (secrets, app_key, token);

  /* A keeper that renews anything expiring within a day renews this 10-hour token, and
   * keeps the new one in the keyring. */
  keeper = op_token_keeper_new (session, secrets, platform->base_url, platform->gateway_url);
  op_token_keeper_set_margin (keeper, G_TIME_SPAN_DAY);
  renewed = keep (keeper, app_key, app_secret, &refreshed, &error);
  g_assert_no_error (error);
  g_assert_true (refreshed);
  g_assert_cmpstr (op_token_get_access_token (renewed), !=, op_token_get_access_token (token));
  g_assert_nonnull (op_token_get_refresh_token (renewed));
  g_assert_nonnull (op_token_get_refresh_token_expires_at (renewed));

  op_secret_store_lookup_token_async (secrets, platform->base_url, app_key, NULL, NULL,
                                      op_test_token_looked_up_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (op_token_get_access_token (outcome.token), ==,
                   op_token_get_access_token (renewed));
  g_assert_cmpstr (op_token_get_refresh_token (outcome.token), ==,
                   op_token_get_refresh_token (renewed));
  op_test_outcome_clear (&outcome);

  /* The renewed token works. */
  result = call_token_api (app_key, app_secret, op_token_get_access_token (renewed));
  g_assert_true (op_gateway_result_is_success (result));
  g_clear_object (&result);

  /* With the usual margin, the fresh token is handed out as it is. */
  op_token_keeper_set_margin (keeper, OP_TOKEN_KEEPER_DEFAULT_MARGIN);
  g_clear_object (&stored);
  stored = keep (keeper, app_key, app_secret, &refreshed, &error);
  g_assert_no_error (error);
  g_assert_false (refreshed);
  g_assert_cmpstr (op_token_get_access_token (stored), ==, op_token_get_access_token (renewed));

  assert_not_in_files ("access token", op_token_get_access_token (renewed));
  assert_not_in_files ("refresh token", op_token_get_refresh_token (renewed));
}

static OpToken *
token_from_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  OpToken *token = op_token_new_from_json (json, -1, NULL, &error);

  g_assert_no_error (error);

  return token;
}

static void
test_refresh_expired (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autoptr(OpTokenKeeper) keeper = NULL;
  g_autoptr(OpToken) expired = NULL;
  g_autoptr(OpToken) bogus = NULL;
  g_autoptr(OpToken) no_refresh = NULL;
  g_autoptr(OpToken) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *app_secret = NULL;
  OpTestOutcome outcome = { 0 };

  app_key = op_test_platform_new_app (platform, NULL, &app_secret);

  /* The refresh token's own expiry has passed: no need to ask the platform. */
  expired = token_from_json ("{\"access_token\":\"old-access-token-0123456789\","
                             "\"expires_in\":\"1\",\"resource_owner\":\"merchant\","
                             "\"refresh_token\":\"old-refresh-token-0123456789\","
                             "\"refresh_token_timeout\":\"20200101000000000+0800\"}");
  op_oauth_refresh_async (session, platform->gateway_url, app_key, app_secret, expired, NULL,
                          refreshed_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (op_token_get_refresh_token_expires_at (expired));
    g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");

    /* The date it expired, in the user's time. */
    g_assert_nonnull (strstr (outcome.error->message, when));
  }
  g_assert_nonnull (strstr (outcome.error->message, "Authorize the app again"));
  op_test_outcome_clear (&outcome);

  /* A refresh token the platform never issued (or no longer accepts). */
  bogus = token_from_json ("{\"access_token\":\"old-access-token-0123456789\","
                           "\"expires_in\":\"1\",\"resource_owner\":\"merchant\","
                           "\"refresh_token\":\"never-issued-0123456789\"}");
  op_oauth_refresh_async (session, platform->gateway_url, app_key, app_secret, bogus, NULL,
                          refreshed_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED);
  g_assert_nonnull (strstr (outcome.error->message, "Authorize the app again"));
  op_test_outcome_clear (&outcome);

  /* No refresh token at all. */
  no_refresh = token_from_json ("{\"access_token\":\"fixed-token-0123456789\","
                                "\"expires_in\":\"1\"}");
  op_oauth_refresh_async (session, platform->gateway_url, app_key, app_secret, no_refresh,
                          NULL, refreshed_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NO_REFRESH_TOKEN);
  op_test_outcome_clear (&outcome);

  /* Through the keeper: the stored authorization cannot be renewed, and it says so. */
  store_token (secrets, app_key, expired);
  keeper = op_token_keeper_new (session, secrets, platform->base_url, platform->gateway_url);
  kept = keep (keeper, app_key, app_secret, NULL, &error);
  g_assert_null (kept);
  g_assert_error (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED);
  g_clear_error (&error);

  /* And an app never authorized has nothing to hand out. */
  kept = keep (keeper, "1000000", app_secret, NULL, &error);
  g_assert_null (kept);
  g_assert_error (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND);
}

static void
test_state_checked (void)
{
  g_autoptr(OpOAuthFlow) flow = new_flow (platform->app_key, platform->app_secret);
  g_autoptr(GError) error = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *page = NULL;
  g_autofree char *location = NULL;
  OpTestOutcome outcome = { 0 };
  const char *url;
  guint codes = 0;
  guint status = 0;

  g_signal_connect (flow, "code-received", G_CALLBACK (count_cb), &codes);
  url = op_oauth_flow_begin (flow, &error);
  g_assert_no_error (error);
  op_oauth_flow_wait_async (flow, NULL, waited_cb, &outcome);

  /* A redirect with another state is refused, and the flow keeps waiting. */
  forged = g_strdup_printf ("%s?code=forged-code&state=0123456789abcdef0123456789abcdef",
                            op_oauth_flow_get_redirect_uri (flow));
  page = follow (forged, &status);
  g_assert_cmpuint (status, ==, 400);
  g_clear_pointer (&page, g_free);
  g_clear_pointer (&forged, g_free);
  forged = g_strdup_printf ("%s?code=forged-code", op_oauth_flow_get_redirect_uri (flow));
  page = follow (forged, &status);
  g_assert_cmpuint (status, ==, 400);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (outcome.done);
  g_assert_cmpuint (codes, ==, 0);

  /* Pasted text is checked the same way. */
  g_assert_false (op_oauth_flow_submit_pasted (flow, "http://127.0.0.1:1/callback?code=abc"
                                               "&state=0123456789abcdef0123456789abcdef", &error));
  g_assert_error (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_STATE_MISMATCH);
  g_clear_error (&error);
  g_assert_false (op_oauth_flow_submit_pasted (flow, "https://example.com/cb?code=abc", &error));
  g_assert_error (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_STATE_MISMATCH);
  g_clear_error (&error);
  g_assert_false (op_oauth_flow_submit_pasted (flow, "   ", &error));
  g_assert_error (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NO_CODE);
  g_clear_error (&error);
  g_assert_false (op_oauth_flow_submit_pasted (flow, "not a code at all", &error));
  g_assert_error (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NO_CODE);
  g_clear_error (&error);
  g_assert_cmpuint (codes, ==, 0);

  /* The real redirect still completes the flow. */
  location = consent (url, "grant");
  g_clear_pointer (&page, g_free);
  page = follow (location, &status);
  g_assert_cmpuint (status, ==, 200);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.token);
  g_assert_cmpuint (codes, ==, 1);

  /* Done: nothing more is taken. */
  g_assert_false (op_oauth_flow_submit_pasted (flow, "another-code", &error));
  g_assert_error (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NOT_STARTED);
  op_test_outcome_clear (&outcome);
}

static void
test_pasted_url (void)
{
  g_autoptr(OpOAuthFlow) flow = NULL;
  g_autoptr(OpGatewayResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *app_secret = NULL;
  g_autofree char *location = NULL;
  g_autofree char *wrong_url = NULL;
  g_autofree char *pasted = NULL;
  OpTestOutcome outcome = { 0 };
  const char *url;

  /* An app with a registered callback address, which the desktop cannot listen on. */
  app_key = op_test_platform_new_app (platform, CALLBACK_URL, &app_secret);
  flow = new_flow (app_key, app_secret);
  op_oauth_flow_set_redirect_uri (flow, CALLBACK_URL);

  url = op_oauth_flow_begin (flow, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (op_oauth_flow_get_redirect_uri (flow), ==, CALLBACK_URL);
  g_assert_nonnull (strstr (url, "redirect_uri=https%3A%2F%2Fexample.com%2Foauth%2Fcallback"));
  op_oauth_flow_wait_async (flow, NULL, waited_cb, &outcome);

  location = consent (url, "grant");
  g_assert_true (g_str_has_prefix (location, CALLBACK_URL "?"));

  /* The user copies the address bar (with spaces around, and a fragment). */
  pasted = g_strdup_printf ("  %s#top\n", location);
  g_assert_true (op_oauth_flow_submit_pasted (flow, pasted, &error));
  g_assert_no_error (error);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.token);

  result = call_token_api (app_key, app_secret, op_token_get_access_token (outcome.token));
  g_assert_true (op_gateway_result_is_success (result));
  op_test_outcome_clear (&outcome);
}

static void
test_pasted_code (void)
{
  g_autoptr(OpOAuthFlow) flow = NULL;
  g_autoptr(OpOAuthFlow) replay = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *app_key = NULL;
  g_autofree char *app_secret = NULL;
  g_autofree char *location = NULL;
  g_autofree char *code = NULL;
  OpTestOutcome outcome = { 0 };
  const char *url;

  app_key = op_test_platform_new_app (platform, CALLBACK_URL, &app_secret);
  flow = new_flow (app_key, app_secret);
  op_oauth_flow_set_redirect_uri (flow, CALLBACK_URL);
  url = op_oauth_flow_begin (flow, &error);
  g_assert_no_error (error);
  op_oauth_flow_wait_async (flow, NULL, waited_cb, &outcome);

  location = consent (url, "grant");
  uri = g_uri_parse (location, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_WWW_FORM, &error);
  g_assert_no_error (error);
  code = g_strdup (g_hash_table_lookup (query, "code"));
  g_assert_nonnull (code);

  /* Only the code. */
  g_assert_true (op_oauth_flow_submit_pasted (flow, code, &error));
  g_assert_no_error (error);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_nonnull (outcome.token);
  op_test_outcome_clear (&outcome);

  /* A code works once: another flow cannot use it again. */
  replay = new_flow (app_key, app_secret);
  op_oauth_flow_set_redirect_uri (replay, CALLBACK_URL);
  op_oauth_flow_begin (replay, &error);
  g_assert_no_error (error);
  g_assert_true (op_oauth_flow_submit_pasted (replay, code, &error));
  op_oauth_flow_wait_async (replay, NULL, waited_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_EXCHANGE_FAILED);
  g_assert_null (outcome.token);
  g_test_message ("Replayed code: %s", outcome.error->message);
  op_test_outcome_clear (&outcome);
}

static void
test_denied (void)
{
  g_autoptr(OpOAuthFlow) flow = new_flow (platform->app_key, platform->app_secret);
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *page = NULL;
  OpTestOutcome outcome = { 0 };
  const char *url;
  guint status = 0;

  url = op_oauth_flow_begin (flow, &error);
  g_assert_no_error (error);
  op_oauth_flow_wait_async (flow, NULL, waited_cb, &outcome);

  location = consent (url, "deny");
  g_assert_nonnull (strstr (location, "error=access_denied"));
  page = follow (location, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (page, "Authorization Refused"));

  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_DENIED);
  g_assert_null (outcome.token);
  op_test_outcome_clear (&outcome);

  /* Waiting again gives the same outcome at once. */
  op_oauth_flow_wait_async (flow, NULL, waited_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_DENIED);
  op_test_outcome_clear (&outcome);
}

static void
test_cancelled (void)
{
  g_autoptr(OpOAuthFlow) flow = new_flow (platform->app_key, platform->app_secret);
  g_autoptr(OpOAuthFlow) idle = new_flow (platform->app_key, platform->app_secret);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *redirect_uri = NULL;
  OpTestOutcome outcome = { 0 };

  /* Not begun. */
  op_oauth_flow_wait_async (idle, NULL, waited_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NOT_STARTED);
  op_test_outcome_clear (&outcome);
  g_assert_false (op_oauth_flow_submit_pasted (idle, "some-code", &error));
  g_assert_error (error, OP_OAUTH_FLOW_ERROR, OP_OAUTH_FLOW_ERROR_NOT_STARTED);
  g_clear_error (&error);

  /* Cancelled while waiting: the wait ends, and the listener closes. */
  op_oauth_flow_begin (flow, &error);
  g_assert_no_error (error);
  redirect_uri = g_strdup (op_oauth_flow_get_redirect_uri (flow));
  op_oauth_flow_wait_async (flow, cancellable, waited_cb, &outcome);
  g_cancellable_cancel (cancellable);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  op_test_outcome_clear (&outcome);

  {
    g_autoptr(SoupSession) browser = soup_session_new ();
    g_autoptr(SoupMessage) message = soup_message_new ("GET", redirect_uri);
    g_autoptr(GBytes) bytes = NULL;

    bytes = soup_session_send_and_read (browser, message, NULL, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  op_test_env_setup (OP_TEST_ENV_KEYRING);
  g_test_init (&argc, &argv, NULL);

  platform = op_test_platform_new ("oauth.db");
  session = soup_session_new ();

  g_test_add_func ("/client/oauth-flow/loopback", test_loopback);
  g_test_add_func ("/client/oauth-flow/refresh", test_refresh);
  g_test_add_func ("/client/oauth-flow/refresh-expired", test_refresh_expired);
  g_test_add_func ("/client/oauth-flow/state-checked", test_state_checked);
  g_test_add_func ("/client/oauth-flow/pasted-url", test_pasted_url);
  g_test_add_func ("/client/oauth-flow/pasted-code", test_pasted_code);
  g_test_add_func ("/client/oauth-flow/denied", test_denied);
  g_test_add_func ("/client/oauth-flow/cancelled", test_cancelled);

  status = g_test_run ();

  g_clear_object (&session);
  g_clear_pointer (&platform, op_test_platform_free);
  op_test_env_teardown ();

  return status;
}
