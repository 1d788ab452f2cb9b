//! Activities (`activity ID "title" { under GOAL  owner BODY  start DATE  deadline DATE
//! budget N kr }`): parsing and formatting, names in the editor, the checks (P0610–P0615), the
//! activity CSV in three languages and its errors (P0702, P0705, P0710, P0711), the compiled
//! JSON, and the reports in every format (goldens).

use pejl::data::progress::{Date, State};
use pejl::data::{self, Catalog, LoadOptions};
use pejl::eval::{self, Evaluation};
use pejl::ide;
use pejl::report::{self, Format};
use pejl::{Analysis, Code, FsLoader, Severity};
use std::path::{Path, PathBuf};

const DIR: &str = "tests/fixtures/activities";

fn policy_text() -> String {
    std::fs::read_to_string(Path::new(DIR).join("policy.pejl")).expect("the fixture")
}

fn analyse(text: &str) -> Analysis {
    pejl::analyze_text(Path::new(DIR).join("mem.pejl").as_path(), text)
}

fn codes(a: &Analysis) -> Vec<(Code, usize)> {
    a.diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                a.sources.get(d.span.file).line_col(d.span.start).line,
            )
        })
        .collect()
}

fn offset(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth}"))
        .0
}

#[test]
fn the_fixture_parses_into_activities_with_every_statement() {
    let a = pejl::analyze(&Path::new(DIR).join("policy.pejl"), &FsLoader);
    assert!(a.diagnostics.is_empty(), "{:?}", codes(&a));
    let m = a.model();
    assert_eq!(m.activities.len(), 5);
    let frukost = m.activities[0];
    assert_eq!(frukost.id.name, "frukost");
    assert_eq!(frukost.title.value, "Företagsfrukostar varje kvartal");
    assert_eq!(frukost.under.as_ref().unwrap().name, "foretag");
    assert_eq!(frukost.owner.as_ref().unwrap().name, "KS");
    let start = frukost.start.unwrap();
    assert_eq!((start.year, start.month, start.day), (2024, 1, 1));
    let deadline = frukost.deadline.unwrap();
    assert_eq!(
        (deadline.year, deadline.month, deadline.day),
        (2025, 12, 31)
    );
    let budget = frukost.budget.as_ref().unwrap();
    assert_eq!(budget.amount.value, 60000.0);
    assert_eq!(budget.currency.as_ref().unwrap().name, "kr");
    // `owner KS, BUN`: the first answers for it, the others share it.
    let bygglov = m.activities[1];
    assert_eq!(bygglov.owner.as_ref().unwrap().name, "KS");
    assert_eq!(bygglov.shared_with[0].name, "BUN");
    assert_eq!(
        m.goal_of(frukost).map(|g| m.goals[g].id.name.as_str()),
        Some("foretag")
    );
}

#[test]
fn statements_on_one_line_and_their_mistakes() {
    let base = policy_text();
    let one_line = format!(
        "{base}\nactivity x \"X\" {{ under foretag  owner KS  deadline 2025-06-30  budget 1000 kronor }}\n"
    );
    assert!(analyse(&one_line).diagnostics.is_empty());
    // A misspelt statement: P0001 with the statements an activity accepts.
    let typo = format!(
        "{base}\nactivity x \"X\" {{\n  under foretag\n  owner KS\n  dedline 2025-06-30\n}}\n"
    );
    let a = analyse(&typo);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0001)
        .unwrap();
    assert_eq!(d.message, "`dedline` is not a statement of an activity");
    assert!(
        d.help_en()
            .as_deref()
            .unwrap()
            .contains("did you mean `deadline`?"),
        "{:?}",
        d.help
    );
    // A date as people write it: P0502 with the ISO form.
    let date = format!(
        "{base}\nactivity x \"X\" {{\n  under foretag\n  owner KS\n  deadline 30/06/2025\n}}\n"
    );
    let a = analyse(&date);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0502)
        .unwrap();
    assert!(d.message.en().contains("`2025-06-30`"), "{}", d.message);
    // Thousands separators in a budget: P0005, and nothing else judges the number.
    let grouped = format!("{base}\nactivity x \"X\" {{\n  under foretag\n  owner KS\n  deadline 2025-06-30\n  budget 250 000 kr\n}}\n");
    let a = analyse(&grouped);
    assert_eq!(
        codes(&a).iter().map(|c| c.0).collect::<Vec<_>>(),
        [Code::P0005]
    );
    // An unknown currency word.
    let euro = format!("{base}\nactivity x \"X\" {{\n  under foretag\n  owner KS\n  deadline 2025-06-30\n  budget 1000 euro\n}}\n");
    let a = analyse(&euro);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0001)
        .unwrap();
    assert_eq!(d.message, "`euro` is not a budget currency");
    // Given twice.
    let twice = format!("{base}\nactivity x \"X\" {{\n  under foretag\n  owner KS\n  deadline 2025-06-30\n  deadline 2025-07-30\n}}\n");
    assert!(
        codes(&analyse(&twice)).contains(&(Code::P0107, 74)),
        "{:?}",
        codes(&analyse(&twice))
    );
}

