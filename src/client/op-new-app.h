/* op-new-app.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "op-app.h"

G_BEGIN_DECLS

#define OP_TYPE_NEW_APP (op_new_app_get_type ())

G_DECLARE_FINAL_TYPE (OpNewApp, op_new_app, OP, NEW_APP, GObject)

OpNewApp   *op_new_app_new              (const char  *name,
                                         const char  *description,
                                         OpAppType    app_type,
                                         const char  *callback_url);
const char *op_new_app_get_name         (OpNewApp    *self);
const char *op_new_app_get_description  (OpNewApp    *self);
OpAppType   op_new_app_get_app_type     (OpNewApp    *self);
const char *op_new_app_get_callback_url (OpNewApp    *self);
JsonNode   *op_new_app_to_json          (OpNewApp    *self);

G_END_DECLS
