//! Names: the symbol table over all files of a policy, resolution of every reference
//! (P0101–P0106, P0601), and [`Model`], the resolved view the later checks and the
//! compiled output work from.
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::diagnostic::{did_you_mean, suggestions, Code, Diagnostic};
use crate::span::Span;
use crate::syntax::ast::*;
use crate::text;
use rustc_hash::FxHashMap as HashMap;

/// What a name in the shared namespace stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Policy,
    Body,
    Indicator,
    Value,
    Report,
    Rule,
    Rollup,
    Goal,
    /// An `activity` under a goal.
    Activity,
    /// A level of the chain (a separate namespace).
    Level,
    /// A status of the scale (a separate namespace).
    Status,
}

impl Kind {
    /// The kind's key in the catalogue's selectors (`names-kind-a`, `names-no-such`).
    pub fn key(self) -> &'static str {
        match self {
            Kind::Policy => "policy",
            Kind::Body => "body",
            Kind::Indicator => "indicator",
            Kind::Value => "value",
            Kind::Report => "report",
            Kind::Rule => "rule",
            Kind::Rollup => "rollup",
            Kind::Goal => "goal",
            Kind::Activity => "activity",
            Kind::Level => "level",
            Kind::Status => "status",
        }
    }

    /// "a body", "ett organ", "et organ".
    pub fn a(self) -> crate::i18n::Text {
        text!("names-kind-a", kind = self.key())
    }
}

/// A declared name.
#[derive(Debug, Clone)]
pub struct Symbol {
    pub name: String,
    pub kind: Kind,
    /// The ID where it is declared.
    pub span: Span,
    /// The whole declaration.
    pub decl_span: Span,
}

/// A use of a name, resolved or not.
#[derive(Debug, Clone)]
pub struct Reference {
    pub span: Span,
    /// Index into [`Symbols::symbols`].
    pub target: Option<usize>,
}

/// Every declared name and every reference, for checks and for the language server
/// (definition, references, rename).
#[derive(Debug, Clone, Default)]
pub struct Symbols {
    pub symbols: Vec<Symbol>,
    pub references: Vec<Reference>,
}

impl Symbols {
    pub fn lookup(&self, name: &str, kinds: &[Kind]) -> Option<usize> {
        self.symbols
            .iter()
            .position(|s| s.name == name && kinds.contains(&s.kind))
    }

    /// The symbol declared or referenced at a position.
    pub fn at(&self, file: crate::span::FileId, offset: usize) -> Option<usize> {
        self.symbols
            .iter()
            .position(|s| s.span.file == file && s.span.contains(offset))
            .or_else(|| {
                self.references
                    .iter()
                    .find(|r| r.span.file == file && r.span.contains(offset))
                    .and_then(|r| r.target)
            })
    }
}

/// The status scale in effect.
#[derive(Debug, Clone)]
pub struct Status {
    pub name: String,
    pub label: String,
    pub not_assessable: bool,
}

pub fn default_scale(language: Option<&str>) -> Vec<Status> {
    let labels: [&str; 4] = match language {
        Some("da") => [
            "Opfyldt",
            "Delvist opfyldt",
            "Ikke opfyldt",
            "Kan ikke vurderes",
        ],
        Some("en") => ["Met", "Partly met", "Not met", "Cannot be assessed"],
        _ => [
            "Uppfyllt",
            "Delvis uppfyllt",
            "Ej uppfyllt",
            "Kan inte bedömas",
        ],
    };
    ["green", "yellow", "red", "grey"]
        .iter()
        .zip(labels)
        .map(|(name, label)| Status {
            name: name.to_string(),
            label: label.to_string(),
            not_assessable: *name == "grey",
        })
        .collect()
}

