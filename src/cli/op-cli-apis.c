/* op-cli-apis.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "open1688-cli"

#include "config.h"

#include "op-cli-commands.h"

#include "op-catalog.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* How many close matches `api` suggests for a name it does not know. */
#define MAX_SUGGESTIONS 5

static int
usage_error (const char *prgname,
             const char *message)
{
  fprintf (stderr, "%s: %s\n", prgname, message);
  /* Translators: %s is the command, e.g. “open1688-cli apis” */
  fprintf (stderr, _("Run “%s --help” for the options."), prgname);
  fputc ('\n', stderr);

  return OP_CLI_EXIT_USAGE;
}

/* Returns the argument as UTF-8: as it is when it already is, otherwise converted from
 * the locale's character set; NULL if neither works. */
static char *
argument_to_utf8 (const char *arg)
{
  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);

  return g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
}

static OpCatalog *
load_catalog (const char *prgname,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  OpCatalog *catalog;

  if (path != NULL)
    catalog = op_catalog_new_from_file (path, &error);
  else
    catalog = op_catalog_new_from_resource (&error);

  if (catalog == NULL)
    fprintf (stderr, "%s: %s\n", prgname, error->message);

  return catalog;
}

/* One line per API: the id, padded to @id_width, then the title. */
static void
print_api_lines (FILE       *stream,
                 GListModel *apis,
                 guint       limit,
                 const char *indent)
{
  guint n = MIN (g_list_model_get_n_items (apis), limit);
  int id_width = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApi) api = g_list_model_get_item (apis, i);

      id_width = MAX (id_width, (int) g_utf8_strlen (op_api_get_id (api), -1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApi) api = g_list_model_get_item (apis, i);
      const char *id = op_api_get_id (api);

      fprintf (stream, "%s%s%*s  %s\n", indent, id,
               id_width - (int) g_utf8_strlen (id, -1), "", op_api_get_title (api));
    }
}

int
op_cli_apis (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpCatalog) catalog = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *catalog_path = NULL;
  g_autofree char *query = NULL;
  g_auto(GStrv) words = NULL;
  const char *prgname = argv[0];
  GOptionEntry entries[] = {
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog_path,
      N_("Read the API catalog from FILE instead of the one built in"),
      /* Translators: the placeholder of --catalog in --help */
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &words,
      NULL,
      /* Translators: the placeholder of the search words in --help */
      N_("[QUERY…]") },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli apis --help” */
  context = g_option_context_new (_("— list the APIs of the catalog"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                /* Translators: the summary of “open1688-cli apis --help” */
                                _("Lists the APIs whose name, namespace, Chinese or English "
                                  "title or parameter names contain every word of QUERY, "
                                  "ignoring case, best matches first: one line per API with "
                                  "its full name (namespace:name-version) and its title. "
                                  "Without a query, lists every API."));
  g_option_context_set_description (context,
                                    /* Translators: keep the commands as they are */
                                    _("Examples:\n"
                                      "  open1688-cli apis order list\n"
                                      "  open1688-cli apis 订单\n"
                                      "\n"
                                      "Exit status: 0 when an API matches, 1 when none does or "
                                      "the catalog cannot be read, 2 on bad usage."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (prgname, error->message);

  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      char *word = argument_to_utf8 (words[i]);

      if (word == NULL)
        return usage_error (prgname, _("The query is not valid text in the terminal’s "
                                       "character encoding."));
      g_ptr_array_add (terms, word);
    }
  g_ptr_array_add (terms, NULL);
  query = g_strjoinv (" ", (char **) terms->pdata);

  catalog = load_catalog (prgname, catalog_path);
  if (catalog == NULL)
    return OP_CLI_EXIT_ERROR;

  results = op_catalog_search (catalog, query);
  if (g_list_model_get_n_items (results) == 0)
    {
      /* Translators: %s is what the user searched for */
      fprintf (stderr, _("No API matches “%s”."), query);
      fputc ('\n', stderr);
      return OP_CLI_EXIT_ERROR;
    }

  print_api_lines (stdout, results, G_MAXUINT, "");

  return OP_CLI_EXIT_OK;
}

/* Finds the API named @name: a full id, or a name with or without its version when
 * only one namespace has it. */
static OpApi *
resolve (OpCatalog   *catalog,
         const char  *name,
         GListStore **ambiguous)
{
  g_autoptr(GListStore) found = g_list_store_new (OP_TYPE_API);
  GListModel *model = G_LIST_MODEL (catalog);
  OpApi *api;
  guint n;

  api = op_catalog_lookup (catalog, name);
  if (api != NULL)
    return api;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApi) candidate = g_list_model_get_item (model, i);
      g_autofree char *versioned = g_strdup_printf ("%s-%u", op_api_get_name (candidate),
                                                    op_api_get_version (candidate));

      if (g_str_equal (name, op_api_get_name (candidate)) || g_str_equal (name, versioned))
        g_list_store_append (found, candidate);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (found)) == 1)
    {
      g_autoptr(OpApi) only = g_list_model_get_item (G_LIST_MODEL (found), 0);

      return only; /* the catalog holds a reference */
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (found)) > 1)
    *ambiguous = g_steal_pointer (&found);

  return NULL;
}

