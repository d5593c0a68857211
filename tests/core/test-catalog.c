/* test-catalog.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "op-catalog.h"

/* Every API of the project's facts file (design notes, 1688-api-facts.json), in order. */
static const char * const fact_ids[] = {
  "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1",
  "com.alibaba.trade:alibaba.trade.get.buyerView-1",
  "com.alibaba.trade:alibaba.createOrder.preview-1",
  "com.alibaba.trade:alibaba.trade.fastCreateOrder-1",
  "com.alibaba.trade:alibaba.trade.cancel-1",
  "com.alibaba.trade:alibaba.alipay.url.get-1",
  "com.alibaba.trade:alibaba.trade.receiveAddress.get-1",
  "com.alibaba.trade:alibaba.trade.createCrossOrder-1",
  "com.alibaba.logistics:alibaba.trade.getLogisticsInfos.buyerView-1",
  "com.alibaba.logistics:alibaba.trade.getLogisticsTraceInfo.buyerView-1",
  "com.alibaba.fenxiao.crossborder:product.freight.estimate-1",
  "com.alibaba.logistics:alibaba.logistics.OpQueryLogisticCompanyList-1",
  "com.alibaba.product:alibaba.category.get-1",
  "com.alibaba.product:alibaba.category.attribute.get-1",
  "com.alibaba.product:alibaba.product.get-1",
  "com.alibaba.product:alibaba.cross.productInfo-1",
  "com.alibaba.fenxiao.crossborder:product.search.keywordQuery-1",
  "com.alibaba.fenxiao.crossborder:product.search.imageQuery-1",
  "com.alibaba.fenxiao.crossborder:product.image.upload-1",
  "com.alibaba.fenxiao.crossborder:product.search.queryProductDetail-1",
  "com.alibaba.fenxiao.crossborder:pool.product.pull-1",
  "com.alibaba.fenxiao.crossborder:product.search.topKeyword-1",
  "com.alibaba.fenxiao.crossborder:product.search.offerRecommend-1",
  "com.alibaba.fenxiao.crossborder:product.search.querySellerOfferList-1",
  "com.alibaba.fenxiao.crossborder:category.translation.getById-1",
  "com.alibaba.product:alibaba.product.follow.crossborder-1",
  "com.alibaba.product:alibaba.product.unfollow.crossborder-1",
  "com.alibaba.linkplus:alibaba.cross.similar.offer.search-1",
  "com.alibaba.account:alibaba.account.basic-1",
  "com.alibaba.account:alibaba.subAccount.list-1",
  "cn.alibaba.open:push.cursor.messageList-1",
  "cn.alibaba.open:push.query.messageList-1",
  "cn.alibaba.open:push.message.confirm-1",
  "system.oauth2:getToken-1",
  "system.oauth2:postponeToken-1",
  "system:currentTimeMillis-1",
};

/* The APIs the facts know only by title (parameters not extracted). */
static const char * const title_only_ids[] = {
  "com.alibaba.trade:alibaba.trade.createCrossOrder-1",
  "com.alibaba.logistics:alibaba.logistics.OpQueryLogisticCompanyList-1",
  "com.alibaba.product:alibaba.category.attribute.get-1",
  "com.alibaba.fenxiao.crossborder:product.search.offerRecommend-1",
  "com.alibaba.fenxiao.crossborder:product.search.querySellerOfferList-1",
  "com.alibaba.fenxiao.crossborder:category.translation.getById-1",
  "com.alibaba.product:alibaba.product.follow.crossborder-1",
  "com.alibaba.product:alibaba.product.unfollow.crossborder-1",
  "com.alibaba.account:alibaba.subAccount.list-1",
  "cn.alibaba.open:push.query.messageList-1",
};

static OpCatalog *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  OpCatalog *catalog = op_catalog_new_from_resource (&error);

  g_assert_no_error (error);
  g_assert_true (OP_IS_CATALOG (catalog));

  return catalog;
}

/* The ids of a search result, joined by " ". */
static char *
search_ids (OpCatalog  *catalog,
            const char *query)
{
  g_autoptr(GListModel) result = op_catalog_search (catalog, query);
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n;

  g_assert_true (G_IS_LIST_MODEL (result));
  g_assert_true (g_list_model_get_item_type (result) == OP_TYPE_API);

  n = g_list_model_get_n_items (result);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApi) api = g_list_model_get_item (result, i);

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, op_api_get_name (api));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
first_result (OpCatalog  *catalog,
              const char *query)
{
  g_autoptr(GListModel) result = op_catalog_search (catalog, query);
  g_autoptr(OpApi) api = g_list_model_get_item (result, 0);

  return api != NULL ? g_strdup (op_api_get_id (api)) : NULL;
}

