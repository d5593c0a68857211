/* test-qualification.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "op-test-solutions.h"

/* The 资质申请 wizard walked as a user would, against the real embedded
 * sandbox (whose reviewer decides 5 seconds after a submission): the form
 * the platform defines, checked as the user types; the draft; the review
 * and the decision; and a rejected application corrected and resubmitted.
 */

static char *scratch;
static char *small_png;
static char *large_png;
static char *not_an_image;

/* A PNG of @size × @size pixels of noise (noise does not compress). */
static char *
write_png (const char *name,
           int         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels = g_malloc ((gsize)size * size * 4);
  char *path = g_build_filename (scratch, name, NULL);

  for (gsize i = 0; i < (gsize)size * size * 4; i++)
    pixels[i] = (i % 4 == 3) ? 0xff : (guchar)g_random_int_range (0, 256);

  bytes = g_bytes_new_take (pixels, (gsize)size * size * 4);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_R8G8B8A8, bytes, size * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

static char *
data_url (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *base64 = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  base64 = g_base64_encode ((guchar *)contents, length);

  return g_strconcat ("data:image/png;base64,", base64, NULL);
}

static OpAssistant *
start_qualification (const char *role_id)
{
  OpAssistant *assistant;

  op_window_show_area (op_test_ui_window (), "solutions");
  op_test_ui_iterate (100);
  op_solutions_page_start_qualification (test_solutions_page (), role_id, NULL);
  assistant = op_test_ui_wait_assistant (10000);
  g_assert_nonnull (assistant);
  test_wait_page (assistant, "intro");

  return assistant;
}

static OpFormPage *
current_form (OpAssistant *assistant)
{
  OpWizardPage *page = op_assistant_get_current_page (assistant);

  g_assert_true (OP_IS_FORM_PAGE (page));
  return OP_FORM_PAGE (page);
}

static gboolean
form_complete_cb (gpointer data)
{
  return op_wizard_page_get_complete (OP_WIZARD_PAGE (data));
}

static void
choose_image (OpFormPage *form,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* What the file chooser does with the file the user picked. */
  op_form_page_set_image_file (form, "business_licence", file);
  op_test_ui_iterate (300);
}

static char *
draft_path (const char *role_id)
{
  g_autofree char *name = g_strdup_printf ("qualification-%s.json", role_id);

  return g_build_filename (g_get_user_data_dir (), "open1688", "drafts", name, NULL);
}

static void
test_qualification_form_checks_as_typed (void)
{
  OpAssistant *assistant = start_qualification ("trustpass_merchant");
  g_autoptr(OpRole) role = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = draft_path ("trustpass_merchant");
  g_autofree char *draft = NULL;
  OpFormPage *form;
  GListModel *fields;
  const char *message;

  /* The intro says which role and what the form asks for. */
  op_test_ui_wait_until (form_complete_cb, op_assistant_get_current_page (assistant), 20000);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "TrustPass merchant"));
  g_assert_nonnull (test_find_row (GTK_WIDGET (assistant), "Unified social credit code"));
  test_shot ("qualification-1-intro");

  test_next (assistant, NULL);
  test_wait_page (assistant, "form");
  form = current_form (assistant);

  /* The form is the platform's field list: one row per field, of its kind. */
  op_platform_client_get_role_async (test_client (), "trustpass_merchant", NULL, op_test_ui_result_cb, &result);
  role = op_platform_client_get_role_finish (test_client (), op_test_ui_await (&result), &error);
  g_assert_no_error (error);
  fields = op_role_get_form (role);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==,
                    g_list_model_get_n_items (op_form_page_get_fields (form)));
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(OpFormField) field = g_list_model_get_item (fields, i);
      GtkWidget *widget = op_form_page_get_field_widget (form, op_form_field_get_name (field));

      g_assert_nonnull (widget);
      if (g_str_equal (op_form_field_get_field_type (field), "image"))
        g_assert_true (ADW_IS_ACTION_ROW (widget));
      else if (g_str_equal (op_form_field_get_field_type (field), "choice"))
        g_assert_true (ADW_IS_COMBO_ROW (widget));
      else if (!g_str_equal (op_form_field_get_field_type (field), "multiline"))
        g_assert_true (ADW_IS_ENTRY_ROW (widget));
    }
  g_assert_cmpint (adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (op_form_page_get_field_widget (form, "contact_mobile"))),
                   ==, GTK_INPUT_PURPOSE_PHONE);
  g_assert_cmpint (adw_entry_row_get_input_purpose (ADW_ENTRY_ROW (op_form_page_get_field_widget (form, "shop_url"))),
                   ==, GTK_INPUT_PURPOSE_URL);
  g_assert_false (test_button_usable (test_assistant_button (assistant, "_Next")));

  /* A wrong check character: said under the field after a pause. */
  test_type (form, "uscc", TEST_USCC_INVALID);
  g_assert_null (op_form_page_get_field_error (form, "uscc"));
  test_pause ();
  message = op_form_page_get_field_error (form, "uscc");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "last character"));
  g_assert_true (gtk_widget_has_css_class (op_form_page_get_field_widget (form, "uscc"), "error"));

  /* A letter the code never uses, typed in lower case. */
  test_type (form, "uscc", "91350100m000100Y43");
  op_test_ui_iterate (50);
  message = op_form_page_get_field_error (form, "uscc");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "capitals"));

  test_type (form, "company_name", "沙箱贸易有限公司");
  test_type (form, "shop_url", "http://shop.example.com");
  test_type (form, "contact_name", "王小明");
  test_type (form, "contact_mobile", "12345");
  test_pause ();
  g_assert_nonnull (op_form_page_get_field_error (form, "shop_url"));
  g_assert_nonnull (op_form_page_get_field_error (form, "contact_mobile"));
  g_assert_false (test_button_usable (test_assistant_button (assistant, "_Next")));
  test_shot ("qualification-2-form-errors");

  /* Images: not one, too large, then a good one. */
  choose_image (form, not_an_image);
  message = op_form_page_get_field_error (form, "business_licence");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "PNG or JPEG"));
  choose_image (form, large_png);
  message = op_form_page_get_field_error (form, "business_licence");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "512 KiB"));
  choose_image (form, small_png);
  g_assert_null (op_form_page_get_field_error (form, "business_licence"));

  /* Corrected: each error goes, and Next can be used. */
  test_type (form, "uscc", TEST_USCC_VALID);
  test_type (form, "shop_url", "https://shop.example.com");
  test_type (form, "contact_mobile", "138 0013 8000");
  op_test_ui_iterate (100);
  g_assert_null (op_form_page_get_field_error (form, "uscc"));
  g_assert_null (op_form_page_get_field_error (form, "shop_url"));
  g_assert_null (op_form_page_get_field_error (form, "contact_mobile"));
  g_assert_true (test_button_usable (test_assistant_button (assistant, "_Next")));
  test_shot ("qualification-3-form-valid");

  /* Left: the draft keeps what was typed and the image's path, not its data. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "assistant.cancel", NULL);
  test_wait_assistant_closed ();
  op_test_ui_iterate (400);
  g_assert_true (g_file_get_contents (path, &draft, NULL, NULL));
  g_assert_nonnull (strstr (draft, TEST_USCC_VALID));
  g_assert_nonnull (strstr (draft, small_png));
  g_assert_null (strstr (draft, "base64"));
}

static gboolean
role_held_cb (gpointer data)
{
  OpAccount *account = op_connection_get_account (test_connection ());

  return account != NULL && op_account_has_role (account, data);
}

static void
test_qualification_submitted_and_approved (void)
{
  OpAssistant *assistant = start_qualification ("trustpass_merchant");
  g_autofree char *path = draft_path ("trustpass_merchant");
  g_autofree char *uscc = NULL;
  OpFormPage *form;

  /* Reopened: it offers to continue, and everything is back. */
  g_assert_nonnull (test_find_row (GTK_WIDGET (assistant), "Continue where you left off"));
  test_next (assistant, NULL);
  test_wait_page (assistant, "form");
  form = current_form (assistant);
  uscc = op_form_page_dup_value (form, "uscc");
  g_assert_cmpstr (uscc, ==, TEST_USCC_VALID);
  op_test_ui_wait_until (form_complete_cb, form, 10000);

  /* Review, then submit. */
  test_next (assistant, NULL);
  test_wait_page (assistant, "review");
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), TEST_USCC_VALID));
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "small.png"));
  test_shot ("qualification-4-review");
  test_click (test_assistant_button (assistant, "_Submit"));
  test_wait_page (assistant, "status");

  /* 审核中, then the reviewer's decision, without leaving the page. */
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "Under review"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  test_shot ("qualification-5-pending");
  op_test_ui_wait_label ("Approved", 30000);
  test_shot ("qualification-6-approved");

  /* The role is granted, and the account knows it. */
  op_test_ui_wait_until (role_held_cb, (gpointer) "trustpass_merchant", 10000);

  test_click (test_assistant_button (assistant, "_Done"));
  test_wait_assistant_closed ();
}