/// The resolved policy: declarations by kind, goal links by index.
pub struct Model<'a> {
    pub policy: Option<&'a Policy>,
    pub chain: Option<&'a Chain>,
    pub scale: Vec<Status>,
    pub bodies: Vec<&'a Body>,
    pub indicators: Vec<&'a Indicator>,
    pub values: Vec<&'a CoreValue>,
    pub reports: Vec<&'a Report>,
    pub rules: Vec<&'a Rule>,
    pub rollups: Vec<&'a Rule>,
    pub goals: Vec<&'a Goal>,
    /// `test` declarations, in source order (they declare no name).
    pub tests: Vec<&'a Test>,
    pub activities: Vec<&'a Activity>,
    /// Name → (kind, index in the kind's list). First declaration wins.
    pub names: HashMap<&'a str, (Kind, usize)>,
    /// Level name → index in `chain.levels`.
    pub levels: HashMap<&'a str, usize>,
    /// Per goal: its resolved parent goals (only those that are goals).
    pub parents: Vec<Vec<usize>>,
    /// Per goal: the goals whose `under` names it.
    pub children: Vec<Vec<usize>>,
}

impl<'a> Model<'a> {
    pub fn build(files: &'a [File]) -> Self {
        let mut m = Model {
            policy: None,
            chain: None,
            scale: Vec::new(),
            bodies: Vec::new(),
            indicators: Vec::new(),
            values: Vec::new(),
            reports: Vec::new(),
            rules: Vec::new(),
            rollups: Vec::new(),
            goals: Vec::new(),
            tests: Vec::new(),
            activities: Vec::new(),
            names: HashMap::default(),
            levels: HashMap::default(),
            parents: Vec::new(),
            children: Vec::new(),
        };
        let mut scale = None;
        for decl in files.iter().flat_map(|f| &f.decls) {
            let (kind, index) = match decl {
                Decl::Policy(d) => {
                    m.policy.get_or_insert(d);
                    (Kind::Policy, 0)
                }
                Decl::Chain(d) => {
                    m.chain.get_or_insert(d);
                    continue;
                }
                Decl::Scale(d) => {
                    scale.get_or_insert(d);
                    continue;
                }
                Decl::Include(_) => continue,
                Decl::Test(d) => {
                    m.tests.push(d);
                    continue;
                }
                Decl::Body(d) => push(&mut m.bodies, d, Kind::Body),
                Decl::Indicator(d) => push(&mut m.indicators, d, Kind::Indicator),
                Decl::Value(d) => push(&mut m.values, d, Kind::Value),
                Decl::Report(d) => push(&mut m.reports, d, Kind::Report),
                Decl::Rule(d) => push(&mut m.rules, d, Kind::Rule),
                Decl::Rollup(d) => push(&mut m.rollups, d, Kind::Rollup),
                Decl::Goal(d) => push(&mut m.goals, d, Kind::Goal),
                Decl::Activity(d) => push(&mut m.activities, d, Kind::Activity),
            };
            if let Some(id) = decl.id() {
                if !id.name.is_empty() {
                    m.names.entry(id.name.as_str()).or_insert((kind, index));
                }
            }
        }
        let language = m
            .policy
            .and_then(|p| p.language.as_ref())
            .map(|l| l.name.as_str());
        m.scale = match scale {
            Some(s) if !s.statuses.is_empty() => {
                let mut statuses: Vec<Status> = s
                    .statuses
                    .iter()
                    .map(|e| Status {
                        name: e.name.name.clone(),
                        label: e.label.value.clone(),
                        not_assessable: e.not_assessable,
                    })
                    .collect();
                // Without an explicit marker, `grey` is the not-assessable status.
                if !statuses.iter().any(|s| s.not_assessable) {
                    for s in statuses.iter_mut().filter(|s| s.name == "grey") {
                        s.not_assessable = true;
                    }
                }
                statuses
            }
            _ => default_scale(language),
        };
        if let Some(chain) = m.chain {
            for (i, level) in chain.levels.iter().enumerate() {
                m.levels.entry(level.name.name.as_str()).or_insert(i);
            }
        }
        let mut parents: Vec<Vec<usize>> = vec![Vec::new(); m.goals.len()];
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); m.goals.len()];
        for (i, (goal, own)) in m.goals.iter().zip(&mut parents).enumerate() {
            for parent in &goal.under {
                // A goal's name maps to its index in `goals`, as `children` is long.
                if let Some(&(Kind::Goal, p)) = m.names.get(parent.name.as_str()) {
                    if let Some(siblings) = children.get_mut(p).filter(|_| !own.contains(&p)) {
                        own.push(p);
                        siblings.push(i);
                    }
                }
            }
        }
        m.parents = parents;
        m.children = children;
        m
    }

    pub fn lookup(&self, name: &str) -> Option<(Kind, usize)> {
        self.names.get(name).copied()
    }

    pub fn indicator(&self, name: &str) -> Option<&'a Indicator> {
        match self.lookup(name) {
            Some((Kind::Indicator, i)) => self.indicators.get(i).copied(),
            _ => None,
        }
    }

    pub fn rule(&self, name: &str) -> Option<&'a Rule> {
        match self.lookup(name) {
            Some((Kind::Rule, i)) => self.rules.get(i).copied(),
            _ => None,
        }
    }

    pub fn rollup(&self, name: &str) -> Option<&'a Rule> {
        match self.lookup(name) {
            Some((Kind::Rollup, i)) => self.rollups.get(i).copied(),
            _ => None,
        }
    }

    pub fn body(&self, name: &str) -> Option<&'a Body> {
        match self.lookup(name) {
            Some((Kind::Body, i)) => self.bodies.get(i).copied(),
            _ => None,
        }
    }

    /// The goal an activity serves, if its `under` names one.
    pub fn goal_of(&self, activity: &Activity) -> Option<usize> {
        match self.lookup(&activity.under.as_ref()?.name) {
            Some((Kind::Goal, i)) => Some(i),
            _ => None,
        }
    }

    pub fn level_of(&self, goal: &Goal) -> Option<&'a Level> {
        let chain = self.chain?;
        self.levels
            .get(goal.level.name.as_str())
            .and_then(|&i| chain.levels.get(i))
    }

    /// The reports a goal is followed up in: its own `follow-up` and its level's `followed up
    /// in`, in that order, each once. Empty means none: a measured goal is then not followed up
    /// (P0602), and a goal assessed by a rollup follows its children.
    pub fn follow_up_of(&self, goal: &Goal) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let level = self
            .level_of(goal)
            .map_or(&[][..], |l| l.followed_up.as_slice());
        for report in goal.follow_up.iter().chain(level) {
            if !out.contains(&report.name) {
                out.push(report.name.clone());
            }
        }
        out
    }

    /// The goal's measuring indicator, if it resolves.
    pub fn measure_of(&self, goal: &Goal) -> Option<&'a Indicator> {
        goal.measure.as_ref().and_then(|m| self.indicator(&m.name))
    }

    /// The rule in effect for a goal: its own, else the policy default.
    pub fn rule_of(&self, goal: &Goal) -> Option<(&'a Rule, bool)> {
        if let Some(own) = &goal.rule {
            return self.rule(&own.name).map(|r| (r, true));
        }
        let default = self.policy?.default_rule.as_ref()?;
        self.rule(&default.name).map(|r| (r, false))
    }

    pub fn status(&self, name: &str) -> Option<&Status> {
        self.scale.iter().find(|s| s.name == name)
    }

    /// The not-assessable status (grey unless the scale says otherwise).
    pub fn not_assessable(&self) -> Option<&Status> {
        self.scale.iter().find(|s| s.not_assessable)
    }

    /// The goal IDs from a goal up to the top, following first parents.
    pub fn path(&self, goal: usize) -> Vec<usize> {
        let mut path = vec![goal];
        let mut current = goal;
        while let Some(&parent) = self.parents.get(current).and_then(|p| p.first()) {
            if path.contains(&parent) {
                break;
            }
            path.push(parent);
            current = parent;
        }
        path.reverse();
        path
    }

    pub fn period(&self) -> Option<(i32, i32)> {
        let period = self.policy?.period?;
        Some((period.from.value, period.to.value))
    }
}

