//! The compiled output (`pejl build`, `"format": "pejl/1"`): every declaration resolved,
//! goals linked both ways with their path to the top, and each measured goal's rule
//! resolved into plain comparisons (direction, target and baseline filled in) so a
//! reporting tool can evaluate it without re-implementing pejl. Deterministic: same
//! input, byte-identical output.

use crate::model::Kind;
use crate::syntax::ast::{self, Atom, CmpOp, Cond, Direction, Reference, TargetValue};
use crate::unit::UnitKind;
use crate::Analysis;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize, JsonSchema)]
pub struct Compiled {
    /// Always "pejl/1".
    pub format: String,
    /// The policy's files, the root first.
    pub files: Vec<String>,
    pub policy: Option<PolicyOut>,
    /// Statuses, best first.
    pub scale: Vec<StatusOut>,
    /// Chain levels, top first.
    pub levels: Vec<LevelOut>,
    pub bodies: Vec<BodyOut>,
    pub values: Vec<ValueOut>,
    pub indicators: Vec<IndicatorOut>,
    pub reports: Vec<ReportOut>,
    pub rules: Vec<RuleOut>,
    pub rollups: Vec<RollupOut>,
    /// Goals in source order.
    pub goals: Vec<GoalOut>,
    /// Activities (`activity`) in source order: the lowest step of the goal chain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<ActivityOut>,
}

/// An `activity`: what is done for one goal, by whom and by when. Its progress comes from the
/// data (see docs/reports.md).
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActivityOut {
    pub id: String,
    pub title: String,
    /// The goal the activity serves (a goal ID).
    pub goal: Option<String>,
    /// The body that answers for the activity.
    pub owner: Option<String>,
    /// The other bodies that share it (`owner KS, BUN`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_with: Vec<String>,
    /// ISO date, e.g. "2024-01-15".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// ISO date, e.g. "2026-06-30".
    pub deadline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<BudgetOut>,
    pub location: Location,
}

