//! Reports rendered from an [`Evaluation`]: JSON for tools, CSV and XLSX for Excel and
//! Power BI, Markdown, and one self-contained HTML page; and the goal chain as a picture
//! (DOT, Mermaid, SVG) for `pejl graph`. Every format is deterministic: the same policy and
//! data give byte-identical output (XLSX aside, whose container carries a timestamp).

pub mod chart;
pub mod csv;
pub mod graph;
pub mod html;
pub mod json;
pub mod markdown;
#[cfg(feature = "xlsx")]
pub mod xlsx;

use crate::data::ValueKind;
use crate::eval::{Assessment, Evaluation, GoalResult, Lang, StatusInfo};
use std::collections::HashMap;
use std::path::Path;

/// The output formats of `pejl report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Md,
    Json,
    Csv,
    Xlsx,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Md),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The format a file name asks for (`report.xlsx` → XLSX).
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::parse)
    }
}

/// Renders an evaluation in a format.
pub fn render(ev: &Evaluation, format: Format) -> Result<Vec<u8>, String> {
    Ok(match format {
        Format::Html => html::render(ev).into_bytes(),
        Format::Md => markdown::render(ev).into_bytes(),
        Format::Json => json::render(ev).into_bytes(),
        Format::Csv => csv::render(ev).into_bytes(),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => xlsx::render(ev)?,
        #[cfg(not(feature = "xlsx"))]
        Format::Xlsx => {
            return Err("this build of pejl has no XLSX reports (the `xlsx` feature)".into())
        }
    })
}

/// The JSON Schema of the report JSON (`pejl schema --report`).
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Evaluation)).unwrap_or_default()
}

