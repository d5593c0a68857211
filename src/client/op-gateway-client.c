/* op-gateway-client.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-gateway-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "op-gateway-client.h"
#include "op-gateway-result-private.h"
#include "op-loopback-proxy-resolver.h"
#include "op-oauth.h"

#include <string.h>

/**
 * OpGatewayClient:
 *
 * Signs and sends calls of catalog APIs to a gateway: the sandbox's
 * (`{platform}/openapi`) or the real 1688 one (%OP_PRODUCTION_GATEWAY_URL). It uses the
 * application's one #SoupSession, so connections are kept alive between calls.
 *
 * A call is a POST of the form body built by core (op_request_build_body()), or a GET
 * with %OP_GATEWAY_CALL_GET (a POST goes on a new connection unless
 * %OP_GATEWAY_CALL_IDEMPOTENT says the API only reads), with `_aop_timestamp` added unless
 * %OP_GATEWAY_CALL_NO_TIMESTAMP (or the request has its own), `access_token` when one is
 * given (pass it for every API whose op_api_get_needs_access_token() is true), and the
 * `_aop_signature` of all of it. The caller's #OpRequest is not changed.
 *
 * The answer is an #OpGatewayResult. A body over the memory limit
 * (%OP_GATEWAY_CLIENT_DEFAULT_MEMORY_LIMIT) goes to a temporary file as it arrives; a
 * progress function hears about each part; the #GCancellable stops the call at any time
 * (the temporary file is then deleted).
 */
