/* op-welcome-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-welcome-page.h"

/* The guide to the platform's process, from onboarding to a launched app
 * (domain.md), shown on the first run and kept as the "Getting Started" area.
 * Each step gets one line here; its wizard explains the rest when the user
 * gets there.
 */
struct _OpWelcomePage
{
  AdwBin      parent_instance;

  GtkButton  *start_button;
  GtkListBox *steps_list;
  GtkListBox *platform_list;
};

G_DEFINE_FINAL_TYPE (OpWelcomePage, op_welcome_page, ADW_TYPE_BIN)

typedef struct
{
  const char *title;
  const char *summary;
} Step;

static const Step steps[] = {
  { NC_("welcome step", "Join as a developer"),
    N_("A real-name verified account, your mobile number and developer information.") },
  { NC_("welcome step", "Apply for a role qualification"),
    N_("Only when a solution needs a role the platform did not detect.") },
  { NC_("welcome step", "Order a solution and create an app"),
    N_("The app gets its AppKey and AppSecret.") },
  { NC_("welcome step", "Develop and test"),
    N_("Up to 5,000 calls a day while the app is in development.") },
  { NC_("welcome step", "Launch, or list for sale"),
    N_("100,000 calls a day once launched, or sold on the 1688 service market.") },
};

static GtkWidget *
text_label_new (const char *text,
                int         width_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);

  return label;
}

/* A row of @mark (a step number or an icon), a title and a one-line summary;
 * the returned box takes a button at its end if the row needs one. */
static GtkWidget *
add_row (GtkListBox *list,
         GtkWidget  *mark,
         const char *title,
         const char *summary)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *summary_label = text_label_new (summary, 14);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set (box, "margin-top", 8, "margin-bottom", 8, "margin-start", 12, "margin-end", 12, NULL);

  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), mark);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), text_label_new (title, 12));
  gtk_widget_add_css_class (summary_label, "caption");
  gtk_widget_add_css_class (summary_label, "dim-label");
  gtk_box_append (GTK_BOX (text), summary_label);
  gtk_box_append (GTK_BOX (box), text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (list, row);

  return box;
}

/* A step number or an icon, which screen readers skip. */
static GtkWidget *
mark_new (GType       type,
          const char *property,
          const char *value)
{
  return g_object_new (type, property, value,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static void
op_welcome_page_add_steps (OpWelcomePage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *mark = mark_new (GTK_TYPE_LABEL, "label", number);

      gtk_widget_add_css_class (mark, "step-number");
      add_row (self->steps_list, mark,
               g_dpgettext2 (GETTEXT_PACKAGE, "welcome step", steps[i].title),
               _(steps[i].summary));
    }
}

static void
op_welcome_page_add_platform_rows (OpWelcomePage *self)
{
  GtkWidget *box;
  GtkWidget *button;

  add_row (self->platform_list,
           mark_new (GTK_TYPE_IMAGE, "icon-name", "dialog-information-symbolic"),
           _("These steps run on a sandbox platform"),
           _("open.1688.com has no public API for these steps, so this app brings its own copy of them. Nothing you do here reaches 1688."));

  box = add_row (self->platform_list,
                 mark_new (GTK_TYPE_IMAGE, "icon-name", "network-server-symbolic"),
                 _("API calls can go to the real gateway"),
                 _("With a real AppKey and AppSecret; choose in Preferences. The sidebar always shows which one is in use."));

  button = gtk_button_new_with_mnemonic (_("_Preferences"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.preferences");
  gtk_box_append (GTK_BOX (box), button);
}

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
  gtk_widget_class_bind_template_child (widget_class, OpWelcomePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, OpWelcomePage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, OpWelcomePage, platform_list);
}

static void
op_welcome_page_init (OpWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  op_welcome_page_add_steps (self);
  op_welcome_page_add_platform_rows (self);
  op_welcome_page_set_signed_in (self, FALSE);
}

/**
 * op_welcome_page_set_signed_in:
 *
 * Points the page's main button at what comes next: signing in, or the
 * overview of where the member stands.
 */
void
op_welcome_page_set_signed_in (OpWelcomePage *self,
                               gboolean       signed_in)
{
  g_return_if_fail (OP_IS_WELCOME_PAGE (self));

  gtk_button_set_label (self->start_button, signed_in ? _("Go to the _Overview") : _("_Sign In"));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->start_button), "s",
                                    signed_in ? "overview" : "sign-in");
}
