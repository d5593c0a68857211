/* op-field-error.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void op_field_error_show (GtkWidget  *field,
                          GtkLabel   *caption,
                          const char *message,
                          const char *help);

G_END_DECLS
