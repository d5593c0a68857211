/* op-test-outcome.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "op-test-outcome.h"

void
op_test_outcome_clear (OpTestOutcome *outcome)
{
  g_clear_pointer (&outcome->secret, op_secret_free);
  g_clear_object (&outcome->token);
  g_clear_pointer (&outcome->account, g_free);
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
  outcome->ok = FALSE;
  outcome->refreshed = FALSE;
}

void
op_test_secret_stored_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  OpTestOutcome *outcome = user_data;

  outcome->ok = op_secret_store_store_finish (OP_SECRET_STORE (object), result, &outcome->error);
  outcome->done = TRUE;
}

void
op_test_secret_looked_up_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  OpTestOutcome *outcome = user_data;

  outcome->secret = op_secret_store_lookup_finish (OP_SECRET_STORE (object), result,
                                                   &outcome->error);
  outcome->ok = outcome->secret != NULL;
  outcome->done = TRUE;
}

void
op_test_secret_cleared_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  OpTestOutcome *outcome = user_data;

  outcome->ok = op_secret_store_clear_finish (OP_SECRET_STORE (object), result, &outcome->error);
  outcome->done = TRUE;
}

void
op_test_token_stored_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  OpTestOutcome *outcome = user_data;

  outcome->ok = op_secret_store_store_token_finish (OP_SECRET_STORE (object), result,
                                                    &outcome->error);
  outcome->done = TRUE;
}

void
op_test_token_looked_up_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  OpTestOutcome *outcome = user_data;

  g_clear_pointer (&outcome->account, g_free);
  outcome->token = op_secret_store_lookup_token_finish (OP_SECRET_STORE (object), result,
                                                        &outcome->account, &outcome->error);
  outcome->ok = outcome->token != NULL;
  outcome->done = TRUE;
}
