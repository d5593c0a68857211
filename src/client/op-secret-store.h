/* op-secret-store.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "op-token.h"

G_BEGIN_DECLS

/* The name of the one libsecret schema of the application. */
#define OP_SECRET_SCHEMA_NAME "io.github.open1688.Open1688.Secret"

/**
 * OpSecretKind:
 * @OP_SECRET_KIND_APP_SECRET: an app's AppSecret (attribute `kind` = `app-secret`)
 * @OP_SECRET_KIND_ACCESS_TOKEN: a member's access token for an app (`access-token`)
 * @OP_SECRET_KIND_REFRESH_TOKEN: the refresh token that goes with it (`refresh-token`)
 * @OP_SECRET_KIND_PLATFORM_SESSION: the session token of the platform console (`platform-session`)
 */
typedef enum
{
  OP_SECRET_KIND_APP_SECRET,
  OP_SECRET_KIND_ACCESS_TOKEN,
  OP_SECRET_KIND_REFRESH_TOKEN,
  OP_SECRET_KIND_PLATFORM_SESSION,
} OpSecretKind;

#define OP_SECRET_ERROR (op_secret_error_quark ())

/**
 * OpSecretError:
 * @OP_SECRET_ERROR_UNAVAILABLE: no Secret Service answers (no session bus, no keyring daemon)
 * @OP_SECRET_ERROR_LOCKED: the keyring is locked and was not unlocked
 * @OP_SECRET_ERROR_CANCELLED_BY_USER: the user dismissed the keyring's prompt
 * @OP_SECRET_ERROR_NOT_FOUND: there is no such secret in the keyring
 *
 * Every message is translated and says what to do. A secret that could not be
 * stored is kept nowhere else: the caller must refuse the operation that needed it.
 */
typedef enum
{
  OP_SECRET_ERROR_UNAVAILABLE,
  OP_SECRET_ERROR_LOCKED,
  OP_SECRET_ERROR_CANCELLED_BY_USER,
  OP_SECRET_ERROR_NOT_FOUND,
} OpSecretError;

#define OP_TYPE_SECRET_STORE (op_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (OpSecretStore, op_secret_store, OP, SECRET_STORE, GObject)

GQuark              op_secret_error_quark              (void);
const SecretSchema *op_secret_store_get_schema         (void);
const char         *op_secret_kind_to_string           (OpSecretKind          kind);
void                op_secret_free                     (char                 *secret);

OpSecretStore      *op_secret_store_new                (void);

void                op_secret_store_store_async        (OpSecretStore        *self,
                                                        OpSecretKind          kind,
                                                        const char           *platform,
                                                        const char           *app_key,
                                                        const char           *account,
                                                        const char           *secret,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean            op_secret_store_store_finish       (OpSecretStore        *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

void                op_secret_store_lookup_async       (OpSecretStore        *self,
                                                        OpSecretKind          kind,
                                                        const char           *platform,
                                                        const char           *app_key,
                                                        const char           *account,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
char               *op_secret_store_lookup_finish      (OpSecretStore        *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

void                op_secret_store_clear_async        (OpSecretStore        *self,
                                                        const char           *platform,
                                                        const char           *app_key,
                                                        const char           *account,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean            op_secret_store_clear_finish       (OpSecretStore        *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

void                op_secret_store_store_token_async  (OpSecretStore        *self,
                                                        const char           *platform,
                                                        const char           *app_key,
                                                        const char           *account,
                                                        OpToken              *token,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean            op_secret_store_store_token_finish (OpSecretStore        *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

void                op_secret_store_lookup_token_async (OpSecretStore        *self,
                                                        const char           *platform,
                                                        const char           *app_key,
                                                        const char           *account,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
OpToken            *op_secret_store_lookup_token_finish (OpSecretStore       *self,
                                                         GAsyncResult        *result,
                                                         char               **account,
                                                         GError             **error);

G_END_DECLS
