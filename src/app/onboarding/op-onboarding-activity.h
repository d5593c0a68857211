/* op-onboarding-activity.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OP_TYPE_ONBOARDING_ACTIVITY (op_onboarding_activity_get_type())

G_DECLARE_FINAL_TYPE (OpOnboardingActivity, op_onboarding_activity, OP, ONBOARDING_ACTIVITY, AdwBin)

void        op_onboarding_activity_start       (OpOnboardingActivity *self,
                                                const char           *message,
                                                GCancellable         *cancellable);
void        op_onboarding_activity_fail        (OpOnboardingActivity *self,
                                                const char           *message);
void        op_onboarding_activity_clear       (OpOnboardingActivity *self);
gboolean    op_onboarding_activity_get_working (OpOnboardingActivity *self);
const char *op_onboarding_activity_get_message (OpOnboardingActivity *self);

G_END_DECLS
