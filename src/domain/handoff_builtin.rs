//! The built-in checklist templates, in English and Chinese: a general one
//! and one for each of the legs where the plan behind Baton saw information
//! lost (sales → service, service → technical, technical → service,
//! marketing → sales, service → sales). Each follows SBAR (Situation,
//! Background, Assessment, Recommendation). Once added to a workspace they
//! are the team's own and can be edited like any template.

use super::handoff::{BuiltinLang, Item, ItemKind, Leg, Prefill, Section, TemplateDraft, When};
use super::{Urgency, Workspace};

/// An (English, Chinese) pair.
type Text = (&'static str, &'static str);

/// When an item applies.
#[derive(Clone, Copy)]
enum Cond {
    Always,
    /// Urgency high or critical.
    Urgent,
    /// Requests of the promotion category.
    Promotion,
}

/// key, section, kind, required, weight, pre-fill, condition, label, help, choices.
type Row = (&'static str, Section, ItemKind, bool, u32, Option<Prefill>, Cond, Text, Text, &'static [Text]);

use Cond::*;
use ItemKind::{Choice, Date, Number, Person, Text as Txt, YesNo};
use Section::{Assessment as A, Background as B, Recommendation as R, Situation as S};

const NO_HELP: Text = ("", "");
const CUSTOMER: Text = ("Customer and how to reach them", "客户及联系方式");
const URGENCY: Text = ("Urgency and any deadline", "紧急程度及期限");
const HISTORY: Text = ("What has happened so far", "目前的处理经过");
const URGENT_ONLY: Text = ("Only for high and critical urgency.", "仅适用于紧急程度为“高”或“紧急”的请求。");

#[rustfmt::skip]
const GENERAL: &[Row] = &[
    ("customer", S, Txt, true, 3, Some(Prefill::Customer), Always, CUSTOMER, ("Name, phone or e-mail, and the best time to call.", "姓名、电话或邮箱，以及方便联系的时间。"), &[]),
    ("need", S, Txt, true, 3, Some(Prefill::Description), Always, ("What the customer needs", "客户的需求"), ("One or two sentences, in the customer's words where possible.", "用一两句话说明，尽量用客户的原话。"), &[]),
    ("urgency", S, Txt, true, 2, Some(Prefill::Urgency), Always, URGENCY, ("Why it is urgent and by when the customer expects an answer.", "为何紧急，客户期望何时得到答复。"), &[]),
    ("preferences", B, Txt, true, 3, Some(Prefill::Preferences), Always, ("Customer preferences (time, channel, limits)", "客户偏好（时间、方式、限制）"), ("The facts most often lost at handoffs: when and how to reach the customer, what they will not accept.", "交接中最常丢失的信息：何时、如何联系客户，客户不接受什么。"), &[]),
    ("history", B, Txt, false, 2, Some(Prefill::History), Always, HISTORY, NO_HELP, &[]),
    ("promised", B, Txt, false, 2, None, Always, ("What was promised to the customer, and by when", "已向客户承诺的内容和时间"), NO_HELP, &[]),
    ("assessment", A, Txt, true, 2, None, Always, ("Your assessment of the problem", "你对问题的判断"), NO_HELP, &[]),
    ("ask", R, Txt, true, 3, None, Always, ("What the receiver should do next", "接收方下一步要做什么"), NO_HELP, &[]),
    ("told", R, YesNo, false, 1, None, Always, ("Customer told who will contact them next", "已告知客户下一步由谁联系"), NO_HELP, &[]),
    ("call", R, YesNo, true, 2, None, Urgent, ("Deadline confirmed with the receiver by phone", "已电话与接收方确认时限"), URGENT_ONLY, &[]),
];

