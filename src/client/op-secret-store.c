/* op-secret-store.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-secret-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "op-secret-store.h"
#include "op-endpoints.h"

#include <string.h>

/**
 * OpSecretStore:
 *
 * The only place the desktop side keeps secrets: the system keyring, through
 * libsecret's asynchronous API. Every item uses one schema,
 * %OP_SECRET_SCHEMA_NAME, with these attributes:
 *
 * - `kind`: `app-secret`, `access-token`, `refresh-token` or `platform-session`
 * - `platform`: which platform the secret is for, so that the sandbox and the real
 *   platform never mix: op_endpoints_builtin_platform_id() for the built-in sandbox
 *   (whose port changes at every start), the platform service's base URL for a shared
 *   sandbox, and the gateway's base URL (%OP_PRODUCTION_GATEWAY_URL) for the real 1688
 * - `app-key`: the app the secret belongs to (absent for a platform session)
 * - `account`: the member (tokens) or the platform account (session); absent for an
 *   AppSecret
 *
 * Tokens stored with op_secret_store_store_token_async() carry what is needed to know
 * when they expire, as attributes that are not secret: `issued-at` (ISO 8601),
 * `expires-in` (seconds), `member-id`, `ali-id` and `resource-owner` on the access token,
 * `expires-at` (the platform's `refresh_token_timeout`) on the refresh token.
 *
 * No value is ever logged. When the keyring cannot be used, every operation fails with an
 * %OP_SECRET_ERROR whose message tells the user what to do, and nothing is kept anywhere else.
 */