#[test]
fn unknown_and_wrong_references_are_reported_with_did_you_mean() {
    let base = policy_text();
    let text = format!(
        "{base}\nactivity x \"X\" {{\n  under foretg\n  owner KSS\n  deadline 2025-06-30\n}}\n\nactivity y \"Y\" {{\n  under KS\n  owner KS\n  deadline 2025-06-30\n}}\n"
    );
    let a = analyse(&text);
    let owned: Vec<(String, Option<String>)> = a
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::P0101)
        .map(|d| (d.message.en(), d.help_en()))
        .collect();
    let unknown: Vec<(&str, Option<&str>)> = owned
        .iter()
        .map(|(m, h)| (m.as_str(), h.as_deref()))
        .collect();
    assert_eq!(
        unknown,
        [
            (
                "the activity's goal `foretg` does not exist",
                Some("did you mean `foretag`?")
            ),
            ("the owner `KSS` does not exist", Some("did you mean `KS`?")),
        ]
    );
    let wrong = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0103)
        .unwrap();
    assert_eq!(
        wrong.message,
        "`KS` is a body, but the activity's goal must be a goal"
    );
    // An activity's ID shares the policy's namespace.
    let clash = format!("{base}\nactivity foretag \"X\" {{\n  under foretag\n  owner KS\n  deadline 2025-06-30\n}}\n");
    let a = analyse(&clash);
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0102)
        .unwrap();
    assert_eq!(
        d.message,
        "`foretag` is already the ID of a goal; every ID in a policy must be unique"
    );
}

/// Each new code, from its fixture in tests/fixtures/diagnostics: message and span.
#[test]
fn each_check_has_its_message_and_place() {
    let cases = [
        (
            Code::P0610,
            "the deadline 2029-06-30 of activity `frukost` lies outside the policy period 2024..2027",
            "2029-06-30",
        ),
        (
            Code::P0611,
            "activity `frukost` starts 2025-09-01 but is to be done by 2025-06-30",
            "2025-09-01",
        ),
        (
            Code::P0612,
            "activity `frukost` has no owner: nobody answers for it",
            "activity frukost \"Företagsfrukostar varje kvartal\"",
        ),
        (
            Code::P0613,
            "activity `frukost` has no deadline",
            "activity frukost \"Företagsfrukostar varje kvartal\"",
        ),
        (
            Code::P0614,
            "activity `frukost` belongs to no goal",
            "activity frukost \"Företagsfrukostar varje kvartal\"",
        ),
        (
            Code::P0615,
            "the budget of activity `frukost` must be a whole number of kronor, not negative",
            "2.5",
        ),
    ];
    for (code, message, spanned) in cases {
        let path = PathBuf::from(format!("tests/fixtures/diagnostics/{code}.pejl"));
        let a = pejl::analyze(&path, &FsLoader);
        let d = a
            .diagnostics
            .iter()
            .find(|d| d.code == code)
            .unwrap_or_else(|| panic!("{code}: {:?}", codes(&a)));
        assert_eq!(d.message, message);
        assert_eq!(a.sources.text(d.span), spanned, "{code}'s span");
        assert_eq!(d.severity, code.severity());
        // The fixture has no other finding.
        assert_eq!(a.diagnostics.len(), 1, "{code}: {:?}", codes(&a));
    }
    // P0612's help names the owner of the activity's goal.
    let a = pejl::analyze(
        Path::new("tests/fixtures/diagnostics/P0612.pejl"),
        &FsLoader,
    );
    assert_eq!(
        a.diagnostics[0].help_en().as_deref(),
        Some("add `owner KS` (the owner of its goal), or another body")
    );
    // A negative budget is P0615 too; a start without a deadline is only P0613.
    let base = policy_text();
    let text = format!("{base}\nactivity x \"X\" {{\n  under foretag\n  owner KS\n  start 2024-01-01\n  budget -5\n}}\n");
    let found: Vec<Code> = codes(&analyse(&text)).iter().map(|c| c.0).collect();
    assert_eq!(found, [Code::P0613, Code::P0615]);
}

