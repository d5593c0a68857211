/* op-review-watcher.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-review-watcher"

#include "config.h"

#include <glib/gi18n.h>

#include "op-apps-format.h"
#include "op-review-watcher.h"

/* Brings the platform's review decisions to the user without a search:
 * while the account has a launch (上线), a listing (上架), a quota increase
 * (调高调用量) or a qualification (资质申请) under review, it looks at the
 * platform every few seconds, and when one is decided it emits "decided"
 * with a title and a sentence for a toast or a desktop notification. When
 * nothing is pending it still looks now and then, so that an application
 * made elsewhere (another window, the command line) is picked up.
 *
 * The first look after signing in only learns the states: decisions made
 * while the app was closed are shown where they are, not announced.
 *
 * Pages that show review states follow its "changed" signal rather than
 * looking at the platform themselves.
 */

typedef struct
{
  char          *name;
  OpAppType      app_type;
  OpAppState     state;
  OpReviewState  launch;
  OpReviewState  listing;
  OpReviewState  quota;
  gboolean       has_details;
} AppSnapshot;

struct _OpReviewWatcher
{
  GObject       parent_instance;

  OpConnection *connection;
  char         *login;
  GHashTable   *apps;            /* app key → AppSnapshot */
  GHashTable   *qualifications;  /* id (gint64) → OpReviewState */
  GCancellable *cancellable;
  guint         source;
  guint         interval;
  guint         outstanding;
  guint         polling : 1;
  guint         baseline : 1;
  guint         again : 1;
  guint         pending : 1;
  guint         changed : 1;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_PENDING,
  PROP_INTERVAL,
  N_PROPS
};

enum {
  DECIDED,
  APP_CHANGED,
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OpReviewWatcher, op_review_watcher, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void op_review_watcher_poll (OpReviewWatcher *self);

static void
app_snapshot_free (AppSnapshot *snapshot)
{
  g_free (snapshot->name);
  g_free (snapshot);
}

static gboolean
app_snapshot_pending (const AppSnapshot *snapshot)
{
  return snapshot->state == OP_APP_STATE_LAUNCH_REVIEW ||
         snapshot->launch == OP_REVIEW_STATE_PENDING ||
         snapshot->listing == OP_REVIEW_STATE_PENDING ||
         snapshot->quota == OP_REVIEW_STATE_PENDING;
}

static gboolean
decided (OpReviewState before,
         OpReviewState now)
{
  return before == OP_REVIEW_STATE_PENDING &&
         (now == OP_REVIEW_STATE_APPROVED || now == OP_REVIEW_STATE_REJECTED);
}

static const char *
reason_or_default (const char *reason)
{
  return reason != NULL && *reason != '\0' ? reason : _("The platform gave no reason.");
}

static void
op_review_watcher_emit_decided (OpReviewWatcher *self,
                                const char      *title,
                                const char      *body)
{
  g_debug ("Review decided: %s", title);
  g_signal_emit (self, signals [DECIDED], 0, title, body);
}

/* Tells what was decided between @before and @app. */
static void
op_review_watcher_announce (OpReviewWatcher   *self,
                            const AppSnapshot *before,
                            OpApp             *app)
{
  const char *name = op_app_get_name (app);

  if (decided (before->launch, op_app_get_launch_state (app)))
    {
      g_autofree char *body = NULL;

      if (op_app_get_launch_state (app) == OP_REVIEW_STATE_APPROVED)
        {
          g_autofree char *limit = op_apps_format_count (op_app_get_daily_limit (app));

          /* Translators: %s is an app's name, then a number of calls ("100,000") */
          body = g_strdup_printf (_("“%s” passed the launch review and is launched: it may now make "
                                    "%s calls a day."),
                                  name, limit);
          op_review_watcher_emit_decided (self, _("App Launched"), body);
        }
      else
        {
          /* Translators: %s is an app's name, then the reviewer's reason */
          body = g_strdup_printf (_("The launch request of “%s” was rejected: %s"),
                                  name, reason_or_default (op_app_get_launch_reason (app)));
          op_review_watcher_emit_decided (self, _("Launch Not Approved"), body);
        }
    }

  if (decided (before->listing, op_app_get_listing_state (app)))
    {
      g_autofree char *body = NULL;

      if (op_app_get_listing_state (app) == OP_REVIEW_STATE_APPROVED)
        {
          /* Translators: %s is an app's name; 1688服务市场 is the service market */
          body = g_strdup_printf (_("“%s” passed the listing review. Continue the listing on the "
                                    "1688 service market."),
                                  name);
          op_review_watcher_emit_decided (self, _("Listing Approved"), body);
        }
      else
        {
          /* Translators: %s is an app's name, then the reviewer's reason */
          body = g_strdup_printf (_("The listing of “%s” was rejected: %s"),
                                  name, reason_or_default (op_app_get_listing_reason (app)));
          op_review_watcher_emit_decided (self, _("Listing Not Approved"), body);
        }
    }

  if (decided (before->quota, op_app_get_quota_increase_state (app)))
    {
      g_autofree char *body = NULL;

      if (op_app_get_quota_increase_state (app) == OP_REVIEW_STATE_APPROVED)
        {
          g_autofree char *limit = op_apps_format_count (op_app_get_daily_limit (app));

          /* Translators: %s is an app's name, then a number of calls ("500,000") */
          body = g_strdup_printf (_("The call quota of “%s” is now %s calls a day."), name, limit);
          op_review_watcher_emit_decided (self, _("Call Quota Raised"), body);
        }
      else
        {
          /* Translators: %s is an app's name, then the reviewer's reason */
          body = g_strdup_printf (_("The request to raise the call quota of “%s” was rejected: %s"),
                                  name, reason_or_default (op_app_get_quota_increase_reason (app)));
          op_review_watcher_emit_decided (self, _("Call Quota Not Raised"), body);
        }
    }
}

static void
op_review_watcher_set_pending (OpReviewWatcher *self,
                               gboolean         pending)
{
  pending = !!pending;
  if (self->pending != pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PENDING]);
    }
}

