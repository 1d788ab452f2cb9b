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
use crate::i18n::Text;
use crate::span::{FileId, Span};
use crate::text;
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
                    Span::char_at(file, text, e.offset),
                    text!("data-kolada-not-json", reason = e.message),
                )
                .primary(text!("data-csv-syntax.primary"))
                .help(text!("data-kolada-not-json.help")),
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
                Span::char_at(file, text, root.start),
                text!("data-kolada-no-values"),
            )
            .primary(text!("data-kolada-no-values.primary"))
            .help(text!("data-kolada-no-values.help")),
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
                        Span::char_at(file, text, e.offset),
                        text!("data-kolada-not-json", reason = e.message),
                    )
                    .primary(text!("data-csv-syntax.primary")),
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
            diags.push(shape(
                span(item),
                text!("data-kolada-no-member", member = "kpi"),
            ));
            continue;
        };
        let Some(kpi) = kpi_node.as_str() else {
            diags.push(shape(
                span(kpi_node),
                text!("data-kolada-not-text", member = "kpi", example = "N15419"),
            ));
            continue;
        };
        let municipality = match field("municipality") {
            Some(m) => match m.as_str() {
                Some(m) => m,
                None => {
                    diags.push(shape(
                        span(m),
                        text!(
                            "data-kolada-not-text",
                            member = "municipality",
                            example = "2425"
                        ),
                    ));
                    continue;
                }
            },
            None => {
                diags.push(shape(span(item), text!("data-kolada-no-municipality")));
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
                                text!(
                                    "data-csv-not-a-year",
                                    text = text.get(p.start..p.end).unwrap_or_default()
                                ),
                            )
                            .primary(text!("data-csv-not-a-year.primary"))
                            .help(text!("data-kolada-not-a-year.help")),
                        );
                        continue;
                    }
                }
            }
            None => {
                diags.push(shape(
                    span(item),
                    text!("data-kolada-no-member", member = "period"),
                ));
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
            diags.push(shape(span(item), text!("data-kolada-no-values-list")));
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
                                text!(
                                    "data-not-a-number",
                                    text = text.get(n.start..n.end).unwrap_or_default()
                                ),
                            )
                            .primary(text!(
                                "data-kolada-not-a-number.primary",
                                kind = n.kind_text()
                            ))
                            .help(text!("data-kolada-not-a-number.help")),
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
                        text!(
                            "data-kolada-second-total",
                            kpi = kpi,
                            year = year,
                            municipality = municipality
                        ),
                    )
                    .primary(text!("data-duplicate.primary"))
                    .label(span(first), text!("data-kolada-first-value"))
                    .help(text!("data-kolada-second-total.help")),
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
        d.message = text!("data-kolada-unknown-kpi", kpi = &*kpi, count = count);
        if d.fix.is_none() {
            d.help = Some(text!("data-kolada-unknown-kpi.help", kpi = &*kpi));
        }
        diags.push(d);
    }
    // The Kolada IDs the policy declares for the benchmarks of the indicators in this file.
    let declared: BTreeSet<&str> = parsed
        .iter()
        .flat_map(|i| i.indicators.iter())
        .flat_map(|&ind| catalog.entry(ind).benchmarks.iter())
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
                            Span::char_at(file, text, root.start),
                            text!(
                                "data-kolada-several",
                                list = list.join(", "),
                                more = if found.len() > 10 { "yes" } else { "no" }
                            ),
                        )
                        .primary(text!("data-kolada-several.primary"))
                        .help(text!("data-kolada-several.help")),
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
                Span::char_at(file, text, root.start),
                text!("data-kolada-none-for", municipality = &chosen),
            )
            .primary(text!("data-kolada-none-for.primary"))
            .help(text!("data-kolada-none-for.help")),
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
                let entry = catalog.entry(ind);
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
                        text!(
                            "data-kolada-benchmark-unused",
                            municipality = b,
                            id = &entry.id,
                            kolada = default_id,
                            kind = kind
                        ),
                    )
                    .primary(text!("data-undeclared-kind.primary"))
                    .help(text!(
                        "data-kolada-benchmark-unused.help",
                        kolada = default_id,
                        kind = kind
                    )),
                );
            }
        }
    }
    // The default benchmark and the benchmarks by kind of one indicator, KPI and year, and
    // whether the export has any of them.
    let resolve = |ind: u32, kpi: &str, year: i32| {
        let entry = catalog.entry(ind);
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
    let place = if code == Code::P0701 { "top" } else { "item" };
    Diagnostic::new(
        code,
        Span::new(file, second.0, second.1),
        text!("data-kolada-twice", key = key, place = place),
    )
    .primary(text!("data-kolada-twice.primary", key = key))
    .label(
        Span::new(file, first.0, first.1),
        text!("data-kolada-twice.label", key = key),
    )
    .help(text!("data-kolada-twice.help"))
}

fn shape(span: Span, message: Text) -> Diagnostic {
    Diagnostic::new(Code::P0702, span, message)
        .primary(text!("data-kolada-shape.primary"))
        .help(text!("data-kolada-shape.help"))
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
        text!(
            "data-kolada-second-value",
            kpi = kpi,
            year = year,
            role = role,
            municipality = municipality
        ),
    )
    .primary(text!("data-duplicate.primary"))
    .label(first, text!("data-kolada-first-value"))
    .help(text!("data-kolada-second-value.help"))
}

#[cfg(test)]
mod tests {
    use crate::text;

    /// The catalogue writes `{` and `}` as `{"{"}` and `{"}"}`: the English is as before.
    #[test]
    fn braces_in_texts() {
        assert_eq!(
            text!("data-kolada-shape.help").en(),
            "each item of `values` is {\"kpi\": \"…\", \"period\": 2024, \"municipality\": \"…\", \"values\": [{\"gender\": \"T\", \"value\": …}]}"
        );
        assert_eq!(
            text!("data-kolada-not-json.help").en(),
            "save the API's answer unchanged; a Kolada export is `{\"values\": […], \"count\": …}`"
        );
        assert_eq!(
            text!("data-kolada-no-values.primary").en(),
            "expected {\"values\": […]}"
        );
        assert_eq!(
            text!("data-json-object-comma").en(),
            "expected `,` or `}` in this object"
        );
        assert_eq!(
            text!("data-kolada-several", list = "`1`, `2`", more = "yes").en(),
            "the Kolada file has values for several municipalities (`1`, `2`, …); which one is the report about?"
        );
        assert_eq!(
            text!("data-kolada-several", list = "`1`, `2`", more = "no").en(),
            "the Kolada file has values for several municipalities (`1`, `2`); which one is the report about?"
        );
    }
}
