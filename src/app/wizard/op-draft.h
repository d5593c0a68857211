/* op-draft.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OP_TYPE_DRAFT (op_draft_get_type())

G_DECLARE_FINAL_TYPE (OpDraft, op_draft, OP, DRAFT, GObject)

OpDraft    *op_draft_new         (const char          *name);
const char *op_draft_get_name    (OpDraft             *self);
char       *op_draft_get_path    (OpDraft             *self);
gboolean    op_draft_is_empty    (OpDraft             *self);
const char *op_draft_get_string  (OpDraft             *self,
                                  const char          *key);
void        op_draft_set_string  (OpDraft             *self,
                                  const char          *key,
                                  const char          *value);
char      **op_draft_list_keys   (OpDraft             *self);
void        op_draft_load_async  (OpDraft             *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean    op_draft_load_finish (OpDraft             *self,
                                  GAsyncResult        *result,
                                  GError             **error);
void        op_draft_flush       (OpDraft             *self);
void        op_draft_discard     (OpDraft             *self);

G_END_DECLS