/// `budget 250000 kr`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BudgetOut {
    /// In whole kronor (kroner).
    pub amount: u64,
    /// "SEK" or "DKK": from the word (`kronor`, `kroner`), else the policy's country or language.
    pub currency: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PolicyOut {
    pub id: String,
    pub title: String,
    /// ISO date, e.g. "2023-12-04".
    pub adopted: Option<String>,
    pub adopted_by: Option<String>,
    pub reference: Option<String>,
    /// `version "1.1"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// "draft" or "adopted", as the policy says (`status draft`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Each `revised` decision, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<DecisionOut>,
    pub period: Option<PeriodOut>,
    /// "sv", "da" or "en".
    pub language: Option<String>,
    /// "se" or "dk": whose law the reports follow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub default_rule: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct CoversOut {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct DecisionOut {
    /// ISO date, e.g. "2025-03-12".
    pub date: String,
    pub by: Option<String>,
    pub reference: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct PeriodOut {
    pub from: i32,
    pub to: i32,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct StatusOut {
    pub name: String,
    pub label: String,
    pub not_assessable: bool,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct LevelOut {
    pub name: String,
    pub title: String,
    pub under: Option<String>,
    /// "exactly-one" or "at-least-one".
    pub parents: String,
    pub measured: bool,
    pub assessed_by: Option<String>,
    /// `followed up in interim, annual`: every goal of the level is followed up in these reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followed_up_in: Vec<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct BodyOut {
    pub id: String,
    pub name: String,
    pub parent: Option<String>,
    pub kind: Option<String>,
    pub location: Location,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ValueOut {
    pub id: String,
    pub name: String,
    pub text: Option<String>,
    pub location: Location,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct IndicatorOut {
    pub id: String,
    pub title: String,
    /// kolada, statbank, internal or survey.
    pub source_kind: Option<String>,
    pub source_id: Option<String>,
    /// percent, percent change, count, index, rank, years, days, ratio, score, currency (see
    /// `currency`) or named (the policy's own unit, see `unit_name`).
    pub unit: Option<String>,
    pub currency: Option<String>,
    /// The policy's own unit (`unit "ton CO2e"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<String>,
    /// `per 1000 invånare`: what the unit counts per.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_per: Option<UnitPerOut>,
    /// The least and the greatest value the unit admits (the kind's range narrowed by `min`/`max`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_max: Option<f64>,
    pub direction: Option<Direction>,
    /// The default benchmark's kind (county, national, peers or group): the first of `benchmarks`.
    pub benchmark: Option<String>,
    pub benchmark_description: Option<String>,
    /// Every benchmark the indicator declares, the default first.
    pub benchmarks: Vec<BenchmarkOut>,
    pub frequency: Option<String>,
    pub location: Location,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct UnitPerOut {
    /// 1000 in `per 1000 invånare`; absent for `per invånare`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<f64>,
    pub of: String,
}

impl IndicatorOut {
    /// The indicator's unit, as the policy declared it.
    pub fn unit(&self) -> Option<crate::unit::Unit> {
        use crate::unit::{Per, Unit};
        let word = self.unit.as_deref()?;
        let name = self.currency.as_deref().or(self.unit_name.as_deref());
        let mut unit = Unit::new(Unit::from_kind_word(word, name)?);
        unit.per = self.unit_per.as_ref().map(|p| Per {
            count: p.count,
            of: p.of.clone(),
        });
        // Stored as the effective range; only the part narrower than the kind's is a bound.
        let (low, high) = unit.range();
        unit.min = self.unit_min.filter(|m| low != Some(*m));
        unit.max = self.unit_max.filter(|m| high != Some(*m));
        Some(unit)
    }
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct BenchmarkOut {
    /// county, national, peers or group.
    pub kind: String,
    pub description: Option<String>,
    /// The Kolada municipality or group ID whose value is this benchmark ("0024", "G37329").
    pub kolada: Option<String>,
    /// "weighted" or "unweighted" mean, when declared.
    pub weighting: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct ReportOut {
    pub id: String,
    pub name: String,
    /// "forecast" or "actual".
    pub uses: Option<String>,
    /// "MM-DD" (in the report's year, or the next with `due_next_year`), or a full date "YYYY-MM-DD".
    pub due: Option<String>,
    /// `due 04-15 next year`: due in the year after the year reported on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub due_next_year: bool,
    /// The first recipient (a body ID); `recipients` has them all.
    pub to: Option<String>,
    /// Every recipient, in order (`to KF, KS`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    /// The part of the year the report covers, "MM-DD" to "MM-DD".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<CoversOut>,
    pub location: Location,
}

/// A rule as written, with direction-relative conditions (see [`RuleCondition`]).
#[derive(Debug, Serialize, JsonSchema)]
pub struct RuleOut {
    pub id: String,
    pub title: Option<String>,
    pub bands: Vec<BandOut<RuleCondition>>,
    pub location: Location,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct RollupOut {
    pub id: String,
    pub title: Option<String>,
    pub bands: Vec<BandOut<RollupCondition>>,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BandOut<C> {
    pub status: String,
    /// `null` for `otherwise`.
    pub when: Option<C>,
    pub requires_motivation: bool,
    /// Report ID → wording for that report.
    pub labels: BTreeMap<String, String>,
}

/// A rule condition as written: `better` comparisons are relative to the indicator's
/// direction. Each goal's `evaluation` gives the same rule resolved to raw comparisons.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleCondition {
    And(Vec<RuleCondition>),
    Or(Vec<RuleCondition>),
    Not(Box<RuleCondition>),
    Missing,
    /// `meets REF` (at least as good), `better_than`, `worse_than`, or `within` a fraction
    /// or a number of (percentage) points.
    Relative {
        relation: String,
        reference: String,
        number: Option<f64>,
        within: Option<f64>,
        /// `within 5 points of`: 5.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        points: Option<f64>,
        /// The benchmark kind named (`benchmark national`); absent: the indicator's first.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        benchmark: Option<String>,
    },
    /// `value OP NUMBER`, direction-blind.
    Value {
        op: CmpOp,
        number: f64,
    },
}

/// A rollup condition over the children's statuses, normalised: `all S` is a share of
/// 1, `any S` a count ≥ 1, `no S` a count of 0. Shares are fractions.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RollupCondition {
    And(Vec<RollupCondition>),
    Or(Vec<RollupCondition>),
    Not(Box<RollupCondition>),
    Count {
        status: String,
        op: CmpOp,
        number: f64,
    },
    Share {
        status: String,
        op: CmpOp,
        fraction: f64,
    },
}

/// A goal's rule resolved for evaluation: `value OP number` or
/// `value OP factor × benchmark`. A missing value matches only `missing`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Evaluable {
    And(Vec<Evaluable>),
    Or(Vec<Evaluable>),
    Not(Box<Evaluable>),
    Missing,
    Compare {
        op: CmpOp,
        /// Compare with this number…
        number: Option<f64>,
        /// …or with this factor times the benchmark value (plus `offset`).
        benchmark_factor: Option<f64>,
        /// The kind of benchmark (`county`, `national`, …) for `benchmark_factor`; absent: the
        /// indicator's first benchmark.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        benchmark: Option<String>,
        /// Set when `number` is this factor times the goal's target (`meets target`: 1,
        /// `within 10% of target`: 0.9 or 1.1). In a year with a milestone, compare with the
        /// milestone times this factor instead.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        target_factor: Option<f64>,
        /// Added to the benchmark or milestone times its factor (`within 5 points of`: ∓5);
        /// already included in `number`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        offset: Option<f64>,
    },
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct NumberInYear {
    pub value: f64,
    pub year: Option<i32>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct TargetOut {
    /// The target value; for a relative target, computed from the baseline.
    pub value: Option<f64>,
    /// True for `target benchmark`: at least as good as the benchmark.
    pub benchmark: bool,
    /// The benchmark kind the target names (`target benchmark national`); the indicator's first
    /// benchmark when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark_kind: Option<String>,
    /// For `target +10%`: the relative improvement as a fraction.
    pub relative: Option<f64>,
    pub year: Option<i32>,
    /// The deadline as an ISO date, when the policy gives one (`by 2026-12-31`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct GoalOut {
    pub id: String,
    pub level: String,
    pub title: String,
    pub text: Option<String>,
    /// result, effect or activity.
    pub kind: Option<String>,
    pub parents: Vec<String>,
    pub children: Vec<String>,
    /// Goal IDs from the top of the chain down to this goal.
    pub path: Vec<String>,
    /// `number "1.1"`: the number the council's decision gives the goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The body that answers for the goal.
    pub owner: Option<String>,
    /// The other bodies that share it (`owner KS, KF`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_with: Vec<String>,
    pub measure: Option<String>,
    pub indicators: Vec<String>,
    pub baseline: Option<NumberInYear>,
    pub target: Option<TargetOut>,
    pub milestones: Vec<NumberInYear>,
    /// The rule in effect (the goal's own or the policy default).
    pub rule: Option<String>,
    /// For goals at an `assessed by` level: the rollup that gives their status.
    pub assessed_by: Option<String>,
    /// The reports the goal is followed up in: its own `follow-up` and its level's `followed up
    /// in`. Empty: none (a goal assessed by a rollup is then followed up where its children are).
    pub follow_up: Vec<String>,
    pub values: Vec<String>,
    pub target_group: Option<String>,
    /// The rule's bands resolved for this goal (first match wins).
    pub evaluation: Option<Vec<BandOut<Evaluable>>>,
    pub location: Location,
}

fn iso_date(d: ast::DateLit) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

/// Compiles an analysed policy. Call only when the analysis has no errors.
pub fn compile(analysis: &Analysis) -> Compiled {
    let m = analysis.model();
    let loc = |span: crate::Span| {
        let file = analysis.sources.get(span.file);
        let at = file.line_col(span.start);
        Location {
            file: file.display_path(),
            line: at.line,
            column: at.column,
        }
    };
    let name = |id: &ast::Ident| id.name.clone();
    let text = |t: &ast::Text| t.value.clone();
    let goal_ids = |list: &[usize]| -> Vec<String> {
        list.iter().map(|&g| m.goals[g].id.name.clone()).collect()
    };
    Compiled {
        format: "pejl/1".into(),
        files: analysis
            .sources
            .files
            .iter()
            .map(|f| f.display_path())
            .collect(),
        policy: m.policy.map(|p| PolicyOut {
            id: name(&p.id),
            title: text(&p.title),
            adopted: p.adopted.as_ref().map(|a| iso_date(a.date)),
            adopted_by: p.adopted.as_ref().and_then(|a| a.by.as_ref()).map(name),
            reference: p
                .adopted
                .as_ref()
                .and_then(|a| a.reference.as_ref())
                .map(text),
            version: p.version.as_ref().map(text),
            status: p.status.as_ref().map(name),
            revisions: p
                .revisions
                .iter()
                .map(|r| DecisionOut {
                    date: iso_date(r.date),
                    by: r.by.as_ref().map(name),
                    reference: r.reference.as_ref().map(text),
                })
                .collect(),
            period: p.period.map(|p| PeriodOut {
                from: p.from.value,
                to: p.to.value,
            }),
            language: p.language.as_ref().map(name),
            country: p.country.as_ref().map(name),
            default_rule: p.default_rule.as_ref().map(name),
        }),
        scale: m
            .scale
            .iter()
            .map(|s| StatusOut {
                name: s.name.clone(),
                label: s.label.clone(),
                not_assessable: s.not_assessable,
            })
            .collect(),
        levels: m
            .chain
            .map(|c| {
                c.levels
                    .iter()
                    .map(|l| LevelOut {
                        name: name(&l.name),
                        title: text(&l.title),
                        under: l.under.as_ref().map(name),
                        parents: match l.cardinality.map(|c| c.0) {
                            Some(ast::Cardinality::ExactlyOne) => "exactly-one",
                            _ => "at-least-one",
                        }
                        .into(),
                        measured: l.measured.is_some(),
                        assessed_by: l.assessed_by.as_ref().map(name),
                        followed_up_in: l.followed_up.iter().map(name).collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        bodies: m
            .bodies
            .iter()
            .map(|b| BodyOut {
                id: name(&b.id),
                name: text(&b.name),
                parent: b.parent.as_ref().map(name),
                kind: b.kind.as_ref().map(name),
                location: loc(b.span),
            })
            .collect(),
        values: m
            .values
            .iter()
            .map(|v| ValueOut {
                id: name(&v.id),
                name: text(&v.name),
                text: v.text.as_ref().map(text),
                location: loc(v.span),
            })
            .collect(),
        indicators: m
            .indicators
            .iter()
            .map(|i| IndicatorOut {
                id: name(&i.id),
                title: text(&i.title),
                source_kind: i.source.as_ref().map(|s| name(&s.kind)),
                source_id: i.source.as_ref().map(|s| text(&s.reference)),
                unit: i.unit.as_ref().map(|u| u.unit.kind_word().to_string()),
                currency: i.unit.as_ref().and_then(|u| match &u.unit.kind {
                    UnitKind::Currency(code) if !code.is_empty() => Some(code.clone()),
                    _ => None,
                }),
                unit_name: i.unit.as_ref().and_then(|u| match &u.unit.kind {
                    UnitKind::Named(name) => Some(name.clone()),
                    _ => None,
                }),
                unit_per: i
                    .unit
                    .as_ref()
                    .and_then(|u| u.unit.per.as_ref())
                    .map(|p| UnitPerOut {
                        count: p.count,
                        of: p.of.clone(),
                    }),
                unit_min: i.unit.as_ref().and_then(|u| u.unit.range().0),
                unit_max: i.unit.as_ref().and_then(|u| u.unit.range().1),
                direction: i.direction.map(|d| d.0),
                benchmark: i.benchmarks.first().map(|b| name(&b.kind)),
                benchmark_description: i
                    .benchmarks
                    .first()
                    .and_then(|b| b.description.as_ref())
                    .map(text),
                benchmarks: i
                    .benchmarks
                    .iter()
                    .map(|b| BenchmarkOut {
                        kind: name(&b.kind),
                        description: b.description.as_ref().map(text),
                        kolada: b.kolada.as_ref().map(text),
                        weighting: b.weighting.as_ref().map(name),
                    })
                    .collect(),
                frequency: i.frequency.as_ref().map(name),
                location: loc(i.span),
            })
            .collect(),
        reports: m
            .reports
            .iter()
            .map(|r| ReportOut {
                id: name(&r.id),
                name: text(&r.name),
                uses: r.uses.as_ref().map(name),
                due: r.due.map(|d| match d.year {
                    Some(y) => format!("{y:04}-{:02}-{:02}", d.month, d.day),
                    None => format!("{:02}-{:02}", d.month, d.day),
                }),
                due_next_year: r.due_next_year,
                to: r.to.first().map(name),
                recipients: r.to.iter().map(name).collect(),
                covers: r.covers.map(|c| CoversOut {
                    from: format!("{:02}-{:02}", c.from.month, c.from.day),
                    to: format!("{:02}-{:02}", c.to.month, c.to.day),
                }),
                location: loc(r.span),
            })
            .collect(),
        rules: m
            .rules
            .iter()
            .map(|r| RuleOut {
                id: name(&r.id),
                title: r.title.as_ref().map(text),
                bands: bands(r, rule_condition),
                location: loc(r.span),
            })
            .collect(),
        rollups: m
            .rollups
            .iter()
            .map(|r| RollupOut {
                id: name(&r.id),
                title: r.title.as_ref().map(text),
                bands: bands(r, rollup_condition),
                location: loc(r.span),
            })
            .collect(),
        goals: crate::parallel::par_map(&(0..m.goals.len()).collect::<Vec<_>>(), |&i| {
            let g = &m.goals[i];
            let indicator = m.measure_of(g);
            let direction = indicator
                .and_then(|i| i.direction)
                .map_or(Direction::Higher, |d| d.0);
            let values = GoalValues::of(g, direction);
            let rule = g.measure.as_ref().and(m.rule_of(g));
            GoalOut {
                id: name(&g.id),
                level: name(&g.level),
                title: text(&g.title),
                text: g.text.as_deref().map(text),
                kind: g.kind.as_ref().map(name),
                parents: goal_ids(&m.parents[i]),
                children: goal_ids(&m.children[i]),
                path: goal_ids(&m.path(i)),
                number: g.number.as_deref().map(text),
                owner: g.owner.as_ref().map(name),
                shared_with: g.shared_with.iter().map(name).collect(),
                measure: g.measure.as_ref().map(name),
                indicators: g.indicators.iter().map(name).collect(),
                baseline: g.baseline.map(|b| NumberInYear {
                    value: b.value.value,
                    year: b.year.map(|y| y.value),
                }),
                target: g.target.map(|t| TargetOut {
                    value: values.target,
                    benchmark: matches!(t.value, TargetValue::Benchmark(..)),
                    benchmark_kind: match t.value {
                        TargetValue::Benchmark(kind, _) => kind.map(|k| k.as_str().to_string()),
                        _ => None,
                    },
                    relative: match t.value {
                        TargetValue::Relative(f, _) => Some(f),
                        _ => None,
                    },
                    year: t.year.map(|y| y.value),
                    date: t.date.map(iso_date),
                }),
                milestones: g
                    .milestones
                    .iter()
                    .map(|ms| NumberInYear {
                        value: ms.value.value,
                        year: ms.year.map(|y| y.value),
                    })
                    .collect(),
                rule: rule.map(|(r, _)| name(&r.id)),
                assessed_by: m
                    .level_of(g)
                    .and_then(|l| l.assessed_by.as_ref())
                    .filter(|r| m.lookup(&r.name).is_some_and(|(k, _)| k == Kind::Rollup))
                    .map(name),
                follow_up: m.follow_up_of(g),
                values: g.values.iter().map(name).collect(),
                target_group: g.target_group.as_deref().map(text),
                evaluation: rule.map(|(r, _)| compile_rule(r, direction, &values)),
                location: loc(g.span),
            }
        }),
        activities: m
            .activities
            .iter()
            .map(|a| {
                let country = m
                    .policy
                    .and_then(|p| p.country.as_ref())
                    .map(|c| c.name.as_str());
                let language = m
                    .policy
                    .and_then(|p| p.language.as_ref())
                    .map(|l| l.name.as_str());
                ActivityOut {
                    id: name(&a.id),
                    title: text(&a.title),
                    goal: a.under.as_ref().map(name),
                    owner: a.owner.as_ref().map(name),
                    shared_with: a.shared_with.iter().map(name).collect(),
                    start: a.start.map(iso_date),
                    deadline: a.deadline.map(iso_date),
                    budget: a.budget.as_ref().map(|b| BudgetOut {
                        // Whole and not negative: P0615 stops a policy with another budget.
                        amount: b.amount.value.max(0.0) as u64,
                        currency: b.currency_code(country, language).map(str::to_string),
                    }),
                    location: loc(a.span),
                }
            })
            .collect(),
    }
}

/// A rule's bands resolved for one goal: its direction, target and baseline filled in.
pub fn compile_rule(
    rule: &ast::Rule,
    direction: Direction,
    values: &GoalValues,
) -> Vec<BandOut<Evaluable>> {
    bands(rule, |c| evaluable(c, direction, values))
}

/// A rollup's bands as compiled.
pub fn compile_rollup(rollup: &ast::Rule) -> Vec<BandOut<RollupCondition>> {
    bands(rollup, rollup_condition)
}

fn bands<C>(rule: &ast::Rule, mut convert: impl FnMut(&Cond) -> C) -> Vec<BandOut<C>> {
    rule.bands
        .iter()
        .map(|b| BandOut {
            status: b.status.name.clone(),
            when: b.condition.as_ref().map(&mut convert),
            requires_motivation: b.requires_motivation,
            labels: b
                .labels
                .iter()
                .map(|l| (l.report.name.clone(), l.text.value.clone()))
                .collect(),
        })
        .collect()
}

fn reference_name(r: Reference) -> (String, Option<f64>) {
    match r {
        Reference::Target => ("target".into(), None),
        Reference::Benchmark(_) => ("benchmark".into(), None),
        Reference::Baseline => ("baseline".into(), None),
        Reference::Number(n) => ("number".into(), Some(n)),
    }
}

fn rule_condition(cond: &Cond) -> RuleCondition {
    match cond {
        Cond::And(items) => RuleCondition::And(items.iter().map(rule_condition).collect()),
        Cond::Or(items) => RuleCondition::Or(items.iter().map(rule_condition).collect()),
        Cond::Not(inner, _) => RuleCondition::Not(Box::new(rule_condition(inner))),
        Cond::Atom(atom, _) => {
            let relative = |relation: &str, r: Reference, within: Option<f64>, points| {
                let (reference, number) = reference_name(r);
                RuleCondition::Relative {
                    relation: relation.into(),
                    reference,
                    number,
                    within,
                    points,
                    benchmark: match r {
                        Reference::Benchmark(Some(kind)) => Some(kind.as_str().to_string()),
                        _ => None,
                    },
                }
            };
            match atom {
                Atom::Meets(r) => relative("meets", *r, None, None),
                Atom::Within(p, r) => relative("within", *r, Some(*p), None),
                Atom::WithinPoints(p, r) => relative("within", *r, None, Some(*p)),
                Atom::BetterThan(r) => relative("better_than", *r, None, None),
                Atom::WorseThan(r) => relative("worse_than", *r, None, None),
                Atom::Value(op, n) => RuleCondition::Value {
                    op: *op,
                    number: *n,
                },
                // Rollup atoms do not occur in rules (the grammar keeps them apart).
                _ => RuleCondition::Missing,
            }
        }
    }
}

fn rollup_condition(cond: &Cond) -> RollupCondition {
    match cond {
        Cond::And(items) => RollupCondition::And(items.iter().map(rollup_condition).collect()),
        Cond::Or(items) => RollupCondition::Or(items.iter().map(rollup_condition).collect()),
        Cond::Not(inner, _) => RollupCondition::Not(Box::new(rollup_condition(inner))),
        Cond::Atom(atom, _) => match atom {
            Atom::All(s) => RollupCondition::Share {
                status: s.name.clone(),
                op: CmpOp::Eq,
                fraction: 1.0,
            },
            Atom::Any(s) => RollupCondition::Count {
                status: s.name.clone(),
                op: CmpOp::Ge,
                number: 1.0,
            },
            Atom::NoneOf(s) => RollupCondition::Count {
                status: s.name.clone(),
                op: CmpOp::Eq,
                number: 0.0,
            },
            Atom::Share(s, op, f) => RollupCondition::Share {
                status: s.name.clone(),
                op: *op,
                fraction: *f,
            },
            Atom::Count(s, op, n) => RollupCondition::Count {
                status: s.name.clone(),
                op: *op,
                number: *n,
            },
            // Rule atoms do not occur in rollups.
            _ => RollupCondition::Count {
                status: String::new(),
                op: CmpOp::Ge,
                number: 0.0,
            },
        },
    }
}

/// A goal's known numbers, for resolving rule references.
#[derive(Debug, Clone, Copy)]
pub struct GoalValues {
    pub target: Option<f64>,
    /// The target is the benchmark itself (`target benchmark`).
    pub target_is_benchmark: bool,
    /// The benchmark kind the target names (`target benchmark national`).
    pub target_benchmark: Option<ast::BenchmarkKind>,
    pub baseline: Option<f64>,
}

impl GoalValues {
    pub fn of(goal: &ast::Goal, direction: Direction) -> Self {
        let baseline = goal.baseline.map(|b| b.value.value);
        let target_benchmark = match goal.target.map(|t| t.value) {
            Some(TargetValue::Benchmark(kind, _)) => kind,
            _ => None,
        };
        let (target, target_is_benchmark) = match goal.target.map(|t| t.value) {
            Some(TargetValue::Number(n)) => (Some(n.value), false),
            Some(TargetValue::Benchmark(..)) => (None, true),
            Some(TargetValue::Relative(f, _)) => (
                baseline.map(|b| match direction {
                    Direction::Higher => b + b.abs() * f,
                    Direction::Lower => b - b.abs() * f,
                }),
                false,
            ),
            None => (None, false),
        };
        GoalValues {
            target,
            target_is_benchmark,
            target_benchmark,
            baseline,
        }
    }
}

/// A reference resolved to (number, benchmark factor): exactly one is set.
fn operand(r: Reference, values: &GoalValues) -> (Option<f64>, Option<f64>) {
    match r {
        Reference::Number(n) => (Some(n), None),
        Reference::Baseline => (values.baseline, None),
        Reference::Target if values.target_is_benchmark => (None, Some(1.0)),
        Reference::Target => (values.target, None),
        Reference::Benchmark(_) => (None, Some(1.0)),
    }
}

/// The benchmark kind a reference names, if it names one (a target that is a named benchmark
/// names its kind).
fn named_kind(r: Reference, values: &GoalValues) -> Option<String> {
    match r {
        Reference::Benchmark(Some(kind)) => Some(kind.as_str().to_string()),
        Reference::Target if values.target_is_benchmark => {
            values.target_benchmark.map(|k| k.as_str().to_string())
        }
        _ => None,
    }
}

fn evaluable(cond: &Cond, dir: Direction, values: &GoalValues) -> Evaluable {
    match cond {
        Cond::And(items) => {
            Evaluable::And(items.iter().map(|c| evaluable(c, dir, values)).collect())
        }
        Cond::Or(items) => Evaluable::Or(items.iter().map(|c| evaluable(c, dir, values)).collect()),
        Cond::Not(inner, _) => Evaluable::Not(Box::new(evaluable(inner, dir, values))),
        Cond::Atom(atom, _) => {
            let higher = dir == Direction::Higher;
            // value OP scale × reference + offset
            let compare = |op: CmpOp, r: Reference, scale: f64, offset: f64| {
                let (number, factor) = operand(r, values);
                let of_target = matches!(r, Reference::Target) && number.is_some();
                let of_benchmark = factor.is_some();
                Evaluable::Compare {
                    op,
                    number: number.map(|n| n * scale + offset),
                    benchmark_factor: factor.map(|f| f * scale),
                    benchmark: if of_benchmark {
                        named_kind(r, values)
                    } else {
                        None
                    },
                    target_factor: of_target.then_some(scale),
                    offset: (offset != 0.0 && (of_target || of_benchmark)).then_some(offset),
                }
            };
            match atom {
                Atom::Meets(r) => compare(if higher { CmpOp::Ge } else { CmpOp::Le }, *r, 1.0, 0.0),
                Atom::Within(p, r) => {
                    if higher {
                        compare(CmpOp::Ge, *r, 1.0 - p, 0.0)
                    } else {
                        compare(CmpOp::Le, *r, 1.0 + p, 0.0)
                    }
                }
                Atom::WithinPoints(p, r) => {
                    if higher {
                        compare(CmpOp::Ge, *r, 1.0, -p)
                    } else {
                        compare(CmpOp::Le, *r, 1.0, *p)
                    }
                }
                Atom::BetterThan(r) => {
                    compare(if higher { CmpOp::Gt } else { CmpOp::Lt }, *r, 1.0, 0.0)
                }
                Atom::WorseThan(r) => {
                    compare(if higher { CmpOp::Lt } else { CmpOp::Gt }, *r, 1.0, 0.0)
                }
                Atom::Value(op, n) => Evaluable::Compare {
                    op: *op,
                    number: Some(*n),
                    benchmark_factor: None,
                    benchmark: None,
                    target_factor: None,
                    offset: None,
                },
                _ => Evaluable::Missing,
            }
        }
    }
}

/// The JSON Schema of [`Compiled`].
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Compiled)).unwrap_or_default()
}
