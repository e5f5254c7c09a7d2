//! The built-in collaboration maturity model (跨部门协同成熟度), written for
//! Baton in English and 简体中文 for front-line sales, service, marketing and
//! technical-support teams that work customer requests across departments.
//! Every question is answered on the five levels; each level's description
//! says what that level looks like in daily work.

use super::{Dimension, MaturityModel, Question, QuestionKind, Text};
use crate::domain::Id;

/// The built-in model's id, the same in every workspace, so that rounds of
/// the built-in model from two browsers can be compared and merged.
pub const COLLABORATION_MODEL_ID: Id = Id::from_u128(0x6261_746f_6e00_7000_8000_636f_6c6c_6162);

/// (English, 简体中文).
type Pair = (&'static str, &'static str);

struct DimensionText {
    key: &'static str,
    name: Pair,
    description: Pair,
    questions: &'static [QuestionText],
    actions: &'static [Pair],
}

struct QuestionText {
    text: Pair,
    /// What levels 1 to 5 look like in practice.
    levels: [Pair; 5],
}

const NAME: Pair = ("Cross-department collaboration maturity", "跨部门协同成熟度");
const DESCRIPTION: Pair = (
    "A self-assessment for front-line sales, service, marketing and technical-support teams: how well customer \
     requests that need more than one department are owned, handed over, recorded, steered and learned from.",
    "面向销售、客服、市场和技术支持一线团队的自评：需要多个部门协作的客户请求，在负责、交接、记录、管理和学习方面做得如何。",
);

/// The model, version 1. The same text every time it is called.
pub fn collaboration_model() -> MaturityModel {
    MaturityModel {
        id: COLLABORATION_MODEL_ID,
        name: text(NAME),
        description: text(DESCRIPTION),
        version: 1,
        source: String::new(),
        dimensions: DIMENSIONS.iter().map(dimension).collect(),
    }
}

fn text((en, zh): Pair) -> Text {
    Text::new(en, zh)
}

fn dimension(d: &DimensionText) -> Dimension {
    Dimension {
        key: d.key.to_string(),
        name: text(d.name),
        description: text(d.description),
        questions: d
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| Question {
                key: format!("{}.{}", d.key, i + 1),
                text: text(q.text),
                kind: QuestionKind::Scale { levels: q.levels.map(text) },
            })
            .collect(),
        actions: d.actions.iter().copied().map(text).collect(),
    }
}

const DIMENSIONS: [DimensionText; 5] = [ROLES, PROCESS, TOOLS, MECHANISMS, CULTURE];

