/* test-window.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-preferences-window.h"
#include "op-test-ui.h"
#include "op-window.h"

static OpApplication *app;

static OpWindow *
current_window (void)
{
  OpWindow *window = OP_WINDOW (op_test_ui_find_toplevel (OP_TYPE_WINDOW));

  g_assert_nonnull (window);
  return window;
}

static OpPreferencesWindow *
open_preferences (void)
{
  GtkWindow *preferences;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  op_test_ui_iterate (200);

  preferences = op_test_ui_find_toplevel (OP_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (current_window ()));

  return OP_PREFERENCES_WINDOW (preferences);
}

static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return root;

  for (child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found)
        return found;
    }

  return NULL;
}

static void
test_window_shows_sidebar (void)
{
  OpWindow *window = current_window ();
  GtkWidget *leaflet;
  GtkWidget *sidebar;
  GtkWidget *row;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Open 1688");

  leaflet = op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_type,
                             GSIZE_TO_POINTER (ADW_TYPE_LEAFLET));
  g_assert_nonnull (leaflet);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  sidebar = op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_css_class,
                             "navigation-sidebar");
  g_assert_nonnull (sidebar);
  g_assert_true (GTK_IS_LIST_BOX (sidebar));
  g_assert_true (gtk_widget_get_mapped (sidebar));

  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 0));
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "welcome");
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar)) == GTK_LIST_BOX_ROW (row));
  g_assert_cmpstr (op_window_get_visible_area (window), ==, "welcome");

  /* The welcome page explains the path in the user's language (English here). */
  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_label,
                                     "Welcome to Open 1688"));
  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_label,
                                     "Join as a developer"));
  g_assert_nonnull (op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_label,
                                     "Launch, or list for sale"));

  /* The sidebar says which platform and gateway are in use. */
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "built-in sandbox"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (window), "API gateway: sandbox"));
}

static void
test_welcome_offers_to_sign_in (void)
{
  OpWindow *window = current_window ();
  GtkWidget *label;
  GtkWidget *button;

  op_window_show_area (window, "welcome");
  op_test_ui_iterate (100);

  /* Signed out, the guide's one button leads to signing in. */
  label = op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_label, "_Sign In");
  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));

  g_signal_emit_by_name (button, "clicked");
  op_test_ui_iterate (200);
  g_assert_cmpstr (op_window_get_visible_area (window), ==, "sign-in");

  op_window_show_area (window, "welcome");
  op_test_ui_iterate (100);
}

static void
test_window_folds_when_narrow (void)
{
  OpWindow *window = current_window ();
  GtkWidget *leaflet = op_test_ui_find (GTK_WIDGET (window), op_test_ui_match_type,
                                        GSIZE_TO_POINTER (ADW_TYPE_LEAFLET));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  op_test_ui_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  /* Folded, the content (not an empty sidebar) is what the user sees first. */
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL);
  op_test_ui_iterate (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "sidebar");

  op_window_show_area (window, "welcome");
  op_test_ui_iterate (400);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "content");

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  op_test_ui_iterate (300);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
}

static void
test_window_saves_and_restores_size (void)
{
  GSettings *settings = op_application_get_settings (app);
  OpWindow *window = current_window ();
  OpWindow *reopened;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 840, 620);
  op_test_ui_iterate (200);
  gtk_window_close (GTK_WINDOW (window));
  op_test_ui_iterate (200);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 840);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 620);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_application_activate (G_APPLICATION (app));
  op_test_ui_iterate (200);
  reopened = current_window ();
  g_assert_true (reopened != window);
  gtk_window_get_default_size (GTK_WINDOW (reopened), &width, &height);
  g_assert_cmpint (width, ==, 840);
  g_assert_cmpint (height, ==, 620);
}

