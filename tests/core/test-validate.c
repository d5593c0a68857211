/* test-validate.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-validate.h"

typedef gboolean (*ValidateFunc) (const char *text, GError **error);

/* Asserts that @func refuses @text with @code and a message that is
 * non-empty, fully formatted and contains each of the NULL-terminated
 * @needles (positions, counts, the offending character). */
static void
assert_refused (ValidateFunc  func,
                const char   *text,
                int           code,
                ...)
{
  g_autoptr(GError) error = NULL;
  const char *needle;
  va_list args;

  if (!func (text, &error) && error == NULL)
    g_error ("“%s” refused without an error", text);

  if (error == NULL)
    g_error ("“%s” was accepted, expected error code %d", text, code);

  if (error->domain != OP_VALIDATE_ERROR || error->code != code)
    g_error ("“%s”: expected error code %d, got %d: %s", text, code, error->code, error->message);

  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strstr (error->message, "%u"));
  g_assert_null (strstr (error->message, "%s"));

  va_start (args, code);
  while ((needle = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, needle) == NULL)
      g_error ("“%s”: message “%s” does not mention “%s”", text, error->message, needle);
  va_end (args);
}

static void
assert_accepted (ValidateFunc  func,
                 const char   *text)
{
  g_autoptr(GError) error = NULL;

  if (!func (text, &error))
    g_error ("“%s” was refused: %s", text, error != NULL ? error->message : "(no error)");
  g_assert_no_error (error);
}

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
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
    }

  g_assert_false (op_validate_platform_url (NULL, NULL));
}

/* Codes whose check character was computed independently of this code
 * (python3: cs="0123456789ABCDEFGHJKLMNPQRTUWXY"; weights 3^i mod 31;
 * check = cs[(31 - sum % 31) % 31]). The first four are real codes cited in
 * public documents; the others are made up to reach the check characters 0,
 * 1, A, X and Y. */
static const char *valid_uscc[] = {
  "91350100M000100Y43",
  "91110000600037341L",
  "91310000MA1FL1MMXL",
  "91440300708461136T",
  "Y13082464H3J9HTM5Y",
  "13901092H3YBK02U61",
  "53788783NGWWYX8XHA",
  "912344839EGM58BR00",
  "9956304826F69QT67X",
  "000000000000000000",   /* sum 0: 31 − 0 = 31, written as 0 */
};

static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static void
test_uscc_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid_uscc); i++)
    assert_accepted (op_validate_uscc, valid_uscc[i]);
}

static void
test_uscc_check_char (void)
{
  char check = '?';

  for (guint i = 0; i < G_N_ELEMENTS (valid_uscc); i++)
    {
      g_autofree char *first17 = g_strndup (valid_uscc[i], 17);

      g_assert_true (op_validate_uscc_check_char (first17, &check));
      g_assert_cmpint (check, ==, valid_uscc[i][17]);
    }

  check = '?';
  g_assert_false (op_validate_uscc_check_char ("9135010", &check));
  g_assert_false (op_validate_uscc_check_char ("91350100M000100Y43", &check));
  g_assert_false (op_validate_uscc_check_char ("91350100m000100Y4", &check));
  g_assert_false (op_validate_uscc_check_char ("91350100O000100Y4", &check));
  g_assert_cmpint (check, ==, '?');
}

static void
test_uscc_checksum (void)
{
  /* The last character changed */
  assert_refused (op_validate_uscc, "91350100M000100Y44", OP_VALIDATE_ERROR_CHECKSUM, NULL);
  assert_refused (op_validate_uscc, "91110000600037341K", OP_VALIDATE_ERROR_CHECKSUM, NULL);
  assert_refused (op_validate_uscc, "000000000000000001", OP_VALIDATE_ERROR_CHECKSUM, NULL);

  /* Every single substitution in the first 17 characters is caught
   * (31 is prime and no weight is 0 modulo 31), and so is every swap of
   * two different neighbours (neighbouring weights differ). */
  for (guint i = 0; i < G_N_ELEMENTS (valid_uscc); i++)
    {
      for (guint pos = 0; pos < 17; pos++)
        {
          for (const char *c = uscc_alphabet; *c != '\0'; c++)
            {
              g_autofree char *typo = g_strdup (valid_uscc[i]);

              if (*c == typo[pos])
                continue;

              typo[pos] = *c;
              assert_refused (op_validate_uscc, typo, OP_VALIDATE_ERROR_CHECKSUM, NULL);
            }

          if (pos < 16 && valid_uscc[i][pos] != valid_uscc[i][pos + 1])
            {
              g_autofree char *swapped = g_strdup (valid_uscc[i]);

              swapped[pos] = valid_uscc[i][pos + 1];
              swapped[pos + 1] = valid_uscc[i][pos];
              assert_refused (op_validate_uscc, swapped, OP_VALIDATE_ERROR_CHECKSUM, NULL);
            }
        }
    }
}