struct _OpGatewayClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *gateway_url;
  gsize        memory_limit;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_GATEWAY_URL,
  PROP_MEMORY_LIMIT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (OpGatewayClient, op_gateway_client, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

/* Size of each read of the body. */
#define READ_SIZE (64 * 1024)

/* A body larger than this is parsed (for its error) in a worker thread. */
#define PARSE_IN_THREAD_SIZE (256 * 1024)

typedef enum
{
  MASK_NONE,
  MASK_PREFIX,
  MASK_ALL,
} MaskKind;

typedef struct
{
  OpGatewayResult       *result;
  SoupMessage           *message;
  GInputStream          *stream;
  gsize                  memory_limit;
  gint64                 started;
  goffset                received;
  goffset                total;
  GByteArray            *buffer;
  GFile                 *file;
  GFileIOStream         *file_stream;
  OpGatewayProgressFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_destroy;
} CallData;

static void read_next (GTask *task);

static void
call_data_free (gpointer data)
{
  CallData *call = data;

  if (call->progress_destroy != NULL)
    call->progress_destroy (call->progress_data);

  /* A body file that did not make it into a result is removed. */
  if (call->file != NULL)
    g_file_delete_async (call->file, G_PRIORITY_DEFAULT, NULL, NULL, NULL);

  g_clear_object (&call->result);
  g_clear_object (&call->message);
  g_clear_object (&call->stream);
  g_clear_pointer (&call->buffer, g_byte_array_unref);
  g_clear_object (&call->file);
  g_clear_object (&call->file_stream);
  g_free (call);
}

static MaskKind
mask_kind (OpRequest  *request,
           const char *key,
           const char *value,
           const char *app_secret)
{
  if (app_secret != NULL && *app_secret != '\0' && g_strcmp0 (value, app_secret) == 0)
    return MASK_ALL;

  if (g_str_equal (key, "client_secret"))
    return MASK_ALL;

  if (g_str_equal (key, "access_token") || g_str_equal (key, "refresh_token"))
    return MASK_PREFIX;

  /* The authorization code of the token API; elsewhere "code" is an ordinary parameter. */
  if (g_str_equal (key, "code") &&
      g_strcmp0 (op_request_get_namespace (request), OP_OAUTH_NAMESPACE) == 0)
    return MASK_PREFIX;

  return MASK_NONE;
}

/* How a token looks in anything meant for display: its first four characters, and only
 * when it is long enough that they give nothing useful away. */
static char *
masked_text (const char *value,
             MaskKind    kind)
{
  if (kind == MASK_PREFIX && g_utf8_strlen (value, -1) >= 12)
    {
      const char *end = g_utf8_offset_to_pointer (value, 4);
      g_autofree char *prefix = g_strndup (value, end - value);

      return g_strconcat (prefix, "…", NULL);
    }

  return g_strdup ("…");
}

/* Replaces, in a form body or query, the `key=value` pair whose encoded forms are given,
 * keeping the pair's boundaries (start, '?', '&'). */
static void
replace_pair (GString    *string,
              const char *encoded_key,
              const char *encoded_value,
              const char *replacement_value)
{
  g_autofree char *pair = g_strconcat (encoded_key, "=", encoded_value, NULL);
  gsize pair_len = strlen (pair);
  gsize pos = 0;

  while (pos < string->len)
    {
      const char *found = strstr (string->str + pos, pair);
      gsize at;
      char after;

      if (found == NULL)
        return;

      at = found - string->str;
      after = string->str[at + pair_len];

      if ((at == 0 || string->str[at - 1] == '&' || string->str[at - 1] == '?') &&
          (after == '\0' || after == '&'))
        {
          g_autofree char *replacement = g_strconcat (encoded_key, "=", replacement_value, NULL);

          g_string_erase (string, at, pair_len);
          g_string_insert (string, at, replacement);
          pos = at + strlen (replacement);
        }
      else
        {
          pos = at + 1;
        }
    }
}

static void
replace_all (GString    *string,
             const char *find,
             const char *replacement)
{
  gsize find_len = strlen (find);
  gsize pos = 0;

  if (find_len == 0)
    return;

  while (pos < string->len)
    {
      const char *found = strstr (string->str + pos, find);
      gsize at;

      if (found == NULL)
        return;

      at = found - string->str;
      g_string_erase (string, at, find_len);
      g_string_insert (string, at, replacement);
      pos = at + strlen (replacement);
    }
}

static char *
encode (const char *text)
{
  GString *string = g_string_new (NULL);

  op_request_append_form_encoded (string, text);

  return g_string_free (string, FALSE);
}

/* In the form body, the masked value keeps its visible part encoded as it was sent and
 * shows the ellipsis as it is, so it is plain that the value was cut. */
static char *
encode_masked (const char *masked)
{
  g_autofree char *prefix = NULL;
  GString *string;

  g_assert (g_str_has_suffix (masked, "…"));

  prefix = g_strndup (masked, strlen (masked) - strlen ("…"));
  string = g_string_new (NULL);
  op_request_append_form_encoded (string, prefix);
  g_string_append (string, "…");

  return g_string_free (string, FALSE);
}

static OpRequest *
copy_request (OpRequest *request)
{
  OpRequest *copy;
  guint n_params;

  copy = op_request_new (op_request_get_namespace (request),
                         op_request_get_name (request),
                         op_request_get_app_key (request));
  op_request_set_protocol (copy, op_request_get_protocol (request));
  op_request_set_version (copy, op_request_get_version (request));

  n_params = op_request_get_n_params (request);
  for (guint i = 0; i < n_params; i++)
    {
      const char *value = NULL;
      const char *key = op_request_get_nth_param (request, i, &value);

      op_request_set_param (copy, key, value);
    }

  return copy;
}

/* Fills the display side of @result from the request as sent: the same strings, with
 * every secret value replaced by its masked form. */
static void
describe_request (OpGatewayResult *result,
                  OpRequest       *sent,
                  const char      *app_secret,
                  const char      *url,
                  const char      *body)
{
  g_autoptr(GString) display_url = g_string_new (url);
  g_autoptr(GString) display_body = body != NULL ? g_string_new (body) : NULL;
  g_autoptr(GString) display_string_to_sign = NULL;
  guint n_params = op_request_get_n_params (sent);

  if (app_secret != NULL)
    {
      g_autofree char *string_to_sign = op_request_get_string_to_sign (sent);

      display_string_to_sign = g_string_new (string_to_sign);
      result->signature = op_request_get_signature (sent, app_secret);
    }

  result->request = copy_request (sent);
  op_request_set_param (result->request, "_aop_signature", NULL);

  for (guint i = 0; i < n_params; i++)
    {
      const char *value = NULL;
      const char *key = op_request_get_nth_param (sent, i, &value);
      MaskKind kind = mask_kind (sent, key, value, app_secret);
      g_autofree char *masked = NULL;
      g_autofree char *encoded_key = NULL;
      g_autofree char *encoded_value = NULL;
      g_autofree char *encoded_masked = NULL;

      if (kind == MASK_NONE || g_str_equal (key, "_aop_signature"))
        continue;

      masked = masked_text (value, kind);
      encoded_key = encode (key);
      encoded_value = encode (value);
      encoded_masked = encode_masked (masked);

      replace_pair (display_url, encoded_key, encoded_value, encoded_masked);
      if (display_body != NULL)
        replace_pair (display_body, encoded_key, encoded_value, encoded_masked);

      if (display_string_to_sign != NULL)
        {
          g_autofree char *pair = g_strconcat (key, value, NULL);
          g_autofree char *masked_pair = g_strconcat (key, masked, NULL);

          replace_all (display_string_to_sign, pair, masked_pair);
        }

      op_request_set_param (result->request, key, masked);
    }

  /* The AppSecret is never a parameter of a signed call; should it appear anyway (typed
   * into a parameter by mistake), it is masked above. Whatever happens, it is not shown. */
  if (app_secret != NULL && *app_secret != '\0')
    {
      g_autofree char *encoded_secret = encode (app_secret);

      replace_all (display_url, encoded_secret, "…");
      if (display_body != NULL)
        replace_all (display_body, encoded_secret, "…");
      if (display_string_to_sign != NULL)
        replace_all (display_string_to_sign, app_secret, "…");
    }

  result->url = g_string_free (g_steal_pointer (&display_url), FALSE);
  if (display_body != NULL)
    result->request_body = g_string_free (g_steal_pointer (&display_body), FALSE);
  if (display_string_to_sign != NULL)
    result->string_to_sign = g_string_free (g_steal_pointer (&display_string_to_sign), FALSE);
}

static gint64
span (guint64 start,
      guint64 end)
{
  if (start == 0 || end == 0 || end < start)
    return 0;

  return (gint64) (end - start);
}

static void
collect_timing (CallData *call)
{
  OpGatewayTiming *timing = &call->result->timing;
  SoupMessageMetrics *metrics = soup_message_get_metrics (call->message);
  gint64 measured = g_get_monotonic_time () - call->started;

  if (metrics == NULL)
    {
      timing->total = measured;
      return;
    }

  timing->dns = span (soup_message_metrics_get_dns_start (metrics),
                      soup_message_metrics_get_dns_end (metrics));
  if (soup_message_metrics_get_tls_start (metrics) != 0)
    {
      timing->connect = span (soup_message_metrics_get_connect_start (metrics),
                              soup_message_metrics_get_tls_start (metrics));
      timing->tls = span (soup_message_metrics_get_tls_start (metrics),
                          soup_message_metrics_get_connect_end (metrics));
    }
  else
    {
      timing->connect = span (soup_message_metrics_get_connect_start (metrics),
                              soup_message_metrics_get_connect_end (metrics));
    }
  timing->first_byte = span (soup_message_metrics_get_request_start (metrics),
                             soup_message_metrics_get_response_start (metrics));
  timing->total = span (soup_message_metrics_get_fetch_start (metrics),
                        soup_message_metrics_get_response_end (metrics));
  if (timing->total == 0)
    timing->total = measured;
  timing->reused_connection = soup_message_metrics_get_connect_start (metrics) == 0;
}

static void
fail (GTask  *task,
      GError *error)
{
  CallData *call = g_task_get_task_data (task);

  if (call->stream != NULL)
    g_input_stream_close_async (call->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);

  g_task_return_error (task, error);
}

static void
stream_closed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The body is complete; an error closing the socket changes nothing about it. */
  if (!g_input_stream_close_finish (G_INPUT_STREAM (object), result, &error))
    g_debug ("Closing the answer stream: %s", error->message);

  collect_timing (call);

  g_task_return_pointer (task, g_steal_pointer (&call->result), g_object_unref);
}

