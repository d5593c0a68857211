/* op-overview-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-area-page.h"
#include "op-overview-path.h"

G_BEGIN_DECLS

#define OP_TYPE_OVERVIEW_PAGE (op_overview_page_get_type())

G_DECLARE_FINAL_TYPE (OpOverviewPage, op_overview_page, OP, OVERVIEW_PAGE, OpAreaPage)

void        op_overview_page_refresh     (OpOverviewPage *self);
gboolean    op_overview_page_get_loading (OpOverviewPage *self);
OpPathStep  op_overview_page_get_step    (OpOverviewPage *self);

G_END_DECLS
