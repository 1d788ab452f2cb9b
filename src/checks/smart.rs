//! SMART goals (P0401–P0408), units and dates (P0501–P0505), follow-up (P0602), and the
//! indicator's required direction (P0108).

use super::and_list;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Text;
use crate::model::Model;
use crate::syntax::ast::*;
use crate::text;

/// Phrases that promise effort rather than a result (Swedish, Danish, English).
const VAGUE: &[&str] = &[
    "sträva efter",
    "sträva mot",
    "verka för",
    "arbeta för",
    "arbeta mot",
    "bidra till",
    "arbejde for",
    "arbejde hen imod",
    "søge at",
    "stræbe efter",
    "bestræbe sig",
    "medvirke til",
    // Swedish and Danish phrases policy officers write for "we will try" (issue 16).
    "främja",
    "förbättra ", // the verb: "ska förbättras" states a result
    "stärka",
    "eftersträva",
    "som ambition att",
    "arbejde på at",
    "styrke",
    "understøtte",
    "fokus på",
    "tilstræbe",
    "strive to",
    "strive for",
    "work towards",
    "aim to",
    "endeavour to",
    "seek to",
];

/// One pass over a title finds any vague phrase (ASCII letters in any case).
static VAGUE_MATCHER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(VAGUE)
            .expect("the vague phrases are valid patterns")
    });

/// Above this yearly relative improvement, a target is flagged as hard to reach (P0405).
const PLAUSIBLE_YEARLY_CHANGE: f64 = 0.20;

pub fn check(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for ind in &m.indicators {
        if ind.direction.is_none() {
            diags.push(
                Diagnostic::new(
                    Code::P0108,
                    ind.id.span,
                    text!("smart-no-direction", indicator = &ind.id.name),
                )
                .primary(text!("smart-no-direction.primary"))
                .help(text!("smart-no-direction.help")),
            );
        }
    }
    if let Some(period) = m.policy.and_then(|p| p.period) {
        if period.from.value > period.to.value {
            diags.push(
                Diagnostic::new(
                    Code::P0503,
                    period.span,
                    text!(
                        "smart-period-order",
                        from = period.from.value,
                        to = period.to.value,
                    ),
                )
                .primary(text!("smart-period-order.primary"))
                .help(text!(
                    "smart-period-order.help",
                    from = period.from.value,
                    to = period.to.value,
                )),
            );
        }
    }
    for (i, goal) in m.goals.iter().enumerate() {
        check_goal(m, i, goal, &mut diags);
    }
    diags
}

