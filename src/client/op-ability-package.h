/* op-ability-package.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OP_TYPE_ABILITY_PACKAGE (op_ability_package_get_type ())

G_DECLARE_FINAL_TYPE (OpAbilityPackage, op_ability_package, OP, ABILITY_PACKAGE, GObject)

OpAbilityPackage *op_ability_package_new_from_json  (JsonObject        *object,
                                                     GError           **error);
gint64            op_ability_package_get_id         (OpAbilityPackage  *self);
const char       *op_ability_package_get_name       (OpAbilityPackage  *self);
gint64            op_ability_package_get_calls      (OpAbilityPackage  *self);
gint64            op_ability_package_get_price_fen  (OpAbilityPackage  *self);

G_END_DECLS
