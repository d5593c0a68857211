/* op-ability.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "op-ability-package.h"
#include "op-ability-usage.h"

G_BEGIN_DECLS

#define OP_TYPE_ABILITY (op_ability_get_type ())

G_DECLARE_FINAL_TYPE (OpAbility, op_ability, OP, ABILITY, GObject)

OpAbility        *op_ability_new_from_json    (JsonObject  *object,
                                               GError     **error);
gint64            op_ability_get_id           (OpAbility   *self);
const char       *op_ability_get_name         (OpAbility   *self);
const char       *op_ability_get_summary      (OpAbility   *self);
const char       *op_ability_get_description  (OpAbility   *self);
GListModel       *op_ability_get_packages     (OpAbility   *self);
OpAbilityPackage *op_ability_lookup_package   (OpAbility   *self,
                                               gint64       package_id);
OpAbilityUsage   *op_ability_get_usage        (OpAbility   *self);
guint             op_ability_get_n_apis       (OpAbility   *self);
const char       *op_ability_get_api_id       (OpAbility   *self,
                                               guint        position);
const char       *op_ability_get_api_title    (OpAbility   *self,
                                               guint        position);

G_END_DECLS
