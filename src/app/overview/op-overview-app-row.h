/* op-overview-app-row.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-app.h"

G_BEGIN_DECLS

#define OP_TYPE_OVERVIEW_APP_ROW (op_overview_app_row_get_type())

G_DECLARE_FINAL_TYPE (OpOverviewAppRow, op_overview_app_row, OP, OVERVIEW_APP_ROW, AdwActionRow)

GtkWidget  *op_overview_app_row_new          (OpApp            *app);
OpApp      *op_overview_app_row_get_app      (OpOverviewAppRow *self);
double      op_overview_app_row_get_fraction (OpOverviewAppRow *self);
const char *op_overview_app_row_get_usage    (OpOverviewAppRow *self);
char       *op_overview_format_count         (gint64            count);

G_END_DECLS
