/* op-field-error.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-field-error"

#include "config.h"

#include "op-field-error.h"

static void
set_invalid (GtkWidget  *widget,
             gboolean    invalid,
             const char *description)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

/**
 * op_field_error_show:
 * @field: the field's row (an #AdwEntryRow), its text view, or any widget
 * @caption: the label under the field
 * @message: (nullable): what is wrong, or %NULL when the field is fine
 * @help: (nullable): what the caption says when nothing is wrong
 *
 * Marks a field as wrong the same way everywhere: the `error` style on the
 * field and its caption, the reason in the caption, and the accessible
 * INVALID state with the caption's text as the description (on the field
 * and on its text entry, which is what has the keyboard focus).
 */
void
op_field_error_show (GtkWidget  *field,
                     GtkLabel   *caption,
                     const char *message,
                     const char *help)
{
  gboolean invalid = message != NULL && *message != '\0';
  const char *text = invalid ? message : help;

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (caption));

  if (invalid)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_widget_add_css_class (GTK_WIDGET (caption), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (caption), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (caption), "error");
      gtk_widget_add_css_class (GTK_WIDGET (caption), "dim-label");
    }

  gtk_label_set_label (caption, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (caption), text != NULL && *text != '\0');

  set_invalid (field, invalid, text);
  if (GTK_IS_EDITABLE (field) && gtk_editable_get_delegate (GTK_EDITABLE (field)) != NULL)
    set_invalid (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field))), invalid, text);
}