static void
test_bundled_load (void)
{
  g_autoptr(OpCatalog) catalog = load_bundled ();
  GListModel *model = G_LIST_MODEL (catalog);
  guint n_title_only = 0;

  g_assert_cmpuint (G_N_ELEMENTS (fact_ids), ==, 36);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 36);
  g_assert_cmpstr (op_catalog_get_name (catalog), ==,
                   "resource:///io/github/open1688/Open1688/catalog/apis.json");

  for (guint i = 0; i < G_N_ELEMENTS (fact_ids); i++)
    {
      g_autoptr(OpApi) item = g_list_model_get_item (model, i);
      OpApi *api = op_catalog_lookup (catalog, fact_ids[i]);

      g_assert_nonnull (api);
      g_assert_true (api == item); /* catalog order is the file order */
      g_assert_cmpstr (op_api_get_id (api), ==, fact_ids[i]);
      g_assert_true (op_catalog_lookup_parts (catalog, op_api_get_namespace (api),
                                              op_api_get_name (api),
                                              op_api_get_version (api)) == api);
      g_assert_cmpuint (op_api_get_version (api), ==, 1);
      g_assert_nonnull (op_api_get_title_zh (api));
      g_assert_nonnull (op_api_get_title_en (api));
      g_assert_true (g_str_has_prefix (op_api_get_doc_url (api),
                                       "https://open.1688.com/api/apidocdetail.htm?id="));
      g_assert_true (g_str_has_suffix (op_api_get_doc_url (api), fact_ids[i]));

      if (!op_api_get_params_known (api))
        {
          n_title_only++;
          g_assert_cmpuint (g_list_model_get_n_items (op_api_get_params (api)), ==, 0);
        }

      /* Every sample response is JSON. */
      if (op_api_get_sample_response (api) != NULL)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;

          json_parser_load_from_data (parser, op_api_get_sample_response (api), -1, &error);
          g_assert_no_error (error);
        }
    }

  g_assert_cmpuint (n_title_only, ==, G_N_ELEMENTS (title_only_ids));
  for (guint i = 0; i < G_N_ELEMENTS (title_only_ids); i++)
    g_assert_false (op_api_get_params_known (op_catalog_lookup (catalog, title_only_ids[i])));
}

