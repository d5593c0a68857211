/* op-order-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-order-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "op-order-app-page.h"
#include "op-order-confirm-page.h"
#include "op-order-flow.h"
#include "op-order-result-page.h"
#include "op-order-solution-page.h"
#include "op-validate.h"

/* 订购 a solution, creating an app for it or using one (domain.md §4).
 *
 * The platform creates the app and records the order in one request, and
 * sends the new AppSecret in that one answer only. So the commit is:
 *
 *   1. for a new app, make sure the keyring can be used, and refuse before
 *      anything is created when it cannot (the secret must go nowhere else);
 *   2. note in the draft that an order is being attempted, with the apps
 *      that existed before it;
 *   3. order; remember the AppKey and the order in the flow and its draft;
 *   4. save the AppSecret in the keyring.
 *
 * A retry (Try Again, Next after a cancelled request, or reopening after a
 * crash) never creates a second app: when an earlier attempt's outcome is
 * unknown (no answer, cancelled, cut off), the app list says whether it
 * happened: an app that was not there before and has this solution is the
 * one it created. Its AppSecret was never seen by anyone, so a new one is
 * issued for it (POST /apps/{key}/secret/reset) and saved. A failed keyring
 * save is retried alone: the secret stays in memory (never in the draft)
 * until it is saved.
 */

#define KEY_CHOICE          "app.choice"
#define KEY_EXISTING        "app.existing"
#define KEY_RESULT_APP_KEY  "result.app_key"
#define KEY_RESULT_APP_NAME "result.app_name"
#define KEY_RESULT_ORDER    "result.order_id"
#define KEY_ATTEMPT         "attempt.kind"
#define KEY_APPS_BEFORE     "attempt.apps_before"

struct _OpOrderFlow
{
  OpFlow        parent_instance;

  OpConnection *connection;
  OpSolution   *solution;
  GListModel   *apps;
  OpFormPage   *app_info_page;

  gboolean      resumed;
  gboolean      create_app;
  char         *existing_app_key;

  char         *result_app_key;
  char         *result_app_name;
  gint64        result_order_id;
  char         *result_secret;
  gboolean      secret_saved;
  char         *next_area;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_SOLUTION,
  N_PROPS
};

enum {
  APPLY_FOR_ROLE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OpOrderFlow, op_order_flow, OP_TYPE_FLOW)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static OpWizardPage *
prepare_solution_page (OpFlow *flow)
{
  return OP_WIZARD_PAGE (op_order_solution_page_new (OP_ORDER_FLOW (flow)));
}

static OpWizardPage *
prepare_app_page (OpFlow *flow)
{
  return OP_WIZARD_PAGE (op_order_app_page_new (OP_ORDER_FLOW (flow)));
}

static void
add_field (GListStore  *store,
           const char  *name,
           const char  *type,
           const char  *label,
           const char  *help,
           gboolean     required,
           guint        max_length,
           const char  *validation,
           const char **choices)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(OpFormField) field = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (object, "name", name);
  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "label", label);
  json_object_set_string_member (object, "help", help);
  json_object_set_boolean_member (object, "required", required);
  json_object_set_int_member (object, "max_length", max_length);
  json_object_set_string_member (object, "validation", validation);

  if (choices != NULL)
    {
      JsonArray *options = json_array_new ();

      for (guint i = 0; choices[i] != NULL; i += 2)
        {
          JsonObject *option = json_object_new ();

          json_object_set_string_member (option, "value", choices[i]);
          json_object_set_string_member (option, "label", choices[i + 1]);
          json_array_add_object_element (options, option);
        }
      json_object_set_array_member (object, "options", options);
    }

  field = op_form_field_new_from_json (object, &error);
  g_assert_no_error (error);
  g_list_store_append (store, field);
}

/* 应用信息: the same kind of form as a role's, defined here. The limits are
 * the platform's (POST /solutions/{id}/orders). */
