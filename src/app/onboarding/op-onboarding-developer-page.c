/* op-onboarding-developer-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding-developer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-field-error.h"
#include "op-onboarding-developer-page.h"
#include "op-onboarding-flow.h"
#include "op-onboarding-private.h"
#include "op-validate.h"

/* The developer information (domain.md: contact name, email, developer
 * type 企业自用 / 服务商, company name, required for a service provider).
 * Checked here as the platform checks it, so that the summary rarely comes
 * back; the platform's own reasons, when it has some, replace ours.
 */
#define CONTACT_NAME_MAX 50
#define COMPANY_NAME_MAX 100

struct _OpOnboardingDeveloperPage
{
  OpWizardPage     parent_instance;

  guint            validate_source;
  gboolean         contact_touched;
  gboolean         email_touched;
  gboolean         company_touched;
  gboolean         type_touched;

  GtkCheckButton  *self_use_check;
  GtkCheckButton  *isv_check;
  GtkLabel        *type_caption;
  AdwEntryRow     *contact_row;
  GtkLabel        *contact_caption;
  AdwEntryRow     *email_row;
  GtkLabel        *email_caption;
  AdwEntryRow     *company_row;
  GtkLabel        *company_caption;
  GtkWidget       *type_group;
};

G_DEFINE_FINAL_TYPE (OpOnboardingDeveloperPage, op_onboarding_developer_page, OP_TYPE_WIZARD_PAGE)

static OpOnboardingFlow *
get_flow (OpOnboardingDeveloperPage *self)
{
  return OP_ONBOARDING_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static const char *
get_developer_type (OpOnboardingDeveloperPage *self)
{
  if (gtk_check_button_get_active (self->isv_check))
    return "isv";
  if (gtk_check_button_get_active (self->self_use_check))
    return "self_use";
  return NULL;
}

static const char *
check_contact (const char *text)
{
  g_autofree char *name = op_validate_strip (text);

  if (name[0] == '\0')
    return _("Enter the name of the person the platform may contact about your apps.");
  if (g_utf8_strlen (name, -1) > CONTACT_NAME_MAX)
    return _("The name is too long: use at most 50 characters.");
  return NULL;
}

static const char *
check_company (const char *text,
               const char *developer_type)
{
  g_autofree char *name = op_validate_strip (text);

  if (name[0] == '\0' && g_strcmp0 (developer_type, "isv") == 0)
    return _("A service provider must give the name of its company, as on its business licence.");
  if (g_utf8_strlen (name, -1) > COMPANY_NAME_MAX)
    return _("The company name is too long: use at most 100 characters.");
  return NULL;
}

static const char *
pick (OpOnboardingDeveloperPage *self,
      const char                *field,
      gboolean                   touched,
      const char                *local)
{
  const char *platform = op_onboarding_flow_get_field_error (get_flow (self), field);

  if (platform != NULL)
    return platform;
  return touched ? local : NULL;
}

static void
op_onboarding_developer_page_validate (OpOnboardingDeveloperPage *self,
                                       gboolean                   show_errors)
{
  const char *type = get_developer_type (self);
  const char *contact = gtk_editable_get_text (GTK_EDITABLE (self->contact_row));
  const char *company = gtk_editable_get_text (GTK_EDITABLE (self->company_row));
  const char *contact_message = check_contact (contact);
  const char *company_message = check_company (company, type);
  const char *type_message = type == NULL ? _("Choose how you will use the platform.") : NULL;
  g_autoptr(GError) email_error = NULL;
  const char *company_hint;

  op_validate_email (gtk_editable_get_text (GTK_EDITABLE (self->email_row)), &email_error);

  if (show_errors)
    {
      company_hint = g_strcmp0 (type, "isv") == 0
                     ? _("Required for a service provider.")
                     : _("Optional when you develop for your own business as an individual.");

      op_field_error_show (self->type_group, self->type_caption,
                           pick (self, "developer_type", self->type_touched,
                                 type_message),
                           NULL);
      op_field_error_show (GTK_WIDGET (self->contact_row), self->contact_caption,
                           pick (self, "contact_name", self->contact_touched,
                                 contact_message),
                           NULL);
      op_field_error_show (GTK_WIDGET (self->email_row), self->email_caption,
                           pick (self, "email", self->email_touched,
                                 email_error != NULL ? email_error->message : NULL),
                           NULL);
      op_field_error_show (GTK_WIDGET (self->company_row), self->company_caption,
                           pick (self, "company_name", self->company_touched,
                                 company_message),
                           company_hint);
    }

  op_wizard_page_set_complete (OP_WIZARD_PAGE (self),
                               type != NULL && contact_message == NULL &&
                               email_error == NULL && company_message == NULL);
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  OpOnboardingDeveloperPage *self = user_data;

  self->validate_source = 0;
  op_onboarding_developer_page_validate (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
op_onboarding_developer_page_changed (OpOnboardingDeveloperPage *self,
                                      const char                *field,
                                      const char                *value,
                                      gboolean                  *touched)
{
  OpOnboardingFlow *flow = get_flow (self);

  op_draft_set_string (op_flow_get_draft (OP_FLOW (flow)), field, value);
  *touched = TRUE;
  op_onboarding_flow_clear_field_error (flow, field);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (OP_ONBOARDING_VALIDATE_DELAY_MS,
                                         validate_timeout_cb, self);
  op_onboarding_developer_page_validate (self, FALSE);
}

static void
contact_changed_cb (OpOnboardingDeveloperPage *self)
{
  op_onboarding_developer_page_changed (self, OP_ONBOARDING_DRAFT_CONTACT_NAME,
                                        gtk_editable_get_text (GTK_EDITABLE (self->contact_row)),
                                        &self->contact_touched);
}

static void
email_changed_cb (OpOnboardingDeveloperPage *self)
{
  op_onboarding_developer_page_changed (self, OP_ONBOARDING_DRAFT_EMAIL,
                                        gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
                                        &self->email_touched);
}

static void
company_changed_cb (OpOnboardingDeveloperPage *self)
{
  op_onboarding_developer_page_changed (self, OP_ONBOARDING_DRAFT_COMPANY_NAME,
                                        gtk_editable_get_text (GTK_EDITABLE (self->company_row)),
                                        &self->company_touched);
}

static void
type_toggled_cb (OpOnboardingDeveloperPage *self)
{
  const char *type = get_developer_type (self);
  OpOnboardingFlow *flow = get_flow (self);

  /* Radio groups emit for the button turned off too: act once. */
  if (type == NULL)
    return;

  op_draft_set_string (op_flow_get_draft (OP_FLOW (flow)),
                       OP_ONBOARDING_DRAFT_DEVELOPER_TYPE, type);
  self->type_touched = TRUE;
  op_onboarding_flow_clear_field_error (flow, "developer_type");
  op_onboarding_flow_clear_field_error (flow, "company_name");
  /* The company row's hint and whether it is required change at once. */
  op_onboarding_developer_page_validate (self, TRUE);
}

static void
entry_activated_cb (OpOnboardingDeveloperPage *self)
{
  self->contact_touched = self->email_touched = self->company_touched = self->type_touched = TRUE;
  g_clear_handle_id (&self->validate_source, g_source_remove);
  op_onboarding_developer_page_validate (self, TRUE);
  op_wizard_page_request_next (OP_WIZARD_PAGE (self));
}

static void
field_left_cb (GtkEventControllerFocus   *controller,
               OpOnboardingDeveloperPage *self)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  op_onboarding_developer_page_validate (self, TRUE);
}

static void
field_errors_changed_cb (OpOnboardingDeveloperPage *self)
{
  op_onboarding_developer_page_validate (self, TRUE);
}

static void
op_onboarding_developer_page_shown (OpWizardPage *page)
{
  OpOnboardingDeveloperPage *self = OP_ONBOARDING_DEVELOPER_PAGE (page);
  OpOnboardingFlow *flow = get_flow (self);

  op_onboarding_developer_page_validate (self, TRUE);

  /* Focus the first field the platform refused, else the first empty one. */
  if (op_onboarding_flow_get_field_error (flow, "email") != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
  else if (op_onboarding_flow_get_field_error (flow, "company_name") != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->company_row));
  else if (get_developer_type (self) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->self_use_check));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->contact_row));
}

