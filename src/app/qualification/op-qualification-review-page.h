/* op-qualification-review-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-qualification-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_QUALIFICATION_REVIEW_PAGE (op_qualification_review_page_get_type())

G_DECLARE_FINAL_TYPE (OpQualificationReviewPage, op_qualification_review_page, OP, QUALIFICATION_REVIEW_PAGE, OpWizardPage)

OpQualificationReviewPage *op_qualification_review_page_new (OpQualificationFlow *flow);

G_END_DECLS