static GListModel *
app_info_fields (OpOrderFlow *self)
{
  GListStore *store = g_list_store_new (OP_TYPE_FORM_FIELD);
  OpAccount *account = op_connection_get_account (self->connection);
  gboolean isv = account != NULL &&
                 op_account_get_developer_type (account) == OP_DEVELOPER_TYPE_ISV;
  const char *self_use_only[] = { "self_use", _("Self-use app"), NULL };
  const char *both[] = { "self_use", _("Self-use app"), "isv", _("App for sale (service provider)"), NULL };

  add_field (store, "name", "text", _("App name"),
             _("2 to 32 characters, for example “Order assistant”."),
             TRUE, OP_VALIDATE_APP_NAME_MAX, "app_name", NULL);
  add_field (store, "app_type", "choice", _("App type"),
             isv ? _("A self-use app works for your own company. An app for sale is listed on the 1688 service market for other merchants.")
                 : _("A self-use app works for your own company. Apps for sale need a service provider developer account."),
             TRUE, 20, "choice", isv ? both : self_use_only);
  add_field (store, "description", "multiline", _("Description"),
             _("What the app does, for your own reference."),
             FALSE, 500, "none", NULL);
  add_field (store, "callback_url", "url", _("OAuth callback URL"),
             _("The https:// address that receives authorization codes. You can leave it empty now; an app for sale needs it before it is listed."),
             FALSE, 300, "https_url", NULL);

  return G_LIST_MODEL (store);
}

static OpWizardPage *
prepare_app_info_page (OpFlow *flow)
{
  OpOrderFlow *self = OP_ORDER_FLOW (flow);
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GHashTable) defaults = NULL;
  OpFormPage *page;

  if (!self->create_app)
    return NULL;

  fields = app_info_fields (self);
  page = op_form_page_new (flow, _("App Information"),
                           _("The new app gets its own AppKey and AppSecret. It starts in development, with 5,000 API calls a day for testing."),
                           "app.", fields);

  /* A self-use app unless the user chose otherwise. */
  defaults = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (defaults, (gpointer)"app_type", (gpointer)"self_use");
  op_form_page_seed (page, defaults);

  g_set_weak_pointer (&self->app_info_page, page);

  return OP_WIZARD_PAGE (page);
}

static OpWizardPage *
prepare_confirm_page (OpFlow *flow)
{
  return OP_WIZARD_PAGE (op_order_confirm_page_new (OP_ORDER_FLOW (flow)));
}

static OpWizardPage *
prepare_result_page (OpFlow *flow)
{
  return OP_WIZARD_PAGE (op_order_result_page_new (OP_ORDER_FLOW (flow)));
}

static const OpFlowPageEntry order_pages[] = {
  { "solution", prepare_solution_page },
  { "app", prepare_app_page },
  { "app-info", prepare_app_info_page },
  { "confirm", prepare_confirm_page },
  { "result", prepare_result_page },
};

static void
op_order_flow_clear_secret (OpOrderFlow *self)
{
  if (self->result_secret != NULL)
    {
      op_secret_free (self->result_secret);
      self->result_secret = NULL;
    }
}

static void
op_order_flow_dispose (GObject *object)
{
  OpOrderFlow *self = (OpOrderFlow *)object;

  g_clear_weak_pointer (&self->app_info_page);
  g_clear_object (&self->apps);

  G_OBJECT_CLASS (op_order_flow_parent_class)->dispose (object);
}

static void
op_order_flow_finalize (GObject *object)
{
  OpOrderFlow *self = (OpOrderFlow *)object;

  op_order_flow_clear_secret (self);
  g_clear_object (&self->connection);
  g_clear_object (&self->solution);
  g_clear_pointer (&self->existing_app_key, g_free);
  g_clear_pointer (&self->result_app_key, g_free);
  g_clear_pointer (&self->result_app_name, g_free);
  g_clear_pointer (&self->next_area, g_free);

  G_OBJECT_CLASS (op_order_flow_parent_class)->finalize (object);
}

