/* op-embedded-platform.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-embedded-platform"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "op-embedded-platform.h"
#include "op-service-paths.h"

#include <errno.h>

/**
 * OpEmbeddedPlatform:
 *
 * The built-in sandbox: the platform service of `src/service/` running inside the
 * application, on a worker thread with its own #GMainContext, listening on 127.0.0.1 on a
 * free port, with its database in the user's data directory
 * (op_service_default_db_path()).
 *
 * op_embedded_platform_start_async() returns at once; opening (and on first use creating
 * and seeding) the database happens on the worker, so the first window is not delayed.
 * Start it when the application starts, and wait for it where the first request needs
 * the base URL. Several starts share one service.
 *
 * op_embedded_platform_stop() stops the service in its own thread, releases it there
 * (which closes the database: SQLite checkpoints the WAL on the last close) and joins
 * the thread. Finalizing the object stops it too.
 */

typedef enum
{
  STATE_IDLE,
  STATE_STARTING,
  STATE_RUNNING,
} State;

/* What the worker thread and the owner share. The worker writes service, base_url and
 * error before it reports in the owner's context; the owner reads them only then. */
typedef struct
{
  gatomicrefcount   ref_count;
  char             *db_path;
  OpServiceOptions  options;
  GMainContext     *context;
  gint              quit;
  GMainContext     *owner_context;
  GWeakRef          owner;

  OpService        *service;
  char             *base_url;
  GError           *error;
} Worker;

struct _OpEmbeddedPlatform
{
  GObject           parent_instance;

  char             *db_path;
  OpServiceOptions  options;

  State             state;
  Worker           *worker;
  GThread          *thread;
  char             *base_url;
  GPtrArray        *pending;
};

G_DEFINE_FINAL_TYPE (OpEmbeddedPlatform, op_embedded_platform, G_TYPE_OBJECT)

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);

  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;

  g_assert (worker->service == NULL);

  g_free (worker->db_path);
  g_main_context_unref (worker->context);
  g_main_context_unref (worker->owner_context);
  g_weak_ref_clear (&worker->owner);
  g_free (worker->base_url);
  g_clear_error (&worker->error);
  g_free (worker);
}

static void
return_pending (OpEmbeddedPlatform *self,
                const GError       *error)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < pending->len; i++)
    {
      GTask *task = g_ptr_array_index (pending, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_strdup (self->base_url), g_free);
    }
}

static void
join_worker (OpEmbeddedPlatform *self)
{
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->worker, worker_unref);
}

/* In the owner's context: the worker is listening, or gave up. */
static gboolean
started_cb (gpointer user_data)
{
  Worker *worker = user_data;
  g_autoptr(OpEmbeddedPlatform) self = g_weak_ref_get (&worker->owner);

  /* Stopped (or finalized) meanwhile: stop() has answered the waiting tasks already. */
  if (self == NULL || self->worker != worker)
    return G_SOURCE_REMOVE;

  if (worker->error != NULL)
    {
      g_autoptr(GError) error = g_steal_pointer (&worker->error);

      g_warning ("The built-in sandbox did not start: %s", error->message);
      join_worker (self);
      self->state = STATE_IDLE;
      return_pending (self, error);
      return G_SOURCE_REMOVE;
    }

  self->base_url = g_strdup (worker->base_url);
  self->state = STATE_RUNNING;
  g_debug ("The built-in sandbox listens at %s", self->base_url);
  return_pending (self, NULL);

  return G_SOURCE_REMOVE;
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;
  g_autofree char *directory = NULL;
  GError *error = NULL;

  g_main_context_push_thread_default (worker->context);

  directory = g_path_get_dirname (worker->db_path);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           /* Translators: the first %s is a folder, the second a system
                            * error message */
                           _("The folder of the sandbox database, %s, cannot be created: %s"),
                           directory, g_strerror (saved_errno));
    }

  if (error == NULL)
    worker->service = op_service_new (worker->db_path, &worker->options, &error);

  if (worker->service != NULL &&
      !op_service_listen (worker->service, "127.0.0.1", 0, &error))
    {
      op_service_stop (worker->service);
      g_clear_object (&worker->service);
    }

  if (worker->service != NULL)
    worker->base_url = g_strdup (op_service_get_base_url (worker->service));
  else
    worker->error = error;

  g_main_context_invoke_full (worker->owner_context, G_PRIORITY_DEFAULT, started_cb,
                              worker_ref (worker), (GDestroyNotify) worker_unref);

  if (worker->service != NULL)
    {
      while (!g_atomic_int_get (&worker->quit))
        g_main_context_iteration (worker->context, TRUE);

      /* Stopped: close the service here, in its own context, so that the store (and with
       * it the database) is closed on this thread; then let whatever the service left in
       * the context run down. */
      op_service_stop (worker->service);
      g_clear_object (&worker->service);
      while (g_main_context_iteration (worker->context, FALSE))
        ;
    }

  g_main_context_pop_thread_default (worker->context);
  worker_unref (worker);

  return NULL;
}

static void
op_embedded_platform_dispose (GObject *object)
{
  OpEmbeddedPlatform *self = (OpEmbeddedPlatform *)object;

  op_embedded_platform_stop (self);

  G_OBJECT_CLASS (op_embedded_platform_parent_class)->dispose (object);
}

