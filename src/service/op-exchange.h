/* op-exchange.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "op-messages.h"
#include "op-store.h"

#include "op-json.h"

G_BEGIN_DECLS

/* The largest request body the service reads. */
#define OP_EXCHANGE_MAX_BODY (1024 * 1024)

/* The deepest JSON nesting the service parses (json-glib's parser
 * recurses, so a body of a million '[' would exhaust the stack). */

typedef enum
{
  OP_MEMBER_STRING,
  OP_MEMBER_INTEGER,
  OP_MEMBER_BOOLEAN,
  OP_MEMBER_OBJECT,
} OpMemberType;

/* One member a JSON object may have. A required string must not be empty. */
typedef struct
{
  const char   *name;
  OpMemberType  type;
  gboolean      required;
  guint         max_length;   /* in characters, for strings; 0 = 4096 */
} OpMember;

/* One request of the console API and its answer: what a route handler gets.
 * The dispatcher fills the request side, opens the transaction, calls the
 * handler, and commits only when the answer is a success. */
typedef struct
{
  gpointer           service;     /* the OpService */
  OpStore           *store;
  SoupServerMessage *msg;
  OpLang             lang;
  GPtrArray         *args;        /* the path segments matched by '*' */
  GHashTable        *query;       /* (nullable) */
  JsonObject        *body;        /* (nullable) the parsed JSON object */
  gint64             account_id;  /* 0 without a session */
  char              *session_hash;
  gint64             now;         /* Unix seconds when the request arrived */

  guint              status;
  JsonNode          *answer;
  GHashTable        *field_errors; /* field → reason, in lang */
} OpExchange;

OpExchange *op_exchange_new                (gpointer            service,
                                            OpStore            *store,
                                            SoupServerMessage  *msg);
void        op_exchange_free               (OpExchange         *ex);
const char *op_exchange_arg                (OpExchange         *ex,
                                            guint               index);
gboolean    op_exchange_arg_id             (OpExchange         *ex,
                                            guint               index,
                                            gint64             *id);
void        op_exchange_reply              (OpExchange         *ex,
                                            guint               status,
                                            JsonNode           *answer);
void        op_exchange_reply_builder      (OpExchange         *ex,
                                            guint               status,
                                            JsonBuilder        *builder);
void        op_exchange_fail               (OpExchange         *ex,
                                            const char         *code,
                                            const char         *first_key,
                                            ...);
void        op_exchange_fail_internal      (OpExchange         *ex,
                                            const GError       *error);
void        op_exchange_field_error        (OpExchange         *ex,
                                            const char         *field,
                                            const char         *reason_id,
                                            const char         *first_key,
                                            ...);
gboolean    op_exchange_has_field_errors   (OpExchange         *ex);
void        op_exchange_fail_fields        (OpExchange         *ex);
gboolean    op_exchange_failed             (OpExchange         *ex);
gboolean    op_exchange_check_members      (OpExchange         *ex,
                                            JsonObject         *object,
                                            const char         *prefix,
                                            const OpMember     *members,
                                            guint               n_members);
const char *op_exchange_get_string         (JsonObject         *object,
                                            const char         *name);
char       *op_exchange_dup_trimmed        (JsonObject         *object,
                                            const char         *name);
char       *op_exchange_localized          (OpExchange         *ex,
                                            const char         *pair_json);
char       *op_localized_pair_new          (const char         *id,
                                            const char         *first_key,
                                            ...);
char       *op_localized_pair_new_literal  (const char         *text);
char       *op_format_time                 (gint64              unix_seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpExchange, op_exchange_free)

G_END_DECLS
