//! Dashboard figures, as defined in METRICS.md.
//!
//! Every figure carries the counts it was computed from, so the interface can
//! say "median 5.2 h, n = 412 of 500" instead of showing a made-up value when
//! data is missing. Durations are whole seconds; percentiles use the
//! nearest-rank method in integer arithmetic, so two programs computing them
//! from the same data agree to the second.
//!
//! ```
//! use baton::domain::metrics::dashboard;
//! use baton::domain::Request;
//! let requests: Vec<Request> = Vec::new();
//! let d = dashboard(&requests);
//! assert_eq!(d.overall.total, 0);
//! assert_eq!(d.overall.first_response.median_secs, None);
//! assert_eq!(d.by_channel.len(), 6);
//! ```
//!
//! [`dashboard`] makes one pass over the requests, dropping each value into
//! the overall bucket and its channel and urgency buckets, then sorts each
//! bucket's lists once. Nothing re-scans the workspace per figure, and the
//! only allocations are the lists of durations that the percentiles need.

use chrono::TimeDelta;

use super::{Channel, DataFlag, Request, Status, Timestamp, Urgency};

/// Median and 90th percentile of one duration, with the counts behind them.
///
/// Every request of the population (`of`) lands in exactly one of: `n` (a
/// value), `negative_excluded`, `flagged_excluded`, or missing a time (the
/// rest, see [`DurationStat::missing`]). A flagged request counts as flagged
/// even when its times are missing or negative.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DurationStat {
    /// Nearest-rank 50th percentile, in whole seconds; `None` when `n = 0`.
    pub median_secs: Option<i64>,
    /// Nearest-rank 90th percentile, in whole seconds; `None` when `n = 0`.
    pub p90_secs: Option<i64>,
    /// Requests that gave a value.
    pub n: usize,
    /// Requests the figure is about (its population).
    pub of: usize,
    /// Requests whose times give a negative duration (bad source data).
    pub negative_excluded: usize,
    /// Requests left out because a data flag makes their durations meaningless.
    pub flagged_excluded: usize,
}

impl DurationStat {
    /// Requests of the population that lack one of the two times.
    pub fn missing(&self) -> usize {
        self.of.saturating_sub(self.n + self.negative_excluded + self.flagged_excluded)
    }
}

/// A share, kept as numerator and denominator so exports and hover texts can
/// show both (METRICS.md: "rates are shown as percentages with one decimal and
/// the numerator/denominator available").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateStat {
    pub numerator: usize,
    pub denominator: usize,
}

impl RateStat {
    /// The share in percent; `None` when there is nothing to divide by.
    pub fn percent(&self) -> Option<f64> {
        if self.denominator == 0 {
            None
        } else {
            Some(self.numerator as f64 * 100.0 / self.denominator as f64)
        }
    }

    /// The share in tenths of a percent, rounded half up in integer
    /// arithmetic, for the one-decimal display: 1 of 3 is 333 (33.3 %), 1 of
    /// 16 is 63 (6.25 % → 6.3 %). `None` when there is nothing to divide by.
    pub fn percent_tenths(&self) -> Option<u64> {
        let num = self.numerator as u64;
        let den = self.denominator as u64;
        if den == 0 {
            return None;
        }
        // round(num × 1000 / den) = floor((2 × num × 1000 + den) / (2 × den)).
        Some((2 * num * 1000 + den) / (2 * den))
    }
}

/// A mean with the counts behind it: `n` values out of a population of `of`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MeanStat {
    /// `None` when `n = 0`.
    pub mean: Option<f64>,
    pub n: usize,
    pub of: usize,
}

/// Satisfaction (CSAT, 满意度): the mean rating (1–5) over rated requests,
/// with the count of rated ones, and the share of 4s and 5s.
///
/// Any request carrying a rating counts, whatever its status: a request that
/// was rated when it closed and has been reopened since keeps its rating.
/// Ratings outside 1–5 (corrupt data) are taken as no rating.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Csat {
    /// Mean rating; `None` when nobody rated.
    pub mean: Option<f64>,
    /// Rated requests.
    pub n: usize,
    /// Requests that could carry a rating: those resolved or closed, plus
    /// rated ones in any other status. So `n ≤ of` always.
    pub of: usize,
    /// 4s and 5s among the rated ones (denominator = `n`).
    pub high_share: RateStat,
}

