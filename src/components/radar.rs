//! A radar chart (SVG) of maturity dimensions on the 1–5 scale. The same
//! numbers are always shown in a table next to it, for screen readers and
//! print; the chart itself is labelled as an image with a text summary.
use leptos::prelude::*;

/// One polygon: its name (in the legend) and a value per axis.
#[derive(Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

const SIZE: f64 = 420.0;
const CENTER: f64 = SIZE / 2.0;
const RADIUS: f64 = 140.0;

/// The point at `value` (0–5) on axis `i` of `n`, the first axis pointing up.
fn point(i: usize, n: usize, value: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * i as f64 / n.max(1) as f64 - std::f64::consts::FRAC_PI_2;
    let r = RADIUS * value.clamp(0.0, 5.0) / 5.0;
    (CENTER + r * angle.cos(), CENTER + r * angle.sin())
}

fn fmt(v: f64) -> String {
    crate::components::labels::fixed(v, 1)
}

fn polygon(n: usize, values: impl Iterator<Item = f64>) -> String {
    values
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = point(i, n, v);
            format!("{},{}", fmt(x), fmt(y))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A series drawn: its number, its outline's points, its dots (x, y).
type Shape = (usize, String, Vec<(String, String)>);

/// `summary` is the chart's text alternative (one sentence with the values).
#[component]
pub fn Radar(
    axes: Vec<String>,
    series: Vec<Series>,
    summary: String,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let n = axes.len();
    let rings: Vec<(u8, String)> =
        (1..=5u8).map(|level| (level, polygon(n, std::iter::repeat_n(f64::from(level), n)))).collect();
    let spokes: Vec<(String, String)> = (0..n)
        .map(|i| {
            let (x, y) = point(i, n, 5.0);
            (fmt(x), fmt(y))
        })
        .collect();
    let labels: Vec<(String, String, &'static str, String)> = axes
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let (x, y) = point(i, n, 5.9);
            let anchor = if (x - CENTER).abs() < 1.0 {
                "middle"
            } else if x > CENTER {
                "start"
            } else {
                "end"
            };
            (fmt(x), fmt(y), anchor, name.clone())
        })
        .collect();
    let shapes: Vec<Shape> = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let values: Vec<f64> = s.values.iter().map(|v| v.unwrap_or(0.0)).collect();
            let dots = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let (x, y) = point(i, n, *v);
                    (fmt(x), fmt(y))
                })
                .collect();
            (k, polygon(n, values.into_iter()), dots)
        })
        .collect();
    let label = summary.clone();
    let legend: Vec<(usize, String)> = series.iter().enumerate().map(|(k, s)| (k, s.name.clone())).collect();
    view! {
        <figure class="radar" data-testid=testid>
            <svg viewBox=format!("-110 0 {} {SIZE}", SIZE + 220.0) role="img" aria-label=label>
                <title>{summary}</title>
                {rings.into_iter().map(|(level, points)| view! {
                    <polygon class="radar-ring" points=points></polygon>
                    <text class="radar-level" x=fmt(CENTER + 3.0) y=fmt(CENTER - RADIUS * f64::from(level) / 5.0 - 2.0)>{level.to_string()}</text>
                }).collect_view()}
                {spokes.into_iter().map(|(x, y)| view! {
                    <line class="radar-spoke" x1=fmt(CENTER) y1=fmt(CENTER) x2=x y2=y></line>
                }).collect_view()}
                {shapes.into_iter().map(|(k, points, dots)| view! {
                    <polygon class=format!("radar-series radar-series-{k}") points=points data-series=k.to_string()></polygon>
                    {dots.into_iter().map(|(x, y)| view! { <circle class=format!("radar-dot radar-series-{k}") cx=x cy=y r="3.5"></circle> }).collect_view()}
                }).collect_view()}
                {labels.into_iter().map(|(x, y, anchor, name)| view! {
                    <text class="radar-axis" x=x y=y text-anchor=anchor dominant-baseline="middle">{name}</text>
                }).collect_view()}
            </svg>
            <figcaption class="radar-legend">
                {legend.into_iter().map(|(k, name)| view! {
                    <span class=format!("legend legend-{k}")><span class=format!("swatch radar-series-{k}") aria-hidden="true"></span>{name}</span>
                }).collect_view()}
            </figcaption>
        </figure>
    }
}