static void
op_order_flow_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OpOrderFlow *self = OP_ORDER_FLOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_SOLUTION:
      g_value_set_object (value, self->solution);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_order_flow_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OpOrderFlow *self = OP_ORDER_FLOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;

    case PROP_SOLUTION:
      self->solution = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_order_flow_class_init (OpOrderFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_order_flow_dispose;
  object_class->finalize = op_order_flow_finalize;
  object_class->get_property = op_order_flow_get_property;
  object_class->set_property = op_order_flow_set_property;

  properties [PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         OP_TYPE_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SOLUTION] =
    g_param_spec_object ("solution", NULL, NULL,
                         OP_TYPE_SOLUTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpOrderFlow::apply-for-role:
   * @role_id: the role to apply for
   *
   * The user chose 资质申请 instead of 订购: whoever runs the flow leaves it
   * and opens the qualification wizard.
   */
  signals [APPLY_FOR_ROLE] =
    g_signal_new ("apply-for-role",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  op_flow_class_set_pages (OP_FLOW_CLASS (klass), order_pages, G_N_ELEMENTS (order_pages));
}

static void
op_order_flow_init (OpOrderFlow *self)
{
  self->create_app = TRUE;
}

/**
 * op_order_flow_new:
 * @connection: the app's connection to the platform
 * @solution: the solution, with its details (GET /solutions/{id})
 *
 * Load the draft with op_order_flow_load_async() before running the flow.
 */
OpOrderFlow *
op_order_flow_new (OpConnection *connection,
                   OpSolution   *solution)
{
  g_autofree char *draft_name = NULL;

  g_return_val_if_fail (OP_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (OP_IS_SOLUTION (solution), NULL);

  draft_name = g_strdup_printf ("order-%" G_GINT64_FORMAT, op_solution_get_id (solution));

  return g_object_new (OP_TYPE_ORDER_FLOW,
                       /* Translators: the title of the wizard; 订购 in zh_CN */
                       "title", _("Order Solution"),
                       "draft-name", draft_name,
                       "connection", connection,
                       "solution", solution,
                       NULL);
}

/**
 * op_order_flow_get_connection:
 *
 * Returns: (transfer none): the connection
 */
OpConnection *
op_order_flow_get_connection (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  return self->connection;
}

/**
 * op_order_flow_get_solution:
 *
 * Returns: (transfer none): the solution being ordered
 */
OpSolution *
op_order_flow_get_solution (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  return self->solution;
}

static void
op_order_flow_read_draft (OpOrderFlow *self)
{
  OpDraft *draft = op_flow_get_draft (OP_FLOW (self));
  const char *order_id;

  self->resumed = !op_draft_is_empty (draft);
  self->create_app = g_strcmp0 (op_draft_get_string (draft, KEY_CHOICE), "existing") != 0;
  g_free (self->existing_app_key);
  self->existing_app_key = g_strdup (op_draft_get_string (draft, KEY_EXISTING));

  g_free (self->result_app_key);
  self->result_app_key = g_strdup (op_draft_get_string (draft, KEY_RESULT_APP_KEY));
  g_free (self->result_app_name);
  self->result_app_name = g_strdup (op_draft_get_string (draft, KEY_RESULT_APP_NAME));
  order_id = op_draft_get_string (draft, KEY_RESULT_ORDER);
  self->result_order_id = order_id != NULL ? g_ascii_strtoll (order_id, NULL, 10) : 0;
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpOrderFlow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!op_draft_load_finish (OP_DRAFT (object), result, &error))
    {
      /* An unreadable draft costs the user some typing, not the wizard. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_warning ("Could not read the order draft: %s", error->message);
    }

  op_order_flow_read_draft (self);
  g_task_return_boolean (task, TRUE);
}

/**
 * op_order_flow_load_async:
 *
 * Reads what the user typed last time, if the wizard was left or the app
 * stopped before the order was finished.
 */
void
op_order_flow_load_async (OpOrderFlow         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OP_IS_ORDER_FLOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_order_flow_load_async);

  op_draft_load_async (op_flow_get_draft (OP_FLOW (self)), cancellable,
                       draft_loaded_cb, g_steal_pointer (&task));
}

gboolean
op_order_flow_load_finish (OpOrderFlow   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * op_order_flow_get_resumed:
 *
 * Returns: whether the flow started from what the user typed earlier
 */
gboolean
op_order_flow_get_resumed (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), FALSE);

  return self->resumed;
}

/**
 * op_order_flow_start_over:
 *
 * Forgets what the user typed earlier (the choice of app, the app
 * information). What the platform may already have done (an order, an
 * attempt whose outcome is unknown) is kept, so that no app is created
 * twice.
 */
void
op_order_flow_start_over (OpOrderFlow *self)
{
  OpDraft *draft;
  g_auto(GStrv) keys = NULL;

  g_return_if_fail (OP_IS_ORDER_FLOW (self));

  draft = op_flow_get_draft (OP_FLOW (self));
  keys = op_draft_list_keys (draft);
  for (guint i = 0; keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], "app."))
      op_draft_set_string (draft, keys[i], NULL);

  self->resumed = FALSE;
  self->create_app = TRUE;
  g_clear_pointer (&self->existing_app_key, g_free);
  op_flow_rebuild_pages (OP_FLOW (self));
}

