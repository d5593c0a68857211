/* test-cli-call.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-cli-test.h"

#include <string.h>

/*
 * `open1688-cli secret import` and `open1688-cli call`, run as built, against the real
 * sandbox service and a private gnome-keyring: signed calls of an app the test orders
 * through the console API, the gateway's refusals explained, and the AppSecret never in
 * any output or file.
 */

#define PRODUCTION_GATEWAY "https://gw.open.1688.com/openapi"

static char *base_url;
static char *console_token;
static char *app_key;
static char *app_secret;

static void
import_secret (const char *key,
               const char *secret)
{
  const char *args[] = { "--platform", base_url, "secret", "import", "--app-key", key, NULL };
  g_auto(OpCliRun) run = { 0 };

  op_cli_test_run (&run, secret, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
}

static void
assert_json_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
}

static void
test_secret_import (void)
{
  const char *args[] = { "--platform", base_url, "secret", "import", "--app-key", app_key,
                         NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *input = g_strconcat (app_secret, "\n", NULL);
  g_autofree char *found = NULL;

  /* As `echo "$SECRET" |` gives it: the newline is not part of the secret. */
  op_cli_test_run (&run, input, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("The AppSecret of app %s for %s is saved in the keyring.\n",
                              app_key, base_url);
  g_assert_cmpstr (run.out, ==, expected);
  op_cli_test_assert_clean (&run, app_secret);

  stored = op_cli_test_keyring_lookup ("app-secret", base_url, app_key, NULL);
  g_assert_cmpstr (stored, ==, app_secret);

  found = op_cli_test_find_in_files (app_secret);
  g_assert_null (found);
}

static void
test_call (void)
{
  const char *args[] = { "--platform", base_url, "call", OP_CLI_TEST_PLAIN_API, "--app-key",
                         app_key, "categoryID=0", NULL };
  g_auto(OpCliRun) run = { 0 };

  op_cli_test_run (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_json_object (run.out);
  /* Indented, two spaces a level, with the sample answer's members. */
  g_assert_true (g_str_has_prefix (run.out, "{\n  \""));
  g_assert_nonnull (strstr (run.out, "\"name\": \""));
  op_cli_test_assert_clean (&run, app_secret);
}

static void
test_call_verbose (void)
{
  const char *post[] = { "--platform", base_url, "call", OP_CLI_TEST_PLAIN_API, "--verbose",
                         "--app-key", app_key, "categoryID=0", NULL };
  const char *get[] = { "--platform", base_url, "call", "-v", "--get", OP_CLI_TEST_PLAIN_API,
                        "--app-key", app_key, "categoryID=0", NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *request = NULL;
  g_autofree char *to_sign = NULL;
  g_autofree char *get_request = NULL;

  request = g_strdup_printf ("Request: POST %s/openapi/param2/1/com.alibaba.product/"
                             "alibaba.category.get/%s\n", base_url, app_key);
  to_sign = g_strdup_printf ("String to sign: param2/1/com.alibaba.product/"
                             "alibaba.category.get/%s_aop_timestamp", app_key);

  op_cli_test_run (&run, NULL, NULL, post);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.err, request));
  g_assert_nonnull (strstr (run.err, "\nBody: categoryID=0&_aop_timestamp="));
  g_assert_nonnull (strstr (run.err, to_sign));
  g_assert_nonnull (strstr (run.err, "categoryID0\n"));
  g_assert_nonnull (strstr (run.err, "\nSignature: "));
  g_assert_nonnull (strstr (run.err, "\nAnswer: HTTP 200 OK, "));
  g_assert_nonnull (strstr (run.err, "\nTiming: total "));
  g_assert_nonnull (strstr (run.err, " ms (name lookup "));
  assert_json_object (run.out);
  op_cli_test_assert_clean (&run, app_secret);

  get_request = g_strdup_printf ("Request: GET %s/openapi/param2/1/com.alibaba.product/"
                                 "alibaba.category.get/%s?", base_url, app_key);
  op_cli_test_run (&run, NULL, NULL, get);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.err, get_request));
  g_assert_null (strstr (run.err, "\nBody: "));
  assert_json_object (run.out);
  op_cli_test_assert_clean (&run, app_secret);
}

