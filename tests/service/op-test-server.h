/* op-test-server.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "op-request.h"
#include "op-service.h"

G_BEGIN_DECLS

/* A real OpService on 127.0.0.1:0 with a temporary database, run on its own
 * thread with its own GMainContext (as the desktop app runs it), and a
 * synchronous libsoup client for the test thread. */
typedef struct _OpTestServer OpTestServer;

typedef struct
{
  guint      status;
  JsonNode  *body;        /* NULL when the answer is not JSON */
  char      *text;        /* the raw answer */
  SoupMessageHeaders *headers;
} OpTestAnswer;

OpTestServer *op_test_server_new         (const OpServiceOptions *options);
OpTestServer *op_test_server_new_at      (const char             *db_path,
                                          const OpServiceOptions *options);
void          op_test_server_free        (OpTestServer           *server);
void          op_test_server_restart     (OpTestServer           *server);
const char   *op_test_server_get_url     (OpTestServer           *server);
const char   *op_test_server_get_db_path (OpTestServer           *server);
SoupSession  *op_test_server_get_session (OpTestServer           *server);

OpTestAnswer *op_test_call               (OpTestServer           *server,
                                          const char             *method,
                                          const char             *path,
                                          const char             *token,
                                          const char             *body);
OpTestAnswer *op_test_call_full          (OpTestServer           *server,
                                          const char             *method,
                                          const char             *path,
                                          const char             *token,
                                          const char             *content_type,
                                          const char             *body,
                                          gssize                  body_length,
                                          const char             *accept_language);
void          op_test_answer_free        (OpTestAnswer           *answer);

char         *op_test_login              (OpTestServer           *server,
                                          const char             *login);
char         *op_test_onboard            (OpTestServer           *server,
                                          const char             *login,
                                          const char             *developer_type);
JsonObject   *op_test_create_app         (OpTestServer           *server,
                                          const char             *token,
                                          gint64                  solution_id,
                                          const char             *app_type);

OpTestAnswer *op_test_gateway            (OpTestServer           *server,
                                          OpRequest              *request,
                                          const char             *secret);
char         *op_test_oauth_token        (OpTestServer           *server,
                                          const char             *app_key,
                                          const char             *secret,
                                          const char             *login,
                                          char                  **refresh_token);
void          op_test_wait_for_sql       (OpTestServer           *server,
                                          const char             *sql,
                                          gint64                  expected);

const char   *op_test_string             (JsonNode               *node,
                                          const char             *path);
const char   *op_test_field_error        (JsonNode               *node,
                                          const char             *field);
gint64        op_test_int                (JsonNode               *node,
                                          const char             *path);
gboolean      op_test_bool               (JsonNode               *node,
                                          const char             *path);
JsonNode     *op_test_member             (JsonNode               *node,
                                          const char             *path);
guint         op_test_length             (JsonNode               *node,
                                          const char             *path);
char         *op_test_sql_string         (OpTestServer           *server,
                                          const char             *sql);
gint64        op_test_sql_int            (OpTestServer           *server,
                                          const char             *sql);
void          op_test_sql_exec           (OpTestServer           *server,
                                          const char             *sql);
void          op_test_remove_dir         (const char             *dir);
char         *op_test_db_snapshot        (OpTestServer           *server);

#define op_test_assert_error(answer, expected_status, expected_code) \
  G_STMT_START { \
    g_assert_cmpuint ((answer)->status, ==, (expected_status)); \
    g_assert_cmpstr (op_test_string ((answer)->body, "error.code"), ==, (expected_code)); \
    g_assert_nonnull (op_test_string ((answer)->body, "error.message")); \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpTestAnswer, op_test_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpTestServer, op_test_server_free)

G_END_DECLS
