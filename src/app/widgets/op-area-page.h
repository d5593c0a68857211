/* op-area-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-connection.h"
#include "op-flow.h"
#include "op-review-watcher.h"

G_BEGIN_DECLS

#define OP_TYPE_AREA_PAGE (op_area_page_get_type())

G_DECLARE_DERIVABLE_TYPE (OpAreaPage, op_area_page, OP, AREA_PAGE, AdwBin)

struct _OpAreaPageClass
{
  AdwBinClass parent_class;

  /* The page became the visible area: refresh what it shows. */
  void (*shown) (OpAreaPage *self);

  /* The review watcher saw a state change: show it. */
  void (*reviews_changed) (OpAreaPage *self);

  gpointer _reserved[7];
};

OpConnection    *op_area_page_get_connection (OpAreaPage      *self);
void             op_area_page_set_connection (OpAreaPage      *self,
                                              OpConnection    *connection);
OpReviewWatcher *op_area_page_get_watcher    (OpAreaPage      *self);
void             op_area_page_set_watcher    (OpAreaPage      *self,
                                              OpReviewWatcher *watcher);
void             op_area_page_shown          (OpAreaPage      *self);
void             op_area_page_run_flow       (OpAreaPage      *self,
                                              OpFlow          *flow);
void             op_area_page_show_area      (OpAreaPage      *self,
                                              const char      *area);
void             op_area_page_add_toast      (OpAreaPage      *self,
                                              const char      *text);
void             op_area_page_notify         (OpAreaPage      *self,
                                              const char      *title,
                                              const char      *body);

G_END_DECLS
