//! The goal chain: levels (P0207, P0206), goal links (P0201–P0205) and goals measured at a level
//! assessed by a rollup (P0208).

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Arg;
use crate::model::{Kind, Model};
use crate::syntax::ast::{Cardinality, Goal, Ident, Level};
use crate::text;

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
                    text!(
                        "chain-repeated-number",
                        goal = &goal.id.name,
                        number = key,
                        earlier = &earlier.id.name,
                    ),
                )
                .primary(text!("chain-repeated-number.primary"))
                .label(
                    earlier.number.as_deref().map_or(earlier.header, |n| n.span),
                    text!(
                        "chain-repeated-number.earlier",
                        earlier = &earlier.id.name,
                        number = key,
                    ),
                )
                .help(text!("chain-repeated-number.help")),
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
                    text!(
                        "chain-no-chain",
                        goal = &goal.id.name,
                        level = &goal.level.name,
                    ),
                )
                .primary(text!("chain-no-chain.primary"))
                .help(text!("chain-no-chain.help")),
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
                    text!("chain-unused-level", level = &level.name.name),
                )
                .primary(text!("chain-unused-level.primary"))
                .help(text!("chain-unused-level.help", level = &level.name.name)),
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
                            text!(
                                "chain-top-level-under",
                                goal = &goal.id.name,
                                level = &level.name.name,
                            ),
                        )
                        .primary(text!("chain-top-level-under.primary"))
                        .label(goal.level.span, text!("chain-top-level-under.top"))
                        .help(text!("chain-top-level-under.help")),
                    );
                }
            }
            Some(expected) => {
                if goal.under.is_empty() {
                    diags.push(
                        Diagnostic::new(
                            Code::P0204,
                            goal.header,
                            text!(
                                "chain-no-parent",
                                goal = &goal.id.name,
                                level = &level.name.name,
                                expected = &expected.name,
                            ),
                        )
                        .primary(text!("chain-no-parent.primary"))
                        .help(text!("chain-no-parent.help", expected = &expected.name)),
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
                                text!(
                                    "chain-wrong-parent-level",
                                    goal = &goal.id.name,
                                    level = &level.name.name,
                                    expected = &expected.name,
                                    parent = &parent.name,
                                    parent_level = &parent_goal.level.name,
                                ),
                            )
                            .primary(text!(
                                "chain-wrong-parent-level.primary",
                                expected = &expected.name
                            ))
                            .label(
                                goal.level.span,
                                text!("chain-wrong-parent-level.this", level = &level.name.name),
                            )
                            .label(
                                parent_goal.level.span,
                                text!(
                                    "chain-wrong-parent-level.parent",
                                    parent = &parent.name,
                                    parent_level = &parent_goal.level.name,
                                ),
                            )
                            .help(text!(
                                "chain-wrong-parent-level.help",
                                expected = &expected.name
                            )),
                        );
                    }
                }
                let cardinality = level.cardinality.map_or(Cardinality::AtLeastOne, |c| c.0);
                if cardinality == Cardinality::ExactlyOne && goal.under.len() > 1 {
                    let mut diag = Diagnostic::new(
                        Code::P0202,
                        goal.under[1].span,
                        text!(
                            "chain-parents",
                            goal = &goal.id.name,
                            count = goal.under.len(),
                            level = &level.name.name,
                        ),
                    )
                    .primary(text!("chain-parents.primary"))
                    .label(goal.under[0].span, text!("chain-parents.first"))
                    .help(text!("chain-parents.help"));
                    if let Some((_, span)) = level.cardinality {
                        diag = diag.label(span, text!("chain-parents.level"));
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
                    text!("chain-no-children", goal = &goal.id.name),
                )
                .primary(text!("chain-no-children.primary"))
                .help(text!("chain-no-children.help", goal = &goal.id.name)),
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
        own.push((measure.span, "measure"));
    }
    if let Some(target) = &goal.target {
        own.push((target.span, "target"));
    }
    if let Some(rule) = &goal.rule {
        own.push((rule.span, "rule"));
    }
    let &(span, _) = own.first()?;
    let (has, ignored) = match (&goal.measure, &goal.rule) {
        (Some(measure), _) => (
            text!(
                "chain-assessed-measured.measured-by",
                indicator = &measure.name
            ),
            "measure",
        ),
        (None, _) if goal.target.is_some() => {
            (text!("chain-assessed-measured.own-target"), "target")
        }
        (None, Some(rule)) => (
            text!("chain-assessed-measured.own-rule", rule = &rule.name),
            "rule",
        ),
        (None, None) => return None,
    };
    let words: Vec<String> = own.iter().map(|&(_, word)| word.to_string()).collect();
    let lines = text!(
        "chain-assessed-measured.lines",
        count = words.len(),
        words = Arg::AndList(words),
    );
    let mut diag = Diagnostic::new(
        Code::P0208,
        span,
        text!(
            "chain-assessed-measured",
            goal = &goal.id.name,
            has = has,
            level = &level.name.name,
            rollup = &rollup.name,
            ignored = ignored,
        ),
    )
    .primary(text!(
        "chain-assessed-measured.primary",
        rollup = &rollup.name
    ))
    .label(
        rollup.span,
        text!("chain-assessed-measured.rollup", level = &level.name.name),
    );
    for &(other, word) in &own[1..] {
        diag = diag.label(other, text!("chain-assessed-measured.too", what = word));
    }
    if let Some(measured) = level.measured {
        diag = diag
            .label(measured, text!("chain-assessed-measured.measured"))
            .help(text!(
                "chain-assessed-measured.help-both",
                level = &level.name.name,
                lines = lines,
            ));
    } else {
        diag = diag.help(match &goal.measure {
            Some(measure) => text!(
                "chain-assessed-measured.help-indicators",
                lines = lines,
                indicator = &measure.name,
            ),
            None => text!("chain-assessed-measured.help", lines = lines),
        });
    }
    Some(diag)
}