gboolean
op_order_flow_get_create_app (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), FALSE);

  return self->create_app;
}

/**
 * op_order_flow_set_create_app:
 *
 * A new app, or one the account has: the pages that follow change.
 */
void
op_order_flow_set_create_app (OpOrderFlow *self,
                              gboolean     create_app)
{
  g_return_if_fail (OP_IS_ORDER_FLOW (self));

  create_app = !!create_app;
  op_draft_set_string (op_flow_get_draft (OP_FLOW (self)), KEY_CHOICE,
                       create_app ? "new" : "existing");
  if (self->create_app == create_app)
    return;

  self->create_app = create_app;
  op_flow_rebuild_pages (OP_FLOW (self));
}

const char *
op_order_flow_get_existing_app_key (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  return self->existing_app_key;
}

void
op_order_flow_set_existing_app_key (OpOrderFlow *self,
                                    const char  *app_key)
{
  g_return_if_fail (OP_IS_ORDER_FLOW (self));

  if (g_strcmp0 (self->existing_app_key, app_key) == 0)
    return;

  g_free (self->existing_app_key);
  self->existing_app_key = g_strdup (app_key);
  op_draft_set_string (op_flow_get_draft (OP_FLOW (self)), KEY_EXISTING, app_key);
}

/**
 * op_order_flow_get_existing_app:
 *
 * Returns: (transfer none) (nullable): the chosen app of the account
 */
OpApp *
op_order_flow_get_existing_app (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  if (self->apps == NULL || self->existing_app_key == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->apps); i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (self->apps, i);

      if (g_strcmp0 (op_app_get_app_key (app), self->existing_app_key) == 0)
        return app;
    }

  return NULL;
}

/**
 * op_order_flow_set_apps:
 * @apps: (element-type OpApp): the account's apps, as the app page loaded them
 */
void
op_order_flow_set_apps (OpOrderFlow *self,
                        GListModel  *apps)
{
  g_return_if_fail (OP_IS_ORDER_FLOW (self));

  g_set_object (&self->apps, apps);
}

/**
 * op_order_flow_get_app_info_page:
 *
 * Returns: (transfer none) (nullable): the 应用信息 form, when a new app is made
 */
OpFormPage *
op_order_flow_get_app_info_page (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  return self->create_app ? self->app_info_page : NULL;
}

/**
 * op_order_flow_request_role:
 *
 * For the solution page's 资质申请 button.
 */
void
op_order_flow_request_role (OpOrderFlow *self,
                            const char  *role_id)
{
  g_return_if_fail (OP_IS_ORDER_FLOW (self));
  g_return_if_fail (role_id != NULL);

  g_signal_emit (self, signals [APPLY_FOR_ROLE], 0, role_id);
}

/* The commit. */

typedef struct
{
  GListModel *apps;
} Commit;

static void
commit_free (Commit *commit)
{
  g_clear_object (&commit->apps);
  g_free (commit);
}

static void commit_store_secret (GTask *task);

static void
commit_return_error (GTask  *task,
                     GError *error)
{
  OpOrderFlow *self = g_task_get_source_object (task);

  if (error->domain == OP_PLATFORM_ERROR)
    op_connection_report_error (self->connection, error);

  g_task_return_error (task, error);
}

static void
op_order_flow_set_result (OpOrderFlow *self,
                          const char  *app_key,
                          const char  *app_name,
                          gint64       order_id)
{
  OpDraft *draft = op_flow_get_draft (OP_FLOW (self));
  g_autofree char *order = order_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, order_id) : NULL;

  g_free (self->result_app_key);
  self->result_app_key = g_strdup (app_key);
  g_free (self->result_app_name);
  self->result_app_name = g_strdup (app_name);
  self->result_order_id = order_id;

  /* What is done is kept with the draft at once: a crash now must not
   * lead to a second app. */
  op_draft_set_string (draft, KEY_RESULT_APP_KEY, app_key);
  op_draft_set_string (draft, KEY_RESULT_APP_NAME, app_name);
  op_draft_set_string (draft, KEY_RESULT_ORDER, order != NULL ? order : "unknown");
  op_draft_set_string (draft, KEY_ATTEMPT, NULL);
  op_draft_set_string (draft, KEY_APPS_BEFORE, NULL);
  op_draft_flush (draft);
}