static gboolean
op_review_watcher_compute_pending (OpReviewWatcher *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->apps);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (app_snapshot_pending (value))
      return TRUE;

  g_hash_table_iter_init (&iter, self->qualifications);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (GPOINTER_TO_INT (value) == OP_REVIEW_STATE_PENDING)
      return TRUE;

  return FALSE;
}

static gboolean
poll_timeout_cb (gpointer user_data)
{
  OpReviewWatcher *self = user_data;

  self->source = 0;
  op_review_watcher_poll (self);

  return G_SOURCE_REMOVE;
}

static void
op_review_watcher_schedule (OpReviewWatcher *self)
{
  g_clear_handle_id (&self->source, g_source_remove);

  if (self->login == NULL)
    return;

  self->source = g_timeout_add (self->pending ? self->interval : OP_REVIEW_WATCHER_IDLE_INTERVAL_MS,
                                poll_timeout_cb, self);
}

static void
op_review_watcher_poll_done (OpReviewWatcher *self)
{
  self->polling = FALSE;
  self->baseline = FALSE;
  op_review_watcher_set_pending (self, op_review_watcher_compute_pending (self));

  if (self->changed)
    {
      self->changed = FALSE;
      g_signal_emit (self, signals [CHANGED], 0);
    }

  if (self->again)
    {
      self->again = FALSE;
      op_review_watcher_poll (self);
      return;
    }

  op_review_watcher_schedule (self);
}

/* Reports what the user should see (the platform unreachable) and keeps the
 * rest in the log: a failed look is tried again at the next one. */
static gboolean
op_review_watcher_handle_error (OpReviewWatcher *self,
                                const GError    *error)
{
  if (error == NULL)
    return FALSE;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Could not look at the reviews: %s", error->message);
      op_connection_report_error (self->connection, error);
    }

  return TRUE;
}

