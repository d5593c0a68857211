/* op-review.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-review"

#include "config.h"

#include "op-review.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "op-exchange.h"
#include "op-quota.h"
#include "op-validate.h"

/* The review engine: every application that platform staff would check
 * (资质申请, 上线, 上架, 调高调用量) is a row of `reviews` pointing at its
 * subject. The automatic reviewer decides by the rules below once
 * `decide_after` has passed; `open1688-sandbox review` lets a person decide
 * instead. Both go through decide(), inside the caller's transaction. */

#define MAX_IMAGE_BYTES (512 * 1024)

G_DEFINE_QUARK (op-review-error-quark, op_review_error)

void
op_review_item_free (OpReviewItem *item)
{
  if (item == NULL)
    return;

  g_free (item->kind);
  g_free (item->account);
  g_free (item->summary);
  g_free (item);
}

/**
 * op_review_submit:
 * @store: a store inside a transaction
 * @kind: "qualification", "launch", "listing" or "quota_increase"
 * @subject_id: the row of that kind's table
 * @account_id: the applicant
 * @now: the current time
 * @delay_seconds: when the automatic reviewer may decide
 * @error: return location for a #GError
 *
 * Returns: the review's ID, or 0 with @error set
 */
gint64
op_review_submit (OpStore     *store,
                  const char  *kind,
                  gint64       subject_id,
                  gint64       account_id,
                  gint64       now,
                  guint        delay_seconds,
                  GError     **error)
{
  if (!op_store_run (store, error,
                     "INSERT INTO reviews (kind, subject_id, account_id, state, created_at, "
                     "decide_after) VALUES (?1, ?2, ?3, 'pending', ?4, ?5)",
                     "siiii", kind, subject_id, account_id, now, now + (gint64) delay_seconds))
    return 0;

  return op_store_last_insert_id (store);
}

static char *
subject_summary (OpStore     *store,
                 const char  *kind,
                 gint64       subject_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpStmt) stmt = NULL;
  const char *sql;

  if (g_str_equal (kind, "qualification"))
    sql = "SELECT 'role ' || q.role_id || ': ' || "
          "COALESCE(json_extract(q.fields, '$.company_name'), '') || ' ' || "
          "COALESCE(json_extract(q.fields, '$.uscc'), '') "
          "FROM qualifications q WHERE q.id = ?1";
  else if (g_str_equal (kind, "launch"))
    sql = "SELECT 'app ' || a.app_key || ' ' || a.name "
          "FROM launches l JOIN apps a ON a.id = l.app_id WHERE l.id = ?1";
  else if (g_str_equal (kind, "listing"))
    sql = "SELECT 'app ' || a.app_key || ' ' || a.name || ', callback ' || l.callback_url "
          "FROM listings l JOIN apps a ON a.id = l.app_id WHERE l.id = ?1";
  else
    sql = "SELECT 'app ' || a.app_key || ': ' || q.previous_limit || ' -> ' || q.daily_limit || "
          "' calls/day (' || q.applicant_reason || ')' "
          "FROM quota_increases q JOIN apps a ON a.id = q.app_id WHERE q.id = ?1";

  stmt = op_store_query (store, &error, sql, "i", subject_id);
  if (stmt == NULL || op_store_step (store, stmt, &error) != SQLITE_ROW)
    return g_strdup ("?");

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/**
 * op_review_list_pending:
 * @store: a store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type OpReviewItem): the pending
 *   applications, oldest first
 */
GPtrArray *
op_review_list_pending (OpStore  *store,
                        GError  **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) op_review_item_free);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (store, error,
                         "SELECT r.id, r.kind, r.subject_id, a.login, r.created_at, r.decide_after "
                         "FROM reviews r JOIN accounts a ON a.id = r.account_id "
                         "WHERE r.state = 'pending' ORDER BY r.id", NULL);
  if (stmt == NULL)
    return NULL;

  while ((rc = op_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      OpReviewItem *item = g_new0 (OpReviewItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item->subject_id = sqlite3_column_int64 (stmt, 2);
      item->account = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      item->created_at = sqlite3_column_int64 (stmt, 4);
      item->decide_after = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (items, item);
    }

  if (rc < 0)
    return NULL;

  op_stmt_release (g_steal_pointer (&stmt));

  for (guint i = 0; i < items->len; i++)
    {
      OpReviewItem *item = g_ptr_array_index (items, i);

      item->summary = subject_summary (store, item->kind, item->subject_id);
    }

  return g_steal_pointer (&items);
}

/* --- Qualification fields ------------------------------------------- */

static gboolean
is_base64_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return FALSE;

  return text[0] != '\0';
}