static void
close_stream (GTask *task)
{
  CallData *call = g_task_get_task_data (task);

  g_input_stream_close_async (call->stream, G_PRIORITY_DEFAULT, NULL, stream_closed_cb, task);
}

static void
parse_thread (GTask        *parse_task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  _op_gateway_result_parse_body (task_data);
  g_task_return_boolean (parse_task, TRUE);
}

static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  close_stream (user_data);
}

static void
finish_body (GTask *task)
{
  CallData *call = g_task_get_task_data (task);
  g_autoptr(GTask) parse_task = NULL;

  if (call->file != NULL)
    {
      call->result->body_file = g_steal_pointer (&call->file);
      call->result->body_size = call->received;
      close_stream (task);
      return;
    }

  _op_gateway_result_take_body (call->result,
                                g_byte_array_free_to_bytes (g_steal_pointer (&call->buffer)));

  if (call->result->body_size <= PARSE_IN_THREAD_SIZE)
    {
      _op_gateway_result_parse_body (call->result);
      close_stream (task);
      return;
    }

  /* Parsing megabytes of JSON would stall the main loop. */
  parse_task = g_task_new (NULL, NULL, parsed_cb, task);
  g_task_set_source_tag (parse_task, finish_body);
  g_task_set_task_data (parse_task, g_object_ref (call->result), g_object_unref);
  g_task_run_in_thread (parse_task, parse_thread);
}