/// The figures for one set of requests (the whole workspace, or one channel
/// or urgency).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Requests in the set.
    pub total: usize,
    /// Requests still needing action (not resolved, not closed).
    pub open: usize,
    /// Requests resolved or closed: the population of the resolution figures.
    pub resolved_or_closed: usize,
    /// First response time (首次响应时长): `first_response_at - created_at`,
    /// median and p90 over requests that have both. Population: every
    /// request (`of = total`), so requests not yet answered show as missing.
    pub first_response: DurationStat,
    /// Resolution time (解决时长): `resolved_at - created_at`, where
    /// `resolved_at` is the last time the request entered Resolved; median and
    /// p90. Population: resolved or closed requests.
    pub resolution: DurationStat,
    /// Resolution after first response (响应后解决时长):
    /// `resolved_at - first_response_at`, for sources without a creation time
    /// (imported data). Population: resolved or closed requests.
    pub resolution_after_first_response: DurationStat,
    /// First-contact resolution rate (一次性解决率): among resolved or closed
    /// requests, the share never reopened and never returned to a previous
    /// handler.
    pub fcr: RateStat,
    /// Handling count (解决次数): per request `1 + number of reopens`, the
    /// mean over every request in the set (METRICS.md says "per request",
    /// unlike handoffs, which it counts "per resolved request"); `n = of = total`.
    pub handling_count: MeanStat,
    /// Satisfaction (满意度), see [`Csat`].
    pub csat: Csat,
    /// Routing accuracy (分配准确率): among requests routing gave to someone,
    /// the share never reassigned by hand to another team before resolution.
    pub routing_accuracy: RateStat,
}

/// The dashboard: the figures overall and broken down by channel and urgency,
/// with the data-quality flags counted.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub overall: Figures,
    /// Every channel in [`Channel::ALL`] order, including empty ones.
    pub by_channel: Vec<(Channel, Figures)>,
    /// Every urgency in [`Urgency::ALL`] order, including empty ones.
    pub by_urgency: Vec<(Urgency, Figures)>,
    /// Requests carrying each data flag, every flag in declaration order
    /// (zero counts included). A request with several flags counts once under
    /// each of them.
    pub flagged: Vec<(DataFlag, usize)>,
}

/// Every data flag, in declaration order. Kept complete by [`flag_index`],
/// whose match stops compiling when a flag is added.
const FLAGS: [DataFlag; 2] = [DataFlag::ResolvedBeforeFirstResponse, DataFlag::EndsBeforeCreated];

fn flag_index(flag: DataFlag) -> usize {
    match flag {
        DataFlag::ResolvedBeforeFirstResponse => 0,
        DataFlag::EndsBeforeCreated => 1,
    }
}

/// Position in [`Channel::ALL`]; the match keeps it in step with the enum.
fn channel_index(channel: Channel) -> usize {
    match channel {
        Channel::Phone => 0,
        Channel::Email => 1,
        Channel::Chat => 2,
        Channel::Visit => 3,
        Channel::Social => 4,
        Channel::Other => 5,
    }
}

/// Position in [`Urgency::ALL`]; the match keeps it in step with the enum.
fn urgency_index(urgency: Urgency) -> usize {
    match urgency {
        Urgency::Low => 0,
        Urgency::Medium => 1,
        Urgency::High => 2,
        Urgency::Critical => 3,
    }
}

/// The value at nearest rank `ceil(p/100 × n)` (1-based) of an ascending
/// list, as METRICS.md defines percentiles; `None` for an empty list. Ranks
/// below 1 (p = 0) are taken as 1 and ranks above n (p > 100) as n.
pub fn nearest_rank(sorted: &[i64], p: u32) -> Option<i64> {
    let n = sorted.len() as u64;
    if n == 0 {
        return None;
    }
    let rank = (u64::from(p) * n).div_ceil(100).clamp(1, n);
    // rank is within 1..=n, so the index is within the list.
    sorted.get((rank - 1) as usize).copied()
}

/// Computes the whole dashboard in one pass over the requests, e.g.
/// `dashboard(workspace.requests.values())`.
pub fn dashboard<'a>(requests: impl IntoIterator<Item = &'a Request>) -> Dashboard {
    let mut overall = Acc::default();
    let mut by_channel: [Acc; Channel::ALL.len()] = Default::default();
    let mut by_urgency: [Acc; Urgency::ALL.len()] = Default::default();
    let mut flagged = [0usize; FLAGS.len()];

    // A request merged into another is a duplicate: its work is counted there.
    for r in requests.into_iter().filter(|r| r.merged_into.is_none()) {
        let obs = Observation::of(r);
        overall.add(&obs);
        if let Some(acc) = by_channel.get_mut(channel_index(r.channel)) {
            acc.add(&obs);
        }
        if let Some(acc) = by_urgency.get_mut(urgency_index(r.urgency)) {
            acc.add(&obs);
        }
        let mut seen = [false; FLAGS.len()];
        for flag in &r.flags {
            let i = flag_index(*flag);
            if let (Some(slot), Some(count)) = (seen.get_mut(i), flagged.get_mut(i)) {
                if !*slot {
                    *slot = true;
                    *count += 1;
                }
            }
        }
    }

    Dashboard {
        overall: overall.finish(),
        by_channel: Channel::ALL.into_iter().zip(by_channel).map(|(c, acc)| (c, acc.finish())).collect(),
        by_urgency: Urgency::ALL.into_iter().zip(by_urgency).map(|(u, acc)| (u, acc.finish())).collect(),
        flagged: FLAGS.into_iter().zip(flagged).collect(),
    }
}

/// What one duration of one request contributes.
#[derive(Debug, Clone, Copy)]
enum Sample {
    Flagged,
    Missing,
    Negative,
    Secs(i64),
}

