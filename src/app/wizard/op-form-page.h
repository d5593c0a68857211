/* op-form-page.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-form-field.h"
#include "op-wizard-page.h"

G_BEGIN_DECLS

/* The most an image field may hold, decoded: the platform's limit. */
#define OP_FORM_PAGE_IMAGE_MAX_BYTES (512 * 1024)

#define OP_TYPE_FORM_PAGE (op_form_page_get_type())

G_DECLARE_FINAL_TYPE (OpFormPage, op_form_page, OP, FORM_PAGE, OpWizardPage)

OpFormPage  *op_form_page_new                (OpFlow       *flow,
                                              const char   *title,
                                              const char   *description,
                                              const char   *draft_prefix,
                                              GListModel   *fields);
GListModel  *op_form_page_get_fields         (OpFormPage   *self);
const char  *op_form_page_get_draft_prefix   (OpFormPage   *self);
char        *op_form_page_dup_value          (OpFormPage   *self,
                                              const char   *name);
void         op_form_page_set_value          (OpFormPage   *self,
                                              const char   *name,
                                              const char   *value);
void         op_form_page_seed               (OpFormPage   *self,
                                              GHashTable   *values);
GHashTable  *op_form_page_get_values         (OpFormPage   *self);
char        *op_form_page_dup_display_value  (OpFormPage   *self,
                                              const char   *name);
void         op_form_page_set_image_file     (OpFormPage   *self,
                                              const char   *name,
                                              GFile        *file);
void         op_form_page_show_field_errors  (OpFormPage   *self,
                                              GHashTable   *fields);
const char  *op_form_page_get_field_error    (OpFormPage   *self,
                                              const char   *name);
GtkWidget   *op_form_page_get_field_widget   (OpFormPage   *self,
                                              const char   *name);
gboolean     op_form_page_validate_now       (OpFormPage   *self);

G_END_DECLS
