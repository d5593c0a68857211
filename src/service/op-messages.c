/* op-messages.c
 *
 * Copyright 2026 The Open 1688 Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "op-messages"

#include "config.h"

#include "op-messages.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

/* Why pairs and not gettext: the service answers each request in the
 * language of its Accept-Language header, whatever the locale of the
 * process (the embedded sandbox runs inside the desktop app; a shared one
 * serves several developers), and gettext has no per-call language. So each
 * message is kept here as a pair: the English one is marked with N_() so it
 * is in the POT, and its zh_CN text is both here and in
 * po/fragments/service.po. The zh_CN terms are the platform's own
 * (glossary.md). Placeholders are {name}, replaced by op_message_format(). */

typedef struct
{
  const char *id;
  const char *en;
  const char *zh_cn;
} OpMessage;

static const OpServiceErrorInfo errors[] = {
  { "invalid_json", 400,
    N_("The request body is not valid JSON."),
    "请求内容不是有效的 JSON。" },
  { "invalid_utf8", 400,
    N_("The request contains text that is not valid UTF-8."),
    "请求中含有无效的 UTF-8 文本。" },
  { "invalid_body", 400,
    N_("The request body must be a JSON object."),
    "请求内容必须是一个 JSON 对象。" },
  { "validation_failed", 400,
    N_("Some fields are not valid; see the reason given for each field."),
    "部分字段填写有误，请查看各字段的说明。" },
  { "unauthorized", 401,
    N_("Sign in first: the session is missing, has expired or was signed out."),
    "请先登录：会话不存在、已过期或已退出。" },
  { "invalid_credentials", 401,
    N_("The account name or the password is wrong."),
    "账号或密码错误。" },
  { "not_real_name_verified", 403,
    N_("This account has not completed real-name verification. Complete it through Alipay, then sign in again."),
    "该账号尚未完成实名认证。请先通过支付宝完成实名认证，然后重新登录。" },
  { "not_a_developer", 403,
    N_("Join the Open Platform as a developer (onboarding) first."),
    "请先完成开发者入驻。" },
  { "role_required", 403,
    N_("This needs one of these roles: {roles}. Apply for the qualification first."),
    "需要以下角色之一：{roles}。请先进行资质申请。" },
  { "isv_only", 403,
    N_("Only service providers can create apps for sale. Your developer type is self-use."),
    "只有服务商才能创建商用型应用，您的开发者类型为企业自用。" },
  { "not_found", 404,
    N_("Not found: it does not exist or it belongs to another account."),
    "未找到：该资源不存在或属于其他账号。" },
  { "method_not_allowed", 405,
    N_("This method is not allowed for this resource."),
    "该资源不支持此请求方法。" },
  { "already_onboarded", 409,
    N_("This account has already joined as a developer."),
    "该账号已完成入驻。" },
  { "wrong_state", 409,
    N_("This is not possible in the current state ({state})."),
    "当前状态（{state}）下无法进行此操作。" },
  { "already_ordered", 409,
    N_("This app has already ordered this solution."),
    "该应用已订购此解决方案。" },
  { "launch_needs_successful_call", 409,
    N_("Before launch the app needs at least one successful API call on record. Test it in the sandbox first."),
    "提交上线前，应用至少需要有一次成功的 API 调用记录，请先完成开发及测试。" },
  { "launch_self_use_only", 409,
    N_("Only self-use apps are launched; an app for sale is listed on the service market instead."),
    "只有自用型应用需要提交上线；商用型应用请提交售卖，在1688服务市场上架。" },
  { "listing_isv_only", 409,
    N_("Only apps for sale are listed on the service market; a self-use app is launched instead."),
    "只有商用型应用可以在1688服务市场上架；自用型应用请提交上线。" },
  { "review_pending", 409,
    N_("An application for this is already under review."),
    "已有相关申请正在审核中。" },
  { "quota_increase_not_allowed", 409,
    /* xgettext:no-c-format */
    N_("A higher call quota can be requested once today's calls reach 80% of the daily limit ({used} of {limit} so far)."),
    "当日调用量达到上限的 80% 后才可申请调高调用量（目前为 {used} / {limit}）。" },
  { "ability_not_purchased", 409,
    N_("Order and pay for a resource package of this ability first."),
    "请先订购并支付该能力的资源包。" },
  { "already_associated", 409,
    N_("This app is already associated with this ability."),
    "该应用已关联此能力。" },
  { "role_already_held", 409,
    N_("This account already has this role."),
    "该账号已拥有此角色。" },
  { "body_too_large", 413,
    N_("The request body is larger than 1 MiB."),
    "请求内容超过 1 MiB。" },
  { "too_many_requests", 429,
    N_("Too many requests: wait {seconds} seconds, then try again."),
    "请求过于频繁，请等待 {seconds} 秒后重试。" },
  { "internal_error", 500,
    N_("The platform could not complete the request. Nothing was changed; try again."),
    "平台无法完成该请求，未做任何更改，请重试。" },
};

