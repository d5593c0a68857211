/* op-onboarding-private.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The keys of the onboarding draft: plain form values only (the SMS code
 * is a one-time credential and is never written to disk). */
#define OP_ONBOARDING_DRAFT_MOBILE         "mobile"
#define OP_ONBOARDING_DRAFT_CONTACT_NAME   "contact_name"
#define OP_ONBOARDING_DRAFT_EMAIL          "email"
#define OP_ONBOARDING_DRAFT_DEVELOPER_TYPE "developer_type"
#define OP_ONBOARDING_DRAFT_COMPANY_NAME   "company_name"

/* How long a field waits after the last key press before it says what is
 * wrong (gnome-initial-setup's debounce). */
#define OP_ONBOARDING_VALIDATE_DELAY_MS 600

char *_op_onboarding_describe_error (const GError *error);
void  _op_onboarding_go_back_to     (GtkWidget    *page,
                                     const char   *page_name);

G_END_DECLS