static void
qualifications_listed_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(OpReviewWatcher) self = user_data;
  g_autoptr(GListModel) qualifications = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) states = NULL;

  qualifications = op_platform_client_list_qualifications_finish (OP_PLATFORM_CLIENT (object),
                                                                  result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (op_review_watcher_handle_error (self, error))
    {
      op_review_watcher_poll_done (self);
      return;
    }

  states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (qualifications); i++)
    {
      g_autoptr(OpQualification) qualification = g_list_model_get_item (qualifications, i);
      gint64 id = op_qualification_get_id (qualification);
      OpReviewState state = op_qualification_get_state (qualification);
      gpointer before = NULL;
      gboolean known = g_hash_table_lookup_extended (self->qualifications, &id, NULL, &before);

      if (!self->baseline && (!known || GPOINTER_TO_INT (before) != (int) state))
        self->changed = TRUE;

      if (!self->baseline && known && decided (GPOINTER_TO_INT (before), state))
        {
          const char *role = op_qualification_get_role_name (qualification);
          g_autofree char *body = NULL;

          if (state == OP_REVIEW_STATE_APPROVED)
            {
              /* Translators: %s is a role, such as 诚信通商家 */
              body = g_strdup_printf (_("Your qualification application for the role “%s” was "
                                        "approved."),
                                      role);
              op_review_watcher_emit_decided (self, _("Qualification Approved"), body);
            }
          else
            {
              /* Translators: %s is a role, then the reviewer's reason */
              body = g_strdup_printf (_("Your qualification application for the role “%s” was "
                                        "rejected: %s"),
                                      role, reason_or_default (op_qualification_get_reason (qualification)));
              op_review_watcher_emit_decided (self, _("Qualification Rejected"), body);
            }
        }

      g_hash_table_insert (states, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (state));
    }

  g_clear_pointer (&self->qualifications, g_hash_table_unref);
  self->qualifications = g_steal_pointer (&states);

  op_review_watcher_poll_done (self);
}

static void
op_review_watcher_poll_qualifications (OpReviewWatcher *self)
{
  OpPlatformClient *client = op_connection_get_client (self->connection);

  if (client == NULL)
    {
      op_review_watcher_poll_done (self);
      return;
    }

  op_platform_client_list_qualifications_async (client, self->cancellable,
                                                qualifications_listed_cb, g_object_ref (self));
}

/* Keeps what @app says now, telling what was decided since the last look. */
static void
op_review_watcher_update_app (OpReviewWatcher *self,
                              OpApp           *app,
                              gboolean         announce)
{
  AppSnapshot *before = g_hash_table_lookup (self->apps, op_app_get_app_key (app));
  AppSnapshot *now = g_new0 (AppSnapshot, 1);
  gboolean changed;

  now->name = g_strdup (op_app_get_name (app));
  now->app_type = op_app_get_app_type (app);
  now->state = op_app_get_state (app);
  now->has_details = op_app_get_has_details (app);

  if (now->has_details)
    {
      now->launch = op_app_get_launch_state (app);
      now->listing = op_app_get_listing_state (app);
      now->quota = op_app_get_quota_increase_state (app);
    }
  else if (before != NULL)
    {
      now->launch = before->launch;
      now->listing = before->listing;
      now->quota = before->quota;
    }

  changed = before != NULL &&
            (before->state != now->state ||
             before->launch != now->launch ||
             before->listing != now->listing ||
             before->quota != now->quota);
  if (announce && (before == NULL || changed))
    self->changed = TRUE;

  if (announce && before != NULL && now->has_details)
    op_review_watcher_announce (self, before, app);

  g_hash_table_insert (self->apps, g_strdup (op_app_get_app_key (app)), now);

  if (changed && announce)
    g_signal_emit (self, signals [APP_CHANGED], 0, app);
}

static void
app_details_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpReviewWatcher) self = user_data;
  g_autoptr(OpApp) app = NULL;
  g_autoptr(GError) error = NULL;

  app = op_platform_client_get_app_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!op_review_watcher_handle_error (self, error))
    op_review_watcher_update_app (self, app, !self->baseline);

  g_assert (self->outstanding > 0);
  if (--self->outstanding == 0)
    op_review_watcher_poll_qualifications (self);
}

/* An app whose reviews can change: the list does not say how they stand. */
static gboolean
needs_details (OpApp             *app,
               const AppSnapshot *before)
{
  return op_app_get_state (app) != OP_APP_STATE_DEVELOPING ||
         op_app_get_app_type (app) == OP_APP_TYPE_ISV ||
         (before != NULL && app_snapshot_pending (before));
}

