/* bench-gateway-prepare.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "op-quota.h"
#include "op-request.h"
#include "op-service.h"
#include "op-store.h"

/* Prepares the gateway benchmark (bench-gateway.sh): a sandbox database
 * with a launched app of the given daily limit that ordered the solution
 * with com.alibaba.product:alibaba.category.get-1, and a file of signed
 * request bodies (one a line) for wrk's Lua script to cycle through.
 * With --count, prints the app's calls of today instead (after the run). */

#define APP_KEY "7000001"
#define APP_SECRET "BenchSecret0000x"
#define PURCHASE_SOLUTION G_GINT64_CONSTANT (1703167400001)

static char *opt_db = NULL;
static char *opt_out = NULL;
static gint64 opt_limit = 1000000000;
static int opt_bodies = 1000;
static gboolean opt_count = FALSE;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db, "The database to create", "PATH" },
  { "out", 0, 0, G_OPTION_ARG_FILENAME, &opt_out, "Where to write the signed bodies", "PATH" },
  { "daily-limit", 0, 0, G_OPTION_ARG_INT64, &opt_limit, "The app's daily limit", "N" },
  { "bodies", 0, 0, G_OPTION_ARG_INT, &opt_bodies, "How many distinct signed bodies", "N" },
  { "count", 0, 0, G_OPTION_ARG_NONE, &opt_count, "Print today's call count of the app", NULL },
  { NULL }
};

static gboolean
create_app (OpStore  *store,
            GError  **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return op_store_begin (store, error) &&
         op_store_run (store, error,
                       "INSERT INTO developers (account_id, contact_name, mobile, email, "
                       "developer_type, created_at) SELECT id, 'bench', '13800138000', "
                       "'bench@example.com', 'self_use', ?1 FROM accounts WHERE login = 'merchant'",
                       "i", now) &&
         op_store_run (store, error,
                       "INSERT INTO apps (app_key, account_id, name, description, app_type, secret, "
                       "state, daily_limit, created_at) SELECT ?1, id, 'bench', '', 'self_use', ?2, "
                       "'launched', ?3, ?4 FROM accounts WHERE login = 'merchant'",
                       "ssii", APP_KEY, APP_SECRET, opt_limit, now) &&
         op_store_run (store, error,
                       "INSERT INTO solution_orders (account_id, solution_id, app_id, created_at) "
                       "SELECT account_id, ?1, id, ?2 FROM apps WHERE app_key = ?3",
                       "iis", PURCHASE_SOLUTION, now, APP_KEY) &&
         op_store_commit (store, error);
}

static gboolean
write_bodies (GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 now_ms = g_get_real_time () / 1000;

  for (int i = 0; i < opt_bodies; i++)
    {
      g_autoptr(OpRequest) request = op_request_new ("com.alibaba.product", "alibaba.category.get",
                                                     APP_KEY);
      g_autofree char *body = NULL;

      op_request_set_param_int (request, "categoryID", i);
      op_request_set_param_int (request, "_aop_timestamp", now_ms);
      body = op_request_build_body (request, APP_SECRET);
      g_string_append_printf (text, "%s\n", body);
    }

  return g_file_set_contents (opt_out, text->str, text->len, error);
}

static int
print_count (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpStore) store = op_store_open (opt_db, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *day = op_quota_platform_day (now);
  g_autoptr(OpStmt) stmt = NULL;

  if (store != NULL)
    stmt = op_store_query (store, &error,
                           "SELECT COALESCE(SUM(d.calls), 0) FROM app_days d JOIN apps a "
                           "ON a.id = d.app_id WHERE a.app_key = ?1 AND d.day = ?2",
                           "ss", APP_KEY, day);
  if (stmt == NULL || op_store_step (store, stmt, &error) != SQLITE_ROW)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "no count");
      return 1;
    }

  printf ("%" G_GINT64_FORMAT "\n", (gint64) sqlite3_column_int64 (stmt, 0));

  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OpService) service = NULL;
  g_autofree char *path = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_db == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--db is required");
      return 2;
    }

  if (opt_count)
    return print_count ();

  if (opt_out == NULL)
    {
      g_printerr ("--out is required\n");
      return 2;
    }

  service = op_service_new (opt_db, NULL, &error);
  if (service == NULL ||
      !create_app (op_service_get_store (service), &error) ||
      !write_bodies (&error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* The URL path of the calls, for the script. */
  printf ("openapi/param2/1/com.alibaba.product/alibaba.category.get/%s\n", APP_KEY);

  return 0;
}
