/* op-assistant.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "op-assistant.h"

/* The chrome of a wizard, after gnome-initial-setup's GisAssistant: a stack
 * of pages, the step indicator and the Cancel/Back/Next buttons. The pages
 * decide when they are complete and do their own work; the last page is the
 * result, reached once every page's save_data has succeeded in order.
 */
struct _OpAssistant
{
  AdwBin          parent_instance;

  OpFlow         *flow;
  GPtrArray      *pages;
  guint           current;
  guint           save_index;
  gboolean        saving;
  gboolean        saved;

  GtkLabel       *step_label;
  GtkLabel       *page_title;
  GtkProgressBar *progress;
  GtkStack       *stack;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkButton      *cancel_button;
  GtkButton      *back_button;
  GtkButton      *next_button;
  GtkButton      *done_button;
  GtkSpinner     *spinner;
};

enum {
  PROP_0,
  PROP_FLOW,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpAssistant, op_assistant, ADW_TYPE_BIN)

static GParamSpec *properties [N_PROPS];

static void op_assistant_save_next (OpAssistant *self);

static OpWizardPage *
page_at (OpAssistant *self,
         guint        index)
{
  return index < self->pages->len ? g_ptr_array_index (self->pages, index) : NULL;
}

static gboolean
op_assistant_is_last (OpAssistant *self,
                      guint        index)
{
  return index + 1 >= self->pages->len;
}

static void
op_assistant_update (OpAssistant *self)
{
  OpWizardPage *page = page_at (self, self->current);
  g_autofree char *step = NULL;
  gboolean applying;
  gboolean last;
  const char *next_label;

  if (page == NULL)
    return;

  applying = op_wizard_page_get_applying (page) || self->saving;
  last = op_assistant_is_last (self, self->current);
  next_label = op_wizard_page_get_next_label (page);

  /* Translators: the position in a wizard, for example "Step 2 of 5" */
  step = g_strdup_printf (_("Step %u of %u"), self->current + 1, self->pages->len);
  gtk_label_set_label (self->step_label, step);
  gtk_label_set_label (self->page_title, op_wizard_page_get_title (page));
  gtk_progress_bar_set_fraction (self->progress, (double)(self->current + 1) / self->pages->len);

  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !last);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          !last && !applying && self->current > 0 &&
                          op_wizard_page_get_can_go_back (page));
  gtk_widget_set_visible (GTK_WIDGET (self->next_button),
                          !last && !op_wizard_page_get_has_forward (page));
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button),
                            !applying && op_wizard_page_get_complete (page));
  gtk_button_set_label (self->next_button, next_label != NULL ? next_label : _("_Next"));
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), last);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), applying);
  gtk_spinner_set_spinning (self->spinner, applying);
}

