/* op-order-app-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-order-app-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-order-app-page.h"
#include "op-solutions-util.h"

/* A new app, or one of the account's apps (gnome-initial-setup's local or
 * enterprise account page): choosing changes which pages follow. An app
 * that has the solution already cannot be chosen again.
 */
struct _OpOrderAppPage
{
  OpWizardPage         parent_instance;

  GCancellable        *cancellable;
  GListModel          *apps;
  GtkCheckButton      *no_app_check;
  gboolean             updating;

  AdwActionRow        *new_row;
  AdwActionRow        *existing_row;
  GtkCheckButton      *new_check;
  GtkCheckButton      *existing_check;
  GtkStack            *apps_stack;
  GtkLabel            *error_label;
  AdwPreferencesGroup *apps_group;
  GPtrArray           *app_rows;
};

G_DEFINE_FINAL_TYPE (OpOrderAppPage, op_order_app_page, OP_TYPE_WIZARD_PAGE)

static void op_order_app_page_load (OpOrderAppPage *self);

static OpOrderFlow *
get_flow (OpOrderAppPage *self)
{
  return OP_ORDER_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static OpApp *
find_app (OpOrderAppPage *self,
          const char     *app_key)
{
  for (guint i = 0; self->apps != NULL && i < g_list_model_get_n_items (self->apps); i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (self->apps, i);

      if (g_strcmp0 (op_app_get_app_key (app), app_key) == 0)
        return app;
    }

  return NULL;
}

static void
op_order_app_page_update (OpOrderAppPage *self)
{
  OpOrderFlow *flow = get_flow (self);
  gboolean create = op_order_flow_get_create_app (flow);
  gboolean complete;

  gtk_widget_set_visible (GTK_WIDGET (self->apps_stack), !create);

  if (create)
    complete = TRUE;
  else
    {
      OpApp *app = find_app (self, op_order_flow_get_existing_app_key (flow));
      gint64 solution_id = op_solution_get_id (op_order_flow_get_solution (flow));

      complete = app != NULL && !op_app_has_solution (app, solution_id);
    }

  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), complete);
}

static void
choice_toggled_cb (OpOrderAppPage *self)
{
  if (self->updating)
    return;

  if (gtk_check_button_get_active (self->new_check))
    op_order_flow_set_create_app (get_flow (self), TRUE);
  else if (gtk_check_button_get_active (self->existing_check))
    op_order_flow_set_create_app (get_flow (self), FALSE);

  op_order_app_page_update (self);
}

static void
app_toggled_cb (GtkCheckButton *check,
                OpOrderAppPage *self)
{
  if (self->updating || !gtk_check_button_get_active (check))
    return;

  op_order_flow_set_existing_app_key (get_flow (self), gtk_widget_get_name (GTK_WIDGET (check)));
  op_order_app_page_update (self);
}

static void
op_order_app_page_clear_rows (OpOrderAppPage *self)
{
  for (guint i = 0; i < self->app_rows->len; i++)
    adw_preferences_group_remove (self->apps_group, g_ptr_array_index (self->app_rows, i));
  g_ptr_array_set_size (self->app_rows, 0);
}

static void
op_order_app_page_fill (OpOrderAppPage *self)
{
  OpOrderFlow *flow = get_flow (self);
  gint64 solution_id = op_solution_get_id (op_order_flow_get_solution (flow));
  const char *chosen = op_order_flow_get_existing_app_key (flow);
  guint n_apps = g_list_model_get_n_items (self->apps);
  guint n_free = 0;

  self->updating = TRUE;
  op_order_app_page_clear_rows (self);

  for (guint i = 0; i < n_apps; i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (self->apps, i);
      gboolean has = op_app_has_solution (app, solution_id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = NULL;

      if (has)
        /* Translators: %s is an AppKey */
        subtitle = g_strdup_printf (_("AppKey %s · has this solution already"), op_app_get_app_key (app));
      else
        /* Translators: %s is an AppKey */
        subtitle = g_strdup_printf (_("AppKey %s"), op_app_get_app_key (app));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), op_app_get_name (app));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (check, op_app_get_app_key (app));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      op_app_get_name (app), -1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Radio buttons, even for one app: the group has a hidden "none". */
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->no_app_check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !has && g_strcmp0 (chosen, op_app_get_app_key (app)) == 0);
      g_signal_connect (check, "toggled", G_CALLBACK (app_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_sensitive (row, !has);

      adw_preferences_group_add (self->apps_group, row);
      g_ptr_array_add (self->app_rows, row);
      n_free += has ? 0 : 1;
    }

  if (n_apps == 0)
    adw_action_row_set_subtitle (self->existing_row, _("You have no apps yet."));
  else if (n_free == 0)
    adw_action_row_set_subtitle (self->existing_row, _("All your apps have this solution already."));
  else
    adw_action_row_set_subtitle (self->existing_row, NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->existing_row), n_free > 0);
  if (n_free == 0 && !op_order_flow_get_create_app (flow))
    {
      gtk_check_button_set_active (self->new_check, TRUE);
      self->updating = FALSE;
      op_order_flow_set_create_app (flow, TRUE);
    }

  self->updating = FALSE;
  gtk_stack_set_visible_child_name (self->apps_stack, "list");
  op_order_app_page_update (self);
}