static void
test_call_refused (void)
{
  const char *plain[] = { "--platform", base_url, "call", OP_CLI_TEST_PLAIN_API, "--app-key",
                          app_key, "categoryID=0", NULL };
  const char *missing[] = { "--platform", base_url, "call", OP_CLI_TEST_PLAIN_API, "--app-key",
                            app_key, NULL };
  const char *token_api[] = { "--platform", base_url, "call", OP_CLI_TEST_TOKEN_API,
                              "--app-key", app_key, NULL };
  const char *unknown[] = { "--platform", base_url, "call", "com.example:no.such.api-1",
                            "--app-key", app_key, NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *note = NULL;

  /* A wrong AppSecret: the gateway refuses the signature, and core explains why. */
  import_secret (app_key, "WrongSecret12345");
  op_cli_test_run (&run, NULL, NULL, plain);
  g_assert_cmpint (run.status, ==, 1);
  assert_json_object (run.out);
  g_assert_nonnull (strstr (run.out, "\"error_code\": \"gw.SignatureInvalid\""));
  g_assert_nonnull (strstr (run.err, "open1688-cli call: The gateway refused the call: "
                                     "gw.SignatureInvalid (HTTP 400)."));
  g_assert_nonnull (strstr (run.err, "The signature is wrong"));
  g_assert_nonnull (strstr (run.err, "the AppSecret is wrong"));
  op_cli_test_assert_clean (&run, "WrongSecret12345");
  import_secret (app_key, app_secret);

  /* A required parameter missing. */
  op_cli_test_run (&run, NULL, NULL, missing);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "gw.ParamMissing"));
  g_assert_nonnull (strstr (run.err, "categoryID"));

  /* An API that acts for a member, with no member's token kept: sent without one, and the
   * gateway's 401 explained. */
  op_cli_test_run (&run, NULL, NULL, token_api);
  g_assert_cmpint (run.status, ==, 1);
  note = g_strdup_printf ("no member has authorized app %s, so it is sent without an access "
                          "token. Authorize it with: open1688-cli --platform %s token "
                          "authorize --app-key %s", app_key, base_url, app_key);
  g_assert_nonnull (strstr (run.err, note));
  g_assert_nonnull (strstr (run.err, "The gateway refused the call: 401 (HTTP 401)."));
  g_assert_nonnull (strstr (run.err, "Authorization is needed"));
  g_assert_nonnull (strstr (run.err, "Request need user authorized"));
  op_cli_test_assert_clean (&run, app_secret);

  /* An API the catalog does not know is still sent: the gateway says it does not exist. */
  op_cli_test_run (&run, NULL, NULL, unknown);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the catalog does not know"));
  g_assert_nonnull (strstr (run.err, "gw.APIUnsupported"));
}

static void
test_call_secret_missing (void)
{
  const char *other[] = { "--platform", base_url, "call", OP_CLI_TEST_PLAIN_API, "--app-key",
                          "9999999", "categoryID=0", NULL };
  const char *production[] = { "--platform", base_url, "--gateway", "production", "call",
                               OP_CLI_TEST_PLAIN_API, "--app-key", app_key, "categoryID=0",
                               NULL };
  const char *production_import[] = { "--gateway=production", "secret", "import", "--app-key",
                                      app_key, NULL };
  g_auto(OpCliRun) run = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *sandbox_secret = NULL;

  op_cli_test_run (&run, NULL, NULL, other);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("The keyring has no AppSecret of app 9999999 for %s. Save it "
                              "with: open1688-cli --platform %s secret import --app-key 9999999",
                              base_url, base_url);
  g_assert_nonnull (strstr (run.err, expected));

  /* The sandbox's AppSecret is never used for the real gateway (and the command stops
   * before sending anything). */
  op_cli_test_run (&run, NULL, NULL, production);
  g_assert_cmpint (run.status, ==, 1);
  g_free (expected);
  expected = g_strdup_printf ("The keyring has no AppSecret of app %s for the real 1688 "
                              "gateway. Save it with: open1688-cli --gateway production secret "
                              "import --app-key %s", app_key, app_key);
  g_assert_nonnull (strstr (run.err, expected));

  /* A real AppSecret is kept apart, under the real gateway's address. */
  op_cli_test_run (&run, "RealSecret123456", NULL, production_import);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "for the real 1688 gateway is saved"));
  stored = op_cli_test_keyring_lookup ("app-secret", PRODUCTION_GATEWAY, app_key, NULL);
  g_assert_cmpstr (stored, ==, "RealSecret123456");
  sandbox_secret = op_cli_test_keyring_lookup ("app-secret", base_url, app_key, NULL);
  g_assert_cmpstr (sandbox_secret, ==, app_secret);
  op_cli_test_keyring_clear (NULL, PRODUCTION_GATEWAY, app_key);
}

