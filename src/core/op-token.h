/* op-token.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A refresh token can be postponed (postponeToken) this close to its expiry. */
#define OP_TOKEN_POSTPONE_WINDOW (30 * G_TIME_SPAN_DAY)

#define OP_TOKEN_ERROR (op_token_error_quark ())

typedef enum
{
  OP_TOKEN_ERROR_MALFORMED,      /* not JSON, or not a JSON object */
  OP_TOKEN_ERROR_REFUSED,        /* the answer is an error answer of the token API */
  OP_TOKEN_ERROR_MISSING_FIELD,  /* a required member is absent */
  OP_TOKEN_ERROR_INVALID_FIELD,  /* a member has the wrong type or an impossible value */
} OpTokenError;

#define OP_TYPE_TOKEN (op_token_get_type ())

G_DECLARE_FINAL_TYPE (OpToken, op_token, OP, TOKEN, GObject)

GQuark       op_token_error_quark                (void);

OpToken     *op_token_new_from_json              (const char  *data,
                                                  gssize       length,
                                                  GDateTime   *now,
                                                  GError     **error);
OpToken     *op_token_new_from_object            (JsonObject  *object,
                                                  GDateTime   *now,
                                                  GError     **error);

const char  *op_token_get_access_token           (OpToken     *self);
const char  *op_token_get_refresh_token          (OpToken     *self);
const char  *op_token_get_resource_owner         (OpToken     *self);
const char  *op_token_get_ali_id                 (OpToken     *self);
const char  *op_token_get_member_id              (OpToken     *self);
gint64       op_token_get_expires_in             (OpToken     *self);
GDateTime   *op_token_get_expires_at             (OpToken     *self);
GDateTime   *op_token_get_refresh_token_expires_at (OpToken   *self);
gboolean     op_token_is_expired                 (OpToken     *self,
                                                  GDateTime   *now);
gboolean     op_token_can_postpone               (OpToken     *self,
                                                  GDateTime   *now);

GDateTime   *op_token_parse_time                 (const char  *text,
                                                  GError     **error);

G_END_DECLS
