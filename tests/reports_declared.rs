//! Reports as the policy declares them (issue 11): several recipients, the period an interim
//! report covers, due dates in the next year, required statements, who is followed up where,
//! and the Swedish calendar for the interim report.

mod common;

use common::{pejl, stderr, workspace};
use pejl::Code;
use std::path::Path;

const POLICY: &str = r#"policy dorotea "Målstyrning" {
  period 2024..2027
  language sv
  country se
  default rule trafikljus
}
body KF "Kommunfullmäktige"
body KS "Kommunstyrelsen"
chain {
  level area        "Målområde"
  level strategic   "Strategiskt mål" under area       assessed by majority  followed up in interim, annual
  level operational "Verksamhetsmål"  under strategic  measured
}
report interim "Delårsrapport" { uses forecast  covers 01-01..08-31  due 10-31  to KS, KF }
report annual "Årsredovisning" { uses actual  due 04-15 next year  to KS, KF }
indicator nki "Nöjd-Kund-Index" { unit index  higher is better }
rule trafikljus "Grön-Gul-Röd" {
  green when meets target
  red   otherwise
  grey  when missing
}
rollup majority "Majoritet" {
  grey  when all grey
  green when share green >= 50%
  red   otherwise
}
area utbildning "Utbildning" { owner KF }
strategic naringsliv "Gott näringslivsklimat" { under utbildning  owner KS }
operational nki_upp "Företagarnas nöjdhet ska öka" {
  under naringsliv
  owner KS
  measure nki
  baseline 68 in 2022
  target 75 by 2026
  follow-up interim, annual
}
"#;

const DATA: &str = "indicator,period,value,benchmark,kind,motivation
nki,2024,76,,actual,
nki,2024,71,,forecast,
";

fn analysed(text: &str) -> pejl::Analysis {
    pejl::analyze_text(Path::new("policy.pejl"), text)
}

fn codes(text: &str) -> Vec<Code> {
    analysed(text).diagnostics.iter().map(|d| d.code).collect()
}