static void
op_embedded_platform_finalize (GObject *object)
{
  OpEmbeddedPlatform *self = (OpEmbeddedPlatform *)object;

  g_free (self->db_path);
  g_free (self->base_url);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (op_embedded_platform_parent_class)->finalize (object);
}

static void
op_embedded_platform_class_init (OpEmbeddedPlatformClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_embedded_platform_dispose;
  object_class->finalize = op_embedded_platform_finalize;
}

static void
op_embedded_platform_init (OpEmbeddedPlatform *self)
{
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  op_service_options_init (&self->options);
}

/**
 * op_embedded_platform_new:
 * @db_path: (nullable): the database; %NULL for op_service_default_db_path()
 *
 * Returns: (transfer full): a built-in sandbox, not started
 */
OpEmbeddedPlatform *
op_embedded_platform_new (const char *db_path)
{
  return op_embedded_platform_new_full (db_path, NULL);
}

/**
 * op_embedded_platform_new_full:
 * @db_path: (nullable): the database; %NULL for op_service_default_db_path()
 * @options: (nullable): the service's options; %NULL for the defaults
 *
 * Returns: (transfer full): a built-in sandbox, not started
 */
OpEmbeddedPlatform *
op_embedded_platform_new_full (const char             *db_path,
                               const OpServiceOptions *options)
{
  OpEmbeddedPlatform *self;

  self = g_object_new (OP_TYPE_EMBEDDED_PLATFORM, NULL);
  self->db_path = db_path != NULL ? g_strdup (db_path) : op_service_default_db_path ();
  if (options != NULL)
    self->options = *options;

  return self;
}

const char *
op_embedded_platform_get_db_path (OpEmbeddedPlatform *self)
{
  g_return_val_if_fail (OP_IS_EMBEDDED_PLATFORM (self), NULL);

  return self->db_path;
}

/**
 * op_embedded_platform_get_base_url:
 *
 * Returns: (nullable): the service's base URL, e.g. `http://127.0.0.1:41234`, while it runs
 */
const char *
op_embedded_platform_get_base_url (OpEmbeddedPlatform *self)
{
  g_return_val_if_fail (OP_IS_EMBEDDED_PLATFORM (self), NULL);

  return self->state == STATE_RUNNING ? self->base_url : NULL;
}

gboolean
op_embedded_platform_is_running (OpEmbeddedPlatform *self)
{
  g_return_val_if_fail (OP_IS_EMBEDDED_PLATFORM (self), FALSE);

  return self->state == STATE_RUNNING;
}

/**
 * op_embedded_platform_start_async:
 * @self: a #OpEmbeddedPlatform
 * @cancellable: (nullable): stops waiting (the service keeps starting)
 * @callback: called with the base URL once the service listens
 * @user_data: data for @callback
 *
 * Starts the service on its worker thread, or joins a start under way, or answers at once
 * when it runs. Call it from the thread whose main context should hear the answer.
 */
void
op_embedded_platform_start_async (OpEmbeddedPlatform  *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Worker *worker;

  g_return_if_fail (OP_IS_EMBEDDED_PLATFORM (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_embedded_platform_start_async);

  if (self->state == STATE_RUNNING)
    {
      g_task_return_pointer (task, g_strdup (self->base_url), g_free);
      return;
    }

  g_ptr_array_add (self->pending, g_steal_pointer (&task));

  if (self->state == STATE_STARTING)
    return;

  worker = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&worker->ref_count);
  worker->db_path = g_strdup (self->db_path);
  worker->options = self->options;
  worker->context = g_main_context_new ();
  worker->owner_context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&worker->owner, self);

  self->worker = worker;
  self->state = STATE_STARTING;
  self->thread = g_thread_try_new ("op-sandbox", worker_main, worker_ref (worker), &error);
  if (self->thread == NULL)
    {
      worker_unref (worker);
      g_clear_pointer (&self->worker, worker_unref);
      self->state = STATE_IDLE;
      g_prefix_error (&error, "%s", _("The built-in sandbox cannot be started: "));
      return_pending (self, error);
    }
}

/**
 * op_embedded_platform_start_finish:
 * @self: a #OpEmbeddedPlatform
 * @result: the result given to the callback
 * @error: why the service did not start (its database cannot be opened, …), or
 *   %G_IO_ERROR_CANCELLED when it was stopped first
 *
 * Returns: (transfer full): the base URL, e.g. `http://127.0.0.1:41234`
 */
char *
op_embedded_platform_start_finish (OpEmbeddedPlatform  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (OP_IS_EMBEDDED_PLATFORM (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_embedded_platform_stop:
 * @self: a #OpEmbeddedPlatform
 *
 * Stops the service cleanly and waits for its thread: connections closed, the reviewer
 * stopped, pending writes committed, the database closed. A start still under way is
 * finished first (its callers get %G_IO_ERROR_CANCELLED). Safe to call when not running.
 */
void
op_embedded_platform_stop (OpEmbeddedPlatform *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (OP_IS_EMBEDDED_PLATFORM (self));

  if (self->worker == NULL)
    return;

  /* The worker checks the flag after each iteration of its context: once the service is
   * up (a start under way finishes first), or never when it gave up and ends by itself. */
  g_atomic_int_set (&self->worker->quit, TRUE);
  g_main_context_wakeup (self->worker->context);
  join_worker (self);

  g_debug ("The built-in sandbox stopped");

  self->state = STATE_IDLE;
  g_clear_pointer (&self->base_url, g_free);

  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The built-in sandbox was stopped."));
  return_pending (self, error);
}
