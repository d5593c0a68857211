/* op-seed.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-seed"

#include "config.h"

#include "op-seed.h"

#include <json-glib/json-glib.h>

#include "op-api.h"
#include "op-api-param.h"
#include "op-secrets.h"
#include "op-service-resources.h"

typedef struct
{
  const char *login;
  const char *display_name;
  gint64      ali_id;
  gboolean    verified;
  const char *role;  /* detected on the account, or NULL */
} SandboxAccount;

/* The sandbox member accounts (issue: "sandbox member accounts, all with
 * password `sandbox`"). The display names are what the platform would show. */
static const SandboxAccount sandbox_accounts[] = {
  { "merchant",    "沙箱诚信通商家", 2200000001, TRUE,  "trustpass_merchant" },
  { "buyer",       "沙箱专业买家",   2200000002, TRUE,  "professional_buyer" },
  { "crossborder", "沙箱跨境超买",   2200000003, TRUE,  "crossborder_buyer" },
  { "newcomer",    "沙箱新会员",     2200000004, TRUE,  NULL },
  { "unverified",  "沙箱未实名会员", 2200000005, FALSE, NULL },
};

static JsonObject *
load_resource_json (const char  *name,
                    const char  *array_member,
                    JsonArray  **array,
                    GError     **error)
{
  g_autofree char *path = g_strconcat (OP_SEED_RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;

  /* Referencing the bundle links it into every program that seeds a
   * database (its constructor registers it), with link_with as well. */
  (void) op_service_get_resource ();

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), array_member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), array_member)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: no \"%s\" array", name, array_member);
      return NULL;
    }

  object = json_object_ref (json_node_get_object (root));
  *array = json_object_get_array_member (object, array_member);

  return object;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  return json_object_get_string_member_with_default (object, member, "");
}

