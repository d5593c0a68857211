/* op-flow.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "op-draft.h"

G_BEGIN_DECLS

#define OP_TYPE_FLOW (op_flow_get_type())

G_DECLARE_DERIVABLE_TYPE (OpFlow, op_flow, OP, FLOW, GObject)

typedef struct _OpWizardPage OpWizardPage;

/* A row of a flow's page table. prepare() returns NULL to leave the page
 * out in the flow's current state (gnome-initial-setup's pattern). */
typedef struct
{
  const char    *id;
  OpWizardPage *(*prepare) (OpFlow *flow);
} OpFlowPageEntry;

struct _OpFlowClass
{
  GObjectClass           parent_class;

  const OpFlowPageEntry *pages;
  guint                  n_pages;

  gpointer _reserved[8];
};

void        op_flow_class_set_pages      (OpFlowClass           *klass,
                                          const OpFlowPageEntry *pages,
                                          guint                  n_pages);
const char *op_flow_get_title            (OpFlow                *self);
OpDraft    *op_flow_get_draft            (OpFlow                *self);
GPtrArray  *op_flow_prepare_pages_after  (OpFlow                *self,
                                          const char            *page_id);
void        op_flow_rebuild_pages        (OpFlow                *self);
void        op_flow_finish               (OpFlow                *self);
void        op_flow_cancel               (OpFlow                *self);

G_END_DECLS