fn check_goal(m: &Model, index: usize, goal: &Goal, diags: &mut Vec<Diagnostic>) {
    let level = m.level_of(goal);
    let measured_level = level.is_some_and(|l| l.measured.is_some());
    let indicator = m.measure_of(goal);
    let direction = indicator.and_then(|i| i.direction).map(|d| d.0);
    let is_measured = goal.measure.is_some();

    if let (true, Some(level)) = (measured_level, level) {
        let mut missing = Vec::new();
        if goal.measure.is_none() {
            missing.push(text!("smart-unmeasurable.measure"));
        }
        if goal.target.is_none() {
            missing.push(text!("smart-unmeasurable.target"));
        }
        if goal.rule.is_none() && m.policy.and_then(|p| p.default_rule.as_ref()).is_none() {
            missing.push(text!("smart-unmeasurable.rule"));
        }
        if let Some(missing) = and_list(missing) {
            let mut diag = Diagnostic::new(
                Code::P0401,
                goal.header,
                text!(
                    "smart-unmeasurable",
                    goal = &goal.id.name,
                    level = &level.name.name,
                    missing = missing.clone(),
                ),
            )
            .primary(text!("smart-unmeasurable.primary"))
            .help(text!("smart-unmeasurable.help", missing = missing));
            if let Some(span) = level.measured {
                diag = diag.label(span, text!("smart-unmeasurable.level"));
            }
            diags.push(diag);
        }
    }

    if let Some(target) = &goal.target {
        // At a level assessed by a rollup, the target is ignored altogether (P0208).
        if !is_measured && level.is_none_or(|l| l.assessed_by.is_none()) {
            diags.push(
                Diagnostic::new(
                    Code::P0408,
                    target.span,
                    text!("smart-target-no-measure", goal = &goal.id.name),
                )
                .primary(text!("smart-target-no-measure.primary"))
                .help(text!("smart-target-no-measure.help")),
            );
        }
        match target.year {
            None => diags.push(
                Diagnostic::new(
                    Code::P0402,
                    target.span,
                    text!("smart-no-deadline", goal = &goal.id.name),
                )
                .primary(text!("smart-no-deadline.primary"))
                .help(text!("smart-no-deadline.help")),
            ),
            Some(year) => check_in_period(m, year, "deadline", diags),
        }
        if let TargetValue::Relative(_, span) = target.value {
            if goal.baseline.is_none() {
                diags.push(
                    Diagnostic::new(
                        Code::P0504,
                        span,
                        text!("smart-relative-no-baseline", goal = &goal.id.name),
                    )
                    .primary(text!("smart-relative-no-baseline.primary"))
                    .help(text!("smart-relative-no-baseline.help")),
                );
            }
        }
    }
    for milestone in &goal.milestones {
        if let Some(year) = milestone.year {
            check_in_period(m, year, "milestone", diags);
        }
    }

    // Units: every number the goal gives for its indicator must fit the indicator's unit.
    if let Some(unit) = indicator.and_then(|i| i.unit.as_ref()) {
        let mut numbers: Vec<(Number, &str)> = Vec::new();
        if let Some(b) = &goal.baseline {
            numbers.push((b.value, "baseline"));
        }
        if let Some(Target {
            value: TargetValue::Number(n),
            ..
        }) = &goal.target
        {
            numbers.push((*n, "target"));
        }
        for ms in &goal.milestones {
            numbers.push((ms.value, "milestone"));
        }
        for (number, what) in numbers {
            if let Some(problem) = unit.unit.problem(number.value) {
                diags.push(
                    Diagnostic::new(
                        Code::P0501,
                        number.span,
                        text!(
                            "smart-unit-misfit",
                            what = what,
                            value = number.value,
                            unit = unit.unit.written(),
                            problem = problem.clone(),
                        ),
                    )
                    .primary(problem)
                    .label(unit.span, text!("smart-unit-misfit.unit"))
                    .help(text!("smart-unit-misfit.help")),
                );
            }
        }
    }

    if let Some(indicator) = indicator {
        check_percent_fractions(goal, indicator, diags);
    }

    check_year_order(goal, diags);

    // SMART: ambitious and realistic, given the direction.
    if let (Some(dir), Some(baseline)) = (direction, &goal.baseline) {
        let target_value = match goal.target.as_ref().map(|t| t.value) {
            Some(TargetValue::Number(n)) => Some((n.value, n.span)),
            Some(TargetValue::Relative(f, span)) => {
                let b = baseline.value.value;
                let better = if dir == Direction::Higher {
                    b + b.abs() * f
                } else {
                    b - b.abs() * f
                };
                Some((better, span))
            }
            _ => None,
        };
        if let Some((t, span)) = target_value {
            let b = baseline.value.value;
            let gain = if dir == Direction::Higher {
                t - b
            } else {
                b - t
            };
            if gain <= 0.0 {
                let better = if dir == Direction::Higher {
                    "higher"
                } else {
                    "lower"
                };
                diags.push(
                    Diagnostic::new(
                        Code::P0404,
                        span,
                        text!(
                            "smart-no-improvement",
                            target = t,
                            baseline = b,
                            indicator = indicator.map_or("", |i| i.id.name.as_str()),
                            direction = better,
                        ),
                    )
                    .primary(text!("smart-no-improvement.primary"))
                    .label(baseline.value.span, text!("smart-baseline"))
                    .help(text!("smart-no-improvement.help", direction = better)),
                );
            } else if let (Some(by), Some(from)) = (goal.target.and_then(|t| t.year), baseline.year)
            {
                let years = by.value - from.value;
                // A yearly rate of change means something only for amounts whose zero is
                // "none" (not for a change in per cent, or a value below zero).
                let amount = b > 0.0
                    && t >= 0.0
                    && !indicator
                        .and_then(|i| i.unit.as_ref())
                        .is_some_and(|u| u.unit.kind == crate::unit::UnitKind::PercentChange);
                if years > 0 && amount {
                    let per_year = 1.0 / years as f64;
                    let yearly = if dir == Direction::Higher {
                        (gain / b.abs() + 1.0).powf(per_year) - 1.0
                    } else if t > 0.0 && b > 0.0 {
                        // A reduction: the share by which the value must fall each year.
                        1.0 - (t / b).powf(per_year)
                    } else {
                        // Down to zero (a "vision zero") is a choice, not a slip.
                        0.0
                    };
                    let change = if dir == Direction::Higher {
                        "higher"
                    } else {
                        "lower"
                    };
                    if yearly > PLAUSIBLE_YEARLY_CHANGE {
                        diags.push(
                            Diagnostic::new(
                                Code::P0405,
                                span,
                                text!(
                                    "smart-ambitious",
                                    target = t,
                                    baseline = b,
                                    year = by.value,
                                    direction = change,
                                    percent = (yearly * 100.0).round(),
                                    count = years,
                                ),
                            )
                            .primary(text!("smart-ambitious.primary"))
                            .label(baseline.value.span, text!("smart-baseline"))
                            .help(text!("smart-ambitious.help")),
                        );
                    }
                }
            }
        }
    }

    // The top of the chain (the vision) belongs to the council as a whole.
    let top_level = level.is_some_and(|l| l.under.is_none());
    if goal.owner.is_none() && !top_level {
        let parent_owner = m.parents[index]
            .iter()
            .find_map(|&p| m.goals[p].owner.as_ref());
        let diag = Diagnostic::new(
            Code::P0406,
            goal.header,
            text!("smart-no-owner", goal = &goal.id.name),
        )
        .primary(text!("smart-no-owner.primary"))
        .help(match parent_owner {
            Some(owner) => text!("smart-no-owner.help-parent", owner = &owner.name),
            None => text!("smart-no-owner.help"),
        });
        // No `fix` here: the fix would replace the diagnostic's span (the goal's header); the
        // editor's code action inserts the statement in the block instead (`ide::actions`).
        diags.push(diag);
    }

    if is_measured {
        if let Some(phrase) = VAGUE_MATCHER
            .find(&goal.title.value)
            .map(|found| VAGUE[found.pattern().as_usize()])
        {
            diags.push(
                Diagnostic::new(
                    Code::P0407,
                    goal.title.span,
                    text!("smart-vague", phrase = phrase),
                )
                .primary(text!("smart-vague.primary"))
                .help(text!("smart-vague.help")),
            );
        }
        if m.follow_up_of(goal).is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::P0602,
                    goal.header,
                    text!("smart-no-follow-up", goal = &goal.id.name),
                )
                .primary(text!("smart-no-follow-up.primary"))
                .help(match m.reports.first() {
                    Some(r) => text!("smart-no-follow-up.help-report", report = &r.id.name),
                    None => text!("smart-no-follow-up.help"),
                }),
            );
        }
    }
}