static void
apps_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpReviewWatcher) self = user_data;
  g_autoptr(GListModel) apps = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) details = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GHashTableIter iter;
  gpointer key;

  apps = op_platform_client_list_apps_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (op_review_watcher_handle_error (self, error))
    {
      op_review_watcher_poll_qualifications (self);
      return;
    }

  details = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (apps, i);
      const char *app_key = op_app_get_app_key (app);

      g_hash_table_add (seen, g_strdup (app_key));

      if (needs_details (app, g_hash_table_lookup (self->apps, app_key)))
        g_ptr_array_add (details, g_strdup (app_key));
      else
        op_review_watcher_update_app (self, app, !self->baseline);
    }

  /* Forget apps that are gone. */
  g_hash_table_iter_init (&iter, self->apps);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_hash_table_iter_remove (&iter);

  if (details->len == 0)
    {
      op_review_watcher_poll_qualifications (self);
      return;
    }

  self->outstanding = details->len;
  for (guint i = 0; i < details->len; i++)
    op_platform_client_get_app_async (OP_PLATFORM_CLIENT (object), g_ptr_array_index (details, i),
                                      self->cancellable, app_details_cb, g_object_ref (self));
}

static void
op_review_watcher_poll (OpReviewWatcher *self)
{
  OpPlatformClient *client = op_connection_get_client (self->connection);
  OpAccount *account = op_connection_get_account (self->connection);

  if (client == NULL || account == NULL || self->login == NULL)
    return;

  if (self->polling)
    {
      self->again = TRUE;
      return;
    }

  g_clear_handle_id (&self->source, g_source_remove);
  self->polling = TRUE;

  /* Only developers have apps; anyone may have applied for a role. */
  if (op_account_get_is_developer (account))
    op_platform_client_list_apps_async (client, self->cancellable, apps_listed_cb, g_object_ref (self));
  else
    op_review_watcher_poll_qualifications (self);
}

/* Forgets everything: another account, or none. */
static void
op_review_watcher_reset (OpReviewWatcher *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->source, g_source_remove);
  g_clear_pointer (&self->login, g_free);
  g_hash_table_remove_all (self->apps);
  g_hash_table_remove_all (self->qualifications);
  self->outstanding = 0;
  self->polling = FALSE;
  self->again = FALSE;
  self->changed = FALSE;
  self->baseline = TRUE;
  op_review_watcher_set_pending (self, FALSE);
}

static void
account_changed_cb (OpReviewWatcher *self)
{
  OpAccount *account = op_connection_get_account (self->connection);
  const char *login = account != NULL ? op_account_get_login (account) : NULL;

  if (g_strcmp0 (login, self->login) != 0)
    {
      op_review_watcher_reset (self);
      if (login == NULL)
        return;

      self->login = g_strdup (login);
      self->cancellable = g_cancellable_new ();
    }

  /* Signed in, or the account changed (onboarding): look now. */
  op_review_watcher_poll (self);
}

static void
op_review_watcher_constructed (GObject *object)
{
  OpReviewWatcher *self = (OpReviewWatcher *)object;

  G_OBJECT_CLASS (op_review_watcher_parent_class)->constructed (object);

  g_signal_connect_object (self->connection, "notify::account",
                           G_CALLBACK (account_changed_cb), self,
                           G_CONNECT_SWAPPED);
  account_changed_cb (self);
}

static void
op_review_watcher_dispose (GObject *object)
{
  OpReviewWatcher *self = (OpReviewWatcher *)object;

  op_review_watcher_reset (self);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (op_review_watcher_parent_class)->dispose (object);
}

static void
op_review_watcher_finalize (GObject *object)
{
  OpReviewWatcher *self = (OpReviewWatcher *)object;

  g_clear_pointer (&self->apps, g_hash_table_unref);
  g_clear_pointer (&self->qualifications, g_hash_table_unref);

  G_OBJECT_CLASS (op_review_watcher_parent_class)->finalize (object);
}

