/* op-solutions-util.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-solutions-util"

#include "config.h"

#include <glib/gi18n.h>

#include "op-solutions-util.h"
#include "op-wizard-page.h"
#include "op-window.h"

/* Small things the pages of the solutions area and its wizards share. */

/**
 * op_solutions_toast:
 *
 * Shows @text as a toast in the window @widget is in.
 */
void
op_solutions_toast (GtkWidget  *widget,
                    const char *text)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  root = gtk_widget_get_root (widget);
  if (OP_IS_WINDOW (root))
    {
      /* A toast's title is markup. */
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      op_window_add_toast (OP_WINDOW (root), adw_toast_new (escaped));
    }
}

/**
 * op_solutions_copy:
 * @toast: what to say once copied, such as "AppKey copied"
 *
 * Copies @text to the clipboard.
 */
void
op_solutions_copy (GtkWidget  *widget,
                   const char *text,
                   const char *toast)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  op_solutions_toast (widget, toast != NULL ? toast : _("Copied"));
}

static void
uri_shown_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWidget) widget = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      g_debug ("Could not open a web page: %s", error->message);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        op_solutions_toast (widget, _("The web browser could not be opened."));
    }
}

/**
 * op_solutions_show_uri:
 *
 * Opens @uri in the web browser.
 */
void
op_solutions_show_uri (GtkWidget  *widget,
                       const char *uri)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (uri != NULL);

  root = gtk_widget_get_root (widget);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, uri_shown_cb, g_object_ref (widget));
}

/**
 * op_solutions_review_state_name:
 *
 * Returns: the platform's name of a review state: 审核中, 已通过, 已驳回
 */
const char *
op_solutions_review_state_name (OpReviewState state)
{
  switch (state)
    {
    case OP_REVIEW_STATE_PENDING:
      /* Translators: 审核中 */
      return _("Under review");

    case OP_REVIEW_STATE_APPROVED:
      /* Translators: 已通过 */
      return _("Approved");

    case OP_REVIEW_STATE_REJECTED:
      /* Translators: 已驳回 */
      return _("Rejected");

    case OP_REVIEW_STATE_NONE:
    default:
      /* Translators: no application has been made */
      return _("Not applied for");
    }
}

static gboolean
enter_pressed_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  op_wizard_page_request_next (OP_WIZARD_PAGE (widget));

  return TRUE;
}

/**
 * op_solutions_add_enter_binding:
 *
 * For a wizard page without entries: Enter goes on when the page is
 * complete (a focused button or check button takes Enter first).
 */
void
op_solutions_add_enter_binding (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), OP_TYPE_WIZARD_PAGE));

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, enter_pressed_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, enter_pressed_cb, NULL);
}
