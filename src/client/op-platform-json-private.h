/* op-platform-json-private.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Readers for the models' op_<thing>_new_from_json(): each takes one member
 * of a JSON object. A member that is absent or JSON null is "missing": an
 * error (G_IO_ERROR_INVALID_DATA, naming the member; technical, logged, never
 * shown) when @required, else the out value is left as it was and TRUE is
 * returned. A member of the wrong type is always an error. Members the reader
 * is not asked for are ignored. */

typedef gpointer (*OpJsonParseFunc) (JsonObject  *object,
                                     GError     **error);

gboolean    _op_json_get_string     (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     char        **value,
                                     GError      **error);
gboolean    _op_json_get_int        (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     gint64       *value,
                                     GError      **error);
gboolean    _op_json_get_bool       (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     gboolean     *value,
                                     GError      **error);
gboolean    _op_json_get_time       (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     GDateTime   **value,
                                     GError      **error);
gboolean    _op_json_get_enum       (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     GType         enum_type,
                                     int          *value,
                                     GError      **error);
gboolean    _op_json_get_object     (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     JsonObject  **value,
                                     GError      **error);
gboolean    _op_json_get_array      (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     JsonArray   **value,
                                     GError      **error);
gboolean    _op_json_get_string_map (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     GHashTable  **value,
                                     GError      **error);
gboolean    _op_json_get_strv       (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     const char   *id_member,
                                     char       ***value,
                                     GError      **error);
GListStore *_op_json_parse_list     (JsonArray    *array,
                                     const char   *member,
                                     GType         item_type,
                                     OpJsonParseFunc parse,
                                     GError      **error);
gboolean    _op_json_get_list       (JsonObject   *object,
                                     const char   *member,
                                     gboolean      required,
                                     GType         item_type,
                                     OpJsonParseFunc parse,
                                     GListStore  **value,
                                     GError      **error);
const char *_op_json_enum_to_nick   (GType         enum_type,
                                     int           value);

G_END_DECLS
