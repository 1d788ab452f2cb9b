//! Unit tests of every editor query, on a policy with Swedish and Danish IDs
//! (`näringsliv`, `fællesskab`, `område`), emoji in titles, and CRLF line endings.

use super::*;
use crate::i18n::Lang;
use crate::span::LineIndex;
use crate::{Code, FileLoader};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

const BASE: &str = r#"policy kommun "Kommunens mål 🎯" {
  adopted 2023-12-04 by KF
  period 2024..2027
  language sv
  default rule trafikljus
}

body KF "Kommunfullmäktige" { kind council }
body BUN "Barn- och utbildningsnämnden" { parent KF  kind committee }

value fællesskab "Fællesskab"

chain {
  level vision "Vision"
  level område "Målområde" under vision
  level mål "Mål" under område measured
}

report årsredovisning "Årsredovisning" { uses actual  due 12-31  to KF }

vision kommun2040 "Kommunen 2040 🌲" {
  owner KF
}

område näringsliv "Näringsliv och fællesskab 🚀" {
  under kommun2040
  owner KF
  values fællesskab
}

mål företagsklimat "Företagsklimatet ska förbättras 📈" {
  under näringsliv
  owner BUN
  measure nki
  baseline 68 in 2022
  target 75 by 2026
  follow-up årsredovisning
}

indicator nki "Nöjd-Kund-Index" {
  source kolada "U07451"
  unit index
  higher is better
  benchmark county "Länet"
}

// Trafikljus.
// Med grått för saknade värden.
rule trafikljus "Grön-Gul-Röd" {
  grey when missing
  green when meets target
  yellow when better than baseline
  red otherwise
}
"#;

struct Mem(HashMap<PathBuf, String>);

impl FileLoader for Mem {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.0
            .get(path)
            .map(|t| t.as_bytes().to_vec())
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
    }
}

fn mem(files: &[(&str, &str)]) -> Mem {
    Mem(files
        .iter()
        .map(|(p, t)| (PathBuf::from(format!("/mem/{p}")), t.to_string()))
        .collect())
}

fn analyse(files: &[(&str, &str)]) -> Analysis {
    crate::analyze(Path::new(&format!("/mem/{}", files[0].0)), &mem(files))
}

fn one(text: &str) -> Analysis {
    analyse(&[("main.pejl", text)])
}

/// The offset of the `nth` occurrence of `needle`, plus `inner`.
fn at(text: &str, needle: &str, nth: usize, inner: usize) -> usize {
    text.match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} not found"))
        .0
        + inner
}

const F: FileId = FileId(0);

fn text_of(a: &Analysis, span: Span) -> &str {
    a.sources.text(span)
}

/// Applies edits (all in one file) to a text.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.text);
    }
    out
}

#[test]
fn the_base_policy_is_clean() {
    let a = one(BASE);
    assert!(a.diagnostics.is_empty(), "{:#?}", a.diagnostics);
}

#[test]
fn hover_on_a_goal_reference_shows_level_title_chain_and_facts() {
    let a = one(BASE);
    let h = hover(&a, F, at(BASE, "under näringsliv", 0, 8), Lang::En).unwrap();
    assert_eq!(text_of(&a, h.span), "näringsliv");
    assert!(
        h.markdown.contains("**område** (Målområde) `näringsliv`"),
        "{}",
        h.markdown
    );
    assert!(h.markdown.contains("Näringsliv och fællesskab 🚀"));
    assert!(h
        .markdown
        .contains("*Chain:* vision Kommunen 2040 🌲 (`kommun2040`) › område Näringsliv och fællesskab 🚀 (`näringsliv`)"));
    assert!(h.markdown.contains("*Owner:* `KF` — Kommunfullmäktige"));
    assert!(h.markdown.contains("*Values:* `fællesskab`"));

    let h = hover(&a, F, at(BASE, "företagsklimat", 0, 3), Lang::En).unwrap();
    let md = &h.markdown;
    assert!(
        md.contains("*Chain:* vision Kommunen 2040 🌲 (`kommun2040`) › område Näringsliv och fællesskab 🚀 (`näringsliv`) › mål Företagsklimatet ska förbättras 📈 (`företagsklimat`)"),
        "{md}"
    );
    assert!(
        md.contains("*Measure:* `nki` — Nöjd-Kund-Index (index, higher is better)"),
        "{md}"
    );
    assert!(md.contains("*Baseline:* 68 in 2022"));
    assert!(md.contains("*Target:* 75 by 2026"));
    assert!(md.contains("*Owner:* `BUN` — Barn- och utbildningsnämnden"));
    assert!(md.contains("*Rule:* `trafikljus` — Grön-Gul-Röd (the policy's default)"));
    assert!(md.contains("*Follow-up:* `årsredovisning` — Årsredovisning"));
}

#[test]
fn hover_on_indicator_rule_body_report_level_and_status() {
    let a = one(BASE);
    let md = hover(&a, F, at(BASE, "measure nki", 0, 9), Lang::En)
        .unwrap()
        .markdown;
    assert!(md.contains("**indicator** `nki`"), "{md}");
    assert!(md.contains("*Unit:* index"));
    assert!(md.contains("*Direction:* higher is better"));
    assert!(md.contains("*Source:* kolada \"U07451\""));
    assert!(md.contains("*Benchmark:* county — Länet"));
    assert!(md.contains("*Measures* 1 goal"));

    let md = hover(&a, F, at(BASE, "default rule trafikljus", 0, 14), Lang::En)
        .unwrap()
        .markdown;
    assert!(md.contains("**rule** `trafikljus` — Grön-Gul-Röd"), "{md}");
    assert!(md.contains("grey when missing\ngreen when meets target\nyellow when better than baseline\nred otherwise"), "{md}");

    let md = hover(&a, F, at(BASE, "owner BUN", 0, 7), Lang::En)
        .unwrap()
        .markdown;
    assert!(
        md.contains("**body** `BUN` — Barn- och utbildningsnämnden"),
        "{md}"
    );
    assert!(md.contains("*Parent:* `KF` — Kommunfullmäktige"));
    assert!(md.contains("*Owns* 1 goal"));

    let md = hover(&a, F, at(BASE, "follow-up årsredovisning", 0, 11), Lang::En)
        .unwrap()
        .markdown;
    assert!(
        md.contains("**report** `årsredovisning` — Årsredovisning"),
        "{md}"
    );
    assert!(md.contains("*Due:* 12-31"));

    let md = hover(&a, F, at(BASE, "mål företagsklimat", 0, 1), Lang::En)
        .unwrap()
        .markdown;
    assert!(md.contains("**level** `mål` — Mål"), "{md}");
    assert!(md.contains("under `område` · measured"));

    let md = hover(&a, F, at(BASE, "yellow when", 0, 1), Lang::En)
        .unwrap()
        .markdown;
    assert!(md.contains("**status** `yellow` — Delvis uppfyllt"), "{md}");
}

