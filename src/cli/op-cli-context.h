/* op-cli-context.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "op-endpoints.h"
#include "op-platform-client.h"
#include "op-secret-store.h"

G_BEGIN_DECLS

/* What the commands that talk to a platform share: the global options (--platform,
 * --gateway), the HTTP session, the keyring, the platform (the built-in sandbox started
 * in-process on demand, or a platform URL), and a way to wait for an asynchronous result
 * by running the main context. */
typedef struct _OpCliContext OpCliContext;

OpCliContext     *op_cli_context_new                 (void);
void              op_cli_context_free                (OpCliContext        *self);

gboolean          op_cli_context_set_platform        (OpCliContext        *self,
                                                      const char          *url,
                                                      GError             **error);
gboolean          op_cli_context_set_gateway         (OpCliContext        *self,
                                                      const char          *name,
                                                      GError             **error);
GOptionGroup     *op_cli_context_new_main_group      (OpCliContext        *self,
                                                      const GOptionEntry  *entries);

gboolean          op_cli_context_get_builtin         (OpCliContext        *self);
OpGatewayKind     op_cli_context_get_gateway_kind    (OpCliContext        *self);
const char       *op_cli_context_get_platform_id     (OpCliContext        *self);
const char       *op_cli_context_get_secret_platform (OpCliContext        *self);
char             *op_cli_context_describe_platform   (OpCliContext        *self);
char             *op_cli_context_describe_gateway    (OpCliContext        *self);
char             *op_cli_context_command_hint        (OpCliContext        *self,
                                                      const char          *command);
GCancellable     *op_cli_context_get_cancellable     (OpCliContext        *self);
SoupSession      *op_cli_context_get_session         (OpCliContext        *self);
OpSecretStore    *op_cli_context_get_secret_store    (OpCliContext        *self);

gboolean          op_cli_context_start_platform      (OpCliContext        *self,
                                                      GError             **error);
const char       *op_cli_context_get_base_url        (OpCliContext        *self);
OpPlatformClient *op_cli_context_get_platform_client (OpCliContext        *self);
char             *op_cli_context_get_gateway_url     (OpCliContext        *self);
char             *op_cli_context_get_auth_url        (OpCliContext        *self);

void              op_cli_context_result_cb           (GObject             *object,
                                                      GAsyncResult        *result,
                                                      gpointer             user_data);
void              op_cli_context_wait                (OpCliContext        *self,
                                                      GAsyncResult       **result);

char             *op_cli_context_lookup_session      (OpCliContext        *self,
                                                      GError             **error);
gboolean          op_cli_context_clear_sessions      (OpCliContext        *self,
                                                      GError             **error);

/* Helpers for the commands' input and output. */
int               op_cli_usage_error                 (const char          *prgname,
                                                      const char          *message);
int               op_cli_fail                        (const char          *prgname,
                                                      const char          *message);
int               op_cli_fail_error                  (const char          *prgname,
                                                      const GError        *error);
char             *op_cli_argument_to_utf8            (const char          *arg);
gboolean          op_cli_check_app_key               (const char          *app_key,
                                                      char               **message);
char             *op_cli_read_secret                 (const char          *prompt,
                                                      gsize               *length,
                                                      GError             **error);
void              op_cli_wipe                        (char                *data,
                                                      gsize                length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpCliContext, op_cli_context_free)

G_END_DECLS
