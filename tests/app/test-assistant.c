/* test-assistant.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "op-assistant.h"
#include "op-test-ui.h"

/* A page whose apply and save_data finish on an idle, like a network call,
 * and can be told to fail. Every call is logged so that the order shows. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, OpWizardPage)

struct _TestPage
{
  OpWizardPage  parent_instance;
  gboolean      async_apply;
  gboolean      apply_valid;
  gboolean      saves;
  gboolean      fail_save;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, OP_TYPE_WIZARD_PAGE)

static GString *call_log;
static gboolean include_optional_page;

static gboolean
apply_idle_cb (gpointer data)
{
  g_autoptr(TestPage) self = data;

  g_string_append_printf (call_log, "apply-done:%s ", gtk_widget_get_name (GTK_WIDGET (self)));
  op_wizard_page_apply_complete (OP_WIZARD_PAGE (self), self->apply_valid);
  return G_SOURCE_REMOVE;
}

static gboolean
test_page_apply (OpWizardPage *page,
                 GCancellable *cancellable)
{
  TestPage *self = TEST_PAGE (page);

  g_string_append_printf (call_log, "apply:%s ", gtk_widget_get_name (GTK_WIDGET (page)));
  if (!self->async_apply)
    return FALSE;

  g_timeout_add (50, apply_idle_cb, g_object_ref (self));
  return TRUE;
}

static gboolean
save_idle_cb (gpointer data)
{
  g_autoptr(TestPage) self = data;
  g_autoptr(GError) error = NULL;

  g_string_append_printf (call_log, "saved:%s ", gtk_widget_get_name (GTK_WIDGET (self)));
  if (self->fail_save)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "The platform could not be reached.");
  op_wizard_page_save_complete (OP_WIZARD_PAGE (self), error);
  return G_SOURCE_REMOVE;
}

static void
test_page_save_data (OpWizardPage *page,
                     GCancellable *cancellable)
{
  TestPage *self = TEST_PAGE (page);

  if (!self->saves)
    {
      op_wizard_page_save_complete (page, NULL);
      return;
    }

  g_string_append_printf (call_log, "save:%s ", gtk_widget_get_name (GTK_WIDGET (page)));
  g_timeout_add (20, save_idle_cb, g_object_ref (self));
}

static void
test_page_class_init (TestPageClass *klass)
{
  OpWizardPageClass *page_class = OP_WIZARD_PAGE_CLASS (klass);

  page_class->apply = test_page_apply;
  page_class->save_data = test_page_save_data;
}

static void
test_page_init (TestPage *self)
{
  self->apply_valid = TRUE;
}

#define TEST_TYPE_FLOW (test_flow_get_type ())
G_DECLARE_FINAL_TYPE (TestFlow, test_flow, TEST, FLOW, OpFlow)

struct _TestFlow
{
  OpFlow parent_instance;
};

G_DEFINE_FINAL_TYPE (TestFlow, test_flow, OP_TYPE_FLOW)

static OpWizardPage *
prepare_page (OpFlow     *flow,
              const char *title,
              gboolean    complete)
{
  return g_object_new (TEST_TYPE_PAGE, "flow", flow, "title", title, "complete", complete, NULL);
}

static OpWizardPage *prepare_intro (OpFlow *flow) { return prepare_page (flow, "Intro", TRUE); }
static OpWizardPage *prepare_form (OpFlow *flow) { return prepare_page (flow, "Form", FALSE); }
static OpWizardPage *prepare_optional (OpFlow *flow)
{
  return include_optional_page ? prepare_page (flow, "Optional", TRUE) : NULL;
}
static OpWizardPage *prepare_summary (OpFlow *flow) { return prepare_page (flow, "Summary", TRUE); }
static OpWizardPage *prepare_done (OpFlow *flow) { return prepare_page (flow, "Done", TRUE); }

static const OpFlowPageEntry test_pages[] = {
  { "intro", prepare_intro },
  { "form", prepare_form },
  { "optional", prepare_optional },
  { "summary", prepare_summary },
  { "done", prepare_done },
};

static void
test_flow_class_init (TestFlowClass *klass)
{
  op_flow_class_set_pages (OP_FLOW_CLASS (klass), test_pages, G_N_ELEMENTS (test_pages));
}

static void
test_flow_init (TestFlow *self)
{
}

typedef struct
{
  GtkWindow   *window;
  OpFlow      *flow;
  OpAssistant *assistant;
  guint        finished;
  guint        cancelled;
} Fixture;

static void
count_cb (GObject *flow, guint *counter)
{
  (*counter)++;
}

static GtkButton *
find_button (Fixture    *fixture,
             const char *label)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  /* Walk every widget and pick the button whose label matches. */
  g_ptr_array_add (stack, fixture->assistant);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        return GTK_BUTTON (widget);

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }

  return NULL;
}

