/* op-oauth-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "op-token.h"

G_BEGIN_DECLS

/* The path of the loopback redirect: http://127.0.0.1:PORT/callback */
#define OP_OAUTH_FLOW_CALLBACK_PATH "/callback"

#define OP_OAUTH_FLOW_ERROR (op_oauth_flow_error_quark ())

/**
 * OpOAuthFlowError:
 * @OP_OAUTH_FLOW_ERROR_STATE_MISMATCH: the redirect's `state` is not this flow's
 * @OP_OAUTH_FLOW_ERROR_DENIED: the member refused to authorize the app
 * @OP_OAUTH_FLOW_ERROR_NO_CODE: the pasted text holds no authorization code
 * @OP_OAUTH_FLOW_ERROR_NOT_STARTED: op_oauth_flow_begin() was not called, or the flow is over
 * @OP_OAUTH_FLOW_ERROR_LISTEN_FAILED: no loopback port could be opened for the redirect
 * @OP_OAUTH_FLOW_ERROR_EXCHANGE_FAILED: the platform did not give a token for the code
 * @OP_OAUTH_FLOW_ERROR_NO_REFRESH_TOKEN: the access token expired and there is no refresh
 *   token: authorize again
 * @OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED: the refresh token expired (or the platform no
 *   longer accepts it): authorize again
 */
typedef enum
{
  OP_OAUTH_FLOW_ERROR_STATE_MISMATCH,
  OP_OAUTH_FLOW_ERROR_DENIED,
  OP_OAUTH_FLOW_ERROR_NO_CODE,
  OP_OAUTH_FLOW_ERROR_NOT_STARTED,
  OP_OAUTH_FLOW_ERROR_LISTEN_FAILED,
  OP_OAUTH_FLOW_ERROR_EXCHANGE_FAILED,
  OP_OAUTH_FLOW_ERROR_NO_REFRESH_TOKEN,
  OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED,
} OpOAuthFlowError;

#define OP_TYPE_OAUTH_FLOW (op_oauth_flow_get_type ())

G_DECLARE_FINAL_TYPE (OpOAuthFlow, op_oauth_flow, OP, OAUTH_FLOW, GObject)

GQuark       op_oauth_flow_error_quark         (void);

OpOAuthFlow *op_oauth_flow_new                 (SoupSession          *session,
                                                const char           *auth_url,
                                                const char           *gateway_url,
                                                const char           *app_key,
                                                const char           *app_secret);
void         op_oauth_flow_set_redirect_uri    (OpOAuthFlow          *self,
                                                const char           *redirect_uri);
const char  *op_oauth_flow_get_redirect_uri    (OpOAuthFlow          *self);
const char  *op_oauth_flow_get_authorize_url   (OpOAuthFlow          *self);
const char  *op_oauth_flow_get_app_key         (OpOAuthFlow          *self);

const char  *op_oauth_flow_begin               (OpOAuthFlow          *self,
                                                GError              **error);
gboolean     op_oauth_flow_submit_pasted       (OpOAuthFlow          *self,
                                                const char           *url_or_code,
                                                GError              **error);
void         op_oauth_flow_cancel              (OpOAuthFlow          *self);

void         op_oauth_flow_wait_async          (OpOAuthFlow          *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
OpToken     *op_oauth_flow_wait_finish         (OpOAuthFlow          *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void         op_oauth_refresh_async            (SoupSession          *session,
                                                const char           *gateway_url,
                                                const char           *app_key,
                                                const char           *app_secret,
                                                OpToken              *token,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
OpToken     *op_oauth_refresh_finish           (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