static void
op_review_watcher_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OpReviewWatcher *self = OP_REVIEW_WATCHER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_review_watcher_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OpReviewWatcher *self = OP_REVIEW_WATCHER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;

    case PROP_INTERVAL:
      op_review_watcher_set_interval (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_review_watcher_class_init (OpReviewWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = op_review_watcher_constructed;
  object_class->dispose = op_review_watcher_dispose;
  object_class->finalize = op_review_watcher_finalize;
  object_class->get_property = op_review_watcher_get_property;
  object_class->set_property = op_review_watcher_set_property;

  properties [PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         OP_TYPE_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL,
                       100, G_MAXUINT, OP_REVIEW_WATCHER_PENDING_INTERVAL_MS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpReviewWatcher::decided:
   * @title: a short title, such as "App Launched"
   * @body: a whole sentence saying what was decided, with the reason of a rejection
   *
   * A review the user was waiting for was decided.
   */
  signals [DECIDED] =
    g_signal_new ("decided",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * OpReviewWatcher::app-changed:
   * @app: the app as the platform describes it now (with its details)
   *
   * An app's state or one of its reviews changed.
   */
  signals [APP_CHANGED] =
    g_signal_new ("app-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, OP_TYPE_APP);

  /**
   * OpReviewWatcher::changed:
   *
   * Since the last look, an app or a qualification application appeared or
   * its state changed. Emitted once per look, after "decided" and
   * "app-changed".
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
op_review_watcher_init (OpReviewWatcher *self)
{
  self->apps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)app_snapshot_free);
  self->qualifications = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->interval = OP_REVIEW_WATCHER_PENDING_INTERVAL_MS;
  self->baseline = TRUE;
}

/**
 * op_review_watcher_new:
 *
 * Starts watching as soon as an account is signed in on @connection.
 */
OpReviewWatcher *
op_review_watcher_new (OpConnection *connection)
{
  g_return_val_if_fail (OP_IS_CONNECTION (connection), NULL);

  return g_object_new (OP_TYPE_REVIEW_WATCHER,
                       "connection", connection,
                       NULL);
}

/**
 * op_review_watcher_get_connection:
 *
 * Returns: (transfer none): the connection
 */
OpConnection *
op_review_watcher_get_connection (OpReviewWatcher *self)
{
  g_return_val_if_fail (OP_IS_REVIEW_WATCHER (self), NULL);

  return self->connection;
}

/**
 * op_review_watcher_get_pending:
 *
 * Returns: whether something of the account is under review
 */
gboolean
op_review_watcher_get_pending (OpReviewWatcher *self)
{
  g_return_val_if_fail (OP_IS_REVIEW_WATCHER (self), FALSE);

  return self->pending;
}

guint
op_review_watcher_get_interval (OpReviewWatcher *self)
{
  g_return_val_if_fail (OP_IS_REVIEW_WATCHER (self), 0);

  return self->interval;
}

/**
 * op_review_watcher_set_interval:
 * @milliseconds: how long to wait between looks while something is pending
 */
void
op_review_watcher_set_interval (OpReviewWatcher *self,
                                guint            milliseconds)
{
  g_return_if_fail (OP_IS_REVIEW_WATCHER (self));
  g_return_if_fail (milliseconds >= 100);

  if (self->interval == milliseconds)
    return;

  self->interval = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INTERVAL]);

  if (self->source != 0)
    op_review_watcher_schedule (self);
}

/**
 * op_review_watcher_refresh:
 *
 * Looks at the platform now (after an application was submitted here, or
 * when the user comes back to a page).
 */
void
op_review_watcher_refresh (OpReviewWatcher *self)
{
  g_return_if_fail (OP_IS_REVIEW_WATCHER (self));

  op_review_watcher_poll (self);
}

/**
 * op_review_watcher_track_app:
 * @app: an app with its details, as the platform just answered
 *
 * Takes the state of @app as known (for instance the answer to a launch
 * request, now under review), so that the decision is announced when it
 * comes. Nothing is announced for @app itself.
 */
void
op_review_watcher_track_app (OpReviewWatcher *self,
                             OpApp           *app)
{
  g_return_if_fail (OP_IS_REVIEW_WATCHER (self));
  g_return_if_fail (OP_IS_APP (app));

  if (self->login == NULL)
    return;

  op_review_watcher_update_app (self, app, FALSE);

  if (!self->pending && op_review_watcher_compute_pending (self))
    {
      op_review_watcher_set_pending (self, TRUE);
      if (!self->polling)
        op_review_watcher_schedule (self);
    }
}