#[test]
fn the_editor_knows_activities() {
    let text = policy_text();
    let a = analyse(&text);
    let file = pejl::FileId(0);
    // Go to definition from `under foretag` to the goal.
    let at = offset(&text, "under foretag", 0) + "under ".len();
    let def = ide::definition(&a, file, at).expect("a definition");
    assert_eq!(def.start, offset(&text, "goal foretag", 0) + "goal ".len());
    // The goal's references include every activity's `under`.
    let refs = ide::references(&a, file, def.start, false);
    assert_eq!(refs.len(), 5, "{refs:?}");
    // Renaming the goal renames it under every activity; renaming an activity its declaration.
    let edits = ide::rename(&a, file, def.start, "foretagare").unwrap();
    assert_eq!(edits.len(), 6);
    let at = offset(&text, "activity mentor", 0) + "activity ".len();
    let edits = ide::rename(&a, file, at, "mentorer").unwrap();
    assert_eq!(edits.len(), 1);
    // Hover over an activity and over its goal.
    let hover = ide::hover(&a, file, at, pejl::i18n::Lang::En)
        .unwrap()
        .markdown;
    assert!(hover.starts_with("**activity** `mentor`"), "{hover}");
    assert!(hover.contains("*Deadline:* 2027-06-30"), "{hover}");
    assert!(
        hover.contains("*Owner:* `BUN` — Barn- och utbildningsnämnden"),
        "{hover}"
    );
    let hover = ide::hover(&a, file, def.start, pejl::i18n::Lang::En)
        .unwrap()
        .markdown;
    assert!(
        hover.contains("*Activities:* `frukost`, `bygglov`, `etjanst`, `mentor`, `samverkan`"),
        "{hover}"
    );
    // The outline puts the activities under their goal.
    let outline = ide::document_symbols(&a, file);
    let area = outline.iter().find(|s| s.name == "a").unwrap();
    let goal = &area.children[0];
    assert_eq!(goal.name, "foretag");
    let children: Vec<(&str, Option<pejl::model::Kind>)> = goal
        .children
        .iter()
        .map(|c| (c.name.as_str(), c.kind))
        .collect();
    assert_eq!(children.len(), 5);
    assert_eq!(children[0], ("frukost", Some(pejl::model::Kind::Activity)));
    // Completion in an activity's block: goals after `under`, bodies after `owner`, the
    // statements not yet given elsewhere.
    let labels = |offset: usize| -> Vec<String> {
        ide::completions(&a, file, offset)
            .items
            .into_iter()
            .map(|c| c.label)
            .collect()
    };
    let after_under = offset(&text, "under foretag\n  owner BUN", 0) + "under ".len();
    assert!(labels(after_under).contains(&"foretag".to_string()));
    let after_owner = offset(&text, "owner BUN\n  deadline 2027", 0) + "owner ".len();
    assert_eq!(labels(after_owner), ["KS", "BUN"]);
    let statement = offset(&text, "  deadline 2027", 0) + 2;
    assert_eq!(labels(statement), ["start", "deadline", "budget"]);
    // Semantic tokens: the activity's ID is a declaration, its goal and owners references.
    let tokens = ide::semantic_tokens(&a, file);
    let kind_at = |offset: usize| {
        tokens
            .iter()
            .find(|t| t.span.start == offset)
            .map(|t| (t.kind, t.declaration))
    };
    assert_eq!(kind_at(at), Some((ide::TokenKind::Goal, true)));
    let keyword = offset(&text, "deadline 2027", 0);
    assert_eq!(kind_at(keyword), Some((ide::TokenKind::Keyword, false)));
}

