/* op-overview-page.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "op-onboarding-flow.h"
#include "op-overview-app-row.h"
#include "op-overview-milestone.h"
#include "op-overview-page.h"
#include "op-overview-review-row.h"

/* Where the member stands on the path 入驻 → 资质 → 订购解决方案 →
 * 开发及测试 → 上线 / 上架, with the next action as one button; the
 * applications the platform is reviewing or recently decided; the apps
 * with today's calls against their quota. Everything comes from the platform each time the page
 * is shown or the account changes: the account, the qualification
 * applications and each app's details, fetched together.
 */

/* A decided qualification application stays in the list this long. */
#define RECENT_DAYS 7

struct _OpOverviewPage
{
  OpAreaPage           parent_instance;

  OpConnection        *connection;
  struct _Load        *load;
  GCancellable        *flow_cancellable;
  guint                refresh_source;
  gboolean             has_content;
  OpPathState          path;
  GPtrArray           *review_rows;
  GPtrArray           *app_rows;

  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkSpinner          *refresh_spinner;
  GtkLabel            *greeting_label;
  OpOverviewMilestone *milestones[OP_PATH_N_STEPS];
  GtkLabel            *next_title_label;
  GtkLabel            *next_description_label;
  GtkButton           *next_button;
  AdwPreferencesGroup *reviews_group;
  AdwPreferencesGroup *apps_group;
  AdwStatusPage       *empty_page;
};

/* One refresh: the three requests (and one per app) run together; the
 * page is filled once all have answered. A newer refresh cancels it. */
typedef struct _Load
{
  OpOverviewPage *self;
  GCancellable   *cancellable;
  OpAccount      *account;
  GPtrArray      *apps;
  GListModel     *qualifications;
  GError         *error;
  guint           pending;
} Load;

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpOverviewPage, op_overview_page, OP_TYPE_AREA_PAGE)

static GParamSpec *properties [N_PROPS];

static void
load_clear (Load *load)
{
  g_clear_object (&load->self);
  g_clear_object (&load->cancellable);
  g_clear_object (&load->account);
  g_clear_pointer (&load->apps, g_ptr_array_unref);
  g_clear_object (&load->qualifications);
  g_clear_error (&load->error);
}

static Load *
load_ref (Load *load)
{
  return g_rc_box_acquire (load);
}

