/* op-token-keeper.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "op-secret-store.h"
#include "op-token.h"

G_BEGIN_DECLS

/* An access token this close to its expiry is renewed before it is used. */
#define OP_TOKEN_KEEPER_DEFAULT_MARGIN (10 * G_TIME_SPAN_MINUTE)

#define OP_TYPE_TOKEN_KEEPER (op_token_keeper_get_type ())

G_DECLARE_FINAL_TYPE (OpTokenKeeper, op_token_keeper, OP, TOKEN_KEEPER, GObject)

OpTokenKeeper *op_token_keeper_new        (SoupSession          *session,
                                           OpSecretStore        *store,
                                           const char           *platform,
                                           const char           *gateway_url);
GTimeSpan      op_token_keeper_get_margin (OpTokenKeeper        *self);
void           op_token_keeper_set_margin (OpTokenKeeper        *self,
                                           GTimeSpan             margin);

void           op_token_keeper_get_async  (OpTokenKeeper        *self,
                                           const char           *app_key,
                                           const char           *app_secret,
                                           const char           *account,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
OpToken       *op_token_keeper_get_finish (OpTokenKeeper        *self,
                                           GAsyncResult         *result,
                                           gboolean             *refreshed,
                                           GError              **error);

G_END_DECLS
