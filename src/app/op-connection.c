/* op-connection.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-connection"

#include "config.h"

#include <glib/gi18n.h>

#include "op-connection.h"
#include "op-embedded-platform.h"
#include "op-endpoints.h"
#include "op-session.h"
#include "op-service-paths.h"

/* The app's link to the platform: the built-in sandbox started in-process
 * (or a platform URL from Preferences), the one platform client, and who is
 * signed in. The session token lives in the keyring only; a restart signs
 * back in from there.
 */
#define PROBE_INTERVAL_SECONDS 5

/* Values of the PlatformKind enum in the schema. */
enum {
  PLATFORM_BUILTIN = 0,
};

struct _OpConnection
{
  GObject             parent_instance;

  GSettings          *settings;
  SoupSession        *session;
  OpSecretStore      *secrets;
  OpEmbeddedPlatform *embedded;
  OpPlatformClient   *client;
  OpAccount          *account;
  GCancellable       *cancellable;
  char               *base_url;
  char               *platform_id;
  char               *error_message;
  OpConnectionState   state;
  guint               probe_source;
  gboolean            builtin;
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_BUILTIN,
  PROP_BASE_URL,
  PROP_CLIENT,
  PROP_ACCOUNT,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OpConnection, op_connection, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void op_connection_probe (OpConnection *self);

static gboolean
is_unreachable_error (const GError *error)
{
  return g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NETWORK) ||
         g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_TIMEOUT);
}

