/* test-platform-client.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "op-platform-client.h"
#include "op-quota.h"
#include "op-service.h"
#include "op-validate.h"

/* OpPlatformClient against the real platform service, started in-process
 * in the test's own main context with a fresh database for each test (the
 * automatic reviewer decides at once), and against stand-ins for what the
 * real one does not do on demand: a server that fails (for retries and
 * error mapping), a listener that accepts and never answers (timeouts), a
 * closed port (network errors). */

#define PASSWORD "sandbox"
#define CLIENT_DOMAIN "op-platform-client"
#define SOLUTION_MERCHANT G_GINT64_CONSTANT (1703167400002)     /* trustpass_merchant */
#define SOLUTION_LOGISTICS G_GINT64_CONSTANT (1703167400003)    /* buyers, merchants, cross-border */
#define SOLUTION_CROSSBORDER G_GINT64_CONSTANT (1703167397970)  /* crossborder_buyer */
#define ABILITY_IMAGE_SEARCH G_GINT64_CONSTANT (2001)
#define PACKAGE_1000_CALLS G_GINT64_CONSTANT (200101)

typedef struct
{
  char             *dir;
  OpService        *service;
  OpPlatformClient *client;
  guint             expired;
} Fixture;

/* --- Waiting for results ---------------------------------------------- */

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("A call gave no result within 30 s");

  return G_SOURCE_REMOVE;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  guint watchdog = g_timeout_add_seconds (30, watchdog_cb, NULL);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (watchdog);

  return *slot;
}

#define AWAIT(result) wait_for (&(result))

static gboolean
set_true_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
run_for_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* --- The fixture: a real platform -------------------------------------- */

static void
session_expired_cb (OpPlatformClient *client,
                    Fixture          *f)
{
  f->expired++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  OpServiceOptions options;

  f->dir = g_dir_make_tmp ("op-platform-client-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (f->dir, "sandbox.db", NULL);

  op_service_options_init (&options);
  options.review_delay_seconds = 0;

  f->service = op_service_new (db, &options, &error);
  g_assert_no_error (error);
  g_assert_true (op_service_listen (f->service, "127.0.0.1", 0, &error));
  g_assert_no_error (error);

  f->client = op_platform_client_new (NULL, op_service_get_base_url (f->service));
  g_signal_connect (f->client, "session-expired", G_CALLBACK (session_expired_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->client);
  op_service_stop (f->service);
  g_clear_object (&f->service);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* --- Synchronous helpers ------------------------------------------------ */

static OpAccount *
sign_in (Fixture    *f,
         const char *login,
         char      **token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  OpAccount *account;

  op_platform_client_sign_in_async (f->client, login, PASSWORD, NULL, result_cb, &result);
  account = op_platform_client_sign_in_finish (f->client, AWAIT (result), token, &error);
  g_assert_no_error (error);
  g_assert_true (OP_IS_ACCOUNT (account));

  return account;
}

static OpAccount *
get_account (Fixture  *f,
             GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  op_platform_client_get_account_async (f->client, NULL, result_cb, &result);

  return op_platform_client_get_account_finish (f->client, AWAIT (result), error);
}

static char *
sandbox_code (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *code = NULL;

  op_platform_client_get_sandbox_sms_async (f->client, NULL, result_cb, &result);
  g_assert_true (op_platform_client_get_sandbox_sms_finish (f->client, AWAIT (result),
                                                            &code, &text, &error));
  g_assert_no_error (error);

  if (code != NULL)
    g_assert_nonnull (strstr (text, code));

  return code;
}

/* Signs in and completes 入驻 through the client, as the onboarding wizard does. */
static OpAccount *
onboard (Fixture         *f,
         const char      *login,
         OpDeveloperType  type)
{
  g_autoptr(OpAccount) before = sign_in (f, login, NULL);
  g_autoptr(GAsyncResult) sms = NULL;
  g_autoptr(GAsyncResult) submit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  OpAccount *account;

  op_platform_client_request_sms_code_async (f->client, "13800138000", NULL, result_cb, &sms);
  g_assert_true (op_platform_client_request_sms_code_finish (f->client, AWAIT (sms), NULL, &error));
  g_assert_no_error (error);

  code = sandbox_code (f);
  g_assert_nonnull (code);

  op_platform_client_submit_onboarding_async (f->client, "13800138000", code, "Li Lei",
                                              "lilei@example.com", type,
                                              type == OP_DEVELOPER_TYPE_ISV ? "Example Co." : NULL,
                                              NULL, result_cb, &submit);
  account = op_platform_client_submit_onboarding_finish (f->client, AWAIT (submit), &error);
  g_assert_no_error (error);
  g_assert_true (op_account_get_is_developer (account));

  return account;
}

static OpSolutionOrderResult *
order_solution (Fixture     *f,
                gint64       solution_id,
                const char  *app_key,
                OpNewApp    *new_app,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  op_platform_client_order_solution_async (f->client, solution_id, app_key, new_app, NULL,
                                           result_cb, &result);

  return op_platform_client_order_solution_finish (f->client, AWAIT (result), error);
}

static OpApp *
new_app (Fixture    *f,
         gint64      solution_id,
         OpAppType   type,
         char      **secret)
{
  g_autoptr(OpNewApp) info = op_new_app_new ("Order sync", "Syncs orders", type, NULL);
  g_autoptr(OpSolutionOrderResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = order_solution (f, solution_id, NULL, info, &error);
  g_assert_no_error (error);

  if (secret != NULL)
    *secret = g_strdup (op_solution_order_result_get_app_secret (result));

  return g_object_ref (op_solution_order_result_get_app (result));
}

static OpApp *
get_app (Fixture    *f,
         const char *app_key,
         GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  op_platform_client_get_app_async (f->client, app_key, NULL, result_cb, &result);

  return op_platform_client_get_app_finish (f->client, AWAIT (result), error);
}

static OpQualification *
get_qualification (Fixture  *f,
                   gint64    id,
                   GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  op_platform_client_get_qualification_async (f->client, id, NULL, result_cb, &result);

  return op_platform_client_get_qualification_finish (f->client, AWAIT (result), error);
}

/* Waits for the automatic reviewer (no delay in these tests) to decide. */
static OpQualification *
wait_for_decision (Fixture *f,
                   gint64   id)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpQualification) qualification = get_qualification (f, id, &error);

      g_assert_no_error (error);
      if (op_qualification_get_state (qualification) != OP_REVIEW_STATE_PENDING)
        return g_steal_pointer (&qualification);

      run_for_ms (20);
    }

  g_error ("Qualification %" G_GINT64_FORMAT " was never decided", id);
}

static OpApp *
wait_for_app_state (Fixture    *f,
                    const char *app_key,
                    OpAppState  state)
{
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpApp) app = get_app (f, app_key, &error);

      g_assert_no_error (error);
      if (op_app_get_state (app) == state)
        return g_steal_pointer (&app);

      run_for_ms (20);
    }

  g_error ("App %s never reached state %d", app_key, state);
}

static void
sql (Fixture    *f,
     const char *statement,
     const char *types,
     ...)
{
  g_autoptr(GError) error = NULL;
  OpStore *store = op_service_get_store (f->service);
  sqlite3_stmt *stmt;
  va_list args;

  /* Only what a test cannot do through the API: recording gateway calls. */
  g_assert_cmpint (sqlite3_prepare_v2 (op_store_get_db (store), statement, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 's')
        sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
    }
  va_end (args);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return op_quota_platform_day (now);
}

static char *
valid_uscc (void)
{
  const char *first17 = "91350100M000100Y4";
  char check = 0;

  g_assert_true (op_validate_uscc_check_char (first17, &check));

  return g_strdup_printf ("%s%c", first17, check);
}

static GHashTable *
merchant_fields (const char *uscc)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d };
  GHashTable *fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *image = g_base64_encode (png, sizeof png);

  g_hash_table_insert (fields, g_strdup ("company_name"), g_strdup ("杭州示例贸易有限公司"));
  g_hash_table_insert (fields, g_strdup ("uscc"), g_strdup (uscc));
  g_hash_table_insert (fields, g_strdup ("business_licence"), g_strconcat ("data:image/png;base64,", image, NULL));
  g_hash_table_insert (fields, g_strdup ("shop_url"), g_strdup ("https://shop.example.1688.com/"));
  g_hash_table_insert (fields, g_strdup ("contact_name"), g_strdup ("韩梅梅"));
  g_hash_table_insert (fields, g_strdup ("contact_mobile"), g_strdup ("13900139000"));

  return fields;
}

static gboolean
starts_with_lead_in (const GError *error)
{
  return g_str_has_prefix (error->message, "The platform says: ");
}

/* --- Session and account ------------------------------------------------ */

