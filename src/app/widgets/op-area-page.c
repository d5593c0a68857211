/* op-area-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-area-page"

#include "config.h"

#include "op-area-page.h"
#include "op-window.h"

/* The base of the window's areas (sign-in, overview, solutions, apps):
 * each gets the connection to the platform, is told when it is shown, and
 * reaches the window for wizards, toasts and notifications.
 */
typedef struct
{
  OpConnection    *connection;
  OpReviewWatcher *watcher;
} OpAreaPagePrivate;

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_WATCHER,
  N_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (OpAreaPage, op_area_page, ADW_TYPE_BIN)

static GParamSpec *properties [N_PROPS];

static OpWindow *
op_area_page_get_window (OpAreaPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return OP_IS_WINDOW (root) ? OP_WINDOW (root) : NULL;
}

static void
watcher_changed_cb (OpAreaPage *self)
{
  if (OP_AREA_PAGE_GET_CLASS (self)->reviews_changed != NULL)
    OP_AREA_PAGE_GET_CLASS (self)->reviews_changed (self);
}

static void
op_area_page_dispose (GObject *object)
{
  OpAreaPage *self = (OpAreaPage *)object;
  OpAreaPagePrivate *priv = op_area_page_get_instance_private (self);

  if (priv->watcher != NULL)
    g_signal_handlers_disconnect_by_func (priv->watcher, watcher_changed_cb, self);
  g_clear_object (&priv->watcher);
  g_clear_object (&priv->connection);

  G_OBJECT_CLASS (op_area_page_parent_class)->dispose (object);
}

static void
op_area_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OpAreaPage *self = OP_AREA_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, op_area_page_get_connection (self));
      break;

    case PROP_WATCHER:
      g_value_set_object (value, op_area_page_get_watcher (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_area_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OpAreaPage *self = OP_AREA_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      op_area_page_set_connection (self, g_value_get_object (value));
      break;

    case PROP_WATCHER:
      op_area_page_set_watcher (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_area_page_class_init (OpAreaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_area_page_dispose;
  object_class->get_property = op_area_page_get_property;
  object_class->set_property = op_area_page_set_property;

  properties [PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         OP_TYPE_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_WATCHER] =
    g_param_spec_object ("watcher", NULL, NULL,
                         OP_TYPE_REVIEW_WATCHER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_area_page_init (OpAreaPage *self)
{
}

/**
 * op_area_page_get_connection:
 *
 * Returns: (transfer none) (nullable): the connection to the platform
 */
OpConnection *
op_area_page_get_connection (OpAreaPage *self)
{
  OpAreaPagePrivate *priv = op_area_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_AREA_PAGE (self), NULL);

  return priv->connection;
}

void
op_area_page_set_connection (OpAreaPage   *self,
                             OpConnection *connection)
{
  OpAreaPagePrivate *priv = op_area_page_get_instance_private (self);

  g_return_if_fail (OP_IS_AREA_PAGE (self));
  g_return_if_fail (!connection || OP_IS_CONNECTION (connection));

  if (g_set_object (&priv->connection, connection))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONNECTION]);
}

/**
 * op_area_page_get_watcher:
 *
 * Returns: (transfer none) (nullable): the window's review watcher
 */
OpReviewWatcher *
op_area_page_get_watcher (OpAreaPage *self)
{
  OpAreaPagePrivate *priv = op_area_page_get_instance_private (self);

  g_return_val_if_fail (OP_IS_AREA_PAGE (self), NULL);

  return priv->watcher;
}

/**
 * op_area_page_set_watcher:
 * @watcher: (nullable): the window's review watcher
 *
 * The window owns the watcher, which looks at the platform while a review is
 * pending; the area follows it (#OpAreaPageClass.reviews_changed) instead of
 * looking itself.
 */
void
op_area_page_set_watcher (OpAreaPage      *self,
                          OpReviewWatcher *watcher)
{
  OpAreaPagePrivate *priv = op_area_page_get_instance_private (self);

  g_return_if_fail (OP_IS_AREA_PAGE (self));
  g_return_if_fail (!watcher || OP_IS_REVIEW_WATCHER (watcher));

  if (priv->watcher == watcher)
    return;

  if (priv->watcher != NULL)
    g_signal_handlers_disconnect_by_func (priv->watcher, watcher_changed_cb, self);
  g_set_object (&priv->watcher, watcher);
  if (watcher != NULL)
    g_signal_connect_object (watcher, "changed", G_CALLBACK (watcher_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WATCHER]);
}

void
op_area_page_shown (OpAreaPage *self)
{
  g_return_if_fail (OP_IS_AREA_PAGE (self));

  if (OP_AREA_PAGE_GET_CLASS (self)->shown != NULL)
    OP_AREA_PAGE_GET_CLASS (self)->shown (self);
}

/**
 * op_area_page_run_flow:
 *
 * Opens @flow's wizard in the window; the window comes back to this area
 * when the wizard is finished or cancelled.
 */
void
op_area_page_run_flow (OpAreaPage *self,
                       OpFlow     *flow)
{
  OpWindow *window;

  g_return_if_fail (OP_IS_AREA_PAGE (self));
  g_return_if_fail (OP_IS_FLOW (flow));

  if ((window = op_area_page_get_window (self)))
    op_window_run_flow (window, flow);
}

void
op_area_page_show_area (OpAreaPage *self,
                        const char *area)
{
  OpWindow *window;

  g_return_if_fail (OP_IS_AREA_PAGE (self));

  if ((window = op_area_page_get_window (self)))
    op_window_show_area (window, area);
}

/**
 * op_area_page_add_toast:
 *
 * For transient results ("Copied", "Saved").
 */
void
op_area_page_add_toast (OpAreaPage *self,
                        const char *text)
{
  OpWindow *window;

  g_return_if_fail (OP_IS_AREA_PAGE (self));

  if ((window = op_area_page_get_window (self)))
    {
      /* A toast's title is markup: app names may hold "&" or "<". */
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      op_window_add_toast (window, adw_toast_new (escaped));
    }
}

/**
 * op_area_page_notify:
 *
 * For news the user did not wait for (a review decided): a toast in the
 * window, and a desktop notification when the window is not focused.
 */
void
op_area_page_notify (OpAreaPage *self,
                     const char *title,
                     const char *body)
{
  OpWindow *window;

  g_return_if_fail (OP_IS_AREA_PAGE (self));

  if ((window = op_area_page_get_window (self)))
    op_window_notify (window, title, body);
}
