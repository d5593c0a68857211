/* op-gateway-result.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-gateway-result"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "op-gateway-result.h"
#include "op-gateway-result-private.h"

/**
 * OpGatewayResult:
 *
 * What one call through #OpGatewayClient sent and got back, ready for the API explorer
 * and its history:
 *
 * - the request exactly as sent, for display: method, URL, form body, string to sign and
 *   signature, with the access token (and refresh token, authorization code) shortened to
 *   its first characters and any client secret left out, so that none of these strings
 *   may ever hold a secret;
 * - the HTTP status, headers and body (in memory, or in a temporary file for a body over
 *   the client's memory limit: the file is deleted with the result);
 * - the timing of the call, from libsoup's metrics;
 * - the gateway or business error found in the body (see op_gateway_error_parse_body()),
 *   with its explanation from op_gateway_result_describe_error().
 *
 * HTTP 4xx and 5xx answers are results, not errors: only a call that got no answer at all
 * (no connection, cancelled) fails.
 */

G_DEFINE_FINAL_TYPE (OpGatewayResult, op_gateway_result, G_TYPE_OBJECT)

static void
op_gateway_result_finalize (GObject *object)
{
  OpGatewayResult *self = (OpGatewayResult *)object;

  g_free (self->method);
  g_free (self->url);
  g_free (self->request_body);
  g_free (self->string_to_sign);
  g_free (self->signature);
  g_clear_object (&self->request);
  g_clear_pointer (&self->request_headers, soup_message_headers_unref);
  g_free (self->reason_phrase);
  g_clear_pointer (&self->response_headers, soup_message_headers_unref);
  g_clear_pointer (&self->body, g_bytes_unref);
  if (self->body_file != NULL)
    {
      /* A temporary file that only this result knows about. */
      g_file_delete (self->body_file, NULL, NULL);
      g_clear_object (&self->body_file);
    }
  g_clear_pointer (&self->error, op_gateway_error_free);
  g_clear_error (&self->body_error);

  G_OBJECT_CLASS (op_gateway_result_parent_class)->finalize (object);
}

static void
op_gateway_result_class_init (OpGatewayResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = op_gateway_result_finalize;
}

static void
op_gateway_result_init (OpGatewayResult *self)
{
}

OpGatewayResult *
_op_gateway_result_new (void)
{
  return g_object_new (OP_TYPE_GATEWAY_RESULT, NULL);
}

/* Takes the body in memory. */
void
_op_gateway_result_take_body (OpGatewayResult *self,
                              GBytes          *body)
{
  g_assert (OP_IS_GATEWAY_RESULT (self));
  g_assert (body != NULL);

  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body;
  self->body_size = g_bytes_get_size (body);
}

/* Finds the error in the body in memory (CPU work: may run in a worker thread, before
 * anyone else sees the result). */
void
_op_gateway_result_parse_body (OpGatewayResult *self)
{
  gsize length = 0;
  const char *data;

  g_assert (OP_IS_GATEWAY_RESULT (self));
  g_assert (self->body != NULL);

  g_clear_pointer (&self->error, op_gateway_error_free);
  g_clear_error (&self->body_error);

  data = g_bytes_get_data (self->body, &length);
  self->error = op_gateway_error_parse_body (self->status, data, length, &self->body_error);
}

/**
 * op_gateway_result_get_method:
 *
 * Returns: `POST` or `GET`
 */
const char *
op_gateway_result_get_method (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->method;
}

/**
 * op_gateway_result_get_url:
 *
 * Returns: the URL as sent (for GET with its query), secrets masked
 */
const char *
op_gateway_result_get_url (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->url;
}

/**
 * op_gateway_result_get_request_body:
 *
 * Returns: (nullable): the form body as sent, secrets masked; %NULL for GET
 */
const char *
op_gateway_result_get_request_body (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->request_body;
}

/**
 * op_gateway_result_get_string_to_sign:
 *
 * Returns: (nullable): the string that was signed, secrets masked; %NULL for an
 *   unsigned call
 */
const char *
op_gateway_result_get_string_to_sign (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->string_to_sign;
}

/**
 * op_gateway_result_get_signature:
 *
 * Returns: (nullable): the `_aop_signature` sent, or %NULL for an unsigned call
 */
const char *
op_gateway_result_get_signature (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->signature;
}

