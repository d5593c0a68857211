/* op-onboarding-flow.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-onboarding-flow"

#include "config.h"

#include <glib/gi18n.h>

#include "op-onboarding-account-page.h"
#include "op-onboarding-developer-page.h"
#include "op-onboarding-done-page.h"
#include "op-onboarding-flow.h"
#include "op-onboarding-mobile-page.h"
#include "op-onboarding-summary-page.h"

/* 入驻: joining the open platform as a developer (domain.md, flow 1).
 *
 * The member is already signed in (the window's Sign In area), so the
 * wizard starts with what the platform found on the account: the real-name
 * verification (an unverified account cannot go on) and the detected roles.
 * Then the mobile number and its SMS code, the developer information, a
 * summary whose save_data submits everything, and the result.
 *
 * What the pages share lives here: the account, the SMS code (in memory
 * only), and the reasons the platform gave per field when it refused the
 * submission, so that each page shows them under its own fields. The draft
 * (one per account) keeps the typed values; a flow opened on a non-empty
 * draft is "resumed", and its first page offers to start over.
 */
struct _OpOnboardingFlow
{
  OpFlow        parent_instance;

  OpConnection *connection;
  OpAccount    *account;
  char         *sms_code;
  GHashTable   *field_errors;
  gboolean      resumed;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_ACCOUNT,
  PROP_RESUMED,
  PROP_SMS_CODE,
  N_PROPS
};

enum {
  FIELD_ERRORS_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (OpOnboardingFlow, op_onboarding_flow, OP_TYPE_FLOW)

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static OpWizardPage *
prepare_account (OpFlow *flow)
{
  return g_object_new (OP_TYPE_ONBOARDING_ACCOUNT_PAGE, "flow", flow, NULL);
}

static OpWizardPage *
prepare_mobile (OpFlow *flow)
{
  return g_object_new (OP_TYPE_ONBOARDING_MOBILE_PAGE, "flow", flow, NULL);
}

static OpWizardPage *
prepare_developer (OpFlow *flow)
{
  return g_object_new (OP_TYPE_ONBOARDING_DEVELOPER_PAGE, "flow", flow, NULL);
}

static OpWizardPage *
prepare_summary (OpFlow *flow)
{
  return g_object_new (OP_TYPE_ONBOARDING_SUMMARY_PAGE, "flow", flow, NULL);
}

static OpWizardPage *
prepare_done (OpFlow *flow)
{
  return g_object_new (OP_TYPE_ONBOARDING_DONE_PAGE, "flow", flow, NULL);
}

static const OpFlowPageEntry onboarding_pages[] = {
  { "account", prepare_account },
  { "mobile", prepare_mobile },
  { "developer", prepare_developer },
  { "summary", prepare_summary },
  { "done", prepare_done },
};

static void
op_onboarding_flow_dispose (GObject *object)
{
  OpOnboardingFlow *self = (OpOnboardingFlow *)object;

  g_clear_object (&self->connection);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (op_onboarding_flow_parent_class)->dispose (object);
}

static void
op_onboarding_flow_finalize (GObject *object)
{
  OpOnboardingFlow *self = (OpOnboardingFlow *)object;

  g_clear_pointer (&self->sms_code, g_free);
  g_clear_pointer (&self->field_errors, g_hash_table_unref);

  G_OBJECT_CLASS (op_onboarding_flow_parent_class)->finalize (object);
}

static void
op_onboarding_flow_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OpOnboardingFlow *self = OP_ONBOARDING_FLOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_RESUMED:
      g_value_set_boolean (value, self->resumed);
      break;

    case PROP_SMS_CODE:
      g_value_set_string (value, self->sms_code);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_onboarding_flow_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OpOnboardingFlow *self = OP_ONBOARDING_FLOW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      op_onboarding_flow_set_account (self, g_value_get_object (value));
      break;

