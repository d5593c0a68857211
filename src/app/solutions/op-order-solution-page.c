/* op-order-solution-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-order-solution-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-order-solution-page.h"
#include "op-solutions-util.h"

/* The first step of 订购: what is being ordered, which roles it needs and
 * whether this account has one. When it cannot be ordered, the page owns
 * its forward control (gnome-initial-setup's has-forward): 资质申请 for a
 * missing role, or 入驻 for an account that is not a developer yet. When
 * the wizard was left earlier, it offers to start over.
 */
struct _OpOrderSolutionPage
{
  OpWizardPage          parent_instance;

  char                 *missing_role;
  char                 *not_orderable_code;

  GtkListBox           *resume_list;
  GtkLabel             *name_label;
  GtkLabel             *summary_label;
  GtkBox               *blocked_box;
  GtkLabel             *reason_label;
  GtkButton            *forward_button;
  AdwPreferencesGroup  *roles_group;
  AdwActionRow         *apis_row;
  AdwActionRow         *topics_row;
};

G_DEFINE_FINAL_TYPE (OpOrderSolutionPage, op_order_solution_page, OP_TYPE_WIZARD_PAGE)

static OpOrderFlow *
get_flow (OpOrderSolutionPage *self)
{
  return OP_ORDER_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static void
start_over_clicked_cb (OpOrderSolutionPage *self)
{
  op_order_flow_start_over (get_flow (self));
  gtk_widget_set_visible (GTK_WIDGET (self->resume_list), FALSE);
  op_solutions_toast (GTK_WIDGET (self), _("Started over"));
}

static void
forward_clicked_cb (OpOrderSolutionPage *self)
{
  OpOrderFlow *flow = get_flow (self);

  if (g_strcmp0 (self->not_orderable_code, "not_a_developer") == 0)
    {
      /* 入驻 first: its wizard starts from the overview. */
      op_order_flow_set_next_area (flow, "overview");
      op_flow_cancel (OP_FLOW (flow));
      return;
    }

  op_order_flow_request_role (flow, self->missing_role);
}

static GtkWidget *
role_row_new (const char *name,
              gboolean    held)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (held ? "object-select-symbolic"
                                                       : "window-close-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               held ? _("You have this role") : _("You do not have this role"));
  gtk_widget_add_css_class (icon, held ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  held ? _("Held") : _("Missing"),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

static void
op_order_solution_page_fill (OpOrderSolutionPage *self)
{
  OpOrderFlow *flow = get_flow (self);
  OpSolution *solution = op_order_flow_get_solution (flow);
  guint n_roles = op_solution_get_n_required_roles (solution);
  guint n_missing = 0;
  g_autofree char *apis = NULL;
  g_autofree char *topics = NULL;
  gboolean orderable = op_solution_get_orderable (solution);
  guint n_apis = op_solution_get_n_apis (solution);
  guint n_topics = op_solution_get_n_topics (solution);

  gtk_label_set_label (self->name_label, op_solution_get_name (solution));
  gtk_label_set_label (self->summary_label, op_solution_get_summary (solution));

  for (guint i = 0; i < n_roles; i++)
    {
      gboolean held = op_solution_get_required_role_held (solution, i);

      adw_preferences_group_add (self->roles_group,
                                 role_row_new (op_solution_get_required_role_name (solution, i), held));
      if (!held)
        {
          n_missing++;
          if (self->missing_role == NULL)
            self->missing_role = g_strdup (op_solution_get_required_role_id (solution, i));
        }
    }
  /* Several missing roles: the qualification wizard asks which. */
  if (n_missing > 1)
    g_clear_pointer (&self->missing_role, g_free);

  if (n_apis == 0)
    n_apis = op_solution_get_api_count (solution);
  if (n_topics == 0)
    n_topics = op_solution_get_topic_count (solution);
  apis = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u API, with its documentation",
                                       "%u APIs, with their documentation",
                                       n_apis),
                          n_apis);
  topics = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u message topic", "%u message topics",
                                         n_topics),
                            n_topics);
  adw_action_row_set_subtitle (self->apis_row, apis);
  adw_action_row_set_subtitle (self->topics_row, topics);

  gtk_widget_set_visible (GTK_WIDGET (self->resume_list),
                          orderable && op_order_flow_get_resumed (flow) &&
                          op_order_flow_get_result_app_key (flow) == NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->blocked_box), !orderable);
  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), orderable);
  op_wizard_page_set_has_forward (OP_WIZARD_PAGE (self), !orderable);

  if (!orderable)
    {
      const char *message = op_solution_get_not_orderable_message (solution);

      self->not_orderable_code = g_strdup (op_solution_get_not_orderable_code (solution));
      gtk_label_set_label (self->reason_label,
                           message != NULL ? message : _("Your account may not order this solution."));

      if (g_strcmp0 (self->not_orderable_code, "not_a_developer") == 0)
        gtk_button_set_label (self->forward_button, _("_Join as a Developer"));
      else
        /* Translators: 资质申请 in zh_CN */
        gtk_button_set_label (self->forward_button, _("_Apply for Qualification"));
    }
}

static void
op_order_solution_page_shown (OpWizardPage *page)
{
  OpOrderSolutionPage *self = OP_ORDER_SOLUTION_PAGE (page);

  if (gtk_widget_get_visible (GTK_WIDGET (self->blocked_box)))
    gtk_widget_grab_focus (GTK_WIDGET (self->forward_button));
}

static void
op_order_solution_page_constructed (GObject *object)
{
  OpOrderSolutionPage *self = (OpOrderSolutionPage *)object;

  G_OBJECT_CLASS (op_order_solution_page_parent_class)->constructed (object);

  op_order_solution_page_fill (self);
}

static void
op_order_solution_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_ORDER_SOLUTION_PAGE);

  G_OBJECT_CLASS (op_order_solution_page_parent_class)->dispose (object);
}

static void
op_order_solution_page_finalize (GObject *object)
{
  OpOrderSolutionPage *self = (OpOrderSolutionPage *)object;

  g_clear_pointer (&self->missing_role, g_free);
  g_clear_pointer (&self->not_orderable_code, g_free);

  G_OBJECT_CLASS (op_order_solution_page_parent_class)->finalize (object);
}

static void
op_order_solution_page_class_init (OpOrderSolutionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_order_solution_page_constructed;
  object_class->dispose = op_order_solution_page_dispose;
  object_class->finalize = op_order_solution_page_finalize;

  page_class->shown = op_order_solution_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-order-solution-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, resume_list);
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, blocked_box);
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, reason_label);
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, forward_button);
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, apis_row);
  gtk_widget_class_bind_template_child (widget_class, OpOrderSolutionPage, topics_row);
  gtk_widget_class_bind_template_callback (widget_class, start_over_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, forward_clicked_cb);

  op_solutions_add_enter_binding (widget_class);
}

static void
op_order_solution_page_init (OpOrderSolutionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OpOrderSolutionPage *
op_order_solution_page_new (OpOrderFlow *flow)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_ORDER_SOLUTION_PAGE,
                       "flow", flow,
                       NULL);
}
