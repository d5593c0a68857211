/* test-oauth.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-oauth.h"
#include "op-token.h"

/*
 * Expected URLs and bodies were built with Python (urllib.parse.quote (s, safe='-._~'),
 * hmac), and expected times with Python's datetime, not with this code base.
 */

#define NOW_UNIX G_GINT64_CONSTANT (1776384000) /* 2026-04-17T00:00:00Z */

static GDateTime *
test_now (void)
{
  return g_date_time_new_from_unix_utc (NOW_UNIX);
}

static void
test_authorize_url (void)
{
  const char *bases[] = { "https://auth.1688.com", "https://auth.1688.com/" };

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autofree char *url = NULL;

      url = op_oauth_authorize_url (bases[i], "1234567",
                                    "http://127.0.0.1:43110/callback?x=1&y=2", "a b+c/=中");
      g_assert_cmpstr (url, ==,
                       "https://auth.1688.com/oauth/authorize?client_id=1234567&site=1688"
                       "&redirect_uri=http%3A%2F%2F127.0.0.1%3A43110%2Fcallback%3Fx%3D1%26y%3D2"
                       "&state=a%20b%2Bc%2F%3D%E4%B8%AD");
    }
}

static void
test_authorization_code (void)
{
  g_autoptr(OpRequest) request = NULL;
  g_autofree char *body = NULL;
  g_autofree char *url = NULL;

  body = op_oauth_authorization_code_body ("1234567", "s3cr et", "https://example.com/cb",
                                           "abc+/=");
  g_assert_cmpstr (body, ==,
                   "grant_type=authorization_code&need_refresh_token=true&client_id=1234567"
                   "&client_secret=s3cr%20et&redirect_uri=https%3A%2F%2Fexample.com%2Fcb"
                   "&code=abc%2B%2F%3D");

  /* getToken is an unsigned "http" call. */
  request = op_oauth_authorization_code_request ("1234567", "s3cr et",
                                                 "https://example.com/cb", "abc+/=");
  url = op_request_build_url (request, "https://gw.open.1688.com/openapi");
  g_assert_cmpstr (url, ==,
                   "https://gw.open.1688.com/openapi/http/1/system.oauth2/getToken/1234567");
  g_assert_null (strstr (body, "_aop_signature"));
}

static void
test_refresh_token (void)
{
  g_autoptr(OpRequest) request = NULL;
  g_autofree char *body = NULL;
  g_autofree char *url = NULL;

  body = op_oauth_refresh_token_body ("1234567", "s3cr et", "RT-1/2");
  g_assert_cmpstr (body, ==,
                   "grant_type=refresh_token&client_id=1234567&client_secret=s3cr%20et"
                   "&refresh_token=RT-1%2F2");

  request = op_oauth_refresh_token_request ("1234567", "s3cr et", "RT-1/2");
  url = op_request_build_url (request, "http://127.0.0.1:8688/openapi");
  g_assert_cmpstr (url, ==, "http://127.0.0.1:8688/openapi/http/1/system.oauth2/getToken/1234567");
}

static void
test_postpone_token (void)
{
  g_autoptr(OpRequest) request = NULL;
  g_autofree char *body = NULL;
  g_autofree char *url = NULL;

  body = op_oauth_postpone_token_body ("1234567", "s3cr et", "RT-1/2", "AT 9");
  g_assert_cmpstr (body, ==,
                   "client_id=1234567&client_secret=s3cr%20et&refresh_token=RT-1%2F2"
                   "&access_token=AT%209&_aop_signature=C0792E98F059963FEB318D1F5D1B4E2B7E6D0CF9");

  request = op_oauth_postpone_token_request ("1234567", "s3cr et", "RT-1/2", "AT 9");
  url = op_request_build_url (request, "https://gw.open.1688.com/openapi");
  g_assert_cmpstr (url, ==,
                   "https://gw.open.1688.com/openapi/param2/1/system.oauth2/postponeToken/1234567");
}

static void
test_token_full (void)
{
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpToken) token = NULL;
  g_autofree char *access_token = NULL;
  GDateTime *refresh_expiry;
  const char *answer =
    "{\"aliId\":\"8888888888\",\"resource_owner\":\"testuser\",\"memberId\":\"b2b-123\","
    "\"expires_in\":\"36000\",\"access_token\":\"AT-1\",\"refresh_token\":\"RT-1\","
    "\"refresh_token_timeout\":\"20261014200339000+0800\",\"extra\":[1]}";

  token = op_token_new_from_json (answer, -1, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (token);

  g_assert_cmpstr (op_token_get_access_token (token), ==, "AT-1");
  g_assert_cmpstr (op_token_get_refresh_token (token), ==, "RT-1");
  g_assert_cmpstr (op_token_get_resource_owner (token), ==, "testuser");
  g_assert_cmpstr (op_token_get_ali_id (token), ==, "8888888888");
  g_assert_cmpstr (op_token_get_member_id (token), ==, "b2b-123");
  g_assert_cmpint (op_token_get_expires_in (token), ==, 36000);
  g_assert_cmpint (g_date_time_to_unix (op_token_get_expires_at (token)), ==, 1776420000);

  refresh_expiry = op_token_get_refresh_token_expires_at (token);
  g_assert_nonnull (refresh_expiry);
  g_assert_cmpint (g_date_time_to_unix (refresh_expiry), ==, 1791979419);

  g_object_get (token, "access-token", &access_token, NULL);
  g_assert_cmpstr (access_token, ==, "AT-1");
}