#[rustfmt::skip]
const SALES_SERVICE: &[Row] = &[
    ("customer", S, Txt, true, 3, Some(Prefill::Customer), Always, ("Customer and contact person", "客户及联系人"), NO_HELP, &[]),
    ("order", S, Txt, true, 3, None, Always, ("Order or contract number", "订单或合同编号"), NO_HELP, &[]),
    ("urgency", S, Txt, false, 1, Some(Prefill::Urgency), Always, URGENCY, NO_HELP, &[]),
    ("sold", B, Txt, true, 2, None, Always, ("Products and quantities sold", "所售产品及数量"), NO_HELP, &[]),
    ("preferences", B, Txt, true, 3, Some(Prefill::Preferences), Always, ("Customer preferences (delivery times, channel, limits)", "客户偏好（送货时间、联系方式、限制）"), NO_HELP, &[]),
    ("promises", B, Txt, true, 3, None, Always, ("Promises made in the sale (dates, discounts, extras)", "销售时的承诺（日期、折扣、赠品）"), ("Anything the customer will hold us to. Write \"none\" if nothing was promised.", "客户会要求兑现的任何承诺；没有承诺请写“无”。"), &[]),
    ("promo_terms", B, Txt, true, 2, None, Promotion, ("Promotion terms the price depends on (regions, dates)", "价格所依据的促销条款（地区、日期）"), ("Only for promotion requests: copy the regional and time limits exactly.", "仅适用于促销类请求：原样抄写地区和时间限制。"), &[]),
    ("risks", A, Txt, false, 2, None, Always, ("Known open issues or risks", "已知的问题或风险"), NO_HELP, &[]),
    ("first_step", R, Txt, true, 2, None, Always, ("What service should do first", "服务部门首先要做什么"), NO_HELP, &[]),
    ("warranty_start", R, Date, false, 1, None, Always, ("Warranty starts on", "保修起始日期"), NO_HELP, &[]),
    ("told", R, YesNo, false, 1, None, Always, ("Customer knows service will take over", "客户已知晓由服务部门接手"), NO_HELP, &[]),
];

#[rustfmt::skip]
const SERVICE_TECHNICAL: &[Row] = &[
    ("customer", S, Txt, true, 2, Some(Prefill::Customer), Always, CUSTOMER, NO_HELP, &[]),
    ("product", S, Txt, true, 3, None, Always, ("Product, model and serial number", "产品型号及序列号"), NO_HELP, &[]),
    ("fault", S, Txt, true, 3, Some(Prefill::Description), Always, ("Fault as the customer describes it", "客户描述的故障现象"), NO_HELP, &[]),
    ("urgency", S, Txt, false, 1, Some(Prefill::Urgency), Always, URGENCY, NO_HELP, &[]),
    ("warranty", B, Choice, true, 2, None, Always, ("Warranty status", "保修状态"), NO_HELP, &[("In warranty", "在保"), ("Out of warranty", "过保"), ("Unknown", "不确定")]),
    ("purchased", B, Date, false, 1, None, Always, ("Purchase date", "购买日期"), NO_HELP, &[]),
    ("tried", B, Txt, true, 2, None, Always, ("What has been tried already", "已尝试过的处理"), NO_HELP, &[]),
    ("preferences", B, Txt, true, 3, Some(Prefill::Preferences), Always, ("Customer preferences (visit times, access, channel)", "客户偏好（上门时间、进出方式、联系方式）"), NO_HELP, &[]),
    ("photos", A, YesNo, false, 1, None, Always, ("Photos or logs attached", "已附照片或日志"), NO_HELP, &[]),
    ("safety", A, YesNo, true, 2, None, Urgent, ("Immediate safety risk ruled out with the customer", "已与客户确认无即时安全风险"), URGENT_ONLY, &[]),
    ("ask", R, Txt, true, 2, None, Always, ("What you need from technical (diagnosis, repair, visit)", "需要技术做什么（诊断、维修、上门）"), NO_HELP, &[]),
    ("callback_hours", R, Number, false, 1, None, Always, ("Hours until the customer expects a call", "客户期望在几小时内回电"), NO_HELP, &[]),
    ("contact", R, Person, false, 1, None, Always, ("Service contact for questions", "服务部门对接人"), NO_HELP, &[]),
];

