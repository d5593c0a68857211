/* op-cashier.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-cashier"

#include "config.h"

#include "op-cashier.h"

#include <string.h>

#include "op-html.h"
#include "op-secrets.h"
#include "op-service-private.h"

/* The platform's cashier page (收银台) for an ability order:
 * GET /cashier/{order_id}?token=… shows the order and a 确认支付 button that
 * POSTs to the same address; paying marks the order paid and credits the
 * package's calls to the account's balance for the ability. The token (in
 * the order's cashier_url, given only to its owner) stands for the payer's
 * sign-in: the sandbox moves no money. */

typedef struct
{
  gint64  id;
  gint64  account_id;
  gint64  ability_id;
  gint64  calls;
  gint64  amount_fen;
  char   *state;
  char   *pay_token;
  char   *ability_name;
  char   *package_name;
} Order;

static void
order_clear (Order *order)
{
  g_clear_pointer (&order->state, g_free);
  g_clear_pointer (&order->pay_token, g_free);
  g_clear_pointer (&order->ability_name, g_free);
  g_clear_pointer (&order->package_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Order, order_clear)

static void
send_page (SoupServerMessage *msg,
           guint              status,
           const char        *title,
           const char        *body)
{
  g_autofree char *html = op_html_page (title, body);

  _op_service_send_html (msg, status, html);
}

static void
send_message (SoupServerMessage *msg,
              guint              status,
              const char        *title,
              const char        *text)
{
  g_autofree char *body = g_markup_printf_escaped ("<p>%s</p>", text);

  send_page (msg, status, title, body);
}

static gboolean
load_order (OpStore     *store,
            gint64       id,
            Order       *order,
            GError     **error)
{
  g_autoptr(OpStmt) stmt = NULL;
  int rc;

  stmt = op_store_query (store, error,
                         "SELECT o.id, o.account_id, o.ability_id, o.calls, o.amount_fen, o.state, "
                         "o.pay_token, b.name_zh, p.name_zh FROM orders o "
                         "JOIN abilities b ON b.id = o.ability_id "
                         "JOIN packages p ON p.id = o.package_id WHERE o.id = ?1",
                         "i", id);
  if (stmt == NULL || (rc = op_store_step (store, stmt, error)) < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    return TRUE;

  order->id = sqlite3_column_int64 (stmt, 0);
  order->account_id = sqlite3_column_int64 (stmt, 1);
  order->ability_id = sqlite3_column_int64 (stmt, 2);
  order->calls = sqlite3_column_int64 (stmt, 3);
  order->amount_fen = sqlite3_column_int64 (stmt, 4);
  order->state = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  order->pay_token = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  order->ability_name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  order->package_name = g_strdup ((const char *) sqlite3_column_text (stmt, 8));

  return TRUE;
}

static void
send_order_page (SoupServerMessage *msg,
                 Order             *order)
{
  g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", order->amount_fen / 100,
                                             (int) (order->amount_fen % 100));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, order->id);
  g_autofree char *calls = g_strdup_printf ("%" G_GINT64_FORMAT, order->calls);
  g_autofree char *body = NULL;

  body = g_markup_printf_escaped ("<dl><dt>订单号</dt><dd>%s</dd>"
                                  "<dt>能力</dt><dd>%s</dd>"
                                  "<dt>资源包</dt><dd>%s（%s 次调用）</dd>"
                                  "<dt>应付金额</dt><dd>¥%s</dd></dl>"
                                  "<form method=\"post\" action=\"/cashier/%s\">"
                                  "<input type=\"hidden\" name=\"token\" value=\"%s\">"
                                  "<button type=\"submit\" class=\"primary\">确认支付</button>"
                                  "</form>",
                                  id, order->ability_name, order->package_name, calls, amount,
                                  id, order->pay_token);

  send_page (msg, SOUP_STATUS_OK, "收银台", body);
}