fn report_json(policy: &str, report: &str) -> serde_json::Value {
    let (_dir, root) = workspace(&[("p.pejl", policy), ("data.csv", DATA)]);
    let out = pejl(
        &[
            "report", "p.pejl", "--data", "data.csv", "--year", "2024", "--report", report,
            "--format", "json",
        ],
        &root,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_policy_checks_clean() {
    let a = analysed(POLICY);
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    let compiled = pejl::ir::compile(&a);
    let annual = compiled.reports.iter().find(|r| r.id == "annual").unwrap();
    assert_eq!(annual.recipients, ["KS", "KF"]);
    assert_eq!(annual.to.as_deref(), Some("KS"));
    assert!(annual.due_next_year);
    let interim = compiled.reports.iter().find(|r| r.id == "interim").unwrap();
    let covers = interim.covers.as_ref().unwrap();
    assert_eq!(
        (covers.from.as_str(), covers.to.as_str()),
        ("01-01", "08-31")
    );
    // The strategic goal is followed up where its level says.
    let strategic = compiled
        .goals
        .iter()
        .find(|g| g.id == "naringsliv")
        .unwrap();
    assert_eq!(strategic.follow_up, ["interim", "annual"]);
}

#[test]
fn reports_name_every_recipient_and_the_due_date_of_the_year() {
    let json = report_json(POLICY, "annual");
    assert_eq!(
        json["report"]["recipients"],
        serde_json::json!(["Kommunstyrelsen", "Kommunfullmäktige"])
    );
    // The annual report 2024 is due in April 2025.
    assert_eq!(json["report"]["due"], "2025-04-15");
    let json = report_json(POLICY, "interim");
    assert_eq!(json["report"]["due"], "2024-10-31");
}

#[test]
fn each_required_statement_is_an_error() {
    for (without, word) in [
        ("uses actual  ", "`uses`"),
        ("due 04-15 next year  ", "`due`"),
        ("  to KS, KF }\nindicator", "`to`"),
    ] {
        let text = if word == "`to`" {
            POLICY.replacen(without, " }\nindicator", 1)
        } else {
            POLICY.replacen(without, "", 1)
        };
        assert_ne!(text, POLICY, "{word}");
        let a = analysed(&text);
        let d = a
            .diagnostics
            .iter()
            .find(|d| d.code == Code::P0603)
            .unwrap_or_else(|| panic!("no P0603 without {word}: {:?}", a.diagnostics));
        assert!(d.message.en().contains(word), "{}", d.message);
        assert!(d.message.en().contains("`annual`") || d.message.en().contains("`interim`"));
    }
}

#[test]
fn a_full_due_date_cannot_also_be_next_year() {
    let text = POLICY.replace("due 04-15 next year", "due 2025-04-15 next year");
    assert_eq!(codes(&text), [Code::P0502]);
    let text = POLICY.replace("due 04-15 next year", "due 2025-04-15");
    assert!(codes(&text).is_empty());
}

#[test]
fn a_goal_without_follow_up_is_followed_up_nowhere_in_checks_and_reports_alike() {
    let text = POLICY.replace("  follow-up interim, annual\n", "");
    let a = analysed(&text);
    let kinds: Vec<Code> = a.diagnostics.iter().map(|d| d.code).collect();
    // P0602 on the measured goal, and its strategic goal cannot be followed up either.
    assert!(kinds.contains(&Code::P0602), "{kinds:?}");
    assert!(kinds.contains(&Code::P0604), "{kinds:?}");
}

#[test]
fn the_evaluator_agrees_with_p0602() {
    // Without the level's requirement, the strategic goal follows its child; the child has no
    // follow-up: both are "not followed up" in every report, as P0602 says.
    let text = POLICY
        .replace("  followed up in interim, annual", "")
        .replace("  follow-up interim, annual\n", "");
    assert_eq!(codes(&text), [Code::P0602]);
    let json = report_json(&text, "annual");
    let goal = |id: &str| {
        json["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(goal("nki_upp")["assessment"], "not_followed_up");
    assert!(goal("nki_upp")["status"].is_null());
    assert_eq!(goal("naringsliv")["assessment"], "not_followed_up");
}

#[test]
fn a_level_requirement_needs_a_child_in_that_report() {
    let text = POLICY.replace("  follow-up interim, annual\n", "  follow-up annual\n");
    let a = analysed(&text);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0604)
        .expect("P0604");
    assert!(
        d.message.en().contains("`naringsliv`") && d.message.en().contains("`interim`"),
        "{}",
        d.message
    );
    let level = text.find("followed up in interim").unwrap() + "followed up in ".len();
    assert!(
        d.labels.iter().any(|l| l.span.start == level),
        "{:?}",
        d.labels
    );
    // Followed up in the interim report too: clean.
    assert!(codes(POLICY).is_empty());
}

#[test]
fn the_swedish_interim_calendar() {
    for (covers, due, expected) in [
        ("01-01..06-30", "08-31", vec![]),
        ("01-01..08-31", "10-31", vec![]),
        ("01-01..03-31", "05-31", vec![Code::P0605]),
        ("01-01..09-30", "11-30", vec![Code::P0605]),
        ("01-01..08-31", "11-01", vec![Code::P0606]),
        ("01-01..08-31", "10-31 next year", vec![Code::P0606]),
    ] {
        let text = POLICY.replace(
            "covers 01-01..08-31  due 10-31",
            &format!("covers {covers}  due {due}"),
        );
        assert_eq!(codes(&text), expected, "covers {covers}, due {due}");
    }
    // Danish policies get no invented rules; the period still must be in order.
    let danish = POLICY.replace("country se", "country dk").replace(
        "covers 01-01..08-31  due 10-31",
        "covers 01-01..03-31  due 12-31",
    );
    assert!(codes(&danish).is_empty());
    let reversed = POLICY.replace("covers 01-01..08-31", "covers 08-31..01-01");
    assert_eq!(codes(&reversed), [Code::P0503]);
    let unknown = POLICY.replace("country se", "country no");
    assert_eq!(codes(&unknown), [Code::P0001]);
}
