/* fuzz-catalog.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "op-catalog.h"

/*
 * libFuzzer target for the API catalog. The input is loaded with
 * op_catalog_new_from_data (). Then these invariants are checked:
 *   - a load either gives a catalog, or fails with an OP_CATALOG_ERROR whose message is
 *     valid UTF-8 and starts with the name given for the data;
 *   - every API is found by op_catalog_lookup () of its id and by
 *     op_catalog_lookup_parts (), and its getters give what the schema promises;
 *   - a search for an API's id, name, titles or a parameter name finds it, and a search
 *     for its id puts an exact match first (ids differing only in case match equally);
 *   - typing a query keystroke by keystroke gives the same results as searching it cold;
 *   - the GListModel contract holds (item type, n_items, NULL past the end).
 * The input is also used as a search query (even when it is not UTF-8). Criticals and
 * warnings are fatal: a g_return_if_fail () reached from any input is a bug.
 */

#define MAX_CHECKED_APIS 16

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
log_cb (const char     *log_domain,
        GLogLevelFlags  log_level,
        const char     *message,
        gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_printerr ("%s: %s\n", log_domain != NULL ? log_domain : "", message);
      abort ();
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (log_cb, NULL);

  return 0;
}

static gboolean
results_contain (GListModel *results,
                 OpApi      *api)
{
  guint n = g_list_model_get_n_items (results);

  g_assert_true (g_list_model_get_item_type (results) == OP_TYPE_API);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApi) item = g_list_model_get_item (results, i);

      g_assert_nonnull (item);
      if (item == api)
        return TRUE;
    }

  g_assert_null (g_list_model_get_item (results, n));

  return FALSE;
}

static void
assert_found (OpCatalog  *catalog,
              OpApi      *api,
              const char *query)
{
  g_autoptr(GListModel) results = op_catalog_search (catalog, query);

  if (!results_contain (results, api))
    g_error ("search “%s” does not find %s", query, op_api_get_id (api));
}

/* The ids of a search result, one per line. */
static char *
result_ids (GListModel *results)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (results);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApi) api = g_list_model_get_item (results, i);

      g_string_append (ids, op_api_get_id (api));
      g_string_append_c (ids, '\n');
    }

  return g_string_free (ids, FALSE);
}

/* Typing @query one character at a time ends where a cold search does. */
static void
check_typing (OpCatalog  *catalog,
              const char *query)
{
  g_autoptr(GListModel) typed = NULL;
  g_autoptr(GListModel) cold = NULL;
  g_autofree char *typed_ids = NULL;
  g_autofree char *cold_ids = NULL;

  for (const char *end = query; ; end = g_utf8_next_char (end))
    {
      g_autofree char *prefix = g_strndup (query, end - query);

      g_clear_object (&typed);
      typed = op_catalog_search (catalog, prefix);
      if (*end == '\0')
        break;
    }

  /* A query no typing extends: the next search scans everything. */
  g_object_unref (op_catalog_search (catalog, "\x7f"));
  cold = op_catalog_search (catalog, query);

  typed_ids = result_ids (typed);
  cold_ids = result_ids (cold);
  g_assert_cmpstr (typed_ids, ==, cold_ids);
}

static void
check_api (OpCatalog *catalog,
           OpApi     *api)
{
  GListModel *params = op_api_get_params (api);
  guint n_params = g_list_model_get_n_items (params);
  g_autofree char *id = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(OpApi) first = NULL;

  g_assert_true (OP_IS_API (api));
  id = g_strdup_printf ("%s:%s-%u", op_api_get_namespace (api), op_api_get_name (api),
                        op_api_get_version (api));
  g_assert_cmpstr (op_api_get_id (api), ==, id);
  g_assert_true (op_catalog_lookup (catalog, id) == api);
  g_assert_true (op_catalog_lookup_parts (catalog, op_api_get_namespace (api),
                                          op_api_get_name (api), op_api_get_version (api)) == api);
  g_assert_cmpuint (op_api_get_version (api), >=, 1);
  g_assert_nonnull (op_api_get_title_zh (api));
  g_assert_true (g_utf8_validate (op_api_get_title (api), -1, NULL));
  g_assert_true (g_str_has_suffix (op_api_get_url_path_template (api), "/{appKey}"));
  g_assert_true (g_str_has_suffix (op_api_get_doc_url (api), id));
  g_assert_true (g_list_model_get_item_type (params) == OP_TYPE_API_PARAM);
  if (!op_api_get_params_known (api))
    g_assert_cmpuint (n_params, ==, 0);

  for (guint i = 0; i < n_params; i++)
    {
      g_autoptr(OpApiParam) param = g_list_model_get_item (params, i);
      const char *name = op_api_param_get_name (param);

      g_assert_nonnull (name);
      g_assert_nonnull (op_api_param_get_type_name (param));
      g_assert_true (op_api_lookup_param (api, name) == param);
      g_assert_true (op_api_param_get_required (param) ==
                     (op_api_param_get_requirement (param) == OP_API_PARAM_REQUIRED));
      if (op_api_param_get_description (param) != NULL)
        g_assert_true (g_utf8_validate (op_api_param_get_description (param), -1, NULL));
      if (i < 4)
        assert_found (catalog, api, name);
    }
  g_assert_null (g_list_model_get_item (params, n_params));

  /* Found by its own texts; its id makes an exact match come first. */
  assert_found (catalog, api, id);
  assert_found (catalog, api, op_api_get_name (api));
  assert_found (catalog, api, op_api_get_namespace (api));
  assert_found (catalog, api, op_api_get_title_zh (api));
  if (op_api_get_title_en (api) != NULL)
    assert_found (catalog, api, op_api_get_title_en (api));

  results = op_catalog_search (catalog, id);
  first = g_list_model_get_item (results, 0);
  g_assert_nonnull (first);
  g_assert_cmpint (g_ascii_strcasecmp (op_api_get_id (first), id), ==, 0);

  check_typing (catalog, op_api_get_name (api));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpCatalog) catalog = NULL;
  g_autofree char *query = NULL;
  guint n;

  catalog = op_catalog_new_from_data ((const char *) data, size, "fuzz.json", &error);

  if (catalog == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == OP_CATALOG_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (g_str_has_prefix (error->message, "fuzz.json"));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (catalog)) == OP_TYPE_API);

  n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (catalog), n));

  for (guint i = 0; i < n && i < MAX_CHECKED_APIS; i++)
    {
      g_autoptr(OpApi) api = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      check_api (catalog, api);
    }

  /* The input itself as a query, as bytes and as text. */
  query = g_strndup ((const char *) data, MIN (size, 64));
  g_object_unref (op_catalog_search (catalog, query));
  if (g_utf8_validate (query, -1, NULL))
    check_typing (catalog, query);

  return 0;
}
