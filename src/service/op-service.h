/* op-service.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "op-store.h"

G_BEGIN_DECLS

typedef enum
{
  OP_REVIEW_MODE_AUTO,    /* decide pending applications after the delay, by the rules */
  OP_REVIEW_MODE_MANUAL,  /* leave them to `open1688-sandbox review` */
} OpReviewMode;

typedef struct
{
  OpReviewMode review_mode;
  guint        review_delay_seconds;
} OpServiceOptions;

/* The default delay before the automatic reviewer decides. */
#define OP_SERVICE_DEFAULT_REVIEW_DELAY 5

#define OP_TYPE_SERVICE (op_service_get_type ())

G_DECLARE_FINAL_TYPE (OpService, op_service, OP, SERVICE, GObject)

void        op_service_options_init  (OpServiceOptions        *options);
OpService  *op_service_new           (const char              *db_path,
                                      const OpServiceOptions  *options,
                                      GError                 **error);
gboolean    op_service_listen        (OpService               *self,
                                      const char              *address,
                                      guint                    port,
                                      GError                 **error);
const char *op_service_get_base_url  (OpService               *self);
guint       op_service_get_port      (OpService               *self);
OpStore    *op_service_get_store     (OpService               *self);
void        op_service_stop          (OpService               *self);

G_END_DECLS