#[test]
fn hover_on_a_diagnostic_shows_its_explanation() {
    let text = BASE.replace("under näringsliv", "under näringslif");
    let a = one(&text);
    let h = hover(&a, F, at(&text, "näringslif", 0, 2), Lang::En).unwrap();
    // The editor shows the message and its help itself: the hover does not repeat them.
    assert!(!h.markdown.contains("**P0101** (error)"), "{}", h.markdown);
    assert!(!h.markdown.contains("did you mean `näringsliv`?"));
    assert!(h
        .markdown
        .contains("`pejl explain P0101`: Unknown reference"));
    assert_eq!(text_of(&a, h.span), "näringslif");
}

#[test]
fn definition_and_references_work_across_files() {
    let main = "include \"mål.pejl\"\n".to_string() + BASE;
    let (goals_start, _) = main.split_at(main.find("mål företagsklimat").unwrap());
    let goals =
        &main[main.find("mål företagsklimat").unwrap()..main.find("indicator nki").unwrap()];
    let root = goals_start.to_string() + &main[main.find("indicator nki").unwrap()..];
    let a = analyse(&[("main.pejl", &root), ("mål.pejl", goals)]);
    assert!(a.diagnostics.is_empty(), "{:#?}", a.diagnostics);
    let other = FileId(1);
    assert_eq!(a.sources.get(other).path, Path::new("/mem/mål.pejl"));
    // From the included file to the root file.
    let def = definition(&a, other, at(goals, "under näringsliv", 0, 9)).unwrap();
    assert_eq!(def.file, F);
    assert_eq!(text_of(&a, def), "näringsliv");
    // References of the indicator: declared in the root file, used in the included one.
    let refs = references(&a, F, at(&root, "indicator nki", 0, 10), true);
    assert_eq!(refs.len(), 2);
    assert_eq!(refs[0].file, F);
    assert_eq!(refs[1].file, other);
    assert!(references(&a, F, at(&root, "indicator nki", 0, 10), false)
        .iter()
        .all(|s| s.file == other));
    assert!(definition(&a, F, 0).is_none());
}

#[test]
fn rename_changes_every_use_across_files_and_refuses_bad_names() {
    let root = BASE.replace(
        &BASE[BASE.find("mål företagsklimat").unwrap()..BASE.find("indicator nki").unwrap()],
        "include \"mål.pejl\"\n\n",
    );
    let goals =
        &BASE[BASE.find("mål företagsklimat").unwrap()..BASE.find("indicator nki").unwrap()];
    let a = analyse(&[("main.pejl", &root), ("mål.pejl", goals)]);
    assert!(a.diagnostics.is_empty(), "{:#?}", a.diagnostics);
    let offset = at(&root, "område näringsliv", 0, 9);
    let (span, name) = prepare_rename(&a, F, offset).unwrap();
    assert_eq!(name, "näringsliv");
    assert_eq!(text_of(&a, span), "näringsliv");
    let edits = rename(&a, F, offset, "næringsliv").unwrap();
    assert_eq!(edits.len(), 2);
    assert!(edits.iter().any(|e| e.span.file == FileId(1)));
    let new_root = apply(
        &root,
        &edits
            .iter()
            .filter(|e| e.span.file == F)
            .cloned()
            .collect::<Vec<_>>(),
    );
    let new_goals = apply(
        goals,
        &edits
            .iter()
            .filter(|e| e.span.file == FileId(1))
            .cloned()
            .collect::<Vec<_>>(),
    );
    assert!(new_goals.contains("under næringsliv"));
    let b = analyse(&[("main.pejl", &new_root), ("mål.pejl", &new_goals)]);
    assert!(b.diagnostics.is_empty(), "{:#?}", b.diagnostics);

    assert_eq!(
        rename(&a, F, offset, "9liv"),
        Err(RenameError::InvalidName("9liv".into()))
    );
    assert_eq!(
        rename(&a, F, offset, "nä ringsliv"),
        Err(RenameError::InvalidName("nä ringsliv".into()))
    );
    assert_eq!(
        rename(&a, F, offset, "under"),
        Err(RenameError::Keyword("under".into()))
    );
    // Said in the editor's language.
    assert_eq!(
        RenameError::Keyword("ansvarig".into())
            .text()
            .render(Lang::Sv),
        "`ansvarig` är ett nyckelord i pejl och kan inte vara ett ID"
    );
    assert_eq!(
        RenameError::Collision {
            name: "KF".into(),
            existing: crate::model::Kind::Body
        }
        .text()
        .render(Lang::Da),
        "`KF` er allerede ID for et organ; hvert ID i en politik skal være entydigt"
    );
    assert!(matches!(
        rename(&a, F, offset, "KF"),
        Err(RenameError::Collision {
            existing: crate::model::Kind::Body,
            ..
        })
    ));
    assert!(rename(&a, F, offset, "KF")
        .unwrap_err()
        .to_string()
        .contains("already the ID of a body"));
    // Levels have their own namespace, shared with the statuses of the default scale.
    let level = at(&root, "level mål", 0, 6);
    assert!(matches!(
        rename(&a, F, level, "green"),
        Err(RenameError::Collision { .. })
    ));
    let edits = rename(&a, F, level, "verksamhet").unwrap();
    assert_eq!(edits.len(), 2, "the level and the goal at it");
    // A status of the default scale has no declaration.
    assert!(matches!(
        prepare_rename(&a, F, at(&root, "green when", 0, 1)),
        Err(RenameError::BuiltIn(_))
    ));
    assert_eq!(prepare_rename(&a, F, 0), Err(RenameError::NothingHere));
}

