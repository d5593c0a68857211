/* op-order-confirm-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-order-confirm-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-order-confirm-page.h"
#include "op-solutions-util.h"

/* What will be ordered, for which app; its save_data is the commit (see
 * op-order-flow.c), run by the assistant when the user chooses Order.
 */
struct _OpOrderConfirmPage
{
  OpWizardPage  parent_instance;

  AdwActionRow *solution_row;
  AdwActionRow *app_row;
  AdwActionRow *type_row;
  AdwActionRow *callback_row;
  GtkLabel     *note_label;
};

G_DEFINE_FINAL_TYPE (OpOrderConfirmPage, op_order_confirm_page, OP_TYPE_WIZARD_PAGE)

static OpOrderFlow *
get_flow (OpOrderConfirmPage *self)
{
  return OP_ORDER_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static void
op_order_confirm_page_fill (OpOrderConfirmPage *self)
{
  OpOrderFlow *flow = get_flow (self);
  OpFormPage *info = op_order_flow_get_app_info_page (flow);
  g_autofree char *app = NULL;
  g_autofree char *type = NULL;
  g_autofree char *callback = NULL;

  adw_action_row_set_subtitle (self->solution_row,
                               op_solution_get_name (op_order_flow_get_solution (flow)));

  if (op_order_flow_get_result_app_key (flow) != NULL)
    {
      /* Translators: %s is an app's name, the second an AppKey */
      app = g_strdup_printf (_("%s (AppKey %s), ordered already"),
                             op_order_flow_get_result_app_name (flow) != NULL
                             ? op_order_flow_get_result_app_name (flow) : "",
                             op_order_flow_get_result_app_key (flow));
      gtk_label_set_label (self->note_label,
                           _("The solution was ordered when you were here last time. Choose Order to see the result."));
    }
  else if (info != NULL)
    {
      g_autofree char *name = op_form_page_dup_display_value (info, "name");

      /* Translators: %s is the name of the app about to be created */
      app = g_strdup_printf (_("A new app: %s"), name != NULL ? name : "");
      type = op_form_page_dup_display_value (info, "app_type");
      callback = op_form_page_dup_display_value (info, "callback_url");
      gtk_label_set_label (self->note_label,
                           _("The platform creates the app and issues its AppKey and AppSecret. The AppSecret is shown once, on the next page, and saved in your keyring."));
    }
  else
    {
      OpApp *existing = op_order_flow_get_existing_app (flow);

      if (existing != NULL)
        /* Translators: %s is an app's name, the second an AppKey */
        app = g_strdup_printf (_("%s (AppKey %s)"), op_app_get_name (existing), op_app_get_app_key (existing));
      else
        app = g_strdup (op_order_flow_get_existing_app_key (flow));
      gtk_label_set_label (self->note_label,
                           _("The app can call the solution’s APIs as soon as the order is done. Its AppKey and AppSecret do not change."));
    }

  adw_action_row_set_subtitle (self->app_row, app);
  adw_action_row_set_subtitle (self->type_row, type);
  gtk_widget_set_visible (GTK_WIDGET (self->type_row), type != NULL);
  adw_action_row_set_subtitle (self->callback_row, callback);
  gtk_widget_set_visible (GTK_WIDGET (self->callback_row), callback != NULL);
}

static void
op_order_confirm_page_shown (OpWizardPage *page)
{
  op_order_confirm_page_fill (OP_ORDER_CONFIRM_PAGE (page));
}

static void
committed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpOrderConfirmPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!op_order_flow_commit_finish (OP_ORDER_FLOW (object), result, &error))
    g_debug ("The order did not complete: %s", error->message);

  op_wizard_page_save_complete (OP_WIZARD_PAGE (self), error);
}

static void
op_order_confirm_page_save_data (OpWizardPage *page,
                                 GCancellable *cancellable)
{
  op_order_flow_commit_async (get_flow (OP_ORDER_CONFIRM_PAGE (page)), cancellable,
                              committed_cb, g_object_ref (page));
}

static void
op_order_confirm_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_ORDER_CONFIRM_PAGE);

  G_OBJECT_CLASS (op_order_confirm_page_parent_class)->dispose (object);
}

static void
op_order_confirm_page_class_init (OpOrderConfirmPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = op_order_confirm_page_dispose;

  page_class->shown = op_order_confirm_page_shown;
  page_class->save_data = op_order_confirm_page_save_data;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-order-confirm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOrderConfirmPage, solution_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderConfirmPage, app_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderConfirmPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderConfirmPage, callback_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderConfirmPage, note_label);

  op_solutions_add_enter_binding (widget_class);
}

static void
op_order_confirm_page_init (OpOrderConfirmPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OpOrderConfirmPage *
op_order_confirm_page_new (OpOrderFlow *flow)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_ORDER_CONFIRM_PAGE,
                       "flow", flow,
                       NULL);
}
