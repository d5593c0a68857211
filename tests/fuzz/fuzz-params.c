/* fuzz-params.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "op-request.h"
#include "op-sign.h"
#include "op-token.h"

/*
 * libFuzzer target for the request layer. The input is lines of KEY=VALUE, as given to
 * `open1688-cli sign`. Each line goes through op_request_parse_assignment(); a value that is
 * JSON is set with op_request_set_param_json(), any other with op_request_set_param(). Then
 * the URL path, the string to sign, the signature, the body and the GET URL are built, and
 * these invariants are checked:
 *   - op_sign_verify() accepts the signature op_request_get_signature() made;
 *   - the string to sign is the URL path plus exactly the bytes of every key and value
 *     except _aop_signature;
 *   - the body only holds unreserved characters, '%XX', '=' and '&';
 *   - op_sign_compare_utf16() is antisymmetric.
 * The whole input is also given to the token parser (op_token_new_from_json()).
 * Criticals are fatal: a g_return_if_fail() reached from valid input is a bug.
 */

#define MAX_LINES 64

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
sign_of (int value)
{
  return (value > 0) - (value < 0);
}

static void
check_body (const char *body)
{
  for (const char *p = body; *p != '\0'; p++)
    {
      if (*p == '%')
        {
          g_assert_true (g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]));
          g_assert_false (g_ascii_islower (p[1]) || g_ascii_islower (p[2]));
          p += 2;
          continue;
        }
      g_assert_true (g_ascii_isalnum (*p) || strchr ("-._~=&", *p) != NULL);
    }
}

/* abort(), which libFuzzer catches and reports with the input, rather than GLib's
 * breakpoint trap. */
static void
log_cb (const char     *log_domain,
        GLogLevelFlags  log_level,
        const char     *message,
        gpointer        user_data)
{
  g_log_default_handler (log_domain, log_level, message, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (log_cb, NULL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(OpRequest) request = NULL;
  g_autoptr(OpToken) token = NULL;
  g_autofree char *text = NULL;
  g_autofree char *url_path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *body = NULL;
  g_autofree char *get_url = NULL;
  g_auto(GStrv) lines = NULL;
  const char **keys;
  const char **values;
  gsize expected_length;
  guint n;

  if (size > 64 * 1024)
    return 0;

  text = g_strndup ((const char *) data, size);

  /* The token parser takes any bytes. */
  token = op_token_new_from_json ((const char *) data, size, NULL, NULL);
  if (token != NULL)
    {
      g_assert_nonnull (op_token_get_access_token (token));
      g_assert_nonnull (op_token_get_expires_at (token));
    }

  request = op_request_new ("com.alibaba.fuzz", "fuzz.params", "1234567");
  lines = g_strsplit (text, "\n", MAX_LINES + 1);
  for (guint i = 0; lines[i] != NULL && i < MAX_LINES; i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (!op_request_parse_assignment (lines[i], &key, &value, NULL))
        continue;

      g_assert_true (*key != '\0');
      g_assert_true (g_str_has_prefix (lines[i], key));
      g_assert_true (lines[i][strlen (key)] == '=');
      g_assert_cmpstr (lines[i] + strlen (key) + 1, ==, value);

      node = json_from_string (value, NULL);
      if (node != NULL)
        op_request_set_param_json (request, key, node);
      else
        op_request_set_param (request, key, value);
    }

  url_path = op_request_get_url_path (request);
  message = op_request_get_string_to_sign (request);
  signature = op_request_get_signature (request, "fuzz-secret");
  body = op_request_build_body (request, "fuzz-secret");
  get_url = op_request_build_get_url (request, "https://gw.example/openapi", "fuzz-secret");

  n = op_request_get_n_params (request);
  keys = g_newa (const char *, n + 1);
  values = g_newa (const char *, n + 1);
  expected_length = strlen (url_path);
  for (guint i = 0; i < n; i++)
    {
      keys[i] = op_request_get_nth_param (request, i, &values[i]);
      if (strcmp (keys[i], OP_SIGN_PARAM_NAME) != 0)
        expected_length += strlen (keys[i]) + strlen (values[i]);
    }

  g_assert_true (g_str_has_prefix (message, url_path));
  g_assert_cmpuint (strlen (message), ==, expected_length);
  g_assert_cmpuint (strlen (signature), ==, OP_SIGN_SIGNATURE_LENGTH);
  g_assert_true (op_sign_verify (url_path, keys, values, n, "fuzz-secret", signature));
  g_assert_false (op_sign_verify (url_path, keys, values, n, "other-secret", signature));
  check_body (body);
  g_assert_true (g_str_has_suffix (body, signature));
  g_assert_true (g_str_has_suffix (get_url, body));

  for (guint i = 0; i + 1 < n; i++)
    {
      const char *a = values[i];
      const char *b = values[i + 1];

      g_assert_cmpint (sign_of (op_sign_compare_utf16 (a, strlen (a), b, strlen (b))), ==,
                       -sign_of (op_sign_compare_utf16 (b, strlen (b), a, strlen (a))));
    }

  return 0;
}
