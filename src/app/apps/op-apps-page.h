/* op-apps-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-page.h"
#include "op-area-page.h"
#include "op-review-watcher.h"

G_BEGIN_DECLS

#define OP_TYPE_APPS_PAGE (op_apps_page_get_type())

G_DECLARE_FINAL_TYPE (OpAppsPage, op_apps_page, OP, APPS_PAGE, OpAreaPage)

void        op_apps_page_refresh      (OpAppsPage *self);
void        op_apps_page_show_list    (OpAppsPage *self);
void        op_apps_page_show_app     (OpAppsPage *self,
                                       const char *app_key);
GListModel *op_apps_page_get_apps     (OpAppsPage *self);
OpAppPage  *op_apps_page_get_app_page (OpAppsPage *self);

G_END_DECLS
