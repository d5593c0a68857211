/* op-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-flow"

#include "config.h"

#include "op-flow.h"
#include "op-wizard-page.h"

/* The shared state of one run of a wizard (our stand-in for
 * gnome-initial-setup's driver): subclasses hold what the pages share as
 * properties, and a draft that keeps what the user typed.
 */
typedef struct
{
  char    *title;
  char    *draft_name;
  OpDraft *draft;
} OpFlowPrivate;

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DRAFT_NAME,
  N_PROPS
};

enum {
  REBUILD_PAGES,
  FINISHED,
  CANCELLED,
  N_SIGNALS
};

G_DEFINE_TYPE_WITH_PRIVATE (OpFlow, op_flow, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
op_flow_constructed (GObject *object)
{
  OpFlow *self = (OpFlow *)object;
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  G_OBJECT_CLASS (op_flow_parent_class)->constructed (object);

  g_assert (priv->draft_name != NULL);
  priv->draft = op_draft_new (priv->draft_name);
}

static void
op_flow_dispose (GObject *object)
{
  OpFlow *self = (OpFlow *)object;
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  g_clear_object (&priv->draft);

  G_OBJECT_CLASS (op_flow_parent_class)->dispose (object);
}

static void
op_flow_finalize (GObject *object)
{
  OpFlow *self = (OpFlow *)object;
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->draft_name, g_free);

  G_OBJECT_CLASS (op_flow_parent_class)->finalize (object);
}

static void
op_flow_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  OpFlow *self = OP_FLOW (object);
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;

    case PROP_DRAFT_NAME:
      g_value_set_string (value, priv->draft_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_flow_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  OpFlow *self = OP_FLOW (object);
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      priv->title = g_value_dup_string (value);
      break;

    case PROP_DRAFT_NAME:
      priv->draft_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_flow_class_init (OpFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = op_flow_constructed;
  object_class->dispose = op_flow_dispose;
  object_class->finalize = op_flow_finalize;
  object_class->get_property = op_flow_get_property;
  object_class->set_property = op_flow_set_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DRAFT_NAME] =
    g_param_spec_string ("draft-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpFlow::rebuild-pages:
   *
   * A choice changed which pages follow the current one: the assistant
   * drops the pages after it and prepares them again.
   */
  signals [REBUILD_PAGES] =
    g_signal_new ("rebuild-pages",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * OpFlow::finished:
   *
   * Everything was saved; the draft is gone.
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * OpFlow::cancelled:
   *
   * The user left the wizard; the draft stays for next time.
   */
  signals [CANCELLED] =
    g_signal_new ("cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
op_flow_init (OpFlow *self)
{
}

void
op_flow_class_set_pages (OpFlowClass           *klass,
                         const OpFlowPageEntry *pages,
                         guint                  n_pages)
{
  g_return_if_fail (OP_IS_FLOW_CLASS (klass));

  klass->pages = pages;
  klass->n_pages = n_pages;
}

const char *
op_flow_get_title (OpFlow *self)
{
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  g_return_val_if_fail (OP_IS_FLOW (self), NULL);

  return priv->title;
}

/**
 * op_flow_get_draft:
 *
 * Returns: (transfer none): where the pages keep what the user typed
 */
OpDraft *
op_flow_get_draft (OpFlow *self)
{
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  g_return_val_if_fail (OP_IS_FLOW (self), NULL);

  return priv->draft;
}

/**
 * op_flow_prepare_pages_after:
 * @page_id: (nullable): the id of a page in the table, or %NULL for all
 *
 * Prepares the pages that follow @page_id in the table, leaving out those
 * whose prepare function returns %NULL. Each page is named after its id.
 *
 * Returns: (transfer full) (element-type OpWizardPage): the pages
 */
GPtrArray *
op_flow_prepare_pages_after (OpFlow     *self,
                             const char *page_id)
{
  OpFlowClass *klass;
  GPtrArray *pages;
  gboolean found;

  g_return_val_if_fail (OP_IS_FLOW (self), NULL);

  klass = OP_FLOW_GET_CLASS (self);
  pages = g_ptr_array_new_with_free_func (g_object_unref);
  found = page_id == NULL;

  for (guint i = 0; i < klass->n_pages; i++)
    {
      OpWizardPage *page;

      if (!found)
        {
          found = g_str_equal (klass->pages[i].id, page_id);
          continue;
        }

      page = klass->pages[i].prepare (self);
      if (page == NULL)
        continue;

      gtk_widget_set_name (GTK_WIDGET (page), klass->pages[i].id);
      g_ptr_array_add (pages, g_object_ref_sink (page));
    }

  return pages;
}

void
op_flow_rebuild_pages (OpFlow *self)
{
  g_return_if_fail (OP_IS_FLOW (self));

  g_signal_emit (self, signals [REBUILD_PAGES], 0);
}

/**
 * op_flow_finish:
 *
 * The flow's work is saved: forget the draft and tell the assistant.
 */
void
op_flow_finish (OpFlow *self)
{
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  g_return_if_fail (OP_IS_FLOW (self));

  op_draft_discard (priv->draft);
  g_signal_emit (self, signals [FINISHED], 0);
}

/**
 * op_flow_cancel:
 *
 * The user left: keep the draft on disk for next time.
 */
void
op_flow_cancel (OpFlow *self)
{
  OpFlowPrivate *priv = op_flow_get_instance_private (self);

  g_return_if_fail (OP_IS_FLOW (self));

  op_draft_flush (priv->draft);
  g_signal_emit (self, signals [CANCELLED], 0);
}