static gboolean
seed_roles (OpStore  *store,
            GError  **error)
{
  g_autoptr(JsonObject) file = NULL;
  JsonArray *roles = NULL;

  file = load_resource_json ("roles.json", "roles", &roles, error);
  if (file == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      JsonObject *role = json_array_get_object_element (roles, i);
      g_autofree char *form = NULL;

      form = json_to_string (json_object_get_member (role, "form"), FALSE);

      if (!op_store_run (store, error,
                         "INSERT INTO roles (id, position, name_en, name_zh, description_en, "
                         "description_zh, form) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         "sissss" "s",
                         get_string (role, "id"), (gint64) i,
                         get_string (role, "name_en"), get_string (role, "name_zh"),
                         get_string (role, "description_en"), get_string (role, "description_zh"),
                         form))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_topics (OpStore  *store,
             GError  **error)
{
  g_autoptr(JsonObject) file = NULL;
  JsonArray *topics = NULL;

  file = load_resource_json ("topics.json", "topics", &topics, error);
  if (file == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *topic = json_array_get_object_element (topics, i);

      if (!op_store_run (store, error,
                         "INSERT INTO topics (id, name_en, name_zh, description_en, description_zh) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)",
                         "sssss",
                         get_string (topic, "id"),
                         get_string (topic, "name_en"), get_string (topic, "name_zh"),
                         get_string (topic, "description_en"), get_string (topic, "description_zh")))
        return FALSE;
    }

  return TRUE;
}

static char *
required_params (OpApi *api)
{
  GListModel *params = op_api_get_params (api);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (params); i++)
    {
      g_autoptr(OpApiParam) param = g_list_model_get_item (params, i);

      if (op_api_param_get_required (param))
        g_string_append_printf (names, "%s\n", op_api_param_get_name (param));
    }

  return g_string_free (names, FALSE);
}

static gboolean
seed_apis (OpStore    *store,
           OpCatalog  *catalog,
           GError    **error)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(OpApi) api = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      g_autofree char *required = required_params (api);
      /* Where the catalog does not know whether the API needs an access
       * token, the sandbox asks for one: code that passes here then also
       * passes on the real gateway. */
      gboolean needs_token = op_api_get_needs_access_token (api) ||
                             !op_api_get_access_token_known (api);
      const char *sample = op_api_get_sample_response (api);

      if (!op_store_run (store, error,
                         "INSERT INTO apis (id, namespace, name, version, title_en, title_zh, "
                         "needs_access_token, required_params, sample_response) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                         "sssissi" "ss",
                         op_api_get_id (api), op_api_get_namespace (api), op_api_get_name (api),
                         (gint64) op_api_get_version (api),
                         op_api_get_title_en (api) != NULL ? op_api_get_title_en (api) : op_api_get_title_zh (api),
                         op_api_get_title_zh (api),
                         (gint64) needs_token, required,
                         sample != NULL ? sample : ""))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_string_list (OpStore     *store,
                  const char  *sql,
                  gint64       owner,
                  JsonArray   *list,
                  gboolean     with_position,
                  GError     **error)
{
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      const char *item = json_array_get_string_element (list, i);
      gboolean ok;

      if (with_position)
        ok = op_store_run (store, error, sql, "isi", owner, item, (gint64) i);
      else
        ok = op_store_run (store, error, sql, "is", owner, item);

      if (!ok)
        {
          g_prefix_error (error, "%s: ", item);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
seed_solutions (OpStore  *store,
                GError  **error)
{
  g_autoptr(JsonObject) file = NULL;
  JsonArray *solutions = NULL;

  file = load_resource_json ("solutions.json", "solutions", &solutions, error);
  if (file == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (solutions); i++)
    {
      JsonObject *solution = json_array_get_object_element (solutions, i);
      gint64 id = json_object_get_int_member (solution, "id");

      if (!op_store_run (store, error,
                         "INSERT INTO solutions (id, position, name_en, name_zh, summary_en, "
                         "summary_zh, doc_url, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                         "iissss" "ss",
                         id, (gint64) i,
                         get_string (solution, "name_en"), get_string (solution, "name_zh"),
                         get_string (solution, "summary_en"), get_string (solution, "summary_zh"),
                         json_object_get_string_member_with_default (solution, "doc_url", NULL),
                         get_string (solution, "source")))
        return FALSE;

      if (!seed_string_list (store,
                             "INSERT INTO solution_apis (solution_id, api_id, position) "
                             "VALUES (?1, ?2, ?3)",
                             id, json_object_get_array_member (solution, "apis"), TRUE, error) ||
          !seed_string_list (store,
                             "INSERT INTO solution_topics (solution_id, topic_id, position) "
                             "VALUES (?1, ?2, ?3)",
                             id, json_object_get_array_member (solution, "topics"), TRUE, error) ||
          !seed_string_list (store,
                             "INSERT INTO solution_roles (solution_id, role_id) VALUES (?1, ?2)",
                             id, json_object_get_array_member (solution, "required_roles"), FALSE,
                             error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_packages (OpStore    *store,
               gint64      ability_id,
               JsonArray  *packages,
               GError    **error)
{
  for (guint i = 0; i < json_array_get_length (packages); i++)
    {
      JsonObject *package = json_array_get_object_element (packages, i);

      if (!op_store_run (store, error,
                         "INSERT INTO packages (id, ability_id, position, name_en, name_zh, "
                         "calls, price_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         "iiissii",
                         json_object_get_int_member (package, "id"), ability_id, (gint64) i,
                         get_string (package, "name_en"), get_string (package, "name_zh"),
                         json_object_get_int_member (package, "calls"),
                         json_object_get_int_member (package, "price_fen")))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_abilities (OpStore  *store,
                GError  **error)
{
  g_autoptr(JsonObject) file = NULL;
  JsonArray *abilities = NULL;

  file = load_resource_json ("abilities.json", "abilities", &abilities, error);
  if (file == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (abilities); i++)
    {
      JsonObject *ability = json_array_get_object_element (abilities, i);
      gint64 id = json_object_get_int_member (ability, "id");

      if (!op_store_run (store, error,
                         "INSERT INTO abilities (id, position, name_en, name_zh, summary_en, "
                         "summary_zh, description_en, description_zh) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                         "iissss" "ss",
                         id, (gint64) i,
                         get_string (ability, "name_en"), get_string (ability, "name_zh"),
                         get_string (ability, "summary_en"), get_string (ability, "summary_zh"),
                         get_string (ability, "description_en"),
                         get_string (ability, "description_zh")))
        return FALSE;

      if (!seed_string_list (store,
                             "INSERT INTO ability_apis (ability_id, api_id) VALUES (?1, ?2)",
                             id, json_object_get_array_member (ability, "apis"), FALSE, error) ||
          !seed_packages (store, id, json_object_get_array_member (ability, "packages"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_accounts (OpStore  *store,
               gint64    now,
               GError  **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sandbox_accounts); i++)
    {
      const SandboxAccount *account = &sandbox_accounts[i];
      g_autofree char *hash = NULL;
      g_autofree char *member_id = NULL;
      gint64 id;

      hash = op_secrets_hash_password (OP_SEED_SANDBOX_PASSWORD, error);
      if (hash == NULL)
        return FALSE;

      member_id = g_strdup_printf ("b2b-%" G_GINT64_FORMAT, account->ali_id);

      if (!op_store_run (store, error,
                         "INSERT INTO accounts (login, password_hash, display_name, member_id, "
                         "ali_id, real_name_verified, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         "ssssiii",
                         account->login, hash, account->display_name, member_id,
                         account->ali_id, (gint64) account->verified, now))
        return FALSE;

      id = op_store_last_insert_id (store);

      if (account->role != NULL &&
          !op_store_run (store, error,
                         "INSERT INTO account_roles (account_id, role_id, source, granted_at) "
                         "VALUES (?1, ?2, 'detected', ?3)",
                         "isi", id, account->role, now))
        return FALSE;
    }

  return TRUE;
}

/**
 * op_seed_is_done:
 * @store: an open store
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the database holds the platform's reference data
 */
gboolean
op_seed_is_done (OpStore  *store,
                 GError  **error)
{
  g_autoptr(OpStmt) stmt = NULL;

  stmt = op_store_query (store, error, "SELECT value FROM meta WHERE key = 'seeded'", NULL);

  return stmt != NULL && op_store_step (store, stmt, error) == SQLITE_ROW;
}

/**
 * op_seed_run:
 * @store: an open store, outside any transaction
 * @catalog: the API catalog
 * @error: return location for a #GError
 *
 * Fills a new database, in one transaction, with the platform's reference
 * data from data/catalog/ and the sandbox member accounts.
 *
 * Returns: %TRUE on success; on failure nothing was written
 */
gboolean
op_seed_run (OpStore    *store,
             OpCatalog  *catalog,
             GError    **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_val_if_fail (OP_IS_STORE (store), FALSE);
  g_return_val_if_fail (OP_IS_CATALOG (catalog), FALSE);

  if (!op_store_begin (store, error))
    return FALSE;

  if (!seed_roles (store, error) ||
      !seed_topics (store, error) ||
      !seed_apis (store, catalog, error) ||
      !seed_solutions (store, error) ||
      !seed_abilities (store, error) ||
      !seed_accounts (store, now, error) ||
      !op_store_run (store, error,
                     "INSERT INTO meta (key, value) VALUES ('seeded', ?1)", "s", PACKAGE_VERSION))
    {
      op_store_rollback (store);
      g_prefix_error (error, "Seeding the sandbox database: ");
      return FALSE;
    }

  return op_store_commit (store, error);
}