/// The fixed words of the reports, per language.
pub struct Texts {
    pub goal: &'static str,
    pub goal_id: &'static str,
    pub level: &'static str,
    pub owner: &'static str,
    pub status: &'static str,
    pub actual: &'static str,
    pub forecast: &'static str,
    pub target: &'static str,
    pub benchmark: &'static str,
    pub explanation: &'static str,
    pub wording: &'static str,
    pub motivation: &'static str,
    pub motivations: &'static str,
    pub indicator: &'static str,
    pub indicators: &'static str,
    pub area: &'static str,
    pub chain: &'static str,
    pub not_evaluated: &'static str,
    pub not_followed_up: &'static str,
    pub summary: &'static str,
    pub count: &'static str,
    pub goal_tree: &'static str,
    pub contents: &'static str,
    pub overall: &'static str,
    pub milestone: &'static str,
    pub recipient: &'static str,
    pub outcomes_for: &'static str,
    pub forecasts_for: &'static str,
    pub legend: &'static str,
    pub sheet: &'static str,
    pub made_by: &'static str,
    pub no_motivations: &'static str,
    pub version: &'static str,
    pub adopted: &'static str,
    pub revised: &'static str,
    pub by: &'static str,
    pub draft: &'static str,
    pub draft_notice: &'static str,
    /// "also under" (a shared goal listed again under a further parent).
    pub also_under: &'static str,
    /// The goal kinds: result, effect, activity.
    pub kinds: [&'static str; 3],
    pub kind_heading: &'static str,
    pub target_group: &'static str,
    pub values: &'static str,
    pub trend: &'static str,
    /// better than, worse than, unchanged since (the latest earlier outcome's year follows).
    pub trends: [&'static str; 3],
    /// "Utfall 2022–2024" before the series, in the chart's text alternative.
    pub series: &'static str,
    pub analysis: &'static str,
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Sv => &SV,
        Lang::Da => &DA,
        Lang::En => &EN,
    }
}

const SV: Texts = Texts {
    goal: "Mål",
    goal_id: "Mål-ID",
    level: "Nivå",
    owner: "Ansvarig",
    status: "Status",
    actual: "Utfall",
    forecast: "Prognos",
    target: "Målvärde",
    benchmark: "Jämförelse",
    explanation: "Förklaring",
    wording: "Bedömning",
    motivation: "Motivering",
    motivations: "Motiveringar",
    indicator: "Indikator",
    indicators: "Indikatorer",
    area: "Målområde",
    chain: "Målkedja",
    not_evaluated: "Ingen egen status",
    not_followed_up: "Följs inte upp",
    summary: "Sammanfattning",
    count: "Antal mål",
    goal_tree: "Målkedjan",
    contents: "Innehåll",
    overall: "Övergripande",
    milestone: "delmål",
    recipient: "Till",
    outcomes_for: "Utfall för",
    forecasts_for: "Prognos för",
    legend: "Status visas med färg, symbol och text: ✓ uppnått, ! delvis, ✗ inte uppnått, ? kan inte bedömas.",
    sheet: "Måluppfyllelse",
    made_by: "Framtagen med pejl ur policyn",
    no_motivations: "Inga motiveringar.",
    version: "Version",
    adopted: "antagen",
    revised: "reviderad",
    by: "av",
    draft: "utkast",
    also_under: "redovisas under",
    kinds: ["Resultatmål", "Effektmål", "Aktivitet"],
    kind_heading: "Måltyp",
    target_group: "Målgrupp",
    values: "Värderingar",
    trend: "Utveckling",
    trends: ["bättre än", "sämre än", "oförändrad sedan"],
    series: "Utfall",
    analysis: "Analys",
    draft_notice: "UTKAST: målpolicyn är inte antagen. Statusarna visar vad förslaget skulle ge.",
};

const DA: Texts = Texts {
    goal: "Mål",
    goal_id: "Mål-ID",
    level: "Niveau",
    owner: "Ansvarlig",
    status: "Status",
    actual: "Resultat",
    forecast: "Prognose",
    target: "Målværdi",
    benchmark: "Sammenligning",
    explanation: "Forklaring",
    wording: "Vurdering",
    motivation: "Begrundelse",
    motivations: "Begrundelser",
    indicator: "Indikator",
    indicators: "Indikatorer",
    area: "Målområde",
    chain: "Målkæde",
    not_evaluated: "Ingen egen status",
    not_followed_up: "Følges ikke op",
    summary: "Sammenfatning",
    count: "Antal mål",
    goal_tree: "Målkæden",
    contents: "Indhold",
    overall: "Overordnet",
    milestone: "delmål",
    recipient: "Til",
    outcomes_for: "Resultater for",
    forecasts_for: "Prognoser for",
    legend: "Status vises med farve, symbol og tekst: ✓ opfyldt, ! delvist, ✗ ikke opfyldt, ? kan ikke vurderes.",
    sheet: "Målopfyldelse",
    made_by: "Lavet med pejl ud fra politikken",
    no_motivations: "Ingen begrundelser.",
    version: "Version",
    adopted: "vedtaget",
    revised: "revideret",
    by: "af",
    draft: "udkast",
    also_under: "fremgår under",
    kinds: ["Resultatmål", "Effektmål", "Aktivitet"],
    kind_heading: "Måltype",
    target_group: "Målgruppe",
    values: "Værdier",
    trend: "Udvikling",
    trends: ["bedre end", "dårligere end", "uændret siden"],
    series: "Resultater",
    analysis: "Analyse",
    draft_notice: "UDKAST: målpolitikken er ikke vedtaget. Status viser, hvad forslaget ville give.",
};

const EN: Texts = Texts {
    goal: "Goal",
    goal_id: "Goal ID",
    level: "Level",
    owner: "Owner",
    status: "Status",
    actual: "Actual",
    forecast: "Forecast",
    target: "Target",
    benchmark: "Benchmark",
    explanation: "Explanation",
    wording: "Assessment",
    motivation: "Motivation",
    motivations: "Motivations",
    indicator: "Indicator",
    indicators: "Indicators",
    area: "Goal area",
    chain: "Goal chain",
    not_evaluated: "No status of its own",
    not_followed_up: "Not followed up",
    summary: "Summary",
    count: "Goals",
    goal_tree: "The goal chain",
    contents: "Contents",
    overall: "Overall",
    milestone: "milestone",
    recipient: "To",
    outcomes_for: "Outcomes for",
    forecasts_for: "Forecasts for",
    legend: "Status is shown by colour, symbol and text: ✓ met, ! partly met, ✗ not met, ? cannot be assessed.",
    sheet: "Attainment",
    made_by: "Made with pejl from the policy",
    no_motivations: "No motivations.",
    version: "Version",
    adopted: "adopted",
    revised: "revised",
    by: "by",
    draft: "draft",
    also_under: "shown under",
    kinds: ["Result goal", "Effect goal", "Activity"],
    kind_heading: "Goal kind",
    target_group: "Target group",
    values: "Values",
    trend: "Trend",
    trends: ["better than", "worse than", "unchanged since"],
    series: "Outcomes",
    analysis: "Analysis",
    draft_notice: "DRAFT: the goal policy is not adopted. The statuses show what the proposal would give.",
};

/// A goal's status as shown: (colour class, symbol, label).
pub fn marker<'a>(ev: &'a Evaluation, goal: &GoalResult) -> (&'a str, &'a str, String) {
    let t = texts(ev.language);
    match goal
        .status
        .as_deref()
        .and_then(|s| ev.scale.iter().find(|x| x.name == s))
    {
        Some(StatusInfo {
            color,
            symbol,
            label,
            ..
        }) => (color.as_str(), symbol.as_str(), label.clone()),
        None => (
            "none",
            "–",
            match goal.assessment {
                Assessment::NotFollowedUp => t.not_followed_up.to_string(),
                _ => t.not_evaluated.to_string(),
            },
        ),
    }
}

