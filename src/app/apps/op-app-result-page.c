/* op-app-result-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-app-result-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-app-result-page.h"
#include "op-apps-format.h"

/* The last page of 上线, 上架 and 调高调用量: where the application stands.
 * It follows the review while it is shown (the watcher tells it), and for
 * an approved listing it links to 1688服务市场, where the listing goes on.
 */
struct _OpAppResultPage
{
  OpWizardPage   parent_instance;

  AdwStatusPage *status;
  AdwActionRow  *state_row;
  GtkButton     *market_button;
  GtkLabel      *waiting_label;
};

G_DEFINE_FINAL_TYPE (OpAppResultPage, op_app_result_page, OP_TYPE_WIZARD_PAGE)

static OpAppFlow *
get_flow (OpAppResultPage *self)
{
  return OP_APP_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static OpReviewState
review_state (OpAppFlow *flow,
              OpApp     *app)
{
  switch (op_app_flow_get_kind (flow))
    {
    case OP_APP_FLOW_LAUNCH:
      return op_app_get_launch_state (app);

    case OP_APP_FLOW_LISTING:
      return op_app_get_listing_state (app);

    case OP_APP_FLOW_QUOTA:
      return op_app_get_quota_increase_state (app);

    default:
      g_return_val_if_reached (OP_REVIEW_STATE_NONE);
    }
}

static const char *
reason (OpAppFlow *flow,
        OpApp     *app)
{
  const char *text = NULL;

  switch (op_app_flow_get_kind (flow))
    {
    case OP_APP_FLOW_LAUNCH:
      text = op_app_get_launch_reason (app);
      break;

    case OP_APP_FLOW_LISTING:
      text = op_app_get_listing_reason (app);
      break;

    case OP_APP_FLOW_QUOTA:
      text = op_app_get_quota_increase_reason (app);
      break;

    default:
      g_assert_not_reached ();
    }

  return text != NULL && *text != '\0' ? text : _("The platform gave no reason.");
}

static void
op_app_result_page_update (OpAppResultPage *self)
{
  OpAppFlow *flow = get_flow (self);
  OpApp *app = op_app_flow_get_app (flow);
  OpAppFlowKind kind = op_app_flow_get_kind (flow);
  OpReviewState state;
  g_autofree char *description = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *limit = NULL;
  const char *title = NULL;
  const char *icon = "emblem-synchronizing-symbolic";
  const char *name;

  if (app == NULL)
    return;

  name = op_app_get_name (app);
  state = review_state (flow, app);
  limit = op_apps_format_count (kind == OP_APP_FLOW_QUOTA && state == OP_REVIEW_STATE_PENDING
                                ? op_app_get_quota_increase_daily_limit (app)
                                : op_app_get_daily_limit (app));

  if (state == OP_REVIEW_STATE_APPROVED)
    icon = "emblem-ok-symbolic";
  else if (state == OP_REVIEW_STATE_REJECTED)
    icon = "dialog-warning-symbolic";

  switch (kind)
    {
    case OP_APP_FLOW_LAUNCH:
      if (state == OP_REVIEW_STATE_APPROVED)
        {
          title = _("App Launched");
          /* Translators: %s is the app's name, then a number of calls */
          description = g_strdup_printf (_("“%s” is launched: it may now make %s calls a day."),
                                         name, limit);
        }
      else if (state == OP_REVIEW_STATE_REJECTED)
        {
          title = _("Launch Not Approved");
          /* Translators: %s is the reviewer's reason */
          description = g_strdup_printf (_("The reviewer’s reason: %s The app is in development "
                                           "again; correct it and submit the launch again."),
                                         reason (flow, app));
        }
      else
        {
          title = _("Launch Requested");
          /* Translators: %s is the app's name */
          description = g_strdup_printf (_("The platform is reviewing the launch of “%s”. Until it "
                                           "is launched, the app keeps its development quota."),
                                         name);
        }
      adw_action_row_set_subtitle (self->state_row, op_apps_app_state_label (op_app_get_state (app)));
      break;

    case OP_APP_FLOW_LISTING:
      if (state == OP_REVIEW_STATE_APPROVED)
        {
          title = _("Listing Approved");
          /* Translators: %s is the app's name */
          description = g_strdup_printf (_("The platform accepted the listing of “%s”. Continue on "
                                           "the 1688 service market, where the listing goes on."),
                                         name);
        }
      else if (state == OP_REVIEW_STATE_REJECTED)
        {
          title = _("Listing Not Approved");
          /* Translators: %s is the reviewer's reason */
          description = g_strdup_printf (_("The reviewer’s reason: %s Correct the information and "
                                           "submit the app for sale again."),
                                         reason (flow, app));
        }
      else
        {
          title = _("Submitted for Sale");
          /* Translators: %s is the app's name */
          description = g_strdup_printf (_("The platform is checking the Jushita information and "
                                           "the authorization callback address of “%s”. Once "
                                           "approved, the listing continues on the 1688 service "
                                           "market."),
                                         name);
        }
      adw_action_row_set_subtitle (self->state_row, op_apps_review_state_label (state));
      break;

    case OP_APP_FLOW_QUOTA:
      if (state == OP_REVIEW_STATE_APPROVED)
        {
          title = _("Call Quota Raised");
          /* Translators: %s is the app's name, then a number of calls */
          description = g_strdup_printf (_("“%s” may now make %s calls a day."), name, limit);
        }
      else if (state == OP_REVIEW_STATE_REJECTED)
        {
          title = _("Call Quota Not Raised");
          /* Translators: %s is the reviewer's reason */
          description = g_strdup_printf (_("The reviewer’s reason: %s"), reason (flow, app));
        }
      else
        {
          title = _("Request Submitted");
          /* Translators: %s is the app's name, then a number of calls */
          description = g_strdup_printf (_("The platform is reviewing the request to raise the call "
                                           "quota of “%s” to %s calls a day."),
                                         name, limit);
        }
      adw_action_row_set_subtitle (self->state_row, op_apps_review_state_label (state));
      break;

    default:
      g_assert_not_reached ();
    }

  adw_status_page_set_icon_name (self->status, icon);
  adw_status_page_set_title (self->status, title);
  /* The description is markup; names and reasons are not. */
  markup = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->status, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), state == OP_REVIEW_STATE_PENDING);
  gtk_widget_set_visible (GTK_WIDGET (self->market_button),
                          kind == OP_APP_FLOW_LISTING && state == OP_REVIEW_STATE_APPROVED &&
                          op_app_get_market_url (app) != NULL);
}