static void
test_token_variants (void)
{
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GError) error = NULL;
  g_autoptr(OpToken) token = NULL;

  /* resourceOwner spelling, numbers for expires_in and aliId, no refresh token (a refresh
   * answer). */
  token = op_token_new_from_json ("{\"resourceOwner\":\"other\",\"aliId\":8888888888,"
                                  "\"expires_in\":7200,\"access_token\":\"AT-2\"}",
                                  -1, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (op_token_get_resource_owner (token), ==, "other");
  g_assert_cmpstr (op_token_get_ali_id (token), ==, "8888888888");
  g_assert_null (op_token_get_member_id (token));
  g_assert_null (op_token_get_refresh_token (token));
  g_assert_null (op_token_get_refresh_token_expires_at (token));
  g_assert_cmpint (op_token_get_expires_in (token), ==, 7200);
  g_assert_cmpint (g_date_time_to_unix (op_token_get_expires_at (token)), ==, NOW_UNIX + 7200);
  g_assert_false (op_token_can_postpone (token, now));

  /* resource_owner wins when both are present; an explicit length is honoured. */
  {
    g_autoptr(OpToken) both = NULL;
    const char *text = "{\"resource_owner\":\"a\",\"resourceOwner\":\"b\","
                       "\"expires_in\":\"0\",\"access_token\":\"x\"}TRAILING GARBAGE";

    both = op_token_new_from_json (text, strstr (text, "TRAILING") - text, now, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (op_token_get_resource_owner (both), ==, "a");
    g_assert_true (op_token_is_expired (both, now));
  }
}

static void
test_token_expiry (void)
{
  g_autoptr(GDateTime) now = test_now ();
  g_autoptr(GDateTime) almost = g_date_time_add_seconds (now, 35999);
  g_autoptr(GDateTime) exactly = g_date_time_add_seconds (now, 36000);
  g_autoptr(GDateTime) before_31_days = NULL;
  g_autoptr(GDateTime) before_29_days = NULL;
  g_autoptr(GDateTime) after_refresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpToken) token = NULL;

  token = op_token_new_from_json ("{\"expires_in\":\"36000\",\"access_token\":\"AT\","
                                  "\"refresh_token\":\"RT\","
                                  "\"refresh_token_timeout\":\"20261014200339000+0800\"}",
                                  -1, now, &error);
  g_assert_no_error (error);

  g_assert_false (op_token_is_expired (token, now));
  g_assert_false (op_token_is_expired (token, almost));
  g_assert_true (op_token_is_expired (token, exactly));

  /* Refresh token expires 2026-10-14T12:03:39Z (unix 1791979419). */
  before_31_days = g_date_time_new_from_unix_utc (1791979419 - 31 * 86400);
  before_29_days = g_date_time_new_from_unix_utc (1791979419 - 29 * 86400);
  after_refresh = g_date_time_new_from_unix_utc (1791979419 + 1);
  g_assert_false (op_token_can_postpone (token, now));
  g_assert_false (op_token_can_postpone (token, before_31_days));
  g_assert_true (op_token_can_postpone (token, before_29_days));
  g_assert_false (op_token_can_postpone (token, after_refresh));
}

