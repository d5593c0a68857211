/* op-qualification-intro-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-qualification-intro-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-qualification-intro-page.h"
#include "op-solutions-util.h"

/* The first step of 资质申请: which role (chosen here when the flow was
 * not given one), what it is, what the form will ask, and whether an
 * application is possible: not for a role the account has, nor while one
 * is under review (审核中); a rejected one (已驳回) is resubmitted. Loads
 * the roles (with their forms) from the platform, and the rejected
 * application's values.
 */
struct _OpQualificationIntroPage
{
  OpWizardPage         parent_instance;

  GCancellable        *cancellable;
  GListModel          *roles;
  GPtrArray           *choice_rows;
  GPtrArray           *need_rows;
  gboolean             updating;

  GtkListBox          *resume_list;
  GtkStack            *state_stack;
  GtkLabel            *error_label;
  AdwPreferencesGroup *choose_group;
  GtkLabel            *role_label;
  GtkLabel            *description_label;
  GtkLabel            *status_label;
  AdwPreferencesGroup *needs_group;
};

G_DEFINE_FINAL_TYPE (OpQualificationIntroPage, op_qualification_intro_page, OP_TYPE_WIZARD_PAGE)

static void op_qualification_intro_page_load (OpQualificationIntroPage *self);
static void op_qualification_intro_page_show_role (OpQualificationIntroPage *self);

static OpQualificationFlow *
get_flow (OpQualificationIntroPage *self)
{
  return OP_QUALIFICATION_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static OpRole *
find_role (OpQualificationIntroPage *self,
           const char               *role_id)
{
  for (guint i = 0; self->roles != NULL && i < g_list_model_get_n_items (self->roles); i++)
    {
      g_autoptr(OpRole) role = g_list_model_get_item (self->roles, i);

      if (g_strcmp0 (op_role_get_id (role), role_id) == 0)
        return role;
    }

  return NULL;
}

static void
start_over_clicked_cb (OpQualificationIntroPage *self)
{
  op_qualification_flow_start_over (get_flow (self));
  gtk_widget_set_visible (GTK_WIDGET (self->resume_list), FALSE);
  op_solutions_toast (GTK_WIDGET (self), _("Started over"));
}

static void
retry_clicked_cb (OpQualificationIntroPage *self)
{
  op_qualification_intro_page_load (self);
}

static void
show_error (OpQualificationIntroPage *self,
            const GError             *error)
{
  op_connection_report_error (op_qualification_flow_get_connection (get_flow (self)), error);
  gtk_label_set_label (self->error_label, error->message);
  gtk_stack_set_visible_child_name (self->state_stack, "error");
  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
}

static void
set_status (OpQualificationIntroPage *self,
            const char               *status)
{
  gtk_label_set_label (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
}

static void
previous_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(OpQualificationIntroPage) self = user_data;
  g_autoptr(OpQualification) previous = NULL;
  g_autoptr(GError) error = NULL;
  OpQualificationFlow *flow;
  OpRole *role;
  g_autofree char *status = NULL;

  previous = op_platform_client_get_qualification_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (previous == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  flow = get_flow (self);
  role = find_role (self, op_qualification_flow_get_role_id (flow));
  if (role == NULL || g_strcmp0 (op_qualification_get_role_id (previous), op_role_get_id (role)) != 0)
    return;

  /* Translators: 已驳回; %s is the platform's reason, a sentence */
  status = g_strdup_printf (_("The platform rejected your last application for this role: %s"),
                            op_qualification_get_reason (previous) != NULL
                            ? op_qualification_get_reason (previous) : "");
  set_status (self, status);

  op_qualification_flow_set_role (flow, role, previous);
  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), TRUE);
}

static void
op_qualification_intro_page_clear_needs (OpQualificationIntroPage *self)
{
  for (guint i = 0; i < self->need_rows->len; i++)
    adw_preferences_group_remove (self->needs_group, g_ptr_array_index (self->need_rows, i));
  g_ptr_array_set_size (self->need_rows, 0);
}

