/* op-onboarding-developer-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding-developer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-field-checks.h"
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

enum {
  FIELD_TYPE,
  FIELD_CONTACT,
  FIELD_EMAIL,
  FIELD_COMPANY,
  N_FIELDS
};

/* The platform's names of the fields (for its reasons), which are also the
 * draft's keys. */
static const char *field_names[N_FIELDS] = {
  OP_ONBOARDING_DRAFT_DEVELOPER_TYPE,
  OP_ONBOARDING_DRAFT_CONTACT_NAME,
  OP_ONBOARDING_DRAFT_EMAIL,
  OP_ONBOARDING_DRAFT_COMPANY_NAME,
};

struct _OpOnboardingDeveloperPage
{
  OpWizardPage     parent_instance;

  OpFieldChecks   *checks;

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

static char *
op_onboarding_developer_page_check_field (OpWizardPage *page,
                                          guint         field)
{
  OpOnboardingDeveloperPage *self = OP_ONBOARDING_DEVELOPER_PAGE (page);
  const char *type = get_developer_type (self);
  g_autoptr(GError) error = NULL;

  switch (field)
    {
    case FIELD_TYPE:
      return type == NULL ? g_strdup (_("Choose how you will use the platform.")) : NULL;

    case FIELD_CONTACT:
      return g_strdup (check_contact (gtk_editable_get_text (GTK_EDITABLE (self->contact_row))));

    case FIELD_EMAIL:
      if (!op_validate_email (gtk_editable_get_text (GTK_EDITABLE (self->email_row)), &error))
        return g_strdup (error->message);
      return NULL;

    case FIELD_COMPANY:
      return g_strdup (check_company (gtk_editable_get_text (GTK_EDITABLE (self->company_row)), type));

    default:
      g_assert_not_reached ();
    }
}

static void
op_onboarding_developer_page_show_field (OpWizardPage *page,
                                         guint         field,
                                         const char   *message)
{
  OpOnboardingDeveloperPage *self = OP_ONBOARDING_DEVELOPER_PAGE (page);

  switch (field)
    {
    case FIELD_TYPE:
      op_field_error_show (self->type_group, self->type_caption, message, NULL);
      break;

    case FIELD_CONTACT:
      op_field_error_show (GTK_WIDGET (self->contact_row), self->contact_caption, message, NULL);
      break;

    case FIELD_EMAIL:
      op_field_error_show (GTK_WIDGET (self->email_row), self->email_caption, message, NULL);
      break;

    case FIELD_COMPANY:
      op_field_error_show (GTK_WIDGET (self->company_row), self->company_caption, message,
                           g_strcmp0 (get_developer_type (self), "isv") == 0
                           ? _("Required for a service provider.")
                           : _("Optional when you develop for your own business as an individual."));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
op_onboarding_developer_page_changed (OpOnboardingDeveloperPage *self,
                                      guint                      field,
                                      AdwEntryRow               *row)
{
  OpOnboardingFlow *flow = get_flow (self);

  op_draft_set_string (op_flow_get_draft (OP_FLOW (flow)), field_names[field],
                       gtk_editable_get_text (GTK_EDITABLE (row)));
  op_onboarding_flow_clear_field_error (flow, field_names[field]);
  op_field_checks_edited (self->checks, field);
}

static void
contact_changed_cb (OpOnboardingDeveloperPage *self)
{
  op_onboarding_developer_page_changed (self, FIELD_CONTACT, self->contact_row);
}

static void
email_changed_cb (OpOnboardingDeveloperPage *self)
{
  op_onboarding_developer_page_changed (self, FIELD_EMAIL, self->email_row);
}

static void
company_changed_cb (OpOnboardingDeveloperPage *self)
{
  op_onboarding_developer_page_changed (self, FIELD_COMPANY, self->company_row);
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
  op_onboarding_flow_clear_field_error (flow, field_names[FIELD_TYPE]);
  op_onboarding_flow_clear_field_error (flow, field_names[FIELD_COMPANY]);
  /* The company row's hint and whether it is required change at once. */
  op_field_checks_touch (self->checks, FIELD_TYPE);
}

static void
entry_activated_cb (OpOnboardingDeveloperPage *self)
{
  op_field_checks_touch_all (self->checks);
  op_wizard_page_request_next (OP_WIZARD_PAGE (self));
}

/* Leaving a field shows its problem at once. */
static void
field_left_cb (GtkEventControllerFocus   *controller,
               OpOnboardingDeveloperPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  op_field_checks_touch (self->checks,
                         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field")));
}

static void
field_errors_changed_cb (OpOnboardingDeveloperPage *self)
{
  op_field_checks_set_server_errors (self->checks,
                                     op_onboarding_flow_get_field_errors (get_flow (self)));
  op_field_checks_validate (self->checks);
}

static void
op_onboarding_developer_page_shown (OpWizardPage *page)
{
  OpOnboardingDeveloperPage *self = OP_ONBOARDING_DEVELOPER_PAGE (page);

  op_field_checks_validate (self->checks);

  /* Focus the first field the platform refused, else the first empty one. */
  if (op_field_checks_has_server_error (self->checks, FIELD_EMAIL))
    gtk_widget_grab_focus (GTK_WIDGET (self->email_row));
  else if (op_field_checks_has_server_error (self->checks, FIELD_COMPANY))
    gtk_widget_grab_focus (GTK_WIDGET (self->company_row));
  else if (get_developer_type (self) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->self_use_check));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->contact_row));
}

static void
add_focus_out (OpOnboardingDeveloperPage *self,
               AdwEntryRow               *row,
               guint                      field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (field));
  g_signal_connect (controller, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), controller);
}

/* A kept value that is not right shows its problem at once. */
static void
set_from_draft (OpOnboardingDeveloperPage *self,
                AdwEntryRow               *row,
                guint                      field)
{
  OpDraft *draft = op_flow_get_draft (OP_FLOW (get_flow (self)));
  const char *value = op_draft_get_string (draft, field_names[field]);

  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  op_field_checks_set_touched (self->checks, field, value != NULL);
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
  op_field_checks_set_touched (self->checks, FIELD_TYPE, type != NULL);

  set_from_draft (self, self->contact_row, FIELD_CONTACT);
  set_from_draft (self, self->email_row, FIELD_EMAIL);
  set_from_draft (self, self->company_row, FIELD_COMPANY);

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

  field_errors_changed_cb (self);
}

static void
op_onboarding_developer_page_dispose (GObject *object)
{
  OpOnboardingDeveloperPage *self = (OpOnboardingDeveloperPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_ONBOARDING_DEVELOPER_PAGE);
  g_clear_pointer (&self->checks, op_field_checks_free);

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
  self->checks = op_field_checks_new (OP_WIZARD_PAGE (self), N_FIELDS, field_names,
                                      op_onboarding_developer_page_check_field,
                                      op_onboarding_developer_page_show_field);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of a page of the onboarding (入驻) wizard */
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Developer Information"));

  add_focus_out (self, self->contact_row, FIELD_CONTACT);
  add_focus_out (self, self->email_row, FIELD_EMAIL);
  add_focus_out (self, self->company_row, FIELD_COMPANY);
}