static void
load_unref (Load *load)
{
  g_rc_box_release_full (load, (GDestroyNotify) load_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_unref)

/* An app slot stays empty when the app went away meanwhile. */
static void
unref_app (gpointer app)
{
  if (app != NULL)
    g_object_unref (app);
}

/* --- Showing what was loaded -------------------------------------------- */

static const char *
step_name (OpPathStep step)
{
  switch (step)
    {
    case OP_PATH_STEP_JOIN:
      /* Translators: a step of the path on the platform (入驻) */
      return C_("path step", "Join");
    case OP_PATH_STEP_QUALIFY:
      /* Translators: a step of the path on the platform (资质) */
      return C_("path step", "Qualify");
    case OP_PATH_STEP_ORDER:
      /* Translators: a step of the path on the platform (订购解决方案) */
      return C_("path step", "Order a solution");
    case OP_PATH_STEP_DEVELOP:
      /* Translators: a step of the path on the platform (开发及测试) */
      return C_("path step", "Develop and test");
    case OP_PATH_STEP_LAUNCH:
      /* Translators: a step of the path on the platform (上线 / 上架) */
      return C_("path step", "Launch or list");
    case OP_PATH_STEP_DONE:
    default:
      return "";
    }
}

static void
op_overview_page_show_next_action (OpOverviewPage *self,
                                   OpAccount      *account)
{
  const OpPathState *path = &self->path;
  const char *title = NULL;
  const char *description = NULL;
  const char *button = NULL;

  switch (path->current)
    {
    case OP_PATH_STEP_JOIN:
      title = _("Next: join as a developer");
      description = account != NULL && !op_account_get_real_name_verified (account)
                    ? _("Your account is not real-name verified yet. The wizard explains how "
                        "to get verified; after that, joining takes a few minutes.")
                    : _("Verify your mobile number with an SMS code and give your developer "
                        "information. It takes a few minutes.");
      button = _("_Join as a Developer");
      break;

    case OP_PATH_STEP_QUALIFY:
      if (path->waiting)
        {
          title = _("Your qualification application is under review");
          description = _("The platform is reviewing it. Meanwhile, look at the solutions you "
                          "can order once the role is granted.");
          button = _("_View Solutions");
        }
      else if (path->rejected)
        {
          title = _("Your qualification application was rejected");
          description = _("The reason is below. Correct the application and submit it again.");
          button = _("_Open Solutions");
        }
      else
        {
          title = _("Next: apply for a role");
          description = _("Your account holds no role yet, and most solutions need one. Choose a "
                          "solution, then apply for the qualification it needs.");
          button = _("_Choose a Solution");
        }
      break;

    case OP_PATH_STEP_ORDER:
      title = _("Next: order a solution");
      description = _("A solution lets an app call a set of APIs. Ordering one also creates "
                      "your app, with its AppKey and AppSecret.");
      button = _("_Order a Solution");
      break;

    case OP_PATH_STEP_DEVELOP:
      title = _("Next: develop and test");
      description = _("Call your app’s APIs with the API test tool. In development an app may "
                      "make 5,000 calls a day.");
      button = _("_Test Your App");
      break;

    case OP_PATH_STEP_LAUNCH:
      if (path->waiting)
        {
          title = _("Your app is under review");
          description = _("The platform is reviewing your request to launch or list the app.");
          button = _("_View Apps");
        }
      else if (path->rejected)
        {
          title = _("Your request was rejected");
          description = _("The reason is below. Correct what it names and submit the request "
                          "again.");
          button = _("_Open Apps");
        }
      else if (path->isv)
        {
          title = _("Next: list your app for sale");
          description = _("Deploy the app on Jushita, then submit it for sale on the 1688 "
                          "service market.");
          button = _("_List Your App");
        }
      else
        {
          title = _("Next: launch your app");
          description = _("Submit the app for launch. Once launched it may make 100,000 calls "
                          "a day.");
          button = _("_Launch Your App");
        }
      break;

    case OP_PATH_STEP_DONE:
    default:
      title = _("Your app is live");
      /* xgettext:no-c-format */
      description = _("Watch its daily calls below. When a day’s calls reach 80% of the quota, "
                      "you may apply to raise it.");
      button = _("_Open Apps");
      break;
    }

  gtk_label_set_label (self->next_title_label, title);
  gtk_label_set_label (self->next_description_label, description);
  gtk_button_set_label (self->next_button, button);
}

static void
op_overview_page_show_path (OpOverviewPage *self,
                            OpAccount      *account)
{
  for (guint i = 0; i < OP_PATH_N_STEPS; i++)
    {
      OpMilestoneState state;

      if (i < self->path.current)
        state = OP_MILESTONE_DONE;
      else if (i == self->path.current)
        state = self->path.waiting ? OP_MILESTONE_WAITING : OP_MILESTONE_CURRENT;
      else
        state = OP_MILESTONE_TO_DO;

      op_overview_milestone_set_label (self->milestones[i], step_name (i));
      op_overview_milestone_set_state (self->milestones[i], state);
    }

  op_overview_page_show_next_action (self, account);
}

static void
row_activated_cb (OpOverviewPage *self,
                  AdwActionRow   *row)
{
  if (OP_IS_OVERVIEW_REVIEW_ROW (row))
    op_area_page_show_area (OP_AREA_PAGE (self),
                            op_overview_review_row_get_area (OP_OVERVIEW_REVIEW_ROW (row)));
  else
    op_area_page_show_area (OP_AREA_PAGE (self), "apps");
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
add_review_row (OpOverviewPage *self,
                const char     *title,
                const char     *detail,
                OpReviewState   state,
                const char     *area)
{
  GtkWidget *row = op_overview_review_row_new (title, detail, state, area);

  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->reviews_group, row);
  g_ptr_array_add (self->review_rows, row);
}

static gboolean
is_recent (GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return when != NULL && g_date_time_difference (now, when) < RECENT_DAYS * G_TIME_SPAN_DAY;
}

/* Decided and approved, an app's application needs no row: the app's own
 * state shows it. */
static void
add_app_review (OpOverviewPage *self,
                char           *title,
                OpReviewState   state,
                const char     *reason)
{
  g_autofree char *owned_title = title;

  if (state != OP_REVIEW_STATE_PENDING && state != OP_REVIEW_STATE_REJECTED)
    return;

  add_review_row (self, owned_title,
                  state == OP_REVIEW_STATE_REJECTED ? reason : _("The platform is reviewing it."),
                  state, "apps");
}

static void
op_overview_page_show_reviews (OpOverviewPage *self,
                               GListModel     *qualifications,
                               GListModel     *apps)
{
  guint n = qualifications != NULL ? g_list_model_get_n_items (qualifications) : 0;

  clear_rows (self->reviews_group, self->review_rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpQualification) qualification = g_list_model_get_item (qualifications, i);
      OpReviewState state = op_qualification_get_state (qualification);
      g_autofree char *title = NULL;
      const char *detail;

      if (state == OP_REVIEW_STATE_APPROVED &&
          !is_recent (op_qualification_get_updated_at (qualification)))
        continue;

      /* Translators: %s is a role, e.g. "Qualification application: Professional buyer" */
      title = g_strdup_printf (_("Qualification application: %s"),
                               op_qualification_get_role_name (qualification));
      if (state == OP_REVIEW_STATE_REJECTED)
        detail = op_qualification_get_reason (qualification);
      else if (state == OP_REVIEW_STATE_APPROVED)
        detail = _("The role is granted.");
      else
        detail = _("The platform is reviewing it.");

      add_review_row (self, title, detail, state, "solutions");
    }

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (apps, i);

      const char *name = op_app_get_name (app);

      /* Translators: %s is an app's name (上线, its launch) */
      add_app_review (self, g_strdup_printf (_("Launch: %s"), name),
                      op_app_get_launch_state (app), op_app_get_launch_reason (app));
      /* Translators: %s is an app's name (上架, listing it for sale) */
      add_app_review (self, g_strdup_printf (_("Listing for sale: %s"), name),
                      op_app_get_listing_state (app), op_app_get_listing_reason (app));
      /* Translators: %s is an app's name (调高调用量) */
      add_app_review (self, g_strdup_printf (_("Raise the call quota: %s"), name),
                      op_app_get_quota_increase_state (app),
                      op_app_get_quota_increase_reason (app));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reviews_group), self->review_rows->len > 0);
}