static void
apps_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpOrderAppPage) self = user_data;
  g_autoptr(GListModel) apps = NULL;
  g_autoptr(GError) error = NULL;

  apps = op_platform_client_list_apps_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (apps == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      op_connection_report_error (op_order_flow_get_connection (get_flow (self)), error);
      gtk_label_set_label (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->apps_stack, "error");
      /* A new app does not need the list. */
      gtk_widget_set_visible (GTK_WIDGET (self->apps_stack), TRUE);
      return;
    }

  g_set_object (&self->apps, apps);
  op_order_flow_set_apps (get_flow (self), apps);
  op_order_app_page_fill (self);
}

static void
op_order_app_page_load (OpOrderAppPage *self)
{
  OpConnection *connection = op_order_flow_get_connection (get_flow (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->apps_stack, "loading");
  op_platform_client_list_apps_async (op_connection_get_client (connection),
                                      self->cancellable,
                                      apps_loaded_cb,
                                      g_object_ref (self));
}

static void
retry_clicked_cb (OpOrderAppPage *self)
{
  op_order_app_page_load (self);
}

static void
op_order_app_page_shown (OpWizardPage *page)
{
  OpOrderAppPage *self = OP_ORDER_APP_PAGE (page);

  if (gtk_check_button_get_active (self->existing_check))
    gtk_widget_grab_focus (GTK_WIDGET (self->existing_check));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->new_check));
}

static void
op_order_app_page_constructed (GObject *object)
{
  OpOrderAppPage *self = (OpOrderAppPage *)object;
  OpOrderFlow *flow;

  G_OBJECT_CLASS (op_order_app_page_parent_class)->constructed (object);

  flow = get_flow (self);
  self->updating = TRUE;
  if (op_order_flow_get_create_app (flow))
    gtk_check_button_set_active (self->new_check, TRUE);
  else
    gtk_check_button_set_active (self->existing_check, TRUE);
  self->updating = FALSE;

  op_order_app_page_update (self);
  op_order_app_page_load (self);
}

static void
op_order_app_page_dispose (GObject *object)
{
  OpOrderAppPage *self = (OpOrderAppPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->apps);
  if (self->app_rows != NULL)
    g_ptr_array_set_size (self->app_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_ORDER_APP_PAGE);

  G_OBJECT_CLASS (op_order_app_page_parent_class)->dispose (object);
}

static void
op_order_app_page_finalize (GObject *object)
{
  OpOrderAppPage *self = (OpOrderAppPage *)object;

  g_clear_pointer (&self->app_rows, g_ptr_array_unref);
  g_clear_object (&self->no_app_check);

  G_OBJECT_CLASS (op_order_app_page_parent_class)->finalize (object);
}

static void
op_order_app_page_class_init (OpOrderAppPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_order_app_page_constructed;
  object_class->dispose = op_order_app_page_dispose;
  object_class->finalize = op_order_app_page_finalize;

  page_class->shown = op_order_app_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-order-app-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOrderAppPage, new_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderAppPage, existing_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderAppPage, new_check);
  gtk_widget_class_bind_template_child (widget_class, OpOrderAppPage, existing_check);
  gtk_widget_class_bind_template_child (widget_class, OpOrderAppPage, apps_stack);
  gtk_widget_class_bind_template_child (widget_class, OpOrderAppPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, OpOrderAppPage, apps_group);
  gtk_widget_class_bind_template_callback (widget_class, choice_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  op_solutions_add_enter_binding (widget_class);
}

static void
op_order_app_page_init (OpOrderAppPage *self)
{
  self->app_rows = g_ptr_array_new ();
  self->no_app_check = g_object_ref_sink (GTK_CHECK_BUTTON (gtk_check_button_new ()));

  gtk_widget_init_template (GTK_WIDGET (self));
}

OpOrderAppPage *
op_order_app_page_new (OpOrderFlow *flow)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_ORDER_APP_PAGE,
                       "flow", flow,
                       NULL);
}
