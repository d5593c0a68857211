/* op-onboarding-account-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-onboarding-account-page.h"
#include "op-onboarding-activity.h"
#include "op-onboarding-flow.h"
#include "op-onboarding-private.h"

/* The first page: what the platform knows about the signed-in account.
 * Real-name verification (实名认证) is required: an unverified account gets
 * the explanation and a link to the verification help, and the page stays
 * incomplete until a check shows it verified. The roles the platform
 * detected are listed; having none does not stop onboarding (roles are
 * applied for later, 资质申请). When the flow resumed a draft, the page says
 * so and offers to start over.
 */
#define FALLBACK_HELP_URL "https://cshall.alipay.com/"

struct _OpOnboardingAccountPage
{
  OpWizardPage          parent_instance;

  GCancellable         *cancellable;
  GPtrArray            *role_rows;

  GtkWidget            *resume_box;
  OpOnboardingActivity *activity;
  AdwActionRow         *member_row;
  AdwActionRow         *verified_row;
  GtkImage             *verified_icon;
  GtkWidget            *unverified_box;
  GtkLinkButton        *help_button;
  GtkLabel             *developer_label;
  AdwPreferencesGroup  *roles_group;
};

G_DEFINE_FINAL_TYPE (OpOnboardingAccountPage, op_onboarding_account_page, OP_TYPE_WIZARD_PAGE)

static OpOnboardingFlow *
get_flow (OpOnboardingAccountPage *self)
{
  return OP_ONBOARDING_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static void
op_onboarding_account_page_update_roles (OpOnboardingAccountPage *self,
                                         OpAccount               *account)
{
  const char * const *role_ids = op_account_get_role_ids (account);

  for (guint i = 0; i < self->role_rows->len; i++)
    adw_preferences_group_remove (self->roles_group, g_ptr_array_index (self->role_rows, i));
  g_ptr_array_set_size (self->role_rows, 0);

  for (guint i = 0; role_ids != NULL && role_ids[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Held"),
                                      -1);
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     op_account_get_role_name (account, role_ids[i]));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   op_account_get_role_detected (account, role_ids[i])
                                   ? _("Detected on your account by the platform")
                                   : _("Granted by an approved qualification application"));
      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->role_rows, row);
    }

  if (self->role_rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No role detected"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("You can still join. Apply for a role later with a "
                                     "qualification application, when a solution you want "
                                     "needs one."));
      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->role_rows, row);
    }
}

static void
op_onboarding_account_page_update (OpOnboardingAccountPage *self)
{
  OpOnboardingFlow *flow = get_flow (self);
  OpAccount *account = op_onboarding_flow_get_account (flow);
  g_autofree char *member = NULL;
  const char *help_url;
  gboolean verified;
  gboolean developer;

  gtk_widget_set_visible (self->resume_box, op_onboarding_flow_get_resumed (flow));

  if (account == NULL)
    {
      op_wizard_page_set_complete (OP_WIZARD_PAGE (self), FALSE);
      return;
    }

  verified = op_account_get_real_name_verified (account);
  developer = op_account_get_is_developer (account);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->member_row),
                                 op_account_get_display_name (account));
  /* Translators: %s is the account's login name, %s its 1688 member ID */
  member = g_strdup_printf (_("Account %s · Member ID %s"),
                            op_account_get_login (account),
                            op_account_get_member_id (account));
  adw_action_row_set_subtitle (self->member_row, member);

  adw_action_row_set_subtitle (self->verified_row,
                               verified ? _("Verified through Alipay")
                                        : _("Not verified"));
  gtk_image_set_from_icon_name (self->verified_icon,
                                verified ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verified_icon), verified ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->verified_icon), verified ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verified_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  verified ? _("Verified") : _("Not verified"),
                                  -1);

  help_url = op_account_get_verification_help_url (account);
  gtk_link_button_set_uri (self->help_button, help_url != NULL ? help_url : FALLBACK_HELP_URL);
  gtk_widget_set_visible (self->unverified_box, !verified);
  gtk_widget_set_visible (GTK_WIDGET (self->developer_label), developer);

  op_onboarding_account_page_update_roles (self, account);

  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), verified && !developer);
}

