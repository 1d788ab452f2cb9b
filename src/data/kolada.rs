//! Kolada API data exports (JSON).
//!
//! v3 (`/v3/data/kpi/…`): `{"values":[{"kpi":"N15419","period":2024,"municipality":"2425",
//! "values":[{"gender":"T","count":1,"status":"","value":78.5,"isdeleted":false}]}],
//! "count":1,"next_url":null}`. v2 is the same shape, with `period` possibly a string and
//! the flag named `is_deleted`. A bare list of items is accepted too (pages joined by hand).
//!
//! Selection (documented, not errors): only the total (`gender` T) counts; deleted values
//! are skipped; items for municipalities other than `--municipality` and
//! `--benchmark-municipality` are not used. A `null` value is a missing value. Indicators
//! are found by their `source kolada "ID"`; Kolada values are outcomes (`actual`).

use super::json::{self, Node, Value};
use super::{
    check_unit, parse_year, unknown_indicator, Catalog, Dataset, LoadOptions, Observation,
    ValueKind,
};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use std::collections::{BTreeSet, HashMap};

struct Item<'a> {
    kpi: &'a str,
    indicators: &'a [u32],
    year: i32,
    municipality: &'a str,
    /// `None` when the total is missing or null.
    value: Option<f64>,
    value_span: Span,
    span: Span,
}

