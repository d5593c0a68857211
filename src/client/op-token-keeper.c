/* op-token-keeper.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-token-keeper"

#include "config.h"

#include "op-token-keeper.h"
#include "op-loopback-proxy-resolver.h"
#include "op-oauth-flow.h"

/**
 * OpTokenKeeper:
 *
 * Hands out a member's access token for an app, renewing it first when it expires within
 * the margin (%OP_TOKEN_KEEPER_DEFAULT_MARGIN): the token comes from the keyring
 * (#OpSecretStore), is refreshed at the gateway's token API (op_oauth_refresh_async()),
 * and the new one goes back to the keyring before it is handed out.
 *
 * When the refresh token has expired or the platform no longer accepts it, the call fails
 * with %OP_OAUTH_FLOW_ERROR_REFRESH_EXPIRED (or _NO_REFRESH_TOKEN), whose message says to
 * authorize again; when there is no token at all, with %OP_SECRET_ERROR_NOT_FOUND.
 */
struct _OpTokenKeeper
{
  GObject        parent_instance;

  SoupSession   *session;
  OpSecretStore *store;
  char          *platform;
  char          *gateway_url;
  GTimeSpan      margin;
};

G_DEFINE_FINAL_TYPE (OpTokenKeeper, op_token_keeper, G_TYPE_OBJECT)

typedef struct
{
  char    *app_key;
  char    *app_secret;
  char    *account;
  OpToken *token;
  gboolean refreshed;
} GetData;

typedef struct
{
  OpToken  *token;
  gboolean  refreshed;
} GetResult;

static void
get_data_free (gpointer data)
{
  GetData *get = data;

  g_free (get->app_key);
  op_secret_free (get->app_secret);
  g_free (get->account);
  g_clear_object (&get->token);
  g_free (get);
}

static void
get_result_free (gpointer data)
{
  GetResult *get_result = data;

  g_clear_object (&get_result->token);
  g_free (get_result);
}