#[test]
fn the_formatter_lays_activities_out_and_keeps_comments() {
    let messy = "policy p \"P\" { period 2024..2027 }\nbody KS \"Kommunstyrelsen\"\nchain { level goal \"Mål\" }\ngoal g \"G\" { owner KS }\nactivity   frukost \"Frukostar\" { under g  owner KS   // who\n      start 2024-01-01  deadline 2025-12-31  budget 60000 kr }\n";
    let formatted = pejl::format::format(messy).expect("formats");
    assert_eq!(
        formatted,
        "policy p \"P\" { period 2024..2027 }\nbody KS \"Kommunstyrelsen\"\nchain { level goal \"Mål\" }\ngoal g \"G\" { owner KS }\n\nactivity frukost \"Frukostar\" {\n  under g\n  owner KS  // who\n  start 2024-01-01\n  deadline 2025-12-31\n  budget 60000 kr\n}\n"
    );
    assert_eq!(pejl::format::format(&formatted).unwrap(), formatted);
    let fixture = policy_text();
    assert_eq!(
        pejl::format::format(&fixture).unwrap(),
        fixture,
        "the fixture is canonical"
    );
}

#[test]
fn the_compiled_json_has_the_activities() {
    let a = pejl::analyze(&Path::new(DIR).join("policy.pejl"), &FsLoader);
    let compiled = pejl::ir::compile(&a);
    let json = serde_json::to_string_pretty(&compiled.activities).unwrap();
    insta::assert_snapshot!("activities_compiled_json", json);
    let schema = pejl::ir::schema().to_string();
    assert!(schema.contains("ActivityOut") && schema.contains("BudgetOut"));
    // A Danish policy's `kr` is kroner.
    let da = pejl::analyze(&Path::new(DIR).join("policy-da.pejl"), &FsLoader);
    let compiled = pejl::ir::compile(&da);
    let budget = compiled.activities[0].budget.as_ref().unwrap();
    assert_eq!(
        (budget.amount, budget.currency.as_deref()),
        (60000, Some("DKK"))
    );
}

// ------------------------------------------------------------------------------ data

struct Loaded {
    data: data::Dataset,
    catalog: Catalog,
    json: Vec<serde_json::Value>,
}

fn load(files: &[&str]) -> Loaded {
    let analysis = pejl::analyze(&Path::new(DIR).join("policy.pejl"), &FsLoader);
    let compiled = pejl::ir::compile(&analysis);
    let catalog = Catalog::new(&compiled);
    let mut sources = analysis.sources.clone();
    let paths: Vec<PathBuf> = files.iter().map(|f| Path::new(DIR).join(f)).collect();
    let (data, diagnostics) = data::load(
        &paths,
        &catalog,
        &LoadOptions::default(),
        &FsLoader,
        &mut sources,
    );
    let json = diagnostics
        .iter()
        .map(|d| pejl::render::to_json(&sources, d, pejl::i18n::Lang::En))
        .collect();
    Loaded {
        data,
        catalog,
        json,
    }
}

#[test]
fn progress_words_in_three_languages_read_the_same() {
    let end_of = |year| (year, 12, 31);
    let mut read = Vec::new();
    for file in ["progress-sv.csv", "progress-da.csv", "progress-en.csv"] {
        let l = load(&[file]);
        assert!(l.json.is_empty(), "{file}: {:#?}", l.json);
        let states: Vec<(Option<State>, Option<Date>)> =
            ["frukost", "bygglov", "etjanst", "mentor", "samverkan"]
                .iter()
                .map(|id| {
                    let i = l.catalog.activity(id).unwrap();
                    let p = l.data.progress_at(i, end_of(2024));
                    (p.map(|p| p.state), p.and_then(|p| p.date))
                })
                .collect();
        read.push(states);
        // Before the day it was done, the e-service was planned.
        let etjanst = l.catalog.activity("etjanst").unwrap();
        let early = l.data.progress_at(etjanst, (2024, 8, 31)).unwrap();
        assert_eq!((early.state, early.date), (State::Planned, None));
    }
    assert_eq!(
        read[0],
        [
            (Some(State::Started), Some((2024, 2, 14))),
            (Some(State::Started), Some((2024, 3, 4))),
            (Some(State::Done), Some((2024, 10, 20))),
            (None, None),
            (Some(State::Cancelled), Some((2024, 5, 6))),
        ]
    );
    assert_eq!(read[0], read[1], "Danish words and dates");
    assert_eq!(read[0], read[2], "English words, comma-separated");
}

