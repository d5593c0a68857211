/* test-oauth.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-test-server.h"

/* OAuth: the authorize page, codes, tokens, refresh and postponeToken, and
 * access tokens at the gateway. */

#define PURCHASE_SOLUTION G_GINT64_CONSTANT (1703167400001)
#define REDIRECT "http://127.0.0.1:9/callback"

static OpTestServer *server;
static char *token;
static char *app_key;
static char *secret;

typedef struct
{
  guint  status;
  char  *body;
  char  *location;
  char  *cookie;
} Page;

static void
page_free (Page *page)
{
  g_free (page->body);
  g_free (page->location);
  g_free (page->cookie);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Page, page_free)

/* One browser request: no redirects followed, cookies by hand. */
static Page *
browse (const char *method,
        const char *path,
        const char *form,
        const char *cookie)
{
  g_autofree char *url = g_strconcat (op_test_server_get_url (server), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Page *page = g_new0 (Page, 1);
  const char *set_cookie;
  const char *location;

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (cookie != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Cookie", cookie);
  if (form != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
    }

  bytes = soup_session_send_and_read (op_test_server_get_session (server), msg, NULL, &error);
  g_assert_no_error (error);

  page->status = soup_message_get_status (msg);
  page->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  location = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location");
  page->location = g_strdup (location);
  set_cookie = soup_message_headers_get_one (soup_message_get_response_headers (msg), "Set-Cookie");
  if (set_cookie != NULL)
    page->cookie = g_strndup (set_cookie, strcspn (set_cookie, ";"));

  return page;
}

static char *
between (const char *text,
         const char *before,
         const char *after)
{
  const char *start = strstr (text, before);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (before);
  end = strstr (start, after);

  return end != NULL ? g_strndup (start, end - start) : g_strdup (start);
}

static OpTestAnswer *
token_call (const char *name,
            const char *form)
{
  g_autofree char *path = g_strdup_printf ("/openapi/http/1/system.oauth2/%s/%s", name, app_key);

  return op_test_call_full (server, "POST", path, NULL, "application/x-www-form-urlencoded",
                            form, -1, NULL);
}

static void
test_authorize_page (void)
{
  g_autofree char *query = g_strdup_printf ("/oauth/authorize?client_id=%s&site=1688&"
                                            "redirect_uri=%s&state=s1", app_key, REDIRECT);
  g_autofree char *bad_client = g_strdup_printf ("/oauth/authorize?client_id=0000001&"
                                                 "redirect_uri=%s&state=s1", REDIRECT);
  g_autofree char *bad_redirect = g_strdup_printf ("/oauth/authorize?client_id=%s&"
                                                   "redirect_uri=https://evil.example/cb&state=s1",
                                                   app_key);
  g_autofree char *wrong_login = NULL;
  g_autofree char *login = NULL;
  g_autofree char *form_token = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *deny = NULL;
  g_autofree char *forged = NULL;
  g_autoptr(Page) first = browse ("GET", query, NULL, NULL);
  g_autoptr(Page) no_client = NULL;
  g_autoptr(Page) evil = NULL;
  g_autoptr(Page) wrong = NULL;
  g_autoptr(Page) signed_in = NULL;
  g_autoptr(Page) again = NULL;
  g_autoptr(Page) refused = NULL;
  g_autoptr(Page) denied = NULL;
  g_autoptr(Page) granted = NULL;

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_nonnull (strstr (first->body, "name=\"password\""));
  g_assert_nonnull (strstr (first->body, "lang=\"zh-CN\""));

  no_client = browse ("GET", bad_client, NULL, NULL);
  g_assert_cmpuint (no_client->status, ==, 400);
  evil = browse ("GET", bad_redirect, NULL, NULL);
  g_assert_cmpuint (evil->status, ==, 400);
  g_assert_null (evil->location);

  wrong_login = soup_form_encode ("client_id", app_key, "redirect_uri", REDIRECT, "state", "s1",
                                  "action", "login", "login", "merchant", "password", "nope", NULL);
  wrong = browse ("POST", "/oauth/authorize", wrong_login, NULL);
  g_assert_cmpuint (wrong->status, ==, 401);
  g_assert_null (wrong->cookie);

  login = soup_form_encode ("client_id", app_key, "redirect_uri", REDIRECT, "state", "s1",
                            "action", "login", "login", "merchant", "password", "sandbox", NULL);
  signed_in = browse ("POST", "/oauth/authorize", login, NULL);
  g_assert_cmpuint (signed_in->status, ==, 200);
  g_assert_nonnull (signed_in->cookie);
  g_assert_nonnull (strstr (signed_in->body, "value=\"grant\""));
  form_token = between (signed_in->body, "name=\"form_token\" value=\"", "\"");

  /* With the cookie, the page goes straight to the grant. */
  again = browse ("GET", query, NULL, signed_in->cookie);
  g_assert_nonnull (strstr (again->body, "value=\"grant\""));

  forged = soup_form_encode ("client_id", app_key, "redirect_uri", REDIRECT, "state", "s1",
                             "action", "grant", "form_token", "forged", NULL);
  refused = browse ("POST", "/oauth/authorize", forged, signed_in->cookie);
  g_assert_cmpuint (refused->status, ==, 403);
  g_assert_null (refused->location);

  deny = soup_form_encode ("client_id", app_key, "redirect_uri", REDIRECT, "state", "s1",
                           "action", "deny", "form_token", form_token, NULL);
  denied = browse ("POST", "/oauth/authorize", deny, signed_in->cookie);
  g_assert_cmpuint (denied->status, ==, 302);
  g_assert_cmpstr (denied->location, ==, REDIRECT "?error=access_denied&state=s1");

  grant = soup_form_encode ("client_id", app_key, "redirect_uri", REDIRECT, "state", "s1",
                            "action", "grant", "form_token", form_token, NULL);
  granted = browse ("POST", "/oauth/authorize", grant, signed_in->cookie);
  g_assert_cmpuint (granted->status, ==, 302);
  g_assert_true (g_str_has_prefix (granted->location, REDIRECT "?code="));
  g_assert_true (g_str_has_suffix (granted->location, "&state=s1"));
}

/* A fresh code through the pages. */
static char *
new_code (void)
{
  g_autofree char *login = soup_form_encode ("client_id", app_key, "redirect_uri", REDIRECT,
                                             "state", "s", "action", "login", "login", "buyer",
                                             "password", "sandbox", NULL);
  g_autoptr(Page) signed_in = browse ("POST", "/oauth/authorize", login, NULL);
  g_autofree char *form_token = between (signed_in->body, "name=\"form_token\" value=\"", "\"");
  g_autofree char *grant = soup_form_encode ("client_id", app_key, "redirect_uri", REDIRECT,
                                             "state", "s", "action", "grant",
                                             "form_token", form_token, NULL);
  g_autoptr(Page) granted = browse ("POST", "/oauth/authorize", grant, signed_in->cookie);

  g_assert_cmpuint (granted->status, ==, 302);

  return between (granted->location, "code=", "&");
}

static char *
code_form (const char *code,
           const char *client_secret,
           const char *redirect)
{
  return soup_form_encode ("grant_type", "authorization_code", "need_refresh_token", "true",
                           "client_id", app_key, "client_secret", client_secret,
                           "redirect_uri", redirect, "code", code, NULL);
}

static void
test_code_exchange (void)
{
  g_autofree char *code = new_code ();
  g_autofree char *form = code_form (code, secret, REDIRECT);
  g_autofree char *wrong_secret = code_form (code, "nope", REDIRECT);
  g_autofree char *wrong_redirect = NULL;
  g_autoptr(OpTestAnswer) bad_client = NULL;
  g_autoptr(OpTestAnswer) bad_redirect = NULL;
  g_autoptr(OpTestAnswer) tokens = NULL;
  g_autoptr(OpTestAnswer) reused = NULL;
  g_autoptr(OpTestAnswer) get = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *stale_form = NULL;
  g_autoptr(OpTestAnswer) expired = NULL;

  bad_client = token_call ("getToken", wrong_secret);
  g_assert_cmpuint (bad_client->status, ==, 401);
  g_assert_cmpstr (op_test_string (bad_client->body, "error"), ==, "invalid_client");

  wrong_redirect = code_form (code, secret, "http://127.0.0.1:9/other");
  bad_redirect = token_call ("getToken", wrong_redirect);
  g_assert_cmpuint (bad_redirect->status, ==, 400);
  g_assert_cmpstr (op_test_string (bad_redirect->body, "error"), ==, "invalid_grant");

  tokens = token_call ("getToken", form);
  g_assert_cmpuint (tokens->status, ==, 200);
  g_assert_cmpstr (op_test_string (tokens->body, "expires_in"), ==, "36000");
  g_assert_cmpstr (op_test_string (tokens->body, "resource_owner"), ==, "buyer");
  g_assert_cmpstr (op_test_string (tokens->body, "memberId"), ==, "b2b-2200000002");
  g_assert_cmpstr (op_test_string (tokens->body, "aliId"), ==, "2200000002");
  g_assert_nonnull (op_test_string (tokens->body, "access_token"));
  g_assert_nonnull (op_test_string (tokens->body, "refresh_token"));
  g_assert_true (g_regex_match_simple ("^[0-9]{17}\\+0800$",
                                       op_test_string (tokens->body, "refresh_token_timeout"), 0, 0));

  /* A code is good once. */
  reused = token_call ("getToken", form);
  g_assert_cmpuint (reused->status, ==, 400);
  g_assert_cmpstr (op_test_string (reused->body, "error"), ==, "invalid_grant");

  /* And for 2 minutes. */
  stale = new_code ();
  op_test_sql_exec (server, "UPDATE oauth_codes SET expires_at = expires_at - 121 WHERE used = 0");
  stale_form = code_form (stale, secret, REDIRECT);
  expired = token_call ("getToken", stale_form);
  g_assert_cmpuint (expired->status, ==, 400);
  g_assert_cmpstr (op_test_string (expired->body, "error"), ==, "invalid_grant");

  /* The token endpoint takes POST only. */
  {
    g_autofree char *path = g_strdup_printf ("/openapi/http/1/system.oauth2/getToken/%s", app_key);

    get = op_test_call_full (server, "GET", path, NULL, NULL, NULL, -1, NULL);
    g_assert_cmpuint (get->status, ==, 405);
  }
}

static OpTestAnswer *
order_list (const char *access_token)
{
  g_autoptr(OpRequest) request = op_request_new ("com.alibaba.trade",
                                                 "alibaba.trade.getBuyerOrderList", app_key);

  if (access_token != NULL)
    op_request_set_param (request, "access_token", access_token);

  return op_test_gateway (server, request, secret);
}

static void
test_access_token_at_gateway (void)
{
  g_autofree char *refresh = NULL;
  g_autofree char *access = op_test_oauth_token (server, app_key, secret, "merchant", &refresh);
  g_autoptr(OpTestAnswer) ok = order_list (access);
  g_autoptr(OpTestAnswer) junk = order_list ("0000");
  g_autoptr(OpTestAnswer) expired = NULL;
  g_autoptr(OpRequest) acl = NULL;
  g_autoptr(OpTestAnswer) acl_answer = NULL;
  g_autoptr(JsonObject) other = NULL;

  g_assert_cmpuint (ok->status, ==, 200);
  g_assert_nonnull (strstr (ok->text, "totalRecord"));
  g_assert_cmpuint (junk->status, ==, 401);

  /* Past the token: an API of no ordered solution is refused by the ACL,
   * before its missing parameters are looked at. */
  acl = op_request_new ("com.alibaba.product", "alibaba.product.get", app_key);
  op_request_set_param (acl, "access_token", access);
  acl_answer = op_test_gateway (server, acl, secret);
  g_assert_cmpuint (acl_answer->status, ==, 400);
  g_assert_cmpstr (op_test_string (acl_answer->body, "error_code"), ==, "gw.APIACLDecline");

  /* Another app's token does not work here. */
  other = op_test_create_app (server, token, PURCHASE_SOLUTION, "self_use");
  {
    JsonObject *app = json_object_get_object_member (other, "app");
    const char *other_key = json_object_get_string_member (app, "app_key");
    const char *other_secret = json_object_get_string_member (app, "app_secret");
    g_autofree char *other_access = op_test_oauth_token (server, other_key, other_secret,
                                                         "merchant", NULL);
    g_autoptr(OpTestAnswer) foreign = order_list (other_access);

    g_assert_cmpuint (foreign->status, ==, 401);
  }

  /* Access tokens last 10 hours. */
  op_test_sql_exec (server, "UPDATE oauth_access_tokens SET expires_at = expires_at - 36001");
  expired = order_list (access);
  g_assert_cmpuint (expired->status, ==, 401);

  /* Refresh: a new access token, both spellings of the parameter. */
  {
    g_autofree char *form = soup_form_encode ("grant_type", "refresh_token", "client_id", app_key,
                                              "client_secret", secret, "refresh_token", refresh,
                                              NULL);
    g_autofree char *camel = soup_form_encode ("grant_type", "refresh_token", "client_id", app_key,
                                               "client_secret", secret, "refreshToken", refresh,
                                               NULL);
    g_autoptr(OpTestAnswer) refreshed = token_call ("getToken", form);
    g_autoptr(OpTestAnswer) refreshed_camel = token_call ("getToken", camel);
    g_autoptr(OpTestAnswer) works = NULL;

    g_assert_cmpuint (refreshed->status, ==, 200);
    g_assert_cmpuint (refreshed_camel->status, ==, 200);
    g_assert_null (op_test_string (refreshed->body, "refresh_token"));
    works = order_list (op_test_string (refreshed->body, "access_token"));
    g_assert_cmpuint (works->status, ==, 200);
  }
}

static void
test_postpone (void)
{
  g_autofree char *refresh = NULL;
  g_autofree char *access = op_test_oauth_token (server, app_key, secret, "merchant", &refresh);
  g_autofree char *form = soup_form_encode ("client_id", app_key, "client_secret", secret,
                                            "refresh_token", refresh, "access_token", access, NULL);
  g_autofree char *param2_path = g_strdup_printf ("/openapi/param2/1/system.oauth2/postponeToken/%s",
                                                  app_key);
  g_autoptr(OpTestAnswer) too_early = token_call ("postponeToken", form);
  g_autoptr(OpTestAnswer) postponed = NULL;
  g_autoptr(OpTestAnswer) old_refresh = NULL;
  g_autofree char *refresh_form = NULL;

  g_assert_cmpuint (too_early->status, ==, 400);

  op_test_sql_exec (server, "UPDATE oauth_grants SET refresh_expires_at = strftime('%s', 'now') + 864000 "
                            "WHERE id = (SELECT MAX(id) FROM oauth_grants)");
  postponed = op_test_call_full (server, "POST", param2_path, NULL,
                                 "application/x-www-form-urlencoded", form, -1, NULL);
  g_assert_cmpuint (postponed->status, ==, 200);
  g_assert_cmpstr (op_test_string (postponed->body, "refresh_token"), !=, refresh);

  /* The old refresh token stops working. */
  refresh_form = soup_form_encode ("grant_type", "refresh_token", "client_id", app_key,
                                   "client_secret", secret, "refresh_token", refresh, NULL);
  old_refresh = token_call ("getToken", refresh_form);
  g_assert_cmpuint (old_refresh->status, ==, 400);
}

static void
test_callback_domain (void)
{
  g_autoptr(OpTestAnswer) created = NULL;
  g_autofree char *path = g_strdup_printf ("/solutions/%" G_GINT64_FORMAT "/orders", PURCHASE_SOLUTION);
  g_autofree char *same_host = NULL;
  g_autofree char *other_host = NULL;
  g_autoptr(Page) allowed = NULL;
  g_autoptr(Page) refused = NULL;
  const char *key;

  created = op_test_call (server, "POST", path, token,
                          "{\"new_app\": {\"name\": \"回调测试\", \"app_type\": \"self_use\", "
                          "\"callback_url\": \"https://shop.example.com/oauth/callback\"}}");
  g_assert_cmpuint (created->status, ==, 201);
  key = op_test_string (created->body, "app.app_key");

  same_host = g_strdup_printf ("/oauth/authorize?client_id=%s&redirect_uri="
                               "https://shop.example.com/other&state=x", key);
  other_host = g_strdup_printf ("/oauth/authorize?client_id=%s&redirect_uri="
                                "https://evil.example.com/oauth/callback&state=x", key);
  allowed = browse ("GET", same_host, NULL, NULL);
  g_assert_cmpuint (allowed->status, ==, 200);
  refused = browse ("GET", other_host, NULL, NULL);
  g_assert_cmpuint (refused->status, ==, 400);
}

int
main (int    argc,
      char **argv)
{
  OpServiceOptions options;
  g_autoptr(JsonObject) created = NULL;
  JsonObject *app;
  int status;

  g_test_init (&argc, &argv, NULL);

  op_service_options_init (&options);
  options.review_mode = OP_REVIEW_MODE_MANUAL;
  server = op_test_server_new (&options);

  token = op_test_onboard (server, "merchant", "self_use");
  created = op_test_create_app (server, token, PURCHASE_SOLUTION, "self_use");
  app = json_object_get_object_member (created, "app");
  app_key = g_strdup (json_object_get_string_member (app, "app_key"));
  secret = g_strdup (json_object_get_string_member (app, "app_secret"));

  g_test_add_func ("/service/oauth/authorize-page", test_authorize_page);
  g_test_add_func ("/service/oauth/code-exchange", test_code_exchange);
  g_test_add_func ("/service/oauth/access-token-at-gateway", test_access_token_at_gateway);
  g_test_add_func ("/service/oauth/postpone", test_postpone);
  g_test_add_func ("/service/oauth/callback-domain", test_callback_domain);

  status = g_test_run ();

  g_free (token);
  g_free (app_key);
  g_free (secret);
  op_test_server_free (server);

  return status;
}
