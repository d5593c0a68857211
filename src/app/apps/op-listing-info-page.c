/* op-listing-info-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-listing-info-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-apps-format.h"
#include "op-field-checks.h"
#include "op-field-error.h"
#include "op-listing-flow.h"
#include "op-listing-info-page.h"
#include "op-validate.h"

/* The first page of 上架: the app's 聚石塔 (Jushita) deployment and its
 * 授权回调地址. Each field is checked as the user types (shown after a
 * pause or on leaving the field), with the platform's own reasons when a
 * submission was refused; Next waits until every field is right. What is
 * typed is kept in the flow's draft.
 */
#define MAX_ACCOUNT_CHARS 64

enum {
  FIELD_ACCOUNT,
  FIELD_INSTANCE,
  FIELD_REGION,
  FIELD_CALLBACK,
  N_FIELDS
};

/* The platform's names of the fields, for its reasons, and the draft's. */
static const char *server_names[N_FIELDS] = {
  "jushita.account", "jushita.instance_id", "jushita.region", "callback_url",
};
static const char *draft_keys[N_FIELDS] = {
  "jushita-account", "jushita-instance-id", "jushita-region", "callback-url",
};

struct _OpListingInfoPage
{
  OpWizardPage   parent_instance;

  OpFieldChecks *checks;
  gboolean       loading;

  GtkRevealer   *draft_revealer;
  AdwEntryRow   *account_row;
  GtkLabel      *account_caption;
  AdwEntryRow   *instance_row;
  GtkLabel      *instance_caption;
  AdwComboRow   *region_row;
  GtkLabel      *region_caption;
  AdwEntryRow   *callback_row;
  GtkLabel      *callback_caption;
};

G_DEFINE_FINAL_TYPE (OpListingInfoPage, op_listing_info_page, OP_TYPE_WIZARD_PAGE)

static OpAppFlow *
get_flow (OpListingInfoPage *self)
{
  return OP_APP_FLOW (op_wizard_page_get_flow (OP_WIZARD_PAGE (self)));
}

static char *
get_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static const char *
get_region (OpListingInfoPage *self)
{
  const char * const *regions = op_listing_flow_get_regions ();
  guint selected = adw_combo_row_get_selected (self->region_row);

  return selected < g_strv_length ((char **) regions) ? regions[selected] : regions[0];
}

/* Returns: (transfer full) (nullable): why the field's value is not valid */
static char *
op_listing_info_page_check_field (OpWizardPage *page,
                                  guint         field)
{
  OpListingInfoPage *self = OP_LISTING_INFO_PAGE (page);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  switch (field)
    {
    case FIELD_ACCOUNT:
      text = get_text (self->account_row);
      if (*text == '\0')
        return g_strdup (_("Enter the Jushita account the app is deployed with."));
      if (g_utf8_strlen (text, -1) > MAX_ACCOUNT_CHARS)
        /* Translators: %d is a number of characters */
        return g_strdup_printf (_("A Jushita account has at most %d characters."),
                                MAX_ACCOUNT_CHARS);
      return NULL;

    case FIELD_INSTANCE:
      text = get_text (self->instance_row);
      if (*text == '\0')
        return g_strdup (_("Enter the ID of the Jushita instance the app runs on."));
      if (!g_regex_match_simple ("^[A-Za-z0-9-]{4,64}$", text, 0, 0))
        return g_strdup (_("An instance ID has 4 to 64 letters, digits or hyphens, for example "
                           "jst-0001. Copy it from the Jushita console."));
      return NULL;

    case FIELD_REGION:
      return NULL;

    case FIELD_CALLBACK:
      text = get_text (self->callback_row);
      if (!op_validate_https_url (text, &error))
        return g_strdup (error->message);
      return NULL;

    default:
      g_assert_not_reached ();
    }
}

