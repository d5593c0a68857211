/* op-onboarding-mobile-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding-mobile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-field-error.h"
#include "op-onboarding-activity.h"
#include "op-onboarding-flow.h"
#include "op-onboarding-mobile-page.h"
#include "op-onboarding-private.h"
#include "op-validate.h"

/* The mobile number and its SMS code (短信验证码). "Send Code" asks the
 * platform to send a code; the sandbox sends no SMS, so the message it would
 * have sent is shown here, clearly labelled as the sandbox's. The platform
 * checks the code when everything is submitted: when it refuses it, the
 * summary comes back here and the reason appears under the code field.
 * The number is kept in the draft; the code only in memory.
 */
#define SMS_CODE_LENGTH 6

struct _OpOnboardingMobilePage
{
  OpWizardPage          parent_instance;

  GCancellable         *cancellable;
  guint                 validate_source;
  guint                 countdown_source;
  gint64                resend_at;
  char                 *sent_to;
  gboolean              mobile_touched;
  gboolean              code_touched;

  AdwEntryRow          *mobile_row;
  GtkButton            *send_button;
  GtkLabel             *mobile_caption;
  AdwPreferencesGroup  *sandbox_group;
  GtkLabel             *sandbox_code_label;
  GtkLabel             *sandbox_text_label;
  AdwEntryRow          *code_row;
  GtkLabel             *code_caption;
  OpOnboardingActivity *activity;
};

G_DEFINE_FINAL_TYPE (OpOnboardingMobilePage, op_onboarding_mobile_page, OP_TYPE_WIZARD_PAGE)

static void op_onboarding_mobile_page_send (OpOnboardingMobilePage *self);

static OpOnboardingFlow *
get_flow (OpOnboardingMobilePage *self)
{
  return OP_ONBOARDING_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static gboolean
code_is_well_formed (const char *code)
{
  if (code == NULL || strlen (code) != SMS_CODE_LENGTH)
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static char *
get_code (OpOnboardingMobilePage *self)
{
  return op_validate_strip (gtk_editable_get_text (GTK_EDITABLE (self->code_row)));
}

/* Recomputes whether the page is complete; with @show_errors, also says
 * under each touched field what is wrong with it. */
static void
op_onboarding_mobile_page_validate (OpOnboardingMobilePage *self,
                                    gboolean                show_errors)
{
  OpOnboardingFlow *flow = get_flow (self);
  const char *mobile = gtk_editable_get_text (GTK_EDITABLE (self->mobile_row));
  g_autofree char *code = get_code (self);
  g_autoptr(GError) mobile_error = NULL;
  const char *mobile_message = NULL;
  const char *code_message = NULL;
  gboolean mobile_ok;
  gboolean code_ok;

  mobile_ok = op_validate_mobile (mobile, &mobile_error);
  code_ok = code_is_well_formed (code);

  if (show_errors)
    {
      if ((mobile_message = op_onboarding_flow_get_field_error (flow, "mobile")) == NULL &&
          self->mobile_touched && !mobile_ok)
        mobile_message = mobile_error->message;

      if ((code_message = op_onboarding_flow_get_field_error (flow, "sms_code")) == NULL &&
          self->code_touched && !code_ok)
        code_message = code[0] == '\0'
                       ? _("Enter the verification code from the SMS.")
                       : _("The verification code has 6 digits. Check the SMS and type it again.");

      op_field_error_show (GTK_WIDGET (self->mobile_row), self->mobile_caption,
                           mobile_message, NULL);
      op_field_error_show (GTK_WIDGET (self->code_row), self->code_caption,
                           code_message, NULL);
    }

  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), mobile_ok && code_ok);
}