static const OpMessage texts[] = {
  /* Reasons given for one field of a request */
  { "field.required",
    N_("This field is required."),
    "此项为必填项。" },
  { "field.unknown",
    N_("Unknown field: remove it."),
    "未知字段，请删除。" },
  { "field.not_string",
    N_("Must be text."),
    "必须是文本。" },
  { "field.not_integer",
    N_("Must be a whole number."),
    "必须是整数。" },
  { "field.not_boolean",
    N_("Must be true or false."),
    "必须是 true 或 false。" },
  { "field.not_object",
    N_("Must be an object."),
    "必须是一个对象。" },
  { "field.must_be_true",
    N_("Confirm by setting this to true."),
    "请确认（设为 true）。" },
  { "field.too_long",
    N_("Too long: at most {max} characters."),
    "过长：最多 {max} 个字符。" },
  { "field.one_of",
    N_("Must be one of: {values}."),
    "必须是以下之一：{values}。" },
  { "field.out_of_range",
    N_("Must be between {min} and {max}."),
    "必须在 {min} 到 {max} 之间。" },
  { "field.invalid_mobile",
    N_("Not a mainland China mobile number (11 digits starting with 1)."),
    "不是有效的中国大陆手机号（以 1 开头的 11 位数字）。" },
  { "field.invalid_email",
    N_("Not a valid e-mail address."),
    "不是有效的电子邮箱地址。" },
  { "field.invalid_uscc",
    N_("Not a valid unified social credit code: 18 characters whose last one is the check character."),
    "不是有效的统一社会信用代码：应为 18 位，最后一位为校验码。" },
  { "field.invalid_https_url",
    N_("Must be an address starting with https://."),
    "必须是以 https:// 开头的地址。" },
  { "field.invalid_url",
    N_("Must be an address starting with http:// or https://."),
    "必须是以 http:// 或 https:// 开头的地址。" },
  { "field.invalid_app_name",
    N_("Not a valid app name."),
    "应用名称无效。" },
  { "field.invalid_format",
    N_("Does not have the expected format."),
    "格式不正确。" },
  { "field.sms_code_wrong",
    N_("The SMS code is wrong or has expired. Request a new one."),
    "短信验证码错误或已过期，请重新获取。" },
  { "field.company_required",
    N_("Service providers must give the company name."),
    "服务商必须填写公司名称。" },
  { "field.either_app",
    N_("Give either app_key or new_app, not both and not neither."),
    "请填写 app_key 或 new_app 其中之一。" },
  { "field.unknown_app",
    N_("No such app in your account."),
    "您的账号下没有该应用。" },
  { "field.unknown_role",
    N_("No such role."),
    "没有该角色。" },
  { "field.unknown_package",
    N_("This resource package is not one of this ability's."),
    "该资源包不属于此能力。" },
  { "field.limit_not_higher",
    N_("Must be higher than the current daily limit ({limit})."),
    "必须高于当前每日调用量上限（{limit}）。" },
  { "field.app_type_isv_only",
    N_("Only service providers can create apps for sale."),
    "只有服务商才能创建商用型应用。" },

  /* Review decisions */
  { "review.fields_invalid",
    N_("Some fields of the application are not valid: {fields}. Correct them and submit again."),
    "申请中部分字段有误：{fields}。请修改后重新提交。" },
  { "review.listing_invalid",
    N_("The Jushita information or the OAuth callback URL is not valid: {fields}."),
    "聚石塔信息或授权回调地址有误：{fields}。" },
  { "review.quota_too_high",
    N_("A daily limit above {max} calls cannot be granted automatically; contact the platform."),
    "每日调用量上限超过 {max} 次无法自动通过，请联系平台。" },
  { "review.approved",
    N_("Approved."),
    "已通过。" },

  /* The sandbox SMS */
  { "sms.text",
    N_("[1688 Open Platform sandbox] Your verification code is {code}. It is valid for 5 minutes."),
    "【1688开放平台 沙箱环境】您的验证码是 {code}，5 分钟内有效。" },
};

