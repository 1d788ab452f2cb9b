//! The small chart of a measured goal in the HTML report: its outcomes over the years (a solid
//! line with dots), the target in force (a dashed line) and the benchmark (a dotted line). It is
//! readable in black and white, and its text alternative says the same in words.

use super::{number, texts};
use crate::eval::{Evaluation, GoalResult};
use std::fmt::Write as _;

const WIDTH: f64 = 168.0;
const HEIGHT: f64 = 52.0;
const PAD: f64 = 6.0;

/// The chart as inline SVG, or `None` when there are fewer than two years to draw.
pub fn svg(ev: &Evaluation, goal: &GoalResult) -> Option<String> {
    let mut points: Vec<(i32, f64)> = goal.history.iter().map(|h| (h.year, h.value)).collect();
    if let Some(v) = goal.value {
        points.push((ev.year, v));
    }
    if points.len() < 2 {
        return None;
    }
    let mut benchmarks: Vec<(i32, f64)> = goal
        .history
        .iter()
        .filter_map(|h| Some((h.year, h.benchmark?)))
        .collect();
    if let Some(b) = goal.benchmark {
        benchmarks.push((ev.year, b));
    }
    let all = points
        .iter()
        .chain(&benchmarks)
        .map(|p| p.1)
        .chain(goal.target);
    let (low, high) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
        (l.min(v), h.max(v))
    });
    let span = if high - low > 1e-9 { high - low } else { 1.0 };
    let first = points.first().map_or(ev.year, |p| p.0);
    let years = f64::from((ev.year - first).max(1));
    let x = |year: i32| PAD + f64::from(year - first) / years * (WIDTH - 2.0 * PAD);
    let y = |v: f64| HEIGHT - PAD - (v - low) / span * (HEIGHT - 2.0 * PAD);
    let line = |ps: &[(i32, f64)]| {
        ps.iter()
            .map(|&(yr, v)| format!("{:.1},{:.1}", x(yr), y(v)))
            .collect::<Vec<_>>()
            .join(" ")
    };

    let t = texts(ev.language);
    let shown = |v: f64| number(ev, goal, Some(v)).unwrap_or_default();
    let mut words = format!(
        "{} {}–{}: {}",
        t.series,
        first,
        ev.year,
        points
            .iter()
            .map(|&(yr, v)| format!("{yr} {}", shown(v)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Some(target) = goal.target {
        let _ = write!(words, "; {} {}", t.target.to_lowercase(), shown(target));
    }
    if let Some(&(_, b)) = benchmarks.last() {
        let _ = write!(words, "; {} {}", t.benchmark.to_lowercase(), shown(b));
    }
    let words = super::html::escape(&words);

    let mut out = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{words}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\"><title>{words}</title>"
    );
    if let Some(target) = goal.target {
        let _ = write!(
            out,
            "<line class=\"target\" x1=\"{PAD}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"currentColor\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>",
            WIDTH - PAD,
            y(target),
            y(target)
        );
    }
    if benchmarks.len() >= 2 {
        let _ = write!(
            out,
            "<polyline class=\"benchmark\" points=\"{}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1\" stroke-dasharray=\"1 2\"/>",
            line(&benchmarks)
        );
    }
    let _ = write!(
        out,
        "<polyline class=\"values\" points=\"{}\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.6\"/>",
        line(&points)
    );
    for &(yr, v) in &points {
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.2\" fill=\"currentColor\"/>",
            x(yr),
            y(v)
        );
    }
    out.push_str("</svg>");
    Some(out)
}