static gboolean
validate_timeout_cb (gpointer user_data)
{
  OpOnboardingMobilePage *self = user_data;

  self->validate_source = 0;
  op_onboarding_mobile_page_validate (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
op_onboarding_mobile_page_schedule_validate (OpOnboardingMobilePage *self)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (OP_ONBOARDING_VALIDATE_DELAY_MS,
                                         validate_timeout_cb, self);
  op_onboarding_mobile_page_validate (self, FALSE);
}

static void
op_onboarding_mobile_page_update_send_button (OpOnboardingMobilePage *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->resend_at > now)
    {
      guint seconds = (guint) ((self->resend_at - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
      g_autofree char *label = NULL;

      /* Translators: on the button that sends an SMS code again, %u is a
       * number of seconds ("s" for seconds); keep it short */
      label = g_strdup_printf (_("Resend in %u s"), seconds);
      gtk_button_set_label (self->send_button, label);
      gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), FALSE);
      return;
    }

  gtk_button_set_label (self->send_button, _("_Send Code"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), self->cancellable == NULL);
}

static gboolean
countdown_cb (gpointer user_data)
{
  OpOnboardingMobilePage *self = user_data;

  op_onboarding_mobile_page_update_send_button (self);
  if (self->resend_at > g_get_monotonic_time ())
    return G_SOURCE_CONTINUE;

  self->countdown_source = 0;
  return G_SOURCE_REMOVE;
}

static void
op_onboarding_mobile_page_wait (OpOnboardingMobilePage *self,
                                guint                   seconds)
{
  self->resend_at = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  if (self->countdown_source == 0 && seconds > 0)
    self->countdown_source = g_timeout_add_seconds (1, countdown_cb, self);
  op_onboarding_mobile_page_update_send_button (self);
}

static void
op_onboarding_mobile_page_end_work (OpOnboardingMobilePage *self)
{
  g_clear_object (&self->cancellable);
  op_onboarding_mobile_page_update_send_button (self);
}

static void
sandbox_sms_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpOnboardingMobilePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *text = NULL;

  if (!op_platform_client_get_sandbox_sms_finish (OP_PLATFORM_CLIENT (object), result,
                                                  &code, &text, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      op_onboarding_mobile_page_end_work (self);
      /* A real platform has no sandbox inbox: the code comes by SMS. */
      if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NOT_FOUND))
        {
          op_onboarding_activity_clear (self->activity);
          return;
        }

      {
        g_autofree char *message = _op_onboarding_describe_error (error);

        op_connection_report_error (op_onboarding_flow_get_connection (get_flow (self)), error);
        op_onboarding_activity_fail (self->activity, message);
      }
      return;
    }

  op_onboarding_mobile_page_end_work (self);
  op_onboarding_activity_clear (self->activity);

  gtk_label_set_label (self->sandbox_code_label, code != NULL ? code : "");
  gtk_label_set_label (self->sandbox_text_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sandbox_group), code != NULL);

  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static void
sms_sent_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(OpOnboardingMobilePage) self = user_data;
  g_autoptr(GError) error = NULL;
  OpOnboardingFlow *flow;
  guint resend_after = 0;

  if (!op_platform_client_request_sms_code_finish (OP_PLATFORM_CLIENT (object), result,
                                                   &resend_after, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      flow = get_flow (self);
      op_onboarding_mobile_page_end_work (self);
      op_connection_report_error (op_onboarding_flow_get_connection (flow), error);

      if (op_platform_error_get_field (error, "mobile") != NULL)
        {
          /* The platform's own reason, under the field it is about. */
          op_onboarding_activity_clear (self->activity);
          op_onboarding_flow_set_field_errors (flow, op_platform_error_get_fields (error));
          gtk_widget_grab_focus (GTK_WIDGET (self->mobile_row));
          return;
        }

      if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_RATE_LIMITED))
        op_onboarding_mobile_page_wait (self, op_platform_error_get_retry_after (error));

      message = _op_onboarding_describe_error (error);
      op_onboarding_activity_fail (self->activity, message);
      return;
    }

  g_free (self->sent_to);
  self->sent_to =
    op_validate_normalize_mobile (gtk_editable_get_text (GTK_EDITABLE (self->mobile_row)));
  op_onboarding_mobile_page_wait (self, resend_after);
  op_platform_client_get_sandbox_sms_async (OP_PLATFORM_CLIENT (object), self->cancellable,
                                            sandbox_sms_cb, g_object_ref (self));
}