static void
test_token_bad (void)
{
  g_autoptr(GDateTime) now = test_now ();
  struct { const char *json; int code; } bad[] = {
    { "", OP_TOKEN_ERROR_MALFORMED },
    { "not json", OP_TOKEN_ERROR_MALFORMED },
    { "{\"access_token\":", OP_TOKEN_ERROR_MALFORMED },
    { "[\"access_token\"]", OP_TOKEN_ERROR_MALFORMED },
    { "\"AT\"", OP_TOKEN_ERROR_MALFORMED },
    { "{}", OP_TOKEN_ERROR_MISSING_FIELD },
    { "{\"expires_in\":\"36000\"}", OP_TOKEN_ERROR_MISSING_FIELD },
    { "{\"access_token\":null,\"expires_in\":\"36000\"}", OP_TOKEN_ERROR_MISSING_FIELD },
    { "{\"access_token\":\"AT\"}", OP_TOKEN_ERROR_MISSING_FIELD },
    { "{\"access_token\":\"\",\"expires_in\":\"36000\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":{},\"expires_in\":\"36000\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":true,\"expires_in\":\"36000\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"abc\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"-5\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"+5\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\" 5\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"1e3\"}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"99999999999999999999\"}",
      OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":-1}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":1.5}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":[36000]}", OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"36000\",\"memberId\":[]}",
      OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"36000\",\"refresh_token_timeout\":\"2026-10-14\"}",
      OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"access_token\":\"AT\",\"expires_in\":\"36000\",\"refresh_token_timeout\":5}",
      OP_TOKEN_ERROR_INVALID_FIELD },
    { "{\"error\":\"invalid_grant\"}", OP_TOKEN_ERROR_REFUSED },
    { "{\"error\":true,\"access_token\":\"AT\",\"expires_in\":\"1\"}", OP_TOKEN_ERROR_REFUSED },
    { "{\"error_code\":\"401\",\"error_message\":\"Request need user authorized\"}",
      OP_TOKEN_ERROR_REFUSED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpToken) token = NULL;

      token = op_token_new_from_json (bad[i].json, -1, now, &error);
      g_assert_null (token);
      g_assert_error (error, OP_TOKEN_ERROR, bad[i].code);
      g_assert_cmpstr (error->message, !=, "");
    }

  /* A refusal carries the platform's own explanation, after our lead-in. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OpToken) token = NULL;

    token = op_token_new_from_json ("{\"error\":\"invalid_grant\","
                                    "\"error_description\":\"code expired\"}",
                                    -1, now, &error);
    g_assert_null (token);
    g_assert_error (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "code expired"));
    g_assert_false (g_str_has_prefix (error->message, "code expired"));
  }

  /* A bad refresh_token_timeout says which member is wrong. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(OpToken) token = NULL;

    token = op_token_new_from_json ("{\"access_token\":\"AT\",\"expires_in\":\"1\","
                                    "\"refresh_token_timeout\":\"20261314200339000+0800\"}",
                                    -1, now, &error);
    g_assert_null (token);
    g_assert_nonnull (strstr (error->message, "refresh_token_timeout"));
  }
}

static void
test_parse_time (void)
{
  struct { const char *text; gint64 unix_time; int millisecond; } good[] = {
    { "20180802211113000+0800", G_GINT64_CONSTANT (1533215473), 0 },
    { "20261014200339000+0800", G_GINT64_CONSTANT (1791979419), 0 },
    { "20261014200339123-0130", G_GINT64_CONSTANT (1792013619), 123 },
    { "20240229000000999+0000", G_GINT64_CONSTANT (1709164800), 999 },
  };
  const char *bad[] = {
    "",
    "2026-10-14",
    "20261014200339000",
    "20261014200339000+080",
    "20261014200339000+08000",
    "20261014200339000 0800",
    "2026101420033900+0800",
    "20261314200339000+0800",   /* month 13 */
    "20260230200339000+0800",   /* 30 February */
    "20230229000000000+0800",   /* not a leap year */
    "20261014240339000+0800",   /* hour 24 */
    "20261014206039000+0800",   /* minute 60 */
    "20261014200360000+0800",   /* second 60 */
    "00001014200339000+0800",   /* year 0 */
    "20261014200339000+2500",   /* offset 25 h */
    "20261014200339000+0860",   /* offset 60 min */
    "2026101420033900a+0800",
    "20261014200339000+08:0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) time = op_token_parse_time (good[i].text, &error);

      g_assert_no_error (error);
      g_assert_nonnull (time);
      g_assert_cmpint (g_date_time_to_unix (time), ==, good[i].unix_time);
      g_assert_cmpint (g_date_time_get_microsecond (time), ==, good[i].millisecond * 1000);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) time = op_token_parse_time (bad[i], &error);

      g_assert_null (time);
      g_assert_error (error, OP_TOKEN_ERROR, OP_TOKEN_ERROR_INVALID_FIELD);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/oauth/authorize-url", test_authorize_url);
  g_test_add_func ("/oauth/authorization-code", test_authorization_code);
  g_test_add_func ("/oauth/refresh-token", test_refresh_token);
  g_test_add_func ("/oauth/postpone-token", test_postpone_token);
  g_test_add_func ("/token/full", test_token_full);
  g_test_add_func ("/token/variants", test_token_variants);
  g_test_add_func ("/token/expiry", test_token_expiry);
  g_test_add_func ("/token/bad", test_token_bad);
  g_test_add_func ("/token/parse-time", test_parse_time);

  return g_test_run ();
}
