/* op-qualification-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-qualification-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "op-qualification-flow.h"
#include "op-qualification-intro-page.h"
#include "op-qualification-review-page.h"
#include "op-qualification-status-page.h"

/* 资质申请 for a role (domain.md §3): the role (given, or chosen among
 * candidates) → its form, built from the field list the platform sends →
 * review → submit → the application's state.
 *
 * The intro page loads the role; the form and review pages exist once it
 * is known (the flow rebuilds its pages then). When the account's last
 * application for the role was rejected (已驳回), the same flow resubmits
 * it (PUT) seeded from the values the platform kept, with its reasons
 * under the fields they concern.
 *
 * A submission whose answer was lost is not made twice: the platform
 * refuses a second one while the first is under review, and the flow then
 * takes that pending application as its result.
 */

#define KEY_ROLE "role"

struct _OpQualificationFlow
{
  OpFlow            parent_instance;

  OpConnection     *connection;
  char             *role_id;
  char            **candidates;
  gboolean          fixed_role;
  gboolean          resumed;

  OpRole           *role;
  OpQualification  *previous;
  OpQualification  *result;
  OpFormPage       *form_page;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_ROLE_ID,
  PROP_CANDIDATES,
  N_PROPS
};

enum {
  RESUBMIT,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OpQualificationFlow, op_qualification_flow, OP_TYPE_FLOW)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static OpWizardPage *
prepare_intro_page (OpFlow *flow)
{
  return OP_WIZARD_PAGE (op_qualification_intro_page_new (OP_QUALIFICATION_FLOW (flow)));
}

static gboolean
same_value (const char *a,
            const char *b)
{
  g_autofree char *stripped_a = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *stripped_b = g_strstrip (g_strdup (b != NULL ? b : ""));

  return g_str_equal (stripped_a, stripped_b);
}

static OpWizardPage *
prepare_form_page (OpFlow *flow)
{
  OpQualificationFlow *self = OP_QUALIFICATION_FLOW (flow);
  g_autofree char *description = NULL;
  OpFormPage *page;

  if (self->role == NULL)
    return NULL;

  if (self->previous != NULL && op_qualification_get_reason (self->previous) != NULL)
    /* Translators: %s is the platform's reason, a sentence */
    description = g_strdup_printf (_("The platform rejected your earlier application: %s"),
                                   op_qualification_get_reason (self->previous));
  else
    /* Translators: %s is a role such as 诚信通商家 */
    description = g_strdup_printf (_("The platform asks for these details to grant the role %s. Its reviewers check them against your business licence."),
                                   op_role_get_name (self->role));

  page = op_form_page_new (flow, _("Application Details"), description, "field.",
                           op_role_get_form (self->role));

  if (self->previous != NULL)
    {
      GHashTable *values = op_qualification_get_fields (self->previous);
      GHashTable *reasons = op_qualification_get_field_reasons (self->previous);

      op_form_page_seed (page, values);

      /* A reason concerns the value it was given for: show it while the
       * field still holds that value (not after the user changed it). */
      if (reasons != NULL)
        {
          g_autoptr(GHashTable) current = g_hash_table_new (g_str_hash, g_str_equal);
          GHashTableIter iter;
          gpointer key, value;

          g_hash_table_iter_init (&iter, reasons);
          while (g_hash_table_iter_next (&iter, &key, &value))
            {
              g_autofree char *now = op_form_page_dup_value (page, key);
              const char *then = values != NULL ? g_hash_table_lookup (values, key) : NULL;

              if (now != NULL && same_value (now, then))
                g_hash_table_insert (current, key, value);
            }
          op_form_page_show_field_errors (page, current);
        }
    }

  g_set_weak_pointer (&self->form_page, page);

  return OP_WIZARD_PAGE (page);
}

static OpWizardPage *
prepare_review_page (OpFlow *flow)
{
  OpQualificationFlow *self = OP_QUALIFICATION_FLOW (flow);

  if (self->role == NULL)
    return NULL;

  return OP_WIZARD_PAGE (op_qualification_review_page_new (self));
}

static OpWizardPage *
prepare_status_page (OpFlow *flow)
{
  return OP_WIZARD_PAGE (op_qualification_status_page_new (OP_QUALIFICATION_FLOW (flow)));
}

static const OpFlowPageEntry qualification_pages[] = {
  { "intro", prepare_intro_page },
  { "form", prepare_form_page },
  { "review", prepare_review_page },
  { "status", prepare_status_page },
};

