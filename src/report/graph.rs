//! The goal chain as a picture: DOT (Graphviz), Mermaid, or a self-contained SVG (the one
//! the HTML report embeds). Nodes carry their status when drawn from an evaluation.
//!
//! SVG layout: one column per chain level, left to right; each goal sits under its first
//! parent, leaves one per row and parents centred on their children. Links to further
//! parents (a Copenhagen effort serving several effect goals) are drawn dashed.

use super::html::escape;
use crate::eval::Evaluation;
use crate::ir::Compiled;
use std::collections::HashMap;
use std::fmt::Write;

#[derive(Debug, Clone)]
pub struct Graph {
    pub title: String,
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    pub title: String,
    pub level_title: String,
    /// Column: the level's position in the chain.
    pub column: usize,
    /// Indices of the parent nodes, the first parent first.
    pub parents: Vec<usize>,
    pub status: Option<NodeStatus>,
}

#[derive(Debug, Clone)]
pub struct NodeStatus {
    /// green, yellow, red or grey
    pub color: String,
    pub symbol: String,
    pub label: String,
}

impl Graph {
    /// The policy's goals without statuses (`pejl graph`).
    pub fn from_compiled(compiled: &Compiled) -> Graph {
        let index: HashMap<&str, usize> = compiled
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), i))
            .collect();
        let levels: HashMap<&str, (usize, &str)> = compiled
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.name.as_str(), (i, l.title.as_str())))
            .collect();
        Graph {
            title: compiled
                .policy
                .as_ref()
                .map_or_else(String::new, |p| p.title.clone()),
            nodes: compiled
                .goals
                .iter()
                .map(|g| {
                    let (column, level_title) =
                        levels.get(g.level.as_str()).copied().unwrap_or((0, ""));
                    Node {
                        id: g.id.clone(),
                        title: crate::syntax::ast::numbered(g.number.as_deref(), &g.title),
                        level_title: if level_title.is_empty() {
                            g.level.clone()
                        } else {
                            level_title.to_string()
                        },
                        column,
                        parents: g
                            .parents
                            .iter()
                            .filter_map(|p| index.get(p.as_str()).copied())
                            .collect(),
                        status: None,
                    }
                })
                .collect(),
        }
    }

    /// The goals with the statuses of an evaluation (the HTML report).
    pub fn from_evaluation(ev: &Evaluation) -> Graph {
        let index: HashMap<&str, usize> = ev
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), i))
            .collect();
        Graph {
            title: format!("{} – {} {}", ev.policy.title, ev.report.name, ev.year),
            nodes: ev
                .goals
                .iter()
                .map(|g| {
                    let (color, symbol, label) = super::marker(ev, g);
                    Node {
                        id: g.id.clone(),
                        title: super::goal_title(g),
                        level_title: g.level_title.clone(),
                        column: g.depth,
                        parents: g
                            .parents
                            .iter()
                            .filter_map(|p| index.get(p.as_str()).copied())
                            .collect(),
                        status: Some(NodeStatus {
                            color: color.to_string(),
                            symbol: symbol.to_string(),
                            label,
                        }),
                    }
                })
                .collect(),
        }
    }

    /// Children placed under each node (those whose first parent it is), in source order.
    fn tree_children(&self) -> Vec<Vec<usize>> {
        let mut children = vec![Vec::new(); self.nodes.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            if let Some(&p) = n.parents.first() {
                children[p].push(i);
            }
        }
        children
    }
}

/// Fill and stroke colours per status colour.
fn colours(color: &str) -> (&'static str, &'static str, &'static str) {
    // (node fill, stroke and badge, badge text)
    match color {
        "green" => ("#e3f4e8", "#1b7d3a", "#ffffff"),
        "yellow" => ("#fdf5cf", "#9a7b00", "#ffffff"),
        "red" => ("#fbe1de", "#c0392b", "#ffffff"),
        "grey" => ("#eceef1", "#5f6670", "#ffffff"),
        _ => ("#ffffff", "#8a9099", "#ffffff"),
    }
}

pub fn dot(graph: &Graph) -> String {
    let q = |s: &str| {
        format!(
            "\"{}\"",
            s.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n")
        )
    };
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", q(&graph.title));
    let _ = writeln!(out, "  rankdir=LR;");
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];"
    );
    for n in &graph.nodes {
        let mut label = format!("{}\n({})", n.title, n.level_title);
        let mut attrs = String::new();
        if let Some(s) = &n.status {
            label = format!("{} {}\n{label}", s.symbol, s.label);
            let (fill, stroke, _) = colours(&s.color);
            let _ = write!(attrs, ", fillcolor=\"{fill}\", color=\"{stroke}\"");
        }
        let _ = writeln!(out, "  {} [label={}{attrs}];", q(&n.id), q(&label));
    }
    for n in &graph.nodes {
        for (k, &p) in n.parents.iter().enumerate() {
            let style = if k == 0 { "" } else { " [style=dashed]" };
            let _ = writeln!(out, "  {} -> {}{style};", q(&graph.nodes[p].id), q(&n.id));
        }
    }
    out.push_str("}\n");
    out
}

