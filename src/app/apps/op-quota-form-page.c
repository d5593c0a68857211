/* op-quota-form-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-quota-form-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-apps-format.h"
#include "op-field-checks.h"
#include "op-field-error.h"
#include "op-quota-flow.h"
#include "op-quota-form-page.h"

/* The form of 调高调用量: today's use against the limit, the daily limit
 * asked for and the reason. Its save_data submits the request; the
 * platform's reasons per field come back under the fields.
 */
enum {
  FIELD_LIMIT,
  FIELD_REASON,
  N_FIELDS
};

static const char *server_names[N_FIELDS] = { "daily_limit", "reason" };
static const char *draft_keys[N_FIELDS] = { "daily-limit", "reason" };

struct _OpQuotaFormPage
{
  OpWizardPage   parent_instance;

  OpFieldChecks *checks;
  gboolean       loading;

  GtkRevealer   *draft_revealer;
  AdwActionRow  *today_row;
  AdwEntryRow   *limit_row;
  GtkLabel      *limit_caption;
  GtkTextView   *reason_view;
  GtkLabel      *reason_caption;
};

G_DEFINE_FINAL_TYPE (OpQuotaFormPage, op_quota_form_page, OP_TYPE_WIZARD_PAGE)

static OpAppFlow *
get_flow (OpQuotaFormPage *self)
{
  return OP_APP_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static char *
get_reason (OpQuotaFormPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reason_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* The number typed, with the spaces and thousands separators people write. */
static gboolean
parse_limit (const char *text,
             gint64     *limit)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 value;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ',' && *p != ' ' && *p != '_')
      g_string_append_c (digits, *p);

  if (digits->len == 0 || digits->len > 12 ||
      !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;

  *limit = (gint64) value;
  return TRUE;
}

static gint64
current_limit (OpQuotaFormPage *self)
{
  OpApp *app = op_app_flow_get_app (get_flow (self));

  return app != NULL ? op_app_get_daily_limit (app) : 0;
}

static char *
op_quota_form_page_check_field (OpWizardPage *page,
                                guint         field)
{
  OpQuotaFormPage *self = OP_QUOTA_FORM_PAGE (page);
  const char *text;
  g_autofree char *reason = NULL;
  gint64 limit;

  switch (field)
    {
    case FIELD_LIMIT:
      text = gtk_editable_get_text (GTK_EDITABLE (self->limit_row));
      if (*text == '\0')
        return g_strdup (_("Enter how many calls a day the app needs."));
      if (!parse_limit (text, &limit))
        return g_strdup (_("Enter a whole number of calls, for example 200000."));
      if (limit <= current_limit (self))
        {
          g_autofree char *current = op_apps_format_count (current_limit (self));

          /* Translators: %s is a number of calls */
          return g_strdup_printf (_("Ask for more than the current limit of %s calls a day."), current);
        }
      if (limit > OP_QUOTA_FLOW_MAX_DAILY_LIMIT)
        {
          g_autofree char *max = op_apps_format_count (OP_QUOTA_FLOW_MAX_DAILY_LIMIT);

          /* Translators: %s is a number of calls */
          return g_strdup_printf (_("The platform grants at most %s calls a day."), max);
        }
      return NULL;

    case FIELD_REASON:
      reason = get_reason (self);
      if (*reason == '\0')
        return g_strdup (_("Say why the app needs more calls, for example how many orders it "
                           "handles a day."));
      if (g_utf8_strlen (reason, -1) > OP_QUOTA_FLOW_MAX_REASON)
        /* Translators: both are numbers of characters */
        return g_strdup_printf (_("The reason can have at most %d characters; it has %ld."),
                                OP_QUOTA_FLOW_MAX_REASON, g_utf8_strlen (reason, -1));
      return NULL;

    default:
      g_assert_not_reached ();
    }
}

static void
op_quota_form_page_show_field (OpWizardPage *page,
                               guint         field,
                               const char   *error)
{
  OpQuotaFormPage *self = OP_QUOTA_FORM_PAGE (page);

  if (field == FIELD_LIMIT)
    {
      g_autofree char *current = op_apps_format_count (current_limit (self));
      g_autofree char *max = op_apps_format_count (OP_QUOTA_FLOW_MAX_DAILY_LIMIT);
      g_autofree char *help = NULL;

      /* Translators: both are numbers of calls */
      help = g_strdup_printf (_("More than the current %s and at most %s calls a day."), current, max);
      op_field_error_show (GTK_WIDGET (self->limit_row), self->limit_caption, error, help);
    }
  else
    {
      g_autofree char *help = NULL;

      /* Translators: %d is a number of characters */
      help = g_strdup_printf (_("What the app does with the calls, and why it needs more (at most "
                                "%d characters). The reviewer reads it."),
                              OP_QUOTA_FLOW_MAX_REASON);
      op_field_error_show (GTK_WIDGET (self->reason_view), self->reason_caption, error, help);
    }
}

static void
op_quota_form_page_save (OpQuotaFormPage *self)
{
  OpDraft *draft = op_flow_get_draft (OP_FLOW (get_flow (self)));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->limit_row));
  g_autofree char *reason = get_reason (self);
  gint64 limit = 0;

  if (!parse_limit (text, &limit))
    limit = 0;

  op_quota_flow_set_request (OP_QUOTA_FLOW (get_flow (self)), limit, reason);
  op_draft_set_string (draft, draft_keys[FIELD_LIMIT], text);
  op_draft_set_string (draft, draft_keys[FIELD_REASON], reason);
}

