/* test-cli-sign.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>

/*
 * Runs the built open1688-cli (see cli_path ()). Expected
 * signatures come from `printf %s 'MESSAGE' | openssl dgst -sha1 -hmac SECRET` or Python's hmac.
 */

#define CURRENT_TIME_PATH  "param2/1/system/currentTime/1000000"
#define OFFICIAL_SIGNATURE "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* meson test sets OPEN1688_BUILD_ROOT (its G_TEST_BUILDDIR is tests/, not tests/cli/); run
 * by hand, the binary is found from this test's own directory. */
static char *
cli_path (void)
{
  const char *build_root = g_getenv ("OPEN1688_BUILD_ROOT");

  if (build_root != NULL)
    return g_build_filename (build_root, "src", "cli", "open1688-cli", NULL);

  return g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "cli", "open1688-cli", NULL);
}

/* Runs `open1688-cli sign ARGS…` with @input on standard input, in the C locale. */
static void
run_sign (Run                *run,
          const char         *input,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, cli_path ());
  g_ptr_array_add (argv, g_strdup ("sign"));
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, input, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* The last line of the output, without its newline. */
static char *
last_line (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  /* The output ends with a newline, so the last element is empty. */
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (lines[n - 1], ==, "");

  return g_strdup (lines[n - 2]);
}

static void
assert_signature (const char         *input,
                  const char * const *args,
                  const char         *expected)
{
  g_auto(Run) run = { 0 };
  g_autofree char *signature = NULL;

  run_sign (&run, input, args);
  g_assert_cmpint (run.status, ==, 0);
  signature = last_line (run.out);
  g_assert_cmpstr (signature, ==, expected);
}

static void
test_official_vector (void)
{
  const char *args[] = { "--url-path", CURRENT_TIME_PATH, "b=2", "a=1", NULL };
  const char *args_explicit[] = { "--secret-stdin", "--url-path=" CURRENT_TIME_PATH,
                                  "a=1", "b=2", NULL };
  g_auto(Run) run = { 0 };

  run_sign (&run, "test123", args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, OFFICIAL_SIGNATURE "\n");
  g_assert_cmpstr (run.err, ==, "");

  assert_signature ("test123", args_explicit, OFFICIAL_SIGNATURE);
}

static void
test_newline_stripped (void)
{
  const char *args[] = { "-p", CURRENT_TIME_PATH, "b=2", "a=1", NULL };

  /* One newline (as echo adds) is removed, "\r\n" too ... */
  assert_signature ("test123\n", args, OFFICIAL_SIGNATURE);
  assert_signature ("test123\r\n", args, OFFICIAL_SIGNATURE);
  /* ... but only one: the secret is then "test123\n". */
  assert_signature ("test123\n\n", args, "620FF1C3B342558021BF7C93499DD1F2344757A8");
}

static void
test_verbose (void)
{
  const char *args[] = { "--verbose", "--url-path", CURRENT_TIME_PATH, "b=2", "a=1", NULL };
  g_auto(Run) run = { 0 };

  run_sign (&run, "test123", args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, CURRENT_TIME_PATH "a1b2\n" OFFICIAL_SIGNATURE "\n");
}

static void
test_params (void)
{
  /* UTF-8 arguments work in the C locale, and are signed raw. */
  const char *chinese[] = { "--url-path",
                            "param2/1/com.alibaba.product/alibaba.product.get/7654321",
                            "subject=女装连衣裙", NULL };
  /* Split at the first "=", empty values signed as the bare key. */
  const char *corner[] = { "--url-path", CURRENT_TIME_PATH, "ab=1", "a=z", NULL };
  const char *empty[] = { "--url-path", "param2/1/com.alibaba.trade/alibaba.trade.get/1234567",
                          "b=2", "a=", NULL };
  const char *no_params[] = { "--url-path", CURRENT_TIME_PATH, NULL };
  /* "--" lets a value start with "-". */
  const char *dash[] = { "--url-path", CURRENT_TIME_PATH, "--", "x=-1", NULL };

  assert_signature ("S3cr3t", chinese, "08309FCE5CBC0B2965919144961932B3A98D23EC");
  assert_signature ("test123", corner, "8455C1445CD6FD189617EBA7A8A5C98E78786564");
  assert_signature ("secret", empty, "3E5C5ECEA372F5983510DBA57F04ACC888D452E2");
  assert_signature ("test123", no_params, "6DE0BF22A879A7631C7C0706D95EEB60184D9EAF");
  assert_signature ("test123", dash, "2E23B20DB252A9D8E89518605443EC4F0C11A1ED");
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  g_auto(Run) run = { 0 };

  run_sign (&run, "", args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--url-path"));
  g_assert_nonnull (strstr (run.out, "--secret-stdin"));
  g_assert_nonnull (strstr (run.out, "--verbose"));
}

static void
test_bad_usage (void)
{
  /* Usage errors are found before the secret is read: send none, or the
   * command may exit before we finish writing it (EPIPE). */
  struct { const char *input; const char *args[6]; const char *says; } bad[] = {
    { NULL, { "b=2", NULL }, "--url-path" },
    { NULL, { "--url-path", "", "b=2", NULL }, "--url-path" },
    { NULL, { "--url-path", "/" CURRENT_TIME_PATH, NULL }, "leading" },
    { NULL, { "--url-path", "https://gw.open.1688.com/openapi/" CURRENT_TIME_PATH, NULL },
      "whole address" },
    { NULL, { "--url-path", CURRENT_TIME_PATH "?a=1", NULL }, "?" },
    { NULL, { "--url-path", CURRENT_TIME_PATH, "offerId", NULL }, "KEY=VALUE" },
    { NULL, { "--url-path", CURRENT_TIME_PATH, "=1", NULL }, "KEY=VALUE" },
    { NULL, { "--url-path", CURRENT_TIME_PATH, "a=1", "a=2", NULL }, "twice" },
    { NULL, { "--url-path", CURRENT_TIME_PATH, "--bogus", NULL }, "--bogus" },
    { "", { "--url-path", CURRENT_TIME_PATH, "a=1", NULL }, "AppSecret" },
    { "\n", { "--url-path", CURRENT_TIME_PATH, "a=1", NULL }, "AppSecret" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      run_sign (&run, bad[i].input, bad[i].args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, bad[i].says));
      g_assert_nonnull (strstr (run.err, "--help"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* A command that refuses its arguments exits before reading the secret
   * we write to its standard input: that must not kill the test. */
  signal (SIGPIPE, SIG_IGN);

  g_test_add_func ("/cli/sign/official-vector", test_official_vector);
  g_test_add_func ("/cli/sign/newline-stripped", test_newline_stripped);
  g_test_add_func ("/cli/sign/verbose", test_verbose);
  g_test_add_func ("/cli/sign/params", test_params);
  g_test_add_func ("/cli/sign/help", test_help);
  g_test_add_func ("/cli/sign/bad-usage", test_bad_usage);

  return g_test_run ();
}
