/* op-listing-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-flow.h"

G_BEGIN_DECLS

#define OP_TYPE_LISTING_FLOW (op_listing_flow_get_type())

G_DECLARE_FINAL_TYPE (OpListingFlow, op_listing_flow, OP, LISTING_FLOW, OpAppFlow)

OpAppFlow          *op_listing_flow_new                 (OpConnection    *connection,
                                                         OpApp           *app,
                                                         OpReviewWatcher *watcher);
const char * const *op_listing_flow_get_regions         (void);
const char         *op_listing_flow_get_region_label    (const char      *region);
void                op_listing_flow_set_info            (OpListingFlow   *self,
                                                         const char      *jushita_account,
                                                         const char      *jushita_instance_id,
                                                         const char      *jushita_region,
                                                         const char      *callback_url);
const char         *op_listing_flow_get_jushita_account (OpListingFlow   *self);
const char         *op_listing_flow_get_jushita_instance_id (OpListingFlow *self);
const char         *op_listing_flow_get_jushita_region  (OpListingFlow   *self);
const char         *op_listing_flow_get_callback_url    (OpListingFlow   *self);

G_END_DECLS
