//! The goal chain: levels (P0207, P0206), goal links (P0201–P0205) and goals measured at a level
//! assessed by a rollup (P0208).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Kind, Model};
use crate::syntax::ast::{Cardinality, Goal, Ident, Level};

/// P0111: two goals with the same number (`number "1.1"`): a council cites goals by number, so
/// each must name one goal.
fn repeated_numbers(m: &Model, diags: &mut Vec<Diagnostic>) {
    let mut first: rustc_hash::FxHashMap<&str, &crate::syntax::ast::Goal> = Default::default();
    for goal in &m.goals {
        let Some(number) = goal.number.as_deref() else {
            continue;
        };
        let key = number.value.trim();
        if key.is_empty() {
            continue;
        }
        match first.get(key) {
            Some(earlier) => diags.push(
                Diagnostic::new(
                    Code::P0111,
                    number.span,
                    format!(
                        "goal `{}` has the number {key}, which goal `{}` already has",
                        goal.id.name, earlier.id.name
                    ),
                )
                .primary("the same number again")
                .label(
                    earlier.number.as_deref().map_or(earlier.header, |n| n.span),
                    format!("`{}` is number {key}", earlier.id.name),
                )
                .help("give each goal the number the decision document gives it; two goals cannot share one"),
            ),
            None => {
                first.insert(key, goal);
            }
        }
    }
}

