/* op-solutions-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-solutions-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "op-order-flow.h"
#include "op-qualification-flow.h"
#include "op-solutions-page.h"
#include "op-solutions-util.h"

/* The 解决方案 area: a searchable list of the platform's solutions and the
 * account's 资质申请, and a solution's page with its description, the
 * roles it needs (✓/✗ for this account), its APIs (each with a link to
 * its documentation) and message topics. The page's main action is 订购
 * when the account may order it, 资质申请 (with the platform's reason)
 * when a role is missing, or 入驻 for an account that is not a developer.
 * Both wizards start here.
 */

struct _OpSolutionsPage
{
  OpAreaPage           parent_instance;

  OpConnection        *watched;
  GCancellable        *list_cancellable;
  GCancellable        *roles_cancellable;
  GCancellable        *detail_cancellable;
  GCancellable        *flow_cancellable;
  GListModel          *roles;
  GHashTable          *role_states;
  GHashTable          *role_reasons;
  OpSolution          *detail;
  gint64               detail_id;
  GPtrArray           *role_rows;
  GPtrArray           *detail_rows;

  GtkSearchEntry      *search_entry;
  GtkStack            *list_stack;
  GtkSpinner          *list_spinner;
  GtkLabel            *list_error_label;
  GtkListBox          *solutions_list;
  GtkLabel            *no_results_label;
  AdwPreferencesGroup *roles_group;
  GtkScrolledWindow   *detail_scroller;
  GtkStack            *detail_stack;
  GtkSpinner          *detail_spinner;
  GtkLabel            *detail_error_label;
  GtkLabel            *detail_name_label;
  GtkLabel            *detail_summary_label;
  GtkLabel            *detail_reason_label;
  GtkButton           *primary_button;
  AdwPreferencesGroup *detail_roles_group;
  AdwPreferencesGroup *detail_apps_group;
  AdwPreferencesGroup *detail_apis_group;
  AdwPreferencesGroup *detail_topics_group;
  GtkButton           *doc_button;
};

G_DEFINE_FINAL_TYPE (OpSolutionsPage, op_solutions_page, OP_TYPE_AREA_PAGE)

static void op_solutions_page_load_roles  (OpSolutionsPage *self);
static void op_solutions_page_load_detail (OpSolutionsPage *self);
static void op_solutions_page_fill_detail (OpSolutionsPage *self);

/* The list or a solution's page. Not bound as a template child: it is the
 * AdwBin's own child, which AdwBin unparents itself. */
static GtkStack *
get_view_stack (OpSolutionsPage *self)
{
  return GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
}

static OpConnection *
get_connection (OpSolutionsPage *self)
{
  return op_area_page_get_connection (OP_AREA_PAGE (self));
}

static OpPlatformClient *
get_client (OpSolutionsPage *self)
{
  OpConnection *connection = get_connection (self);

  return connection != NULL ? op_connection_get_client (connection) : NULL;
}

static gboolean
signed_in (OpSolutionsPage *self)
{
  OpConnection *connection = get_connection (self);

  return connection != NULL && op_connection_get_account (connection) != NULL &&
         op_connection_get_client (connection) != NULL;
}

static void
renew_cancellable (GCancellable **cancellable)
{
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = rows->len; i > 0; i--)
    {
      GtkWidget *row = g_ptr_array_index (rows, i - 1);

      if (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP) == GTK_WIDGET (group))
        {
          adw_preferences_group_remove (group, row);
          g_ptr_array_remove_index (rows, i - 1);
        }
    }
}

static GtkWidget *
plain_row_new (const char *title,
               const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* "A or B": the roles a solution needs, any one of which is enough. */
static char *
join_role_names (OpSolution *solution)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < op_solution_get_n_required_roles (solution); i++)
    {
      if (i > 0)
        /* Translators: between the names of roles, any one of which is enough: "A or B" */
        g_string_append (names, _(" or "));
      g_string_append (names, op_solution_get_required_role_name (solution, i));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The list. */

static void
update_no_results (OpSolutionsPage *self)
{
  gboolean any = FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->solutions_list));
       row != NULL && !any;
       row = gtk_widget_get_next_sibling (row))
    any = gtk_widget_get_child_visible (row);

  gtk_widget_set_visible (GTK_WIDGET (self->no_results_label), !any);
}

static gboolean
solution_filter_func (GtkListBoxRow *row,
                      gpointer       user_data)
{
  OpSolutionsPage *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *haystack = g_object_get_data (G_OBJECT (row), "search-text");
  g_auto(GStrv) words = NULL;
  g_autofree char *folded = NULL;

  if (query == NULL || query[0] == '\0')
    return TRUE;

  folded = g_utf8_casefold (query, -1);
  words = g_strsplit_set (folded, " \t\u3000", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && (haystack == NULL || strstr (haystack, words[i]) == NULL))
      return FALSE;

  return TRUE;
}

