/* op-sign.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-sign"

#include "config.h"

#include "op-sign.h"

#include <stdlib.h>
#include <string.h>

/*
 * The gateway's signature (protocol.md, "Signature"):
 *
 *   HEX(HMAC-SHA1(appSecret, urlPath + concat(sort(key + value for each sent parameter))))
 *
 * The official Java SDK sorts the joined strings with String.compareTo, which compares UTF-16
 * code units. For valid UTF-8, comparing bytes gives code-point order, and code-point order is
 * UTF-16 order except for one case: characters above U+FFFF are surrogate pairs
 * (0xD800–0xDBFF first), so in UTF-16 they sort *below* U+E000–U+FFFF. In UTF-8 those two ranges
 * are exactly the lead bytes 0xF0–0xF4 and 0xEE–0xEF, and a lead byte can only meet another lead
 * byte at the first difference of two valid strings with a common prefix. So comparing bytes
 * through one permutation that moves 0xEE and 0xEF above 0xF0–0xFF gives the Java order, with no
 * decoding and no allocation. Invalid UTF-8 still gets a total order (the permutation is a
 * bijection), so sorting is always well-defined.
 */

typedef struct
{
  const char *key;
  const char *value;
  gsize       key_len;
  gsize       value_len;
} OpSignPart;

/* Parts on the stack up to this count; more go on the heap. */
#define STACK_PARTS 32
/* Insertion sort (stable, no calls) up to this count; qsort above. */
#define INSERTION_SORT_MAX 16

static inline int
utf16_rank (guint8 byte)
{
  if (byte < 0xEE)
    return byte;
  if (byte < 0xF0)
    return byte + 0x10;   /* 0xEE, 0xEF → 0xFE, 0xFF */
  return byte - 2;        /* 0xF0–0xFF → 0xEE–0xFD */
}

/* Compares @n bytes; on the first difference stores the order in @result and returns TRUE. */
static inline gboolean
diff_span (const guint8 *p,
           const guint8 *q,
           gsize         n,
           int          *result)
{
  for (gsize i = 0; i < n; i++)
    {
      if (p[i] != q[i])
        {
          *result = utf16_rank (p[i]) - utf16_rank (q[i]);
          return TRUE;
        }
    }

  return FALSE;
}

/* Compares key+value of @a with key+value of @b without joining them. */
static int
compare_parts (const OpSignPart *a,
               const OpSignPart *b)
{
  const guint8 *pa = (const guint8 *) a->key;
  const guint8 *pb = (const guint8 *) b->key;
  gsize ra = a->key_len;
  gsize rb = b->key_len;
  gboolean a_in_value = FALSE;
  gboolean b_in_value = FALSE;

  for (;;)
    {
      gsize n;
      int result;

      if (ra == 0 && !a_in_value)
        {
          pa = (const guint8 *) a->value;
          ra = a->value_len;
          a_in_value = TRUE;
        }
      if (rb == 0 && !b_in_value)
        {
          pb = (const guint8 *) b->value;
          rb = b->value_len;
          b_in_value = TRUE;
        }

      /* An empty remainder now means that string has ended. */
      if (ra == 0 || rb == 0)
        return (ra != 0) - (rb != 0);

      n = MIN (ra, rb);
      if (diff_span (pa, pb, n, &result))
        return result;

      pa += n;
      pb += n;
      ra -= n;
      rb -= n;
    }
}

static int
compare_parts_qsort (const void *a,
                     const void *b)
{
  return compare_parts (a, b);
}

static void
sort_parts (OpSignPart *parts,
            guint       n_parts)
{
  if (n_parts > INSERTION_SORT_MAX)
    {
      qsort (parts, n_parts, sizeof *parts, compare_parts_qsort);
      return;
    }

  for (guint i = 1; i < n_parts; i++)
    {
      OpSignPart part = parts[i];
      guint j = i;

      while (j > 0 && compare_parts (&parts[j - 1], &part) > 0)
        {
          parts[j] = parts[j - 1];
          j--;
        }
      parts[j] = part;
    }
}

