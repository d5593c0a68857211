/* test-sign.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-sign.h"

/*
 * Every expected signature here was computed outside this code base, from the expected string
 * to sign written by hand (or, for the 20-parameter vector, sorted by Python on UTF-16-BE
 * bytes), with:
 *
 *   printf %s 'MESSAGE' | openssl dgst -sha1 -hmac SECRET
 */

#define GRINNING    "\xF0\x9F\x98\x80" /* U+1F600, above U+FFFF: a surrogate pair in UTF-16 */
#define PUA_E000    "\xEE\x80\x80"     /* U+E000 */
#define REPLACEMENT "\xEF\xBF\xBD"     /* U+FFFD */
#define FULLWIDTH   "\xEF\xBC\x81"     /* U+FF01 FULLWIDTH EXCLAMATION MARK */
#define HANGUL_LAST "\xED\x9F\xBF"     /* U+D7FF, the last character below the surrogates */
#define MAX_BMP     "\xEF\xBF\xBF"     /* U+FFFF */
#define G_CLEF      "\xF0\x9D\x84\x9E" /* U+1D11E */

#define CURRENT_TIME_PATH "param2/1/system/currentTime/1000000"
#define OFFICIAL_SIGNATURE "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88"

static void
assert_vector (const char         *url_path,
               const char * const *keys,
               const char * const *values,
               guint               n_params,
               const char         *secret,
               const char         *expected_message,
               const char         *expected_signature)
{
  g_autofree char *message = NULL;
  g_autofree char *signature = NULL;

  message = op_sign_string_to_sign (url_path, keys, values, n_params);
  g_assert_cmpstr (message, ==, expected_message);

  signature = op_sign_signature (url_path, keys, values, n_params, secret);
  g_assert_cmpstr (signature, ==, expected_signature);

  g_assert_true (op_sign_verify (url_path, keys, values, n_params, secret, expected_signature));
}

static void
test_official_vector (void)
{
  const char *keys[] = { "b", "a" };
  const char *values[] = { "2", "1" };

  assert_vector (CURRENT_TIME_PATH, keys, values, 2, "test123",
                 CURRENT_TIME_PATH "a1b2",
                 OFFICIAL_SIGNATURE);
}

static void
test_no_params (void)
{
  assert_vector (CURRENT_TIME_PATH, NULL, NULL, 0, "test123",
                 CURRENT_TIME_PATH,
                 "6DE0BF22A879A7631C7C0706D95EEB60184D9EAF");
}

/* "a"+"z" = "az" sorts after "ab"+"1" = "ab1", although key "a" sorts before key "ab". */
static void
test_sorts_key_value_not_keys (void)
{
  const char *keys[] = { "a", "ab" };
  const char *values[] = { "z", "1" };
  g_autofree char *signature = NULL;

  assert_vector (CURRENT_TIME_PATH, keys, values, 2, "test123",
                 CURRENT_TIME_PATH "ab1az",
                 "8455C1445CD6FD189617EBA7A8A5C98E78786564");

  /* The signature of the key-sorted string ("…azab1") is what the wrong libraries send. */
  signature = op_sign_signature (CURRENT_TIME_PATH, keys, values, 2, "test123");
  g_assert_cmpstr (signature, !=, "788D10E71754732F47156DBC0ECFFFAC3F070B44");
  g_assert_false (op_sign_verify (CURRENT_TIME_PATH, keys, values, 2, "test123",
                                  "788D10E71754732F47156DBC0ECFFFAC3F070B44"));
}

static void
test_empty_value (void)
{
  const char *path = "param2/1/com.alibaba.trade/alibaba.trade.get/1234567";
  const char *keys[] = { "b", "a" };
  const char *values[] = { "2", "" };

  assert_vector (path, keys, values, 2, "secret",
                 "param2/1/com.alibaba.trade/alibaba.trade.get/1234567ab2",
                 "3E5C5ECEA372F5983510DBA57F04ACC888D452E2");
}

static void
test_null_value_skipped (void)
{
  const char *path = "param2/1/com.alibaba.trade/alibaba.trade.get/1234567";
  const char *keys[] = { "c", "a", "b", "d" };
  const char *values[] = { NULL, "", "2", NULL };

  /* Same signature as test_empty_value(): c and d are not sent, so not signed. */
  assert_vector (path, keys, values, 4, "secret",
                 "param2/1/com.alibaba.trade/alibaba.trade.get/1234567ab2",
                 "3E5C5ECEA372F5983510DBA57F04ACC888D452E2");
}

