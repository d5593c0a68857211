/* op-field-checks.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-field-checks"

#include "config.h"

#include "op-field-checks.h"

/* The checks of a wizard page's fixed fields, as the user goes: a field
 * shows its problem once the user has been through it (left it, pressed
 * Enter, or it came back from a draft); while the user types, a new problem
 * waits for a pause, and one already shown is updated at once. The
 * platform's own reason for a field, from a refused submission, comes
 * first until the field is edited. Next waits until no field has a
 * problem, shown or not.
 */
#define VALIDATE_DELAY_MS 600

struct _OpFieldChecks
{
  OpWizardPage       *page;
  guint               n_fields;
  const char * const *server_names;
  OpFieldCheckFunc    check;
  OpFieldShowFunc     show;
  char              **server_errors;
  gboolean           *touched;
  gboolean           *showing;
  guint               validate_source;
};

/**
 * op_field_checks_new:
 * @page: the page whose fields are checked (not referenced: the page owns
 *   the checks)
 * @n_fields: how many fields, numbered from 0
 * @server_names: the platform's name of each field, for its reasons
 * @check: the local check of a field
 * @show: shows a field's problem
 */
OpFieldChecks *
op_field_checks_new (OpWizardPage       *page,
                     guint               n_fields,
                     const char * const *server_names,
                     OpFieldCheckFunc    check,
                     OpFieldShowFunc     show)
{
  OpFieldChecks *self;

  g_return_val_if_fail (OP_IS_WIZARD_PAGE (page), NULL);
  g_return_val_if_fail (server_names != NULL, NULL);

  self = g_new0 (OpFieldChecks, 1);
  self->page = page;
  self->n_fields = n_fields;
  self->server_names = server_names;
  self->check = check;
  self->show = show;
  self->server_errors = g_new0 (char *, n_fields);
  self->touched = g_new0 (gboolean, n_fields);
  self->showing = g_new0 (gboolean, n_fields);

  return self;
}

void
op_field_checks_free (OpFieldChecks *self)
{
  if (self == NULL)
    return;

  g_clear_handle_id (&self->validate_source, g_source_remove);
  for (guint field = 0; field < self->n_fields; field++)
    g_free (self->server_errors[field]);
  g_free (self->server_errors);
  g_free (self->touched);
  g_free (self->showing);
  g_free (self);
}

/* The platform's reason first; the local problem once the user has been
 * through the field, except a new one while the user types in it. */
static const char *
shown_message (OpFieldChecks *self,
               guint          field,
               const char    *problem,
               gboolean       typing)
{
  if (self->server_errors[field] != NULL)
    return self->server_errors[field];
  if (!self->touched[field] || (typing && !self->showing[field]))
    return NULL;
  return problem;
}

static void
op_field_checks_validate_typing (OpFieldChecks *self,
                                 guint          typing)
{
  gboolean complete = TRUE;

  for (guint field = 0; field < self->n_fields; field++)
    {
      g_autofree char *problem = self->check (self->page, field);
      const char *shown;

      if (problem != NULL || self->server_errors[field] != NULL)
        complete = FALSE;

      shown = shown_message (self, field, problem, field == typing);
      self->showing[field] = shown != NULL;
      self->show (self->page, field, shown);
    }

  op_wizard_page_set_complete (self->page, complete);
}

/**
 * op_field_checks_validate:
 *
 * Checks every field now, shows the problems of those the user has been
 * through, and tells the page whether it is complete.
 */
void
op_field_checks_validate (OpFieldChecks *self)
{
  g_return_if_fail (self != NULL);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  op_field_checks_validate_typing (self, self->n_fields);
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  OpFieldChecks *self = user_data;

  self->validate_source = 0;
  op_field_checks_validate_typing (self, self->n_fields);

  return G_SOURCE_REMOVE;
}

/**
 * op_field_checks_edited:
 * @field: the field the user changed
 *
 * The user typed in @field: the platform's reason, about the old value,
 * goes; a new problem shows after a pause.
 */
void
op_field_checks_edited (OpFieldChecks *self,
                        guint          field)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < self->n_fields);

  g_clear_pointer (&self->server_errors[field], g_free);
  self->touched[field] = TRUE;
  op_field_checks_validate_typing (self, field);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (VALIDATE_DELAY_MS, validate_timeout_cb, self);
}

/**
 * op_field_checks_touch:
 * @field: the field the user left, or pressed Enter in
 *
 * Shows the problem of @field at once.
 */
void
op_field_checks_touch (OpFieldChecks *self,
                       guint          field)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < self->n_fields);

  self->touched[field] = TRUE;
  op_field_checks_validate (self);
}

/**
 * op_field_checks_touch_all:
 *
 * Shows the problem of every field at once, as when the user asks to go on.
 */
void
op_field_checks_touch_all (OpFieldChecks *self)
{
  g_return_if_fail (self != NULL);

  for (guint field = 0; field < self->n_fields; field++)
    self->touched[field] = TRUE;
  op_field_checks_validate (self);
}

/**
 * op_field_checks_set_touched:
 *
 * Says whether the problem of @field shows without the user going through
 * it (a value that came back from a draft does), until the next
 * op_field_checks_validate().
 */
void
op_field_checks_set_touched (OpFieldChecks *self,
                             guint          field,
                             gboolean       touched)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < self->n_fields);

  self->touched[field] = !!touched;
}

/**
 * op_field_checks_set_server_errors:
 * @errors: (nullable): the platform's reasons, by its field names
 *
 * Replaces the platform's reasons; op_field_checks_validate() shows them.
 */
void
op_field_checks_set_server_errors (OpFieldChecks *self,
                                   GHashTable    *errors)
{
  g_return_if_fail (self != NULL);

  for (guint field = 0; field < self->n_fields; field++)
    {
      const char *reason = errors != NULL ? g_hash_table_lookup (errors, self->server_names[field]) : NULL;

      g_free (self->server_errors[field]);
      self->server_errors[field] = g_strdup (reason);
    }
}

gboolean
op_field_checks_has_server_error (OpFieldChecks *self,
                                  guint          field)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field < self->n_fields, FALSE);

  return self->server_errors[field] != NULL;
}