fn sample(flagged: bool, from: Option<Timestamp>, to: Option<Timestamp>) -> Sample {
    if flagged {
        return Sample::Flagged;
    }
    match (from, to) {
        (Some(a), Some(b)) => {
            let d = b - a;
            // Compare the exact difference, not whole seconds: -0.5 s is negative too.
            if d < TimeDelta::zero() {
                Sample::Negative
            } else {
                Sample::Secs(d.num_seconds())
            }
        }
        _ => Sample::Missing,
    }
}

/// Everything the figures need from one request, computed once and then
/// added to the overall, channel and urgency buckets.
struct Observation {
    open: bool,
    /// Resolved or closed: the population of the resolution figures.
    done: bool,
    first_response: Sample,
    resolution: Sample,
    after_first_response: Sample,
    first_contact_resolved: bool,
    handling: u64,
    /// Only ratings 1–5 count; anything else (corrupt data) is taken as unrated.
    rating: Option<u8>,
    /// Routed automatically to someone; and whether it was moved to another team by hand.
    routed: Option<bool>,
}

impl Observation {
    fn of(r: &Request) -> Self {
        let flagged = r.durations_excluded();
        let done = matches!(r.status, Status::Resolved | Status::Closed);
        Self {
            open: r.status.is_open(),
            done,
            first_response: sample(flagged, r.created_at, r.first_response_at),
            resolution: sample(flagged, r.created_at, r.resolved_at),
            after_first_response: sample(flagged, r.first_response_at, r.resolved_at),
            first_contact_resolved: r.reopen_count == 0 && r.return_count == 0,
            handling: 1 + u64::from(r.reopen_count),
            rating: r.satisfaction.filter(|s| (1..=5).contains(s)),
            routed: r.routing.as_ref().filter(|d| d.member.is_some()).map(|_| !r.rerouted),
        }
    }
}

#[derive(Default)]
struct DurationAcc {
    values: Vec<i64>,
    of: usize,
    negative: usize,
    flagged: usize,
}

impl DurationAcc {
    fn add(&mut self, s: Sample) {
        self.of += 1;
        match s {
            Sample::Flagged => self.flagged += 1,
            Sample::Missing => {}
            Sample::Negative => self.negative += 1,
            Sample::Secs(v) => self.values.push(v),
        }
    }

    fn finish(mut self) -> DurationStat {
        self.values.sort_unstable();
        DurationStat {
            median_secs: nearest_rank(&self.values, 50),
            p90_secs: nearest_rank(&self.values, 90),
            n: self.values.len(),
            of: self.of,
            negative_excluded: self.negative,
            flagged_excluded: self.flagged,
        }
    }
}

#[derive(Default)]
struct Acc {
    total: usize,
    open: usize,
    done: usize,
    first_response: DurationAcc,
    resolution: DurationAcc,
    after_first_response: DurationAcc,
    first_contact_resolved: usize,
    handling_sum: u64,
    rated: usize,
    /// Requests that could carry a rating: done, or rated in another status.
    rateable: usize,
    rating_sum: u64,
    high: usize,
    routed: usize,
    routed_kept: usize,
}

impl Acc {
    fn add(&mut self, o: &Observation) {
        self.total += 1;
        if o.open {
            self.open += 1;
        }
        self.first_response.add(o.first_response);
        self.handling_sum += o.handling;
        if let Some(rating) = o.rating {
            self.rated += 1;
            self.rating_sum += u64::from(rating);
            if rating >= 4 {
                self.high += 1;
            }
        }
        if o.done || o.rating.is_some() {
            self.rateable += 1;
        }
        if let Some(kept) = o.routed {
            self.routed += 1;
            self.routed_kept += usize::from(kept);
        }
        if o.done {
            self.done += 1;
            self.resolution.add(o.resolution);
            self.after_first_response.add(o.after_first_response);
            if o.first_contact_resolved {
                self.first_contact_resolved += 1;
            }
        }
    }

    fn finish(self) -> Figures {
        let mean = |sum: u64, n: usize| if n == 0 { None } else { Some(sum as f64 / n as f64) };
        Figures {
            total: self.total,
            open: self.open,
            resolved_or_closed: self.done,
            first_response: self.first_response.finish(),
            resolution: self.resolution.finish(),
            resolution_after_first_response: self.after_first_response.finish(),
            fcr: RateStat { numerator: self.first_contact_resolved, denominator: self.done },
            routing_accuracy: RateStat { numerator: self.routed_kept, denominator: self.routed },
            handling_count: MeanStat { mean: mean(self.handling_sum, self.total), n: self.total, of: self.total },
            csat: Csat {
                mean: mean(self.rating_sum, self.rated),
                n: self.rated,
                of: self.rateable,
                high_share: RateStat { numerator: self.high, denominator: self.rated },
            },
        }
    }
}

#[cfg(test)]
// Case tables spell out their row types in place.
#[allow(clippy::type_complexity)]
mod tests {
    use super::*;
    use crate::domain::{ts, Customer, Id};

    const T0: &str = "2026-11-02T09:00:00Z";