static void
op_overview_page_show_apps (OpOverviewPage *self,
                            GListModel     *apps)
{
  clear_rows (self->apps_group, self->app_rows);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (apps, i);
      GtkWidget *row = op_overview_app_row_new (app);

      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->apps_group, row);
      g_ptr_array_add (self->app_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->apps_group), self->app_rows->len > 0);
}

/* Decisions show here without the member asking: the window's review
 * watcher looks at the platform while something is under review, and this
 * page follows it (op_overview_page_reviews_changed). A review the watcher
 * has not seen yet (made elsewhere) gets it to look now. */
static void
op_overview_page_watch_reviews (OpOverviewPage *self)
{
  OpReviewWatcher *watcher = op_area_page_get_watcher (OP_AREA_PAGE (self));

  if (watcher == NULL || op_review_watcher_get_pending (watcher))
    return;

  for (guint i = 0; i < self->review_rows->len; i++)
    {
      OpOverviewReviewRow *row = g_ptr_array_index (self->review_rows, i);

      if (op_overview_review_row_get_state (row) == OP_REVIEW_STATE_PENDING)
        {
          op_review_watcher_refresh (watcher);
          return;
        }
    }
}

static void
op_overview_page_show (OpOverviewPage *self,
                       Load           *load)
{
  g_autoptr(GListStore) apps = g_list_store_new (OP_TYPE_APP);
  g_autofree char *greeting = NULL;
  gboolean empty;

  /* The apps whose details came (one may have gone meanwhile), in order. */
  for (guint i = 0; i < load->apps->len; i++)
    if (g_ptr_array_index (load->apps, i) != NULL)
      g_list_store_append (apps, g_ptr_array_index (load->apps, i));

  op_overview_path_compute (load->account, G_LIST_MODEL (apps), load->qualifications, &self->path);

  /* Translators: %s is the member's name on the platform */
  greeting = g_strdup_printf (_("Hello, %s"), op_account_get_display_name (load->account));
  gtk_label_set_label (self->greeting_label, greeting);

  op_overview_page_show_path (self, load->account);
  op_overview_page_show_reviews (self, load->qualifications, G_LIST_MODEL (apps));
  op_overview_page_show_apps (self, G_LIST_MODEL (apps));

  empty = self->review_rows->len == 0 && self->app_rows->len == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);

  op_overview_page_watch_reviews (self);

  self->has_content = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* --- Loading ---------------------------------------------------------- */

