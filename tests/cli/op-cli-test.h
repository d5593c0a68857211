/* op-cli-test.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The seeded sandbox member every test uses, and the solution it orders: 采购订单管理, with
 * alibaba.category.get (no token needed) and alibaba.trade.getBuyerOrderList (token
 * needed). */
#define OP_CLI_TEST_MEMBER       "merchant"
#define OP_CLI_TEST_PASSWORD     "sandbox"
#define OP_CLI_TEST_SOLUTION_ID  "1703167400001"
#define OP_CLI_TEST_PLAIN_API    "com.alibaba.product:alibaba.category.get-1"
#define OP_CLI_TEST_TOKEN_API    "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1"
#define OP_CLI_TEST_SCHEMA       "io.github.open1688.Open1688.Secret"

/* One run of open1688-cli. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} OpCliRun;

void         op_cli_run_clear             (OpCliRun            *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OpCliRun, op_cli_run_clear)

void         op_cli_test_setup            (gboolean             with_keyring);
void         op_cli_test_teardown         (void);
const char  *op_cli_test_get_scratch      (void);

char        *op_cli_test_sandbox_start    (const char          *db_path);

GSubprocess *op_cli_test_spawn            (GSubprocessFlags     flags,
                                           const char * const  *env,
                                           const char * const  *args);
void         op_cli_test_run              (OpCliRun            *run,
                                           const char          *input,
                                           const char * const  *env,
                                           const char * const  *args);
void         op_cli_test_assert_clean     (OpCliRun            *run,
                                           const char          *secret);

SoupSession *op_cli_test_browser_new      (void);
GBytes      *op_cli_test_http             (SoupSession         *session,
                                           const char          *method,
                                           const char          *url,
                                           const char          *form,
                                           guint               *status,
                                           char               **location);
JsonObject  *op_cli_test_console          (const char          *base_url,
                                           const char          *token,
                                           const char          *method,
                                           const char          *path,
                                           const char          *json_body,
                                           guint               *status);
char        *op_cli_test_become_developer (const char          *base_url);
char        *op_cli_test_order_app        (const char          *base_url,
                                           const char          *console_token,
                                           char               **app_secret);

char        *op_cli_test_keyring_lookup   (const char          *kind,
                                           const char          *platform,
                                           const char          *app_key,
                                           const char          *account);
void         op_cli_test_keyring_store    (const char          *kind,
                                           const char          *platform,
                                           const char          *app_key,
                                           const char          *account,
                                           const char * const  *extra,
                                           const char          *secret);
void         op_cli_test_keyring_clear    (const char          *kind,
                                           const char          *platform,
                                           const char          *app_key);
char        *op_cli_test_find_in_files    (const char          *needle);
guint        op_cli_test_count_sessions   (void);

G_END_DECLS
