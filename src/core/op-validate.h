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

/**
 * OpValidateError:
 * @OP_VALIDATE_ERROR_EMPTY: nothing was entered
 * @OP_VALIDATE_ERROR_INVALID: the text does not have the required form
 * @OP_VALIDATE_ERROR_TOO_SHORT: too few characters (or digits)
 * @OP_VALIDATE_ERROR_TOO_LONG: too many characters (or digits)
 * @OP_VALIDATE_ERROR_BAD_CHARACTER: a character that is not allowed
 *   (a space, a forbidden letter, a full-width character, …)
 * @OP_VALIDATE_ERROR_CHECKSUM: a check character does not match the rest
 * @OP_VALIDATE_ERROR_INSECURE: a plain http:// address where https:// is required
 *
 * Every error of this domain carries a translated message for the user
 * saying what is wrong and how to fix it, written for non-technical merchants.
 */
typedef enum
{
  OP_VALIDATE_ERROR_EMPTY,
  OP_VALIDATE_ERROR_INVALID,
  OP_VALIDATE_ERROR_TOO_SHORT,
  OP_VALIDATE_ERROR_TOO_LONG,
  OP_VALIDATE_ERROR_BAD_CHARACTER,
  OP_VALIDATE_ERROR_CHECKSUM,
  OP_VALIDATE_ERROR_INSECURE,
} OpValidateError;

/** OP_VALIDATE_USCC_LENGTH: a 统一社会信用代码 has exactly this many characters */
#define OP_VALIDATE_USCC_LENGTH       18
/** OP_VALIDATE_APP_KEY_LENGTH: an AppKey is a number of this many digits (domain.md [ours]) */
#define OP_VALIDATE_APP_KEY_LENGTH    7
/** OP_VALIDATE_APP_NAME_MIN/MAX: app name length in Unicode characters, after trimming [ours] */
#define OP_VALIDATE_APP_NAME_MIN      2
#define OP_VALIDATE_APP_NAME_MAX      32
/** OP_VALIDATE_EMAIL_MAX: longest e-mail address, in bytes (RFC 5321 path limit minus <>) */
#define OP_VALIDATE_EMAIL_MAX         254

GQuark    op_validate_error_quark      (void);

gboolean  op_validate_platform_url     (const char  *url,
                                        GError     **error);
gboolean  op_validate_uscc             (const char  *code,
                                        GError     **error);
gboolean  op_validate_uscc_check_char  (const char  *first17,
                                        char        *check_char);
gboolean  op_validate_mobile           (const char  *mobile,
                                        GError     **error);
char     *op_validate_normalize_mobile (const char  *mobile);
gboolean  op_validate_email            (const char  *email,
                                        GError     **error);
gboolean  op_validate_https_url        (const char  *url,
                                        GError     **error);
gboolean  op_validate_app_name         (const char  *name,
                                        GError     **error);
gboolean  op_validate_app_key          (const char  *app_key,
                                        GError     **error);
char     *op_validate_strip            (const char  *text);

G_END_DECLS
