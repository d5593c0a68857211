/* op-cli-commands.h
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "op-cli-context.h"

G_BEGIN_DECLS

/* Exit statuses shared by every command. */
#define OP_CLI_EXIT_OK    0
#define OP_CLI_EXIT_ERROR 1 /* a platform, gateway or input error; message on stderr */
#define OP_CLI_EXIT_USAGE 2 /* bad usage */

/* Each command gets argv with argv[0] set to "open1688-cli COMMAND". */
int op_cli_sign (int    argc,
                 char **argv);
int op_cli_apis (int    argc,
                 char **argv);
int op_cli_api  (int    argc,
                 char **argv);

/* The commands that talk to a platform also get the context of the global options. */
int op_cli_login  (OpCliContext  *context,
                   int            argc,
                   char         **argv);
int op_cli_logout (OpCliContext  *context,
                   int            argc,
                   char         **argv);
int op_cli_apps   (OpCliContext  *context,
                   int            argc,
                   char         **argv);
int op_cli_secret (OpCliContext  *context,
                   int            argc,
                   char         **argv);
int op_cli_call   (OpCliContext  *context,
                   int            argc,
                   char         **argv);
int op_cli_token  (OpCliContext  *context,
                   int            argc,
                   char         **argv);

G_END_DECLS