/**
 * op_lang_from_accept_language:
 * @header: (nullable): the Accept-Language header
 *
 * Returns: %OP_LANG_ZH_CN when the most preferred language that the service
 *   knows is Chinese, else %OP_LANG_EN
 */
OpLang
op_lang_from_accept_language (const char *header)
{
  g_autoptr(GSList) ranges = NULL;
  OpLang lang = OP_LANG_EN;

  if (header == NULL)
    return OP_LANG_EN;

  ranges = soup_header_parse_quality_list (header, NULL);
  for (GSList *l = ranges; l != NULL; l = l->next)
    {
      const char *range = l->data;

      if (g_ascii_strncasecmp (range, "zh", 2) == 0 && (range[2] == '\0' || range[2] == '-' || range[2] == '_'))
        {
          lang = OP_LANG_ZH_CN;
          break;
        }

      if (g_ascii_strncasecmp (range, "en", 2) == 0)
        break;
    }

  g_slist_free_full (g_steal_pointer (&ranges), g_free);

  return lang;
}

const char *
op_lang_to_string (OpLang lang)
{
  return lang == OP_LANG_ZH_CN ? "zh_CN" : "en";
}

/**
 * op_service_error_lookup:
 * @code: an error code such as "not_found"
 *
 * Returns: (nullable): the error's status and messages
 */
const OpServiceErrorInfo *
op_service_error_lookup (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (g_str_equal (errors[i].code, code))
      return &errors[i];

  return NULL;
}

/**
 * op_message_text:
 * @id: a message id ("field.required") or an error code
 * @lang: the language
 *
 * Returns: (transfer none): the text, with its {placeholders}
 */
const char *
op_message_text (const char *id,
                 OpLang      lang)
{
  const OpServiceErrorInfo *info;

  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (texts[i].id, id))
      return lang == OP_LANG_ZH_CN ? texts[i].zh_cn : texts[i].en;

  info = op_service_error_lookup (id);
  if (info != NULL)
    return lang == OP_LANG_ZH_CN ? info->zh_cn : info->en;

  g_critical ("Unknown message id %s", id);

  return id;
}

/**
 * op_message_substitute:
 * @text: a text with {placeholders}
 * @first_key: (nullable): the first placeholder's name
 * @args: its value, then more name/value pairs, ending with %NULL
 *
 * Returns: (transfer full): @text with the placeholders replaced
 */
char *
op_message_substitute (const char *text,
                       const char *first_key,
                       va_list     args)
{
  GString *result = g_string_new (text);

  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *placeholder = g_strconcat ("{", key, "}", NULL);

      g_string_replace (result, placeholder, value != NULL ? value : "", 0);
    }

  return g_string_free (result, FALSE);
}

char *
op_message_format_valist (const char *id,
                          OpLang      lang,
                          const char *first_key,
                          va_list     args)
{
  return op_message_substitute (op_message_text (id, lang), first_key, args);
}

/**
 * op_message_format:
 * @id: a message id or error code
 * @lang: the language
 * @first_key: (nullable): the first placeholder's name
 * @...: its value, then more name/value pairs, ending with %NULL
 *
 * Returns: (transfer full): the message in @lang with its placeholders
 *   replaced
 */
char *
op_message_format (const char *id,
                   OpLang      lang,
                   const char *first_key,
                   ...)
{
  va_list args;
  char *text;

  va_start (args, first_key);
  text = op_message_format_valist (id, lang, first_key, args);
  va_end (args);

  return text;
}