static void
op_onboarding_mobile_page_send (OpOnboardingMobilePage *self)
{
  OpOnboardingFlow *flow = get_flow (self);
  OpPlatformClient *client = op_connection_get_client (op_onboarding_flow_get_connection (flow));
  const char *mobile = gtk_editable_get_text (GTK_EDITABLE (self->mobile_row));

  if (self->cancellable != NULL || self->resend_at > g_get_monotonic_time ())
    return;

  self->mobile_touched = TRUE;
  if (!op_validate_mobile (mobile, NULL))
    {
      op_onboarding_mobile_page_validate (self, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->mobile_row));
      return;
    }

  if (client == NULL)
    {
      op_onboarding_activity_fail (self->activity,
                                   _("The platform is not available right now. "
                                     "Check the connection, then try again."));
      return;
    }

  self->cancellable = g_cancellable_new ();
  op_onboarding_mobile_page_update_send_button (self);
  op_onboarding_activity_start (self->activity, _("Sending the verification code…"),
                                self->cancellable);
  op_platform_client_request_sms_code_async (client, mobile, self->cancellable,
                                             sms_sent_cb, g_object_ref (self));
}

static void
activity_cancelled_cb (OpOnboardingMobilePage *self)
{
  /* The Cancel button stopped the work: let the user send again. */
  op_onboarding_mobile_page_end_work (self);
}

static void
mobile_changed_cb (OpOnboardingMobilePage *self)
{
  OpOnboardingFlow *flow = get_flow (self);
  const char *mobile = gtk_editable_get_text (GTK_EDITABLE (self->mobile_row));
  g_autofree char *normalized = op_validate_normalize_mobile (mobile);

  /* The sandbox message was for another number. */
  if (g_strcmp0 (normalized, self->sent_to) != 0)
    gtk_widget_set_visible (GTK_WIDGET (self->sandbox_group), FALSE);

  op_draft_set_string (op_flow_get_draft (OP_FLOW (flow)), OP_ONBOARDING_DRAFT_MOBILE, mobile);
  self->mobile_touched = TRUE;
  op_onboarding_flow_clear_field_error (flow, "mobile");
  op_onboarding_mobile_page_schedule_validate (self);
}

static void
code_changed_cb (OpOnboardingMobilePage *self)
{
  OpOnboardingFlow *flow = get_flow (self);
  g_autofree char *code = get_code (self);

  op_onboarding_flow_set_sms_code (flow, code);
  self->code_touched = TRUE;
  op_onboarding_flow_clear_field_error (flow, "sms_code");
  op_onboarding_mobile_page_schedule_validate (self);
}

static void
mobile_activated_cb (OpOnboardingMobilePage *self)
{
  g_autofree char *code = get_code (self);

  /* Enter in the number sends the code, unless one was typed already. */
  if (code[0] == '\0')
    op_onboarding_mobile_page_send (self);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static void
code_activated_cb (OpOnboardingMobilePage *self)
{
  self->mobile_touched = TRUE;
  self->code_touched = TRUE;
  op_onboarding_mobile_page_validate (self, TRUE);
  op_wizard_page_request_next (OP_WIZARD_PAGE (self));
}

static void
field_left_cb (GtkEventControllerFocus *controller,
               OpOnboardingMobilePage  *self)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  op_onboarding_mobile_page_validate (self, TRUE);
}

static void
field_errors_changed_cb (OpOnboardingMobilePage *self)
{
  op_onboarding_mobile_page_validate (self, TRUE);
}

static void
send_clicked_cb (OpOnboardingMobilePage *self)
{
  op_onboarding_mobile_page_send (self);
}

