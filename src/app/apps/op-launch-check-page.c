/* op-launch-check-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-launch-check-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-apps-format.h"
#include "op-launch-check-page.h"

/* The first page of 上线: the platform launches an app that has run for a
 * while, which here means at least one successful API call on record
 * (domain.md §6). The page asks the platform how the app stands, explains
 * what is missing, and stays incomplete until the call is there.
 */
struct _OpLaunchCheckPage
{
  OpWizardPage   parent_instance;

  GCancellable  *cancellable;

  GtkStack      *stack;
  AdwStatusPage *ready_status;
  AdwStatusPage *missing_status;
  AdwStatusPage *error_status;
};

G_DEFINE_FINAL_TYPE (OpLaunchCheckPage, op_launch_check_page, OP_TYPE_WIZARD_PAGE)

static OpAppFlow *
get_flow (OpLaunchCheckPage *self)
{
  return OP_APP_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static void
op_launch_check_page_show (OpLaunchCheckPage *self,
                           OpApp             *app)
{
  g_autofree char *ready = NULL;
  g_autofree char *markup = NULL;

  /* Translators: %s is the app's name */
  ready = g_strdup_printf (_("The platform has a successful API call of “%s” on record, so it may "
                             "be launched. Next, check its information once more."),
                           op_app_get_name (app));
  markup = g_markup_escape_text (ready, -1);
  adw_status_page_set_description (self->ready_status, markup);

  if (op_app_get_has_successful_call (app))
    gtk_stack_set_visible_child_name (self->stack, "ready");
  else
    gtk_stack_set_visible_child_name (self->stack, "missing");

  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), op_app_get_has_successful_call (app));
}

static void
app_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OpLaunchCheckPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpApp) app = NULL;

  app = op_platform_client_get_app_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (app == NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *markup = NULL;

      g_debug ("Could not look at the app: %s", error->message);
      op_connection_report_error (op_app_flow_get_connection (get_flow (self)), error);
      /* Translators: %s is the platform's explanation */
      message = op_apps_error_message (error, _("The platform did not answer about this app: %s"));
      markup = g_markup_escape_text (message, -1);
      adw_status_page_set_description (self->error_status, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
      return;
    }

  op_app_flow_set_app (get_flow (self), app);
  op_launch_check_page_show (self, app);
}

/**
 * op_launch_check_page_check:
 *
 * Asks the platform again whether the app has a successful call on record.
 */
void
op_launch_check_page_check (OpLaunchCheckPage *self)
{
  OpAppFlow *flow;
  OpPlatformClient *client;

  g_return_if_fail (OP_IS_LAUNCH_CHECK_PAGE (self));

  flow = get_flow (self);
  client = op_app_flow_get_client (flow);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "checking");

  if (client == NULL)
    {
      adw_status_page_set_description (self->error_status,
                                       _("The platform is still starting. Try again in a moment."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->cancellable = g_cancellable_new ();
  op_platform_client_get_app_async (client, op_app_get_app_key (op_app_flow_get_app (flow)),
                                    self->cancellable, app_loaded_cb, g_object_ref (self));
}

static void
check_again_cb (OpLaunchCheckPage *self)
{
  op_launch_check_page_check (self);
}

static void
op_launch_check_page_shown (OpWizardPage *page)
{
  op_launch_check_page_check (OP_LAUNCH_CHECK_PAGE (page));
}

static void
op_launch_check_page_dispose (GObject *object)
{
  OpLaunchCheckPage *self = (OpLaunchCheckPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_LAUNCH_CHECK_PAGE);

  G_OBJECT_CLASS (op_launch_check_page_parent_class)->dispose (object);
}

static void
op_launch_check_page_class_init (OpLaunchCheckPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = op_launch_check_page_dispose;

  page_class->shown = op_launch_check_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-launch-check-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpLaunchCheckPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OpLaunchCheckPage, ready_status);
  gtk_widget_class_bind_template_child (widget_class, OpLaunchCheckPage, missing_status);
  gtk_widget_class_bind_template_child (widget_class, OpLaunchCheckPage, error_status);
  gtk_widget_class_bind_template_callback (widget_class, check_again_cb);
}

static void
op_launch_check_page_init (OpLaunchCheckPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  op_wizard_page_advance_on_enter (OP_WIZARD_PAGE (self));
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Ready for Launch?"));
}

OpWizardPage *
op_launch_check_page_new (OpAppFlow *flow)
{
  g_return_val_if_fail (OP_IS_APP_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_LAUNCH_CHECK_PAGE,
                       "flow", flow,
                       NULL);
}