    /// A request with the given status and times, as seconds after T0.
    fn r(status: Status, created: Option<i64>, first: Option<i64>, resolved: Option<i64>) -> Request {
        let at = |s: i64| ts(T0) + TimeDelta::seconds(s);
        Request {
            id: Id::nil(),
            number: 1,
            title: "t".into(),
            description: String::new(),
            customer: Customer::default(),
            channel: Channel::Phone,
            category: String::new(),
            urgency: Urgency::Medium,
            tags: Vec::new(),
            preferences: String::new(),
            owner: None,
            handler: None,
            previous_handlers: Vec::new(),
            status,
            created_at: created.map(at),
            first_response_at: first.map(at),
            resolved_at: resolved.map(at),
            closed_at: None,
            resolution: String::new(),
            satisfaction: None,
            reopen_count: 0,
            return_count: 0,
            comments: Vec::new(),
            flags: Vec::new(),
            source: None,
            updated_at: ts(T0),
            routing: None,
            rerouted: false,
            ownership_offer: None,
            merged_into: None,
            pauses: Vec::new(),
            sla: None,
            handoffs: Vec::new(),
        }
    }

    /// An open request (in progress) with a creation and a first-response time.
    fn open(created: Option<i64>, first: Option<i64>) -> Request {
        r(Status::InProgress, created, first, None)
    }

    /// A resolved request with all three times.
    fn done(created: Option<i64>, first: Option<i64>, resolved: Option<i64>) -> Request {
        r(Status::Resolved, created, first, resolved)
    }

    fn flagged(flag: DataFlag, req: Request) -> Request {
        Request { flags: vec![flag], ..req }
    }

    /// A request of the given status with its counters and rating, no times.
    fn counted(status: Status, reopens: u32, returns: u32, rating: Option<u8>) -> Request {
        Request { reopen_count: reopens, return_count: returns, satisfaction: rating, ..r(status, None, None, None) }
    }

    /// (median, p90, n, of, negative, flagged)
    fn dur(median: Option<i64>, p90: Option<i64>, n: usize, of: usize, neg: usize, flagged: usize) -> DurationStat {
        DurationStat { median_secs: median, p90_secs: p90, n, of, negative_excluded: neg, flagged_excluded: flagged }
    }

    /// A figure with no population at all.
    const NONE: DurationStat =
        DurationStat { median_secs: None, p90_secs: None, n: 0, of: 0, negative_excluded: 0, flagged_excluded: 0 };

    #[test]
    fn nearest_rank_table() {
        // (n, p, expected) over the list 10, 20, …, n × 10; rank = ceil(p × n / 100).
        let cases: &[(i64, u32, Option<i64>)] = &[
            (0, 50, None),
            (0, 90, None),
            (1, 50, Some(10)),   // ceil(0.5) = 1
            (1, 90, Some(10)),   // ceil(0.9) = 1
            (2, 50, Some(10)),   // ceil(1.0) = 1: the lower middle, no averaging
            (2, 90, Some(20)),   // ceil(1.8) = 2
            (3, 50, Some(20)),   // ceil(1.5) = 2
            (3, 90, Some(30)),   // ceil(2.7) = 3
            (4, 50, Some(20)),   // ceil(2.0) = 2
            (4, 90, Some(40)),   // ceil(3.6) = 4
            (5, 50, Some(30)),   // ceil(2.5) = 3
            (5, 90, Some(50)),   // ceil(4.5) = 5
            (10, 50, Some(50)),  // ceil(5.0) = 5
            (10, 90, Some(90)),  // ceil(9.0) = 9
            (11, 90, Some(100)), // ceil(9.9) = 10
            (20, 90, Some(180)), // ceil(18.0) = 18
            (10, 0, Some(10)),   // rank 0 is taken as 1
            (10, 100, Some(100)),
            (10, 250, Some(100)), // beyond n is taken as n
        ];
        for &(n, p, expected) in cases {
            let sorted: Vec<i64> = (1..=n).map(|i| i * 10).collect();
            assert_eq!(nearest_rank(&sorted, p), expected, "n = {n}, p = {p}");
        }
    }