#[rustfmt::skip]
const TECHNICAL_SERVICE: &[Row] = &[
    ("result", S, Txt, true, 3, None, Always, ("What was found and done", "检查结果及处理"), NO_HELP, &[]),
    ("state", S, Choice, true, 2, None, Always, ("Where it stands", "目前状态"), NO_HELP, &[("Fixed", "已修复"), ("Workaround", "临时方案"), ("Not fixed", "未修复"), ("Waiting for parts", "等待配件")]),
    ("cause", B, Txt, false, 2, None, Always, ("Cause", "原因"), NO_HELP, &[]),
    ("parts", B, Txt, false, 1, None, Always, ("Parts used or ordered", "已用或已订的配件"), NO_HELP, &[]),
    ("comes_back", A, Choice, false, 1, None, Always, ("Risk that the fault comes back", "故障复发的风险"), NO_HELP, &[("Low", "低"), ("Medium", "中"), ("High", "高")]),
    ("cost", A, Number, false, 1, None, Always, ("Cost to the customer (CNY)", "客户需支付的费用（元）"), NO_HELP, &[]),
    ("tell", R, Txt, true, 3, None, Always, ("What to tell the customer", "需要告诉客户的内容"), NO_HELP, &[]),
    ("preferences", R, Txt, true, 2, Some(Prefill::Preferences), Always, ("Customer preferences to respect when calling back", "回访时要遵守的客户偏好"), NO_HELP, &[]),
    ("follow_up", R, Date, false, 1, None, Always, ("Follow-up date", "回访日期"), NO_HELP, &[]),
];

#[rustfmt::skip]
const MARKETING_SALES: &[Row] = &[
    ("promotion", S, Txt, true, 3, None, Always, ("Promotion and offer", "促销活动及优惠内容"), NO_HELP, &[]),
    ("starts", S, Date, true, 2, None, Always, ("Valid from", "开始日期"), NO_HELP, &[]),
    ("ends", S, Date, true, 3, None, Always, ("Valid until (last day)", "结束日期（最后一天）"), NO_HELP, &[]),
    ("regions", B, Txt, true, 3, None, Always, ("Where it applies, and where it does not", "适用地区，以及不适用的地区"), ("Regions, cities or stores. A rule that lost its \"only in region X\" clause on the way to sales once cost 800,000 CNY.", "地区、城市或门店。曾有一条促销规则在交给销售时丢失了“仅限X地区”的限制，造成80万元损失。"), &[]),
    ("region_in_text", B, YesNo, true, 3, None, Always, ("Regional limit written into the text sales will use", "地区限制已写入销售使用的规则文本"), NO_HELP, &[]),
    ("eligible", B, Txt, true, 2, None, Always, ("Who qualifies (new customers, members, minimum spend)", "适用对象（新客户、会员、最低消费）"), NO_HELP, &[]),
    ("exclusions", A, Txt, true, 2, None, Always, ("Products and combinations excluded", "不参加活动的产品及组合"), NO_HELP, &[]),
    ("stacking", A, Choice, true, 2, None, Always, ("Combining with other offers", "与其他优惠叠加"), NO_HELP, &[("Cannot be combined", "不可叠加"), ("With member prices only", "仅可与会员价叠加"), ("With all offers", "可与所有优惠叠加")]),
    ("cap", A, Number, false, 1, None, Always, ("Budget or quantity cap", "预算或数量上限"), NO_HELP, &[]),
    ("exceptions", R, Person, false, 1, None, Always, ("Who in marketing approves exceptions", "市场部例外审批人"), NO_HELP, &[]),
    ("not_eligible", R, Txt, false, 1, None, Always, ("What to tell customers who do not qualify", "对不符合条件客户的答复"), NO_HELP, &[]),
];

