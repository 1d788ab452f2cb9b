//! Kolada API data exports (JSON).
//!
//! v3 (`/v3/data/kpi/…`): `{"values":[{"kpi":"N15419","period":2024,"municipality":"2425",
//! "values":[{"gender":"T","count":1,"status":"","value":78.5,"isdeleted":false}]}],
//! "count":1,"next_url":null}`. v2 is the same shape, with `period` possibly a string and
//! the flag named `is_deleted`. A bare list of items is accepted too (pages joined by hand).
//!
//! Selection (documented, not errors): only the total (`gender` T) counts; deleted values
//! are skipped; items for municipalities other than `--municipality`, the benchmark IDs
//! the policy declares (`benchmark national "Riket" kolada "0000"`) and
//! `--benchmark-municipality` are not used. A declared ID gives the value of that benchmark
//! (`Observation::benchmarks`, and `benchmark` for the default one);
//! `--benchmark-municipality` is the default benchmark only when the default declares no ID
//! (when it declares another, the option's values are not used for it: P0708). A `null` value is a missing value. Indicators
//! are found by their `source kolada "ID"`; Kolada values are outcomes (`actual`).

use super::json::{self, Node, Shape, Value};
use super::{
    check_unit, parse_year, unknown_indicator, Catalog, Dataset, LoadOptions, Observation,
    ValueKind,
};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

