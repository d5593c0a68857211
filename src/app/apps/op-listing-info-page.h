/* op-listing-info-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_LISTING_INFO_PAGE (op_listing_info_page_get_type())

G_DECLARE_FINAL_TYPE (OpListingInfoPage, op_listing_info_page, OP, LISTING_INFO_PAGE, OpWizardPage)

OpWizardPage *op_listing_info_page_new (OpAppFlow *flow);

G_END_DECLS