static void
file_closed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_io_stream_close_finish (G_IO_STREAM (object), result, &error))
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }

  finish_body (task);
}

static void
report_progress (CallData *call)
{
  if (call->progress != NULL)
    call->progress (call->received, call->total, call->progress_data);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, &error))
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }

  read_next (task);
}

static void
write_to_file (GTask *task,
               GBytes *bytes)
{
  CallData *call = g_task_get_task_data (task);
  GOutputStream *output = g_io_stream_get_output_stream (G_IO_STREAM (call->file_stream));
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  /* The bytes stay alive until the write is done. */
  g_object_set_data_full (G_OBJECT (task), "op-pending-bytes", g_bytes_ref (bytes),
                          (GDestroyNotify) g_bytes_unref);
  g_output_stream_write_all_async (output, data, size, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), written_cb, task);
}

static void
file_created_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  CallData *call = g_task_get_task_data (task);
  g_autoptr(GBytes) buffered = NULL;
  GError *error = NULL;

  call->file = g_file_new_tmp_finish (result, &call->file_stream, &error);
  if (call->file == NULL)
    {
      g_prefix_error (&error, "%s",
                      _("The answer is too large to keep in memory, and no temporary file "
                        "could be made for it: "));
      fail (task, error);
      g_object_unref (task);
      return;
    }

  g_debug ("Writing an answer of over %" G_GSIZE_FORMAT " bytes to a temporary file",
           call->memory_limit);

  buffered = g_byte_array_free_to_bytes (g_steal_pointer (&call->buffer));
  write_to_file (task, buffered);
}

static void
create_file (GTask *task)
{
  g_file_new_tmp_async ("open1688-answer-XXXXXX", G_PRIORITY_DEFAULT,
                        g_task_get_cancellable (task), file_created_cb, task);
}