    /// The three duration figures over hand-made request sets:
    /// (case, requests, [first response, resolution, resolution after first response]).
    #[test]
    fn duration_table() {
        let half_second_before = {
            let mut q = open(Some(0), None);
            q.first_response_at = q.created_at.map(|t| t - TimeDelta::milliseconds(500));
            q
        };
        let one_and_a_half = {
            let mut q = open(Some(0), None);
            q.first_response_at = q.created_at.map(|t| t + TimeDelta::milliseconds(1500));
            q
        };
        let cases: Vec<(&str, Vec<Request>, [DurationStat; 3])> = vec![
            ("empty input", vec![], [NONE, NONE, NONE]),
            (
                // One open request answered after 60 s; open, so outside the resolution population.
                "one open",
                vec![open(Some(0), Some(60))],
                [dur(Some(60), Some(60), 1, 1, 0, 0), NONE, NONE],
            ),
            (
                // 0 → 100 → 400: first response 100, resolution 400, after first response 300.
                "one resolved",
                vec![done(Some(0), Some(100), Some(400))],
                [
                    dur(Some(100), Some(100), 1, 1, 0, 0),
                    dur(Some(400), Some(400), 1, 1, 0, 0),
                    dur(Some(300), Some(300), 1, 1, 0, 0),
                ],
            ),
            (
                // Odd count: 10, 50, 20, 40, 30 sorted 10..50; median rank ceil(2.5) = 3 → 30,
                // p90 rank ceil(4.5) = 5 → 50.
                "odd count",
                [10, 50, 20, 40, 30].map(|s| open(Some(0), Some(s))).to_vec(),
                [dur(Some(30), Some(50), 5, 5, 0, 0), NONE, NONE],
            ),
            (
                // Even count: 40, 10, 30, 20 sorted 10..40; median rank ceil(2.0) = 2 → 20
                // (not the average 25), p90 rank ceil(3.6) = 4 → 40.
                "even count",
                [40, 10, 30, 20].map(|s| open(Some(0), Some(s))).to_vec(),
                [dur(Some(20), Some(40), 4, 4, 0, 0), NONE, NONE],
            ),
            (
                // Two values 10, 30: median rank 1 → 10, p90 rank ceil(1.8) = 2 → 30.
                "two values",
                vec![open(Some(0), Some(30)), open(Some(0), Some(10))],
                [dur(Some(10), Some(30), 2, 2, 0, 0), NONE, NONE],
            ),
            (
                // A zero duration is a value, not a problem.
                "zero duration",
                vec![open(Some(100), Some(100))],
                [dur(Some(0), Some(0), 1, 1, 0, 0), NONE, NONE],
            ),
            (
                // Only the first has both times: n = 1 of 3 (2 missing).
                "missing times",
                vec![open(Some(0), Some(60)), open(Some(0), None), open(None, Some(100))],
                [dur(Some(60), Some(60), 1, 3, 0, 0), NONE, NONE],
            ),
            (
                // Imported without a creation time: only the after-first-response figure
                // has a value, 400 - 100 = 300.
                "no creation time",
                vec![done(None, Some(100), Some(400))],
                [dur(None, None, 0, 1, 0, 0), dur(None, None, 0, 1, 0, 0), dur(Some(300), Some(300), 1, 1, 0, 0)],
            ),
            (
                // Resolved but never answered: resolution 0 → 250 = 250, after first response missing.
                "resolved without first response",
                vec![done(Some(0), None, Some(250))],
                [dur(None, None, 0, 1, 0, 0), dur(Some(250), Some(250), 1, 1, 0, 0), dur(None, None, 0, 1, 0, 0)],
            ),
            (
                // 100 → 40 is -60 s: excluded and counted; 0 → 30 is the one value.
                "negative first response",
                vec![open(Some(100), Some(40)), open(Some(0), Some(30))],
                [dur(Some(30), Some(30), 1, 2, 1, 0), NONE, NONE],
            ),
            (
                // Half a second before is negative too, although it is 0 in whole seconds.
                "negative by half a second",
                vec![half_second_before],
                [dur(None, None, 0, 1, 1, 0), NONE, NONE],
            ),
            (
                // Whole seconds are truncated: 1.5 s is 1 s.
                "fractional seconds",
                vec![one_and_a_half],
                [dur(Some(1), Some(1), 1, 1, 0, 0), NONE, NONE],
            ),
            (
                // 500 → 600 → 400: first response 100, resolved 100 s before creation and
                // 200 s before the first response: both negative.
                "resolved before created",
                vec![done(Some(500), Some(600), Some(400))],
                [dur(Some(100), Some(100), 1, 1, 0, 0), dur(None, None, 0, 1, 1, 0), dur(None, None, 0, 1, 1, 0)],
            ),
            (
                // The flagged one has good-looking times but is left out of all three;
                // the clean one gives 100 / 400 / 300.
                "flagged resolved",
                vec![
                    flagged(DataFlag::EndsBeforeCreated, done(Some(0), Some(10), Some(20))),
                    done(Some(0), Some(100), Some(400)),
                ],
                [
                    dur(Some(100), Some(100), 1, 2, 0, 1),
                    dur(Some(400), Some(400), 1, 2, 0, 1),
                    dur(Some(300), Some(300), 1, 2, 0, 1),
                ],
            ),
            (
                // Flagged but open: outside the resolution population, so only counted once.
                "flagged open",
                vec![flagged(DataFlag::ResolvedBeforeFirstResponse, open(Some(0), Some(5)))],
                [dur(None, None, 0, 1, 0, 1), NONE, NONE],
            ),
            (
                // A flag wins over missing and negative times: counted as flagged only.
                "flagged with bad times",
                vec![flagged(DataFlag::EndsBeforeCreated, done(Some(100), None, Some(50)))],
                [dur(None, None, 0, 1, 0, 1), dur(None, None, 0, 1, 0, 1), dur(None, None, 0, 1, 0, 1)],
            ),
            (
                // An open request with a resolved time (imported oddity) stays out of the
                // resolution figures; the closed one gives 90 and 90 - 30 = 60.
                // First response over both: 10, 30 → median rank 1 → 10, p90 rank 2 → 30.
                "resolution population is resolved or closed",
                vec![
                    r(Status::InProgress, Some(0), Some(10), Some(20)),
                    r(Status::Closed, Some(0), Some(30), Some(90)),
                ],
                [
                    dur(Some(10), Some(30), 2, 2, 0, 0),
                    dur(Some(90), Some(90), 1, 1, 0, 0),
                    dur(Some(60), Some(60), 1, 1, 0, 0),
                ],
            ),
            (
                // Ten answered after 60, 120, …, 600 s (given out of order), plus one negative,
                // one unanswered and one flagged: n = 10 of 13. Median rank 5 → 300,
                // p90 rank 9 → 540.
                "mixed population",
                {
                    let mut v: Vec<Request> =
                        [7, 2, 9, 1, 10, 4, 3, 8, 6, 5].map(|k| open(Some(0), Some(60 * k))).to_vec();
                    v.push(open(Some(60), Some(0)));
                    v.push(open(Some(0), None));
                    v.push(flagged(DataFlag::EndsBeforeCreated, open(Some(0), Some(1))));
                    v
                },
                [dur(Some(300), Some(540), 10, 13, 1, 1), NONE, NONE],
            ),
        ];
        for (case, requests, [first, resolution, after]) in cases {
            let d = dashboard(&requests);
            assert_eq!(d.overall.first_response, first, "{case}: first response");
            assert_eq!(d.overall.resolution, resolution, "{case}: resolution");
            assert_eq!(d.overall.resolution_after_first_response, after, "{case}: after first response");
            let f = &d.overall.first_response;
            assert_eq!(f.n + f.negative_excluded + f.flagged_excluded + f.missing(), f.of, "{case}: counts add up");
        }
    }

