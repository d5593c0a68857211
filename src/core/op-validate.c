/* op-validate.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-validate"

#include "config.h"

#include "op-validate.h"

#include <string.h>

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (op-validate-error-quark, op_validate_error)

/* The 31 characters of a 统一社会信用代码 (GB 32100-2015, table 1), in the
 * order of their values 0–30: the digits, then the capital letters without
 * I, O, S, V and Z. */
static const char uscc_charset[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* The weights of positions 1–17 (3^(i-1) mod 31). */
static const guint uscc_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
};

static int
uscc_value (gunichar c)
{
  const char *p;

  if (c == 0 || c > 0x7f)
    return -1;

  p = strchr (uscc_charset, (int) c);

  return p != NULL ? (int) (p - uscc_charset) : -1;
}

/* Letters that look like digits and are never used in the code. */
static gboolean
is_uscc_forbidden_letter (gunichar c)
{
  return c != 0 && c < 0x80 && strchr ("IOSVZiosvz", (int) c) != NULL;
}

/* A character typed with a Chinese input method in full-width mode:
 * the full-width forms of ASCII (U+FF01–U+FF5E), the ideographic space
 * and the ideographic full stop. */
static gboolean
is_full_width (gunichar c)
{
  return (c >= 0xff01 && c <= 0xff5e) || c == 0x3000 || c == 0x3002;
}

static void
unichar_to_string (gunichar  c,
                   char      buf[8])
{
  int len = g_unichar_to_utf8 (c, buf);

  buf[len] = '\0';
}

static gboolean
is_space_or_control (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_iscntrl (c) ||
         g_unichar_type (c) == G_UNICODE_FORMAT ||
         g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static gboolean
set_invalid_utf8 (GError **error)
{
  g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                       _("The text contains characters that cannot be read. Delete it and type it again."));
  return FALSE;
}

/**
 * op_validate_strip:
 * @text: (nullable): text as the user typed it, UTF-8
 *
 * Removes white space at both ends, including the ideographic space U+3000
 * that Chinese input methods type and the other Unicode spaces (g_strstrip()
 * knows only ASCII spaces). Use it to store what op_validate_app_name()
 * accepted.
 *
 * Returns: (transfer full) (nullable): the stripped text, or %NULL if @text
 *   is %NULL or not valid UTF-8
 */
char *
op_validate_strip (const char *text)
{
  const char *start;
  const char *end;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  start = text;
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/**
 * op_validate_platform_url:
 * @url: the base URL of a platform service, as the user typed it
 * @error: a translated explanation of what is wrong and how to fix it
 *
 * A platform service URL must be an absolute http or https URL with a host,
 * and nothing after the path (no query, no fragment).
 */
gboolean
op_validate_platform_url (const char  *url,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_EMPTY,
                           _("Enter the address of the platform service, for example http://127.0.0.1:8688."));
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("This is not a web address. Write it in full, starting with http:// or https://."));
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("The address must start with http:// or https://."));
      return FALSE;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("The address has no host name. Add one after the “//”, for example 127.0.0.1:8688."));
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("Remove the part after “?” or “#”: only the base address of the service is needed."));
      return FALSE;
    }

  return TRUE;
}

/**
 * op_validate_uscc_check_char:
 * @first17: the first 17 characters of a 统一社会信用代码
 * @check_char: (out): where to store the check character
 *
 * Computes the 18th character of a unified social credit code per
 * GB 32100-2015: the characters take the values 0–30 of the alphabet
 * `0-9 A-H J-N P-R T-U W-Y`, are weighted 1, 3, 9, 27, 19, 26, 16, 17, 20, 29,
 * 25, 13, 8, 24, 10, 30, 28; the check value is 31 − (sum mod 31), with 31
 * written as 0.
 *
 * Returns: %TRUE if @first17 is exactly 17 characters of that alphabet
 *   (capitals only), %FALSE otherwise (then @check_char is not set)
 */
gboolean
op_validate_uscc_check_char (const char *first17,
                             char       *check_char)
{
  guint sum = 0;
  guint check;

  g_return_val_if_fail (first17 != NULL, FALSE);
  g_return_val_if_fail (check_char != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (uscc_weights); i++)
    {
      int value = uscc_value ((guchar) first17[i]);

      if (value < 0)
        return FALSE;

      sum += (guint) value * uscc_weights[i];
    }

  if (first17[G_N_ELEMENTS (uscc_weights)] != '\0')
    return FALSE;

  check = 31 - sum % 31;
  if (check == 31)
    check = 0;

  *check_char = uscc_charset[check];

  return TRUE;
}

