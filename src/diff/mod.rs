//! `pejl diff OLD NEW`: what a new version of a policy changes, in meaning.
//!
//! Both versions are analysed and compiled ([`crate::ir::compile`]); the compiled forms are
//! compared declaration by declaration and goal by goal, so layout, comments, the order of
//! declarations and how the policy is split into files are not differences. Goals are paired
//! by ID, then a removed and an added goal with the same title, level and parents are one goal
//! renamed ([`match_goals`]).
//!
//! What a change does to statuses is worked out by the one interpreter: for each goal, its
//! old and new compiled rule ([`crate::ir::compile_rule`], as `pejl build` emits it) are run by
//! [`crate::interpret::decide`] on the witness points of both rules' thresholds together
//! ([`crate::checks::rules::joint_witnesses`], the rule analysis' own sweep), so every cell of
//! the arrangement is visited and the ranges whose status changes are found exactly
//! ([`effects`]). Rollups likewise, on every combination of child statuses. With data, each
//! past report is evaluated by both versions ([`statuses`]).
//!
//! Modules: [`source`] reads the versions (files, folders, `git:REV:PATH`), [`effects`] the
//! value ranges, [`statuses`] the past statuses, [`render`] the human and Markdown text.

pub mod effects;
pub mod render;
pub mod source;
pub mod statuses;

use crate::ir::{BandOut, Compiled, GoalOut, IndicatorOut, RollupCondition, RuleCondition};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

pub use effects::{Outcome, RangeChange, RollupEffect, ValueEffect};
pub use source::{load, Version};
pub use statuses::{PastStatuses, StatusChange};

/// What `pejl diff` found (`pejl schema --diff` prints its JSON Schema).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Diff {
    /// Always "pejl-diff/1".
    pub format: String,
    /// The old version, as given (a file, a folder or `git:REV:PATH`).
    pub old: String,
    /// The new version, as given.
    pub new: String,
    /// True when the two versions mean the same: nothing below is a difference.
    pub same: bool,
    /// One entry per policy (a folder may hold several), paired by policy ID (else by file).
    pub policies: Vec<PolicyDiff>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PolicyDiff {
    /// The policy's ID (of the new version, else the old).
    pub policy: Option<String>,
    /// The root file of the old version's policy; absent when the policy is new.
    pub old_file: Option<String>,
    /// The root file of the new version's policy; absent when it was removed.
    pub new_file: Option<String>,
    /// Changes to the policy itself and to declarations other than goals.
    pub declarations: Vec<DeclChange>,
    /// Goals added, removed, renamed, moved or changed, in the new version's order (removed
    /// goals last).
    pub goals: Vec<GoalChange>,
    /// What changed rollups do to goals assessed by them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rollup_effects: Vec<RollupEffect>,
    /// With `--data`: the past statuses the new version changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statuses: Option<PastStatuses>,
    /// Remarks that are not differences ("rule `x` is written differently but gives every goal
    /// the same statuses").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl PolicyDiff {
    /// Whether anything in this policy differs.
    pub fn differs(&self) -> bool {
        self.old_file.is_none()
            || self.new_file.is_none()
            || !self.declarations.is_empty()
            || !self.goals.is_empty()
            || !self.rollup_effects.is_empty()
            || self
                .statuses
                .as_ref()
                .is_some_and(|s| !s.changes.is_empty())
    }
}

/// How a declaration or goal differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    /// A goal with another ID but the same title, level and parents.
    Renamed,
    Changed,
}

/// One statement of a declaration or goal that differs, as pejl text (`75 by 2026`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FieldChange {
    /// `target`, `baseline`, `milestones`, `owner`, `parents`, `band 2`, …
    pub field: String,
    /// Absent: the old version does not have it.
    pub old: Option<String>,
    /// Absent: the new version does not have it.
    pub new: Option<String>,
}

/// A declaration other than a goal that differs.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DeclChange {
    /// policy, body, value, scale, level, indicator, report, activity, rule or rollup.
    pub kind: String,
    /// Its ID (a level's or status's name; the policy's ID).
    pub id: String,
    pub title: Option<String>,
    pub change: Change,
    pub fields: Vec<FieldChange>,
    /// For rules and rollups: the goals that use it, in either version (new IDs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub used_by: Vec<String>,
}

/// A goal that differs.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct GoalChange {
    /// The goal's ID (new, or old when removed).
    pub id: String,
    /// The old ID when it was renamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_id: Option<String>,
    pub title: String,
    pub level: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub change: Change,
    /// The statements that differ (`parents` when it moved).
    pub fields: Vec<FieldChange>,
    /// What the change of its rule, target, baseline, milestones or indicator does to the
    /// statuses its values get.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<ValueEffect>,
}

/// What [`diff`] reads for the past statuses (`--data`).
pub struct DataInput<'a> {
    pub files: &'a [std::path::PathBuf],
    pub options: &'a crate::data::LoadOptions,
}

