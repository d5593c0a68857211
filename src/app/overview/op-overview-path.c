/* op-overview-path.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-overview-path"

#include "config.h"

#include <string.h>

#include "op-app.h"
#include "op-overview-path.h"
#include "op-qualification.h"

/* Where a member stands on the path 入驻 → 资质 → 订购解决方案 →
 * 开发及测试 → 上线 / 上架, from what the platform says about the
 * account, its apps and its qualification applications. A step is done
 * when the platform's state shows it (never by what this app remembers),
 * so that the overview agrees with the platform whatever was done
 * elsewhere. */

static void
find_app_progress (GListModel *apps,
                   gboolean   *ordered,
                   gboolean   *tested,
                   gboolean   *launched,
                   gboolean   *waiting,
                   gboolean   *rejected)
{
  guint n = apps != NULL ? g_list_model_get_n_items (apps) : 0;

  *ordered = *tested = *launched = *waiting = *rejected = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApp) app = g_list_model_get_item (apps, i);
      OpAppState state = op_app_get_state (app);
      OpReviewState launch = op_app_get_launch_state (app);
      OpReviewState listing = op_app_get_listing_state (app);

      if (op_app_get_n_solutions (app) > 0)
        *ordered = TRUE;

      /* An app under launch review or launched was tested before. */
      if (op_app_get_has_successful_call (app) || state != OP_APP_STATE_DEVELOPING ||
          listing != OP_REVIEW_STATE_NONE)
        *tested = TRUE;

      if (state == OP_APP_STATE_LAUNCHED || listing == OP_REVIEW_STATE_APPROVED)
        *launched = TRUE;

      if (state == OP_APP_STATE_LAUNCH_REVIEW || launch == OP_REVIEW_STATE_PENDING ||
          listing == OP_REVIEW_STATE_PENDING)
        *waiting = TRUE;

      if (launch == OP_REVIEW_STATE_REJECTED || listing == OP_REVIEW_STATE_REJECTED)
        *rejected = TRUE;
    }
}

/**
 * op_overview_path_compute:
 * @account: (nullable): the account, %NULL when nobody is signed in
 * @apps: (nullable) (element-type OpApp): the account's apps, each with its
 *   details (GET /apps/{app_key}: the launch and listing states)
 * @qualifications: (nullable) (element-type OpQualification): the
 *   account's qualification applications, newest first
 * @state: (out caller-allocates): where the member stands
 */
void
op_overview_path_compute (OpAccount   *account,
                          GListModel  *apps,
                          GListModel  *qualifications,
                          OpPathState *state)
{
  const char * const *roles;
  gboolean ordered, tested, launched, waiting, rejected;

  g_return_if_fail (state != NULL);

  memset (state, 0, sizeof *state);
  state->current = OP_PATH_STEP_JOIN;

  if (account == NULL || !op_account_get_is_developer (account))
    return;

  state->isv = op_account_get_developer_type (account) == OP_DEVELOPER_TYPE_ISV;

  roles = op_account_get_role_ids (account);
  if (roles == NULL || roles[0] == NULL)
    {
      guint n = qualifications != NULL ? g_list_model_get_n_items (qualifications) : 0;

      state->current = OP_PATH_STEP_QUALIFY;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(OpQualification) qualification = g_list_model_get_item (qualifications, i);

          if (op_qualification_get_state (qualification) == OP_REVIEW_STATE_PENDING)
            state->waiting = TRUE;
        }

      if (n > 0 && !state->waiting)
        {
          g_autoptr(OpQualification) newest = g_list_model_get_item (qualifications, 0);

          state->rejected = op_qualification_get_state (newest) == OP_REVIEW_STATE_REJECTED;
        }
      return;
    }

  find_app_progress (apps, &ordered, &tested, &launched, &waiting, &rejected);

  if (!ordered)
    state->current = OP_PATH_STEP_ORDER;
  else if (!tested)
    state->current = OP_PATH_STEP_DEVELOP;
  else if (!launched)
    {
      state->current = OP_PATH_STEP_LAUNCH;
      state->waiting = waiting;
      state->rejected = rejected && !waiting;
    }
  else
    state->current = OP_PATH_STEP_DONE;
}