static void
add_focus_out (OpOnboardingDeveloperPage *self,
               AdwEntryRow               *row)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

static void
set_from_draft (AdwEntryRow *row,
                OpDraft     *draft,
                const char  *key,
                gboolean    *touched)
{
  const char *value = op_draft_get_string (draft, key);

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  *touched = value != NULL;
}

static void
op_onboarding_developer_page_constructed (GObject *object)
{
  OpOnboardingDeveloperPage *self = (OpOnboardingDeveloperPage *)object;
  OpOnboardingFlow *flow;
  OpDraft *draft;
  const char *type;

  G_OBJECT_CLASS (op_onboarding_developer_page_parent_class)->constructed (object);

  flow = get_flow (self);
  draft = op_flow_get_draft (OP_FLOW (flow));

  type = op_draft_get_string (draft, OP_ONBOARDING_DRAFT_DEVELOPER_TYPE);
  if (g_strcmp0 (type, "isv") == 0)
    gtk_check_button_set_active (self->isv_check, TRUE);
  else if (g_strcmp0 (type, "self_use") == 0)
    gtk_check_button_set_active (self->self_use_check, TRUE);
  self->type_touched = type != NULL;

  set_from_draft (self->contact_row, draft, OP_ONBOARDING_DRAFT_CONTACT_NAME,
                  &self->contact_touched);
  set_from_draft (self->email_row, draft, OP_ONBOARDING_DRAFT_EMAIL, &self->email_touched);
  set_from_draft (self->company_row, draft, OP_ONBOARDING_DRAFT_COMPANY_NAME,
                  &self->company_touched);

  g_signal_connect_object (self->contact_row, "changed", G_CALLBACK (contact_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_row, "changed", G_CALLBACK (email_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->company_row, "changed", G_CALLBACK (company_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->self_use_check, "toggled", G_CALLBACK (type_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->isv_check, "toggled", G_CALLBACK (type_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "field-errors-changed", G_CALLBACK (field_errors_changed_cb), self,
                           G_CONNECT_SWAPPED);

  op_onboarding_developer_page_validate (self, TRUE);
}

static void
op_onboarding_developer_page_dispose (GObject *object)
{
  OpOnboardingDeveloperPage *self = (OpOnboardingDeveloperPage *)object;

  g_clear_handle_id (&self->validate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_ONBOARDING_DEVELOPER_PAGE);

  G_OBJECT_CLASS (op_onboarding_developer_page_parent_class)->dispose (object);
}

static void
op_onboarding_developer_page_class_init (OpOnboardingDeveloperPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_onboarding_developer_page_constructed;
  object_class->dispose = op_onboarding_developer_page_dispose;

  page_class->shown = op_onboarding_developer_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-onboarding-developer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, self_use_check);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, isv_check);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, type_caption);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, type_group);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, contact_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, contact_caption);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, email_caption);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, company_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDeveloperPage, company_caption);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
op_onboarding_developer_page_init (OpOnboardingDeveloperPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of a page of the onboarding (入驻) wizard */
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Developer Information"));

  add_focus_out (self, self->contact_row);
  add_focus_out (self, self->email_row);
  add_focus_out (self, self->company_row);
}
