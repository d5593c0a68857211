/* test-secret-store.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsecret/secret.h>

#include "op-endpoints.h"
#include "op-secret-store.h"
#include "op-test-env.h"
#include "op-test-outcome.h"

/* Against a real gnome-keyring on a private bus (op-test-env.c). */

#define SANDBOX "http://127.0.0.1:4567"
#define PRODUCTION "https://gw.open.1688.com/openapi"

static void
store (OpSecretStore *store_,
       OpSecretKind   kind,
       const char    *platform,
       const char    *app_key,
       const char    *account,
       const char    *secret)
{
  OpTestOutcome outcome = { 0 };

  op_secret_store_store_async (store_, kind, platform, app_key, account, secret, NULL,
                               op_test_secret_stored_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
}

/* Returns the secret, or NULL when it is not found (any other error fails). */
static char *
lookup (OpSecretStore *store_,
        OpSecretKind   kind,
        const char    *platform,
        const char    *app_key,
        const char    *account)
{
  OpTestOutcome outcome = { 0 };
  char *secret;

  op_secret_store_lookup_async (store_, kind, platform, app_key, account, NULL,
                                op_test_secret_looked_up_cb, &outcome);
  op_test_env_run_until (&outcome.done);

  if (outcome.error != NULL)
    {
      g_assert_error (outcome.error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND);
      g_assert_cmpstr (outcome.error->message, !=, "");
      op_test_outcome_clear (&outcome);
      return NULL;
    }

  secret = g_steal_pointer (&outcome.secret);
  op_test_outcome_clear (&outcome);

  return secret;
}

static void
clear (OpSecretStore *store_,
       const char    *platform,
       const char    *app_key,
       const char    *account)
{
  OpTestOutcome outcome = { 0 };

  op_secret_store_clear_async (store_, platform, app_key, account, NULL,
                               op_test_secret_cleared_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
}

static void
assert_secret (OpSecretStore *store_,
               OpSecretKind   kind,
               const char    *platform,
               const char    *app_key,
               const char    *account,
               const char    *expected)
{
  g_autofree char *secret = lookup (store_, kind, platform, app_key, account);

  g_assert_cmpstr (secret, ==, expected);
}

/* Every item of our schema, read directly from the Secret Service. */
static GList *
all_items (void)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_service_search_sync (NULL, op_secret_store_get_schema (), attributes,
                                      SECRET_SEARCH_ALL | SECRET_SEARCH_LOAD_SECRETS,
                                      NULL, &error);
  g_assert_no_error (error);

  return items;
}

static void
clear_everything (OpSecretStore *store_)
{
  GList *items = all_items ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GError) error = NULL;

      secret_item_delete_sync (l->data, NULL, &error);
      g_assert_no_error (error);
    }
  g_list_free_full (items, g_object_unref);
}

static void
test_schema (void)
{
  const SecretSchema *schema = op_secret_store_get_schema ();

  g_assert_cmpstr (schema->name, ==, "io.github.open1688.Open1688.Secret");
  g_assert_cmpstr (op_secret_kind_to_string (OP_SECRET_KIND_APP_SECRET), ==, "app-secret");
  g_assert_cmpstr (op_secret_kind_to_string (OP_SECRET_KIND_ACCESS_TOKEN), ==, "access-token");
  g_assert_cmpstr (op_secret_kind_to_string (OP_SECRET_KIND_REFRESH_TOKEN), ==, "refresh-token");
  g_assert_cmpstr (op_secret_kind_to_string (OP_SECRET_KIND_PLATFORM_SESSION), ==,
                   "platform-session");
}