static void
test_preferences_change_gateway (void)
{
  GSettings *settings = op_application_get_settings (app);
  OpPreferencesWindow *preferences = open_preferences ();
  GtkWidget *row;
  GtkWidget *check;

  g_assert_cmpstr (g_settings_get_string (settings, "gateway"), ==, "sandbox");

  row = op_test_ui_find (GTK_WIDGET (preferences), op_test_ui_match_title, "_Real 1688 gateway");
  g_assert_nonnull (row);
  check = op_test_ui_find (row, op_test_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* Activating the row is what a click or Space does. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  op_test_ui_iterate (100);

  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (g_settings_get_string (settings, "gateway"), ==, "production");
  g_assert_nonnull (find_label_containing (GTK_WIDGET (current_window ()),
                                           "the real 1688 gateway"));

  g_settings_reset (settings, "gateway");
  op_test_ui_iterate (50);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_window_close (GTK_WINDOW (preferences));
  op_test_ui_iterate (100);
}

static void
test_preferences_platform_url (void)
{
  GSettings *settings = op_application_get_settings (app);
  OpPreferencesWindow *preferences = open_preferences ();
  GtkWidget *url_row;
  GtkWidget *entry;

  url_row = op_test_ui_find (GTK_WIDGET (preferences), op_test_ui_match_title,
                             "Sandbox _service at an address");
  entry = op_test_ui_find (GTK_WIDGET (preferences), op_test_ui_match_type,
                           GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
  g_assert_nonnull (url_row);
  g_assert_nonnull (entry);
  g_assert_false (gtk_widget_get_sensitive (entry));

  adw_action_row_activate (ADW_ACTION_ROW (url_row));
  op_test_ui_iterate (100);
  g_assert_true (gtk_widget_get_sensitive (entry));
  /* Nothing typed yet: the platform stays the built-in one and the user is told what to do. */
  g_assert_cmpstr (g_settings_get_string (settings, "platform-kind"), ==, "builtin");
  g_assert_nonnull (find_label_containing (GTK_WIDGET (preferences), "press Enter"));

  /* An invalid address is refused inline, kept as typed, and changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ftp://127.0.0.1:8688");
  g_signal_emit_by_name (entry, "apply");
  op_test_ui_iterate (50);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (preferences), "http://"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "ftp://127.0.0.1:8688");
  g_assert_cmpstr (g_settings_get_string (settings, "platform-kind"), ==, "builtin");
  g_assert_cmpstr (g_settings_get_string (settings, "platform-url"), ==, "");

  /* Editing clears the error; a valid address is saved and used. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "http://127.0.0.1:8688");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_signal_emit_by_name (entry, "apply");
  op_test_ui_iterate (50);
  g_assert_cmpstr (g_settings_get_string (settings, "platform-kind"), ==, "url");
  g_assert_cmpstr (g_settings_get_string (settings, "platform-url"), ==, "http://127.0.0.1:8688");
  g_assert_nonnull (find_label_containing (GTK_WIDGET (current_window ()),
                                           "sandbox service at http://127.0.0.1:8688"));

  gtk_window_close (GTK_WINDOW (preferences));
  op_test_ui_iterate (100);

  /* Reopened, the preferences show what is stored. */
  preferences = open_preferences ();
  entry = op_test_ui_find (GTK_WIDGET (preferences), op_test_ui_match_type,
                           GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "http://127.0.0.1:8688");
  g_assert_true (gtk_widget_get_sensitive (entry));
  gtk_window_close (GTK_WINDOW (preferences));
  op_test_ui_iterate (100);

  g_settings_reset (settings, "platform-kind");
  g_settings_reset (settings, "platform-url");
}

int
main (int    argc,
      char **argv)
{
  int status;

  op_test_ui_init (&argc, &argv);

  app = op_test_ui_start_application ();

  g_test_add_func ("/app/window/shows-sidebar", test_window_shows_sidebar);
  g_test_add_func ("/app/window/welcome-offers-to-sign-in", test_welcome_offers_to_sign_in);
  g_test_add_func ("/app/window/folds-when-narrow", test_window_folds_when_narrow);
  g_test_add_func ("/app/preferences/change-gateway", test_preferences_change_gateway);
  g_test_add_func ("/app/preferences/platform-url", test_preferences_platform_url);
  g_test_add_func ("/app/window/saves-and-restores-size", test_window_saves_and_restores_size);

  status = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return status;
}
