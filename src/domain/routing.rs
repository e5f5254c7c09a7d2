//! Routing (智能分配): an ordered list of rules that match a request's
//! category, channel, urgency, tags and customer preferences to a team or a
//! member, with a strategy for choosing inside a team and a fallback when no
//! rule matches.
//!
//! A decision is pure: [`Router::decide`] reads the workspace and says who
//! would get the request and why, so the same code serves automatic routing
//! and the "test routing" panel. The decision, with a copy of the conditions
//! that fired, is kept on the request so the interface can explain it later
//! even after the rule has been edited.
//!
//! ```
//! use baton::domain::*;
//! use baton::domain::routing::*;
//! let mut ids = SeqIds::new(1);
//! let mut ws = Workspace::with_default_departments(&mut ids, "Pilot", ts("2026-11-02T01:00:00Z"));
//! let service = ws.departments[1].id;
//! let ana = Member::new(ids.next_id(), "Ana", service);
//! ws.members.push(ana.clone());
//! ws.routing.fallback = Some(Target::Member { member: ana.id });
//! let d = Router::new(&ws).decide(&RoutingInput::of(&NewRequest::titled("Printer jammed")));
//! assert_eq!(d.member, Some(ana.id));
//! assert!(d.via_fallback);
//! ```

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Channel, Id, NewRequest, Request, Urgency, Workspace};

/// How tags are matched: the request carries any of the rule's tags, or all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagMatch {
    #[default]
    Any,
    All,
}

/// What a rule asks of a request. Every condition that is set must hold;
/// an empty condition holds always. Texts match without regard to case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conditions {
    /// The request's category is one of these.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The request came in through one of these channels.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// The request is at least this urgent.
    #[serde(default)]
    pub min_urgency: Option<Urgency>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub tags_match: TagMatch,
    /// The customer preferences note contains this text.
    #[serde(default)]
    pub preferences_contain: String,
}

impl Conditions {
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
            && self.channels.is_empty()
            && self.min_urgency.is_none()
            && self.tags.is_empty()
            && self.preferences_contain.is_empty()
    }

    /// Whether a request with these fields meets every condition.
    pub fn matches(&self, r: &RoutingInput) -> bool {
        // The cheap comparisons first; texts are compared without copying.
        (self.channels.is_empty() || self.channels.contains(&r.channel))
            && self.min_urgency.is_none_or(|u| r.urgency >= u)
            && (self.categories.is_empty() || self.categories.iter().any(|c| same_text(c, r.category)))
            && self.tags_hold(r.tags)
            && (self.preferences_contain.trim().is_empty()
                || r.preferences.to_lowercase().contains(&self.preferences_contain.trim().to_lowercase()))
    }

    fn tags_hold(&self, tags: &[String]) -> bool {
        if self.tags.is_empty() {
            return true;
        }
        let has = |t: &String| tags.iter().any(|x| same_text(x, t));
        match self.tags_match {
            TagMatch::Any => self.tags.iter().any(has),
            TagMatch::All => self.tags.iter().all(has),
        }
    }

    /// Trimmed, without empty or repeated entries.
    pub(crate) fn cleaned(&self) -> Conditions {
        Conditions {
            categories: clean_list(&self.categories),
            channels: {
                let mut c = self.channels.clone();
                c.sort();
                c.dedup();
                c
            },
            min_urgency: self.min_urgency,
            tags: clean_list(&self.tags),
            tags_match: self.tags_match,
            preferences_contain: self.preferences_contain.trim().to_string(),
        }
    }
}

/// Equal after trimming, without regard to case.
fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let t = item.trim();
        if !t.is_empty() && !out.iter().any(|o| same_text(o, t)) {
            out.push(t.to_string());
        }
    }
    out
}

/// How a member of a team is chosen. Only active, on-duty members under
/// their capacity are considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// The member with the fewest open requests (ties: the first listed).
    LeastLoaded,
    /// The next member after the one who got the team's last routed request.
    RoundRobin,
    /// The member whose skills match most of the request's tags (ties: the
    /// least loaded, then the first listed).
    BestSkill,
}

impl Strategy {
    pub const ALL: [Strategy; 3] = [Strategy::LeastLoaded, Strategy::RoundRobin, Strategy::BestSkill];