fn labels(c: &Completions) -> Vec<&str> {
    c.items.iter().map(|i| i.label.as_str()).collect()
}

/// Completions with the cursor at the `|` in `text` (which is removed).
fn complete_at(text: &str) -> (Analysis, Completions) {
    let offset = text.find('|').unwrap();
    let text = text.replacen('|', "", 1);
    let a = one(&text);
    let c = completions(&a, F, offset);
    (a, c)
}

#[test]
fn completion_after_under_offers_goals_of_the_level_above() {
    let text = BASE.replace("  under näringsliv\n", "  under |\n");
    let (_, c) = complete_at(&text);
    assert_eq!(labels(&c), vec!["näringsliv"]);
    assert_eq!(
        c.items[0].detail.as_deref(),
        Some("Näringsliv och fællesskab 🚀")
    );
    assert_eq!(c.items[0].kind, CompletionKind::Goal);
    // A partly typed word is replaced.
    let text = BASE.replace("  under näringsliv\n", "  under när|\n");
    let (a, c) = complete_at(&text);
    assert_eq!(labels(&c), vec!["näringsliv"]);
    assert_eq!(text_of(&a, c.replace), "när");
    // In an area goal: the vision.
    let text = BASE.replace("  under kommun2040\n", "  under |\n");
    assert_eq!(labels(&complete_at(&text).1), vec!["kommun2040"]);
    // After a comma, the same list goes on.
    let text = BASE.replace("  under kommun2040\n", "  under kommun2040, |\n");
    assert_eq!(labels(&complete_at(&text).1), vec!["kommun2040"]);
}

#[test]
fn completion_of_references_by_keyword() {
    let case = |from: &str, to: &str| {
        let text = BASE.replacen(from, to, 1);
        let (_, c) = complete_at(&text);
        c
    };
    let c = case("  measure nki\n", "  measure |\n");
    assert_eq!(labels(&c), vec!["nki"]);
    assert_eq!(c.items[0].detail.as_deref(), Some("Nöjd-Kund-Index"));
    assert_eq!(c.items[0].kind, CompletionKind::Indicator);
    let c = case("  owner BUN\n", "  owner |\n");
    assert_eq!(labels(&c), vec!["KF", "BUN"]);
    assert_eq!(
        c.items[1].detail.as_deref(),
        Some("Barn- och utbildningsnämnden")
    );
    assert_eq!(
        labels(&case("  owner BUN\n", "  owner BUN\n  rule |\n")),
        vec!["trafikljus"]
    );
    assert_eq!(
        labels(&case("  follow-up årsredovisning\n", "  follow-up |\n")),
        vec!["årsredovisning"]
    );
    assert_eq!(
        labels(&case("  values fællesskab\n", "  values |\n")),
        vec!["fællesskab"]
    );
    assert_eq!(
        labels(&case("  unit index\n", "  unit |\n")),
        crate::unit::UNIT_WORDS
            .iter()
            .copied()
            .chain(["percent change"])
            .collect::<Vec<_>>()
    );
    assert_eq!(
        labels(&case("{ parent KF  kind committee }", "{ parent | }")),
        vec!["KF", "BUN"]
    );
    assert!(labels(&case(
        "  level område \"Målområde\" under vision",
        "  level område \"Målområde\" under |"
    ))
    .contains(&"vision"));
    assert_eq!(
        labels(&case("due 12-31  to KF }", "due 12-31  to | }")),
        vec!["KF", "BUN"]
    );
    assert_eq!(
        labels(&case("  source kolada \"U07451\"\n", "  source |\n")),
        vec!["kolada", "statbank", "internal", "survey"]
    );
}

