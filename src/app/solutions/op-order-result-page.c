/* op-order-result-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-order-result-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-order-result-page.h"
#include "op-solutions-util.h"

/* The last page: the order is done. A new app's AppKey and AppSecret are
 * shown this once, with copy buttons; the secret is in the keyring (the
 * commit saved it before this page could show), and the page says where
 * to find it again.
 */
struct _OpOrderResultPage
{
  OpWizardPage  parent_instance;

  GtkLabel     *done_label;
  AdwActionRow *key_row;
  AdwActionRow *secret_row;
  GtkLabel     *secret_note;
};

G_DEFINE_FINAL_TYPE (OpOrderResultPage, op_order_result_page, OP_TYPE_WIZARD_PAGE)

static OpOrderFlow *
get_flow (OpOrderResultPage *self)
{
  return OP_ORDER_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static void
copy_key_clicked_cb (OpOrderResultPage *self)
{
  op_solutions_copy (GTK_WIDGET (self), op_order_flow_get_result_app_key (get_flow (self)),
                     _("AppKey copied"));
}

static void
copy_secret_clicked_cb (OpOrderResultPage *self)
{
  op_solutions_copy (GTK_WIDGET (self), op_order_flow_get_result_secret (get_flow (self)),
                     _("AppSecret copied"));
}

static void
apps_clicked_cb (OpOrderResultPage *self)
{
  OpOrderFlow *flow = get_flow (self);

  op_order_flow_set_next_area (flow, "apps");
  op_flow_finish (OP_FLOW (flow));
}

static void
op_order_result_page_shown (OpWizardPage *page)
{
  OpOrderResultPage *self = OP_ORDER_RESULT_PAGE (page);
  OpOrderFlow *flow = get_flow (self);
  const char *secret = op_order_flow_get_result_secret (flow);
  const char *app_name = op_order_flow_get_result_app_name (flow);
  g_autofree char *done = NULL;

  /* Translators: the first %s is a solution, the second an app's name */
  done = g_strdup_printf (_("%s is ordered for the app %s. The app can call its APIs now; in development it may make 5,000 calls a day."),
                          op_solution_get_name (op_order_flow_get_solution (flow)),
                          app_name != NULL ? app_name : op_order_flow_get_result_app_key (flow));
  gtk_label_set_label (self->done_label, done);

  adw_action_row_set_subtitle (self->key_row, op_order_flow_get_result_app_key (flow));
  adw_action_row_set_subtitle (self->secret_row, secret);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_row), secret != NULL);

  if (secret != NULL)
    gtk_label_set_label (self->secret_note,
                         _("Keep the AppSecret to yourself: it signs your app’s API calls. It is saved in your keyring, and this is the only time it is shown here. To see it again, open the app in My Apps."));
  else if (op_order_flow_get_create_app (flow))
    gtk_label_set_label (self->secret_note,
                         _("The AppSecret was shown when the app was created and saved in your keyring. You can see it in My Apps; if it is missing there, reset it there."));
  else
    gtk_label_set_label (self->secret_note,
                         _("The app keeps its AppKey and AppSecret. You find them in My Apps."));
}

static void
op_order_result_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_ORDER_RESULT_PAGE);

  G_OBJECT_CLASS (op_order_result_page_parent_class)->dispose (object);
}

static void
op_order_result_page_class_init (OpOrderResultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = op_order_result_page_dispose;

  page_class->shown = op_order_result_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-order-result-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOrderResultPage, done_label);
  gtk_widget_class_bind_template_child (widget_class, OpOrderResultPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderResultPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderResultPage, secret_note);
  gtk_widget_class_bind_template_callback (widget_class, copy_key_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_secret_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, apps_clicked_cb);
}

static void
op_order_result_page_init (OpOrderResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OpOrderResultPage *
op_order_result_page_new (OpOrderFlow *flow)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_ORDER_RESULT_PAGE,
                       "flow", flow,
                       NULL);
}