pub fn read(
    file: FileId,
    text: &str,
    catalog: &Catalog,
    options: &LoadOptions,
    data: &mut Dataset,
    diags: &mut Vec<Diagnostic>,
) {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(e) => {
            diags.push(
                Diagnostic::new(
                    Code::P0701,
                    Span::new(file, e.offset, (e.offset + 1).min(text.len())),
                    format!("the Kolada file is not valid JSON: {}", e.message),
                )
                .primary("here")
                .help("save the API's answer unchanged; a Kolada export is `{\"values\": […], \"count\": …}`"),
            );
            return;
        }
    };
    let span = |n: &Node| Span::new(file, n.start, n.end);
    let items = match (&root.value, root.get("values")) {
        (Value::Array(items), _) => items.as_slice(),
        (_, Some(values)) if values.as_array().is_some() => values.as_array().unwrap_or(&[]),
        _ => {
            diags.push(
                Diagnostic::new(
                    Code::P0701,
                    Span::new(file, root.start, root.start + 1),
                    "this JSON is not a Kolada data export: it has no `values` list",
                )
                .primary("expected {\"values\": […]}")
                .help("use the answer of the Kolada API's data endpoint (v3 `/v3/data/kpi/ID/municipality/ID` or v2), saved unchanged"),
            );
            return;
        }
    };
    let mut parsed: Vec<Item> = Vec::with_capacity(items.len());
    let mut unknown: HashMap<&str, (Span, usize)> = HashMap::new();
    for item in items {
        let field = |name: &str| item.get(name);
        let Some(kpi_node) = field("kpi") else {
            diags.push(shape(span(item), "this item has no `kpi`"));
            continue;
        };
        let Some(kpi) = kpi_node.as_str() else {
            diags.push(shape(
                span(kpi_node),
                "`kpi` must be text such as \"N15419\"",
            ));
            continue;
        };
        let municipality = match field("municipality") {
            Some(m) => match m.as_str() {
                Some(m) => m,
                None => {
                    diags.push(shape(
                        span(m),
                        "`municipality` must be text such as \"2425\"",
                    ));
                    continue;
                }
            },
            None => {
                diags.push(shape(
                    span(item),
                    "this item has no `municipality` (values per organisational unit are not supported)",
                ));
                continue;
            }
        };
        let year = match field("period") {
            Some(p) => {
                let year = match &p.value {
                    Value::Number(n) if n.fract() == 0.0 && (1000.0..=9999.0).contains(n) => {
                        Some(*n as i32)
                    }
                    Value::String(s) => parse_year(s),
                    _ => None,
                };
                match year {
                    Some(y) => y,
                    None => {
                        diags.push(
                            Diagnostic::new(
                                Code::P0702,
                                span(p),
                                format!("`{}` is not a year", &text[p.start..p.end]),
                            )
                            .primary("expected a year such as 2024")
                            .help("Kolada's `period` is the year the value is for"),
                        );
                        continue;
                    }
                }
            }
            None => {
                diags.push(shape(span(item), "this item has no `period`"));
                continue;
            }
        };
        let indicators = catalog.kolada(kpi);
        if indicators.is_empty() {
            unknown
                .entry(kpi)
                .and_modify(|e| e.1 += 1)
                .or_insert((span(kpi_node), 1));
            continue;
        }
        let Some(values) = field("values").and_then(Node::as_array) else {
            diags.push(shape(span(item), "this item has no `values` list"));
            continue;
        };
        let mut total: Option<(&Node, Option<f64>)> = None;
        let mut any_live = false;
        let mut bad = false;
        for v in values {
            let deleted = v
                .get("isdeleted")
                .or_else(|| v.get("is_deleted"))
                .is_some_and(|d| d.value == Value::Bool(true));
            if deleted {
                continue;
            }
            any_live = true;
            if v.get("gender").and_then(Node::as_str) != Some("T") {
                continue;
            }
            let value = match v.get("value") {
                None => None,
                Some(n) => match &n.value {
                    Value::Null => None,
                    Value::Number(x) => Some(*x),
                    _ => {
                        diags.push(
                            Diagnostic::new(
                                Code::P0704,
                                span(n),
                                format!("`{}` is not a number", &text[n.start..n.end]),
                            )
                            .primary(format!("{}, not a number", n.kind()))
                            .help("a Kolada value is a number, or null when it is missing"),
                        );
                        bad = true;
                        None
                    }
                },
            };
            let at = v.get("value").unwrap_or(v);
            total = Some((at, value));
        }
        if bad || !any_live {
            continue;
        }
        let (value_node, value) = match total {
            Some((n, v)) => (n, v),
            None => (item, None),
        };
        parsed.push(Item {
            kpi,
            indicators,
            year,
            municipality,
            value,
            value_span: span(value_node),
            span: span(item),
        });
    }
    let mut unknown: Vec<_> = unknown.into_iter().collect();
    unknown.sort_by_key(|(_, (s, _))| s.start);
    let mut cache = HashMap::new();
    for (kpi, (at, count)) in unknown {
        let mut d = unknown_indicator(at, kpi, "the Kolada KPI", catalog.kolada_ids(), &mut cache);
        d.message = format!(
            "the Kolada KPI `{kpi}` is the source of no indicator in the policy ({count} item{} not used)",
            if count == 1 { "" } else { "s" }
        );
        if d.fix.is_none() {
            d.help = Some(format!(
                "add `source kolada \"{kpi}\"` to the indicator it measures, or leave the KPI out of the export"
            ));
        }
        diags.push(d);
    }
    // Whose values count.
    let bench = options.benchmark_municipality.as_deref();
    let chosen = match options.municipality.as_deref() {
        Some(m) => m.to_string(),
        None => {
            let found: BTreeSet<&str> = parsed
                .iter()
                .map(|i| i.municipality)
                .filter(|m| Some(*m) != bench)
                .collect();
            match found.len() {
                0 if parsed.is_empty() => return,
                1 => found.into_iter().next().unwrap_or_default().to_string(),
                _ => {
                    let list: Vec<String> =
                        found.iter().take(10).map(|m| format!("`{m}`")).collect();
                    diags.push(
                        Diagnostic::new(
                            Code::P0701,
                            Span::new(file, root.start, root.start + 1),
                            format!(
                                "the Kolada file has values for several municipalities ({}{}); which one is the report about?",
                                list.join(", "),
                                if found.len() > 10 { ", …" } else { "" }
                            ),
                        )
                        .primary("several municipalities")
                        .help("choose one with --municipality (e.g. --municipality 2425), and the comparison group with --benchmark-municipality (e.g. 0024)"),
                    );
                    return;
                }
            }
        }
    };
    if !parsed.is_empty() && !parsed.iter().any(|i| i.municipality == chosen) {
        diags.push(
            Diagnostic::new(
                Code::P0701,
                Span::new(file, root.start, root.start + 1),
                format!("the Kolada file has no values for the municipality `{chosen}`"),
            )
            .primary("no values for this municipality")
            .help("check --municipality: Kolada's municipality IDs have four digits, e.g. 2425 for Dorotea"),
        );
        return;
    }
    // The benchmark per (indicator position, year).
    let mut benchmarks: HashMap<(&str, i32), (Option<f64>, Span)> = HashMap::new();
    if let Some(b) = bench {
        for item in parsed.iter().filter(|i| i.municipality == b) {
            if let Some(v) = item.value {
                let ok = item
                    .indicators
                    .iter()
                    .all(|&ind| check_unit(catalog, ind, v, true, item.value_span, diags));
                if !ok {
                    continue;
                }
            }
            if let Some((_, first)) = benchmarks.get(&(item.kpi, item.year)) {
                diags.push(
                    Diagnostic::new(
                        Code::P0705,
                        item.span,
                        format!(
                            "the Kolada KPI `{}` has a second value for {} and the benchmark `{b}`",
                            item.kpi, item.year
                        ),
                    )
                    .primary("second value")
                    .label(*first, "the first value")
                    .help("keep one item per KPI, period and municipality"),
                );
                continue;
            }
            benchmarks.insert((item.kpi, item.year), (item.value, item.span));
        }
    }
    let mut used_bench: BTreeSet<(&str, i32)> = BTreeSet::new();
    for item in parsed.iter().filter(|i| i.municipality == chosen) {
        let benchmark = benchmarks.get(&(item.kpi, item.year)).and_then(|b| b.0);
        used_bench.insert((item.kpi, item.year));
        for &indicator in item.indicators {
            if let Some(v) = item.value {
                if !check_unit(catalog, indicator, v, false, item.value_span, diags) {
                    continue;
                }
            }
            data.add(
                Observation {
                    indicator,
                    year: item.year,
                    kind: ValueKind::Actual,
                    value: item.value,
                    benchmark,
                    motivation: None,
                    span: item.span,
                },
                catalog,
                diags,
            );
        }
    }
    // A benchmark without the municipality's own value: the value is missing.
    let mut rest: Vec<_> = benchmarks
        .iter()
        .filter(|(k, _)| !used_bench.contains(*k))
        .collect();
    rest.sort_by_key(|(_, (_, s))| s.start);
    for ((kpi, year), (value, span)) in rest {
        for &indicator in catalog.kolada(kpi) {
            data.add(
                Observation {
                    indicator,
                    year: *year,
                    kind: ValueKind::Actual,
                    value: None,
                    benchmark: *value,
                    motivation: None,
                    span: *span,
                },
                catalog,
                diags,
            );
        }
    }
}

fn shape(span: Span, message: &str) -> Diagnostic {
    Diagnostic::new(Code::P0702, span, message.to_string())
        .primary("malformed item")
        .help("each item of `values` is {\"kpi\": \"…\", \"period\": 2024, \"municipality\": \"…\", \"values\": [{\"gender\": \"T\", \"value\": …}]}")
}
