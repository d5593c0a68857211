/* op-app-confirm-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-app-confirm-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-app-confirm-page.h"
#include "op-apps-format.h"

/* The second confirmation the platform asks for before 上线 and 上架: the
 * app's basic information and what the wizard will send, shown again, and
 * a check box. Its save_data submits the application.
 */
struct _OpAppConfirmPage
{
  OpWizardPage         parent_instance;

  GPtrArray           *rows;           /* rows added to the groups */

  GtkLabel            *intro_label;
  AdwPreferencesGroup *app_group;
  AdwPreferencesGroup *summary_group;
  GtkCheckButton      *confirm_check;
};

G_DEFINE_FINAL_TYPE (OpAppConfirmPage, op_app_confirm_page, OP_TYPE_WIZARD_PAGE)

static OpAppFlow *
get_flow (OpAppConfirmPage *self)
{
  return OP_APP_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static void
add_row (OpAppConfirmPage    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : "—");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
op_app_confirm_page_clear_rows (OpAppConfirmPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }

  g_ptr_array_set_size (self->rows, 0);
}

static void
op_app_confirm_page_update (OpAppConfirmPage *self)
{
  OpAppFlow *flow = get_flow (self);
  OpApp *app = op_app_flow_get_app (flow);
  g_auto(GStrv) summary = op_app_flow_get_summary (flow);
  g_autoptr(GString) solutions = g_string_new (NULL);

  op_app_confirm_page_clear_rows (self);

  if (app == NULL)
    return;

  for (guint i = 0; i < op_app_get_n_solutions (app); i++)
    {
      if (i > 0)
        g_string_append_c (solutions, '\n');
      g_string_append (solutions, op_app_get_solution_name (app, i));
    }

  add_row (self, self->app_group, _("App name"), op_app_get_name (app));
  add_row (self, self->app_group, "AppKey", op_app_get_app_key (app));
  add_row (self, self->app_group, _("Type"), op_apps_app_type_label (op_app_get_app_type (app)));
  add_row (self, self->app_group, _("Description"), op_app_get_description (app));
  if (op_app_flow_get_kind (flow) != OP_APP_FLOW_LISTING)
    add_row (self, self->app_group, _("Callback address"), op_app_get_callback_url (app));
  add_row (self, self->app_group, _("Solutions"), solutions->str);

  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), summary != NULL && summary[0] != NULL);
  for (guint i = 0; summary != NULL && summary[i] != NULL && summary[i + 1] != NULL; i += 2)
    add_row (self, self->summary_group, summary[i], summary[i + 1]);
}

static void
confirm_toggled_cb (OpAppConfirmPage *self)
{
  op_wizard_page_set_complete (OP_WIZARD_PAGE (self),
                               gtk_check_button_get_active (self->confirm_check));
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpAppConfirmPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpApp) app = NULL;

  app = op_app_flow_submit_finish (OP_APP_FLOW (object), result, &error);
  if (app == NULL)
    {
      g_autoptr(GError) shown = NULL;
      g_autofree char *message = NULL;
      const char *format;

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The platform refused the application: %s", error->message);

      if (op_app_flow_get_kind (OP_APP_FLOW (object)) == OP_APP_FLOW_LISTING)
        /* Translators: %s is the platform's explanation */
        format = _("The platform did not accept the listing: %s");
      else
        /* Translators: %s is the platform's explanation */
        format = _("The platform did not accept the launch request: %s");

      if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION))
        /* Translators: the page before has the fields with the platform's reasons */
        message = g_strdup (_("The platform found information that is not valid. Go back to see the "
                              "reason under each field, correct it, then submit again."));
      else
        message = op_apps_error_message (error, format);

      shown = g_error_new_literal (error->domain, error->code, message);
      op_wizard_page_save_complete (OP_WIZARD_PAGE (self), shown);
      return;
    }

  op_wizard_page_set_can_go_back (OP_WIZARD_PAGE (self), FALSE);
  op_wizard_page_save_complete (OP_WIZARD_PAGE (self), NULL);
}

static void
op_app_confirm_page_save_data (OpWizardPage *page,
                               GCancellable *cancellable)
{
  op_app_flow_submit_async (OP_APP_FLOW (op_wizard_page_get_flow (page)), cancellable,
                            submitted_cb, g_object_ref (page));
}

static void
op_app_confirm_page_shown (OpWizardPage *page)
{
  OpAppConfirmPage *self = OP_APP_CONFIRM_PAGE (page);

  /* What the pages before collected may have changed. */
  op_app_confirm_page_update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_check));
}

static void
op_app_confirm_page_constructed (GObject *object)
{
  OpAppConfirmPage *self = (OpAppConfirmPage *)object;
  OpAppFlow *flow;

  G_OBJECT_CLASS (op_app_confirm_page_parent_class)->constructed (object);

  flow = get_flow (self);

  if (op_app_flow_get_kind (flow) == OP_APP_FLOW_LISTING)
    {
      op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Confirm and Submit for Sale"));
      /* Translators: 提交售卖 */
      op_wizard_page_set_next_label (OP_WIZARD_PAGE (self), _("_Submit for Sale"));
      gtk_label_set_label (self->intro_label,
                           _("Check the information once more. The platform checks it, then the "
                             "listing continues on the 1688 service market."));
      adw_preferences_group_set_title (self->summary_group, _("Jushita and Authorization"));
    }
  else
    {
      op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Confirm and Submit for Launch"));
      /* Translators: 提交上线 */
      op_wizard_page_set_next_label (OP_WIZARD_PAGE (self), _("_Submit for Launch"));
      gtk_label_set_label (self->intro_label,
                           _("Check the app’s basic information once more: this is what the "
                             "platform reviews. Once launched, the app may make 100,000 calls a "
                             "day."));
    }

  g_signal_connect_object (flow, "notify::app", G_CALLBACK (op_app_confirm_page_update), self,
                           G_CONNECT_SWAPPED);
  op_app_confirm_page_update (self);
}

static void
op_app_confirm_page_dispose (GObject *object)
{
  OpAppConfirmPage *self = (OpAppConfirmPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_APP_CONFIRM_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (op_app_confirm_page_parent_class)->dispose (object);
}

static void
op_app_confirm_page_class_init (OpAppConfirmPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_app_confirm_page_constructed;
  object_class->dispose = op_app_confirm_page_dispose;

  page_class->save_data = op_app_confirm_page_save_data;
  page_class->shown = op_app_confirm_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-app-confirm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpAppConfirmPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, OpAppConfirmPage, app_group);
  gtk_widget_class_bind_template_child (widget_class, OpAppConfirmPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, OpAppConfirmPage, confirm_check);
  gtk_widget_class_bind_template_callback (widget_class, confirm_toggled_cb);
}

static void
op_app_confirm_page_init (OpAppConfirmPage *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  op_wizard_page_advance_on_enter (OP_WIZARD_PAGE (self));
}

OpWizardPage *
op_app_confirm_page_new (OpAppFlow *flow)
{
  g_return_val_if_fail (OP_IS_APP_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_APP_CONFIRM_PAGE,
                       "flow", flow,
                       NULL);
}
