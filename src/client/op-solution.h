/* op-solution.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OP_TYPE_SOLUTION (op_solution_get_type ())

G_DECLARE_FINAL_TYPE (OpSolution, op_solution, OP, SOLUTION, GObject)

OpSolution         *op_solution_new_from_json              (JsonObject  *object,
                                                            GError     **error);
gint64              op_solution_get_id                     (OpSolution  *self);
const char         *op_solution_get_name                   (OpSolution  *self);
const char         *op_solution_get_summary                (OpSolution  *self);
const char         *op_solution_get_doc_url                (OpSolution  *self);
guint               op_solution_get_api_count              (OpSolution  *self);
guint               op_solution_get_topic_count            (OpSolution  *self);
gboolean            op_solution_get_orderable              (OpSolution  *self);
const char         *op_solution_get_not_orderable_code     (OpSolution  *self);
const char         *op_solution_get_not_orderable_message  (OpSolution  *self);
const char * const *op_solution_get_ordered_by_apps        (OpSolution  *self);

guint               op_solution_get_n_required_roles       (OpSolution  *self);
const char         *op_solution_get_required_role_id       (OpSolution  *self,
                                                            guint        position);
const char         *op_solution_get_required_role_name     (OpSolution  *self,
                                                            guint        position);
gboolean            op_solution_get_required_role_held     (OpSolution  *self,
                                                            guint        position);

gboolean            op_solution_get_has_details            (OpSolution  *self);
guint               op_solution_get_n_apis                 (OpSolution  *self);
const char         *op_solution_get_api_id                 (OpSolution  *self,
                                                            guint        position);
const char         *op_solution_get_api_title              (OpSolution  *self,
                                                            guint        position);
const char         *op_solution_get_api_doc_url            (OpSolution  *self,
                                                            guint        position);
gboolean            op_solution_get_api_needs_access_token (OpSolution  *self,
                                                            guint        position);
guint               op_solution_get_n_topics               (OpSolution  *self);
const char         *op_solution_get_topic_id               (OpSolution  *self,
                                                            guint        position);
const char         *op_solution_get_topic_name             (OpSolution  *self,
                                                            guint        position);
const char         *op_solution_get_topic_description      (OpSolution  *self,
                                                            guint        position);

G_END_DECLS