static void
search_changed_cb (OpSolutionsPage *self)
{
  gtk_list_box_invalidate_filter (self->solutions_list);
  update_no_results (self);
}

static GtkWidget *
solution_row_new (OpSolution *solution)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (NULL);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  g_autofree char *roles = join_role_names (solution);
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) search = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char * const *ordered = op_solution_get_ordered_by_apps (solution);
  const char *code = op_solution_get_not_orderable_code (solution);

  /* Translators: %s lists the roles a solution needs, such as "诚信通商家 or 专业买家" */
  subtitle = g_strdup_printf (_("For: %s"), roles);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), op_solution_get_name (solution));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (state, "caption");
  gtk_label_set_xalign (GTK_LABEL (state), 1);
  if (op_solution_get_orderable (solution) && ordered != NULL && ordered[0] != NULL)
    {
      /* Translators: the state of a solution in the list: 已订购 */
      gtk_label_set_label (GTK_LABEL (state), _("Ordered"));
      gtk_widget_add_css_class (state, "success");
    }
  else if (op_solution_get_orderable (solution))
    {
      /* Translators: the state of a solution in the list: 可订购 */
      gtk_label_set_label (GTK_LABEL (state), _("Can be ordered"));
      gtk_widget_add_css_class (state, "dim-label");
    }
  else if (g_strcmp0 (code, "not_a_developer") == 0)
    {
      gtk_label_set_label (GTK_LABEL (state), _("Join as a developer first"));
      gtk_widget_add_css_class (state, "warning");
    }
  else
    {
      /* Translators: the state of a solution in the list: a role is missing */
      gtk_label_set_label (GTK_LABEL (state), _("Needs a qualification"));
      gtk_widget_add_css_class (state, "warning");
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_string_append_printf (search, "%s %s %s %s", op_solution_get_name (solution),
                          op_solution_get_summary (solution) != NULL
                          ? op_solution_get_summary (solution) : "",
                          roles, gtk_label_get_label (GTK_LABEL (state)));
  folded = g_utf8_casefold (search->str, -1);
  g_object_set_data_full (G_OBJECT (row), "search-text", g_steal_pointer (&folded), g_free);
  g_object_set_data_full (G_OBJECT (row), "solution", g_object_ref (solution), g_object_unref);

  return row;
}

static void
solutions_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(OpSolutionsPage) self = user_data;
  g_autoptr(GListModel) solutions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  solutions = op_platform_client_list_solutions_finish (OP_PLATFORM_CLIENT (object), result, &error);
  gtk_spinner_set_spinning (self->list_spinner, FALSE);
  if (solutions == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      op_connection_report_error (get_connection (self), error);
      gtk_label_set_label (self->list_error_label, error->message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->solutions_list))) != NULL)
    gtk_list_box_remove (self->solutions_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (solutions); i++)
    {
      g_autoptr(OpSolution) solution = g_list_model_get_item (solutions, i);

      gtk_list_box_append (self->solutions_list, solution_row_new (solution));
    }

  gtk_stack_set_visible_child_name (self->list_stack, "list");
  update_no_results (self);
}

