/* op-qualification-status-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-qualification-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_QUALIFICATION_STATUS_PAGE (op_qualification_status_page_get_type())

G_DECLARE_FINAL_TYPE (OpQualificationStatusPage, op_qualification_status_page, OP, QUALIFICATION_STATUS_PAGE, OpWizardPage)

OpQualificationStatusPage *op_qualification_status_page_new (OpQualificationFlow *flow);

G_END_DECLS
