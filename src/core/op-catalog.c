/* op-catalog.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-catalog"

#include "config.h"

#include "op-catalog.h"

#include "op-api-private.h"
#include "op-catalog-results.h"
#include "op-core-resources.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

/* Our schema nests five levels deep; refuse deeper input before JsonParser, whose
 * recursion would overflow the stack on a few hundred thousand brackets. */
#define MAX_DEPTH 64

#define CATALOG_FORMAT_VERSION 1

/* How well one search term matches an API; lower is better. */
typedef enum
{
  RANK_EXACT,      /* the id, the name, or name-version */
  RANK_PREFIX,     /* a prefix of name-version (or of the id, when the term has a “:”) */
  RANK_WORD,       /* a prefix from a word start of the name: “.”, “-”, “_”, camelCase */
  RANK_TITLE,      /* a substring of the Chinese or English title */
  RANK_NAME,       /* a substring of the name elsewhere */
  RANK_NAMESPACE,  /* a substring of the namespace (or across “:”) */
  RANK_PARAM,      /* a substring of a parameter name */
  N_RANKS
} Rank;

/* The set of byte values in a text: a term can only be found in a text that has
 * every byte of the term. */
typedef struct
{
  guint64 bits[4];
} ByteSet;

/* What search looks at, folded (NFKC, case-folded) once at load. */
typedef struct
{
  ByteSet  bytes;            /* of all the texts below */
  ByteSet  id_bytes;         /* of id (which holds name) */
  ByteSet  title_bytes;      /* of titles */
  ByteSet  param_bytes;      /* of params */
  char    *id;               /* namespace:name-version */
  char    *name;             /* name-version */
  char    *titles;           /* title_zh "\n" title_en */
  char    *params;           /* parameter names joined by "\n", or NULL */
  guint   *word_starts;      /* byte offsets in name where a word starts */
  guint    n_word_starts;
  gsize    id_len;
  gsize    name_len;         /* of the name without "-version" */
  gsize    name_version_len;
} SearchEntry;

/* An API that matches a query, and how well (the sum of its terms' ranks). */
typedef struct
{
  guint index;
  guint score;
} Match;

struct _OpCatalog
{
  GObject parent_instance;

  char *name;
  GPtrArray *apis;        /* OpApi, catalog order */
  GHashTable *by_id;      /* id → OpApi (keys owned by the OpApi) */
  SearchEntry *entries;   /* parallel to apis */

  /* The previous search: typing extends a query, and an extended query can only
   * match a subset of what the shorter one matched. */
  GMutex cache_lock;
  char *cache_query;      /* folded */
  GArray *cache_matches;  /* Match, catalog order */
};

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OpCatalog, op_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (op-catalog-error-quark, op_catalog_error)

static GParamSpec *properties [N_PROPS];

static GType
op_catalog_get_item_type (GListModel *model)
{
  return OP_TYPE_API;
}

static guint
op_catalog_get_n_items (GListModel *model)
{
  OpCatalog *self = OP_CATALOG (model);

  return self->apis->len;
}

static gpointer
op_catalog_get_item (GListModel *model,
                     guint       position)
{
  OpCatalog *self = OP_CATALOG (model);

  if (position >= self->apis->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->apis, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = op_catalog_get_item_type;
  iface->get_n_items = op_catalog_get_n_items;
  iface->get_item = op_catalog_get_item;
}

/* Text comparison for search: compatibility-normalised (full-width letters and
 * digits become ASCII) and case-folded. */
static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  if (normalized == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normalized, -1);
}

static gboolean
is_word_separator (gunichar c)
{
  return c == '.' || c == '-' || c == '_' || c == ':' || c == '/' || g_unichar_isspace (c);
}

/* Folds a name, noting where its words start: after a separator and at
 * camelCase humps (getBuyerOrderList → get, Buyer, Order, List; OpQuery → Op, Query). */
static char *
fold_name (const char *name,
           GArray     *word_starts)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);
  gunichar prev = 0;

  if (normalized == NULL)
    return g_string_free (out, FALSE);

  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));
      gboolean start = FALSE;

      if (!is_word_separator (c))
        {
          if (prev == 0 || is_word_separator (prev))
            start = TRUE;
          else if (g_unichar_isupper (c) && (g_unichar_islower (prev) || g_unichar_isdigit (prev)))
            start = TRUE;
          else if (g_unichar_isupper (c) && g_unichar_isupper (prev) && g_unichar_islower (next))
            start = TRUE;
        }

      if (start)
        {
          guint offset = out->len;

          g_array_append_val (word_starts, offset);
        }

      if (c < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower ((char) c));
        }
      else
        {
          char buf[8];
          int len = g_unichar_to_utf8 (c, buf);
          g_autofree char *folded = g_utf8_casefold (buf, len);

          g_string_append (out, folded);
        }

      prev = c;
    }

  return g_string_free (out, FALSE);
}

