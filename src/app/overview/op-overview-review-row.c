/* op-overview-review-row.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-overview-review-row"

#include "config.h"

#include <glib/gi18n.h>

#include "op-overview-review-row.h"

/* An application the platform reviews (资质申请, 上线, 上架, 调高调用量) with
 * its state: 审核中, 已通过, or 已驳回 with the platform's reason as the
 * subtitle. Activating it opens the area where it is handled. */
struct _OpOverviewReviewRow
{
  AdwActionRow   parent_instance;

  OpReviewState  state;
  char          *area;

  GtkLabel      *state_label;
};

G_DEFINE_FINAL_TYPE (OpOverviewReviewRow, op_overview_review_row, ADW_TYPE_ACTION_ROW)

static void
op_overview_review_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_OVERVIEW_REVIEW_ROW);

  G_OBJECT_CLASS (op_overview_review_row_parent_class)->dispose (object);
}

static void
op_overview_review_row_finalize (GObject *object)
{
  OpOverviewReviewRow *self = (OpOverviewReviewRow *)object;

  g_clear_pointer (&self->area, g_free);

  G_OBJECT_CLASS (op_overview_review_row_parent_class)->finalize (object);
}

static void
op_overview_review_row_class_init (OpOverviewReviewRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = op_overview_review_row_dispose;
  object_class->finalize = op_overview_review_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-overview-review-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOverviewReviewRow, state_label);
}

static void
op_overview_review_row_init (OpOverviewReviewRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * op_overview_review_row_new:
 * @title: what is reviewed, such as "Qualification: Professional buyer"
 * @detail: (nullable): the platform's reason for a rejection, or a note
 * @state: the review's state
 * @area: the window's area where it is handled ("solutions", "apps")
 */
GtkWidget *
op_overview_review_row_new (const char    *title,
                            const char    *detail,
                            OpReviewState  state,
                            const char    *area)
{
  OpOverviewReviewRow *self;
  const char *badge;
  const char *css_class;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (area != NULL, NULL);

  self = g_object_new (OP_TYPE_OVERVIEW_REVIEW_ROW, NULL);
  self->state = state;
  self->area = g_strdup (area);

  switch (state)
    {
    case OP_REVIEW_STATE_APPROVED:
      badge = C_("review state", "Approved");
      css_class = "success";
      break;

    case OP_REVIEW_STATE_REJECTED:
      badge = C_("review state", "Rejected");
      css_class = "error";
      break;

    case OP_REVIEW_STATE_PENDING:
    case OP_REVIEW_STATE_NONE:
    default:
      badge = C_("review state", "Under review");
      css_class = "warning";
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  if (detail != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), detail);
  gtk_label_set_label (self->state_label, badge);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), css_class);

  return GTK_WIDGET (self);
}

OpReviewState
op_overview_review_row_get_state (OpOverviewReviewRow *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_REVIEW_ROW (self), OP_REVIEW_STATE_NONE);

  return self->state;
}

const char *
op_overview_review_row_get_area (OpOverviewReviewRow *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_REVIEW_ROW (self), NULL);

  return self->area;
}

/**
 * op_overview_review_row_get_badge:
 *
 * Returns: the state as the row shows it ("Under review")
 */
const char *
op_overview_review_row_get_badge (OpOverviewReviewRow *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_REVIEW_ROW (self), NULL);

  return gtk_label_get_label (self->state_label);
}