static void
secret_stored_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpOrderFlow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!op_secret_store_store_finish (OP_SECRET_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_task_return_new_error (task, error->domain, error->code,
                               /* Translators: %s is an AppKey, the last %s says why the keyring failed */
                               _("The app %s was created and the solution ordered, but the AppSecret could not be saved in the keyring. %s Choose Try Again to save it: until it is saved, it is kept only in this window."),
                               self->result_app_key, error->message);
      return;
    }

  self->secret_saved = TRUE;
  g_task_return_boolean (task, TRUE);
}

/* Each step of the commit takes over the task's reference. */
static void
commit_store_secret (GTask *task)
{
  g_autoptr(GTask) owned = task;
  OpOrderFlow *self = g_task_get_source_object (task);

  if (self->result_secret == NULL || self->secret_saved)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  op_secret_store_store_async (op_connection_get_secret_store (self->connection),
                               OP_SECRET_KIND_APP_SECRET,
                               op_connection_get_platform_id (self->connection),
                               self->result_app_key, NULL,
                               self->result_secret,
                               g_task_get_cancellable (task),
                               secret_stored_cb,
                               g_steal_pointer (&owned));
}

static gboolean
outcome_unknown (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_NETWORK) ||
         g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_TIMEOUT) ||
         g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_SERVER);
}

static void
ordered_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpOrderFlow *self = g_task_get_source_object (task);
  g_autoptr(OpSolutionOrderResult) order = NULL;
  g_autoptr(GError) error = NULL;
  OpDraft *draft = op_flow_get_draft (OP_FLOW (self));
  OpApp *app;

  order = op_platform_client_order_solution_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (order == NULL)
    {
      /* An app of the account that has the solution already: done. */
      if (!self->create_app &&
          g_strcmp0 (op_platform_error_get_server_code (error), "already_ordered") == 0)
        {
          OpApp *existing = op_order_flow_get_existing_app (self);

          op_order_flow_set_result (self, self->existing_app_key,
                                    existing != NULL ? op_app_get_name (existing) : NULL, 0);
          g_task_return_boolean (task, TRUE);
          return;
        }

      /* Refused: nothing happened, and the next attempt starts afresh.
       * No answer: it may have happened, and the next attempt looks. */
      if (!outcome_unknown (error))
        {
          op_draft_set_string (draft, KEY_ATTEMPT, NULL);
          op_draft_set_string (draft, KEY_APPS_BEFORE, NULL);
        }

      if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION) &&
          self->app_info_page != NULL)
        {
          op_form_page_show_field_errors (self->app_info_page, op_platform_error_get_fields (error));
          commit_return_error (task, g_error_new_literal (OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION,
                                                          _("The platform did not accept the app information. Go back to correct the marked fields.")));
          return;
        }

      commit_return_error (task, g_steal_pointer (&error));
      return;
    }

  app = op_solution_order_result_get_app (order);
  op_order_flow_clear_secret (self);
  if (op_solution_order_result_get_app_secret (order) != NULL)
    self->result_secret = g_strdup (op_solution_order_result_get_app_secret (order));
  self->secret_saved = FALSE;
  op_order_flow_set_result (self, op_app_get_app_key (app), op_app_get_name (app),
                            op_solution_order_result_get_order_id (order));

  commit_store_secret (g_steal_pointer (&task));
}

static OpNewApp *
op_order_flow_build_new_app (OpOrderFlow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *type = NULL;
  g_autofree char *callback = NULL;

  g_return_val_if_fail (self->app_info_page != NULL, NULL);

  name = op_form_page_dup_value (self->app_info_page, "name");
  description = op_form_page_dup_value (self->app_info_page, "description");
  type = op_form_page_dup_value (self->app_info_page, "app_type");
  callback = op_form_page_dup_value (self->app_info_page, "callback_url");

  return op_new_app_new (name,
                         description != NULL && description[0] != '\0' ? description : NULL,
                         g_strcmp0 (type, "isv") == 0 ? OP_APP_TYPE_ISV : OP_APP_TYPE_SELF_USE,
                         callback != NULL && callback[0] != '\0' ? callback : NULL);
}