static void
test_round_trip (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autofree char *missing = NULL;
  GList *items;
  SecretItem *item;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(SecretValue) value = NULL;

  clear_everything (secrets);

  store (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL, "first-secret");
  assert_secret (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL, "first-secret");

  /* Stored again: replaced, not added. */
  store (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL, "秘密-second");
  assert_secret (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL, "秘密-second");

  items = all_items ();
  g_assert_cmpuint (g_list_length (items), ==, 1);
  item = items->data;

  /* What a person reading Seahorse sees, and the attributes another tool can search by. */
  g_assert_cmpstr (secret_item_get_label (item), ==,
                   "Open 1688 AppSecret for app 1234567 on 127.0.0.1:4567");
  attributes = secret_item_get_attributes (item);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==,
                   "io.github.open1688.Open1688.Secret");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "kind"), ==, "app-secret");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "platform"), ==, SANDBOX);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "app-key"), ==, "1234567");
  g_assert_false (g_hash_table_contains (attributes, "account"));
  value = secret_item_get_secret (item);
  g_assert_cmpstr (secret_value_get_text (value), ==, "秘密-second");
  g_list_free_full (items, g_object_unref);

  /* The built-in sandbox, named after its database, is named as such. */
  {
    g_autofree char *builtin = NULL;
    g_autofree char *read_back = NULL;
    GList *all;
    gboolean seen = FALSE;

    builtin = op_endpoints_builtin_platform_id ("/home/u/.local/share/open1688/sandbox.db");
    store (secrets, OP_SECRET_KIND_APP_SECRET, builtin, "1234567", NULL, "builtin-secret");
    read_back = lookup (secrets, OP_SECRET_KIND_APP_SECRET, builtin, "1234567", NULL);
    g_assert_cmpstr (read_back, ==, "builtin-secret");
    all = all_items ();
    for (GList *l = all; l != NULL; l = l->next)
      seen |= g_strcmp0 (secret_item_get_label (l->data),
                         "Open 1688 AppSecret for app 1234567 on the built-in sandbox") == 0;
    g_list_free_full (all, g_object_unref);
    g_assert_true (seen);
  }

  /* Another app, another kind: not found. */
  missing = lookup (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "7654321", NULL);
  g_assert_null (missing);
  missing = lookup (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "1234567", NULL);
  g_assert_null (missing);
}

static void
test_platforms_apart (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autofree char *gone = NULL;

  clear_everything (secrets);

  store (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL, "sandbox-secret");
  store (secrets, OP_SECRET_KIND_APP_SECRET, PRODUCTION, "1234567", NULL, "real-secret");

  assert_secret (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL,
                 "sandbox-secret");
  assert_secret (secrets, OP_SECRET_KIND_APP_SECRET, PRODUCTION, "1234567", NULL,
                 "real-secret");

  clear (secrets, SANDBOX, "1234567", NULL);
  gone = lookup (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL);
  g_assert_null (gone);
  assert_secret (secrets, OP_SECRET_KIND_APP_SECRET, PRODUCTION, "1234567", NULL,
                 "real-secret");
}