/**
 * op_validate_uscc:
 * @code: (nullable): a 统一社会信用代码 as the user typed it
 * @error: a translated explanation of what is wrong and how to fix it
 *
 * Checks a unified social credit code (GB 32100-2015): exactly 18 characters
 * from `0-9 A-H J-N P-R T-U W-Y` (the letters I, O, S, V and Z are never
 * used), the last one being the check character of the first 17.
 *
 * The check is strict: lower-case letters, spaces (also at either end) and
 * full-width characters are refused, each with a message naming the character
 * and its position, so that what is stored is exactly what the licence shows.
 * A form may upper-case and strip the text before calling this.
 *
 * The registration-authority (1st) and organisation-type (2nd) characters are
 * not checked against a list: codes issued since 2015 use more authorities
 * than the standard's first table (1, 5, 9, Y), for example 3 for law firms,
 * 8 for trade unions, N for farmers' co-operatives, and refusing a real
 * licence is worse than missing a typo the check character catches anyway.
 *
 * Returns: %TRUE if @code is a well-formed code
 */
gboolean
op_validate_uscc (const char  *code,
                  GError     **error)
{
  guint n_chars = 0;
  char check = '\0';

  if (code == NULL || *code == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_EMPTY,
                           _("Enter the unified social credit code. It is the 18-character code printed on your business licence."));
      return FALSE;
    }

  if (!g_utf8_validate (code, -1, NULL))
    return set_invalid_utf8 (error);

  for (const char *p = code; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8];

      n_chars++;

      if (uscc_value (c) >= 0)
        continue;

      unichar_to_string (c, buf);

      if (is_uscc_forbidden_letter (c))
        g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                     /* Translators: %u is the position of the character (1 is the first),
                      * %s the letter that was typed. */
                     _("Character %u is “%s”, but the letters I, O, S, V and Z are never used in a unified social credit code. Check your business licence: it is probably a digit that looks similar, such as 1, 0, 5 or 2."),
                     n_chars, buf);
      else if (c < 0x80 && g_ascii_islower ((char) c))
        {
          char upper[2] = { g_ascii_toupper ((char) c), '\0' };

          g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                       /* Translators: %u is the position of the character (1 is the first),
                        * the first %s the small letter typed, the second the capital letter. */
                       _("Character %u is a small “%s”. The letters of the code are capitals: type “%s” instead."),
                       n_chars, buf, upper);
        }
      else if (is_space_or_control (c))
        g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                     /* Translators: %u is the position of the character (1 is the first) */
                     _("Remove the space or invisible character at position %u: a unified social credit code has no spaces."),
                     n_chars);
      else if (is_full_width (c))
        g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                     /* Translators: %u is the position of the character (1 is the first),
                      * %s the character typed. */
                     _("Character %u, “%s”, is a full-width character from a Chinese input method. Switch the input method to English and type it again."),
                     n_chars, buf);
      else
        g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                     /* Translators: %u is the position of the character (1 is the first),
                      * %s the character typed. */
                     _("Character %u, “%s”, cannot be part of a unified social credit code. The code has only digits and capital letters."),
                     n_chars, buf);

      return FALSE;
    }

  if (n_chars != OP_VALIDATE_USCC_LENGTH)
    {
      g_set_error (error, OP_VALIDATE_ERROR,
                   n_chars < OP_VALIDATE_USCC_LENGTH ? OP_VALIDATE_ERROR_TOO_SHORT
                                                     : OP_VALIDATE_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "You typed %u character, but a unified social credit code has exactly 18. Compare it with your business licence.",
                                "You typed %u characters, but a unified social credit code has exactly 18. Compare it with your business licence.",
                                n_chars),
                   n_chars);
      return FALSE;
    }

  {
    char first17[OP_VALIDATE_USCC_LENGTH];

    memcpy (first17, code, OP_VALIDATE_USCC_LENGTH - 1);
    first17[OP_VALIDATE_USCC_LENGTH - 1] = '\0';

    if (!op_validate_uscc_check_char (first17, &check))
      g_assert_not_reached ();
  }

  if (code[OP_VALIDATE_USCC_LENGTH - 1] != check)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_CHECKSUM,
                           _("The last character does not match the rest of the code, so a character was probably mistyped. Compare each character with your business licence."));
      return FALSE;
    }

  return TRUE;
}