struct Item<'a> {
    kpi: Rc<str>,
    indicators: &'a [u32],
    year: i32,
    municipality: Rc<str>,
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
    // The file's outline, and then one item at a time: the whole tree of a large export
    // would take ten times the file.
    let root = match json::outline(text) {
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
    let items = match &root.shape {
        Shape::List(items) => Some(items),
        Shape::Object(members) => members
            .iter()
            .find(|m| m.key == "values")
            .and_then(|m| m.items.as_ref()),
        Shape::Other(_) => None,
    };
    let Some(items) = items else {
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
    };
    if let Shape::Object(members) = &root.shape {
        for (first, second) in json::repeated(members, |m| m.key.as_str()) {
            diags.push(repeated_name(
                file,
                Code::P0701,
                &first.key,
                (first.key_start, first.key_end),
                (second.key_start, second.key_end),
            ));
        }
    }
    // KPI and municipality IDs, once each.
    let mut names: HashSet<Rc<str>> = HashSet::new();
    let mut intern = |s: &str| -> Rc<str> {
        match names.get(s) {
            Some(name) => name.clone(),
            None => {
                let name: Rc<str> = Rc::from(s);
                names.insert(name.clone());
                name
            }
        }
    };
    let mut parsed: Vec<Item> = Vec::with_capacity(items.len());
    let mut unknown: HashMap<Rc<str>, (Span, usize)> = HashMap::new();
    for &(start, end) in items {
        let item = match json::parse_range(text, start, end) {
            Ok(item) => item,
            Err(e) => {
                // Not expected: the outline has checked the whole text.
                diags.push(
                    Diagnostic::new(
                        Code::P0701,
                        Span::new(file, e.offset, (e.offset + 1).min(text.len())),
                        format!("the Kolada file is not valid JSON: {}", e.message),
                    )
                    .primary("here"),
                );
                continue;
            }
        };
        let item = &item;
        let mut repeats = Vec::new();
        json::repeated_within(item, &mut repeats);
        if !repeats.is_empty() {
            for (first, second) in repeats {
                diags.push(repeated_name(
                    file,
                    Code::P0702,
                    &first.key,
                    (first.key_start, first.key_end),
                    (second.key_start, second.key_end),
                ));
            }
            continue;
        }
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
                .entry(intern(kpi))
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
            if let Some((first, _)) = total {
                diags.push(
                    Diagnostic::new(
                        Code::P0705,
                        span(at),
                        format!(
                            "the Kolada KPI `{kpi}` has a second total (gender T) for {year} and the municipality `{municipality}`"
                        ),
                    )
                    .primary("second value")
                    .label(span(first), "the first value")
                    .help("keep one value with gender T per item: Kolada gives one total per KPI, period and municipality, so save the API's answer unchanged"),
                );
                continue;
            }
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
            kpi: intern(kpi),
            indicators,
            year,
            municipality: intern(municipality),
            value,
            value_span: span(value_node),
            span: span(item),
        });
    }
    let mut unknown: Vec<_> = unknown.into_iter().collect();
    unknown.sort_by_key(|(_, (s, _))| s.start);
    let mut cache = HashMap::new();
    for (kpi, (at, count)) in unknown {
        let mut d = unknown_indicator(at, &kpi, "kolada", catalog.kolada_ids(), &mut cache);
        d.message = format!(
            "the Kolada KPI `{kpi}` is the source of no indicator in the policy ({count} item{} not used)",
            if count == 1 { "" } else { "s" }
        ).into();
        if d.fix.is_none() {
            d.help = Some(format!(
                "add `source kolada \"{kpi}\"` to the indicator it measures, or leave the KPI out of the export"
            ).into());
        }
        diags.push(d);
    }
    // The Kolada IDs the policy declares for the benchmarks of the indicators in this file.
    let declared: BTreeSet<&str> = parsed
        .iter()
        .flat_map(|i| i.indicators.iter())
        .flat_map(|&ind| catalog.indicators[ind as usize].benchmarks.iter())
        .filter_map(|b| b.kolada.as_deref())
        .collect();
    // Whose values count.
    let bench = options.benchmark_municipality.as_deref();
    let is_benchmark = |m: &str| Some(m) == bench || declared.contains(m);
    let chosen = match options.municipality.as_deref() {
        Some(m) => m.to_string(),
        None => {
            let found: BTreeSet<&str> = parsed
                .iter()
                .map(|i| &*i.municipality)
                .filter(|m| !is_benchmark(m))
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
    if !parsed.is_empty() && !parsed.iter().any(|i| *i.municipality == *chosen) {
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
    // Benchmark values per (KPI, year, municipality or group ID): those of the IDs the
    // policy declares, and of --benchmark-municipality.
    let mut others: HashMap<(&str, i32, &str), (Option<f64>, Span)> = HashMap::new();
    for item in parsed
        .iter()
        .filter(|i| *i.municipality != *chosen && is_benchmark(&i.municipality))
    {
        if let Some(v) = item.value {
            let ok = item
                .indicators
                .iter()
                .all(|&ind| check_unit(catalog, ind, v, true, item.value_span, diags));
            if !ok {
                continue;
            }
        }
        let key = (&*item.kpi, item.year, &*item.municipality);
        if let Some((_, first)) = others.get(&key) {
            diags.push(second_value(
                item.span,
                *first,
                &item.kpi,
                item.year,
                "benchmark",
                &item.municipality,
            ));
            continue;
        }
        others.insert(key, (item.value, item.span));
    }
    // --benchmark-municipality is only the fallback for a default benchmark without a
    // declared Kolada ID: say so when its values are therefore not used.
    if let Some(b) = bench {
        let mut warned: BTreeSet<u32> = BTreeSet::new();
        for item in parsed.iter().filter(|i| &*i.municipality == b) {
            for &ind in item.indicators {
                let entry = &catalog.indicators[ind as usize];
                let default_id = entry.benchmarks.first().and_then(|x| x.kolada.as_deref());
                let Some(default_id) = default_id else {
                    continue;
                };
                let used = entry
                    .benchmarks
                    .iter()
                    .any(|x| x.kolada.as_deref() == Some(b));
                if used || !warned.insert(ind) {
                    continue;
                }
                let kind = entry.default_kind().unwrap_or_default();
                diags.push(
                    Diagnostic::new(
                        Code::P0708,
                        item.span,
                        format!(
                            "the values of --benchmark-municipality `{b}` are not used for `{}`: the policy declares the Kolada ID `{default_id}` for its default benchmark ({kind})",
                            entry.id
                        ),
                    )
                    .primary("not used")
                    .help(format!(
                        "a Kolada ID declared in the policy (`benchmark {kind} \"…\" kolada \"{default_id}\"`) wins over --benchmark-municipality; leave the option out, or change the ID in the policy"
                    )),
                );
            }
        }
    }
    // The default benchmark and the benchmarks by kind of one indicator, KPI and year, and
    // whether the export has any of them.
    let resolve = |ind: u32, kpi: &str, year: i32| {
        let entry = &catalog.indicators[ind as usize];
        let lookup = |m: &str| others.get(&(kpi, year, m)).map(|o| o.0);
        let mut found = false;
        let default_id = entry.benchmarks.first().and_then(|b| b.kolada.as_deref());
        let benchmark = match default_id.or(bench).and_then(lookup) {
            Some(v) => {
                found = true;
                v
            }
            None => None,
        };
        let named: Vec<(String, Option<f64>)> = entry
            .benchmarks
            .iter()
            .filter_map(|b| {
                let v = lookup(b.kolada.as_deref()?)?;
                Some((b.kind.clone(), v))
            })
            .collect();
        found |= !named.is_empty();
        (benchmark, named, found)
    };
    let mut used_bench: BTreeSet<(&str, i32)> = BTreeSet::new();
    let mut own: HashMap<(&str, i32), Span> = HashMap::new();
    for item in parsed.iter().filter(|i| *i.municipality == *chosen) {
        // A second item for the same KPI and year, even with a null value (which would
        // otherwise be merged with the first): the first is kept.
        if let Some(first) = own.get(&(&*item.kpi, item.year)) {
            diags.push(second_value(
                item.span,
                *first,
                &item.kpi,
                item.year,
                "municipality",
                &item.municipality,
            ));
            continue;
        }
        own.insert((&*item.kpi, item.year), item.span);
        used_bench.insert((&*item.kpi, item.year));
        for &indicator in item.indicators {
            if let Some(v) = item.value {
                if !check_unit(catalog, indicator, v, false, item.value_span, diags) {
                    continue;
                }
            }
            let (benchmark, benchmarks, _) = resolve(indicator, &item.kpi, item.year);
            data.add(
                Observation {
                    indicator,
                    year: item.year,
                    kind: ValueKind::Actual,
                    value: item.value,
                    benchmark,
                    benchmarks,
                    motivation: None,
                    analysis: None,
                    span: item.span,
                },
                catalog,
                diags,
            );
        }
    }
    // Benchmarks without the municipality's own value: the value is missing.
    let mut rest: HashMap<(&str, i32), Span> = HashMap::new();
    for (&(kpi, year, _), &(_, span)) in &others {
        if used_bench.contains(&(kpi, year)) {
            continue;
        }
        let at = rest.entry((kpi, year)).or_insert(span);
        if span.start < at.start {
            *at = span;
        }
    }
    let mut rest: Vec<_> = rest.into_iter().collect();
    rest.sort_by_key(|(_, s)| s.start);
    for ((kpi, year), span) in rest {
        for &indicator in catalog.kolada(kpi) {
            let (benchmark, benchmarks, found) = resolve(indicator, kpi, year);
            if !found {
                continue;
            }
            data.add(
                Observation {
                    indicator,
                    year,
                    kind: ValueKind::Actual,
                    value: None,
                    benchmark,
                    benchmarks,
                    motivation: None,
                    analysis: None,
                    span,
                },
                catalog,
                diags,
            );
        }
    }
}

/// A member name given twice in one object: P0701 at the top level of the file, P0702 in an
/// item (which is then not used).
fn repeated_name(
    file: FileId,
    code: Code,
    key: &str,
    first: (usize, usize),
    second: (usize, usize),
) -> Diagnostic {
    let place = if code == Code::P0701 {
        "at the top level of the Kolada file"
    } else {
        "in the same object of this item"
    };
    Diagnostic::new(
        code,
        Span::new(file, second.0, second.1),
        format!("`{key}` appears twice {place}"),
    )
    .primary(format!("second `{key}`"))
    .label(Span::new(file, first.0, first.1), format!("the first `{key}`"))
    .help("JSON does not say which of the two counts: remove one of them (the Kolada API names each member once, so save its answer unchanged)")
}

fn shape(span: Span, message: &str) -> Diagnostic {
    Diagnostic::new(Code::P0702, span, message.to_string())
        .primary("malformed item")
        .help("each item of `values` is {\"kpi\": \"…\", \"period\": 2024, \"municipality\": \"…\", \"values\": [{\"gender\": \"T\", \"value\": …}]}")
}

/// P0705 for a second item of one KPI, year and municipality (`role`: whose values they are).
fn second_value(
    at: Span,
    first: Span,
    kpi: &str,
    year: i32,
    role: &str,
    municipality: &str,
) -> Diagnostic {
    Diagnostic::new(
        Code::P0705,
        at,
        format!(
            "the Kolada KPI `{kpi}` has a second value for {year} and the {role} `{municipality}`"
        ),
    )
    .primary("second value")
    .label(first, "the first value")
    .help("keep one item per KPI, period and municipality")
}