static void
op_connection_set_state (OpConnection      *self,
                         OpConnectionState  state,
                         const char        *error_message)
{
  if (g_strcmp0 (self->error_message, error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (error_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR_MESSAGE]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
    }
}

static gboolean
probe_timeout_cb (gpointer user_data)
{
  OpConnection *self = user_data;

  self->probe_source = 0;
  op_connection_probe (self);

  return G_SOURCE_REMOVE;
}

/* Unreachable: say so, and look again in a while until it answers. */
static void
op_connection_set_unreachable (OpConnection *self,
                               const GError *error)
{
  op_connection_set_state (self, OP_CONNECTION_UNREACHABLE, error->message);

  if (self->probe_source == 0)
    self->probe_source = g_timeout_add_seconds (PROBE_INTERVAL_SECONDS, probe_timeout_cb, self);
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(OpConnection) self = user_data;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = op_platform_client_get_account_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (is_unreachable_error (error))
    {
      op_connection_set_unreachable (self, error);
      return;
    }

  /* Any answer, even "not signed in", means the platform is there. */
  op_connection_set_state (self, OP_CONNECTION_READY, NULL);
  if (account != NULL)
    op_connection_set_account (self, account);
}

static void
op_connection_probe (OpConnection *self)
{
  if (self->client == NULL)
    return;

  op_platform_client_get_account_async (self->client, self->cancellable, probe_cb, g_object_ref (self));
}

static void
session_token_found_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(OpConnection) self = user_data;
  g_autoptr(GError) error = NULL;
  char *token;

  token = op_secret_store_lookup_finish (OP_SECRET_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL && !g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
    g_message ("Could not read the platform session from the keyring: %s", error->message);

  op_platform_client_set_session_token (self->client, token);
  op_secret_free (token);

  op_connection_probe (self);
}

/* Signs back in with the session kept in the keyring, if there is one. */
static void
op_connection_restore_session (OpConnection *self)
{
  op_secret_store_lookup_async (self->secrets,
                                OP_SECRET_KIND_PLATFORM_SESSION,
                                self->platform_id, NULL, NULL,
                                self->cancellable,
                                session_token_found_cb,
                                g_object_ref (self));
}

static void
client_session_expired_cb (OpConnection     *self,
                           OpPlatformClient *client)
{
  if (self->account == NULL)
    return;

  /* The kept token no longer works: forget it. The window hears of it
   * first, to remember where the user was, then sees the account go. */
  op_secret_store_clear_async (self->secrets, self->platform_id, NULL,
                               op_account_get_login (self->account), NULL, NULL, NULL);
  g_signal_emit (self, signals [SESSION_EXPIRED], 0);
  op_connection_set_account (self, NULL);
}

static void
op_connection_use_base_url (OpConnection *self,
                            const char   *base_url)
{
  g_free (self->base_url);
  self->base_url = g_strdup (base_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BASE_URL]);

  self->client = op_platform_client_new (self->session, base_url);
  g_signal_connect_object (self->client, "session-expired",
                           G_CALLBACK (client_session_expired_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);

  op_connection_restore_session (self);
}

static void
embedded_started_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(OpConnection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  base_url = op_embedded_platform_start_finish (OP_EMBEDDED_PLATFORM (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (base_url == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("The built-in sandbox did not start: %s", error->message);
      /* Translators: %s says why, in the words of the system */
      message = g_strdup_printf (_("The built-in sandbox could not start: %s"), error->message);
      op_connection_set_state (self, OP_CONNECTION_UNREACHABLE, message);
      return;
    }

  op_connection_use_base_url (self, base_url);
}

static void
settings_changed_cb (OpConnection *self,
                     const char   *key)
{
  if (!g_str_equal (key, "platform-kind") && !g_str_equal (key, "platform-url"))
    return;

  if (self->cancellable == NULL)
    return;

  op_connection_stop (self);
  op_connection_start (self);
}

static void
op_connection_dispose (GObject *object)
{
  OpConnection *self = (OpConnection *)object;

  op_connection_stop (self);
  g_clear_object (&self->secrets);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (op_connection_parent_class)->dispose (object);
}

static void
op_connection_finalize (GObject *object)
{
  OpConnection *self = (OpConnection *)object;

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->platform_id, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (op_connection_parent_class)->finalize (object);
}

static void
op_connection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OpConnection *self = OP_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_connection_class_init (OpConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_connection_dispose;
  object_class->finalize = op_connection_finalize;
  object_class->get_property = op_connection_get_property;

  properties [PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL,
                       OP_CONNECTION_STARTING, OP_CONNECTION_UNREACHABLE, OP_CONNECTION_STARTING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         OP_TYPE_PLATFORM_CLIENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         OP_TYPE_ACCOUNT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpConnection::session-expired:
   *
   * The platform ended the session: the user must sign in again.
   */
  signals [SESSION_EXPIRED] =
    g_signal_new ("session-expired",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
op_connection_init (OpConnection *self)
{
  self->builtin = TRUE;
}

OpConnection *
op_connection_new (GSettings *settings)
{
  OpConnection *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (OP_TYPE_CONNECTION, NULL);
  self->settings = g_object_ref (settings);
  self->session = op_session_new ("Open1688/" PACKAGE_VERSION " ");
  self->secrets = op_secret_store_new ();
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * op_connection_start:
 *
 * Starts the built-in sandbox (on its own thread, without blocking) or
 * turns to the platform URL of Preferences, then signs back in with the
 * session kept in the keyring.
 */
void
op_connection_start (OpConnection *self)
{
  g_return_if_fail (OP_IS_CONNECTION (self));
  g_return_if_fail (self->cancellable == NULL);

  self->cancellable = g_cancellable_new ();
  self->builtin = g_settings_get_enum (self->settings, "platform-kind") == PLATFORM_BUILTIN;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUILTIN]);
  op_connection_set_state (self, OP_CONNECTION_STARTING, NULL);

  if (self->builtin)
    {
      g_autofree char *db_path = op_service_default_db_path ();

      g_free (self->platform_id);
      self->platform_id = op_endpoints_builtin_platform_id (db_path);
      self->embedded = op_embedded_platform_new (db_path);
      op_embedded_platform_start_async (self->embedded, self->cancellable,
                                        embedded_started_cb, g_object_ref (self));
    }
  else
    {
      g_autofree char *url = g_settings_get_string (self->settings, "platform-url");

      g_free (self->platform_id);
      self->platform_id = g_strdup (url);
      op_connection_use_base_url (self, url);
    }
}

/**
 * op_connection_stop:
 *
 * Cancels what is in progress and stops the built-in sandbox cleanly
 * (database closed). The account is forgotten in memory, not in the keyring.
 */
void
op_connection_stop (OpConnection *self)
{
  g_return_if_fail (OP_IS_CONNECTION (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->probe_source, g_source_remove);

  op_connection_set_account (self, NULL);

  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      g_clear_object (&self->client);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT]);
    }

  if (self->embedded != NULL)
    {
      op_embedded_platform_stop (self->embedded);
      g_clear_object (&self->embedded);
    }
}

OpConnectionState
op_connection_get_state (OpConnection *self)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), OP_CONNECTION_UNREACHABLE);

  return self->state;
}

/**
 * op_connection_get_error_message:
 *
 * Returns: (nullable): why the platform cannot be reached, translated
 */
const char *
op_connection_get_error_message (OpConnection *self)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), NULL);

  return self->error_message;
}

gboolean
op_connection_get_builtin (OpConnection *self)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), FALSE);

  return self->builtin;
}

/**
 * op_connection_get_base_url:
 *
 * Returns: (nullable): the platform's base URL, once known
 */
const char *
op_connection_get_base_url (OpConnection *self)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), NULL);

  return self->base_url;
}

/**
 * op_connection_get_platform_id:
 *
 * What the keyring's `platform` attribute holds for this platform: its URL,
 * or for the built-in sandbox a name that survives restarts (its port does
 * not). Use it for every secret kept for this platform.
 *
 * Returns: (nullable): the platform's name in the keyring
 */
const char *
op_connection_get_platform_id (OpConnection *self)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), NULL);

  return self->platform_id;
}

/**
 * op_connection_get_client:
 *
 * Returns: (transfer none) (nullable): the platform client, once the
 *   platform's address is known
 */
OpPlatformClient *
op_connection_get_client (OpConnection *self)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), NULL);

  return self->client;
}

/**
 * op_connection_get_secret_store:
 *
 * Returns: (transfer none): the keyring
 */
OpSecretStore *
op_connection_get_secret_store (OpConnection *self)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), NULL);

  return self->secrets;
}

