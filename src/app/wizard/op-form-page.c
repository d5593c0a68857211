/* op-form-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-form-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "op-form-page.h"
#include "op-validate.h"

/* A wizard page built from a form the platform defines (a role's field
 * list for 资质申请), or from one the app defines the same way (应用信息).
 *
 * Each field is a row of its own kind (an entry row for text, tel, email
 * and url; a text view for multiline; a combo row for a choice; a file row
 * with a thumbnail for an image) in a boxed list of its own, with its help
 * and an error caption under it. Local checks use core's validators,
 * debounced while the user types and at once when the focus leaves the
 * field (gnome-initial-setup's pattern); the platform's per-field reasons
 * are shown in the same caption until the field is changed. The page is
 * complete when every required field is filled in and every filled-in
 * field is valid. What the user typed goes to the flow's draft under
 * "<draft-prefix><name>"; for an image, the file's path, never its data.
 */

#define VALIDATE_DELAY_MS 600

typedef enum
{
  FIELD_ENTRY,
  FIELD_MULTILINE,
  FIELD_CHOICE,
  FIELD_IMAGE,
} FieldKind;

typedef struct
{
  OpFormPage   *page;
  OpFormField  *field;
  FieldKind     kind;
  guint         index;

  GtkWidget    *row;
  GtkTextView  *text_view;
  GtkPicture   *thumbnail;
  GtkLabel     *help_label;
  GtkLabel     *error_label;

  /* An image: the data URL sent to the platform, where it came from. */
  char         *image_data;
  char         *image_path;
  char         *image_name;
  char         *image_error;
  GCancellable *image_cancellable;

  char         *platform_error;
  guint         validate_source;
  guint         edited : 1;
  guint         show_local : 1;
} FieldRow;

struct _OpFormPage
{
  OpWizardPage          parent_instance;

  GListModel           *fields;
  char                 *description;
  char                 *draft_prefix;
  GPtrArray            *rows;
  GtkFileChooserNative *chooser;
  gboolean              updating;

  GtkBox               *fields_box;
  GtkLabel             *description_label;
};

enum {
  PROP_0,
  PROP_FIELDS,
  PROP_DESCRIPTION,
  PROP_DRAFT_PREFIX,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpFormPage, op_form_page, OP_TYPE_WIZARD_PAGE)

static GParamSpec *properties [N_PROPS];

static void field_row_changed (FieldRow *row);

static void
field_row_free (gpointer data)
{
  FieldRow *row = data;

  g_clear_handle_id (&row->validate_source, g_source_remove);
  g_cancellable_cancel (row->image_cancellable);
  g_clear_object (&row->image_cancellable);
  g_clear_object (&row->field);
  g_free (row->image_data);
  g_free (row->image_path);
  g_free (row->image_name);
  g_free (row->image_error);
  g_free (row->platform_error);
  g_free (row);
}

static FieldKind
kind_for_field (OpFormField *field)
{
  const char *type = op_form_field_get_field_type (field);

  if (g_strcmp0 (type, "multiline") == 0)
    return FIELD_MULTILINE;
  if (g_strcmp0 (type, "choice") == 0)
    return FIELD_CHOICE;
  if (g_strcmp0 (type, "image") == 0)
    return FIELD_IMAGE;

  /* text, tel, email, url, and anything newer: an entry. */
  return FIELD_ENTRY;
}

static OpDraft *
op_form_page_get_draft (OpFormPage *self)
{
  OpFlow *flow = op_wizard_page_get_flow (OP_WIZARD_PAGE (self));

  return flow != NULL ? op_flow_get_draft (flow) : NULL;
}

static char *
draft_key (OpFormPage  *self,
           FieldRow    *row)
{
  return g_strconcat (self->draft_prefix, op_form_field_get_name (row->field), NULL);
}

static FieldRow *
find_row (OpFormPage *self,
          const char *name)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (op_form_field_get_name (row->field), name) == 0)
        return row;
    }

  return NULL;
}

/* The raw value: the text as typed, the chosen value, the image's data URL. */
static char *
field_row_dup_raw (FieldRow *row)
{
  switch (row->kind)
    {
    case FIELD_ENTRY:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->row)));

    case FIELD_MULTILINE:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (row->text_view);
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }

    case FIELD_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->row));
        const char * const *values = op_form_field_get_choice_values (row->field);

        /* Item 0 is "Not chosen". */
        if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || values == NULL ||
            selected > g_strv_length ((char **)values))
          return g_strdup ("");
        return g_strdup (values[selected - 1]);
      }

    case FIELD_IMAGE:
      return g_strdup (row->image_data != NULL ? row->image_data : "");

    default:
      g_assert_not_reached ();
    }
}