fn push<'a, T>(list: &mut Vec<&'a T>, item: &'a T, kind: Kind) -> (Kind, usize) {
    list.push(item);
    (kind, list.len() - 1)
}

/// Builds the symbol table and resolves every reference, reporting P0101–P0106 and P0601.
pub fn resolve<'a>(files: &'a [File], model: &'a Model<'a>) -> (Symbols, Vec<Diagnostic>) {
    let mut r = Resolver {
        symbols: Symbols::default(),
        diags: Vec::new(),
        shared: HashMap::default(),
        separate: HashMap::default(),
    };
    r.declare(files, model);
    r.resolve_all(files, model);
    (r.symbols, r.diags)
}

/// Marks a name that resolves but has no declaration (the default scale's statuses).
const BUILT_IN: usize = usize::MAX;

struct Resolver<'a> {
    symbols: Symbols,
    diags: Vec<Diagnostic>,
    /// The policy's one namespace of IDs.
    shared: HashMap<&'a str, usize>,
    /// Level and status names, a namespace of their own.
    separate: HashMap<&'a str, usize>,
}

impl<'a> Resolver<'a> {
    fn names(&self, separate: bool) -> &HashMap<&'a str, usize> {
        if separate {
            &self.separate
        } else {
            &self.shared
        }
    }

    fn add(&mut self, kind: Kind, id: &'a Ident, decl_span: Span, _title: &str) {
        if id.name.is_empty() {
            return;
        }
        let separate = matches!(kind, Kind::Level | Kind::Status);
        let first = self.names(separate).get(id.name.as_str()).copied();
        // A name maps to its symbol's index (`BUILT_IN` names are added after every
        // declaration, so none is found here).
        if let Some(earlier) = first.and_then(|i| self.symbols.symbols.get(i)) {
            let what = if kind == earlier.kind {
                text!("names-declared-twice", kind = kind.key(), name = &id.name)
            } else {
                text!("names-already-id", name = &id.name, kind = earlier.kind.a())
            };
            self.diags.push(
                Diagnostic::new(Code::P0102, id.span, what)
                    .primary(text!("names-declared-twice.primary"))
                    .label(earlier.span, text!("names-declared-twice.label"))
                    .help(text!("names-declared-twice.help")),
            );
            return;
        }
        let index = self.symbols.symbols.len();
        if separate {
            self.separate.insert(&id.name, index);
        } else {
            self.shared.insert(&id.name, index);
        }
        self.symbols.symbols.push(Symbol {
            name: id.name.clone(),
            kind,
            span: id.span,
            decl_span,
        });
    }

    fn declare(&mut self, files: &'a [File], model: &'a Model<'a>) {
        let mut first_policy: Option<Span> = None;
        let mut first_chain: Option<Span> = None;
        let mut first_scale: Option<Span> = None;
        for decl in files.iter().flat_map(|f| &f.decls) {
            match decl {
                Decl::Policy(d) => {
                    if let Some(first) = first_policy {
                        self.diags
                            .push(second_decl("policy", d.id.span.join(d.title.span), first));
                    } else {
                        first_policy = Some(d.id.span);
                    }
                    self.add(Kind::Policy, &d.id, d.span, &d.title.value);
                }
                Decl::Chain(d) => {
                    if let Some(first) = first_chain {
                        self.diags.push(second_decl("chain", d.span, first));
                    } else {
                        first_chain = Some(d.span);
                        for level in &d.levels {
                            self.add(Kind::Level, &level.name, level.span, &level.title.value);
                        }
                    }
                }
                Decl::Scale(d) => {
                    if let Some(first) = first_scale {
                        self.diags.push(second_decl("scale", d.span, first));
                    } else {
                        first_scale = Some(d.span);
                        for status in &d.statuses {
                            self.add(Kind::Status, &status.name, status.span, &status.label.value);
                        }
                    }
                }
                Decl::Include(_) | Decl::Test(_) => {}
                Decl::Body(d) => self.add(Kind::Body, &d.id, d.span, &d.name.value),
                Decl::Indicator(d) => self.add(Kind::Indicator, &d.id, d.span, &d.title.value),
                Decl::Value(d) => self.add(Kind::Value, &d.id, d.span, &d.name.value),
                Decl::Report(d) => self.add(Kind::Report, &d.id, d.span, &d.name.value),
                Decl::Rule(d) => self.add(
                    Kind::Rule,
                    &d.id,
                    d.span,
                    d.title.as_ref().map_or("", |t| &t.value),
                ),
                Decl::Rollup(d) => self.add(
                    Kind::Rollup,
                    &d.id,
                    d.span,
                    d.title.as_ref().map_or("", |t| &t.value),
                ),
                Decl::Goal(d) => self.add(Kind::Goal, &d.id, d.span, &d.title.value),
                Decl::Activity(d) => self.add(Kind::Activity, &d.id, d.span, &d.title.value),
            }
        }
        if first_scale.is_none() {
            // The default scale's statuses have no declaration; they still resolve.
            for status in &model.scale {
                self.separate.insert(&status.name, BUILT_IN);
            }
        }
    }

    /// Resolves one reference; `code` is the code for an unknown name.
    fn refer(
        &mut self,
        id: &Ident,
        wanted: &[Kind],
        role: &'static str,
        code: Code,
    ) -> Option<usize> {
        // The kind the messages name: the first wanted (every caller wants one or two).
        let (Some(&named), false) = (wanted.first(), id.name.is_empty()) else {
            return None;
        };
        let separate = wanted
            .iter()
            .all(|k| matches!(k, Kind::Level | Kind::Status));
        let found = self.names(separate).get(id.name.as_str()).copied();
        let target = found.filter(|&i| i != BUILT_IN);
        self.symbols.references.push(Reference {
            span: id.span,
            target,
        });
        match found {
            Some(BUILT_IN) => None,
            Some(i) => {
                // Not `None`: a name maps to its symbol's index.
                let symbol = self.symbols.symbols.get(i)?;
                if !wanted.contains(&symbol.kind) {
                    let candidates: Vec<&str> = self
                        .symbols
                        .symbols
                        .iter()
                        .filter(|s| wanted.contains(&s.kind))
                        .map(|s| s.name.as_str())
                        .collect();
                    let known = few(&candidates);
                    let close = suggestions(&id.name, candidates);
                    let mut diag = Diagnostic::new(
                        Code::P0103,
                        id.span,
                        text!(
                            "names-wrong-kind",
                            name = &id.name,
                            kind = symbol.kind.a(),
                            role = role_text(role),
                            wanted = named.a()
                        ),
                    )
                    .primary(text!("names-wrong-kind.primary", kind = symbol.kind.a()))
                    .label(
                        symbol.span,
                        text!("names-wrong-kind.label", name = &id.name),
                    );
                    diag.help = Some(match (did_you_mean(&close), known) {
                        (Some(d), _) => d,
                        (None, Some(names)) => text!(
                            "names-wrong-kind-help-of",
                            wanted = named.a(),
                            names = names
                        ),
                        (None, None) => text!("names-wrong-kind-help", wanted = named.a()),
                    });
                    if let Some(best) = close.first() {
                        diag = diag.fix(text!("fix-change-to", to = best), best.clone());
                    }
                    self.diags.push(diag);
                    return None;
                }
                Some(i)
            }
            None => {
                let candidates: Vec<&str> = self
                    .names(separate)
                    .iter()
                    .filter(|(_, &i)| {
                        i == BUILT_IN
                            || self
                                .symbols
                                .symbols
                                .get(i)
                                .is_some_and(|s| wanted.contains(&s.kind))
                    })
                    .map(|(name, _)| *name)
                    .collect();
                let known = few(&candidates);
                let close = suggestions(&id.name, candidates);
                let mut diag = Diagnostic::new(
                    code,
                    id.span,
                    text!("names-unknown", role = role_text(role), name = &id.name),
                )
                .primary(text!(
                    "names-unknown.primary",
                    kind = named.key(),
                    name = &id.name
                ));
                diag.help = Some(match (did_you_mean(&close), known) {
                    (Some(d), _) => d,
                    (None, Some(names)) => text!(
                        "names-unknown-help-of",
                        wanted = named.a(),
                        name = &id.name,
                        names = names
                    ),
                    (None, None) => {
                        text!("names-unknown-help", wanted = named.a(), name = &id.name)
                    }
                });
                if let Some(best) = close.first() {
                    diag = diag.fix(text!("fix-change-to", to = best), best.clone());
                }
                self.diags.push(diag);
                None
            }
        }
    }

    fn resolve_all(&mut self, files: &'a [File], model: &Model) {
        use Kind::*;
        for decl in files.iter().flat_map(|f| &f.decls) {
            match decl {
                Decl::Policy(p) => {
                    if let Some(by) = p.adopted.as_ref().and_then(|a| a.by.as_ref()) {
                        self.refer(by, &[Body], "adopting-body", Code::P0101);
                    }
                    for by in p.revisions.iter().filter_map(|r| r.by.as_ref()) {
                        self.refer(by, &[Body], "revising-body", Code::P0101);
                    }
                    if let Some(rule) = &p.default_rule {
                        self.refer(rule, &[Rule], "default-rule", Code::P0101);
                    }
                }
                Decl::Body(b) => {
                    if let Some(parent) = &b.parent {
                        self.refer(parent, &[Body], "parent-body", Code::P0101);
                    }
                }
                Decl::Chain(c) => {
                    for level in &c.levels {
                        if let Some(under) = &level.under {
                            // Unknown levels here are P0207, reported by the chain checks.
                            if self.separate.contains_key(under.name.as_str()) {
                                self.refer(under, &[Level], "level-above", Code::P0207);
                            }
                        }
                        if let Some(rollup) = &level.assessed_by {
                            self.refer(rollup, &[Rollup], "rollup", Code::P0101);
                        }
                        for report in &level.followed_up {
                            self.refer(report, &[Report], "follow-up-report", Code::P0601);
                        }
                        self.named_twice(&level.followed_up, "followed up in");
                    }
                }
                Decl::Report(r) => {
                    for to in &r.to {
                        self.refer(to, &[Body], "recipient", Code::P0601);
                    }
                    self.named_twice(&r.to, "to");
                }
                Decl::Rule(rule) | Decl::Rollup(rule) => {
                    for band in &rule.bands {
                        self.status(&band.status);
                        for label in &band.labels {
                            self.refer(&label.report, &[Report], "label-report", Code::P0101);
                        }
                        if let Some(cond) = &band.condition {
                            for (atom, _) in cond.atoms() {
                                match atom {
                                    Atom::All(s) | Atom::Any(s) | Atom::NoneOf(s) => self.status(s),
                                    Atom::Share(s, ..) | Atom::Count(s, ..) => self.status(s),
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                Decl::Goal(g) => {
                    if model.chain.is_some() {
                        if self.separate.contains_key(g.level.name.as_str()) {
                            self.refer(&g.level, &[Level], "level", Code::P0104);
                        } else {
                            self.unknown_level(g, model);
                        }
                    }
                    for parent in &g.under {
                        self.refer(parent, &[Goal], "parent-goal", Code::P0101);
                    }
                    for (list, keyword) in [
                        (&g.under, "under"),
                        (&g.indicators, "indicators"),
                        (&g.follow_up, "follow-up"),
                        (&g.values, "values"),
                    ] {
                        self.named_twice(list, keyword);
                    }
                    if let Some(owner) = &g.owner {
                        self.refer(owner, &[Body], "owner", Code::P0101);
                    }
                    for body in &g.shared_with {
                        self.refer(body, &[Body], "sharing-body-goal", Code::P0101);
                    }
                    if !g.shared_with.is_empty() {
                        let owners: Vec<Ident> =
                            g.owner.iter().chain(&g.shared_with).cloned().collect();
                        self.named_twice(&owners, "owner");
                    }
                    if let Some(measure) = &g.measure {
                        self.refer(measure, &[Indicator], "measure", Code::P0101);
                    }
                    for ind in &g.indicators {
                        self.refer(ind, &[Indicator], "indicator", Code::P0101);
                    }
                    if let Some(rule) = &g.rule {
                        self.refer(rule, &[Rule], "rule", Code::P0101);
                    }
                    for report in &g.follow_up {
                        self.refer(report, &[Report], "follow-up-report", Code::P0601);
                    }
                    for value in &g.values {
                        self.refer(value, &[Value], "value", Code::P0101);
                    }
                }
                Decl::Test(t) => {
                    if let Some(report) = &t.report {
                        self.refer(report, &[Report], "test-report", Code::P0601);
                    }
                    for input in &t.inputs {
                        match input.kind {
                            InputKind::Motivation(_) => self.refer(
                                &input.name,
                                &[Goal, Indicator],
                                "motivation-target",
                                Code::P0101,
                            ),
                            _ => self.refer(&input.name, &[Indicator], "indicator", Code::P0101),
                        };
                    }
                    for expect in &t.expects {
                        self.refer(&expect.goal, &[Goal], "expected-goal", Code::P0101);
                        self.status(&expect.status);
                    }
                }
                Decl::Activity(a) => {
                    if let Some(goal) = &a.under {
                        self.refer(goal, &[Goal], "activity-goal", Code::P0101);
                    }
                    if let Some(owner) = &a.owner {
                        self.refer(owner, &[Body], "owner", Code::P0101);
                    }
                    for body in &a.shared_with {
                        self.refer(body, &[Body], "sharing-body-activity", Code::P0101);
                    }
                    if !a.shared_with.is_empty() {
                        let owners: Vec<Ident> =
                            a.owner.iter().chain(&a.shared_with).cloned().collect();
                        self.named_twice(&owners, "owner");
                    }
                }
                Decl::Include(_) | Decl::Scale(_) | Decl::Indicator(_) | Decl::Value(_) => {}
            }
        }
    }

    /// `under klima, klima`: a name given twice in one list (P0109).
    fn named_twice(&mut self, list: &[Ident], keyword: &str) {
        for (i, id) in list.iter().enumerate() {
            if let Some(first) = list.iter().take(i).find(|earlier| earlier.name == id.name) {
                self.diags.push(
                    Diagnostic::new(
                        Code::P0109,
                        id.span,
                        text!("names-named-twice", name = &id.name, keyword = keyword),
                    )
                    .primary(text!("names-named-twice.primary"))
                    .label(first.span, text!("names-named-twice.label"))
                    .help(text!("names-named-twice.help")),
                );
            }
        }
    }

    fn status(&mut self, id: &Ident) {
        self.refer(id, &[Kind::Status], "status", Code::P0305);
    }

    fn unknown_level(&mut self, goal: &Goal, model: &Model) {
        let levels: Vec<&str> = model.levels.keys().copied().collect();
        let close = suggestions(&goal.level.name, levels.iter().copied());
        let list = model
            .chain
            .map(|c| {
                c.levels
                    .iter()
                    .map(|l| format!("`{}`", l.name.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let mut diag = Diagnostic::new(
            Code::P0104,
            goal.level.span,
            text!(
                "names-unknown-level",
                goal = &goal.id.name,
                level = &goal.level.name
            ),
        )
        .primary(text!("names-unknown-level.primary"))
        .help(match did_you_mean(&close) {
            Some(d) => d.then(text!("names-unknown-level-are", list = list)),
            None => text!("names-unknown-level.help", list = list),
        });
        if let Some(best) = close.first() {
            diag = diag.fix(text!("fix-change-to", to = best), best.clone());
        }
        self.diags.push(diag);
    }
}

/// "the owner", "den ansvariga nämnden", "det ansvarlige udvalg": the role a reference has.
fn role_text(role: &'static str) -> crate::i18n::Text {
    text!("names-role", role = role)
}

fn second_decl(what: &str, span: Span, first: Span) -> Diagnostic {
    Diagnostic::new(Code::P0106, span, text!("names-second-decl", what = what))
        .primary(text!("names-second-decl.primary", what = what))
        .label(first, text!("names-second-decl.label", what = what))
        .help(text!("names-second-decl.help", what = what))
}

/// "`A`, `B`, `C`" when there are only a few names to choose from (the help of an unknown or
/// wrong reference that has no *did you mean*).
fn few(names: &[&str]) -> Option<String> {
    if names.is_empty() || names.len() > 8 {
        return None;
    }
    let mut sorted: Vec<&str> = names.to_vec();
    sorted.sort_unstable();
    let list: Vec<String> = sorted.iter().map(|n| format!("`{n}`")).collect();
    Some(list.join(", "))
}