static void
test_sign_in_accounts (Fixture       *f,
                       gconstpointer  data)
{
  static const struct {
    const char *login;
    const char *role;
    gboolean    verified;
  } accounts[] = {
    { "merchant", "trustpass_merchant", TRUE },
    { "buyer", "professional_buyer", TRUE },
    { "crossborder", "crossborder_buyer", TRUE },
    { "newcomer", NULL, TRUE },
    { "unverified", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      g_autoptr(OpAccount) account = NULL;
      g_autoptr(OpAccount) again = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *token = NULL;

      account = sign_in (f, accounts[i].login, &token);
      g_assert_nonnull (token);
      g_assert_cmpuint (strlen (token), >=, 32);
      g_assert_true (op_platform_client_get_signed_in (f->client));
      g_assert_cmpstr (op_account_get_login (account), ==, accounts[i].login);
      g_assert_cmpint (op_account_get_real_name_verified (account), ==, accounts[i].verified);
      g_assert_false (op_account_get_is_developer (account));
      g_assert_cmpint (op_account_get_developer_type (account), ==, OP_DEVELOPER_TYPE_NONE);
      g_assert_true (g_str_has_prefix (op_account_get_member_id (account), "b2b-"));

      if (accounts[i].verified)
        g_assert_null (op_account_get_verification_help_url (account));
      else
        g_assert_nonnull (op_account_get_verification_help_url (account));

      if (accounts[i].role != NULL)
        {
          g_assert_cmpuint (g_strv_length ((char **) op_account_get_role_ids (account)), ==, 1);
          g_assert_true (op_account_has_role (account, accounts[i].role));
          g_assert_true (op_account_get_role_detected (account, accounts[i].role));
          g_assert_nonnull (op_account_get_role_name (account, accounts[i].role));
        }
      else
        g_assert_cmpuint (g_strv_length ((char **) op_account_get_role_ids (account)), ==, 0);

      /* The client uses the new session by itself. */
      again = get_account (f, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (op_account_get_login (again), ==, accounts[i].login);
    }

  g_assert_cmpuint (f->expired, ==, 0);
}

static void
test_sign_in_wrong_password (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) zh_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) zh_error = NULL;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(OpAccount) zh_account = NULL;
  char *token = NULL;

  op_platform_client_sign_in_async (f->client, "merchant", "wrong", NULL, result_cb, &result);
  account = op_platform_client_sign_in_finish (f->client, AWAIT (result), &token, &error);
  g_assert_null (account);
  g_assert_null (token);
  g_assert_error (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_WRONG_CREDENTIALS);
  g_assert_cmpstr (op_platform_error_get_server_code (error), ==, "invalid_credentials");
  g_assert_cmpuint (op_platform_error_get_http_status (error), ==, 401);
  g_assert_true (starts_with_lead_in (error));
  g_assert_false (op_platform_client_get_signed_in (f->client));
  /* A wrong password is not an expired session. */
  g_assert_cmpuint (f->expired, ==, 0);

  /* The platform answers in the language asked for. */
  op_platform_client_set_language (f->client, "zh-CN");
  g_assert_cmpstr (op_platform_client_get_language (f->client), ==, "zh-CN");
  op_platform_client_sign_in_async (f->client, "nobody", "wrong", NULL, result_cb, &zh_result);
  zh_account = op_platform_client_sign_in_finish (f->client, AWAIT (zh_result), NULL, &zh_error);
  g_assert_null (zh_account);
  g_assert_error (zh_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_WRONG_CREDENTIALS);
  g_assert_nonnull (strstr (zh_error->message, "账号或密码错误"));
}

