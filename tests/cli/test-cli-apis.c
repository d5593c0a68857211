/* test-cli-apis.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

/*
 * Runs the built open1688-cli (see cli_path ()) for the `apis` and `api` commands,
 * over the bundled catalog and over catalog files written here.
 */

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

/* meson test sets OPEN1688_BUILD_ROOT (its G_TEST_BUILDDIR is tests/, not tests/cli/);
 * run by hand from the build directory, the test finds the tool beside itself. */
static char *
cli_path (void)
{
  const char *build_root = g_getenv ("OPEN1688_BUILD_ROOT");

  if (build_root != NULL)
    return g_build_filename (build_root, "src", "cli", "open1688-cli", NULL);

  return g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "cli", "open1688-cli", NULL);
}

/* Runs `open1688-cli ARGS…` in an English UTF-8 locale. */
static void
run_cli (Run                *run,
         const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

#define RUN(run, ...) run_cli (run, (const char * const []) { __VA_ARGS__, NULL })

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static char *
write_catalog (const char *dir,
               const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "catalog.json", NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_apis_list (void)
{
  g_auto(Run) all = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) chinese = { 0 };

  /* Every API, catalog order, id then title. */
  RUN (&all, "apis");
  g_assert_cmpint (all.status, ==, 0);
  g_assert_cmpstr (all.err, ==, "");
  g_assert_cmpuint (count_lines (all.out), ==, 36);
  g_assert_true (g_str_has_prefix (all.out, "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1  "));
  assert_contains (all.out, "system:currentTimeMillis-1");
  assert_contains (all.out, "  Cancel transaction\n");

  RUN (&one, "apis", "getbuyer");
  g_assert_cmpint (one.status, ==, 0);
  g_assert_cmpstr (one.out, ==,
                   "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1  View order list (buyer view)\n");

  /* Several words, Chinese titles: both must match. */
  RUN (&chinese, "apis", "订单", "物流");
  g_assert_cmpint (chinese.status, ==, 0);
  g_assert_cmpuint (count_lines (chinese.out), ==, 2);
  g_assert_true (g_str_has_prefix (chinese.out,
                                   "com.alibaba.logistics:alibaba.trade.getLogisticsInfos.buyerView-1"));
}

static void
test_apis_errors (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) help = { 0 };

  RUN (&none, "apis", "zzzz");
  g_assert_cmpint (none.status, ==, 1);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_cmpstr (none.err, ==, "No API matches “zzzz”.\n");

  RUN (&bad, "apis", "--bogus");
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
  assert_contains (bad.err, "open1688-cli apis: ");
  assert_contains (bad.err, "--bogus");
  assert_contains (bad.err, "open1688-cli apis --help");

  RUN (&help, "apis", "--help");
  g_assert_cmpint (help.status, ==, 0);
  assert_contains (help.out, "open1688-cli apis [OPTION…] [QUERY…]");
  assert_contains (help.out, "--catalog=FILE");
}

static void
test_api_doc (void)
{
  g_auto(Run) full = { 0 };
  g_auto(Run) shortname = { 0 };
  g_auto(Run) title_only = { 0 };
  g_auto(Run) no_params = { 0 };
  g_auto(Run) conditional = { 0 };

  RUN (&full, "api", "com.alibaba.trade:alibaba.trade.cancel-1");
  g_assert_cmpint (full.status, ==, 0);
  g_assert_cmpstr (full.err, ==, "");
  g_assert_true (g_str_has_prefix (full.out,
                                   "com.alibaba.trade:alibaba.trade.cancel-1\n"
                                   "  取消交易\n"
                                   "  Cancel transaction\n"));
  assert_contains (full.out, "URL path:      param2/1/com.alibaba.trade/alibaba.trade.cancel/{appKey}\n");
  assert_contains (full.out, "Access token:  required\n");
  assert_contains (full.out, "Signature:     required\n");
  assert_contains (full.out, "Documentation: https://open.1688.com/api/apidocdetail.htm?id="
                             "com.alibaba.trade:alibaba.trade.cancel-1\n");
  assert_contains (full.out, "Parameters:\n  webSite (String, required)\n");
  assert_contains (full.out, "  tradeID (Long, required)\n      交易id，订单号\n      Example: 123456\n");
  assert_contains (full.out, "  remark (String, optional)\n");
  assert_contains (full.out, "Sample response:\n{\n  \"success\": true\n}\n");

  /* The name alone, when one namespace has it, gives the same page. */
  RUN (&shortname, "api", "alibaba.trade.cancel");
  g_assert_cmpint (shortname.status, ==, 0);
  g_assert_cmpstr (shortname.out, ==, full.out);

  RUN (&title_only, "api", "com.alibaba.logistics:alibaba.logistics.OpQueryLogisticCompanyList-1");
  g_assert_cmpint (title_only.status, ==, 0);
  assert_contains (title_only.out, "  物流公司列表-所有的物流公司\n");
  assert_contains (title_only.out, "Access token:  not documented here\n");
  assert_contains (title_only.out, "Parameters: not documented here; see the documentation page.\n");
  g_assert_null (strstr (title_only.out, "Sample response:"));

  RUN (&no_params, "api", "system:currentTimeMillis-1");
  g_assert_cmpint (no_params.status, ==, 0);
  assert_contains (no_params.out, "Access token:  not required\n");
  assert_contains (no_params.out, "Signature:     not required\n");
  assert_contains (no_params.out, "Parameters: none\n");
  assert_contains (no_params.out, "Sample response:\n1484033752883\n");

  RUN (&conditional, "api", "getToken-1");
  g_assert_cmpint (conditional.status, ==, 0);
  assert_contains (conditional.out, "URL path:      http/1/system.oauth2/getToken/{appKey}\n");
  assert_contains (conditional.out, "  code (String, required in some cases)\n"
                                    "      Required: for authorization_code\n");
}

