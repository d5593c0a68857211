/* op-secrets.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void      op_secrets_random_bytes    (guint8      *buffer,
                                      gsize        length);
char     *op_secrets_random_token    (void);
char     *op_secrets_random_alnum    (guint        length);
char     *op_secrets_random_digits   (guint        length);
char     *op_secrets_hash_token      (const char  *token);
char     *op_secrets_hash_password   (const char  *password,
                                      GError     **error);
gboolean  op_secrets_check_password  (const char  *password,
                                      const char  *hash);
gboolean  op_secrets_equal           (const char  *a,
                                      const char  *b);

G_END_DECLS