struct _OpSecretStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (OpSecretStore, op_secret_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (op-secret-error-quark, op_secret_error)

static const SecretSchema schema = {
  OP_SECRET_SCHEMA_NAME, SECRET_SCHEMA_NONE,
  {
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "platform", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "app-key", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "issued-at", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "expires-in", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "expires-at", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "member-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "ali-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "resource-owner", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

/* A token stored without its lifetime (a fixed token from the console) is taken to last
 * this long. */
#define UNKNOWN_LIFETIME ((gint64) 10 * 365 * 24 * 3600)

typedef enum
{
  OPERATION_STORE,
  OPERATION_LOOKUP,
  OPERATION_CLEAR,
} Operation;

typedef enum
{
  GROUP_APP_SECRET,
  GROUP_AUTHORIZATION,
  GROUP_SESSION,
  GROUP_ALL,
} Group;

typedef enum
{
  STEP_CLEAR_ACCESS,
  STEP_STORE_ACCESS,
  STEP_CLEAR_REFRESH,
  STEP_STORE_REFRESH,
  STEP_DONE,
} TokenStep;

typedef struct
{
  OpSecretKind  kind;
  GHashTable   *attributes;
  /* Token storage. */
  OpToken      *token;
  char         *platform;
  char         *app_key;
  char         *account;
  TokenStep     step;
  /* Token lookup. */
  char         *access_token;
  GHashTable   *access_attributes;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *task_data = data;

  g_clear_pointer (&task_data->attributes, g_hash_table_unref);
  g_clear_object (&task_data->token);
  g_free (task_data->platform);
  g_free (task_data->app_key);
  g_free (task_data->account);
  g_clear_pointer (&task_data->access_token, op_secret_free);
  g_clear_pointer (&task_data->access_attributes, g_hash_table_unref);
  g_free (task_data);
}

static Group
kind_group (OpSecretKind kind)
{
  switch (kind)
    {
    case OP_SECRET_KIND_APP_SECRET:
      return GROUP_APP_SECRET;
    case OP_SECRET_KIND_ACCESS_TOKEN:
    case OP_SECRET_KIND_REFRESH_TOKEN:
      return GROUP_AUTHORIZATION;
    case OP_SECRET_KIND_PLATFORM_SESSION:
      return GROUP_SESSION;
    default:
      g_assert_not_reached ();
    }
}

static const char *
unavailable_message (Operation operation,
                     Group     group)
{
  switch (operation)
    {
    case OPERATION_STORE:
      if (group == GROUP_APP_SECRET)
        return _("The keyring is not available, so the AppSecret was not saved. Start GNOME "
                 "Keyring (or another Secret Service) and try again.");
      if (group == GROUP_AUTHORIZATION)
        return _("The keyring is not available, so the authorization was not saved. Start GNOME "
                 "Keyring (or another Secret Service) and authorize again.");
      return _("The keyring is not available, so the sign-in was not saved. Start GNOME "
               "Keyring (or another Secret Service) and sign in again.");

    case OPERATION_LOOKUP:
      if (group == GROUP_APP_SECRET)
        return _("The keyring is not available, so the saved AppSecret cannot be read. Start "
                 "GNOME Keyring (or another Secret Service) and try again.");
      if (group == GROUP_AUTHORIZATION)
        return _("The keyring is not available, so the saved authorization cannot be read. "
                 "Start GNOME Keyring (or another Secret Service) and try again.");
      return _("The keyring is not available, so the saved sign-in cannot be read. Start "
               "GNOME Keyring (or another Secret Service) and try again.");

    case OPERATION_CLEAR:
      return _("The keyring is not available, so the saved secrets were not removed. Start "
               "GNOME Keyring (or another Secret Service) and try again.");

    default:
      g_assert_not_reached ();
    }
}

static const char *
locked_message (Operation operation,
                Group     group)
{
  switch (operation)
    {
    case OPERATION_STORE:
      if (group == GROUP_APP_SECRET)
        return _("The keyring is locked, so the AppSecret was not saved. Unlock the keyring "
                 "(for example in Passwords and Keys) and try again.");
      if (group == GROUP_AUTHORIZATION)
        return _("The keyring is locked, so the authorization was not saved. Unlock the "
                 "keyring (for example in Passwords and Keys) and authorize again.");
      return _("The keyring is locked, so the sign-in was not saved. Unlock the keyring "
               "(for example in Passwords and Keys) and sign in again.");

    case OPERATION_LOOKUP:
      if (group == GROUP_APP_SECRET)
        return _("The keyring is locked, so the saved AppSecret cannot be read. Unlock the "
                 "keyring (for example in Passwords and Keys) and try again.");
      if (group == GROUP_AUTHORIZATION)
        return _("The keyring is locked, so the saved authorization cannot be read. Unlock "
                 "the keyring (for example in Passwords and Keys) and try again.");
      return _("The keyring is locked, so the saved sign-in cannot be read. Unlock the "
               "keyring (for example in Passwords and Keys) and try again.");

    case OPERATION_CLEAR:
      return _("The keyring is locked, so the saved secrets were not removed. Unlock the "
               "keyring (for example in Passwords and Keys) and try again.");

    default:
      g_assert_not_reached ();
    }
}

static const char *
dismissed_message (Operation operation,
                   Group     group)
{
  switch (operation)
    {
    case OPERATION_STORE:
      if (group == GROUP_APP_SECRET)
        return _("The keyring’s prompt was dismissed, so the AppSecret was not saved. Try "
                 "again and unlock the keyring when it asks.");
      if (group == GROUP_AUTHORIZATION)
        return _("The keyring’s prompt was dismissed, so the authorization was not saved. "
                 "Authorize again and unlock the keyring when it asks.");
      return _("The keyring’s prompt was dismissed, so the sign-in was not saved. Sign in "
               "again and unlock the keyring when it asks.");

    case OPERATION_LOOKUP:
      if (group == GROUP_APP_SECRET)
        return _("The keyring’s prompt was dismissed, so the saved AppSecret cannot be read. "
                 "Try again and unlock the keyring when it asks.");
      if (group == GROUP_AUTHORIZATION)
        return _("The keyring’s prompt was dismissed, so the saved authorization cannot be "
                 "read. Try again and unlock the keyring when it asks.");
      return _("The keyring’s prompt was dismissed, so the saved sign-in cannot be read. Try "
               "again and unlock the keyring when it asks.");

    case OPERATION_CLEAR:
      return _("The keyring’s prompt was dismissed, so the saved secrets were not removed. "
               "Try again and unlock the keyring when it asks.");

    default:
      g_assert_not_reached ();
    }
}

static void
set_not_found_error (GError **error,
                     Group    group)
{
  const char *message;

  if (group == GROUP_APP_SECRET)
    message = _("The AppSecret of this app is not in the keyring. Enter it again.");
  else if (group == GROUP_AUTHORIZATION)
    message = _("There is no saved authorization for this app. Authorize it again.");
  else
    message = _("You are not signed in to the platform. Sign in again.");

  g_set_error_literal (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND, message);
}

/* Turns an error of libsecret (or of D-Bus under it) into an OP_SECRET_ERROR, keeping only
 * the cancellation the caller asked for. The technical text goes to the debug log; it never
 * holds a secret (libsecret's messages name paths and D-Bus names). */
static GError *
translate_error (GError       *error,
                 GCancellable *cancellable,
                 Operation     operation,
                 Group         group)
{
  OpSecretError code;
  const char *message;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      g_cancellable_is_cancelled (cancellable))
    return error;

  g_debug ("Keyring operation failed: %s (%s %d)",
           error->message, g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    {
      code = OP_SECRET_ERROR_LOCKED;
      message = locked_message (operation, group);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_ACCESS_DENIED))
    {
      code = OP_SECRET_ERROR_CANCELLED_BY_USER;
      message = dismissed_message (operation, group);
    }
  else
    {
      code = OP_SECRET_ERROR_UNAVAILABLE;
      message = unavailable_message (operation, group);
    }

  g_error_free (error);

  return g_error_new_literal (OP_SECRET_ERROR, code, message);
}

static char *
platform_display_name (const char *platform)
{
  g_autoptr(GUri) uri = NULL;

  if (g_str_has_prefix (platform, OP_ENDPOINTS_BUILTIN_PLATFORM_PREFIX))
    /* Translators: where a keyring item belongs, in "Open 1688 AppSecret for app 1234567
     * on the built-in sandbox" */
    return g_strdup (_("the built-in sandbox"));

  uri = g_uri_parse (platform, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (platform);

  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));

  return g_strdup (g_uri_get_host (uri));
}

/* The label a person reading Seahorse sees. */
static char *
make_label (OpSecretKind  kind,
            const char   *platform,
            const char   *app_key,
            const char   *account)
{
  g_autofree char *where = platform_display_name (platform);

  switch (kind)
    {
    case OP_SECRET_KIND_APP_SECRET:
      /* Translators: the label of a keyring item, shown in Passwords and Keys; the first
       * %s is an AppKey (7 digits), the second a host such as gw.open.1688.com */
      return g_strdup_printf (_("Open 1688 AppSecret for app %s on %s"), app_key, where);

    case OP_SECRET_KIND_ACCESS_TOKEN:
      if (account != NULL)
        /* Translators: the label of a keyring item; %1$s is a member account, %2$s an
         * AppKey, %3$s a host */
        return g_strdup_printf (_("Open 1688 access token of %1$s for app %2$s on %3$s"),
                                account, app_key, where);
      /* Translators: the label of a keyring item; the first %s is an AppKey, the second
       * a host */
      return g_strdup_printf (_("Open 1688 access token for app %s on %s"), app_key, where);

    case OP_SECRET_KIND_REFRESH_TOKEN:
      if (account != NULL)
        /* Translators: the label of a keyring item; %1$s is a member account, %2$s an
         * AppKey, %3$s a host */
        return g_strdup_printf (_("Open 1688 refresh token of %1$s for app %2$s on %3$s"),
                                account, app_key, where);
      /* Translators: the label of a keyring item; the first %s is an AppKey, the second
       * a host */
      return g_strdup_printf (_("Open 1688 refresh token for app %s on %s"), app_key, where);

    case OP_SECRET_KIND_PLATFORM_SESSION:
      if (account != NULL)
        /* Translators: the label of a keyring item; the first %s is an account name, the
         * second a host */
        return g_strdup_printf (_("Open 1688 platform sign-in of %s on %s"), account, where);
      /* Translators: the label of a keyring item; %s is a host */
      return g_strdup_printf (_("Open 1688 platform sign-in on %s"), where);

    default:
      g_assert_not_reached ();
    }
}

static GHashTable *
new_attributes (const char *kind,
                const char *platform,
                const char *app_key,
                const char *account)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (kind != NULL)
    g_hash_table_insert (attributes, (gpointer) "kind", g_strdup (kind));
  g_hash_table_insert (attributes, (gpointer) "platform", g_strdup (platform));
  if (app_key != NULL)
    g_hash_table_insert (attributes, (gpointer) "app-key", g_strdup (app_key));
  if (account != NULL)
    g_hash_table_insert (attributes, (gpointer) "account", g_strdup (account));

  return attributes;
}