static void
commit_order (GTask *task)
{
  g_autoptr(GTask) owned = task;
  OpOrderFlow *self = g_task_get_source_object (task);
  Commit *commit = g_task_get_task_data (task);
  OpDraft *draft = op_flow_get_draft (OP_FLOW (self));
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(OpNewApp) new_app = NULL;

  if (self->create_app)
    {
      new_app = op_order_flow_build_new_app (self);
      if (new_app == NULL)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                                   _("The app information is missing. Go back and fill it in."));
          return;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (commit->apps); i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (commit->apps, i);

      g_string_append_printf (before, "%s%s", i > 0 ? "," : "", op_app_get_app_key (app));
    }

  /* From here until the answer, the outcome is unknown. */
  op_draft_set_string (draft, KEY_ATTEMPT, self->create_app ? "new" : "existing");
  op_draft_set_string (draft, KEY_APPS_BEFORE, before->len > 0 ? before->str : ",");
  op_draft_flush (draft);

  op_platform_client_order_solution_async (op_connection_get_client (self->connection),
                                           op_solution_get_id (self->solution),
                                           self->create_app ? NULL : self->existing_app_key,
                                           new_app,
                                           g_task_get_cancellable (task),
                                           ordered_cb,
                                           g_steal_pointer (&owned));
}

static void
secret_reset_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpOrderFlow *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = op_platform_client_reset_app_secret_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (secret == NULL)
    {
      commit_return_error (task, g_steal_pointer (&error));
      return;
    }

  op_order_flow_clear_secret (self);
  self->result_secret = secret;
  self->secret_saved = FALSE;
  commit_store_secret (g_steal_pointer (&task));
}

static gboolean
key_in_list (const char *list,
             const char *app_key)
{
  g_auto(GStrv) keys = g_strsplit (list != NULL ? list : "", ",", -1);

  return g_strv_contains ((const char * const *)keys, app_key);
}

/* An earlier attempt got no answer: did it happen? */
static OpApp *
find_earlier_attempt (OpOrderFlow *self,
                      GListModel  *apps)
{
  OpDraft *draft = op_flow_get_draft (OP_FLOW (self));
  const char *kind = op_draft_get_string (draft, KEY_ATTEMPT);
  const char *before = op_draft_get_string (draft, KEY_APPS_BEFORE);
  gint64 solution_id = op_solution_get_id (self->solution);

  if (kind == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (apps); i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (apps, i);
      const char *app_key = op_app_get_app_key (app);

      if (!op_app_has_solution (app, solution_id))
        continue;

      if (g_str_equal (kind, "new") && !key_in_list (before, app_key))
        return g_steal_pointer (&app);
      if (g_str_equal (kind, "existing") && g_strcmp0 (app_key, self->existing_app_key) == 0)
        return g_steal_pointer (&app);
    }

  return NULL;
}

