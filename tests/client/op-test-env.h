/* op-test-env.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum
{
  OP_TEST_ENV_NO_BUS,      /* DBUS_SESSION_BUS_ADDRESS unset, no display */
  OP_TEST_ENV_EMPTY_BUS,   /* a private bus with no Secret Service on it */
  OP_TEST_ENV_KEYRING,     /* a private bus with an unlocked gnome-keyring */
} OpTestEnvKind;

void        op_test_env_setup           (OpTestEnvKind  kind);
void        op_test_env_teardown        (void);
const char *op_test_env_get_scratch     (void);
char       *op_test_env_find_in_files   (const char    *needle,
                                         guint         *n_files);
void        op_test_env_run_until       (gboolean      *done);
GBytes     *op_test_env_http            (SoupSession   *session,
                                         const char    *method,
                                         const char    *url,
                                         const char    *content_type,
                                         const char    *body,
                                         guint         *status,
                                         SoupMessageHeaders **headers);

G_END_DECLS
