/* op-validate.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-validate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "op-validate.h"

G_DEFINE_QUARK (op-validate-error-quark, op_validate_error)

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
