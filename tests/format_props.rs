//! Property tests of the formatter: random valid policies with comments in every position,
//! random whitespace, random line endings, and IDs and titles spelt composed or decomposed
//! (`a` + U+030A for `å`) at random. Formatting is idempotent, keeps every comment, and leaves
//! the analysis unchanged (same diagnostics, same compiled output but positions).

use proptest::prelude::*;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// Builds a policy from a seed: fixed declarations, laid out and commented at random.
fn policy(seed: u64) -> String {
    let mut state = seed | 1;
    let mut roll = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let lines: Vec<&str> = vec![
        "policy p \"Slumpad\" {",
        "period 2024..2027",
        "default rule r",
        "}",
        "body KF \"Kommunfullmäktige\"",
        "body KS \"Kommunstyrelsen\" { parent KF }",
        "chain {",
        "level area \"Område\"",
        "level goal \"Mål\" under area measured",
        "}",
        "report annual \"Årsredovisning\" { uses actual  due 12-31  to KF }",
        "indicator ind \"Andel (%)\" {",
        "unit percent",
        "higher is better",
        "benchmark county \"Länet\"",
        "}",
        "rule r \"Regel\" {",
        "green when meets target or meets benchmark {",
        "annual \"Nått\"",
        "}",
        "yellow when within 10% of benchmark",
        "red otherwise",
        "grey when missing requires motivation",
        "}",
        "area område \"Område A\" { owner KF }",
        "goal g \"Andelen ska öka\" {",
        "under område",
        "owner KS",
        "measure ind",
        "baseline 50 in 2023",
        "target 60 by 2026",
        "text \"\"\"",
        "En text.",
        "  Indragen rad.",
        "\"\"\"",
        "follow-up annual",
        "}",
    ];
    let newline = if roll(2) == 0 { "\n" } else { "\r\n" };
    let mut out = String::new();
    let mut in_text_block = false;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("text ") {
            in_text_block = true;
        }
        if !in_text_block && roll(6) == 0 {
            out.push_str(&" ".repeat(roll(5) as usize));
            out.push_str(&format!("// kommentar {i} före{newline}"));
        }
        if roll(5) == 0 {
            out.push_str(newline);
        }
        let indent = if in_text_block { 2 } else { roll(7) as usize };
        out.push_str(&" ".repeat(indent));
        // Each line with an `å`, `ä` or `ö` (the ID `område`, titles) spelt either way.
        if roll(2) == 0 {
            out.push_str(&line.nfd().collect::<String>());
        } else {
            out.push_str(line);
        }
        if !in_text_block && roll(5) == 0 {
            out.push_str(&format!("{}// slut {i}", " ".repeat(1 + roll(3) as usize)));
        }
        if *line == "\"\"\"" {
            in_text_block = false;
        }
        out.push_str(newline);
    }
    if roll(3) == 0 {
        out.push_str(&format!("// sist i filen{newline}"));
    }
    out
}

fn comments(text: &str) -> Vec<String> {
    let mut found: Vec<String> = pejl::syntax::text::scan(text)
        .into_iter()
        .filter(|(kind, ..)| *kind == pejl::syntax::text::Lexeme::Comment)
        .map(|(_, s, e)| text[s..e].trim_end().to_string())
        .collect();
    found.sort();
    found
}

/// The compiled output without source positions.
fn meaning(text: &str) -> (Vec<(String, String)>, serde_json::Value) {
    let analysis = pejl::analyze_text(Path::new("p.pejl"), text);
    let diags = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.message.en()))
        .collect();
    let mut json = serde_json::to_value(pejl::ir::compile(&analysis)).unwrap();
    strip_locations(&mut json);
    (diags, json)
}

fn strip_locations(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("location");
            map.values_mut().for_each(strip_locations);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_locations),
        _ => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn formatting_keeps_meaning_and_comments(seed in any::<u64>()) {
        let text = policy(seed);
        let once = pejl::format::format(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let twice = pejl::format::format(&once).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&once, &twice, "not idempotent for\n{}", text);
        prop_assert_eq!(comments(&text), comments(&once));
        prop_assert_eq!(meaning(&text), meaning(&once));
        prop_assert_eq!(text.contains("\r\n"), once.contains("\r\n"));
    }
}