static void
byte_set_add (ByteSet    *set,
              const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    set->bits[*p >> 6] |= G_GUINT64_CONSTANT (1) << (*p & 63);
}

static inline gboolean
byte_set_contains (const ByteSet *set,
                   const ByteSet *subset)
{
  return (set->bits[0] & subset->bits[0]) == subset->bits[0] &&
         (set->bits[1] & subset->bits[1]) == subset->bits[1] &&
         (set->bits[2] & subset->bits[2]) == subset->bits[2] &&
         (set->bits[3] & subset->bits[3]) == subset->bits[3];
}

static void
search_entry_init (SearchEntry *entry,
                   OpApi       *api)
{
  GListModel *params = op_api_get_params (api);
  guint n_params = g_list_model_get_n_items (params);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *name = fold_name (op_api_get_name (api), starts);
  g_autofree char *title_zh = fold (op_api_get_title_zh (api));
  g_autofree char *title_en = fold (op_api_get_title_en (api) != NULL ? op_api_get_title_en (api) : "");

  entry->name_len = strlen (name);
  entry->name = g_strdup_printf ("%s-%u", name, op_api_get_version (api));
  entry->name_version_len = strlen (entry->name);
  entry->id = fold (op_api_get_id (api));
  entry->id_len = strlen (entry->id);
  entry->titles = g_strconcat (title_zh, "\n", title_en, NULL);
  entry->n_word_starts = starts->len;
  entry->word_starts = (guint *) (gpointer) g_array_free (g_steal_pointer (&starts), FALSE);

  if (n_params > 0)
    {
      GString *joined = g_string_new (NULL);

      for (guint i = 0; i < n_params; i++)
        {
          g_autoptr(OpApiParam) param = g_list_model_get_item (params, i);
          g_autofree char *folded = fold (op_api_param_get_name (param));

          if (i > 0)
            g_string_append_c (joined, '\n');
          g_string_append (joined, folded);
        }

      entry->params = g_string_free (joined, FALSE);
    }

  byte_set_add (&entry->id_bytes, entry->id);
  byte_set_add (&entry->title_bytes, entry->titles);
  if (entry->params != NULL)
    byte_set_add (&entry->param_bytes, entry->params);
  for (guint i = 0; i < G_N_ELEMENTS (entry->bytes.bits); i++)
    entry->bytes.bits[i] = entry->id_bytes.bits[i] | entry->title_bytes.bits[i] |
                           entry->param_bytes.bits[i];
}

static void
search_entry_clear (SearchEntry *entry)
{
  g_clear_pointer (&entry->id, g_free);
  g_clear_pointer (&entry->name, g_free);
  g_clear_pointer (&entry->titles, g_free);
  g_clear_pointer (&entry->params, g_free);
  g_clear_pointer (&entry->word_starts, g_free);
}

/* Whether @text starts with @term; the first byte is compared inline, since most
 * candidates differ there. */
static inline gboolean
starts_with (const char *text,
             const char *term,
             gsize       term_len)
{
  return text[0] == term[0] && strncmp (text, term, term_len) == 0;
}

/* The best rank at which @term matches @entry, or -1. The byte sets skip the texts
 * that lack a byte of the term. */
static int
rank_term (const SearchEntry *entry,
           const char        *term,
           gsize              term_len,
           gboolean           term_has_colon,
           const ByteSet     *term_bytes)
{
  gboolean in_id = byte_set_contains (&entry->id_bytes, term_bytes);

  if (in_id)
    {
      if ((term_len == entry->name_len && starts_with (entry->name, term, term_len)) ||
          (term_len == entry->name_version_len && strcmp (entry->name, term) == 0) ||
          (term_len == entry->id_len && strcmp (entry->id, term) == 0))
        return RANK_EXACT;

      if (starts_with (entry->name, term, term_len) ||
          (term_has_colon && starts_with (entry->id, term, term_len)))
        return RANK_PREFIX;

      for (guint i = 0; i < entry->n_word_starts; i++)
        {
          guint start = entry->word_starts[i];

          if (start > 0 && starts_with (entry->name + start, term, term_len))
            return RANK_WORD;
        }
    }

  if (byte_set_contains (&entry->title_bytes, term_bytes) && strstr (entry->titles, term) != NULL)
    return RANK_TITLE;

  if (in_id && strstr (entry->id, term) != NULL)
    return strstr (entry->name, term) != NULL ? RANK_NAME : RANK_NAMESPACE;

  if (entry->params != NULL && byte_set_contains (&entry->param_bytes, term_bytes) &&
      strstr (entry->params, term) != NULL)
    return RANK_PARAM;

  return -1;
}

