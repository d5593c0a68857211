/* op-qualification-status-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-qualification-status-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-qualification-status-page.h"
#include "op-solutions-util.h"

/* The last page: the application's state, 审核中 until the platform's
 * reviewers decide (the page asks again every few seconds while it is
 * shown), then 已通过 (the role is granted) or 已驳回 with the reasons
 * and a way to correct and resubmit.
 */
#define POLL_INTERVAL_SECONDS 2
#define POLL_MAX_SECONDS      (10 * 60)

struct _OpQualificationStatusPage
{
  OpWizardPage         parent_instance;

  GCancellable        *cancellable;
  guint                poll_source;
  gint64               poll_until;
  GPtrArray           *reason_rows;

  GtkImage            *state_icon;
  GtkLabel            *state_label;
  GtkLabel            *body_label;
  GtkBox              *waiting_box;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *reasons_group;
  GtkButton           *resubmit_button;
};

G_DEFINE_FINAL_TYPE (OpQualificationStatusPage, op_qualification_status_page, OP_TYPE_WIZARD_PAGE)

static void op_qualification_status_page_schedule (OpQualificationStatusPage *self);

static OpQualificationFlow *
get_flow (OpQualificationStatusPage *self)
{
  return OP_QUALIFICATION_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static void
resubmit_clicked_cb (OpQualificationStatusPage *self)
{
  op_qualification_flow_request_resubmit (get_flow (self));
}

static void
op_qualification_status_page_update (OpQualificationStatusPage *self)
{
  OpQualificationFlow *flow = get_flow (self);
  OpQualification *qualification = op_qualification_flow_get_result (flow);
  OpRole *role = op_qualification_flow_get_role (flow);
  OpReviewState state;
  g_autofree char *body = NULL;
  const char *role_name;
  GHashTable *reasons;

  if (qualification == NULL)
    return;

  state = op_qualification_get_state (qualification);
  role_name = op_qualification_get_role_name (qualification);
  if (role_name == NULL && role != NULL)
    role_name = op_role_get_name (role);

  gtk_label_set_label (self->state_label, op_solutions_review_state_name (state));
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_box), state == OP_REVIEW_STATE_PENDING);
  gtk_spinner_set_spinning (self->spinner, state == OP_REVIEW_STATE_PENDING);
  gtk_widget_set_visible (GTK_WIDGET (self->resubmit_button), state == OP_REVIEW_STATE_REJECTED);

  for (guint i = 0; i < self->reason_rows->len; i++)
    adw_preferences_group_remove (self->reasons_group, g_ptr_array_index (self->reason_rows, i));
  g_ptr_array_set_size (self->reason_rows, 0);

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_icon), "error");

  switch (state)
    {
    case OP_REVIEW_STATE_APPROVED:
      gtk_image_set_from_icon_name (self->state_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "success");
      /* Translators: %s is a role such as 诚信通商家 */
      body = g_strdup_printf (_("You have the role %s now. The solutions that need it can be ordered."), role_name);
      break;

    case OP_REVIEW_STATE_REJECTED:
      gtk_image_set_from_icon_name (self->state_icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "error");
      /* Translators: the platform's reason follows, a sentence */
      body = g_strdup_printf (_("The platform rejected the application: %s"),
                              op_qualification_get_reason (qualification) != NULL
                              ? op_qualification_get_reason (qualification) : "");

      reasons = op_qualification_get_field_reasons (qualification);
      if (reasons != NULL)
        {
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, reasons);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              OpFormField *field = role != NULL ? op_role_lookup_field (role, key) : NULL;
              GtkWidget *row = adw_action_row_new ();

              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                             field != NULL ? op_form_field_get_label (field) : key);
              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
              adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
              adw_preferences_group_add (self->reasons_group, row);
              g_ptr_array_add (self->reason_rows, row);
            }
        }
      break;

    case OP_REVIEW_STATE_PENDING:
    case OP_REVIEW_STATE_NONE:
    default:
      gtk_image_set_from_icon_name (self->state_icon, "document-open-recent-symbolic");
      /* Translators: %s is a role such as 诚信通商家 */
      body = g_strdup_printf (_("Your application for the role %s was submitted and is under review (the platform’s reviewers check it). You can close this page: the decision also shows in Solutions."),
                              role_name);
      break;
    }

  gtk_label_set_label (self->body_label, body);
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), self->reason_rows->len > 0);
}

