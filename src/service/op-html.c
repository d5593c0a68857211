/* op-html.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-html"

#include "config.h"

#include "op-html.h"

/**
 * op_html_page:
 * @title: the page title (plain text)
 * @body_html: the body, already escaped
 *
 * Returns: (transfer full): a whole page with the sandbox banner
 */
char *
op_html_page (const char *title,
              const char *body_html)
{
  g_autofree char *head = NULL;

  head = g_markup_printf_escaped (
    "<!DOCTYPE html>\n"
    "<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>%s - 1688开放平台</title>"
    "<style>"
    "body{font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em;color:#222}"
    ".sandbox{background:#fff3cd;border:1px solid #e0c36a;padding:.5em 1em;border-radius:6px}"
    "label{display:block;margin:.8em 0 .2em}input[type=text],input[type=password]"
    "{width:100%%;padding:.5em;box-sizing:border-box}"
    "button{margin-top:1em;padding:.6em 1.4em;font-size:1em;border-radius:6px;border:1px solid #999}"
    "button.primary{background:#ff6a00;color:#fff;border-color:#ff6a00}"
    ".error{color:#b00020}dt{font-weight:bold;margin-top:.6em}"
    "</style></head><body>"
    "<p class=\"sandbox\">沙箱环境：本页面由 open1688-sandbox 模拟，不涉及真实账号或资金。</p>"
    "<h1>%s</h1>\n",
    title, title);

  return g_strconcat (head, body_html, "\n</body></html>\n", NULL);
}

/**
 * op_html_hidden_fields:
 * @fields: name → value
 *
 * Returns: (transfer full): `<input type="hidden">` elements, escaped
 */
char *
op_html_hidden_fields (GHashTable *fields)
{
  g_autoptr(GList) names = g_list_sort (g_hash_table_get_keys (fields), (GCompareFunc) g_strcmp0);
  GString *html = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *input = g_markup_printf_escaped ("<input type=\"hidden\" name=\"%s\" value=\"%s\">",
                                                        (const char *) l->data,
                                                        (const char *) g_hash_table_lookup (fields, l->data));

      g_string_append (html, input);
    }

  return g_string_free (html, FALSE);
}

/**
 * op_html_form_value:
 * @form: (nullable): a decoded form or query
 * @name: a field
 *
 * Returns: (transfer full) (nullable): the value when it is valid UTF-8
 */
char *
op_html_form_value (GHashTable *form,
                    const char *name)
{
  const char *value;

  if (form == NULL)
    return NULL;

  value = g_hash_table_lookup (form, name);
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  return g_strdup (value);
}
