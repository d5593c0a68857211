/* op-messages.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of one answer, chosen per request from Accept-Language
 * (the service answers in either language whatever its own locale). */
typedef enum
{
  OP_LANG_EN,
  OP_LANG_ZH_CN,
} OpLang;

typedef struct
{
  const char *code;        /* snake_case, the API's error code */
  guint       http_status;
  const char *en;          /* N_() marked */
  const char *zh_cn;
} OpServiceErrorInfo;

OpLang                    op_lang_from_accept_language (const char  *header);
const char               *op_lang_to_string            (OpLang       lang);
const OpServiceErrorInfo *op_service_error_lookup      (const char  *code);
const char               *op_message_text              (const char  *id,
                                                        OpLang       lang);
char                     *op_message_format            (const char  *id,
                                                        OpLang       lang,
                                                        const char  *first_key,
                                                        ...);
char                     *op_message_format_valist     (const char  *id,
                                                        OpLang       lang,
                                                        const char  *first_key,
                                                        va_list      args);
char                     *op_message_substitute        (const char  *text,
                                                        const char  *first_key,
                                                        va_list      args);

G_END_DECLS