static void
op_solutions_page_load_list (OpSolutionsPage *self)
{
  if (!signed_in (self))
    return;

  renew_cancellable (&self->list_cancellable);

  /* Keep showing the list while it is refreshed; a spinner only at first. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->solutions_list)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
      gtk_spinner_set_spinning (self->list_spinner, TRUE);
    }

  op_platform_client_list_solutions_async (get_client (self), self->list_cancellable,
                                           solutions_loaded_cb, g_object_ref (self));
}

/* The 资质申请 group. */

static void
apply_clicked_cb (GtkButton       *button,
                  OpSolutionsPage *self)
{
  op_solutions_page_start_qualification (self, gtk_widget_get_name (GTK_WIDGET (button)), NULL);
}

static void
op_solutions_page_fill_roles (OpSolutionsPage *self)
{
  remove_rows (self->roles_group, self->role_rows);

  for (guint i = 0; self->roles != NULL && i < g_list_model_get_n_items (self->roles); i++)
    {
      g_autoptr(OpRole) role = g_list_model_get_item (self->roles, i);
      OpReviewState state = op_role_get_application_state (role);
      const char *reason = g_hash_table_lookup (self->role_reasons, op_role_get_id (role));
      g_autofree char *subtitle = NULL;
      GtkWidget *button = NULL;
      GtkWidget *row;

      if (op_role_get_held (role))
        subtitle = g_strdup (_("You have this role"));
      else if (state == OP_REVIEW_STATE_REJECTED && reason != NULL)
        /* Translators: 已驳回: the platform's reason follows */
        subtitle = g_strdup_printf (_("Rejected: %s"), reason);
      else
        subtitle = g_strdup (op_solutions_review_state_name (state));

      row = plain_row_new (op_role_get_name (role), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_set_name (row, op_role_get_id (role));

      if (!op_role_get_held (role) && state == OP_REVIEW_STATE_REJECTED)
        button = gtk_button_new_with_mnemonic (_("_Correct…"));
      else if (!op_role_get_held (role) && state != OP_REVIEW_STATE_PENDING)
        button = gtk_button_new_with_mnemonic (_("_Apply…"));

      if (button != NULL)
        {
          g_autofree char *label = NULL;

          if (state == OP_REVIEW_STATE_REJECTED)
            /* Translators: the accessible name of a button; %s is a role */
            label = g_strdup_printf (_("Correct and resubmit the application for %s"), op_role_get_name (role));
          else
            /* Translators: the accessible name of a button; %s is a role */
            label = g_strdup_printf (_("Apply for the role %s"), op_role_get_name (role));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                          -1);
          gtk_widget_set_tooltip_text (button, label);
          gtk_widget_set_name (button, op_role_get_id (role));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          g_signal_connect (button, "clicked", G_CALLBACK (apply_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else if (state == OP_REVIEW_STATE_PENDING)
        {
          GtkWidget *spinner = gtk_spinner_new ();

          gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
          gtk_widget_set_tooltip_text (spinner, _("Waiting for the platform’s decision"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);
        }

      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->role_rows, row);
    }
}

/* Notices the decisions taken since the last look (the review watcher
 * announces them), so that the account and the roles are read again. While
 * an application is pending, the watcher looks at the platform and the page
 * follows it (op_solutions_page_reviews_changed); one it has not seen yet
 * gets it to look now. */
static gboolean
op_solutions_page_notice_decisions (OpSolutionsPage *self)
{
  OpReviewWatcher *watcher;
  gboolean pending = FALSE;
  gboolean decided = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (self->roles); i++)
    {
      g_autoptr(OpRole) role = g_list_model_get_item (self->roles, i);
      OpReviewState state = op_role_get_application_state (role);
      gpointer before = NULL;

      /* The review watcher of My Apps announces a decision; this page only shows it. */
      if (g_hash_table_lookup_extended (self->role_states, op_role_get_id (role), NULL, &before) &&
          GPOINTER_TO_INT (before) == OP_REVIEW_STATE_PENDING && state != OP_REVIEW_STATE_PENDING)
        decided = TRUE;

      g_hash_table_insert (self->role_states, g_strdup (op_role_get_id (role)), GINT_TO_POINTER (state));
      pending |= state == OP_REVIEW_STATE_PENDING;
    }

  watcher = op_area_page_get_watcher (OP_AREA_PAGE (self));
  if (pending && watcher != NULL && !op_review_watcher_get_pending (watcher))
    op_review_watcher_refresh (watcher);

  return decided;
}

static void
qualifications_loaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(OpSolutionsPage) self = user_data;
  g_autoptr(GListModel) qualifications = NULL;
  g_autoptr(GError) error = NULL;

  qualifications = op_platform_client_list_qualifications_finish (OP_PLATFORM_CLIENT (object),
                                                                  result, &error);
  if (qualifications == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The roles show without the reasons. */
      op_connection_report_error (get_connection (self), error);
      g_debug ("Could not list the applications: %s", error->message);
    }

  g_hash_table_remove_all (self->role_reasons);
  for (guint i = 0; qualifications != NULL && i < g_list_model_get_n_items (qualifications); i++)
    {
      g_autoptr(OpQualification) qualification = g_list_model_get_item (qualifications, i);
      const char *role_id = op_qualification_get_role_id (qualification);

      /* Newest first: keep the latest application's reason. */
      if (op_qualification_get_reason (qualification) != NULL &&
          !g_hash_table_contains (self->role_reasons, role_id))
        g_hash_table_insert (self->role_reasons, g_strdup (role_id),
                             g_strdup (op_qualification_get_reason (qualification)));
    }

  op_solutions_page_fill_roles (self);

  if (op_solutions_page_notice_decisions (self))
    /* A role granted changes what can be ordered: the account is read
     * again, and the page with it (account_changed_cb). */
    op_connection_refresh_account (get_connection (self));
  else if (self->detail != NULL)
    op_solutions_page_fill_detail (self);
}

static void
roles_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OpSolutionsPage) self = user_data;
  g_autoptr(GListModel) roles = NULL;
  g_autoptr(GError) error = NULL;

  roles = op_platform_client_list_roles_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (roles == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          op_connection_report_error (get_connection (self), error);
          g_debug ("Could not list the roles: %s", error->message);
        }
      return;
    }

  g_set_object (&self->roles, roles);
  op_platform_client_list_qualifications_async (OP_PLATFORM_CLIENT (object), self->roles_cancellable,
                                                qualifications_loaded_cb, g_object_ref (self));
}

