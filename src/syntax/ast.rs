//! The owned syntax tree. Every node carries the span it came from, so every later
//! check (and the language server) can point back into the source.

use crate::span::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub value: String,
    pub span: Span,
    /// Written as a `"""` text block.
    pub block: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub span: Span,
    /// Written with thousands separators (`68.000`, `1 200`; P0005): `value` is the whole-number
    /// reading, which may not be what was meant, so checks that judge the value skip it.
    pub grouped: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Year {
    pub value: i32,
    pub span: Span,
}

/// One parsed file: its declarations in source order, and the comments kept for the formatter.
#[derive(Debug, Clone, Default)]
pub struct File {
    pub decls: Vec<Decl>,
    pub comments: Vec<Span>,
}

#[derive(Debug, Clone)]
/// Declarations are boxed so that a list of declarations stays small (a policy can
/// have 100 000 goals; the parser moves these lists around).
pub enum Decl {
    Policy(Box<Policy>),
    Include(Box<Include>),
    Body(Box<Body>),
    Chain(Box<Chain>),
    Scale(Box<Scale>),
    Indicator(Box<Indicator>),
    Value(Box<CoreValue>),
    Report(Box<Report>),
    Rule(Box<Rule>),
    Rollup(Box<Rule>),
    Goal(Box<Goal>),
    /// `test "title" { … }`: an example with expected statuses (never compiled).
    Test(Box<Test>),
    Activity(Box<Activity>),
}

impl Decl {
    pub fn span(&self) -> Span {
        match self {
            Decl::Policy(d) => d.span,
            Decl::Include(d) => d.span,
            Decl::Body(d) => d.span,
            Decl::Chain(d) => d.span,
            Decl::Scale(d) => d.span,
            Decl::Indicator(d) => d.span,
            Decl::Value(d) => d.span,
            Decl::Report(d) => d.span,
            Decl::Rule(d) | Decl::Rollup(d) => d.span,
            Decl::Goal(d) => d.span,
            Decl::Test(d) => d.span,
            Decl::Activity(d) => d.span,
        }
    }