#[test]
fn completion_of_statements_statuses_and_conditions() {
    let case = |from: &str, to: &str| {
        let text = BASE.replacen(from, to, 1);
        labels(&complete_at(&text).1)
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    // Statement keywords in a goal block, without those already given.
    let got = case(
        "  follow-up årsredovisning\n",
        "  follow-up årsredovisning\n  |\n",
    );
    assert!(
        got.contains(&"milestone".to_string()) && got.contains(&"text".to_string()),
        "{got:?}"
    );
    assert!(
        !got.contains(&"owner".to_string()) && !got.contains(&"measure".to_string()),
        "{got:?}"
    );
    // In an indicator block.
    let got = case("  benchmark county \"Länet\"\n", "  |\n");
    assert_eq!(
        got,
        vec!["frequency", "benchmark"]
            .into_iter()
            .filter(|_| false)
            .chain(["benchmark", "frequency"])
            .map(String::from)
            .collect::<Vec<_>>()
    );
    // Statuses at the start of a band, with their labels.
    let text = BASE.replacen("  red otherwise\n", "  red otherwise\n  |\n", 1);
    let (_, c) = complete_at(&text);
    assert_eq!(labels(&c), vec!["green", "yellow", "red", "grey"]);
    assert_eq!(c.items[0].kind, CompletionKind::Status);
    assert_eq!(c.items[0].detail.as_deref(), Some("Uppfyllt"));
    assert_eq!(
        case("  red otherwise\n", "  red |\n"),
        vec!["when", "otherwise"]
    );
    assert!(case("  green when meets target\n", "  green when |\n").contains(&"meets".to_string()));
    assert_eq!(
        case("  green when meets target\n", "  green when meets |\n"),
        vec!["target", "benchmark", "baseline"]
    );
    // Top level: declaration keywords and the chain's levels.
    let got = case("// Trafikljus.\n", "|\n");
    assert!(
        got.contains(&"indicator".to_string()) && got.contains(&"område".to_string()),
        "{got:?}"
    );
    // Policy block.
    assert_eq!(
        case("  language sv\n", "  language |\n"),
        vec!["sv", "da", "en"]
    );
}

/// `benchmark KIND "…" kolada "ID" weighted|unweighted` in an indicator, and
/// `meets benchmark KIND`, `within 5 points of` in a rule.
#[test]
fn completion_of_typed_benchmarks_and_points() {
    let case = |from: &str, to: &str| {
        let text = BASE.replacen(from, to, 1);
        let (_, c) = complete_at(&text);
        c
    };
    let words = |from: &str, to: &str| {
        labels(&case(from, to))
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let bench = "  benchmark county \"Länet\"\n";
    // After `benchmark` in an indicator: every kind.
    let c = case(bench, "  benchmark |\n");
    assert_eq!(labels(&c), vec!["county", "national", "peers", "group"]);
    assert_eq!(c.items[0].kind, CompletionKind::Constant);
    // After the description: the Kolada ID and the mean, then the other statements; an
    // indicator may declare several benchmarks, so `benchmark` stays on offer.
    assert_eq!(
        words(bench, "  benchmark county \"Länet\" |\n"),
        vec!["kolada", "weighted", "unweighted", "benchmark", "frequency"]
    );
    assert_eq!(
        case(bench, "  benchmark county \"Länet\" |\n").items[0].kind,
        CompletionKind::Keyword
    );
    // After `kolada` the ID in quotes comes: no word.
    assert!(words(bench, "  benchmark county \"Länet\" kolada |\n").is_empty());
    assert_eq!(
        words(bench, "  benchmark county \"Länet\" kolada \"0024\" |\n"),
        vec!["weighted", "unweighted", "benchmark", "frequency"]
    );
    // Without a description, straight after the kind.
    assert_eq!(
        words(bench, "  benchmark national |\n"),
        vec!["kolada", "weighted", "unweighted", "benchmark", "frequency"]
    );
    // The next line after a complete benchmark: a second benchmark may be declared.
    assert_eq!(
        words(
            bench,
            "  benchmark county \"Länet\" kolada \"0024\" unweighted\n  |\n"
        ),
        vec!["benchmark", "frequency"]
    );

    // In a rule: `within N` takes `points` or a percentage, then `of`.
    let band = "  yellow when better than baseline\n";
    assert!(words(band, "  yellow when within |\n").is_empty());
    assert_eq!(words(band, "  yellow when within 5 |\n"), vec!["points"]);
    assert_eq!(words(band, "  yellow when within 5 points |\n"), vec!["of"]);
    assert_eq!(words(band, "  yellow when within 10% |\n"), vec!["of"]);
    assert_eq!(
        words(band, "  yellow when within 5 points of |\n"),
        vec!["target", "benchmark", "baseline"]
    );

    // After `benchmark` in a rule: the kinds the indicators of the rule's goals declare
    // (`trafikljus` is the default rule, `företagsklimat` measures `nki`), with their
    // descriptions; not the group of an indicator no goal of the rule measures.
    let policy = BASE
        .replacen(
            bench,
            "  benchmark county \"Länet\"\n  benchmark national \"Riket\" kolada \"0000\"\n",
            1,
        )
        .replacen(
            "// Trafikljus.\n",
            "indicator kostnad \"Kostnad\" {\n  unit currency \"SEK\"\n  lower is better\n  benchmark group \"Liknande kommuner ekonomi, 2024\" kolada \"G37329\"\n}\n\n// Trafikljus.\n",
            1,
        );
    let in_rule = |to: &str| {
        let (_, c) = complete_at(&policy.replacen(band, to, 1));
        c
    };
    let c = in_rule("  yellow when meets benchmark |\n");
    assert_eq!(
        labels(&c),
        vec!["county", "national", "and", "or", "requires motivation"]
    );
    assert_eq!(c.items[0].detail.as_deref(), Some("Länet"));
    assert_eq!(c.items[1].detail.as_deref(), Some("Riket"));
    assert_eq!(c.items[1].kind, CompletionKind::Constant);
    assert_eq!(
        labels(&in_rule("  yellow when within 10% of benchmark |\n"))[..2],
        ["county", "national"]
    );
    // A rule no goal uses: the kinds of every indicator.
    let unused = policy.clone() + "\nrule egen {\n  green when better than benchmark |\n}\n";
    let (_, c) = complete_at(&unused);
    assert_eq!(
        labels(&c),
        vec![
            "county",
            "national",
            "group",
            "and",
            "or",
            "requires motivation"
        ]
    );
    assert_eq!(
        c.items[2].detail.as_deref(),
        Some("Liknande kommuner ekonomi, 2024")
    );
}

#[test]
fn completion_in_a_half_typed_goal_still_works() {
    let text = BASE.to_string() + "\nmål ny \"Ny 🌱\" {\n  under |";
    let (a, c) = complete_at(&text);
    assert!(!a.diagnostics.is_empty());
    assert_eq!(labels(&c), vec!["näringsliv"]);
}

#[test]
fn document_symbols_are_the_goal_tree() {
    let a = one(BASE);
    let symbols = document_symbols(&a, F);
    let names: Vec<&str> = symbols.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "kommun",
            "KF",
            "BUN",
            "fællesskab",
            "chain",
            "årsredovisning",
            "kommun2040",
            "nki",
            "trafikljus"
        ]
    );
    let vision = symbols.iter().find(|s| s.name == "kommun2040").unwrap();
    assert_eq!(vision.detail, "vision: Kommunen 2040 🌲");
    assert_eq!(vision.children[0].name, "näringsliv");
    assert_eq!(vision.children[0].children[0].name, "företagsklimat");
    assert_eq!(
        vision.children[0].children[0].detail,
        "mål: Företagsklimatet ska förbättras 📈"
    );
    assert_eq!(text_of(&a, vision.selection), "kommun2040");
    let chain = symbols.iter().find(|s| s.name == "chain").unwrap();
    assert_eq!(chain.children.len(), 3);
}

#[test]
fn workspace_symbols_match_ids_and_titles() {
    let a = one(BASE);
    let found = workspace_symbols(&a, "när", 100);
    assert_eq!(found[0].name, "näringsliv");
    assert_eq!(found[0].container, "område: Näringsliv och fællesskab 🚀");
    let found = workspace_symbols(&a, "förbättras", 100);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "företagsklimat");
    assert!(workspace_symbols(&a, "", 3).len() == 3);
}

