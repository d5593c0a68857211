/* op-html.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The platform's own pages (authorize, cashier) are zh_CN, as on 1688. */

char *op_html_page          (const char *title,
                             const char *body_html);
char *op_html_hidden_fields (GHashTable *fields);
char *op_html_form_value    (GHashTable *form,
                             const char *name);

G_END_DECLS
