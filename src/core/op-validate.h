/* op-validate.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OP_VALIDATE_ERROR (op_validate_error_quark ())

typedef enum
{
  OP_VALIDATE_ERROR_EMPTY,
  OP_VALIDATE_ERROR_INVALID,
} OpValidateError;

GQuark   op_validate_error_quark     (void);
gboolean op_validate_platform_url    (const char  *url,
                                      GError     **error);

G_END_DECLS