static gboolean
pay (OpStore  *store,
     Order    *order,
     GError  **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return op_store_run (store, error,
                       "UPDATE orders SET state = 'paid', paid_at = ?2 WHERE id = ?1 "
                       "AND state = 'unpaid'",
                       "ii", order->id, now) &&
         op_store_run (store, error,
                       "INSERT INTO ability_balances (account_id, ability_id, purchased, used) "
                       "VALUES (?1, ?2, ?3, 0) ON CONFLICT (account_id, ability_id) "
                       "DO UPDATE SET purchased = purchased + ?3",
                       "iii", order->account_id, order->ability_id, order->calls);
}

/* Inside the request's transaction; FALSE on a store error. */
static gboolean
cashier (OpStore            *store,
         SoupServerMessage  *msg,
         gint64              id,
         const char         *token,
         GError            **error)
{
  g_auto(Order) order = { 0, };

  if (!load_order (store, id, &order, error))
    return FALSE;

  if (order.id == 0 || !op_secrets_equal (order.pay_token, token))
    {
      send_message (msg, SOUP_STATUS_NOT_FOUND, "订单不存在",
                    "找不到该订单，或支付链接不完整。请从应用中重新打开支付页面。");
      return TRUE;
    }

  if (g_str_equal (order.state, "paid"))
    {
      send_message (msg, g_str_equal (soup_server_message_get_method (msg), "POST") ? 409 : 200,
                    "订单已支付", "该订单已支付成功，资源已到账。可以关闭此页面，返回应用。");
      return TRUE;
    }

  if (g_str_equal (order.state, "cancelled"))
    {
      send_message (msg, SOUP_STATUS_CONFLICT, "订单已取消", "该订单已取消，无法支付。请重新订购。");
      return TRUE;
    }

  if (!g_str_equal (soup_server_message_get_method (msg), "POST"))
    {
      send_order_page (msg, &order);
      return TRUE;
    }

  if (!pay (store, &order, error))
    return FALSE;

  send_message (msg, SOUP_STATUS_OK, "支付成功",
                "订单支付成功，资源已到账。可以关闭此页面，返回应用。");

  return TRUE;
}

static char *
read_token (SoupServerMessage *msg,
            GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  if (g_str_equal (soup_server_message_get_method (msg), "POST") &&
      g_strcmp0 (type, "application/x-www-form-urlencoded") == 0)
    {
      g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_autoptr(GHashTable) form = soup_form_decode (text);

      return op_html_form_value (form, "token");
    }

  return op_html_form_value (query, "token");
}

/**
 * op_cashier_handle:
 * @server: the server
 * @msg: a request under /cashier
 * @path: its path
 * @query: (nullable): its query
 * @user_data: the OpService
 *
 * The cashier page and its payment form.
 */
void
op_cashier_handle (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  OpStore *store = op_service_get_store (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  const char *method = soup_server_message_get_method (msg);
  const char *id_text = path + strlen ("/cashier");
  guint64 id = 0;

  if (*id_text == '/')
    id_text++;

  if (!g_str_equal (method, "GET") && !g_str_equal (method, "POST"))
    {
      send_message (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "不支持", "不支持该请求方法。");
      return;
    }

  if (!g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      send_message (msg, SOUP_STATUS_NOT_FOUND, "订单不存在", "找不到该订单。");
      return;
    }

  token = read_token (msg, query);

  if (!op_store_begin (store, &error))
    {
      g_warning ("Cashier: %s", error->message);
      send_message (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "暂时无法支付", "请稍后重试。");
      return;
    }

  if (!cashier (store, msg, (gint64) id, token, &error) ||
      (soup_server_message_get_status (msg) < 400 && !op_store_commit (store, &error)))
    {
      op_store_rollback (store);
      g_warning ("Cashier: %s", error != NULL ? error->message : "?");
      send_message (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "暂时无法支付",
                    "支付未完成，未扣款。请稍后重试。");
      return;
    }

  if (soup_server_message_get_status (msg) >= 400)
    op_store_rollback (store);
}
