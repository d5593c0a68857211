/* op-screenshots.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Makes the screenshots of data/screenshots/ (run by build-aux/screenshots,
 * once per language): the overview, the launch wizard's confirmation page
 * and an app's page, of a merchant with one app that made a few calls, on
 * the built-in sandbox. Not a test: it checks nothing but that each screen
 * appears. */

#include "config.h"

#include <locale.h>

#include "op-overview-page.h"
#include "op-test-apps.h"

static gboolean
overview_loaded_cb (gpointer data)
{
  return !op_overview_page_get_loading (data);
}

/* The overview as the member finds it now: with the calls just made. */
static void
show_fresh_overview (void)
{
  GtkWidget *overview;

  op_window_show_area (op_test_ui_window (), "overview");
  overview = op_test_ui_find (GTK_WIDGET (op_test_ui_window ()), op_test_ui_match_type,
                              GSIZE_TO_POINTER (OP_TYPE_OVERVIEW_PAGE));
  g_assert_nonnull (overview);
  op_overview_page_refresh (OP_OVERVIEW_PAGE (overview));
  op_test_ui_wait_until (overview_loaded_cb, overview, 20000);
}

static void
shoot (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GtkWidget *window = GTK_WIDGET (op_test_ui_window ());
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  op_test_ui_iterate (800);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);

  g_print ("%s\n", path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OpApp) created = NULL;
  g_autofree char *secret = NULL;
  const char *suffix;
  const char *dir;
  OpAssistant *assistant;

  setlocale (LC_ALL, "");
  op_test_ui_init (&argc, &argv);

  if (argc != 3)
    g_error ("Usage: op-screenshots DIRECTORY SUFFIX");
  dir = argv[1];
  suffix = argv[2];

  test_start ("merchant", OP_DEVELOPER_TYPE_SELF_USE);
  gtk_window_set_default_size (GTK_WINDOW (op_test_ui_window ()), 1000, 700);

  created = test_create_app (TEST_SOLUTION_ORDERS,
                             g_str_has_prefix (suffix, "zh") ? "采购订单同步" : "Purchase order sync",
                             OP_APP_TYPE_SELF_USE, NULL, TRUE, &secret);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(OpGatewayResult) answer = test_gateway_call (op_app_get_app_key (created), secret,
                                                             i % 4 == 3 ? NULL : "0");

      g_assert_nonnull (answer);
    }

  show_fresh_overview ();
  {
    g_autofree char *name = g_strdup_printf ("overview-%s.png", suffix);
    shoot (dir, name);
  }

  test_open_app (op_app_get_app_key (created));
  {
    g_autofree char *name = g_strdup_printf ("app-%s.png", suffix);
    shoot (dir, name);
  }

  assistant = test_start_flow ("app.launch");
  g_assert_nonnull (assistant);
  op_assistant_next_page (assistant);
  op_test_ui_iterate (1000);
  {
    g_autofree char *name = g_strdup_printf ("wizard-%s.png", suffix);
    shoot (dir, name);
  }

  op_connection_stop (test_connection ());
  return 0;
}