static void
op_solutions_page_load_roles (OpSolutionsPage *self)
{
  if (!signed_in (self))
    return;

  renew_cancellable (&self->roles_cancellable);
  op_platform_client_list_roles_async (get_client (self), self->roles_cancellable,
                                       roles_loaded_cb, g_object_ref (self));
}

/* A solution's page. */

static OpRole *
find_role (OpSolutionsPage *self,
           const char      *role_id)
{
  for (guint i = 0; self->roles != NULL && i < g_list_model_get_n_items (self->roles); i++)
    {
      g_autoptr(OpRole) role = g_list_model_get_item (self->roles, i);

      if (g_strcmp0 (op_role_get_id (role), role_id) == 0)
        return role;
    }

  return NULL;
}

static void
api_doc_clicked_cb (GtkButton       *button,
                    OpSolutionsPage *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uri");

  if (uri != NULL)
    op_solutions_show_uri (GTK_WIDGET (self), uri);
}

static void
doc_clicked_cb (OpSolutionsPage *self)
{
  if (self->detail != NULL && op_solution_get_doc_url (self->detail) != NULL)
    op_solutions_show_uri (GTK_WIDGET (self), op_solution_get_doc_url (self->detail));
}

static char *
api_doc_uri (OpSolution *solution,
             guint       position)
{
  const char *uri = op_solution_get_api_doc_url (solution, position);
  g_autofree char *escaped = NULL;

  if (uri != NULL && uri[0] != '\0')
    return g_strdup (uri);

  escaped = g_uri_escape_string (op_solution_get_api_id (solution, position), NULL, FALSE);
  return g_strconcat ("https://open.1688.com/api/apidocdetail.htm?id=", escaped, NULL);
}

static void
add_detail_row (OpSolutionsPage     *self,
                AdwPreferencesGroup *group,
                GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->detail_rows, row);
}