static void
end_of_body (GTask *task)
{
  CallData *call = g_task_get_task_data (task);

  if (call->file_stream != NULL)
    g_io_stream_close_async (G_IO_STREAM (call->file_stream), G_PRIORITY_DEFAULT,
                             g_task_get_cancellable (task), file_closed_cb, task);
  else
    finish_body (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  CallData *call = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (bytes == NULL)
    {
      fail (task, error);
      g_object_unref (task);
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      end_of_body (task);
      return;
    }

  call->received += size;
  report_progress (call);

  if (call->file_stream != NULL)
    {
      write_to_file (task, bytes);
      return;
    }

  /* Read on to the end of the stream even when all announced bytes are in: a stream
   * closed before its end costs the connection its keep-alive. */
  g_byte_array_append (call->buffer, g_bytes_get_data (bytes, NULL), size);
  if (call->buffer->len > call->memory_limit)
    {
      create_file (task);
      return;
    }

  read_next (task);
}

static void
read_next (GTask *task)
{
  CallData *call = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (call->stream, READ_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_cb, task);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  CallData *call = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  GError *error = NULL;

  call->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (call->stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error,
                        /* Translators: the prefix of an error message; %s is a host name; keep
                         * the colon */
                        _("The gateway at %s could not be reached: "),
                        g_uri_get_host (soup_message_get_uri (call->message)));
      fail (task, error);
      g_object_unref (task);
      return;
    }

  call->result->status = soup_message_get_status (call->message);
  call->result->reason_phrase = g_strdup (soup_message_get_reason_phrase (call->message));
  call->result->request_headers =
    soup_message_headers_ref (soup_message_get_request_headers (call->message));
  headers = soup_message_get_response_headers (call->message);
  call->result->response_headers = soup_message_headers_ref (headers);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    call->total = soup_message_headers_get_content_length (headers);
  else
    call->total = -1;

  call->buffer = g_byte_array_sized_new (call->total > 0 && call->total <= (goffset) call->memory_limit
                                         ? (guint) call->total : 4096);

  /* A body known to be too large goes to the file from its first byte. */
  if (call->total > (goffset) call->memory_limit)
    {
      create_file (task);
      return;
    }

  read_next (task);
}

static void
op_gateway_client_dispose (GObject *object)
{
  OpGatewayClient *self = (OpGatewayClient *)object;

  g_clear_object (&self->session);

  G_OBJECT_CLASS (op_gateway_client_parent_class)->dispose (object);
}

static void
op_gateway_client_finalize (GObject *object)
{
  OpGatewayClient *self = (OpGatewayClient *)object;

  g_free (self->gateway_url);

  G_OBJECT_CLASS (op_gateway_client_parent_class)->finalize (object);
}