/// P0505: on a percentage indicator, a goal whose numbers are all between 0 and 1 (`baseline
/// 0.78`, `target 0.88`) was probably written as fractions of one, as spreadsheets and Kolada's
/// "andel" in 0–1 show them. A 0 or a 1 alone is no sign: at least one number must lie strictly
/// between them. The fix multiplies every number of the goal by 100.
fn check_percent_fractions(goal: &Goal, indicator: &Indicator, diags: &mut Vec<Diagnostic>) {
    let Some(unit) = indicator
        .unit
        .as_ref()
        .filter(|u| u.unit.kind == crate::unit::UnitKind::Percent)
    else {
        return;
    };
    let mut numbers: Vec<(Number, &str)> = Vec::new();
    if let Some(b) = &goal.baseline {
        numbers.push((b.value, "baseline"));
    }
    if let Some(Target {
        value: TargetValue::Number(n),
        ..
    }) = &goal.target
    {
        numbers.push((*n, "target"));
    }
    for ms in &goal.milestones {
        numbers.push((ms.value, "milestone"));
    }
    let fraction = |n: &Number| n.value > 0.0 && n.value < 1.0;
    if numbers
        .iter()
        .any(|(n, _)| n.grouped || !(0.0..=1.0).contains(&n.value))
        || !numbers.iter().any(|(n, _)| fraction(n))
    {
        return;
    }
    // The target if it is one of the fractions, else the first of them.
    let Some(at) = numbers
        .iter()
        .position(|(n, what)| *what == "target" && fraction(n))
        .or_else(|| numbers.iter().position(|(n, _)| fraction(n)))
    else {
        return;
    };
    let (primary, what) = numbers[at];
    let meant = percent_of_fraction(primary.value);
    let written: Vec<Text> = numbers
        .iter()
        .map(|(n, what)| {
            text!(
                "smart-fraction.written",
                what = *what,
                value = percent_of_fraction(n.value),
            )
        })
        .collect();
    let written = and_list(written).unwrap_or_else(|| text!("checks-nothing"));
    let mut diag = Diagnostic::new(
        Code::P0505,
        primary.span,
        text!(
            "smart-fraction",
            what = what,
            value = primary.value,
            meant = meant.as_str(),
        ),
    )
    .primary(text!("smart-fraction.primary"))
    .label(unit.span, text!("smart-fraction.unit"))
    .help(text!("smart-fraction.help", written = written.clone()))
    .fix(
        if numbers.len() == 1 {
            text!("fix-change-to", to = meant.as_str())
        } else {
            text!("smart-fraction.fix", written = written)
        },
        meant,
    );
    for (i, (n, what)) in numbers.iter().enumerate() {
        if i != at && n.value > 0.0 {
            let percent = percent_of_fraction(n.value);
            diag = diag
                .label(
                    n.span,
                    text!(
                        "smart-fraction.other",
                        what = *what,
                        value = percent.as_str()
                    ),
                )
                .fix_also(n.span, percent);
        }
    }
    diags.push(diag);
}