    pub fn key(self) -> &'static str {
        match self {
            Strategy::LeastLoaded => "least_loaded",
            Strategy::RoundRobin => "round_robin",
            Strategy::BestSkill => "best_skill",
        }
    }
}

/// Where a rule sends a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    Team { team: Id, strategy: Strategy },
    Member { member: Id },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingRule {
    pub id: Id,
    pub name: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default)]
    pub when: Conditions,
    pub target: Target,
}

fn yes() -> bool {
    true
}

/// A rule as typed in, before it gets an id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleDraft {
    pub name: String,
    pub enabled: bool,
    pub when: Conditions,
    pub target: Target,
}

/// The workspace's routing setup.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Routing {
    /// Tried in order; the first enabled rule that matches and has someone
    /// available decides.
    #[serde(default)]
    pub rules: Vec<RoutingRule>,
    /// Used when no rule decides; none leaves the request unassigned.
    #[serde(default)]
    pub fallback: Option<Target>,
    /// Round-robin position per team: the member who got the team's last
    /// routed request.
    #[serde(default)]
    pub cursors: BTreeMap<Id, Id>,
}

/// The fields of a request that routing looks at.
#[derive(Debug, Clone, Copy)]
pub struct RoutingInput<'a> {
    pub category: &'a str,
    pub channel: Channel,
    pub urgency: Urgency,
    pub tags: &'a [String],
    pub preferences: &'a str,
}

impl<'a> RoutingInput<'a> {
    pub fn of(r: &'a NewRequest) -> Self {
        Self {
            category: &r.category,
            channel: r.channel,
            urgency: r.urgency,
            tags: &r.tags,
            preferences: &r.preferences,
        }
    }

    pub fn of_request(r: &'a Request) -> Self {
        Self {
            category: &r.category,
            channel: r.channel,
            urgency: r.urgency,
            tags: &r.tags,
            preferences: &r.preferences,
        }
    }
}

/// The rule that decided, as it was at that moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleHit {
    /// Position in the list, from 1.
    pub position: u32,
    pub rule: Id,
    pub name: String,
    pub when: Conditions,
}

/// A rule (or the fallback, position 0) that matched but could not take the
/// request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub position: u32,
    pub name: String,
}

/// Who gets a request and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingDecision {
    /// The rule that decided; none when the fallback did or nothing did.
    #[serde(default)]
    pub rule: Option<RuleHit>,
    #[serde(default)]
    pub via_fallback: bool,
    /// The target team, or for a member target the member's unit (team, or
    /// department when the member is in no team).
    #[serde(default)]
    pub team: Option<Id>,
    #[serde(default)]
    pub strategy: Option<Strategy>,
    /// None when nobody could take it: the request stays unassigned.
    #[serde(default)]
    pub member: Option<Id>,
    /// The chosen member's open requests before this one.
    #[serde(default)]
    pub load: u32,
    /// For best-skill choices: how many of the request's tags the member's
    /// skills matched.
    #[serde(default)]
    pub skill_matches: Option<u32>,
    /// Rules that matched but had nobody available, in order.
    #[serde(default)]
    pub skipped: Vec<Skipped>,
}

/// Decides routing for one request after another, keeping open-request
/// counts and round-robin positions up to date between decisions, so a
/// batch (an import) spreads its requests as one-by-one creation would.
pub struct Router<'w> {
    ws: &'w Workspace,
    loads: HashMap<Id, u32>,
    cursors: BTreeMap<Id, Id>,
}

impl<'w> Router<'w> {
    pub fn new(ws: &'w Workspace) -> Self {
        let mut loads: HashMap<Id, u32> = HashMap::new();
        for r in ws.requests.values() {
            if let (true, Some(h)) = (r.status.is_open() && r.merged_into.is_none(), r.handler) {
                *loads.entry(h).or_default() += 1;
            }
        }
        Self { ws, loads, cursors: ws.routing.cursors.clone() }
    }

    /// Open requests a member handles now.
    pub fn load(&self, member: Id) -> u32 {
        self.loads.get(&member).copied().unwrap_or(0)
    }

