/* op-welcome-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OP_TYPE_WELCOME_PAGE (op_welcome_page_get_type())

G_DECLARE_FINAL_TYPE (OpWelcomePage, op_welcome_page, OP, WELCOME_PAGE, AdwBin)

void op_welcome_page_set_signed_in (OpWelcomePage *self,
                                    gboolean       signed_in);

G_END_DECLS
