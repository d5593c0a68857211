/* op-usage-chart.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-usage-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "op-apps-format.h"
#include "op-usage-chart.h"
#include "op-usage-day.h"

/* An app's calls per platform day as stacked bars, oldest on the left:
 * successes at the bottom, failures on top, with the value axis, the first,
 * middle and last days, and a legend. The colours are the style's named
 * colours, so the chart follows the dark style and high contrast; the
 * accessible description says in words what the bars show, and the tooltip
 * gives each day's figures.
 */
#define MIN_WIDTH     240
#define NAT_WIDTH     480
#define MIN_HEIGHT    180
#define GAP           6.0
#define SWATCH        10.0

struct _OpUsageChart
{
  GtkWidget   parent_instance;

  GListModel *days;        /* of OpUsageDay, as the platform gives them: newest first */
  gint64      successes;
  gint64      failures;
  gint64      busiest;     /* the most calls in one day */
};

enum {
  PROP_0,
  PROP_DAYS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpUsageChart, op_usage_chart, GTK_TYPE_WIDGET)

static GParamSpec *properties [N_PROPS];

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA success;
  GdkRGBA failure;
} Palette;

/* GTK 4.8 reads named colours only through the style context (the
 * replacement, gtk_widget_get_color(), is 4.10); these are libadwaita's. */
static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *color)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    gdk_rgba_parse (color, fallback);
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
get_palette (GtkWidget *widget,
             Palette   *palette)
{
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &palette->foreground);
G_GNUC_END_IGNORE_DEPRECATIONS

  palette->dim = palette->foreground;
  palette->dim.alpha *= 0.7f;
  palette->grid = palette->foreground;
  palette->grid.alpha *= 0.15f;

  lookup_color (widget, "success_bg_color", "#26a269", &palette->success);
  lookup_color (widget, "error_bg_color", "#c01c28", &palette->failure);
}

/* The top of the value axis, with a whole number half way: an even number
 * up to 10, then 1, 2 or 5 times a power of ten. */
static gint64
nice_ceiling (gint64 value)
{
  gint64 power = 10;

  if (value <= 1)
    return 1;
  if (value <= 10)
    return value + value % 2;

  while (power <= G_MAXINT64 / 10 && power * 10 < value)
    power *= 10;

  if (value <= power * 2)
    return power * 2;
  if (value <= power * 5)
    return power * 5;

  return power <= G_MAXINT64 / 10 ? power * 10 : value;
}

static guint
op_usage_chart_get_n_days (OpUsageChart *self)
{
  return self->days != NULL ? g_list_model_get_n_items (self->days) : 0;
}

/* @index counts from the oldest day, as drawn. */
static OpUsageDay *
op_usage_chart_get_day (OpUsageChart *self,
                        guint         index)
{
  guint n = op_usage_chart_get_n_days (self);

  g_assert (index < n);

  return g_list_model_get_item (self->days, n - 1 - index);
}

static PangoLayout *
create_layout (OpUsageChart *self,
               const char   *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* The "caption" size of the style. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8333));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               double         x,
               double         y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* "11-28" from "2026-11-28". */
static char *
short_day (const char *day)
{
  return day != NULL && strlen (day) == 10 ? g_strdup (day + 5) : g_strdup (day != NULL ? day : "");
}

typedef struct
{
  double left;
  double top;
  double width;
  double height;
} Plot;

static void
op_usage_chart_get_plot (OpUsageChart *self,
                         Plot         *plot)
{
  g_autofree char *top_label = op_apps_format_count (nice_ceiling (self->busiest));
  g_autoptr(PangoLayout) axis = create_layout (self, top_label);
  double text_height = layout_height (axis);
  double legend_height = MAX (text_height, SWATCH);

  plot->left = layout_width (axis) + GAP;
  plot->top = legend_height + 2 * GAP + text_height / 2;
  plot->width = MAX (1.0, gtk_widget_get_width (GTK_WIDGET (self)) - plot->left);
  plot->height = MAX (1.0, gtk_widget_get_height (GTK_WIDGET (self)) -
                           plot->top - text_height - GAP);
}

static double
draw_legend_item (OpUsageChart  *self,
                  GtkSnapshot   *snapshot,
                  double         right,
                  const char    *text,
                  const GdkRGBA *swatch,
                  const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text);
  double width = layout_width (layout);
  double height = layout_height (layout);
  double x = right - width;

  append_layout (snapshot, layout, x, 0, color);
  x -= GAP + SWATCH;
  gtk_snapshot_append_color (snapshot, swatch,
                             &GRAPHENE_RECT_INIT (x, (height - SWATCH) / 2, SWATCH, SWATCH));

  return x - 2 * GAP;
}

