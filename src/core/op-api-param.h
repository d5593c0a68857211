/* op-api-param.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * OpApiParamRequirement:
 * @OP_API_PARAM_OPTIONAL: the parameter may be left out
 * @OP_API_PARAM_REQUIRED: the parameter must be sent
 * @OP_API_PARAM_CONDITIONAL: the parameter is required in some cases only; the
 *   required-note property says which (for example "for authorization_code")
 * @OP_API_PARAM_UNCERTAIN: the sources disagree or do not say
 *
 * Whether an API parameter must be sent, as far as the catalog knows.
 */
typedef enum
{
  OP_API_PARAM_OPTIONAL,
  OP_API_PARAM_REQUIRED,
  OP_API_PARAM_CONDITIONAL,
  OP_API_PARAM_UNCERTAIN,
} OpApiParamRequirement;

#define OP_TYPE_API_PARAM_REQUIREMENT (op_api_param_requirement_get_type ())

GType op_api_param_requirement_get_type (void) G_GNUC_CONST;

#define OP_TYPE_API_PARAM (op_api_param_get_type ())

G_DECLARE_FINAL_TYPE (OpApiParam, op_api_param, OP, API_PARAM, GObject)

/* An OpApiParam is created by the catalog loader only; all properties are read-only.
 * A dotted name ("offerQueryParam.keyword") is a field of the JSON-valued parameter
 * named before the dot. Nullable getters return NULL where the catalog does not know. */
const char            *op_api_param_get_name           (OpApiParam *self);
const char            *op_api_param_get_type_name      (OpApiParam *self);
gboolean               op_api_param_get_required       (OpApiParam *self);
OpApiParamRequirement  op_api_param_get_requirement    (OpApiParam *self);
const char            *op_api_param_get_required_note  (OpApiParam *self);
const char            *op_api_param_get_description    (OpApiParam *self);
const char            *op_api_param_get_description_zh (OpApiParam *self);
const char            *op_api_param_get_description_en (OpApiParam *self);
const char            *op_api_param_get_example        (OpApiParam *self);

G_END_DECLS
