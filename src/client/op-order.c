/* op-order.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-order"

#include "config.h"

#include "op-order.h"

#include "op-platform-json-private.h"

/* An order (订购) of an ability's resource package, as 费用中心 → 我的订单
 * lists it: the amount in 分 (fen), its state and, while unpaid, the
 * address of the platform's cashier page (收银台) where it is paid. */

struct _OpOrder
{
  GObject       parent_instance;

  gint64        id;
  gint64        ability_id;
  char         *ability_name;
  gint64        package_id;
  char         *package_name;
  gint64        calls;
  gint64        amount_fen;
  OpOrderState  state;
  GDateTime    *created_at;
  GDateTime    *paid_at;
  GDateTime    *cancelled_at;
  char         *cashier_url;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_ABILITY_ID,
  PROP_ABILITY_NAME,
  PROP_PACKAGE_ID,
  PROP_PACKAGE_NAME,
  PROP_CALLS,
  PROP_AMOUNT_FEN,
  PROP_STATE,
  PROP_CREATED_AT,
  PROP_PAID_AT,
  PROP_CANCELLED_AT,
  PROP_CASHIER_URL,
  N_PROPS
};

G_DEFINE_ENUM_TYPE (OpOrderState, op_order_state,
                    G_DEFINE_ENUM_VALUE (OP_ORDER_STATE_UNPAID, "unpaid"),
                    G_DEFINE_ENUM_VALUE (OP_ORDER_STATE_PAID, "paid"),
                    G_DEFINE_ENUM_VALUE (OP_ORDER_STATE_CANCELLED, "cancelled"))

G_DEFINE_FINAL_TYPE (OpOrder, op_order, G_TYPE_OBJECT)

static GParamSpec *properties [N_PROPS];

static void
op_order_finalize (GObject *object)
{
  OpOrder *self = (OpOrder *)object;

  g_clear_pointer (&self->ability_name, g_free);
  g_clear_pointer (&self->package_name, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->paid_at, g_date_time_unref);
  g_clear_pointer (&self->cancelled_at, g_date_time_unref);
  g_clear_pointer (&self->cashier_url, g_free);

  G_OBJECT_CLASS (op_order_parent_class)->finalize (object);
}

