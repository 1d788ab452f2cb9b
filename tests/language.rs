//! The language as policy officers write it (issue 16): units of their own, goal numbers,
//! shared ownership, versions and dates. Each test uses a policy a municipality could have written.

mod common;

use common::{pejl, stderr, stdout, workspace};
use pejl::{Code, Severity};
use std::path::Path;

/// Copenhagen's step-1 goals: GDP growth (can be negative), CO2 in tonnes, costs per inhabitant.
const KOBENHAVN: &str = r#"policy kk "Københavns Kommunes mål" {
  adopted 2023-12-04 by BR ref "BR § 88"
  revised 2025-03-12 by BR ref "BR § 12"
  version "1.1"
  period 2024..2027
  language da
}
body BR "Borgerrepræsentationen"
body OKU "Økonomiudvalget"
body TMU "Teknik- og Miljøudvalget"
chain {
  level tema "Tema"
  level effekt "Effektmål" under tema measured
}
report aarsrapport "Årsrapport" { uses actual  due 2025-04-15  to BR }
rule r "Regel" {
  green when meets target
  red   otherwise
  grey  when missing
}
indicator bnp "Vækst i BNP" { unit percent change  higher is better }
indicator co2 "CO2-udledning" { unit "ton CO2e" min 0  lower is better }
indicator udgift "Udgifter til administration" { unit "kr" per indbygger  lower is better }
tema groen "En grøn og vækstskabende by" { number "1"  owner BR }
effekt vaekst "Vækst i hovedstaden" {
  number "1.1"
  under groen
  owner OKU, TMU
  measure bnp
  baseline -0.4 in 2023
  target 1.5 by 2026-12-31
  rule r
  follow-up aarsrapport
}
effekt klima "Mindre CO2" {
  number "1.2"
  under groen
  owner TMU
  measure co2
  baseline 1100.5 in 2023
  target 800.25 by 2026
  rule r
  follow-up aarsrapport
}
effekt admin "Billigere administration" {
  number "1.3"
  under groen
  owner OKU
  measure udgift
  baseline 4200.5 in 2023
  target 3900 by 2026
  rule r
  follow-up aarsrapport
}
"#;

const DATA: &str = "indicator,period,value,benchmark,kind,motivation
bnp,2025,1.7,,actual,
co2,2025,950.5,,actual,
udgift,2025,4100.75,,actual,
";

fn analysed(text: &str) -> pejl::Analysis {
    pejl::analyze_text(Path::new("politik.pejl"), text)
}

fn codes(a: &pejl::Analysis) -> Vec<Code> {
    a.diagnostics.iter().map(|d| d.code).collect()
}

fn errors(a: &pejl::Analysis) -> Vec<String> {
    a.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect()
}

#[test]
fn copenhagen_checks_clean_with_its_own_units() {
    let a = analysed(KOBENHAVN);
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    let compiled = pejl::ir::compile(&a);
    let json = serde_json::to_value(&compiled).unwrap();
    let ind = |id: &str| {
        json["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(ind("bnp")["unit"], "percent change");
    assert_eq!(ind("co2")["unit"], "named");
    assert_eq!(ind("co2")["unit_name"], "ton CO2e");
    assert_eq!(ind("co2")["unit_min"], 0.0);
    assert_eq!(ind("udgift")["unit_per"]["of"], "indbygger");
    assert!(ind("udgift")["unit_per"].get("count").is_none());
}

#[test]
fn values_outside_a_unit_are_errors_and_inside_are_not() {
    // GDP growth of -0.4 % is not a percentage of something.
    let as_percent = KOBENHAVN.replace("unit percent change", "unit percent");
    let a = analysed(&as_percent);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0501)
        .expect("P0501");
    assert!(
        d.message.en().contains("-0.4") && d.message.en().contains("between 0 and 100"),
        "{}",
        d.message
    );
    assert_eq!(&as_percent[d.span.start..d.span.end], "-0.4");

    // Tonnes cannot be negative once the policy says `min 0`; decimals are fine.
    let negative = KOBENHAVN.replace("target 800.25 by 2026", "target -5 by 2026");
    let a = analysed(&negative);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0501)
        .expect("P0501");
    assert!(
        d.message.en().contains("\"ton CO2e\"") && d.message.en().contains("no value below 0"),
        "{}",
        d.message
    );
    let unbounded = negative.replace("unit \"ton CO2e\" min 0", "unit \"ton CO2e\"");
    assert!(!codes(&analysed(&unbounded)).contains(&Code::P0501));

    // A count is whole, a count per 1000 inhabitants is a rate.
    let count = KOBENHAVN.replace("unit \"kr\" per indbygger", "unit count");
    assert!(codes(&analysed(&count)).contains(&Code::P0501));
    let rate = KOBENHAVN.replace(
        "unit \"kr\" per indbygger",
        "unit count per 1000 indbyggere",
    );
    assert!(!codes(&analysed(&rate)).contains(&Code::P0501));
}