static void
op_usage_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  OpUsageChart *self = OP_USAGE_CHART (widget);
  guint n = op_usage_chart_get_n_days (self);
  gint64 top = nice_ceiling (self->busiest);
  Palette palette;
  Plot plot;
  double right;
  double slot;

  get_palette (widget, &palette);
  op_usage_chart_get_plot (self, &plot);

  /* The legend, on the right above the plot. */
  right = gtk_widget_get_width (widget);
  right = draw_legend_item (self, snapshot, right, _("Failures"), &palette.failure, &palette.dim);
  draw_legend_item (self, snapshot, right, _("Successes"), &palette.success, &palette.dim);

  /* The value axis: 0, half and the top, with grid lines. */
  for (guint i = 0; i <= 2; i++)
    {
      gint64 value = top * i / 2;
      g_autofree char *text = op_apps_format_count (value);
      g_autoptr(PangoLayout) layout = create_layout (self, text);
      double y = plot.top + plot.height - plot.height * i / 2.0;

      if (top == 1 && i == 1)
        continue;

      append_layout (snapshot, layout, plot.left - GAP - layout_width (layout),
                     y - layout_height (layout) / 2.0, &palette.dim);
      gtk_snapshot_append_color (snapshot, &palette.grid,
                                 &GRAPHENE_RECT_INIT (plot.left, y, plot.width, 1));
    }

  if (self->successes + self->failures == 0)
    {
      const char *text = n > 0 ? _("No calls on these days") : _("No usage figures yet.");
      g_autoptr(PangoLayout) layout = create_layout (self, text);

      append_layout (snapshot, layout, plot.left + (plot.width - layout_width (layout)) / 2,
                     plot.top + (plot.height - layout_height (layout)) / 2, &palette.dim);
    }

  if (n == 0)
    return;

  /* The bars. */
  slot = plot.width / n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpUsageDay) day = op_usage_chart_get_day (self, i);
      double bar = MAX (1.0, slot * 0.7);
      double x = plot.left + slot * i + (slot - bar) / 2;
      double base = plot.top + plot.height;
      double ok = plot.height * MAX (op_usage_day_get_successes (day), 0) / top;
      double failed = plot.height * MAX (op_usage_day_get_failures (day), 0) / top;

      if (ok > 0)
        gtk_snapshot_append_color (snapshot, &palette.success,
                                   &GRAPHENE_RECT_INIT (x, base - ok, bar, ok));
      if (failed > 0)
        gtk_snapshot_append_color (snapshot, &palette.failure,
                                   &GRAPHENE_RECT_INIT (x, base - ok - failed, bar, failed));
    }

  /* The day axis: the first, middle and last days. */
  {
    guint marks[] = { 0, n / 2, n - 1 };
    double last_end = -G_MAXDOUBLE;

    for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
      {
        g_autoptr(OpUsageDay) day = op_usage_chart_get_day (self, marks[m]);
        g_autofree char *text = short_day (op_usage_day_get_day (day));
        g_autoptr(PangoLayout) layout = create_layout (self, text);
        double width = layout_width (layout);
        double x = plot.left + slot * marks[m] + slot / 2 - width / 2;

        x = CLAMP (x, plot.left, MAX (plot.left, plot.left + plot.width - width));
        if (x < last_end + GAP || (m > 0 && marks[m] == marks[m - 1]))
          continue;

        append_layout (snapshot, layout, x, plot.top + plot.height + GAP / 2, &palette.dim);
        last_end = x + width;
      }
  }
}

static void
op_usage_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NAT_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = MIN_HEIGHT;
    }
}

static gboolean
op_usage_chart_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  OpUsageChart *self = OP_USAGE_CHART (widget);
  guint n = op_usage_chart_get_n_days (self);
  g_autoptr(OpUsageDay) day = NULL;
  g_autofree char *calls = NULL;
  g_autofree char *successes = NULL;
  g_autofree char *failures = NULL;
  g_autofree char *text = NULL;
  Plot plot;
  guint index;

  if (n == 0)
    return FALSE;

  if (keyboard_tooltip)
    {
      text = op_usage_chart_describe (self);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  op_usage_chart_get_plot (self, &plot);
  if (x < plot.left)
    return FALSE;

  index = MIN ((guint) ((x - plot.left) / (plot.width / n)), n - 1);
  day = op_usage_chart_get_day (self, index);
  calls = op_apps_format_count (op_usage_day_get_calls (day));
  successes = op_apps_format_count (op_usage_day_get_successes (day));
  failures = op_apps_format_count (op_usage_day_get_failures (day));

  /* Translators: a day of the chart: the date, then numbers of calls */
  text = g_strdup_printf (_("%s: %s calls, %s successful, %s failed"),
                          op_usage_day_get_day (day), calls, successes, failures);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
op_usage_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (op_usage_chart_parent_class)->css_changed (widget, change);

  /* Dark style, high contrast, or another font size. */
  gtk_widget_queue_resize (widget);
}