/// `value` × 100 written by moving the decimal point of its shortest spelling, so `0.78` is
/// `78` (not `78.00000000000001`) and `0.005` is `0.5`. For values from 0 to 1.
fn percent_of_fraction(value: f64) -> String {
    let written = format!("{value}");
    let (int, frac) = written.split_once('.').unwrap_or((&written, ""));
    let frac = format!("{frac:0<2}");
    let whole = format!("{int}{}", &frac[..2]);
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    match frac[2..].trim_end_matches('0') {
        "" => whole.to_string(),
        rest => format!("{whole}.{rest}"),
    }
}

/// `what`: `deadline` (the target's) or `milestone`.
fn check_in_period(m: &Model, year: Year, what: &'static str, diags: &mut Vec<Diagnostic>) {
    let Some(policy) = m.policy else { return };
    let Some(period) = policy.period else { return };
    if year.value < period.from.value || year.value > period.to.value {
        diags.push(
            Diagnostic::new(
                Code::P0403,
                year.span,
                text!(
                    "smart-outside-period",
                    what = what,
                    year = year.value,
                    from = period.from.value,
                    to = period.to.value,
                ),
            )
            .primary(text!("smart-outside-period.primary"))
            .label(period.span, text!("smart-outside-period.period"))
            .help(text!("smart-outside-period.help")),
        );
    }
}

