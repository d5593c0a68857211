/* op-test-ui.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "op-application.h"
#include "op-assistant.h"
#include "op-window.h"

G_BEGIN_DECLS

typedef gboolean (*OpTestWidgetMatch) (GtkWidget *widget, gconstpointer data);

typedef gboolean (*OpTestCondition) (gpointer data);

void           op_test_ui_init                  (int                 *argc,
                                                 char              ***argv);
OpApplication *op_test_ui_start_application     (void);
void           op_test_ui_wait_until            (OpTestCondition      condition,
                                                 gpointer             data,
                                                 guint                timeout_ms);
void           op_test_ui_wait_ready            (OpApplication       *app);
OpAccount     *op_test_ui_sign_in               (OpApplication       *app,
                                                 const char          *login);
void           op_test_ui_iterate               (guint                milliseconds);
GtkWidget     *op_test_ui_find                  (GtkWidget           *root,
                                                 OpTestWidgetMatch    match,
                                                 gconstpointer        data);
gboolean       op_test_ui_match_type            (GtkWidget           *widget,
                                                 gconstpointer        type);
gboolean       op_test_ui_match_label           (GtkWidget           *widget,
                                                 gconstpointer        text);
gboolean       op_test_ui_match_css_class       (GtkWidget           *widget,
                                                 gconstpointer        css_class);
gboolean       op_test_ui_match_title           (GtkWidget           *widget,
                                                 gconstpointer        text);
GtkWindow     *op_test_ui_find_toplevel         (GType                type);
OpWindow      *op_test_ui_window                (void);
GtkWidget     *op_test_ui_find_label_containing (GtkWidget           *root,
                                                 const char          *text);
void           op_test_ui_wait_label            (const char          *text,
                                                 guint                timeout_ms);
void           op_test_ui_result_cb             (GObject             *object,
                                                 GAsyncResult        *result,
                                                 gpointer             user_data);
GAsyncResult  *op_test_ui_await                 (GAsyncResult       **result);
void           op_test_ui_onboard               (OpApplication       *app,
                                                 OpDeveloperType      type);
char          *op_test_ui_lookup_secret         (OpApplication       *app,
                                                 const char          *app_key);
OpApp         *op_test_ui_get_app               (OpApplication       *app,
                                                 const char          *app_key);
OpAssistant   *op_test_ui_assistant             (void);
OpAssistant   *op_test_ui_wait_assistant        (guint                timeout_ms);
const char    *op_test_ui_page_name             (OpAssistant         *assistant);

G_END_DECLS