/// Compares two versions (each without errors: check [`Version`]'s analyses first).
/// `Err`: the data cannot be read (a usage error), or a data file has errors (returned as
/// diagnostics to show, with their sources).
pub fn diff(
    old: &Version,
    new: &Version,
    data: Option<&DataInput>,
) -> Result<Diff, statuses::DataError> {
    let mut policies = Vec::new();
    let new_keys: HashMap<&str, usize> = new
        .policies
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.as_str(), i))
        .collect();
    let old_keys: HashMap<&str, usize> = old
        .policies
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.as_str(), i))
        .collect();
    // Pairs in the new version's order, then policies only the old version has. A single
    // file on each side is one pair whatever its ID.
    let single = old.policies.len() == 1 && new.policies.len() == 1;
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    for (i, (k, _)) in new.policies.iter().enumerate() {
        let o = if single {
            Some(0)
        } else {
            old_keys.get(k.as_str()).copied()
        };
        pairs.push((o, Some(i)));
    }
    if !single {
        for (i, (k, _)) in old.policies.iter().enumerate() {
            if !new_keys.contains_key(k.as_str()) {
                pairs.push((Some(i), None));
            }
        }
    }
    for (o, n) in pairs {
        let old_policy = o.map(|i| &old.policies[i].1);
        let new_policy = n.map(|i| &new.policies[i].1);
        let old_c = old_policy.map(crate::ir::compile);
        let new_c = new_policy.map(crate::ir::compile);
        let file = |a: Option<&crate::Analysis>| a.map(|a| a.sources.files[0].display_path());
        let mut pd = PolicyDiff {
            policy: new_c
                .as_ref()
                .or(old_c.as_ref())
                .and_then(|c| c.policy.as_ref())
                .map(|p| p.id.clone()),
            old_file: file(old_policy),
            new_file: file(new_policy),
            declarations: Vec::new(),
            goals: Vec::new(),
            rollup_effects: Vec::new(),
            statuses: None,
            notes: Vec::new(),
        };
        if let (Some(oc), Some(nc), Some(oa), Some(na)) = (&old_c, &new_c, old_policy, new_policy) {
            compare(oc, nc, &mut pd);
            if let Some(data) = data {
                pd.statuses = Some(statuses::past_statuses(
                    (oa, oc),
                    (na, nc),
                    &match_goals(oc, nc),
                    data,
                )?);
            }
        }
        policies.push(pd);
    }
    let same = !policies.iter().any(PolicyDiff::differs);
    Ok(Diff {
        format: "pejl-diff/1".into(),
        old: old.label.clone(),
        new: new.label.clone(),
        same,
        policies,
    })
}

/// The JSON Schema of [`Diff`] (`pejl schema --diff`).
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Diff)).unwrap_or_default()
}

/// Goal pairs (old index, new index): by ID, then renamed goals — a removed and an added goal
/// with the same title, level and parents (parents compared through the pairs found, so a
/// renamed goal's children still have the same parents). Unpaired goals are added or removed.
pub fn match_goals(old: &Compiled, new: &Compiled) -> GoalPairs {
    let new_index: HashMap<&str, usize> = new
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    let mut old_to_new: Vec<Option<usize>> = old
        .goals
        .iter()
        .map(|g| new_index.get(g.id.as_str()).copied())
        .collect();
    let mut new_to_old: Vec<Option<usize>> = vec![None; new.goals.len()];
    for (o, n) in old_to_new.iter().enumerate() {
        if let Some(n) = n {
            new_to_old[*n] = Some(o);
        }
    }
    let mut renamed = vec![false; new.goals.len()];
    // Parents first: each round pairs the goals whose parents are paired already. Unpaired
    // goals are looked up by (title, level, parents as new IDs), so a round is linear.
    let old_ids: HashMap<&str, usize> = old
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    loop {
        let mapped_parents = |g: &GoalOut| -> Vec<String> {
            g.parents
                .iter()
                .map(
                    |p| match old_ids.get(p.as_str()).and_then(|&o| old_to_new[o]) {
                        Some(n) => new.goals[n].id.clone(),
                        None => format!("\u{0}{p}"), // an unpaired old parent matches nothing new
                    },
                )
                .collect()
        };
        type Place<'a> = (&'a str, &'a str, Vec<String>);
        let mut old_places: HashMap<Place, Vec<usize>> = HashMap::new();
        for (o, g) in old.goals.iter().enumerate() {
            if old_to_new[o].is_none() {
                old_places
                    .entry((g.title.as_str(), g.level.as_str(), mapped_parents(g)))
                    .or_default()
                    .push(o);
            }
        }
        let mut new_places: HashMap<Place, Vec<usize>> = HashMap::new();
        for (n, g) in new.goals.iter().enumerate() {
            if new_to_old[n].is_none() {
                new_places
                    .entry((g.title.as_str(), g.level.as_str(), g.parents.clone()))
                    .or_default()
                    .push(n);
            }
        }
        let mut found = false;
        for (place, news) in &new_places {
            // The pairing must be unique both ways.
            if let (Some([o]), [n]) = (old_places.get(place).map(Vec::as_slice), news.as_slice()) {
                old_to_new[*o] = Some(*n);
                new_to_old[*n] = Some(*o);
                renamed[*n] = true;
                found = true;
            }
        }
        if !found {
            break;
        }
    }
    GoalPairs {
        old_to_new,
        new_to_old,
        renamed,
    }
}

/// The goals of two versions paired ([`match_goals`]), by index into each `goals`.
#[derive(Debug, Clone)]
pub struct GoalPairs {
    pub old_to_new: Vec<Option<usize>>,
    pub new_to_old: Vec<Option<usize>>,
    /// Per new goal: paired with an old goal of another ID.
    pub renamed: Vec<bool>,
}

