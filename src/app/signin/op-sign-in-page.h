/* op-sign-in-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-area-page.h"

G_BEGIN_DECLS

#define OP_TYPE_SIGN_IN_PAGE (op_sign_in_page_get_type())

G_DECLARE_FINAL_TYPE (OpSignInPage, op_sign_in_page, OP, SIGN_IN_PAGE, OpAreaPage)

G_END_DECLS