/* Builds the string to sign into one allocation; stores its length in @out_len. */
static char *
build_string_to_sign (const char         *url_path,
                      const char * const *keys,
                      const char * const *values,
                      guint               n_params,
                      gsize              *out_len)
{
  OpSignPart stack_parts[STACK_PARTS];
  g_autofree OpSignPart *heap_parts = NULL;
  OpSignPart *parts = stack_parts;
  gsize path_len = strlen (url_path);
  gsize total = path_len;
  guint n_parts = 0;
  char *message;
  char *p;

  if (n_params > STACK_PARTS)
    parts = heap_parts = g_new (OpSignPart, n_params);

  for (guint i = 0; i < n_params; i++)
    {
      OpSignPart *part;

      g_assert (keys[i] != NULL);

      /* What is not sent is not signed, and the signature never signs itself. */
      if (values[i] == NULL || strcmp (keys[i], OP_SIGN_PARAM_NAME) == 0)
        continue;

      part = &parts[n_parts++];
      part->key = keys[i];
      part->key_len = strlen (keys[i]);
      part->value = values[i];
      part->value_len = strlen (values[i]);
      total += part->key_len + part->value_len;
    }

  sort_parts (parts, n_parts);

  message = g_malloc (total + 1);
  memcpy (message, url_path, path_len);
  p = message + path_len;
  for (guint i = 0; i < n_parts; i++)
    {
      memcpy (p, parts[i].key, parts[i].key_len);
      p += parts[i].key_len;
      memcpy (p, parts[i].value, parts[i].value_len);
      p += parts[i].value_len;
    }
  *p = '\0';

  *out_len = total;

  return message;
}