static gboolean
button_usable (Fixture    *fixture,
               const char *label)
{
  GtkButton *button = find_button (fixture, label);

  g_assert_nonnull (button);
  return gtk_widget_get_visible (GTK_WIDGET (button)) && gtk_widget_get_sensitive (GTK_WIDGET (button));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("test-%u", g_random_int ());

  call_log = g_string_new (NULL);
  fixture->flow = g_object_new (TEST_TYPE_FLOW, "title", "Test", "draft-name", name, NULL);
  g_signal_connect (fixture->flow, "finished", G_CALLBACK (count_cb), &fixture->finished);
  g_signal_connect (fixture->flow, "cancelled", G_CALLBACK (count_cb), &fixture->cancelled);
  fixture->assistant = op_assistant_new (fixture->flow);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->assistant));
  gtk_window_present (fixture->window);
  op_test_ui_iterate (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->flow);
  g_string_free (call_log, TRUE);
  include_optional_page = FALSE;
}

static const char *
current_name (Fixture *fixture)
{
  return gtk_widget_get_name (GTK_WIDGET (op_assistant_get_current_page (fixture->assistant)));
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  OpWizardPage *form;

  /* The optional page's prepare() returned NULL: it is left out. */
  g_assert_cmpuint (op_assistant_get_n_pages (fixture->assistant), ==, 4);
  g_assert_cmpstr (current_name (fixture), ==, "intro");
  g_assert_false (button_usable (fixture, "_Back"));
  g_assert_true (button_usable (fixture, "_Next"));

  op_assistant_next_page (fixture->assistant);
  op_test_ui_iterate (50);
  g_assert_cmpstr (current_name (fixture), ==, "form");
  form = op_assistant_get_current_page (fixture->assistant);

  /* An incomplete page keeps Next insensitive, and Enter does nothing. */
  g_assert_false (button_usable (fixture, "_Next"));
  op_wizard_page_request_next (form);
  op_test_ui_iterate (50);
  g_assert_cmpstr (current_name (fixture), ==, "form");

  op_wizard_page_set_complete (form, TRUE);
  g_assert_true (button_usable (fixture, "_Next"));
  g_assert_true (button_usable (fixture, "_Back"));

  /* Back is pure navigation. */
  op_assistant_previous_page (fixture->assistant);
  g_assert_cmpstr (current_name (fixture), ==, "intro");
  op_assistant_next_page (fixture->assistant);
  g_assert_cmpstr (current_name (fixture), ==, "form");

  /* Enter in a complete page goes on. */
  op_wizard_page_request_next (form);
  op_test_ui_iterate (50);
  g_assert_cmpstr (current_name (fixture), ==, "summary");
  g_assert_cmpstr (call_log->str, ==, "apply:intro apply:intro apply:form ");
}

static void
test_async_apply_and_cancel (Fixture       *fixture,
                             gconstpointer  data)
{
  TestPage *intro = TEST_PAGE (op_assistant_get_current_page (fixture->assistant));

  intro->async_apply = TRUE;
  intro->apply_valid = FALSE;
  op_assistant_next_page (fixture->assistant);

  /* While the page works: a spinner, no Next, no Back; Cancel stops the work. */
  g_assert_true (op_wizard_page_get_applying (OP_WIZARD_PAGE (intro)));
  g_assert_false (button_usable (fixture, "_Next"));
  op_test_ui_iterate (100);
  g_assert_false (op_wizard_page_get_applying (OP_WIZARD_PAGE (intro)));
  g_assert_cmpstr (current_name (fixture), ==, "intro");

  intro->apply_valid = TRUE;
  op_assistant_next_page (fixture->assistant);
  op_assistant_cancel (fixture->assistant);
  op_test_ui_iterate (100);
  g_assert_cmpstr (current_name (fixture), ==, "intro");
  g_assert_cmpuint (fixture->cancelled, ==, 0);

  op_assistant_next_page (fixture->assistant);
  op_test_ui_iterate (100);
  g_assert_cmpstr (current_name (fixture), ==, "form");

  /* Cancel with nothing running leaves the wizard. */
  op_assistant_cancel (fixture->assistant);
  g_assert_cmpuint (fixture->cancelled, ==, 1);
}

static void
go_to_summary (Fixture *fixture)
{
  op_assistant_next_page (fixture->assistant);
  op_wizard_page_set_complete (op_assistant_get_current_page (fixture->assistant), TRUE);
  op_assistant_next_page (fixture->assistant);
  op_test_ui_iterate (20);
  g_assert_cmpstr (current_name (fixture), ==, "summary");
}

