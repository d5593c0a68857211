/* op-field-checks.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-wizard-page.h"

G_BEGIN_DECLS

typedef struct _OpFieldChecks OpFieldChecks;

/* The problem of @field as it is now (a newly allocated sentence), or NULL. */
typedef char *(*OpFieldCheckFunc) (OpWizardPage *page,
                                   guint         field);

/* Shows @message under @field, or the field's help when it is NULL. */
typedef void  (*OpFieldShowFunc)  (OpWizardPage *page,
                                   guint         field,
                                   const char   *message);

OpFieldChecks *op_field_checks_new                (OpWizardPage        *page,
                                                   guint                n_fields,
                                                   const char * const  *server_names,
                                                   OpFieldCheckFunc     check,
                                                   OpFieldShowFunc      show);
void           op_field_checks_free               (OpFieldChecks       *self);
void           op_field_checks_validate           (OpFieldChecks       *self);
void           op_field_checks_edited             (OpFieldChecks       *self,
                                                   guint                field);
void           op_field_checks_touch              (OpFieldChecks       *self,
                                                   guint                field);
void           op_field_checks_touch_all          (OpFieldChecks       *self);
void           op_field_checks_set_touched        (OpFieldChecks       *self,
                                                   guint                field,
                                                   gboolean             touched);
void           op_field_checks_set_server_errors  (OpFieldChecks       *self,
                                                   GHashTable          *errors);
gboolean       op_field_checks_has_server_error   (OpFieldChecks       *self,
                                                   guint                field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpFieldChecks, op_field_checks_free)

G_END_DECLS
