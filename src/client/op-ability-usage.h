/* op-ability-usage.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OP_TYPE_ABILITY_USAGE (op_ability_usage_get_type ())

G_DECLARE_FINAL_TYPE (OpAbilityUsage, op_ability_usage, OP, ABILITY_USAGE, GObject)

OpAbilityUsage *op_ability_usage_new_from_json        (JsonObject      *object,
                                                       GError         **error);
gint64          op_ability_usage_get_ability_id       (OpAbilityUsage  *self);
gint64          op_ability_usage_get_purchased        (OpAbilityUsage  *self);
gint64          op_ability_usage_get_used             (OpAbilityUsage  *self);
gint64          op_ability_usage_get_left             (OpAbilityUsage  *self);
guint           op_ability_usage_get_n_apps           (OpAbilityUsage  *self);
const char     *op_ability_usage_get_app_key          (OpAbilityUsage  *self,
                                                       guint            position);
const char     *op_ability_usage_get_app_name         (OpAbilityUsage  *self,
                                                       guint            position);
gint64          op_ability_usage_get_app_used         (OpAbilityUsage  *self,
                                                       guint            position);
GDateTime      *op_ability_usage_get_app_associated_at (OpAbilityUsage *self,
                                                       guint            position);
gboolean        op_ability_usage_has_app              (OpAbilityUsage  *self,
                                                       const char      *app_key);

G_END_DECLS
