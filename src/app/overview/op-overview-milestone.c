/* op-overview-milestone.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-overview-milestone"

#include "config.h"

#include <glib/gi18n.h>

#include "op-overview-milestone.h"

/* One step of the overview's step indicator: an icon that says done /
 * current / waiting / to do, and the step's name under it. Screen readers
 * hear both, e.g. "Join: done". */
struct _OpOverviewMilestone
{
  AdwBin            parent_instance;

  OpMilestoneState  state;

  GtkImage         *icon;
  GtkLabel         *name_label;
};

enum {
  PROP_0,
  PROP_LABEL,
  PROP_STATE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpOverviewMilestone, op_overview_milestone, ADW_TYPE_BIN)

static GParamSpec *properties [N_PROPS];

static const struct {
  const char *icon_name;
  const char *css_class;
  const char *description;
} looks[] = {
  [OP_MILESTONE_TO_DO] = { "radio-symbolic", "dim-label", N_("to do") },
  [OP_MILESTONE_CURRENT] = { "radio-checked-symbolic", "accent", N_("next step") },
  [OP_MILESTONE_WAITING] = { "preferences-system-time-symbolic", "warning", N_("under review") },
  [OP_MILESTONE_DONE] = { "emblem-ok-symbolic", "success", N_("done") },
};

static void
op_overview_milestone_update (OpOverviewMilestone *self)
{
  g_autofree char *accessible = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (looks); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), looks[i].css_class);

  gtk_image_set_from_icon_name (self->icon, looks[self->state].icon_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), looks[self->state].css_class);

  if (self->state == OP_MILESTONE_CURRENT || self->state == OP_MILESTONE_WAITING)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "heading");

  if (self->state == OP_MILESTONE_TO_DO)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_label), "dim-label");

  /* Translators: a step of the path and its state, e.g. "Join: done" */
  accessible = g_strdup_printf (C_("milestone", "%s: %s"),
                                gtk_label_get_label (self->name_label),
                                _(looks[self->state].description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
op_overview_milestone_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_OVERVIEW_MILESTONE);

  G_OBJECT_CLASS (op_overview_milestone_parent_class)->dispose (object);
}

static void
op_overview_milestone_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OpOverviewMilestone *self = OP_OVERVIEW_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, op_overview_milestone_get_label (self));
      break;

    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_overview_milestone_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OpOverviewMilestone *self = OP_OVERVIEW_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      op_overview_milestone_set_label (self, g_value_get_string (value));
      break;

    case PROP_STATE:
      op_overview_milestone_set_state (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_overview_milestone_class_init (OpOverviewMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = op_overview_milestone_dispose;
  object_class->get_property = op_overview_milestone_get_property;
  object_class->set_property = op_overview_milestone_set_property;

  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL,
                       OP_MILESTONE_TO_DO, OP_MILESTONE_DONE, OP_MILESTONE_TO_DO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-overview-milestone.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOverviewMilestone, icon);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewMilestone, name_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
op_overview_milestone_init (OpOverviewMilestone *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  op_overview_milestone_update (self);
}

const char *
op_overview_milestone_get_label (OpOverviewMilestone *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_MILESTONE (self), NULL);

  return gtk_label_get_label (self->name_label);
}

void
op_overview_milestone_set_label (OpOverviewMilestone *self,
                                 const char          *label)
{
  g_return_if_fail (OP_IS_OVERVIEW_MILESTONE (self));

  if (g_strcmp0 (label, gtk_label_get_label (self->name_label)) == 0)
    return;

  gtk_label_set_label (self->name_label, label != NULL ? label : "");
  op_overview_milestone_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LABEL]);
}

OpMilestoneState
op_overview_milestone_get_state (OpOverviewMilestone *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_MILESTONE (self), OP_MILESTONE_TO_DO);

  return self->state;
}

void
op_overview_milestone_set_state (OpOverviewMilestone *self,
                                 OpMilestoneState     state)
{
  g_return_if_fail (OP_IS_OVERVIEW_MILESTONE (self));
  g_return_if_fail (state <= OP_MILESTONE_DONE);

  if (self->state == state)
    return;

  self->state = state;
  op_overview_milestone_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}