static void
test_call_choose_app (void)
{
  const char *args[] = { "--platform", base_url, "call", OP_CLI_TEST_PLAIN_API, "categoryID=0",
                         NULL };
  g_auto(OpCliRun) run = { 0 };

  /* The only app with an AppSecret for this platform. */
  op_cli_test_run (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 0);
  assert_json_object (run.out);

  /* Two: the user must choose. */
  import_secret ("7654321", "AnotherSecret123");
  op_cli_test_run (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Several apps"));
  g_assert_nonnull (strstr (run.err, "7654321"));
  g_assert_nonnull (strstr (run.err, app_key));
  op_cli_test_assert_clean (&run, "AnotherSecret123");
  op_cli_test_keyring_clear (NULL, base_url, "7654321");
}

static void
test_usage (void)
{
  struct { const char *input; const char *args[9]; const char *says; } cases[] = {
    { NULL, { "call", NULL }, "Give the API to call" },
    { NULL, { "call", "alibaba.category.get", NULL }, "is not an API name" },
    { NULL, { "call", "com.alibaba.product:alibaba.category.get", NULL }, "is not an API name" },
    { NULL, { "call", "com.alibaba.product:alibaba.category.get-x", NULL },
      "is not an API name" },
    { NULL, { "call", OP_CLI_TEST_PLAIN_API, "--app-key", "12 34", NULL }, "is not an AppKey" },
    { NULL, { "call", OP_CLI_TEST_PLAIN_API, "--app-key", "1", "categoryID", NULL },
      "KEY=VALUE" },
    { NULL, { "call", OP_CLI_TEST_PLAIN_API, "--app-key", "1", "a=1", "a=2", NULL }, "twice" },
    { NULL, { "call", OP_CLI_TEST_PLAIN_API, "--app-key", "1", "access_token=x", NULL },
      "comes from the keyring" },
    { NULL, { "call", OP_CLI_TEST_PLAIN_API, "--app-key", "1", "_aop_signature=x", NULL },
      "the signature is computed" },
    { NULL, { "call", OP_CLI_TEST_PLAIN_API, "--bogus", NULL }, "--bogus" },
    { NULL, { "secret", NULL }, "import" },
    { NULL, { "secret", "export", NULL }, "Unknown subcommand" },
    { NULL, { "secret", "import", NULL }, "--app-key" },
    { NULL, { "secret", "import", "--app-key", "1", "extra", NULL }, "Unexpected argument" },
    { "", { "secret", "import", "--app-key", "1", NULL }, "No AppSecret on standard input" },
    { "\n", { "secret", "import", "--app-key", "1", NULL }, "No AppSecret on standard input" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(OpCliRun) run = { 0 };

      /* An address where nothing listens: a usage error is found before any network. */
      const char *args[12] = { "--platform", "http://127.0.0.1:9", NULL };

      for (guint j = 0; cases[i].args[j] != NULL; j++)
        args[2 + j] = cases[i].args[j];

      op_cli_test_run (&run, cases[i].input, NULL, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].says));
    }
}

static void
test_unreachable (void)
{
  const char *args[] = { "--platform", "http://127.0.0.1:9", "call", OP_CLI_TEST_PLAIN_API,
                         "--app-key", app_key, "categoryID=0", NULL };
  g_auto(OpCliRun) run = { 0 };

  /* With a secret for that platform, the call goes out and finds nobody. */
  op_cli_test_keyring_store ("app-secret", "http://127.0.0.1:9", app_key, NULL, NULL,
                             app_secret);
  op_cli_test_run (&run, NULL, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "The gateway http://127.0.0.1:9/openapi could not be "
                                     "reached"));
  op_cli_test_assert_clean (&run, app_secret);
  op_cli_test_keyring_clear (NULL, "http://127.0.0.1:9", app_key);
}

static void
test_no_leaks (void)
{
  g_autofree char *found = op_cli_test_find_in_files (app_secret);

  g_assert_null (found);
}

int
main (int    argc,
      char **argv)
{
  int status;

  op_cli_test_setup (TRUE);
  g_test_init (&argc, &argv, NULL);

  base_url = op_cli_test_sandbox_start (NULL);
  console_token = op_cli_test_become_developer (base_url);
  app_key = op_cli_test_order_app (base_url, console_token, &app_secret);

  g_test_add_func ("/cli/call/usage", test_usage);
  g_test_add_func ("/cli/call/secret-import", test_secret_import);
  g_test_add_func ("/cli/call/call", test_call);
  g_test_add_func ("/cli/call/verbose", test_call_verbose);
  g_test_add_func ("/cli/call/refused", test_call_refused);
  g_test_add_func ("/cli/call/secret-missing", test_call_secret_missing);
  g_test_add_func ("/cli/call/choose-app", test_call_choose_app);
  g_test_add_func ("/cli/call/unreachable", test_unreachable);
  g_test_add_func ("/cli/call/no-leaks", test_no_leaks);

  status = g_test_run ();

  g_free (base_url);
  g_free (console_token);
  g_free (app_key);
  g_free (app_secret);
  op_cli_test_teardown ();

  return status;
}
