/* op-oauth.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-oauth"

#include "config.h"

#include "op-oauth.h"

#include <string.h>

/*
 * The platform's OAuth 2.0 (protocol.md, "OAuth 2.0"):
 *
 *   authorize  {auth_base}/oauth/authorize?client_id&site=1688&redirect_uri&state
 *   getToken   POST {gateway}/http/1/system.oauth2/getToken/{appKey}, unsigned:
 *              grant_type=authorization_code&need_refresh_token=true&client_id&client_secret
 *                &redirect_uri&code, or grant_type=refresh_token&client_id&client_secret
 *                &refresh_token
 *   postpone   POST {gateway}/param2/1/system.oauth2/postponeToken/{appKey}:
 *              client_id, client_secret, refresh_token, access_token
 *
 * The requests are OpRequests, so their URL (op_request_build_url()) and body encoding are
 * the same as for every other call.
 */

static OpRequest *
token_request (const char *app_key,
               const char *grant_type)
{
  OpRequest *request;

  request = op_request_new (OP_OAUTH_NAMESPACE, OP_OAUTH_GET_TOKEN, app_key);
  op_request_set_protocol (request, OP_OAUTH_TOKEN_PROTOCOL);
  op_request_set_param (request, "grant_type", grant_type);

  return request;
}

/**
 * op_oauth_authorize_url:
 * @auth_base: the authorization server, e.g. `https://auth.1688.com`
 * @app_key: the app's AppKey (the OAuth `client_id`)
 * @redirect_uri: where the browser returns with `code` and `state`; its domain must match
 *   the app's registered OAuth callback URL
 * @state: an unguessable value the caller checks on the redirect
 *
 * Returns: (transfer full): the URL to open in the browser, with every value percent-encoded
 */
char *
op_oauth_authorize_url (const char *auth_base,
                        const char *app_key,
                        const char *redirect_uri,
                        const char *state)
{
  GString *string;
  gsize len;

  g_return_val_if_fail (auth_base != NULL, NULL);
  g_return_val_if_fail (app_key != NULL && *app_key != '\0', NULL);
  g_return_val_if_fail (redirect_uri != NULL && *redirect_uri != '\0', NULL);
  g_return_val_if_fail (state != NULL, NULL);

  len = strlen (auth_base);
  while (len > 0 && auth_base[len - 1] == '/')
    len--;

  string = g_string_new_len (auth_base, len);
  g_string_append (string, "/oauth/authorize?client_id=");
  op_request_append_form_encoded (string, app_key);
  g_string_append (string, "&site=" OP_OAUTH_SITE "&redirect_uri=");
  op_request_append_form_encoded (string, redirect_uri);
  g_string_append (string, "&state=");
  op_request_append_form_encoded (string, state);

  return g_string_free (string, FALSE);
}

/**
 * op_oauth_authorization_code_request:
 * @app_key: the app's AppKey
 * @app_secret: the app's AppSecret (sent as `client_secret`)
 * @redirect_uri: the same redirect URI as in the authorize URL
 * @code: the `code` from the redirect (valid 2 minutes, once)
 *
 * The getToken call that exchanges an authorization code for an access token and a refresh
 * token. It is sent unsigned: build its body with `op_request_build_body (request, NULL)`.
 *
 * Returns: (transfer full): the request
 */
