/* op-qualification-review-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-qualification-review-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-qualification-review-page.h"
#include "op-solutions-util.h"

/* The form as it will be sent, to check before Submit; its save_data
 * submits it (or resubmits the rejected application).
 */
struct _OpQualificationReviewPage
{
  OpWizardPage         parent_instance;

  GPtrArray           *rows;

  GtkLabel            *intro_label;
  AdwPreferencesGroup *values_group;
};

G_DEFINE_FINAL_TYPE (OpQualificationReviewPage, op_qualification_review_page, OP_TYPE_WIZARD_PAGE)

static OpQualificationFlow *
get_flow (OpQualificationReviewPage *self)
{
  return OP_QUALIFICATION_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static void
op_qualification_review_page_shown (OpWizardPage *page)
{
  OpQualificationReviewPage *self = OP_QUALIFICATION_REVIEW_PAGE (page);
  OpQualificationFlow *flow = get_flow (self);
  OpFormPage *form = op_qualification_flow_get_form_page (flow);
  OpRole *role = op_qualification_flow_get_role (flow);
  g_autofree char *intro = NULL;
  GListModel *fields;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->values_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (form == NULL || role == NULL)
    return;

  if (op_qualification_flow_get_previous (flow) != NULL)
    /* Translators: %s is a role such as 诚信通商家 */
    intro = g_strdup_printf (_("Your corrected application for the role %s. Check it, then choose Submit to send it again."),
                             op_role_get_name (role));
  else
    /* Translators: %s is a role such as 诚信通商家 */
    intro = g_strdup_printf (_("Your application for the role %s. Check it, then choose Submit."),
                             op_role_get_name (role));
  gtk_label_set_label (self->intro_label, intro);

  fields = op_form_page_get_fields (form);
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(OpFormField) field = g_list_model_get_item (fields, i);
      g_autofree char *value = op_form_page_dup_display_value (form, op_form_field_get_name (field));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), op_form_field_get_label (field));
      /* Translators: shown for a form field the user left empty */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL ? value : _("Not filled in"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_set_name (row, op_form_field_get_name (field));
      adw_preferences_group_add (self->values_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpQualificationReviewPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!op_qualification_flow_submit_finish (OP_QUALIFICATION_FLOW (object), result, &error))
    g_debug ("The application was not submitted: %s", error->message);

  op_wizard_page_save_complete (OP_WIZARD_PAGE (self), error);
}

static void
op_qualification_review_page_save_data (OpWizardPage *page,
                                        GCancellable *cancellable)
{
  op_qualification_flow_submit_async (get_flow (OP_QUALIFICATION_REVIEW_PAGE (page)), cancellable,
                                      submitted_cb, g_object_ref (page));
}

static void
op_qualification_review_page_dispose (GObject *object)
{
  OpQualificationReviewPage *self = (OpQualificationReviewPage *)object;

  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_QUALIFICATION_REVIEW_PAGE);

  G_OBJECT_CLASS (op_qualification_review_page_parent_class)->dispose (object);
}

static void
op_qualification_review_page_finalize (GObject *object)
{
  OpQualificationReviewPage *self = (OpQualificationReviewPage *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (op_qualification_review_page_parent_class)->finalize (object);
}

static void
op_qualification_review_page_class_init (OpQualificationReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = op_qualification_review_page_dispose;
  object_class->finalize = op_qualification_review_page_finalize;

  page_class->shown = op_qualification_review_page_shown;
  page_class->save_data = op_qualification_review_page_save_data;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-qualification-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpQualificationReviewPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, OpQualificationReviewPage, values_group);

  op_solutions_add_enter_binding (widget_class);
}

static void
op_qualification_review_page_init (OpQualificationReviewPage *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

OpQualificationReviewPage *
op_qualification_review_page_new (OpQualificationFlow *flow)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_QUALIFICATION_REVIEW_PAGE,
                       "flow", flow,
                       NULL);
}
