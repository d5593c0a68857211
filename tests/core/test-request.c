/* test-request.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "op-request.h"

/*
 * Expected strings come from outside this code base: signatures from
 * `printf %s 'MESSAGE' | openssl dgst -sha1 -hmac SECRET` or Python's hmac, form encodings
 * from Python's urllib.parse.quote (s, safe='-._~').
 */

#define OFFICIAL_SIGNATURE "33E54F4F7B989E3E0E912D3FBD2F1A03CA7CCE88"
#define LIST_PATH "param2/1/com.alibaba.product/alibaba.product.list/1234567"
#define LIST_SIGNATURE "165FD1FAB4BDF8D342E6E137B8A7CC1DDF72B299"

static OpRequest *
official_request (void)
{
  OpRequest *request = op_request_new ("system", "currentTime", "1000000");

  op_request_set_param (request, "b", "2");
  op_request_set_param (request, "a", "1");

  return request;
}

/* The request of the body test: a boolean, a structured value, Chinese text with reserved
 * characters, and an empty value. */
static OpRequest *
list_request (void)
{
  g_autoptr(JsonNode) filter = NULL;
  OpRequest *request;

  request = op_request_new ("com.alibaba.product", "alibaba.product.list", "1234567");
  op_request_set_param (request, "webSite", "1688");
  op_request_set_param_bool (request, "needDetail", TRUE);
  filter = json_from_string ("{ \"b\": [1, 2],\n  \"a\": \"x y\" }", NULL);
  g_assert_nonnull (filter);
  op_request_set_param_json (request, "filter", filter);
  op_request_set_param (request, "subject", "女装 A+B&C=D/~-._*");
  op_request_set_param (request, "page", "");

  return request;
}

static void
test_official_vector (void)
{
  g_autoptr(OpRequest) request = official_request ();
  g_autofree char *path = op_request_get_url_path (request);
  g_autofree char *message = op_request_get_string_to_sign (request);
  g_autofree char *signature = op_request_get_signature (request, "test123");

  g_assert_cmpstr (path, ==, "param2/1/system/currentTime/1000000");
  g_assert_cmpstr (message, ==, "param2/1/system/currentTime/1000000a1b2");
  g_assert_cmpstr (signature, ==, OFFICIAL_SIGNATURE);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(OpRequest) request = op_request_new (NULL, NULL, NULL);
  g_autofree char *protocol = NULL;
  g_autofree char *namespace_ = NULL;
  g_autofree char *path = NULL;
  guint version = 0;
  guint notified = 0;

  g_assert_cmpstr (op_request_get_protocol (request), ==, "param2");
  g_assert_cmpuint (op_request_get_version (request), ==, 1);
  g_assert_null (op_request_get_namespace (request));

  g_signal_connect (request, "notify", G_CALLBACK (notify_cb), &notified);

  g_object_set (request,
                "protocol", "http",
                "version", 2,
                "namespace", "system.oauth2",
                "name", "getToken",
                "app-key", "7654321",
                NULL);
  g_assert_cmpuint (notified, ==, 5);

  /* Setting the same values again notifies nothing. */
  op_request_set_protocol (request, "http");
  op_request_set_version (request, 2);
  op_request_set_namespace (request, "system.oauth2");
  op_request_set_name (request, "getToken");
  op_request_set_app_key (request, "7654321");
  g_assert_cmpuint (notified, ==, 5);

  g_object_get (request, "protocol", &protocol, "version", &version,
                "namespace", &namespace_, NULL);
  g_assert_cmpstr (protocol, ==, "http");
  g_assert_cmpuint (version, ==, 2);
  g_assert_cmpstr (namespace_, ==, "system.oauth2");
  g_assert_cmpstr (op_request_get_name (request), ==, "getToken");
  g_assert_cmpstr (op_request_get_app_key (request), ==, "7654321");

  path = op_request_get_url_path (request);
  g_assert_cmpstr (path, ==, "http/2/system.oauth2/getToken/7654321");

  /* NULL restores the default protocol. */
  op_request_set_protocol (request, NULL);
  g_assert_cmpstr (op_request_get_protocol (request), ==, "param2");
  g_assert_cmpuint (notified, ==, 6);
}

