/* op-wizard-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-wizard-page"

#include "config.h"

#include "op-wizard-page.h"

/* One page of a wizard, after gnome-initial-setup's GisPage: the page says
 * whether it is complete, does its own work on Next (apply) and at the end
 * (save_data), and the assistant only moves between pages.
 */
typedef struct
{
  OpFlow       *flow;
  char         *title;
  char         *next_label;
  GCancellable *apply_cancellable;
  GCancellable *save_cancellable;
  guint         complete : 1;
  guint         has_forward : 1;
  guint         can_go_back : 1;
} OpWizardPagePrivate;

enum {
  PROP_0,
  PROP_FLOW,
  PROP_TITLE,
  PROP_NEXT_LABEL,
  PROP_COMPLETE,
  PROP_HAS_FORWARD,
  PROP_CAN_GO_BACK,
  PROP_APPLYING,
  N_PROPS
};

enum {
  APPLY_DONE,
  SAVE_DONE,
  REQUEST_NEXT,
  N_SIGNALS
};

G_DEFINE_TYPE_WITH_PRIVATE (OpWizardPage, op_wizard_page, ADW_TYPE_BIN)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
op_wizard_page_dispose (GObject *object)
{
  OpWizardPage *self = (OpWizardPage *)object;
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_cancellable_cancel (priv->apply_cancellable);
  g_cancellable_cancel (priv->save_cancellable);
  g_clear_object (&priv->apply_cancellable);
  g_clear_object (&priv->save_cancellable);
  g_clear_object (&priv->flow);

  G_OBJECT_CLASS (op_wizard_page_parent_class)->dispose (object);
}

static void
op_wizard_page_finalize (GObject *object)
{
  OpWizardPage *self = (OpWizardPage *)object;
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->next_label, g_free);

  G_OBJECT_CLASS (op_wizard_page_parent_class)->finalize (object);
}

static void
op_wizard_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OpWizardPage *self = OP_WIZARD_PAGE (object);
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_FLOW:
      g_value_set_object (value, priv->flow);
      break;

    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_NEXT_LABEL:
      g_value_set_string (value, priv->next_label);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->complete);
      break;

    case PROP_HAS_FORWARD:
      g_value_set_boolean (value, priv->has_forward);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, priv->can_go_back);
      break;

    case PROP_APPLYING:
      g_value_set_boolean (value, op_wizard_page_get_applying (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_wizard_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OpWizardPage *self = OP_WIZARD_PAGE (object);
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_FLOW:
      priv->flow = g_value_dup_object (value);
      break;

    case PROP_TITLE:
      op_wizard_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_NEXT_LABEL:
      op_wizard_page_set_next_label (self, g_value_get_string (value));
      break;

    case PROP_COMPLETE:
      op_wizard_page_set_complete (self, g_value_get_boolean (value));
      break;

    case PROP_HAS_FORWARD:
      op_wizard_page_set_has_forward (self, g_value_get_boolean (value));
      break;

    case PROP_CAN_GO_BACK:
      op_wizard_page_set_can_go_back (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_wizard_page_class_init (OpWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_wizard_page_dispose;
  object_class->finalize = op_wizard_page_finalize;
  object_class->get_property = op_wizard_page_get_property;
  object_class->set_property = op_wizard_page_set_property;

  properties [PROP_FLOW] =
    g_param_spec_object ("flow", NULL, NULL,
                         OP_TYPE_FLOW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NEXT_LABEL] =
    g_param_spec_string ("next-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HAS_FORWARD] =
    g_param_spec_boolean ("has-forward", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_APPLYING] =
    g_param_spec_boolean ("applying", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpWizardPage::apply-done:
   * @valid: whether the page may be left
   *
   * The work started by Next has finished.
   */
  signals [APPLY_DONE] =
    g_signal_new ("apply-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /**
   * OpWizardPage::save-done:
   * @error: (nullable): why saving failed
   *
   * The page's part of the final commit has finished.
   */
  signals [SAVE_DONE] =
    g_signal_new ("save-done",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * OpWizardPage::request-next:
   *
   * The user pressed Enter in the page's last field: go on if complete.
   */
  signals [REQUEST_NEXT] =
    g_signal_new ("request-next",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
op_wizard_page_init (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  priv->can_go_back = TRUE;
}

/**
 * op_wizard_page_get_flow:
 *
 * Returns: (transfer none): the flow this page belongs to
 */
OpFlow *
op_wizard_page_get_flow (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_WIZARD_PAGE (self), NULL);

  return priv->flow;
}

const char *
op_wizard_page_get_title (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_WIZARD_PAGE (self), NULL);

  return priv->title;
}

void
op_wizard_page_set_title (OpWizardPage *self,
                          const char   *title)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

/**
 * op_wizard_page_get_next_label:
 *
 * Returns: (nullable): the label of the assistant's Next button on this
 *   page, such as "_Submit", or %NULL for "_Next"
 */
const char *
op_wizard_page_get_next_label (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_WIZARD_PAGE (self), NULL);

  return priv->next_label;
}

void
op_wizard_page_set_next_label (OpWizardPage *self,
                               const char   *next_label)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  if (g_strcmp0 (priv->next_label, next_label) == 0)
    return;

  g_free (priv->next_label);
  priv->next_label = g_strdup (next_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NEXT_LABEL]);
}

gboolean
op_wizard_page_get_complete (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_WIZARD_PAGE (self), FALSE);

  return priv->complete;
}

void
op_wizard_page_set_complete (OpWizardPage *self,
                             gboolean      complete)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  complete = !!complete;
  if (priv->complete != complete)
    {
      priv->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPLETE]);
    }
}