/* What is sent: text without white space at the ends. */
static char *
field_row_dup_value (FieldRow *row)
{
  g_autofree char *raw = field_row_dup_raw (row);

  if (row->kind == FIELD_ENTRY || row->kind == FIELD_MULTILINE)
    {
      char *stripped = op_validate_strip (raw);

      return stripped != NULL ? stripped : g_strdup ("");
    }

  return g_steal_pointer (&raw);
}

static char *
https_url_error (const char *value)
{
  g_autoptr(GError) error = NULL;

  if (op_validate_https_url (value, &error))
    return NULL;

  /* Core's messages speak of a callback address; a form's address may be
   * a shop or a website, so say it for any address. */
  if (g_error_matches (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INSECURE))
    return g_strdup (_("The address must start with https://, not http://. The platform accepts only secure (https) addresses."));
  if (g_error_matches (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER))
    return g_strdup (error->message);

  return g_strdup (_("This is not a complete web address. Write it in full, starting with https://, for example https://example.com."));
}

/* Returns: (nullable): why the value is not acceptable, translated */
static char *
field_row_check (FieldRow *row)
{
  g_autofree char *value = field_row_dup_value (row);
  const char *validation = op_form_field_get_validation (row->field);
  guint max_length = op_form_field_get_max_length (row->field);
  g_autoptr(GError) error = NULL;

  if (row->kind == FIELD_IMAGE && row->image_error != NULL)
    return g_strdup (row->image_error);

  if (value[0] == '\0')
    {
      if (!op_form_field_get_required (row->field))
        return NULL;
      if (row->kind == FIELD_CHOICE)
        return g_strdup (_("Choose one of the options."));
      if (row->kind == FIELD_IMAGE)
        return g_strdup (_("Choose a file: this is required."));
      return g_strdup (_("Fill this in: it is required."));
    }

  if (row->kind != FIELD_IMAGE && max_length > 0 && g_utf8_strlen (value, -1) > max_length)
    /* Translators: %u is a number of characters */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This is too long: use at most %u character.",
                                         "This is too long: use at most %u characters.",
                                         max_length),
                            max_length);

  if (g_strcmp0 (validation, "uscc") == 0)
    {
      if (!op_validate_uscc (value, &error))
        return g_strdup (error->message);
    }
  else if (g_strcmp0 (validation, "mobile") == 0)
    {
      if (!op_validate_mobile (value, &error))
        return g_strdup (error->message);
    }
  else if (g_strcmp0 (validation, "email") == 0)
    {
      if (!op_validate_email (value, &error))
        return g_strdup (error->message);
    }
  else if (g_strcmp0 (validation, "https_url") == 0)
    {
      return https_url_error (value);
    }
  else if (g_strcmp0 (validation, "app_name") == 0)
    {
      if (!op_validate_app_name (value, &error))
        return g_strdup (error->message);
    }
  else if (g_strcmp0 (validation, "choice") == 0 && row->kind != FIELD_CHOICE)
    {
      const char * const *values = op_form_field_get_choice_values (row->field);

      if (values == NULL || !g_strv_contains (values, value))
        return g_strdup (_("Choose one of the options."));
    }

  return NULL;
}

static gboolean
field_row_is_busy (FieldRow *row)
{
  return row->image_cancellable != NULL;
}

/* Shows the platform's reason, or the local one once the user has paused
 * or left the field: error class, caption, accessible INVALID state. */