static void
op_order_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  OpOrder *self = OP_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ABILITY_ID:
      g_value_set_int64 (value, self->ability_id);
      break;

    case PROP_ABILITY_NAME:
      g_value_set_string (value, self->ability_name);
      break;

    case PROP_PACKAGE_ID:
      g_value_set_int64 (value, self->package_id);
      break;

    case PROP_PACKAGE_NAME:
      g_value_set_string (value, self->package_name);
      break;

    case PROP_CALLS:
      g_value_set_int64 (value, self->calls);
      break;

    case PROP_AMOUNT_FEN:
      g_value_set_int64 (value, self->amount_fen);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_PAID_AT:
      g_value_set_boxed (value, self->paid_at);
      break;

    case PROP_CANCELLED_AT:
      g_value_set_boxed (value, self->cancelled_at);
      break;

    case PROP_CASHIER_URL:
      g_value_set_string (value, self->cashier_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
op_order_class_init (OpOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = op_order_finalize;
  object_class->get_property = op_order_get_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_ABILITY_ID] =
    g_param_spec_int64 ("ability-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_ABILITY_NAME] =
    g_param_spec_string ("ability-name", NULL, NULL, NULL, flags);
  properties [PROP_PACKAGE_ID] =
    g_param_spec_int64 ("package-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_PACKAGE_NAME] =
    g_param_spec_string ("package-name", NULL, NULL, NULL, flags);
  properties [PROP_CALLS] =
    g_param_spec_int64 ("calls", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_AMOUNT_FEN] =
    g_param_spec_int64 ("amount-fen", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties [PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, OP_TYPE_ORDER_STATE, OP_ORDER_STATE_UNPAID, flags);
  properties [PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_PAID_AT] =
    g_param_spec_boxed ("paid-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_CANCELLED_AT] =
    g_param_spec_boxed ("cancelled-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties [PROP_CASHIER_URL] =
    g_param_spec_string ("cashier-url", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
op_order_init (OpOrder *self)
{
}

/* {id, name[, calls]} */
static gboolean
read_ref (JsonObject   *object,
          const char   *member,
          gint64       *id,
          char        **name,
          gint64       *calls,
          GError      **error)
{
  JsonObject *ref = NULL;

  if (!_op_json_get_object (object, member, TRUE, &ref, error))
    return FALSE;

  if (!_op_json_get_int (ref, "id", TRUE, id, error) ||
      !_op_json_get_string (ref, "name", TRUE, name, error) ||
      (calls != NULL && !_op_json_get_int (ref, "calls", FALSE, calls, error)))
    {
      g_prefix_error (error, "%s: ", member);
      return FALSE;
    }

  return TRUE;
}

/**
 * op_order_new_from_json:
 * @object: an order of the console API (`GET /orders[/{id}]`)
 * @error: return location for a #GError
 *
 * Reads an order: `id`, `ability` ({id, name}), `package` ({id, name,
 * calls}), `amount_fen` and `state` are required; the times and
 * `cashier_url` (only while unpaid) are optional. IDs are int64: the
 * platform's order IDs are above 2^53.
 *
 * Returns: (transfer full) (nullable): the order, or %NULL with @error set
 */
OpOrder *
op_order_new_from_json (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(OpOrder) self = NULL;
  int state = OP_ORDER_STATE_UNPAID;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OP_TYPE_ORDER, NULL);

  if (!_op_json_get_int (object, "id", TRUE, &self->id, error) ||
      !read_ref (object, "ability", &self->ability_id, &self->ability_name, NULL, error) ||
      !read_ref (object, "package", &self->package_id, &self->package_name, &self->calls, error) ||
      !_op_json_get_int (object, "calls", FALSE, &self->calls, error) ||
      !_op_json_get_int (object, "amount_fen", TRUE, &self->amount_fen, error) ||
      !_op_json_get_enum (object, "state", TRUE, OP_TYPE_ORDER_STATE, &state, error) ||
      !_op_json_get_time (object, "created_at", FALSE, &self->created_at, error) ||
      !_op_json_get_time (object, "paid_at", FALSE, &self->paid_at, error) ||
      !_op_json_get_time (object, "cancelled_at", FALSE, &self->cancelled_at, error) ||
      !_op_json_get_string (object, "cashier_url", FALSE, &self->cashier_url, error))
    return NULL;

  self->state = state;

  return g_steal_pointer (&self);
}

/**
 * op_order_get_id:
 * @self: a #OpOrder
 *
 * Returns: the order's id (above 2^53: keep it an integer, never a double)
 */
gint64
op_order_get_id (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), 0);

  return self->id;
}

gint64
op_order_get_ability_id (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), 0);

  return self->ability_id;
}

const char *
op_order_get_ability_name (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), NULL);

  return self->ability_name;
}

gint64
op_order_get_package_id (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), 0);

  return self->package_id;
}

const char *
op_order_get_package_name (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), NULL);

  return self->package_name;
}

/**
 * op_order_get_calls:
 * @self: a #OpOrder
 *
 * Returns: the calls the order buys
 */
gint64
op_order_get_calls (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), 0);

  return self->calls;
}

/**
 * op_order_get_amount_fen:
 * @self: a #OpOrder
 *
 * Returns: the amount in 分 (fen)
 */
gint64
op_order_get_amount_fen (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), 0);

  return self->amount_fen;
}

OpOrderState
op_order_get_state (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), OP_ORDER_STATE_UNPAID);

  return self->state;
}

/**
 * op_order_get_created_at:
 * @self: a #OpOrder
 *
 * Returns: (transfer none) (nullable): when the order was made
 */
GDateTime *
op_order_get_created_at (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), NULL);

  return self->created_at;
}

/**
 * op_order_get_paid_at:
 * @self: a #OpOrder
 *
 * Returns: (transfer none) (nullable): when it was paid
 */
GDateTime *
op_order_get_paid_at (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), NULL);

  return self->paid_at;
}

/**
 * op_order_get_cancelled_at:
 * @self: a #OpOrder
 *
 * Returns: (transfer none) (nullable): when it was cancelled
 */
GDateTime *
op_order_get_cancelled_at (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), NULL);

  return self->cancelled_at;
}

/**
 * op_order_get_cashier_url:
 * @self: a #OpOrder
 *
 * The cashier page as the platform gave it. It carries the order's payment
 * token; open it in the browser (see also
 * op_platform_client_build_cashier_url()), never log it.
 *
 * Returns: (nullable): the cashier page, while the order is unpaid
 */
const char *
op_order_get_cashier_url (OpOrder *self)
{
  g_return_val_if_fail (OP_IS_ORDER (self), NULL);

  return self->cashier_url;
}