static void
account_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(OpOnboardingAccountPage) self = user_data;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  OpOnboardingFlow *flow;

  account = op_platform_client_get_account_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  flow = get_flow (self);
  if (account == NULL)
    {
      g_autofree char *message = _op_onboarding_describe_error (error);

      op_connection_report_error (op_onboarding_flow_get_connection (flow), error);
      op_onboarding_activity_fail (self->activity, message);
      return;
    }

  op_onboarding_activity_clear (self->activity);
  op_onboarding_flow_set_account (flow, account);
  /* The rest of the window (sidebar, overview) sees the same account. */
  op_connection_set_account (op_onboarding_flow_get_connection (flow), account);
}

static void
op_onboarding_account_page_refresh (OpOnboardingAccountPage *self)
{
  OpConnection *connection = op_onboarding_flow_get_connection (get_flow (self));
  OpPlatformClient *client = op_connection_get_client (connection);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (client == NULL)
    {
      op_onboarding_activity_fail (self->activity,
                                   _("The platform is not available right now. "
                                     "Check the connection, then try again."));
      return;
    }

  self->cancellable = g_cancellable_new ();
  op_onboarding_activity_start (self->activity, _("Checking your account…"), self->cancellable);
  op_platform_client_get_account_async (client, self->cancellable,
                                        account_loaded_cb, g_object_ref (self));
}

static void
start_over_clicked_cb (OpOnboardingAccountPage *self)
{
  op_onboarding_flow_start_over (get_flow (self));
}

static gboolean
focus_member_idle_cb (gpointer user_data)
{
  OpOnboardingAccountPage *self = user_data;

  if (self->member_row != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->member_row));

  return G_SOURCE_REMOVE;
}

static void
op_onboarding_account_page_shown (OpWizardPage *page)
{
  OpOnboardingAccountPage *self = OP_ONBOARDING_ACCOUNT_PAGE (page);

  /* The member may have finished the verification in Alipay meanwhile. */
  op_onboarding_account_page_refresh (self);
  /* Where Enter goes on, and a screen reader starts reading; the first
   * page is shown before the window has the wizard, so wait for it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_member_idle_cb,
                   g_object_ref (self), g_object_unref);
}

static void
op_onboarding_account_page_constructed (GObject *object)
{
  OpOnboardingAccountPage *self = (OpOnboardingAccountPage *)object;
  OpOnboardingFlow *flow;

  G_OBJECT_CLASS (op_onboarding_account_page_parent_class)->constructed (object);

  flow = get_flow (self);
  g_signal_connect_object (flow, "notify::account",
                           G_CALLBACK (op_onboarding_account_page_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::resumed",
                           G_CALLBACK (op_onboarding_account_page_update), self,
                           G_CONNECT_SWAPPED);
  op_onboarding_account_page_update (self);
}

static void
op_onboarding_account_page_dispose (GObject *object)
{
  OpOnboardingAccountPage *self = (OpOnboardingAccountPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_ONBOARDING_ACCOUNT_PAGE);

  G_OBJECT_CLASS (op_onboarding_account_page_parent_class)->dispose (object);
}

static void
op_onboarding_account_page_finalize (GObject *object)
{
  OpOnboardingAccountPage *self = (OpOnboardingAccountPage *)object;

  g_clear_pointer (&self->role_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (op_onboarding_account_page_parent_class)->finalize (object);
}

static void
op_onboarding_account_page_class_init (OpOnboardingAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_onboarding_account_page_constructed;
  object_class->dispose = op_onboarding_account_page_dispose;
  object_class->finalize = op_onboarding_account_page_finalize;

  page_class->shown = op_onboarding_account_page_shown;

  g_type_ensure (OP_TYPE_ONBOARDING_ACTIVITY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-onboarding-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, resume_box);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, activity);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, member_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, verified_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, verified_icon);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, unverified_box);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, help_button);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, developer_label);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingAccountPage, roles_group);
  gtk_widget_class_bind_template_callback (widget_class, start_over_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, op_onboarding_account_page_refresh);
}

static void
op_onboarding_account_page_init (OpOnboardingAccountPage *self)
{
  self->role_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of the first page of the onboarding (入驻) wizard */
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Your Account"));

  g_signal_connect_object (self->activity, "retry",
                           G_CALLBACK (op_onboarding_account_page_refresh), self,
                           G_CONNECT_SWAPPED);
  op_wizard_page_advance_on_enter (OP_WIZARD_PAGE (self));
}