static void
field_row_update_error (FieldRow *row)
{
  g_autofree char *local = NULL;
  const char *message = NULL;

  if (row->platform_error != NULL)
    message = row->platform_error;
  else if (row->show_local && !field_row_is_busy (row))
    message = local = field_row_check (row);

  gtk_label_set_label (row->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row->error_label), message != NULL);

  if (message != NULL)
    gtk_widget_add_css_class (row->row, "error");
  else
    gtk_widget_remove_css_class (row->row, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (row->row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (row->text_view != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (row->text_view),
                                 GTK_ACCESSIBLE_STATE_INVALID,
                                 message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                 -1);
}

static void
op_form_page_update_complete (OpFormPage *self)
{
  gboolean complete = TRUE;

  for (guint i = 0; i < self->rows->len && complete; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *problem = NULL;

      if (field_row_is_busy (row) || row->platform_error != NULL)
        complete = FALSE;
      else if ((problem = field_row_check (row)) != NULL)
        complete = FALSE;
    }

  op_wizard_page_set_complete (OP_WIZARD_PAGE (self), complete);
}

static void
field_row_save_draft (FieldRow *row)
{
  OpDraft *draft = op_form_page_get_draft (row->page);
  g_autofree char *key = NULL;
  g_autofree char *raw = NULL;

  if (draft == NULL)
    return;

  key = draft_key (row->page, row);

  /* An image is kept as the path of its file: never its data. */
  if (row->kind == FIELD_IMAGE)
    {
      op_draft_set_string (draft, key, row->image_path);
      return;
    }

  raw = field_row_dup_raw (row);
  op_draft_set_string (draft, key, raw);
}

static gboolean
validate_timeout_cb (gpointer data)
{
  FieldRow *row = data;

  row->validate_source = 0;
  row->show_local = TRUE;
  field_row_update_error (row);

  return G_SOURCE_REMOVE;
}

static void
field_row_changed (FieldRow *row)
{
  OpFormPage *self = row->page;

  if (self->updating)
    return;

  row->edited = TRUE;
  g_clear_pointer (&row->platform_error, g_free);
  field_row_save_draft (row);

  /* An error already shown follows the text at once, so that it goes away
   * as soon as the value is right; a new one waits for a pause. */
  g_clear_handle_id (&row->validate_source, g_source_remove);
  if (gtk_widget_get_visible (GTK_WIDGET (row->error_label)))
    field_row_update_error (row);
  else
    row->validate_source = g_timeout_add (VALIDATE_DELAY_MS, validate_timeout_cb, row);

  op_form_page_update_complete (self);
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller,
                      FieldRow                *row)
{
  if (!row->edited)
    return;

  g_clear_handle_id (&row->validate_source, g_source_remove);
  row->show_local = TRUE;
  field_row_update_error (row);
}

static void
entry_changed_cb (GtkEditable *editable,
                  FieldRow    *row)
{
  field_row_changed (row);
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   FieldRow      *row)
{
  field_row_changed (row);
}

static void
combo_selected_cb (AdwComboRow *combo,
                   GParamSpec  *pspec,
                   FieldRow    *row)
{
  field_row_changed (row);
}

static void
field_row_focus (FieldRow *row)
{
  if (row->text_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row->text_view));
  else
    gtk_widget_grab_focus (row->row);
}

/* Shows every field's problem at once. Returns: whether the page is complete. */
gboolean
op_form_page_validate_now (OpFormPage *self)
{
  FieldRow *first_invalid = NULL;

  g_return_val_if_fail (OP_IS_FORM_PAGE (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *problem = field_row_check (row);

      g_clear_handle_id (&row->validate_source, g_source_remove);
      row->show_local = TRUE;
      field_row_update_error (row);

      if (first_invalid == NULL && (problem != NULL || row->platform_error != NULL))
        first_invalid = row;
    }

  op_form_page_update_complete (self);

  if (first_invalid != NULL)
    field_row_focus (first_invalid);

  return op_wizard_page_get_complete (OP_WIZARD_PAGE (self));
}

/* Enter in a field: go on when the page is complete, otherwise say what
 * is missing and go to it. */
static void
entry_activated_cb (AdwEntryRow *entry,
                    FieldRow    *row)
{
  OpFormPage *self = row->page;

  if (op_form_page_validate_now (self))
    op_wizard_page_request_next (OP_WIZARD_PAGE (self));
}

static void
set_thumbnail_from_data (FieldRow   *row,
                         GBytes     *bytes)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (error != NULL)
    g_debug ("No thumbnail for %s: %s", op_form_field_get_name (row->field), error->message);

  gtk_picture_set_paintable (row->thumbnail, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (row->thumbnail), texture != NULL);
}

static void
image_row_update_subtitle (FieldRow *row)
{
  const char *subtitle;

  if (field_row_is_busy (row))
    subtitle = _("Reading the file…");
  else if (row->image_name != NULL)
    subtitle = row->image_name;
  else
    subtitle = _("No file chosen");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle);
}

/* Turns a file's bytes into what the platform accepts: a PNG or JPEG data
 * URL within the limit. Returns: (nullable): the data URL, or NULL with
 * @problem set to a translated explanation. */
