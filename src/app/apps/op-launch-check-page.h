/* op-launch-check-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-app-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_LAUNCH_CHECK_PAGE (op_launch_check_page_get_type())

G_DECLARE_FINAL_TYPE (OpLaunchCheckPage, op_launch_check_page, OP, LAUNCH_CHECK_PAGE, OpWizardPage)

OpWizardPage *op_launch_check_page_new   (OpAppFlow         *flow);
void          op_launch_check_page_check (OpLaunchCheckPage *self);

G_END_DECLS
