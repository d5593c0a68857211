/* op-service-private.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "op-catalog.h"
#include "op-service.h"

G_BEGIN_DECLS

const OpServiceOptions *_op_service_get_options      (OpService          *self);
OpCatalog              *_op_service_get_catalog      (OpService          *self);
void                    _op_service_reviews_changed  (OpService          *self);
char                   *_op_service_request_base_url (SoupServerMessage  *msg);
void                    _op_service_send_html        (SoupServerMessage  *msg,
                                                      guint               status,
                                                      const char         *html);

G_END_DECLS
