/* op-qualification.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "op-review-state.h"

G_BEGIN_DECLS

#define OP_TYPE_QUALIFICATION (op_qualification_get_type ())

G_DECLARE_FINAL_TYPE (OpQualification, op_qualification, OP, QUALIFICATION, GObject)

OpQualification *op_qualification_new_from_json       (JsonObject       *object,
                                                       GError          **error);
gint64           op_qualification_get_id              (OpQualification  *self);
const char      *op_qualification_get_role_id         (OpQualification  *self);
const char      *op_qualification_get_role_name       (OpQualification  *self);
OpReviewState    op_qualification_get_state           (OpQualification  *self);
const char      *op_qualification_get_reason          (OpQualification  *self);
GHashTable      *op_qualification_get_field_reasons   (OpQualification  *self);
GHashTable      *op_qualification_get_fields          (OpQualification  *self);
GDateTime       *op_qualification_get_created_at      (OpQualification  *self);
GDateTime       *op_qualification_get_updated_at      (OpQualification  *self);

G_END_DECLS
