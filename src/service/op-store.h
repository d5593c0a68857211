/* op-store.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define OP_STORE_ERROR (op_store_error_quark ())

typedef enum
{
  OP_STORE_ERROR_FAILED,
  OP_STORE_ERROR_BUSY,
  OP_STORE_ERROR_CONSTRAINT,
  OP_STORE_ERROR_SCHEMA,
} OpStoreError;

/* The newest schema this build knows; op_store_open() migrates older ones. */
#define OP_STORE_SCHEMA_VERSION 1

/* A prepared statement owned by the store's cache: release it (reset and
 * unbind) when done, which g_autoptr(OpStmt) does. */
typedef sqlite3_stmt OpStmt;

void op_stmt_release (OpStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpStmt, op_stmt_release)

/* Called once a batch of writes is durable (error == NULL) or lost. */
typedef void (*OpStoreBatchFunc) (const GError *error,
                                  gpointer      user_data);

#define OP_TYPE_STORE (op_store_get_type ())

G_DECLARE_FINAL_TYPE (OpStore, op_store, OP, STORE, GObject)

GQuark    op_store_error_quark        (void);
OpStore  *op_store_open               (const char        *path,
                                       GError           **error);
const char *op_store_get_path         (OpStore           *self);
sqlite3  *op_store_get_db             (OpStore           *self);
int       op_store_get_schema_version (OpStore           *self);
gboolean  op_store_is_new             (OpStore           *self);
OpStmt   *op_store_query              (OpStore           *self,
                                       GError           **error,
                                       const char        *sql,
                                       const char        *types,
                                       ...);
int       op_store_step               (OpStore           *self,
                                       OpStmt            *stmt,
                                       GError           **error);
gboolean  op_store_run                (OpStore           *self,
                                       GError           **error,
                                       const char        *sql,
                                       const char        *types,
                                       ...);
gboolean  op_store_exec               (OpStore           *self,
                                       const char        *sql,
                                       GError           **error);
gint64    op_store_last_insert_id     (OpStore           *self);
int       op_store_changes            (OpStore           *self);
gboolean  op_store_begin              (OpStore           *self,
                                       GError           **error);
gboolean  op_store_commit             (OpStore           *self,
                                       GError           **error);
void      op_store_rollback           (OpStore           *self);
gboolean  op_store_in_transaction     (OpStore           *self);
gboolean  op_store_batch_begin_call   (OpStore           *self,
                                       GError           **error);
void      op_store_batch_end_call     (OpStore           *self,
                                       gboolean           keep,
                                       OpStoreBatchFunc   func,
                                       gpointer           user_data);
void      op_store_flush_batch        (OpStore           *self);
guint     op_store_get_batch_size     (OpStore           *self);

G_END_DECLS