/* Where @offset lies in @data, as 1-based line and column (in characters). */
static void
get_position (const char *data,
              gsize       offset,
              guint      *line,
              guint      *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          line_start = i + 1;
        }
    }

  *column = (guint) g_utf8_strlen (data + line_start, offset - line_start) + 1;
}

static void
set_position_error (GError     **error,
                    const char  *name,
                    const char  *data,
                    gsize        offset,
                    const char  *problem)
{
  guint line, column;

  get_position (data, offset, &line, &column);
  g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_PARSE,
               "%s:%u:%u: %s", name, line, column, problem);
}

/* The value of the \uXXXX escape at @p (pointing at the backslash), or -1 when there
 * is none within @end. */
static int
read_unicode_escape (const char *p,
                     const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (int i = 2; i < 6; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return value;
}

/* Checks what JsonParser cannot be trusted with: UTF-8, and how deep arrays and
 * objects nest. To count nesting as JsonParser sees it, the text must be strict
 * JSON (JsonParser also takes comments and single-quoted strings; we refuse them). */
static gboolean
check_text (const char  *data,
            gsize        length,
            const char  *name,
            GError     **error)
{
  const char *invalid = NULL;
  gboolean in_string = FALSE;
  guint depth = 0;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      set_position_error (error, name, data, invalid - data,
                          _("The catalog is not valid UTF-8 text."));
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '"')
            {
              in_string = FALSE;
            }
          else if (c == '\\')
            {
              char next = i + 1 < length ? data[i + 1] : '\0';
              int unit = read_unicode_escape (data + i, data + length);

              if (unit >= 0xD800 && unit <= 0xDBFF &&
                  read_unicode_escape (data + i + 6, data + length) >= 0xDC00 &&
                  read_unicode_escape (data + i + 6, data + length) <= 0xDFFF)
                {
                  i += 11; /* a surrogate pair: one character */
                }
              else if (unit >= 0 && (unit < 0xD800 || unit > 0xDFFF))
                {
                  i += 5;
                }
              else if (next != '\0' && strchr ("\"\\/bfnrt", next) != NULL)
                {
                  i += 1;
                }
              else
                {
                  set_position_error (error, name, data, i,
                                      _("Invalid escape sequence in a string."));
                  return FALSE;
                }
            }
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '[':
        case '{':
          if (++depth > MAX_DEPTH)
            {
              g_autofree char *problem =
                /* Translators: %d is a number of levels */
                g_strdup_printf (_("Arrays and objects nest more than %d levels deep."), MAX_DEPTH);

              set_position_error (error, name, data, i, problem);
              return FALSE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;

        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case ',':
        case ':':
        case '-':
        case '+':
        case '.':
          break;

        default:
          if (!g_ascii_isalnum (c))
            {
              g_autofree char *problem = NULL;
              gunichar uc = g_utf8_get_char (data + i);
              char buf[8] = { 0 };

              g_unichar_to_utf8 (uc, buf);
              /* Translators: %s is the character found */
              problem = g_strdup_printf (_("Unexpected character “%s” outside a string."), buf);
              set_position_error (error, name, data, i, problem);
              return FALSE;
            }
          break;
        }
    }

  return TRUE;
}

/* The "namespace:name-version" of an API object, as far as its fields allow (they may
 * be the wrong ones), or NULL. */