pub fn mermaid(graph: &Graph) -> String {
    let esc = |s: &str| {
        s.replace('#', "#35;")
            .replace('&', "#amp;")
            .replace('"', "#quot;")
            .replace('<', "#lt;")
            .replace('>', "#gt;")
            .replace('\n', " ")
    };
    let mut out = String::from("flowchart LR\n");
    for (i, n) in graph.nodes.iter().enumerate() {
        let status = n
            .status
            .as_ref()
            .map(|s| format!("{} {}<br/>", s.symbol, esc(&s.label)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  g{i}[\"{status}{}<br/><small>{}</small>\"]",
            esc(&n.title),
            esc(&n.level_title)
        );
    }
    for (i, n) in graph.nodes.iter().enumerate() {
        for (k, &p) in n.parents.iter().enumerate() {
            let arrow = if k == 0 { "-->" } else { "-.->" };
            let _ = writeln!(out, "  g{p} {arrow} g{i}");
        }
    }
    let mut by_colour: Vec<(&str, Vec<usize>)> = Vec::new();
    for (i, n) in graph.nodes.iter().enumerate() {
        if let Some(s) = &n.status {
            match by_colour.iter_mut().find(|(c, _)| *c == s.color) {
                Some((_, list)) => list.push(i),
                None => by_colour.push((&s.color, vec![i])),
            }
        }
    }
    for (colour, list) in by_colour {
        let (fill, stroke, _) = colours(colour);
        let class = format!("st_{colour}");
        let _ = writeln!(out, "  classDef {class} fill:{fill},stroke:{stroke}");
        let ids: Vec<String> = list.iter().map(|i| format!("g{i}")).collect();
        let _ = writeln!(out, "  class {} {class}", ids.join(","));
    }
    out
}

const NODE_W: f64 = 260.0;
const NODE_H: f64 = 50.0;
const COL_GAP: f64 = 50.0;
const ROW_H: f64 = 60.0;
const MARGIN: f64 = 10.0;
const CHARS_PER_LINE: usize = 33;

/// Splits a title into at most two lines that fit a node, with "…" when cut.
fn wrap(title: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    let mut cut = false;
    for word in title.split_whitespace() {
        let current = lines.last_mut().expect("one line");
        let len = current.chars().count();
        if len == 0 {
            current.push_str(word);
        } else if len + 1 + word.chars().count() <= CHARS_PER_LINE {
            current.push(' ');
            current.push_str(word);
        } else if lines.len() < 2 {
            lines.push(word.to_string());
        } else {
            cut = true;
            break;
        }
    }
    for line in &mut lines {
        if line.chars().count() > CHARS_PER_LINE {
            *line = line.chars().take(CHARS_PER_LINE - 1).collect();
            line.push('…');
        }
    }
    if cut {
        let last = lines.last_mut().expect("one line");
        if last.chars().count() >= CHARS_PER_LINE - 1 {
            *last = last.chars().take(CHARS_PER_LINE - 2).collect();
        }
        last.push('…');
    }
    lines
}

/// Row position (in rows) of every node: leaves in tree order, parents centred.
fn layout(graph: &Graph) -> Vec<f64> {
    let children = graph.tree_children();
    let n = graph.nodes.len();
    let mut row = vec![f64::NAN; n];
    let mut next = 0.0;
    let roots: Vec<usize> = (0..n)
        .filter(|&i| graph.nodes[i].parents.is_empty())
        .collect();
    // Iterative post-order over the first-parent tree.
    let mut stack: Vec<(usize, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
    let mut visited = vec![false; n];
    while let Some((v, expanded)) = stack.pop() {
        if expanded {
            let kids: Vec<f64> = children[v]
                .iter()
                .map(|&c| row[c])
                .filter(|r| !r.is_nan())
                .collect();
            row[v] = if kids.is_empty() {
                next += 1.0;
                next - 1.0
            } else {
                (kids[0] + kids[kids.len() - 1]) / 2.0
            };
            continue;
        }
        if visited[v] {
            continue;
        }
        visited[v] = true;
        stack.push((v, true));
        for &c in children[v].iter().rev() {
            if !visited[c] {
                stack.push((c, false));
            }
        }
    }
    for r in row.iter_mut().filter(|r| r.is_nan()) {
        *r = next;
        next += 1.0;
    }
    row
}

/// The goal chain as a standalone SVG document fragment (an `<svg>` element).
pub fn svg(graph: &Graph) -> String {
    let rows = layout(graph);
    let columns = graph
        .nodes
        .iter()
        .map(|n| n.column)
        .max()
        .map_or(0, |m| m + 1);
    let height_rows = rows.iter().fold(0.0_f64, |m, r| m.max(*r)) + 1.0;
    let width =
        MARGIN * 2.0 + columns as f64 * NODE_W + (columns.saturating_sub(1)) as f64 * COL_GAP;
    let height = MARGIN * 2.0 + (height_rows - 1.0).max(0.0) * ROW_H + NODE_H;
    let pos = |i: usize| {
        let x = MARGIN + graph.nodes[i].column as f64 * (NODE_W + COL_GAP);
        let y = MARGIN + rows[i] * ROW_H;
        (x, y)
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"goal-tree\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\">",
        escape(&graph.title)
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&graph.title));
    // Links first, so nodes cover their ends.
    out.push_str("<g fill=\"none\" stroke=\"#8a9099\" stroke-width=\"1.4\">\n");
    for (i, n) in graph.nodes.iter().enumerate() {
        for (k, &p) in n.parents.iter().enumerate() {
            let (px, py) = pos(p);
            let (cx, cy) = pos(i);
            let (x1, y1) = (px + NODE_W, py + NODE_H / 2.0);
            let (x2, y2) = (cx, cy + NODE_H / 2.0);
            let mid = (x1 + x2) / 2.0;
            let dash = if k == 0 {
                ""
            } else {
                " stroke-dasharray=\"5 4\""
            };
            let _ = writeln!(
                out,
                "<path d=\"M{x1} {y1} C{mid} {y1} {mid} {y2} {x2} {y2}\"{dash}/>"
            );
        }
    }
    out.push_str("</g>\n");
    for (i, n) in graph.nodes.iter().enumerate() {
        let (x, y) = pos(i);
        let (fill, stroke, badge_text) =
            colours(n.status.as_ref().map_or("", |s| s.color.as_str()));
        // Dashed: a goal that is not evaluated or not followed up. A picture without
        // statuses (`pejl graph`) draws every goal solid.
        let dashed = match &n.status {
            Some(s) if s.color == "none" => " stroke-dasharray=\"4 3\"",
            _ => "",
        };
        let mut tooltip = format!("{} ({}, {})", n.title, n.id, n.level_title);
        if let Some(s) = &n.status {
            let _ = write!(tooltip, ": {}", s.label);
        }
        let _ = writeln!(out, "<g class=\"node\"><title>{}</title>", escape(&tooltip));
        let _ = writeln!(
            out,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{dashed}/>"
        );
        let mut text_x = x + 10.0;
        if let Some(s) = &n.status {
            let (cx, cy) = (x + 17.0, y + NODE_H / 2.0);
            if s.color == "none" {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"10\" fill=\"#ffffff\" stroke=\"{stroke}\" stroke-dasharray=\"3 2\"/>"
                );
            } else {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"10\" fill=\"{stroke}\"/>"
                );
            }
            let text_fill = if s.color == "none" {
                stroke
            } else {
                badge_text
            };
            let _ = writeln!(
                out,
                "<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\" fill=\"{text_fill}\">{}</text>",
                cy + 4.5,
                escape(&s.symbol)
            );
            text_x = x + 33.0;
        }
        let lines = wrap(&n.title);
        let first_y = if lines.len() == 1 { y + 22.0 } else { y + 16.0 };
        for (k, line) in lines.iter().enumerate() {
            let _ = writeln!(
                out,
                "<text x=\"{text_x}\" y=\"{}\" font-size=\"11.5\" fill=\"#1d1d1f\">{}</text>",
                first_y + k as f64 * 13.5,
                escape(line)
            );
        }
        let mut small = n.level_title.clone();
        if let Some(s) = &n.status {
            small = format!("{small} · {}", s.label);
        }
        let _ = writeln!(
            out,
            "<text x=\"{text_x}\" y=\"{}\" font-size=\"9.5\" fill=\"#555b63\">{}</text>",
            y + NODE_H - 7.0,
            escape(&small)
        );
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_long_titles() {
        let lines = wrap("Dorotea kommun ska gentemot sina medborgare sträva efter ökad dialog, öppenhet och inflytande");
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| l.chars().count() <= CHARS_PER_LINE));
        assert_eq!(wrap("Kort"), vec!["Kort".to_string()]);
    }
}