static void
test_save_chain_and_retry (Fixture       *fixture,
                           gconstpointer  data)
{
  TestPage *form;
  TestPage *summary;
  OpDraft *draft = op_flow_get_draft (fixture->flow);
  g_autofree char *path = op_draft_get_path (draft);

  go_to_summary (fixture);
  summary = TEST_PAGE (op_assistant_get_current_page (fixture->assistant));
  form = TEST_PAGE (gtk_widget_get_prev_sibling (GTK_WIDGET (summary)));
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (form)), ==, "form");
  form->saves = TRUE;
  summary->saves = TRUE;
  summary->fail_save = TRUE;
  op_draft_set_string (draft, "contact_name", "王小明");
  op_draft_flush (draft);
  op_test_ui_iterate (100);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_string_truncate (call_log, 0);
  op_assistant_next_page (fixture->assistant);
  op_test_ui_iterate (200);

  /* Saved in order; the failure stops the chain, says why and offers a retry. */
  g_assert_cmpstr (call_log->str, ==, "apply:summary save:form saved:form save:summary saved:summary ");
  g_assert_cmpstr (current_name (fixture), ==, "summary");
  g_assert_true (button_usable (fixture, "_Try Again"));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The retry starts from the page that failed, not from the beginning. */
  summary->fail_save = FALSE;
  g_string_truncate (call_log, 0);
  gtk_widget_activate (GTK_WIDGET (find_button (fixture, "_Try Again")));
  op_test_ui_iterate (300);
  g_assert_cmpstr (call_log->str, ==, "save:summary saved:summary ");
  g_assert_cmpstr (current_name (fixture), ==, "done");
  g_assert_true (button_usable (fixture, "_Done"));
  g_assert_false (button_usable (fixture, "_Back"));

  /* Saved: the draft is gone. */
  op_test_ui_iterate (100);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (op_draft_is_empty (draft));

  op_assistant_cancel (fixture->assistant);
  g_assert_cmpuint (fixture->finished, ==, 1);
  g_assert_cmpuint (fixture->cancelled, ==, 0);
}

static void
test_rebuild_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  op_assistant_next_page (fixture->assistant);
  g_assert_cmpstr (current_name (fixture), ==, "form");
  g_assert_cmpuint (op_assistant_get_n_pages (fixture->assistant), ==, 4);

  include_optional_page = TRUE;
  op_flow_rebuild_pages (fixture->flow);
  g_assert_cmpuint (op_assistant_get_n_pages (fixture->assistant), ==, 5);

  op_wizard_page_set_complete (op_assistant_get_current_page (fixture->assistant), TRUE);
  op_assistant_next_page (fixture->assistant);
  g_assert_cmpstr (current_name (fixture), ==, "optional");
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (op_draft_load_finish (OP_DRAFT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_draft_survives (void)
{
  g_autoptr(OpDraft) draft = op_draft_new ("test-survives");
  g_autoptr(OpDraft) reopened = NULL;
  g_autofree char *path = op_draft_get_path (draft);
  g_autofree char *contents = NULL;
  gboolean done = FALSE;

  op_draft_set_string (draft, "contact_name", "王小明");
  op_draft_set_string (draft, "email", "wang@example.com");
  op_draft_set_string (draft, "email", NULL);
  /* Written shortly after the change, without waiting for a flush. */
  op_test_ui_iterate (500);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "王小明"));
  g_assert_null (strstr (contents, "wang@example.com"));

  reopened = op_draft_new ("test-survives");
  op_draft_load_async (reopened, NULL, draft_loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (op_draft_get_string (reopened, "contact_name"), ==, "王小明");
  g_assert_null (op_draft_get_string (reopened, "email"));

  /* A damaged file is ignored, not fatal. */
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  g_clear_object (&reopened);
  reopened = op_draft_new ("test-survives");
  done = FALSE;
  op_draft_load_async (reopened, NULL, draft_loaded_cb, &done);
  g_test_expect_message ("op-draft", G_LOG_LEVEL_WARNING, "*damaged draft*");
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_test_assert_expected_messages ();
  g_assert_true (op_draft_is_empty (reopened));

  op_draft_discard (reopened);
  op_test_ui_iterate (100);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  op_test_ui_init (&argc, &argv);

  g_test_add ("/app/assistant/navigation", Fixture, NULL, fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/app/assistant/async-apply-and-cancel", Fixture, NULL, fixture_set_up,
              test_async_apply_and_cancel, fixture_tear_down);
  g_test_add ("/app/assistant/save-chain-and-retry", Fixture, NULL, fixture_set_up,
              test_save_chain_and_retry, fixture_tear_down);
  g_test_add ("/app/assistant/rebuild-pages", Fixture, NULL, fixture_set_up,
              test_rebuild_pages, fixture_tear_down);
  g_test_add_func ("/app/draft/survives", test_draft_survives);

  return g_test_run ();
}