/**
 * op_gateway_result_get_request:
 *
 * The parameters as sent, `_aop_timestamp` and `access_token` included, secrets masked
 * (without `_aop_signature`): for a history, or to show the parameters as a table.
 *
 * Returns: (transfer none): a request for display only; its values are not what was signed
 */
OpRequest *
op_gateway_result_get_request (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->request;
}

/**
 * op_gateway_result_get_request_headers:
 *
 * Returns: (transfer none): the request headers as sent
 */
SoupMessageHeaders *
op_gateway_result_get_request_headers (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->request_headers;
}

guint
op_gateway_result_get_status (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), 0);

  return self->status;
}

/**
 * op_gateway_result_get_reason_phrase:
 *
 * Returns: (nullable): the server's reason phrase, e.g. `OK`
 */
const char *
op_gateway_result_get_reason_phrase (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->reason_phrase;
}

/**
 * op_gateway_result_get_response_headers:
 *
 * Returns: (transfer none): the response headers
 */
SoupMessageHeaders *
op_gateway_result_get_response_headers (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->response_headers;
}

/**
 * op_gateway_result_get_content_type:
 *
 * Returns: (nullable): the media type of the answer, without parameters
 */
const char *
op_gateway_result_get_content_type (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  if (self->response_headers == NULL)
    return NULL;

  return soup_message_headers_get_content_type (self->response_headers, NULL);
}

/**
 * op_gateway_result_get_body:
 *
 * Returns: (transfer none) (nullable): the body, or %NULL when it was written to a file
 *   (see op_gateway_result_get_body_file())
 */
GBytes *
op_gateway_result_get_body (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->body;
}

/**
 * op_gateway_result_get_body_file:
 *
 * A body larger than the client's memory limit is written to a temporary file, which is
 * deleted when the result is finalized: copy or move it to keep it.
 *
 * Returns: (transfer none) (nullable): the file holding the body, or %NULL when it is in
 *   memory
 */
GFile *
op_gateway_result_get_body_file (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->body_file;
}

/**
 * op_gateway_result_get_body_size:
 *
 * Returns: the size of the body in bytes
 */
goffset
op_gateway_result_get_body_size (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), 0);

  return self->body_size;
}

/**
 * op_gateway_result_get_timing:
 *
 * Returns: (transfer none): where the time of the call went
 */
const OpGatewayTiming *
op_gateway_result_get_timing (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return &self->timing;
}

/**
 * op_gateway_result_get_error:
 *
 * Returns: (transfer none) (nullable): what the body says about errors (kind
 *   %OP_GATEWAY_ERROR_KIND_NONE for a normal answer), or %NULL when a 2xx body could not
 *   be read (see op_gateway_result_get_body_error()) or was written to a file
 */
const OpGatewayError *
op_gateway_result_get_error (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->error;
}

/**
 * op_gateway_result_get_body_error:
 *
 * Returns: (transfer none) (nullable): why a 2xx body could not be read (empty, not JSON),
 *   in %OP_GATEWAY_BODY_ERROR
 */
const GError *
op_gateway_result_get_body_error (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  return self->body_error;
}

/**
 * op_gateway_result_is_success:
 *
 * Returns: %TRUE for a 2xx answer that holds no gateway or business error
 */
gboolean
op_gateway_result_is_success (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), FALSE);

  if (!SOUP_STATUS_IS_SUCCESSFUL (self->status))
    return FALSE;

  return self->error == NULL || !op_gateway_error_is_error (self->error);
}

/**
 * op_gateway_result_describe_error:
 *
 * A translated explanation of what went wrong, for a dialog (see
 * op_gateway_error_describe()).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for a successful call
 */
char *
op_gateway_result_describe_error (OpGatewayResult *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_RESULT (self), NULL);

  if (self->error != NULL)
    return op_gateway_error_describe (self->error);

  if (self->body_error != NULL)
    /* Translators: %s explains why the answer could not be read */
    return g_strdup_printf (_("The gateway answered, but its answer could not be read: %s"),
                            self->body_error->message);

  if (!SOUP_STATUS_IS_SUCCESSFUL (self->status))
    /* Translators: %u is an HTTP status code such as 502 */
    return g_strdup_printf (_("The server answered with the HTTP status %u instead of a "
                              "result."), self->status);

  return NULL;
}