static char *
image_to_data_url (FieldRow    *row,
                   const char  *contents,
                   gsize        length,
                   char       **problem)
{
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guchar jpeg_signature[] = { 0xff, 0xd8, 0xff };
  guint max_length = op_form_field_get_max_length (row->field);
  g_autofree char *base64 = NULL;
  g_autofree char *size = NULL;
  const char *mime;
  char *url;

  if (length >= sizeof png_signature && memcmp (contents, png_signature, sizeof png_signature) == 0)
    mime = "image/png";
  else if (length >= sizeof jpeg_signature && memcmp (contents, jpeg_signature, sizeof jpeg_signature) == 0)
    mime = "image/jpeg";
  else
    {
      *problem = g_strdup (_("This file is not a PNG or JPEG image. Choose a photo or scan saved as PNG or JPEG."));
      return NULL;
    }

  if (length > OP_FORM_PAGE_IMAGE_MAX_BYTES)
    {
      size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      /* Translators: %s is a file size such as "1.2 MiB" */
      *problem = g_strdup_printf (_("This image is %s, but the platform accepts at most 512 KiB. Choose a smaller photo or scan, or save it with lower quality."),
                                  size);
      return NULL;
    }

  base64 = g_base64_encode ((const guchar *)contents, length);
  url = g_strconcat ("data:", mime, ";base64,", base64, NULL);

  if (max_length > 0 && strlen (url) > max_length)
    {
      g_free (url);
      *problem = g_strdup (_("This image is too large for the platform. Choose a smaller photo or scan."));
      return NULL;
    }

  return url;
}

typedef struct
{
  OpFormPage *page;
  guint       index;
  GFile      *file;
} ImageLoad;

static void
image_load_free (ImageLoad *load)
{
  g_clear_object (&load->page);
  g_clear_object (&load->file);
  g_free (load);
}

static void
image_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ImageLoad *load = user_data;
  OpFormPage *self = load->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *data_url = NULL;
  g_autofree char *problem = NULL;
  gsize length = 0;
  FieldRow *row;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          image_load_free (load);
          return;
        }
    }

  if (load->index >= self->rows->len)
    {
      image_load_free (load);
      return;
    }

  row = g_ptr_array_index (self->rows, load->index);
  g_clear_object (&row->image_cancellable);

  g_clear_pointer (&row->image_data, g_free);
  g_clear_pointer (&row->image_error, g_free);
  g_clear_pointer (&row->image_name, g_free);
  g_free (row->image_path);
  row->image_path = g_file_get_path (load->file);

  {
    g_autofree char *basename = g_file_get_basename (load->file);

    row->image_name = g_filename_display_name (basename);
  }

  if (error != NULL)
    {
      g_debug ("Cannot read %s: %s", g_file_peek_path (load->file), error->message);
      /* Translators: %s is a file name */
      problem = g_strdup_printf (_("The file %s cannot be read. Choose it again, or choose another one."),
                                 row->image_name);
    }
  else
    data_url = image_to_data_url (row, contents, length, &problem);

  if (data_url != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

      row->image_data = g_steal_pointer (&data_url);
      set_thumbnail_from_data (row, bytes);
    }
  else
    {
      row->image_error = g_steal_pointer (&problem);
      set_thumbnail_from_data (row, NULL);
    }

  image_row_update_subtitle (row);

  /* A new file is a change like typing: it clears the platform's reason. */
  row->edited = TRUE;
  row->show_local = TRUE;
  g_clear_pointer (&row->platform_error, g_free);
  field_row_save_draft (row);
  field_row_update_error (row);
  op_form_page_update_complete (self);

  image_load_free (load);
}