/* Says what the role is and whether the account can apply now. */
static void
op_qualification_intro_page_show_role (OpQualificationIntroPage *self)
{
  OpQualificationFlow *flow = get_flow (self);
  OpRole *role = find_role (self, op_qualification_flow_get_role_id (flow));
  GListModel *form;

  op_qualification_intro_page_clear_needs (self);
  gtk_widget_set_visible (GTK_WIDGET (self->needs_group), role != NULL);

  if (role == NULL)
    {
      gtk_label_set_label (self->role_label, "");
      gtk_label_set_label (self->description_label, _("Choose the role you apply for."));
      set_status (self, NULL);
      op_qualification_flow_set_role (flow, NULL, NULL);
      op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
      return;
    }

  gtk_label_set_label (self->role_label, op_role_get_name (role));
  gtk_label_set_label (self->description_label, op_role_get_description (role));

  form = op_role_get_form (role);
  for (guint i = 0; i < g_list_model_get_n_items (form); i++)
    {
      g_autoptr(OpFormField) field = g_list_model_get_item (form, i);
      GtkWidget *row = adw_action_row_new ();
      const char *help = op_form_field_get_help (field);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), op_form_field_get_label (field));
      if (help != NULL && help[0] != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), help);
      else if (!op_form_field_get_required (field))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Optional"));
      adw_preferences_group_add (self->needs_group, row);
      g_ptr_array_add (self->need_rows, row);
    }

  if (op_role_get_held (role))
    {
      set_status (self, _("You have this role already: there is nothing to apply for."));
      op_qualification_flow_set_role (flow, NULL, NULL);
      op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
      return;
    }

  switch (op_role_get_application_state (role))
    {
    case OP_REVIEW_STATE_PENDING:
      /* Translators: 审核中 */
      set_status (self, _("Your application for this role is under review. The platform decides on it before you can apply again."));
      op_qualification_flow_set_role (flow, NULL, NULL);
      op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
      break;

    case OP_REVIEW_STATE_REJECTED:
      {
        OpConnection *connection = op_qualification_flow_get_connection (flow);

        /* Resubmit it, seeded from what the platform kept. */
        set_status (self, _("Loading your last application…"));
        op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
        op_platform_client_get_qualification_async (op_connection_get_client (connection),
                                                    op_role_get_application_id (role),
                                                    self->cancellable,
                                                    previous_loaded_cb,
                                                    g_object_ref (self));
      }
      break;

    case OP_REVIEW_STATE_NONE:
    case OP_REVIEW_STATE_APPROVED:
    default:
      set_status (self, NULL);
      op_qualification_flow_set_role (flow, role, NULL);
      op_wizard_page_set_complete (OP_WIZARD_PAGE (self), TRUE);
      break;
    }
}

static void
role_toggled_cb (GtkCheckButton           *check,
                 OpQualificationIntroPage *self)
{
  if (self->updating || !gtk_check_button_get_active (check))
    return;

  op_qualification_flow_choose_role (get_flow (self), gtk_widget_get_name (GTK_WIDGET (check)));
  op_qualification_intro_page_show_role (self);
}

static void
op_qualification_intro_page_fill_choices (OpQualificationIntroPage *self)
{
  OpQualificationFlow *flow = get_flow (self);
  const char * const *candidates = op_qualification_flow_get_candidates (flow);
  const char *chosen = op_qualification_flow_get_role_id (flow);
  GtkCheckButton *group = NULL;

  self->updating = TRUE;
  for (guint i = 0; i < self->choice_rows->len; i++)
    adw_preferences_group_remove (self->choose_group, g_ptr_array_index (self->choice_rows, i));
  g_ptr_array_set_size (self->choice_rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (self->roles); i++)
    {
      g_autoptr(OpRole) role = g_list_model_get_item (self->roles, i);
      GtkWidget *row;
      GtkWidget *check;
      const char *subtitle = NULL;

      if (candidates != NULL && !g_strv_contains (candidates, op_role_get_id (role)))
        continue;

      row = adw_action_row_new ();
      check = gtk_check_button_new ();

      if (op_role_get_held (role))
        subtitle = _("You have this role");
      else if (op_role_get_application_state (role) != OP_REVIEW_STATE_NONE)
        subtitle = op_solutions_review_state_name (op_role_get_application_state (role));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), op_role_get_name (role));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_name (check, op_role_get_id (role));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      op_role_get_name (role), -1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strcmp0 (chosen, op_role_get_id (role)) == 0);
      g_signal_connect (check, "toggled", G_CALLBACK (role_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_sensitive (row, !op_role_get_held (role));

      adw_preferences_group_add (self->choose_group, row);
      g_ptr_array_add (self->choice_rows, row);
    }

  self->updating = FALSE;
}