static void
test_bundled_details (void)
{
  g_autoptr(OpCatalog) catalog = load_bundled ();
  OpApi *api;
  OpApiParam *param;
  g_autoptr(OpApiParam) first = NULL;

  api = op_catalog_lookup (catalog, "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1");
  g_assert_nonnull (api);
  g_assert_cmpstr (op_api_get_namespace (api), ==, "com.alibaba.trade");
  g_assert_cmpstr (op_api_get_name (api), ==, "alibaba.trade.getBuyerOrderList");
  g_assert_cmpstr (op_api_get_title_zh (api), ==, "订单列表查看(买家视角)");
  g_assert_cmpstr (op_api_get_title_en (api), ==, "View order list (buyer view)");
  g_assert_true (op_api_get_needs_access_token (api));
  g_assert_true (op_api_get_access_token_known (api));
  g_assert_true (op_api_get_needs_signature (api));
  g_assert_cmpstr (op_api_get_protocol (api), ==, "param2");
  g_assert_cmpstr (op_api_get_url_path_template (api), ==,
                   "param2/1/com.alibaba.trade/alibaba.trade.getBuyerOrderList/{appKey}");
  g_assert_cmpstr (op_api_get_doc_url (api), ==,
                   "https://open.1688.com/api/apidocdetail.htm?id="
                   "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1");
  g_assert_true (op_api_get_params_known (api));
  g_assert_cmpuint (g_list_model_get_n_items (op_api_get_params (api)), ==, 20);
  g_assert_true (g_list_model_get_item_type (op_api_get_params (api)) == OP_TYPE_API_PARAM);
  first = g_list_model_get_item (op_api_get_params (api), 0);
  g_assert_cmpstr (op_api_param_get_name (first), ==, "bizTypes");
  g_assert_cmpstr (op_api_param_get_type_name (first), ==, "String[]");
  g_assert_false (op_api_param_get_required (first));
  g_assert_cmpint (op_api_param_get_requirement (first), ==, OP_API_PARAM_OPTIONAL);
  g_assert_cmpstr (op_api_param_get_example (first), ==, "[\"cn\",\"ws\"]");
  g_assert_true (g_str_has_prefix (op_api_param_get_description_zh (first), "业务类型"));
  g_assert_null (op_api_param_get_description_en (first));
  /* No English description: the Chinese one is shown whatever the language. */
  g_assert_cmpstr (op_api_param_get_description (first), ==, op_api_param_get_description_zh (first));
  g_assert_nonnull (op_api_lookup_param (api, "orderIds"));
  g_assert_null (op_api_lookup_param (api, "orderids"));
  /* Order ids exceed 2^53: the sample keeps them exactly, as text. */
  g_assert_nonnull (strstr (op_api_get_sample_response (api), "196965465451498520"));

  api = op_catalog_lookup (catalog, "com.alibaba.trade:alibaba.trade.cancel-1");
  param = op_api_lookup_param (api, "webSite");
  g_assert_nonnull (param);
  g_assert_true (op_api_param_get_required (param));
  g_assert_cmpint (op_api_param_get_requirement (param), ==, OP_API_PARAM_REQUIRED);
  g_assert_cmpstr (op_api_get_sample_response (api), ==, "{\n  \"success\": true\n}");

  /* Known not to need a token, still signed. */
  api = op_catalog_lookup (catalog, "com.alibaba.product:alibaba.category.get-1");
  g_assert_false (op_api_get_needs_access_token (api));
  g_assert_true (op_api_get_access_token_known (api));
  g_assert_true (op_api_get_needs_signature (api));

  /* Title only: nothing but names and titles. */
  api = op_catalog_lookup (catalog, "com.alibaba.logistics:alibaba.logistics.OpQueryLogisticCompanyList-1");
  g_assert_nonnull (api);
  g_assert_cmpstr (op_api_get_title_zh (api), ==, "物流公司列表-所有的物流公司");
  g_assert_false (op_api_get_params_known (api));
  g_assert_cmpuint (g_list_model_get_n_items (op_api_get_params (api)), ==, 0);
  g_assert_false (op_api_get_access_token_known (api));
  g_assert_false (op_api_get_needs_access_token (api));
  g_assert_null (op_api_get_sample_response (api));
  g_assert_null (op_api_get_description_zh (api));

  /* Documented to have no parameters: known, and empty. */
  api = op_catalog_lookup (catalog, "com.alibaba.account:alibaba.account.basic-1");
  g_assert_true (op_api_get_params_known (api));
  g_assert_cmpuint (g_list_model_get_n_items (op_api_get_params (api)), ==, 0);

  /* getToken: another protocol segment, no signature, conditional parameters. */
  api = op_catalog_lookup (catalog, "system.oauth2:getToken-1");
  g_assert_cmpstr (op_api_get_protocol (api), ==, "http");
  g_assert_cmpstr (op_api_get_url_path_template (api), ==, "http/1/system.oauth2/getToken/{appKey}");
  g_assert_false (op_api_get_needs_signature (api));
  param = op_api_lookup_param (api, "code");
  g_assert_cmpint (op_api_param_get_requirement (param), ==, OP_API_PARAM_CONDITIONAL);
  g_assert_false (op_api_param_get_required (param));
  g_assert_cmpstr (op_api_param_get_required_note (param), ==, "for authorization_code");
  param = op_api_lookup_param (api, "client_id");
  g_assert_null (op_api_param_get_example (param));

  /* Required flags the sources disagree on. */
  api = op_catalog_lookup (catalog, "com.alibaba.trade:alibaba.trade.fastCreateOrder-1");
  param = op_api_lookup_param (api, "flow");
  g_assert_cmpint (op_api_param_get_requirement (param), ==, OP_API_PARAM_UNCERTAIN);

  api = op_catalog_lookup (catalog, "system:currentTimeMillis-1");
  g_assert_cmpstr (op_api_get_sample_response (api), ==, "1484033752883");
}

static void
test_lookup (void)
{
  g_autoptr(OpCatalog) catalog = load_bundled ();

  g_assert_null (op_catalog_lookup (catalog, ""));
  g_assert_null (op_catalog_lookup (catalog, "com.alibaba.trade:alibaba.trade.cancel"));
  g_assert_null (op_catalog_lookup (catalog, "com.alibaba.trade:alibaba.trade.cancel-2"));
  g_assert_null (op_catalog_lookup (catalog, "alibaba.trade.cancel-1"));
  g_assert_null (op_catalog_lookup (catalog, "COM.ALIBABA.TRADE:alibaba.trade.cancel-1"));
  g_assert_null (op_catalog_lookup_parts (catalog, "com.alibaba.trade", "alibaba.trade.cancel", 2));
  g_assert_null (op_catalog_lookup_parts (catalog, "com.alibaba.product", "alibaba.trade.cancel", 1));
  g_assert_nonnull (op_catalog_lookup_parts (catalog, "com.alibaba.trade", "alibaba.trade.cancel", 1));
}