fn compare(old: &Compiled, new: &Compiled, out: &mut PolicyDiff) {
    let pairs = match_goals(old, new);
    compare_policy(old, new, &mut out.declarations);
    compare_scale(old, new, &mut out.declarations);
    compare_levels(old, new, &mut out.declarations);
    by_id(
        "body",
        &old.bodies,
        &new.bodies,
        |b| &b.id,
        |b| Some(b.name.clone()),
        |b| {
            vec![
                ("name", Some(quoted(&b.name))),
                ("parent", b.parent.as_deref().map(code)),
                ("kind", b.kind.clone()),
            ]
        },
        &mut out.declarations,
    );
    by_id(
        "value",
        &old.values,
        &new.values,
        |v| &v.id,
        |v| Some(v.name.clone()),
        |v| {
            vec![
                ("name", Some(quoted(&v.name))),
                ("text", v.text.as_deref().map(quoted)),
            ]
        },
        &mut out.declarations,
    );
    by_id(
        "indicator",
        &old.indicators,
        &new.indicators,
        |i| &i.id,
        |i| Some(i.title.clone()),
        indicator_fields,
        &mut out.declarations,
    );
    by_id(
        "report",
        &old.reports,
        &new.reports,
        |r| &r.id,
        |r| Some(r.name.clone()),
        |r| {
            vec![
                ("name", Some(quoted(&r.name))),
                ("uses", r.uses.clone()),
                ("due", r.due.clone()),
                ("to", r.to.as_deref().map(code)),
            ]
        },
        &mut out.declarations,
    );
    // An old activity's goal by its new ID, so that a renamed goal does not change its activities.
    let renamed_goal: HashMap<&str, &str> = pairs
        .old_to_new
        .iter()
        .enumerate()
        .filter_map(|(o, n)| Some((old.goals[o].id.as_str(), new.goals[(*n)?].id.as_str())))
        .collect();
    let old_range = old.activities.as_ptr_range();
    by_id(
        "activity",
        &old.activities,
        &new.activities,
        |a| &a.id,
        |a| Some(a.title.clone()),
        |a| {
            let goal = match a.goal.as_deref() {
                Some(g) if old_range.contains(&std::ptr::from_ref(a)) => {
                    Some(renamed_goal.get(g).copied().unwrap_or(g))
                }
                other => other,
            };
            vec![
                ("title", Some(quoted(&a.title))),
                ("under", goal.map(code)),
                ("owner", a.owner.as_deref().map(code)),
                ("shared with", list(&a.shared_with)),
                ("start", a.start.clone()),
                ("deadline", a.deadline.clone()),
                ("budget", a.budget.as_ref().map(|b| b.amount.to_string())),
            ]
        },
        &mut out.declarations,
    );

    // Goals, with what their changes do to their statuses.
    let old_goal_id = |o: usize| old.goals[o].id.as_str();
    let titles = Titles {
        old: old
            .goals
            .iter()
            .map(|g| (g.id.as_str(), g.title.as_str()))
            .collect(),
        new: new
            .goals
            .iter()
            .map(|g| (g.id.as_str(), g.title.as_str()))
            .collect(),
    };
    let old_index: HashMap<&str, usize> = old
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    let new_id_of_old = |id: &str| -> String {
        old_index
            .get(id)
            .and_then(|&o| pairs.old_to_new[o])
            .map_or_else(|| id.to_string(), |n| new.goals[n].id.clone())
    };
    let (old_indexed, new_indexed) = (effects::Indexed::new(old), effects::Indexed::new(new));
    let mut effects_by_rule: BTreeMap<(Option<String>, Option<String>), bool> = BTreeMap::new();
    for (n, ng) in new.goals.iter().enumerate() {
        let Some(o) = pairs.new_to_old[n] else {
            out.goals
                .push(goal_change(ng, Change::Added, None, Vec::new(), None));
            continue;
        };
        let og = &old.goals[o];
        let fields = goal_fields(og, ng, &titles, &new_id_of_old);
        let effect = effects::value_effect(&old_indexed, og, &new_indexed, ng);
        if og.evaluation.is_some() && ng.evaluation.is_some() {
            let changed = effect
                .as_ref()
                .is_some_and(|e| !e.periods.is_empty() || !e.complete);
            *effects_by_rule
                .entry((og.rule.clone(), ng.rule.clone()))
                .or_default() |= changed;
        }
        let effect = effect.filter(|e| !e.periods.is_empty() || !e.complete);
        let renamed = pairs.renamed[n];
        if fields.is_empty() && effect.is_none() && !renamed {
            continue;
        }
        out.goals.push(goal_change(
            ng,
            if renamed {
                Change::Renamed
            } else {
                Change::Changed
            },
            renamed.then(|| old_goal_id(o).to_string()),
            fields,
            effect,
        ));
    }
    for (o, og) in old.goals.iter().enumerate() {
        if pairs.old_to_new[o].is_none() {
            out.goals
                .push(goal_change(og, Change::Removed, None, Vec::new(), None));
        }
    }

    compare_rules(old, new, &pairs, &effects_by_rule, out);
    compare_rollups(old, new, &pairs, out);
}

fn goal_change(
    g: &GoalOut,
    change: Change,
    old_id: Option<String>,
    fields: Vec<FieldChange>,
    effect: Option<ValueEffect>,
) -> GoalChange {
    GoalChange {
        id: g.id.clone(),
        old_id,
        title: g.title.clone(),
        level: g.level.clone(),
        number: g.number.clone(),
        change,
        fields,
        effect,
    }
}

/// `name` in backticks: an ID as the policy writes it.
fn code(id: &str) -> String {
    format!("`{id}`")
}

/// Text in quotes as pejl writes it, on one line (`\"`, `\\` and `\n` inside).
fn quoted(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n");
    format!("\"{escaped}\"")
}