static void
field_row_load_image (FieldRow *row,
                      GFile    *file)
{
  ImageLoad *load;

  g_cancellable_cancel (row->image_cancellable);
  g_clear_object (&row->image_cancellable);
  row->image_cancellable = g_cancellable_new ();

  load = g_new0 (ImageLoad, 1);
  load->page = g_object_ref (row->page);
  load->index = row->index;
  load->file = g_object_ref (file);

  image_row_update_subtitle (row);
  field_row_update_error (row);
  op_form_page_update_complete (row->page);

  g_file_load_contents_async (file, row->image_cancellable, image_loaded_cb, load);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     FieldRow        *row)
{
  OpFormPage *self = row->page;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        field_row_load_image (row, file);
    }

  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (GtkButton *button,
                   FieldRow  *row)
{
  OpFormPage *self = row->page;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *title = NULL;

  if (self->chooser != NULL)
    return;

  /* Translators: the title of a file chooser; %s is a field such as "Business licence" */
  title = g_strdup_printf (_("Choose the %s image"), op_form_field_get_label (row->field));
  self->chooser = gtk_file_chooser_native_new (title,
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, _("PNG or JPEG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), row);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
row_title (OpFormField *field)
{
  if (op_form_field_get_required (field))
    return g_strdup (op_form_field_get_label (field));

  /* Translators: the label of a form field the user may leave empty */
  return g_strdup_printf (_("%s (optional)"), op_form_field_get_label (field));
}

static GtkWidget *
build_entry_row (FieldRow    *row,
                 const char  *title)
{
  const char *type = op_form_field_get_field_type (row->field);
  guint max_length = op_form_field_get_max_length (row->field);
  GtkWidget *entry = adw_entry_row_new ();
  GtkEditable *delegate;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);

  if (g_strcmp0 (type, "tel") == 0)
    {
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), GTK_INPUT_PURPOSE_PHONE);
      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (entry), GTK_INPUT_HINT_NO_EMOJI);
    }
  else if (g_strcmp0 (type, "email") == 0)
    {
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), GTK_INPUT_PURPOSE_EMAIL);
      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (entry),
                                     GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_LOWERCASE |
                                     GTK_INPUT_HINT_NO_EMOJI);
    }
  else if (g_strcmp0 (type, "url") == 0)
    {
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), GTK_INPUT_PURPOSE_URL);
      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (entry),
                                     GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI);
    }
  else if (g_strcmp0 (op_form_field_get_validation (row->field), "uscc") == 0)
    {
      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (entry),
                                     GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_UPPERCASE_CHARS |
                                     GTK_INPUT_HINT_NO_EMOJI);
    }

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (entry));
  if (max_length > 0 && GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), (int)MIN (max_length, G_MAXINT));

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), row);
  g_signal_connect (entry, "entry-activated", G_CALLBACK (entry_activated_cb), row);

  return entry;
}

static GtkWidget *
build_multiline_row (FieldRow   *row,
                     const char *title)
{
  GtkWidget *list_row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_focusable (list_row, FALSE);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "subtitle");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);

  row->text_view = GTK_TEXT_VIEW (view);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (buffer_changed_cb), row);

  return list_row;
}

static GtkWidget *
build_choice_row (FieldRow   *row,
                  const char *title)
{
  GtkWidget *combo = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const char * const *labels = op_form_field_get_choice_labels (row->field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), title);

  /* Translators: the first item of a list of choices, before the user chose */
  gtk_string_list_append (model, _("Not chosen"));
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    gtk_string_list_append (model, labels[i]);

  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
  g_signal_connect (combo, "notify::selected", G_CALLBACK (combo_selected_cb), row);

  return combo;
}

static GtkWidget *
build_image_row (FieldRow   *row,
                 const char *title)
{
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("C_hoose File…"));
  g_autofree char *button_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), _("No file chosen"));

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
  gtk_widget_set_size_request (picture, 48, 48);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (picture, FALSE);
  gtk_widget_set_margin_top (picture, 6);
  gtk_widget_set_margin_bottom (picture, 6);
  /* Translators: the accessible name of a thumbnail; %s is a field such as "Business licence" */
  button_label = g_strdup_printf (_("Preview of the %s image"), op_form_field_get_label (row->field));
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), picture);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_clear_pointer (&button_label, g_free);
  /* Translators: the accessible name of a button; %s is a field such as "Business licence" */
  button_label = g_strdup_printf (_("Choose a file for %s"), op_form_field_get_label (row->field));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (choose_clicked_cb), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (action_row), button);

  row->thumbnail = GTK_PICTURE (picture);

  return action_row;
}