/* Close matches for a name the catalog does not know: what a search for the name
 * finds; else what the longest start (of at least MIN_SUGGEST_CHARS characters) of
 * its last part finds, the part after the last “.” without the version. So a typo
 * near the end (“getBuyerOrderLst”) still finds getBuyerOrderList. */
#define MIN_SUGGEST_CHARS 4

static GListModel *
suggest (OpCatalog  *catalog,
         const char *name)
{
  g_autoptr(GListModel) results = op_catalog_search (catalog, name);
  g_autofree char *last = NULL;
  const char *start;
  char *dash;
  glong length;

  if (g_list_model_get_n_items (results) > 0)
    return g_steal_pointer (&results);

  start = strrchr (name, ':');
  start = start != NULL ? start + 1 : name;
  last = g_strdup (strrchr (start, '.') != NULL ? strrchr (start, '.') + 1 : start);
  dash = strrchr (last, '-');
  if (dash != NULL)
    *dash = '\0';

  length = g_utf8_strlen (last, -1);
  for (glong n = length; n >= MIN (length, MIN_SUGGEST_CHARS) && n > 0; n--)
    {
      g_autofree char *prefix = g_utf8_substring (last, 0, n);

      g_clear_object (&results);
      results = op_catalog_search (catalog, prefix);
      if (g_list_model_get_n_items (results) > 0)
        break;
    }

  return g_steal_pointer (&results);
}