static void
test_clear (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  char *gone;

  clear_everything (secrets);

  store (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1111111", NULL, "app-one");
  store (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "1111111", "alice", "at-alice-1");
  store (secrets, OP_SECRET_KIND_REFRESH_TOKEN, SANDBOX, "1111111", "alice", "rt-alice-1");
  store (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "1111111", "bob", "at-bob-1");
  store (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "2222222", NULL, "app-two");
  store (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "2222222", "alice", "at-alice-2");
  store (secrets, OP_SECRET_KIND_PLATFORM_SESSION, SANDBOX, NULL, "alice", "session-alice");

  assert_secret (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "1111111", "bob", "at-bob-1");
  assert_secret (secrets, OP_SECRET_KIND_PLATFORM_SESSION, SANDBOX, NULL, "alice",
                 "session-alice");

  /* Removing app 1111111 removes its secret and every member's tokens for it, nothing else. */
  clear (secrets, SANDBOX, "1111111", NULL);
  gone = lookup (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1111111", NULL);
  g_assert_null (gone);
  gone = lookup (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "1111111", "alice");
  g_assert_null (gone);
  gone = lookup (secrets, OP_SECRET_KIND_REFRESH_TOKEN, SANDBOX, "1111111", "alice");
  g_assert_null (gone);
  gone = lookup (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "1111111", "bob");
  g_assert_null (gone);
  assert_secret (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "2222222", NULL, "app-two");
  assert_secret (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "2222222", "alice",
                 "at-alice-2");

  /* Signing alice out removes her session and her tokens, not the app's secret. */
  clear (secrets, SANDBOX, NULL, "alice");
  gone = lookup (secrets, OP_SECRET_KIND_PLATFORM_SESSION, SANDBOX, NULL, "alice");
  g_assert_null (gone);
  gone = lookup (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "2222222", "alice");
  g_assert_null (gone);
  assert_secret (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "2222222", NULL, "app-two");

  /* Clearing what is not there is fine. */
  clear (secrets, SANDBOX, "9999999", NULL);
}

static OpToken *
make_token (const char *json,
            GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  OpToken *token = op_token_new_from_json (json, -1, now, &error);

  g_assert_no_error (error);

  return token;
}

static OpToken *
lookup_token (OpSecretStore  *secrets,
              const char     *platform,
              const char     *app_key,
              const char     *account,
              char          **found_account,
              GError        **error)
{
  OpTestOutcome outcome = { 0 };
  OpToken *token;

  op_secret_store_lookup_token_async (secrets, platform, app_key, account, NULL,
                                      op_test_token_looked_up_cb, &outcome);
  op_test_env_run_until (&outcome.done);

  if (outcome.error != NULL)
    g_propagate_error (error, g_steal_pointer (&outcome.error));
  if (found_account != NULL)
    *found_account = g_steal_pointer (&outcome.account);
  token = g_steal_pointer (&outcome.token);
  op_test_outcome_clear (&outcome);

  return token;
}

static void
store_token (OpSecretStore *secrets,
             const char    *platform,
             const char    *app_key,
             const char    *account,
             OpToken       *token)
{
  OpTestOutcome outcome = { 0 };

  op_secret_store_store_token_async (secrets, platform, app_key, account, token, NULL,
                                     op_test_token_stored_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
}

static guint
count_items (const char *kind)
{
  GList *items = all_items ();
  guint count = 0;

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_item_get_attributes (l->data);

      if (g_strcmp0 (g_hash_table_lookup (attributes, "kind"), kind) == 0)
        count++;
    }
  g_list_free_full (items, g_object_unref);

  return count;
}

static void
test_token (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autoptr(GDateTime) issued = g_date_time_new_utc (2026, 3, 1, 8, 30, 15.25);
  g_autoptr(OpToken) token = NULL;
  g_autoptr(OpToken) found = NULL;
  g_autoptr(OpToken) renewed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *account = NULL;
  g_autofree char *raw = NULL;

  clear_everything (secrets);

  found = lookup_token (secrets, SANDBOX, "1234567", NULL, NULL, &error);
  g_assert_null (found);
  g_assert_error (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  token = make_token ("{\"aliId\":\"8888888888\",\"resource_owner\":\"alice\","
                      "\"memberId\":\"b2b-alice\",\"expires_in\":\"36000\","
                      "\"access_token\":\"access-0123456789abcdef\","
                      "\"refresh_token\":\"refresh-0123456789abcdef\","
                      "\"refresh_token_timeout\":\"20261014200339000+0800\"}", issued);
  store_token (secrets, SANDBOX, "1234567", NULL, token);

  /* The account defaults to the resource owner, and the raw values can be read alone. */
  raw = lookup (secrets, OP_SECRET_KIND_ACCESS_TOKEN, SANDBOX, "1234567", "alice");
  g_assert_cmpstr (raw, ==, "access-0123456789abcdef");
  g_clear_pointer (&raw, op_secret_free);
  raw = lookup (secrets, OP_SECRET_KIND_REFRESH_TOKEN, SANDBOX, "1234567", "alice");
  g_assert_cmpstr (raw, ==, "refresh-0123456789abcdef");

  found = lookup_token (secrets, SANDBOX, "1234567", NULL, &account, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account, ==, "alice");
  g_assert_cmpstr (op_token_get_access_token (found), ==, "access-0123456789abcdef");
  g_assert_cmpstr (op_token_get_refresh_token (found), ==, "refresh-0123456789abcdef");
  g_assert_cmpstr (op_token_get_member_id (found), ==, "b2b-alice");
  g_assert_cmpstr (op_token_get_ali_id (found), ==, "8888888888");
  g_assert_cmpstr (op_token_get_resource_owner (found), ==, "alice");
  g_assert_cmpint (op_token_get_expires_in (found), ==, 36000);
  g_assert_true (g_date_time_equal (op_token_get_expires_at (found),
                                    op_token_get_expires_at (token)));
  g_assert_true (g_date_time_equal (op_token_get_refresh_token_expires_at (found),
                                    op_token_get_refresh_token_expires_at (token)));
  g_clear_object (&found);
  g_clear_pointer (&account, g_free);

  /* A refresh answer without a refresh token replaces the access token only. */
  renewed = make_token ("{\"resource_owner\":\"alice\",\"expires_in\":36000,"
                        "\"access_token\":\"access-renewed-0123456789\"}", NULL);
  store_token (secrets, SANDBOX, "1234567", NULL, renewed);
  g_assert_cmpuint (count_items ("access-token"), ==, 1);
  g_assert_cmpuint (count_items ("refresh-token"), ==, 1);

  found = lookup_token (secrets, SANDBOX, "1234567", "alice", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (op_token_get_access_token (found), ==, "access-renewed-0123456789");
  g_assert_cmpstr (op_token_get_refresh_token (found), ==, "refresh-0123456789abcdef");
  g_assert_false (op_token_is_expired (found, NULL));
  g_clear_object (&found);

  /* Another member is not alice, and the production platform has nothing. */
  found = lookup_token (secrets, SANDBOX, "1234567", "bob", NULL, &error);
  g_assert_error (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);
  found = lookup_token (secrets, PRODUCTION, "1234567", NULL, NULL, &error);
  g_assert_error (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);

  /* A fixed token stored alone (a self-use app's console token) is found too. */
  store (secrets, OP_SECRET_KIND_ACCESS_TOKEN, PRODUCTION, "7654321", NULL, "fixed-token-abc");
  found = lookup_token (secrets, PRODUCTION, "7654321", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (op_token_get_access_token (found), ==, "fixed-token-abc");
  g_assert_null (op_token_get_refresh_token (found));
  g_assert_false (op_token_is_expired (found, NULL));
}

static void
test_cancelled (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OpTestOutcome outcome = { 0 };

  g_cancellable_cancel (cancellable);

  /* The caller's own cancellation stays G_IO_ERROR_CANCELLED, to be ignored quietly. */
  op_secret_store_store_async (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL,
                               "never", cancellable, op_test_secret_stored_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (outcome.ok);
  op_test_outcome_clear (&outcome);

  op_secret_store_lookup_async (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL,
                                cancellable, op_test_secret_looked_up_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  op_test_outcome_clear (&outcome);
}

/* Runs last: there is no way to unlock the keyring again without a prompt. */
static void
test_locked (void)
{
  g_autoptr(OpSecretStore) secrets = op_secret_store_new ();
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  g_autolist(GObject) locked = NULL;
  OpTestOutcome outcome = { 0 };
  GList *to_lock;

  clear_everything (secrets);
  store (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL, "locked-away");

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  to_lock = g_list_append (NULL, collection);
  secret_service_lock_sync (service, to_lock, NULL, &locked, &error);
  g_list_free (to_lock);
  g_assert_no_error (error);
  g_assert_true (secret_collection_get_locked (collection));

  /* With no one to answer the unlock prompt, storing is refused with a clear error. */
  op_secret_store_store_async (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "7654321", NULL,
                               "not-kept", NULL, op_test_secret_stored_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_false (outcome.ok);
  g_assert_nonnull (outcome.error);
  g_assert_true (outcome.error->domain == OP_SECRET_ERROR);
  g_assert_true (outcome.error->code == OP_SECRET_ERROR_LOCKED ||
                 outcome.error->code == OP_SECRET_ERROR_CANCELLED_BY_USER);
  g_test_message ("Store into a locked keyring: %s", outcome.error->message);
  op_test_outcome_clear (&outcome);

  /* And reading a secret that is there but locked says so, instead of "not found". */
  op_secret_store_lookup_async (secrets, OP_SECRET_KIND_APP_SECRET, SANDBOX, "1234567", NULL,
                                NULL, op_test_secret_looked_up_cb, &outcome);
  op_test_env_run_until (&outcome.done);
  g_assert_null (outcome.secret);
  g_assert_nonnull (outcome.error);
  g_assert_true (outcome.error->domain == OP_SECRET_ERROR);
  g_assert_true (outcome.error->code == OP_SECRET_ERROR_LOCKED ||
                 outcome.error->code == OP_SECRET_ERROR_CANCELLED_BY_USER);
  g_test_message ("Lookup in a locked keyring: %s", outcome.error->message);
  op_test_outcome_clear (&outcome);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  op_test_env_setup (OP_TEST_ENV_KEYRING);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/secret-store/schema", test_schema);
  g_test_add_func ("/client/secret-store/round-trip", test_round_trip);
  g_test_add_func ("/client/secret-store/platforms-apart", test_platforms_apart);
  g_test_add_func ("/client/secret-store/clear", test_clear);
  g_test_add_func ("/client/secret-store/token", test_token);
  g_test_add_func ("/client/secret-store/cancelled", test_cancelled);
  g_test_add_func ("/client/secret-store/locked", test_locked);

  status = g_test_run ();
  op_test_env_teardown ();

  return status;
}