    #[test]
    fn missing_count() {
        // of 3: one value, one negative (100 → 40), one missing.
        let rs = [open(Some(0), Some(60)), open(Some(100), Some(40)), open(Some(0), None)];
        assert_eq!(dashboard(&rs).overall.first_response.missing(), 1);
    }

    #[test]
    fn counts_table() {
        use Status::*;
        // (statuses, expected (total, open, resolved or closed)). Open means not resolved
        // and not closed, so New, In progress, Waiting and Reopened are all open.
        let cases: &[(&[Status], (usize, usize, usize))] = &[
            (&[], (0, 0, 0)),
            (&[New], (1, 1, 0)),
            (&[Closed], (1, 0, 1)),
            (&[New, Reopened, Resolved, Closed, WaitingForCustomer], (5, 3, 2)),
            (&[InProgress, InProgress, Resolved], (3, 2, 1)),
        ];
        for (statuses, expected) in cases {
            let rs: Vec<Request> = statuses.iter().map(|s| r(*s, None, None, None)).collect();
            let f = dashboard(&rs).overall;
            assert_eq!((f.total, f.open, f.resolved_or_closed), *expected, "{statuses:?}");
        }
    }

    #[test]
    fn first_contact_resolution_table() {
        use Status::*;
        // (requests as (status, reopens, returns), expected numerator / denominator).
        // Only resolved or closed requests are in the denominator.
        let cases: &[(&str, &[(Status, u32, u32)], RateStat)] = &[
            ("empty", &[], RateStat { numerator: 0, denominator: 0 }),
            ("only open", &[(InProgress, 0, 0), (Reopened, 1, 0)], RateStat { numerator: 0, denominator: 0 }),
            ("one clean", &[(Closed, 0, 0)], RateStat { numerator: 1, denominator: 1 }),
            ("one reopened", &[(Closed, 1, 0)], RateStat { numerator: 0, denominator: 1 }),
            ("one returned", &[(Resolved, 0, 2)], RateStat { numerator: 0, denominator: 1 }),
            (
                // Done: clean Resolved ✓, reopened Closed ✗, returned Closed ✗, clean Closed ✓
                // → 2 of 4; the open ones are left out.
                "mixed",
                &[
                    (Resolved, 0, 0),
                    (Closed, 1, 0),
                    (Closed, 0, 1),
                    (Closed, 0, 0),
                    (InProgress, 0, 0),
                    (Reopened, 1, 0),
                ],
                RateStat { numerator: 2, denominator: 4 },
            ),
        ];
        for (case, rows, expected) in cases {
            let rs: Vec<Request> = rows.iter().map(|(s, o, t)| counted(*s, *o, *t, None)).collect();
            assert_eq!(dashboard(&rs).overall.fcr, *expected, "{case}");
        }
    }

    #[test]
    fn rate_percent_table() {
        // (numerator, denominator, percent within 0.001, tenths of a percent rounded half up)
        let cases: &[(usize, usize, Option<f64>, Option<u64>)] = &[
            (0, 0, None, None),
            (0, 4, Some(0.0), Some(0)),
            (1, 4, Some(25.0), Some(250)),
            (3, 3, Some(100.0), Some(1000)),
            (2, 8, Some(25.0), Some(250)),
            (1, 8, Some(12.5), Some(125)),
            (1, 16, Some(6.25), Some(63)),   // 62.5 tenths, half up → 63
            (2, 3, Some(66.667), Some(667)), // 666.67 tenths → 667
            (1, 3, Some(33.333), Some(333)), // 333.33 tenths → 333
        ];
        for &(numerator, denominator, percent, tenths) in cases {
            let rate = RateStat { numerator, denominator };
            match (rate.percent(), percent) {
                (None, None) => {}
                (Some(got), Some(want)) => assert!((got - want).abs() < 0.001, "{numerator}/{denominator}: {got}"),
                (got, want) => panic!("{numerator}/{denominator}: got {got:?}, want {want:?}"),
            }
            assert_eq!(rate.percent_tenths(), tenths, "{numerator}/{denominator}");
        }
    }

