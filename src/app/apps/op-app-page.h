/* op-app-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-connection.h"
#include "op-review-watcher.h"

G_BEGIN_DECLS

#define OP_TYPE_APP_PAGE (op_app_page_get_type())

G_DECLARE_FINAL_TYPE (OpAppPage, op_app_page, OP, APP_PAGE, AdwBin)

OpConnection    *op_app_page_get_connection (OpAppPage       *self);
void             op_app_page_set_connection (OpAppPage       *self,
                                             OpConnection    *connection);
OpReviewWatcher *op_app_page_get_watcher    (OpAppPage       *self);
void             op_app_page_set_watcher    (OpAppPage       *self,
                                             OpReviewWatcher *watcher);
const char      *op_app_page_get_app_key    (OpAppPage       *self);
OpApp           *op_app_page_get_app        (OpAppPage       *self);
void             op_app_page_set_app        (OpAppPage       *self,
                                             OpApp           *app);
void             op_app_page_load           (OpAppPage       *self,
                                             const char      *app_key);
void             op_app_page_reload         (OpAppPage       *self);
void             op_app_page_clear          (OpAppPage       *self);

G_END_DECLS
