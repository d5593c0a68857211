/* op-onboarding-fields.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding"

#include "config.h"

#include <glib/gi18n.h>

#include "op-assistant.h"
#include "op-onboarding-private.h"
#include "op-platform-error.h"

/* Helpers the onboarding pages share: one way to show a field's problem,
 * one way to put an error in words. */

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
 * _op_onboarding_show_field_error:
 * @row: the field's row (an #AdwEntryRow, or any row)
 * @caption: the label under the row
 * @message: (nullable): what is wrong, or %NULL when the field is fine
 * @hint: (nullable): what the caption says when nothing is wrong
 *
 * Marks a field as wrong the same way everywhere: the `error` style on the
 * row, the reason in the caption under it, and the accessible INVALID state
 * with the reason as the description (on the row and on its text entry, which
 * is what has the keyboard focus).
 */
void
_op_onboarding_show_field_error (GtkWidget  *row,
                                 GtkLabel   *caption,
                                 const char *message,
                                 const char *hint)
{
  gboolean invalid = message != NULL && *message != '\0';
  const char *text = invalid ? message : hint;

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_LABEL (caption));

  if (invalid)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_add_css_class (GTK_WIDGET (caption), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (caption), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (caption), "error");
      gtk_widget_add_css_class (GTK_WIDGET (caption), "dim-label");
    }

  gtk_label_set_label (caption, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (caption), text != NULL && *text != '\0');

  set_invalid (row, invalid, text);
  if (GTK_IS_EDITABLE (row) && gtk_editable_get_delegate (GTK_EDITABLE (row)) != NULL)
    set_invalid (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row))), invalid, text);
}

/**
 * _op_onboarding_describe_error:
 *
 * Returns: (transfer full): what went wrong, in words for the user
 */
char *
_op_onboarding_describe_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  /* The platform client's messages are already translated and say what to
   * do next (the platform's own explanation comes with a lead-in). */
  if (error->domain == OP_PLATFORM_ERROR)
    return g_strdup (error->message);

  g_warning ("Onboarding failed: %s (%s, %d)", error->message,
             g_quark_to_string (error->domain), error->code);

  /* Translators: %s is the system's explanation of a failure */
  return g_strdup_printf (_("Something went wrong: %s"), error->message);
}

/**
 * _op_onboarding_go_back_to:
 * @page: a page of the running wizard
 * @page_name: the name of an earlier page ("mobile")
 *
 * Goes back (as the Back button does) until @page_name is the current
 * page: after the platform refused a field, the user lands on the page
 * where it can be corrected.
 */
void
_op_onboarding_go_back_to (GtkWidget  *page,
                           const char *page_name)
{
  GtkWidget *ancestor = gtk_widget_get_ancestor (page, OP_TYPE_ASSISTANT);
  OpAssistant *assistant;

  if (ancestor == NULL)
    return;

  assistant = OP_ASSISTANT (ancestor);
  for (;;)
    {
      OpWizardPage *current = op_assistant_get_current_page (assistant);

      if (current == NULL || g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (current)), page_name) == 0)
        return;

      op_assistant_previous_page (assistant);
      if (op_assistant_get_current_page (assistant) == current)
        return;
    }
}

static gboolean
enter_pressed_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* A button, a link or an entry keeps its own Enter. */
  if (focus != NULL && (GTK_IS_BUTTON (focus) || GTK_IS_EDITABLE (focus) ||
                        gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL))
    return FALSE;

  if (!op_wizard_page_get_complete (OP_WIZARD_PAGE (widget)))
    return FALSE;

  op_wizard_page_request_next (OP_WIZARD_PAGE (widget));
  return TRUE;
}

/**
 * _op_onboarding_enter_advances:
 * @page: a page without a last field to press Enter in
 *
 * Enter anywhere in @page (but on a button or in an entry) goes on when
 * the page is complete, as Enter in the last field of a form does.
 */
void
_op_onboarding_enter_advances (GtkWidget *page)
{
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;
  GtkShortcutAction *action = gtk_callback_action_new (enter_pressed_cb, NULL, NULL);

  g_return_if_fail (OP_IS_WIZARD_PAGE (page));

  controller = gtk_shortcut_controller_new ();
  /* Before a list row takes the key for itself. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, action));
  gtk_widget_add_controller (page, controller);
}
