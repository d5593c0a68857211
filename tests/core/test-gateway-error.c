/* test-gateway-error.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-gateway-error.h"

/* The table of protocol.md, "Gateway errors" */
static const struct {
  const char *code;
  guint       http_status;
  const char *server_message;
} protocol_codes[] = {
  { "gw.SignatureInvalid", 400, "Signature invalid" },
  { "gw.APIUnsupported", 400, "API unsupported" },
  { "gw.APIACLDecline", 400, "AppKey is not allowed(acl)" },
  { "gw.ParamMissing", 400, "Required argument offerId" },
  { "gw.QosAppFrequencyLimit", 400, "App call exceeds limited frequency" },
  { "401", 401, "Request need user authorized" },
};

static OpGatewayError *
parse_ok (guint       status,
          const char *body)
{
  g_autoptr(GError) error = NULL;
  OpGatewayError *result = op_gateway_error_parse_body (status, body, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpuint (op_gateway_error_get_http_status (result), ==, status);

  return result;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static void
test_table (void)
{
  const OpGatewayErrorInfo *list;
  guint n_infos = 0;

  list = op_gateway_error_list (&n_infos);
  g_assert_cmpuint (n_infos, ==, G_N_ELEMENTS (protocol_codes));

  for (guint i = 0; i < G_N_ELEMENTS (protocol_codes); i++)
    {
      const OpGatewayErrorInfo *info = op_gateway_error_lookup (protocol_codes[i].code);
      g_autofree char *lower = g_ascii_strdown (protocol_codes[i].code, -1);

      g_assert_nonnull (info);
      g_assert_true (info == &list[i]);
      g_assert_cmpstr (info->code, ==, protocol_codes[i].code);
      g_assert_cmpuint (info->http_status, ==, protocol_codes[i].http_status);
      g_assert_cmpuint (strlen (op_gateway_error_info_get_summary (info)), >, 5);
      g_assert_cmpuint (strlen (op_gateway_error_info_get_explanation (info)), >, 40);
      g_assert_cmpuint (strlen (op_gateway_error_info_get_fix (info)), >, 40);
      /* the summary is a title, not a paragraph */
      g_assert_null (strchr (op_gateway_error_info_get_summary (info), '\n'));
      g_assert_true (op_gateway_error_lookup (lower) == info);
    }

  g_assert_null (op_gateway_error_lookup (NULL));
  g_assert_null (op_gateway_error_lookup (""));
  g_assert_null (op_gateway_error_lookup ("gw.Unknown"));
  g_assert_null (op_gateway_error_lookup ("gw.SignatureInvalid "));
  g_assert_null (op_gateway_error_lookup ("400"));
}

static void
test_table_texts (void)
{
  const OpGatewayErrorInfo *sig = op_gateway_error_lookup ("gw.SignatureInvalid");
  const char *why = op_gateway_error_info_get_explanation (sig);

  /* every known cause of a wrong signature is named */
  assert_contains (why, "AppSecret is wrong");
  assert_contains (why, "reset");
  assert_contains (why, "sorted by their names instead of by name and value");
  assert_contains (why, "URL-encoded values were signed");
  assert_contains (why, "no leading slash");
  assert_contains (why, "/openapi");
  assert_contains (why, "own AppKey");
  assert_contains (why, "sent but not signed, or signed but not sent");
  assert_contains (why, "_aop_timestamp is too old");
  assert_contains (op_gateway_error_info_get_fix (sig), "string to sign");

  /* the gateway's own words, so that a developer recognises them */
  assert_contains (op_gateway_error_info_get_explanation (op_gateway_error_lookup ("gw.APIACLDecline")),
                   "AppKey is not allowed(acl)");
  assert_contains (op_gateway_error_info_get_fix (op_gateway_error_lookup ("gw.APIACLDecline")),
                   "Order a solution");
  assert_contains (op_gateway_error_info_get_explanation (op_gateway_error_lookup ("gw.QosAppFrequencyLimit")),
                   "5,000");
  assert_contains (op_gateway_error_info_get_explanation (op_gateway_error_lookup ("gw.QosAppFrequencyLimit")),
                   "UTC+8");
  assert_contains (op_gateway_error_info_get_explanation (op_gateway_error_lookup ("401")),
                   "Request need user authorized");
  assert_contains (op_gateway_error_info_get_fix (op_gateway_error_lookup ("401")), "refresh token");
}

static void
test_gateway_codes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (protocol_codes); i++)
    {
      g_autofree char *body = NULL;
      g_autoptr(OpGatewayError) result = NULL;
      g_autofree char *text = NULL;

      body = g_strdup_printf ("{\"error_code\":\"%s\",\"error_message\":\"%s\","
                              "\"exception\":\"com.alibaba.ocean.Exc\","
                              "\"request_id\":\"0bb3b1e117%02u\"}",
                              protocol_codes[i].code, protocol_codes[i].server_message, i);
      result = parse_ok (protocol_codes[i].http_status, body);

      g_assert_cmpint (op_gateway_error_get_kind (result), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
      g_assert_true (op_gateway_error_is_error (result));
      g_assert_cmpstr (op_gateway_error_get_code (result), ==, protocol_codes[i].code);
      g_assert_cmpstr (op_gateway_error_get_message (result), ==, protocol_codes[i].server_message);
      g_assert_cmpstr (op_gateway_error_get_exception (result), ==, "com.alibaba.ocean.Exc");
      g_assert_true (g_str_has_prefix (op_gateway_error_get_request_id (result), "0bb3b1e117"));
      g_assert_true (op_gateway_error_get_info (result) == op_gateway_error_lookup (protocol_codes[i].code));

      text = op_gateway_error_describe (result);
      assert_contains (text, op_gateway_error_info_get_summary (op_gateway_error_get_info (result)));
      assert_contains (text, op_gateway_error_info_get_fix (op_gateway_error_get_info (result)));
      assert_contains (text, protocol_codes[i].server_message);
      assert_contains (text, op_gateway_error_get_request_id (result));
    }
}

static void
test_gateway_variants (void)
{
  g_autoptr(OpGatewayError) minimal = parse_ok (400, "{\"error_code\":\"gw.ParamMissing\"}");
  g_autoptr(OpGatewayError) camel = parse_ok (400, "{\"errorCode\":\"gw.APIUnsupported\","
                                                   "\"errorMessage\":\"no such API\",\"requestId\":\"r-1\"}");
  g_autoptr(OpGatewayError) unknown = parse_ok (400, "{\"error_code\":\"isp.top-remote-unknown-error\","
                                                     "\"error_message\":\"系统繁忙\"}");
  g_autoptr(OpGatewayError) on_200 = parse_ok (200, "{\"error_code\":\"gw.QosAppFrequencyLimit\","
                                                    "\"error_message\":\"App call exceeds limited frequency\"}");
  g_autoptr(OpGatewayError) flagged = parse_ok (200, "{\"success\":false,\"error_code\":\"gw.APIACLDecline\"}");
  g_autofree char *text = NULL;

  g_assert_cmpint (op_gateway_error_get_kind (minimal), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_cmpstr (op_gateway_error_get_code (minimal), ==, "gw.ParamMissing");
  g_assert_null (op_gateway_error_get_message (minimal));
  g_assert_null (op_gateway_error_get_exception (minimal));
  g_assert_null (op_gateway_error_get_request_id (minimal));
  g_assert_true (op_gateway_error_get_info (minimal) == op_gateway_error_lookup ("gw.ParamMissing"));

  g_assert_cmpint (op_gateway_error_get_kind (camel), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_cmpstr (op_gateway_error_get_message (camel), ==, "no such API");
  g_assert_cmpstr (op_gateway_error_get_request_id (camel), ==, "r-1");
  g_assert_true (op_gateway_error_get_info (camel) == op_gateway_error_lookup ("gw.APIUnsupported"));

  g_assert_cmpint (op_gateway_error_get_kind (unknown), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_null (op_gateway_error_get_info (unknown));
  text = op_gateway_error_describe (unknown);
  assert_contains (text, "isp.top-remote-unknown-error");
  assert_contains (text, "系统繁忙");

  g_assert_cmpint (op_gateway_error_get_kind (on_200), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_true (op_gateway_error_get_info (on_200) == op_gateway_error_lookup ("gw.QosAppFrequencyLimit"));

  g_assert_cmpint (op_gateway_error_get_kind (flagged), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_true (op_gateway_error_get_info (flagged) == op_gateway_error_lookup ("gw.APIACLDecline"));
}

static void
test_401 (void)
{
  const OpGatewayErrorInfo *info_401 = op_gateway_error_lookup ("401");
  g_autoptr(OpGatewayError) text = parse_ok (401, "Request need user authorized\n");
  g_autoptr(OpGatewayError) empty = parse_ok (401, "");
  g_autoptr(OpGatewayError) html = parse_ok (401, "<html><body><h1>401 Unauthorized</h1></body></html>");
  g_autoptr(OpGatewayError) json = parse_ok (401, "{\"error_code\":\"401\",\"error_message\":"
                                                  "\"Request need user authorized\",\"request_id\":\"abc\"}");
  g_autoptr(OpGatewayError) other = parse_ok (401, "{\"error_code\":\"gw.AccessTokenExpired\"}");
  g_autoptr(OpGatewayError) no_code = parse_ok (401, "{\"message\":\"token expired\"}");

  g_assert_cmpint (op_gateway_error_get_kind (text), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_cmpstr (op_gateway_error_get_code (text), ==, "401");
  g_assert_cmpstr (op_gateway_error_get_message (text), ==, "Request need user authorized");
  g_assert_true (op_gateway_error_get_info (text) == info_401);

  g_assert_cmpint (op_gateway_error_get_kind (empty), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_cmpstr (op_gateway_error_get_code (empty), ==, "401");
  g_assert_null (op_gateway_error_get_message (empty));
  g_assert_true (op_gateway_error_get_info (empty) == info_401);

  g_assert_cmpstr (op_gateway_error_get_code (html), ==, "401");
  g_assert_null (op_gateway_error_get_message (html));
  g_assert_true (op_gateway_error_get_info (html) == info_401);

  g_assert_cmpstr (op_gateway_error_get_code (json), ==, "401");
  g_assert_cmpstr (op_gateway_error_get_request_id (json), ==, "abc");
  g_assert_true (op_gateway_error_get_info (json) == info_401);

  /* an unknown code with status 401 still gets the 401 explanation */
  g_assert_cmpint (op_gateway_error_get_kind (other), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_cmpstr (op_gateway_error_get_code (other), ==, "gw.AccessTokenExpired");
  g_assert_true (op_gateway_error_get_info (other) == info_401);

  g_assert_cmpstr (op_gateway_error_get_code (no_code), ==, "401");
  g_assert_cmpstr (op_gateway_error_get_message (no_code), ==, "token expired");
  g_assert_true (op_gateway_error_get_info (no_code) == info_401);
}

static void
test_http_errors (void)
{
  g_autoptr(OpGatewayError) html = parse_ok (502, "<html><head><title>502 Bad Gateway</title></head></html>");
  g_autoptr(OpGatewayError) empty = parse_ok (503, "");
  g_autoptr(OpGatewayError) plain = parse_ok (503, "  Service Unavailable\r\n");
  g_autoptr(OpGatewayError) no_code = parse_ok (400, "{\"foo\":1,\"message\":\"bad\"}");
  g_autoptr(OpGatewayError) array = parse_ok (500, "[\"error_code\"]");
  g_autoptr(OpGatewayError) truncated = parse_ok (400, "{\"error_code\":\"gw.Sig");
  g_autoptr(OpGatewayError) redirect = parse_ok (302, "");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(OpGatewayError) too_long = NULL;
  g_autoptr(OpGatewayError) binary = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (op_gateway_error_get_kind (html), ==, OP_GATEWAY_ERROR_KIND_HTTP);
  g_assert_null (op_gateway_error_get_code (html));
  g_assert_null (op_gateway_error_get_message (html));
  g_assert_null (op_gateway_error_get_info (html));
  text = op_gateway_error_describe (html);
  assert_contains (text, "502");

  g_assert_cmpint (op_gateway_error_get_kind (empty), ==, OP_GATEWAY_ERROR_KIND_HTTP);
  g_assert_null (op_gateway_error_get_message (empty));

  g_assert_cmpstr (op_gateway_error_get_message (plain), ==, "Service Unavailable");

  g_assert_cmpint (op_gateway_error_get_kind (no_code), ==, OP_GATEWAY_ERROR_KIND_HTTP);
  g_assert_null (op_gateway_error_get_code (no_code));
  g_assert_cmpstr (op_gateway_error_get_message (no_code), ==, "bad");

  g_assert_cmpint (op_gateway_error_get_kind (array), ==, OP_GATEWAY_ERROR_KIND_HTTP);
  g_assert_null (op_gateway_error_get_message (array));

  /* broken JSON is neither parsed nor shown as text */
  g_assert_cmpint (op_gateway_error_get_kind (truncated), ==, OP_GATEWAY_ERROR_KIND_HTTP);
  g_assert_null (op_gateway_error_get_code (truncated));
  g_assert_null (op_gateway_error_get_message (truncated));

  g_assert_cmpint (op_gateway_error_get_kind (redirect), ==, OP_GATEWAY_ERROR_KIND_HTTP);

  for (guint i = 0; i < 300; i++)
    g_string_append_c (long_text, 'x');
  too_long = parse_ok (500, long_text->str);
  g_assert_cmpint (op_gateway_error_get_kind (too_long), ==, OP_GATEWAY_ERROR_KIND_HTTP);
  g_assert_null (op_gateway_error_get_message (too_long));

  binary = op_gateway_error_parse_body (500, "ab\0cd", 5, NULL);
  g_assert_cmpint (op_gateway_error_get_kind (binary), ==, OP_GATEWAY_ERROR_KIND_HTTP);
  g_assert_null (op_gateway_error_get_message (binary));
}

static void
assert_business (const char *body,
                 const char *code,
                 const char *message)
{
  g_autoptr(OpGatewayError) result = parse_ok (200, body);

  if (op_gateway_error_get_kind (result) != OP_GATEWAY_ERROR_KIND_BUSINESS)
    g_error ("%s: kind %d, expected a business error", body, op_gateway_error_get_kind (result));
  g_assert_cmpstr (op_gateway_error_get_code (result), ==, code);
  g_assert_cmpstr (op_gateway_error_get_message (result), ==, message);
  g_assert_null (op_gateway_error_get_info (result));
}

static void
assert_no_error (guint       status,
                 const char *body)
{
  g_autoptr(OpGatewayError) result = parse_ok (status, body);

  if (op_gateway_error_get_kind (result) != OP_GATEWAY_ERROR_KIND_NONE)
    g_error ("%s: kind %d, expected no error", body, op_gateway_error_get_kind (result));
  g_assert_false (op_gateway_error_is_error (result));
  g_assert_null (op_gateway_error_get_code (result));
  g_assert_null (op_gateway_error_describe (result));
}

static void
test_business (void)
{
  g_autoptr(OpGatewayError) with_id = NULL;
  g_autofree char *text = NULL;

  assert_business ("{\"success\":false,\"errorCode\":\"ORDER_NOT_EXIST\",\"errorMessage\":\"订单不存在\"}",
                   "ORDER_NOT_EXIST", "订单不存在");
  /* spellings seen in real APIs */
  assert_business ("{\"success\":false,\"errorCode\":\"E1\",\"errorMsg\":\"m1\"}", "E1", "m1");
  assert_business ("{\"success\":false,\"errorCode\":\"E2\",\"erroMsg\":\"m2\",\"payUrl\":null}", "E2", "m2");
  assert_business ("{\"succes\":false,\"errorCode\":\"E3\",\"errorMsg\":\"m3\"}", "E3", "m3");
  assert_business ("{\"succes\":false,\"errorMsg\":\"only a message\"}", NULL, "only a message");
  assert_business ("{\"isSuccess\":\"FALSE\",\"message\":\"m\"}", NULL, "m");
  assert_business ("{\"isSuccess\":false,\"error_code\":\"E4\",\"error_message\":\"m4\"}", "E4", "m4");
  assert_business ("{\"success\":\"false\",\"code\":\"E5\",\"message\":\"m5\"}", "E5", "m5");
  assert_business ("{\"success\":0,\"errCode\":\"E6\",\"msg\":\"m6\"}", "E6", "m6");
  /* nested under "result", as the cross-border product APIs answer */
  assert_business ("{\"result\":{\"success\":false,\"code\":\"500_001\",\"message\":\"商品不存在\",\"result\":null}}",
                   "500_001", "商品不存在");
  assert_business ("{\"result\":{\"success\":\"false\"},\"errorCode\":\"TOP\",\"errorMessage\":\"outer\"}",
                   "TOP", "outer");
  /* no success flag at all, as alibaba.trade.getBuyerOrderList answers */
  assert_business ("{\"result\":[],\"errorCode\":\"400_1\",\"errorMessage\":\"参数错误\",\"totalRecord\":0}",
                   "400_1", "参数错误");
  /* numeric codes become text */
  assert_business ("{\"success\":false,\"errorCode\":500,\"errorMessage\":\"x\"}", "500", "x");
  assert_business ("{\"success\":false,\"errorCode\":-1.5}", "-1.5", NULL);
  assert_business ("{\"success\":false,\"errorCode\":1e400,\"errorMessage\":\"inf\"}", NULL, "inf");
  assert_business ("{\"success\":false}", NULL, NULL);
  assert_business ("{\"success\":false,\"errorCode\":\"\",\"errorMessage\":\"\"}", NULL, NULL);
  assert_business ("{\"success\":false,\"errorCode\":{\"a\":1},\"errorMessage\":[\"x\"]}", NULL, NULL);

  with_id = parse_ok (200, "{\"success\":false,\"errorCode\":\"E\",\"request_id\":\"rid-9\"}");
  g_assert_cmpstr (op_gateway_error_get_request_id (with_id), ==, "rid-9");
  text = op_gateway_error_describe (with_id);
  assert_contains (text, "“E”");
  assert_contains (text, "rid-9");
}

static void
test_business_huge_code (void)
{
  /* json-glib 1.6 clamps integers beyond 64 bits: the kind and the message
   * must survive, whatever the code becomes. */
  g_autoptr(OpGatewayError) result =
    parse_ok (200, "{\"success\":false,\"errorCode\":123456789012345678901234567890,\"errorMessage\":\"big\"}");

  g_assert_cmpint (op_gateway_error_get_kind (result), ==, OP_GATEWAY_ERROR_KIND_BUSINESS);
  g_assert_nonnull (op_gateway_error_get_code (result));
  g_assert_cmpstr (op_gateway_error_get_message (result), ==, "big");
}

static void
test_success (void)
{
  assert_no_error (200, "{\"success\":true,\"result\":{\"orderId\":\"58218860983545941\"}}");
  assert_no_error (200, "{\"result\":[{\"baseInfo\":{\"id\":196965465451498520}}],\"totalRecord\":1}");
  assert_no_error (200, "{\"result\":{\"success\":true,\"code\":\"S0000\",\"message\":\"成功\"}}");
  assert_no_error (200, "{\"success\":true,\"errorCode\":\"IGNORED\"}");
  assert_no_error (200, "{\"errorCode\":\"\",\"errorMessage\":\"\",\"result\":[]}");
  assert_no_error (200, "{\"errorCode\":null,\"result\":[]}");
  assert_no_error (200, "{\"errorCode\":\"0\",\"result\":[]}");
  assert_no_error (200, "{\"errorCode\":0}");
  assert_no_error (200, "{\"isSuccess\":true}");
  assert_no_error (200, "{\"succes\":true,\"errorCode\":\"X\"}");
  assert_no_error (200, "{\"isSuccess\":\"true\",\"errorCode\":\"X\"}");
  assert_no_error (200, "{}");
  /* currentTimeMillis answers a bare number */
  assert_no_error (200, "1484033752883");
  assert_no_error (200, "[1,2,3]");
  assert_no_error (200, "\"text\"");
  assert_no_error (200, "null");
  assert_no_error (201, "{\"success\":true}");
  /* huge numbers in a good answer change nothing */
  assert_no_error (200, "{\"result\":{\"orderId\":123456789012345678901234567890,\"fee\":1e400,"
                        "\"neg\":-99999999999999999999}}");
  /* brackets inside strings do not count as nesting */
  {
    g_autoptr(GString) body = g_string_new ("{\"note\":\"");

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (body, '[');
    g_string_append (body, "\"}");
    assert_no_error (200, body->str);
  }
}

static void
test_length (void)
{
  const char *body = "{\"success\":false,\"errorCode\":\"E\"}GARBAGE AFTER THE BODY";
  gsize len = strlen ("{\"success\":false,\"errorCode\":\"E\"}");
  g_autoptr(OpGatewayError) result = op_gateway_error_parse_body (200, body, (gssize) len, NULL);
  g_autoptr(OpGatewayError) empty = op_gateway_error_parse_body (500, NULL, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpGatewayError) whole = op_gateway_error_parse_body (200, body, -1, &error);

  g_assert_nonnull (result);
  g_assert_cmpint (op_gateway_error_get_kind (result), ==, OP_GATEWAY_ERROR_KIND_BUSINESS);
  g_assert_cmpstr (op_gateway_error_get_code (result), ==, "E");

  g_assert_cmpint (op_gateway_error_get_kind (empty), ==, OP_GATEWAY_ERROR_KIND_HTTP);

  g_assert_null (whole);
  g_assert_error (error, OP_GATEWAY_BODY_ERROR, OP_GATEWAY_BODY_ERROR_MALFORMED);
}

static void
assert_unreadable (const char *body,
                   gssize      length,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpGatewayError) result = op_gateway_error_parse_body (200, body, length, &error);

  g_assert_null (result);
  g_assert_error (error, OP_GATEWAY_BODY_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_bad_bodies (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(OpGatewayError) deep_500 = NULL;

  assert_unreadable ("", -1, OP_GATEWAY_BODY_ERROR_EMPTY);
  assert_unreadable (NULL, 0, OP_GATEWAY_BODY_ERROR_EMPTY);
  assert_unreadable (" \r\n\t", -1, OP_GATEWAY_BODY_ERROR_EMPTY);
  assert_unreadable ("{\"success\":false,\"errorCode\":\"E\"", -1, OP_GATEWAY_BODY_ERROR_MALFORMED);
  assert_unreadable ("{\"success\":fal", -1, OP_GATEWAY_BODY_ERROR_MALFORMED);
  assert_unreadable ("<html><body>OK</body></html>", -1, OP_GATEWAY_BODY_ERROR_MALFORMED);
  assert_unreadable ("success", -1, OP_GATEWAY_BODY_ERROR_MALFORMED);
  assert_unreadable ("{\"a\":\"\xff\xfe\"}", -1, OP_GATEWAY_BODY_ERROR_MALFORMED);
  assert_unreadable ("{\"a\":1}", 4, OP_GATEWAY_BODY_ERROR_MALFORMED);

  /* Nesting deep enough to overflow json-glib's recursive parser */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, ']');
  assert_unreadable (deep->str, (gssize) deep->len, OP_GATEWAY_BODY_ERROR_MALFORMED);

  deep_500 = op_gateway_error_parse_body (500, deep->str, (gssize) deep->len, NULL);
  g_assert_cmpint (op_gateway_error_get_kind (deep_500), ==, OP_GATEWAY_ERROR_KIND_HTTP);

  /* the limit is 256 levels */
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 256; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 256; i++)
    g_string_append_c (deep, ']');
  assert_no_error (200, deep->str);
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  assert_unreadable (deep->str, -1, OP_GATEWAY_BODY_ERROR_MALFORMED);

  /* …and ordinary nesting is fine */
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 200; i++)
    g_string_append (deep, "{\"a\":");
  g_string_append (deep, "1");
  for (guint i = 0; i < 200; i++)
    g_string_append_c (deep, '}');
  assert_no_error (200, deep->str);
}

static void
test_copy (void)
{
  g_autoptr(OpGatewayError) result =
    parse_ok (400, "{\"error_code\":\"gw.SignatureInvalid\",\"error_message\":\"sig\","
                   "\"exception\":\"ex\",\"request_id\":\"rid\"}");
  g_autoptr(OpGatewayError) copy = g_boxed_copy (OP_TYPE_GATEWAY_ERROR, result);

  g_assert_true (copy != result);
  g_assert_cmpint (op_gateway_error_get_kind (copy), ==, OP_GATEWAY_ERROR_KIND_GATEWAY);
  g_assert_cmpuint (op_gateway_error_get_http_status (copy), ==, 400);
  g_assert_cmpstr (op_gateway_error_get_code (copy), ==, "gw.SignatureInvalid");
  g_assert_true (op_gateway_error_get_code (copy) != op_gateway_error_get_code (result));
  g_assert_cmpstr (op_gateway_error_get_message (copy), ==, "sig");
  g_assert_cmpstr (op_gateway_error_get_exception (copy), ==, "ex");
  g_assert_cmpstr (op_gateway_error_get_request_id (copy), ==, "rid");
  g_assert_true (op_gateway_error_get_info (copy) == op_gateway_error_get_info (result));
  g_assert_true (g_type_is_a (OP_TYPE_GATEWAY_ERROR, G_TYPE_BOXED));

  op_gateway_error_free (NULL);
}

static void
test_bad_arguments (void)
{
  g_test_expect_message ("op-gateway-error", G_LOG_LEVEL_CRITICAL, "*http_status*");
  g_assert_null (op_gateway_error_parse_body (0, "{}", -1, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("op-gateway-error", G_LOG_LEVEL_CRITICAL, "*body != NULL*");
  g_assert_null (op_gateway_error_parse_body (200, NULL, 5, NULL));
  g_test_assert_expected_messages ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gateway-error/table", test_table);
  g_test_add_func ("/gateway-error/table-texts", test_table_texts);
  g_test_add_func ("/gateway-error/gateway-codes", test_gateway_codes);
  g_test_add_func ("/gateway-error/gateway-variants", test_gateway_variants);
  g_test_add_func ("/gateway-error/401", test_401);
  g_test_add_func ("/gateway-error/http", test_http_errors);
  g_test_add_func ("/gateway-error/business", test_business);
  g_test_add_func ("/gateway-error/business-huge-code", test_business_huge_code);
  g_test_add_func ("/gateway-error/success", test_success);
  g_test_add_func ("/gateway-error/length", test_length);
  g_test_add_func ("/gateway-error/bad-bodies", test_bad_bodies);
  g_test_add_func ("/gateway-error/copy", test_copy);
  g_test_add_func ("/gateway-error/bad-arguments", test_bad_arguments);

  return g_test_run ();
}
