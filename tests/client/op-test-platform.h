/* op-test-platform.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "op-embedded-platform.h"

G_BEGIN_DECLS

/* An API that needs no authorization, and one that does, both in SOLUTION_ID. */
#define OP_TEST_SOLUTION_ID "1703167400002"
#define OP_TEST_PLAIN_NAMESPACE "com.alibaba.product"
#define OP_TEST_PLAIN_NAME "alibaba.category.get"
#define OP_TEST_TOKEN_NAMESPACE "com.alibaba.account"
#define OP_TEST_TOKEN_NAME "alibaba.account.basic"
#define OP_TEST_MEMBER "merchant"
#define OP_TEST_PASSWORD "sandbox"

typedef struct
{
  OpEmbeddedPlatform *platform;
  SoupSession        *session;
  char               *base_url;
  char               *gateway_url;
  char               *console_token;
  char               *app_key;
  char               *app_secret;
} OpTestPlatform;

OpTestPlatform *op_test_platform_new     (const char      *db_name);
void            op_test_platform_free    (OpTestPlatform  *self);
JsonObject     *op_test_platform_console (OpTestPlatform  *self,
                                          const char      *method,
                                          const char      *path,
                                          const char      *json_body,
                                          guint           *status);
char           *op_test_platform_new_app (OpTestPlatform  *self,
                                          const char      *callback_url,
                                          char           **app_secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpTestPlatform, op_test_platform_free)

G_END_DECLS