static void
set_attribute (GHashTable *attributes,
               const char *name,
               const char *value)
{
  if (value != NULL)
    g_hash_table_insert (attributes, (gpointer) name, g_strdup (value));
}

/* The platform's own format, yyyyMMddHHmmssSSS+hhmm, which op_token_parse_time() reads. */
static char *
format_platform_time (GDateTime *time)
{
  g_autofree char *date = g_date_time_format (time, "%Y%m%d%H%M%S");
  g_autofree char *offset = g_date_time_format (time, "%z");

  return g_strdup_printf ("%s%03d%s", date, g_date_time_get_microsecond (time) / 1000, offset);
}

static void
finish_with_error (GTask     *task,
                   GError    *error,
                   Operation  operation,
                   Group      group)
{
  g_task_return_error (task, translate_error (error, g_task_get_cancellable (task),
                                              operation, group));
}

static void
op_secret_store_class_init (OpSecretStoreClass *klass)
{
}

static void
op_secret_store_init (OpSecretStore *self)
{
}

/**
 * op_secret_store_get_schema:
 *
 * Returns: (transfer none): the schema of every item the application stores
 */
const SecretSchema *
op_secret_store_get_schema (void)
{
  return &schema;
}

/**
 * op_secret_kind_to_string:
 * @kind: a kind of secret
 *
 * Returns: the value of the `kind` attribute, e.g. `app-secret`
 */