/// "Utfall" or "Prognos": what the value column holds.
pub fn value_heading(ev: &Evaluation) -> &'static str {
    let t = texts(ev.language);
    match ev.report.uses {
        ValueKind::Actual => t.actual,
        ValueKind::Forecast => t.forecast,
    }
}

/// A number with the unit's sign where one is usual (`84,5 %`).
pub fn number(ev: &Evaluation, goal: &GoalResult, value: Option<f64>) -> Option<String> {
    let v = value?;
    Some(match &goal.unit_spec {
        Some(unit) => unit.format(ev.language, v),
        None => ev.language.num(v),
    })
}

/// The benchmark cell: "70,1", or "70,1 (riksgenomsnittet)" when the indicator declares several
/// benchmarks and the one shown is the kind the deciding band compared with.
pub fn benchmark_text(ev: &Evaluation, goal: &GoalResult) -> Option<String> {
    let value = number(ev, goal, goal.benchmark)?;
    Some(match &goal.benchmark_label {
        Some(label) => format!("{value} ({label})"),
        None => value,
    })
}

/// The target cell: "75 (2026)", or "71 (delmål 2024)" when a milestone applies.
pub fn target_text(ev: &Evaluation, goal: &GoalResult) -> Option<String> {
    let t = texts(ev.language);
    let value = number(ev, goal, goal.target)?;
    Some(match goal.target_source {
        Some(crate::eval::TargetSource::Milestone) => {
            format!("{value} ({} {})", t.milestone, ev.year)
        }
        _ => match goal.target_year {
            Some(y) => format!("{value} ({y})"),
            None => value,
        },
    })
}

/// The goals in tree order (each goal after its first parent, children in source order),
/// with their depth below the top of the tree.
pub fn tree_order(ev: &Evaluation) -> Vec<(usize, usize)> {
    let index: HashMap<&str, usize> = ev
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    let mut placed = vec![false; ev.goals.len()];
    let mut out = Vec::with_capacity(ev.goals.len());
    let roots: Vec<usize> = (0..ev.goals.len())
        .filter(|&i| {
            ev.goals[i]
                .parents
                .first()
                .is_none_or(|p| !index.contains_key(p.as_str()))
        })
        .collect();
    let mut stack: Vec<(usize, usize)> = roots.into_iter().rev().map(|r| (r, 0)).collect();
    while let Some((g, depth)) = stack.pop() {
        if placed[g] {
            continue;
        }
        placed[g] = true;
        out.push((g, depth));
        let goal = &ev.goals[g];
        for child in goal.children.iter().rev() {
            if let Some(&c) = index.get(child.as_str()) {
                // Under its first parent only.
                if ev.goals[c].parents.first().map(String::as_str) == Some(goal.id.as_str()) {
                    stack.push((c, depth + 1));
                }
            }
        }
    }
    // Anything not reached (a cycle in an unchecked policy) goes last.
    for (g, done) in placed.iter().enumerate() {
        if !done {
            out.push((g, 0));
        }
    }
    out
}

/// A report section: a goal area and its goals in tree order (the area first).
pub struct Section<'a> {
    /// `None` for the goals above the area level (such as the vision).
    pub area: Option<&'a GoalResult>,
    pub goals: Vec<Row<'a>>,
}

/// A goal's line in a section.
pub struct Row<'a> {
    pub goal: &'a GoalResult,
    /// Below the section's top.
    pub depth: usize,
    /// For a goal with several parents, listed again under a further parent: the parent under
    /// which it stands in full (the goal is shown as shared there).
    pub shared_from: Option<&'a GoalResult>,
}