#[test]
fn progress_rows_with_mistakes_are_reported_at_their_place() {
    let l = load(&["progress-errors.csv"]);
    let found: Vec<(&str, u64, u64, &str)> = l
        .json
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "P0711",
                2,
                1,
                "the activity `frukosten` is not in the policy"
            ),
            ("P0702", 3, 9, "`påbörjd` is not a status of an activity"),
            (
                "P0710",
                4,
                14,
                "`etjanst` is done, but the row gives no date"
            ),
            ("P0702", 5, 17, "`31-02-2024` is not a date"),
            ("P0705", 7, 1, "`frukost` has a second row for 2024-02-14"),
        ]
    );
    assert_eq!(l.json[0]["help"], "did you mean `frukost`?");
    assert!(l.json[1]["help"]
        .as_str()
        .unwrap()
        .starts_with("did you mean `påbörjad`"));
    assert!(l.json[2]["help"]
        .as_str()
        .unwrap()
        .contains("write the date it was done"));
    assert!(l.json.iter().all(|d| d["severity"] == "error"));
    // The good row is read.
    assert_eq!(l.data.progress.len(), 1);
}

#[test]
fn an_activity_file_with_an_unknown_column_is_refused() {
    let dir = Path::new("target/scratch/activities");
    std::fs::create_dir_all(dir).unwrap();
    let file = dir.join("aktiviteter.csv");
    std::fs::write(
        &file,
        "activity;status;datum;comment\nfrukost;klar;2024-02-14;\n",
    )
    .unwrap();
    let l = load(&["../../../target/scratch/activities/aktiviteter.csv"]);
    assert_eq!(l.json.len(), 1, "{:#?}", l.json);
    assert_eq!(l.json[0]["code"], "P0701");
    assert_eq!(
        l.json[0]["message"],
        "`datum` is not a column of an activity file"
    );
    assert_eq!(l.json[0]["help"], "did you mean `date`? The columns of an activity file are activity, status, date and comment");
}

// --------------------------------------------------------------------------- reports

fn report(policy: &str, progress: &str, report: &str) -> Evaluation {
    let paths = [
        Path::new(DIR).join("values.csv"),
        Path::new(DIR).join(progress),
    ];
    let run = eval::run(
        &Path::new(DIR).join(policy),
        &paths,
        &LoadOptions::default(),
        2024,
        report,
        &FsLoader,
    )
    .expect("the report exists");
    assert!(
        run.diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error),
        "{:?}",
        run.diagnostics
    );
    run.evaluation.expect("an evaluation")
}

fn render(ev: &Evaluation, format: Format) -> String {
    String::from_utf8(report::render(ev, format).unwrap()).unwrap()
}

#[test]
fn progress_is_read_on_the_last_day_the_report_covers() {
    let annual = report("policy.pejl", "progress-sv.csv", "annual");
    assert_eq!(annual.activities_as_of.as_deref(), Some("2024-12-31"));
    let by_id =
        |ev: &Evaluation, id: &str| ev.activities.iter().find(|a| a.id == id).cloned().unwrap();
    let etjanst = by_id(&annual, "etjanst");
    assert_eq!(etjanst.progress, Some(State::Done));
    assert_eq!(etjanst.progress_label, "Klar");
    assert_eq!(etjanst.progress_date.as_deref(), Some("2024-10-20"));
    assert!(!etjanst.late);
    // Started, and its deadline 2024-06-30 has passed: late.
    let bygglov = by_id(&annual, "bygglov");
    assert!(bygglov.late);
    assert_eq!(bygglov.progress, Some(State::Started));
    // Cancelled is never late; nothing in the data is "not reported".
    assert!(!by_id(&annual, "samverkan").late);
    let mentor = by_id(&annual, "mentor");
    assert_eq!(
        (mentor.progress, mentor.progress_label.as_str()),
        (None, "Ej rapporterad")
    );
    // The interim report covers January to August: the e-service was still planned.
    let interim = report("policy.pejl", "progress-sv.csv", "interim");
    assert_eq!(interim.activities_as_of.as_deref(), Some("2024-08-31"));
    let etjanst = by_id(&interim, "etjanst");
    assert_eq!(etjanst.progress, Some(State::Planned));
    assert_eq!(etjanst.comment.as_deref(), Some("Upphandlingen förbereds."));
    // A body's report keeps the activities it carries out, under their goal.
    let mut bun = annual.clone();
    bun.for_body("BUN", Some("Barn- och utbildningsnämnden".into()));
    let ids: Vec<&str> = bun.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["bygglov", "mentor"]);
    assert!(
        bun.goals
            .iter()
            .find(|g| g.id == "foretag")
            .unwrap()
            .context
    );
}