static void
test_properties (void)
{
  g_autoptr(OpCatalog) catalog = load_bundled ();
  OpApi *api = op_catalog_lookup (catalog, "com.alibaba.trade:alibaba.trade.cancel-1");
  g_autofree char *id = NULL;
  g_autofree char *title_zh = NULL;
  g_autofree char *type_name = NULL;
  g_autoptr(GListModel) params = NULL;
  g_autoptr(OpApiParam) param = NULL;
  gboolean needs_token = FALSE;
  guint version = 0;
  OpApiParamRequirement requirement = OP_API_PARAM_UNCERTAIN;
  GObject *objects[3];

  g_object_get (api,
                "id", &id,
                "title-zh", &title_zh,
                "needs-access-token", &needs_token,
                "version", &version,
                "params", &params,
                NULL);
  g_assert_cmpstr (id, ==, "com.alibaba.trade:alibaba.trade.cancel-1");
  g_assert_cmpstr (title_zh, ==, "取消交易");
  g_assert_true (needs_token);
  g_assert_cmpuint (version, ==, 1);
  g_assert_true (params == op_api_get_params (api));

  param = g_list_model_get_item (params, 0);
  g_object_get (param, "type-name", &type_name, "requirement", &requirement, NULL);
  g_assert_cmpstr (type_name, ==, "String");
  g_assert_cmpint (requirement, ==, OP_API_PARAM_REQUIRED);

  /* Read-only, static strings, explicit notify: for every property of the three types. */
  objects[0] = G_OBJECT (catalog);
  objects[1] = G_OBJECT (api);
  objects[2] = G_OBJECT (param);
  for (guint o = 0; o < G_N_ELEMENTS (objects); o++)
    {
      guint n_pspecs = 0;
      g_autofree GParamSpec **pspecs =
        g_object_class_list_properties (G_OBJECT_GET_CLASS (objects[o]), &n_pspecs);

      g_assert_cmpuint (n_pspecs, >, 0);
      for (guint i = 0; i < n_pspecs; i++)
        {
          GParamFlags flags = pspecs[i]->flags;

          g_assert_true (flags & G_PARAM_READABLE);
          g_assert_false (flags & G_PARAM_WRITABLE);
          g_assert_cmpint (flags & G_PARAM_STATIC_STRINGS, ==, G_PARAM_STATIC_STRINGS);
          g_assert_true (flags & G_PARAM_EXPLICIT_NOTIFY);
        }
    }
}

static void
test_list_model (void)
{
  g_autoptr(OpCatalog) catalog = load_bundled ();
  GListModel *model = G_LIST_MODEL (catalog);
  g_autoptr(GObject) item = NULL;
  g_autoptr(GListModel) all = NULL;

  g_assert_true (g_list_model_get_item_type (model) == OP_TYPE_API);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 36);
  item = g_list_model_get_object (model, 35);
  g_assert_true (OP_IS_API (item));
  g_assert_cmpstr (op_api_get_id (OP_API (item)), ==, "system:currentTimeMillis-1");
  g_assert_null (g_list_model_get_item (model, 36));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));

  /* An empty query lists everything in catalog order; so does a blank one. */
  all = op_catalog_search (catalog, "");
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 36);
  for (guint i = 0; i < 36; i++)
    {
      g_autoptr(OpApi) a = g_list_model_get_item (all, i);
      g_autoptr(OpApi) b = g_list_model_get_item (model, i);

      g_assert_true (a == b);
    }
  g_clear_object (&all);
  all = op_catalog_search (catalog, "  \t ");
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 36);
  g_clear_object (&all);
  all = op_catalog_search (catalog, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 36);
}

/* A catalog built to have exactly one API per rank for the term "order", listed in
 * catalog order unlike rank order. */
static const char ranking_json[] =
  "{ \"format_version\": 1, \"apis\": ["
  "  { \"namespace\": \"com.example.order\", \"name\": \"thing.get\", \"version\": 1,"
  "    \"title_zh\": \"取东西\", \"title_en\": \"Get a thing\", \"params\": [] },"              /* namespace */
  "  { \"namespace\": \"com.example\", \"name\": \"thing.find\", \"version\": 1,"
  "    \"title_zh\": \"找东西\", \"title_en\": \"Find a thing\","
  "    \"params\": [ { \"name\": \"orderId\", \"type\": \"Long\", \"required\": true } ] }," /* param */
  "  { \"namespace\": \"com.example\", \"name\": \"xreorder.get\", \"version\": 1,"
  "    \"title_zh\": \"重排\", \"title_en\": \"Rearrange\" },"                                  /* name substring */
  "  { \"namespace\": \"com.example\", \"name\": \"cancel.it\", \"version\": 1,"
  "    \"title_zh\": \"取消\", \"title_en\": \"Cancel an ORDER\" },"                            /* title */
  "  { \"namespace\": \"com.example\", \"name\": \"alibaba.trade.getOrder\", \"version\": 1,"
  "    \"title_zh\": \"取\", \"title_en\": \"Get\" },"                                         /* camelCase word */
  "  { \"namespace\": \"com.example\", \"name\": \"orderDetail.get\", \"version\": 1,"
  "    \"title_zh\": \"详情\", \"title_en\": \"Details\" },"                                   /* prefix */
  "  { \"namespace\": \"com.example\", \"name\": \"buyer.order-list\", \"version\": 1,"
  "    \"title_zh\": \"列表\", \"title_en\": \"List\" },"                                      /* word after . */
  "  { \"namespace\": \"com.example\", \"name\": \"order\", \"version\": 1,"
  "    \"title_zh\": \"订单\", \"title_en\": \"Orders\" },"                                    /* exact */
  "  { \"namespace\": \"com.example\", \"name\": \"order.list\", \"version\": 1,"
  "    \"title_zh\": \"订单列表\", \"title_en\": \"Order list\" },"                            /* prefix */
  "  { \"namespace\": \"com.example\", \"name\": \"unrelated\", \"version\": 1,"
  "    \"title_zh\": \"无关\" }"
  "] }";