static void
op_usage_chart_update (OpUsageChart *self)
{
  g_autofree char *description = NULL;
  guint n = op_usage_chart_get_n_days (self);

  self->successes = 0;
  self->failures = 0;
  self->busiest = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpUsageDay) day = g_list_model_get_item (self->days, i);

      self->successes += MAX (op_usage_day_get_successes (day), 0);
      self->failures += MAX (op_usage_day_get_failures (day), 0);
      self->busiest = MAX (self->busiest,
                           MAX (op_usage_day_get_successes (day), 0) +
                           MAX (op_usage_day_get_failures (day), 0));
    }

  description = op_usage_chart_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
op_usage_chart_dispose (GObject *object)
{
  OpUsageChart *self = (OpUsageChart *)object;

  g_clear_object (&self->days);

  G_OBJECT_CLASS (op_usage_chart_parent_class)->dispose (object);
}

static void
op_usage_chart_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OpUsageChart *self = OP_USAGE_CHART (object);

  switch (prop_id)
    {
    case PROP_DAYS:
      g_value_set_object (value, self->days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_usage_chart_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  OpUsageChart *self = OP_USAGE_CHART (object);

  switch (prop_id)
    {
    case PROP_DAYS:
      op_usage_chart_set_days (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_usage_chart_class_init (OpUsageChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = op_usage_chart_dispose;
  object_class->get_property = op_usage_chart_get_property;
  object_class->set_property = op_usage_chart_set_property;

  widget_class->snapshot = op_usage_chart_snapshot;
  widget_class->measure = op_usage_chart_measure;
  widget_class->query_tooltip = op_usage_chart_query_tooltip;
  widget_class->css_changed = op_usage_chart_css_changed;

  properties [PROP_DAYS] =
    g_param_spec_object ("days", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "usagechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
op_usage_chart_init (OpUsageChart *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calls per day"),
                                  -1);
  op_usage_chart_update (self);
}

GtkWidget *
op_usage_chart_new (void)
{
  return g_object_new (OP_TYPE_USAGE_CHART, NULL);
}

/**
 * op_usage_chart_get_days:
 *
 * Returns: (transfer none) (nullable): the days shown
 */
GListModel *
op_usage_chart_get_days (OpUsageChart *self)
{
  g_return_val_if_fail (OP_IS_USAGE_CHART (self), NULL);

  return self->days;
}

/**
 * op_usage_chart_set_days:
 * @days: (nullable): #OpUsageDay items, newest first, as GET
 *   /apps/{app_key}/usage answers
 */
void
op_usage_chart_set_days (OpUsageChart *self,
                         GListModel   *days)
{
  g_return_if_fail (OP_IS_USAGE_CHART (self));
  g_return_if_fail (!days || G_IS_LIST_MODEL (days));

  if (!g_set_object (&self->days, days))
    return;

  op_usage_chart_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DAYS]);
}

gint64
op_usage_chart_get_successes (OpUsageChart *self)
{
  g_return_val_if_fail (OP_IS_USAGE_CHART (self), 0);

  return self->successes;
}

gint64
op_usage_chart_get_failures (OpUsageChart *self)
{
  g_return_val_if_fail (OP_IS_USAGE_CHART (self), 0);

  return self->failures;
}

/**
 * op_usage_chart_describe:
 *
 * Returns: (transfer full): what the chart shows, in words (its accessible
 *   description)
 */
char *
op_usage_chart_describe (OpUsageChart *self)
{
  g_autofree char *calls = NULL;
  g_autofree char *successes = NULL;
  g_autofree char *failures = NULL;
  guint n;

  g_return_val_if_fail (OP_IS_USAGE_CHART (self), NULL);

  n = op_usage_chart_get_n_days (self);
  if (n == 0)
    return g_strdup (_("No usage figures yet."));

  calls = op_apps_format_count (self->successes + self->failures);
  successes = op_apps_format_count (self->successes);
  failures = op_apps_format_count (self->failures);

  /* Translators: the first is a number of days, then numbers of calls */
  return g_strdup_printf (g_dngettext (NULL,
                                       "%u day: %s calls, %s successful and %s failed.",
                                       "%u days: %s calls, %s successful and %s failed.", n),
                          n, calls, successes, failures);
}