static void
op_solutions_page_fill_detail (OpSolutionsPage *self)
{
  OpSolution *solution = self->detail;
  const char * const *ordered = op_solution_get_ordered_by_apps (solution);
  const char *code = op_solution_get_not_orderable_code (solution);
  const char *message = op_solution_get_not_orderable_message (solution);
  g_autofree char *reason = NULL;
  gboolean orderable = op_solution_get_orderable (solution);
  gboolean all_pending = FALSE;
  guint n_missing = 0;
  guint n_pending = 0;

  for (guint i = 0; i < self->detail_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->detail_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->detail_rows, 0);

  gtk_label_set_label (self->detail_name_label, op_solution_get_name (solution));
  gtk_label_set_label (self->detail_summary_label, op_solution_get_summary (solution));

  /* The roles, with ✓ or ✗ for this account. */
  for (guint i = 0; i < op_solution_get_n_required_roles (solution); i++)
    {
      gboolean held = op_solution_get_required_role_held (solution, i);
      OpRole *role = find_role (self, op_solution_get_required_role_id (solution, i));
      OpReviewState state = role != NULL ? op_role_get_application_state (role) : OP_REVIEW_STATE_NONE;
      g_autofree char *subtitle = NULL;
      GtkWidget *icon = gtk_image_new_from_icon_name (held ? "object-select-symbolic"
                                                           : "window-close-symbolic");
      GtkWidget *row;

      if (held)
        subtitle = g_strdup (_("You have this role"));
      else if (state == OP_REVIEW_STATE_PENDING || state == OP_REVIEW_STATE_REJECTED)
        /* Translators: the state of the account's application for a role: 审核中 or 已驳回 */
        subtitle = g_strdup_printf (_("You do not have this role. Your application: %s"),
                                    op_solutions_review_state_name (state));
      else
        subtitle = g_strdup (_("You do not have this role"));

      if (!held)
        {
          n_missing++;
          n_pending += state == OP_REVIEW_STATE_PENDING ? 1 : 0;
        }

      row = plain_row_new (op_solution_get_required_role_name (solution, i), subtitle);
      gtk_widget_set_name (row, op_solution_get_required_role_id (solution, i));
      gtk_widget_add_css_class (icon, held ? "success" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      held ? _("Held") : _("Missing"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_detail_row (self, self->detail_roles_group, row);
    }
  all_pending = n_missing > 0 && n_pending == n_missing;

  /* The apps that have it. */
  for (guint i = 0; ordered != NULL && ordered[i] != NULL; i++)
    {
      /* Translators: %s is an AppKey */
      g_autofree char *title = g_strdup_printf (_("App %s"), ordered[i]);

      add_detail_row (self, self->detail_apps_group, plain_row_new (title, _("Open My Apps to use it")));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->detail_apps_group), ordered != NULL && ordered[0] != NULL);

  /* Its APIs, each with its documentation. */
  for (guint i = 0; i < op_solution_get_n_apis (solution); i++)
    {
      const char *title = op_solution_get_api_title (solution, i);
      const char *id = op_solution_get_api_id (solution, i);
      g_autofree char *uri = api_doc_uri (solution, i);
      g_autofree char *label = NULL;
      GtkWidget *row = plain_row_new (title != NULL && title[0] != '\0' ? title : id, id);
      GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");

      /* Translators: the tooltip and accessible name of a button; %s is an API's title */
      label = g_strdup_printf (_("Open the documentation of %s"), title != NULL ? title : id);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_name (button, id);
      g_object_set_data_full (G_OBJECT (button), "uri", g_steal_pointer (&uri), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (api_doc_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      if (op_solution_get_api_needs_access_token (solution, i))
        {
          /* Translators: %s is an API's identifier */
          g_autofree char *subtitle = g_strdup_printf (_("%s · needs the member’s authorization"), id);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      add_detail_row (self, self->detail_apis_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->detail_apis_group), op_solution_get_n_apis (solution) > 0);

  for (guint i = 0; i < op_solution_get_n_topics (solution); i++)
    {
      const char *name = op_solution_get_topic_name (solution, i);
      const char *description = op_solution_get_topic_description (solution, i);

      add_detail_row (self, self->detail_topics_group,
                      plain_row_new (name != NULL ? name : op_solution_get_topic_id (solution, i),
                                     description != NULL && description[0] != '\0'
                                     ? description : op_solution_get_topic_id (solution, i)));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->detail_topics_group), op_solution_get_n_topics (solution) > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->doc_button), op_solution_get_doc_url (solution) != NULL);

  /* The main action: 订购, or why not and what to do about it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->primary_button), TRUE);
  if (orderable)
    {
      /* Translators: 订购 */
      gtk_button_set_label (self->primary_button, _("_Order"));
      if (ordered != NULL && ordered[0] != NULL)
        reason = g_strdup (_("Your apps listed below have this solution. You can order it for another app."));
    }
  else if (g_strcmp0 (code, "not_a_developer") == 0)
    {
      gtk_button_set_label (self->primary_button, _("_Join as a Developer"));
      reason = g_strdup (message != NULL ? message
                         : _("Only developers can order solutions. Join the platform as a developer first."));
    }
  else
    {
      /* Translators: 资质申请 */
      gtk_button_set_label (self->primary_button, _("_Apply for Qualification"));
      if (all_pending)
        {
          reason = g_strdup (_("Your qualification application is under review. You can order this solution once the platform approves it."));
          gtk_widget_set_sensitive (GTK_WIDGET (self->primary_button), FALSE);
        }
      else
        reason = g_strdup (message != NULL ? message
                           : _("Your account does not have a role this solution needs. Apply for the qualification first."));
    }

  gtk_label_set_label (self->detail_reason_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_reason_label), reason != NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "content");
}

static void
detail_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(OpSolutionsPage) self = user_data;
  g_autoptr(OpSolution) solution = NULL;
  g_autoptr(GError) error = NULL;

  solution = op_platform_client_get_solution_finish (OP_PLATFORM_CLIENT (object), result, &error);
  gtk_spinner_set_spinning (self->detail_spinner, FALSE);
  if (solution == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      op_connection_report_error (get_connection (self), error);
      gtk_label_set_label (self->detail_error_label, error->message);
      gtk_stack_set_visible_child_name (self->detail_stack, "error");
      return;
    }

  g_set_object (&self->detail, solution);
  op_solutions_page_fill_detail (self);
}

