/* op-secrets.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-secrets"

#include "config.h"

#include "op-secrets.h"

#include <crypt.h>
#include <gio/gio.h>
#include <errno.h>
#include <string.h>
#include <sys/random.h>

/**
 * op_secrets_random_bytes:
 * @buffer: where to write
 * @length: how many bytes
 *
 * Fills @buffer from the kernel's CSPRNG (getrandom(2)). There is no
 * fallback: without it the service cannot issue secrets, so it aborts.
 */
void
op_secrets_random_bytes (guint8 *buffer,
                         gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("getrandom() failed: %s", g_strerror (errno));
        }

      done += n;
    }
}

/**
 * op_secrets_random_token:
 *
 * Returns: (transfer full): 256 random bits as 64 lower-case hex digits,
 *   for session tokens, OAuth codes and tokens
 */
char *
op_secrets_random_token (void)
{
  guint8 bytes[32];
  GString *text = g_string_sized_new (64);

  op_secrets_random_bytes (bytes, sizeof bytes);

  for (guint i = 0; i < sizeof bytes; i++)
    g_string_append_printf (text, "%02x", bytes[i]);

  memset (bytes, 0, sizeof bytes);

  return g_string_free (text, FALSE);
}

/* @length characters drawn uniformly from @alphabet (rejection sampling, so
 * no character is more likely than another). */
static char *
random_from_alphabet (const char *alphabet,
                      guint       length)
{
  gsize n = strlen (alphabet);
  guint limit = 256 - (256 % n);
  char *text = g_malloc (length + 1);
  guint filled = 0;

  while (filled < length)
    {
      guint8 bytes[32];

      op_secrets_random_bytes (bytes, sizeof bytes);
      for (guint i = 0; i < sizeof bytes && filled < length; i++)
        if (bytes[i] < limit)
          text[filled++] = alphabet[bytes[i] % n];
    }

  text[length] = '\0';

  return text;
}

/**
 * op_secrets_random_alnum:
 * @length: how many characters
 *
 * Returns: (transfer full): random letters and digits (an app secret)
 */
char *
op_secrets_random_alnum (guint length)
{
  return random_from_alphabet ("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "abcdefghijklmnopqrstuvwxyz"
                               "0123456789", length);
}

/**
 * op_secrets_random_digits:
 * @length: how many digits
 *
 * Returns: (transfer full): random decimal digits, the first one not 0
 *   (an app key, an SMS code)
 */
char *
op_secrets_random_digits (guint length)
{
  char *text;

  g_return_val_if_fail (length > 0, NULL);

  text = random_from_alphabet ("0123456789", length);
  while (text[0] == '0')
    {
      g_autofree char *first = random_from_alphabet ("123456789", 1);

      text[0] = first[0];
    }

  return text;
}

/**
 * op_secrets_hash_token:
 * @token: a token
 *
 * Tokens are stored by their SHA-256, so a copy of the database does not
 * hold usable tokens.
 *
 * Returns: (transfer full): the hex SHA-256 of @token
 */
char *
op_secrets_hash_token (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

/**
 * op_secrets_hash_password:
 * @password: the password
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a yescrypt hash (`$y$…`) with a fresh salt
 */
char *
op_secrets_hash_password (const char  *password,
                          GError     **error)
{
  char *setting;
  void *data = NULL;
  int size = 0;
  char *hashed;
  char *result = NULL;

  g_return_val_if_fail (password != NULL, NULL);

  setting = crypt_gensalt_ra ("$y$", 0, NULL, 0);
  if (setting == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "crypt_gensalt_ra: %s", g_strerror (errno));
      return NULL;
    }

  hashed = crypt_ra (password, setting, &data, &size);
  if (hashed == NULL || hashed[0] == '*')
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "crypt_ra failed");
  else
    result = g_strdup (hashed);

  free (setting);
  if (data != NULL)
    {
      memset (data, 0, size);
      free (data);
    }

  return result;
}

/**
 * op_secrets_check_password:
 * @password: what the user typed
 * @hash: the stored hash
 *
 * Returns: %TRUE if @password matches @hash (compared in constant time)
 */
gboolean
op_secrets_check_password (const char *password,
                           const char *hash)
{
  void *data = NULL;
  int size = 0;
  char *hashed;
  gboolean ok;

  if (password == NULL || hash == NULL || hash[0] != '$')
    return FALSE;

  hashed = crypt_ra (password, hash, &data, &size);
  ok = hashed != NULL && hashed[0] != '*' && op_secrets_equal (hashed, hash);

  if (data != NULL)
    {
      memset (data, 0, size);
      free (data);
    }

  return ok;
}

/**
 * op_secrets_equal:
 * @a: a secret
 * @b: another
 *
 * Compares in time that depends only on the lengths, not on where the
 * strings differ.
 *
 * Returns: %TRUE if equal
 */
gboolean
op_secrets_equal (const char *a,
                  const char *b)
{
  gsize len_a, len_b;
  guint8 diff;

  if (a == NULL || b == NULL)
    return FALSE;

  len_a = strlen (a);
  len_b = strlen (b);
  diff = len_a != len_b;

  for (gsize i = 0; i < len_a; i++)
    diff |= (guint8) a[i] ^ (guint8) b[i % (len_b > 0 ? len_b : 1)];

  return diff == 0;
}