/* Parses a mainland mobile number into its 11 digits, or sets @error. */
static char *
parse_mobile (const char  *mobile,
              GError     **error)
{
  g_autoptr(GString) digits = NULL;
  g_autofree char *stripped = NULL;
  gboolean country_code = FALSE;
  const char *p;

  if (mobile != NULL && !g_utf8_validate (mobile, -1, NULL))
    {
      set_invalid_utf8 (error);
      return NULL;
    }

  stripped = op_validate_strip (mobile);
  if (stripped == NULL || *stripped == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_EMPTY,
                           _("Enter your mobile number, for example 138 0013 8000."));
      return NULL;
    }

  p = stripped;
  if (*p == '+')
    {
      if (!g_str_has_prefix (p, "+86"))
        {
          g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                               _("Only mobile numbers from mainland China (+86) can be used. Check the country code."));
          return NULL;
        }

      country_code = TRUE;
      p += strlen ("+86");
    }

  digits = g_string_new (NULL);
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8];

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (digits, (char) c);
          continue;
        }

      if (c == ' ' || c == '-')
        continue;

      unichar_to_string (c, buf);

      if (is_space_or_control (c))
        g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                             _("The mobile number contains an invisible character or an unusual space. Delete the number and type it again."));
      else if (is_full_width (c))
        g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                     /* Translators: %s is the character typed */
                     _("“%s” is a full-width character from a Chinese input method. Switch the input method to English and type it again."),
                     buf);
      else
        g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                     /* Translators: %s is the character typed */
                     _("A mobile number can have only digits, spaces and hyphens. Remove “%s”."),
                     buf);

      return NULL;
    }

  /* "86" without the plus, written before the 11 digits */
  if (!country_code && digits->len == 13 && g_str_has_prefix (digits->str, "86"))
    g_string_erase (digits, 0, 2);

  if (digits->len != 11)
    {
      guint n = (guint) digits->len;

      g_set_error (error, OP_VALIDATE_ERROR,
                   n < 11 ? OP_VALIDATE_ERROR_TOO_SHORT : OP_VALIDATE_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "You typed %u digit, but a mobile number in mainland China has 11.",
                                "You typed %u digits, but a mobile number in mainland China has 11.",
                                n),
                   n);
      return NULL;
    }

  if (digits->str[0] != '1' || digits->str[1] < '3')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("A mobile number in mainland China starts with 13 to 19. Check the first digits."));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

/**
 * op_validate_mobile:
 * @mobile: (nullable): a mobile number as the user typed it
 * @error: a translated explanation of what is wrong and how to fix it
 *
 * A mainland China mobile number: 11 digits, the first 1 and the second 3–9.
 * People write numbers in groups, so spaces and ASCII hyphens anywhere are
 * ignored ("138 0013 8000", "138-0013-8000"), as is white space at either end.
 * The country code may be written before it as "+86" (then the rest must be
 * 11 digits) or as a bare "86" making 13 digits in all. Any other "+" prefix
 * is refused: only mainland numbers receive the platform's SMS codes [ours].
 * Store op_validate_normalize_mobile()'s result, not the typed text.
 *
 * Returns: %TRUE if @mobile is a mainland mobile number
 */
gboolean
op_validate_mobile (const char  *mobile,
                    GError     **error)
{
  g_autofree char *digits = parse_mobile (mobile, error);

  return digits != NULL;
}

/**
 * op_validate_normalize_mobile:
 * @mobile: (nullable): a mobile number as the user typed it
 *
 * Returns: (transfer full) (nullable): the 11 digits of a number that
 *   op_validate_mobile() accepts ("13800138000"), or %NULL
 */
char *
op_validate_normalize_mobile (const char *mobile)
{
  return parse_mobile (mobile, NULL);
}