#[test]
fn semantic_tokens_classify_levels_goals_indicators_statuses_and_keywords() {
    let a = one(BASE);
    let tokens = semantic_tokens(&a, F);
    let find = |needle: &str, nth: usize, inner: usize| {
        let offset = at(BASE, needle, nth, inner);
        tokens
            .iter()
            .find(|t| t.span.start == offset)
            .copied()
            .unwrap_or_else(|| panic!("no token at {needle}"))
    };
    let t = find("mål företagsklimat", 0, 0);
    assert_eq!((t.kind, text_of(&a, t.span)), (TokenKind::Level, "mål"));
    let t = find("mål företagsklimat", 0, 5);
    assert_eq!(
        (t.kind, t.declaration, text_of(&a, t.span)),
        (TokenKind::Goal, true, "företagsklimat")
    );
    assert_eq!(find("under näringsliv", 0, 6).kind, TokenKind::Goal);
    assert_eq!(find("under näringsliv", 0, 0).kind, TokenKind::Keyword);
    assert_eq!(find("measure nki", 0, 8).kind, TokenKind::Indicator);
    assert_eq!(find("yellow when", 0, 0).kind, TokenKind::Status);
    assert_eq!(find("values fællesskab", 0, 7).kind, TokenKind::Value);
    assert_eq!(find("owner BUN", 0, 6).kind, TokenKind::Body);
    assert_eq!(find("higher is better", 0, 7).kind, TokenKind::Keyword);
    // Nothing inside strings or comments.
    assert!(!tokens.iter().any(|t| text_of(&a, t.span) == "för"));
    assert!(!tokens
        .iter()
        .any(|t| t.span.start == at(BASE, "Med grått", 0, 0)));
    assert!(tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

/// The words of typed benchmarks and percentage points are keywords, as the parser reads them.
#[test]
fn semantic_tokens_know_kolada_weighting_and_points() {
    let text = BASE
        .replacen(
            "  benchmark county \"Länet\"\n",
            "  benchmark county \"Länet\" kolada \"0024\" unweighted\n  benchmark national \"Riket\" weighted\n",
            1,
        )
        .replacen(
            "  yellow when better than baseline\n",
            "  yellow when within 5 points of benchmark\n",
            1,
        );
    let a = one(&text);
    let tokens = semantic_tokens(&a, F);
    for (needle, inner) in [
        ("kolada \"0024\"", 0),
        ("unweighted", 0),
        ("\" weighted", 2),
        ("points of", 0),
    ] {
        let offset = at(&text, needle, 0, inner);
        let t = tokens
            .iter()
            .find(|t| t.span.start == offset)
            .unwrap_or_else(|| panic!("no token at {needle}"));
        assert_eq!(t.kind, TokenKind::Keyword, "{needle}");
    }
}

#[test]
fn folding_ranges_cover_blocks_and_comment_runs() {
    let a = one(BASE);
    let ranges = folding_ranges(&a, F);
    let line = |needle: &str| BASE[..BASE.find(needle).unwrap()].matches('\n').count() as u32;
    assert!(
        ranges.contains(&FoldRange {
            start_line: 0,
            end_line: 4,
            kind: FoldKind::Region
        }),
        "{ranges:?}"
    );
    assert!(ranges.contains(&FoldRange {
        start_line: line("mål företagsklimat"),
        end_line: line("  follow-up"),
        kind: FoldKind::Region
    }));
    assert!(ranges.contains(&FoldRange {
        start_line: line("// Trafikljus"),
        end_line: line("// Med"),
        kind: FoldKind::Comment
    }));
}

#[test]
fn inlay_hints_show_the_title_of_referenced_goals() {
    let a = one(BASE);
    let hints = inlay_hints(&a, F, 0, BASE.len());
    assert_eq!(hints.len(), 2, "{hints:?}");
    assert_eq!(
        hints[1].offset,
        at(BASE, "under näringsliv", 0, "under näringsliv".len())
    );
    assert_eq!(hints[1].label, "Näringsliv och fællesskab 🚀");
    let long = BASE.replace(
        "Näringsliv och fællesskab 🚀",
        "Ett mycket långt namn på målområdet om näringsliv och fællesskab 🚀",
    );
    let a = one(&long);
    let label = &inlay_hints(&a, F, 0, long.len())[1].label;
    assert!(
        label.chars().count() <= 40 && label.ends_with('…'),
        "{label}"
    );
}

fn actions_for(text: &str, code: Code) -> (Analysis, Vec<CodeAction>) {
    let a = one(text);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code}: {:#?}", a.diagnostics))
        .clone();
    let actions = code_actions(&a, d.span.file, d.span.start, d.span.end);
    (a, actions)
}

#[test]
fn code_action_applies_did_you_mean() {
    let text = BASE.replace("under näringsliv", "under näringslif");
    let (_, actions) = actions_for(&text, Code::P0101);
    let fix = actions
        .iter()
        .find(|a| a.title == "Change to `näringsliv`")
        .unwrap();
    assert!(fix.preferred);
    assert!(one(&apply(&text, &fix.edits)).diagnostics.is_empty());
}

#[test]
fn code_action_creates_a_missing_declaration_from_a_template() {
    for (from, to, title) in [
        (
            "owner BUN\n  measure",
            "owner SN\n  measure",
            "Create body `SN`",
        ),
        (
            "measure nki",
            "measure nöjdhet",
            "Create indicator `nöjdhet`",
        ),
        (
            "follow-up årsredovisning",
            "follow-up delår",
            "Create report `delår`",
        ),
        (
            "values fællesskab",
            "values åbenhed",
            "Create core value `åbenhed`",
        ),
        (
            "  owner BUN\n",
            "  owner BUN\n  rule målnivå\n",
            "Create rule `målnivå`",
        ),
    ] {
        let text = BASE.replacen(from, to, 1);
        let a = one(&text);
        let d = a
            .diagnostics
            .iter()
            .find(|d| matches!(d.code, Code::P0101 | Code::P0601))
            .unwrap();
        let actions = code_actions(&a, F, d.span.start, d.span.start);
        let create = actions
            .iter()
            .find(|a| a.title == title)
            .unwrap_or_else(|| panic!("{title}: {actions:#?}"));
        let fixed = apply(&text, &create.edits);
        let b = one(&fixed);
        assert!(
            !b.diagnostics
                .iter()
                .any(|d| d.severity == crate::Severity::Error),
            "{title}: {:#?}\n{fixed}",
            b.diagnostics
        );
    }
    // A parent goal at the level above.
    let text = BASE.replace("under näringsliv", "under turism");
    let a = one(&text);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0101)
        .unwrap();
    let actions = code_actions(&a, F, d.span.start, d.span.end);
    let create = actions
        .iter()
        .find(|a| a.title == "Create goal `turism`")
        .unwrap();
    assert!(create.edits[0]
        .text
        .contains("område turism \"turism\" {\n  owner BUN\n}"));
}

#[test]
fn code_action_adds_the_owner_of_the_goal_above() {
    let text = BASE.replace("  owner BUN\n", "");
    let (_, actions) = actions_for(&text, Code::P0406);
    let add = actions
        .iter()
        .find(|a| a.title == "Add `owner KF` (the owner of the goal above)")
        .unwrap();
    let fixed = apply(&text, &add.edits);
    assert!(
        fixed.contains("  follow-up årsredovisning\n  owner KF\n}"),
        "{fixed}"
    );
    assert!(one(&fixed).diagnostics.is_empty());
    // A goal without a block gets one.
    let text = BASE
        .replace(
            "vision kommun2040 \"Kommunen 2040 🌲\" {\n  owner KF\n}",
            "vision kommun2040 \"Kommunen 2040 🌲\"",
        )
        .replace("  under kommun2040\n  owner KF\n", "  under kommun2040\n");
    let a = one(&text);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0406 && a.sources.text(d.span).contains("näringsliv"))
        .unwrap();
    assert!(
        code_actions(&a, F, d.span.start, d.span.end)
            .iter()
            .all(|a| !a.title.en().starts_with("Add `owner")),
        "no owner above"
    );
}