static void
op_solutions_page_load_detail (OpSolutionsPage *self)
{
  if (!signed_in (self) || self->detail_id == 0)
    return;

  renew_cancellable (&self->detail_cancellable);

  if (self->detail == NULL || op_solution_get_id (self->detail) != self->detail_id)
    {
      g_clear_object (&self->detail);
      gtk_stack_set_visible_child_name (self->detail_stack, "loading");
      gtk_spinner_set_spinning (self->detail_spinner, TRUE);
    }

  op_platform_client_get_solution_async (get_client (self), self->detail_id, self->detail_cancellable,
                                         detail_loaded_cb, g_object_ref (self));
}

static void
detail_reload_clicked_cb (OpSolutionsPage *self)
{
  op_solutions_page_load_detail (self);
}

static void
reload_clicked_cb (OpSolutionsPage *self)
{
  op_solutions_page_reload (self);
}

static void
solution_activated_cb (OpSolutionsPage *self,
                       GtkListBoxRow   *row)
{
  OpSolution *solution = g_object_get_data (G_OBJECT (row), "solution");

  if (solution != NULL)
    op_solutions_page_show_solution (self, op_solution_get_id (solution));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  op_solutions_page_show_list (OP_SOLUTIONS_PAGE (widget));
}

/* Running the wizards. */

typedef struct
{
  OpSolutionsPage *self;
  OpFlow          *flow;
  char            *role_id;
  char           **candidates;
} FlowSwitch;

static void
flow_switch_free (FlowSwitch *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->flow);
  g_free (data->role_id);
  g_strfreev (data->candidates);
  g_free (data);
}

/* Leaves one wizard for the qualification wizard, from an idle: the
 * request came from inside the wizard being left. */
static gboolean
switch_to_qualification_cb (gpointer user_data)
{
  FlowSwitch *data = user_data;

  if (OP_IS_QUALIFICATION_FLOW (data->flow))
    op_flow_finish (data->flow);
  else
    op_flow_cancel (data->flow);
  op_solutions_page_start_qualification (data->self, data->role_id,
                                         (const char * const *)data->candidates);

  return G_SOURCE_REMOVE;
}

static void
schedule_switch (OpSolutionsPage    *self,
                 OpFlow             *flow,
                 const char         *role_id,
                 const char * const *candidates)
{
  FlowSwitch *data = g_new0 (FlowSwitch, 1);

  data->self = g_object_ref (self);
  data->flow = g_object_ref (flow);
  data->role_id = g_strdup (role_id);
  data->candidates = g_strdupv ((char **)candidates);
  g_idle_add_full (G_PRIORITY_DEFAULT, switch_to_qualification_cb, data,
                   (GDestroyNotify)flow_switch_free);
}

static void
order_apply_for_role_cb (OpOrderFlow     *flow,
                         const char      *role_id,
                         OpSolutionsPage *self)
{
  OpSolution *solution = op_order_flow_get_solution (flow);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) candidates = NULL;

  /* Several roles missing: any one of the solution's will do. */
  for (guint i = 0; i < op_solution_get_n_required_roles (solution); i++)
    g_strv_builder_add (builder, op_solution_get_required_role_id (solution, i));
  candidates = g_strv_builder_end (builder);

  schedule_switch (self, OP_FLOW (flow), role_id,
                   role_id == NULL ? (const char * const *)candidates : NULL);
}

static void
order_flow_done_cb (OpOrderFlow     *flow,
                    OpSolutionsPage *self)
{
  const char *next_area = op_order_flow_get_next_area (flow);

  if (next_area != NULL)
    op_area_page_show_area (OP_AREA_PAGE (self), next_area);
}