/* A data: URL of a PNG or JPEG image of at most MAX_IMAGE_BYTES. */
static gboolean
is_valid_image (const char *value)
{
  static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg_magic[] = { 0xff, 0xd8, 0xff };
  const char *data;
  g_autofree guchar *bytes = NULL;
  gsize length = 0;

  if (g_str_has_prefix (value, "data:image/png;base64,"))
    data = value + strlen ("data:image/png;base64,");
  else if (g_str_has_prefix (value, "data:image/jpeg;base64,"))
    data = value + strlen ("data:image/jpeg;base64,");
  else
    return FALSE;

  if (!is_base64_text (data) || strlen (data) % 4 != 0)
    return FALSE;

  bytes = g_base64_decode (data, &length);
  if (length == 0 || length > MAX_IMAGE_BYTES)
    return FALSE;

  return (length >= sizeof png_magic && memcmp (bytes, png_magic, sizeof png_magic) == 0) ||
         (length >= sizeof jpeg_magic && memcmp (bytes, jpeg_magic, sizeof jpeg_magic) == 0);
}

static gboolean
is_option (JsonObject *field,
           const char *value)
{
  JsonArray *options;

  if (!json_object_has_member (field, "options"))
    return FALSE;

  options = json_object_get_array_member (field, "options");
  for (guint i = 0; i < json_array_get_length (options); i++)
    {
      JsonObject *option = json_array_get_object_element (options, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (option, "value", NULL), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Returns the "field.*" reason id when @value is not valid, else NULL. */
static const char *
check_field_value (JsonObject *field,
                   const char *value)
{
  const char *validation = json_object_get_string_member_with_default (field, "validation", "none");
  gboolean required = json_object_get_boolean_member_with_default (field, "required", FALSE);
  g_autofree char *trimmed = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (trimmed[0] == '\0')
    return required ? "field.required" : NULL;

  if (g_str_equal (validation, "uscc"))
    return op_validate_uscc (trimmed, NULL) ? NULL : "field.invalid_uscc";
  if (g_str_equal (validation, "mobile"))
    return op_validate_mobile (trimmed, NULL) ? NULL : "field.invalid_mobile";
  if (g_str_equal (validation, "email"))
    return op_validate_email (trimmed, NULL) ? NULL : "field.invalid_email";
  if (g_str_equal (validation, "https_url"))
    return op_validate_https_url (trimmed, NULL) ? NULL : "field.invalid_https_url";
  if (g_str_equal (validation, "choice"))
    return is_option (field, trimmed) ? NULL : "field.invalid_format";
  if (g_str_equal (validation, "image"))
    return is_valid_image (trimmed) ? NULL : "field.invalid_format";

  return NULL;
}

static JsonArray *
load_role_form (OpStore     *store,
                const char  *role_id,
                GError     **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autoptr(JsonNode) form = NULL;

  stmt = op_store_query (store, error, "SELECT form FROM roles WHERE id = ?1", "s", role_id);
  if (stmt == NULL)
    return NULL;

  if (op_store_step (store, stmt, error) != SQLITE_ROW)
    {
      g_set_error (error, OP_REVIEW_ERROR, OP_REVIEW_ERROR_NOT_FOUND, "No role %s", role_id);
      return NULL;
    }

  form = json_from_string ((const char *) sqlite3_column_text (stmt, 0), error);
  if (form == NULL)
    return NULL;

  return json_array_ref (json_node_get_array (form));
}

/**
 * op_review_check_qualification:
 * @store: a store
 * @role_id: the role applied for
 * @fields_json: the application's fields, a JSON object of strings
 * @field_reasons_json: (out) (optional): when some field is not valid, a
 *   JSON object `{field: {"en": …, "zh_CN": …}}`
 * @error: return location for a #GError
 *
 * The qualification rules: every field of the role's form validates
 * (required ones present; the 统一社会信用代码 with its checksum, mobile
 * numbers, e-mail addresses, https:// addresses, choices among the options,
 * images as PNG or JPEG).
 *
 * Returns: %TRUE if every field is valid; %FALSE with @error unset when some
 *   field is not, with @error set when the check could not run
 */
gboolean
op_review_check_qualification (OpStore     *store,
                               const char  *role_id,
                               const char  *fields_json,
                               char       **field_reasons_json,
                               GError     **error)
{
  g_autoptr(JsonArray) form = NULL;
  g_autoptr(JsonNode) fields_node = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) reasons = NULL;
  JsonObject *fields;
  guint n_invalid = 0;

  form = load_role_form (store, role_id, error);
  if (form == NULL)
    return FALSE;

  fields_node = json_from_string (fields_json, error);
  if (fields_node == NULL)
    return FALSE;
  fields = json_node_get_object (fields_node);

  json_builder_begin_object (builder);
  for (guint i = 0; i < json_array_get_length (form); i++)
    {
      JsonObject *field = json_array_get_object_element (form, i);
      const char *name = json_object_get_string_member (field, "name");
      const char *value = json_object_get_string_member_with_default (fields, name, NULL);
      const char *reason = check_field_value (field, value);

      if (reason == NULL)
        continue;

      n_invalid++;
      json_builder_set_member_name (builder, name);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "en");
      json_builder_add_string_value (builder, op_message_text (reason, OP_LANG_EN));
      json_builder_set_member_name (builder, "zh_CN");
      json_builder_add_string_value (builder, op_message_text (reason, OP_LANG_ZH_CN));
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  reasons = json_builder_get_root (builder);
  if (field_reasons_json != NULL)
    *field_reasons_json = n_invalid > 0 ? json_to_string (reasons, FALSE) : NULL;

  return n_invalid == 0;
}

/* --- Decisions -------------------------------------------------------- */

typedef struct
{
  gint64  id;
  char   *kind;
  gint64  subject_id;
  char   *state;
} ReviewRow;

static void
review_row_clear (ReviewRow *row)
{
  g_clear_pointer (&row->kind, g_free);
  g_clear_pointer (&row->state, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReviewRow, review_row_clear)

static gboolean
load_review (OpStore    *store,
             gint64      review_id,
             ReviewRow  *row,
             GError    **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (store, error,
                         "SELECT kind, subject_id, state FROM reviews WHERE id = ?1",
                         "i", review_id);
  if (stmt == NULL)
    return FALSE;

  rc = op_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, OP_REVIEW_ERROR, OP_REVIEW_ERROR_NOT_FOUND,
                   "No review %" G_GINT64_FORMAT, review_id);
      return FALSE;
    }

  row->id = review_id;
  row->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->subject_id = sqlite3_column_int64 (stmt, 1);
  row->state = g_strdup ((const char *) sqlite3_column_text (stmt, 2));

  return TRUE;
}

static gboolean
apply_qualification (OpStore     *store,
                     gint64       subject_id,
                     gboolean     approve,
                     const char  *reason,
                     const char  *field_reasons,
                     gint64       now,
                     GError     **error)
{
  if (!op_store_run (store, error,
                     "UPDATE qualifications SET state = ?2, reason = ?3, field_reasons = ?4, "
                     "updated_at = ?5 WHERE id = ?1",
                     "isssi", subject_id, approve ? "approved" : "rejected",
                     approve ? NULL : reason, approve ? NULL : field_reasons, now))
    return FALSE;

  if (!approve)
    return TRUE;

  return op_store_run (store, error,
                       "INSERT INTO account_roles (account_id, role_id, source, granted_at) "
                       "SELECT account_id, role_id, 'qualification', ?2 FROM qualifications "
                       "WHERE id = ?1 ON CONFLICT DO NOTHING",
                       "ii", subject_id, now);
}

static gboolean
apply_launch (OpStore     *store,
              gint64       subject_id,
              gboolean     approve,
              const char  *reason,
              gint64       now,
              GError     **error)
{
  if (!op_store_run (store, error,
                     "UPDATE launches SET state = ?2, reason = ?3, decided_at = ?4 WHERE id = ?1",
                     "issi", subject_id, approve ? "approved" : "rejected",
                     approve ? NULL : reason, now))
    return FALSE;

  if (approve)
    return op_store_run (store, error,
                         "UPDATE apps SET state = 'launched', daily_limit = MAX(daily_limit, ?2) "
                         "WHERE id = (SELECT app_id FROM launches WHERE id = ?1)",
                         "ii", subject_id, (gint64) OP_QUOTA_LAUNCHED_DAILY_LIMIT);

  return op_store_run (store, error,
                       "UPDATE apps SET state = 'developing' "
                       "WHERE id = (SELECT app_id FROM launches WHERE id = ?1)",
                       "i", subject_id);
}

static gboolean
apply_listing (OpStore     *store,
               gint64       subject_id,
               gboolean     approve,
               const char  *reason,
               gint64       now,
               GError     **error)
{
  return op_store_run (store, error,
                       "UPDATE listings SET state = ?2, reason = ?3, decided_at = ?4 WHERE id = ?1",
                       "issi", subject_id, approve ? "approved" : "rejected",
                       approve ? NULL : reason, now);
}

static gboolean
apply_quota_increase (OpStore     *store,
                      gint64       subject_id,
                      gboolean     approve,
                      const char  *reason,
                      gint64       now,
                      GError     **error)
{
  if (!op_store_run (store, error,
                     "UPDATE quota_increases SET state = ?2, reason = ?3, decided_at = ?4 "
                     "WHERE id = ?1",
                     "issi", subject_id, approve ? "approved" : "rejected",
                     approve ? NULL : reason, now))
    return FALSE;

  if (!approve)
    return TRUE;

  return op_store_run (store, error,
                       "UPDATE apps SET daily_limit = q.daily_limit "
                       "FROM (SELECT app_id, daily_limit FROM quota_increases WHERE id = ?1) AS q "
                       "WHERE apps.id = q.app_id",
                       "i", subject_id);
}

static gboolean
decide (OpStore     *store,
        ReviewRow   *row,
        gboolean     approve,
        const char  *reason,
        const char  *field_reasons,
        const char  *decided_by,
        gint64       now,
        GError     **error)
{
  gboolean ok;

  if (!g_str_equal (row->state, "pending"))
    {
      g_set_error (error, OP_REVIEW_ERROR, OP_REVIEW_ERROR_DECIDED,
                   "Review %" G_GINT64_FORMAT " was already decided (%s)", row->id, row->state);
      return FALSE;
    }

  if (g_str_equal (row->kind, "qualification"))
    ok = apply_qualification (store, row->subject_id, approve, reason, field_reasons, now, error);
  else if (g_str_equal (row->kind, "launch"))
    ok = apply_launch (store, row->subject_id, approve, reason, now, error);
  else if (g_str_equal (row->kind, "listing"))
    ok = apply_listing (store, row->subject_id, approve, reason, now, error);
  else
    ok = apply_quota_increase (store, row->subject_id, approve, reason, now, error);

  if (!ok)
    return FALSE;

  return op_store_run (store, error,
                       "UPDATE reviews SET state = ?2, reason = ?3, decided_by = ?4, "
                       "decided_at = ?5 WHERE id = ?1",
                       "isssi", row->id, approve ? "approved" : "rejected",
                       approve ? NULL : reason, decided_by, now);
}

/**
 * op_review_decide:
 * @store: a store inside a transaction
 * @review_id: the review
 * @approve: %TRUE to approve, %FALSE to reject
 * @reason: (nullable): the reviewer's reason (required to reject)
 * @now: the current time
 * @error: return location for a #GError
 *
 * The reviewer's decision (`open1688-sandbox review approve|reject`).
 *
 * Returns: %TRUE on success
 */
gboolean
op_review_decide (OpStore     *store,
                  gint64       review_id,
                  gboolean     approve,
                  const char  *reason,
                  gint64       now,
                  GError     **error)
{
  g_auto(ReviewRow) row = { 0, };
  g_autofree char *pair = NULL;

  g_return_val_if_fail (OP_IS_STORE (store), FALSE);
  g_return_val_if_fail (approve || (reason != NULL && reason[0] != '\0'), FALSE);

  if (!load_review (store, review_id, &row, error))
    return FALSE;

  if (!approve)
    pair = op_localized_pair_new_literal (reason);

  return decide (store, &row, approve, pair, NULL, "reviewer", now, error);
}

static gboolean
auto_qualification (OpStore     *store,
                    ReviewRow   *row,
                    gint64       now,
                    GError     **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autofree char *role_id = NULL;
  g_autofree char *fields = NULL;
  g_autofree char *field_reasons = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) local_error = NULL;

  stmt = op_store_query (store, error,
                         "SELECT role_id, fields FROM qualifications WHERE id = ?1",
                         "i", row->subject_id);
  if (stmt == NULL || op_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  role_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  fields = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  op_stmt_release (g_steal_pointer (&stmt));

  if (op_review_check_qualification (store, role_id, fields, &field_reasons, &local_error))
    return decide (store, row, TRUE, NULL, NULL, "auto", now, error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  {
    g_autoptr(JsonNode) node = json_from_string (field_reasons, NULL);
    g_autoptr(GList) names = json_object_get_members (json_node_get_object (node));
    g_autoptr(GString) list = g_string_new (NULL);

    for (GList *l = names; l != NULL; l = l->next)
      g_string_append_printf (list, "%s%s", list->len > 0 ? ", " : "", (const char *) l->data);

    reason = op_localized_pair_new ("review.fields_invalid", "fields", list->str, NULL);
  }

  return decide (store, row, FALSE, reason, field_reasons, "auto", now, error);
}

static gboolean
auto_quota_increase (OpStore     *store,
                     ReviewRow   *row,
                     gint64       now,
                     GError     **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *max = NULL;
  gint64 limit;

  stmt = op_store_query (store, error,
                         "SELECT daily_limit FROM quota_increases WHERE id = ?1",
                         "i", row->subject_id);
  if (stmt == NULL || op_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  limit = sqlite3_column_int64 (stmt, 0);
  op_stmt_release (g_steal_pointer (&stmt));

  if (limit <= OP_REVIEW_AUTO_MAX_DAILY_LIMIT)
    return decide (store, row, TRUE, NULL, NULL, "auto", now, error);

  max = g_strdup_printf ("%d", OP_REVIEW_AUTO_MAX_DAILY_LIMIT);
  reason = op_localized_pair_new ("review.quota_too_high", "max", max, NULL);

  return decide (store, row, FALSE, reason, NULL, "auto", now, error);
}

/**
 * op_review_decide_auto:
 * @store: a store inside a transaction
 * @review_id: a pending review
 * @now: the current time
 * @error: return location for a #GError
 *
 * Decides by the sandbox's rules: a qualification is approved when every
 * field validates and rejected with the reasons otherwise; a quota increase
 * is approved up to %OP_REVIEW_AUTO_MAX_DAILY_LIMIT calls a day; launches
 * and listings, whose conditions were checked when they were submitted,
 * are approved.
 *
 * Returns: %TRUE on success
 */
gboolean
op_review_decide_auto (OpStore  *store,
                       gint64    review_id,
                       gint64    now,
                       GError  **error)
{
  g_auto(ReviewRow) row = { 0, };

  g_return_val_if_fail (OP_IS_STORE (store), FALSE);

  if (!load_review (store, review_id, &row, error))
    return FALSE;

  if (g_str_equal (row.kind, "qualification"))
    return auto_qualification (store, &row, now, error);
  if (g_str_equal (row.kind, "quota_increase"))
    return auto_quota_increase (store, &row, now, error);

  return decide (store, &row, TRUE, NULL, NULL, "auto", now, error);
}

/**
 * op_review_next_due:
 * @store: a store
 * @error: return location for a #GError
 *
 * Returns: when the earliest pending review may be decided, -1 when none
 *   is pending, -2 on error
 */
gint64
op_review_next_due (OpStore  *store,
                    GError  **error)
{
  g_autoptr(OpStmt) stmt = NULL;

  stmt = op_store_query (store, error,
                         "SELECT MIN(decide_after) FROM reviews WHERE state = 'pending'", NULL);
  if (stmt == NULL || op_store_step (store, stmt, error) != SQLITE_ROW)
    return -2;

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/**
 * op_review_run_due:
 * @store: a store inside a transaction
 * @now: the current time
 * @error: return location for a #GError
 *
 * Decides every pending review whose time has come.
 *
 * Returns: how many were decided, or -1 on error
 */
gint
op_review_run_due (OpStore  *store,
                   gint64    now,
                   GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (store, error,
                         "SELECT id FROM reviews WHERE state = 'pending' AND decide_after <= ?1 "
                         "ORDER BY id", "i", now);
  if (stmt == NULL)
    return -1;

  while ((rc = op_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc < 0)
    return -1;

  op_stmt_release (g_steal_pointer (&stmt));

  for (guint i = 0; i < ids->len; i++)
    if (!op_review_decide_auto (store, g_array_index (ids, gint64, i), now, error))
      return -1;

  return (gint) ids->len;
}