static void
return_token (GTask *task)
{
  GetData *get = g_task_get_task_data (task);
  GetResult *get_result = g_new0 (GetResult, 1);

  get_result->token = g_steal_pointer (&get->token);
  get_result->refreshed = get->refreshed;
  g_task_return_pointer (task, get_result, get_result_free);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* A renewed token that cannot be kept is not handed out: the keyring is the only place
   * tokens live, and the old refresh token may no longer work. */
  if (!op_secret_store_store_token_finish (OP_SECRET_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  return_token (task);
}

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpTokenKeeper *self = g_task_get_source_object (task);
  GetData *get = g_task_get_task_data (task);
  GError *error = NULL;
  OpToken *token;

  token = op_oauth_refresh_finish (result, &error);
  if (token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_debug ("Renewed the access token of app %s", get->app_key);

  g_clear_object (&get->token);
  get->token = token;
  get->refreshed = TRUE;

  op_secret_store_store_token_async (self->store, self->platform, get->app_key, get->account,
                                     token, g_task_get_cancellable (task), stored_cb,
                                     g_object_ref (task));
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpTokenKeeper *self = g_task_get_source_object (task);
  GetData *get = g_task_get_task_data (task);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) soon = NULL;
  g_autofree char *account = NULL;
  GError *error = NULL;

  get->token = op_secret_store_lookup_token_finish (OP_SECRET_STORE (object), result,
                                                    &account, &error);
  if (get->token == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (get->account == NULL)
    get->account = g_steal_pointer (&account);

  now = g_date_time_new_now_utc ();
  soon = g_date_time_add (now, self->margin);
  if (!op_token_is_expired (get->token, soon))
    {
      return_token (task);
      return;
    }

  op_oauth_refresh_async (self->session, self->gateway_url, get->app_key, get->app_secret,
                          get->token, g_task_get_cancellable (task), refreshed_cb,
                          g_object_ref (task));
}

static void
op_token_keeper_finalize (GObject *object)
{
  OpTokenKeeper *self = (OpTokenKeeper *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_free (self->platform);
  g_free (self->gateway_url);

  G_OBJECT_CLASS (op_token_keeper_parent_class)->finalize (object);
}

static void
op_token_keeper_class_init (OpTokenKeeperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_token_keeper_finalize;
}

static void
op_token_keeper_init (OpTokenKeeper *self)
{
  self->margin = OP_TOKEN_KEEPER_DEFAULT_MARGIN;
}

/**
 * op_token_keeper_new:
 * @session: (nullable): the application's session
 * @store: the secret store holding the tokens
 * @platform: the `platform` the tokens are stored under (see #OpSecretStore; for the
 *   built-in sandbox, op_endpoints_builtin_platform_id())
 * @gateway_url: the gateway whose token API renews them
 *
 * Returns: (transfer full): a new keeper
 */
OpTokenKeeper *
op_token_keeper_new (SoupSession   *session,
                     OpSecretStore *store,
                     const char    *platform,
                     const char    *gateway_url)
{
  OpTokenKeeper *self;

  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (OP_IS_SECRET_STORE (store), NULL);
  g_return_val_if_fail (platform != NULL, NULL);
  g_return_val_if_fail (gateway_url != NULL, NULL);

  self = g_object_new (OP_TYPE_TOKEN_KEEPER, NULL);
  if (session != NULL)
    {
      self->session = g_object_ref (session);
    }
  else
    {
      g_autoptr(GProxyResolver) resolver = op_loopback_proxy_resolver_new (NULL);

      self->session = soup_session_new_with_options ("proxy-resolver", resolver, NULL);
    }
  self->store = g_object_ref (store);
  self->platform = g_strdup (platform);
  self->gateway_url = g_strdup (gateway_url);

  return self;
}

GTimeSpan
op_token_keeper_get_margin (OpTokenKeeper *self)
{
  g_return_val_if_fail (OP_IS_TOKEN_KEEPER (self), 0);

  return self->margin;
}

/**
 * op_token_keeper_set_margin:
 * @self: a #OpTokenKeeper
 * @margin: renew an access token that expires within this time
 */
void
op_token_keeper_set_margin (OpTokenKeeper *self,
                            GTimeSpan      margin)
{
  g_return_if_fail (OP_IS_TOKEN_KEEPER (self));
  g_return_if_fail (margin >= 0);

  self->margin = margin;
}

/**
 * op_token_keeper_get_async:
 * @self: a #OpTokenKeeper
 * @app_key: the app
 * @app_secret: its AppSecret, needed to renew the token
 * @account: (nullable): the member; %NULL takes any member who authorized the app
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the token
 * @user_data: data for @callback
 *
 * Gets the stored token, renewed first if its access token expires within the margin.
 */
void
op_token_keeper_get_async (OpTokenKeeper       *self,
                           const char          *app_key,
                           const char          *app_secret,
                           const char          *account,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GetData *get;

  g_return_if_fail (OP_IS_TOKEN_KEEPER (self));
  g_return_if_fail (app_key != NULL && *app_key != '\0');
  g_return_if_fail (app_secret != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_token_keeper_get_async);

  get = g_new0 (GetData, 1);
  get->app_key = g_strdup (app_key);
  get->app_secret = g_strdup (app_secret);
  get->account = g_strdup (account);
  g_task_set_task_data (task, get, get_data_free);

  op_secret_store_lookup_token_async (self->store, self->platform, app_key, account,
                                      cancellable, looked_up_cb, g_steal_pointer (&task));
}

/**
 * op_token_keeper_get_finish:
 * @self: a #OpTokenKeeper
 * @result: the result given to the callback
 * @refreshed: (out) (optional): set to %TRUE if the token was just renewed
 * @error: %OP_SECRET_ERROR (no token, no keyring) or %OP_OAUTH_FLOW_ERROR (authorize
 *   again), or why the platform could not be reached
 *
 * Returns: (transfer full): a token whose access token is valid for at least the margin
 */
OpToken *
op_token_keeper_get_finish (OpTokenKeeper  *self,
                            GAsyncResult   *result,
                            gboolean       *refreshed,
                            GError        **error)
{
  GetResult *get_result;
  OpToken *token;

  g_return_val_if_fail (OP_IS_TOKEN_KEEPER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  get_result = g_task_propagate_pointer (G_TASK (result), error);
  if (get_result == NULL)
    return NULL;

  if (refreshed != NULL)
    *refreshed = get_result->refreshed;
  token = g_steal_pointer (&get_result->token);
  get_result_free (get_result);

  return token;
}
