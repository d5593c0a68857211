/* op-account.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * OpDeveloperType:
 * @OP_DEVELOPER_TYPE_NONE: not a developer yet (入驻 not done)
 * @OP_DEVELOPER_TYPE_SELF_USE: 企业自用, builds apps for its own business (`self_use`)
 * @OP_DEVELOPER_TYPE_ISV: 服务商, sells apps on the service market (`isv`)
 */
typedef enum
{
  OP_DEVELOPER_TYPE_NONE,
  OP_DEVELOPER_TYPE_SELF_USE,
  OP_DEVELOPER_TYPE_ISV,
} OpDeveloperType;

#define OP_TYPE_DEVELOPER_TYPE (op_developer_type_get_type ())
#define OP_TYPE_ACCOUNT (op_account_get_type ())

GType op_developer_type_get_type (void);

G_DECLARE_FINAL_TYPE (OpAccount, op_account, OP, ACCOUNT, GObject)

OpAccount          *op_account_new_from_json              (JsonObject  *object,
                                                           GError     **error);
const char         *op_account_get_login                  (OpAccount   *self);
const char         *op_account_get_display_name           (OpAccount   *self);
const char         *op_account_get_member_id              (OpAccount   *self);
gint64              op_account_get_ali_id                 (OpAccount   *self);
gboolean            op_account_get_real_name_verified     (OpAccount   *self);
const char         *op_account_get_verification_help_url  (OpAccount   *self);
const char * const *op_account_get_role_ids               (OpAccount   *self);
gboolean            op_account_has_role                   (OpAccount   *self,
                                                           const char  *role_id);
const char         *op_account_get_role_name              (OpAccount   *self,
                                                           const char  *role_id);
gboolean            op_account_get_role_detected          (OpAccount   *self,
                                                           const char  *role_id);
gboolean            op_account_get_is_developer           (OpAccount   *self);
OpDeveloperType     op_account_get_developer_type         (OpAccount   *self);
const char         *op_account_get_contact_name           (OpAccount   *self);
const char         *op_account_get_mobile                 (OpAccount   *self);
const char         *op_account_get_email                  (OpAccount   *self);
const char         *op_account_get_company_name           (OpAccount   *self);
GDateTime          *op_account_get_onboarded_at           (OpAccount   *self);

G_END_DECLS