static OpCatalog *
load_ranking (void)
{
  g_autoptr(GError) error = NULL;
  OpCatalog *catalog = op_catalog_new_from_data (ranking_json, -1, "ranking.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 10);

  return catalog;
}

static void
test_search_ranking (void)
{
  g_autoptr(OpCatalog) catalog = load_ranking ();
  const char *expected_order =
    "order "                                   /* exact name */
    "orderDetail.get order.list "              /* name prefix, catalog order */
    "alibaba.trade.getOrder buyer.order-list " /* word prefix, catalog order */
    "cancel.it "                               /* title */
    "xreorder.get "                            /* name substring */
    "thing.get "                               /* namespace */
    "thing.find";                              /* parameter name */
  struct { const char *query; const char *expected; } cases[] = {
    { "order", expected_order },
    { "ORDER", expected_order },
    { "Order", expected_order },
    { "ｏｒｄｅｒ", expected_order },              /* full-width forms */
    { "  order  ", expected_order },
    /* Exact id, name-version, and an id prefix spanning the “:”. */
    { "com.example:order-1", "order" },
    { "order-1", "order alibaba.trade.getOrder" }, /* exact, then the last word “Order” of getOrder-1 */
    { "com.example:order.", "order.list" },
    /* Word prefixes: camelCase and across words. */
    { "getorder", "alibaba.trade.getOrder" },
    { "detail", "orderDetail.get" },
    { "trade.get", "alibaba.trade.getOrder" },
    { "list", "buyer.order-list order.list" },
    /* Titles, Chinese and English. */
    { "订单", "order order.list" },
    { "东西", "thing.get thing.find" },
    { "a thing", "thing.get thing.find" },
    /* Parameter names. */
    { "orderid", "thing.find" },
    /* Every term must match; ranks add up. */
    { "order get", "orderDetail.get alibaba.trade.getOrder xreorder.get thing.get" },
    { "get order", "orderDetail.get alibaba.trade.getOrder xreorder.get thing.get" },
    { "order zzz", "" },
    { "zzz", "" },
    { "无关", "unrelated" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ids = search_ids (catalog, cases[i].query);

      g_test_message ("query “%s”", cases[i].query);
      g_assert_cmpstr (ids, ==, cases[i].expected);
    }
}

static void
test_search_typing (void)
{
  g_autoptr(OpCatalog) typed = load_ranking ();
  const char *sequence[] = {
    "o", "or", "ord", "orde", "order", "order ", "order g", "order ge", "order get",
    "order ge", "ord", "", "o", "order zzz", "order", "订", "订单", "订", "t", "th", "thing.f",
  };

  /* Searching keystroke by keystroke gives what a fresh catalog gives. */
  for (guint i = 0; i < G_N_ELEMENTS (sequence); i++)
    {
      g_autoptr(OpCatalog) fresh = load_ranking ();
      g_autofree char *got = search_ids (typed, sequence[i]);
      g_autofree char *expected = search_ids (fresh, sequence[i]);

      g_test_message ("query “%s”", sequence[i]);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_search_bundled (void)
{
  g_autoptr(OpCatalog) catalog = load_bundled ();
  g_autoptr(GListModel) result = NULL;
  g_autofree char *first = NULL;
  guint n;

  first = first_result (catalog, "getbuyer");
  g_assert_cmpstr (first, ==, "com.alibaba.trade:alibaba.trade.getBuyerOrderList-1");
  g_clear_pointer (&first, g_free);

  first = first_result (catalog, "cancel");
  g_assert_cmpstr (first, ==, "com.alibaba.trade:alibaba.trade.cancel-1");
  g_clear_pointer (&first, g_free);

  first = first_result (catalog, "trade cancel");
  g_assert_cmpstr (first, ==, "com.alibaba.trade:alibaba.trade.cancel-1");
  g_clear_pointer (&first, g_free);

  first = first_result (catalog, "system:currentTimeMillis-1");
  g_assert_cmpstr (first, ==, "system:currentTimeMillis-1");
  g_clear_pointer (&first, g_free);

  /* An exact name; postponeToken does not contain “gettoken”. */
  result = op_catalog_search (catalog, "gettoken");
  g_assert_cmpuint (g_list_model_get_n_items (result), ==, 1);
  g_clear_object (&result);

  /* Chinese titles: the eight APIs with 订单 in their title, in catalog order. */
  result = op_catalog_search (catalog, "订单");
  n = g_list_model_get_n_items (result);
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OpApi) api = g_list_model_get_item (result, i);

      g_assert_nonnull (strstr (op_api_get_title_zh (api), "订单"));
    }
  g_clear_object (&result);

  /* Two Chinese terms, both must match. */
  first = first_result (catalog, "物流 跟踪");
  g_assert_cmpstr (first, ==, "com.alibaba.logistics:alibaba.trade.getLogisticsTraceInfo.buyerView-1");
  g_clear_pointer (&first, g_free);

  /* English titles. */
  first = first_result (catalog, "sub-account");
  g_assert_cmpstr (first, ==, "com.alibaba.account:alibaba.subAccount.list-1");
  g_clear_pointer (&first, g_free);

  /* Parameter names (including fields of JSON parameters). */
  {
    g_autofree char *ids = search_ids (catalog, "offerqueryparam");

    g_assert_cmpstr (ids, ==, "product.search.keywordQuery product.search.imageQuery");
  }
  {
    g_autofree char *ids = search_ids (catalog, "refresh_token");

    g_assert_cmpstr (ids, ==, "getToken postponeToken");
  }

  /* The namespace alone. */
  result = op_catalog_search (catalog, "com.alibaba.logistics");
  g_assert_cmpuint (g_list_model_get_n_items (result), ==, 3);
  g_clear_object (&result);

  result = op_catalog_search (catalog, "no-such-api-anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (result), ==, 0);
  g_assert_true (g_list_model_get_item_type (result) == OP_TYPE_API);
}

static void
test_title_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpCatalog) catalog = NULL;
  OpApi *api;
  const char *json =
    "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 2, \"title_zh\": \"只有中文\","
    "  \"params\": [ { \"name\": \"p\", \"type\": \"String\", \"required\": false,"
    "                  \"description_en\": \"English only\" } ] } ] }";

  /* Tests run in the C locale: English wherever the catalog has it. */
  catalog = load_bundled ();
  api = op_catalog_lookup (catalog, "com.alibaba.trade:alibaba.trade.cancel-1");
  g_assert_cmpstr (op_api_get_title (api), ==, "Cancel transaction");
  g_clear_object (&catalog);

  /* No English title: the Chinese one. No Chinese description: the English one. */
  catalog = op_catalog_new_from_data (json, -1, "one.json", &error);
  g_assert_no_error (error);
  api = op_catalog_lookup (catalog, "a:b-2");
  g_assert_nonnull (api);
  g_assert_null (op_api_get_title_en (api));
  g_assert_cmpstr (op_api_get_title (api), ==, "只有中文");
  g_assert_cmpstr (op_api_get_url_path_template (api), ==, "param2/2/a/b/{appKey}");
  g_assert_cmpstr (op_api_param_get_description (op_api_lookup_param (api, "p")), ==, "English only");
  /* Without "params_known", a "params" member means the parameters are known. */
  g_assert_true (op_api_get_params_known (api));
  /* Unknown: not said to need a token; signed unless said otherwise. */
  g_assert_false (op_api_get_access_token_known (api));
  g_assert_true (op_api_get_needs_signature (api));
}

#define API_OK "{ \"namespace\": \"com.example\", \"name\": \"ok.get\", \"version\": 1, \"title_zh\": \"好\" }"

static void
test_malformed (void)
{
  g_autofree char *deep = NULL;
  struct {
    const char *data;
    int code;
    const char *message; /* the exact message, or its start when it ends with "…" */
  } cases[] = {
    /* Not JSON: the file name and the line:column of JsonParser. */
    { "{\n  \"apis\": [\n    " API_OK ",,\n  ]\n}", OP_CATALOG_ERROR_PARSE, "broken.json:3:" },
    { "{\n  \"apis\": [\n", OP_CATALOG_ERROR_PARSE, "broken.json:3:" },
    { "{ \"apis\": [] } trailing", OP_CATALOG_ERROR_PARSE, "broken.json:1:" },
    { "", OP_CATALOG_ERROR_PARSE, "broken.json:1:1: The catalog is empty." },
    { "\n\n   ", OP_CATALOG_ERROR_PARSE, "broken.json:1:1: The catalog is empty." },
    /* Not strict JSON, not UTF-8, too deep: found before JsonParser. */
    { "{\n  \"apis\": [] /* comment */\n}", OP_CATALOG_ERROR_PARSE,
      "broken.json:2:14: Unexpected character “/” outside a string." },
    { "{ 'apis': [] }", OP_CATALOG_ERROR_PARSE,
      "broken.json:1:3: Unexpected character “'” outside a string." },
    { "{ \"apis\": [],\n  \"x\": \"a\xff\" }", OP_CATALOG_ERROR_PARSE,
      "broken.json:2:10: The catalog is not valid UTF-8 text." },
    { "{ \"apis\": [], \"x\": \"\\q\" }", OP_CATALOG_ERROR_PARSE,
      "broken.json:1:21: Invalid escape sequence in a string." },
    { "{ \"apis\": [], \"x\": \"\\u12\" }", OP_CATALOG_ERROR_PARSE,
      "broken.json:1:21: Invalid escape sequence in a string." },
    /* A lone surrogate would become invalid UTF-8. */
    { "{ \"apis\": [], \"x\": \"\\ud800\" }", OP_CATALOG_ERROR_PARSE,
      "broken.json:1:21: Invalid escape sequence in a string." },
    { "{ \"apis\": [], \"x\": \"\\udc00\\ud800\" }", OP_CATALOG_ERROR_PARSE,
      "broken.json:1:21: Invalid escape sequence in a string." },
    { NULL /* deep */, OP_CATALOG_ERROR_PARSE,
      "broken.json:1:65: Arrays and objects nest more than 64 levels deep." },
    /* Valid JSON, but not a catalog. */
    { "[]", OP_CATALOG_ERROR_SCHEMA,
      "broken.json: The catalog must be a JSON object with an “apis” array." },
    { "{ \"apis\": {} }", OP_CATALOG_ERROR_SCHEMA,
      "broken.json: The catalog must be a JSON object with an “apis” array." },
    { "{ \"format_version\": 2, \"apis\": [] }", OP_CATALOG_ERROR_SCHEMA,
      "broken.json: This program reads catalogs with “format_version” 1 only." },
    { "{ \"apis\": [ " API_OK ", 3 ] }", OP_CATALOG_ERROR_SCHEMA,
      "broken.json: apis[1]: Each API must be a JSON object." },
    { "{ \"apis\": [ " API_OK ", { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1 } ] }",
      OP_CATALOG_ERROR_SCHEMA, "broken.json: apis[1] (a:b-1): The field “title_zh” is missing." },
    { "{ \"apis\": [ { \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\" } ] }",
      OP_CATALOG_ERROR_SCHEMA, "broken.json: apis[0]: The field “namespace” is missing." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": \"1\", \"title_zh\": \"x\" } ] }",
      OP_CATALOG_ERROR_SCHEMA,
      "broken.json: apis[0] (a:b): The field “version” must be a whole number from 1 to 999999." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 0, \"title_zh\": \"x\" } ] }",
      OP_CATALOG_ERROR_SCHEMA,
      "broken.json: apis[0] (a:b): The field “version” must be a whole number from 1 to 999999." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": 7 } ] }",
      OP_CATALOG_ERROR_SCHEMA, "broken.json: apis[0] (a:b-1): The field “title_zh” must be a string." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"\", \"version\": 1, \"title_zh\": \"x\" } ] }",
      OP_CATALOG_ERROR_SCHEMA, "broken.json: apis[0]: The field “name” must not be empty." },
    { "{ \"apis\": [ { \"namespace\": \"a/../b\", \"name\": \"c\", \"version\": 1, \"title_zh\": \"x\" } ] }",
      OP_CATALOG_ERROR_SCHEMA,
      "broken.json: apis[0] (a/../b:c-1): The field “namespace” may contain only letters, digits, “.”, “_” and “-”." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\","
      " \"needs_access_token\": \"yes\" } ] }",
      OP_CATALOG_ERROR_SCHEMA,
      "broken.json: apis[0] (a:b-1): The field “needs_access_token” must be true or false." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\","
      " \"params\": {} } ] }",
      OP_CATALOG_ERROR_SCHEMA, "broken.json: apis[0] (a:b-1): The field “params” must be an array." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\","
      " \"params\": [ { \"name\": \"p\", \"type\": \"String\", \"required\": true }, [] ] } ] }",
      OP_CATALOG_ERROR_SCHEMA, "broken.json: apis[0] (a:b-1): The field “params[1]” must be an object." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\","
      " \"params\": [ { \"name\": \"p\", \"type\": \"String\", \"required\": true },"
      " { \"name\": \"q\", \"required\": true } ] } ] }",
      OP_CATALOG_ERROR_SCHEMA, "broken.json: apis[0] (a:b-1): The field “params[1].type” is missing." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\","
      " \"params\": [ { \"name\": \"p\", \"type\": \"String\", \"required\": \"maybe\" } ] } ] }",
      OP_CATALOG_ERROR_SCHEMA,
      "broken.json: apis[0] (a:b-1): The field “params[0].required” must be true, false, “conditional” or “uncertain”." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\","
      " \"params\": [ { \"name\": \"p\", \"type\": \"String\", \"required\": true },"
      " { \"name\": \"p\", \"type\": \"Long\", \"required\": false } ] } ] }",
      OP_CATALOG_ERROR_SCHEMA,
      "broken.json: apis[0] (a:b-1): The field “params[1].name”: the parameter “p” is listed twice." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\","
      " \"params_known\": false, \"params\": [ { \"name\": \"p\", \"type\": \"String\", \"required\": true } ] } ] }",
      OP_CATALOG_ERROR_SCHEMA,
      "broken.json: apis[0] (a:b-1): The field “params” must be empty when “params_known” is false." },
    { "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\","
      " \"sample_response\": { \"success\": true } } ] }",
      OP_CATALOG_ERROR_SCHEMA, "broken.json: apis[0] (a:b-1): The field “sample_response” must be a string." },
    /* Two APIs with one id. */
    { "{ \"apis\": [ " API_OK ", { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1, \"title_zh\": \"x\" }, "
      API_OK " ] }",
      OP_CATALOG_ERROR_DUPLICATE,
      "broken.json: apis[2] (com.example:ok.get-1): The same API is already listed as apis[0]." },
  };

  deep = g_strnfill (100000, '[');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(OpCatalog) catalog = NULL;
      const char *data = cases[i].data != NULL ? cases[i].data : deep;
      const char *expected = cases[i].message;

      g_test_message ("case %u: %s", i, expected);
      catalog = op_catalog_new_from_data (data, -1, "broken.json", &error);
      g_assert_null (catalog);
      g_assert_error (error, OP_CATALOG_ERROR, cases[i].code);
      if (g_str_has_suffix (expected, ":"))
        g_assert_true (g_str_has_prefix (error->message, expected));
      else
        g_assert_cmpstr (error->message, ==, expected);
    }
}