#[test]
fn code_action_adds_a_missing_deadline() {
    let text = BASE.replace("target 75 by 2026", "target 75");
    let (_, actions) = actions_for(&text, Code::P0402);
    let add = actions
        .iter()
        .find(|a| a.title.en().starts_with("Add the deadline `by 2027`"))
        .unwrap();
    let fixed = apply(&text, &add.edits);
    assert!(fixed.contains("target 75 by 2027"), "{fixed}");
    assert!(one(&fixed).diagnostics.is_empty());
}

#[test]
fn positions_are_exact_with_crlf_and_emoji() {
    let text = BASE.replace('\n', "\r\n").replace(
        "mål företagsklimat \"Företagsklimatet ska förbättras 📈\" {\r\n  under näringsliv",
        "mål företagsklimat \"Företagsklimatet 📈\" { under näringsliv",
    );
    let a = one(&text);
    assert!(a.diagnostics.is_empty(), "{:#?}", a.diagnostics);
    let lines = LineIndex::new(&text);
    let offset = at(&text, "under näringsliv", 0, 6);
    let (line, col) = lines.utf16_position(&text, offset);
    let line_text = text[lines.line_start(line as usize)..]
        .lines()
        .next()
        .unwrap();
    assert_eq!(
        col as usize,
        line_text[..line_text.find("näringsliv").unwrap()]
            .encode_utf16()
            .count()
    );
    let back = lines.offset_of_utf16(&text, line, col + 3);
    let def = definition(&a, F, back).unwrap();
    assert_eq!(text_of(&a, def), "näringsliv");
    let (dl, dc) = lines.utf16_position(&text, def.start);
    assert_eq!(dc, 7);
    assert_eq!(&text[lines.line_start(dl as usize)..def.start], "område ");
    // Tokens and folding still line up.
    assert!(semantic_tokens(&a, F)
        .iter()
        .any(|t| t.span.start == offset && t.kind == TokenKind::Goal));
    assert!(!folding_ranges(&a, F).is_empty());
}

#[test]
fn incremental_parse_matches_a_full_parse_edit_after_edit() {
    let mut text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/dorotea.pejl"
    ))
    .unwrap();
    let path = PathBuf::from("/mem/main.pejl");
    let mut parser = IncrementalParser::new();
    let mut previous: Option<Analysis> = None;
    // A fixed series of edits: typing inside titles and IDs, breaking and mending a block,
    // opening a string, deleting a declaration, CRLF, an emoji.
    // PEJL_INCR_SEED=N runs another series (the default one runs in CI).
    let mut seed: u64 = std::env::var("PEJL_INCR_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let original = text.clone();
    let mut typed: Option<(usize, usize)> = None;
    let mut fast = 0;
    let inserts = [
        "x",
        "ö",
        "🎯",
        "}",
        "{",
        "\"",
        "\n",
        "\r\n",
        " ",
        "under ",
        "\nmål ny \"t\"\n",
        "//",
        "\"\"\"",
        "\r",
        "not ",
        "(",
    ];
    for step in 0..300 {
        let mut at = next(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        if step >= 150 {
            // Second half: type something and take it away again, so the text stays
            // mostly valid and the re-parse stays local.
            if step == 150 {
                text = original.clone();
            }
            if let Some((start, len)) = typed.take() {
                text.replace_range(start..start + len, "");
            } else {
                let insert = inserts[next(inserts.len())];
                text.insert_str(at, insert);
                typed = Some((at, insert.len()));
            }
        } else if step % 3 == 2 && !text.is_empty() {
            let mut end = (at + next(40)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(at..end, "");
        } else {
            text.insert_str(at, inserts[next(inserts.len())]);
        }
        let loader = Mem([(path.clone(), text.clone())].into_iter().collect());
        let incremental = parser.analyze(&path, &loader, previous.take());
        let full = crate::analyze(&path, &loader);
        assert_eq!(
            format!("{:?}", incremental.files[0].decls),
            format!("{:?}", full.files[0].decls),
            "step {step}"
        );
        assert_eq!(
            incremental.files[0].comments, full.files[0].comments,
            "step {step}"
        );
        if incremental.diagnostics != full.diagnostics {
            let first = incremental
                .diagnostics
                .iter()
                .zip(&full.diagnostics)
                .position(|(a, b)| a != b);
            let around = first.map(|i| full.diagnostics[i].span.start).unwrap_or(0);
            let lo = around.saturating_sub(300);
            let mut lo = lo;
            while !text.is_char_boundary(lo) {
                lo -= 1;
            }
            let mut hi = (around + 200).min(text.len());
            while !text.is_char_boundary(hi) {
                hi += 1;
            }
            eprintln!("EDIT at {at}\n-----\n{}\n-----", &text[lo..hi]);
            panic!(
                "step {step}: diagnostics differ at {first:?}: {:?}\nvs\n{:?}\n(counts {} vs {})",
                first.map(|i| &incremental.diagnostics[i]),
                first.map(|i| &full.diagnostics[i]),
                incremental.diagnostics.len(),
                full.diagnostics.len()
            );
        }
        if parser.last_reparsed < text.len() / 4 {
            fast += 1;
        }
        previous = Some(incremental);
    }
    assert!(
        fast > 100,
        "only {fast} of 300 analyses re-parsed a small part"
    );
}

#[test]
fn incremental_parse_reparses_little_for_a_small_edit() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/dorotea.pejl"
    ))
    .unwrap();
    let path = PathBuf::from("/mem/main.pejl");
    let mut parser = IncrementalParser::new();
    let loader = Mem([(path.clone(), text.clone())].into_iter().collect());
    let first = parser.analyze(&path, &loader, None);
    let edited = text.replacen("Företagarnas nöjdhet", "Företagarnas nöjdheter", 1);
    let loader = Mem([(path.clone(), edited.clone())].into_iter().collect());
    let second = parser.analyze(&path, &loader, Some(first));
    assert!(parser.last_reparsed < 1000, "{}", parser.last_reparsed);
    assert!(second.diagnostics.is_empty());
    assert_eq!(
        format!("{:?}", second.files[0].decls),
        format!("{:?}", crate::analyze(&path, &loader).files[0].decls)
    );
}

