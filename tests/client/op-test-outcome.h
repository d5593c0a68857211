/* op-test-outcome.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "op-secret-store.h"

G_BEGIN_DECLS

/* What an asynchronous call of the client layer gave back; the callbacks
 * below fill it in and set @done (op_test_env_run_until() waits for it). */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  gboolean  refreshed;
  char     *secret;
  OpToken  *token;
  char     *account;
  GError   *error;
} OpTestOutcome;

void op_test_outcome_clear           (OpTestOutcome *outcome);

void op_test_secret_stored_cb        (GObject       *object,
                                      GAsyncResult  *result,
                                      gpointer       user_data);
void op_test_secret_looked_up_cb     (GObject       *object,
                                      GAsyncResult  *result,
                                      gpointer       user_data);
void op_test_secret_cleared_cb       (GObject       *object,
                                      GAsyncResult  *result,
                                      gpointer       user_data);
void op_test_token_stored_cb         (GObject       *object,
                                      GAsyncResult  *result,
                                      gpointer       user_data);
void op_test_token_looked_up_cb      (GObject       *object,
                                      GAsyncResult  *result,
                                      gpointer       user_data);

G_END_DECLS