static void
op_overview_page_set_load (OpOverviewPage *self,
                           Load           *load)
{
  gboolean was_loading = self->load != NULL;
  gboolean refreshing;

  if (self->load != NULL)
    {
      g_cancellable_cancel (self->load->cancellable);
      load_unref (self->load);
    }
  self->load = load != NULL ? load_ref (load) : NULL;

  refreshing = self->load != NULL && self->has_content;
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_spinner), refreshing);
  gtk_spinner_set_spinning (self->refresh_spinner, refreshing);

  if (was_loading != (self->load != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
load_fail (Load         *load,
           const GError *error)
{
  if (load->error != NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  load->error = g_error_copy (error);
  /* The others are of no use now. */
  g_cancellable_cancel (load->cancellable);
}

static void
load_step_done (Load *load)
{
  OpOverviewPage *self = load->self;

  g_assert (load->pending > 0);
  if (--load->pending > 0)
    return;

  /* A newer refresh took over, or the page went away. */
  if (self->load != load)
    return;

  if (load->error != NULL)
    {
      g_debug ("Could not load the overview: %s", load->error->message);
      op_connection_report_error (self->connection, load->error);
      adw_status_page_set_description (self->error_page, load->error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      self->has_content = FALSE;
    }
  else
    op_overview_page_show (self, load);

  op_overview_page_set_load (self, NULL);
}

typedef struct
{
  Load  *load;
  guint  index;
} AppSlot;

static void
app_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AppSlot *slot = user_data;
  g_autoptr(Load) load = slot->load;
  g_autoptr(GError) error = NULL;
  OpApp *app;

  app = op_platform_client_get_app_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (app != NULL)
    g_ptr_array_index (load->apps, slot->index) = app;
  else if (!g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NOT_FOUND))
    load_fail (load, error);

  g_free (slot);
  load_step_done (load);
}

static void
apps_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GListModel) apps = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  apps = op_platform_client_list_apps_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (apps == NULL)
    {
      load_fail (load, error);
      load_step_done (load);
      return;
    }

  /* The list lacks the launch, listing and quota increase states: ask
   * for each app's details, into its slot so that the order stays. */
  n = g_list_model_get_n_items (apps);
  g_ptr_array_set_size (load->apps, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (apps, i);
      AppSlot *slot = g_new0 (AppSlot, 1);

      slot->load = load_ref (load);
      slot->index = i;
      load->pending++;
      op_platform_client_get_app_async (OP_PLATFORM_CLIENT (object), op_app_get_app_key (app),
                                        load->cancellable, app_loaded_cb, slot);
    }

  load_step_done (load);
}

static void
qualifications_listed_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GError) error = NULL;

  load->qualifications = op_platform_client_list_qualifications_finish (OP_PLATFORM_CLIENT (object),
                                                                        result, &error);
  if (load->qualifications == NULL)
    load_fail (load, error);

  load_step_done (load);
}

static void
account_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(GError) error = NULL;

  load->account = op_platform_client_get_account_finish (OP_PLATFORM_CLIENT (object), result,
                                                         &error);
  if (load->account == NULL)
    load_fail (load, error);

  load_step_done (load);
}

/**
 * op_overview_page_refresh:
 *
 * Loads everything again from the platform (the page does it by itself
 * when shown and when the account changes).
 */
void
op_overview_page_refresh (OpOverviewPage *self)
{
  OpPlatformClient *client;
  g_autoptr(Load) load = NULL;

  g_return_if_fail (OP_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->connection == NULL ||
      op_connection_get_account (self->connection) == NULL ||
      (client = op_connection_get_client (self->connection)) == NULL)
    {
      op_overview_page_set_load (self, NULL);
      return;
    }

  load = g_rc_box_new0 (Load);
  load->self = g_object_ref (self);
  load->cancellable = g_cancellable_new ();
  load->apps = g_ptr_array_new_with_free_func (unref_app);
  load->pending = 3;
  op_overview_page_set_load (self, load);

  if (!self->has_content)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  op_platform_client_get_account_async (client, load->cancellable,
                                        account_loaded_cb, load_ref (load));
  op_platform_client_list_apps_async (client, load->cancellable, apps_listed_cb, load_ref (load));
  op_platform_client_list_qualifications_async (client, load->cancellable,
                                                qualifications_listed_cb, load_ref (load));
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  OpOverviewPage *self = user_data;

  self->refresh_source = 0;
  op_overview_page_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
account_changed_cb (OpOverviewPage *self)
{
  if (op_connection_get_account (self->connection) == NULL)
    {
      /* Signed out: nothing of the last member may stay on screen. */
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      op_overview_page_set_load (self, NULL);
      self->has_content = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  /* Several changes in a row make one refresh. */
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_timeout_cb, self);
}

static void
connection_changed_cb (OpOverviewPage *self)
{
  OpConnection *connection = op_area_page_get_connection (OP_AREA_PAGE (self));

  if (self->connection == connection)
    return;

  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_set_object (&self->connection, connection);

  if (connection != NULL)
    {
      g_signal_connect_object (connection, "notify::account",
                               G_CALLBACK (account_changed_cb), self,
                               G_CONNECT_SWAPPED);
      account_changed_cb (self);
    }
}

/* --- The next action -------------------------------------------------- */

static void
flow_ready_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OpOverviewPage) self = user_data;
  g_autoptr(OpOnboardingFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = op_onboarding_flow_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->flow_cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), TRUE);

  if (flow == NULL)
    {
      op_area_page_add_toast (OP_AREA_PAGE (self), error->message);
      return;
    }

  op_area_page_run_flow (OP_AREA_PAGE (self), OP_FLOW (flow));
}