    /// Who would get a request with these fields; counts the choice, so the
    /// next decision sees it.
    pub fn decide(&mut self, input: &RoutingInput) -> RoutingDecision {
        let mut skipped = Vec::new();
        let ws = self.ws;
        for (i, rule) in ws.routing.rules.iter().enumerate() {
            if !rule.enabled || !rule.when.matches(input) {
                continue;
            }
            let position = u32::try_from(i + 1).unwrap_or(u32::MAX);
            match self.pick(&rule.target, input) {
                Some(mut d) => {
                    d.rule =
                        Some(RuleHit { position, rule: rule.id, name: rule.name.clone(), when: rule.when.clone() });
                    d.skipped = skipped;
                    return d;
                }
                None => skipped.push(Skipped { position, name: rule.name.clone() }),
            }
        }
        if let Some(target) = ws.routing.fallback {
            match self.pick(&target, input) {
                Some(mut d) => {
                    d.via_fallback = true;
                    d.skipped = skipped;
                    return d;
                }
                None => skipped.push(Skipped { position: 0, name: String::new() }),
            }
        }
        RoutingDecision {
            rule: None,
            via_fallback: false,
            team: None,
            strategy: None,
            member: None,
            load: 0,
            skill_matches: None,
            skipped,
        }
    }

    /// The member a target gives the request to, or none when nobody is available.
    fn pick(&mut self, target: &Target, input: &RoutingInput) -> Option<RoutingDecision> {
        let ws = self.ws;
        let (member, team, strategy, skill_matches) = match *target {
            Target::Member { member } => {
                let m = ws.member(member)?;
                if !m.available(self.load(member)) {
                    return None;
                }
                (member, ws.unit_of(member), None, None)
            }
            Target::Team { team, strategy } => {
                let (member, skill) = self.pick_in_team(team, strategy, input.tags)?;
                if strategy == Strategy::RoundRobin {
                    self.cursors.insert(team, member);
                }
                (member, Some(team), Some(strategy), skill)
            }
        };
        let load = self.load(member);
        *self.loads.entry(member).or_default() += 1;
        Some(RoutingDecision {
            rule: None,
            via_fallback: false,
            team,
            strategy,
            member: Some(member),
            load,
            skill_matches,
            skipped: Vec::new(),
        })
    }

