/* op-first-frame.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-first-frame"

#include "config.h"

#include <stdio.h>

#include "op-first-frame.h"

/* For the start-up benchmark (tests/bench/bench-startup.py): when
 * OPEN1688_BENCH_FIRST_FRAME is set, print "first-frame RSS_KB" on standard
 * output once the window's first frame is painted, then quit (with the value
 * "quit"). Without the variable this does nothing.
 */

static long
resident_set_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);

  printf ("first-frame %ld\n", resident_set_kb ());
  fflush (stdout);

  if (g_strcmp0 (g_getenv ("OPEN1688_BENCH_FIRST_FRAME"), "quit") == 0)
    g_application_quit (g_application_get_default ());
}

static void
realize_cb (GtkWindow *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

void
op_first_frame_watch (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("OPEN1688_BENCH_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