static void
op_assistant_show_error (OpAssistant *self,
                         const char  *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
op_assistant_go_to (OpAssistant *self,
                    guint        index)
{
  OpWizardPage *page = page_at (self, index);

  g_return_if_fail (page != NULL);

  self->current = index;
  op_assistant_show_error (self, NULL);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  op_assistant_update (self);
  op_wizard_page_shown (page);

  if (op_assistant_is_last (self, index))
    gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
op_assistant_save_done (OpAssistant *self,
                        guint        index,
                        const GError *error)
{
  if (error != NULL)
    {
      self->saving = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        op_assistant_show_error (self, error->message);
      op_assistant_update (self);
      return;
    }

  self->save_index = index + 1;
  op_assistant_save_next (self);
}

static void
page_save_done_cb (OpAssistant  *self,
                   const GError *error,
                   OpWizardPage *page)
{
  guint index;

  if (g_ptr_array_find (self->pages, page, &index))
    op_assistant_save_done (self, index, error);
}

/* Runs each page's save_data in order, from the first not yet saved. */
static void
op_assistant_save_next (OpAssistant *self)
{
  guint last = self->pages->len - 1;

  while (self->save_index < last &&
         !op_wizard_page_has_save_data (page_at (self, self->save_index)))
    self->save_index++;

  if (self->save_index < last)
    {
      op_wizard_page_save_data_begin (page_at (self, self->save_index));
      return;
    }

  self->saving = FALSE;
  self->saved = TRUE;
  op_draft_discard (op_flow_get_draft (self->flow));
  op_assistant_go_to (self, last);
}

static void
op_assistant_save_begin (OpAssistant *self)
{
  self->saving = TRUE;
  op_assistant_show_error (self, NULL);
  op_assistant_update (self);
  op_assistant_save_next (self);
}

static void
page_apply_done_cb (OpAssistant  *self,
                    gboolean      valid,
                    OpWizardPage *page)
{
  guint index;

  if (!g_ptr_array_find (self->pages, page, &index) || index != self->current)
    return;

  op_assistant_update (self);

  if (!valid)
    return;

  if (op_assistant_is_last (self, index + 1) && !self->saved)
    op_assistant_save_begin (self);
  else
    op_assistant_go_to (self, index + 1);
}

static void
page_request_next_cb (OpAssistant  *self,
                      OpWizardPage *page)
{
  if (page == op_assistant_get_current_page (self) &&
      gtk_widget_get_visible (GTK_WIDGET (self->next_button)) &&
      gtk_widget_get_sensitive (GTK_WIDGET (self->next_button)))
    op_assistant_next_page (self);
}

static void
page_notify_cb (OpAssistant *self)
{
  op_assistant_update (self);
}

static void
op_assistant_add_page (OpAssistant  *self,
                       OpWizardPage *page)
{
  g_ptr_array_add (self->pages, g_object_ref (page));
  gtk_stack_add_child (self->stack, GTK_WIDGET (page));

  g_signal_connect_object (page, "notify", G_CALLBACK (page_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "apply-done", G_CALLBACK (page_apply_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "save-done", G_CALLBACK (page_save_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "request-next", G_CALLBACK (page_request_next_cb), self, G_CONNECT_SWAPPED);
}

static void
op_assistant_add_pages (OpAssistant *self,
                        const char  *after_id)
{
  g_autoptr(GPtrArray) pages = op_flow_prepare_pages_after (self->flow, after_id);

  for (guint i = 0; i < pages->len; i++)
    op_assistant_add_page (self, g_ptr_array_index (pages, i));
}

/* A choice changed which pages follow: drop those after the current page
 * and prepare them again (gnome-initial-setup's destroy_pages_after). */
static void
flow_rebuild_pages_cb (OpAssistant *self)
{
  OpWizardPage *current = op_assistant_get_current_page (self);

  while (self->pages->len > self->current + 1)
    {
      OpWizardPage *page = g_ptr_array_steal_index (self->pages, self->pages->len - 1);

      gtk_stack_remove (self->stack, GTK_WIDGET (page));
      g_object_unref (page);
    }

  op_assistant_add_pages (self, gtk_widget_get_name (GTK_WIDGET (current)));
  op_assistant_update (self);
}

static void
cancel_clicked_cb (OpAssistant *self)
{
  op_assistant_cancel (self);
}

static void
back_clicked_cb (OpAssistant *self)
{
  op_assistant_previous_page (self);
}

static void
next_clicked_cb (OpAssistant *self)
{
  op_assistant_next_page (self);
}

static void
retry_clicked_cb (OpAssistant *self)
{
  if (!self->saving)
    op_assistant_save_begin (self);
}

static void
done_clicked_cb (OpAssistant *self)
{
  op_flow_finish (self->flow);
}

static void
op_assistant_cancel_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  op_assistant_cancel (OP_ASSISTANT (widget));
}

static void
op_assistant_constructed (GObject *object)
{
  OpAssistant *self = (OpAssistant *)object;

  G_OBJECT_CLASS (op_assistant_parent_class)->constructed (object);

  g_signal_connect_object (self->flow, "rebuild-pages",
                           G_CALLBACK (flow_rebuild_pages_cb), self,
                           G_CONNECT_SWAPPED);

  op_assistant_add_pages (self, NULL);
  g_return_if_fail (self->pages->len > 0);
  op_assistant_go_to (self, 0);
}

static void
op_assistant_dispose (GObject *object)
{
  OpAssistant *self = (OpAssistant *)object;

  for (guint i = 0; i < self->pages->len; i++)
    op_wizard_page_apply_cancel (g_ptr_array_index (self->pages, i));

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_ASSISTANT);
  g_ptr_array_set_size (self->pages, 0);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (op_assistant_parent_class)->dispose (object);
}

static void
op_assistant_finalize (GObject *object)
{
  OpAssistant *self = (OpAssistant *)object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (op_assistant_parent_class)->finalize (object);
}

static void
op_assistant_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OpAssistant *self = OP_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_FLOW:
      g_value_set_object (value, self->flow);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_assistant_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OpAssistant *self = OP_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_FLOW:
      self->flow = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_assistant_class_init (OpAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = op_assistant_constructed;
  object_class->dispose = op_assistant_dispose;
  object_class->finalize = op_assistant_finalize;
  object_class->get_property = op_assistant_get_property;
  object_class->set_property = op_assistant_set_property;

  properties [PROP_FLOW] =
    g_param_spec_object ("flow", NULL, NULL,
                         OP_TYPE_FLOW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, step_label);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, page_title);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, progress);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, error_label);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, done_button);
  gtk_widget_class_bind_template_child (widget_class, OpAssistant, spinner);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);

  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL, op_assistant_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assistant.cancel", NULL);
}