static void
test_escapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpCatalog) catalog = NULL;
  OpApi *api;
  const char *json =
    "{ \"apis\": [ { \"namespace\": \"a\", \"name\": \"b\", \"version\": 1,"
    " \"title_zh\": \"\\u8ba2\\u5355 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\" } ] }";

  /* Escapes, a surrogate pair among them, decode to UTF-8. */
  catalog = op_catalog_new_from_data (json, -1, "escapes.json", &error);
  g_assert_no_error (error);
  api = op_catalog_lookup (catalog, "a:b-1");
  g_assert_cmpstr (op_api_get_title_zh (api), ==, "订单 \xf0\x9f\x98\x80 \"q\" \\ / \n");
}

static void
test_malformed_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpCatalog) catalog = NULL;
  const char data[] = "{ \"apis\": [] }\0{ garbage";

  /* An explicit length is honoured: the garbage after it is not read … */
  catalog = op_catalog_new_from_data (data, strlen (data), "sized.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 0);
  g_clear_object (&catalog);

  /* … and an embedded NUL inside it is an error, not a silent truncation. */
  catalog = op_catalog_new_from_data (data, sizeof data - 1, "sized.json", &error);
  g_assert_null (catalog);
  g_assert_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "sized.json:1:15: The catalog is not valid UTF-8 text.");
  g_clear_error (&error);

  /* No name: still says where. */
  catalog = op_catalog_new_from_data ("{", -1, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "<data>:1:"));
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OpCatalog) catalog = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *source = NULL;
  g_autofree char *prefix = NULL;

  dir = g_dir_make_tmp ("test-catalog-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "apis.json", NULL);
  missing = g_build_filename (dir, "missing.json", NULL);

  /* A readable, valid file. */
  g_file_set_contents (path, "{ \"apis\": [ " API_OK " ] }", -1, &error);
  g_assert_no_error (error);
  catalog = op_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (op_catalog_lookup (catalog, "com.example:ok.get-1"));
  g_assert_cmpstr (op_catalog_get_name (catalog), ==, path);
  g_clear_object (&catalog);

  /* A broken one: the message starts with the path and the position. */
  g_file_set_contents (path, "{\n  \"apis\": [\n    { \"namespace\": }\n  ]\n}\n", -1, &error);
  g_assert_no_error (error);
  catalog = op_catalog_new_from_file (path, &error);
  g_assert_null (catalog);
  g_assert_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_PARSE);
  prefix = g_strdup_printf ("%s:3:", path);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  /* A missing one. */
  catalog = op_catalog_new_from_file (missing, &error);
  g_assert_null (catalog);
  g_assert_error (error, OP_CATALOG_ERROR, OP_CATALOG_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_clear_error (&error);

  /* The committed data file is the bundled one. */
  source = g_build_filename (g_getenv ("OPEN1688_SOURCE_ROOT"), "data", "catalog", "apis.json", NULL);
  catalog = op_catalog_new_from_file (source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 36);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/bundled/load", test_bundled_load);
  g_test_add_func ("/catalog/bundled/details", test_bundled_details);
  g_test_add_func ("/catalog/lookup", test_lookup);
  g_test_add_func ("/catalog/properties", test_properties);
  g_test_add_func ("/catalog/list-model", test_list_model);
  g_test_add_func ("/catalog/search/ranking", test_search_ranking);
  g_test_add_func ("/catalog/search/typing", test_search_typing);
  g_test_add_func ("/catalog/search/bundled", test_search_bundled);
  g_test_add_func ("/catalog/title-language", test_title_language);
  g_test_add_func ("/catalog/malformed/content", test_malformed);
  g_test_add_func ("/catalog/escapes", test_escapes);
  g_test_add_func ("/catalog/malformed/length", test_malformed_length);
  g_test_add_func ("/catalog/files", test_files);

  return g_test_run ();
}
