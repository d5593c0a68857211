/* op-role.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "op-form-field.h"
#include "op-review-state.h"

G_BEGIN_DECLS

#define OP_TYPE_ROLE (op_role_get_type ())

G_DECLARE_FINAL_TYPE (OpRole, op_role, OP, ROLE, GObject)

OpRole        *op_role_new_from_json          (JsonObject  *object,
                                               GError     **error);
const char    *op_role_get_id                 (OpRole      *self);
const char    *op_role_get_name               (OpRole      *self);
const char    *op_role_get_description        (OpRole      *self);
gboolean       op_role_get_held               (OpRole      *self);
gint64         op_role_get_application_id     (OpRole      *self);
OpReviewState  op_role_get_application_state  (OpRole      *self);
GListModel    *op_role_get_form               (OpRole      *self);
OpFormField   *op_role_lookup_field           (OpRole      *self,
                                               const char  *name);

G_END_DECLS