static void
qualification_refreshed_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(OpQualificationStatusPage) self = user_data;
  g_autoptr(OpQualification) qualification = NULL;
  g_autoptr(GError) error = NULL;
  OpQualificationFlow *flow;

  qualification = op_platform_client_get_qualification_finish (OP_PLATFORM_CLIENT (object),
                                                               result, &error);
  if (qualification == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Asked again later; the banner says when the platform is away. */
      g_debug ("Could not refresh the application: %s", error->message);
      op_connection_report_error (op_qualification_flow_get_connection (get_flow (self)), error);
      op_qualification_status_page_schedule (self);
      return;
    }

  flow = get_flow (self);
  op_qualification_flow_set_result (flow, qualification);
  op_qualification_status_page_update (self);

  if (op_qualification_get_state (qualification) == OP_REVIEW_STATE_PENDING)
    op_qualification_status_page_schedule (self);
  else if (op_qualification_get_state (qualification) == OP_REVIEW_STATE_APPROVED)
    op_connection_refresh_account (op_qualification_flow_get_connection (flow));
}

static gboolean
poll_cb (gpointer data)
{
  OpQualificationStatusPage *self = data;
  OpQualificationFlow *flow = get_flow (self);
  OpQualification *qualification = op_qualification_flow_get_result (flow);
  OpConnection *connection;

  self->poll_source = 0;

  if (qualification == NULL)
    return G_SOURCE_REMOVE;

  connection = op_qualification_flow_get_connection (flow);
  op_platform_client_get_qualification_async (op_connection_get_client (connection),
                                              op_qualification_get_id (qualification),
                                              self->cancellable,
                                              qualification_refreshed_cb,
                                              g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
op_qualification_status_page_schedule (OpQualificationStatusPage *self)
{
  if (self->poll_source != 0 || g_get_monotonic_time () > self->poll_until)
    return;

  self->poll_source = g_timeout_add_seconds (POLL_INTERVAL_SECONDS, poll_cb, self);
}

static void
op_qualification_status_page_shown (OpWizardPage *page)
{
  OpQualificationStatusPage *self = OP_QUALIFICATION_STATUS_PAGE (page);
  OpQualification *qualification = op_qualification_flow_get_result (get_flow (self));

  op_qualification_status_page_update (self);

  if (qualification != NULL && op_qualification_get_state (qualification) == OP_REVIEW_STATE_PENDING)
    {
      self->poll_until = g_get_monotonic_time () + (gint64)POLL_MAX_SECONDS * G_USEC_PER_SEC;
      op_qualification_status_page_schedule (self);
    }
}

static void
op_qualification_status_page_dispose (GObject *object)
{
  OpQualificationStatusPage *self = (OpQualificationStatusPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (self->reason_rows != NULL)
    g_ptr_array_set_size (self->reason_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_QUALIFICATION_STATUS_PAGE);

  G_OBJECT_CLASS (op_qualification_status_page_parent_class)->dispose (object);
}

static void
op_qualification_status_page_finalize (GObject *object)
{
  OpQualificationStatusPage *self = (OpQualificationStatusPage *)object;

  g_clear_pointer (&self->reason_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (op_qualification_status_page_parent_class)->finalize (object);
}

static void
op_qualification_status_page_class_init (OpQualificationStatusPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = op_qualification_status_page_dispose;
  object_class->finalize = op_qualification_status_page_finalize;

  page_class->shown = op_qualification_status_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-qualification-status-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpQualificationStatusPage, state_icon);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationStatusPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationStatusPage, body_label);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationStatusPage, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationStatusPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationStatusPage, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationStatusPage, resubmit_button);
  gtk_widget_class_bind_template_callback (widget_class, resubmit_clicked_cb);
}

static void
op_qualification_status_page_init (OpQualificationStatusPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->reason_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

OpQualificationStatusPage *
op_qualification_status_page_new (OpQualificationFlow *flow)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_QUALIFICATION_STATUS_PAGE,
                       "flow", flow,
                       NULL);
}