static gboolean
is_domain (const char *domain)
{
  g_auto(GStrv) labels = NULL;

  if (*domain == '\0')
    return FALSE;

  labels = g_strsplit (domain, ".", -1);
  if (g_strv_length (labels) < 2)
    return FALSE;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = labels[i];
      gsize len = strlen (label);

      if (len == 0 || len > 63 || label[0] == '-' || label[len - 1] == '-')
        return FALSE;

      /* ASCII letters, digits and hyphens, or any non-ASCII character of an
       * internationalised domain name (spaces were refused already). */
      for (const char *p = label; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && (guchar) *p < 0x80)
          return FALSE;
    }

  return TRUE;
}

/**
 * op_validate_email:
 * @email: (nullable): an e-mail address as the user typed it
 * @error: a translated explanation of what is wrong and how to fix it
 *
 * A pragmatic check, not RFC 5322: no spaces or invisible characters
 * anywhere, exactly one "@", something before it, and after it a domain of at
 * least two dot-separated labels (letters, digits, hyphens or non-ASCII
 * characters, no empty label), at most 254 bytes in all. Full-width "＠" and
 * "。" typed by a Chinese input method get a message of their own.
 *
 * Returns: %TRUE if @email looks like a deliverable e-mail address
 */
gboolean
op_validate_email (const char  *email,
                   GError     **error)
{
  const char *at = NULL;
  guint n_at = 0;

  if (email == NULL || *email == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_EMPTY,
                           _("Enter an e-mail address, for example name@example.com."));
      return FALSE;
    }

  if (!g_utf8_validate (email, -1, NULL))
    return set_invalid_utf8 (error);

  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space_or_control (c))
        {
          g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                               _("Remove the spaces from the e-mail address: an address never contains spaces."));
          return FALSE;
        }

      if (is_full_width (c))
        {
          char buf[8];

          unichar_to_string (c, buf);
          g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                       _("“%s” is a full-width character from a Chinese input method. Switch the input method to English and type it again."),
                       buf);
          return FALSE;
        }

      if (c == '@')
        {
          n_at++;
          at = p;
        }
    }

  if (strlen (email) > OP_VALIDATE_EMAIL_MAX)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_TOO_LONG,
                           _("This e-mail address is too long: an address can have at most 254 characters."));
      return FALSE;
    }

  if (n_at == 0)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("An e-mail address needs an “@” between the name and the domain, for example name@example.com."));
      return FALSE;
    }

  if (n_at > 1)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("The e-mail address has more than one “@”. Keep only the one between the name and the domain."));
      return FALSE;
    }

  if (at == email)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("Add the name before the “@”, for example name@example.com."));
      return FALSE;
    }

  if (!is_domain (at + 1))
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("After the “@” there must be a domain such as example.com or qq.com. Check for a missing dot or a comma typed instead of a dot."));
      return FALSE;
    }

  return TRUE;
}

/**
 * op_validate_https_url:
 * @url: (nullable): a callback address (授权回调地址) as the user typed it
 * @error: a translated explanation of what is wrong and how to fix it
 *
 * A callback address must be an absolute https:// URL with a host and no
 * fragment (RFC 6749 §3.1.2); a query is allowed. Plain http:// is refused
 * with %OP_VALIDATE_ERROR_INSECURE even for loopback addresses: the platform
 * sends authorization codes to the registered callback address, which must
 * be https (domain.md, flow 7). Any host is accepted, since the platform,
 * not this check, decides which domains it can reach.
 *
 * Returns: %TRUE if @url is usable as a callback address
 */
gboolean
op_validate_https_url (const char  *url,
                       GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_EMPTY,
                           _("Enter the callback address, for example https://example.com/callback."));
      return FALSE;
    }

  if (!g_utf8_validate (url, -1, NULL))
    return set_invalid_utf8 (error);

  for (const char *p = url; *p != '\0'; p = g_utf8_next_char (p))
    if (is_space_or_control (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                             _("Remove the spaces from the address: a web address never contains spaces."));
        return FALSE;
      }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("This is not a complete web address. Write it in full, starting with https://, for example https://example.com/callback."));
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INSECURE,
                           _("The callback address must start with https://, not http://. The platform sends authorization codes only to secure (https) addresses."));
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("The callback address must start with https://, for example https://example.com/callback."));
      return FALSE;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("The address has no domain name. Add one after “https://”, for example https://example.com/callback."));
      return FALSE;
    }

  if (g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_INVALID,
                           _("Remove the part after “#”: a callback address cannot contain one."));
      return FALSE;
    }

  return TRUE;
}

