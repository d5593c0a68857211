/* op-onboarding-summary-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding-summary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-onboarding-flow.h"
#include "op-onboarding-private.h"
#include "op-onboarding-summary-page.h"
#include "op-validate.h"

/* Everything once more before it is submitted; Submit runs this page's
 * save_data, which sends it all to the platform (POST /onboarding). When the
 * platform refuses a field (a wrong or expired SMS code, an e-mail address),
 * its reasons go to the flow and the wizard goes back to the page with the
 * first refused field, where the reason is shown under it. Other failures
 * (the platform unreachable) are shown by the assistant with Try Again; the
 * typed values are all still there.
 */
struct _OpOnboardingSummaryPage
{
  OpWizardPage  parent_instance;

  AdwActionRow *member_row;
  AdwActionRow *mobile_row;
  AdwActionRow *contact_row;
  AdwActionRow *email_row;
  AdwActionRow *type_row;
  AdwActionRow *company_row;
};

G_DEFINE_FINAL_TYPE (OpOnboardingSummaryPage, op_onboarding_summary_page, OP_TYPE_WIZARD_PAGE)

/* Which page has each field of POST /onboarding, in page order. */
static const struct {
  const char *field;
  const char *page;
} field_pages[] = {
  { "mobile", "mobile" },
  { "sms_code", "mobile" },
  { "developer_type", "developer" },
  { "contact_name", "developer" },
  { "email", "developer" },
  { "company_name", "developer" },
};

static OpOnboardingFlow *
get_flow (OpOnboardingSummaryPage *self)
{
  return OP_ONBOARDING_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static const char *
draft_value (OpOnboardingSummaryPage *self,
             const char              *key)
{
  const char *value = op_draft_get_string (op_flow_get_draft (OP_FLOW (get_flow (self))), key);

  return value != NULL ? value : "";
}

static OpDeveloperType
get_developer_type (OpOnboardingSummaryPage *self)
{
  const char *type = draft_value (self, OP_ONBOARDING_DRAFT_DEVELOPER_TYPE);

  if (g_str_equal (type, "isv"))
    return OP_DEVELOPER_TYPE_ISV;
  if (g_str_equal (type, "self_use"))
    return OP_DEVELOPER_TYPE_SELF_USE;
  return OP_DEVELOPER_TYPE_NONE;
}

static void
set_value (AdwActionRow *row,
           const char   *value,
           const char   *empty)
{
  g_autofree char *stripped = op_validate_strip (value);

  adw_action_row_set_subtitle (row, stripped[0] != '\0' ? stripped : empty);
}

static void
op_onboarding_summary_page_update (OpOnboardingSummaryPage *self)
{
  OpAccount *account = op_onboarding_flow_get_account (get_flow (self));
  const char *typed_mobile = draft_value (self, OP_ONBOARDING_DRAFT_MOBILE);
  g_autofree char *mobile = op_validate_normalize_mobile (typed_mobile);

  if (account != NULL)
    set_value (self->member_row, op_account_get_display_name (account), "");
  set_value (self->mobile_row, mobile != NULL ? mobile : typed_mobile, "");
  set_value (self->contact_row, draft_value (self, OP_ONBOARDING_DRAFT_CONTACT_NAME), "");
  set_value (self->email_row, draft_value (self, OP_ONBOARDING_DRAFT_EMAIL), "");
  set_value (self->company_row, draft_value (self, OP_ONBOARDING_DRAFT_COMPANY_NAME),
             /* Translators: the company name was left empty */
             _("None"));

  switch (get_developer_type (self))
    {
    case OP_DEVELOPER_TYPE_ISV:
      adw_action_row_set_subtitle (self->type_row, _("Service provider (ISV)"));
      break;

    case OP_DEVELOPER_TYPE_SELF_USE:
      adw_action_row_set_subtitle (self->type_row, _("Self-use"));
      break;

    case OP_DEVELOPER_TYPE_NONE:
    default:
      adw_action_row_set_subtitle (self->type_row, "");
      break;
    }
}

static void
op_onboarding_summary_page_shown (OpWizardPage *page)
{
  OpOnboardingSummaryPage *self = OP_ONBOARDING_SUMMARY_PAGE (page);

  op_onboarding_summary_page_update (self);
  /* Where Enter submits, and a screen reader starts reading. */
  gtk_widget_grab_focus (GTK_WIDGET (self->member_row));
}

static const char *
first_refused_page (const GError *error)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_pages); i++)
    if (op_platform_error_get_field (error, field_pages[i].field) != NULL)
      return field_pages[i].page;

  return NULL;
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpOnboardingSummaryPage) self = user_data;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  OpOnboardingFlow *flow = get_flow (self);
  OpConnection *connection = op_onboarding_flow_get_connection (flow);
  const char *page;

  account = op_platform_client_submit_onboarding_finish (OP_PLATFORM_CLIENT (object), result,
                                                         &error);
  if (account == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("Onboarding was refused: %s", error->message);
          op_connection_report_error (connection, error);
        }

      page = first_refused_page (error);
      if (page != NULL)
        op_onboarding_flow_set_field_errors (flow, op_platform_error_get_fields (error));

      op_wizard_page_save_complete (OP_WIZARD_PAGE (self), error);

      /* Where the refused field can be corrected, its reason under it. */
      if (page != NULL)
        _op_onboarding_go_back_to (GTK_WIDGET (self), page);
      return;
    }

  op_onboarding_flow_set_field_errors (flow, NULL);
  op_onboarding_flow_set_sms_code (flow, NULL);
  op_onboarding_flow_set_account (flow, account);
  /* The window and the overview now see a developer. */
  op_connection_set_account (connection, account);
  op_wizard_page_save_complete (OP_WIZARD_PAGE (self), NULL);
}

