/* main.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "open1688-sandbox"

#include "config.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "op-review.h"
#include "op-service.h"
#include "op-service-paths.h"
#include "op-store.h"

/* open1688-sandbox: the platform service, standalone, and the reviewer's
 * command (`review list|approve ID|reject ID --reason TEXT`). */

static char *opt_listen = NULL;
static int opt_port = 8688;
static char *opt_db = NULL;
static char *opt_review = NULL;
static int opt_review_delay = OP_SERVICE_DEFAULT_REVIEW_DELAY;
static char *opt_reason = NULL;

static const GOptionEntry entries[] = {
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opt_listen,
    /* Translators: help of --listen */
    N_("Listen on ADDR (default 127.0.0.1; other addresses are reachable from the network)"),
    N_("ADDR") },
  { "port", 0, 0, G_OPTION_ARG_INT, &opt_port,
    N_("Listen on port N (default 8688; 0 picks a free port)"), N_("N") },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("The database (default: in the user's data folder)"), N_("PATH") },
  { "review", 0, 0, G_OPTION_ARG_STRING, &opt_review,
    N_("Decide applications automatically after the delay (auto, the default) or leave them to the reviewer (manual)"),
    N_("auto|manual") },
  { "review-delay", 0, 0, G_OPTION_ARG_INT, &opt_review_delay,
    N_("Seconds before the automatic reviewer decides (default 5)"), N_("SECONDS") },
  { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason,
    N_("With review reject: why the application is rejected"), N_("TEXT") },
  { NULL }
};

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
is_loopback (const char *address)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  return inet != NULL && g_inet_address_get_is_loopback (inet);
}

static int
run_server (const char *db_path)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(OpService) service = NULL;
  g_autoptr(GError) error = NULL;
  OpServiceOptions options;
  const char *address = opt_listen != NULL ? opt_listen : "127.0.0.1";

  op_service_options_init (&options);

  if (opt_review != NULL && g_str_equal (opt_review, "manual"))
    options.review_mode = OP_REVIEW_MODE_MANUAL;
  else if (opt_review != NULL && !g_str_equal (opt_review, "auto"))
    {
      g_printerr (_("--review must be auto or manual\n"));
      return 2;
    }

  if (opt_review_delay < 0 || opt_port < 0 || opt_port > 65535)
    {
      g_printerr (_("--port must be 0–65535 and --review-delay at least 0\n"));
      return 2;
    }
  options.review_delay_seconds = opt_review_delay;

  service = op_service_new (db_path, &options, &error);
  if (service == NULL)
    {
      /* Translators: %s is the database path, then the error */
      g_printerr (_("Cannot open the sandbox database %s: %s\n"), db_path, error->message);
      return 1;
    }

  if (!op_service_listen (service, address, opt_port, &error))
    {
      g_printerr (_("Cannot listen on %s port %d: %s\n"), address, opt_port, error->message);
      return 1;
    }

  /* The first line on stdout is the base URL: scripts and the tests read it. */
  printf ("%s\n", op_service_get_base_url (service));
  fflush (stdout);

  if (!is_loopback (address))
    g_printerr (_("Warning: listening on %s, which other machines can reach. "
                  "The sandbox is meant for development only.\n"), address);

  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);

  g_main_loop_run (loop);

  op_service_stop (service);

  return 0;
}

static gboolean
parse_review_id (const char *text,
                 gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_printerr (_("Give the ID of an application, as shown by “review list”.\n"));
      return FALSE;
    }

  *id = (gint64) value;

  return TRUE;
}

static int
review_list (OpStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = op_review_list_pending (store, &error);

  if (items == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (items->len == 0)
    {
      g_print (_("No application is waiting for review.\n"));
      return 0;
    }

  for (guint i = 0; i < items->len; i++)
    {
      OpReviewItem *item = g_ptr_array_index (items, i);

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n",
               item->id, item->kind, item->account, item->summary);
    }

  return 0;
}

static int
review_decide (OpStore    *store,
               const char *id_text,
               gboolean    approve)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!parse_review_id (id_text, &id))
    return 2;

  if (!approve && (opt_reason == NULL || g_strstrip (opt_reason)[0] == '\0'))
    {
      g_printerr (_("Rejecting needs a reason: --reason TEXT\n"));
      return 2;
    }

  if (!op_store_begin (store, &error) ||
      !op_review_decide (store, id, approve, opt_reason, g_get_real_time () / G_USEC_PER_SEC,
                         &error))
    {
      op_store_rollback (store);
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!op_store_commit (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Translators: %s is an application ID */
  g_print (approve ? _("Application %s approved.\n") : _("Application %s rejected.\n"), id_text);

  return 0;
}

static int
run_review (const char  *db_path,
            int          argc,
            char       **argv)
{
  g_autoptr(OpStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      g_printerr (_("Usage: open1688-sandbox review list|approve ID|reject ID --reason TEXT\n"));
      return 2;
    }

  store = op_store_open (db_path, &error);
  if (store == NULL)
    {
      g_printerr (_("Cannot open the sandbox database %s: %s\n"), db_path, error->message);
      return 1;
    }

  if (g_str_equal (argv[2], "list") && argc == 3)
    return review_list (store);
  if (g_str_equal (argv[2], "approve") && argc == 4)
    return review_decide (store, argv[3], TRUE);
  if (g_str_equal (argv[2], "reject") && argc == 4)
    return review_decide (store, argv[3], FALSE);

  g_printerr (_("Usage: open1688-sandbox review list|approve ID|reject ID --reason TEXT\n"));

  return 2;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("[review list|approve ID|reject ID]"));
  g_option_context_set_summary (context, _("The 1688 Open Platform sandbox: console API, gateway, OAuth and reviewer."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  db_path = opt_db != NULL ? g_strdup (opt_db) : op_service_default_db_path ();

  if (argc >= 2 && g_str_equal (argv[1], "review"))
    return run_review (db_path, argc, argv);

  if (argc > 1)
    {
      g_printerr (_("Unknown command “%s”.\n"), argv[1]);
      return 2;
    }

  return run_server (db_path);
}