/**
 * op_validate_app_name:
 * @name: (nullable): an app name (应用名称) as the user typed it
 * @error: a translated explanation of what is wrong and how to fix it
 *
 * [ours] An app name, once white space at both ends is removed (see
 * op_validate_strip(), which the caller uses to store it), has
 * %OP_VALIDATE_APP_NAME_MIN to %OP_VALIDATE_APP_NAME_MAX characters, counted
 * as Unicode characters (so "订单助手" is 4), and no control characters
 * (tabs, line breaks) or line/paragraph separators.
 *
 * Returns: %TRUE if @name is a usable app name
 */
gboolean
op_validate_app_name (const char  *name,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  guint n_chars;

  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    return set_invalid_utf8 (error);

  stripped = op_validate_strip (name);
  if (stripped == NULL || *stripped == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_EMPTY,
                           _("Enter a name for the app."));
      return FALSE;
    }

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_CONTROL ||
          type == G_UNICODE_LINE_SEPARATOR ||
          type == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                               _("The app name contains an invisible character such as a line break or a tab. Remove it."));
          return FALSE;
        }
    }

  n_chars = (guint) g_utf8_strlen (stripped, -1);

  if (n_chars < OP_VALIDATE_APP_NAME_MIN)
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_TOO_SHORT,
                           _("The app name is too short. Use at least 2 characters."));
      return FALSE;
    }

  if (n_chars > OP_VALIDATE_APP_NAME_MAX)
    {
      g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The app name has %u character, but at most 32 are allowed. Shorten it.",
                                "The app name has %u characters, but at most 32 are allowed. Shorten it.",
                                n_chars),
                   n_chars);
      return FALSE;
    }

  return TRUE;
}

/**
 * op_validate_app_key:
 * @app_key: (nullable): an AppKey as the user typed or pasted it
 * @error: a translated explanation of what is wrong and how to fix it
 *
 * An AppKey is a 7-digit number (domain.md [ours]; the real platform's
 * AppKeys are numeric too). Leading zeros are allowed and nothing else:
 * no spaces, not even at the ends, because an AppKey is pasted, not typed.
 *
 * Returns: %TRUE if @app_key is 7 ASCII digits
 */
gboolean
op_validate_app_key (const char  *app_key,
                     GError     **error)
{
  guint n_digits = 0;

  if (app_key == NULL || *app_key == '\0')
    {
      g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_EMPTY,
                           _("Enter the AppKey. It is shown on your app’s page, next to the AppSecret."));
      return FALSE;
    }

  if (!g_utf8_validate (app_key, -1, NULL))
    return set_invalid_utf8 (error);

  for (const char *p = app_key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char buf[8];

      if (c >= '0' && c <= '9')
        {
          n_digits++;
          continue;
        }

      unichar_to_string (c, buf);

      if (is_space_or_control (c))
        g_set_error_literal (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                             _("Remove the spaces: an AppKey is a 7-digit number."));
      else if (is_full_width (c))
        g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                     _("“%s” is a full-width character from a Chinese input method. Switch the input method to English and type it again."),
                     buf);
      else
        g_set_error (error, OP_VALIDATE_ERROR, OP_VALIDATE_ERROR_BAD_CHARACTER,
                     /* Translators: %s is the character typed */
                     _("An AppKey is a 7-digit number. Remove “%s”."),
                     buf);

      return FALSE;
    }

  if (n_digits != OP_VALIDATE_APP_KEY_LENGTH)
    {
      g_set_error (error, OP_VALIDATE_ERROR,
                   n_digits < OP_VALIDATE_APP_KEY_LENGTH ? OP_VALIDATE_ERROR_TOO_SHORT
                                                         : OP_VALIDATE_ERROR_TOO_LONG,
                   g_dngettext (GETTEXT_PACKAGE,
                                "An AppKey is a 7-digit number, but you typed %u digit.",
                                "An AppKey is a 7-digit number, but you typed %u digits.",
                                n_digits),
                   n_digits);
      return FALSE;
    }

  return TRUE;
}