static char *
describe_api_object (JsonObject *object)
{
  JsonNode *ns = json_object_get_member (object, "namespace");
  JsonNode *nm = json_object_get_member (object, "name");
  JsonNode *version = json_object_get_member (object, "version");
  const char *namespace_;
  const char *name;

  if (ns == NULL || !JSON_NODE_HOLDS_VALUE (ns) || json_node_get_value_type (ns) != G_TYPE_STRING ||
      nm == NULL || !JSON_NODE_HOLDS_VALUE (nm) || json_node_get_value_type (nm) != G_TYPE_STRING)
    return NULL;

  namespace_ = json_node_get_string (ns);
  name = json_node_get_string (nm);
  if (namespace_ == NULL || *namespace_ == '\0' || !g_utf8_validate (namespace_, -1, NULL) ||
      name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return NULL;

  if (version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
      json_node_get_value_type (version) == G_TYPE_INT64 && json_node_get_int (version) >= 1)
    return g_strdup_printf ("%s:%s-%" G_GINT64_FORMAT, namespace_, name, json_node_get_int (version));

  return g_strdup_printf ("%s:%s", namespace_, name);
}

static void
set_schema_error (GError     **error,
                  const char  *name,
                  guint        index,
                  JsonObject  *object,
                  GError      *cause)
{
  g_autofree char *label = describe_api_object (object);

  if (label != NULL)
    g_set_error (error, OP_CATALOG_ERROR, cause->code,
                 /* Translators: file name, index of the API in the file, the API's id, then
                  * what is wrong */
                 _("%s: apis[%u] (%s): %s"), name, index, label, cause->message);
  else
    g_set_error (error, OP_CATALOG_ERROR, cause->code,
                 /* Translators: file name, index of the API in the file, then what is wrong */
                 _("%s: apis[%u]: %s"), name, index, cause->message);
}

static gboolean
load_json (OpCatalog   *self,
           const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;
  guint n;

  if (!check_text (data, length, self->name, error))
    return FALSE;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *message = local_error->message;

      /* JsonParser says "<data>:LINE:COLUMN: Parse error: …"; name the file instead.
       * Its message may quote bytes of the input: keep it valid UTF-8. */
      g_autofree char *valid = NULL;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      valid = g_utf8_make_valid (message, -1);

      if (message != local_error->message)
        g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_PARSE,
                     "%s:%s", self->name, valid);
      else
        g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_PARSE,
                     "%s: %s", self->name, valid);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_PARSE,
                   /* Translators: %s is a file name */
                   _("%s:1:1: The catalog is empty."), self->name);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                   /* Translators: %s is a file name; do not translate “apis” */
                   _("%s: The catalog must be a JSON object with an “apis” array."), self->name);
      return FALSE;
    }

  object = json_node_get_object (root);

  node = json_object_get_member (object, "format_version");
  if (node != NULL &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
       json_node_get_int (node) != CATALOG_FORMAT_VERSION))
    {
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                   /* Translators: %s is a file name; do not translate “format_version”; %d is a number */
                   _("%s: This program reads catalogs with “format_version” %d only."),
                   self->name, CATALOG_FORMAT_VERSION);
      return FALSE;
    }

  node = json_object_get_member (object, "apis");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                   _("%s: The catalog must be a JSON object with an “apis” array."), self->name);
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) cause = NULL;
      g_autoptr(OpApi) api = NULL;
      OpApi *other;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_SCHEMA,
                       /* Translators: file name, then the index of the API in the file */
                       _("%s: apis[%u]: Each API must be a JSON object."), self->name, i);
          return FALSE;
        }

      api = _op_api_new_from_json (json_node_get_object (element), &cause);
      if (api == NULL)
        {
          set_schema_error (error, self->name, i, json_node_get_object (element), cause);
          return FALSE;
        }

      other = g_hash_table_lookup (self->by_id, op_api_get_id (api));
      if (other != NULL)
        {
          guint first = 0;

          g_ptr_array_find (self->apis, other, &first);
          g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_DUPLICATE,
                       /* Translators: file name, index of the API in the file, its id, then
                        * the index of the earlier API with the same id */
                       _("%s: apis[%u] (%s): The same API is already listed as apis[%u]."),
                       self->name, i, op_api_get_id (api), first);
          return FALSE;
        }

      g_hash_table_insert (self->by_id, (gpointer) op_api_get_id (api), api);
      g_ptr_array_add (self->apis, g_steal_pointer (&api));
    }

  self->entries = g_new0 (SearchEntry, self->apis->len);
  for (guint i = 0; i < self->apis->len; i++)
    search_entry_init (&self->entries[i], g_ptr_array_index (self->apis, i));

  return TRUE;
}