    fn pick_in_team(&self, team: Id, strategy: Strategy, tags: &[String]) -> Option<(Id, Option<u32>)> {
        let members: Vec<&super::Member> = self.ws.members.iter().filter(|m| m.team == Some(team)).collect();
        let available = |m: &super::Member| m.available(self.load(m.id));
        match strategy {
            Strategy::LeastLoaded => {
                members.iter().filter(|m| available(m)).min_by_key(|m| self.load(m.id)).map(|m| (m.id, None))
            }
            Strategy::RoundRobin => {
                let after = self
                    .cursors
                    .get(&team)
                    .and_then(|last| members.iter().position(|m| m.id == *last))
                    .map_or(0, |p| p + 1);
                let n = members.len();
                (0..n).filter_map(|k| members.get((after + k) % n)).find(|m| available(m)).map(|m| (m.id, None))
            }
            Strategy::BestSkill => {
                let score = |m: &super::Member| {
                    let hits = tags.iter().filter(|t| m.skills.iter().any(|s| same_text(s, t))).count();
                    u32::try_from(hits).unwrap_or(u32::MAX)
                };
                // Highest score, then lowest load, then first listed: max_by_key
                // keeps the last of equals, so compare reversed positions.
                members
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| available(m))
                    .max_by_key(|(i, m)| (score(m), std::cmp::Reverse(self.load(m.id)), std::cmp::Reverse(*i)))
                    .map(|(_, m)| (m.id, Some(score(m))))
            }
        }
    }

    /// The round-robin positions after the decisions made.
    pub fn into_cursors(self) -> BTreeMap<Id, Id> {
        self.cursors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ts, IdSource, Member, SeqIds, Status, Team};

    /// A workspace with two service teams and a technical member, so every
    /// strategy has a choice to make.
    struct Fixture {
        ws: Workspace,
        team_a: Id,
        team_b: Id,
        ana: Id,
        bo: Id,
        cy: Id,
        dan: Id,
        eve: Id,
    }

    fn fixture() -> Fixture {
        let mut ids = SeqIds::new(1000);
        let mut ws = Workspace::with_default_departments(&mut ids, "Routing", ts("2026-11-02T01:00:00Z"));
        let service = ws.departments[1].id;
        let technical = ws.departments[3].id;
        let team_a = ids.next_id();
        let team_b = ids.next_id();
        ws.teams.push(Team { id: team_a, name: "Service A".into(), department: service });
        ws.teams.push(Team { id: team_b, name: "Service B".into(), department: service });
        let mut add = |name: &str, dept: Id, team: Option<Id>, skills: &[&str], capacity: Option<u32>| {
            let mut m = Member::new(ids.next_id(), name, dept);
            m.team = team;
            m.skills = skills.iter().map(|s| s.to_string()).collect();
            m.capacity = capacity;
            let id = m.id;
            ws.members.push(m);
            id
        };
        let ana = add("Ana", service, Some(team_a), &["billing"], None);
        let bo = add("Bo", service, Some(team_a), &["printer", "network"], Some(2));
        let cy = add("Cy", service, Some(team_a), &["printer"], None);
        let dan = add("Dan", service, Some(team_b), &[], None);
        let eve = add("Eve", technical, None, &["network"], None);
        Fixture { ws, team_a, team_b, ana, bo, cy, dan, eve }
    }

    /// Gives `member` `n` open requests.
    fn load(ws: &mut Workspace, member: Id, n: u32, ids: &mut SeqIds) {
        for _ in 0..n {
            let mut r = crate::domain::command::tests_support::blank(ids.next_id());
            r.handler = Some(member);
            r.status = Status::InProgress;
            ws.requests.insert(r.id, r);
        }
    }

    fn rule(ids: &mut SeqIds, name: &str, when: Conditions, target: Target) -> RoutingRule {
        RoutingRule { id: ids.next_id(), name: name.into(), enabled: true, when, target }
    }

    fn req(category: &str, channel: Channel, urgency: Urgency, tags: &[&str], prefs: &str) -> NewRequest {
        let mut r = NewRequest::titled("x");
        r.category = category.into();
        r.channel = channel;
        r.urgency = urgency;
        r.tags = tags.iter().map(|t| t.to_string()).collect();
        r.preferences = prefs.into();
        r
    }

    #[test]
    fn conditions() {
        let complaint_high =
            Conditions { categories: vec!["Complaint".into()], min_urgency: Some(Urgency::High), ..Default::default() };
        let tags_all =
            Conditions { tags: vec!["vip".into(), "printer".into()], tags_match: TagMatch::All, ..Default::default() };
        let tags_any = Conditions { tags: vec!["vip".into(), "printer".into()], ..Default::default() };
        let phone_or_visit = Conditions { channels: vec![Channel::Phone, Channel::Visit], ..Default::default() };
        let prefs = Conditions { preferences_contain: "上午".into(), ..Default::default() };
        let cases: Vec<(&str, &Conditions, NewRequest, bool)> = vec![
            (
                "category and urgency met",
                &complaint_high,
                req(" complaint ", Channel::Email, Urgency::Critical, &[], ""),
                true,
            ),
            (
                "urgency equal to the minimum",
                &complaint_high,
                req("complaint", Channel::Email, Urgency::High, &[], ""),
                true,
            ),
            ("urgency below", &complaint_high, req("complaint", Channel::Email, Urgency::Medium, &[], ""), false),
            ("other category", &complaint_high, req("billing", Channel::Email, Urgency::Critical, &[], ""), false),
            ("all tags present", &tags_all, req("", Channel::Chat, Urgency::Low, &["Printer", "VIP", "x"], ""), true),
            ("one tag missing for all", &tags_all, req("", Channel::Chat, Urgency::Low, &["printer"], ""), false),
            ("one tag enough for any", &tags_any, req("", Channel::Chat, Urgency::Low, &["printer"], ""), true),
            ("no tag for any", &tags_any, req("", Channel::Chat, Urgency::Low, &["fax"], ""), false),
            ("channel listed", &phone_or_visit, req("", Channel::Visit, Urgency::Low, &[], ""), true),
            ("channel not listed", &phone_or_visit, req("", Channel::Email, Urgency::Low, &[], ""), false),
            ("preferences contain", &prefs, req("", Channel::Email, Urgency::Low, &[], "只在上午联系 📞"), true),
            ("preferences do not", &prefs, req("", Channel::Email, Urgency::Low, &[], "下午"), false),
        ];
        for (case, c, r, expected) in cases {
            assert_eq!(c.matches(&RoutingInput::of(&r)), expected, "{case}");
        }
        assert!(Conditions::default().matches(&RoutingInput::of(&NewRequest::titled("any"))), "empty holds");
    }

    /// (case, rules, fallback, loads, request, expected member, rule position, fallback used, skipped positions)
    #[test]
    fn decisions() {
        let f = fixture();
        let mut ids = SeqIds::new(5000);
        let complaint = Conditions { categories: vec!["complaint".into()], ..Default::default() };
        let printer = Conditions { tags: vec!["printer".into()], ..Default::default() };
        let to_a = |s| Target::Team { team: f.team_a, strategy: s };
        let r_complaint_least = rule(&mut ids, "complaints", complaint.clone(), to_a(Strategy::LeastLoaded));
        let r_printer_skill = rule(&mut ids, "printers", printer.clone(), to_a(Strategy::BestSkill));
        let r_to_eve = rule(&mut ids, "to eve", complaint.clone(), Target::Member { member: f.eve });
        let mut disabled = r_to_eve.clone();
        disabled.enabled = false;
        let r_to_b = rule(
            &mut ids,
            "team b",
            Conditions::default(),
            Target::Team { team: f.team_b, strategy: Strategy::LeastLoaded },
        );
        let complaint_req = req("complaint", Channel::Phone, Urgency::High, &[], "");
        let printer_req = req("hardware", Channel::Email, Urgency::Low, &["printer", "network"], "");
        let other_req = req("billing", Channel::Email, Urgency::Low, &[], "");
        type Case<'a> = (
            &'a str,
            Vec<RoutingRule>,
            Option<Target>,
            Vec<(Id, u32)>,
            &'a NewRequest,
            Option<Id>,
            Option<u32>,
            bool,
            Vec<u32>,
        );
        let cases: Vec<Case> = vec![
            // Loads Ana 2, Bo 1, Cy 1: Bo and Cy tie at 1, Bo is listed first.
            (
                "least loaded, tie to first listed",
                vec![r_complaint_least.clone()],
                None,
                vec![(f.ana, 2), (f.bo, 1), (f.cy, 1)],
                &complaint_req,
                Some(f.bo),
                Some(1),
                false,
                vec![],
            ),
            (
                "least loaded",
                vec![r_complaint_least.clone()],
                None,
                vec![(f.ana, 0), (f.bo, 1), (f.cy, 1)],
                &complaint_req,
                Some(f.ana),
                Some(1),
                false,
                vec![],
            ),
            // Bo matches printer and network (2), Cy printer (1): Bo, although more loaded.
            (
                "best skill",
                vec![r_printer_skill.clone()],
                None,
                vec![(f.bo, 1)],
                &printer_req,
                Some(f.bo),
                Some(1),
                false,
                vec![],
            ),
            // Bo is at capacity 2: Cy is the best of those available.
            (
                "best skill, capacity",
                vec![r_printer_skill.clone()],
                None,
                vec![(f.bo, 2)],
                &printer_req,
                Some(f.cy),
                Some(1),
                false,
                vec![],
            ),
            // First matching rule wins even when a later one also matches.
            (
                "order",
                vec![r_to_eve.clone(), r_complaint_least.clone()],
                None,
                vec![],
                &complaint_req,
                Some(f.eve),
                Some(1),
                false,
                vec![],
            ),
            (
                "disabled rule skipped",
                vec![disabled.clone(), r_complaint_least.clone()],
                None,
                vec![(f.ana, 1), (f.bo, 1)],
                &complaint_req,
                Some(f.cy),
                Some(2),
                false,
                vec![],
            ),
            (
                "no rule matches: fallback",
                vec![r_complaint_least.clone()],
                Some(Target::Member { member: f.dan }),
                vec![],
                &other_req,
                Some(f.dan),
                None,
                true,
                vec![],
            ),
            (
                "no rule, no fallback",
                vec![r_complaint_least.clone()],
                None,
                vec![],
                &other_req,
                None,
                None,
                false,
                vec![],
            ),
            // Eve is full (capacity 1): the rule is skipped, the next decides.
            (
                "member target unavailable",
                vec![r_to_eve.clone(), r_to_b.clone()],
                None,
                vec![(f.eve, 1)],
                &complaint_req,
                Some(f.dan),
                Some(2),
                false,
                vec![1],
            ),
        ];
        for (case, rules, fallback, loads, request, member, position, via_fallback, skipped) in cases {
            let mut ws = f.ws.clone();
            ws.routing.rules = rules;
            ws.routing.fallback = fallback;
            if case == "member target unavailable" {
                if let Some(e) = ws.members.iter_mut().find(|m| m.id == f.eve) {
                    e.capacity = Some(1);
                }
            }
            let mut rid = SeqIds::new(90_000);
            for (m, n) in loads {
                load(&mut ws, m, n, &mut rid);
            }
            let d = Router::new(&ws).decide(&RoutingInput::of(request));
            assert_eq!(d.member, member, "{case}: member");
            assert_eq!(d.rule.as_ref().map(|h| h.position), position, "{case}: rule");
            assert_eq!(d.via_fallback, via_fallback, "{case}: fallback");
            assert_eq!(d.skipped.iter().map(|s| s.position).collect::<Vec<_>>(), skipped, "{case}: skipped");
        }
    }

    #[test]
    fn off_duty_inactive_and_empty_teams() {
        let mut f = fixture();
        let mut ids = SeqIds::new(5000);
        for m in f.ws.members.iter_mut() {
            if m.id == f.ana {
                m.on_duty = false;
            }
            if m.id == f.bo {
                m.active = false;
            }
        }
        f.ws.routing.rules = vec![rule(
            &mut ids,
            "a",
            Conditions::default(),
            Target::Team { team: f.team_a, strategy: Strategy::LeastLoaded },
        )];
        let r = NewRequest::titled("x");
        assert_eq!(Router::new(&f.ws).decide(&RoutingInput::of(&r)).member, Some(f.cy));
        // Nobody left in team A: skipped, then the fallback (an empty team) cannot take it either.
        f.ws.members.retain(|m| m.id != f.cy);
        let empty = ids.next_id();
        f.ws.teams.push(Team { id: empty, name: "Empty".into(), department: f.ws.departments[0].id });
        f.ws.routing.fallback = Some(Target::Team { team: empty, strategy: Strategy::RoundRobin });
        let d = Router::new(&f.ws).decide(&RoutingInput::of(&r));
        assert_eq!(d.member, None);
        assert_eq!(
            d.skipped,
            vec![Skipped { position: 1, name: "a".into() }, Skipped { position: 0, name: String::new() }]
        );
    }

    #[test]
    fn round_robin_and_batches() {
        let mut f = fixture();
        let mut ids = SeqIds::new(5000);
        f.ws.routing.rules = vec![rule(
            &mut ids,
            "rr",
            Conditions::default(),
            Target::Team { team: f.team_a, strategy: Strategy::RoundRobin },
        )];
        let r = NewRequest::titled("x");
        let mut router = Router::new(&f.ws);
        let got: Vec<Option<Id>> = (0..4).map(|_| router.decide(&RoutingInput::of(&r)).member).collect();
        assert_eq!(got, vec![Some(f.ana), Some(f.bo), Some(f.cy), Some(f.ana)]);
        // The position survives in the workspace: the next starts after Ana.
        f.ws.routing.cursors = router.into_cursors();
        assert_eq!(Router::new(&f.ws).decide(&RoutingInput::of(&r)).member, Some(f.bo));

        // Least loaded inside one batch spreads the work: loads count as they go.
        f.ws.routing.rules = vec![rule(
            &mut ids,
            "ll",
            Conditions::default(),
            Target::Team { team: f.team_a, strategy: Strategy::LeastLoaded },
        )];
        let mut router = Router::new(&f.ws);
        let got: Vec<(Option<Id>, u32)> = (0..5)
            .map(|_| {
                let d = router.decide(&RoutingInput::of(&r));
                (d.member, d.load)
            })
            .collect();
        // Ana 0, Bo 0, Cy 0, then Ana 1, Bo 1 (Bo's capacity 2 not reached yet).
        assert_eq!(got, vec![(Some(f.ana), 0), (Some(f.bo), 0), (Some(f.cy), 0), (Some(f.ana), 1), (Some(f.bo), 1)]);
        let _ = f.team_b;
    }
}