#[test]
fn an_unknown_unit_word_suggests_quotes() {
    let text = KOBENHAVN.replace("unit \"ton CO2e\" min 0", "unit tonnes");
    let a = analysed(&text);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0001)
        .expect("P0001");
    assert_eq!(&text[d.span.start..d.span.end], "tonnes");
    assert!(
        d.message.en().contains("`tonnes` is not a unit"),
        "{}",
        d.message
    );
    let fix = d.fix.as_ref().expect("a fix");
    assert_eq!(fix.replacement, "\"tonnes\"");
}

#[test]
fn the_rule_analysis_uses_the_units_range() {
    // With `percent`, `value >= 0` covers everything; with `percent change` it leaves the
    // negative values without a status.
    let rule = "rule r \"Regel\" {\n  green when value >= 1\n  red   when value >= 0\n  grey  when missing\n}";
    let text = KOBENHAVN.replace(
        "rule r \"Regel\" {\n  green when meets target\n  red   otherwise\n  grey  when missing\n}",
        rule,
    );
    let a = analysed(&text);
    let gap = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0302)
        .expect("P0302 for negative growth");
    assert!(gap.message.en().contains("-"), "{}", gap.message);
    let percent = text.replace("unit percent change", "unit percent");
    let a = analysed(&percent);
    assert!(
        a.diagnostics
            .iter()
            .filter(|d| d.code == Code::P0302)
            .all(|d| !d.message.en().contains("vaekst")),
        "{:?}",
        a.diagnostics
    );
}

