/* op-assistant.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-flow.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

#define OP_TYPE_ASSISTANT (op_assistant_get_type())

G_DECLARE_FINAL_TYPE (OpAssistant, op_assistant, OP, ASSISTANT, AdwBin)

OpAssistant  *op_assistant_new              (OpFlow      *flow);
OpFlow       *op_assistant_get_flow         (OpAssistant *self);
OpWizardPage *op_assistant_get_current_page (OpAssistant *self);
guint         op_assistant_get_n_pages      (OpAssistant *self);
void          op_assistant_next_page        (OpAssistant *self);
void          op_assistant_previous_page    (OpAssistant *self);
void          op_assistant_cancel           (OpAssistant *self);

G_END_DECLS