static void
test_params_ordered (void)
{
  g_autoptr(OpRequest) request = op_request_new ("ns", "name", "1");
  const char *value = NULL;

  op_request_set_param (request, "z", "1");
  op_request_set_param (request, "a", "2");
  op_request_set_param (request, "m", "3");
  g_assert_cmpuint (op_request_get_n_params (request), ==, 3);

  /* Setting again keeps the place. */
  op_request_set_param (request, "z", "changed");
  g_assert_cmpstr (op_request_get_nth_param (request, 0, &value), ==, "z");
  g_assert_cmpstr (value, ==, "changed");
  g_assert_cmpstr (op_request_get_nth_param (request, 1, NULL), ==, "a");
  g_assert_cmpstr (op_request_get_nth_param (request, 2, &value), ==, "m");
  g_assert_cmpstr (value, ==, "3");

  /* NULL removes; an empty value is kept. */
  op_request_set_param (request, "a", NULL);
  op_request_set_param (request, "m", "");
  g_assert_cmpuint (op_request_get_n_params (request), ==, 2);
  g_assert_null (op_request_get_param (request, "a"));
  g_assert_cmpstr (op_request_get_param (request, "m"), ==, "");
  g_assert_cmpstr (op_request_get_nth_param (request, 1, NULL), ==, "m");

  /* Removing what is not there is harmless. */
  op_request_set_param (request, "absent", NULL);
  g_assert_cmpuint (op_request_get_n_params (request), ==, 2);

  op_request_remove_all_params (request);
  g_assert_cmpuint (op_request_get_n_params (request), ==, 0);
  g_assert_null (op_request_get_param (request, "z"));
}

static void
test_typed_params (void)
{
  g_autoptr(OpRequest) request = op_request_new ("ns", "name", "1");
  struct { const char *json; const char *expected; } cases[] = {
    { "\"plain text\"", "plain text" },
    { "\"女装\"", "女装" },
    { "9007199254740993", "9007199254740993" },  /* 2^53 + 1: kept exact */
    { "-12", "-12" },
    { "1.5", "1.5" },
    { "0.1", "0.1" },
    { "true", "true" },
    { "false", "false" },
    { "[1, 2, 3]", "[1,2,3]" },
    { "{ \"k\" : \"v\",\n \"n\" : [ { } ] }", "{\"k\":\"v\",\"n\":[{}]}" },
    { "{\"s\":\"a\\\"b\"}", "{\"s\":\"a\\\"b\"}" },
  };

  op_request_set_param_bool (request, "yes", TRUE);
  op_request_set_param_bool (request, "no", FALSE);
  op_request_set_param_int (request, "orderId", G_GINT64_CONSTANT (3900000000000000001));
  op_request_set_param_int (request, "negative", -5);
  g_assert_cmpstr (op_request_get_param (request, "yes"), ==, "true");
  g_assert_cmpstr (op_request_get_param (request, "no"), ==, "false");
  g_assert_cmpstr (op_request_get_param (request, "orderId"), ==, "3900000000000000001");
  g_assert_cmpstr (op_request_get_param (request, "negative"), ==, "-5");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);

      g_assert_nonnull (node);
      op_request_set_param_json (request, "value", node);
      g_assert_cmpstr (op_request_get_param (request, "value"), ==, cases[i].expected);
    }

  /* A lone surrogate has no UTF-8 form (json-glib 1.6 gives the bytes ED A0 80, and eats the
   * next character): it is sent as U+FFFD, and the value stays UTF-8. */
  {
    g_autoptr(JsonNode) lone = json_from_string ("\"\\ud800x\"", NULL);
    g_autoptr(JsonNode) nested = json_from_string ("[\"\\ud800x\"]", NULL);
    const char *value;

    g_assert_nonnull (lone);
    op_request_set_param_json (request, "value", lone);
    value = op_request_get_param (request, "value");
    g_assert_true (g_utf8_validate (value, -1, NULL));
    g_assert_true (g_str_has_prefix (value, "\xEF\xBF\xBD"));

    g_assert_nonnull (nested);
    op_request_set_param_json (request, "value", nested);
    value = op_request_get_param (request, "value");
    g_assert_true (g_utf8_validate (value, -1, NULL));
    g_assert_true (g_str_has_prefix (value, "[\"\xEF\xBF\xBD"));
  }

  /* A JSON null, or no node, removes the parameter. */
  {
    g_autoptr(JsonNode) null_node = json_node_new (JSON_NODE_NULL);

    op_request_set_param_json (request, "value", null_node);
    g_assert_null (op_request_get_param (request, "value"));
    op_request_set_param (request, "value", "x");
    op_request_set_param_json (request, "value", NULL);
    g_assert_null (op_request_get_param (request, "value"));
  }
}