gboolean
op_wizard_page_get_has_forward (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_WIZARD_PAGE (self), FALSE);

  return priv->has_forward;
}

/**
 * op_wizard_page_set_has_forward:
 *
 * A page that has its own forward control (a big "Start" or "Apply for the
 * role" button) hides the assistant's Next.
 */
void
op_wizard_page_set_has_forward (OpWizardPage *self,
                                gboolean      has_forward)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  has_forward = !!has_forward;
  if (priv->has_forward != has_forward)
    {
      priv->has_forward = has_forward;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_FORWARD]);
    }
}

gboolean
op_wizard_page_get_can_go_back (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_WIZARD_PAGE (self), FALSE);

  return priv->can_go_back;
}

/**
 * op_wizard_page_set_can_go_back:
 *
 * FALSE after a commit point (an app created, an order paid): going back
 * could only lead to doing it twice.
 */
void
op_wizard_page_set_can_go_back (OpWizardPage *self,
                                gboolean      can_go_back)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  can_go_back = !!can_go_back;
  if (priv->can_go_back != can_go_back)
    {
      priv->can_go_back = can_go_back;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_GO_BACK]);
    }
}

gboolean
op_wizard_page_get_applying (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_WIZARD_PAGE (self), FALSE);

  return priv->apply_cancellable != NULL || priv->save_cancellable != NULL;
}

gboolean
op_wizard_page_has_save_data (OpWizardPage *self)
{
  g_return_val_if_fail (OP_IS_WIZARD_PAGE (self), FALSE);

  return OP_WIZARD_PAGE_GET_CLASS (self)->save_data != NULL;
}

static void
op_wizard_page_set_cancellable (OpWizardPage  *self,
                                GCancellable **slot,
                                GCancellable  *cancellable)
{
  gboolean was_applying = op_wizard_page_get_applying (self);

  g_clear_object (slot);
  *slot = cancellable;

  if (was_applying != op_wizard_page_get_applying (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_APPLYING]);
}

/**
 * op_wizard_page_apply_begin:
 *
 * Runs the page's apply vfunc; "apply-done" is emitted when it finishes, at
 * once when the page has nothing asynchronous to do.
 */