static void
order_flow_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(OpSolutionsPage) self = user_data;
  OpOrderFlow *flow = OP_ORDER_FLOW (object);
  g_autoptr(GError) error = NULL;

  if (!op_order_flow_load_finish (flow, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  op_area_page_run_flow (OP_AREA_PAGE (self), OP_FLOW (flow));

  /* After the window's own handlers: it goes back to this area first. */
  g_signal_connect_object (flow, "apply-for-role", G_CALLBACK (order_apply_for_role_cb), self, 0);
  g_signal_connect_object (flow, "finished", G_CALLBACK (order_flow_done_cb), self, 0);
  g_signal_connect_object (flow, "cancelled", G_CALLBACK (order_flow_done_cb), self, 0);
}

static void
qualification_resubmit_cb (OpQualificationFlow *flow,
                           gint64               qualification_id,
                           OpSolutionsPage     *self)
{
  OpQualification *result = op_qualification_flow_get_result (flow);

  schedule_switch (self, OP_FLOW (flow),
                   result != NULL ? op_qualification_get_role_id (result)
                                  : op_qualification_flow_get_role_id (flow),
                   NULL);
}

static void
qualification_flow_done_cb (OpQualificationFlow *flow,
                            OpSolutionsPage     *self)
{
  op_solutions_page_load_roles (self);
}

static void
qualification_flow_loaded_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(OpSolutionsPage) self = user_data;
  OpQualificationFlow *flow = OP_QUALIFICATION_FLOW (object);
  g_autoptr(GError) error = NULL;

  if (!op_qualification_flow_load_finish (flow, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  op_area_page_run_flow (OP_AREA_PAGE (self), OP_FLOW (flow));

  g_signal_connect_object (flow, "resubmit", G_CALLBACK (qualification_resubmit_cb), self, 0);
  g_signal_connect_object (flow, "finished", G_CALLBACK (qualification_flow_done_cb), self, 0);
  g_signal_connect_object (flow, "cancelled", G_CALLBACK (qualification_flow_done_cb), self, 0);
}

static void
primary_clicked_cb (OpSolutionsPage *self)
{
  const char *code;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) missing = NULL;

  if (self->detail == NULL)
    return;

  if (op_solution_get_orderable (self->detail))
    {
      op_solutions_page_start_order (self);
      return;
    }

  code = op_solution_get_not_orderable_code (self->detail);
  if (g_strcmp0 (code, "not_a_developer") == 0)
    {
      op_area_page_show_area (OP_AREA_PAGE (self), "overview");
      return;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < op_solution_get_n_required_roles (self->detail); i++)
    if (!op_solution_get_required_role_held (self->detail, i))
      g_strv_builder_add (builder, op_solution_get_required_role_id (self->detail, i));
  missing = g_strv_builder_end (builder);

  if (g_strv_length (missing) == 1)
    op_solutions_page_start_qualification (self, missing[0], NULL);
  else
    op_solutions_page_start_qualification (self, NULL, (const char * const *)missing);
}

/* Keeping up with the account. */

static void
account_changed_cb (OpSolutionsPage *self)
{
  if (!signed_in (self))
    {
      GtkWidget *child;

      /* Nothing of one account stays for the next. */
      g_cancellable_cancel (self->list_cancellable);
      g_cancellable_cancel (self->roles_cancellable);
      g_cancellable_cancel (self->detail_cancellable);
      g_clear_object (&self->detail);
      g_clear_object (&self->roles);
      g_hash_table_remove_all (self->role_states);
      g_hash_table_remove_all (self->role_reasons);
      remove_rows (self->roles_group, self->role_rows);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->solutions_list))) != NULL)
        gtk_list_box_remove (self->solutions_list, child);
      self->detail_id = 0;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_stack_set_visible_child_name (get_view_stack (self), "list");
      return;
    }

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    op_solutions_page_reload (self);
}

static void
connection_changed_cb (OpSolutionsPage *self)
{
  OpConnection *connection = get_connection (self);

  if (self->watched == connection)
    return;

  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  g_set_weak_pointer (&self->watched, connection);

  if (connection != NULL)
    g_signal_connect_object (connection, "notify::account", G_CALLBACK (account_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
op_solutions_page_shown (OpAreaPage *page)
{
  op_solutions_page_reload (OP_SOLUTIONS_PAGE (page));
}

/* Hidden, the page reads the roles again when shown. */
static void
op_solutions_page_reviews_changed (OpAreaPage *page)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    op_solutions_page_load_roles (OP_SOLUTIONS_PAGE (page));
}

static void
op_solutions_page_dispose (GObject *object)
{
  OpSolutionsPage *self = (OpSolutionsPage *)object;

  g_cancellable_cancel (self->list_cancellable);
  g_cancellable_cancel (self->roles_cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_cancellable_cancel (self->flow_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->roles_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_object (&self->flow_cancellable);
  if (self->watched != NULL)
    g_signal_handlers_disconnect_by_data (self->watched, self);
  g_clear_weak_pointer (&self->watched);
  g_clear_object (&self->roles);
  g_clear_object (&self->detail);
  if (self->role_rows != NULL)
    g_ptr_array_set_size (self->role_rows, 0);
  if (self->detail_rows != NULL)
    g_ptr_array_set_size (self->detail_rows, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_SOLUTIONS_PAGE);

  G_OBJECT_CLASS (op_solutions_page_parent_class)->dispose (object);
}

static void
op_solutions_page_finalize (GObject *object)
{
  OpSolutionsPage *self = (OpSolutionsPage *)object;

  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->detail_rows, g_ptr_array_unref);
  g_clear_pointer (&self->role_states, g_hash_table_unref);
  g_clear_pointer (&self->role_reasons, g_hash_table_unref);

  G_OBJECT_CLASS (op_solutions_page_parent_class)->finalize (object);
}

static void
op_solutions_page_class_init (OpSolutionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpAreaPageClass *area_class = OP_AREA_PAGE_CLASS (klass);

  object_class->dispose = op_solutions_page_dispose;
  object_class->finalize = op_solutions_page_finalize;

  area_class->shown = op_solutions_page_shown;
  area_class->reviews_changed = op_solutions_page_reviews_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/op-solutions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, list_error_label);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, solutions_list);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, no_results_label);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_spinner);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_error_label);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_name_label);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_summary_label);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_reason_label);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, primary_button);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_roles_group);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_apps_group);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_apis_group);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, detail_topics_group);
  gtk_widget_class_bind_template_child (widget_class, OpSolutionsPage, doc_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_reload_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, solution_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, primary_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, doc_clicked_cb);

  gtk_widget_class_install_action (widget_class, "solutions.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "solutions.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "solutions.back", NULL);
}