static void
op_quota_form_page_changed (OpQuotaFormPage *self,
                            guint            field)
{
  if (self->loading)
    return;

  op_quota_form_page_save (self);
  op_field_checks_edited (self->checks, field);
}

static void
limit_changed_cb (OpQuotaFormPage *self)
{
  op_quota_form_page_changed (self, FIELD_LIMIT);
}

static void
reason_changed_cb (OpQuotaFormPage *self)
{
  op_quota_form_page_changed (self, FIELD_REASON);
}

static void
limit_activated_cb (OpQuotaFormPage *self)
{
  op_field_checks_touch (self->checks, FIELD_LIMIT);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_view));
}

/* Ctrl+Enter in the reason (Enter starts a new line there) goes on. */
static gboolean
reason_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       OpQuotaFormPage       *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      op_field_checks_touch_all (self->checks);
      op_wizard_page_request_next (OP_WIZARD_PAGE (self));
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
field_left_cb (GtkEventControllerFocus *controller,
               OpQuotaFormPage         *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  op_field_checks_touch (self->checks,
                         field == GTK_WIDGET (self->limit_row) ? FIELD_LIMIT : FIELD_REASON);
}

static void
op_quota_form_page_update_today (OpQuotaFormPage *self)
{
  OpApp *app = op_app_flow_get_app (get_flow (self));
  g_autofree char *quota = NULL;

  if (app == NULL)
    return;

  quota = op_apps_format_quota (app);
  adw_action_row_set_subtitle (self->today_row, quota);
}

static void
op_quota_form_page_fill (OpQuotaFormPage *self,
                         gboolean         from_draft)
{
  OpDraft *draft = op_flow_get_draft (OP_FLOW (get_flow (self)));
  const char *limit = from_draft ? op_draft_get_string (draft, draft_keys[FIELD_LIMIT]) : NULL;
  const char *reason = from_draft ? op_draft_get_string (draft, draft_keys[FIELD_REASON]) : NULL;
  g_autofree char *kept_limit = g_strdup (limit);
  g_autofree char *kept_reason = g_strdup (reason);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->limit_row), kept_limit != NULL ? kept_limit : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view),
                            kept_reason != NULL ? kept_reason : "", -1);
  self->loading = FALSE;

  /* A kept value that is not right shows its problem at once. */
  op_field_checks_set_touched (self->checks, FIELD_LIMIT, kept_limit != NULL);
  op_field_checks_set_touched (self->checks, FIELD_REASON, kept_reason != NULL);

  op_quota_form_page_save (self);
  op_field_checks_validate (self->checks);
}

static void
start_over_cb (OpQuotaFormPage *self)
{
  op_draft_discard (op_flow_get_draft (OP_FLOW (get_flow (self))));
  op_field_checks_set_server_errors (self->checks, NULL);
  op_quota_form_page_fill (self, FALSE);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->limit_row));
}

static void
continue_cb (OpQuotaFormPage *self)
{
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->limit_row));
}