    #[test]
    fn handling_count_table() {
        use Status::*;
        // (requests as (status, reopens), expected mean, n = of). Every request counts,
        // open or not: METRICS.md defines it per request.
        let cases: &[(&str, &[(Status, u32)], Option<f64>, usize)] = &[
            ("empty", &[], None, 0),
            ("one fresh", &[(New, 0)], Some(1.0), 1),
            // (1 + 0) + (1 + 2) + (1 + 1) = 6, over 3 → 2.0
            ("three done", &[(Closed, 0), (Closed, 2), (Resolved, 1)], Some(2.0), 3),
            // (1 + 0) + (1 + 2) + (1 + 1) + (1 + 5) = 12, over 4 → 3.0
            ("with a reopened one", &[(Closed, 0), (Closed, 2), (Resolved, 1), (Reopened, 5)], Some(3.0), 4),
            // (1 + 0) + (1 + 1) = 3, over 2 → 1.5
            ("halves", &[(InProgress, 0), (Closed, 1)], Some(1.5), 2),
        ];
        for (case, rows, mean, n) in cases {
            let rs: Vec<Request> = rows.iter().map(|(s, o)| counted(*s, *o, 0, None)).collect();
            assert_eq!(dashboard(&rs).overall.handling_count, MeanStat { mean: *mean, n: *n, of: *n }, "{case}");
        }
    }

    #[test]
    fn csat_table() {
        use Status::*;
        let csat = |mean: Option<f64>, n: usize, of: usize, high: usize| Csat {
            mean,
            n,
            of,
            high_share: RateStat { numerator: high, denominator: n },
        };
        // (requests as (status, rating), expected)
        let cases: Vec<(&str, Vec<(Status, Option<u8>)>, Csat)> = vec![
            ("empty", vec![], csat(None, 0, 0, 0)),
            ("open and unrated", vec![(InProgress, None)], csat(None, 0, 0, 0)),
            ("closed unrated", vec![(Closed, None)], csat(None, 0, 1, 0)),
            ("one rating", vec![(Closed, Some(4))], csat(Some(4.0), 1, 1, 1)),
            (
                // Rated 5, 4, 2, 1 → 12 / 4 = 3.0, 4s and 5s 2 of 4. Unrated done: one None
                // and one corrupt 9 (taken as unrated) → of = 6.
                "mixed",
                vec![
                    (Closed, Some(5)),
                    (Closed, Some(4)),
                    (Closed, Some(2)),
                    (Resolved, Some(1)),
                    (Closed, None),
                    (Closed, Some(9)),
                ],
                csat(Some(3.0), 4, 6, 2),
            ),
            (
                // A reopened request keeps the rating it got when it closed: rated 2 and 5
                // → 3.5, high 1 of 2; of = 1 closed + 1 rated reopened = 2.
                "rated then reopened",
                vec![(Closed, Some(2)), (Reopened, Some(5)), (New, None)],
                csat(Some(3.5), 2, 2, 1),
            ),
            // 3 is neither high nor excluded: 3, 5 → 4.0, high 1 of 2.
            ("a three", vec![(Closed, Some(3)), (Closed, Some(5))], csat(Some(4.0), 2, 2, 1)),
            // 0 is no rating at all.
            ("a zero", vec![(Closed, Some(0))], csat(None, 0, 1, 0)),
        ];
        for (case, rows, expected) in cases {
            let rs: Vec<Request> = rows.iter().map(|(s, rating)| counted(*s, 0, 0, *rating)).collect();
            assert_eq!(dashboard(&rs).overall.csat, expected, "{case}");
        }
    }

    #[test]
    fn flag_counts() {
        // One request with both flags (one listed twice), one with the second only.
        let both = Request {
            flags: vec![
                DataFlag::EndsBeforeCreated,
                DataFlag::ResolvedBeforeFirstResponse,
                DataFlag::EndsBeforeCreated,
            ],
            ..open(None, None)
        };
        let second = flagged(DataFlag::EndsBeforeCreated, open(None, None));
        let d = dashboard(&[both, second, open(None, None)]);
        assert_eq!(d.flagged, vec![(DataFlag::ResolvedBeforeFirstResponse, 1), (DataFlag::EndsBeforeCreated, 2)]);
        let d = dashboard(&[]);
        assert_eq!(d.flagged, vec![(DataFlag::ResolvedBeforeFirstResponse, 0), (DataFlag::EndsBeforeCreated, 0)]);
    }

