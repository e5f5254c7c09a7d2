//! History and comparison of results: a team's trend over its rounds, and
//! the overlay of two results (two teams, or two periods of one team).
//! Both work on [`RoundResult`]s, so each round is scored with the model
//! version it answered; dimensions are matched by key.

use serde::{Deserialize, Serialize};

use super::{RoundResult, TeamRef, Text};
use crate::domain::Id;

/// Why results could not be put side by side.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("trend: expected the results of at least one round, found none")]
    NoResults,
    #[error("trend: expected rounds of one team ({first}), found a round of {other} ({period})")]
    DifferentTeams { first: String, other: String, period: String },
    #[error("expected results of one model ({first}), found a round of model {other} ({period})")]
    DifferentModels { first: Id, other: Id, period: String },
}

/// One round's value in a trend; none when the round has no answers there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub round: Id,
    pub period: String,
    pub mean: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionTrend {
    pub key: String,
    pub name: Text,
    /// One point per round, in the order the rounds were given.
    pub points: Vec<TrendPoint>,
    /// Last mean minus first mean, over the points that have one; none with
    /// fewer than two such points.
    pub change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trend {
    pub team: TeamRef,
    pub dimensions: Vec<DimensionTrend>,
    pub overall: Vec<TrendPoint>,
    pub overall_change: Option<f64>,
}

/// The trend of a team's results, given oldest period first (the caller
/// orders the rounds by period). Every result must be of the same team and
/// model. Dimensions follow the newest result's order; a dimension only in
/// older versions of the model comes after, in order of first appearance.
pub fn trend(results: &[RoundResult]) -> Result<Trend, CompareError> {
    let first = results.first().ok_or(CompareError::NoResults)?;
    for r in results {
        if r.team.id != first.team.id {
            let (first, other) = (first.team.name.clone(), r.team.name.clone());
            return Err(CompareError::DifferentTeams { first, other, period: r.period.clone() });
        }
        same_model(first, r)?;
    }
    let dimensions = union_keys(results.last().into_iter().chain(results))
        .into_iter()
        .map(|(key, name)| {
            let points: Vec<TrendPoint> = results.iter().map(|r| point(r, mean_of(r, &key))).collect();
            DimensionTrend { change: change(&points), key, name, points }
        })
        .collect();
    let overall: Vec<TrendPoint> = results.iter().map(|r| point(r, r.overall.mean)).collect();
    let team = results.last().map_or_else(|| first.team.clone(), |r| r.team.clone());
    Ok(Trend { team, dimensions, overall_change: change(&overall), overall })
}

fn same_model(first: &RoundResult, other: &RoundResult) -> Result<(), CompareError> {
    if other.model == first.model {
        return Ok(());
    }
    Err(CompareError::DifferentModels { first: first.model, other: other.model, period: other.period.clone() })
}

fn point(result: &RoundResult, mean: Option<f64>) -> TrendPoint {
    TrendPoint { round: result.round, period: result.period.clone(), mean }
}

fn mean_of(result: &RoundResult, key: &str) -> Option<f64> {
    result.dimensions.iter().find(|d| d.key == key).and_then(|d| d.mean)
}

/// Keys and names of the dimensions of `results`, in order of first
/// appearance.
fn union_keys<'r>(results: impl IntoIterator<Item = &'r RoundResult>) -> Vec<(String, Text)> {
    let mut keys: Vec<(String, Text)> = Vec::new();
    for d in results.into_iter().flat_map(|r| &r.dimensions) {
        if !keys.iter().any(|(k, _)| *k == d.key) {
            keys.push((d.key.clone(), d.name.clone()));
        }
    }
    keys
}

fn change(points: &[TrendPoint]) -> Option<f64> {
    let mut means = points.iter().filter_map(|p| p.mean);
    let first = means.next()?;
    means.next_back().map(|last| last - first)
}

/// One dimension of two results side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverlayRow {
    pub key: String,
    pub name: Text,
    pub a: Option<f64>,
    pub b: Option<f64>,
    /// b − a, when both have a mean.
    pub difference: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overlay {
    pub a: (TeamRef, String),
    pub b: (TeamRef, String),
    /// Dimensions in `b`'s order, then those only in `a`.
    pub rows: Vec<OverlayRow>,
    /// b's overall mean − a's.
    pub overall_difference: Option<f64>,
}

