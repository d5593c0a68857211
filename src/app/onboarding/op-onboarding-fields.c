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

/* Helpers the onboarding pages share: one way to put an error in words,
 * and going back to the page where a refused field can be corrected. */

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
