/* test-validate.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-validate.h"

static void
test_platform_url_valid (void)
{
  const char *good[] = {
    "http://127.0.0.1:8688",
    "https://sandbox.example.com",
    "http://localhost:8688/",
    "https://example.com/team/sandbox",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (op_validate_platform_url (good[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_platform_url_invalid (void)
{
  struct { const char *url; int code; } bad[] = {
    { "", OP_VALIDATE_ERROR_EMPTY },
    { "127.0.0.1:8688", OP_VALIDATE_ERROR_INVALID },
    { "ftp://example.com", OP_VALIDATE_ERROR_INVALID },
    { "http://", OP_VALIDATE_ERROR_INVALID },
    { "https://example.com/?x=1", OP_VALIDATE_ERROR_INVALID },
    { "https://example.com/#top", OP_VALIDATE_ERROR_INVALID },
    { "not a url", OP_VALIDATE_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (op_validate_platform_url (bad[i].url, &error));
      g_assert_error (error, OP_VALIDATE_ERROR, bad[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_false (op_validate_platform_url (NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/platform-url/valid", test_platform_url_valid);
  g_test_add_func ("/validate/platform-url/invalid", test_platform_url_invalid);

  return g_test_run ();
}