static const char *
describe_requirement (OpApiParam *param)
{
  switch (op_api_param_get_requirement (param))
    {
    case OP_API_PARAM_REQUIRED:
      /* Translators: said of an API parameter */
      return C_("parameter", "required");

    case OP_API_PARAM_OPTIONAL:
      /* Translators: said of an API parameter */
      return C_("parameter", "optional");

    case OP_API_PARAM_CONDITIONAL:
      /* Translators: said of an API parameter; the condition follows on the next line */
      return C_("parameter", "required in some cases");

    case OP_API_PARAM_UNCERTAIN:
      /* Translators: said of an API parameter whose documentation is unclear */
      return C_("parameter", "maybe required (sources disagree)");

    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static void
print_param (OpApiParam *param)
{
  const char *description = op_api_param_get_description (param);

  /* Translators: a parameter line: name, then (type, whether it is required) */
  printf (_("  %s (%s, %s)"), op_api_param_get_name (param), op_api_param_get_type_name (param),
          describe_requirement (param));
  putchar ('\n');

  if (op_api_param_get_required_note (param) != NULL)
    {
      /* Translators: when a parameter is required; %s is English text from the catalog */
      printf (_("      Required: %s"), op_api_param_get_required_note (param));
      putchar ('\n');
    }

  if (description != NULL)
    printf ("      %s\n", description);

  if (op_api_param_get_example (param) != NULL)
    {
      /* Translators: %s is an example value of a parameter */
      printf (_("      Example: %s"), op_api_param_get_example (param));
      putchar ('\n');
    }
}

static void
print_api (OpApi *api)
{
  GListModel *params = op_api_get_params (api);
  guint n_params = g_list_model_get_n_items (params);
  const char *token;

  printf ("%s\n", op_api_get_id (api));
  printf ("  %s\n", op_api_get_title_zh (api));
  if (op_api_get_title_en (api) != NULL)
    printf ("  %s\n", op_api_get_title_en (api));
  putchar ('\n');

  if (op_api_get_description_zh (api) != NULL)
    printf ("%s\n\n", op_api_get_description_zh (api));

  /* Translators: %s is a URL path template like param2/1/NAMESPACE/NAME/{appKey} */
  printf (_("URL path:      %s"), op_api_get_url_path_template (api));
  putchar ('\n');

  if (!op_api_get_access_token_known (api))
    /* Translators: whether calls need the user's access_token: not known */
    token = _("not documented here");
  else if (op_api_get_needs_access_token (api))
    /* Translators: whether calls need the user's access_token */
    token = _("required");
  else
    token = _("not required");
  /* Translators: %s is “required”, “not required” or “not documented here” */
  printf (_("Access token:  %s"), token);
  putchar ('\n');

  /* Translators: %s says whether the call carries _aop_signature */
  printf (_("Signature:     %s"),
          op_api_get_needs_signature (api) ? _("required") : _("not required"));
  putchar ('\n');

  /* Translators: %s is the URL of the API's page on open.1688.com */
  printf (_("Documentation: %s"), op_api_get_doc_url (api));
  fputs ("\n\n", stdout);

  if (!op_api_get_params_known (api))
    {
      puts (_("Parameters: not documented here; see the documentation page."));
    }
  else if (n_params == 0)
    {
      puts (_("Parameters: none"));
    }
  else
    {
      puts (_("Parameters:"));
      for (guint i = 0; i < n_params; i++)
        {
          g_autoptr(OpApiParam) param = g_list_model_get_item (params, i);

          print_param (param);
        }
    }

  if (op_api_get_sample_response (api) != NULL)
    {
      putchar ('\n');
      puts (_("Sample response:"));
      printf ("%s\n", op_api_get_sample_response (api));
    }

  if (op_api_get_notes (api) != NULL)
    {
      putchar ('\n');
      /* Translators: remarks from the catalog follow, in English */
      puts (_("Notes:"));
      printf ("%s\n", op_api_get_notes (api));
    }

  if (op_api_get_source (api) != NULL)
    {
      putchar ('\n');
      /* Translators: where the catalog's information comes from; %s is English text */
      printf (_("Source: %s"), op_api_get_source (api));
      putchar ('\n');
    }
}

int
op_cli_api (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpCatalog) catalog = NULL;
  g_autoptr(GListStore) ambiguous = NULL;
  g_autofree char *catalog_path = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) args = NULL;
  const char *prgname = argv[0];
  OpApi *api;
  GOptionEntry entries[] = {
    { "catalog", 0, 0, G_OPTION_ARG_FILENAME, &catalog_path,
      N_("Read the API catalog from FILE instead of the one built in"),
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args,
      NULL,
      /* Translators: the placeholder of the API name in --help */
      N_("NAME") },
    { NULL }
  };

  /* Translators: the end of the usage line of “open1688-cli api --help” */
  context = g_option_context_new (_("— print the documentation of one API"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                /* Translators: the summary of “open1688-cli api --help” */
                                _("Prints what the catalog knows about one API: its titles, "
                                  "URL path, whether it needs an access token, its parameters "
                                  "with their types, whether they are required, descriptions "
                                  "and examples, a sample response, and the address of its "
                                  "documentation page. NAME is the full name "
                                  "(namespace:name-version), or the name alone when only one "
                                  "namespace has it."));
  g_option_context_set_description (context,
                                    /* Translators: keep the commands as they are */
                                    _("Examples:\n"
                                      "  open1688-cli api com.alibaba.trade:alibaba.trade.cancel-1\n"
                                      "  open1688-cli api alibaba.trade.cancel\n"
                                      "\n"
                                      "Exit status: 0 on success, 1 when the catalog has no such "
                                      "API or cannot be read, 2 on bad usage."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (prgname, error->message);

  if (args == NULL || args[0] == NULL)
    return usage_error (prgname, _("Give the name of an API, for example "
                                   "com.alibaba.trade:alibaba.trade.cancel-1."));
  if (args[1] != NULL)
    return usage_error (prgname, _("Give only one API name. To search, use “open1688-cli apis”."));

  name = argument_to_utf8 (args[0]);
  if (name == NULL)
    return usage_error (prgname, _("The API name is not valid text in the terminal’s "
                                   "character encoding."));

  catalog = load_catalog (prgname, catalog_path);
  if (catalog == NULL)
    return OP_CLI_EXIT_ERROR;

  api = resolve (catalog, name, &ambiguous);
  if (api != NULL)
    {
      print_api (api);
      return OP_CLI_EXIT_OK;
    }

  if (ambiguous != NULL)
    {
      /* Translators: %s is the API name the user gave */
      fprintf (stderr, _("%s: More than one API is named “%s”. Give one of these full names:"),
               prgname, name);
      fputc ('\n', stderr);
      print_api_lines (stderr, G_LIST_MODEL (ambiguous), G_MAXUINT, "  ");
    }
  else
    {
      g_autoptr(GListModel) suggestions = suggest (catalog, name);

      /* Translators: %s is the API name the user gave */
      fprintf (stderr, _("%s: The catalog has no API named “%s”."), prgname, name);
      fputc ('\n', stderr);
      if (g_list_model_get_n_items (suggestions) > 0)
        {
          fputs (_("Did you mean:"), stderr);
          fputc ('\n', stderr);
          print_api_lines (stderr, suggestions, MAX_SUGGESTIONS, "  ");
        }
      else
        {
          fputs (_("Run “open1688-cli apis” to list the APIs."), stderr);
          fputc ('\n', stderr);
        }
    }

  return OP_CLI_EXIT_ERROR;
}