pub fn sections(ev: &Evaluation) -> Vec<Section<'_>> {
    let mut overall = Section {
        area: None,
        goals: Vec::new(),
    };
    let mut areas: Vec<Section> = Vec::new();
    let mut by_area: HashMap<&str, usize> = HashMap::new();
    let area_depth = ev
        .area_level
        .as_deref()
        .and_then(|a| ev.levels.iter().position(|l| l.name == a))
        .unwrap_or(0);
    let row = |goal, depth| Row {
        goal,
        depth,
        shared_from: None,
    };
    for (g, _) in tree_order(ev) {
        let goal = &ev.goals[g];
        let rel = goal.depth.saturating_sub(area_depth);
        match goal.area.as_deref() {
            Some(a) if a == goal.id => {
                by_area.insert(&goal.id, areas.len());
                areas.push(Section {
                    area: Some(goal),
                    goals: vec![row(goal, 0)],
                });
            }
            Some(a) => match by_area.get(a) {
                Some(&s) => areas[s].goals.push(row(goal, rel)),
                None => overall.goals.push(row(goal, goal.depth)),
            },
            None => overall.goals.push(row(goal, goal.depth)),
        }
    }
    let mut out = Vec::new();
    if !overall.goals.is_empty() {
        out.push(overall);
    }
    out.extend(areas);
    list_under_every_parent(ev, &mut out);
    out
}

/// A goal with several parents (Copenhagen's cross-cutting goals) stands in full under its
/// first parent; under each further parent it is listed again, after that parent's own goals,
/// marked as shared.
fn list_under_every_parent<'a>(ev: &'a Evaluation, sections: &mut [Section<'a>]) {
    let index: HashMap<&str, usize> = ev
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    for goal in &ev.goals {
        let Some(first) = goal.parents.first().and_then(|p| index.get(p.as_str())) else {
            continue;
        };
        for parent in goal.parents.iter().skip(1) {
            if !index.contains_key(parent.as_str()) {
                continue;
            }
            // Where the parent stands, and the end of its own goals below it.
            let found = sections.iter().enumerate().find_map(|(s, section)| {
                let at = section
                    .goals
                    .iter()
                    .position(|r| r.goal.id == *parent && r.shared_from.is_none())?;
                Some((s, at))
            });
            let Some((s, at)) = found else { continue };
            let rows = &sections[s].goals;
            let depth = rows[at].depth;
            let end = rows[at + 1..]
                .iter()
                .position(|r| r.depth <= depth)
                .map_or(rows.len(), |n| at + 1 + n);
            sections[s].goals.insert(
                end,
                Row {
                    goal,
                    depth: depth + 1,
                    shared_from: Some(&ev.goals[*first]),
                },
            );
        }
    }
}

/// The area level's display name ("Målområde"), or the generic word.
pub fn area_title(ev: &Evaluation) -> String {
    ev.area_level
        .as_deref()
        .and_then(|a| ev.levels.iter().find(|l| l.name == a))
        .map_or_else(|| texts(ev.language).area.to_string(), |l| l.title.clone())
}

/// "Årsredovisning 2024", "Årsredovisning 2024 (utkast)" for a draft policy.
pub fn title(ev: &Evaluation) -> String {
    if ev.policy.draft {
        format!(
            "{} {} ({})",
            ev.report.name,
            ev.year,
            texts(ev.language).draft
        )
    } else {
        format!("{} {}", ev.report.name, ev.year)
    }
}

/// The banner a report of a draft policy carries at its top.
pub fn draft_notice(ev: &Evaluation) -> Option<&'static str> {
    ev.policy.draft.then(|| texts(ev.language).draft_notice)
}