fn check_year_order(goal: &Goal, diags: &mut Vec<Diagnostic>) {
    let baseline_year = goal.baseline.and_then(|b| b.year);
    let target_year = goal.target.and_then(|t| t.year);
    if let (Some(b), Some(t)) = (baseline_year, target_year) {
        if b.value >= t.value {
            diags.push(
                Diagnostic::new(
                    Code::P0503,
                    b.span,
                    text!("smart-baseline-year", baseline = b.value, target = t.value,),
                )
                .primary(text!("smart-baseline-year.primary"))
                .label(t.span, text!("smart-target-year"))
                .help(text!("smart-baseline-year.help")),
            );
        }
    }
    for ms in &goal.milestones {
        let Some(y) = ms.year else { continue };
        let after_baseline = baseline_year.is_none_or(|b| y.value > b.value);
        let before_target = target_year.is_none_or(|t| y.value < t.value);
        if !(after_baseline && before_target) {
            let mut diag = Diagnostic::new(
                Code::P0503,
                y.span,
                text!(
                    "smart-milestone-year",
                    year = y.value,
                    baseline = baseline_year.map_or_else(
                        || text!("checks-nothing"),
                        |b| text!("smart-milestone-year.year", year = b.value),
                    ),
                    target = target_year.map_or_else(
                        || text!("checks-nothing"),
                        |t| text!("smart-milestone-year.year", year = t.value),
                    ),
                ),
            )
            .primary(text!("smart-milestone-year.primary"))
            .help(text!("smart-milestone-year.help"));
            if let Some(t) = target_year {
                diag = diag.label(t.span, text!("smart-target-year"));
            }
            diags.push(diag);
        }
    }
}