/**
 * op_connection_get_account:
 *
 * Returns: (transfer none) (nullable): the signed-in account
 */
OpAccount *
op_connection_get_account (OpConnection *self)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), NULL);

  return self->account;
}

/**
 * op_connection_set_account:
 * @account: (nullable): the account as the platform last described it
 *
 * For pages that changed the account (onboarding) and got it back.
 */
void
op_connection_set_account (OpConnection *self,
                           OpAccount    *account)
{
  g_return_if_fail (OP_IS_CONNECTION (self));
  g_return_if_fail (!account || OP_IS_ACCOUNT (account));

  if (g_set_object (&self->account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT]);
}

typedef struct
{
  OpAccount *account;
  char      *token;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_clear_object (&sign_in->account);
  if (sign_in->token != NULL)
    op_secret_free (sign_in->token);
  g_free (sign_in);
}

static void
session_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpConnection *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!op_secret_store_store_finish (OP_SECRET_STORE (object), result, &error))
    {
      /* Never kept anywhere else: end the session the keyring could not hold. */
      op_platform_client_sign_out_async (self->client, NULL, NULL, NULL);
      op_platform_client_set_session_token (self->client, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op_connection_set_state (self, OP_CONNECTION_READY, NULL);
  op_connection_set_account (self, sign_in->account);
  g_task_return_pointer (task, g_object_ref (sign_in->account), g_object_unref);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpConnection *self = g_task_get_source_object (task);
  SignIn *sign_in = g_new0 (SignIn, 1);
  g_autoptr(GError) error = NULL;

  g_task_set_task_data (task, sign_in, (GDestroyNotify)sign_in_free);

  sign_in->account = op_platform_client_sign_in_finish (OP_PLATFORM_CLIENT (object), result,
                                                         &sign_in->token, &error);
  if (sign_in->account == NULL)
    {
      if (is_unreachable_error (error))
        op_connection_set_unreachable (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op_secret_store_store_async (self->secrets,
                               OP_SECRET_KIND_PLATFORM_SESSION,
                               self->platform_id, NULL,
                               op_account_get_login (sign_in->account),
                               sign_in->token,
                               g_task_get_cancellable (task),
                               session_stored_cb,
                               g_object_ref (task));
}

/**
 * op_connection_sign_in_async:
 *
 * Signs in and keeps the session in the keyring. When the keyring cannot
 * keep it, the sign-in is refused with an %OP_SECRET_ERROR and the session
 * ended: it is never kept anywhere else.
 */
void
op_connection_sign_in_async (OpConnection        *self,
                             const char          *login,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OP_IS_CONNECTION (self));
  g_return_if_fail (login != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_connection_sign_in_async);

  if (self->client == NULL)
    {
      g_task_return_new_error (task, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NETWORK, "%s",
                               _("The platform is still starting. Try again in a moment."));
      return;
    }

  op_platform_client_sign_in_async (self->client, login, password, cancellable,
                                    signed_in_cb, g_steal_pointer (&task));
}

/**
 * op_connection_sign_in_finish:
 *
 * Returns: (transfer full): the signed-in account
 */
OpAccount *
op_connection_sign_in_finish (OpConnection  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (OP_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_connection_sign_out:
 *
 * Ends the session on the platform and removes it from the keyring.
 */
void
op_connection_sign_out (OpConnection *self)
{
  g_return_if_fail (OP_IS_CONNECTION (self));

  if (self->client == NULL || self->account == NULL)
    return;

  op_platform_client_sign_out_async (self->client, NULL, NULL, NULL);
  op_secret_store_clear_async (self->secrets, self->platform_id, NULL,
                               op_account_get_login (self->account), NULL, NULL, NULL);
  op_platform_client_set_session_token (self->client, NULL);
  op_connection_set_account (self, NULL);
}

static void
account_refreshed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(OpConnection) self = user_data;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = op_platform_client_get_account_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (account != NULL)
    {
      op_connection_set_state (self, OP_CONNECTION_READY, NULL);
      op_connection_set_account (self, account);
    }
  else if (is_unreachable_error (error))
    op_connection_set_unreachable (self, error);
}

/**
 * op_connection_refresh_account:
 *
 * Fetches the account again (roles and developer status change with
 * reviews) and notices an unreachable platform.
 */
void
op_connection_refresh_account (OpConnection *self)
{
  g_return_if_fail (OP_IS_CONNECTION (self));

  if (self->client == NULL || self->account == NULL)
    return;

  op_platform_client_get_account_async (self->client, self->cancellable,
                                        account_refreshed_cb, g_object_ref (self));
}

/**
 * op_connection_report_error:
 *
 * Pages pass on the errors of their calls: an unreachable platform turns
 * the connection's state to unreachable (the window shows a banner) until
 * it answers again.
 */
void
op_connection_report_error (OpConnection *self,
                            const GError *error)
{
  g_return_if_fail (OP_IS_CONNECTION (self));

  if (error != NULL && is_unreachable_error (error))
    op_connection_set_unreachable (self, error);
}