fn list(ids: &[String]) -> Option<String> {
    (!ids.is_empty()).then(|| ids.iter().map(|i| code(i)).collect::<Vec<_>>().join(", "))
}

/// A number as pejl writes it, without the noise of binary fractions (0.9 × 100 is 90).
pub fn num(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        let text = format!("{rounded:.9}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn push_fields(
    old: &[(&str, Option<String>)],
    new: &[(&str, Option<String>)],
    out: &mut Vec<FieldChange>,
) {
    for ((field, o), (_, n)) in old.iter().zip(new) {
        if o != n {
            out.push(FieldChange {
                field: field.to_string(),
                old: o.clone(),
                new: n.clone(),
            });
        }
    }
}

/// Declarations of one kind paired by ID: added, removed, or changed in the fields `fields`
/// gives (pairs of a field's name and its text).
fn by_id<T>(
    kind: &str,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &String,
    title: impl Fn(&T) -> Option<String>,
    fields: impl Fn(&T) -> Vec<(&'static str, Option<String>)>,
    out: &mut Vec<DeclChange>,
) {
    let old_by: HashMap<&str, &T> = old.iter().map(|x| (id(x).as_str(), x)).collect();
    let new_ids: std::collections::HashSet<&str> = new.iter().map(|x| id(x).as_str()).collect();
    for n in new {
        let change = match old_by.get(id(n).as_str()) {
            None => DeclChange {
                kind: kind.into(),
                id: id(n).clone(),
                title: title(n),
                change: Change::Added,
                fields: Vec::new(),
                used_by: Vec::new(),
            },
            Some(o) => {
                let mut changed = Vec::new();
                push_fields(&fields(o), &fields(n), &mut changed);
                if changed.is_empty() {
                    continue;
                }
                DeclChange {
                    kind: kind.into(),
                    id: id(n).clone(),
                    title: title(n),
                    change: Change::Changed,
                    fields: changed,
                    used_by: Vec::new(),
                }
            }
        };
        out.push(change);
    }
    for o in old {
        if !new_ids.contains(id(o).as_str()) {
            out.push(DeclChange {
                kind: kind.into(),
                id: id(o).clone(),
                title: title(o),
                change: Change::Removed,
                fields: Vec::new(),
                used_by: Vec::new(),
            });
        }
    }
}

fn compare_policy(old: &Compiled, new: &Compiled, out: &mut Vec<DeclChange>) {
    let fields = |c: &Compiled| -> Vec<(&'static str, Option<String>)> {
        let Some(p) = &c.policy else {
            return vec![("policy", None)];
        };
        let decision = |date: &str, by: &Option<String>, reference: &Option<String>| {
            let mut text = date.to_string();
            if let Some(by) = by {
                text.push_str(&format!(" by {}", code(by)));
            }
            if let Some(r) = reference {
                text.push_str(&format!(" ref {}", quoted(r)));
            }
            text
        };
        vec![
            ("policy", Some(code(&p.id))),
            ("title", Some(quoted(&p.title))),
            ("version", p.version.as_deref().map(quoted)),
            ("status", p.status.clone()),
            (
                "adopted",
                p.adopted
                    .as_deref()
                    .map(|d| decision(d, &p.adopted_by, &p.reference)),
            ),
            (
                "revised",
                (!p.revisions.is_empty()).then(|| {
                    p.revisions
                        .iter()
                        .map(|r| decision(&r.date, &r.by, &r.reference))
                        .collect::<Vec<_>>()
                        .join("; ")
                }),
            ),
            (
                "period",
                p.period.as_ref().map(|p| format!("{}..{}", p.from, p.to)),
            ),
            ("language", p.language.clone()),
            ("default rule", p.default_rule.as_deref().map(code)),
        ]
    };
    let mut changed = Vec::new();
    push_fields(&fields(old), &fields(new), &mut changed);
    if !changed.is_empty() {
        let p = new.policy.as_ref().or(old.policy.as_ref());
        out.push(DeclChange {
            kind: "policy".into(),
            id: p.map_or_else(String::new, |p| p.id.clone()),
            title: p.map(|p| p.title.clone()),
            change: Change::Changed,
            fields: changed,
            used_by: Vec::new(),
        });
    }
}

fn compare_scale(old: &Compiled, new: &Compiled, out: &mut Vec<DeclChange>) {
    let text = |c: &Compiled| {
        c.scale
            .iter()
            .map(|s| {
                format!(
                    "{} {}{}",
                    s.name,
                    quoted(&s.label),
                    if s.not_assessable {
                        " not assessable"
                    } else {
                        ""
                    }
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (o, n) = (text(old), text(new));
    if o != n {
        out.push(DeclChange {
            kind: "scale".into(),
            id: "scale".into(),
            title: None,
            change: Change::Changed,
            fields: vec![FieldChange {
                field: "statuses, best first".into(),
                old: Some(o),
                new: Some(n),
            }],
            used_by: Vec::new(),
        });
    }
}

fn compare_levels(old: &Compiled, new: &Compiled, out: &mut Vec<DeclChange>) {
    let order = |c: &Compiled| {
        c.levels
            .iter()
            .map(|l| l.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    by_id(
        "level",
        &old.levels,
        &new.levels,
        |l| &l.name,
        |l| Some(l.title.clone()),
        |l| {
            vec![
                ("title", Some(quoted(&l.title))),
                ("under", l.under.clone()),
                ("parents", Some(l.parents.replace('-', " ") + " parent")),
                (
                    "measured",
                    Some(if l.measured { "yes" } else { "no" }.into()),
                ),
                ("assessed by", l.assessed_by.as_deref().map(code)),
            ]
        },
        out,
    );
    let (o, n) = (order(old), order(new));
    let same_names = {
        let mut a: Vec<&String> = old.levels.iter().map(|l| &l.name).collect();
        let mut b: Vec<&String> = new.levels.iter().map(|l| &l.name).collect();
        a.sort();
        b.sort();
        a == b
    };
    if o != n && same_names {
        out.push(DeclChange {
            kind: "level".into(),
            id: "chain".into(),
            title: None,
            change: Change::Changed,
            fields: vec![FieldChange {
                field: "order of the levels, top first".into(),
                old: Some(o),
                new: Some(n),
            }],
            used_by: Vec::new(),
        });
    }
}

fn indicator_fields(i: &IndicatorOut) -> Vec<(&'static str, Option<String>)> {
    // As the policy writes it, with the bounds it gives (not the kind's own).
    let unit = i.unit().map(|u| {
        let mut text = u.written();
        if let Some(min) = u.min {
            text.push_str(&format!(" min {}", num(min)));
        }
        if let Some(max) = u.max {
            text.push_str(&format!(" max {}", num(max)));
        }
        text
    });
    let benchmarks = (!i.benchmarks.is_empty()).then(|| {
        i.benchmarks
            .iter()
            .map(|b| {
                let mut text = b.kind.clone();
                if let Some(d) = &b.description {
                    text.push_str(&format!(" {}", quoted(d)));
                }
                if let Some(k) = &b.kolada {
                    text.push_str(&format!(" kolada {}", quoted(k)));
                }
                if let Some(w) = &b.weighting {
                    text.push_str(&format!(" {w}"));
                }
                text
            })
            .collect::<Vec<_>>()
            .join("; ")
    });
    vec![
        ("title", Some(quoted(&i.title))),
        (
            "source",
            i.source_kind.as_ref().map(|k| match &i.source_id {
                Some(id) => format!("{k} {}", quoted(id)),
                None => k.clone(),
            }),
        ),
        ("unit", unit),
        (
            "direction",
            i.direction.map(|d| {
                match d {
                    crate::syntax::ast::Direction::Higher => "higher is better",
                    crate::syntax::ast::Direction::Lower => "lower is better",
                }
                .to_string()
            }),
        ),
        ("benchmarks", benchmarks),
        ("frequency", i.frequency.clone()),
    ]
}

/// `75 by 2026`, `benchmark national by 2027`, `+50% (18) by 2027`.
pub fn target_text(t: &crate::ir::TargetOut) -> String {
    let value = if t.benchmark {
        match &t.benchmark_kind {
            Some(k) => format!("benchmark {k}"),
            None => "benchmark".into(),
        }
    } else if let Some(r) = t.relative {
        let sign = if r >= 0.0 { "+" } else { "" };
        match t.value {
            Some(v) => format!("{sign}{}% ({})", num(r * 100.0), num(v)),
            None => format!("{sign}{}%", num(r * 100.0)),
        }
    } else {
        t.value.map_or_else(String::new, num)
    };
    match (&t.date, t.year) {
        (Some(d), _) => format!("{value} by {d}"),
        (None, Some(y)) => format!("{value} by {y}"),
        (None, None) => value,
    }
}

fn in_year(n: &crate::ir::NumberInYear) -> String {
    match n.year {
        Some(y) => format!("{} in {y}", num(n.value)),
        None => num(n.value),
    }
}

/// Goal titles by ID, in each version.
struct Titles<'a> {
    old: HashMap<&'a str, &'a str>,
    new: HashMap<&'a str, &'a str>,
}

fn goal_fields(
    og: &GoalOut,
    ng: &GoalOut,
    titles: &Titles,
    new_id_of_old: &dyn Fn(&str) -> String,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let parents_old: Vec<String> = og.parents.iter().map(|p| new_id_of_old(p)).collect();
    if parents_old != ng.parents {
        // Each parent by its (new) ID and title.
        let titled = |ids: &mut dyn Iterator<Item = (&String, Option<&&str>)>| -> Option<String> {
            let parts: Vec<String> = ids
                .map(|(id, title)| match title {
                    Some(t) => format!("{} {}", code(id), quoted(t)),
                    None => code(id),
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        };
        out.push(FieldChange {
            field: "parents".into(),
            old: titled(
                &mut parents_old.iter().zip(&og.parents).map(|(id, old_id)| {
                    (
                        id,
                        titles
                            .new
                            .get(id.as_str())
                            .or_else(|| titles.old.get(old_id.as_str())),
                    )
                }),
            ),
            new: titled(
                &mut ng
                    .parents
                    .iter()
                    .map(|id| (id, titles.new.get(id.as_str()))),
            ),
        });
    }
    let fields = |g: &GoalOut| -> Vec<(&'static str, Option<String>)> {
        let mut owners = g.owner.iter().cloned().collect::<Vec<_>>();
        owners.extend(g.shared_with.iter().cloned());
        vec![
            ("level", Some(code(&g.level))),
            ("title", Some(quoted(&g.title))),
            ("number", g.number.as_deref().map(quoted)),
            ("text", g.text.as_deref().map(quoted)),
            ("kind", g.kind.clone()),
            ("owner", list(&owners)),
            ("measure", g.measure.as_deref().map(code)),
            ("indicators", list(&g.indicators)),
            ("baseline", g.baseline.as_ref().map(in_year)),
            ("target", g.target.as_ref().map(target_text)),
            (
                "milestones",
                (!g.milestones.is_empty()).then(|| {
                    g.milestones
                        .iter()
                        .map(in_year)
                        .collect::<Vec<_>>()
                        .join(", ")
                }),
            ),
            ("rule", g.rule.as_deref().map(code)),
            ("assessed by", g.assessed_by.as_deref().map(code)),
            ("follow-up", list(&g.follow_up)),
            ("values", list(&g.values)),
            ("target-group", g.target_group.as_deref().map(quoted)),
        ]
    };
    push_fields(&fields(og), &fields(ng), &mut out);
    out
}

/// A compiled rule condition as pejl writes it (`within 10% of benchmark national`).
pub fn rule_condition_text(c: &RuleCondition) -> String {
    let joined = |items: &[RuleCondition], word: &str| {
        items
            .iter()
            .map(|i| match i {
                RuleCondition::And(_) | RuleCondition::Or(_) => {
                    format!("({})", rule_condition_text(i))
                }
                _ => rule_condition_text(i),
            })
            .collect::<Vec<_>>()
            .join(word)
    };
    match c {
        RuleCondition::And(items) => joined(items, " and "),
        RuleCondition::Or(items) => joined(items, " or "),
        RuleCondition::Not(inner) => match **inner {
            RuleCondition::And(_) | RuleCondition::Or(_) => {
                format!("not ({})", rule_condition_text(inner))
            }
            _ => format!("not {}", rule_condition_text(inner)),
        },
        RuleCondition::Missing => "missing".into(),
        RuleCondition::Value { op, number } => format!("value {} {}", op.symbol(), num(*number)),
        RuleCondition::Relative {
            relation,
            reference,
            number,
            within,
            points,
            benchmark,
        } => {
            let reference = match (reference.as_str(), number, benchmark) {
                ("number", Some(n), _) => num(*n),
                ("benchmark", _, Some(kind)) => format!("benchmark {kind}"),
                (r, _, _) => r.to_string(),
            };
            match (relation.as_str(), within, points) {
                ("within", Some(w), _) => format!("within {}% of {reference}", num(w * 100.0)),
                ("within", None, Some(p)) => format!("within {} points of {reference}", num(*p)),
                ("better_than", _, _) => format!("better than {reference}"),
                ("worse_than", _, _) => format!("worse than {reference}"),
                (relation, _, _) => format!("{relation} {reference}"),
            }
        }
    }
}

/// A compiled rollup condition as pejl writes it (`all grey`, `share green >= 50%`).
pub fn rollup_condition_text(c: &RollupCondition) -> String {
    use crate::syntax::ast::CmpOp;
    let joined = |items: &[RollupCondition], word: &str| {
        items
            .iter()
            .map(|i| match i {
                RollupCondition::And(_) | RollupCondition::Or(_) => {
                    format!("({})", rollup_condition_text(i))
                }
                _ => rollup_condition_text(i),
            })
            .collect::<Vec<_>>()
            .join(word)
    };
    match c {
        RollupCondition::And(items) => joined(items, " and "),
        RollupCondition::Or(items) => joined(items, " or "),
        RollupCondition::Not(inner) => format!("not ({})", rollup_condition_text(inner)),
        RollupCondition::Share {
            status,
            op: CmpOp::Eq,
            fraction,
        } if *fraction == 1.0 => format!("all {status}"),
        RollupCondition::Count {
            status,
            op: CmpOp::Ge,
            number,
        } if *number == 1.0 => format!("any {status}"),
        RollupCondition::Count {
            status,
            op: CmpOp::Eq,
            number,
        } if *number == 0.0 => format!("no {status}"),
        RollupCondition::Share {
            status,
            op,
            fraction,
        } => format!("share {status} {} {}%", op.symbol(), num(fraction * 100.0)),
        RollupCondition::Count { status, op, number } => {
            format!("count {status} {} {}", op.symbol(), num(*number))
        }
    }
}

fn band_text<C>(b: &BandOut<C>, condition: impl Fn(&C) -> String) -> String {
    let mut text = match &b.when {
        Some(c) => format!("{} when {}", b.status, condition(c)),
        None => format!("{} otherwise", b.status),
    };
    if b.requires_motivation {
        text.push_str(" requires motivation");
    }
    text
}

/// The bands of two versions of a rule or rollup: changed, added and removed bands (by their
/// text, in order), and changed wordings.
fn band_fields<C>(
    old: &[BandOut<C>],
    new: &[BandOut<C>],
    condition: impl Fn(&C) -> String,
) -> (Vec<FieldChange>, Vec<FieldChange>) {
    let o: Vec<String> = old.iter().map(|b| band_text(b, &condition)).collect();
    let n: Vec<String> = new.iter().map(|b| band_text(b, &condition)).collect();
    let mut bands = Vec::new();
    // The longest common subsequence pairs the bands that stayed.
    let (lo, ln) = (o.len(), n.len());
    let mut lcs = vec![vec![0usize; ln + 1]; lo + 1];
    for i in (0..lo).rev() {
        for j in (0..ln).rev() {
            lcs[i][j] = if o[i] == n[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut pending_old: Vec<usize> = Vec::new();
    let mut pending_new: Vec<usize> = Vec::new();
    let flush = |po: &mut Vec<usize>, pn: &mut Vec<usize>, bands: &mut Vec<FieldChange>| {
        // Bands replaced in place read as "band 2: a → b".
        let common = po.len().min(pn.len());
        for k in 0..common {
            bands.push(FieldChange {
                field: format!("band {}", pn[k] + 1),
                old: Some(o[po[k]].clone()),
                new: Some(n[pn[k]].clone()),
            });
        }
        for &x in &po[common..] {
            bands.push(FieldChange {
                field: format!("band {} (old)", x + 1),
                old: Some(o[x].clone()),
                new: None,
            });
        }
        for &y in &pn[common..] {
            bands.push(FieldChange {
                field: format!("band {}", y + 1),
                old: None,
                new: Some(n[y].clone()),
            });
        }
        po.clear();
        pn.clear();
    };
    while i < lo || j < ln {
        if i < lo && j < ln && o[i] == n[j] {
            flush(&mut pending_old, &mut pending_new, &mut bands);
            kept.push((i, j));
            i += 1;
            j += 1;
        } else if j < ln && (i == lo || lcs[i][j + 1] >= lcs[i + 1][j]) {
            pending_new.push(j);
            j += 1;
        } else {
            pending_old.push(i);
            i += 1;
        }
    }
    flush(&mut pending_old, &mut pending_new, &mut bands);
    // Wordings of the bands that stayed.
    let mut wordings = Vec::new();
    for (i, j) in kept {
        let (ol, nl) = (&old[i].labels, &new[j].labels);
        let reports: std::collections::BTreeSet<&String> = ol.keys().chain(nl.keys()).collect();
        for r in reports {
            if ol.get(r) != nl.get(r) {
                wordings.push(FieldChange {
                    field: format!("wording of band {} ({}) in `{r}`", j + 1, new[j].status),
                    old: ol.get(r).map(|t| quoted(t)),
                    new: nl.get(r).map(|t| quoted(t)),
                });
            }
        }
    }
    (bands, wordings)
}

/// Adds the IDs of `more` that `ids` does not hold, in order.
fn merge_ids(ids: &mut Vec<String>, more: Vec<String>) {
    let known: std::collections::HashSet<String> = ids.iter().cloned().collect();
    ids.extend(more.into_iter().filter(|id| !known.contains(id)));
}

fn users(c: &Compiled, pairs: &GoalPairs, old: bool, new: &Compiled, rule: &str) -> Vec<String> {
    c.goals
        .iter()
        .enumerate()
        .filter(|(_, g)| g.evaluation.is_some() && g.rule.as_deref() == Some(rule))
        .map(|(i, g)| {
            if old {
                pairs.old_to_new[i].map_or_else(|| g.id.clone(), |n| new.goals[n].id.clone())
            } else {
                g.id.clone()
            }
        })
        .collect()
}

fn compare_rules(
    old: &Compiled,
    new: &Compiled,
    pairs: &GoalPairs,
    effects_by_rule: &BTreeMap<(Option<String>, Option<String>), bool>,
    out: &mut PolicyDiff,
) {
    let old_by: HashMap<&str, &crate::ir::RuleOut> =
        old.rules.iter().map(|r| (r.id.as_str(), r)).collect();
    for nr in &new.rules {
        let Some(or) = old_by.get(nr.id.as_str()) else {
            out.declarations.push(DeclChange {
                kind: "rule".into(),
                id: nr.id.clone(),
                title: nr.title.clone(),
                change: Change::Added,
                fields: Vec::new(),
                used_by: users(new, pairs, false, new, &nr.id),
            });
            continue;
        };
        let (bands, wordings) = band_fields(&or.bands, &nr.bands, rule_condition_text);
        let mut fields = Vec::new();
        if or.title != nr.title {
            fields.push(FieldChange {
                field: "title".into(),
                old: or.title.as_deref().map(quoted),
                new: nr.title.as_deref().map(quoted),
            });
        }
        let mut used_by = users(new, pairs, false, new, &nr.id);
        merge_ids(&mut used_by, users(old, pairs, true, new, &or.id));
        if !bands.is_empty() {
            // Bands written differently that give every goal using the rule the same
            // statuses are no difference in meaning; a rule no goal uses is judged as written.
            let key = (Some(or.id.clone()), Some(nr.id.clone()));
            let matters = used_by.is_empty() || effects_by_rule.get(&key).copied().unwrap_or(true);
            if matters {
                fields.extend(bands);
            } else {
                out.notes.push(format!(
                    "rule `{}` is written differently, but it gives every goal that uses it the same status for every value",
                    nr.id
                ));
            }
        }
        fields.extend(wordings);
        if !fields.is_empty() {
            out.declarations.push(DeclChange {
                kind: "rule".into(),
                id: nr.id.clone(),
                title: nr.title.clone(),
                change: Change::Changed,
                fields,
                used_by,
            });
        }
    }
    for or in &old.rules {
        if !new.rules.iter().any(|r| r.id == or.id) {
            out.declarations.push(DeclChange {
                kind: "rule".into(),
                id: or.id.clone(),
                title: or.title.clone(),
                change: Change::Removed,
                fields: Vec::new(),
                used_by: users(old, pairs, true, new, &or.id),
            });
        }
    }
}

fn compare_rollups(old: &Compiled, new: &Compiled, pairs: &GoalPairs, out: &mut PolicyDiff) {
    let rollup_users = |c: &Compiled, id: &str, is_old: bool| -> Vec<String> {
        c.goals
            .iter()
            .enumerate()
            .filter(|(_, g)| g.assessed_by.as_deref() == Some(id))
            .map(|(i, g)| {
                if is_old {
                    pairs.old_to_new[i].map_or_else(|| g.id.clone(), |n| new.goals[n].id.clone())
                } else {
                    g.id.clone()
                }
            })
            .collect()
    };
    // Only rollups that give some combination another status differ in meaning.
    let (effective, equivalent): (Vec<_>, Vec<_>) = effects::rollup_effects(old, new, pairs)
        .into_iter()
        .partition(|e| !e.changes.is_empty() || !e.complete);
    out.rollup_effects = effective;
    for nr in &new.rollups {
        let Some(or) = old.rollups.iter().find(|r| r.id == nr.id) else {
            out.declarations.push(DeclChange {
                kind: "rollup".into(),
                id: nr.id.clone(),
                title: nr.title.clone(),
                change: Change::Added,
                fields: Vec::new(),
                used_by: rollup_users(new, &nr.id, false),
            });
            continue;
        };
        let (bands, wordings) = band_fields(&or.bands, &nr.bands, rollup_condition_text);
        let mut fields = Vec::new();
        if or.title != nr.title {
            fields.push(FieldChange {
                field: "title".into(),
                old: or.title.as_deref().map(quoted),
                new: nr.title.as_deref().map(quoted),
            });
        }
        let mut used_by = rollup_users(new, &nr.id, false);
        merge_ids(&mut used_by, rollup_users(old, &or.id, true));
        if !bands.is_empty() {
            let same_pair = |e: &&RollupEffect| {
                e.rollup_old.as_deref() == Some(&or.id) && e.rollup_new.as_deref() == Some(&nr.id)
            };
            let matters = used_by.is_empty()
                || out.rollup_effects.iter().any(|e| same_pair(&e))
                || !equivalent.iter().any(|e| same_pair(&e));
            if matters {
                fields.extend(bands);
            } else {
                let most = equivalent
                    .iter()
                    .filter(same_pair)
                    .flat_map(|e| e.goals.iter().map(|g| g.children))
                    .max()
                    .unwrap_or(0);
                out.notes.push(format!(
                    "rollup `{}` is written differently, but it gives every goal assessed by it the same status for every combination of its children's statuses (up to {most} child{}, the most such a goal has)",
                    nr.id,
                    if most == 1 { "" } else { "ren" }
                ));
            }
        }
        fields.extend(wordings);
        if !fields.is_empty() {
            out.declarations.push(DeclChange {
                kind: "rollup".into(),
                id: nr.id.clone(),
                title: nr.title.clone(),
                change: Change::Changed,
                fields,
                used_by,
            });
        }
    }
    for or in &old.rollups {
        if !new.rollups.iter().any(|r| r.id == or.id) {
            out.declarations.push(DeclChange {
                kind: "rollup".into(),
                id: or.id.clone(),
                title: or.title.clone(),
                change: Change::Removed,
                fields: Vec::new(),
                used_by: rollup_users(old, &or.id, true),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn compiled(text: &str) -> Compiled {
        let analysis = crate::analyze_text(Path::new("t.pejl"), text);
        assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
        crate::ir::compile(&analysis)
    }

    const POLICY: &str = r#"policy p "P" { period 2024..2027 }
body KF "KF"
chain {
  level area "Område"
  level goal "Mål" under area
}
area AREA "Område A" { owner KF }
goal GOAL "Mål G" { under AREA  owner KF }
goal TWIN1 "Tvilling" { under AREA  owner KF }
goal TWIN2 "Tvilling" { under AREA  owner KF }
"#;

    /// A goal and its parent renamed together are both renamed (the parent first, then the
    /// child under it); two goals of the same title and place are not guessed at.
    #[test]
    fn renames_follow_renamed_parents_and_are_never_guessed() {
        let old = compiled(&POLICY.replace("AREA", "a").replace("GOAL", "g"));
        let new = compiled(
            &POLICY
                .replace("AREA", "b")
                .replace("GOAL", "h")
                .replace("TWIN1", "twin3")
                .replace("TWIN2", "twin4"),
        );
        let pairs = match_goals(&old, &new);
        let id = |c: &Compiled, i: usize| c.goals[i].id.clone();
        let paired: Vec<(String, String)> = pairs
            .new_to_old
            .iter()
            .enumerate()
            .filter_map(|(n, o)| o.map(|o| (id(&old, o), id(&new, n))))
            .collect();
        assert_eq!(
            paired,
            [("a".to_string(), "b".to_string()), ("g".into(), "h".into())]
        );
        let mut d = PolicyDiff {
            policy: None,
            old_file: Some(String::new()),
            new_file: Some(String::new()),
            declarations: Vec::new(),
            goals: Vec::new(),
            rollup_effects: Vec::new(),
            statuses: None,
            notes: Vec::new(),
        };
        compare(&old, &new, &mut d);
        let changes: Vec<(String, Change)> =
            d.goals.iter().map(|g| (g.id.clone(), g.change)).collect();
        assert_eq!(
            changes,
            [
                ("b".to_string(), Change::Renamed),
                ("h".into(), Change::Renamed),
                ("twin3".into(), Change::Added),
                ("twin4".into(), Change::Added),
                ("TWIN1".into(), Change::Removed),
                ("TWIN2".into(), Change::Removed),
            ]
        );
        // `h` is under the renamed `b`, as `g` was under `a`: not moved.
        assert!(d.goals[1].fields.is_empty(), "{:?}", d.goals[1].fields);
    }
}