static void
test_string_to_sign (void)
{
  g_autoptr(OpRequest) request = list_request ();
  g_autofree char *message = op_request_get_string_to_sign (request);
  g_autofree char *signature = op_request_get_signature (request, "s3cret");

  /* Sorted key+value strings: the JSON text as generated, the empty value as its bare key,
   * the boolean as "true", the Chinese text raw. */
  g_assert_cmpstr (message, ==,
                   LIST_PATH
                   "filter{\"b\":[1,2],\"a\":\"x y\"}"
                   "needDetailtrue"
                   "page"
                   "subject女装 A+B&C=D/~-._*"
                   "webSite1688");
  g_assert_cmpstr (signature, ==, LIST_SIGNATURE);
}

static void
test_body (void)
{
  g_autoptr(OpRequest) request = list_request ();
  g_autofree char *body = op_request_build_body (request, "s3cret");
  g_autofree char *unsigned_body = op_request_build_body (request, NULL);

  /* Parameter order kept, UTF-8 bytes percent-encoded, space as %20, only A-Z a-z 0-9 - . _ ~
   * left as they are, the signature last. */
  g_assert_cmpstr (body, ==,
                   "webSite=1688"
                   "&needDetail=true"
                   "&filter=%7B%22b%22%3A%5B1%2C2%5D%2C%22a%22%3A%22x%20y%22%7D"
                   "&subject=%E5%A5%B3%E8%A3%85%20A%2BB%26C%3DD%2F~-._%2A"
                   "&page="
                   "&_aop_signature=" LIST_SIGNATURE);
  g_assert_cmpstr (OP_REQUEST_CONTENT_TYPE, ==,
                   "application/x-www-form-urlencoded; charset=UTF-8");

  g_assert_cmpstr (unsigned_body, ==,
                   "webSite=1688"
                   "&needDetail=true"
                   "&filter=%7B%22b%22%3A%5B1%2C2%5D%2C%22a%22%3A%22x%20y%22%7D"
                   "&subject=%E5%A5%B3%E8%A3%85%20A%2BB%26C%3DD%2F~-._%2A"
                   "&page=");
}

static void
test_body_stored_signature (void)
{
  g_autoptr(OpRequest) request = official_request ();
  g_autofree char *signed_body = NULL;
  g_autofree char *unsigned_body = NULL;
  g_autofree char *signature = NULL;

  op_request_set_param (request, "_aop_signature", "0000000000000000000000000000000000000000");

  /* A stored signature is never signed ... */
  signature = op_request_get_signature (request, "test123");
  g_assert_cmpstr (signature, ==, OFFICIAL_SIGNATURE);

  /* ... is replaced when the request is signed ... */
  signed_body = op_request_build_body (request, "test123");
  g_assert_cmpstr (signed_body, ==, "b=2&a=1&_aop_signature=" OFFICIAL_SIGNATURE);

  /* ... and sent as it is otherwise. */
  unsigned_body = op_request_build_body (request, NULL);
  g_assert_cmpstr (unsigned_body, ==,
                   "b=2&a=1&_aop_signature=0000000000000000000000000000000000000000");
}

static void
test_urls (void)
{
  g_autoptr(OpRequest) request = official_request ();
  g_autoptr(OpRequest) empty = op_request_new ("system", "currentTime", "1000000");
  const char *bases[] = {
    "https://gw.open.1688.com/openapi",
    "https://gw.open.1688.com/openapi/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autofree char *post_url = op_request_build_url (request, bases[i]);
      g_autofree char *get_url = op_request_build_get_url (request, bases[i], "test123");
      g_autofree char *unsigned_url = op_request_build_get_url (request, bases[i], NULL);

      g_assert_cmpstr (post_url, ==,
                       "https://gw.open.1688.com/openapi/param2/1/system/currentTime/1000000");
      g_assert_cmpstr (get_url, ==,
                       "https://gw.open.1688.com/openapi/param2/1/system/currentTime/1000000"
                       "?b=2&a=1&_aop_signature=" OFFICIAL_SIGNATURE);
      g_assert_cmpstr (unsigned_url, ==,
                       "https://gw.open.1688.com/openapi/param2/1/system/currentTime/1000000"
                       "?b=2&a=1");
    }

  /* No parameters: only the signature. */
  {
    g_autofree char *url = op_request_build_get_url (empty, "http://127.0.0.1:8688/openapi",
                                                     "test123");

    g_assert_cmpstr (url, ==,
                     "http://127.0.0.1:8688/openapi/param2/1/system/currentTime/1000000"
                     "?_aop_signature=6DE0BF22A879A7631C7C0706D95EEB60184D9EAF");
  }

  /* No parameters and no signature: no "?". */
  {
    g_autofree char *url = op_request_build_get_url (empty, "http://h/openapi", NULL);

    g_assert_cmpstr (url, ==, "http://h/openapi/param2/1/system/currentTime/1000000");
  }

  /* An unsigned body needs no URL path. */
  {
    g_autoptr(OpRequest) bare = op_request_new (NULL, NULL, NULL);
    g_autofree char *body = NULL;

    op_request_set_param (bare, "k", "v w");
    body = op_request_build_body (bare, NULL);
    g_assert_cmpstr (body, ==, "k=v%20w");
  }

  /* The URL escapes a path segment; the signed path does not. */
  {
    g_autoptr(OpRequest) odd = op_request_new ("a b", "c", "1");
    g_autofree char *url = op_request_build_url (odd, "http://h/openapi");
    g_autofree char *path = op_request_get_url_path (odd);

    g_assert_cmpstr (url, ==, "http://h/openapi/param2/1/a%20b/c/1");
    g_assert_cmpstr (path, ==, "param2/1/a b/c/1");
  }
}

