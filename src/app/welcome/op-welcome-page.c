/* op-welcome-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-welcome-page"

#include "config.h"

#include "op-welcome-page.h"

/* The guide to the platform's process, from onboarding to a launched app
 * (domain.md), shown on the first run and kept as the "Getting Started" area.
 */
struct _OpWelcomePage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (OpWelcomePage, op_welcome_page, ADW_TYPE_BIN)

static void
op_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OP_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (op_welcome_page_parent_class)->dispose (object);
}

static void
op_welcome_page_class_init (OpWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = op_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-welcome-page.ui");
}

static void
op_welcome_page_init (OpWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