static void
op_solutions_page_init (OpSolutionsPage *self)
{
  self->role_rows = g_ptr_array_new ();
  self->detail_rows = g_ptr_array_new ();
  self->role_states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->role_reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->solutions_list, solution_filter_func, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "solutions.back", FALSE);

  g_signal_connect (self, "notify::connection", G_CALLBACK (connection_changed_cb), NULL);
}

/**
 * op_solutions_page_reload:
 *
 * Fetches the solutions, the roles and applications, and the solution
 * shown, again.
 */
void
op_solutions_page_reload (OpSolutionsPage *self)
{
  g_return_if_fail (OP_IS_SOLUTIONS_PAGE (self));

  op_solutions_page_load_list (self);
  op_solutions_page_load_roles (self);
  if (self->detail_id != 0)
    op_solutions_page_load_detail (self);
}

/**
 * op_solutions_page_show_solution:
 *
 * Shows a solution's page.
 */
void
op_solutions_page_show_solution (OpSolutionsPage *self,
                                 gint64           solution_id)
{
  g_return_if_fail (OP_IS_SOLUTIONS_PAGE (self));
  g_return_if_fail (solution_id > 0);

  self->detail_id = solution_id;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroller), 0);
  gtk_stack_set_visible_child_name (get_view_stack (self), "detail");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "solutions.back", TRUE);
  op_solutions_page_load_detail (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->primary_button));
}

/**
 * op_solutions_page_show_list:
 *
 * Goes back from a solution's page to the list.
 */
void
op_solutions_page_show_list (OpSolutionsPage *self)
{
  g_return_if_fail (OP_IS_SOLUTIONS_PAGE (self));

  g_cancellable_cancel (self->detail_cancellable);
  self->detail_id = 0;
  gtk_stack_set_visible_child_name (get_view_stack (self), "list");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "solutions.back", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * op_solutions_page_get_solution_id:
 *
 * Returns: the solution whose page is shown, or 0 for the list
 */
gint64
op_solutions_page_get_solution_id (OpSolutionsPage *self)
{
  g_return_val_if_fail (OP_IS_SOLUTIONS_PAGE (self), 0);

  return self->detail_id;
}

/**
 * op_solutions_page_start_order:
 *
 * Opens the 订购 wizard for the solution shown (once it is loaded).
 */
void
op_solutions_page_start_order (OpSolutionsPage *self)
{
  g_autoptr(OpOrderFlow) flow = NULL;

  g_return_if_fail (OP_IS_SOLUTIONS_PAGE (self));

  if (self->detail == NULL || !signed_in (self))
    return;

  renew_cancellable (&self->flow_cancellable);
  flow = op_order_flow_new (get_connection (self), self->detail);
  op_order_flow_load_async (flow, self->flow_cancellable, order_flow_loaded_cb, g_object_ref (self));
}

/**
 * op_solutions_page_start_qualification:
 * @role_id: (nullable): the role to apply for
 * @candidates: (nullable): when @role_id is %NULL, the roles to choose
 *   from (%NULL for all)
 *
 * Opens the 资质申请 wizard. A rejected application for the role is
 * resubmitted.
 */
void
op_solutions_page_start_qualification (OpSolutionsPage    *self,
                                       const char         *role_id,
                                       const char * const *candidates)
{
  g_autoptr(OpQualificationFlow) flow = NULL;

  g_return_if_fail (OP_IS_SOLUTIONS_PAGE (self));

  if (!signed_in (self))
    return;

  renew_cancellable (&self->flow_cancellable);
  flow = op_qualification_flow_new (get_connection (self), role_id, candidates);
  op_qualification_flow_load_async (flow, self->flow_cancellable, qualification_flow_loaded_cb,
                                    g_object_ref (self));
}