#[rustfmt::skip]
const SERVICE_SALES: &[Row] = &[
    ("customer", S, Txt, true, 2, Some(Prefill::Customer), Always, CUSTOMER, NO_HELP, &[]),
    ("need", S, Txt, true, 3, Some(Prefill::Description), Always, ("What the customer wants to buy or change", "客户想购买或变更什么"), NO_HELP, &[]),
    ("urgency", S, Txt, false, 1, Some(Prefill::Urgency), Always, URGENCY, NO_HELP, &[]),
    ("history", B, Txt, false, 2, Some(Prefill::History), Always, HISTORY, NO_HELP, &[]),
    ("preferences", B, Txt, true, 3, Some(Prefill::Preferences), Always, ("Customer preferences (time, channel, limits)", "客户偏好（时间、方式、限制）"), NO_HELP, &[]),
    ("open_issues", B, Txt, false, 2, None, Always, ("Open complaints or service issues sales must know", "销售需要知道的未结投诉或服务问题"), NO_HELP, &[]),
    ("value", A, Number, false, 1, None, Always, ("Estimated order value (CNY)", "预计订单金额（元）"), NO_HELP, &[]),
    ("budget", A, YesNo, false, 1, None, Always, ("Budget confirmed with the customer", "已与客户确认预算"), NO_HELP, &[]),
    ("ask", R, Txt, true, 2, None, Always, ("What sales should do", "销售需要做什么"), NO_HELP, &[]),
    ("contact_by", R, Date, false, 1, None, Always, ("Customer expects contact by", "客户期望的联系日期"), NO_HELP, &[]),
    ("agreed", R, YesNo, false, 1, None, Always, ("Customer agreed to be contacted by sales", "客户同意由销售联系"), NO_HELP, &[]),
];

/// Name, leg as (from, to) built-in department keys (none: general), items.
type Builtin = (Text, Option<(&'static str, &'static str)>, &'static [Row]);

#[rustfmt::skip]
const TEMPLATES: [Builtin; 6] = [
    (("General handoff (SBAR)", "通用交接（情况—背景—评估—建议）"), None, GENERAL),
    (("Sales → Service: after the sale", "销售 → 服务：售后交接"), Some(("sales", "service")), SALES_SERVICE),
    (("Service → Technical: a fault to diagnose", "服务 → 技术：故障转技术"), Some(("service", "technical")), SERVICE_TECHNICAL),
    (("Technical → Service: the result, back to the customer's owner", "技术 → 服务：处理结果交回"), Some(("technical", "service")), TECHNICAL_SERVICE),
    (("Marketing → Sales: promotion rules", "市场 → 销售：促销规则"), Some(("marketing", "sales")), MARKETING_SALES),
    (("Service → Sales: a sales opportunity", "服务 → 销售：销售机会"), Some(("service", "sales")), SERVICE_SALES),
];

fn pick(lang: BuiltinLang, t: Text) -> &'static str {
    match lang {
        BuiltinLang::En => t.0,
        BuiltinLang::Zh => t.1,
    }
}

fn item(lang: BuiltinLang, row: &Row) -> Item {
    let (key, section, kind, required, weight, prefill, cond, label, help, choices) = *row;
    let when = match cond {
        Always => None,
        Urgent => Some(When { min_urgency: Some(Urgency::High), categories: Vec::new() }),
        Promotion => Some(When {
            min_urgency: None,
            categories: match lang {
                BuiltinLang::En => vec!["promotion".into()],
                BuiltinLang::Zh => vec!["促销活动".into(), "促销".into()],
            },
        }),
    };
    Item {
        key: key.to_string(),
        section,
        label: pick(lang, label).to_string(),
        help: pick(lang, help).to_string(),
        kind,
        choices: choices.iter().map(|c| pick(lang, *c).to_string()).collect(),
        required,
        weight,
        when,
        prefill,
    }
}

/// The built-in templates in `lang`, for the legs whose departments the
/// workspace has (found by their built-in keys, so renamed departments
/// still get theirs).
pub fn builtin_templates(ws: &Workspace, lang: BuiltinLang) -> Vec<TemplateDraft> {
    let dept = |key: &str| ws.departments.iter().find(|d| d.builtin.as_deref() == Some(key)).map(|d| d.id);
    TEMPLATES
        .iter()
        .filter_map(|(name, leg, rows)| {
            let leg = match leg {
                None => None,
                Some((from, to)) => Some(Leg { from: dept(from)?, to: dept(to)? }),
            };
            Some(TemplateDraft {
                name: pick(lang, *name).to_string(),
                leg,
                items: rows.iter().map(|r| item(lang, r)).collect(),
            })
        })
        .collect()
}