static void
test_utf8_value (void)
{
  const char *path = "param2/1/com.alibaba.product/alibaba.product.get/7654321";
  const char *keys[] = { "subject" };
  const char *values[] = { "女装连衣裙" };

  /* Signed raw: the UTF-8 bytes, not %E5%A5%B3… */
  assert_vector (path, keys, values, 1, "S3cr3t",
                 "param2/1/com.alibaba.product/alibaba.product.get/7654321subject女装连衣裙",
                 "08309FCE5CBC0B2965919144961932B3A98D23EC");
}

/* U+1F600 is 0xD83D 0xDE00 in UTF-16, below U+FF01; in UTF-8 (0xF0…) it is above (0xEF…). */
static void
test_utf16_order (void)
{
  const char *keys[] = { "t" FULLWIDTH, "t" GRINNING };
  const char *values[] = { "2", "1" };

  assert_vector (CURRENT_TIME_PATH, keys, values, 2, "test123",
                 CURRENT_TIME_PATH "t" GRINNING "1t" FULLWIDTH "2",
                 "CED1EB12D8286DA5CB266E180ADCBE07D44C2836");

  /* Byte order would give "…t！2t😀1", signed as 0F2F…: not ours. */
  g_assert_false (op_sign_verify (CURRENT_TIME_PATH, keys, values, 2, "test123",
                                  "0F2F0885DA5530A513C81EFCDB8DB2C9893A4FE9"));
}

static void
test_signature_param_excluded (void)
{
  const char *keys[] = { "b", "_aop_signature", "a" };
  const char *values[] = { "2", "DEADBEEF", "1" };

  assert_vector (CURRENT_TIME_PATH, keys, values, 3, "test123",
                 CURRENT_TIME_PATH "a1b2",
                 OFFICIAL_SIGNATURE);
}

/* More parameters than the insertion sort handles, with system parameters, upper case,
 * an empty value, key prefixes, JSON, and characters on both sides of the UTF-16 quirk. */
static void
test_many_params (void)
{
  const char *keys[] = {
    "offerId", "pageSize", "page", "access_token", "_aop_timestamp", "b", "ba", "b1",
    "subject", "webSite", "z", "Z", "_aop_datePattern", "_aop_responseFormat", "q", "q",
    "needTrue", "json", "r" GRINNING, "r" REPLACEMENT,
  };
  const char *values[] = {
    "610947572360", "20", "1", "8a3f1d2e-token", "1767225600000", "x", "", "2",
    "女装", "1688", "last", "UPPER", "yyyyMMddHHmmss", "json", GRINNING, PUA_E000,
    "true", "{\"a\":[1,2]}", "1", "2",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (values));

  assert_vector ("param2/1/com.alibaba.product/alibaba.product.list/1234567",
                 keys, values, G_N_ELEMENTS (keys), "0123456789abcdef",
                 "param2/1/com.alibaba.product/alibaba.product.list/1234567"
                 "ZUPPER"
                 "_aop_datePatternyyyyMMddHHmmss"
                 "_aop_responseFormatjson"
                 "_aop_timestamp1767225600000"
                 "access_token8a3f1d2e-token"
                 "b12" "ba" "bx"
                 "json{\"a\":[1,2]}"
                 "needTruetrue"
                 "offerId610947572360"
                 "page1" "pageSize20"
                 "q" GRINNING "q" PUA_E000
                 "r" GRINNING "1" "r" REPLACEMENT "2"
                 "subject女装"
                 "webSite1688"
                 "zlast",
                 "1E00968A5D5B2E46C9A31EC249C7AF5FF3884DFB");
}

