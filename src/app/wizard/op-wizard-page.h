/* op-wizard-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-flow.h"

G_BEGIN_DECLS

#define OP_TYPE_WIZARD_PAGE (op_wizard_page_get_type())

G_DECLARE_DERIVABLE_TYPE (OpWizardPage, op_wizard_page, OP, WIZARD_PAGE, AdwBin)

struct _OpWizardPageClass
{
  AdwBinClass parent_class;

  /* Work to do when the user presses Next. Return FALSE when there is
   * nothing asynchronous to do (the assistant moves on at once), or TRUE and
   * call op_wizard_page_apply_complete() later. */
  gboolean (*apply)     (OpWizardPage *self,
                         GCancellable *cancellable);

  /* The commit at the end of a flow, run page by page in order; each calls
   * op_wizard_page_save_complete(). Pages without one are skipped. */
  void     (*save_data) (OpWizardPage *self,
                         GCancellable *cancellable);

  /* The page became the visible one: focus its first field. */
  void     (*shown)     (OpWizardPage *self);

  gpointer _reserved[8];
};

OpFlow     *op_wizard_page_get_flow          (OpWizardPage  *self);
const char *op_wizard_page_get_title         (OpWizardPage  *self);
void        op_wizard_page_set_title         (OpWizardPage  *self,
                                              const char    *title);
const char *op_wizard_page_get_next_label    (OpWizardPage  *self);
void        op_wizard_page_set_next_label    (OpWizardPage  *self,
                                              const char    *next_label);
gboolean    op_wizard_page_get_complete      (OpWizardPage  *self);
void        op_wizard_page_set_complete      (OpWizardPage  *self,
                                              gboolean       complete);
gboolean    op_wizard_page_get_has_forward   (OpWizardPage  *self);
void        op_wizard_page_set_has_forward   (OpWizardPage  *self,
                                              gboolean       has_forward);
gboolean    op_wizard_page_get_can_go_back   (OpWizardPage  *self);
void        op_wizard_page_set_can_go_back   (OpWizardPage  *self,
                                              gboolean       can_go_back);
gboolean    op_wizard_page_get_applying      (OpWizardPage  *self);
gboolean    op_wizard_page_has_save_data     (OpWizardPage  *self);

void        op_wizard_page_apply_begin       (OpWizardPage  *self);
void        op_wizard_page_apply_cancel      (OpWizardPage  *self);
void        op_wizard_page_apply_complete    (OpWizardPage  *self,
                                              gboolean       valid);
void        op_wizard_page_save_data_begin   (OpWizardPage  *self);
void        op_wizard_page_save_complete     (OpWizardPage  *self,
                                              const GError  *error);
void        op_wizard_page_shown             (OpWizardPage  *self);
void        op_wizard_page_request_next      (OpWizardPage  *self);
void        op_wizard_page_advance_on_enter  (OpWizardPage  *self);

G_END_DECLS