static void
op_assistant_init (OpAssistant *self)
{
  self->pages = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

OpAssistant *
op_assistant_new (OpFlow *flow)
{
  g_return_val_if_fail (OP_IS_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_ASSISTANT,
                       "flow", flow,
                       NULL);
}

/**
 * op_assistant_get_flow:
 *
 * Returns: (transfer none): the flow
 */
OpFlow *
op_assistant_get_flow (OpAssistant *self)
{
  g_return_val_if_fail (OP_IS_ASSISTANT (self), NULL);

  return self->flow;
}

/**
 * op_assistant_get_current_page:
 *
 * Returns: (transfer none) (nullable): the visible page
 */
OpWizardPage *
op_assistant_get_current_page (OpAssistant *self)
{
  g_return_val_if_fail (OP_IS_ASSISTANT (self), NULL);

  return page_at (self, self->current);
}

guint
op_assistant_get_n_pages (OpAssistant *self)
{
  g_return_val_if_fail (OP_IS_ASSISTANT (self), 0);

  return self->pages->len;
}

/**
 * op_assistant_next_page:
 *
 * What Next does: when the page is complete, its apply runs, and a valid
 * result moves on (through the save chain before the last page).
 */
void
op_assistant_next_page (OpAssistant *self)
{
  OpWizardPage *page;

  g_return_if_fail (OP_IS_ASSISTANT (self));

  page = op_assistant_get_current_page (self);
  if (page == NULL || op_assistant_is_last (self, self->current) || self->saving ||
      op_wizard_page_get_applying (page) || !op_wizard_page_get_complete (page))
    return;

  op_assistant_show_error (self, NULL);
  op_wizard_page_apply_begin (page);
}

void
op_assistant_previous_page (OpAssistant *self)
{
  OpWizardPage *page;

  g_return_if_fail (OP_IS_ASSISTANT (self));

  page = op_assistant_get_current_page (self);
  if (self->current == 0 || self->saving || op_wizard_page_get_applying (page) ||
      !op_wizard_page_get_can_go_back (page))
    return;

  op_assistant_go_to (self, self->current - 1);
}

/**
 * op_assistant_cancel:
 *
 * What Cancel and Escape do: stop the work in progress if there is some,
 * and leave the wizard otherwise (the draft stays for next time).
 */
void
op_assistant_cancel (OpAssistant *self)
{
  OpWizardPage *page;

  g_return_if_fail (OP_IS_ASSISTANT (self));

  if (self->saving)
    {
      op_wizard_page_apply_cancel (page_at (self, self->save_index));
      return;
    }

  page = op_assistant_get_current_page (self);
  if (page != NULL && op_wizard_page_get_applying (page))
    {
      op_wizard_page_apply_cancel (page);
      return;
    }

  if (op_assistant_is_last (self, self->current))
    op_flow_finish (self->flow);
  else
    op_flow_cancel (self->flow);
}