static void
test_api_errors (void)
{
  g_auto(Run) typo = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) two = { 0 };
  g_auto(Run) help = { 0 };

  /* Unknown: a message, close matches, exit 1. */
  RUN (&typo, "api", "alibaba.trade.getBuyerOrderLst");
  g_assert_cmpint (typo.status, ==, 1);
  g_assert_cmpstr (typo.out, ==, "");
  g_assert_cmpstr (typo.err, ==,
                   "open1688-cli api: The catalog has no API named “alibaba.trade.getBuyerOrderLst”.\n"
                   "Did you mean:\n"
                   "  com.alibaba.trade:alibaba.trade.getBuyerOrderList-1  View order list (buyer view)\n");

  RUN (&nothing, "api", "qqqqq");
  g_assert_cmpint (nothing.status, ==, 1);
  g_assert_cmpstr (nothing.err, ==,
                   "open1688-cli api: The catalog has no API named “qqqqq”.\n"
                   "Run “open1688-cli apis” to list the APIs.\n");

  /* Bad usage: exit 2. */
  RUN (&missing, "api");
  g_assert_cmpint (missing.status, ==, 2);
  assert_contains (missing.err, "open1688-cli api --help");

  RUN (&two, "api", "a", "b");
  g_assert_cmpint (two.status, ==, 2);
  g_assert_cmpstr (two.out, ==, "");

  RUN (&help, "api", "--help");
  g_assert_cmpint (help.status, ==, 0);
  assert_contains (help.out, "open1688-cli api [OPTION…] NAME");
}

static void
test_catalog_option (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-cli-apis-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *position = NULL;
  g_auto(Run) broken = { 0 };
  g_auto(Run) ambiguous = { 0 };
  g_auto(Run) found = { 0 };
  g_auto(Run) unreadable = { 0 };

  g_assert_no_error (error);

  /* A broken catalog: the file and the position, exit 1. */
  path = write_catalog (dir, "{\n  \"apis\": [\n    { \"namespace\": }\n  ]\n}\n");
  RUN (&broken, "apis", "--catalog", path);
  g_assert_cmpint (broken.status, ==, 1);
  position = g_strdup_printf ("open1688-cli apis: %s:3:", path);
  g_assert_true (g_str_has_prefix (broken.err, position));
  g_free (path);

  /* One name in two namespaces: the short name is ambiguous, the full one is not. */
  path = write_catalog (dir,
                        "{ \"apis\": ["
                        " { \"namespace\": \"a.one\", \"name\": \"same.get\", \"version\": 1,"
                        "   \"title_zh\": \"一\", \"title_en\": \"One\" },"
                        " { \"namespace\": \"a.two\", \"name\": \"same.get\", \"version\": 1,"
                        "   \"title_zh\": \"二\", \"title_en\": \"Two\" } ] }");
  RUN (&ambiguous, "api", "--catalog", path, "same.get");
  g_assert_cmpint (ambiguous.status, ==, 1);
  g_assert_cmpstr (ambiguous.err, ==,
                   "open1688-cli api: More than one API is named “same.get”. Give one of these full names:\n"
                   "  a.one:same.get-1  One\n"
                   "  a.two:same.get-1  Two\n");

  RUN (&found, "api", "--catalog", path, "a.two:same.get-1");
  g_assert_cmpint (found.status, ==, 0);
  g_assert_true (g_str_has_prefix (found.out, "a.two:same.get-1\n  二\n  Two\n"));
  assert_contains (found.out, "Parameters: not documented here; see the documentation page.\n");

  g_remove (path);
  g_rmdir (dir);

  RUN (&unreadable, "api", "--catalog", path, "same.get");
  g_assert_cmpint (unreadable.status, ==, 1);
  assert_contains (unreadable.err, "Could not read the API catalog");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/apis/list", test_apis_list);
  g_test_add_func ("/cli/apis/errors", test_apis_errors);
  g_test_add_func ("/cli/api/doc", test_api_doc);
  g_test_add_func ("/cli/api/errors", test_api_errors);
  g_test_add_func ("/cli/api/catalog-option", test_catalog_option);

  return g_test_run ();
}