static void
op_onboarding_summary_page_save_data (OpWizardPage *page,
                                      GCancellable *cancellable)
{
  OpOnboardingSummaryPage *self = OP_ONBOARDING_SUMMARY_PAGE (page);
  OpOnboardingFlow *flow = get_flow (self);
  OpPlatformClient *client = op_connection_get_client (op_onboarding_flow_get_connection (flow));
  g_autofree char *contact =
    op_validate_strip (draft_value (self, OP_ONBOARDING_DRAFT_CONTACT_NAME));
  g_autofree char *email = op_validate_strip (draft_value (self, OP_ONBOARDING_DRAFT_EMAIL));
  g_autofree char *company =
    op_validate_strip (draft_value (self, OP_ONBOARDING_DRAFT_COMPANY_NAME));
  const char *code = op_onboarding_flow_get_sms_code (flow);

  if (client == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_set_error_literal (&error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NETWORK,
                           _("The platform is not available right now. "
                             "Check the connection, then try again."));
      op_wizard_page_save_complete (page, error);
      return;
    }

  op_onboarding_flow_set_field_errors (flow, NULL);
  op_platform_client_submit_onboarding_async (client,
                                              draft_value (self, OP_ONBOARDING_DRAFT_MOBILE),
                                              code != NULL ? code : "",
                                              contact,
                                              email,
                                              get_developer_type (self),
                                              company[0] != '\0' ? company : NULL,
                                              cancellable,
                                              submitted_cb,
                                              g_object_ref (self));
}

static void
op_onboarding_summary_page_constructed (GObject *object)
{
  OpOnboardingSummaryPage *self = (OpOnboardingSummaryPage *)object;

  G_OBJECT_CLASS (op_onboarding_summary_page_parent_class)->constructed (object);

  op_onboarding_summary_page_update (self);
}

static void
op_onboarding_summary_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_ONBOARDING_SUMMARY_PAGE);

  G_OBJECT_CLASS (op_onboarding_summary_page_parent_class)->dispose (object);
}

static void
op_onboarding_summary_page_class_init (OpOnboardingSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_onboarding_summary_page_constructed;
  object_class->dispose = op_onboarding_summary_page_dispose;

  page_class->shown = op_onboarding_summary_page_shown;
  page_class->save_data = op_onboarding_summary_page_save_data;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-onboarding-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingSummaryPage, member_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingSummaryPage, mobile_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingSummaryPage, contact_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingSummaryPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingSummaryPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingSummaryPage, company_row);
}

static void
op_onboarding_summary_page_init (OpOnboardingSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of a page of the onboarding (入驻) wizard */
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Check and Submit"));
  op_wizard_page_set_next_label (OP_WIZARD_PAGE (self), _("_Submit"));
  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), TRUE);
  op_wizard_page_advance_on_enter (OP_WIZARD_PAGE (self));
}
