/* op-console-private.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-exchange.h"
#include "op-service-private.h"

G_BEGIN_DECLS

/* Session (op-console-account.c) */
void _op_console_session_create      (OpExchange *ex);
void _op_console_session_delete      (OpExchange *ex);
void _op_console_account_get         (OpExchange *ex);
void _op_console_onboarding_sms      (OpExchange *ex);
void _op_console_onboarding_submit   (OpExchange *ex);
void _op_console_sandbox_sms         (OpExchange *ex);

/* Roles and qualifications (op-console-qualifications.c) */
void _op_console_roles_list          (OpExchange *ex);
void _op_console_roles_get           (OpExchange *ex);
void _op_console_qualifications_create (OpExchange *ex);
void _op_console_qualifications_list (OpExchange *ex);
void _op_console_qualifications_get  (OpExchange *ex);
void _op_console_qualifications_update (OpExchange *ex);

/* Solutions (op-console-solutions.c) */
void _op_console_solutions_list      (OpExchange *ex);
void _op_console_solutions_get       (OpExchange *ex);
void _op_console_solutions_order     (OpExchange *ex);

/* Apps (op-console-apps.c) */
void _op_console_apps_list           (OpExchange *ex);
void _op_console_apps_get            (OpExchange *ex);
void _op_console_apps_secret_reset   (OpExchange *ex);
void _op_console_apps_launch         (OpExchange *ex);
void _op_console_apps_listing        (OpExchange *ex);
void _op_console_apps_quota_increase (OpExchange *ex);
void _op_console_apps_usage          (OpExchange *ex);

/* Abilities and orders (op-console-abilities.c) */
void _op_console_abilities_list      (OpExchange *ex);
void _op_console_abilities_get       (OpExchange *ex);
void _op_console_abilities_order     (OpExchange *ex);
void _op_console_abilities_associate (OpExchange *ex);
void _op_console_abilities_usage     (OpExchange *ex);
void _op_console_orders_list         (OpExchange *ex);
void _op_console_orders_get          (OpExchange *ex);
void _op_console_orders_cancel       (OpExchange *ex);

/* Finding one row, and answers listing a collection or giving one item
 * (op-console-common.c). An add function adds one row as an object, with
 * details for one item. */
typedef void       (*OpConsoleAddRowFunc) (OpExchange   *ex,
                                           JsonBuilder  *builder,
                                           OpStmt       *stmt,
                                           gboolean      details);
typedef GPtrArray *(*OpConsoleLoadFunc)   (OpExchange   *ex,
                                           gint64        id,
                                           GError      **error);
typedef gboolean   (*OpConsoleAddFunc)    (OpExchange   *ex,
                                           JsonBuilder  *builder,
                                           gpointer      row,
                                           gboolean      details,
                                           GError      **error);

gboolean _op_console_step_found      (OpExchange          *ex,
                                      OpStmt              *stmt,
                                      const GError        *error);
void     _op_console_reply_stmt_list (OpExchange          *ex,
                                      OpStmt              *stmt,
                                      const GError        *error,
                                      const char          *member,
                                      OpConsoleAddRowFunc  add_row);
void     _op_console_reply_stmt_item (OpExchange          *ex,
                                      guint                status,
                                      OpStmt              *stmt,
                                      const GError        *error,
                                      OpConsoleAddRowFunc  add_row);
void     _op_console_reply_loaded_list (OpExchange        *ex,
                                        const char        *member,
                                        OpConsoleLoadFunc  load,
                                        OpConsoleAddFunc   add);
void     _op_console_reply_loaded_item (OpExchange        *ex,
                                        OpConsoleLoadFunc  load,
                                        OpConsoleAddFunc   add);

/* Shared helpers (op-console-apps.c) */
gboolean _op_console_find_app        (OpExchange  *ex,
                                      const char  *app_key,
                                      gint64      *app_id);
gint64   _op_console_create_app      (OpExchange  *ex,
                                      JsonObject  *new_app,
                                      const char  *prefix,
                                      char       **secret);
gboolean _op_console_add_app         (OpExchange  *ex,
                                      JsonBuilder *builder,
                                      gint64       app_id,
                                      gboolean     details);
gboolean _op_console_read_app_choice (OpExchange  *ex,
                                      const char **app_key,
                                      JsonObject **new_app);
void     _op_console_reply_with_app  (OpExchange  *ex,
                                      JsonBuilder *builder,
                                      gint64       app_id,
                                      const char  *secret);
char    *_op_console_today           (OpExchange  *ex);

/* Shared helpers (op-console-account.c) */
void     _op_console_add_time        (JsonBuilder *builder,
                                      const char  *name,
                                      gint64       unix_seconds);
void     _op_console_add_column_time (JsonBuilder *builder,
                                      const char  *name,
                                      OpStmt      *stmt,
                                      int          column);
void     _op_console_add_column_text (JsonBuilder *builder,
                                      const char  *name,
                                      OpStmt      *stmt,
                                      int          column);
void     _op_console_add_localized_column (OpExchange  *ex,
                                           JsonBuilder *builder,
                                           const char  *name,
                                           OpStmt      *stmt,
                                           int          column);
const char *_op_console_pick         (OpExchange  *ex,
                                      OpStmt      *stmt,
                                      int          column_en,
                                      int          column_zh);
gboolean _op_console_is_developer    (OpExchange  *ex,
                                      char       **developer_type);

G_END_DECLS