static void
watcher_app_changed_cb (OpAppResultPage *self,
                        OpApp           *app)
{
  OpAppFlow *flow = get_flow (self);
  OpApp *current = op_app_flow_get_app (flow);

  if (current != NULL && g_strcmp0 (op_app_get_app_key (current), op_app_get_app_key (app)) == 0)
    op_app_flow_set_app (flow, app);
}

static void
market_clicked_cb (OpAppResultPage *self)
{
  OpApp *app = op_app_flow_get_app (get_flow (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (app != NULL && op_app_get_market_url (app) != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                  op_app_get_market_url (app), GDK_CURRENT_TIME);
}

static void
op_app_result_page_constructed (GObject *object)
{
  OpAppResultPage *self = (OpAppResultPage *)object;
  OpAppFlow *flow;

  G_OBJECT_CLASS (op_app_result_page_parent_class)->constructed (object);

  flow = get_flow (self);

  switch (op_app_flow_get_kind (flow))
    {
    case OP_APP_FLOW_LAUNCH:
      op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Launch"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), _("App state"));
      break;

    case OP_APP_FLOW_LISTING:
      op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Listing"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), _("Listing review"));
      break;

    case OP_APP_FLOW_QUOTA:
      op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Call Quota"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), _("Quota increase "
                                                                              "review"));
      break;

    default:
      g_assert_not_reached ();
    }

  g_signal_connect_object (flow, "notify::app", G_CALLBACK (op_app_result_page_update), self,
                           G_CONNECT_SWAPPED);
  if (op_app_flow_get_watcher (flow) != NULL)
    g_signal_connect_object (op_app_flow_get_watcher (flow), "app-changed",
                             G_CALLBACK (watcher_app_changed_cb), self,
                             G_CONNECT_SWAPPED);

  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), TRUE);
  op_app_result_page_update (self);
}

static void
op_app_result_page_dispose (GObject *object)
{
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_APP_RESULT_PAGE);

  G_OBJECT_CLASS (op_app_result_page_parent_class)->dispose (object);
}

static void
op_app_result_page_class_init (OpAppResultPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = op_app_result_page_constructed;
  object_class->dispose = op_app_result_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-app-result-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpAppResultPage, status);
  gtk_widget_class_bind_template_child (widget_class, OpAppResultPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, OpAppResultPage, market_button);
  gtk_widget_class_bind_template_child (widget_class, OpAppResultPage, waiting_label);
  gtk_widget_class_bind_template_callback (widget_class, market_clicked_cb);
}

static void
op_app_result_page_init (OpAppResultPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OpWizardPage *
op_app_result_page_new (OpAppFlow *flow)
{
  g_return_val_if_fail (OP_IS_APP_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_APP_RESULT_PAGE,
                       "flow", flow,
                       NULL);
}
