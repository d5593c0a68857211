/* op-solutions-util.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-review-state.h"

G_BEGIN_DECLS

void        op_solutions_toast             (GtkWidget     *widget,
                                            const char    *text);
void        op_solutions_copy              (GtkWidget     *widget,
                                            const char    *text,
                                            const char    *toast);
void        op_solutions_show_uri          (GtkWidget     *widget,
                                            const char    *uri);
const char *op_solutions_review_state_name (OpReviewState  state);
void        op_solutions_add_enter_binding (GtkWidgetClass *widget_class);

G_END_DECLS