static void
op_onboarding_mobile_page_shown (OpWizardPage *page)
{
  OpOnboardingMobilePage *self = OP_ONBOARDING_MOBILE_PAGE (page);
  OpOnboardingFlow *flow = get_flow (self);

  op_onboarding_mobile_page_validate (self, TRUE);

  if (op_onboarding_flow_get_field_error (flow, "sms_code") != NULL ||
      op_validate_mobile (gtk_editable_get_text (GTK_EDITABLE (self->mobile_row)), NULL))
    gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->mobile_row));
}

static void
add_focus_out (OpOnboardingMobilePage *self,
               GtkWidget              *row)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect (controller, "leave", G_CALLBACK (field_left_cb), self);
  gtk_widget_add_controller (row, controller);
}

static void
op_onboarding_mobile_page_constructed (GObject *object)
{
  OpOnboardingMobilePage *self = (OpOnboardingMobilePage *)object;
  OpOnboardingFlow *flow;
  OpDraft *draft;
  const char *mobile;
  const char *code;

  G_OBJECT_CLASS (op_onboarding_mobile_page_parent_class)->constructed (object);

  flow = get_flow (self);
  draft = op_flow_get_draft (OP_FLOW (flow));
  mobile = op_draft_get_string (draft, OP_ONBOARDING_DRAFT_MOBILE);
  code = op_onboarding_flow_get_sms_code (flow);

  gtk_editable_set_text (GTK_EDITABLE (self->mobile_row), mobile != NULL ? mobile : "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), code != NULL ? code : "");
  /* What came from the draft is shown checked, as when it was typed. */
  self->mobile_touched = mobile != NULL;
  self->code_touched = code != NULL;

  g_signal_connect_object (self->mobile_row, "changed", G_CALLBACK (mobile_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->code_row, "changed", G_CALLBACK (code_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "field-errors-changed", G_CALLBACK (field_errors_changed_cb), self,
                           G_CONNECT_SWAPPED);

  op_onboarding_mobile_page_validate (self, TRUE);
}

static void
op_onboarding_mobile_page_dispose (GObject *object)
{
  OpOnboardingMobilePage *self = (OpOnboardingMobilePage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->validate_source, g_source_remove);
  g_clear_handle_id (&self->countdown_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_ONBOARDING_MOBILE_PAGE);

  G_OBJECT_CLASS (op_onboarding_mobile_page_parent_class)->dispose (object);
}

static void
op_onboarding_mobile_page_finalize (GObject *object)
{
  OpOnboardingMobilePage *self = (OpOnboardingMobilePage *)object;

  g_clear_pointer (&self->sent_to, g_free);

  G_OBJECT_CLASS (op_onboarding_mobile_page_parent_class)->finalize (object);
}

static void
op_onboarding_mobile_page_class_init (OpOnboardingMobilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_onboarding_mobile_page_constructed;
  object_class->dispose = op_onboarding_mobile_page_dispose;
  object_class->finalize = op_onboarding_mobile_page_finalize;

  page_class->shown = op_onboarding_mobile_page_shown;

  g_type_ensure (OP_TYPE_ONBOARDING_ACTIVITY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-onboarding-mobile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, mobile_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, send_button);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, mobile_caption);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, sandbox_group);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, sandbox_code_label);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, sandbox_text_label);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, code_row);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, code_caption);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingMobilePage, activity);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, mobile_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_activated_cb);
}

static void
op_onboarding_mobile_page_init (OpOnboardingMobilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the title of a page of the onboarding (入驻) wizard */
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Verify Your Mobile Number"));

  add_focus_out (self, GTK_WIDGET (self->mobile_row));
  add_focus_out (self, GTK_WIDGET (self->code_row));

  g_signal_connect_object (self->activity, "retry", G_CALLBACK (send_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activity, "cancelled", G_CALLBACK (activity_cancelled_cb), self,
                           G_CONNECT_SWAPPED);
}