const ROLES: DimensionText = DimensionText {
    key: "roles",
    name: ("Organisation and roles", "组织与角色"),
    description: (
        "Who owns a customer request at each moment, and whether people know their part in work that crosses departments.",
        "客户请求在每个时刻由谁负责，以及每个人是否清楚自己在跨部门工作中的角色。",
    ),
    questions: &[
        QuestionText {
            text: (
                "When a customer request needs more than one department, is it clear who owns it from start to finish?",
                "当一个客户请求需要多个部门处理时，是否清楚由谁从头到尾负责？",
            ),
            levels: [
                ("Nobody owns it; whoever the customer reached last tries to help.", "没有人负责；客户最后找到谁，谁就临时帮忙。"),
                ("The person who took the request usually follows it, out of habit.", "接单人通常会跟进，但只是出于习惯。"),
                ("A written rule names the owner for each kind of request.", "有书面规则规定每类请求的负责人。"),
                (
                    "The owner is recorded on every request and confirmed at each handover.",
                    "每个请求都记录负责人，每次交接时都会确认。",
                ),
                (
                    "Gaps in ownership are spotted in the figures and the rule is changed before customers notice.",
                    "从数据中发现负责空档，并在客户察觉之前修改规则。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Do sales, service, marketing and technical support know what each other's roles are responsible for?",
                "销售、客服、市场和技术支持是否了解彼此岗位负责什么？",
            ),
            levels: [
                ("People guess; requests often reach the wrong department first.", "大家靠猜；请求常常先到了错误的部门。"),
                ("Experienced staff know whom to ask; newcomers do not.", "老员工知道找谁，新人不知道。"),
                (
                    "A responsibility matrix (who decides, who does the work, who is told) exists and is shared.",
                    "有一份职责矩阵（谁决策、谁执行、谁知会），并已共享。",
                ),
                (
                    "Daily routing follows the matrix, and it is reviewed whenever roles change.",
                    "日常分派按矩阵执行，岗位变动时会复核矩阵。",
                ),
                (
                    "Departments revise the matrix together, starting from the cases it did not fit.",
                    "各部门以不适用的案例为起点，共同修订矩阵。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Does each department have a named contact for cross-department questions and escalations?",
                "每个部门是否有指定的接口人处理跨部门问题和升级？",
            ),
            levels: [
                ("No; escalations go to whichever manager is available.", "没有；升级时找当时有空的管理者。"),
                ("Some departments have an informal go-to person.", "部分部门有一位非正式的“熟人”可以找。"),
                (
                    "Every department has a named contact and a stand-in, listed where everyone can see.",
                    "每个部门都有指定接口人和替补，名单公开可查。",
                ),
                (
                    "Contacts answer within an agreed time, and their workload is watched.",
                    "接口人在约定时间内响应，其工作量受到关注。",
                ),
                (
                    "The contact role rotates, and what contacts learn is fed back into the process.",
                    "接口人轮值，轮值中的收获会反馈到流程改进中。",
                ),
            ],
        },
        QuestionText {
            text: (
                "What happens to a request that falls between departments and is nobody's job?",
                "落在部门之间、谁都不管的请求会怎样？",
            ),
            levels: [
                ("It waits until the customer complains.", "一直搁置，直到客户投诉。"),
                ("A manager steps in, case by case, once someone notices.", "有人发现后，由管理者逐案介入。"),
                ("A default owner takes such requests under an agreed rule.", "按约定规则由默认负责人接手。"),
                (
                    "Requests without an owner are flagged within hours and counted every week.",
                    "无人负责的请求在数小时内被标记，并每周统计。",
                ),
                (
                    "Recurring gaps lead to a new owner or a changed role, and their number keeps falling.",
                    "反复出现的空档会带来新的负责人或岗位调整，数量持续下降。",
                ),
            ],
        },
    ],
    actions: &[
        (
            "Write a one-page responsibility matrix for your five most common kinds of request and agree it with every department head.",
            "为最常见的五类请求写一页职责矩阵，并与各部门负责人达成一致。",
        ),
        (
            "Name a cross-department contact and a stand-in in each department, and publish the list.",
            "在每个部门指定跨部门接口人及替补，并公布名单。",
        ),
        (
            "Go through every request that had no owner in a short weekly meeting and decide who owns that kind of request from now on.",
            "在每周短会上逐一复盘无人负责的请求，并决定此类请求今后由谁负责。",
        ),
    ],
};

const PROCESS: DimensionText = DimensionText {
    key: "process",
    name: ("Process and handoffs", "流程与交接"),
    description: (
        "How requests move between people and departments: intake, handoff, follow-up, and closing the loop with the customer.",
        "请求如何在人员和部门之间流转：受理、交接、跟进，以及与客户闭环。",
    ),
    questions: &[
        QuestionText {
            text: (
                "When a request is passed to another department, what information goes with it?",
                "请求转给其他部门时，会附带哪些信息？",
            ),
            levels: [
                (
                    "A forwarded message or a phone call; the receiver often has to ask the customer again.",
                    "转发一条消息或打个电话；接收方常常要再问客户一遍。",
                ),
                ("Usually enough, depending on who writes the handoff.", "通常够用，取决于写交接的人。"),
                (
                    "A handoff template lists what must be included: customer, problem, what was tried, what was promised.",
                    "交接模板列明必填内容：客户、问题、已尝试的办法、已作出的承诺。",
                ),
                (
                    "Incomplete handoffs are sent back and counted; completeness meets an agreed target.",
                    "不完整的交接会被退回并统计；完整率达到约定目标。",
                ),
                (
                    "The template is improved from the handoffs sent back, and customers are rarely asked the same thing twice.",
                    "根据被退回的交接改进模板，客户几乎不会被问两遍同样的问题。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Are there agreed times to respond and to resolve for work passed between departments?",
                "部门之间转交的工作是否有约定的响应和解决时限？",
            ),
            levels: [
                ("No; each department works to its own priorities.", "没有；各部门按自己的优先级处理。"),
                ("Urgent cases are chased by phone; the rest wait.", "紧急情况靠电话催办，其余的只能等。"),
                (
                    "Internal time limits are written down for the main kinds of request.",
                    "主要请求类型有书面的内部时限。",
                ),
                (
                    "Time limits are tracked, and a warning goes out before one is missed.",
                    "时限受到跟踪，快要超时前会发出预警。",
                ),
                (
                    "The limits are reviewed with the figures every quarter and tuned to what customers need.",
                    "每季度结合数据复核时限，并按客户需要调整。",
                ),
            ],
        },
        QuestionText {
            text: (
                "How often is a request sent back, or passed on more than twice?",
                "请求被退回或被转交两次以上的情况有多常见？",
            ),
            levels: [
                ("Often; customers tell us they were passed around.", "经常；客户反映被踢来踢去。"),
                ("Regularly, but nobody knows how often.", "时常发生，但没人知道有多频繁。"),
                ("Requests sent back are recorded with a reason.", "被退回的请求会被记录并注明原因。"),
                (
                    "The bounce-back rate is reported every month and its main causes are worked on.",
                    "每月报告退回率，并着手解决主要原因。",
                ),
                (
                    "Bounce-backs are rare, and each one is reviewed so the next is prevented.",
                    "退回很少见，每一次都会复盘，以免再次发生。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Who keeps the customer informed while other departments work on the request?",
                "其他部门处理请求期间，由谁告知客户进展？",
            ),
            levels: [
                ("Nobody, until the customer asks.", "没有人，直到客户来问。"),
                ("The first contact does, when they remember.", "首个接待人想起来时会告知。"),
                ("The owner updates the customer at agreed points.", "负责人在约定节点向客户更新进展。"),
                (
                    "Updates are a step of the workflow, and a missed update is visible.",
                    "更新进展是流程中的一步，漏掉的更新一目了然。",
                ),
                (
                    "Customers are updated before they ask, and their feedback shapes when and how.",
                    "客户在开口之前就收到更新，并根据客户反馈调整时机和方式。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Is a request closed only once the customer confirms, and is what was learned kept?",
                "请求是否在客户确认后才关闭？处理中获得的经验是否被保留？",
            ),
            levels: [
                (
                    "Requests are closed when the last department is done, without telling the customer.",
                    "最后一个部门处理完就关闭，不通知客户。",
                ),
                ("Some staff check with the customer; nothing is recorded.", "部分员工会向客户确认，但没有记录。"),
                (
                    "Closing needs the customer's confirmation, recorded on the request.",
                    "关闭需要客户确认，并记录在请求上。",
                ),
                (
                    "Reopened requests are tracked, and a short note of the solution is kept for reuse.",
                    "重新打开的请求受到跟踪，解决方法要点被留存以便复用。",
                ),
                (
                    "Solutions become shared answers that shorten the next similar request.",
                    "解决方法被整理成共享答案，缩短下一个同类请求的处理时间。",
                ),
            ],
        },
    ],
    actions: &[
        (
            "Agree a handoff template with the receiving departments, and send back any handoff that misses a required item.",
            "与接收部门商定交接模板，缺少必填项的交接一律退回。",
        ),
        (
            "Set internal time limits for the three most common cross-department requests and turn on early warnings.",
            "为最常见的三类跨部门请求设定内部时限，并开启预警。",
        ),
        (
            "Each month, review the five requests that were sent back most often and remove the cause of each.",
            "每月复盘被退回次数最多的五个请求，逐一消除原因。",
        ),
    ],
};

const TOOLS: DimensionText = DimensionText {
    key: "tools",
    name: ("Tools and data", "工具与数据"),
    description: (
        "Whether everyone works from one shared record of each request, and whether the figures used to steer are trusted.",
        "是否每个人都基于同一份请求记录工作，以及用于管理的数据是否可信。",
    ),
    questions: &[
        QuestionText {
            text: ("Where are customer requests recorded?", "客户请求记录在哪里？"),
            levels: [
                ("In personal notebooks, chat threads and inboxes.", "记在个人笔记本、聊天记录和邮箱里。"),
                ("Each department keeps its own list or spreadsheet.", "每个部门各有自己的清单或表格。"),
                (
                    "One shared system holds every request, though some are entered late.",
                    "一个共享系统记录所有请求，但有些是事后补录的。",
                ),
                (
                    "Every request is in the shared system from first contact, with its full history.",
                    "每个请求从首次接触起就在共享系统中，历史完整。",
                ),
                (
                    "Records are complete enough that anyone can pick up a request without asking around.",
                    "记录完整到任何人无需四处打听就能接手请求。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Can a colleague in another department see the status and history of a request?",
                "其他部门的同事能否看到请求的状态和历史？",
            ),
            levels: [
                ("Only by asking the person who has it.", "只能去问经手人。"),
                ("Partly, if they have access to the right tool.", "部分可以，前提是有相应工具的权限。"),
                ("Yes, everyone involved can see status and history.", "可以，所有相关人员都能看到状态和历史。"),
                ("Yes, and the people involved are told when it changes.", "可以，而且状态变化时会通知相关人员。"),
                (
                    "Yes, and each role's view shows first what that role needs.",
                    "可以，而且每个岗位的视图优先显示该岗位最需要的内容。",
                ),
            ],
        },
        QuestionText {
            text: (
                "How far are the figures (volumes, times, satisfaction) trusted?",
                "大家对数据（数量、时长、满意度）信任到什么程度？",
            ),
            levels: [
                ("There are no shared figures.", "没有共享的数据。"),
                ("Figures exist but are disputed in every meeting.", "有数据，但每次开会都有争议。"),
                (
                    "Each figure has a written definition and comes from one source.",
                    "每项数据都有书面定义，并来自同一来源。",
                ),
                (
                    "Problems in the data are flagged and corrected where they arise.",
                    "数据问题会被标记，并在产生的环节得到纠正。",
                ),
                (
                    "Teams decide with the figures, and question them when they look wrong.",
                    "团队用数据做决策，数据看起来不对时会主动质疑。",
                ),
            ],
        },
        QuestionText {
            text: (
                "How much copying between tools does it take to move a request along?",
                "推进一个请求需要在工具之间复制多少信息？",
            ),
            levels: [
                ("Everything is typed again in each tool.", "所有信息都要在每个工具里重新录入。"),
                ("Key fields are copied by hand, and mistakes are common.", "关键字段靠手工复制，经常出错。"),
                ("The main tools are connected for the common cases.", "主要工具在常见场景下已经打通。"),
                (
                    "Data moves between tools without retyping; the exceptions are few and visible.",
                    "数据在工具之间流转无需重新录入；例外很少且清晰可见。",
                ),
                (
                    "Tools are adjusted as the process changes, led by the people who use them.",
                    "工具随流程变化而调整，由使用者主导。",
                ),
            ],
        },
    ],
    actions: &[
        (
            "This week, move every open cross-department request into one shared list, including those kept in personal notes.",
            "本周把所有未结的跨部门请求（包括记在个人笔记里的）移到同一个共享清单。",
        ),
        (
            "Write a one-line definition for each of the five figures discussed most, and take each from one source.",
            "为最常讨论的五项数据各写一句话定义，并让每项数据只取自一个来源。",
        ),
        (
            "List the fields that are typed again between tools, and remove the most frequent copying step first.",
            "列出在工具之间重复录入的字段，先去掉最频繁的那一步复制。",
        ),
    ],
};

const MECHANISMS: DimensionText = DimensionText {
    key: "mechanisms",
    name: ("Mechanisms and incentives", "机制与激励"),
    description: (
        "Whether shared goals, the way conflicts are settled and what gets rewarded push departments to solve the customer's problem together.",
        "共同目标、冲突解决方式和奖励机制，是否推动各部门一起解决客户的问题。",
    ),
    questions: &[
        QuestionText {
            text: (
                "Do the departments share goals for requests that cross them?",
                "各部门对跨部门请求是否有共同的目标？",
            ),
            levels: [
                ("Each department is measured on its own work only.", "各部门只按自己的工作考核。"),
                ("A shared goal is talked about but not measured.", "谈到过共同目标，但没有衡量。"),
                (
                    "At least one shared KPI, such as end-to-end resolution time, is defined and reported.",
                    "至少定义并报告了一项共同指标，例如端到端解决时长。",
                ),
                (
                    "Shared KPIs count in the review of every department involved.",
                    "共同指标计入每个相关部门的考核。",
                ),
                (
                    "Shared KPIs are revised together and weigh as much as each department's own.",
                    "共同指标由各部门一起修订，权重与部门自身指标相当。",
                ),
            ],
        },
        QuestionText {
            text: (
                "When departments disagree about who should do something, how is it settled?",
                "部门之间对该由谁来做产生分歧时，如何解决？",
            ),
            levels: [
                ("It goes up to senior managers, or stays unsettled.", "层层上报到高层，或者一直悬而未决。"),
                ("It depends on personal relationships.", "取决于个人关系。"),
                ("A written rule says who decides, and by when.", "有书面规则规定由谁裁决、何时之前裁决。"),
                (
                    "Disagreements are settled within a day, and the decision is recorded.",
                    "分歧在一天之内解决，并记录决定。",
                ),
                (
                    "Disagreements that recur lead to a changed rule, and they become rare.",
                    "反复出现的分歧会促成规则修改，分歧因此越来越少。",
                ),
            ],
        },
        QuestionText {
            text: ("Is helping another department recognised?", "帮助其他部门是否得到认可？"),
            levels: [
                (
                    "No; time spent helping others counts against you.",
                    "不认可；花时间帮别人反而对自己不利。",
                ),
                ("Thanks are given informally.", "只有非正式的感谢。"),
                ("Joint work is mentioned in performance reviews.", "协同工作会在绩效评估中被提及。"),
                ("Rewards or bonuses include a share for joint results.", "奖励或奖金中有一部分取决于协同成果。"),
                (
                    "People ask for cross-department work because it is valued for their careers.",
                    "员工主动争取跨部门工作，因为这对职业发展有价值。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Do the departments review cross-department cases together?",
                "各部门是否一起复盘跨部门案例？",
            ),
            levels: [
                ("Never; problems are discussed inside each department.", "从不；问题只在各部门内部讨论。"),
                ("Sometimes, after a serious complaint.", "出现严重投诉后偶尔会。"),
                ("A joint review takes place regularly, for example monthly.", "定期开展联合复盘，例如每月一次。"),
                (
                    "Reviews end with owners and dates, and the actions are followed up.",
                    "复盘会明确负责人和期限，并跟进各项行动。",
                ),
                (
                    "Reviews blame no one, and their effect on the figures is checked.",
                    "复盘不追究个人责任，并检验改进对数据的影响。",
                ),
            ],
        },
    ],
    actions: &[
        (
            "Choose one shared KPI for cross-department requests, such as end-to-end resolution time, and report it to every department.",
            "为跨部门请求选定一项共同指标（例如端到端解决时长），并向每个部门报告。",
        ),
        (
            "Write down who settles a disagreement about ownership, and within how long.",
            "写明归属分歧由谁裁决、在多长时间内裁决。",
        ),
        (
            "Name and thank joint work in every monthly review, and give it a place in appraisals.",
            "在每次月度复盘中点名感谢协同工作，并在绩效评估中体现。",
        ),
    ],
};

const CULTURE: DimensionText = DimensionText {
    key: "culture",
    name: ("Culture and capability", "文化与能力"),
    description: (
        "Whether people understand other departments' work, have the skills to help customers across boundaries, and share values about serving them.",
        "员工是否理解其他部门的工作，是否具备跨越部门边界服务客户的能力，以及是否拥有共同的服务价值观。",
    ),
    questions: &[
        QuestionText {
            text: ("Do staff understand how the other departments work?", "员工是否了解其他部门如何工作？"),
            levels: [
                ("Hardly; other departments are seen as obstacles.", "几乎不了解；其他部门被看作障碍。"),
                ("Some people have found out on their own.", "部分人自己摸索着了解。"),
                ("New staff are introduced to the other departments' work.", "新员工会被介绍其他部门的工作。"),
                (
                    "Staff spend time in other departments, shadowing or on rotation, according to a plan.",
                    "员工按计划到其他部门跟岗或轮岗。",
                ),
                (
                    "Rotation is normal, and people can cover simple tasks for each other.",
                    "轮岗已成常态，员工可以互相顶替简单的工作。",
                ),
            ],
        },
        QuestionText {
            text: ("Is there training in working across departments?", "是否有跨部门协作方面的培训？"),
            levels: [
                ("No training beyond each person's own job.", "除本岗位外没有任何培训。"),
                ("Occasional training once a problem has become visible.", "问题暴露之后偶尔培训。"),
                (
                    "A basic course covers handoffs, the shared tools and the responsibility matrix.",
                    "基础课程涵盖交接、共享工具和职责矩阵。",
                ),
                (
                    "Training is refreshed regularly and its effect is checked in daily work.",
                    "培训定期更新，并在日常工作中检验效果。",
                ),
                (
                    "Staff teach each other, and training follows from what the reviews find.",
                    "员工互教互学，培训内容来自复盘中发现的问题。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Do people speak up when a handoff or a rule does not work?",
                "当交接或规则行不通时，员工是否会说出来？",
            ),
            levels: [
                ("Rarely; raising a problem is taken as blaming someone.", "很少；提出问题会被当成指责别人。"),
                ("Privately, to colleagues they trust.", "只私下跟信任的同事说。"),
                ("There is an agreed place to raise problems, and it is used.", "有约定的渠道提出问题，而且有人在用。"),
                (
                    "Problems raised get an answer, and people see things change.",
                    "提出的问题会得到答复，大家能看到变化。",
                ),
                (
                    "Raising problems is expected and thanked, across departments and ranks.",
                    "提出问题受到期待和感谢，跨部门、跨层级都是如此。",
                ),
            ],
        },
        QuestionText {
            text: (
                "Do the departments share a view of what good service means for the customer?",
                "各部门对“为客户提供好服务”是否有共同的理解？",
            ),
            levels: [
                ("Each department defines it for itself.", "各部门各有各的定义。"),
                ("Managers talk about it, but practice differs.", "管理者会谈到，但实际做法各不相同。"),
                ("Shared service values are written down and known.", "有书面的共同服务价值观，而且大家都知道。"),
                (
                    "The values are used to decide difficult cases and come up in reviews.",
                    "疑难案例依据价值观来决定，复盘中也会用到。",
                ),
                (
                    "Customers meet one consistent service, whoever they deal with.",
                    "无论与谁打交道，客户感受到的都是一致的服务。",
                ),
            ],
        },
    ],
    actions: &[
        (
            "This quarter, arrange half a day of shadowing in another department for every front-line person.",
            "本季度为每位一线员工安排半天到其他部门跟岗。",
        ),
        (
            "Run a one-hour session on handoffs and the responsibility matrix for all new staff.",
            "为所有新员工开设一小时的交接与职责矩阵课程。",
        ),
        (
            "Write three service values together with all departments and use them in the next joint review.",
            "与各部门一起写下三条服务价值观，并在下一次联合复盘中使用。",
        ),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_model_is_valid_and_complete_in_both_languages() {
        let model = collaboration_model();
        assert_eq!(model.validate(), Ok(()));
        let keys: Vec<&str> = model.dimensions.iter().map(|d| d.key.as_str()).collect();
        assert_eq!(keys, ["roles", "process", "tools", "mechanisms", "culture"]);
        let zh: Vec<&str> = model.dimensions.iter().map(|d| d.name.zh.as_str()).collect();
        assert_eq!(zh, ["组织与角色", "流程与交接", "工具与数据", "机制与激励", "文化与能力"]);
        for d in &model.dimensions {
            assert!((4..=6).contains(&d.questions.len()), "{}", d.key);
            assert!((2..=3).contains(&d.actions.len()), "{}", d.key);
            let mut texts = vec![&d.name, &d.description];
            texts.extend(&d.actions);
            for q in &d.questions {
                texts.push(&q.text);
                match &q.kind {
                    QuestionKind::Scale { levels } => texts.extend(levels),
                    other => panic!("{}: built-in questions are scales, found {}", q.key, other.name()),
                }
            }
            for t in texts {
                assert!(!t.en.trim().is_empty() && !t.zh.trim().is_empty(), "{}: {t:?}", d.key);
            }
        }
        assert_eq!(model.question_count(), 21);
        assert_eq!(collaboration_model(), model);
    }
}