OpRequest *
op_oauth_authorization_code_request (const char *app_key,
                                     const char *app_secret,
                                     const char *redirect_uri,
                                     const char *code)
{
  OpRequest *request;

  g_return_val_if_fail (app_key != NULL && *app_key != '\0', NULL);
  g_return_val_if_fail (app_secret != NULL, NULL);
  g_return_val_if_fail (redirect_uri != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  request = token_request (app_key, "authorization_code");
  op_request_set_param (request, "need_refresh_token", "true");
  op_request_set_param (request, "client_id", app_key);
  op_request_set_param (request, "client_secret", app_secret);
  op_request_set_param (request, "redirect_uri", redirect_uri);
  op_request_set_param (request, "code", code);

  return request;
}

/**
 * op_oauth_refresh_token_request:
 * @app_key: the app's AppKey
 * @app_secret: the app's AppSecret
 * @refresh_token: the newest refresh token
 *
 * The getToken call that gets a new access token with a refresh token. Sent unsigned.
 *
 * Returns: (transfer full): the request
 */
OpRequest *
op_oauth_refresh_token_request (const char *app_key,
                                const char *app_secret,
                                const char *refresh_token)
{
  OpRequest *request;

  g_return_val_if_fail (app_key != NULL && *app_key != '\0', NULL);
  g_return_val_if_fail (app_secret != NULL, NULL);
  g_return_val_if_fail (refresh_token != NULL, NULL);

  request = token_request (app_key, "refresh_token");
  op_request_set_param (request, "client_id", app_key);
  op_request_set_param (request, "client_secret", app_secret);
  op_request_set_param (request, "refresh_token", refresh_token);

  return request;
}

/**
 * op_oauth_postpone_token_request:
 * @app_key: the app's AppKey
 * @app_secret: the app's AppSecret
 * @refresh_token: the refresh token to renew (within 30 days of its expiry)
 * @access_token: a current access token
 *
 * The postponeToken call. It is a `param2` call, so op_oauth_postpone_token_body() signs it
 * like every other `param2` call.
 *
 * Returns: (transfer full): the request
 */
OpRequest *
op_oauth_postpone_token_request (const char *app_key,
                                 const char *app_secret,
                                 const char *refresh_token,
                                 const char *access_token)
{
  OpRequest *request;

  g_return_val_if_fail (app_key != NULL && *app_key != '\0', NULL);
  g_return_val_if_fail (app_secret != NULL, NULL);
  g_return_val_if_fail (refresh_token != NULL, NULL);
  g_return_val_if_fail (access_token != NULL, NULL);

  request = op_request_new (OP_OAUTH_NAMESPACE, OP_OAUTH_POSTPONE_TOKEN, app_key);
  op_request_set_param (request, "client_id", app_key);
  op_request_set_param (request, "client_secret", app_secret);
  op_request_set_param (request, "refresh_token", refresh_token);
  op_request_set_param (request, "access_token", access_token);

  return request;
}

/**
 * op_oauth_authorization_code_body:
 *
 * The form body of op_oauth_authorization_code_request() (unsigned):
 * `grant_type=authorization_code&need_refresh_token=true&client_id=…&client_secret=…
 * &redirect_uri=…&code=…`.
 *
 * Returns: (transfer full): the body
 */
char *
op_oauth_authorization_code_body (const char *app_key,
                                  const char *app_secret,
                                  const char *redirect_uri,
                                  const char *code)
{
  g_autoptr(OpRequest) request = NULL;

  request = op_oauth_authorization_code_request (app_key, app_secret, redirect_uri, code);
  g_return_val_if_fail (request != NULL, NULL);

  return op_request_build_body (request, NULL);
}

/**
 * op_oauth_refresh_token_body:
 *
 * The form body of op_oauth_refresh_token_request() (unsigned):
 * `grant_type=refresh_token&client_id=…&client_secret=…&refresh_token=…`.
 *
 * Returns: (transfer full): the body
 */
char *
op_oauth_refresh_token_body (const char *app_key,
                             const char *app_secret,
                             const char *refresh_token)
{
  g_autoptr(OpRequest) request = NULL;

  request = op_oauth_refresh_token_request (app_key, app_secret, refresh_token);
  g_return_val_if_fail (request != NULL, NULL);

  return op_request_build_body (request, NULL);
}

/**
 * op_oauth_postpone_token_body:
 *
 * The form body of op_oauth_postpone_token_request(), signed with @app_secret:
 * `client_id=…&client_secret=…&refresh_token=…&access_token=…&_aop_signature=…`.
 *
 * Returns: (transfer full): the body
 */
char *
op_oauth_postpone_token_body (const char *app_key,
                              const char *app_secret,
                              const char *refresh_token,
                              const char *access_token)
{
  g_autoptr(OpRequest) request = NULL;

  request = op_oauth_postpone_token_request (app_key, app_secret, refresh_token, access_token);
  g_return_val_if_fail (request != NULL, NULL);

  return op_request_build_body (request, app_secret);
}