    #[test]
    fn empty_breakdowns_list_every_key() {
        let d = dashboard(&[]);
        assert_eq!(d.overall, Figures::default());
        let channels: Vec<Channel> = d.by_channel.iter().map(|(c, _)| *c).collect();
        assert_eq!(channels, Channel::ALL.to_vec());
        let urgencies: Vec<Urgency> = d.by_urgency.iter().map(|(u, _)| *u).collect();
        assert_eq!(urgencies, Urgency::ALL.to_vec());
        assert!(d.by_channel.iter().all(|(_, f)| *f == Figures::default()));
    }

    #[test]
    fn breakdowns() {
        // Phone: high (first response 10) and critical (30, resolved at 50); email: high (60).
        let phone_high = Request { urgency: Urgency::High, ..open(Some(0), Some(10)) };
        let phone_critical = Request { urgency: Urgency::Critical, ..done(Some(0), Some(30), Some(50)) };
        let email_high = Request { channel: Channel::Email, urgency: Urgency::High, ..open(Some(0), Some(60)) };
        let d = dashboard(&[phone_high, phone_critical, email_high]);

        let by_channel: Vec<(Channel, usize)> = d.by_channel.iter().map(|(c, f)| (*c, f.total)).collect();
        assert_eq!(
            by_channel,
            vec![
                (Channel::Phone, 2),
                (Channel::Email, 1),
                (Channel::Chat, 0),
                (Channel::Visit, 0),
                (Channel::Social, 0),
                (Channel::Other, 0),
            ]
        );
        let by_urgency: Vec<(Urgency, usize)> = d.by_urgency.iter().map(|(u, f)| (*u, f.total)).collect();
        assert_eq!(
            by_urgency,
            vec![(Urgency::Low, 0), (Urgency::Medium, 0), (Urgency::High, 2), (Urgency::Critical, 1)]
        );

        let figure =
            |list: &[(Channel, Figures)], c: Channel| list.iter().find(|(k, _)| *k == c).map(|(_, f)| f.clone());
        let urgency =
            |list: &[(Urgency, Figures)], u: Urgency| list.iter().find(|(k, _)| *k == u).map(|(_, f)| f.clone());
        // Phone: 10, 30 → median rank 1 → 10, p90 rank 2 → 30.
        assert_eq!(
            figure(&d.by_channel, Channel::Phone).map(|f| f.first_response),
            Some(dur(Some(10), Some(30), 2, 2, 0, 0))
        );
        assert_eq!(
            figure(&d.by_channel, Channel::Email).map(|f| f.first_response),
            Some(dur(Some(60), Some(60), 1, 1, 0, 0))
        );
        // High: 10 (phone), 60 (email).
        assert_eq!(
            urgency(&d.by_urgency, Urgency::High).map(|f| f.first_response),
            Some(dur(Some(10), Some(60), 2, 2, 0, 0))
        );
        assert_eq!(
            urgency(&d.by_urgency, Urgency::Critical).map(|f| f.resolution),
            Some(dur(Some(50), Some(50), 1, 1, 0, 0))
        );
        assert_eq!(figure(&d.by_channel, Channel::Chat), Some(Figures::default()));
        // Overall: 10, 30, 60 → median rank 2 → 30, p90 rank 3 → 60.
        assert_eq!(d.overall.first_response, dur(Some(30), Some(60), 3, 3, 0, 0));
    }

    #[test]
    fn ten_thousand_requests() {
        // The shape at scale (timing is measured in the wasm benchmark): each breakdown
        // sums to the whole and the percentiles land on the expected ranks.
        let rs: Vec<Request> = (0..10_000i64)
            .map(|i| Request {
                channel: Channel::ALL.get((i % 6) as usize).copied().unwrap_or(Channel::Other),
                urgency: Urgency::ALL.get((i % 4) as usize).copied().unwrap_or(Urgency::Low),
                satisfaction: Some((i % 5) as u8 + 1),
                ..r(Status::Closed, Some(0), Some(i), Some(2 * i))
            })
            .collect();
        let d = dashboard(&rs);
        assert_eq!(d.overall.first_response.n, 10_000);
        // First responses 0..9999: median rank 5000 → 4999, p90 rank 9000 → 8999.
        assert_eq!(d.overall.first_response.median_secs, Some(4999));
        assert_eq!(d.overall.first_response.p90_secs, Some(8999));
        // Resolution 2i: median 2 × 4999 = 9998, p90 2 × 8999 = 17998.
        assert_eq!(d.overall.resolution.median_secs, Some(9998));
        assert_eq!(d.overall.resolution.p90_secs, Some(17998));
        assert_eq!(d.by_channel.iter().map(|(_, f)| f.total).sum::<usize>(), 10_000);
        assert_eq!(d.by_urgency.iter().map(|(_, f)| f.csat.n).sum::<usize>(), 10_000);
        // Ratings cycle 1..5, 2000 each: mean 3.0, 4s and 5s 4000 of 10000.
        assert_eq!(d.overall.csat.mean, Some(3.0));
        assert_eq!(d.overall.csat.high_share, RateStat { numerator: 4000, denominator: 10_000 });
    }
}