/// The decomposed spelling of a name (`a` + U+0308 for `ä`, as text copied from a PDF or
/// typed on macOS often is).
fn decomposed(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = name.nfd().collect();
    assert_ne!(nfd, name, "`{name}` has a letter that decomposes");
    nfd
}

/// A name written decomposed is the same name as the composed one for every editor query:
/// it resolves, goes to its definition, is found and renamed with the other uses, completes
/// and is found by a decomposed search; a rename writes the new name composed.
#[test]
fn decomposed_names_are_the_same_names_in_the_editor() {
    let under = format!("  under {}\n", decomposed("näringsliv"));
    let text = BASE
        .replace("  under näringsliv\n", &under)
        .replace("mål företagsklimat", &decomposed("mål företagsklimat"))
        .replace(
            "follow-up årsredovisning",
            &decomposed("follow-up årsredovisning"),
        );
    let a = one(&text);
    assert!(a.diagnostics.is_empty(), "{:#?}", a.diagnostics);

    let use_at = at(&text, &under, 0, 9);
    let declared = definition(&a, F, use_at).unwrap();
    assert_eq!(text_of(&a, declared), "näringsliv");
    let uses = references(&a, F, use_at, true);
    assert_eq!(
        uses.iter().map(|&s| text_of(&a, s)).collect::<Vec<_>>(),
        ["näringsliv".to_string(), decomposed("näringsliv")]
    );
    let h = hover(&a, F, use_at, Lang::En).unwrap();
    assert!(
        h.markdown.contains("Näringsliv och fællesskab 🚀"),
        "{}",
        h.markdown
    );

    // The editor shows the name as written; the new name is written composed.
    let (_, shown) = prepare_rename(&a, F, use_at).unwrap();
    assert_eq!(shown, decomposed("näringsliv"));
    let edits = rename(&a, F, use_at, &decomposed("näringslivet")).unwrap();
    assert_eq!(edits.len(), 2);
    assert!(edits.iter().all(|e| e.text == "näringslivet"));
    assert!(one(&apply(&text, &edits)).diagnostics.is_empty());
    // The same name in either spelling is the same name: no edit, and a collision for another.
    assert_eq!(rename(&a, F, use_at, "näringsliv"), Ok(Vec::new()));
    let goal = at(&text, &decomposed("företagsklimat"), 0, 2);
    assert!(matches!(
        rename(&a, F, goal, &decomposed("näringsliv")),
        Err(RenameError::Collision { .. })
    ));

    // Completion reads the level (`mål`, decomposed) and the goal's own ID from the source.
    let (_, c) = complete_at(&text.replace(&under, "  under |\n"));
    assert_eq!(labels(&c), vec!["näringsliv"]);
    let found = workspace_symbols(&a, &decomposed("när"), 100);
    assert_eq!(found[0].name, "näringsliv");
    let found = workspace_symbols(&a, &decomposed("förbättras"), 100);
    assert_eq!(found.len(), 1, "titles are searched after NFC too");

    // Declared once in each spelling, a name is declared twice.
    let twice = format!(
        "{BASE}\nbody {} \"Näringslivsrådet\"\n",
        decomposed("näringsliv")
    );
    let codes: Vec<Code> = one(&twice).diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::P0102]);

    // A missing declaration is created with the name composed, as the formatter writes it.
    let text = BASE.replace(
        "follow-up årsredovisning",
        &decomposed("follow-up delårsrapport"),
    );
    let a = one(&text);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0601)
        .unwrap_or_else(|| panic!("{:#?}", a.diagnostics));
    let actions = code_actions(&a, F, d.span.start, d.span.end);
    let create = actions
        .iter()
        .find(|a| a.title == "Create report `delårsrapport`")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert!(create.edits[0].text.contains("report delårsrapport \""));
    assert!(one(&apply(&text, &create.edits))
        .diagnostics
        .iter()
        .all(|d| d.severity != crate::Severity::Error));
}

/// The fix of a percentage written as fractions changes every number of the goal in one edit.
#[test]
fn code_action_writes_fractions_as_percentages() {
    let text = BASE
        .replace("  unit index\n", "  unit percent\n")
        .replace("baseline 68 in 2022", "baseline 0.68 in 2022")
        .replace("target 75 by 2026", "target 0.75 by 2026");
    let (_, actions) = actions_for(&text, Code::P0505);
    let fix = actions
        .iter()
        .find(|a| a.title == "Write as percentages: the baseline 68 and the target 75")
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert!(fix.preferred);
    assert_eq!(fix.edits.len(), 2);
    let fixed = apply(&text, &fix.edits);
    assert!(fixed.contains("baseline 68 in 2022") && fixed.contains("target 75 by 2026"));
    assert!(one(&fixed).diagnostics.is_empty());
}