/// "Version 1.1 · antagen 2023-12-04 av Kommunfullmäktige · reviderad 2025-03-12": which
/// version of the policy the report follows.
pub fn policy_version(ev: &Evaluation) -> Option<String> {
    let t = texts(ev.language);
    let p = &ev.policy;
    let mut parts = Vec::new();
    if let Some(v) = &p.version {
        parts.push(format!("{} {v}", t.version));
    }
    if let Some(date) = &p.adopted {
        parts.push(match &p.adopted_by {
            Some(by) => format!("{} {date} {} {by}", t.adopted, t.by),
            None => format!("{} {date}", t.adopted),
        });
    }
    if let Some(date) = &p.revised {
        parts.push(format!("{} {date}", t.revised));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// "1.1 Fler invånare i arbete": the title with the goal's number.
pub fn goal_title(goal: &GoalResult) -> String {
    crate::syntax::ast::numbered(goal.number.as_deref(), &goal.title)
}

/// "↗ bättre än 2023 (70)": this year's value against the latest earlier outcome.
pub fn trend_text(ev: &Evaluation, goal: &GoalResult) -> Option<String> {
    let t = texts(ev.language);
    let last = goal.history.last()?;
    let (arrow, words) = match goal.trend? {
        crate::eval::Trend::Improving => ("↗", t.trends[0]),
        crate::eval::Trend::Worsening => ("↘", t.trends[1]),
        crate::eval::Trend::Unchanged => ("→", t.trends[2]),
    };
    let value = number(ev, goal, Some(last.value)).unwrap_or_default();
    Some(format!("{arrow} {words} {} ({value})", last.year))
}

/// "Effektmål": the goal's kind in the report's language.
pub fn goal_kind(ev: &Evaluation, goal: &GoalResult) -> Option<&'static str> {
    let t = texts(ev.language);
    match goal.goal_kind.as_deref() {
        Some("result") => Some(t.kinds[0]),
        Some("effect") => Some(t.kinds[1]),
        Some("activity") => Some(t.kinds[2]),
        _ => None,
    }
}

/// What the policy says of a goal besides its numbers: its kind, its target group and the core
/// values it serves (`Effektmål`, `Målgruppe: Elever i 9. klasse`, `Værdier: Fællesskab`).
pub fn goal_facts(ev: &Evaluation, goal: &GoalResult) -> Vec<String> {
    let t = texts(ev.language);
    let mut facts = Vec::new();
    facts.extend(goal_kind(ev, goal).map(str::to_string));
    if let Some(group) = &goal.target_group {
        facts.push(format!("{}: {group}", t.target_group));
    }
    if !goal.values.is_empty() {
        facts.push(format!("{}: {}", t.values, goal.values.join(", ")));
    }
    facts
}

/// Every body that answers for the goal, the answering one first, by name.
pub fn owners(goal: &GoalResult) -> Option<String> {
    let first = goal.owner_name.as_deref().or(goal.owner.as_deref())?;
    let mut names = vec![first.to_string()];
    names.extend(
        goal.shared_with
            .iter()
            .map(|b| b.name.clone().unwrap_or_else(|| b.id.clone())),
    );
    Some(names.join(", "))
}

/// The activities of each goal (by goal ID), in source order.
pub fn activities_by_goal(ev: &Evaluation) -> HashMap<&str, Vec<&crate::eval::ActivityResult>> {
    let mut out: HashMap<&str, Vec<&crate::eval::ActivityResult>> = HashMap::new();
    for a in &ev.activities {
        out.entry(a.goal.as_str()).or_default().push(a);
    }
    out
}

/// An activity's progress as shown: (CSS class, symbol). The symbols are not the statuses'
/// (✓ ! ✗ ?): progress is not an assessment.
pub fn progress_marker(a: &crate::eval::ActivityResult) -> (&'static str, &'static str) {
    use crate::data::progress::State;
    match a.progress {
        Some(State::Planned) => ("planned", "○"),
        Some(State::Started) => ("started", "◐"),
        Some(State::Done) => ("done", "●"),
        Some(State::Cancelled) => ("cancelled", "⊘"),
        None => ("none", "–"),
    }
}

/// Every body that carries out the activity, by name.
pub fn activity_owners(a: &crate::eval::ActivityResult) -> Option<String> {
    let first = a.owner_name.as_deref().or(a.owner.as_deref())?;
    let mut names = vec![first.to_string()];
    names.extend(
        a.shared_with
            .iter()
            .map(|b| b.name.clone().unwrap_or_else(|| b.id.clone())),
    );
    Some(names.join(", "))
}

/// "Aktiviteter 2024-08-31: Planerad 1 · Påbörjad 2 · Klar 1 · Försenade 1": how many
/// activities stand where on the last day the report covers.
pub fn activity_summary(ev: &Evaluation) -> Option<String> {
    use crate::data::progress::State;
    use crate::eval::activities::{state_label, words};
    let as_of = ev.activities_as_of.as_deref()?;
    let w = words(ev.language);
    let states = [
        Some(State::Planned),
        Some(State::Started),
        Some(State::Done),
        Some(State::Cancelled),
        None,
    ];
    let mut parts: Vec<String> = states
        .iter()
        .filter_map(|s| {
            let n = ev.activities.iter().filter(|a| a.progress == *s).count();
            (n > 0).then(|| format!("{} {n}", state_label(ev.language, *s)))
        })
        .collect();
    let late = ev.activities.iter().filter(|a| a.late).count();
    if late > 0 {
        parts.push(format!("{} {late}", w.late_heading));
    }
    Some(format!("{} {as_of}: {}", w.heading, parts.join(" · ")))
}
