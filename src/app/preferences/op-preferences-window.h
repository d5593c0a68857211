/* op-preferences-window.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-application.h"

G_BEGIN_DECLS

#define OP_TYPE_PREFERENCES_WINDOW (op_preferences_window_get_type())

G_DECLARE_FINAL_TYPE (OpPreferencesWindow, op_preferences_window, OP, PREFERENCES_WINDOW, AdwPreferencesWindow)

OpPreferencesWindow *op_preferences_window_new (OpApplication *application);

G_END_DECLS
