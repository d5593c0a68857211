/* op-usage-chart.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OP_TYPE_USAGE_CHART (op_usage_chart_get_type())

G_DECLARE_FINAL_TYPE (OpUsageChart, op_usage_chart, OP, USAGE_CHART, GtkWidget)

GtkWidget  *op_usage_chart_new             (void);
GListModel *op_usage_chart_get_days        (OpUsageChart *self);
void        op_usage_chart_set_days        (OpUsageChart *self,
                                            GListModel   *days);
gint64      op_usage_chart_get_successes   (OpUsageChart *self);
gint64      op_usage_chart_get_failures    (OpUsageChart *self);
char       *op_usage_chart_describe        (OpUsageChart *self);

G_END_DECLS