static void
field_errors_changed_cb (OpQuotaFormPage *self)
{
  op_field_checks_set_server_errors (self->checks, op_app_flow_get_field_errors (get_flow (self)));
  op_field_checks_validate (self->checks);
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpQuotaFormPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpApp) app = NULL;

  app = op_app_flow_submit_finish (OP_APP_FLOW (object), result, &error);
  if (app == NULL)
    {
      g_autoptr(GError) shown = NULL;
      g_autofree char *message = NULL;

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("The platform refused the quota increase: %s", error->message);

      if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION))
        message = g_strdup (_("The platform found information that is not valid: see the reason "
                              "under the field, correct it, then submit again."));
      else
        /* Translators: %s is the platform's explanation */
        message = op_apps_error_message (error, _("The platform did not accept the request to raise "
                                                  "the call quota: %s"));

      shown = g_error_new_literal (error->domain, error->code, message);
      op_wizard_page_save_complete (OP_WIZARD_PAGE (self), shown);
      return;
    }

  op_wizard_page_save_complete (OP_WIZARD_PAGE (self), NULL);
}

static void
op_quota_form_page_save_data (OpWizardPage *page,
                              GCancellable *cancellable)
{
  op_app_flow_submit_async (OP_APP_FLOW (op_wizard_page_get_flow (page)), cancellable,
                            submitted_cb, g_object_ref (page));
}

static void
op_quota_form_page_shown (OpWizardPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (OP_QUOTA_FORM_PAGE (page)->limit_row));
}

static void
add_focus_controller (OpQuotaFormPage *self,
                      GtkWidget       *field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "leave", G_CALLBACK (field_left_cb), self, 0);
  gtk_widget_add_controller (field, controller);
}

static void
op_quota_form_page_constructed (GObject *object)
{
  OpQuotaFormPage *self = (OpQuotaFormPage *)object;
  OpAppFlow *flow;

  G_OBJECT_CLASS (op_quota_form_page_parent_class)->constructed (object);

  flow = get_flow (self);

  g_signal_connect_object (flow, "notify::field-errors", G_CALLBACK (field_errors_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::app", G_CALLBACK (op_quota_form_page_update_today), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (reason_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_revealer_set_reveal_child (self->draft_revealer,
                                 !op_draft_is_empty (op_flow_get_draft (OP_FLOW (flow))));
  op_quota_form_page_update_today (self);
  op_quota_form_page_fill (self, TRUE);
}

static void
op_quota_form_page_dispose (GObject *object)
{
  OpQuotaFormPage *self = (OpQuotaFormPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_QUOTA_FORM_PAGE);
  g_clear_pointer (&self->checks, op_field_checks_free);

  G_OBJECT_CLASS (op_quota_form_page_parent_class)->dispose (object);
}

static void
op_quota_form_page_class_init (OpQuotaFormPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_quota_form_page_constructed;
  object_class->dispose = op_quota_form_page_dispose;

  page_class->save_data = op_quota_form_page_save_data;
  page_class->shown = op_quota_form_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-quota-form-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpQuotaFormPage, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, OpQuotaFormPage, today_row);
  gtk_widget_class_bind_template_child (widget_class, OpQuotaFormPage, limit_row);
  gtk_widget_class_bind_template_child (widget_class, OpQuotaFormPage, limit_caption);
  gtk_widget_class_bind_template_child (widget_class, OpQuotaFormPage, reason_view);
  gtk_widget_class_bind_template_child (widget_class, OpQuotaFormPage, reason_caption);
  gtk_widget_class_bind_template_callback (widget_class, limit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, limit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_over_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_cb);
}

static void
op_quota_form_page_init (OpQuotaFormPage *self)
{
  GtkEventController *keys;

  self->checks = op_field_checks_new (OP_WIZARD_PAGE (self), N_FIELDS, server_names,
                                      op_quota_form_page_check_field,
                                      op_quota_form_page_show_field);
  gtk_widget_init_template (GTK_WIDGET (self));
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Daily Limit and Reason"));
  /* Translators: submits the request to raise the call quota */
  op_wizard_page_set_next_label (OP_WIZARD_PAGE (self), _("_Submit Request"));

  add_focus_controller (self, GTK_WIDGET (self->limit_row));
  add_focus_controller (self, GTK_WIDGET (self->reason_view));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (reason_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->reason_view), keys);
}

OpWizardPage *
op_quota_form_page_new (OpAppFlow *flow)
{
  g_return_val_if_fail (OP_IS_QUOTA_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_QUOTA_FORM_PAGE,
                       "flow", flow,
                       NULL);
}
