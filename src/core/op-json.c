/* op-json.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-json"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "op-json.h"

/* json-glib 1.6 parses recursively and overflows the stack on deeply nested
 * input, which anyone can send to the service or put in an answer: every
 * JSON text from the network is checked here first.
 */

/**
 * op_json_nesting_ok:
 * @data: JSON text (not necessarily valid)
 * @length: its length
 * @max_depth: the deepest nesting of arrays and objects allowed
 *
 * Scans brackets outside strings, before a recursive parser sees the text.
 *
 * Returns: %TRUE if the nesting is at most @max_depth
 */
gboolean
op_json_nesting_ok (const char *data,
                    gsize       length,
                    guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * op_json_parser_load:
 * @length: the length of @data, or -1 when it is nul-terminated
 *
 * json_parser_load_from_data() for text from the network: refuses text
 * nested deeper than %OP_JSON_MAX_DEPTH with a %JSON_PARSER_ERROR.
 */
gboolean
op_json_parser_load (JsonParser  *parser,
                     const char  *data,
                     gssize       length,
                     GError     **error)
{
  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (length < 0)
    length = strlen (data);

  if (!op_json_nesting_ok (data, length, OP_JSON_MAX_DEPTH))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                   _("The data is nested more than %d levels deep, so it was not read."),
                   OP_JSON_MAX_DEPTH);
      return FALSE;
    }

  return json_parser_load_from_data (parser, data, length, error);
}