    case PROP_SMS_CODE:
      op_onboarding_flow_set_sms_code (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_onboarding_flow_class_init (OpOnboardingFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = op_onboarding_flow_dispose;
  object_class->finalize = op_onboarding_flow_finalize;
  object_class->get_property = op_onboarding_flow_get_property;
  object_class->set_property = op_onboarding_flow_set_property;

  properties [PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         OP_TYPE_CONNECTION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         OP_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_RESUMED] =
    g_param_spec_boolean ("resumed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SMS_CODE] =
    g_param_spec_string ("sms-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OpOnboardingFlow::field-errors-changed:
   *
   * The platform's reasons per field changed: each page shows those of
   * its own fields (op_onboarding_flow_get_field_error()).
   */
  signals [FIELD_ERRORS_CHANGED] =
    g_signal_new ("field-errors-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  op_flow_class_set_pages (OP_FLOW_CLASS (klass), onboarding_pages,
                           G_N_ELEMENTS (onboarding_pages));
}

static void
op_onboarding_flow_init (OpOnboardingFlow *self)
{
  self->field_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * op_onboarding_flow_get_draft_name:
 * @account: the signed-in account
 *
 * Each account has its own draft, so that two members sharing a computer
 * never see each other's input.
 *
 * Returns: (transfer full): the draft's name, such as "onboarding-b2b-2200000001"
 */
char *
op_onboarding_flow_get_draft_name (OpAccount *account)
{
  const char *id;
  GString *name;

  g_return_val_if_fail (OP_IS_ACCOUNT (account), NULL);

  id = op_account_get_member_id (account);
  if (id == NULL || *id == '\0')
    id = op_account_get_login (account);

  name = g_string_new ("onboarding-");
  for (const char *p = id; p != NULL && *p != '\0'; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '_');

  return g_string_free (name, FALSE);
}

static void
draft_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpOnboardingFlow *self = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!op_draft_load_finish (OP_DRAFT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* An unreadable draft must not keep anyone from joining. */
      g_warning ("Could not read the onboarding draft: %s", error->message);
    }

  self->resumed = !op_draft_is_empty (OP_DRAFT (object));
  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

/**
 * op_onboarding_flow_new_async:
 * @connection: the app's connection, with a signed-in account
 *
 * Makes the flow for the signed-in account and loads its draft, so that
 * the pages start with what the user typed last time.
 */
void
op_onboarding_flow_new_async (OpConnection        *connection,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(OpOnboardingFlow) self = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *draft_name = NULL;
  OpAccount *account;

  g_return_if_fail (OP_IS_CONNECTION (connection));
  g_return_if_fail (op_connection_get_account (connection) != NULL);

  account = op_connection_get_account (connection);
  draft_name = op_onboarding_flow_get_draft_name (account);
  self = g_object_new (OP_TYPE_ONBOARDING_FLOW,
                       /* Translators: the title of the onboarding (入驻) wizard */
                       "title", _("Join as a Developer"),
                       "draft-name", draft_name,
                       "connection", connection,
                       "account", account,
                       NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_onboarding_flow_new_async);
  g_task_set_task_data (task, g_object_ref (self), g_object_unref);

  op_draft_load_async (op_flow_get_draft (OP_FLOW (self)), cancellable,
                       draft_loaded_cb, g_steal_pointer (&task));
}

/**
 * op_onboarding_flow_new_finish:
 *
 * Returns: (transfer full): the flow, its draft loaded
 */
OpOnboardingFlow *
op_onboarding_flow_new_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_onboarding_flow_get_connection:
 *
 * Returns: (transfer none): the app's connection
 */
OpConnection *
op_onboarding_flow_get_connection (OpOnboardingFlow *self)
{
  g_return_val_if_fail (OP_IS_ONBOARDING_FLOW (self), NULL);

  return self->connection;
}

/**
 * op_onboarding_flow_get_account:
 *
 * Returns: (transfer none): the account as the platform last described it
 */
OpAccount *
op_onboarding_flow_get_account (OpOnboardingFlow *self)
{
  g_return_val_if_fail (OP_IS_ONBOARDING_FLOW (self), NULL);

  return self->account;
}

void
op_onboarding_flow_set_account (OpOnboardingFlow *self,
                                OpAccount        *account)
{
  g_return_if_fail (OP_IS_ONBOARDING_FLOW (self));
  g_return_if_fail (!account || OP_IS_ACCOUNT (account));

  if (g_set_object (&self->account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ACCOUNT]);
}

/**
 * op_onboarding_flow_get_resumed:
 *
 * Returns: whether the flow started from an earlier, unfinished run's draft
 */
gboolean
op_onboarding_flow_get_resumed (OpOnboardingFlow *self)
{
  g_return_val_if_fail (OP_IS_ONBOARDING_FLOW (self), FALSE);

  return self->resumed;
}

/**
 * op_onboarding_flow_start_over:
 *
 * Forgets the draft and everything typed, and prepares the pages after the
 * current one again, empty.
 */
void
op_onboarding_flow_start_over (OpOnboardingFlow *self)
{
  g_return_if_fail (OP_IS_ONBOARDING_FLOW (self));

  op_draft_discard (op_flow_get_draft (OP_FLOW (self)));
  op_onboarding_flow_set_sms_code (self, NULL);
  op_onboarding_flow_set_field_errors (self, NULL);

  if (self->resumed)
    {
      self->resumed = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RESUMED]);
    }

  op_flow_rebuild_pages (OP_FLOW (self));
}

/**
 * op_onboarding_flow_get_sms_code:
 *
 * Returns: (nullable): the SMS code typed, kept in memory only
 */
const char *
op_onboarding_flow_get_sms_code (OpOnboardingFlow *self)
{
  g_return_val_if_fail (OP_IS_ONBOARDING_FLOW (self), NULL);

  return self->sms_code;
}

void
op_onboarding_flow_set_sms_code (OpOnboardingFlow *self,
                                 const char       *sms_code)
{
  g_return_if_fail (OP_IS_ONBOARDING_FLOW (self));

  if (g_strcmp0 (self->sms_code, sms_code) == 0)
    return;

  g_free (self->sms_code);
  self->sms_code = g_strdup (sms_code);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SMS_CODE]);
}

/**
 * op_onboarding_flow_get_field_error:
 * @field: a field of POST /onboarding, such as "sms_code"
 *
 * Returns: (nullable): the platform's reason for refusing @field
 */
const char *
op_onboarding_flow_get_field_error (OpOnboardingFlow *self,
                                    const char       *field)
{
  g_return_val_if_fail (OP_IS_ONBOARDING_FLOW (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  return g_hash_table_lookup (self->field_errors, field);
}

/**
 * op_onboarding_flow_get_field_errors:
 *
 * Returns: (transfer none): the platform's reasons, by field
 */
GHashTable *
op_onboarding_flow_get_field_errors (OpOnboardingFlow *self)
{
  g_return_val_if_fail (OP_IS_ONBOARDING_FLOW (self), NULL);

  return self->field_errors;
}

/**
 * op_onboarding_flow_set_field_errors:
 * @field_errors: (nullable): field → reason, as the platform sent them
 *
 * Replaces the platform's reasons (copied) and tells the pages.
 */
void
op_onboarding_flow_set_field_errors (OpOnboardingFlow *self,
                                     GHashTable       *field_errors)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (OP_IS_ONBOARDING_FLOW (self));

  if (g_hash_table_size (self->field_errors) == 0 &&
      (field_errors == NULL || g_hash_table_size (field_errors) == 0))
    return;

  g_hash_table_remove_all (self->field_errors);
  if (field_errors != NULL)
    {
      g_hash_table_iter_init (&iter, field_errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->field_errors, g_strdup (key), g_strdup (value));
    }

  g_signal_emit (self, signals [FIELD_ERRORS_CHANGED], 0);
}

/**
 * op_onboarding_flow_clear_field_error:
 *
 * The user changed @field: the platform's reason no longer applies.
 */
void
op_onboarding_flow_clear_field_error (OpOnboardingFlow *self,
                                      const char       *field)
{
  g_return_if_fail (OP_IS_ONBOARDING_FLOW (self));
  g_return_if_fail (field != NULL);

  if (g_hash_table_remove (self->field_errors, field))
    g_signal_emit (self, signals [FIELD_ERRORS_CHANGED], 0);
}