/// Two results of the same model dimension by dimension: two teams, or one
/// team in two periods.
pub fn overlay(a: &RoundResult, b: &RoundResult) -> Result<Overlay, CompareError> {
    same_model(a, b)?;
    let rows = union_keys([b, a])
        .into_iter()
        .map(|(key, name)| {
            let (ma, mb) = (mean_of(a, &key), mean_of(b, &key));
            OverlayRow { difference: difference(ma, mb), key, name, a: ma, b: mb }
        })
        .collect();
    Ok(Overlay {
        a: (a.team.clone(), a.period.clone()),
        b: (b.team.clone(), b.period.clone()),
        rows,
        overall_difference: difference(a.overall.mean, b.overall.mean),
    })
}

fn difference(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(b? - a?)
}

#[cfg(test)]
mod tests {
    use super::super::{DimensionResult, Overall};
    use super::*;

    fn result(round: u128, team: u128, period: &str, means: &[(&str, Option<f64>)]) -> RoundResult {
        let dimensions: Vec<DimensionResult> = means
            .iter()
            .map(|(key, mean)| DimensionResult {
                key: key.to_string(),
                name: Text::en(key),
                mean: *mean,
                spread: None,
                answered: 0,
                asked: 0,
                questions: vec![],
            })
            .collect();
        let scored: Vec<f64> = means.iter().filter_map(|(_, m)| *m).collect();
        let overall_mean = (!scored.is_empty()).then(|| scored.iter().sum::<f64>() / scored.len() as f64);
        RoundResult {
            round: Id::from_u128(round),
            model: Id::from_u128(1),
            model_version: 1,
            team: TeamRef { id: Id::from_u128(team), name: format!("team {team}") },
            period: period.to_string(),
            anonymous: false,
            responses: 3,
            overall: Overall { mean: overall_mean, level: None, scored: scored.len(), dimensions: means.len() },
            dimensions,
        }
    }

    #[test]
    fn trend_per_dimension_over_a_teams_rounds() {
        let rounds = [
            result(1, 7, "2026 Q2", &[("roles", Some(2.0)), ("tools", Some(3.0))]),
            result(2, 7, "2026 Q3", &[("roles", Some(2.5)), ("tools", None)]),
            result(3, 7, "2026 Q4", &[("roles", Some(3.5)), ("tools", Some(2.5)), ("culture", Some(4.0))]),
        ];
        let t = trend(&rounds).expect("trend");
        let rows: Vec<_> = t
            .dimensions
            .iter()
            .map(|d| (d.key.as_str(), d.points.iter().map(|p| p.mean).collect(), d.change))
            .collect();
        assert_eq!(
            rows,
            [
                ("roles", vec![Some(2.0), Some(2.5), Some(3.5)], Some(1.5)),
                ("tools", vec![Some(3.0), None, Some(2.5)], Some(-0.5)),
                ("culture", vec![None, None, Some(4.0)], None),
            ]
        );
        let periods: Vec<&str> = t.overall.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(periods, ["2026 Q2", "2026 Q3", "2026 Q4"]);
        // Overall 2.5 → 2.5 → 10/3.
        assert_eq!(t.overall_change.map(|c| (c * 1000.0).round()), Some(833.0));
    }

    #[test]
    fn trend_refuses_mixed_teams_and_models() {
        assert_eq!(trend(&[]), Err(CompareError::NoResults));
        let other_team = [result(1, 7, "Q1", &[]), result(2, 8, "Q2", &[])];
        assert_eq!(
            trend(&other_team).map_err(|e| e.to_string()),
            Err("trend: expected rounds of one team (team 7), found a round of team 8 (Q2)".to_string())
        );
        let mut other_model = result(2, 7, "Q2", &[]);
        other_model.model = Id::from_u128(2);
        assert!(matches!(trend(&[result(1, 7, "Q1", &[]), other_model]), Err(CompareError::DifferentModels { .. })));
    }

    #[test]
    fn overlay_of_two_teams() {
        let a = result(1, 7, "2026 Q4", &[("roles", Some(2.0)), ("tools", Some(3.0)), ("old", Some(1.0))]);
        let b = result(2, 8, "2026 Q4", &[("tools", Some(4.5)), ("roles", Some(1.5)), ("culture", None)]);
        let o = overlay(&a, &b).expect("overlay");
        let rows: Vec<_> = o.rows.iter().map(|r| (r.key.as_str(), r.a, r.b, r.difference)).collect();
        assert_eq!(
            rows,
            [
                ("tools", Some(3.0), Some(4.5), Some(1.5)),
                ("roles", Some(2.0), Some(1.5), Some(-0.5)),
                ("culture", None, None, None),
                ("old", Some(1.0), None, None),
            ]
        );
        // a: (2 + 3 + 1)/3 = 2; b: (4.5 + 1.5)/2 = 3.
        assert_eq!(o.overall_difference, Some(1.0));
        assert_eq!((o.a.1.as_str(), o.b.0.name.as_str()), ("2026 Q4", "team 8"));
    }
}