static void
op_qualification_flow_dispose (GObject *object)
{
  OpQualificationFlow *self = (OpQualificationFlow *)object;

  g_clear_weak_pointer (&self->form_page);
  g_clear_object (&self->role);
  g_clear_object (&self->previous);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (op_qualification_flow_parent_class)->dispose (object);
}

static void
op_qualification_flow_finalize (GObject *object)
{
  OpQualificationFlow *self = (OpQualificationFlow *)object;

  g_clear_object (&self->connection);
  g_clear_pointer (&self->role_id, g_free);
  g_clear_pointer (&self->candidates, g_strfreev);

  G_OBJECT_CLASS (op_qualification_flow_parent_class)->finalize (object);
}

static void
op_qualification_flow_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OpQualificationFlow *self = OP_QUALIFICATION_FLOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_ROLE_ID:
      g_value_set_string (value, self->role_id);
      break;

    case PROP_CANDIDATES:
      g_value_set_boxed (value, self->candidates);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_qualification_flow_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OpQualificationFlow *self = OP_QUALIFICATION_FLOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;

    case PROP_ROLE_ID:
      self->role_id = g_value_dup_string (value);
      self->fixed_role = self->role_id != NULL;
      break;

    case PROP_CANDIDATES:
      self->candidates = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_qualification_flow_class_init (OpQualificationFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_qualification_flow_dispose;
  object_class->finalize = op_qualification_flow_finalize;
  object_class->get_property = op_qualification_flow_get_property;
  object_class->set_property = op_qualification_flow_set_property;

  properties [PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         OP_TYPE_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ROLE_ID] =
    g_param_spec_string ("role-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_CANDIDATES] =
    g_param_spec_boxed ("candidates", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpQualificationFlow::resubmit:
   * @qualification_id: the rejected application
   *
   * The user wants to correct the application the platform just rejected:
   * whoever runs the flow ends it and opens the resubmission.
   */
  signals [RESUBMIT] =
    g_signal_new ("resubmit",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  op_flow_class_set_pages (OP_FLOW_CLASS (klass), qualification_pages,
                           G_N_ELEMENTS (qualification_pages));
}

static void
op_qualification_flow_init (OpQualificationFlow *self)
{
}

/**
 * op_qualification_flow_new:
 * @connection: the app's connection to the platform
 * @role_id: (nullable): the role to apply for, or %NULL to let the user
 *   choose among @candidates
 * @candidates: (nullable) (array zero-terminated=1): the roles to offer
 *   when @role_id is %NULL; %NULL for every role the account lacks
 *
 * Load the draft with op_qualification_flow_load_async() before running
 * the flow.
 */
OpQualificationFlow *
op_qualification_flow_new (OpConnection       *connection,
                           const char         *role_id,
                           const char * const *candidates)
{
  g_autofree char *draft_name = NULL;

  g_return_val_if_fail (OP_IS_CONNECTION (connection), NULL);

  draft_name = role_id != NULL ? g_strconcat ("qualification-", role_id, NULL)
                               : g_strdup ("qualification");

  return g_object_new (OP_TYPE_QUALIFICATION_FLOW,
                       /* Translators: the title of the wizard; 资质申请 in zh_CN */
                       "title", _("Qualification Application"),
                       "draft-name", draft_name,
                       "connection", connection,
                       "role-id", role_id,
                       "candidates", candidates,
                       NULL);
}

/**
 * op_qualification_flow_get_connection:
 *
 * Returns: (transfer none): the connection
 */
OpConnection *
op_qualification_flow_get_connection (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), NULL);

  return self->connection;
}

/**
 * op_qualification_flow_get_candidates:
 *
 * Returns: (nullable) (transfer none): the roles to choose from, when the
 *   flow was not given one; %NULL for all
 */
const char * const *
op_qualification_flow_get_candidates (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), NULL);

  return (const char * const *)self->candidates;
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpQualificationFlow *self = g_task_get_source_object (task);
  OpDraft *draft = OP_DRAFT (object);
  g_autoptr(GError) error = NULL;

  if (!op_draft_load_finish (draft, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_warning ("Could not read the qualification draft: %s", error->message);
    }

  self->resumed = !op_draft_is_empty (draft);
  if (!self->fixed_role && op_draft_get_string (draft, KEY_ROLE) != NULL)
    {
      g_free (self->role_id);
      self->role_id = g_strdup (op_draft_get_string (draft, KEY_ROLE));
    }

  g_task_return_boolean (task, TRUE);
}