static OpQualification *
get_qualification (gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  OpQualification *qualification;

  op_platform_client_get_qualification_async (test_client (), id, NULL, op_test_ui_result_cb, &result);
  qualification = op_platform_client_get_qualification_finish (test_client (), op_test_ui_await (&result), &error);
  g_assert_no_error (error);

  return qualification;
}

static gboolean
under_review_shown_cb (gpointer data)
{
  GtkWidget *row = op_test_ui_find (GTK_WIDGET (test_solutions_page ()), op_test_ui_match_title,
                                    "Professional buyer");
  const char *subtitle = row != NULL ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : NULL;

  return subtitle != NULL && strstr (subtitle, "Under review") != NULL;
}

static gboolean
correct_button_shown_cb (gpointer data)
{
  GtkWidget *row = test_find_row (GTK_WIDGET (test_solutions_page ()), "Professional buyer");

  return row != NULL && test_find_button (row, "_Correct…") != NULL;
}

static void
test_qualification_rejected_then_resubmitted (void)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OpQualification) submitted = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autofree char *company = NULL;
  OpAssistant *assistant;
  OpFormPage *form;
  GtkWidget *row;
  const char *message;
  gint64 id;
  guint n_for_role = 0;

  /* An application with a mistyped code, sent earlier (from the web). */
  g_hash_table_insert (fields, g_strdup ("company_name"), g_strdup ("沙箱采购有限公司"));
  g_hash_table_insert (fields, g_strdup ("uscc"), g_strdup (TEST_USCC_INVALID));
  g_hash_table_insert (fields, g_strdup ("business_licence"), data_url (small_png));
  g_hash_table_insert (fields, g_strdup ("purchase_category"), g_strdup ("apparel"));
  g_hash_table_insert (fields, g_strdup ("annual_purchase"), g_strdup ("under_1m"));
  g_hash_table_insert (fields, g_strdup ("contact_name"), g_strdup ("李雷"));
  g_hash_table_insert (fields, g_strdup ("contact_mobile"), g_strdup ("13800138000"));
  op_platform_client_apply_qualification_async (test_client (), "professional_buyer", fields, NULL,
                                                op_test_ui_result_cb, &result);
  submitted = op_platform_client_apply_qualification_finish (test_client (), op_test_ui_await (&result), &error);
  g_assert_no_error (error);
  id = op_qualification_get_id (submitted);

  /* Coming to Solutions, the member sees it under review and then, on its
   * own (the page follows the window's review watcher), rejected with the
   * reason, with an offer to correct it. */
  op_window_show_area (op_test_ui_window (), "overview");
  op_window_show_area (op_test_ui_window (), "solutions");
  op_test_ui_wait_until (under_review_shown_cb, NULL, 10000);
  op_test_ui_wait_until (correct_button_shown_cb, NULL, 30000);
  /* The decision also brings the account back, and the page with it. */
  op_test_ui_iterate (1000);
  g_clear_object (&submitted);
  submitted = get_qualification (id);
  g_assert_cmpint (op_qualification_get_state (submitted), ==, OP_REVIEW_STATE_REJECTED);
  row = test_find_row (GTK_WIDGET (test_solutions_page ()), "Professional buyer");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Rejected"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "uscc"));
  test_shot ("qualification-7-rejected-in-list");
  test_click (test_find_button (row, "_Correct…"));
  assistant = op_test_ui_wait_assistant (10000);
  test_wait_page (assistant, "intro");
  op_test_ui_wait_until (form_complete_cb, op_assistant_get_current_page (assistant), 20000);
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "rejected your last application"));

  /* The form comes back as it was sent, with the platform's reason under
   * the field it concerns; that value cannot go again. */
  test_next (assistant, NULL);
  test_wait_page (assistant, "form");
  form = current_form (assistant);
  company = op_form_page_dup_value (form, "company_name");
  g_assert_cmpstr (company, ==, "沙箱采购有限公司");
  message = op_form_page_get_field_error (form, "uscc");
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "The platform says: "));
  g_assert_null (op_form_page_get_field_error (form, "company_name"));
  test_shot ("qualification-8-resubmit-form");
  g_assert_false (test_button_usable (test_assistant_button (assistant, "_Next")));

  /* Corrected: the platform's reason goes with the old value. */
  test_type (form, "uscc", TEST_USCC_VALID);
  op_test_ui_iterate (100);
  g_assert_null (op_form_page_get_field_error (form, "uscc"));
  test_next (assistant, NULL);
  test_wait_page (assistant, "review");
  g_assert_nonnull (op_test_ui_find_label_containing (GTK_WIDGET (assistant), "submit it again"));
  test_click (test_assistant_button (assistant, "_Submit"));
  test_wait_page (assistant, "status");
  op_test_ui_wait_label ("Approved", 30000);

  /* The same application, resubmitted (PUT): not a second one. */
  g_clear_object (&result);
  op_platform_client_list_qualifications_async (test_client (), NULL, op_test_ui_result_cb, &result);
  all = op_platform_client_list_qualifications_finish (test_client (), op_test_ui_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(OpQualification) qualification = g_list_model_get_item (all, i);

      if (g_str_equal (op_qualification_get_role_id (qualification), "professional_buyer"))
        {
          n_for_role++;
          g_assert_cmpint (op_qualification_get_state (qualification), ==, OP_REVIEW_STATE_APPROVED);
        }
    }
  g_assert_cmpuint (n_for_role, ==, 1);
  op_test_ui_wait_until (role_held_cb, (gpointer) "professional_buyer", 10000);

  test_click (test_assistant_button (assistant, "_Done"));
  test_wait_assistant_closed ();
}

static void
remove_scratch (void)
{
  g_unlink (small_png);
  g_unlink (large_png);
  g_unlink (not_an_image);
  g_rmdir (scratch);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OpAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  op_test_ui_init (&argc, &argv);

  scratch = g_dir_make_tmp ("open1688-qualification-XXXXXX", &error);
  g_assert_no_error (error);
  small_png = write_png ("small.png", 32);
  large_png = write_png ("large.png", 600);
  not_an_image = g_build_filename (scratch, "licence.txt", NULL);
  g_assert_true (g_file_set_contents (not_an_image, "not an image", -1, NULL));

  app = op_test_ui_start_application ();
  account = op_test_ui_sign_in (app, "newcomer");
  g_assert_nonnull (account);
  test_onboard (OP_DEVELOPER_TYPE_SELF_USE);

  g_test_add_func ("/app/qualification/form-checks-as-typed", test_qualification_form_checks_as_typed);
  g_test_add_func ("/app/qualification/submitted-and-approved", test_qualification_submitted_and_approved);
  g_test_add_func ("/app/qualification/rejected-then-resubmitted", test_qualification_rejected_then_resubmitted);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  remove_scratch ();

  return status;
}