#[test]
fn reports_print_units_numbers_owners_and_the_version() {
    let (_dir, root) = workspace(&[("kk.pejl", KOBENHAVN), ("data.csv", DATA)]);
    let args = [
        "report",
        "kk.pejl",
        "--data",
        "data.csv",
        "--year",
        "2025",
        "--report",
        "aarsrapport",
        "--format",
        "md",
    ];
    let out = pejl(&args, &root);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    for expected in [
        "+1,7 %",
        "+1,5 % (2026)",
        "950,5 ton CO2e",
        "4100,75 kr pr. indbygger",
        "1.1 Vækst i hovedstaden",
        "Økonomiudvalget, Teknik- og Miljøudvalget",
        "Version 1.1 · vedtaget 2023-12-04 af Borgerrepræsentationen · revideret 2025-03-12",
    ] {
        assert!(md.contains(expected), "`{expected}` missing in:\n{md}");
    }
    assert!(!md.contains("UDKAST"), "an adopted policy is no draft");

    // JSON: every format carries the numbers and owners.
    let mut json_args = args;
    json_args[9] = "json";
    let out = pejl(&json_args, &root);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let vaekst = json["goals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == "vaekst")
        .unwrap();
    assert_eq!(vaekst["number"], "1.1");
    assert_eq!(vaekst["owner"], "OKU");
    assert_eq!(vaekst["shared_with"][0]["id"], "TMU");
    assert_eq!(vaekst["unit_label"], "%");
    assert_eq!(json["policy"]["version"], "1.1");
    assert_eq!(json["report"]["due"], "2025-04-15");

    let mut csv_args = args;
    csv_args[9] = "csv";
    let csv = stdout(&pejl(&csv_args, &root));
    let header = csv.lines().next().unwrap();
    assert!(header.contains(",number,shared_with,unit,"), "{header}");
    assert!(csv.contains(",1.1,TMU,%"), "{csv}");
}

#[test]
fn a_draft_says_so_in_every_report() {
    let draft = KOBENHAVN.replace("  version \"1.1\"\n", "  version \"1.2\"\n  status draft\n");
    let (_dir, root) = workspace(&[("kk.pejl", &draft), ("data.csv", DATA)]);
    for format in ["md", "html", "json"] {
        let out = pejl(
            &[
                "report",
                "kk.pejl",
                "--data",
                "data.csv",
                "--year",
                "2025",
                "--report",
                "aarsrapport",
                "--format",
                format,
            ],
            &root,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        if format == "json" {
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(json["policy"]["draft"], true);
        } else {
            assert!(
                text.contains("Årsrapport 2025 (udkast)"),
                "{format}: {text}"
            );
            assert!(
                text.contains("UDKAST: målpolitikken er ikke vedtaget"),
                "{format}: {text}"
            );
        }
    }
}

#[test]
fn a_body_report_includes_the_goals_it_shares() {
    let (_dir, root) = workspace(&[("kk.pejl", KOBENHAVN), ("data.csv", DATA)]);
    let run = |body: &str| {
        pejl(
            &[
                "report",
                "kk.pejl",
                "--data",
                "data.csv",
                "--year",
                "2025",
                "--report",
                "aarsrapport",
                "--format",
                "json",
                "--body",
                body,
            ],
            &root,
        )
    };
    let ids = |out: &std::process::Output| -> Vec<String> {
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["goals"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|g| g.get("context").is_none())
            .map(|g| g["id"].as_str().unwrap().to_string())
            .collect()
    };
    // TMU answers for `klima` and shares `vaekst`; OKU answers for `vaekst` and `admin`.
    assert_eq!(ids(&run("TMU")), ["vaekst", "klima"]);
    assert_eq!(ids(&run("OKU")), ["vaekst", "admin"]);
    let out = run("TMX");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Did you mean `TMU`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn shared_owners_are_references() {
    let unknown = KOBENHAVN.replace("owner OKU, TMU", "owner OKU, TMV");
    let a = analysed(&unknown);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0101)
        .expect("P0101");
    assert_eq!(&unknown[d.span.start..d.span.end], "TMV");
    let twice = KOBENHAVN.replace("owner OKU, TMU", "owner OKU, TMU, OKU");
    assert_eq!(codes(&analysed(&twice)), [Code::P0109]);
    let two_lines = KOBENHAVN.replace("owner OKU, TMU", "owner OKU\n  owner TMU");
    assert_eq!(codes(&analysed(&two_lines)), [Code::P0107]);
    // Rename and references see every owner.
    let a = analysed(KOBENHAVN);
    let at = KOBENHAVN.find("body TMU").unwrap() + 5;
    let refs = pejl::ide::references(&a, pejl::FileId(0), at, true);
    assert_eq!(refs.len(), 3, "{refs:?}");
}

#[test]
fn goal_numbers_show_in_the_editor() {
    let a = analysed(KOBENHAVN);
    let file = pejl::FileId(0);
    let at = KOBENHAVN.find("effekt vaekst").unwrap() + 8;
    let hover = pejl::ide::hover(&a, file, at, pejl::i18n::Lang::En).expect("hover");
    assert!(
        hover.markdown.contains("1.1 Vækst i hovedstaden"),
        "{}",
        hover.markdown
    );
    assert!(
        hover.markdown.contains("*Shared with:* `TMU`"),
        "{}",
        hover.markdown
    );
    let found = pejl::ide::workspace_symbols(&a, "1.2", 5);
    assert_eq!(found.first().map(|s| s.name.as_str()), Some("klima"));
    let outline = pejl::ide::document_symbols(&a, file);
    let text = format!("{outline:?}");
    assert!(text.contains("1.3 Billigere administration"), "{text}");
}

#[test]
fn graphs_show_goal_numbers() {
    let (_dir, root) = workspace(&[("kk.pejl", KOBENHAVN)]);
    let out = pejl(&["graph", "kk.pejl", "--format", "mermaid"], &root);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("1.2 Mindre CO2"), "{}", stdout(&out));
}

#[test]
fn full_dates_are_deadlines_and_due_dates() {
    let a = analysed(KOBENHAVN);
    let compiled = pejl::ir::compile(&a);
    let vaekst = compiled.goals.iter().find(|g| g.id == "vaekst").unwrap();
    let target = vaekst.target.as_ref().unwrap();
    assert_eq!(target.year, Some(2026));
    assert_eq!(target.date.as_deref(), Some("2026-12-31"));
    // The year of a full date is what the period check reads.
    let late = KOBENHAVN.replace("by 2026-12-31", "by 2029-06-30");
    assert_eq!(codes(&analysed(&late)), [Code::P0403]);
}

#[test]
fn dates_written_with_slashes_or_dots_get_one_error_with_the_iso_form() {
    for (written, iso) in [
        ("31/12/2026", "2026-12-31"),
        ("31.12.2026", "2026-12-31"),
        ("2026/12/31", "2026-12-31"),
        ("1.6.2026", "2026-06-01"),
    ] {
        let text = KOBENHAVN.replace("by 2026-12-31", &format!("by {written}"));
        let a = analysed(&text);
        assert_eq!(codes(&a), [Code::P0502], "{written}: {:?}", a.diagnostics);
        let d = &a.diagnostics[0];
        assert_eq!(&text[d.span.start..d.span.end], written);
        assert_eq!(d.fix.as_ref().map(|f| f.replacement.as_str()), Some(iso));
    }
    // A due date as a Dane writes it: 15.4.
    let text = KOBENHAVN.replace("due 2025-04-15", "due 15.4.");
    let a = analysed(&text);
    assert_eq!(codes(&a), [Code::P0502], "{:?}", a.diagnostics);
    assert_eq!(
        a.diagnostics[0]
            .fix
            .as_ref()
            .map(|f| f.replacement.as_str()),
        Some("04-15")
    );
    // The adoption date needs its year.
    let text = KOBENHAVN.replace("adopted 2023-12-04", "adopted 4/12/2023");
    let a = analysed(&text);
    assert_eq!(codes(&a), [Code::P0502], "{:?}", a.diagnostics);
    assert_eq!(
        a.diagnostics[0]
            .fix
            .as_ref()
            .map(|f| f.replacement.as_str()),
        Some("2023-12-04")
    );
    // No such day: one error, no fix to guess.
    let text = KOBENHAVN.replace("by 2026-12-31", "by 31/02/2026");
    let a = analysed(&text);
    assert_eq!(errors(&a).len(), 1, "{:?}", a.diagnostics);
    assert!(a.diagnostics[0].fix.is_none());
}

#[test]
fn versions_and_revisions_are_compiled() {
    let a = analysed(KOBENHAVN);
    let compiled = pejl::ir::compile(&a);
    let policy = compiled.policy.as_ref().unwrap();
    assert_eq!(policy.version.as_deref(), Some("1.1"));
    assert_eq!(policy.revisions.len(), 1);
    assert_eq!(policy.revisions[0].date, "2025-03-12");
    assert_eq!(policy.revisions[0].reference.as_deref(), Some("BR § 12"));
    let bad = KOBENHAVN.replace(
        "  version \"1.1\"\n",
        "  version \"1.1\"\n  status proposal\n",
    );
    assert_eq!(codes(&analysed(&bad)), [Code::P0001]);
    let unknown = KOBENHAVN.replace("revised 2025-03-12 by BR", "revised 2025-03-12 by KB");
    assert_eq!(codes(&analysed(&unknown)), [Code::P0101]);
}

#[test]
fn the_formatter_keeps_the_new_statements() {
    let messy = KOBENHAVN
        .replace("owner OKU, TMU", "owner   OKU ,TMU")
        .replace(
            "unit \"kr\" per indbygger",
            "unit  \"kr\"   per   indbygger",
        );
    let formatted = pejl::format::format(&messy).expect("formats");
    let again = pejl::format::format(&formatted).expect("formats");
    assert_eq!(formatted, again);
    assert!(formatted.contains("owner OKU, TMU"), "{formatted}");
    assert!(
        formatted.contains("unit \"kr\" per indbygger"),
        "{formatted}"
    );
}

/// Dorotea compares "in a national and regional perspective": a goal may aim at the national
/// average while the indicator's first benchmark is the county's.
const TWO_BENCHMARKS: &str = r#"policy p "Målstyrning" { period 2024..2027  default rule r  language sv }
body KF "Kommunfullmäktige"
chain {
  level area "Målområde"
  level goal "Verksamhetsmål" under area measured
}
report annual "Årsredovisning" { uses actual  due 2025-04-15  to KF }
indicator behoriga "Elever i åk 9 som är behöriga till yrkesprogram, andel (%)" {
  unit percent
  higher is better
  benchmark county "Västerbottens län"
  benchmark national "Riket"
}
rule r "Regel" {
  green when meets target
  red   otherwise
  grey  when missing
}
area utbildning "Utbildning" { owner KF }
goal behorighet "Behörigheten ska nå rikssnittet" {
  under utbildning
  owner KF
  measure behoriga
  target benchmark national by 2026
  follow-up annual
}
"#;

#[test]
fn a_target_can_be_a_named_benchmark() {
    let a = analysed(TWO_BENCHMARKS);
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    let compiled = pejl::ir::compile(&a);
    let target = compiled.goals[1].target.as_ref().unwrap();
    assert_eq!(target.benchmark_kind.as_deref(), Some("national"));

    // 70 beats the county (65) but not the nation (75): red, against the national average.
    let data = "indicator,period,value,benchmark_county,benchmark_national,kind,motivation
behoriga,2025,70,65,75,actual,
";
    let (_dir, root) = workspace(&[("p.pejl", TWO_BENCHMARKS), ("data.csv", data)]);
    let out = pejl(
        &[
            "report", "p.pejl", "--data", "data.csv", "--year", "2025", "--report", "annual",
            "--format", "json",
        ],
        &root,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let goal = &json["goals"][1];
    assert_eq!(goal["status"], "red", "{goal}");
    assert_eq!(goal["target"], 75.0, "{goal}");
    assert!(
        goal["explanation"]
            .as_str()
            .unwrap()
            .contains("riksgenomsnittet 75"),
        "{goal}"
    );

    // A kind the indicator does not declare is an error at the target.
    let group = TWO_BENCHMARKS.replace("target benchmark national", "target benchmark group");
    let a = analysed(&group);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0306)
        .expect("P0306");
    assert!(
        d.message.en().contains("`group` benchmark"),
        "{}",
        d.message
    );
    let at = group.find("target benchmark group").unwrap();
    assert!(
        d.labels.iter().any(|l| l.span.start == at),
        "{:?}",
        d.labels
    );
    // A misspelt kind gets did you mean.
    let typo = TWO_BENCHMARKS.replace("target benchmark national", "target benchmark nationel");
    let a = analysed(&typo);
    assert_eq!(codes(&a), [Code::P0001], "{:?}", a.diagnostics);
    assert!(a.diagnostics[0]
        .help_en()
        .as_deref()
        .unwrap_or("")
        .contains("national"));
}
