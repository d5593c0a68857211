/* test-json.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-json.h"

static char *
nested (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

static void
test_nesting_limit (void)
{
  g_autofree char *at_limit = nested (OP_JSON_MAX_DEPTH);
  g_autofree char *past_limit = nested (OP_JSON_MAX_DEPTH + 1);

  g_assert_true (op_json_nesting_ok (at_limit, strlen (at_limit), OP_JSON_MAX_DEPTH));
  g_assert_false (op_json_nesting_ok (past_limit, strlen (past_limit), OP_JSON_MAX_DEPTH));
  g_assert_true (op_json_nesting_ok ("", 0, 0));
  g_assert_false (op_json_nesting_ok ("{}", 2, 0));
}

static void
test_brackets_in_strings (void)
{
  const char *text = "{\"a\": \"[[[[{{{{\", \"b\": \"\\\"[[[[\"}";

  /* Only one real level: the brackets are inside strings, escaped quote included. */
  g_assert_true (op_json_nesting_ok (text, strlen (text), 1));
  g_assert_false (op_json_nesting_ok ("[[\"]\"]]", 7, 1));
}

static void
test_parser_load (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = nested (100000);

  g_assert_true (op_json_parser_load (parser, "{\"ok\": [1, 2, {\"x\": null}]}", -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  /* 100,000 levels overflow json-glib's stack; refused before it parses. */
  g_assert_false (op_json_parser_load (parser, deep, -1, &error));
  g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_false (op_json_parser_load (parser, "{\"truncated\": ", -1, &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/nesting-limit", test_nesting_limit);
  g_test_add_func ("/json/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/json/parser-load", test_parser_load);

  return g_test_run ();
}