static gboolean
params_are_valid (const char * const *keys,
                  const char * const *values,
                  guint               n_params)
{
  if (n_params == 0)
    return TRUE;
  if (keys == NULL || values == NULL)
    return FALSE;
  for (guint i = 0; i < n_params; i++)
    {
      if (keys[i] == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Writes the upper-case hex HMAC-SHA1 of @message into @hex (41 bytes). */
static void
hmac_sha1_hex (const char *app_secret,
               const char *message,
               gsize       length,
               char        hex[OP_SIGN_SIGNATURE_LENGTH + 1])
{
  static const char digits[] = "0123456789ABCDEF";
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  hmac = g_hmac_new (G_CHECKSUM_SHA1, (const guchar *) app_secret, strlen (app_secret));
  g_hmac_update (hmac, (const guchar *) message, length);
  g_hmac_get_digest (hmac, digest, &digest_len);
  g_assert (digest_len == sizeof digest);

  for (gsize i = 0; i < sizeof digest; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xF];
    }
  hex[OP_SIGN_SIGNATURE_LENGTH] = '\0';
}

/**
 * op_sign_compare_utf16:
 * @a: a UTF-8 string (need not be nul-terminated)
 * @a_len: length of @a in bytes
 * @b: a UTF-8 string (need not be nul-terminated)
 * @b_len: length of @b in bytes
 *
 * Compares two UTF-8 strings in the order of Java's String.compareTo (UTF-16 code units), the
 * order the gateway sorts parameters in. This differs from byte order only for characters above
 * U+FFFF, which sort below U+E000–U+FFFF. Invalid UTF-8 still compares consistently.
 *
 * Returns: negative, 0 or positive as @a sorts before, with or after @b
 */
int
op_sign_compare_utf16 (const char *a,
                       gsize       a_len,
                       const char *b,
                       gsize       b_len)
{
  int result;

  g_return_val_if_fail (a != NULL || a_len == 0, 0);
  g_return_val_if_fail (b != NULL || b_len == 0, 0);

  if (diff_span ((const guint8 *) a, (const guint8 *) b, MIN (a_len, b_len), &result))
    return result;

  return (a_len > b_len) - (a_len < b_len);
}

/**
 * op_sign_string_to_sign:
 * @url_path: the request path from the protocol segment, without a leading slash,
 *   e.g. `param2/1/system/currentTime/1000000`
 * @keys: (array length=n_params): the parameter names, in any order
 * @values: (array length=n_params) (nullable): the parameter values as they are sent
 * @n_params: the number of parameters
 *
 * Builds the string the gateway signs: @url_path followed by the strings key + value of the
 * parameters, sorted in UTF-16 code-unit order (see op_sign_compare_utf16()). A %NULL value is
 * a parameter that is not sent, so it is skipped; an empty value is signed as its bare key.
 * The parameter `_aop_signature` is skipped. Values are raw UTF-8 text, never URL-encoded.
 *
 * Returns: (transfer full): the string to sign
 */
char *
op_sign_string_to_sign (const char         *url_path,
                        const char * const *keys,
                        const char * const *values,
                        guint               n_params)
{
  gsize length;

  g_return_val_if_fail (url_path != NULL, NULL);
  g_return_val_if_fail (params_are_valid (keys, values, n_params), NULL);

  return build_string_to_sign (url_path, keys, values, n_params, &length);
}

/**
 * op_sign_hmac_sha1_hex:
 * @app_secret: the key (the app's AppSecret)
 * @message: the bytes to authenticate
 * @length: the length of @message, or -1 if it is nul-terminated
 *
 * Returns: (transfer full): the HMAC-SHA1 of @message, as 40 upper-case hexadecimal digits
 */
char *
op_sign_hmac_sha1_hex (const char *app_secret,
                       const char *message,
                       gssize      length)
{
  char hex[OP_SIGN_SIGNATURE_LENGTH + 1];

  g_return_val_if_fail (app_secret != NULL, NULL);
  g_return_val_if_fail (message != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (message);

  hmac_sha1_hex (app_secret, message != NULL ? message : "", length, hex);

  return g_strndup (hex, OP_SIGN_SIGNATURE_LENGTH);
}

/**
 * op_sign_signature:
 * @url_path: see op_sign_string_to_sign()
 * @keys: (array length=n_params): the parameter names
 * @values: (array length=n_params) (nullable): the parameter values, %NULL for one not sent
 * @n_params: the number of parameters
 * @app_secret: the app's AppSecret
 *
 * Computes `_aop_signature`: the upper-case hex HMAC-SHA1, keyed with @app_secret, of the
 * string op_sign_string_to_sign() builds.
 *
 * Returns: (transfer full): the 40-character signature
 */
char *
op_sign_signature (const char         *url_path,
                   const char * const *keys,
                   const char * const *values,
                   guint               n_params,
                   const char         *app_secret)
{
  g_autofree char *message = NULL;
  char hex[OP_SIGN_SIGNATURE_LENGTH + 1];
  gsize length;

  g_return_val_if_fail (url_path != NULL, NULL);
  g_return_val_if_fail (params_are_valid (keys, values, n_params), NULL);
  g_return_val_if_fail (app_secret != NULL, NULL);

  message = build_string_to_sign (url_path, keys, values, n_params, &length);
  hmac_sha1_hex (app_secret, message, length, hex);

  return g_strndup (hex, OP_SIGN_SIGNATURE_LENGTH);
}

/**
 * op_sign_verify:
 * @url_path: see op_sign_string_to_sign()
 * @keys: (array length=n_params): the parameter names as received
 * @values: (array length=n_params) (nullable): the parameter values as received
 * @n_params: the number of parameters
 * @app_secret: the app's AppSecret
 * @signature: the `_aop_signature` that came with the request
 *
 * Checks a received signature. Only the exact form the gateway produces is accepted:
 * 40 upper-case hexadecimal digits. The comparison takes the same time wherever the first
 * difference is, so a caller cannot learn the expected signature byte by byte.
 *
 * Returns: %TRUE if @signature is the signature of the request
 */
gboolean
op_sign_verify (const char         *url_path,
                const char * const *keys,
                const char * const *values,
                guint               n_params,
                const char         *app_secret,
                const char         *signature)
{
  g_autofree char *message = NULL;
  char expected[OP_SIGN_SIGNATURE_LENGTH + 1];
  volatile guint8 diff;
  gsize signature_len;
  gsize length;

  g_return_val_if_fail (url_path != NULL, FALSE);
  g_return_val_if_fail (params_are_valid (keys, values, n_params), FALSE);
  g_return_val_if_fail (app_secret != NULL, FALSE);

  if (signature == NULL)
    return FALSE;

  message = build_string_to_sign (url_path, keys, values, n_params, &length);
  hmac_sha1_hex (app_secret, message, length, expected);

  /* The length is public (always 40 when valid); the bytes are not, so every byte is
   * compared, with no early exit. */
  signature_len = strnlen (signature, OP_SIGN_SIGNATURE_LENGTH + 1);
  diff = signature_len != OP_SIGN_SIGNATURE_LENGTH;
  for (gsize i = 0; i < OP_SIGN_SIGNATURE_LENGTH; i++)
    {
      guint8 c = i < signature_len ? (guint8) signature[i] : 0;

      diff |= c ^ (guint8) expected[i];
    }

  return diff == 0;
}
