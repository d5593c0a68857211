/* op-apps-format.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "op-app.h"

G_BEGIN_DECLS

char       *op_apps_format_count          (gint64         count);
const char *op_apps_app_state_label       (OpAppState     state);
const char *op_apps_app_type_label        (OpAppType      app_type);
const char *op_apps_review_state_label    (OpReviewState  state);
char       *op_apps_format_quota          (OpApp         *app);
char       *op_apps_error_message         (const GError  *error,
                                           const char    *format);
gboolean    op_apps_may_launch            (OpApp         *app);
gboolean    op_apps_may_list              (OpApp         *app);
gboolean    op_apps_may_raise_quota       (OpApp         *app);

G_END_DECLS