static GtkWidget *
caption_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
op_form_page_add_field (OpFormPage  *self,
                        OpFormField *field)
{
  FieldRow *row = g_new0 (FieldRow, 1);
  g_autofree char *title = row_title (field);
  GtkEventController *focus;
  GtkWidget *box;
  GtkWidget *list;
  const char *help;

  row->page = self;
  row->field = g_object_ref (field);
  row->kind = kind_for_field (field);
  row->index = self->rows->len;
  g_ptr_array_add (self->rows, row);

  switch (row->kind)
    {
    case FIELD_ENTRY:
      row->row = build_entry_row (row, title);
      break;

    case FIELD_MULTILINE:
      row->row = build_multiline_row (row, title);
      break;

    case FIELD_CHOICE:
      row->row = build_choice_row (row, title);
      break;

    case FIELD_IMAGE:
      row->row = build_image_row (row, title);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_name (row->row, op_form_field_get_name (field));
  /* Labels come from the platform: plain text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (field_focus_leave_cb), row);
  gtk_widget_add_controller (row->row, focus);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row->row);
  gtk_box_append (GTK_BOX (box), list);

  help = op_form_field_get_help (field);
  row->help_label = GTK_LABEL (caption_label ("dim-label"));
  gtk_label_set_label (row->help_label, help != NULL ? help : "");
  gtk_widget_set_visible (GTK_WIDGET (row->help_label), help != NULL && help[0] != '\0');
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->help_label));

  row->error_label = GTK_LABEL (caption_label ("error"));
  gtk_widget_set_visible (GTK_WIDGET (row->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->error_label));

  /* A screen reader reads the help and the error with the field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row->text_view != NULL ? GTK_WIDGET (row->text_view)
                                                                        : row->row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  row->help_label, row->error_label, NULL,
                                  -1);
  if (row->kind == FIELD_ENTRY)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                    GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                    op_form_field_get_required (field),
                                    -1);

  gtk_box_append (self->fields_box, box);
}

static void
field_row_set_raw (FieldRow   *row,
                   const char *value)
{
  if (value == NULL)
    value = "";

  switch (row->kind)
    {
    case FIELD_ENTRY:
      gtk_editable_set_text (GTK_EDITABLE (row->row), value);
      break;

    case FIELD_MULTILINE:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (row->text_view), value, -1);
      break;

    case FIELD_CHOICE:
      {
        const char * const *values = op_form_field_get_choice_values (row->field);
        guint selected = 0;

        for (guint i = 0; values != NULL && values[i] != NULL; i++)
          if (g_str_equal (values[i], value))
            selected = i + 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), selected);
      }
      break;

    case FIELD_IMAGE:
      {
        /* Only a data URL that the platform sent back (a resubmission):
         * files come through op_form_page_set_image_file(). */
        const char *comma = strchr (value, ',');
        g_autoptr(GBytes) bytes = NULL;

        g_clear_pointer (&row->image_data, g_free);
        g_clear_pointer (&row->image_error, g_free);
        g_clear_pointer (&row->image_path, g_free);
        g_clear_pointer (&row->image_name, g_free);

        if (g_str_has_prefix (value, "data:") && comma != NULL)
          {
            gsize length = 0;
            guchar *decoded = g_base64_decode (comma + 1, &length);

            bytes = g_bytes_new_take (decoded, length);
            row->image_data = g_strdup (value);
            row->image_name = g_strdup (_("The image sent with your earlier application"));
          }

        set_thumbnail_from_data (row, bytes);
        image_row_update_subtitle (row);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
op_form_page_load_draft (OpFormPage *self)
{
  OpDraft *draft = op_form_page_get_draft (self);

  if (draft == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *key = draft_key (self, row);
      const char *value = op_draft_get_string (draft, key);

      if (value == NULL)
        continue;

      if (row->kind == FIELD_IMAGE)
        {
          g_autoptr(GFile) file = g_file_new_for_path (value);

          field_row_load_image (row, file);
        }
      else
        field_row_set_raw (row, value);

      row->edited = TRUE;
      row->show_local = TRUE;
    }
}

static void
op_form_page_shown (OpWizardPage *page)
{
  OpFormPage *self = OP_FORM_PAGE (page);

  /* The first field that needs the user, or the first field. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *problem = field_row_check (row);

      if (problem != NULL || row->platform_error != NULL)
        {
          field_row_focus (row);
          return;
        }
    }

  if (self->rows->len > 0)
    field_row_focus (g_ptr_array_index (self->rows, 0));
}

static void
op_form_page_constructed (GObject *object)
{
  OpFormPage *self = (OpFormPage *)object;

  G_OBJECT_CLASS (op_form_page_parent_class)->constructed (object);

  if (self->description != NULL && self->description[0] != '\0')
    {
      gtk_label_set_label (self->description_label, self->description);
      gtk_widget_set_visible (GTK_WIDGET (self->description_label), TRUE);
    }

  for (guint i = 0; self->fields != NULL && i < g_list_model_get_n_items (self->fields); i++)
    {
      g_autoptr(OpFormField) field = g_list_model_get_item (self->fields, i);

      op_form_page_add_field (self, field);
    }

  self->updating = TRUE;
  op_form_page_load_draft (self);
  self->updating = FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    field_row_update_error (g_ptr_array_index (self->rows, i));
  op_form_page_update_complete (self);
}

static void
op_form_page_dispose (GObject *object)
{
  OpFormPage *self = (OpFormPage *)object;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  /* The widgets go first: their handlers point at the rows. Then the
   * rows, whose timeouts and loads point at the page. */
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_FORM_PAGE);

  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);

  G_OBJECT_CLASS (op_form_page_parent_class)->dispose (object);
}

static void
op_form_page_finalize (GObject *object)
{
  OpFormPage *self = (OpFormPage *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->fields);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->draft_prefix, g_free);

  G_OBJECT_CLASS (op_form_page_parent_class)->finalize (object);
}

