/* op-solutions-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-area-page.h"

G_BEGIN_DECLS

#define OP_TYPE_SOLUTIONS_PAGE (op_solutions_page_get_type())

G_DECLARE_FINAL_TYPE (OpSolutionsPage, op_solutions_page, OP, SOLUTIONS_PAGE, OpAreaPage)

void        op_solutions_page_reload              (OpSolutionsPage    *self);
void        op_solutions_page_show_solution       (OpSolutionsPage    *self,
                                                   gint64              solution_id);
void        op_solutions_page_show_list           (OpSolutionsPage    *self);
gint64      op_solutions_page_get_solution_id     (OpSolutionsPage    *self);
void        op_solutions_page_start_order         (OpSolutionsPage    *self);
void        op_solutions_page_start_qualification (OpSolutionsPage    *self,
                                                   const char         *role_id,
                                                   const char * const *candidates);

G_END_DECLS