static void
op_catalog_finalize (GObject *object)
{
  OpCatalog *self = (OpCatalog *)object;

  if (self->entries != NULL)
    {
      for (guint i = 0; i < self->apis->len; i++)
        search_entry_clear (&self->entries[i]);
      g_free (self->entries);
    }

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->apis, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->cache_query, g_free);
  g_clear_pointer (&self->cache_matches, g_array_unref);
  g_mutex_clear (&self->cache_lock);

  G_OBJECT_CLASS (op_catalog_parent_class)->finalize (object);
}

static void
op_catalog_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OpCatalog *self = OP_CATALOG (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_catalog_class_init (OpCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_catalog_finalize;
  object_class->get_property = op_catalog_get_property;

  /**
   * OpCatalog:name:
   *
   * The file, resource or data name the catalog was loaded from, as used in
   * error messages.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_catalog_init (OpCatalog *self)
{
  self->apis = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_mutex_init (&self->cache_lock);
}

/**
 * op_catalog_new_from_data:
 * @data: the catalog, JSON text as documented in data/catalog/README.md
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @name: (nullable): what to call @data in error messages, usually a file name
 * @error: an %OP_CATALOG_ERROR naming @name and where in @data the problem is
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
OpCatalog *
op_catalog_new_from_data (const char  *data,
                          gssize       length,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(OpCatalog) self = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_CATALOG, NULL);
  self->name = g_strdup (name != NULL ? name : "<data>");

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  if (!load_json (self, data, length, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * op_catalog_new_from_file:
 * @path: a catalog file in the GLib file name encoding
 * @error: an %OP_CATALOG_ERROR naming @path and where in it the problem is
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
OpCatalog *
op_catalog_new_from_file (const char  *path,
                          GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_READ,
                   /* Translators: a file name, then why it could not be read */
                   _("%s: Could not read the API catalog: %s"), display, local_error->message);
      return NULL;
    }

  return op_catalog_new_from_data (contents, length, display, error);
}

/**
 * op_catalog_new_from_resource:
 * @error: an %OP_CATALOG_ERROR
 *
 * Loads the catalog bundled in every program that links libop-core
 * (%OP_CATALOG_RESOURCE_PATH, built from data/catalog/apis.json).
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL with @error set
 */
OpCatalog *
op_catalog_new_from_resource (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Not g_resources_lookup_data (): naming our resource links it into the program. */
  bytes = g_resource_lookup_data (op_core_get_resource (), OP_CATALOG_RESOURCE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_READ,
                   /* Translators: a resource path, then why it could not be read */
                   _("%s: The bundled API catalog is missing: %s"),
                   "resource://" OP_CATALOG_RESOURCE_PATH, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);

  return op_catalog_new_from_data (data, length, "resource://" OP_CATALOG_RESOURCE_PATH, error);
}

/**
 * op_catalog_get_name:
 * @self: a #OpCatalog
 *
 * Returns: what the catalog was loaded from
 */
const char *
op_catalog_get_name (OpCatalog *self)
{
  g_return_val_if_fail (OP_IS_CATALOG (self), NULL);

  return self->name;
}

/**
 * op_catalog_lookup:
 * @self: a #OpCatalog
 * @id: "namespace:name-version", for example "com.alibaba.trade:alibaba.trade.cancel-1"
 *
 * Exact lookup in constant time.
 *
 * Returns: (transfer none) (nullable): the API, or %NULL when there is none
 */