static void
op_listing_info_page_show_field (OpWizardPage *page,
                                 guint         field,
                                 const char   *error)
{
  OpListingInfoPage *self = OP_LISTING_INFO_PAGE (page);

  switch (field)
    {
    case FIELD_ACCOUNT:
      op_field_error_show (GTK_WIDGET (self->account_row), self->account_caption, error, NULL);
      break;

    case FIELD_INSTANCE:
      op_field_error_show (GTK_WIDGET (self->instance_row), self->instance_caption, error,
                           _("The ID of the Jushita instance the app runs on, as the Jushita "
                             "console shows it."));
      break;

    case FIELD_REGION:
      op_field_error_show (GTK_WIDGET (self->region_row), self->region_caption, error, NULL);
      break;

    case FIELD_CALLBACK:
      op_field_error_show (GTK_WIDGET (self->callback_row), self->callback_caption, error,
                           _("Where the platform sends members back after they authorize the "
                             "app. It must start with https://."));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
op_listing_info_page_save (OpListingInfoPage *self)
{
  OpDraft *draft = op_flow_get_draft (OP_FLOW (get_flow (self)));
  g_autofree char *account = get_text (self->account_row);
  g_autofree char *instance = get_text (self->instance_row);
  g_autofree char *callback = get_text (self->callback_row);
  const char *region = get_region (self);

  op_listing_flow_set_info (OP_LISTING_FLOW (get_flow (self)), account, instance, region, callback);

  op_draft_set_string (draft, draft_keys[FIELD_ACCOUNT], account);
  op_draft_set_string (draft, draft_keys[FIELD_INSTANCE], instance);
  op_draft_set_string (draft, draft_keys[FIELD_REGION], region);
  op_draft_set_string (draft, draft_keys[FIELD_CALLBACK], callback);
}

static void
op_listing_info_page_changed (OpListingInfoPage *self,
                              guint              field)
{
  if (self->loading)
    return;

  op_listing_info_page_save (self);
  op_field_checks_edited (self->checks, field);
}

static void
account_changed_cb (OpListingInfoPage *self)
{
  op_listing_info_page_changed (self, FIELD_ACCOUNT);
}

static void
instance_changed_cb (OpListingInfoPage *self)
{
  op_listing_info_page_changed (self, FIELD_INSTANCE);
}

static void
region_changed_cb (OpListingInfoPage *self)
{
  op_listing_info_page_changed (self, FIELD_REGION);
}

static void
callback_changed_cb (OpListingInfoPage *self)
{
  op_listing_info_page_changed (self, FIELD_CALLBACK);
}

static void
account_activated_cb (OpListingInfoPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->instance_row));
}

static void
instance_activated_cb (OpListingInfoPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->callback_row));
}

static void
callback_activated_cb (OpListingInfoPage *self)
{
  op_field_checks_touch (self->checks, FIELD_CALLBACK);
  op_wizard_page_request_next (OP_WIZARD_PAGE (self));
}

/* Leaving a field shows its problem at once. */
static void
field_left_cb (GtkEventControllerFocus *controller,
               OpListingInfoPage       *self)
{
  GtkWidget *field = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (field == GTK_WIDGET (self->account_row))
    op_field_checks_touch (self->checks, FIELD_ACCOUNT);
  else if (field == GTK_WIDGET (self->instance_row))
    op_field_checks_touch (self->checks, FIELD_INSTANCE);
  else if (field == GTK_WIDGET (self->callback_row))
    op_field_checks_touch (self->checks, FIELD_CALLBACK);
}

static void
op_listing_info_page_fill (OpListingInfoPage *self,
                           gboolean           from_draft)
{
  OpAppFlow *flow = get_flow (self);
  OpDraft *draft = op_flow_get_draft (OP_FLOW (flow));
  OpApp *app = op_app_flow_get_app (flow);
  const char * const *regions = op_listing_flow_get_regions ();
  const char *account = from_draft ? op_draft_get_string (draft, draft_keys[FIELD_ACCOUNT]) : NULL;
  const char *instance = from_draft ? op_draft_get_string (draft, draft_keys[FIELD_INSTANCE]) : NULL;
  const char *region = from_draft ? op_draft_get_string (draft, draft_keys[FIELD_REGION]) : NULL;
  const char *callback = from_draft ? op_draft_get_string (draft, draft_keys[FIELD_CALLBACK]) : NULL;

  /* A new listing starts from the callback address the app was created with. */
  if (callback == NULL && app != NULL)
    callback = op_app_get_callback_url (app);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), account != NULL ? account : "");
  gtk_editable_set_text (GTK_EDITABLE (self->instance_row), instance != NULL ? instance : "");
  gtk_editable_set_text (GTK_EDITABLE (self->callback_row), callback != NULL ? callback : "");
  adw_combo_row_set_selected (self->region_row, 0);
  for (guint i = 0; region != NULL && regions[i] != NULL; i++)
    if (g_str_equal (regions[i], region))
      adw_combo_row_set_selected (self->region_row, i);
  self->loading = FALSE;

  /* A kept value that is not right shows its problem at once. */
  for (guint field = 0; field < N_FIELDS; field++)
    op_field_checks_set_touched (self->checks, field,
                                 from_draft && op_draft_get_string (draft, draft_keys[field]) != NULL);

  op_listing_flow_set_info (OP_LISTING_FLOW (flow),
                            account, instance, get_region (self), callback);
  op_field_checks_validate (self->checks);
}

