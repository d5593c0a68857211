/* op-onboarding-done-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding-done-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-onboarding-done-page.h"
#include "op-onboarding-flow.h"

/* The result: the account is a developer now, and what comes next. Done
 * brings the window back to the overview, which shows the next step. */
struct _OpOnboardingDonePage
{
  OpWizardPage   parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (OpOnboardingDonePage, op_onboarding_done_page, OP_TYPE_WIZARD_PAGE)

static void
op_onboarding_done_page_shown (OpWizardPage *page)
{
  OpOnboardingDonePage *self = OP_ONBOARDING_DONE_PAGE (page);
  OpOnboardingFlow *flow = OP_ONBOARDING_FLOW (op_wizard_page_get_flow (page));
  OpAccount *account = op_onboarding_flow_get_account (flow);
  g_autofree char *title = NULL;

  if (account == NULL)
    return;

  /* Translators: %s is the developer's contact name */
  title = g_strdup_printf (_("Welcome, %s"),
                           op_account_get_contact_name (account) != NULL
                           ? op_account_get_contact_name (account)
                           : op_account_get_display_name (account));
  adw_status_page_set_title (self->status_page, title);
}

static void
op_onboarding_done_page_dispose (GObject *object)
{
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_ONBOARDING_DONE_PAGE);

  G_OBJECT_CLASS (op_onboarding_done_page_parent_class)->dispose (object);
}

static void
op_onboarding_done_page_class_init (OpOnboardingDonePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = op_onboarding_done_page_dispose;

  page_class->shown = op_onboarding_done_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-onboarding-done-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingDonePage, status_page);
}

static void
op_onboarding_done_page_init (OpOnboardingDonePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of the last page of the onboarding (入驻) wizard */
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("You Are a Developer"));
  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), TRUE);
  op_wizard_page_set_can_go_back (OP_WIZARD_PAGE (self), FALSE);
}
