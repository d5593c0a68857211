/* test-i18n.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "op-test-ui.h"
#include "op-window.h"

static OpApplication *app;

static void
test_i18n_zh_cn_window (void)
{
  GtkWindow *window = op_test_ui_find_toplevel (OP_TYPE_WINDOW);

  g_assert_nonnull (window);
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "zh_CN.UTF-8");

  g_assert_cmpstr (gtk_window_get_title (window), ==, "1688 开放平台助手");
  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_label,
                                     "欢迎使用 1688 开放平台助手"));
  /* The steps use the platform's own terms. */
  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_label,
                                     "入驻开放平台"));
  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_label,
                                     "资质申请"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* gtk_test_init() leaves the locale alone; take the one of the environment. */
  setlocale (LC_ALL, "");
  op_test_ui_init (&argc, &argv);

  app = op_test_ui_start_application ();

  g_test_add_func ("/app/i18n/zh-cn-window", test_i18n_zh_cn_window);

  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
