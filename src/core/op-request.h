/* op-request.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define OP_REQUEST_DEFAULT_PROTOCOL "param2"
#define OP_REQUEST_DEFAULT_VERSION  1

/* The Content-Type of the body op_request_build_body() makes. */
#define OP_REQUEST_CONTENT_TYPE "application/x-www-form-urlencoded; charset=UTF-8"

#define OP_REQUEST_ERROR (op_request_error_quark ())

typedef enum
{
  OP_REQUEST_ERROR_MISSING_EQUALS,
  OP_REQUEST_ERROR_EMPTY_KEY,
  OP_REQUEST_ERROR_INVALID_UTF8,
} OpRequestError;

#define OP_TYPE_REQUEST (op_request_get_type ())

G_DECLARE_FINAL_TYPE (OpRequest, op_request, OP, REQUEST, GObject)

GQuark       op_request_error_quark        (void);

OpRequest   *op_request_new                (const char   *namespace_,
                                            const char   *name,
                                            const char   *app_key);

const char  *op_request_get_protocol       (OpRequest    *self);
void         op_request_set_protocol       (OpRequest    *self,
                                            const char   *protocol);
guint        op_request_get_version        (OpRequest    *self);
void         op_request_set_version        (OpRequest    *self,
                                            guint         version);
const char  *op_request_get_namespace      (OpRequest    *self);
void         op_request_set_namespace      (OpRequest    *self,
                                            const char   *namespace_);
const char  *op_request_get_name           (OpRequest    *self);
void         op_request_set_name           (OpRequest    *self,
                                            const char   *name);
const char  *op_request_get_app_key        (OpRequest    *self);
void         op_request_set_app_key        (OpRequest    *self,
                                            const char   *app_key);

void         op_request_set_param          (OpRequest    *self,
                                            const char   *key,
                                            const char   *value);
void         op_request_set_param_bool     (OpRequest    *self,
                                            const char   *key,
                                            gboolean      value);
void         op_request_set_param_int      (OpRequest    *self,
                                            const char   *key,
                                            gint64        value);
void         op_request_set_param_json     (OpRequest    *self,
                                            const char   *key,
                                            JsonNode     *node);
const char  *op_request_get_param          (OpRequest    *self,
                                            const char   *key);
guint        op_request_get_n_params       (OpRequest    *self);
const char  *op_request_get_nth_param      (OpRequest    *self,
                                            guint         index_,
                                            const char  **value);
void         op_request_remove_all_params  (OpRequest    *self);

char        *op_request_get_url_path       (OpRequest    *self);
char        *op_request_get_string_to_sign (OpRequest    *self);
char        *op_request_get_signature      (OpRequest    *self,
                                            const char   *app_secret);
char        *op_request_build_body         (OpRequest    *self,
                                            const char   *app_secret);
char        *op_request_build_url          (OpRequest    *self,
                                            const char   *gateway_base);
char        *op_request_build_get_url      (OpRequest    *self,
                                            const char   *gateway_base,
                                            const char   *app_secret);

gboolean     op_request_parse_assignment   (const char   *arg,
                                            char        **key,
                                            char        **value,
                                            GError      **error);
void         op_request_append_form_encoded (GString     *string,
                                             const char  *text);

G_END_DECLS
