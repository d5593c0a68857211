/* op-form-field.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OP_TYPE_FORM_FIELD (op_form_field_get_type ())

G_DECLARE_FINAL_TYPE (OpFormField, op_form_field, OP, FORM_FIELD, GObject)

OpFormField        *op_form_field_new_from_json       (JsonObject   *object,
                                                       GError      **error);
const char         *op_form_field_get_name            (OpFormField  *self);
const char         *op_form_field_get_field_type      (OpFormField  *self);
const char         *op_form_field_get_label           (OpFormField  *self);
const char         *op_form_field_get_label_en        (OpFormField  *self);
const char         *op_form_field_get_label_zh        (OpFormField  *self);
const char         *op_form_field_get_help            (OpFormField  *self);
gboolean            op_form_field_get_required        (OpFormField  *self);
guint               op_form_field_get_max_length      (OpFormField  *self);
const char         *op_form_field_get_validation      (OpFormField  *self);
const char * const *op_form_field_get_choice_values   (OpFormField  *self);
const char * const *op_form_field_get_choice_labels   (OpFormField  *self);
const char         *op_form_field_get_choice_label    (OpFormField  *self,
                                                       const char   *value);

G_END_DECLS
