/* bench-sign.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "op-request.h"
#include "op-sign.h"

/*
 * Signing cost against the raw HMAC-SHA1 it cannot avoid.
 *
 * For a typical 8-parameter request (system parameters, dates, a Chinese value, a JSON value)
 * it measures, in the same run:
 *   - sign:    op_sign_signature () from parameter arrays (build, sort, HMAC, hex);
 *   - request: op_request_get_signature () on an OpRequest (adds the URL path);
 *   - raw:     GHmac new/update/get_digest over the very bytes of the string to sign,
 *              no string building, no hex.
 * and prints signatures per second and the ratio of times (target: sign/raw < 2).
 *
 * Usage: bench-sign [SECONDS-PER-MEASUREMENT]   (default 1)
 */

#define URL_PATH "param2/1/com.alibaba.trade/alibaba.trade.getBuyerOrderList/1234567"
#define SECRET   "Xy7kP2mQ9vL4sT8wZ3nR6bJ1cF5hD0gA"

static const char * const keys[] = {
  "access_token",
  "_aop_timestamp",
  "page",
  "pageSize",
  "createStartTime",
  "createEndTime",
  "orderStatus",
  "bizTypes",
};

static const char * const values[] = {
  "7f3c1e2a-9b8d-4c6e-a5f4-3d2b1a0e9c8f",
  "1767225600000",
  "1",
  "20",
  "20260101000000000+0800",
  "20260131235959000+0800",
  "waitbuyerreceive",
  "[\"cn\",\"ws\",\"yp\"]",
};

G_STATIC_ASSERT (G_N_ELEMENTS (keys) == G_N_ELEMENTS (values));

/* A sink the compiler cannot see through, so no loop is optimised away. */
static volatile guint8 sink;

static double
now_seconds (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

/* Runs @func in batches until @seconds have passed; returns seconds per call. */
static double
measure (void      (*func) (gpointer),
         gpointer    data,
         double      seconds)
{
  const guint batch = 1000;
  guint64 calls = 0;
  double start;
  double elapsed;

  /* Warm up caches and the allocator. */
  for (guint i = 0; i < batch; i++)
    func (data);

  start = now_seconds ();
  do
    {
      for (guint i = 0; i < batch; i++)
        func (data);
      calls += batch;
      elapsed = now_seconds () - start;
    }
  while (elapsed < seconds);

  return elapsed / calls;
}

static void
sign_once (gpointer data)
{
  g_autofree char *signature = NULL;

  signature = op_sign_signature (URL_PATH, keys, values, G_N_ELEMENTS (keys), SECRET);
  sink ^= (guint8) signature[0];
}

static void
request_once (gpointer data)
{
  g_autofree char *signature = op_request_get_signature (data, SECRET);

  sink ^= (guint8) signature[0];
}

static void
raw_hmac_once (gpointer data)
{
  const char *message = data;
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  hmac = g_hmac_new (G_CHECKSUM_SHA1, (const guchar *) SECRET, strlen (SECRET));
  g_hmac_update (hmac, (const guchar *) message, strlen (message));
  g_hmac_get_digest (hmac, digest, &digest_len);
  sink ^= digest[0];
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OpRequest) request = NULL;
  g_autofree char *message = NULL;
  double seconds = 1.0;
  double sign_time;
  double request_time;
  double raw_time;

  if (argc > 1)
    seconds = g_ascii_strtod (argv[1], NULL);
  if (!(seconds > 0.0))
    seconds = 1.0;

  message = op_sign_string_to_sign (URL_PATH, keys, values, G_N_ELEMENTS (keys));

  request = op_request_new ("com.alibaba.trade", "alibaba.trade.getBuyerOrderList", "1234567");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    op_request_set_param (request, keys[i], values[i]);

  /* Interleave the measurements so that frequency changes hit all of them alike. */
  raw_time = measure (raw_hmac_once, message, seconds / 2);
  sign_time = measure (sign_once, NULL, seconds / 2);
  request_time = measure (request_once, request, seconds / 2);
  raw_time = MIN (raw_time, measure (raw_hmac_once, message, seconds / 2));
  sign_time = MIN (sign_time, measure (sign_once, NULL, seconds / 2));
  request_time = MIN (request_time, measure (request_once, request, seconds / 2));

  printf ("message: %zu bytes, %u parameters\n", strlen (message),
          (guint) G_N_ELEMENTS (keys));
  printf ("raw HMAC-SHA1:         %10.0f /s  (%.3f us)\n", 1.0 / raw_time, raw_time * 1e6);
  printf ("op_sign_signature:     %10.0f /s  (%.3f us)\n", 1.0 / sign_time, sign_time * 1e6);
  printf ("op_request_get_signature: %7.0f /s  (%.3f us)\n", 1.0 / request_time,
          request_time * 1e6);
  printf ("ratio sign/raw:    %.2f\n", sign_time / raw_time);
  printf ("ratio request/raw: %.2f\n", request_time / raw_time);

  return sign_time / raw_time < 2.0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