#[test]
fn golden_reports_with_activities() {
    let annual = report("policy.pejl", "progress-sv.csv", "annual");
    insta::assert_snapshot!("activities_annual_html", render(&annual, Format::Html));
    insta::assert_snapshot!("activities_annual_md", render(&annual, Format::Md));
    insta::assert_snapshot!("activities_annual_json", render(&annual, Format::Json));
    insta::assert_snapshot!("activities_annual_csv", render(&annual, Format::Csv));
    let interim = report("policy.pejl", "progress-sv.csv", "interim");
    insta::assert_snapshot!("activities_interim_md", render(&interim, Format::Md));
    let da = report("policy-da.pejl", "progress-da.csv", "annual");
    insta::assert_snapshot!("activities_annual_da_md", render(&da, Format::Md));
    let en = report("policy-en.pejl", "progress-en.csv", "annual");
    insta::assert_snapshot!("activities_annual_en_md", render(&en, Format::Md));
}

#[test]
fn the_report_json_with_activities_matches_its_schema() {
    let annual = report("policy.pejl", "progress-sv.csv", "annual");
    let json: serde_json::Value = serde_json::from_str(&render(&annual, Format::Json)).unwrap();
    assert_eq!(json["format"], "pejl-report/2");
    let schema = report::schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    assert!(validator.is_valid(&json));
    assert_eq!(json["activities"][1]["late"], true);
    assert_eq!(json["activities"][1]["progress"], "started");
    assert_eq!(json["activities"][3]["progress"], serde_json::Value::Null);
}

#[test]
fn xlsx_lists_activities_under_their_goal() {
    use calamine::{Data, Reader, Xlsx};
    use std::io::Cursor;
    let annual = report("policy.pejl", "progress-sv.csv", "annual");
    let bytes = report::render(&annual, Format::Xlsx).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("an XLSX file");
    let sheet = book.worksheet_range("Måluppfyllelse").expect("the sheet");
    let rows: Vec<Vec<Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows.len(), 1 + annual.goals.len() + annual.activities.len());
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(&header[18..], ["start", "slutdatum", "budget"]);
    let goal = rows
        .iter()
        .position(|r| r[2] == Data::String("foretag".into()))
        .unwrap();
    let frukost = &rows[goal + 1];
    assert_eq!(frukost[2], Data::String("frukost".into()));
    assert_eq!(frukost[4], Data::String("Aktivitet".into()));
    assert_eq!(frukost[10], Data::String("◐ Påbörjad".into()));
    assert_eq!(frukost[19], Data::String("2025-12-31".into()));
    assert_eq!(frukost[20], Data::Float(60000.0));
    assert_eq!(
        frukost[17],
        Data::String("Första frukosten hölls i februari.".into())
    );
}

#[test]
fn pejl_diff_says_which_activities_changed() {
    let dir = Path::new("target/scratch/activities-diff");
    std::fs::create_dir_all(dir).unwrap();
    let old = policy_text();
    let new = old
        .replace("  deadline 2024-06-30\n", "  deadline 2024-09-30\n")
        .replace("activity mentor ", "activity mentorer ");
    std::fs::write(dir.join("old.pejl"), &old).unwrap();
    std::fs::write(dir.join("new.pejl"), &new).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pejl"))
        .args(["diff", "old.pejl", "new.pejl"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the pejl binary runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Changed: activity `bygglov` \"Kortare handläggningstid för bygglov\"\n    - deadline: 2024-06-30 → 2024-09-30"),
        "{text}"
    );
    assert!(text.contains("Added: activity `mentorer`"), "{text}");
    assert!(text.contains("Removed: activity `mentor`"), "{text}");
}