static void
test_compare_utf16 (void)
{
  /* Each pair: first < second in Java's String.compareTo. */
  static const char * const ordered[][2] = {
    { "", "a" },
    { "a", "b" },
    { "a", "ab" },
    { "Z", "a" },
    { "é", "中" },
    { HANGUL_LAST, GRINNING },     /* U+D7FF < U+D83D… */
    { GRINNING, PUA_E000 },        /* the quirk: U+D83D… < U+E000 */
    { GRINNING, FULLWIDTH },
    { GRINNING, MAX_BMP },
    { G_CLEF, GRINNING },          /* U+D834… < U+D83D… */
    { PUA_E000, MAX_BMP },
    { "x" GRINNING "a", "x" PUA_E000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      const char *a = ordered[i][0];
      const char *b = ordered[i][1];

      g_assert_cmpint (op_sign_compare_utf16 (a, strlen (a), b, strlen (b)), <, 0);
      g_assert_cmpint (op_sign_compare_utf16 (b, strlen (b), a, strlen (a)), >, 0);
      g_assert_cmpint (op_sign_compare_utf16 (a, strlen (a), a, strlen (a)), ==, 0);
    }

  /* Lengths are honoured: "ab" cut to one byte equals "a". */
  g_assert_cmpint (op_sign_compare_utf16 ("ab", 1, "a", 1), ==, 0);

  /* Invalid UTF-8 still gets an antisymmetric order. */
  g_assert_cmpint (op_sign_compare_utf16 ("\xFF", 1, "\xFE", 1), >, 0);
  g_assert_cmpint (op_sign_compare_utf16 ("\xFE", 1, "\xFF", 1), <, 0);
}

static void
test_hmac_hex (void)
{
  g_autofree char *fox = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *empty = NULL;

  fox = op_sign_hmac_sha1_hex ("key", "The quick brown fox jumps over the lazy dog", -1);
  g_assert_cmpstr (fox, ==, "DE7C9B85B8B78AA6BC8A7A36F70A90701C9DB4D9");

  /* An explicit length covers only that many bytes. */
  prefix = op_sign_hmac_sha1_hex ("key", "abcdef", 3);
  g_assert_cmpstr (prefix, ==, "4FD0B215276EF12F2B3E4C8ECAC2811498B656FC");

  empty = op_sign_hmac_sha1_hex ("key", "", -1);
  g_assert_cmpstr (empty, ==, "F42BB0EEB018EBBD4597AE7213711EC60760843F");
}

static void
test_verify_rejects (void)
{
  const char *keys[] = { "b", "a" };
  const char *values[] = { "2", "1" };
  static const char * const wrong[] = {
    "43E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88",  /* first digit differs */
    "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE89",  /* last digit differs */
    "33e54f4f7b989e3e0e912d3fbd2f1a03ca7cce88",  /* lower case */
    "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE8",   /* 39 digits */
    "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE880", /* 41 digits */
    "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88 ", /* trailing space */
    "",
    "33E54F4F",
  };

  g_assert_true (op_sign_verify (CURRENT_TIME_PATH, keys, values, 2, "test123",
                                 OFFICIAL_SIGNATURE));

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    g_assert_false (op_sign_verify (CURRENT_TIME_PATH, keys, values, 2, "test123", wrong[i]));

  g_assert_false (op_sign_verify (CURRENT_TIME_PATH, keys, values, 2, "test123", NULL));

  /* Right signature, wrong secret / path / value. */
  g_assert_false (op_sign_verify (CURRENT_TIME_PATH, keys, values, 2, "test124",
                                  OFFICIAL_SIGNATURE));
  g_assert_false (op_sign_verify ("param2/1/system/currentTime/1000001", keys, values, 2,
                                  "test123", OFFICIAL_SIGNATURE));
  values[0] = "3";
  g_assert_false (op_sign_verify (CURRENT_TIME_PATH, keys, values, 2, "test123",
                                  OFFICIAL_SIGNATURE));
}

static void
test_programmer_errors (void)
{
  const char *keys[] = { "a", NULL };
  const char *values[] = { "1", "2" };

  if (g_test_subprocess ())
    {
      g_autofree char *result = NULL;

      result = op_sign_string_to_sign (CURRENT_TIME_PATH, keys, values, 2);
      g_assert_null (result);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*params_are_valid*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sign/official-vector", test_official_vector);
  g_test_add_func ("/sign/no-params", test_no_params);
  g_test_add_func ("/sign/sorts-key-value-not-keys", test_sorts_key_value_not_keys);
  g_test_add_func ("/sign/empty-value", test_empty_value);
  g_test_add_func ("/sign/null-value-skipped", test_null_value_skipped);
  g_test_add_func ("/sign/utf8-value", test_utf8_value);
  g_test_add_func ("/sign/utf16-order", test_utf16_order);
  g_test_add_func ("/sign/signature-param-excluded", test_signature_param_excluded);
  g_test_add_func ("/sign/many-params", test_many_params);
  g_test_add_func ("/sign/compare-utf16", test_compare_utf16);
  g_test_add_func ("/sign/hmac-hex", test_hmac_hex);
  g_test_add_func ("/sign/verify-rejects", test_verify_rejects);
  g_test_add_func ("/sign/programmer-errors", test_programmer_errors);

  return g_test_run ();
}