static void
next_clicked_cb (OpOverviewPage *self)
{
  switch (self->path.current)
    {
    case OP_PATH_STEP_JOIN:
      if (self->flow_cancellable != NULL || self->connection == NULL ||
          op_connection_get_account (self->connection) == NULL)
        return;

      self->flow_cancellable = g_cancellable_new ();
      gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), FALSE);
      op_onboarding_flow_new_async (self->connection, self->flow_cancellable,
                                    flow_ready_cb, g_object_ref (self));
      break;

    case OP_PATH_STEP_QUALIFY:
    case OP_PATH_STEP_ORDER:
      op_area_page_show_area (OP_AREA_PAGE (self), "solutions");
      break;

    case OP_PATH_STEP_DEVELOP:
    case OP_PATH_STEP_LAUNCH:
    case OP_PATH_STEP_DONE:
    default:
      op_area_page_show_area (OP_AREA_PAGE (self), "apps");
      break;
    }
}

static void
retry_clicked_cb (OpOverviewPage *self)
{
  op_overview_page_refresh (self);
}

/* --- Class ------------------------------------------------------------ */

static void
op_overview_page_shown (OpAreaPage *page)
{
  op_overview_page_refresh (OP_OVERVIEW_PAGE (page));
}

/* Hidden, the page looks again when shown. */
static void
op_overview_page_reviews_changed (OpAreaPage *page)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    op_overview_page_refresh (OP_OVERVIEW_PAGE (page));
}

static void
op_overview_page_dispose (GObject *object)
{
  OpOverviewPage *self = (OpOverviewPage *)object;

  op_overview_page_set_load (self, NULL);
  g_cancellable_cancel (self->flow_cancellable);
  g_clear_object (&self->flow_cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_clear_object (&self->connection);

  /* The bin's child is a template child: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), OP_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (op_overview_page_parent_class)->dispose (object);
}

static void
op_overview_page_finalize (GObject *object)
{
  OpOverviewPage *self = (OpOverviewPage *)object;

  g_clear_pointer (&self->review_rows, g_ptr_array_unref);
  g_clear_pointer (&self->app_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (op_overview_page_parent_class)->finalize (object);
}

static void
op_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OpOverviewPage *self = OP_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, op_overview_page_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_overview_page_class_init (OpOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OpAreaPageClass *page_class = OP_AREA_PAGE_CLASS (klass);

  object_class->dispose = op_overview_page_dispose;
  object_class->finalize = op_overview_page_finalize;
  object_class->get_property = op_overview_page_get_property;

  page_class->shown = op_overview_page_shown;
  page_class->reviews_changed = op_overview_page_reviews_changed;

  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OP_TYPE_OVERVIEW_MILESTONE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/op-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, greeting_label);
  gtk_widget_class_bind_template_child_full (widget_class, "join_milestone", FALSE,
                                             G_STRUCT_OFFSET (OpOverviewPage, milestones[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "qualify_milestone", FALSE,
                                             G_STRUCT_OFFSET (OpOverviewPage, milestones[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "order_milestone", FALSE,
                                             G_STRUCT_OFFSET (OpOverviewPage, milestones[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "develop_milestone", FALSE,
                                             G_STRUCT_OFFSET (OpOverviewPage, milestones[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "launch_milestone", FALSE,
                                             G_STRUCT_OFFSET (OpOverviewPage, milestones[4]));
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, next_title_label);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, next_description_label);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, apps_group);
  gtk_widget_class_bind_template_child (widget_class, OpOverviewPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
op_overview_page_init (OpOverviewPage *self)
{
  self->review_rows = g_ptr_array_new ();
  self->app_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::connection", G_CALLBACK (connection_changed_cb), NULL);
}

gboolean
op_overview_page_get_loading (OpOverviewPage *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_PAGE (self), FALSE);

  return self->load != NULL;
}

/**
 * op_overview_page_get_step:
 *
 * Returns: the step the member is on, as last loaded
 */
OpPathStep
op_overview_page_get_step (OpOverviewPage *self)
{
  g_return_val_if_fail (OP_IS_OVERVIEW_PAGE (self), OP_PATH_STEP_JOIN);

  return self->path.current;
}