static void
test_uscc_characters (void)
{
  /* I, O, S, V, Z are never used; the message names the letter and its position */
  assert_refused (op_validate_uscc, "91350100M000100O43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "16", "“O”", "I, O, S, V", NULL);
  assert_refused (op_validate_uscc, "I1350100M000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "1", "“I”", NULL);
  assert_refused (op_validate_uscc, "91350100S000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "9", "“S”", NULL);
  assert_refused (op_validate_uscc, "91350100M000100Y4V", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "18", "“V”", NULL);
  assert_refused (op_validate_uscc, "9135Z100M000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "5", "“Z”", NULL);
  assert_refused (op_validate_uscc, "91350100M000100o43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "16", "“o”", NULL);

  /* Strict about case, but says which capital to type */
  assert_refused (op_validate_uscc, "91350100m000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "9", "“m”", "“M”", NULL);

  /* No spaces, not even at the ends */
  assert_refused (op_validate_uscc, " 91350100M000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER, "1", NULL);
  assert_refused (op_validate_uscc, "91350100M000100Y43 ", OP_VALIDATE_ERROR_BAD_CHARACTER, "19", NULL);
  assert_refused (op_validate_uscc, "9135 0100 M000 100Y 43", OP_VALIDATE_ERROR_BAD_CHARACTER, "5", NULL);
  assert_refused (op_validate_uscc, "91350100M000100Y4\t", OP_VALIDATE_ERROR_BAD_CHARACTER, "18", NULL);

  /* Full-width characters from a Chinese input method */
  assert_refused (op_validate_uscc, "９1350100M000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "1", "“９”", NULL);
  assert_refused (op_validate_uscc, "91350100Ｍ000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "9", "“Ｍ”", NULL);

  /* Anything else */
  assert_refused (op_validate_uscc, "91350100-000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "9", "“-”", NULL);
  assert_refused (op_validate_uscc, "统一社会信用代码", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "1", "“统”", NULL);
  /* a non-ASCII letter whose low byte is 'I' must not be taken for I */
  assert_refused (op_validate_uscc, "\xc5\x89" "1350100M000100Y43", OP_VALIDATE_ERROR_BAD_CHARACTER,
                  "“\xc5\x89”", NULL);

  assert_refused (op_validate_uscc, "91350100M000100Y4\xff", OP_VALIDATE_ERROR_INVALID, NULL);
}

static void
test_uscc_length (void)
{
  assert_refused (op_validate_uscc, "", OP_VALIDATE_ERROR_EMPTY, "18", NULL);
  assert_refused (op_validate_uscc, NULL, OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_uscc, "91350100M000100Y4", OP_VALIDATE_ERROR_TOO_SHORT, "17", "18", NULL);
  assert_refused (op_validate_uscc, "9", OP_VALIDATE_ERROR_TOO_SHORT, "1", "18", NULL);
  assert_refused (op_validate_uscc, "91350100M000100Y433", OP_VALIDATE_ERROR_TOO_LONG, "19", "18", NULL);
  assert_refused (op_validate_uscc, "91350100M000100Y4391350100M000100Y43",
                  OP_VALIDATE_ERROR_TOO_LONG, "36", NULL);
  g_assert_false (op_validate_uscc ("91350100M000100Y4", NULL));
}

static void
test_mobile_valid (void)
{
  struct { const char *typed; const char *digits; } good[] = {
    { "13800138000", "13800138000" },
    { "138 0013 8000", "13800138000" },
    { "138-0013-8000", "13800138000" },
    { " 19912345678 ", "19912345678" },
    { "+86 138 0013 8000", "13800138000" },
    { "+8613800138000", "13800138000" },
    { "+86-166-1234-5678", "16612345678" },
    { "8613800138000", "13800138000" },
    { "86 138 0013 8000", "13800138000" },
    { "14700000000", "14700000000" },
    { "\xe3\x80\x80" "13800138000", "13800138000" },  /* ideographic space at the start */
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *normal = op_validate_normalize_mobile (good[i].typed);

      assert_accepted (op_validate_mobile, good[i].typed);
      g_assert_cmpstr (normal, ==, good[i].digits);
    }
}

static void
test_mobile_invalid (void)
{
  assert_refused (op_validate_mobile, "", OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_mobile, NULL, OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_mobile, "   ", OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_mobile, "1380013800", OP_VALIDATE_ERROR_TOO_SHORT, "10", "11", NULL);
  assert_refused (op_validate_mobile, "138001380001", OP_VALIDATE_ERROR_TOO_LONG, "12", NULL);
  assert_refused (op_validate_mobile, "+86 1380013800", OP_VALIDATE_ERROR_TOO_SHORT, "10", NULL);
  /* only one country code is stripped, and 0086 is not a form we accept */
  assert_refused (op_validate_mobile, "+86 86 13800138000", OP_VALIDATE_ERROR_TOO_LONG, "13", NULL);
  assert_refused (op_validate_mobile, "008613800138000", OP_VALIDATE_ERROR_TOO_LONG, "15", NULL);
  assert_refused (op_validate_mobile, "+86", OP_VALIDATE_ERROR_TOO_SHORT, "0", NULL);
  /* second digit 0–2, or not starting with 1 */
  assert_refused (op_validate_mobile, "12800138000", OP_VALIDATE_ERROR_INVALID, "13", "19", NULL);
  assert_refused (op_validate_mobile, "10086100861", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_mobile, "23800138000", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_mobile, "02112345678", OP_VALIDATE_ERROR_INVALID, NULL);
  /* other countries */
  assert_refused (op_validate_mobile, "+1 415 555 0100", OP_VALIDATE_ERROR_INVALID, "+86", NULL);
  assert_refused (op_validate_mobile, "+852 9123 4567", OP_VALIDATE_ERROR_INVALID, NULL);
  /* characters */
  assert_refused (op_validate_mobile, "138 0013 800O", OP_VALIDATE_ERROR_BAD_CHARACTER, "“O”", NULL);
  assert_refused (op_validate_mobile, "(138) 0013 8000", OP_VALIDATE_ERROR_BAD_CHARACTER, "“(”", NULL);
  assert_refused (op_validate_mobile, "１３８00138000", OP_VALIDATE_ERROR_BAD_CHARACTER, "“１”", NULL);
  assert_refused (op_validate_mobile, "138\t0013 8000", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_mobile, "138\xff" "00138000", OP_VALIDATE_ERROR_INVALID, NULL);

  g_assert_null (op_validate_normalize_mobile ("12800138000"));
  g_assert_null (op_validate_normalize_mobile (NULL));
}

static void
test_email_valid (void)
{
  g_autoptr(GString) longest = g_string_new (NULL);
  const char *good[] = {
    "name@example.com",
    "zhang.san+1688@qq.com",
    "a@b.cn",
    "user@mail.example.com.cn",
    "first_last@sub-domain.example.org",
    "用户@例子.中国",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    assert_accepted (op_validate_email, good[i]);

  /* 254 bytes: 64 + "@" + 63 + "." + 63 + "." + 58 + ".cn" */
  {
    g_autofree char *local = g_strnfill (64, 'a');
    g_autofree char *label1 = g_strnfill (63, 'b');
    g_autofree char *label2 = g_strnfill (63, 'c');
    g_autofree char *label3 = g_strnfill (58, 'd');

    g_string_append_printf (longest, "%s@%s.%s.%s.cn", local, label1, label2, label3);
  }
  g_assert_cmpuint (longest->len, ==, 254);
  assert_accepted (op_validate_email, longest->str);

  g_string_prepend_c (longest, 'a');
  assert_refused (op_validate_email, longest->str, OP_VALIDATE_ERROR_TOO_LONG, "254", NULL);
}

static void
test_email_invalid (void)
{
  assert_refused (op_validate_email, "", OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_email, NULL, OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_email, "name", OP_VALIDATE_ERROR_INVALID, "@", NULL);
  assert_refused (op_validate_email, "name.example.com", OP_VALIDATE_ERROR_INVALID, "@", NULL);
  assert_refused (op_validate_email, "a@b@example.com", OP_VALIDATE_ERROR_INVALID, "@", NULL);
  assert_refused (op_validate_email, "@example.com", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "name@", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "name@example", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "name@.com", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "name@example..com", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "name@example.com.", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "name@-example.com", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "name@qq,com", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "name@exa_mple.com", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_email, "na me@example.com", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_email, " name@example.com", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_email, "name@example.com\n", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_email, "name\xe2\x80\x8b@example.com", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_email, "name＠example.com", OP_VALIDATE_ERROR_BAD_CHARACTER, "“＠”", NULL);
  assert_refused (op_validate_email, "name@qq。com", OP_VALIDATE_ERROR_BAD_CHARACTER, "“。”", NULL);
  assert_refused (op_validate_email, "name@\xc0" "example.com", OP_VALIDATE_ERROR_INVALID, NULL);
}

static void
test_https_url_valid (void)
{
  const char *good[] = {
    "https://example.com/callback",
    "https://example.com",
    "https://example.com:8443/oauth/cb?shop=12",
    "HTTPS://Example.COM/cb",
    "https://127.0.0.1/cb",
    "https://[::1]:8443/cb",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    assert_accepted (op_validate_https_url, good[i]);
}

static void
test_https_url_invalid (void)
{
  assert_refused (op_validate_https_url, "", OP_VALIDATE_ERROR_EMPTY, "https://", NULL);
  assert_refused (op_validate_https_url, NULL, OP_VALIDATE_ERROR_EMPTY, NULL);
  /* http is refused, loopback included: callbacks are https only */
  assert_refused (op_validate_https_url, "http://example.com/callback", OP_VALIDATE_ERROR_INSECURE,
                  "https://", NULL);
  assert_refused (op_validate_https_url, "http://127.0.0.1:8080/cb", OP_VALIDATE_ERROR_INSECURE, NULL);
  assert_refused (op_validate_https_url, "http://localhost/cb", OP_VALIDATE_ERROR_INSECURE, NULL);
  assert_refused (op_validate_https_url, "ftp://example.com/cb", OP_VALIDATE_ERROR_INVALID, "https://", NULL);
  assert_refused (op_validate_https_url, "example.com/callback", OP_VALIDATE_ERROR_INVALID, "https://", NULL);
  assert_refused (op_validate_https_url, "https://", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_https_url, "https:///callback", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_https_url, "https:example.com", OP_VALIDATE_ERROR_INVALID, NULL);
  assert_refused (op_validate_https_url, "https://example.com/cb#done", OP_VALIDATE_ERROR_INVALID, "#", NULL);
  assert_refused (op_validate_https_url, "https://exa mple.com/cb", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_https_url, " https://example.com/cb", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_https_url, "https://example.com:99999/cb", OP_VALIDATE_ERROR_INVALID, NULL);
}

static void
test_app_name (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *stripped = NULL;

  assert_accepted (op_validate_app_name, "订单助手");
  assert_accepted (op_validate_app_name, "ab");
  assert_accepted (op_validate_app_name, "订单");
  assert_accepted (op_validate_app_name, "My Shop Helper");
  assert_accepted (op_validate_app_name, "  Shop Helper  ");
  assert_accepted (op_validate_app_name, "\xe3\x80\x80订单助手\xe3\x80\x80");
  /* " a " is one character once trimmed */
  assert_refused (op_validate_app_name, " a ", OP_VALIDATE_ERROR_TOO_SHORT, "2", NULL);
  assert_refused (op_validate_app_name, "订", OP_VALIDATE_ERROR_TOO_SHORT, NULL);

  /* 32 Chinese characters are 96 bytes but 32 characters */
  for (guint i = 0; i < 32; i++)
    g_string_append (name, "货");
  assert_accepted (op_validate_app_name, name->str);
  g_string_append (name, "源");
  assert_refused (op_validate_app_name, name->str, OP_VALIDATE_ERROR_TOO_LONG, "33", "32", NULL);

  assert_refused (op_validate_app_name, "", OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_app_name, NULL, OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_app_name, " \t\n", OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_app_name, "\xe3\x80\x80\xe3\x80\x80", OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_app_name, "My\tApp", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_app_name, "My\nApp", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_app_name, "My\x7f" "App", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_app_name, "My\xe2\x80\xa8" "App", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_app_name, "My\xffpp", OP_VALIDATE_ERROR_INVALID, NULL);

  stripped = op_validate_strip ("\xe3\x80\x80 订单 助手\t\n");
  g_assert_cmpstr (stripped, ==, "订单 助手");
  g_clear_pointer (&stripped, g_free);
  stripped = op_validate_strip ("   ");
  g_assert_cmpstr (stripped, ==, "");
  g_assert_null (op_validate_strip (NULL));
  g_assert_null (op_validate_strip ("\xff"));
}

static void
test_app_key (void)
{
  assert_accepted (op_validate_app_key, "1234567");
  assert_accepted (op_validate_app_key, "0000001");

  assert_refused (op_validate_app_key, "", OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_app_key, NULL, OP_VALIDATE_ERROR_EMPTY, NULL);
  assert_refused (op_validate_app_key, "123456", OP_VALIDATE_ERROR_TOO_SHORT, "7", "6", NULL);
  assert_refused (op_validate_app_key, "1", OP_VALIDATE_ERROR_TOO_SHORT, "7", "1", NULL);
  assert_refused (op_validate_app_key, "12345678", OP_VALIDATE_ERROR_TOO_LONG, "8", NULL);
  assert_refused (op_validate_app_key, "123 4567", OP_VALIDATE_ERROR_BAD_CHARACTER, "7", NULL);
  assert_refused (op_validate_app_key, " 1234567", OP_VALIDATE_ERROR_BAD_CHARACTER, NULL);
  assert_refused (op_validate_app_key, "12345a7", OP_VALIDATE_ERROR_BAD_CHARACTER, "“a”", NULL);
  assert_refused (op_validate_app_key, "-123456", OP_VALIDATE_ERROR_BAD_CHARACTER, "“-”", NULL);
  assert_refused (op_validate_app_key, "１234567", OP_VALIDATE_ERROR_BAD_CHARACTER, "“１”", NULL);
  assert_refused (op_validate_app_key, "123456\xff", OP_VALIDATE_ERROR_INVALID, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/platform-url/valid", test_platform_url_valid);
  g_test_add_func ("/validate/platform-url/invalid", test_platform_url_invalid);
  g_test_add_func ("/validate/uscc/valid", test_uscc_valid);
  g_test_add_func ("/validate/uscc/check-char", test_uscc_check_char);
  g_test_add_func ("/validate/uscc/checksum", test_uscc_checksum);
  g_test_add_func ("/validate/uscc/characters", test_uscc_characters);
  g_test_add_func ("/validate/uscc/length", test_uscc_length);
  g_test_add_func ("/validate/mobile/valid", test_mobile_valid);
  g_test_add_func ("/validate/mobile/invalid", test_mobile_invalid);
  g_test_add_func ("/validate/email/valid", test_email_valid);
  g_test_add_func ("/validate/email/invalid", test_email_invalid);
  g_test_add_func ("/validate/https-url/valid", test_https_url_valid);
  g_test_add_func ("/validate/https-url/invalid", test_https_url_invalid);
  g_test_add_func ("/validate/app-name", test_app_name);
  g_test_add_func ("/validate/app-key", test_app_key);

  return g_test_run ();
}