#[test]
fn completion_knows_the_statements_of_versions_numbers_units_and_shared_owners() {
    let case = |from: &str, to: &str| {
        let text = BASE.replacen(from, to, 1);
        assert_ne!(text, BASE, "`{from}` is in the base policy");
        let (_, c) = complete_at(&text);
        c
    };
    // The policy block: a version, a status, any number of revisions.
    let c = case("  language sv\n", "  language sv\n  |\n");
    for word in ["version", "status", "revised"] {
        assert!(labels(&c).contains(&word), "{word}: {:?}", labels(&c));
    }
    assert_eq!(
        labels(&case("  language sv\n", "  language sv\n  status |\n")),
        vec!["draft", "adopted"]
    );
    // A goal: its number is text, a baseline is a number.
    let c = case("  owner BUN\n", "  owner BUN\n  |\n");
    assert!(labels(&c).contains(&"number"), "{:?}", labels(&c));
    assert!(labels(&case("  owner BUN\n", "  owner BUN\n  number |\n")).is_empty());
    assert!(labels(&case("  owner BUN\n", "  owner BUN\n  baseline |\n")).is_empty());
    // A second owner after a comma: the bodies again.
    assert_eq!(
        labels(&case("  owner BUN\n", "  owner BUN, |\n")),
        vec!["KF", "BUN"]
    );
    // `target benchmark KIND`
    assert_eq!(
        labels(&case(
            "  owner BUN\n",
            "  owner BUN\n  target benchmark |\n"
        )),
        vec!["county", "national", "peers", "group"]
    );
    // `unit percent change`
    assert_eq!(
        labels(&case("  unit index\n", "  unit percent |\n")),
        vec!["change"]
    );
}

/// Every symbol's range holds its children's (and its name), as editors require to find the
/// symbol at the cursor: inside an operational goal's block, the breadcrumb is area › strategic
/// goal › operational goal.
#[test]
fn outline_ranges_hold_their_children() {
    fn check(symbols: &[super::outline::DocumentSymbol], parent: Option<Span>) {
        for s in symbols {
            assert!(s.span.start <= s.selection.start && s.selection.end <= s.span.end);
            if let Some(p) = parent {
                assert!(p.start <= s.span.start && s.span.end <= p.end, "{}", s.name);
            }
            check(&s.children, Some(s.span));
        }
    }
    let text = include_str!("../../examples/dorotea.pejl");
    let a = one(text);
    let symbols = super::document_symbols(&a, F);
    check(&symbols, None);
    // The path to the cursor inside `nki`'s block.
    let at = text.find("målvärde 86 senast 2026").expect("nki's target") + 3;
    let mut path = Vec::new();
    let mut level = &symbols;
    while let Some(s) = level.iter().find(|s| s.span.start <= at && at < s.span.end) {
        path.push(s.name.clone());
        level = &s.children;
    }
    assert_eq!(path.last().map(String::as_str), Some("nki"), "{path:?}");
    assert!(path.len() >= 3, "{path:?}");
}

#[test]
fn hover_and_code_actions_speak_the_language_asked_for() {
    let a = one(BASE);
    let at_goal = at(BASE, "företagsklimat", 0, 3);
    let sv = hover(&a, F, at_goal, Lang::Sv).unwrap().markdown;
    assert!(
        sv.contains("*Mäts med:* `nki` — Nöjd-Kund-Index (index, högre är bättre)"),
        "{sv}"
    );
    assert!(sv.contains("*Målkedja:* vision Kommunen 2040"), "{sv}");
    let da = hover(&a, F, at_goal, Lang::Da).unwrap().markdown;
    assert!(
        da.contains("*Måles med:* `nki` — Nöjd-Kund-Index (index, højere er bedre)"),
        "{da}"
    );
    let md = hover(&a, F, at(BASE, "owner BUN", 0, 7), Lang::Da)
        .unwrap()
        .markdown;
    assert!(md.contains("*Ansvarlig for* 1 mål"), "{md}");

    let text = BASE.replace("target 75 by 2026", "target 75");
    let (_, actions) = actions_for(&text, Code::P0402);
    let titles: Vec<String> = actions.iter().map(|a| a.title.render(Lang::Sv)).collect();
    assert!(
        titles.contains(
            &"Lägg till slutåret `by 2027` (sista året i styrdokumentets period)".to_string()
        ),
        "{titles:?}"
    );
}

/// A file in Swedish keywords: completion reads its keywords and offers its own.
#[test]
fn completion_speaks_the_files_keyword_language() {
    let swedish = crate::format::format_keywords(BASE, Some(Lang::Sv)).unwrap();
    let danish = crate::format::format_keywords(BASE, Some(Lang::Da)).unwrap();
    // After `ansvarig `: the bodies, as after `owner `.
    let text = swedish.replacen("  ansvarig BUN\n", "  ansvarig |\n", 1);
    assert_ne!(text, swedish, "the Swedish BASE has `ansvarig BUN`");
    assert_eq!(labels(&complete_at(&text).1), vec!["KF", "BUN"]);
    // A new statement in a goal: the statement keywords in Swedish.
    let text = swedish.replacen("  ansvarig BUN\n", "  ansvarig BUN\n  |\n", 1);
    let (_, c) = complete_at(&text);
    let offered = labels(&c);
    assert!(offered.contains(&"mäts"), "{offered:?}");
    assert!(offered.contains(&"målvärde"), "{offered:?}");
    assert!(!offered.contains(&"target"), "{offered:?}");
    // And in Danish.
    let text = danish.replacen("  ansvarlig BUN\n", "  ansvarlig BUN\n  |\n", 1);
    assert_ne!(text, danish, "the Danish BASE has `ansvarlig BUN`");
    let (_, c) = complete_at(&text);
    let offered = labels(&c);
    assert!(offered.contains(&"målværdi"), "{offered:?}");
    assert!(offered.contains(&"opfølgning"), "{offered:?}");
}
