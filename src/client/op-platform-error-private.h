/* op-platform-error-private.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-platform-error.h"

G_BEGIN_DECLS

GError *_op_platform_error_new_from_answer (const char   *base_url,
                                            guint         status,
                                            const char   *retry_after,
                                            GBytes       *body);
GError *_op_platform_error_new_network     (const char   *base_url,
                                            const GError *cause);
GError *_op_platform_error_new_timeout     (const char   *base_url);
GError *_op_platform_error_new_bad_answer  (const char   *base_url);

G_END_DECLS
