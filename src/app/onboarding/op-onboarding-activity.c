/* op-onboarding-activity.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding-activity"

#include "config.h"

#include <glib/gi18n.h>

#include "op-onboarding-activity.h"

/* What a page is doing on its own (checking the account, sending an SMS
 * code): a spinner with a Cancel button while it works, or what went wrong
 * in plain words with a Retry button. Field problems are not shown here:
 * they go under their fields.
 */
struct _OpOnboardingActivity
{
  AdwBin        parent_instance;

  GCancellable *cancellable;

  GtkRevealer  *revealer;
  GtkSpinner   *spinner;
  GtkImage     *error_image;
  GtkLabel     *message_label;
  GtkButton    *cancel_button;
  GtkButton    *retry_button;
};

enum {
  RETRY,
  CANCELLED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OpOnboardingActivity, op_onboarding_activity, ADW_TYPE_BIN)

static guint signals [N_SIGNALS];

static void
op_onboarding_activity_show (OpOnboardingActivity *self,
                             const char           *message,
                             gboolean              working)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), working);
  gtk_spinner_set_spinning (self->spinner, working);
  gtk_widget_set_visible (GTK_WIDGET (self->error_image), !working);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), working);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), !working);
  gtk_revealer_set_reveal_child (self->revealer, message != NULL);
}

static void
cancel_clicked_cb (OpOnboardingActivity *self)
{
  g_cancellable_cancel (self->cancellable);
  op_onboarding_activity_clear (self);
  g_signal_emit (self, signals [CANCELLED], 0);
}

static void
retry_clicked_cb (OpOnboardingActivity *self)
{
  op_onboarding_activity_clear (self);
  g_signal_emit (self, signals [RETRY], 0);
}

static void
op_onboarding_activity_dispose (GObject *object)
{
  OpOnboardingActivity *self = (OpOnboardingActivity *)object;

  g_clear_object (&self->cancellable);
  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_ONBOARDING_ACTIVITY);

  G_OBJECT_CLASS (op_onboarding_activity_parent_class)->dispose (object);
}

static void
op_onboarding_activity_class_init (OpOnboardingActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = op_onboarding_activity_dispose;

  /**
   * OpOnboardingActivity::retry:
   *
   * The user asked to try the failed work again.
   */
  signals [RETRY] =
    g_signal_new ("retry",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * OpOnboardingActivity::cancelled:
   *
   * The user stopped the work with the Cancel button (its cancellable is
   * cancelled already).
   */
  signals [CANCELLED] =
    g_signal_new ("cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-onboarding-activity.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingActivity, revealer);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingActivity, spinner);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingActivity, error_image);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingActivity, message_label);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingActivity, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, OpOnboardingActivity, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
op_onboarding_activity_init (OpOnboardingActivity *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * op_onboarding_activity_start:
 * @message: what is being done, such as "Sending the code…"
 * @cancellable: (nullable): cancelled by the Cancel button
 *
 * Shows a spinner, @message and a Cancel button.
 */
void
op_onboarding_activity_start (OpOnboardingActivity *self,
                              const char           *message,
                              GCancellable         *cancellable)
{
  g_return_if_fail (OP_IS_ONBOARDING_ACTIVITY (self));
  g_return_if_fail (message != NULL);

  g_set_object (&self->cancellable, cancellable);
  op_onboarding_activity_show (self, message, TRUE);
}

/**
 * op_onboarding_activity_fail:
 * @message: what went wrong and what to do, in plain words
 *
 * Shows @message with a Retry button, which emits #OpOnboardingActivity::retry.
 */
void
op_onboarding_activity_fail (OpOnboardingActivity *self,
                             const char           *message)
{
  g_return_if_fail (OP_IS_ONBOARDING_ACTIVITY (self));
  g_return_if_fail (message != NULL);

  g_clear_object (&self->cancellable);
  op_onboarding_activity_show (self, message, FALSE);
}

void
op_onboarding_activity_clear (OpOnboardingActivity *self)
{
  g_return_if_fail (OP_IS_ONBOARDING_ACTIVITY (self));

  g_clear_object (&self->cancellable);
  op_onboarding_activity_show (self, NULL, FALSE);
}

gboolean
op_onboarding_activity_get_working (OpOnboardingActivity *self)
{
  g_return_val_if_fail (OP_IS_ONBOARDING_ACTIVITY (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer) &&
         gtk_widget_get_visible (GTK_WIDGET (self->spinner));
}

/**
 * op_onboarding_activity_get_message:
 *
 * Returns: (nullable): the message shown, if any
 */
const char *
op_onboarding_activity_get_message (OpOnboardingActivity *self)
{
  g_return_val_if_fail (OP_IS_ONBOARDING_ACTIVITY (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;

  return gtk_label_get_label (self->message_label);
}
