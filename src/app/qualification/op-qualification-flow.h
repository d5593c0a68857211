/* op-qualification-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-connection.h"
#include "op-flow.h"
#include "op-form-page.h"

G_BEGIN_DECLS

#define OP_TYPE_QUALIFICATION_FLOW (op_qualification_flow_get_type())

G_DECLARE_FINAL_TYPE (OpQualificationFlow, op_qualification_flow, OP, QUALIFICATION_FLOW, OpFlow)

OpQualificationFlow *op_qualification_flow_new                  (OpConnection         *connection,
                                                                 const char           *role_id,
                                                                 const char * const   *candidates);
OpConnection        *op_qualification_flow_get_connection       (OpQualificationFlow  *self);
const char * const  *op_qualification_flow_get_candidates       (OpQualificationFlow  *self);
void                 op_qualification_flow_load_async           (OpQualificationFlow  *self,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean             op_qualification_flow_load_finish          (OpQualificationFlow  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
gboolean             op_qualification_flow_get_resumed          (OpQualificationFlow  *self);
void                 op_qualification_flow_start_over           (OpQualificationFlow  *self);
const char          *op_qualification_flow_get_role_id          (OpQualificationFlow  *self);
gboolean             op_qualification_flow_get_role_is_fixed    (OpQualificationFlow  *self);
void                 op_qualification_flow_choose_role          (OpQualificationFlow  *self,
                                                                 const char           *role_id);
OpRole              *op_qualification_flow_get_role             (OpQualificationFlow  *self);
OpQualification     *op_qualification_flow_get_previous         (OpQualificationFlow  *self);
void                 op_qualification_flow_set_role             (OpQualificationFlow  *self,
                                                                 OpRole               *role,
                                                                 OpQualification      *previous);
OpFormPage          *op_qualification_flow_get_form_page        (OpQualificationFlow  *self);
void                 op_qualification_flow_submit_async         (OpQualificationFlow  *self,
                                                                 GCancellable         *cancellable,
                                                                 GAsyncReadyCallback   callback,
                                                                 gpointer              user_data);
gboolean             op_qualification_flow_submit_finish        (OpQualificationFlow  *self,
                                                                 GAsyncResult         *result,
                                                                 GError              **error);
OpQualification     *op_qualification_flow_get_result           (OpQualificationFlow  *self);
void                 op_qualification_flow_set_result           (OpQualificationFlow  *self,
                                                                 OpQualification      *result);
void                 op_qualification_flow_request_resubmit     (OpQualificationFlow  *self);

G_END_DECLS