static void
apps_listed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpOrderFlow *self = g_task_get_source_object (task);
  Commit *commit = g_task_get_task_data (task);
  OpDraft *draft = op_flow_get_draft (OP_FLOW (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(OpApp) done = NULL;
  GCancellable *cancellable;
  gboolean was_new;

  commit->apps = op_platform_client_list_apps_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (commit->apps == NULL)
    {
      commit_return_error (task, g_steal_pointer (&error));
      return;
    }

  done = find_earlier_attempt (self, commit->apps);
  if (done == NULL)
    {
      commit_order (g_steal_pointer (&task));
      return;
    }

  g_debug ("An earlier attempt ordered the solution for app %s", op_app_get_app_key (done));
  was_new = g_strcmp0 (op_draft_get_string (draft, KEY_ATTEMPT), "new") == 0;
  op_order_flow_set_result (self, op_app_get_app_key (done), op_app_get_name (done), 0);

  if (!was_new)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The new app's secret was in an answer that never arrived. */
  cancellable = g_task_get_cancellable (task);
  op_platform_client_reset_app_secret_async (op_connection_get_client (self->connection),
                                             self->result_app_key,
                                             cancellable,
                                             secret_reset_cb,
                                             g_steal_pointer (&task));
}

static void
commit_list_apps (GTask *task)
{
  OpOrderFlow *self = g_task_get_source_object (task);

  op_platform_client_list_apps_async (op_connection_get_client (self->connection),
                                      g_task_get_cancellable (task),
                                      apps_listed_cb,
                                      task);
}

static void
keyring_checked_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  /* Found or not found: the keyring answers, so the secret can go there. */
  secret = op_secret_store_lookup_finish (OP_SECRET_STORE (object), result, &error);
  if (secret != NULL)
    op_secret_free (secret);
  else if (!g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_NOT_FOUND))
    {
      const char *message;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* The lookup's own message speaks of reading a secret: say it for
       * the app about to be created. */
      if (g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_LOCKED))
        message = _("No app was created: its AppSecret can be kept only in the keyring, and the keyring is locked. Unlock it (it asks for your login password) and try again.");
      else if (g_error_matches (error, OP_SECRET_ERROR, OP_SECRET_ERROR_CANCELLED_BY_USER))
        message = _("No app was created: its AppSecret can be kept only in the keyring, and the keyring was not unlocked. Try again and unlock it when it asks.");
      else
        message = _("No app was created: its AppSecret can be kept only in the keyring, and the keyring cannot be used. Start GNOME Keyring (or another Secret Service) and try again.");

      g_debug ("The keyring cannot take a new AppSecret: %s", error->message);
      g_task_return_new_error (task, error->domain, error->code, "%s", message);
      return;
    }

  commit_list_apps (g_steal_pointer (&task));
}

/**
 * op_order_flow_commit_async:
 *
 * Orders the solution (creating the app if needed) and saves a new app's
 * AppSecret in the keyring, doing only what is not done yet. See the top
 * of this file.
 */
void
op_order_flow_commit_async (OpOrderFlow         *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OP_IS_ORDER_FLOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_order_flow_commit_async);
  g_task_set_task_data (task, g_new0 (Commit, 1), (GDestroyNotify)commit_free);

  /* Ordered already: at most the secret is left to save. */
  if (self->result_app_key != NULL)
    {
      commit_store_secret (g_steal_pointer (&task));
      return;
    }

  if (!self->create_app)
    {
      commit_list_apps (g_steal_pointer (&task));
      return;
    }

  /* Ask the keyring first: a secret it cannot take must not be created. */
  op_secret_store_lookup_async (op_connection_get_secret_store (self->connection),
                                OP_SECRET_KIND_APP_SECRET,
                                op_connection_get_platform_id (self->connection),
                                "0000000", NULL,
                                cancellable,
                                keyring_checked_cb,
                                g_steal_pointer (&task));
}

gboolean
op_order_flow_commit_finish (OpOrderFlow   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * op_order_flow_get_result_app_key:
 *
 * Returns: (nullable): the app the solution was ordered for, once ordered
 */
const char *
op_order_flow_get_result_app_key (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  return self->result_app_key;
}

const char *
op_order_flow_get_result_app_name (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  return self->result_app_name;
}

/**
 * op_order_flow_get_result_secret:
 *
 * Returns: (nullable): the new app's AppSecret, kept in memory for the
 *   result page only
 */
const char *
op_order_flow_get_result_secret (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  return self->result_secret;
}

/**
 * op_order_flow_get_result_order_id:
 *
 * Returns: the order's ID, or 0 when not known (an earlier attempt's
 *   answer was lost, or the app had the solution already)
 */
gint64
op_order_flow_get_result_order_id (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), 0);

  return self->result_order_id;
}

gboolean
op_order_flow_get_secret_saved (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), FALSE);

  return self->secret_saved;
}

/**
 * op_order_flow_get_next_area:
 *
 * Returns: (nullable): the area to show when the flow is finished, such as
 *   "apps" when the user asked for My Apps
 */
const char *
op_order_flow_get_next_area (OpOrderFlow *self)
{
  g_return_val_if_fail (OP_IS_ORDER_FLOW (self), NULL);

  return self->next_area;
}

void
op_order_flow_set_next_area (OpOrderFlow *self,
                             const char  *area)
{
  g_return_if_fail (OP_IS_ORDER_FLOW (self));

  g_free (self->next_area);
  self->next_area = g_strdup (area);
}