    /// The declared ID, for declarations that have one in the shared namespace.
    pub fn id(&self) -> Option<&Ident> {
        match self {
            Decl::Policy(d) => Some(&d.id),
            Decl::Body(d) => Some(&d.id),
            Decl::Indicator(d) => Some(&d.id),
            Decl::Value(d) => Some(&d.id),
            Decl::Report(d) => Some(&d.id),
            Decl::Rule(d) | Decl::Rollup(d) => Some(&d.id),
            Decl::Goal(d) => Some(&d.id),
            Decl::Activity(d) => Some(&d.id),
            Decl::Include(_) | Decl::Chain(_) | Decl::Scale(_) | Decl::Test(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Policy {
    pub id: Ident,
    pub title: Text,
    pub adopted: Option<Adopted>,
    /// `revised DATE by BODY ref "…"`, in the order written.
    pub revisions: Vec<Adopted>,
    /// `version "1.1"`
    pub version: Option<Text>,
    /// `status draft` or `status adopted`.
    pub status: Option<Ident>,
    pub period: Option<Period>,
    pub language: Option<Ident>,
    /// `country se` or `country dk`.
    pub country: Option<Ident>,
    pub default_rule: Option<Ident>,
    pub span: Span,
}

/// A decision on the policy: `adopted …` or `revised …`.
#[derive(Debug, Clone)]
pub struct Adopted {
    pub date: DateLit,
    pub by: Option<Ident>,
    pub reference: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateLit {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub from: Year,
    pub to: Year,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Include {
    pub path: Text,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Body {
    pub id: Ident,
    pub name: Text,
    pub parent: Option<Ident>,
    pub kind: Option<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Chain {
    pub levels: Vec<Level>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cardinality {
    ExactlyOne,
    AtLeastOne,
}

#[derive(Debug, Clone)]
pub struct Level {
    pub name: Ident,
    pub title: Text,
    pub under: Option<Ident>,
    pub cardinality: Option<(Cardinality, Span)>,
    pub measured: Option<Span>,
    pub assessed_by: Option<Ident>,
    /// `followed up in interim, annual`: the reports every goal of the level is followed up in.
    pub followed_up: Vec<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Scale {
    pub statuses: Vec<ScaleEntry>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct ScaleEntry {
    pub name: Ident,
    pub label: Text,
    pub not_assessable: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: Ident,
    pub title: Text,
    pub source: Option<Source>,
    pub unit: Option<UnitDecl>,
    pub direction: Option<(Direction, Span)>,
    /// The comparisons the indicator declares, the default (used by a plain `benchmark`) first.
    pub benchmarks: Vec<BenchmarkDecl>,
    pub frequency: Option<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Source {
    pub kind: Ident,
    pub reference: Text,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct UnitDecl {
    pub unit: crate::unit::Unit,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
}

#[derive(Debug, Clone)]
pub struct BenchmarkDecl {
    pub kind: Ident,
    pub description: Option<Text>,
    /// `kolada "0024"`: the Kolada municipality or group whose value is the benchmark.
    pub kolada: Option<Text>,
    /// `weighted` / `unweighted` mean (as Kolada publishes both for groups).
    pub weighting: Option<Ident>,
    pub span: Span,
}

/// The kinds of benchmark a rule can name (`meets benchmark national`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BenchmarkKind {
    County,
    National,
    Peers,
    Group,
}

impl BenchmarkKind {
    pub const ALL: [BenchmarkKind; 4] = [
        BenchmarkKind::County,
        BenchmarkKind::National,
        BenchmarkKind::Peers,
        BenchmarkKind::Group,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BenchmarkKind::County => "county",
            BenchmarkKind::National => "national",
            BenchmarkKind::Peers => "peers",
            BenchmarkKind::Group => "group",
        }
    }

    pub fn parse(word: &str) -> Option<BenchmarkKind> {
        BenchmarkKind::ALL.into_iter().find(|k| k.as_str() == word)
    }
}

#[derive(Debug, Clone)]
pub struct CoreValue {
    pub id: Ident,
    pub name: Text,
    pub text: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Report {
    pub id: Ident,
    pub name: Text,
    pub uses: Option<Ident>,
    /// `due 04-15` or `due 2025-04-15` (then `year` is set).
    pub due: Option<MonthDay>,
    /// `due 04-15 next year`: in the year after the year reported on.
    pub due_next_year: bool,
    /// `to KF, KS`: the recipients, in order.
    pub to: Vec<Ident>,
    /// `covers 01-01..08-31`: the part of the year the report covers.
    pub covers: Option<Covers>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub struct Covers {
    pub from: MonthDay,
    pub to: MonthDay,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub struct MonthDay {
    /// Given when the due date is a full date.
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub span: Span,
}

/// A rule or a rollup: an ordered list of bands, first match wins.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: Ident,
    pub title: Option<Text>,
    pub bands: Vec<Band>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Band {
    pub status: Ident,
    /// `None` for `otherwise`.
    pub condition: Option<Cond>,
    pub requires_motivation: bool,
    pub labels: Vec<BandLabel>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct BandLabel {
    pub report: Ident,
    pub text: Text,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum Cond {
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Not(Box<Cond>, Span),
    Atom(Atom, Span),
}

impl Cond {
    pub fn span(&self) -> Span {
        match self {
            Cond::And(items) | Cond::Or(items) => items
                .iter()
                .map(Cond::span)
                .reduce(Span::join)
                .unwrap_or_default(),
            Cond::Not(_, span) | Cond::Atom(_, span) => *span,
        }
    }

    /// Every atom in the condition, in source order.
    pub fn atoms(&self) -> Vec<(&Atom, Span)> {
        let mut out = Vec::new();
        self.collect_atoms(&mut out);
        out
    }

    fn collect_atoms<'a>(&'a self, out: &mut Vec<(&'a Atom, Span)>) {
        match self {
            Cond::And(items) | Cond::Or(items) => {
                items.iter().for_each(|c| c.collect_atoms(out));
            }
            Cond::Not(inner, _) => inner.collect_atoms(out),
            Cond::Atom(atom, span) => out.push((atom, *span)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
pub enum CmpOp {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "==")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
}

impl CmpOp {
    pub fn holds(self, a: f64, b: f64) -> bool {
        const EPS: f64 = 1e-9;
        match self {
            CmpOp::Ge => a >= b - EPS,
            CmpOp::Gt => a > b + EPS,
            CmpOp::Le => a <= b + EPS,
            CmpOp::Lt => a < b - EPS,
            CmpOp::Eq => (a - b).abs() <= EPS,
            CmpOp::Ne => (a - b).abs() > EPS,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Ge => ">=",
            CmpOp::Gt => ">",
            CmpOp::Le => "<=",
            CmpOp::Lt => "<",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
        }
    }
}

/// What a rule condition compares the goal's value with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reference {
    Target,
    /// `benchmark` (the indicator's first) or `benchmark county`.
    Benchmark(Option<BenchmarkKind>),
    Baseline,
    Number(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Atom {
    // rule atoms, over one goal's value
    Meets(Reference),
    /// `within P% of REF`, P as a fraction (0.10)
    Within(f64, Reference),
    /// `within P points of REF`: percentage points, P as written (5)
    WithinPoints(f64, Reference),
    BetterThan(Reference),
    WorseThan(Reference),
    Value(CmpOp, f64),
    Missing,
    // rollup atoms, over the children's statuses
    All(Ident),
    Any(Ident),
    NoneOf(Ident),
    /// `share S op P%`, P as a fraction
    Share(Ident, CmpOp, f64),
    Count(Ident, CmpOp, f64),
}

impl Atom {
    /// What a rule atom compares the value with (`meets`, `within`, `better than`, `worse than`).
    pub fn reference(&self) -> Option<Reference> {
        match self {
            Atom::Meets(r)
            | Atom::Within(_, r)
            | Atom::WithinPoints(_, r)
            | Atom::BetterThan(r)
            | Atom::WorseThan(r) => Some(*r),
            _ => None,
        }
    }

    /// The line `value = factor × reference + offset` the atom flips on, for higher is better.
    pub fn line(&self) -> Option<(Reference, f64, f64)> {
        match self {
            Atom::Within(p, r) => Some((*r, 1.0 - p, 0.0)),
            Atom::WithinPoints(p, r) => Some((*r, 1.0, -p)),
            Atom::Value(_, n) => Some((Reference::Number(*n), 1.0, 0.0)),
            _ => self.reference().map(|r| (r, 1.0, 0.0)),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Goal {
    pub level: Ident,
    pub id: Ident,
    pub title: Text,
    pub under: Vec<Ident>,
    /// The body that answers for the goal (the first of `owner A, B`).
    pub owner: Option<Ident>,
    /// The bodies that share the goal (the rest of `owner A, B`).
    pub shared_with: Vec<Ident>,
    /// `number "1.1"`: the number the council's decision gives the goal.
    pub number: Option<Box<Text>>,
    pub kind: Option<Ident>,
    pub measure: Option<Ident>,
    pub indicators: Vec<Ident>,
    pub baseline: Option<Baseline>,
    pub target: Option<Target>,
    pub milestones: Vec<Milestone>,
    pub rule: Option<Ident>,
    pub follow_up: Vec<Ident>,
    pub values: Vec<Ident>,
    /// Boxed: most goals have neither, and a policy can have 100 000 goals.
    pub target_group: Option<Box<Text>>,
    pub text: Option<Box<Text>>,
    pub span: Span,
    /// The header (level, ID and title), where most goal diagnostics point.
    pub header: Span,
}

impl Goal {
    /// The title with the goal's number before it, as the decision document cites it
    /// (`1.1 Fler invånare i arbete`).
    pub fn numbered_title(&self) -> String {
        numbered(
            self.number.as_deref().map(|n| n.value.as_str()),
            &self.title.value,
        )
    }
}

/// `1.1 Title`, or the title alone.
pub fn numbered(number: Option<&str>, title: &str) -> String {
    match number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("{n} {title}"),
        None => title.to_string(),
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Baseline {
    pub value: Number,
    pub year: Option<Year>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub enum TargetValue {
    Number(Number),
    /// `target benchmark` (the indicator's first) or `target benchmark national`.
    Benchmark(Option<BenchmarkKind>, Span),
    /// `+10%`: a fraction relative to the baseline (0.10), in the good direction when positive.
    Relative(f64, Span),
}

#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub value: TargetValue,
    /// The deadline's year (`by 2026`, or the year of `by 2026-12-31`).
    pub year: Option<Year>,
    /// A deadline given as a full date.
    pub date: Option<DateLit>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy)]
pub struct Milestone {
    pub value: Number,
    pub year: Option<Year>,
    pub span: Span,
}

/// `test "title" { year 2024  report annual  value nki_foretag 74  expect nki green }`: the
/// statuses the policy must give for some inputs (docs/testing.md). Only `pejl test` and the
/// editor read tests; they are never part of the compiled policy.
#[derive(Debug, Clone)]
pub struct Test {
    pub title: Text,
    pub year: Option<Year>,
    pub report: Option<Ident>,
    /// `value`, `benchmark`, `missing` and `motivation`, in the order written.
    pub inputs: Vec<TestInput>,
    pub expects: Vec<Expect>,
    pub span: Span,
    /// `test "title"`, where a test's own diagnostics point.
    pub header: Span,
}

/// One input of a test: what a data file's row would say.
#[derive(Debug, Clone)]
pub struct TestInput {
    /// The indicator (for `motivation`: a goal or an indicator).
    pub name: Ident,
    pub kind: InputKind,
    /// The whole statement.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum InputKind {
    /// `value IND 74`
    Value(Number),
    /// `benchmark IND 72` (the default benchmark) or `benchmark IND national 70`.
    Benchmark(Option<Ident>, Number),
    /// `missing IND`
    Missing,
    /// `motivation GOAL "…"`
    Motivation(Text),
}

impl InputKind {
    /// The statement's keyword.
    pub fn keyword(&self) -> &'static str {
        match self {
            InputKind::Value(_) => "value",
            InputKind::Benchmark(..) => "benchmark",
            InputKind::Missing => "missing",
            InputKind::Motivation(_) => "motivation",
        }
    }
}

/// `activity ID "title" { under GOAL  owner BODY  start DATE  deadline DATE  budget N kr }`: the
/// lowest step of the goal chain, what is done for one goal. Its progress comes from the data.
#[derive(Debug, Clone)]
pub struct Activity {
    pub id: Ident,
    pub title: Text,
    /// The goal the activity serves.
    pub under: Option<Ident>,
    /// The body that answers for it (the first of `owner A, B`).
    pub owner: Option<Ident>,
    /// The bodies that share it (the rest of `owner A, B`).
    pub shared_with: Vec<Ident>,
    pub start: Option<DateLit>,
    pub deadline: Option<DateLit>,
    pub budget: Option<Budget>,
    pub span: Span,
    /// The header (`activity`, ID and title), where most activity diagnostics point.
    pub header: Span,
}

/// `budget 250000 kr`: an amount in whole kronor (kroner).
#[derive(Debug, Clone)]
pub struct Budget {
    pub amount: Number,
    /// `kr`, `kronor`, `kroner`, `SEK` or `DKK`, as written.
    pub currency: Option<Ident>,
    pub span: Span,
}

impl Budget {
    /// The currency code: `SEK` for `kronor`, `DKK` for `kroner`; for `kr` or no word, the
    /// policy's country's (`country se|dk`, else its language's), `None` when that says neither.
    pub fn currency_code(
        &self,
        country: Option<&str>,
        language: Option<&str>,
    ) -> Option<&'static str> {
        match self.currency.as_ref().map(|c| c.name.as_str()) {
            Some("kronor" | "SEK") => Some("SEK"),
            Some("kroner" | "DKK") => Some("DKK"),
            _ => match (country, language) {
                (Some("se"), _) => Some("SEK"),
                (Some("dk"), _) => Some("DKK"),
                (_, Some("sv")) | (None, None) => Some("SEK"),
                (_, Some("da")) => Some("DKK"),
                _ => None,
            },
        }
    }
}

/// `expect GOAL STATUS`
#[derive(Debug, Clone)]
pub struct Expect {
    pub goal: Ident,
    pub status: Ident,
    pub span: Span,
}
/// The currency words `budget N WORD` accepts.
pub const BUDGET_CURRENCIES: &[&str] = &["kr", "kronor", "kroner", "SEK", "DKK"];