static void
roles_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OpQualificationIntroPage) self = user_data;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GError) error = NULL;
  OpQualificationFlow *flow;

  roles = op_platform_client_list_roles_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (roles == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  flow = get_flow (self);
  g_set_object (&self->roles, roles);

  /* No role given: the user chooses (a candidate, or any role). */
  if (gtk_widget_get_visible (GTK_WIDGET (self->choose_group)))
    op_qualification_intro_page_fill_choices (self);

  gtk_stack_set_visible_child_name (self->state_stack, "content");
  op_qualification_intro_page_show_role (self);

  if (op_qualification_flow_get_role_id (flow) != NULL &&
      find_role (self, op_qualification_flow_get_role_id (flow)) == NULL)
    {
      g_autoptr(GError) missing = g_error_new_literal (OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NOT_FOUND,
                                                       _("The platform does not know this role any more. Go back to Solutions and reload."));
      show_error (self, missing);
    }
}

static void
op_qualification_intro_page_load (OpQualificationIntroPage *self)
{
  OpConnection *connection = op_qualification_flow_get_connection (get_flow (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->state_stack, "loading");
  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
  op_platform_client_list_roles_async (op_connection_get_client (connection),
                                       self->cancellable,
                                       roles_loaded_cb,
                                       g_object_ref (self));
}

static void
op_qualification_intro_page_constructed (GObject *object)
{
  OpQualificationIntroPage *self = (OpQualificationIntroPage *)object;
  OpQualificationFlow *flow;

  G_OBJECT_CLASS (op_qualification_intro_page_parent_class)->constructed (object);

  flow = get_flow (self);

  /* A role given by whoever opened the wizard is not asked again. */
  gtk_widget_set_visible (GTK_WIDGET (self->choose_group),
                          !op_qualification_flow_get_role_is_fixed (flow));
  op_wizard_page_set_title (OP_WIZARD_PAGE (self),
                            gtk_widget_get_visible (GTK_WIDGET (self->choose_group))
                            ? _("Choose the Role") : _("The Role You Apply For"));

  gtk_widget_set_visible (GTK_WIDGET (self->resume_list), op_qualification_flow_get_resumed (flow));
  op_qualification_intro_page_load (self);
}

static void
op_qualification_intro_page_dispose (GObject *object)
{
  OpQualificationIntroPage *self = (OpQualificationIntroPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->roles);
  if (self->choice_rows != NULL)
    g_ptr_array_set_size (self->choice_rows, 0);
  if (self->need_rows != NULL)
    g_ptr_array_set_size (self->need_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_QUALIFICATION_INTRO_PAGE);

  G_OBJECT_CLASS (op_qualification_intro_page_parent_class)->dispose (object);
}

static void
op_qualification_intro_page_finalize (GObject *object)
{
  OpQualificationIntroPage *self = (OpQualificationIntroPage *)object;

  g_clear_pointer (&self->choice_rows, g_ptr_array_unref);
  g_clear_pointer (&self->need_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (op_qualification_intro_page_parent_class)->finalize (object);
}

static void
op_qualification_intro_page_class_init (OpQualificationIntroPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = op_qualification_intro_page_constructed;
  object_class->dispose = op_qualification_intro_page_dispose;
  object_class->finalize = op_qualification_intro_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-qualification-intro-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpQualificationIntroPage, resume_list);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationIntroPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationIntroPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationIntroPage, choose_group);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationIntroPage, role_label);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationIntroPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationIntroPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationIntroPage, needs_group);
  gtk_widget_class_bind_template_callback (widget_class, start_over_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);

  op_solutions_add_enter_binding (widget_class);
}

static void
op_qualification_intro_page_init (OpQualificationIntroPage *self)
{
  self->choice_rows = g_ptr_array_new ();
  self->need_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

OpQualificationIntroPage *
op_qualification_intro_page_new (OpQualificationFlow *flow)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_QUALIFICATION_INTRO_PAGE,
                       "flow", flow,
                       NULL);
}