static void
test_sign_out_and_expiry (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(OpAccount) account = sign_in (f, "buyer", NULL);
  g_autoptr(GAsyncResult) out = NULL;
  g_autoptr(GAsyncResult) out_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expired = NULL;
  g_autoptr(GError) forged = NULL;
  g_autoptr(OpAccount) after = NULL;
  g_autoptr(OpAccount) with_forged = NULL;
  g_autofree char *token = NULL;
  g_autoptr(OpAccount) second = sign_in (f, "buyer", &token);

  op_platform_client_sign_out_async (f->client, NULL, result_cb, &out);
  g_assert_false (op_platform_client_get_signed_in (f->client));
  g_assert_true (op_platform_client_sign_out_finish (f->client, AWAIT (out), &error));
  g_assert_no_error (error);

  /* Without a session: 401, mapped and signalled. */
  after = get_account (f, &expired);
  g_assert_null (after);
  g_assert_error (expired, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SESSION_EXPIRED);
  g_assert_cmpuint (op_platform_error_get_http_status (expired), ==, 401);
  g_assert_cmpuint (f->expired, ==, 1);

  /* The token signed out is dead on the platform too. */
  op_platform_client_set_session_token (f->client, token);
  with_forged = get_account (f, &forged);
  g_assert_error (forged, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SESSION_EXPIRED);
  g_assert_cmpuint (f->expired, ==, 2);

  /* Signing out of a dead session is done, not an error, and not a signal. */
  op_platform_client_sign_out_async (f->client, NULL, result_cb, &out_again);
  g_clear_error (&error);
  g_assert_true (op_platform_client_sign_out_finish (f->client, AWAIT (out_again), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->expired, ==, 2);
}

/* --- Onboarding ----------------------------------------------------------- */

static void
test_onboarding (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(OpAccount) account = sign_in (f, "newcomer", NULL);
  g_autoptr(GAsyncResult) bad_sms = NULL;
  g_autoptr(GAsyncResult) sms = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GAsyncResult) invalid = NULL;
  g_autoptr(GAsyncResult) wrong = NULL;
  g_autoptr(GAsyncResult) submit = NULL;
  g_autoptr(GAsyncResult) twice = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bad_error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(GError) invalid_error = NULL;
  g_autoptr(GError) wrong_error = NULL;
  g_autoptr(GError) twice_error = NULL;
  g_autoptr(OpAccount) developer = NULL;
  g_autoptr(OpAccount) refused = NULL;
  g_autoptr(OpAccount) wrong_code = NULL;
  g_autoptr(OpAccount) not_twice = NULL;
  g_autofree char *code = NULL;
  g_autofree char *none = NULL;
  guint resend_after = 0;

  none = sandbox_code (f);
  g_assert_null (none);

  op_platform_client_request_sms_code_async (f->client, "12345", NULL, result_cb, &bad_sms);
  g_assert_false (op_platform_client_request_sms_code_finish (f->client, AWAIT (bad_sms), NULL,
                                                              &bad_error));
  g_assert_error (bad_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_nonnull (op_platform_error_get_field (bad_error, "mobile"));
  g_assert_cmpuint (g_hash_table_size (op_platform_error_get_fields (bad_error)), ==, 1);

  op_platform_client_request_sms_code_async (f->client, "139 1234 5678", NULL, result_cb, &sms);
  g_assert_true (op_platform_client_request_sms_code_finish (f->client, AWAIT (sms),
                                                             &resend_after, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (resend_after, ==, 60);

  op_platform_client_request_sms_code_async (f->client, "13912345678", NULL, result_cb, &again);
  g_assert_false (op_platform_client_request_sms_code_finish (f->client, AWAIT (again), NULL,
                                                              &again_error));
  g_assert_error (again_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_RATE_LIMITED);
  g_assert_cmpuint (op_platform_error_get_retry_after (again_error), >, 0);
  g_assert_cmpuint (op_platform_error_get_retry_after (again_error), <=, 60);

  code = sandbox_code (f);
  g_assert_nonnull (code);
  g_assert_cmpuint (strlen (code), ==, 6);

  op_platform_client_submit_onboarding_async (f->client, "13912345678", code, "Li Lei",
                                              "not-an-email", OP_DEVELOPER_TYPE_ISV, NULL, NULL,
                                              result_cb, &invalid);
  refused = op_platform_client_submit_onboarding_finish (f->client, AWAIT (invalid), &invalid_error);
  g_assert_null (refused);
  g_assert_error (invalid_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_nonnull (op_platform_error_get_field (invalid_error, "email"));
  g_assert_nonnull (op_platform_error_get_field (invalid_error, "company_name"));
  g_assert_null (op_platform_error_get_field (invalid_error, "contact_name"));

  op_platform_client_submit_onboarding_async (f->client, "13912345678",
                                              g_str_equal (code, "000000") ? "111111" : "000000",
                                              "Li Lei", "lilei@example.com",
                                              OP_DEVELOPER_TYPE_SELF_USE, NULL, NULL,
                                              result_cb, &wrong);
  wrong_code = op_platform_client_submit_onboarding_finish (f->client, AWAIT (wrong), &wrong_error);
  g_assert_null (wrong_code);
  g_assert_error (wrong_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_nonnull (op_platform_error_get_field (wrong_error, "sms_code"));
  g_assert_cmpuint (g_hash_table_size (op_platform_error_get_fields (wrong_error)), ==, 1);

  op_platform_client_submit_onboarding_async (f->client, "13912345678", code, "Li Lei",
                                              "lilei@example.com", OP_DEVELOPER_TYPE_SELF_USE,
                                              NULL, NULL, result_cb, &submit);
  developer = op_platform_client_submit_onboarding_finish (f->client, AWAIT (submit), &error);
  g_assert_no_error (error);
  g_assert_true (op_account_get_is_developer (developer));
  g_assert_cmpint (op_account_get_developer_type (developer), ==, OP_DEVELOPER_TYPE_SELF_USE);
  g_assert_cmpstr (op_account_get_mobile (developer), ==, "13912345678");
  g_assert_cmpstr (op_account_get_contact_name (developer), ==, "Li Lei");
  g_assert_null (op_account_get_company_name (developer));
  g_assert_nonnull (op_account_get_onboarded_at (developer));

  op_platform_client_submit_onboarding_async (f->client, "13912345678", code, "Li Lei",
                                              "lilei@example.com", OP_DEVELOPER_TYPE_SELF_USE,
                                              NULL, NULL, result_cb, &twice);
  not_twice = op_platform_client_submit_onboarding_finish (f->client, AWAIT (twice), &twice_error);
  g_assert_error (twice_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);
  g_assert_cmpstr (op_platform_error_get_server_code (twice_error), ==, "already_onboarded");
}

static void
test_onboarding_unverified (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(OpAccount) account = sign_in (f, "unverified", NULL);
  g_autoptr(GAsyncResult) sms = NULL;
  g_autoptr(GError) error = NULL;

  op_platform_client_request_sms_code_async (f->client, "13800138000", NULL, result_cb, &sms);
  g_assert_false (op_platform_client_request_sms_code_finish (f->client, AWAIT (sms), NULL, &error));
  g_assert_error (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_WRONG_ROLE);
  g_assert_cmpstr (op_platform_error_get_server_code (error), ==, "not_real_name_verified");
  g_assert_cmpuint (op_platform_error_get_http_status (error), ==, 403);
  g_assert_true (starts_with_lead_in (error));
  g_assert_nonnull (strstr (error->message, "Alipay"));
}

/* --- Roles and qualifications -------------------------------------------- */

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(OpAccount) account = sign_in (f, "merchant", NULL);
  g_autoptr(GAsyncResult) list = NULL;
  g_autoptr(GAsyncResult) one = NULL;
  g_autoptr(GAsyncResult) zh = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(OpRole) role = NULL;
  g_autoptr(OpRole) zh_role = NULL;
  g_autoptr(OpRole) no_role = NULL;
  g_autoptr(OpRole) first = NULL;
  OpFormField *uscc;

  op_platform_client_list_roles_async (f->client, NULL, result_cb, &list);
  roles = op_platform_client_list_roles_finish (f->client, AWAIT (list), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 4);
  g_assert_true (g_list_model_get_item_type (roles) == OP_TYPE_ROLE);

  first = g_list_model_get_item (roles, 0);
  g_assert_cmpstr (op_role_get_id (first), ==, "trustpass_merchant");
  g_assert_true (op_role_get_held (first));
  g_assert_cmpint (op_role_get_application_state (first), ==, OP_REVIEW_STATE_NONE);

  op_platform_client_get_role_async (f->client, "isv", NULL, result_cb, &one);
  role = op_platform_client_get_role_finish (f->client, AWAIT (one), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (op_role_get_name (role), ==, "Service provider (ISV)");
  g_assert_false (op_role_get_held (role));
  g_assert_cmpuint (g_list_model_get_n_items (op_role_get_form (role)), ==, 8);

  uscc = op_role_lookup_field (role, "uscc");
  g_assert_nonnull (uscc);
  g_assert_cmpstr (op_form_field_get_field_type (uscc), ==, "text");
  g_assert_cmpstr (op_form_field_get_validation (uscc), ==, "uscc");
  g_assert_cmpuint (op_form_field_get_max_length (uscc), ==, 18);
  g_assert_true (op_form_field_get_required (uscc));
  g_assert_cmpstr (op_form_field_get_label (uscc), ==, "Unified social credit code");
  g_assert_null (op_role_lookup_field (role, "no_such_field"));

  op_platform_client_set_language (f->client, "zh-CN");
  op_platform_client_get_role_async (f->client, "isv", NULL, result_cb, &zh);
  zh_role = op_platform_client_get_role_finish (f->client, AWAIT (zh), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (op_role_get_name (zh_role), ==, "服务商");
  g_assert_cmpstr (op_form_field_get_label (op_role_lookup_field (zh_role, "uscc")), ==,
                   "统一社会信用代码");

  op_platform_client_get_role_async (f->client, "no_such_role", NULL, result_cb, &missing);
  no_role = op_platform_client_get_role_finish (f->client, AWAIT (missing), &missing_error);
  g_assert_null (no_role);
  g_assert_error (missing_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NOT_FOUND);
}

static void
test_qualifications (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OpAccount) developer = onboard (f, "newcomer", OP_DEVELOPER_TYPE_SELF_USE);
  g_autofree char *good = valid_uscc ();
  g_autofree char *bad = g_strdup (good);
  g_autoptr(GHashTable) too_long = NULL;
  g_autoptr(GHashTable) wrong_checksum = NULL;
  g_autoptr(GHashTable) corrected = NULL;
  g_autoptr(GAsyncResult) shape = NULL;
  g_autoptr(GAsyncResult) apply = NULL;
  g_autoptr(GAsyncResult) resubmit = NULL;
  g_autoptr(GAsyncResult) resubmit_again = NULL;
  g_autoptr(GAsyncResult) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) shape_error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(OpQualification) refused = NULL;
  g_autoptr(OpQualification) pending = NULL;
  g_autoptr(OpQualification) rejected = NULL;
  g_autoptr(OpQualification) resubmitted = NULL;
  g_autoptr(OpQualification) approved = NULL;
  g_autoptr(OpQualification) not_again = NULL;
  g_autoptr(OpQualification) missing = NULL;
  g_autoptr(OpQualification) listed = NULL;
  g_autoptr(GListModel) qualifications = NULL;
  g_autoptr(OpAccount) account = NULL;

  /* A shape the platform refuses at once: 19 characters, an unknown field. */
  too_long = merchant_fields ("91350100M000100Y43X");
  g_hash_table_insert (too_long, g_strdup ("bogus"), g_strdup ("x"));
  op_platform_client_apply_qualification_async (f->client, "trustpass_merchant", too_long, NULL,
                                                result_cb, &shape);
  refused = op_platform_client_apply_qualification_finish (f->client, AWAIT (shape), &shape_error);
  g_assert_null (refused);
  g_assert_error (shape_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_nonnull (op_platform_error_get_field (shape_error, "fields.uscc"));
  g_assert_nonnull (op_platform_error_get_field (shape_error, "fields.bogus"));
  g_assert_null (op_platform_error_get_field (shape_error, "fields.company_name"));

  /* A wrong check character: accepted for review, then rejected for that field. */
  bad[17] = bad[17] == '0' ? '1' : '0';
  g_assert_false (op_validate_uscc (bad, NULL));
  wrong_checksum = merchant_fields (bad);
  op_platform_client_apply_qualification_async (f->client, "trustpass_merchant", wrong_checksum,
                                                NULL, result_cb, &apply);
  pending = op_platform_client_apply_qualification_finish (f->client, AWAIT (apply), &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_qualification_get_state (pending), ==, OP_REVIEW_STATE_PENDING);
  g_assert_cmpstr (op_qualification_get_role_id (pending), ==, "trustpass_merchant");
  g_assert_cmpstr (g_hash_table_lookup (op_qualification_get_fields (pending), "uscc"), ==, bad);

  rejected = wait_for_decision (f, op_qualification_get_id (pending));
  g_assert_cmpint (op_qualification_get_state (rejected), ==, OP_REVIEW_STATE_REJECTED);
  g_assert_nonnull (op_qualification_get_reason (rejected));
  g_assert_nonnull (op_qualification_get_field_reasons (rejected));
  g_assert_nonnull (g_hash_table_lookup (op_qualification_get_field_reasons (rejected), "uscc"));
  g_assert_null (g_hash_table_lookup (op_qualification_get_field_reasons (rejected), "shop_url"));

  /* Corrected and submitted again: approved, and the role is the account's. */
  corrected = merchant_fields (good);
  op_platform_client_resubmit_qualification_async (f->client, op_qualification_get_id (rejected),
                                                   corrected, NULL, result_cb, &resubmit);
  resubmitted = op_platform_client_resubmit_qualification_finish (f->client, AWAIT (resubmit),
                                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_qualification_get_state (resubmitted), ==, OP_REVIEW_STATE_PENDING);
  g_assert_null (op_qualification_get_field_reasons (resubmitted));

  approved = wait_for_decision (f, op_qualification_get_id (resubmitted));
  g_assert_cmpint (op_qualification_get_state (approved), ==, OP_REVIEW_STATE_APPROVED);

  account = get_account (f, &error);
  g_assert_no_error (error);
  g_assert_true (op_account_has_role (account, "trustpass_merchant"));
  g_assert_false (op_account_get_role_detected (account, "trustpass_merchant"));

  /* Only a rejected application is submitted again. */
  op_platform_client_resubmit_qualification_async (f->client, op_qualification_get_id (approved),
                                                   corrected, NULL, result_cb, &resubmit_again);
  not_again = op_platform_client_resubmit_qualification_finish (f->client, AWAIT (resubmit_again),
                                                                &again_error);
  g_assert_null (not_again);
  g_assert_error (again_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);
  g_assert_cmpstr (op_platform_error_get_server_code (again_error), ==, "wrong_state");

  op_platform_client_list_qualifications_async (f->client, NULL, result_cb, &list);
  qualifications = op_platform_client_list_qualifications_finish (f->client, AWAIT (list), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (qualifications), ==, 1);
  listed = g_list_model_get_item (qualifications, 0);
  g_assert_cmpint (op_qualification_get_id (listed), ==, op_qualification_get_id (approved));
  g_assert_null (op_qualification_get_fields (listed));

  missing = get_qualification (f, G_GINT64_CONSTANT (999999), &missing_error);
  g_assert_null (missing);
  g_assert_error (missing_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NOT_FOUND);
}

static void
test_qualification_needs_developer (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(OpAccount) account = sign_in (f, "buyer", NULL);
  g_autoptr(GHashTable) fields = merchant_fields ("91350100M000100Y43");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpQualification) qualification = NULL;

  op_platform_client_apply_qualification_async (f->client, "trustpass_merchant", fields, NULL,
                                                result_cb, &result);
  qualification = op_platform_client_apply_qualification_finish (f->client, AWAIT (result), &error);
  g_assert_null (qualification);
  g_assert_error (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_WRONG_ROLE);
  g_assert_cmpstr (op_platform_error_get_server_code (error), ==, "not_a_developer");
  g_assert_true (starts_with_lead_in (error));
  g_assert_cmpuint (f->expired, ==, 0);
}

/* --- Solutions and apps -------------------------------------------------- */

static OpSolution *
find_solution (GListModel *solutions,
               gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (solutions); i++)
    {
      g_autoptr(OpSolution) solution = g_list_model_get_item (solutions, i);

      if (op_solution_get_id (solution) == id)
        return g_steal_pointer (&solution);
    }

  return NULL;
}

static void
test_solutions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(OpAccount) newcomer = sign_in (f, "newcomer", NULL);
  g_autoptr(GAsyncResult) before = NULL;
  g_autoptr(GAsyncResult) list = NULL;
  g_autoptr(GAsyncResult) detail = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(GListModel) not_yet = NULL;
  g_autoptr(GListModel) solutions = NULL;
  g_autoptr(OpSolution) newcomer_view = NULL;
  g_autoptr(OpSolution) merchant_view = NULL;
  g_autoptr(OpSolution) crossborder_view = NULL;
  g_autoptr(OpSolution) solution = NULL;
  g_autoptr(OpSolution) no_solution = NULL;
  g_autoptr(OpAccount) merchant = NULL;

  /* Before 入驻 nothing is orderable, and the platform says why. */
  op_platform_client_list_solutions_async (f->client, NULL, result_cb, &before);
  not_yet = op_platform_client_list_solutions_finish (f->client, AWAIT (before), &error);
  g_assert_no_error (error);
  newcomer_view = find_solution (not_yet, SOLUTION_MERCHANT);
  g_assert_nonnull (newcomer_view);
  g_assert_false (op_solution_get_orderable (newcomer_view));
  g_assert_cmpstr (op_solution_get_not_orderable_code (newcomer_view), ==, "not_a_developer");
  g_assert_nonnull (op_solution_get_not_orderable_message (newcomer_view));

  merchant = onboard (f, "merchant", OP_DEVELOPER_TYPE_SELF_USE);
  op_platform_client_list_solutions_async (f->client, NULL, result_cb, &list);
  solutions = op_platform_client_list_solutions_finish (f->client, AWAIT (list), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (solutions), ==, 5);

  merchant_view = find_solution (solutions, SOLUTION_MERCHANT);
  g_assert_true (op_solution_get_orderable (merchant_view));
  g_assert_null (op_solution_get_not_orderable_code (merchant_view));
  g_assert_cmpuint (op_solution_get_api_count (merchant_view), ==, 5);
  g_assert_false (op_solution_get_has_details (merchant_view));
  g_assert_cmpuint (op_solution_get_n_required_roles (merchant_view), ==, 1);
  g_assert_cmpstr (op_solution_get_required_role_id (merchant_view, 0), ==, "trustpass_merchant");
  g_assert_true (op_solution_get_required_role_held (merchant_view, 0));

  crossborder_view = find_solution (solutions, SOLUTION_CROSSBORDER);
  g_assert_false (op_solution_get_orderable (crossborder_view));
  g_assert_cmpstr (op_solution_get_not_orderable_code (crossborder_view), ==, "role_required");
  g_assert_false (op_solution_get_required_role_held (crossborder_view, 0));

  op_platform_client_get_solution_async (f->client, SOLUTION_MERCHANT, NULL, result_cb, &detail);
  solution = op_platform_client_get_solution_finish (f->client, AWAIT (detail), &error);
  g_assert_no_error (error);
  g_assert_true (op_solution_get_has_details (solution));
  g_assert_cmpuint (op_solution_get_n_apis (solution), ==, 5);
  g_assert_nonnull (strchr (op_solution_get_api_id (solution, 0), ':'));
  g_assert_nonnull (op_solution_get_api_title (solution, 0));
  g_assert_true (g_str_has_prefix (op_solution_get_api_doc_url (solution, 0), "https://"));
  g_assert_cmpuint (op_solution_get_n_topics (solution), ==, op_solution_get_topic_count (solution));

  op_platform_client_get_solution_async (f->client, 42, NULL, result_cb, &missing);
  no_solution = op_platform_client_get_solution_finish (f->client, AWAIT (missing), &missing_error);
  g_assert_null (no_solution);
  g_assert_error (missing_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NOT_FOUND);
}

static void
test_order_solution (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OpAccount) merchant = onboard (f, "merchant", OP_DEVELOPER_TYPE_SELF_USE);
  g_autoptr(OpNewApp) info = op_new_app_new ("Order sync", "Syncs orders", OP_APP_TYPE_SELF_USE,
                                             "https://example.com/callback");
  g_autoptr(OpNewApp) bad_info = op_new_app_new ("", NULL, OP_APP_TYPE_SELF_USE, "http://insecure.example.com/");
  g_autoptr(OpNewApp) isv_info = op_new_app_new ("For sale", NULL, OP_APP_TYPE_ISV, NULL);
  g_autoptr(OpSolutionOrderResult) created = NULL;
  g_autoptr(OpSolutionOrderResult) existing = NULL;
  g_autoptr(OpSolutionOrderResult) twice = NULL;
  g_autoptr(OpSolutionOrderResult) invalid = NULL;
  g_autoptr(OpSolutionOrderResult) not_isv = NULL;
  g_autoptr(OpSolutionOrderResult) no_role = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) twice_error = NULL;
  g_autoptr(GError) invalid_error = NULL;
  g_autoptr(GError) isv_error = NULL;
  g_autoptr(GError) role_error = NULL;
  g_autoptr(GAsyncResult) list = NULL;
  g_autoptr(GListModel) apps = NULL;
  OpApp *app;

  created = order_solution (f, SOLUTION_MERCHANT, NULL, info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_solution_order_result_get_order_id (created), >, 0);
  g_assert_cmpint (op_solution_order_result_get_solution_id (created), ==, SOLUTION_MERCHANT);
  g_assert_nonnull (op_solution_order_result_get_solution_name (created));
  g_assert_nonnull (op_solution_order_result_get_app_secret (created));
  g_assert_cmpuint (strlen (op_solution_order_result_get_app_secret (created)), >=, 16);
  app = op_solution_order_result_get_app (created);
  g_assert_true (op_validate_app_key (op_app_get_app_key (app), NULL));
  g_assert_cmpstr (op_app_get_name (app), ==, "Order sync");
  g_assert_cmpstr (op_app_get_callback_url (app), ==, "https://example.com/callback");
  g_assert_cmpint (op_app_get_app_type (app), ==, OP_APP_TYPE_SELF_USE);
  g_assert_cmpint (op_app_get_state (app), ==, OP_APP_STATE_DEVELOPING);
  g_assert_cmpint (op_app_get_daily_limit (app), ==, OP_QUOTA_DEVELOPMENT_DAILY_LIMIT);
  g_assert_true (op_app_has_solution (app, SOLUTION_MERCHANT));

  /* The same app orders another solution: no secret this time. */
  existing = order_solution (f, SOLUTION_LOGISTICS, op_app_get_app_key (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (op_solution_order_result_get_app_secret (existing));
  g_assert_cmpstr (op_app_get_app_key (op_solution_order_result_get_app (existing)), ==,
                   op_app_get_app_key (app));
  g_assert_cmpuint (op_app_get_n_solutions (op_solution_order_result_get_app (existing)), ==, 2);

  twice = order_solution (f, SOLUTION_MERCHANT, op_app_get_app_key (app), NULL, &twice_error);
  g_assert_null (twice);
  g_assert_error (twice_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);
  g_assert_cmpstr (op_platform_error_get_server_code (twice_error), ==, "already_ordered");

  invalid = order_solution (f, SOLUTION_MERCHANT, NULL, bad_info, &invalid_error);
  g_assert_error (invalid_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_nonnull (op_platform_error_get_field (invalid_error, "new_app.name"));
  g_assert_nonnull (op_platform_error_get_field (invalid_error, "new_app.callback_url"));

  not_isv = order_solution (f, SOLUTION_MERCHANT, NULL, isv_info, &isv_error);
  g_assert_error (isv_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_WRONG_ROLE);
  g_assert_cmpstr (op_platform_error_get_server_code (isv_error), ==, "isv_only");

  no_role = order_solution (f, SOLUTION_CROSSBORDER, NULL, info, &role_error);
  g_assert_error (role_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_WRONG_ROLE);
  g_assert_cmpstr (op_platform_error_get_server_code (role_error), ==, "role_required");

  /* Nothing refused created an app. */
  op_platform_client_list_apps_async (f->client, NULL, result_cb, &list);
  apps = op_platform_client_list_apps_finish (f->client, AWAIT (list), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (apps), ==, 1);
}

static void
test_apps_launch (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(OpAccount) merchant = onboard (f, "merchant", OP_DEVELOPER_TYPE_SELF_USE);
  g_autofree char *secret = NULL;
  g_autoptr(OpApp) app = new_app (f, SOLUTION_MERCHANT, OP_APP_TYPE_SELF_USE, &secret);
  const char *app_key = op_app_get_app_key (app);
  g_autofree char *day = today ();
  g_autoptr(GAsyncResult) reset = NULL;
  g_autoptr(GAsyncResult) early = NULL;
  g_autoptr(GAsyncResult) launch = NULL;
  g_autoptr(GAsyncResult) low = NULL;
  g_autoptr(GAsyncResult) too_soon = NULL;
  g_autoptr(GAsyncResult) increase = NULL;
  g_autoptr(GAsyncResult) usage = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) early_error = NULL;
  g_autoptr(GError) low_error = NULL;
  g_autoptr(GError) soon_error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(OpApp) details = NULL;
  g_autoptr(OpApp) refused = NULL;
  g_autoptr(OpApp) in_review = NULL;
  g_autoptr(OpApp) launched = NULL;
  g_autoptr(OpApp) no_low = NULL;
  g_autoptr(OpApp) no_soon = NULL;
  g_autoptr(OpApp) raised = NULL;
  g_autoptr(OpApp) missing = NULL;
  g_autoptr(GListModel) days = NULL;
  g_autoptr(OpUsageDay) first_day = NULL;
  g_autofree char *new_secret = NULL;

  details = get_app (f, app_key, &error);
  g_assert_no_error (error);
  g_assert_true (op_app_get_has_details (details));
  g_assert_false (op_app_get_has_successful_call (details));
  g_assert_cmpint (op_app_get_launch_state (details), ==, OP_REVIEW_STATE_NONE);
  g_assert_cmpint (op_app_get_used_today (details), ==, 0);
  g_assert_cmpint (op_app_get_left_today (details), ==, OP_QUOTA_DEVELOPMENT_DAILY_LIMIT);
  g_assert_cmpstr (op_app_get_quota_day (details), ==, day);
  g_assert_nonnull (op_app_get_quota_resets_at (details));
  g_assert_false (op_app_get_may_request_increase (details));

  op_platform_client_reset_app_secret_async (f->client, app_key, NULL, result_cb, &reset);
  new_secret = op_platform_client_reset_app_secret_finish (f->client, AWAIT (reset), &error);
  g_assert_no_error (error);
  g_assert_nonnull (new_secret);
  g_assert_cmpstr (new_secret, !=, secret);

  /* The launch precondition: a successful call on record. */
  op_platform_client_launch_app_async (f->client, app_key, NULL, result_cb, &early);
  refused = op_platform_client_launch_app_finish (f->client, AWAIT (early), &early_error);
  g_assert_null (refused);
  g_assert_error (early_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);
  g_assert_cmpstr (op_platform_error_get_server_code (early_error), ==,
                   "launch_needs_successful_call");
  g_assert_true (starts_with_lead_in (early_error));

  sql (f, "INSERT INTO api_usage (app_id, day, api_id, successes, failures) "
          "SELECT id, ?2, 'com.alibaba.product:alibaba.category.get-1', 1, 0 FROM apps "
          "WHERE app_key = ?1", "ss", app_key, day);

  op_platform_client_launch_app_async (f->client, app_key, NULL, result_cb, &launch);
  in_review = op_platform_client_launch_app_finish (f->client, AWAIT (launch), &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_app_get_state (in_review), ==, OP_APP_STATE_LAUNCH_REVIEW);
  g_assert_cmpint (op_app_get_launch_state (in_review), ==, OP_REVIEW_STATE_PENDING);
  g_assert_true (op_app_get_has_successful_call (in_review));

  launched = wait_for_app_state (f, app_key, OP_APP_STATE_LAUNCHED);
  g_assert_cmpint (op_app_get_launch_state (launched), ==, OP_REVIEW_STATE_APPROVED);
  g_assert_cmpint (op_app_get_daily_limit (launched), ==, OP_QUOTA_LAUNCHED_DAILY_LIMIT);

  /* 调高调用量: not below the current limit, not before 80% of it is used. */
  op_platform_client_request_quota_increase_async (f->client, app_key, 1000, "More", NULL,
                                                   result_cb, &low);
  no_low = op_platform_client_request_quota_increase_finish (f->client, AWAIT (low), &low_error);
  g_assert_error (low_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_nonnull (op_platform_error_get_field (low_error, "daily_limit"));

  op_platform_client_request_quota_increase_async (f->client, app_key, 200000, "More orders", NULL,
                                                   result_cb, &too_soon);
  no_soon = op_platform_client_request_quota_increase_finish (f->client, AWAIT (too_soon), &soon_error);
  g_assert_error (soon_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);
  g_assert_cmpstr (op_platform_error_get_server_code (soon_error), ==, "quota_increase_not_allowed");

  sql (f, "INSERT INTO app_days (app_id, day, calls) SELECT id, ?2, 80000 FROM apps "
          "WHERE app_key = ?1", "ss", app_key, day);

  op_platform_client_request_quota_increase_async (f->client, app_key, 200000, "More orders", NULL,
                                                   result_cb, &increase);
  raised = op_platform_client_request_quota_increase_finish (f->client, AWAIT (increase), &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_app_get_quota_increase_state (raised), ==, OP_REVIEW_STATE_PENDING);
  g_assert_cmpint (op_app_get_quota_increase_daily_limit (raised), ==, 200000);
  g_assert_cmpint (op_app_get_used_today (raised), ==, 80000);

  op_platform_client_get_app_usage_async (f->client, app_key, 3, NULL, result_cb, &usage);
  days = op_platform_client_get_app_usage_finish (f->client, AWAIT (usage), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 3);
  first_day = g_list_model_get_item (days, 0);
  g_assert_cmpstr (op_usage_day_get_day (first_day), ==, day);
  g_assert_cmpint (op_usage_day_get_calls (first_day), ==, 80000);
  g_assert_cmpint (op_usage_day_get_successes (first_day), ==, 1);
  g_assert_cmpuint (op_usage_day_get_n_apis (first_day), ==, 1);
  g_assert_cmpstr (op_usage_day_get_api_id (first_day, 0), ==,
                   "com.alibaba.product:alibaba.category.get-1");

  missing = get_app (f, "0000000", &missing_error);
  g_assert_null (missing);
  g_assert_error (missing_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NOT_FOUND);
  g_assert_true (starts_with_lead_in (missing_error));
}

static void
test_apps_listing (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OpAccount) isv = onboard (f, "crossborder", OP_DEVELOPER_TYPE_ISV);
  g_autoptr(OpApp) app = new_app (f, SOLUTION_LOGISTICS, OP_APP_TYPE_ISV, NULL);
  const char *app_key = op_app_get_app_key (app);
  g_autoptr(GAsyncResult) launch = NULL;
  g_autoptr(GAsyncResult) bad = NULL;
  g_autoptr(GAsyncResult) listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) launch_error = NULL;
  g_autoptr(GError) bad_error = NULL;
  g_autoptr(OpApp) not_launched = NULL;
  g_autoptr(OpApp) not_listed = NULL;
  g_autoptr(OpApp) listed = NULL;

  g_assert_cmpint (op_app_get_app_type (app), ==, OP_APP_TYPE_ISV);

  op_platform_client_launch_app_async (f->client, app_key, NULL, result_cb, &launch);
  not_launched = op_platform_client_launch_app_finish (f->client, AWAIT (launch), &launch_error);
  g_assert_error (launch_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);
  g_assert_cmpstr (op_platform_error_get_server_code (launch_error), ==, "launch_self_use_only");

  op_platform_client_submit_listing_async (f->client, app_key, "jst-account", "i-1",
                                           "mars-1", "http://example.com/cb", NULL,
                                           result_cb, &bad);
  not_listed = op_platform_client_submit_listing_finish (f->client, AWAIT (bad), &bad_error);
  g_assert_error (bad_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_nonnull (op_platform_error_get_field (bad_error, "jushita.region"));
  g_assert_nonnull (op_platform_error_get_field (bad_error, "jushita.instance_id"));
  g_assert_nonnull (op_platform_error_get_field (bad_error, "callback_url"));
  g_assert_null (op_platform_error_get_field (bad_error, "jushita.account"));

  op_platform_client_submit_listing_async (f->client, app_key, "jst-account", "i-bp1234567890",
                                           "cn-hangzhou", "https://isv.example.com/oauth/callback",
                                           NULL, result_cb, &listing);
  listed = op_platform_client_submit_listing_finish (f->client, AWAIT (listing), &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_app_get_listing_state (listed), ==, OP_REVIEW_STATE_PENDING);
  g_assert_cmpstr (op_app_get_callback_url (listed), ==, "https://isv.example.com/oauth/callback");
  g_assert_null (op_app_get_market_url (listed));
}

/* --- Abilities and orders ------------------------------------------------ */

static OpOrder *
order_ability (Fixture  *f,
               gint64    package_id,
               GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  op_platform_client_order_ability_async (f->client, ABILITY_IMAGE_SEARCH, package_id, NULL,
                                          result_cb, &result);

  return op_platform_client_order_ability_finish (f->client, AWAIT (result), error);
}

static OpApp *
associate (Fixture     *f,
           const char  *app_key,
           OpNewApp    *info,
           char       **secret,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  op_platform_client_associate_ability_async (f->client, ABILITY_IMAGE_SEARCH, app_key, info,
                                              NULL, result_cb, &result);

  return op_platform_client_associate_ability_finish (f->client, AWAIT (result), secret, error);
}

/* Pays on the cashier page, as the browser would. */
static void
pay (Fixture    *f,
     const char *cashier_url)
{
  g_autoptr(GUri) uri = g_uri_parse (cashier_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GHashTable) query = soup_form_decode (g_uri_get_query (uri));
  g_autofree char *body = soup_form_encode ("token", g_hash_table_lookup (query, "token"), NULL);
  g_autofree char *action = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  action = g_strdup_printf ("%s%s", op_service_get_base_url (f->service), g_uri_get_path (uri));
  msg = soup_message_new ("POST", action);
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", bytes);
  soup_session_send_and_read_async (op_platform_client_get_session (f->client), msg,
                                    G_PRIORITY_DEFAULT, NULL, result_cb, &result);
  page = soup_session_send_and_read_finish (op_platform_client_get_session (f->client),
                                            AWAIT (result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

static void
test_abilities_and_orders (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(OpAccount) developer = onboard (f, "merchant", OP_DEVELOPER_TYPE_SELF_USE);
  g_autoptr(OpApp) app = new_app (f, SOLUTION_MERCHANT, OP_APP_TYPE_SELF_USE, NULL);
  g_autoptr(OpNewApp) info = op_new_app_new ("Image search", NULL, OP_APP_TYPE_SELF_USE, NULL);
  g_autoptr(GAsyncResult) list = NULL;
  g_autoptr(GAsyncResult) detail = NULL;
  g_autoptr(GAsyncResult) orders_result = NULL;
  g_autoptr(GAsyncResult) cancel = NULL;
  g_autoptr(GAsyncResult) cancel_again = NULL;
  g_autoptr(GAsyncResult) paid_result = NULL;
  g_autoptr(GAsyncResult) usage_result = NULL;
  g_autoptr(GAsyncResult) missing_result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) early_error = NULL;
  g_autoptr(GError) package_error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(GError) twice_error = NULL;
  g_autoptr(GError) missing_error = NULL;
  g_autoptr(GListModel) abilities = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(OpAbility) first = NULL;
  g_autoptr(OpAbility) ability = NULL;
  g_autoptr(OpApp) too_early = NULL;
  g_autoptr(OpOrder) no_package = NULL;
  g_autoptr(OpOrder) order = NULL;
  g_autoptr(OpOrder) listed = NULL;
  g_autoptr(OpOrder) cancelled = NULL;
  g_autoptr(OpOrder) not_again = NULL;
  g_autoptr(OpOrder) to_pay = NULL;
  g_autoptr(OpOrder) paid = NULL;
  g_autoptr(OpOrder) no_order = NULL;
  g_autoptr(OpApp) associated = NULL;
  g_autoptr(OpApp) created = NULL;
  g_autoptr(OpApp) twice = NULL;
  g_autoptr(OpAbilityUsage) usage = NULL;
  g_autofree char *cashier = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *no_secret = NULL;
  OpAbilityPackage *package;

  op_platform_client_list_abilities_async (f->client, NULL, result_cb, &list);
  abilities = op_platform_client_list_abilities_finish (f->client, AWAIT (list), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (abilities), ==, 6);
  first = g_list_model_get_item (abilities, 0);
  g_assert_cmpint (op_ability_get_id (first), ==, ABILITY_IMAGE_SEARCH);
  g_assert_null (op_ability_get_description (first));
  g_assert_cmpint (op_ability_usage_get_purchased (op_ability_get_usage (first)), ==, 0);

  op_platform_client_get_ability_async (f->client, ABILITY_IMAGE_SEARCH, NULL, result_cb, &detail);
  ability = op_platform_client_get_ability_finish (f->client, AWAIT (detail), &error);
  g_assert_no_error (error);
  g_assert_nonnull (op_ability_get_description (ability));
  g_assert_cmpuint (op_ability_get_n_apis (ability), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (op_ability_get_packages (ability)), ==, 3);
  package = op_ability_lookup_package (ability, PACKAGE_1000_CALLS);
  g_assert_nonnull (package);
  g_assert_cmpint (op_ability_package_get_calls (package), ==, 1000);
  g_assert_cmpint (op_ability_package_get_price_fen (package), ==, 5000);

  /* Nothing bought yet: nothing to associate. */
  too_early = associate (f, op_app_get_app_key (app), NULL, NULL, &early_error);
  g_assert_error (early_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);
  g_assert_cmpstr (op_platform_error_get_server_code (early_error), ==, "ability_not_purchased");

  no_package = order_ability (f, G_GINT64_CONSTANT (200201), &package_error);
  g_assert_error (package_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_nonnull (op_platform_error_get_field (package_error, "package_id"));

  order = order_ability (f, PACKAGE_1000_CALLS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_order_get_state (order), ==, OP_ORDER_STATE_UNPAID);
  g_assert_cmpint (op_order_get_id (order), >, G_GINT64_CONSTANT (9007199254740992));
  g_assert_cmpint (op_order_get_amount_fen (order), ==, 5000);
  g_assert_cmpint (op_order_get_calls (order), ==, 1000);
  g_assert_cmpint (op_order_get_ability_id (order), ==, ABILITY_IMAGE_SEARCH);
  g_assert_cmpint (op_order_get_package_id (order), ==, PACKAGE_1000_CALLS);
  g_assert_nonnull (op_order_get_cashier_url (order));

  cashier = op_platform_client_build_cashier_url (f->client, order);
  prefix = g_strdup_printf ("%s/cashier/%" G_GINT64_FORMAT "?token=",
                            op_service_get_base_url (f->service), op_order_get_id (order));
  g_assert_true (g_str_has_prefix (cashier, prefix));

  op_platform_client_list_orders_async (f->client, NULL, result_cb, &orders_result);
  orders = op_platform_client_list_orders_finish (f->client, AWAIT (orders_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (orders), ==, 1);
  listed = g_list_model_get_item (orders, 0);
  g_assert_cmpint (op_order_get_id (listed), ==, op_order_get_id (order));

  op_platform_client_cancel_order_async (f->client, op_order_get_id (order), NULL, result_cb, &cancel);
  cancelled = op_platform_client_cancel_order_finish (f->client, AWAIT (cancel), &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_order_get_state (cancelled), ==, OP_ORDER_STATE_CANCELLED);
  g_assert_nonnull (op_order_get_cancelled_at (cancelled));
  g_assert_null (op_order_get_cashier_url (cancelled));
  g_assert_null (op_platform_client_build_cashier_url (f->client, cancelled));

  op_platform_client_cancel_order_async (f->client, op_order_get_id (order), NULL, result_cb,
                                         &cancel_again);
  not_again = op_platform_client_cancel_order_finish (f->client, AWAIT (cancel_again), &again_error);
  g_assert_error (again_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);

  /* Order again and pay on the cashier page. */
  to_pay = order_ability (f, PACKAGE_1000_CALLS, &error);
  g_assert_no_error (error);
  g_clear_pointer (&cashier, g_free);
  cashier = op_platform_client_build_cashier_url (f->client, to_pay);
  pay (f, cashier);

  op_platform_client_get_order_async (f->client, op_order_get_id (to_pay), NULL, result_cb,
                                      &paid_result);
  paid = op_platform_client_get_order_finish (f->client, AWAIT (paid_result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_order_get_state (paid), ==, OP_ORDER_STATE_PAID);
  g_assert_nonnull (op_order_get_paid_at (paid));

  associated = associate (f, op_app_get_app_key (app), NULL, &no_secret, &error);
  g_assert_no_error (error);
  g_assert_null (no_secret);
  g_assert_cmpuint (op_app_get_n_abilities (associated), ==, 1);
  g_assert_cmpint (op_app_get_ability_id (associated, 0), ==, ABILITY_IMAGE_SEARCH);

  created = associate (f, NULL, info, &secret, &error);
  g_assert_no_error (error);
  g_assert_nonnull (secret);
  g_assert_cmpstr (op_app_get_name (created), ==, "Image search");

  twice = associate (f, op_app_get_app_key (app), NULL, NULL, &twice_error);
  g_assert_error (twice_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_CONFLICT);
  g_assert_cmpstr (op_platform_error_get_server_code (twice_error), ==, "already_associated");

  op_platform_client_get_ability_usage_async (f->client, ABILITY_IMAGE_SEARCH, NULL, result_cb,
                                              &usage_result);
  usage = op_platform_client_get_ability_usage_finish (f->client, AWAIT (usage_result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (op_ability_usage_get_ability_id (usage), ==, ABILITY_IMAGE_SEARCH);
  g_assert_cmpint (op_ability_usage_get_purchased (usage), ==, 1000);
  g_assert_cmpint (op_ability_usage_get_used (usage), ==, 0);
  g_assert_cmpint (op_ability_usage_get_left (usage), ==, 1000);
  g_assert_cmpuint (op_ability_usage_get_n_apps (usage), ==, 2);
  g_assert_true (op_ability_usage_has_app (usage, op_app_get_app_key (app)));
  g_assert_true (op_ability_usage_has_app (usage, op_app_get_app_key (created)));
  g_assert_nonnull (op_ability_usage_get_app_associated_at (usage, 0));

  op_platform_client_get_order_async (f->client, 1, NULL, result_cb, &missing_result);
  no_order = op_platform_client_get_order_finish (f->client, AWAIT (missing_result), &missing_error);
  g_assert_error (missing_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NOT_FOUND);
}

/* --- Errors, retries, timeouts, cancellation ------------------------------ */

/* A stand-in platform that fails on purpose, and counts what it gets. */
typedef struct
{
  SoupServer *server;
  char       *base_url;
  GHashTable *hits;              /* "METHOD path" → count */
  char       *accept_language;
  char       *authorization;
} Fake;

static void
reply (SoupServerMessage *msg,
       guint              status,
       const char        *type,
       const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
fake_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  static const char account[] =
    "{\"login\": \"merchant\", \"display_name\": \"M\", \"member_id\": \"b2b-1\", "
    "\"real_name_verified\": true, \"future_member\": [1, 2], \"roles\": [], \"developer\": null}";
  static const char busy[] =
    "{\"error\": {\"code\": \"internal_error\", \"message\": \"Busy right now.\"}}";
  Fake *fake = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *key = g_strconcat (soup_server_message_get_method (msg), " ", path, NULL);
  guint hits = GPOINTER_TO_UINT (g_hash_table_lookup (fake->hits, key)) + 1;
  const char *json = "application/json";

  g_hash_table_replace (fake->hits, g_strdup (key), GUINT_TO_POINTER (hits));
  g_free (fake->accept_language);
  fake->accept_language = g_strdup (soup_message_headers_get_one (headers, "Accept-Language"));
  g_free (fake->authorization);
  fake->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));

  if (g_str_equal (key, "GET /api/v1/solutions") || g_str_equal (key, "POST /api/v1/session"))
    reply (msg, 503, json, busy);
  else if (g_str_equal (key, "GET /api/v1/account"))
    {
      /* A proxy's error page first, then the answer. */
      if (hits % 2 == 1)
        reply (msg, 502, "text/html", "<html>Bad gateway</html>");
      else
        reply (msg, 200, json, account);
    }
  else if (g_str_equal (key, "GET /api/v1/apps"))
    reply (msg, 200, "text/html", "<html>Not JSON</html>");
  else if (g_str_equal (key, "GET /api/v1/roles"))
    reply (msg, 404, "text/html", "<html>Not here</html>");
  else if (g_str_equal (key, "GET /api/v1/orders"))
    reply (msg, 200, json, "{\"orders\": [{\"id\": 1}]}");
  else if (g_str_equal (key, "POST /api/v1/onboarding/sms"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "7");
      reply (msg, 429, json, "{\"error\": {\"code\": \"too_many_requests\", \"message\": \"\"}}");
    }
  else if (g_str_equal (key, "POST /api/v1/qualifications"))
    reply (msg, 413, json, "{\"error\": {\"code\": \"body_too_large\"}}");
  else if (g_str_equal (key, "POST /api/v1/onboarding"))
    reply (msg, 400, json,
           "{\"error\": {\"code\": \"validation_failed\", \"message\": \"Fix the fields.\", "
           "\"fields\": {\"mobile\": \"Not a mobile number.\", \"email\": \"Not an address.\"}}}");
  else if (g_str_equal (key, "GET /api/v1/abilities"))
    reply (msg, 405, json, "{\"error\": {\"code\": \"method_not_allowed\", \"message\": \"No.\"}}");
  else
    reply (msg, 418, json, "{}");
}

static Fake *
fake_new (void)
{
  Fake *fake = g_new0 (Fake, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake->hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fake->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake->server, NULL, fake_cb, fake, NULL);
  g_assert_true (soup_server_listen_local (fake->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (fake->server);
  fake->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return fake;
}

static void
fake_free (Fake *fake)
{
  soup_server_disconnect (fake->server);
  g_clear_object (&fake->server);
  g_hash_table_unref (fake->hits);
  g_free (fake->base_url);
  g_free (fake->accept_language);
  g_free (fake->authorization);
  g_free (fake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fake, fake_free)

static guint
fake_hits (Fake       *fake,
           const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fake->hits, key));
}

static void
count_expired_cb (OpPlatformClient *client,
                  guint            *count)
{
  (*count)++;
}

static void
test_retries (void)
{
  g_autoptr(Fake) fake = fake_new ();
  g_autoptr(OpPlatformClient) client = op_platform_client_new (NULL, fake->base_url);
  g_autoptr(GAsyncResult) get = NULL;
  g_autoptr(GAsyncResult) post = NULL;
  g_autoptr(GAsyncResult) flaky = NULL;
  g_autoptr(GError) get_error = NULL;
  g_autoptr(GError) post_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) solutions = NULL;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(OpAccount) signed_in = NULL;

  /* A GET that fails with 5xx is tried once more, then reported. */
  g_test_expect_message (CLIENT_DOMAIN, G_LOG_LEVEL_WARNING, "GET /solutions: HTTP 503*");
  op_platform_client_list_solutions_async (client, NULL, result_cb, &get);
  solutions = op_platform_client_list_solutions_finish (client, AWAIT (get), &get_error);
  g_test_assert_expected_messages ();
  g_assert_null (solutions);
  g_assert_error (get_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SERVER);
  g_assert_cmpstr (get_error->message, ==, "The platform says: Busy right now.");
  g_assert_cmpstr (op_platform_error_get_server_code (get_error), ==, "internal_error");
  g_assert_cmpuint (fake_hits (fake, "GET /api/v1/solutions"), ==, 2);

  /* A POST is never repeated. */
  g_test_expect_message (CLIENT_DOMAIN, G_LOG_LEVEL_WARNING, "POST /session: HTTP 503*");
  op_platform_client_sign_in_async (client, "merchant", PASSWORD, NULL, result_cb, &post);
  signed_in = op_platform_client_sign_in_finish (client, AWAIT (post), NULL, &post_error);
  g_test_assert_expected_messages ();
  g_assert_error (post_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SERVER);
  g_assert_cmpuint (fake_hits (fake, "POST /api/v1/session"), ==, 1);
  /* Signing in sends no token, even one left from before. */
  g_assert_null (fake->authorization);

  /* A GET that fails once then works is a success; unknown members are ignored. */
  op_platform_client_set_session_token (client, "t0ken");
  op_platform_client_get_account_async (client, NULL, result_cb, &flaky);
  account = op_platform_client_get_account_finish (client, AWAIT (flaky), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (op_account_get_login (account), ==, "merchant");
  g_assert_cmpuint (fake_hits (fake, "GET /api/v1/account"), ==, 2);
  g_assert_cmpstr (fake->authorization, ==, "Bearer t0ken");
  g_assert_cmpstr (fake->accept_language, ==, "en");
}

static void
test_error_mapping (void)
{
  g_autoptr(Fake) fake = fake_new ();
  g_autoptr(OpPlatformClient) client = op_platform_client_new (NULL, fake->base_url);
  g_autoptr(GAsyncResult) not_json = NULL;
  g_autoptr(GAsyncResult) html_404 = NULL;
  g_autoptr(GAsyncResult) missing_member = NULL;
  g_autoptr(GAsyncResult) limited = NULL;
  g_autoptr(GAsyncResult) large = NULL;
  g_autoptr(GAsyncResult) fields = NULL;
  g_autoptr(GAsyncResult) method = NULL;
  g_autoptr(GError) not_json_error = NULL;
  g_autoptr(GError) html_error = NULL;
  g_autoptr(GError) member_error = NULL;
  g_autoptr(GError) limited_error = NULL;
  g_autoptr(GError) large_error = NULL;
  g_autoptr(GError) fields_error = NULL;
  g_autoptr(GError) method_error = NULL;
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GListModel) apps = NULL;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(GListModel) abilities = NULL;
  g_autoptr(OpQualification) qualification = NULL;
  g_autoptr(OpAccount) account = NULL;
  guint expired = 0;

  g_signal_connect (client, "session-expired", G_CALLBACK (count_expired_cb), &expired);
  op_platform_client_set_language (client, "zh-CN");

  /* 200 but not JSON: the answer cannot be read. */
  g_test_expect_message (CLIENT_DOMAIN, G_LOG_LEVEL_WARNING, "GET /apps: the answer is not JSON*");
  op_platform_client_list_apps_async (client, NULL, result_cb, &not_json);
  apps = op_platform_client_list_apps_finish (client, AWAIT (not_json), &not_json_error);
  g_test_assert_expected_messages ();
  g_assert_error (not_json_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SERVER);
  g_assert_nonnull (strstr (not_json_error->message, fake->base_url));
  g_assert_cmpstr (fake->accept_language, ==, "zh-CN");

  /* Not the platform speaking: another web server at that address. */
  op_platform_client_list_roles_async (client, NULL, result_cb, &html_404);
  roles = op_platform_client_list_roles_finish (client, AWAIT (html_404), &html_error);
  g_assert_error (html_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SERVER);
  g_assert_cmpuint (op_platform_error_get_http_status (html_error), ==, 404);
  g_assert_nonnull (strstr (html_error->message, "Preferences"));

  /* A required member missing: strict. */
  g_test_expect_message (CLIENT_DOMAIN, G_LOG_LEVEL_WARNING, "GET /orders: cannot read the answer*");
  op_platform_client_list_orders_async (client, NULL, result_cb, &missing_member);
  orders = op_platform_client_list_orders_finish (client, AWAIT (missing_member), &member_error);
  g_test_assert_expected_messages ();
  g_assert_error (member_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SERVER);

  /* 429 with Retry-After and an empty message: our own message, the delay kept. */
  op_platform_client_request_sms_code_async (client, "13800138000", NULL, result_cb, &limited);
  g_assert_false (op_platform_client_request_sms_code_finish (client, AWAIT (limited), NULL,
                                                              &limited_error));
  g_assert_error (limited_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_RATE_LIMITED);
  g_assert_cmpuint (op_platform_error_get_retry_after (limited_error), ==, 7);
  g_assert_false (starts_with_lead_in (limited_error));
  g_assert_cmpstr (limited_error->message, !=, "");
  g_assert_cmpuint (fake_hits (fake, "POST /api/v1/onboarding/sms"), ==, 1);

  op_platform_client_apply_qualification_async (client, "isv", form, NULL, result_cb, &large);
  qualification = op_platform_client_apply_qualification_finish (client, AWAIT (large), &large_error);
  g_assert_error (large_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_TOO_LARGE);
  g_assert_cmpstr (op_platform_error_get_server_code (large_error), ==, "body_too_large");

  op_platform_client_submit_onboarding_async (client, "1", "2", "3", "4", OP_DEVELOPER_TYPE_ISV,
                                              "5", NULL, result_cb, &fields);
  account = op_platform_client_submit_onboarding_finish (client, AWAIT (fields), &fields_error);
  g_assert_error (fields_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_cmpstr (fields_error->message, ==, "The platform says: Fix the fields.");
  g_assert_cmpuint (g_hash_table_size (op_platform_error_get_fields (fields_error)), ==, 2);
  g_assert_cmpstr (op_platform_error_get_field (fields_error, "mobile"), ==, "Not a mobile number.");
  g_assert_cmpstr (op_platform_error_get_field (fields_error, "email"), ==, "Not an address.");

  /* An error code this client does not know of still maps by status. */
  op_platform_client_list_abilities_async (client, NULL, result_cb, &method);
  abilities = op_platform_client_list_abilities_finish (client, AWAIT (method), &method_error);
  g_assert_error (method_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SERVER);
  g_assert_cmpuint (fake_hits (fake, "GET /api/v1/abilities"), ==, 1);

  g_assert_cmpuint (expired, ==, 0);
}

static void
test_error_copy (void)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_hash_table_insert (fields, g_strdup ("name"), g_strdup ("Too long."));
  error = op_platform_error_new_validation (NULL, fields);
  g_hash_table_remove_all (fields);

  g_assert_error (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION);
  g_assert_cmpstr (op_platform_error_get_field (error, "name"), ==, "Too long.");
  g_assert_cmpstr (op_platform_error_get_server_code (error), ==, "validation_failed");

  /* The fields survive a copy (GTask and g_propagate_error copy errors). */
  copy = g_error_copy (error);
  g_clear_error (&error);
  g_assert_cmpstr (op_platform_error_get_field (copy, "name"), ==, "Too long.");

  /* Other domains have none. */
  g_assert_null (op_platform_error_get_fields (other));
  g_assert_null (op_platform_error_get_server_code (other));
  g_assert_cmpuint (op_platform_error_get_retry_after (other), ==, 0);
}

static void
test_network_unreachable (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) call_error = NULL;
  g_autoptr(OpPlatformClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(OpAccount) account = NULL;
  g_autofree char *base_url = NULL;
  guint16 port;
  guint expired = 0;

  /* A port that was just free and is closed again. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  base_url = g_strdup_printf ("http://127.0.0.1:%u", port);
  client = op_platform_client_new (NULL, base_url);
  g_signal_connect (client, "session-expired", G_CALLBACK (count_expired_cb), &expired);

  op_platform_client_get_account_async (client, NULL, result_cb, &result);
  account = op_platform_client_get_account_finish (client, AWAIT (result), &call_error);
  g_assert_null (account);
  g_assert_error (call_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NETWORK);
  g_assert_nonnull (strstr (call_error->message, base_url));
  g_assert_cmpuint (op_platform_error_get_http_status (call_error), ==, 0);
  g_assert_cmpuint (expired, ==, 0);
}

/* A listener that accepts connections and never answers. */
typedef struct
{
  GSocketService *service;
  GPtrArray      *connections;
  char           *base_url;
} Silent;

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  Silent *silent = user_data;

  /* Kept open: a closed connection would be an error, not a timeout. */
  g_ptr_array_add (silent->connections, g_object_ref (connection));

  return TRUE;
}

static Silent *
silent_new (void)
{
  Silent *silent = g_new0 (Silent, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  silent->connections = g_ptr_array_new_with_free_func (g_object_unref);
  silent->service = g_socket_service_new ();
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (silent->service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &bound, &error));
  g_assert_no_error (error);
  g_signal_connect (silent->service, "incoming", G_CALLBACK (incoming_cb), silent);
  g_socket_service_start (silent->service);

  silent->base_url = g_strdup_printf ("http://127.0.0.1:%u",
                                      g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  return silent;
}

static void
silent_free (Silent *silent)
{
  g_socket_service_stop (silent->service);
  g_socket_listener_close (G_SOCKET_LISTENER (silent->service));
  g_clear_object (&silent->service);
  g_ptr_array_unref (silent->connections);
  g_free (silent->base_url);
  g_free (silent);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Silent, silent_free)

static void
test_timeout (void)
{
  g_autoptr(Silent) silent = silent_new ();
  g_autoptr(OpPlatformClient) client = op_platform_client_new (NULL, silent->base_url);
  g_autoptr(GAsyncResult) get = NULL;
  g_autoptr(GAsyncResult) post = NULL;
  g_autoptr(GError) get_error = NULL;
  g_autoptr(GError) post_error = NULL;
  g_autoptr(GListModel) solutions = NULL;
  g_autoptr(OpAccount) account = NULL;
  gint64 start;
  double seconds;

  g_object_set (client, "timeout-seconds", 1, NULL);
  g_assert_cmpuint (op_platform_client_get_timeout_seconds (client), ==, 1);

  /* A GET: two attempts of one second each. */
  start = g_get_monotonic_time ();
  op_platform_client_list_solutions_async (client, NULL, result_cb, &get);
  solutions = op_platform_client_list_solutions_finish (client, AWAIT (get), &get_error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_null (solutions);
  g_assert_error (get_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (get_error->message, silent->base_url));
  g_assert_cmpuint (silent->connections->len, ==, 2);
  g_assert_cmpfloat (seconds, >=, 1.9);
  g_assert_cmpfloat (seconds, <, 4.0);

  /* A POST: one attempt only. */
  start = g_get_monotonic_time ();
  op_platform_client_sign_in_async (client, "merchant", PASSWORD, NULL, result_cb, &post);
  account = op_platform_client_sign_in_finish (client, AWAIT (post), NULL, &post_error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_error (post_error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_TIMEOUT);
  g_assert_cmpuint (silent->connections->len, ==, 3);
  g_assert_cmpfloat (seconds, >=, 0.9);
  g_assert_cmpfloat (seconds, <, 2.5);
}

static void
test_cancel (void)
{
  g_autoptr(Silent) silent = silent_new ();
  g_autoptr(OpPlatformClient) client = op_platform_client_new (NULL, silent->base_url);
  g_autoptr(GCancellable) at_once = g_cancellable_new ();
  g_autoptr(GCancellable) in_flight = g_cancellable_new ();
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GAsyncResult) third = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) second_error = NULL;
  g_autoptr(GError) third_error = NULL;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(GListModel) solutions = NULL;
  g_autoptr(OpOrder) order = NULL;
  guint expired = 0;
  gint64 start;
  guint connections;

  g_object_set (client, "timeout-seconds", 1, NULL);
  g_signal_connect (client, "session-expired", G_CALLBACK (count_expired_cb), &expired);

  /* Cancelled right after starting. */
  start = g_get_monotonic_time ();
  op_platform_client_get_account_async (client, at_once, result_cb, &first);
  g_cancellable_cancel (at_once);
  account = op_platform_client_get_account_finish (client, AWAIT (first), &first_error);
  g_assert_null (account);
  g_assert_error (first_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);
  run_for_ms (100);

  /* Cancelled while the request waits for its answer: at once, and not retried. */
  connections = silent->connections->len;
  op_platform_client_list_solutions_async (client, in_flight, result_cb, &second);
  while (silent->connections->len == connections)
    g_main_context_iteration (NULL, TRUE);
  start = g_get_monotonic_time ();
  g_cancellable_cancel (in_flight);
  solutions = op_platform_client_list_solutions_finish (client, AWAIT (second), &second_error);
  g_assert_error (second_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);

  /* Past the timeout: nothing was tried again. */
  connections = silent->connections->len;
  run_for_ms (1500);
  g_assert_cmpuint (silent->connections->len, ==, connections);

  /* Cancelled before it started: nothing is sent. */
  g_cancellable_cancel (before);
  op_platform_client_cancel_order_async (client, 1, before, result_cb, &third);
  order = op_platform_client_cancel_order_finish (client, AWAIT (third), &third_error);
  g_assert_error (third_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  run_for_ms (100);
  g_assert_cmpuint (silent->connections->len, ==, connections);

  g_assert_cmpuint (expired, ==, 0);
}

static void
test_base_url_and_language (void)
{
  g_autoptr(OpPlatformClient) client = op_platform_client_new (NULL, "http://127.0.0.1:8688/team/");
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(OpPlatformClient) shared = op_platform_client_new (session, "http://127.0.0.1:8688");

  g_assert_cmpstr (op_platform_client_get_base_url (client), ==, "http://127.0.0.1:8688/team");
  g_assert_nonnull (op_platform_client_get_session (client));
  g_assert_true (op_platform_client_get_session (shared) == session);
  g_assert_cmpuint (op_platform_client_get_timeout_seconds (client), ==,
                    OP_PLATFORM_CLIENT_DEFAULT_TIMEOUT);
  g_assert_false (op_platform_client_get_signed_in (client));

  /* From the locale (the tests run in C), unless set. */
  g_assert_cmpstr (op_platform_client_get_language (client), ==, "en");
  op_platform_client_set_language (client, "zh-CN");
  g_assert_cmpstr (op_platform_client_get_language (client), ==, "zh-CN");
  op_platform_client_set_language (client, NULL);
  g_assert_cmpstr (op_platform_client_get_language (client), ==, "en");
}

int
main (int    argc,
      char **argv)
{
  /* The client asks for the locale's language: make it known. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/platform-client/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("session/sign-in-accounts", test_sign_in_accounts);
  ADD ("session/wrong-password", test_sign_in_wrong_password);
  ADD ("session/sign-out-and-expiry", test_sign_out_and_expiry);
  ADD ("onboarding/flow", test_onboarding);
  ADD ("onboarding/unverified", test_onboarding_unverified);
  ADD ("qualifications/roles", test_roles);
  ADD ("qualifications/apply-reject-resubmit", test_qualifications);
  ADD ("qualifications/needs-developer", test_qualification_needs_developer);
  ADD ("solutions/list", test_solutions);
  ADD ("solutions/order", test_order_solution);
  ADD ("apps/launch-and-quota", test_apps_launch);
  ADD ("apps/listing", test_apps_listing);
  ADD ("abilities/orders-and-usage", test_abilities_and_orders);

#undef ADD

  g_test_add_func ("/platform-client/errors/retries", test_retries);
  g_test_add_func ("/platform-client/errors/mapping", test_error_mapping);
  g_test_add_func ("/platform-client/errors/copy", test_error_copy);
  g_test_add_func ("/platform-client/errors/network-unreachable", test_network_unreachable);
  g_test_add_func ("/platform-client/errors/timeout", test_timeout);
  g_test_add_func ("/platform-client/errors/cancel", test_cancel);
  g_test_add_func ("/platform-client/base-url-and-language", test_base_url_and_language);

  return g_test_run ();
}