pub fn check(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if m.policy.is_none() {
        diags.push(no_policy(m));
    }
    repeated_numbers(m, &mut diags);
    let Some(chain) = m.chain else {
        if let Some(goal) = m.goals.first() {
            diags.push(
                Diagnostic::new(
                    Code::P0104,
                    goal.level.span,
                    format!(
                        "goal `{}` is declared at level `{}`, but the policy has no `chain` declaring any levels",
                        goal.id.name, goal.level.name
                    ),
                )
                .primary("no chain declares this level")
                .help("add a `chain { level … }` declaration listing the levels of the goal chain, top first"),
            );
        }
        return diags;
    };
    check_levels(m, &mut diags);

    // P0206: levels no goal uses.
    for level in &chain.levels {
        if !m.goals.iter().any(|g| g.level.name == level.name.name) {
            diags.push(
                Diagnostic::new(
                    Code::P0206,
                    level.name.span,
                    format!("level `{}` is declared in the chain, but no goal uses it", level.name.name),
                )
                .primary("unused level")
                .help(format!(
                    "add goals written `{} ID \"title\" {{ … }}`, or remove the level from the chain",
                    level.name.name
                )),
            );
        }
    }

    for (i, goal) in m.goals.iter().enumerate() {
        let Some(level) = m.level_of(goal) else {
            continue;
        };
        match &level.under {
            None => {
                if let Some(first) = goal.under.first() {
                    diags.push(
                        Diagnostic::new(
                            Code::P0201,
                            first.span,
                            format!(
                                "goal `{}` is at the top level `{}`, which has no level above it, so it cannot be under another goal",
                                goal.id.name, level.name.name
                            ),
                        )
                        .primary("the top level links to nothing")
                        .label(goal.level.span, "top level")
                        .help("remove the `under` statement, or declare the goal at a lower level"),
                    );
                }
            }
            Some(expected) => {
                if goal.under.is_empty() {
                    diags.push(
                        Diagnostic::new(
                            Code::P0204,
                            goal.header,
                            format!(
                                "goal `{}` is at level `{}` but is not linked to any goal of level `{}`",
                                goal.id.name, level.name.name, expected.name
                            ),
                        )
                        .primary("no `under`")
                        .help(format!(
                            "add `under ID` naming the {} goal this goal serves",
                            expected.name
                        )),
                    );
                }
                // An unknown level above is P0207 already; its goals' links cannot be judged.
                let known_level = m.levels.contains_key(expected.name.as_str());
                for parent in goal.under.iter().filter(|_| known_level) {
                    let Some((Kind::Goal, p)) = m.lookup(&parent.name) else {
                        continue;
                    };
                    let parent_goal = m.goals[p];
                    if parent_goal.level.name != expected.name {
                        diags.push(
                            Diagnostic::new(
                                Code::P0201,
                                parent.span,
                                format!(
                                    "goal `{}` is at level `{}`, which links to level `{}`, but `{}` is at level `{}`",
                                    goal.id.name,
                                    level.name.name,
                                    expected.name,
                                    parent.name,
                                    parent_goal.level.name
                                ),
                            )
                            .primary(format!("expected a goal of level `{}`", expected.name))
                            .label(goal.level.span, format!("this goal is at level `{}`", level.name.name))
                            .label(parent_goal.level.span, format!("`{}` is at level `{}`", parent.name, parent_goal.level.name))
                            .help(format!("link to a goal of level `{}`", expected.name)),
                        );
                    }
                }
                let cardinality = level.cardinality.map_or(Cardinality::AtLeastOne, |c| c.0);
                if cardinality == Cardinality::ExactlyOne && goal.under.len() > 1 {
                    let mut diag = Diagnostic::new(
                        Code::P0202,
                        goal.under[1].span,
                        format!(
                            "goal `{}` has {} parents, but every goal at level `{}` must have exactly one",
                            goal.id.name,
                            goal.under.len(),
                            level.name.name
                        ),
                    )
                    .primary("second parent")
                    .label(goal.under[0].span, "first parent")
                    .help("keep one parent; a goal that serves several goals belongs at a level declared `at least one parent`");
                    if let Some((_, span)) = level.cardinality {
                        diag = diag.label(span, "the level requires exactly one parent");
                    }
                    diags.push(diag);
                }
            }
        }
        if let Some(rollup) = &level.assessed_by {
            if let Some(diag) = measured_and_assessed(goal, level, rollup) {
                diags.push(diag);
            }
        }
        if level.assessed_by.is_some() && m.children[i].is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::P0205,
                    goal.header,
                    format!(
                        "goal `{}` is assessed from the goals under it, but no goal is under it, so it can never be assessed",
                        goal.id.name
                    ),
                )
                .primary("no goals under this one")
                .help(format!("add goals with `under {}`, or remove this goal", goal.id.name)),
            );
        }
    }

    // P0203: a goal that is its own ancestor. Each cycle is reported once, at its first goal.
    let mut state = vec![0u8; m.goals.len()]; // 0 new, 1 on the stack, 2 done
    for start in 0..m.goals.len() {
        if state[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        state[start] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&parent) = m.parents[node].get(*next) {
                *next += 1;
                match state[parent] {
                    0 => {
                        state[parent] = 1;
                        stack.push((parent, 0));
                    }
                    1 => {
                        let from = stack.iter().position(|&(n, _)| n == parent).unwrap_or(0);
                        let cycle: Vec<usize> = stack[from..].iter().map(|&(n, _)| n).collect();
                        diags.push(cycle_diag(m, &cycle));
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    diags
}

/// P0208: a goal at a level `assessed by` a rollup that also has its own `measure`, `target` or
/// `rule`. The rollup decides its status (`ir.rs`, `eval.rs`), so its own would be ignored.
fn measured_and_assessed(goal: &Goal, level: &Level, rollup: &Ident) -> Option<Diagnostic> {
    let mut own = Vec::new();
    if let Some(measure) = &goal.measure {
        own.push((measure.span, "`measure`"));
    }
    if let Some(target) = &goal.target {
        own.push((target.span, "`target`"));
    }
    if let Some(rule) = &goal.rule {
        own.push((rule.span, "`rule`"));
    }
    let &(span, _) = own.first()?;
    let (has, ignored) = match (&goal.measure, &goal.rule) {
        (Some(measure), _) => (format!("is measured by `{}`", measure.name), "measure"),
        (None, _) if goal.target.is_some() => ("has its own target".to_string(), "target"),
        (None, Some(rule)) => (format!("has its own rule `{}`", rule.name), "rule"),
        (None, None) => return None,
    };
    let words: Vec<&str> = own.iter().map(|&(_, word)| word).collect();
    let lines = match words.as_slice() {
        [one] => format!("the {one} line"),
        _ => format!("the {} lines", super::smart::join_words(&words)),
    };
    let show = match &goal.measure {
        Some(measure) => format!("; to show the indicator with the goal without it giving a status, write `indicators {}`", measure.name),
        None => String::new(),
    };
    let mut diag = Diagnostic::new(
        Code::P0208,
        span,
        format!(
            "goal `{}` {has}, but its level `{}` is assessed by rollup `{}` from its children: its own {ignored} would be ignored",
            goal.id.name, level.name.name, rollup.name
        ),
    )
    .primary(format!("ignored: the rollup `{}` decides", rollup.name))
    .label(
        rollup.span,
        format!("level `{}` is assessed by this rollup", level.name.name),
    );
    for &(other, word) in &own[1..] {
        diag = diag.label(
            other,
            format!("this {} is ignored too", word.trim_matches('`')),
        );
    }
    if let Some(measured) = level.measured {
        diag = diag
            .label(measured, "the level is also declared `measured`")
            .help(format!(
                "a level is either `measured` (its goals have their own measure, target and rule) or `assessed by` a rollup from its children, not both: remove one of the two from level `{}`; or remove {lines} from the goal",
                level.name.name
            ));
    } else {
        diag = diag.help(format!(
            "remove {lines} from the goal, or move the goal to a measured level{show}"
        ));
    }
    Some(diag)
}

fn cycle_diag(m: &Model, cycle: &[usize]) -> Diagnostic {
    let first = m.goals[cycle[0]];
    let mut names: Vec<String> = cycle
        .iter()
        .map(|&g| format!("`{}`", m.goals[g].id.name))
        .collect();
    names.push(names[0].clone());
    let mut diag = Diagnostic::new(
        Code::P0203,
        first.id.span,
        format!(
            "the goal chain goes round in a circle: {} is under {}",
            names[0],
            names[1..].join(", which is under ")
        ),
    )
    .primary("this goal is (indirectly) under itself")
    .help("goals link upwards towards the vision; remove one of the `under` links in the circle");
    for &g in &cycle[1..] {
        diag = diag.label(m.goals[g].id.span, "part of the circle");
    }
    diag
}

fn check_levels(m: &Model, diags: &mut Vec<Diagnostic>) {
    let Some(chain) = m.chain else { return };
    let tops: Vec<_> = chain.levels.iter().filter(|l| l.under.is_none()).collect();
    if tops.len() > 1 {
        let mut diag = Diagnostic::new(
            Code::P0207,
            tops[1].name.span,
            format!(
                "the chain has two top levels, `{}` and `{}`; only the first level may leave out `under`",
                tops[0].name.name, tops[1].name.name
            ),
        )
        .primary("second top level")
        .label(tops[0].name.span, "first top level")
        .help(format!("add `under LEVEL` to `{}`", tops[1].name.name));
        diag.fix = None;
        diags.push(diag);
    }
    for level in &chain.levels {
        let Some(under) = &level.under else { continue };
        if !m.levels.contains_key(under.name.as_str()) {
            let close = crate::diagnostic::suggestions(&under.name, m.levels.keys().copied());
            let mut diag = Diagnostic::new(
                Code::P0207,
                under.span,
                format!(
                    "level `{}` is under `{}`, which is not a level of the chain",
                    level.name.name, under.name
                ),
            )
            .primary("unknown level")
            .help(
                crate::diagnostic::did_you_mean(&close)
                    .unwrap_or_else(|| "name a level declared in this chain".into()),
            );
            if let Some(best) = close.first() {
                diag = diag.fix(format!("Change to `{best}`"), best.clone());
            }
            diags.push(diag);
        } else if under.name == level.name.name {
            diags.push(
                Diagnostic::new(
                    Code::P0207,
                    under.span,
                    format!("level `{}` is under itself", level.name.name),
                )
                .primary("a level cannot be under itself")
                .help("name the level above this one"),
            );
        }
    }
    // Cycles among levels: follow `under` from each level.
    let mut reported = Vec::new();
    for (i, level) in chain.levels.iter().enumerate() {
        let mut seen = vec![i];
        let mut current = level;
        while let Some(next) = current
            .under
            .as_ref()
            .and_then(|u| m.levels.get(u.name.as_str()))
        {
            if *next == i && seen.len() > 1 {
                let mut members = seen.clone();
                members.sort();
                if !reported.contains(&members) {
                    reported.push(members);
                    let names: Vec<String> = seen
                        .iter()
                        .map(|&l| format!("`{}`", chain.levels[l].name.name))
                        .collect();
                    diags.push(
                        Diagnostic::new(
                            Code::P0207,
                            level.name.span,
                            format!(
                                "the chain's levels go round in a circle: {}",
                                names.join(", ")
                            ),
                        )
                        .primary("this level is (indirectly) under itself")
                        .help("levels go from the top (no `under`) downwards; break the circle"),
                    );
                }
                break;
            }
            if seen.contains(next) {
                break;
            }
            seen.push(*next);
            current = &chain.levels[*next];
        }
    }
}

/// P0110: the checked file, with what it includes, declares no `policy` (an empty file, or a file
/// meant to be included that nothing includes).
fn no_policy(m: &Model) -> Diagnostic {
    let first = [
        m.chain.map(|c| c.span),
        m.bodies.first().map(|b| b.span),
        m.indicators.first().map(|i| i.span),
        m.goals.first().map(|g| g.header),
    ]
    .into_iter()
    .flatten()
    .filter(|s| s.file == crate::FileId(0))
    .min_by_key(|s| s.start);
    let span = first.unwrap_or(crate::Span::new(crate::FileId(0), 0, 0));
    Diagnostic::new(
        Code::P0110,
        span,
        "this file declares no policy: it has no `policy` declaration, and nothing it includes has one",
    )
    .primary("no `policy` above this")
    .help("start the file with `policy ID \"title\" { period 2024..2027 }`; a file meant to be included is checked as part of the file that includes it — check that one instead (`pejl new` starts a policy from an example)")
}

#[cfg(test)]
mod tests {
    use crate::Code;

    /// A policy whose strategic level is assessed by a rollup; `strategic` is the body of the
    /// strategic goal, `flags` what follows `assessed by majority` on its level.
    fn policy(strategic: &str, flags: &str) -> String {
        format!(
            r#"policy p "P" {{ period 2024..2027  default rule r }}
body KF "Kommunfullmäktige"
report annual "Årsredovisning" {{ uses actual  due 12-31  to KF }}
chain {{
  level area        "Målområde"
  level strategic   "Strategiskt mål" under area assessed by majority{flags}
  level operational "Verksamhetsmål"  under strategic measured
}}
indicator nki_foretag "Företagsklimat, NKI" {{ unit index  higher is better }}
rule r "Regel" {{
  green when meets target
  red   otherwise
  grey  when missing
}}
rollup majority "Majoritet" {{
  grey   when all grey
  green  when share green >= 50%
  red    otherwise
}}
area a "Område" {{ owner KF }}
strategic naringsliv "Gott näringslivsklimat i Dorotea" {{
  under a
  owner KF
{strategic}
}}
operational nki "Företagarnas nöjdhet ska öka" {{
  under naringsliv
  owner KF
  measure nki_foretag
  baseline 68 in 2022
  target 75 by 2026
  follow-up annual
}}
"#
        )
    }

    fn p0208(text: &str) -> Vec<(String, &str, Vec<&str>, String)> {
        let analysis = crate::analyze_text(std::path::Path::new("p.pejl"), text);
        let others: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.code != Code::P0208)
            .map(|d| (d.code, d.message.en()))
            .collect();
        assert!(others.is_empty(), "{others:?}");
        analysis
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.message.en(),
                    &text[d.span.start..d.span.end],
                    d.labels
                        .iter()
                        .map(|l| &text[l.span.start..l.span.end])
                        .collect(),
                    d.help_en().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn measured_goal_at_an_assessed_level() {
        let text = policy(
            "  measure nki_foretag\n  target 75 by 2026\n  follow-up annual",
            "",
        );
        let found = p0208(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        let (message, primary, labels, help) = &found[0];
        assert_eq!(
            message,
            "goal `naringsliv` is measured by `nki_foretag`, but its level `strategic` is assessed by rollup `majority` from its children: its own measure would be ignored"
        );
        assert_eq!(*primary, "nki_foretag");
        let analysis = crate::analyze_text(std::path::Path::new("p.pejl"), &text);
        let d = &analysis.diagnostics[0];
        let measure = text.find("  measure nki_foretag\n  target").unwrap() + "  measure ".len();
        assert_eq!(
            (d.span.start, d.span.end),
            (measure, measure + "nki_foretag".len())
        );
        let rollup = text.find("majority\n").unwrap();
        assert_eq!(
            (d.labels[0].span.start, d.labels[0].span.end),
            (rollup, rollup + "majority".len())
        );
        assert_eq!(labels, &["majority", "target 75 by 2026"]);
        assert_eq!(
            help,
            "remove the `measure` and `target` lines from the goal, or move the goal to a measured level; to show the indicator with the goal without it giving a status, write `indicators nki_foretag`"
        );
    }

    #[test]
    fn own_target_or_rule_at_an_assessed_level() {
        let text = policy("  target 75 by 2026", "");
        let found = p0208(&text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].0,
            "goal `naringsliv` has its own target, but its level `strategic` is assessed by rollup `majority` from its children: its own target would be ignored"
        );
        assert_eq!(found[0].1, "target 75 by 2026");
        assert_eq!(
            found[0].3,
            "remove the `target` line from the goal, or move the goal to a measured level"
        );
        let text = policy("  rule r", "");
        let found = p0208(&text);
        assert_eq!(
            found[0].0,
            "goal `naringsliv` has its own rule `r`, but its level `strategic` is assessed by rollup `majority` from its children: its own rule would be ignored"
        );
        assert_eq!(found[0].1, "r");
    }

    #[test]
    fn indicators_at_an_assessed_level_are_fine() {
        assert!(p0208(&policy("  indicators nki_foretag", "")).is_empty());
    }

    #[test]
    fn a_level_both_measured_and_assessed() {
        let text = policy(
            "  measure nki_foretag\n  target 75 by 2026\n  follow-up annual",
            "  measured",
        );
        let analysis = crate::analyze_text(std::path::Path::new("p.pejl"), &text);
        let d = analysis
            .diagnostics
            .iter()
            .find(|d| d.code == Code::P0208)
            .expect("P0208");
        assert!(d
            .labels
            .iter()
            .any(|l| &text[l.span.start..l.span.end] == "measured"
                && l.message == "the level is also declared `measured`"));
        assert!(d
            .help_en()
            .as_deref()
            .is_some_and(|h| h.starts_with("a level is either `measured`")));
    }
}