void
op_wizard_page_apply_begin (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);
  OpWizardPageClass *klass;

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));
  g_return_if_fail (priv->apply_cancellable == NULL);

  klass = OP_WIZARD_PAGE_GET_CLASS (self);
  op_wizard_page_set_cancellable (self, &priv->apply_cancellable, g_cancellable_new ());

  if (klass->apply == NULL || !klass->apply (self, priv->apply_cancellable))
    op_wizard_page_apply_complete (self, TRUE);
}

void
op_wizard_page_apply_cancel (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  g_cancellable_cancel (priv->apply_cancellable);
  g_cancellable_cancel (priv->save_cancellable);
}

/**
 * op_wizard_page_apply_complete:
 * @valid: %TRUE to move on, %FALSE to stay (the page shows why)
 */
void
op_wizard_page_apply_complete (OpWizardPage *self,
                               gboolean      valid)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  if (priv->apply_cancellable == NULL)
    return;

  if (g_cancellable_is_cancelled (priv->apply_cancellable))
    valid = FALSE;

  op_wizard_page_set_cancellable (self, &priv->apply_cancellable, NULL);
  g_signal_emit (self, signals [APPLY_DONE], 0, valid);
}

void
op_wizard_page_save_data_begin (OpWizardPage *self)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);
  OpWizardPageClass *klass;

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));
  g_return_if_fail (priv->save_cancellable == NULL);

  klass = OP_WIZARD_PAGE_GET_CLASS (self);
  op_wizard_page_set_cancellable (self, &priv->save_cancellable, g_cancellable_new ());

  if (klass->save_data == NULL)
    op_wizard_page_save_complete (self, NULL);
  else
    klass->save_data (self, priv->save_cancellable);
}

void
op_wizard_page_save_complete (OpWizardPage *self,
                              const GError *error)
{
  OpWizardPagePrivate *priv = op_wizard_page_get_instance_private (self);

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  if (priv->save_cancellable == NULL)
    return;

  op_wizard_page_set_cancellable (self, &priv->save_cancellable, NULL);
  g_signal_emit (self, signals [SAVE_DONE], 0, error);
}

void
op_wizard_page_shown (OpWizardPage *self)
{
  OpWizardPageClass *klass;

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  klass = OP_WIZARD_PAGE_GET_CLASS (self);
  if (klass->shown != NULL)
    klass->shown (self);
}

/**
 * op_wizard_page_request_next:
 *
 * For Enter in a page's last field: the assistant moves on when the page is
 * complete, and does nothing otherwise.
 */
void
op_wizard_page_request_next (OpWizardPage *self)
{
  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  g_signal_emit (self, signals [REQUEST_NEXT], 0);
}

static gboolean
enter_pressed_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* A button, a link or an entry keeps its own Enter. */
  if (focus != NULL && (GTK_IS_BUTTON (focus) || GTK_IS_EDITABLE (focus) ||
                        gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) != NULL))
    return FALSE;

  if (!op_wizard_page_get_complete (OP_WIZARD_PAGE (widget)))
    return FALSE;

  op_wizard_page_request_next (OP_WIZARD_PAGE (widget));
  return TRUE;
}

/**
 * op_wizard_page_advance_on_enter:
 *
 * For a page without a last field to press Enter in: Enter anywhere on it
 * (but on a button or in an entry) goes on once the page is complete, as
 * Enter in the last field of a form does. Before that, Enter does what it
 * does on the focused control, such as checking a check box.
 */
void
op_wizard_page_advance_on_enter (OpWizardPage *self)
{
  GtkEventController *controller;
  GtkShortcutTrigger *trigger;
  GtkShortcutAction *action;

  g_return_if_fail (OP_IS_WIZARD_PAGE (self));

  controller = gtk_shortcut_controller_new ();
  /* Before a list row takes the key for itself. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0));
  action = gtk_callback_action_new (enter_pressed_cb, NULL, NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger, action));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