static void
start_over_cb (OpListingInfoPage *self)
{
  op_draft_discard (op_flow_get_draft (OP_FLOW (get_flow (self))));
  op_field_checks_set_server_errors (self->checks, NULL);
  op_listing_info_page_fill (self, FALSE);
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->account_row));
}

static void
continue_cb (OpListingInfoPage *self)
{
  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->account_row));
}

/* The platform refused the submission: show its reason under each field. */
static void
field_errors_changed_cb (OpListingInfoPage *self)
{
  op_field_checks_set_server_errors (self->checks, op_app_flow_get_field_errors (get_flow (self)));
  op_field_checks_validate (self->checks);
}

static void
op_listing_info_page_shown (OpWizardPage *page)
{
  OpListingInfoPage *self = OP_LISTING_INFO_PAGE (page);

  if (op_field_checks_has_server_error (self->checks, FIELD_CALLBACK) &&
      !op_field_checks_has_server_error (self->checks, FIELD_ACCOUNT) &&
      !op_field_checks_has_server_error (self->checks, FIELD_INSTANCE))
    gtk_widget_grab_focus (GTK_WIDGET (self->callback_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->account_row));
}

static void
add_focus_controller (OpListingInfoPage *self,
                      GtkWidget         *field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (controller, "leave", G_CALLBACK (field_left_cb), self, 0);
  gtk_widget_add_controller (field, controller);
}

static void
op_listing_info_page_constructed (GObject *object)
{
  OpListingInfoPage *self = (OpListingInfoPage *)object;
  OpAppFlow *flow;
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  const char * const *ids = op_listing_flow_get_regions ();

  G_OBJECT_CLASS (op_listing_info_page_parent_class)->constructed (object);

  flow = get_flow (self);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      /* Translators: a Jushita region: its name, then its ID */
      g_autofree char *label = g_strdup_printf (_("%s, %s"),
                                                op_listing_flow_get_region_label (ids[i]), ids[i]);

      gtk_string_list_append (regions, label);
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (regions));
  self->loading = FALSE;

  g_signal_connect_object (flow, "notify::field-errors", G_CALLBACK (field_errors_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Reopened with a draft: it is filled in, and the page offers to start over. */
  gtk_revealer_set_reveal_child (self->draft_revealer,
                                 !op_draft_is_empty (op_flow_get_draft (OP_FLOW (flow))));
  op_listing_info_page_fill (self, TRUE);
}

static void
op_listing_info_page_dispose (GObject *object)
{
  OpListingInfoPage *self = (OpListingInfoPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_LISTING_INFO_PAGE);
  g_clear_pointer (&self->checks, op_field_checks_free);

  G_OBJECT_CLASS (op_listing_info_page_parent_class)->dispose (object);
}

static void
op_listing_info_page_class_init (OpListingInfoPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_listing_info_page_constructed;
  object_class->dispose = op_listing_info_page_dispose;

  page_class->shown = op_listing_info_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-listing-info-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, account_caption);
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, instance_row);
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, instance_caption);
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, region_caption);
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, callback_row);
  gtk_widget_class_bind_template_child (widget_class, OpListingInfoPage, callback_caption);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, instance_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, region_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, callback_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, instance_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, callback_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_over_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_cb);
}

static void
op_listing_info_page_init (OpListingInfoPage *self)
{
  self->checks = op_field_checks_new (OP_WIZARD_PAGE (self), N_FIELDS, server_names,
                                      op_listing_info_page_check_field,
                                      op_listing_info_page_show_field);
  gtk_widget_init_template (GTK_WIDGET (self));
  op_wizard_page_set_title (OP_WIZARD_PAGE (self), _("Jushita and Authorization"));

  add_focus_controller (self, GTK_WIDGET (self->account_row));
  add_focus_controller (self, GTK_WIDGET (self->instance_row));
  add_focus_controller (self, GTK_WIDGET (self->callback_row));
}

OpWizardPage *
op_listing_info_page_new (OpAppFlow *flow)
{
  g_return_val_if_fail (OP_IS_LISTING_FLOW (flow), NULL);

  return g_object_new (OP_TYPE_LISTING_INFO_PAGE,
                       "flow", flow,
                       NULL);
}