static void
test_form_encoding (void)
{
  struct { const char *text; const char *expected; } cases[] = {
    { "", "" },
    { "AZaz09-._~", "AZaz09-._~" },
    { " ", "%20" },
    { "+", "%2B" },
    { "!*'();:@&=+$,/?#[]", "%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D" },
    { "%", "%25" },
    { "\n\t", "%0A%09" },
    { "中", "%E4%B8%AD" },
    { "\xF0\x9F\x98\x80", "%F0%9F%98%80" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) string = g_string_new ("x=");

      op_request_append_form_encoded (string, cases[i].text);
      g_assert_cmpstr (string->str + 2, ==, cases[i].expected);
    }
}

static void
test_parse_assignment (void)
{
  struct { const char *arg; const char *key; const char *value; } good[] = {
    { "a=1", "a", "1" },
    { "a=", "a", "" },
    { "a=b=c", "a", "b=c" },
    { "subject=女装 连衣裙", "subject", "女装 连衣裙" },
    { "关键词=值", "关键词", "值" },
    { "param={\"x\":1}", "param", "{\"x\":1}" },
    { "a==", "a", "=" },
  };
  struct { const char *arg; int code; } bad[] = {
    { "", OP_REQUEST_ERROR_MISSING_EQUALS },
    { "offerId", OP_REQUEST_ERROR_MISSING_EQUALS },
    { "=1", OP_REQUEST_ERROR_EMPTY_KEY },
    { "=", OP_REQUEST_ERROR_EMPTY_KEY },
    { "a=\xFF", OP_REQUEST_ERROR_INVALID_UTF8 },
    { "\xC3=1", OP_REQUEST_ERROR_INVALID_UTF8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      g_assert_true (op_request_parse_assignment (good[i].arg, &key, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (key, ==, good[i].key);
      g_assert_cmpstr (value, ==, good[i].value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      char *key = NULL;
      char *value = NULL;

      g_assert_false (op_request_parse_assignment (bad[i].arg, &key, &value, &error));
      g_assert_error (error, OP_REQUEST_ERROR, bad[i].code);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (key);
      g_assert_null (value);
    }

  /* The message of an empty key does not repeat the value, which may be a token. */
  {
    g_autoptr(GError) error = NULL;
    char *key = NULL;
    char *value = NULL;

    g_assert_false (op_request_parse_assignment ("=SECRET-TOKEN", &key, &value, &error));
    g_assert_null (strstr (error->message, "SECRET-TOKEN"));
  }
}

static void
test_invalid_params (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(OpRequest) request = op_request_new ("ns", "name", "1");

      op_request_set_param (request, "a", "\xFF");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*g_utf8_validate*");
}

static void
test_missing_path (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(OpRequest) request = op_request_new ("ns", "name", NULL);
      g_autofree char *path = op_request_get_url_path (request);

      g_assert_null (path);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*has_path*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/request/official-vector", test_official_vector);
  g_test_add_func ("/request/properties", test_properties);
  g_test_add_func ("/request/params-ordered", test_params_ordered);
  g_test_add_func ("/request/typed-params", test_typed_params);
  g_test_add_func ("/request/string-to-sign", test_string_to_sign);
  g_test_add_func ("/request/body", test_body);
  g_test_add_func ("/request/body-stored-signature", test_body_stored_signature);
  g_test_add_func ("/request/urls", test_urls);
  g_test_add_func ("/request/form-encoding", test_form_encoding);
  g_test_add_func ("/request/parse-assignment", test_parse_assignment);
  g_test_add_func ("/request/invalid-params", test_invalid_params);
  g_test_add_func ("/request/missing-path", test_missing_path);

  return g_test_run ();
}