fn cycle_diag(m: &Model, cycle: &[usize]) -> Diagnostic {
    let first = m.goals[cycle[0]];
    // "`b`, which is under `c`, which is under `a`": from the end of the circle, back to `a`.
    let mut rest = text!("chain-cycle.last", goal = &first.id.name);
    for &g in cycle[1..].iter().rev() {
        rest = text!("chain-cycle.link", goal = &m.goals[g].id.name, rest = rest);
    }
    let mut diag = Diagnostic::new(
        Code::P0203,
        first.id.span,
        text!("chain-cycle", goal = &first.id.name, rest = rest),
    )
    .primary(text!("chain-cycle.primary"))
    .help(text!("chain-cycle.help"));
    for &g in &cycle[1..] {
        diag = diag.label(m.goals[g].id.span, text!("chain-cycle.part"));
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
            text!(
                "chain-two-tops",
                first = &tops[0].name.name,
                second = &tops[1].name.name,
            ),
        )
        .primary(text!("chain-two-tops.primary"))
        .label(tops[0].name.span, text!("chain-two-tops.first"))
        .help(text!("chain-two-tops.help", second = &tops[1].name.name));
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
                text!(
                    "chain-unknown-level",
                    level = &level.name.name,
                    under = &under.name,
                ),
            )
            .primary(text!("chain-unknown-level.primary"))
            .help(
                crate::diagnostic::did_you_mean(&close)
                    .unwrap_or_else(|| text!("chain-unknown-level.help")),
            );
            if let Some(best) = close.first() {
                diag = diag.fix(text!("fix-change-to", to = best), best.clone());
            }
            diags.push(diag);
        } else if under.name == level.name.name {
            diags.push(
                Diagnostic::new(
                    Code::P0207,
                    under.span,
                    text!("chain-level-under-itself", level = &level.name.name),
                )
                .primary(text!("chain-level-under-itself.primary"))
                .help(text!("chain-level-under-itself.help")),
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
                            text!("chain-level-cycle", levels = names.join(", ")),
                        )
                        .primary(text!("chain-level-cycle.primary"))
                        .help(text!("chain-level-cycle.help")),
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
    Diagnostic::new(Code::P0110, span, text!("chain-no-policy"))
        .primary(text!("chain-no-policy.primary"))
        .help(text!("chain-no-policy.help"))
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