void
op_qualification_flow_load_async (OpQualificationFlow *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (OP_IS_QUALIFICATION_FLOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_qualification_flow_load_async);

  op_draft_load_async (op_flow_get_draft (OP_FLOW (self)), cancellable,
                       draft_loaded_cb, g_steal_pointer (&task));
}

gboolean
op_qualification_flow_load_finish (OpQualificationFlow  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
op_qualification_flow_get_resumed (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), FALSE);

  return self->resumed;
}

/**
 * op_qualification_flow_start_over:
 *
 * Forgets what the user typed earlier; the form is built again, empty (or
 * as the platform kept it, for a resubmission).
 */
void
op_qualification_flow_start_over (OpQualificationFlow *self)
{
  OpDraft *draft;
  g_auto(GStrv) keys = NULL;

  g_return_if_fail (OP_IS_QUALIFICATION_FLOW (self));

  draft = op_flow_get_draft (OP_FLOW (self));
  keys = op_draft_list_keys (draft);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_str_equal (keys[i], KEY_ROLE))
      op_draft_set_string (draft, keys[i], NULL);

  self->resumed = FALSE;
  op_flow_rebuild_pages (OP_FLOW (self));
}

/**
 * op_qualification_flow_get_role_id:
 *
 * Returns: (nullable): the role applied for, given or chosen
 */
const char *
op_qualification_flow_get_role_id (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), NULL);

  return self->role_id;
}

/**
 * op_qualification_flow_get_role_is_fixed:
 *
 * Returns: whether the flow was given its role (the user does not choose)
 */
gboolean
op_qualification_flow_get_role_is_fixed (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), FALSE);

  return self->fixed_role;
}

/**
 * op_qualification_flow_choose_role:
 *
 * The user chose the role on the intro page: the intro page then loads it
 * and calls op_qualification_flow_set_role().
 */
void
op_qualification_flow_choose_role (OpQualificationFlow *self,
                                   const char          *role_id)
{
  g_return_if_fail (OP_IS_QUALIFICATION_FLOW (self));
  g_return_if_fail (!self->fixed_role);

  if (g_strcmp0 (self->role_id, role_id) == 0)
    return;

  g_free (self->role_id);
  self->role_id = g_strdup (role_id);
  op_draft_set_string (op_flow_get_draft (OP_FLOW (self)), KEY_ROLE, role_id);
}

/**
 * op_qualification_flow_get_role:
 *
 * Returns: (transfer none) (nullable): the role with its form, once loaded
 */
OpRole *
op_qualification_flow_get_role (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), NULL);

  return self->role;
}

/**
 * op_qualification_flow_get_previous:
 *
 * Returns: (transfer none) (nullable): the rejected application being
 *   resubmitted, with its fields
 */
OpQualification *
op_qualification_flow_get_previous (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), NULL);

  return self->previous;
}

/**
 * op_qualification_flow_set_role:
 * @role: (nullable): the role, with its form
 * @previous: (nullable): the account's rejected application for it
 *
 * The pages that follow are built for @role.
 */
void
op_qualification_flow_set_role (OpQualificationFlow *self,
                                OpRole              *role,
                                OpQualification     *previous)
{
  g_return_if_fail (OP_IS_QUALIFICATION_FLOW (self));
  g_return_if_fail (!role || OP_IS_ROLE (role));
  g_return_if_fail (!previous || OP_IS_QUALIFICATION (previous));

  if (self->role == role && self->previous == previous)
    return;

  g_set_object (&self->role, role);
  g_set_object (&self->previous, previous);
  op_flow_rebuild_pages (OP_FLOW (self));
}

/**
 * op_qualification_flow_get_form_page:
 *
 * Returns: (transfer none) (nullable): the form, once the role is known
 */
OpFormPage *
op_qualification_flow_get_form_page (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), NULL);

  return self->form_page;
}

/* Submitting. */

static void
submit_return_error (GTask  *task,
                     GError *error)
{
  OpQualificationFlow *self = g_task_get_source_object (task);

  if (error->domain == OP_PLATFORM_ERROR)
    op_connection_report_error (self->connection, error);

  g_task_return_error (task, error);
}

