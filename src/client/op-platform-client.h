/* op-platform-client.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "op-ability.h"
#include "op-account.h"
#include "op-app.h"
#include "op-new-app.h"
#include "op-order.h"
#include "op-platform-error.h"
#include "op-qualification.h"
#include "op-role.h"
#include "op-solution.h"
#include "op-solution-order-result.h"
#include "op-usage-day.h"

G_BEGIN_DECLS

/* How long one attempt may take before it fails with OP_PLATFORM_ERROR_TIMEOUT. */
#define OP_PLATFORM_CLIENT_DEFAULT_TIMEOUT 15

#define OP_TYPE_PLATFORM_CLIENT (op_platform_client_get_type ())

G_DECLARE_FINAL_TYPE (OpPlatformClient, op_platform_client, OP, PLATFORM_CLIENT, GObject)

OpPlatformClient *op_platform_client_new                      (SoupSession         *session,
                                                               const char          *base_url);
const char       *op_platform_client_get_base_url             (OpPlatformClient    *self);
SoupSession      *op_platform_client_get_session              (OpPlatformClient    *self);
void              op_platform_client_set_session_token        (OpPlatformClient    *self,
                                                               const char          *token);
gboolean          op_platform_client_get_signed_in            (OpPlatformClient    *self);
guint             op_platform_client_get_timeout_seconds      (OpPlatformClient    *self);
void              op_platform_client_set_timeout_seconds      (OpPlatformClient    *self,
                                                               guint                seconds);
const char       *op_platform_client_get_language             (OpPlatformClient    *self);
void              op_platform_client_set_language             (OpPlatformClient    *self,
                                                               const char          *language);
char             *op_platform_client_build_cashier_url        (OpPlatformClient    *self,
                                                               OpOrder             *order);

/* Session and account */
void              op_platform_client_sign_in_async            (OpPlatformClient    *self,
                                                               const char          *login,
                                                               const char          *password,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpAccount        *op_platform_client_sign_in_finish           (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               char               **token,
                                                               GError             **error);
void              op_platform_client_sign_out_async           (OpPlatformClient    *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean          op_platform_client_sign_out_finish          (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_get_account_async        (OpPlatformClient    *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpAccount        *op_platform_client_get_account_finish       (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* Onboarding (入驻) */
void              op_platform_client_request_sms_code_async   (OpPlatformClient    *self,
                                                               const char          *mobile,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean          op_platform_client_request_sms_code_finish  (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               guint               *resend_after,
                                                               GError             **error);
void              op_platform_client_get_sandbox_sms_async    (OpPlatformClient    *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean          op_platform_client_get_sandbox_sms_finish   (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               char               **code,
                                                               char               **text,
                                                               GError             **error);
void              op_platform_client_submit_onboarding_async  (OpPlatformClient    *self,
                                                               const char          *mobile,
                                                               const char          *sms_code,
                                                               const char          *contact_name,
                                                               const char          *email,
                                                               OpDeveloperType      developer_type,
                                                               const char          *company_name,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpAccount        *op_platform_client_submit_onboarding_finish (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* Roles and qualification applications (资质申请) */
void              op_platform_client_list_roles_async         (OpPlatformClient    *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GListModel       *op_platform_client_list_roles_finish        (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_get_role_async           (OpPlatformClient    *self,
                                                               const char          *role_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpRole           *op_platform_client_get_role_finish          (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_apply_qualification_async (OpPlatformClient    *self,
                                                                const char          *role_id,
                                                                GHashTable          *fields,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
OpQualification  *op_platform_client_apply_qualification_finish (OpPlatformClient    *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void              op_platform_client_list_qualifications_async (OpPlatformClient    *self,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GListModel       *op_platform_client_list_qualifications_finish (OpPlatformClient    *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
void              op_platform_client_get_qualification_async  (OpPlatformClient    *self,
                                                               gint64               qualification_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpQualification  *op_platform_client_get_qualification_finish (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_resubmit_qualification_async (OpPlatformClient    *self,
                                                                   gint64               qualification_id,
                                                                   GHashTable          *fields,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
OpQualification  *op_platform_client_resubmit_qualification_finish (OpPlatformClient    *self,
                                                                    GAsyncResult        *result,
                                                                    GError             **error);

/* Solutions (解决方案) */
void              op_platform_client_list_solutions_async     (OpPlatformClient    *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GListModel       *op_platform_client_list_solutions_finish    (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_get_solution_async       (OpPlatformClient    *self,
                                                               gint64               solution_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpSolution       *op_platform_client_get_solution_finish      (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_order_solution_async     (OpPlatformClient    *self,
                                                               gint64               solution_id,
                                                               const char          *existing_app_key,
                                                               OpNewApp            *new_app,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpSolutionOrderResult *op_platform_client_order_solution_finish (OpPlatformClient    *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

/* Apps (应用) */
void              op_platform_client_list_apps_async          (OpPlatformClient    *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GListModel       *op_platform_client_list_apps_finish         (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_get_app_async            (OpPlatformClient    *self,
                                                               const char          *app_key,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpApp            *op_platform_client_get_app_finish           (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_reset_app_secret_async   (OpPlatformClient    *self,
                                                               const char          *app_key,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
char             *op_platform_client_reset_app_secret_finish  (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_launch_app_async         (OpPlatformClient    *self,
                                                               const char          *app_key,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpApp            *op_platform_client_launch_app_finish        (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_submit_listing_async     (OpPlatformClient    *self,
                                                               const char          *app_key,
                                                               const char          *jushita_account,
                                                               const char          *jushita_instance_id,
                                                               const char          *jushita_region,
                                                               const char          *callback_url,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpApp            *op_platform_client_submit_listing_finish    (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_request_quota_increase_async (OpPlatformClient    *self,
                                                                   const char          *app_key,
                                                                   gint64               daily_limit,
                                                                   const char          *reason,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
OpApp            *op_platform_client_request_quota_increase_finish (OpPlatformClient    *self,
                                                                    GAsyncResult        *result,
                                                                    GError             **error);
void              op_platform_client_get_app_usage_async      (OpPlatformClient    *self,
                                                               const char          *app_key,
                                                               guint                days,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GListModel       *op_platform_client_get_app_usage_finish     (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* Abilities (能力) and orders (我的订单) */
void              op_platform_client_list_abilities_async     (OpPlatformClient    *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GListModel       *op_platform_client_list_abilities_finish    (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_get_ability_async        (OpPlatformClient    *self,
                                                               gint64               ability_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpAbility        *op_platform_client_get_ability_finish       (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_order_ability_async      (OpPlatformClient    *self,
                                                               gint64               ability_id,
                                                               gint64               package_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpOrder          *op_platform_client_order_ability_finish     (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_associate_ability_async  (OpPlatformClient    *self,
                                                               gint64               ability_id,
                                                               const char          *existing_app_key,
                                                               OpNewApp            *new_app,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpApp            *op_platform_client_associate_ability_finish (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               char               **app_secret,
                                                               GError             **error);
void              op_platform_client_get_ability_usage_async  (OpPlatformClient    *self,
                                                               gint64               ability_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpAbilityUsage   *op_platform_client_get_ability_usage_finish (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_list_orders_async        (OpPlatformClient    *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GListModel       *op_platform_client_list_orders_finish       (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_get_order_async          (OpPlatformClient    *self,
                                                               gint64               order_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpOrder          *op_platform_client_get_order_finish         (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void              op_platform_client_cancel_order_async       (OpPlatformClient    *self,
                                                               gint64               order_id,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
OpOrder          *op_platform_client_cancel_order_finish      (OpPlatformClient    *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

G_END_DECLS
