//! The report as one self-contained HTML page: no external assets and no JavaScript, so it
//! can be mailed, archived and printed as an attachment to a council agenda. Per goal area a
//! table whose status markers carry a symbol and text as well as colour (readable in black
//! and white and by colour-blind readers), the goal tree as inline SVG, each status's
//! explanation, the motivations, and print CSS. Every user text is HTML-escaped.

use super::graph::{self, Graph};
use super::{
    activities_by_goal, activity_owners, activity_summary, area_title, draft_notice, goal_facts,
    goal_title, marker, number, owners, policy_version, sections, target_text, texts, title,
    trend_text, value_heading,
};
use crate::eval::{Evaluation, GoalResult};
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --ink: #1d1d1f; --muted: #5b616a; --line: #d9dce1; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); line-height: 1.45; margin: 0 auto; padding: 1.5rem 1rem 3rem; max-width: 80rem; }
h1 { font-size: 1.9rem; margin: 0 0 .2rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
.lead { color: var(--muted); margin: 0 0 1rem; }
.version { color: var(--muted); margin: -0.5rem 0 1rem; font-size: 0.9rem; }
.draft { border: 3px solid #b45309; background: #fff7ed; color: #7c2d12; font-weight: 700; padding: 0.6rem 0.9rem; margin: 0 0 1rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; table-layout: fixed; }
col.c-goal { width: 21.5%; } col.c-owner { width: 16%; } col.c-status { width: 12.5%; }
col.c-value { width: 7%; } col.c-target { width: 9%; } col.c-bench { width: 10.5%; } col.c-expl { width: 23.5%; }
th, td { overflow-wrap: break-word; hyphens: manual; }
h1, h2, th { overflow-wrap: normal; word-break: normal; }
th.num { text-align: right; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: #f2f3f5; border-bottom: 2px solid #8a9099; font-size: .85em; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.target { white-space: normal; }
td.target .v, td.target .note { white-space: nowrap; }
td.target .note { display: inline-block; color: var(--muted); font-size: .85em; }
tr.area-row td { background: #f7f8fa; }
tr.area-row td:first-child { font-weight: 600; }
.goal-id { display: block; color: var(--muted); font: .78em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.goal-meta { display: block; color: var(--muted); font-size: .8em; font-weight: 400; }
.goal-meta code { font: .95em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.trend { display: block; color: var(--muted); font-size: .78em; white-space: normal; text-align: right; }
svg.chart { display: block; margin-top: .3rem; max-width: 100%; height: auto; color: #1f2937; }
.goal-fact { display: block; color: var(--muted); font-size: .8em; font-style: italic; }
tr.shared td { color: var(--muted); }
.d1 td:first-child { padding-left: 1.4rem; } .d2 td:first-child { padding-left: 2.4rem; }
.d3 td:first-child { padding-left: 3.4rem; } .d4 td:first-child { padding-left: 4.4rem; }
.status { display: inline-block; font-weight: 600; padding: .05rem .55rem .05rem .35rem;
  border-radius: .8rem; border: 1.5px solid #1d1d1f; font-size: .95em; }
.status .sym { display: inline-block; width: 1.1em; text-align: center; font-weight: 800; }
.status-green { background: #1b7d3a; color: #fff; border-color: #0f5225; }
.status-yellow { background: #f5cd2f; color: #1d1d1f; border-color: #9a7b00; }
.status-red { background: #c0392b; color: #fff; border-color: #7d1f15; }
.status-grey { background: #d5d8dd; color: #1d1d1f; border-color: #5f6670; }
.status-none { background: #fff; color: var(--muted); border: 1.5px dashed #8a9099; font-weight: 500; }
.wording { font-style: italic; display: block; }
.explanation { display: block; }
.motivation { display: block; margin-top: .25rem; padding-left: .5rem; border-left: 3px solid #8a9099; }
.analysis { display: block; margin-top: .25rem; }
.indicators { display: block; color: var(--muted); font-size: .85em; margin-top: .2rem; }
tr.activity td { font-size: .95em; }
tr.activity td.goal::before { content: "▸ "; color: var(--muted); }
.progress { display: inline-block; font-weight: 600; padding: .05rem .55rem .05rem .35rem;
  border-radius: .8rem; border: 1.5px solid #5f6670; background: #fff; color: var(--ink); font-size: .95em; }
.progress .sym { display: inline-block; width: 1.1em; text-align: center; }
.progress-done { border-color: #1b7d3a; color: #0f5225; }
.progress-cancelled { border-style: dashed; color: var(--muted); }
.progress-none { border-style: dashed; color: var(--muted); font-weight: 500; }
.activity-facts { display: block; color: var(--muted); font-size: .9em; }
.late { display: block; color: #9f1c12; font-weight: 600; }
.activity-summary { margin: .3rem 0 0; }
.summary { display: flex; flex-wrap: wrap; gap: .6rem 1.2rem; list-style: none; padding: 0; }
.legend { color: var(--muted); font-size: .9rem; }
figure.tree { margin: 0; overflow-x: auto; border: 1px solid var(--line); padding: .5rem; }
figure.tree svg { max-width: 100%; height: auto; }
dl.motivations dt { font-weight: 600; margin-top: .6rem; }
dl.motivations dd { margin: .2rem 0 0 1.2rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 40rem) {
  body { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.15rem; }
  nav ol { columns: 1; }
  /* Each goal becomes a card: the title on top, then each value with its label. */
  table, tbody, tr, td { display: block; width: 100%; }
  colgroup, thead { display: none; }
  tr { border: 1px solid var(--line); border-radius: .4rem; margin: 0 0 .7rem; padding: .45rem .65rem; }
  tr.d1 { margin-left: .5rem; width: calc(100% - .5rem); } tr.d2 { margin-left: 1rem; width: calc(100% - 1rem); }
  tr.d3, tr.d4 { margin-left: 1.5rem; width: calc(100% - 1.5rem); }
  .d1 td:first-child, .d2 td:first-child, .d3 td:first-child, .d4 td:first-child { padding-left: 0; }
  td { border: none; padding: .15rem 0; }
  td.num, td.target { text-align: left; white-space: normal; }
  td.goal { font-weight: 600; margin-bottom: .2rem; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85em; font-weight: 500; }
  td.explain:empty { display: none; }
  tr.activity { border-style: dashed; }
  .trend { display: inline; margin-left: .4rem; }
  /* The tree keeps a readable size and scrolls sideways. */
  figure.tree svg { max-width: none; }
}
@media print {
  @page { size: A4 landscape; margin: 12mm 12mm 14mm;
    @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5b616a; } }
  body { max-width: none; padding: 0; font-size: 9pt; }
  table { font-size: 8pt; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, figure.tree, dl.motivations dt, dl.motivations dd { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .status, .status-none, .progress, .late, tr.area-row td, thead th, figure.tree svg {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure.tree { border: none; overflow: visible; }
  section.tree { break-before: page; page-break-before: always; }
  section.tree h2 { margin-top: 0; }
  figure.tree { padding: 0; }
  figure.tree svg { display: block; margin: 0 auto; width: auto; height: auto; max-width: 100%; max-height: 168mm; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The status marker: colour, symbol and text.
fn status_marker(ev: &Evaluation, goal: &GoalResult) -> String {
    let (color, symbol, label) = marker(ev, goal);
    format!(
        "<span class=\"status status-{color}\"><span class=\"sym\" aria-hidden=\"true\">{}</span> {}</span>",
        escape(symbol),
        escape(&label)
    )
}

/// The target cell: the value, then its year or "(delmål 2024)" as a note that may go to a
/// second line in a narrow column (the same words as [`target_text`]).
fn target_cell(ev: &Evaluation, goal: &GoalResult) -> Option<String> {
    let value = number(ev, goal, goal.target)?;
    let full = target_text(ev, goal)?;
    let note = full.strip_prefix(value.as_str()).map(str::trim_start);
    Some(match note {
        Some(note) if !note.is_empty() => format!(
            "<span class=\"v\">{}</span> <span class=\"note\">{}</span>",
            escape(&value),
            escape(note)
        ),
        _ => escape(&full),
    })
}

/// Text with a no-break space before a percent sign, so "50 %" never breaks across lines.
fn keep_units(text: &str) -> String {
    text.replace(" %", "\u{a0}%")
}

fn anchor(id: &str) -> String {
    format!("goal-{}", safe_id(id))
}

/// An ID with every character that is not a letter, digit, `-` or `_` replaced by `-`.
fn safe_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

pub fn render(ev: &Evaluation) -> String {
    let t = texts(ev.language);
    let page_title = title(ev);
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", ev.language.code());
    let _ = writeln!(out, "<head>\n<meta charset=\"utf-8\">");
    let _ = writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    );
    let _ = writeln!(
        out,
        "<title>{} – {}</title>",
        escape(&page_title),
        escape(&ev.policy.title)
    );
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&page_title));
    let period = match ev.report.uses {
        crate::data::ValueKind::Actual => t.outcomes_for,
        crate::data::ValueKind::Forecast => t.forecasts_for,
    };
    let mut lead = format!(
        "<strong>{}</strong> · {period} {}",
        escape(&ev.policy.title),
        ev.year
    );
    if !ev.report.recipients.is_empty() {
        let to = ev.report.recipients.join(", ");
        let _ = write!(lead, " · {}: {}", t.recipient, escape(&to));
    }
    if let Some(body) = &ev.report.body {
        let _ = write!(lead, " · {}: {}", t.owner, escape(body));
    }
    let _ = writeln!(out, "<p class=\"lead\">{lead}</p>");
    if let Some(version) = policy_version(ev) {
        let _ = writeln!(out, "<p class=\"version\">{}</p>", escape(&version));
    }
    if let Some(notice) = draft_notice(ev) {
        let _ = writeln!(
            out,
            "<p class=\"draft\" role=\"note\">{}</p>",
            escape(notice)
        );
    }
    out.push_str("</header>\n");

    // Summary.
    let _ = writeln!(out, "<section>\n<h2 id=\"summary\">{}</h2>", t.summary);
    out.push_str("<ul class=\"summary\">\n");
    for (info, count) in ev.scale.iter().zip(&ev.summary.statuses) {
        let _ = writeln!(
            out,
            "<li><span class=\"status status-{}\"><span class=\"sym\" aria-hidden=\"true\">{}</span> {}</span> {}</li>",
            info.color,
            escape(&info.symbol),
            escape(&info.label),
            count.count
        );
    }
    for (n, label) in [
        (ev.summary.not_evaluated, t.not_evaluated),
        (ev.summary.not_followed_up, t.not_followed_up),
    ] {
        if n > 0 {
            let _ = writeln!(
                out,
                "<li><span class=\"status status-none\"><span class=\"sym\" aria-hidden=\"true\">–</span> {label}</span> {n}</li>"
            );
        }
    }
    out.push_str("</ul>\n");
    let _ = writeln!(out, "<p class=\"legend\">{}</p>", escape(t.legend));
    if let Some(summary) = activity_summary(ev) {
        let _ = writeln!(
            out,
            "<p class=\"activity-summary\">{}</p>",
            escape(&summary)
        );
    }
    out.push_str("</section>\n");

    let sections = sections(ev);
    let area = area_title(ev);
    let activities = activities_by_goal(ev);
    // Contents.
    let _ = writeln!(out, "<nav>\n<h2>{}</h2>\n<ol>", t.contents);
    for s in &sections {
        match s.area {
            Some(a) => {
                let _ = writeln!(
                    out,
                    "<li><a href=\"#{}\">{}</a></li>",
                    anchor(&a.id),
                    escape(&a.title)
                );
            }
            None => {
                let _ = writeln!(out, "<li><a href=\"#overall\">{}</a></li>", t.overall);
            }
        }
    }
    let _ = writeln!(
        out,
        "<li><a href=\"#tree\">{}</a></li>\n<li><a href=\"#motivations\">{}</a></li>\n</ol>\n</nav>",
        t.goal_tree, t.motivations
    );

    // One table per goal area.
    for s in &sections {
        let (id, heading) = match s.area {
            Some(a) => (
                anchor(&a.id),
                format!("{}: {}", escape(&area), escape(&a.title)),
            ),
            None => ("overall".to_string(), t.overall.to_string()),
        };
        let _ = writeln!(out, "<section>\n<h2 id=\"{id}\">{heading}</h2>");
        let _ = writeln!(
            out,
            "<table>\n<colgroup><col class=\"c-goal\"><col class=\"c-owner\"><col class=\"c-status\"><col class=\"c-value\"><col class=\"c-target\"><col class=\"c-bench\"><col class=\"c-expl\"></colgroup>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>",
            t.goal,
            t.owner,
            t.status,
            value_heading(ev),
            t.target,
            t.benchmark,
            t.explanation
        );
        // Labels for the cells when the table is shown as cards (on a phone).
        let (owner, status) = (t.owner, t.status);
        let value_label = escape(value_heading(ev));
        let (target_label, bench_label) = (t.target, t.benchmark);
        for row in &s.goals {
            let (goal, depth) = (row.goal, row.depth);
            let mut class = format!("d{}", depth.min(4));
            if s.area.is_some_and(|a| a.id == goal.id) {
                class.push_str(" area-row");
            }
            let dash = || "–".to_string();
            // A goal listed again under a further parent links to its full row and is marked
            // as shared there; its values are the same.
            let head = match row.shared_from {
                Some(first) => format!(
                    "<tr class=\"{class} shared\"><td class=\"goal\"><a href=\"#{}\">{}</a><span class=\"goal-meta\">{} · <code>{}</code> · ↔ {} {}</span></td>",
                    anchor(&goal.id),
                    escape(&goal_title(goal)),
                    escape(&goal.level_title),
                    escape(&goal.id),
                    t.also_under,
                    escape(&goal_title(first)),
                ),
                None => {
                    let facts: String = goal_facts(ev, goal)
                        .iter()
                        .map(|f| format!("<span class=\"goal-fact\">{}</span>", escape(f)))
                        .collect();
                    format!(
                        "<tr class=\"{class}\" id=\"{}\"><td class=\"goal\">{}<span class=\"goal-meta\">{} · <code>{}</code></span>{facts}</td>",
                        anchor(&goal.id),
                        escape(&goal_title(goal)),
                        escape(&goal.level_title),
                        escape(&goal.id),
                    )
                }
            };
            let _ = write!(
                out,
                "{head}<td data-label=\"{owner}\">{}</td><td data-label=\"{status}\">{}</td>",
                escape(&owners(goal).unwrap_or_else(dash)),
                status_marker(ev, goal)
            );
            let trend = trend_text(ev, goal)
                .filter(|_| row.shared_from.is_none())
                .map(|t| format!("<span class=\"trend\">{}</span>", escape(&t)))
                .unwrap_or_default();
            let _ = write!(
                out,
                "<td class=\"num\" data-label=\"{value_label}\">{}{trend}</td><td class=\"num target\" data-label=\"{target_label}\">{}</td><td class=\"num\" data-label=\"{bench_label}\">{}</td>",
                escape(&number(ev, goal, goal.value).unwrap_or_else(dash)),
                target_cell(ev, goal).unwrap_or_else(dash),
                benchmark_cell(ev, goal)
            );
            if row.shared_from.is_some() {
                out.push_str("<td class=\"explain\"></td></tr>\n");
                continue;
            }
            let _ = write!(
                out,
                "<td class=\"explain\" data-label=\"{}\">",
                t.explanation
            );
            if let Some(w) = &goal.wording {
                let _ = write!(out, "<span class=\"wording\">{}</span>", escape(w));
            }
            let _ = write!(
                out,
                "<span class=\"explanation\">{}</span>",
                escape(&keep_units(&goal.explanation))
            );
            if let Some(chart) = super::chart::svg(ev, goal) {
                out.push_str(&chart);
            }
            if let Some(m) = &goal.motivation {
                let _ = write!(
                    out,
                    "<span class=\"motivation\"><strong>{}:</strong> {}</span>",
                    t.motivation,
                    escape(m)
                );
            }
            if let Some(a) = &goal.analysis {
                let _ = write!(
                    out,
                    "<span class=\"analysis\"><strong>{}:</strong> {}</span>",
                    t.analysis,
                    escape(a)
                );
            }
            if !goal.indicator_values.is_empty() {
                let items: Vec<String> = goal
                    .indicator_values
                    .iter()
                    .map(|iv| {
                        // With the unit, as in the value columns (`8,1 %`).
                        let with_unit = |n: f64| match &iv.unit_spec {
                            Some(unit) => unit.format(ev.language, n),
                            None => ev.language.num(n),
                        };
                        let v = iv.value.map_or_else(|| "–".to_string(), with_unit);
                        match iv.benchmark {
                            Some(b) => format!(
                                "{} {v} ({} {})",
                                iv.title,
                                t.benchmark.to_lowercase(),
                                with_unit(b)
                            ),
                            None => format!("{} {v}", iv.title),
                        }
                    })
                    .collect();
                let _ = write!(
                    out,
                    "<span class=\"indicators\">{}: {}</span>",
                    t.indicators,
                    escape(&items.join("; "))
                );
            }
            out.push_str("</td></tr>\n");
            for a in activities.get(goal.id.as_str()).into_iter().flatten() {
                activity_row(&mut out, ev, a, depth + 1);
            }
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    // The goal tree.
    let _ = writeln!(
        out,
        "<section class=\"tree\">\n<h2 id=\"tree\">{}</h2>\n<figure class=\"tree\">",
        t.goal_tree
    );
    out.push_str(&graph::svg(&Graph::from_evaluation(ev)));
    out.push_str("</figure>\n</section>\n");

    // Motivations (grey goals first, then any other goal with one).
    let _ = writeln!(
        out,
        "<section>\n<h2 id=\"motivations\">{}</h2>",
        t.motivations
    );
    let mut with: Vec<&GoalResult> = sections
        .iter()
        .flat_map(|s| {
            s.goals
                .iter()
                .filter(|r| r.shared_from.is_none())
                .map(|r| r.goal)
        })
        .filter(|g| g.motivation.is_some())
        .collect();
    let not_assessable = |g: &GoalResult| {
        g.status
            .as_deref()
            .and_then(|s| ev.scale.iter().find(|x| x.name == s))
            .is_some_and(|s| s.not_assessable)
    };
    with.sort_by_key(|g| !not_assessable(g));
    if with.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", t.no_motivations);
    } else {
        out.push_str("<dl class=\"motivations\">\n");
        for g in with {
            let _ = writeln!(
                out,
                "<dt>{} {} <span class=\"goal-id\">{}</span></dt><dd>{}</dd>",
                status_marker(ev, g),
                escape(&goal_title(g)),
                escape(&g.id),
                escape(g.motivation.as_deref().unwrap_or_default())
            );
        }
        out.push_str("</dl>\n");
    }
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<footer>{} <code>{}</code>.</footer>\n</body>\n</html>",
        t.made_by,
        escape(&ev.policy.id)
    );
    out
}

/// An activity's row under its goal: title, owner, progress, then its dates, budget, lateness
/// and comment across the number columns (on a phone, a card like the goals').
fn activity_row(out: &mut String, ev: &Evaluation, a: &crate::eval::ActivityResult, depth: usize) {
    let t = texts(ev.language);
    let w = crate::eval::activities::words(ev.language);
    let (class, symbol) = super::progress_marker(a);
    let _ = write!(
        out,
        "<tr class=\"d{} activity\" id=\"activity-{}\"><td class=\"goal\">{}<span class=\"goal-meta\">{} · <code>{}</code></span></td><td data-label=\"{}\">{}</td><td data-label=\"{}\"><span class=\"progress progress-{class}\"><span class=\"sym\" aria-hidden=\"true\">{symbol}</span> {}</span></td><td class=\"explain\" colspan=\"4\" data-label=\"{}\">",
        depth.min(4),
        safe_id(&a.id),
        escape(&a.title),
        t.kinds[2],
        escape(&a.id),
        t.owner,
        escape(&activity_owners(a).unwrap_or_else(|| "–".to_string())),
        w.progress,
        escape(&a.progress_label),
        t.explanation,
    );
    let mut facts = crate::eval::activities::details(ev.language, a);
    if a.late {
        facts.retain(|f| f != w.late);
    }
    if !facts.is_empty() {
        let _ = write!(
            out,
            "<span class=\"activity-facts\">{}</span>",
            escape(&facts.join(" · "))
        );
    }
    if a.late {
        let _ = write!(
            out,
            "<span class=\"late\">{}</span>",
            escape(&capitalise(w.late))
        );
    }
    if let Some(c) = &a.comment {
        let _ = write!(
            out,
            "<span class=\"analysis\"><strong>{}:</strong> {}</span>",
            w.comment,
            escape(c)
        );
    }
    out.push_str("</td></tr>\n");
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The benchmark cell: the number, and under it (small, like the trend) which benchmark it is
/// when the indicator declares several, so that a narrow column is not overrun.
fn benchmark_cell(ev: &Evaluation, goal: &GoalResult) -> String {
    let Some(value) = number(ev, goal, goal.benchmark) else {
        return "–".to_string();
    };
    match &goal.benchmark_label {
        Some(label) => format!(
            "{}<span class=\"trend\">{}</span>",
            escape(&value),
            escape(label)
        ),
        None => escape(&value),
    }
}