static void
pending_found_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpQualificationFlow *self = g_task_get_source_object (task);
  GError *conflict = g_task_get_task_data (task);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = op_platform_client_list_qualifications_finish (OP_PLATFORM_CLIENT (object), result, &error);
  if (list == NULL)
    {
      submit_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Newest first: the account's application under review for this role is
   * the one an earlier, unanswered submission made. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(OpQualification) qualification = g_list_model_get_item (list, i);

      if (g_strcmp0 (op_qualification_get_role_id (qualification), self->role_id) == 0 &&
          op_qualification_get_state (qualification) == OP_REVIEW_STATE_PENDING)
        {
          op_qualification_flow_set_result (self, qualification);
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  submit_return_error (task, g_error_copy (conflict));
}

static void
submitted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpQualificationFlow *self = g_task_get_source_object (task);
  g_autoptr(OpQualification) qualification = NULL;
  g_autoptr(GError) error = NULL;
  const char *code;

  if (self->previous != NULL)
    qualification = op_platform_client_resubmit_qualification_finish (OP_PLATFORM_CLIENT (object),
                                                                      result, &error);
  else
    qualification = op_platform_client_apply_qualification_finish (OP_PLATFORM_CLIENT (object),
                                                                   result, &error);
  if (qualification != NULL)
    {
      op_qualification_flow_set_result (self, qualification);
      g_task_return_boolean (task, TRUE);
      return;
    }

  code = op_platform_error_get_server_code (error);

  /* Under review already: an earlier submission got through. */
  if (g_strcmp0 (code, "review_pending") == 0 ||
      (self->previous != NULL && g_strcmp0 (code, "wrong_state") == 0))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_task_set_task_data (task, g_steal_pointer (&error), (GDestroyNotify)g_error_free);
      op_platform_client_list_qualifications_async (op_connection_get_client (self->connection),
                                                    cancellable,
                                                    pending_found_cb,
                                                    g_steal_pointer (&task));
      return;
    }

  if (g_error_matches (error, OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION) &&
      self->form_page != NULL)
    {
      op_form_page_show_field_errors (self->form_page, op_platform_error_get_fields (error));
      submit_return_error (task, g_error_new_literal (OP_PLATFORM_ERROR, OP_PLATFORM_ERROR_VALIDATION,
                                                      _("The platform did not accept some details. Go back to correct the marked fields.")));
      return;
    }

  submit_return_error (task, g_steal_pointer (&error));
}

/**
 * op_qualification_flow_submit_async:
 *
 * Submits the form (POST), or resubmits the rejected application (PUT).
 */
void
op_qualification_flow_submit_async (OpQualificationFlow *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) values = NULL;
  OpPlatformClient *client;

  g_return_if_fail (OP_IS_QUALIFICATION_FLOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_qualification_flow_submit_async);

  if (self->result != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->form_page == NULL || self->role_id == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               _("The application form is missing. Go back and fill it in."));
      return;
    }

  client = op_connection_get_client (self->connection);
  values = op_form_page_get_values (self->form_page);

  if (self->previous != NULL)
    op_platform_client_resubmit_qualification_async (client,
                                                     op_qualification_get_id (self->previous),
                                                     values, cancellable,
                                                     submitted_cb, g_steal_pointer (&task));
  else
    op_platform_client_apply_qualification_async (client, self->role_id, values, cancellable,
                                                  submitted_cb, g_steal_pointer (&task));
}

gboolean
op_qualification_flow_submit_finish (OpQualificationFlow  *self,
                                     GAsyncResult         *result,
                                     GError              **error)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * op_qualification_flow_get_result:
 *
 * Returns: (transfer none) (nullable): the application as submitted, then
 *   as the status page last saw it
 */
OpQualification *
op_qualification_flow_get_result (OpQualificationFlow *self)
{
  g_return_val_if_fail (OP_IS_QUALIFICATION_FLOW (self), NULL);

  return self->result;
}

void
op_qualification_flow_set_result (OpQualificationFlow *self,
                                  OpQualification     *result)
{
  g_return_if_fail (OP_IS_QUALIFICATION_FLOW (self));
  g_return_if_fail (!result || OP_IS_QUALIFICATION (result));

  g_set_object (&self->result, result);
}

/**
 * op_qualification_flow_request_resubmit:
 *
 * For the status page, once the application was rejected.
 */
void
op_qualification_flow_request_resubmit (OpQualificationFlow *self)
{
  g_return_if_fail (OP_IS_QUALIFICATION_FLOW (self));
  g_return_if_fail (self->result != NULL);

  g_signal_emit (self, signals [RESUBMIT], 0, op_qualification_get_id (self->result));
}