static void
op_form_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OpFormPage *self = OP_FORM_PAGE (object);

  switch (prop_id)
    {
    case PROP_FIELDS:
      g_value_set_object (value, self->fields);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_DRAFT_PREFIX:
      g_value_set_string (value, self->draft_prefix);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_form_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OpFormPage *self = OP_FORM_PAGE (object);

  switch (prop_id)
    {
    case PROP_FIELDS:
      self->fields = g_value_dup_object (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_DRAFT_PREFIX:
      g_free (self->draft_prefix);
      self->draft_prefix = g_strdup (g_value_get_string (value) != NULL
                                     ? g_value_get_string (value) : "field.");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_form_page_class_init (OpFormPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  object_class->constructed = op_form_page_constructed;
  object_class->dispose = op_form_page_dispose;
  object_class->finalize = op_form_page_finalize;
  object_class->get_property = op_form_page_get_property;
  object_class->set_property = op_form_page_set_property;

  page_class->shown = op_form_page_shown;

  properties [PROP_FIELDS] =
    g_param_spec_object ("fields", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DRAFT_PREFIX] =
    g_param_spec_string ("draft-prefix", NULL, NULL,
                         "field.",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-form-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpFormPage, fields_box);
  gtk_widget_class_bind_template_child (widget_class, OpFormPage, description_label);
}

static void
op_form_page_init (OpFormPage *self)
{
  self->rows = g_ptr_array_new_with_free_func (field_row_free);
  self->draft_prefix = g_strdup ("field.");

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * op_form_page_new:
 * @flow: the flow the page belongs to (its draft keeps the values)
 * @title: the page's title
 * @description: (nullable): a paragraph above the fields
 * @draft_prefix: (nullable): the prefix of the draft's keys, "field." by default
 * @fields: (element-type OpFormField): the form
 *
 * Returns: (transfer floating): a new page
 */
OpFormPage *
op_form_page_new (OpFlow     *flow,
                  const char *title,
                  const char *description,
                  const char *draft_prefix,
                  GListModel *fields)
{
  g_return_val_if_fail (OP_IS_FLOW (flow), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (fields), NULL);

  return g_object_new (OP_TYPE_FORM_PAGE,
                       "flow", flow,
                       "title", title,
                       "description", description,
                       "draft-prefix", draft_prefix,
                       "fields", fields,
                       NULL);
}

/**
 * op_form_page_get_fields:
 *
 * Returns: (transfer none): the form's fields
 */
GListModel *
op_form_page_get_fields (OpFormPage *self)
{
  g_return_val_if_fail (OP_IS_FORM_PAGE (self), NULL);

  return self->fields;
}

const char *
op_form_page_get_draft_prefix (OpFormPage *self)
{
  g_return_val_if_fail (OP_IS_FORM_PAGE (self), NULL);

  return self->draft_prefix;
}

/**
 * op_form_page_dup_value:
 *
 * Returns: (transfer full) (nullable): the value to send for @name
 *   (text without white space at the ends, a choice's value, an image's
 *   data URL), "" when empty, %NULL for an unknown field
 */
char *
op_form_page_dup_value (OpFormPage *self,
                        const char *name)
{
  FieldRow *row;

  g_return_val_if_fail (OP_IS_FORM_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  row = find_row (self, name);

  return row != NULL ? field_row_dup_value (row) : NULL;
}

/**
 * op_form_page_set_value:
 * @value: (nullable): text, a choice's value, or an image's data URL
 *
 * Sets a field as if the user had typed @value.
 */
void
op_form_page_set_value (OpFormPage *self,
                        const char *name,
                        const char *value)
{
  FieldRow *row;

  g_return_if_fail (OP_IS_FORM_PAGE (self));
  g_return_if_fail (name != NULL);

  if ((row = find_row (self, name)) == NULL)
    return;

  field_row_set_raw (row, value);
  if (row->kind == FIELD_IMAGE)
    field_row_changed (row);
}

/**
 * op_form_page_seed:
 * @values: (element-type utf8 utf8): field name → value, as the platform
 *   sent them back (a resubmission)
 *
 * Fills in the fields the draft has nothing for: what the user typed
 * since wins over what was sent before.
 */
void
op_form_page_seed (OpFormPage *self,
                   GHashTable *values)
{
  OpDraft *draft;

  g_return_if_fail (OP_IS_FORM_PAGE (self));

  if (values == NULL)
    return;

  draft = op_form_page_get_draft (self);
  self->updating = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *key = draft_key (self, row);
      const char *value = g_hash_table_lookup (values, op_form_field_get_name (row->field));

      if (value == NULL || (draft != NULL && op_draft_get_string (draft, key) != NULL))
        continue;

      field_row_set_raw (row, value);
    }

  self->updating = FALSE;
  op_form_page_update_complete (self);
}

/**
 * op_form_page_get_values:
 *
 * Returns: (transfer full) (element-type utf8 utf8): field name → value
 *   for every field that is filled in, as the platform client takes them
 */
GHashTable *
op_form_page_get_values (OpFormPage *self)
{
  GHashTable *values;

  g_return_val_if_fail (OP_IS_FORM_PAGE (self), NULL);

  values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *value = field_row_dup_value (row);

      if (value[0] != '\0')
        g_hash_table_insert (values,
                             g_strdup (op_form_field_get_name (row->field)),
                             g_steal_pointer (&value));
    }

  return values;
}

/**
 * op_form_page_dup_display_value:
 *
 * Returns: (transfer full) (nullable): the value as the user sees it (a
 *   choice's label, an image's file name), %NULL when empty
 */
char *
op_form_page_dup_display_value (OpFormPage *self,
                                const char *name)
{
  g_autofree char *value = NULL;
  FieldRow *row;

  g_return_val_if_fail (OP_IS_FORM_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((row = find_row (self, name)) == NULL)
    return NULL;

  value = field_row_dup_value (row);
  if (value[0] == '\0')
    return NULL;

  if (row->kind == FIELD_CHOICE)
    return g_strdup (op_form_field_get_choice_label (row->field, value));
  if (row->kind == FIELD_IMAGE)
    return g_strdup (row->image_name != NULL ? row->image_name : "");

  return g_steal_pointer (&value);
}

/**
 * op_form_page_set_image_file:
 * @name: an image field
 * @file: a PNG or JPEG file
 *
 * Reads @file as the value of @name, as when the user chooses it in the
 * file chooser: asynchronously, then the thumbnail, the file name and any
 * problem (not an image, too large) show.
 */
void
op_form_page_set_image_file (OpFormPage *self,
                             const char *name,
                             GFile      *file)
{
  FieldRow *row;

  g_return_if_fail (OP_IS_FORM_PAGE (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (G_IS_FILE (file));

  row = find_row (self, name);
  g_return_if_fail (row != NULL && row->kind == FIELD_IMAGE);

  field_row_load_image (row, file);
}

/**
 * op_form_page_show_field_errors:
 * @fields: (element-type utf8 utf8) (nullable): field → the platform's
 *   reason; names may carry the platform's prefix ("fields.uscc",
 *   "new_app.name")
 *
 * Shows the platform's reasons under their fields (until each is changed)
 * and goes to the first one.
 */
void
op_form_page_show_field_errors (OpFormPage *self,
                                GHashTable *fields)
{
  GHashTableIter iter;
  gpointer key, value;
  FieldRow *first = NULL;

  g_return_if_fail (OP_IS_FORM_PAGE (self));

  if (fields == NULL)
    return;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = strrchr (key, '.');
      FieldRow *row = find_row (self, name != NULL ? name + 1 : key);

      if (row == NULL || value == NULL)
        continue;

      g_free (row->platform_error);
      /* Translators: the platform's reason for a field, as it sent it */
      row->platform_error = g_strdup_printf (_("The platform says: %s"), (const char *)value);
      field_row_update_error (row);

      if (first == NULL || row->index < first->index)
        first = row;
    }

  op_form_page_update_complete (self);

  if (first != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    field_row_focus (first);
}

/**
 * op_form_page_get_field_error:
 *
 * Returns: (nullable): the error shown under @name, if any
 */
const char *
op_form_page_get_field_error (OpFormPage *self,
                              const char *name)
{
  FieldRow *row;

  g_return_val_if_fail (OP_IS_FORM_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  row = find_row (self, name);
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row->error_label)))
    return NULL;

  return gtk_label_get_label (row->error_label);
}

/**
 * op_form_page_get_field_widget:
 *
 * Returns: (transfer none) (nullable): the row of @name (an #AdwEntryRow,
 *   an #AdwComboRow, an #AdwActionRow for an image, or a row holding a
 *   #GtkTextView)
 */
GtkWidget *
op_form_page_get_field_widget (OpFormPage *self,
                               const char *name)
{
  FieldRow *row;

  g_return_val_if_fail (OP_IS_FORM_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  row = find_row (self, name);
  if (row == NULL)
    return NULL;

  return row->text_view != NULL ? GTK_WIDGET (row->text_view) : row->row;
}
