/* op-onboarding-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-connection.h"
#include "op-flow.h"

G_BEGIN_DECLS

#define OP_TYPE_ONBOARDING_FLOW (op_onboarding_flow_get_type())

G_DECLARE_FINAL_TYPE (OpOnboardingFlow, op_onboarding_flow, OP, ONBOARDING_FLOW, OpFlow)

void              op_onboarding_flow_new_async        (OpConnection         *connection,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
OpOnboardingFlow *op_onboarding_flow_new_finish       (GAsyncResult         *result,
                                                       GError              **error);
char             *op_onboarding_flow_get_draft_name   (OpAccount            *account);
OpConnection     *op_onboarding_flow_get_connection   (OpOnboardingFlow     *self);
OpAccount        *op_onboarding_flow_get_account      (OpOnboardingFlow     *self);
void              op_onboarding_flow_set_account      (OpOnboardingFlow     *self,
                                                       OpAccount            *account);
gboolean          op_onboarding_flow_get_resumed      (OpOnboardingFlow     *self);
void              op_onboarding_flow_start_over       (OpOnboardingFlow     *self);
const char       *op_onboarding_flow_get_sms_code     (OpOnboardingFlow     *self);
void              op_onboarding_flow_set_sms_code     (OpOnboardingFlow     *self,
                                                       const char           *sms_code);
const char       *op_onboarding_flow_get_field_error  (OpOnboardingFlow     *self,
                                                       const char           *field);
GHashTable       *op_onboarding_flow_get_field_errors (OpOnboardingFlow     *self);
void              op_onboarding_flow_set_field_errors (OpOnboardingFlow     *self,
                                                       GHashTable           *field_errors);
void              op_onboarding_flow_clear_field_error (OpOnboardingFlow    *self,
                                                       const char           *field);

G_END_DECLS