/// A number as the checks wrote it before the catalogue (unit.rs and data/ still use it).
pub fn fmt_num(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        let s = format!("{value:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_words<S: AsRef<str>>(words: &[S]) -> String {
    match words {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Code;

    fn policy(indicator: &str, baseline: &str, target: &str) -> String {
        format!(
            r#"policy p "P" {{ period 2024..2027  default rule r }}
body KF "KF"
report annual "År" {{ uses actual  due 12-31  to KF }}
chain {{
  level area "Område"
  level goal "Mål" under area measured
}}
indicator ind "I" {{ {indicator} }}
rule r "R" {{
  green when meets target
  red   otherwise
  grey  when missing
}}
area a "A" {{ owner KF }}
goal g "G" {{
  under a
  owner KF
  measure ind
  baseline {baseline} in 2023
  target {target} by 2027
  follow-up annual
}}
"#
        )
    }

    /// Each vague phrase of Swedish and Danish policies is found in a measured goal's title,
    /// whatever the case of its first letter; a title that states a result is not flagged.
    #[test]
    fn vague_wording_in_swedish_and_danish() {
        let with_title = |title: &str| {
            policy("unit percent  higher is better", "60", "80")
                .replace("goal g \"G\"", &format!("goal g \"{title}\""))
        };
        let vague = |title: &str| {
            crate::analyze_text(std::path::Path::new("s.pejl"), &with_title(title))
                .diagnostics
                .into_iter()
                .any(|d| d.code == Code::P0407)
        };
        for title in [
            "Kommunen ska främja företagandet",
            "Förbättra elevernas resultat",
            "Stärka civilsamhället",
            "Vi ska eftersträva en god miljö",
            "Vi har som ambition att öka nöjdheten",
            "Kommunen vil arbejde på at øge trivslen",
            "Styrke fællesskabet",
            "Understøtte borgernes sundhed",
            "Fokus på læring",
            "Vi vil tilstræbe en høj kvalitet",
        ] {
            assert!(vague(title), "{title}");
        }
        assert!(!vague("Andelen nöjda företagare ska öka till 80 procent"));
    }

    fn hints(text: &str) -> Vec<String> {
        crate::analyze_text(std::path::Path::new("s.pejl"), text)
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::P0405)
            .map(|d| d.message.en())
            .collect()
    }

    /// (message, text under the primary span, labels' texts and messages, fix edits) of P0505.
    type Found = (String, String, Vec<(String, String)>, Vec<(String, String)>);

    fn fractions(text: &str) -> Vec<Found> {
        let analysis = crate::analyze_text(std::path::Path::new("s.pejl"), text);
        let at = |span: crate::span::Span| text[span.start..span.end].to_string();
        analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::P0505)
            .map(|d| {
                let fix = d.fix.as_ref().expect("a fix");
                let edits = std::iter::once((at(d.span), fix.replacement.clone()))
                    .chain(fix.also.iter().map(|(s, r)| (at(*s), r.clone())))
                    .collect();
                let labels = d
                    .labels
                    .iter()
                    .map(|l| (at(l.span), l.message.en()))
                    .collect();
                (d.message.en(), at(d.span), labels, edits)
            })
            .collect()
    }

    /// A percentage goal whose numbers are all fractions of one gets one hint, at the target,
    /// with a fix for every number; 0 and 1 alone, or any number above 1, are no sign.
    #[test]
    fn percentages_written_as_fractions() {
        let percent = "unit percent  higher is better";
        let pair = |s: &str| s.to_string();
        let found = fractions(&policy(percent, "0.78", "0.88"));
        assert_eq!(
            found,
            [(
                pair("the target 0.88 looks like a fraction: did you mean 88?"),
                pair("0.88"),
                vec![
                    (
                        pair("unit percent"),
                        pair("the indicator counts in percent, 0 to 100")
                    ),
                    (pair("0.78"), pair("the baseline: 78?")),
                ],
                vec![(pair("0.88"), pair("88")), (pair("0.78"), pair("78"))],
            )]
        );
        // The fix spells the number as written, moved two places: no binary rounding.
        let text = policy(percent, "0", "0.125").replace(
            "  target 0.125 by 2027\n",
            "  target 0.125 by 2027\n  milestone 0.005 in 2025\n",
        );
        let found = fractions(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].3,
            [(pair("0.125"), pair("12.5")), (pair("0.005"), pair("0.5"))],
            "a baseline of 0 stays 0"
        );
        // A fraction as baseline with a relative target: the hint is at the baseline.
        let found = fractions(&policy(percent, "0.5", "+10%"));
        assert_eq!(
            found[0].0,
            "the baseline 0.5 looks like a fraction: did you mean 50?"
        );
        for (baseline, target) in [
            ("78", "88"),
            ("0.78", "88"),
            ("0", "1"),
            ("1", "1"),
            ("0", "0"),
        ] {
            assert!(
                fractions(&policy(percent, baseline, target)).is_empty(),
                "{baseline} → {target}"
            );
        }
        // Not on another unit: a ratio is a fraction of one.
        assert!(fractions(&policy("unit ratio  higher is better", "0.78", "0.88")).is_empty());
    }

    /// Steep reductions are flagged like steep improvements (a thousands dot typed into a
    /// target, `75.000` read as 75, is the usual cause); a target of zero is a choice.
    #[test]
    fn implausible_change_in_both_directions() {
        let lower = "unit count  lower is better";
        assert_eq!(
            hints(&policy(lower, "5200", "40")),
            ["reaching 40 from 5200 in 2027 needs a reduction of 70 % a year for 4 years"]
        );
        assert!(hints(&policy(lower, "5200", "4000")).is_empty());
        assert!(hints(&policy(lower, "5200", "0")).is_empty());
        let higher = "unit count  higher is better";
        assert_eq!(
            hints(&policy(higher, "2", "99")),
            ["reaching 99 from 2 in 2027 needs an improvement of 165 % a year for 4 years"]
        );
    }
}