OpApi *
op_catalog_lookup (OpCatalog  *self,
                   const char *id)
{
  g_return_val_if_fail (OP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * op_catalog_lookup_parts:
 * @self: a #OpCatalog
 * @namespace_: the namespace, for example "com.alibaba.trade"
 * @name: the name, for example "alibaba.trade.cancel"
 * @version: the version, usually 1
 *
 * Returns: (transfer none) (nullable): the API, or %NULL when there is none
 */
OpApi *
op_catalog_lookup_parts (OpCatalog  *self,
                         const char *namespace_,
                         const char *name,
                         guint       version)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (OP_IS_CATALOG (self), NULL);
  g_return_val_if_fail (namespace_ != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  id = g_strdup_printf ("%s:%s-%u", namespace_, name, version);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * op_catalog_search:
 * @self: a #OpCatalog
 * @query: (nullable): what the user typed
 *
 * Finds the APIs matching every space-separated term of @query, ignoring case
 * (and full-width forms), in the name, namespace, Chinese or English title, or
 * parameter names. Best matches come first: for each term, an exact id or name
 * beats a name prefix, which beats a name word prefix (words split at “.”, “-”,
 * “_” and camelCase), then a title substring, a name substring, the namespace,
 * and last a parameter name; the ranks of all terms add up. Equal ranks keep
 * catalog order. An empty query gives every API in catalog order.
 *
 * Meant to run on each keystroke: when @query extends the previous query, only
 * the previous matches are examined. Safe to call from several threads.
 *
 * Returns: (transfer full): a new #GListModel of #OpApi
 */
GListModel *
op_catalog_search (OpCatalog  *self,
                   const char *query)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autofree char *folded = NULL;
  g_autofree guint *counts = NULL;
  OpApi **sorted;
  g_autofree gsize *term_lens = NULL;
  g_autofree gboolean *term_colons = NULL;
  g_autofree ByteSet *term_bytes = NULL;
  g_auto(GStrv) parts = NULL;
  guint n_buckets;
  guint n_candidates;

  g_return_val_if_fail (OP_IS_CATALOG (self), NULL);

  if (query != NULL && !g_utf8_validate (query, -1, NULL))
    return _op_catalog_results_new_take (G_OBJECT (self), NULL, 0);

  folded = fold (query != NULL ? query : "");
  parts = g_strsplit_set (folded, " \t\n\r\f\v", -1);
  terms = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_ptr_array_add (terms, parts[i]);

  if (terms->len == 0)
    return _op_catalog_results_new_take (G_OBJECT (self),
                                         g_memdup2 (self->apis->pdata,
                                                    sizeof (OpApi *) * self->apis->len),
                                         self->apis->len);

  term_lens = g_new (gsize, terms->len);
  term_colons = g_new (gboolean, terms->len);
  term_bytes = g_new0 (ByteSet, terms->len);
  for (guint t = 0; t < terms->len; t++)
    {
      term_lens[t] = strlen (g_ptr_array_index (terms, t));
      term_colons[t] = strchr (g_ptr_array_index (terms, t), ':') != NULL;
      byte_set_add (&term_bytes[t], g_ptr_array_index (terms, t));
    }

  g_mutex_lock (&self->cache_lock);
  if (self->cache_query != NULL && g_str_has_prefix (folded, self->cache_query))
    candidates = g_array_ref (self->cache_matches);
  g_mutex_unlock (&self->cache_lock);

  n_candidates = candidates != NULL ? candidates->len : self->apis->len;
  matches = g_array_sized_new (FALSE, FALSE, sizeof (Match), n_candidates);

  for (guint c = 0; c < n_candidates; c++)
    {
      guint i = candidates != NULL ? g_array_index (candidates, Match, c).index : c;
      const SearchEntry *entry = &self->entries[i];
      Match match = { i, 0 };
      guint t;

      for (t = 0; t < terms->len; t++)
        if (!byte_set_contains (&entry->bytes, &term_bytes[t]))
          break;
      if (t < terms->len)
        continue;

      for (t = 0; t < terms->len; t++)
        {
          int rank = rank_term (entry, g_ptr_array_index (terms, t), term_lens[t],
                                term_colons[t], &term_bytes[t]);

          if (rank < 0)
            break;
          match.score += rank;
        }

      if (t == terms->len)
        g_array_append_val (matches, match);
    }

  /* Counting sort by score: stable, so equal scores stay in catalog order. */
  n_buckets = terms->len * (N_RANKS - 1) + 1;
  counts = g_new0 (guint, n_buckets + 1);
  for (guint m = 0; m < matches->len; m++)
    counts[g_array_index (matches, Match, m).score + 1]++;
  for (guint b = 1; b <= n_buckets; b++)
    counts[b] += counts[b - 1];

  sorted = g_new (OpApi *, MAX (matches->len, 1));
  for (guint m = 0; m < matches->len; m++)
    {
      const Match *match = &g_array_index (matches, Match, m);

      sorted[counts[match->score]++] = g_ptr_array_index (self->apis, match->index);
    }

  /* Remember the matches, in catalog order, for the next keystroke. */
  g_mutex_lock (&self->cache_lock);
  g_clear_pointer (&self->cache_matches, g_array_unref);
  g_free (self->cache_query);
  self->cache_query = g_steal_pointer (&folded);
  self->cache_matches = g_array_ref (matches);
  g_mutex_unlock (&self->cache_lock);

  return _op_catalog_results_new_take (G_OBJECT (self), sorted, matches->len);
}