const char *
op_secret_kind_to_string (OpSecretKind kind)
{
  switch (kind)
    {
    case OP_SECRET_KIND_APP_SECRET:
      return "app-secret";
    case OP_SECRET_KIND_ACCESS_TOKEN:
      return "access-token";
    case OP_SECRET_KIND_REFRESH_TOKEN:
      return "refresh-token";
    case OP_SECRET_KIND_PLATFORM_SESSION:
      return "platform-session";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * op_secret_free:
 * @secret: (nullable): a secret returned by op_secret_store_lookup_finish()
 *
 * Overwrites @secret with zeros and frees it.
 */
void
op_secret_free (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

OpSecretStore *
op_secret_store_new (void)
{
  return g_object_new (OP_TYPE_SECRET_STORE, NULL);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TaskData *task_data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      /* libsecret may fail without an error when a prompt went away. */
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Prompt dismissed");
      finish_with_error (task, error, OPERATION_STORE, kind_group (task_data->kind));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * op_secret_store_store_async:
 * @self: a #OpSecretStore
 * @kind: what @secret is
 * @platform: the platform the secret is for (see #OpSecretStore)
 * @app_key: (nullable): the app the secret belongs to (required but for a platform session)
 * @account: (nullable): the member or platform account it belongs to
 * @secret: the secret, UTF-8
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the secret is stored or could not be
 * @user_data: data for @callback
 *
 * Stores @secret in the default keyring, replacing the item with the same attributes.
 * When this fails, the secret is kept nowhere else: the caller must refuse the operation
 * that needed it and show the error's message.
 */
void
op_secret_store_store_async (OpSecretStore       *self,
                             OpSecretKind         kind,
                             const char          *platform,
                             const char          *app_key,
                             const char          *account,
                             const char          *secret,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  TaskData *task_data;

  g_return_if_fail (OP_IS_SECRET_STORE (self));
  g_return_if_fail (kind <= OP_SECRET_KIND_PLATFORM_SESSION);
  g_return_if_fail (platform != NULL && *platform != '\0');
  g_return_if_fail (app_key != NULL || kind == OP_SECRET_KIND_PLATFORM_SESSION);
  g_return_if_fail (secret != NULL && g_utf8_validate (secret, -1, NULL));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_secret_store_store_async);

  task_data = g_new0 (TaskData, 1);
  task_data->kind = kind;
  task_data->attributes = new_attributes (op_secret_kind_to_string (kind), platform,
                                          app_key, account);
  g_task_set_task_data (task, task_data, task_data_free);

  label = make_label (kind, platform, app_key, account);
  g_debug ("Storing “%s”", label);

  secret_password_storev (&schema, task_data->attributes, SECRET_COLLECTION_DEFAULT, label,
                          secret, cancellable, store_cb, g_steal_pointer (&task));
}

/**
 * op_secret_store_store_finish:
 * @self: a #OpSecretStore
 * @result: the result given to the callback
 * @error: an %OP_SECRET_ERROR (or %G_IO_ERROR_CANCELLED when the cancellable was cancelled)
 *
 * Returns: %TRUE if the secret is in the keyring
 */
gboolean
op_secret_store_store_finish (OpSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (OP_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_locked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TaskData *task_data = g_task_get_task_data (task);
  GError *error = NULL;
  GList *items;
  gboolean locked = FALSE;

  items = secret_service_search_finish (NULL, result, &error);
  if (error != NULL)
    {
      finish_with_error (task, error, OPERATION_LOOKUP, kind_group (task_data->kind));
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    locked |= secret_item_get_locked (l->data);
  g_list_free_full (items, g_object_unref);

  if (locked)
    g_task_return_new_error (task, OP_SECRET_ERROR, OP_SECRET_ERROR_LOCKED, "%s",
                             locked_message (OPERATION_LOOKUP, kind_group (task_data->kind)));
  else
    {
      GError *not_found = NULL;

      set_not_found_error (&not_found, kind_group (task_data->kind));
      g_task_return_error (task, not_found);
    }
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TaskData *task_data = g_task_get_task_data (task);
  GError *error = NULL;
  char *password;
  char *copy;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      finish_with_error (task, error, OPERATION_LOOKUP, kind_group (task_data->kind));
      return;
    }

  if (password == NULL)
    {
      /* Not found, or found locked and not unlocked (libsecret does not say which):
       * look again without unlocking to tell the two apart. */
      secret_service_search (NULL, &schema, task_data->attributes, SECRET_SEARCH_ALL,
                             g_task_get_cancellable (task), lookup_locked_cb,
                             g_object_ref (task));
      return;
    }

  /* libsecret's string lives in its secure memory and must go back there; the caller gets
   * ordinary memory, which op_secret_free() wipes. */
  copy = g_strdup (password);
  secret_password_free (password);

  g_task_return_pointer (task, copy, (GDestroyNotify) op_secret_free);
}

/**
 * op_secret_store_lookup_async:
 * @self: a #OpSecretStore
 * @kind: what to look up
 * @platform: the platform (see #OpSecretStore)
 * @app_key: (nullable): the app
 * @account: (nullable): the account; %NULL matches any account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Looks up a secret, unlocking the keyring if needed (which may prompt the user).
 */
void
op_secret_store_lookup_async (OpSecretStore       *self,
                              OpSecretKind         kind,
                              const char          *platform,
                              const char          *app_key,
                              const char          *account,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *task_data;

  g_return_if_fail (OP_IS_SECRET_STORE (self));
  g_return_if_fail (kind <= OP_SECRET_KIND_PLATFORM_SESSION);
  g_return_if_fail (platform != NULL && *platform != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_secret_store_lookup_async);

  task_data = g_new0 (TaskData, 1);
  task_data->kind = kind;
  task_data->attributes = new_attributes (op_secret_kind_to_string (kind), platform,
                                          app_key, account);
  g_task_set_task_data (task, task_data, task_data_free);

  secret_password_lookupv (&schema, task_data->attributes, cancellable, lookup_cb,
                           g_steal_pointer (&task));
}

/**
 * op_secret_store_lookup_finish:
 * @self: a #OpSecretStore
 * @result: the result given to the callback
 * @error: an %OP_SECRET_ERROR: %OP_SECRET_ERROR_NOT_FOUND when there is no such secret
 *
 * Returns: (transfer full): the secret; free it with op_secret_free()
 */
char *
op_secret_store_lookup_finish (OpSecretStore  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (OP_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error means there was nothing to remove, which is fine. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      finish_with_error (task, error, OPERATION_CLEAR, GROUP_ALL);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * op_secret_store_clear_async:
 * @self: a #OpSecretStore
 * @platform: the platform (see #OpSecretStore)
 * @app_key: (nullable): remove every secret of this app (AppSecret and tokens)
 * @account: (nullable): remove every secret of this account (tokens, session)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes every kind of secret that matches @app_key and @account (at least one of them
 * must be given) on @platform: removing an app, or signing out. Finding nothing to remove
 * is not an error.
 */
void
op_secret_store_clear_async (OpSecretStore       *self,
                             const char          *platform,
                             const char          *app_key,
                             const char          *account,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *task_data;

  g_return_if_fail (OP_IS_SECRET_STORE (self));
  g_return_if_fail (platform != NULL && *platform != '\0');
  g_return_if_fail (app_key != NULL || account != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_secret_store_clear_async);

  task_data = g_new0 (TaskData, 1);
  task_data->attributes = new_attributes (NULL, platform, app_key, account);
  g_task_set_task_data (task, task_data, task_data_free);

  secret_password_clearv (&schema, task_data->attributes, cancellable, clear_cb,
                          g_steal_pointer (&task));
}

/**
 * op_secret_store_clear_finish:
 * @self: a #OpSecretStore
 * @result: the result given to the callback
 * @error: an %OP_SECRET_ERROR
 *
 * Returns: %TRUE if no matching secret is left in the keyring
 */
gboolean
op_secret_store_clear_finish (OpSecretStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (OP_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void store_token_step (GTask *task);

static void
store_token_clear_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TaskData *task_data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      finish_with_error (task, error, OPERATION_STORE, GROUP_AUTHORIZATION);
      return;
    }

  task_data->step++;
  store_token_step (g_steal_pointer (&task));
}

static void
store_token_store_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TaskData *task_data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Prompt dismissed");
      finish_with_error (task, error, OPERATION_STORE, GROUP_AUTHORIZATION);
      return;
    }

  task_data->step++;
  if (task_data->step == STEP_CLEAR_REFRESH &&
      op_token_get_refresh_token (task_data->token) == NULL)
    task_data->step = STEP_DONE;

  store_token_step (g_steal_pointer (&task));
}

/* Each item is cleared before it is stored: its attributes include times that change,
 * so "replace" (which needs equal attributes) would keep the old one beside the new. */
static void
store_token_step (GTask *task)
{
  TaskData *task_data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  OpToken *token = task_data->token;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  OpSecretKind kind;

  switch (task_data->step)
    {
    case STEP_CLEAR_ACCESS:
    case STEP_CLEAR_REFRESH:
      kind = task_data->step == STEP_CLEAR_ACCESS ? OP_SECRET_KIND_ACCESS_TOKEN
                                                  : OP_SECRET_KIND_REFRESH_TOKEN;
      attributes = new_attributes (op_secret_kind_to_string (kind), task_data->platform,
                                   task_data->app_key, task_data->account);
      secret_password_clearv (&schema, attributes, cancellable, store_token_clear_cb, task);
      return;

    case STEP_STORE_ACCESS:
      {
        g_autoptr(GDateTime) issued_at = NULL;
        g_autofree char *issued = NULL;
        g_autofree char *expires_in = NULL;

        issued_at = g_date_time_add_seconds (op_token_get_expires_at (token),
                                             -op_token_get_expires_in (token));
        issued = g_date_time_format_iso8601 (issued_at);
        expires_in = g_strdup_printf ("%" G_GINT64_FORMAT, op_token_get_expires_in (token));

        attributes = new_attributes ("access-token", task_data->platform, task_data->app_key,
                                     task_data->account);
        set_attribute (attributes, "issued-at", issued);
        set_attribute (attributes, "expires-in", expires_in);
        set_attribute (attributes, "member-id", op_token_get_member_id (token));
        set_attribute (attributes, "ali-id", op_token_get_ali_id (token));
        set_attribute (attributes, "resource-owner", op_token_get_resource_owner (token));

        label = make_label (OP_SECRET_KIND_ACCESS_TOKEN, task_data->platform,
                            task_data->app_key, task_data->account);
        secret_password_storev (&schema, attributes, SECRET_COLLECTION_DEFAULT, label,
                                op_token_get_access_token (token), cancellable,
                                store_token_store_cb, task);
        return;
      }

    case STEP_STORE_REFRESH:
      {
        GDateTime *expires_at = op_token_get_refresh_token_expires_at (token);
        g_autofree char *expires = NULL;

        attributes = new_attributes ("refresh-token", task_data->platform, task_data->app_key,
                                     task_data->account);
        if (expires_at != NULL)
          {
            expires = format_platform_time (expires_at);
            set_attribute (attributes, "expires-at", expires);
          }

        label = make_label (OP_SECRET_KIND_REFRESH_TOKEN, task_data->platform,
                            task_data->app_key, task_data->account);
        secret_password_storev (&schema, attributes, SECRET_COLLECTION_DEFAULT, label,
                                op_token_get_refresh_token (token), cancellable,
                                store_token_store_cb, task);
        return;
      }

    case STEP_DONE:
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;

    default:
      g_assert_not_reached ();
    }
}

/**
 * op_secret_store_store_token_async:
 * @self: a #OpSecretStore
 * @platform: the platform (see #OpSecretStore)
 * @app_key: the app the member authorized
 * @account: (nullable): the member; %NULL uses the token's resource owner, else its member ID
 * @token: the token, as getToken answered (a refresh answer merged with the refresh token
 *   it did not repeat: see op_oauth_refresh_async())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Stores the access token and, if @token has one, the refresh token, each with what is
 * needed to know when it expires. A token without a refresh token leaves the stored
 * refresh token as it is.
 */
void
op_secret_store_store_token_async (OpSecretStore       *self,
                                   const char          *platform,
                                   const char          *app_key,
                                   const char          *account,
                                   OpToken             *token,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *task_data;

  g_return_if_fail (OP_IS_SECRET_STORE (self));
  g_return_if_fail (platform != NULL && *platform != '\0');
  g_return_if_fail (app_key != NULL && *app_key != '\0');
  g_return_if_fail (OP_IS_TOKEN (token));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (account == NULL)
    account = op_token_get_resource_owner (token);
  if (account == NULL)
    account = op_token_get_member_id (token);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_secret_store_store_token_async);

  task_data = g_new0 (TaskData, 1);
  task_data->kind = OP_SECRET_KIND_ACCESS_TOKEN;
  task_data->token = g_object_ref (token);
  task_data->platform = g_strdup (platform);
  task_data->app_key = g_strdup (app_key);
  task_data->account = g_strdup (account);
  task_data->step = STEP_CLEAR_ACCESS;
  g_task_set_task_data (task, task_data, task_data_free);

  store_token_step (g_steal_pointer (&task));
}

gboolean
op_secret_store_store_token_finish (OpSecretStore  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (OP_IS_SECRET_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  OpToken *token;
  char    *account;
} TokenResult;

static void
token_result_free (gpointer data)
{
  TokenResult *token_result = data;

  g_clear_object (&token_result->token);
  g_free (token_result->account);
  g_free (token_result);
}

/* Takes the first item of a search, or reports why there is none usable. */
static gboolean
take_search_result (GTask        *task,
                    GAsyncResult *result,
                    gboolean      required,
                    SecretItem  **out_item)
{
  GError *error = NULL;
  GList *items;

  *out_item = NULL;

  items = secret_service_search_finish (NULL, result, &error);
  if (error != NULL)
    {
      finish_with_error (task, error, OPERATION_LOOKUP, GROUP_AUTHORIZATION);
      return FALSE;
    }

  if (items != NULL)
    *out_item = g_object_ref (items->data);
  g_list_free_full (items, g_object_unref);

  if (*out_item != NULL && secret_item_get_locked (*out_item))
    {
      g_clear_object (out_item);
      g_task_return_new_error (task, OP_SECRET_ERROR, OP_SECRET_ERROR_LOCKED, "%s",
                               locked_message (OPERATION_LOOKUP, GROUP_AUTHORIZATION));
      return FALSE;
    }

  if (*out_item == NULL && required)
    {
      GError *not_found = NULL;

      set_not_found_error (&not_found, GROUP_AUTHORIZATION);
      g_task_return_error (task, not_found);
      return FALSE;
    }

  return TRUE;
}

static char *
item_text (SecretItem *item)
{
  g_autoptr(SecretValue) value = secret_item_get_secret (item);
  const char *text;

  if (value == NULL)
    return NULL;

  text = secret_value_get_text (value);

  return text != NULL ? g_strdup (text) : NULL;
}

static void
lookup_refresh_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TaskData *task_data = g_task_get_task_data (task);
  g_autoptr(SecretItem) item = NULL;
  g_autoptr(JsonObject) object_ = NULL;
  g_autoptr(GDateTime) issued_at = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh_token = NULL;
  GHashTable *attributes = task_data->access_attributes;
  const char *issued;
  const char *expires_in;
  TokenResult *token_result;
  OpToken *token;

  if (!take_search_result (task, result, FALSE, &item))
    return;

  object_ = json_object_new ();
  json_object_set_string_member (object_, "access_token", task_data->access_token);

  expires_in = g_hash_table_lookup (attributes, "expires-in");
  issued = g_hash_table_lookup (attributes, "issued-at");
  if (expires_in != NULL && issued != NULL)
    {
      json_object_set_string_member (object_, "expires_in", expires_in);
      issued_at = g_date_time_new_from_iso8601 (issued, NULL);
    }
  if (issued_at == NULL)
    {
      json_object_set_int_member (object_, "expires_in", UNKNOWN_LIFETIME);
      issued_at = g_date_time_new_now_utc ();
    }

  if (g_hash_table_contains (attributes, "member-id"))
    json_object_set_string_member (object_, "memberId",
                                   g_hash_table_lookup (attributes, "member-id"));
  if (g_hash_table_contains (attributes, "ali-id"))
    json_object_set_string_member (object_, "aliId", g_hash_table_lookup (attributes, "ali-id"));
  if (g_hash_table_contains (attributes, "resource-owner"))
    json_object_set_string_member (object_, "resource_owner",
                                   g_hash_table_lookup (attributes, "resource-owner"));

  if (item != NULL)
    {
      g_autoptr(GHashTable) refresh_attributes = secret_item_get_attributes (item);
      const char *expires_at = g_hash_table_lookup (refresh_attributes, "expires-at");

      refresh_token = item_text (item);
      if (refresh_token != NULL)
        json_object_set_string_member (object_, "refresh_token", refresh_token);
      if (expires_at != NULL)
        json_object_set_string_member (object_, "refresh_token_timeout", expires_at);
    }

  token = op_token_new_from_object (object_, issued_at, &error);
  if (refresh_token != NULL)
    explicit_bzero (refresh_token, strlen (refresh_token));
  if (token == NULL)
    {
      /* Only attributes written by another program can make this fail. */
      g_debug ("Stored token is not usable: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  token_result = g_new0 (TokenResult, 1);
  token_result->token = token;
  token_result->account = g_strdup (g_hash_table_lookup (attributes, "account"));
  g_task_return_pointer (task, token_result, token_result_free);
}

static void
lookup_access_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TaskData *task_data = g_task_get_task_data (task);
  g_autoptr(SecretItem) item = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GCancellable *cancellable;
  const char *account;

  if (!take_search_result (task, result, TRUE, &item))
    return;

  task_data->access_token = item_text (item);
  if (task_data->access_token == NULL)
    {
      GError *not_found = NULL;

      set_not_found_error (&not_found, GROUP_AUTHORIZATION);
      g_task_return_error (task, not_found);
      return;
    }

  task_data->access_attributes = secret_item_get_attributes (item);
  account = g_hash_table_lookup (task_data->access_attributes, "account");

  attributes = new_attributes ("refresh-token", task_data->platform, task_data->app_key,
                               account);
  cancellable = g_task_get_cancellable (task);
  secret_service_search (NULL, &schema, attributes,
                         SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                         cancellable, lookup_refresh_cb, g_steal_pointer (&task));
}

/**
 * op_secret_store_lookup_token_async:
 * @self: a #OpSecretStore
 * @platform: the platform (see #OpSecretStore)
 * @app_key: the app
 * @account: (nullable): the member; %NULL takes any member who authorized the app
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Looks up a token stored with op_secret_store_store_token_async() (or an access token
 * stored alone, which is then taken as lasting ten years), with its times.
 */
void
op_secret_store_lookup_token_async (OpSecretStore       *self,
                                    const char          *platform,
                                    const char          *app_key,
                                    const char          *account,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  TaskData *task_data;

  g_return_if_fail (OP_IS_SECRET_STORE (self));
  g_return_if_fail (platform != NULL && *platform != '\0');
  g_return_if_fail (app_key != NULL && *app_key != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_secret_store_lookup_token_async);

  task_data = g_new0 (TaskData, 1);
  task_data->kind = OP_SECRET_KIND_ACCESS_TOKEN;
  task_data->platform = g_strdup (platform);
  task_data->app_key = g_strdup (app_key);
  g_task_set_task_data (task, task_data, task_data_free);

  attributes = new_attributes ("access-token", platform, app_key, account);
  secret_service_search (NULL, &schema, attributes,
                         SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                         cancellable, lookup_access_cb, g_steal_pointer (&task));
}

/**
 * op_secret_store_lookup_token_finish:
 * @self: a #OpSecretStore
 * @result: the result given to the callback
 * @account: (out) (optional) (transfer full) (nullable): the member the token belongs to
 * @error: an %OP_SECRET_ERROR (%OP_SECRET_ERROR_NOT_FOUND: never authorized, or signed out)
 *
 * Returns: (transfer full): the token; its access token may have expired (check with
 *   op_token_is_expired(), or use #OpTokenKeeper, which refreshes it)
 */
OpToken *
op_secret_store_lookup_token_finish (OpSecretStore  *self,
                                     GAsyncResult   *result,
                                     char          **account,
                                     GError        **error)
{
  TokenResult *token_result;
  OpToken *token;

  g_return_val_if_fail (OP_IS_SECRET_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  token_result = g_task_propagate_pointer (G_TASK (result), error);
  if (token_result == NULL)
    return NULL;

  if (account != NULL)
    *account = g_steal_pointer (&token_result->account);
  token = g_steal_pointer (&token_result->token);
  token_result_free (token_result);

  return token;
}
