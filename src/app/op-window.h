/* op-window.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-application.h"
#include "op-flow.h"

G_BEGIN_DECLS

#define OP_TYPE_WINDOW (op_window_get_type())

G_DECLARE_FINAL_TYPE (OpWindow, op_window, OP, WINDOW, AdwApplicationWindow)

OpWindow   *op_window_new              (OpApplication *application);
const char *op_window_get_visible_area (OpWindow      *self);
void        op_window_show_area        (OpWindow      *self,
                                        const char    *area);
void        op_window_run_flow         (OpWindow      *self,
                                        OpFlow        *flow);
void        op_window_add_toast        (OpWindow      *self,
                                        AdwToast      *toast);
void        op_window_notify           (OpWindow      *self,
                                        const char    *title,
                                        const char    *body);

G_END_DECLS
