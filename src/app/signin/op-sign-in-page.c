/* op-sign-in-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-sign-in-page.h"

/* Signing in to the platform: account and password, the session kept in
 * the keyring by the connection. With the built-in sandbox, its accounts are
 * listed so that anyone can start at once.
 */
#define SANDBOX_PASSWORD "sandbox"

struct _OpSignInPage
{
  OpAreaPage    parent_instance;

  GCancellable *cancellable;

  GtkLabel     *intro_label;
  AdwEntryRow  *login_row;
  AdwEntryRow  *password_row;
  GtkLabel     *error_label;
  GtkButton    *sign_in_button;
  GtkButton    *cancel_button;
  GtkSpinner   *spinner;
  GtkWidget    *sandbox_group;
};

G_DEFINE_FINAL_TYPE (OpSignInPage, op_sign_in_page, OP_TYPE_AREA_PAGE)

static const char *
login_text (OpSignInPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->login_row));
}

static const char *
password_text (OpSignInPage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->password_row));
}

static gboolean
op_sign_in_page_is_complete (OpSignInPage *self)
{
  g_autofree char *login = g_strstrip (g_strdup (login_text (self)));

  return *login != '\0' && *password_text (self) != '\0';
}

static void
op_sign_in_page_update (OpSignInPage *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button),
                            !busy && op_sign_in_page_is_complete (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
op_sign_in_page_show_error (OpSignInPage *self,
                            const char   *message,
                            GtkWidget    *field)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (self->login_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->login_row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->password_row), GTK_ACCESSIBLE_STATE_INVALID);

  if (field == NULL)
    return;

  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
  gtk_widget_grab_focus (field);
}

static void
signed_in_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpSignInPage) self = user_data;
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = op_connection_sign_in_finish (OP_CONNECTION (object), result, &error);
  g_clear_object (&self->cancellable);
  op_sign_in_page_update (self);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (account == NULL)
    {
      GtkWidget *field = NULL;

      g_debug ("Sign-in refused: %s", error->message);
      if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_WRONG_CREDENTIALS))
        field = GTK_WIDGET (self->password_row);
      op_sign_in_page_show_error (self, error->message, field);
      return;
    }

  /* The password is not kept anywhere, not even in the form. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  op_sign_in_page_show_error (self, NULL, NULL);
}

static void
op_sign_in_page_sign_in (OpSignInPage *self)
{
  OpConnection *connection = op_area_page_get_connection (OP_AREA_PAGE (self));
  g_autofree char *login = NULL;

  if (connection == NULL || self->cancellable != NULL || !op_sign_in_page_is_complete (self))
    return;

  login = g_strstrip (g_strdup (login_text (self)));
  self->cancellable = g_cancellable_new ();
  op_sign_in_page_show_error (self, NULL, NULL);
  op_sign_in_page_update (self);

  op_connection_sign_in_async (connection, login, password_text (self), self->cancellable,
                               signed_in_cb, g_object_ref (self));
}

static void
sign_in_clicked_cb (OpSignInPage *self)
{
  op_sign_in_page_sign_in (self);
}

static void
cancel_clicked_cb (OpSignInPage *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
field_changed_cb (OpSignInPage *self)
{
  op_sign_in_page_update (self);
}

static void
login_activated_cb (OpSignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
password_activated_cb (OpSignInPage *self)
{
  op_sign_in_page_sign_in (self);
}

static void
sandbox_account_activated_cb (OpSignInPage *self,
                              AdwActionRow *row)
{
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), gtk_widget_get_name (GTK_WIDGET (row)));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), SANDBOX_PASSWORD);
  gtk_widget_grab_focus (GTK_WIDGET (self->sign_in_button));
}

static void
op_sign_in_page_update_platform (OpSignInPage *self)
{
  OpConnection *connection = op_area_page_get_connection (OP_AREA_PAGE (self));
  gboolean builtin = connection == NULL || op_connection_get_builtin (connection);
  g_autofree char *intro = NULL;

  if (builtin)
    intro = g_strdup (_("Sign in to the built-in sandbox with one of its accounts. Nothing you do here reaches the real 1688."));
  else
    /* Translators: %s is the address of a standalone sandbox platform service */
    intro = g_strdup_printf (_("Sign in to the sandbox service at %s with your account on it."),
                             op_connection_get_base_url (connection) ?: "");

  gtk_label_set_label (self->intro_label, intro);
  gtk_widget_set_visible (self->sandbox_group, builtin);
}

static void
connection_changed_cb (OpSignInPage *self)
{
  OpConnection *connection = op_area_page_get_connection (OP_AREA_PAGE (self));

  if (connection != NULL)
    {
      g_signal_connect_object (connection, "notify::builtin",
                               G_CALLBACK (op_sign_in_page_update_platform), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (connection, "notify::base-url",
                               G_CALLBACK (op_sign_in_page_update_platform), self,
                               G_CONNECT_SWAPPED);
    }

  op_sign_in_page_update_platform (self);
}

static void
op_sign_in_page_shown (OpAreaPage *page)
{
  OpSignInPage *self = OP_SIGN_IN_PAGE (page);

  op_sign_in_page_update_platform (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
}

static void
op_sign_in_page_cancel_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  g_cancellable_cancel (OP_SIGN_IN_PAGE (widget)->cancellable);
}

static void
op_sign_in_page_dispose (GObject *object)
{
  OpSignInPage *self = (OpSignInPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (op_sign_in_page_parent_class)->dispose (object);
}

static void
op_sign_in_page_class_init (OpSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpAreaPageClass *area_class = OP_AREA_PAGE_CLASS (klass);

  object_class->dispose = op_sign_in_page_dispose;

  area_class->shown = op_sign_in_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpSignInPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, OpSignInPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, OpSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, OpSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, OpSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, OpSignInPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, OpSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, OpSignInPage, sandbox_group);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sandbox_account_activated_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, op_sign_in_page_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sign-in.cancel", NULL);
}

static void
op_sign_in_page_init (OpSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::connection", G_CALLBACK (connection_changed_cb), NULL);

  op_sign_in_page_update (self);
}