static void
op_gateway_client_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OpGatewayClient *self = OP_GATEWAY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_GATEWAY_URL:
      g_value_set_string (value, self->gateway_url);
      break;

    case PROP_MEMORY_LIMIT:
      g_value_set_uint64 (value, self->memory_limit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_gateway_client_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OpGatewayClient *self = OP_GATEWAY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_GATEWAY_URL:
      op_gateway_client_set_gateway_url (self, g_value_get_string (value));
      break;

    case PROP_MEMORY_LIMIT:
      op_gateway_client_set_memory_limit (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_gateway_client_constructed (GObject *object)
{
  OpGatewayClient *self = OP_GATEWAY_CLIENT (object);

  G_OBJECT_CLASS (op_gateway_client_parent_class)->constructed (object);

  if (self->session == NULL)
    {
      g_autoptr(GProxyResolver) resolver = op_loopback_proxy_resolver_new (NULL);

      self->session = soup_session_new_with_options ("proxy-resolver", resolver, NULL);
    }
}

static void
op_gateway_client_class_init (OpGatewayClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = op_gateway_client_constructed;
  object_class->dispose = op_gateway_client_dispose;
  object_class->finalize = op_gateway_client_finalize;
  object_class->get_property = op_gateway_client_get_property;
  object_class->set_property = op_gateway_client_set_property;

  /**
   * OpGatewayClient:session:
   *
   * The HTTP session calls go through (the application's one session).
   */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * OpGatewayClient:gateway-url:
   *
   * The gateway's base URL, up to and including `/openapi`.
   */
  properties [PROP_GATEWAY_URL] =
    g_param_spec_string ("gateway-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * OpGatewayClient:memory-limit:
   *
   * The largest body kept in memory; a larger one goes to a temporary file.
   */
  properties [PROP_MEMORY_LIMIT] =
    g_param_spec_uint64 ("memory-limit", NULL, NULL,
                         0, G_MAXUINT32, OP_GATEWAY_CLIENT_DEFAULT_MEMORY_LIMIT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_gateway_client_init (OpGatewayClient *self)
{
  self->memory_limit = OP_GATEWAY_CLIENT_DEFAULT_MEMORY_LIMIT;
}

/**
 * op_gateway_client_new:
 * @session: (nullable): the application's session; %NULL makes one for this client
 *   (with an #OpLoopbackProxyResolver, as the application's session should have)
 * @gateway_url: the gateway's base URL, e.g. %OP_PRODUCTION_GATEWAY_URL or the result of
 *   op_endpoints_gateway_url()
 *
 * Returns: (transfer full): a new client
 */
OpGatewayClient *
op_gateway_client_new (SoupSession *session,
                       const char  *gateway_url)
{
  g_return_val_if_fail (session == NULL || SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (gateway_url != NULL, NULL);

  return g_object_new (OP_TYPE_GATEWAY_CLIENT,
                       "session", session,
                       "gateway-url", gateway_url,
                       NULL);
}

/**
 * op_gateway_client_get_session:
 *
 * Returns: (transfer none): the session calls go through
 */
SoupSession *
op_gateway_client_get_session (OpGatewayClient *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_CLIENT (self), NULL);

  return self->session;
}

const char *
op_gateway_client_get_gateway_url (OpGatewayClient *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_CLIENT (self), NULL);

  return self->gateway_url;
}

/**
 * op_gateway_client_set_gateway_url:
 * @self: a #OpGatewayClient
 * @gateway_url: the gateway's base URL; later calls go there
 */
void
op_gateway_client_set_gateway_url (OpGatewayClient *self,
                                   const char      *gateway_url)
{
  g_return_if_fail (OP_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (gateway_url != NULL);

  if (g_strcmp0 (self->gateway_url, gateway_url) == 0)
    return;

  g_free (self->gateway_url);
  self->gateway_url = g_strdup (gateway_url);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GATEWAY_URL]);
}

gsize
op_gateway_client_get_memory_limit (OpGatewayClient *self)
{
  g_return_val_if_fail (OP_IS_GATEWAY_CLIENT (self), 0);

  return self->memory_limit;
}

/**
 * op_gateway_client_set_memory_limit:
 * @self: a #OpGatewayClient
 * @memory_limit: the largest body kept in memory, in bytes
 */
void
op_gateway_client_set_memory_limit (OpGatewayClient *self,
                                    gsize            memory_limit)
{
  g_return_if_fail (OP_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (memory_limit <= G_MAXUINT32);

  if (self->memory_limit == memory_limit)
    return;

  self->memory_limit = memory_limit;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MEMORY_LIMIT]);
}

/**
 * op_gateway_client_call_async:
 *
 * Same as op_gateway_client_call_full_async() without a progress function.
 */
void
op_gateway_client_call_async (OpGatewayClient     *self,
                              OpRequest           *request,
                              const char          *app_secret,
                              const char          *access_token,
                              OpGatewayCallFlags   flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  op_gateway_client_call_full_async (self, request, app_secret, access_token, flags,
                                     NULL, NULL, NULL, cancellable, callback, user_data);
}

/**
 * op_gateway_client_call_full_async:
 * @self: a #OpGatewayClient
 * @request: the call, with namespace, name and AppKey set; it is not changed
 * @app_secret: (nullable): the app's AppSecret to sign with; %NULL sends the call unsigned
 *   (the token API)
 * @access_token: (nullable): the member's access token, for an API that needs one
 * @flags: how to send it
 * @progress: (nullable) (scope notified): called as the body arrives
 * @progress_data: data for @progress
 * @progress_destroy: (nullable): frees @progress_data when the call is over
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Signs and sends one call (see #OpGatewayClient).
 */
void
op_gateway_client_call_full_async (OpGatewayClient       *self,
                                   OpRequest             *request,
                                   const char            *app_secret,
                                   const char            *access_token,
                                   OpGatewayCallFlags     flags,
                                   OpGatewayProgressFunc  progress,
                                   gpointer               progress_data,
                                   GDestroyNotify         progress_destroy,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(OpRequest) sent = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  CallData *call;

  g_return_if_fail (OP_IS_GATEWAY_CLIENT (self));
  g_return_if_fail (OP_IS_REQUEST (request));
  g_return_if_fail (op_request_get_namespace (request) != NULL);
  g_return_if_fail (op_request_get_name (request) != NULL);
  g_return_if_fail (op_request_get_app_key (request) != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, op_gateway_client_call_full_async);

  call = g_new0 (CallData, 1);
  call->result = _op_gateway_result_new ();
  call->memory_limit = self->memory_limit;
  call->progress = progress;
  call->progress_data = progress_data;
  call->progress_destroy = progress_destroy;
  call->total = -1;
  g_task_set_task_data (task, call, call_data_free);

  sent = copy_request (request);
  if (access_token != NULL)
    op_request_set_param (sent, "access_token", access_token);
  if (!(flags & OP_GATEWAY_CALL_NO_TIMESTAMP) &&
      op_request_get_param (sent, "_aop_timestamp") == NULL)
    op_request_set_param_int (sent, "_aop_timestamp", g_get_real_time () / 1000);

  if (flags & OP_GATEWAY_CALL_GET)
    {
      url = op_request_build_get_url (sent, self->gateway_url, app_secret);
      call->message = soup_message_new (SOUP_METHOD_GET, url);
    }
  else
    {
      url = op_request_build_url (sent, self->gateway_url);
      body = op_request_build_body (sent, app_secret);
      call->message = soup_message_new (SOUP_METHOD_POST, url);
    }

  call->result->method = g_strdup (flags & OP_GATEWAY_CALL_GET ? SOUP_METHOD_GET
                                                                : SOUP_METHOD_POST);
  describe_request (call->result, sent, app_secret, url, body);

  if (call->message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               /* Translators: %s is a URL */
                               _("The gateway address “%s” is not a valid web address. Check "
                                 "it in Preferences."),
                               self->gateway_url);
      return;
    }

  if (body != NULL)
    {
      gsize length = strlen (body);

      soup_message_set_request_body_from_bytes (call->message, OP_REQUEST_CONTENT_TYPE,
                                                g_bytes_new_take (g_steal_pointer (&body),
                                                                  length));
    }

  /* libsoup sends a POST on a new connection unless told that sending it twice is harmless
   * (it re-sends a request whose kept-alive connection turns out closed). */
  soup_message_add_flags (call->message, SOUP_MESSAGE_COLLECT_METRICS);
  if (flags & OP_GATEWAY_CALL_IDEMPOTENT)
    soup_message_add_flags (call->message, SOUP_MESSAGE_IDEMPOTENT);
  call->started = g_get_monotonic_time ();

  g_debug ("%s %s", call->result->method, call->result->url);

  soup_session_send_async (self->session, call->message, G_PRIORITY_DEFAULT, cancellable,
                           sent_cb, g_steal_pointer (&task));
}

/**
 * op_gateway_client_call_finish:
 * @self: a #OpGatewayClient
 * @result: the result given to the callback
 * @error: why no answer arrived (no connection, %G_IO_ERROR_CANCELLED, …)
 *
 * Returns: (transfer full): what was sent and what came back, whatever the HTTP status
 */
OpGatewayResult *
op_gateway_client_call_finish (OpGatewayClient  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (OP_IS_GATEWAY_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * op_gateway_client_mask_value:
 * @value: a token
 *
 * Returns: (transfer full): @value as it is shown: its first four characters and "…", or
 *   only "…" when it is short
 */
char *
op_gateway_client_mask_value (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  return masked_text (value, MASK_PREFIX);
}
