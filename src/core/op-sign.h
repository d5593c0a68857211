/* op-sign.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The parameter that carries the signature; it is never part of what is signed. */
#define OP_SIGN_PARAM_NAME "_aop_signature"

/* Length of a signature: 40 upper-case hexadecimal digits of an HMAC-SHA1. */
#define OP_SIGN_SIGNATURE_LENGTH 40

char     *op_sign_string_to_sign (const char         *url_path,
                                  const char * const *keys,
                                  const char * const *values,
                                  guint               n_params);
char     *op_sign_hmac_sha1_hex  (const char         *app_secret,
                                  const char         *message,
                                  gssize              length);
char     *op_sign_signature      (const char         *url_path,
                                  const char * const *keys,
                                  const char * const *values,
                                  guint               n_params,
                                  const char         *app_secret);
gboolean  op_sign_verify         (const char         *url_path,
                                  const char * const *keys,
                                  const char * const *values,
                                  guint               n_params,
                                  const char         *app_secret,
                                  const char         *signature);
int       op_sign_compare_utf16  (const char         *a,
                                  gsize               a_len,
                                  const char         *b,
                                  gsize               b_len);

G_END_DECLS
