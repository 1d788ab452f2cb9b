//! Resilient parsing: several broken declarations are each reported, the intact ones
//! around them are still resolved and checked, and no input makes the compiler panic.

use pejl::{analyze_text, Code};
use std::path::Path;

const BROKEN: &str = r#"policy p "P" { period 2024..2027  default rule r }
body KF "Kommunfullmäktige"
chain {
  level area "Område"
  level goal "Mål" under area measured
}
report annual "Årsredovisning" { uses actual  due 12-31  to KF }
indicator ind "Andel (%)" { unit percent  higher is better }
rule r "R" {
  green when meets target
  red   otherwise
  grey  when missing
}
area a "A" { owner KF }
goal utan_titel {
  under a
}
goal g1 "Stavfel" {
  under a
  ownr KF
  measure ind
  baseline 50 in 2023
  target 60 by 2026
  follow-up annual
}
indicator oavslutad "Saknar slut" {
  unit percent
  higher is better
goal g2 "Okänd ägare" {
  under a
  owner KX
  measure ind
  baseline 50 in 2023
  target 60 by 2026
  follow-up annual
}
goal g3 "Oavslutad text {
  under a
}
goal g4 "Kommatecken" {
  under a
  owner KF
  measure ind
  baseline 50 in 2023
  target 60,5 by 2026
  follow-up annual
}
goal g5 "Intakt men utan ägare" {
  under a
  measure ind
  baseline 50 in 2023
  target 60 by 2026
  follow-up annual
}
"#;

fn found(text: &str) -> Vec<(Code, usize)> {
    let analysis = analyze_text(Path::new("broken.pejl"), text);
    analysis
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                analysis
                    .sources
                    .get(d.span.file)
                    .line_col(d.span.start)
                    .line,
            )
        })
        .collect()
}

#[test]
fn every_broken_declaration_is_reported_and_the_rest_still_checked() {
    let found = found(BROKEN);
    let expect = [
        (Code::P0001, 15), // goal without a title
        (Code::P0001, 20), // `ownr`
        (Code::P0001, 29), // indicator block never closed (reported where the next declaration starts)
        (Code::P0101, 31), // intact goal after the broken indicator: unknown owner
        (Code::P0002, 37), // unterminated title
        (Code::P0003, 45), // decimal comma
        (Code::P0406, 48), // the intact last goal is still checked
    ];
    for e in expect {
        assert!(found.contains(&e), "missing {e:?} in {found:?}");
    }
    // The goal whose `owner` line is misspelt gets the syntax error only, not "no owner" too.
    assert!(!found.contains(&(Code::P0406, 18)), "{found:?}");
}

/// A statement that does not parse is reported once: what it would have given (an owner, a
/// deadline, a direction) is not also reported missing.
#[test]
fn a_broken_statement_is_not_also_reported_missing() {
    let base = BROKEN.replace("  ownr KF\n", "  owner KF\n");
    assert!(!found(&base)
        .iter()
        .any(|&(c, l)| l == 20 && c == Code::P0001));
    for (broken_line, line, consequence) in [
        ("  ejer KF\n", "  owner KF\n", Code::P0406),
        ("  target 60 by\n", "  target 60 by 2026\n", Code::P0402),
        ("  follow-op annual\n", "  follow-up annual\n", Code::P0602),
    ] {
        let count = |text: &str, code: Code| found(text).iter().filter(|d| d.0 == code).count();
        let text = base.replacen(line, broken_line, 1);
        assert_eq!(
            count(&text, Code::P0001),
            count(&base, Code::P0001) + 1,
            "{broken_line:?}"
        );
        assert_eq!(
            count(&text, consequence),
            count(&base, consequence),
            "{broken_line:?}: {:?}",
            found(&text)
        );
    }
    let text = BROKEN.replace("higher is better }", "higher is beter }");
    let codes: Vec<Code> = found(&text).into_iter().map(|(c, _)| c).collect();
    assert!(!codes.contains(&Code::P0108), "{codes:?}");
}

#[test]
fn a_half_typed_goal_at_the_end_hides_nothing() {
    let before = found(BROKEN);
    for tail in [
        "goal nki \"Företag",
        "goal nk",
        "goal nki \"Företagen\" {\n  under",
        "goal",
    ] {
        let text = format!("{BROKEN}{tail}");
        let after = found(&text);
        for d in &before {
            assert!(after.contains(d), "{tail:?} hid {d:?}");
        }
        assert!(after.len() > before.len(), "{tail:?} was not reported");
    }
}

#[test]
fn helpful_messages_for_common_slips() {
    let analysis = analyze_text(Path::new("b.pejl"), BROKEN);
    let ownr = analysis
        .diagnostics
        .iter()
        .find(|d| d.message.en().contains("`ownr`"))
        .expect("ownr reported");
    assert!(ownr
        .help_en()
        .as_deref()
        .unwrap_or("")
        .contains("did you mean `owner`?"));
    assert_eq!(
        ownr.fix.as_ref().map(|f| f.replacement.as_str()),
        Some("owner")
    );
    let title = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0001 && d.message.en().contains("title in quotes"))
        .expect("missing title explained");
    assert!(
        title.message.en().contains("goal `utan_titel`"),
        "{}",
        title.message
    );
    let level = analyze_text(
        Path::new("l.pejl"),
        "chain { level operational \"Mål\" }\noperatonal x \"X\" { }\n",
    );
    let d = level
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0104)
        .expect("P0104");
    assert!(d
        .help_en()
        .as_deref()
        .unwrap_or("")
        .contains("did you mean `operational`?"));
}

#[test]
fn no_input_panics_and_spans_stay_inside_their_file() {
    let long_line = format!("goal g \"{}\" {{ under a }}\n", "å".repeat(20_000));
    let deep = format!(
        "rule r {{ green when {}missing{} }}\n",
        "(".repeat(500),
        ")".repeat(500)
    );
    let nots = format!("rule r {{ green when {}missing }}\n", "not ".repeat(500));
    let inputs: Vec<String> = vec![
        String::new(),
        "\u{feff}".into(),
        "// bara en kommentar".into(),
        "{{{{".into(),
        "}}}}".into(),
        "😀 å ä ö æ ø".into(),
        "goal g \"t\" { text \"\"\"\n  aldrig avslutad\n".into(),
        long_line,
        BROKEN.replace('\n', "\r\n"),
        "goal a \"A\" { goal b \"B\" { } }".into(),
        "policy".into(),
        "rule r { green when value >= 10,5 }".into(),
        "indicator i \"I\" { unit currency }".into(),
        "chain { level a \"A\" under a }\na x \"X\" { under x }".into(),
        "\"".into(),
        "\"\"\"".into(),
        "policy p \"P\" { adopted 2023-99-99 period 2030..2020 }".into(),
        deep,
        nots,
        BROKEN.chars().rev().collect(),
    ];
    for (i, text) in inputs.iter().enumerate() {
        let analysis = analyze_text(Path::new("n.pejl"), text);
        for d in &analysis.diagnostics {
            let file = &analysis.sources.get(d.span.file).text;
            assert!(
                d.span.start <= d.span.end && d.span.end <= file.len(),
                "input {i}: {d:?}"
            );
            assert!(
                file.is_char_boundary(d.span.start) && file.is_char_boundary(d.span.end),
                "input {i}: {d:?}"
            );
        }
        // Every prefix too: what an editor sees while someone types.
        if text.len() < 3000 {
            for cut in (0..=text.len())
                .filter(|c| text.is_char_boundary(*c))
                .step_by(7)
            {
                analyze_text(Path::new("n.pejl"), &text[..cut]);
            }
        }
    }
}

/// A declaration that does not parse is reported once; the goals under it are not also told
/// that their parent does not exist. A real typo elsewhere still is.
#[test]
fn references_to_a_declaration_that_does_not_parse_are_not_unknown() {
    let text = BROKEN.replace(r#"area a "A" { owner KF }"#, "area a Titel utan citattecken { owner KF }")
        .replace("  under a\n  measure ind\n  baseline 50 in 2023\n  target 60 by 2026\n  follow-up annual\n}\n", "  under a\n  measure ind\n  baseline 50 in 2023\n  target 60 by 2026\n  follow-up annual\n}\ngoal g9 \"Stavfel i förälder\" {\n  under aa\n}\n");
    let analysis = analyze_text(Path::new("b.pejl"), &text);
    let unknown: Vec<String> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::P0101)
        .map(|d| d.message.en())
        .collect();
    assert!(
        !unknown.iter().any(|m| m.contains("`a` does not exist")),
        "{unknown:?}"
    );
    assert!(
        unknown.iter().any(|m| m.contains("`aa` does not exist")),
        "{unknown:?}"
    );
    let line_of = |d: &pejl::Diagnostic| {
        analysis
            .sources
            .get(d.span.file)
            .line_col(d.span.start)
            .line
    };
    assert!(analysis
        .diagnostics
        .iter()
        .any(|d| d.code == Code::P0001 && line_of(d) == 14));
}

/// Slips a controller makes: `60%` where a number goes, `target … in YEAR`, and typographic
/// quotes pasted from a word processor. Each gets one message that says what to write.
#[test]
fn messages_for_percent_signs_year_words_and_typographic_quotes() {
    let cases = [
        (
            "  target 60 by 2026\n",
            "  target 60% by 2026\n",
            "`60%`: a number here is written without `%`",
        ),
        (
            "  baseline 50 in 2023\n",
            "  baseline 48.5% in 2023\n",
            "`48.5%`: a number here is written without `%`",
        ),
        (
            "  target 60 by 2026\n",
            "  target 60 in 2026\n",
            "the year of a `target` comes after `by`, not `in`",
        ),
        (
            "  baseline 50 in 2023\n",
            "  baseline 50 by 2023\n",
            "the year of a `baseline` comes after `in`, not `by`",
        ),
        (
            "goal g4 \"Kommatecken\" {",
            "goal g4 “Kommatecken” {",
            "`“` is a typographic quote, as word processors write them",
        ),
    ];
    for (from, to, message) in cases {
        let text = BROKEN.replacen(from, to, 1);
        assert_ne!(text, BROKEN, "{from:?} not in the fixture");
        let line = text[..text.find(to).unwrap()].matches('\n').count() + 1;
        let analysis = analyze_text(Path::new("s.pejl"), &text);
        let found: Vec<(usize, String)> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::P0001)
            .map(|d| {
                (
                    analysis
                        .sources
                        .get(d.span.file)
                        .line_col(d.span.start)
                        .line,
                    d.message.en(),
                )
            })
            .collect();
        assert!(
            found.contains(&(line, message.to_string())),
            "{to:?} (line {line}): {found:?}"
        );
    }
}

/// The last `}` of the file forgotten: one message at the block that is never closed, and no
/// "does not exist" for what the block declares.
#[test]
fn a_block_left_open_at_the_end_of_the_file() {
    let text = BROKEN.trim_end().strip_suffix('}').unwrap().to_string();
    let analysis = analyze_text(Path::new("e.pejl"), &text);
    let last = analysis
        .diagnostics
        .iter()
        .rfind(|d| d.code == Code::P0001)
        .expect("a syntax error");
    assert_eq!(
        last.message,
        "the block of the goal `g5` is not closed: a `}` is missing at the end of the file"
    );
    let line = analysis
        .sources
        .get(last.span.file)
        .line_col(last.span.start)
        .line;
    assert_eq!(
        text.lines().nth(line - 1).map(|l| l.starts_with("goal g5")),
        Some(true)
    );
}

/// Dates written day first, as Danes and Swedes often do, get the corrected date as help and
/// as a quick fix; a wrong reference with no close name lists the few there are.
#[test]
fn day_first_dates_and_few_candidates() {
    let text = BROKEN
        .replacen(
            "period 2024..2027",
            "period 2024..2027  adopted 13-12-2023 by KF",
            1,
        )
        .replacen("due 12-31", "due 31-12", 1);
    let analysis = analyze_text(Path::new("d.pejl"), &text);
    let fixes: Vec<(String, &str)> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::P0502)
        .map(|d| {
            (
                d.help_en().unwrap_or_default(),
                d.fix.as_ref().map_or("", |f| f.replacement.as_str()),
            )
        })
        .collect();
    assert_eq!(
        fixes,
        [
            (
                "write dates as YEAR-MONTH-DAY: `2023-12-13`".to_string(),
                "2023-12-13"
            ),
            (
                "write MONTH-DAY, the month first: `12-31`".to_string(),
                "12-31"
            ),
        ]
    );
    let wrong = BROKEN.replacen("  owner KX\n", "  owner ind\n", 1);
    let analysis = analyze_text(Path::new("w.pejl"), &wrong);
    let p0103 = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0103)
        .expect("P0103");
    assert_eq!(
        p0103.help_en().as_deref(),
        Some("name a body here (one of `KF`)")
    );
}

/// What a parse produced, in a form two parses can be compared by.
fn parsed(text: &str, split: Option<usize>) -> String {
    let (file, diags) = pejl::syntax::parse::parse_file_split(pejl::FileId(0), text, split);
    let diags: Vec<_> = diags
        .iter()
        .map(|d| (d.code, d.span, d.message.en()))
        .collect();
    format!("{:?}\n{diags:?}", file.decls)
}

/// Text with multibyte characters, a broken declaration, a lone CR and CRLF lines: every
/// kind of place a split can fall.
fn mixed_policy() -> String {
    let mut text = String::from("policy p \"Målpolicy\" { period 2024..2027 }\r\n");
    text.push_str("body KF \"Kommunfullmäktige\" {}\rbody KS \"Kommunstyrelsen\" {}\n");
    text.push_str("indicator nöjd \"Nöjdhet 😀\" { unit percent  higher is better }\n");
    text.push_str("goal trasig \"Ej avslutad {\n  under ö\n}\n");
    for i in 0..6 {
        text.push_str(&format!(
            "goal mål_{i} \"Målet för år {i}, åäö\" {{\n  owner KF\n  // kommentar ø\n}}\n"
        ));
    }
    text
}

#[test]
fn any_split_point_parses_to_the_same_declarations_as_no_split() {
    let text = mixed_policy();
    let whole = parsed(&text, None);
    for split in (0..=text.len()).filter(|&s| text.is_char_boundary(s)) {
        assert_eq!(parsed(&text, Some(split)), whole, "split at {split}");
    }
    // The parser's own choice of a split, from any byte (inside `ö` too), is on a line start.
    for from in 0..=text.len() {
        let split = pejl::syntax::parse::split_near(&text, from);
        assert!(text.is_char_boundary(split), "from {from}");
        assert!(split == text.len() || split == 0 || text[..split].ends_with(['\n', '\r']));
    }
}

#[test]
fn a_large_file_whose_middle_is_inside_a_character_parses() {
    // Above the two-thread threshold (256 KiB), padded until the middle byte is inside `ö`.
    let goal = "goal mål_öööö \"Gröna öar\" {\n  owner KF\n}\n";
    let mut text = String::from("policy p \"P\" { period 2024..2027 }\nbody KF \"K\" {}\n");
    while text.len() < 300 * 1024 || text.is_char_boundary(text.len() / 2) {
        text.push_str(goal);
        if !text.is_char_boundary(text.len() / 2) {
            break;
        }
        text.push_str("// x\n");
    }
    assert!(!text.is_char_boundary(text.len() / 2));
    assert_eq!(parsed(&text, None), {
        let (file, diags) = pejl::syntax::parse_file(pejl::FileId(0), &text);
        let diags: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.span, d.message.en()))
            .collect();
        format!("{:?}\n{diags:?}", file.decls)
    });
    let formatted = pejl::format::format(&text).expect("formats");
    assert!(formatted.len() > 300 * 1024);
}

#[test]
fn many_lines_with_one_not_each_are_not_too_deep() {
    // 8 000 bands with one `not` each: nesting 1, not 8 000.
    let mut rule = String::from("rule r \"R\" {\n");
    for i in 0..8000 {
        rule.push_str(&format!("  green when not value >= {i}\n"));
    }
    rule.push_str("  red otherwise\n}\n");
    let (_, diags) = pejl::syntax::parse_file(pejl::FileId(0), &rule);
    assert!(
        diags.iter().all(|d| !d.message.en().contains("nested")),
        "{diags:?}"
    );
    // A run of `not`s over many lines is deep, and refused before pest recurses on it.
    let deep = format!(
        "rule r \"R\" {{\n  green when {}value >= 1\n}}\n",
        "not\n".repeat(8000)
    );
    let (_, diags) = pejl::syntax::parse_file(pejl::FileId(0), &deep);
    assert!(
        diags
            .iter()
            .any(|d| d.message.en().contains("nested more than")),
        "{diags:?}"
    );
    // The same on the second thread of a large file.
    let big = format!(
        "{}{deep}",
        "// padding line of a large file\n".repeat(10_000)
    );
    let (_, diags) = pejl::syntax::parse_file(pejl::FileId(0), &big);
    assert!(diags
        .iter()
        .any(|d| d.message.en().contains("nested more than")));
}

#[test]
fn a_lone_carriage_return_ends_a_line_everywhere() {
    let text = "policy p \"P\" { period 2024..2027 }\rbody KF \"K\" {}\rbody KS \"S\" {}\r// c\rbody KF \"X\" {}\r";
    let analysis = analyze_text(Path::new("cr.pejl"), text);
    let duplicate = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0102)
        .expect("the second KF is read, not swallowed by the comment");
    let at = analysis
        .sources
        .get(duplicate.span.file)
        .line_col(duplicate.span.start);
    assert_eq!((at.line, at.column), (5, 6));
    let renderer =
        pejl::render::HumanRenderer::new(&analysis.sources, false, 100, pejl::i18n::Lang::En);
    let shown = renderer.render(&analysis.sources, duplicate);
    assert!(!shown.contains('\r'), "{shown}");
    assert!(shown.contains("cr.pejl:5:6"), "{shown}");
}

#[test]
fn a_number_too_large_for_a_double_is_one_clear_error() {
    let huge = "9".repeat(331);
    let text = format!(
        "policy p \"P\" {{ period 2024..2027 }}\nbody KF \"K\" {{}}\nindicator i \"I\" {{ unit count  higher is better }}\nrule r \"R\" {{\n  green when value >= {huge}\n  red otherwise\n  grey when missing\n}}\n"
    );
    let analysis = analyze_text(Path::new("n.pejl"), &text);
    let errors: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == pejl::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.en().contains("331 digits"),
        "{}",
        errors[0].message
    );
    let at = &text[errors[0].span.start..errors[0].span.end];
    assert_eq!(at, huge);
}

/// Dorotea's chain: strategic goals are assessed from the operational goals under them.
/// `folkbildning` really has no goal under it; `hogre_utbildning` has `kurser_lokalt`.
const ASSESSED: &str = r#"policy dorotea "Policy för Dorotea kommuns målstyrning" { period 2024..2027  default rule malvarde }
body KF "Kommunfullmäktige"
body BUN "Barn- och utbildningsnämnden" { parent KF }
chain {
  level area        "Målområde"
  level strategic   "Strategiskt mål"  under area       assessed by majority
  level operational "Verksamhetsmål"   under strategic  exactly one parent  measured
}
report annual "Årsredovisning" { uses actual  due 12-31  to KF }
indicator hogskolekurser "Antal högskolekurser som ges lokalt" { unit count  higher is better }
rule malvarde "Målvärde" {
  green when meets target
  red   otherwise
  grey  when missing
}
rollup majority "Bedöms utifrån verksamhetsmålen" {
  grey  when all grey
  green when share green >= 50%
  red   otherwise
}
area utbildning "Utbildning, utveckling och tillväxt" { owner KF }
strategic hogre_utbildning "Högre utbildning ska kunna läsas lokalt" {
  under utbildning
  owner BUN
}
strategic folkbildning "Folkbildningen ska nå fler invånare" {
  under utbildning
  owner BUN
}
operational kurser_lokalt "Minst fyra högskolekurser ska ges lokalt varje år" {
  under hogre_utbildning
  owner BUN
  measure hogskolekurser
  baseline 3 in 2023
  target 4 by 2026
  follow-up annual
}
"#;

/// The goals that P0205 says have no goal under them, and whether P0206 says a level has none.
fn without_children(text: &str) -> (Vec<String>, bool, usize) {
    let analysis = analyze_text(Path::new("dorotea.pejl"), text);
    let p0205 = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::P0205)
        .map(|d| d.message.en().split('`').nth(1).unwrap_or("").to_string())
        .collect();
    let p0206 = analysis.diagnostics.iter().any(|d| d.code == Code::P0206);
    let syntax = analysis
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code, Code::P0001 | Code::P0002))
        .count();
    (p0205, p0206, syntax)
}

/// A goal that does not parse may be the child an assessed goal is missing: its parent is not
/// also told that no goal is under it (P0205), nor its level that it has no goals (P0206).
/// A goal the broken text does not name keeps its warning.
#[test]
fn a_broken_child_goal_does_not_leave_its_parent_without_children() {
    let child = ASSESSED.find("operational kurser_lokalt").unwrap();
    assert_eq!(
        without_children(ASSESSED),
        (vec!["folkbildning".to_string()], false, 0)
    );
    for broken in [
        // the title without quotes, as copied from the decision document
        ASSESSED.replacen(
            r#""Minst fyra högskolekurser ska ges lokalt varje år""#,
            "Minst fyra högskolekurser ska ges lokalt varje år",
            1,
        ),
        // the title's closing quote forgotten, block on one line
        format!(
            "{}operational kurser_lokalt \"Minst fyra högskolekurser {{ under hogre_utbildning  owner BUN }}\n",
            &ASSESSED[..child]
        ),
        // the `under` line itself mistyped inside a goal that otherwise parses
        ASSESSED.replacen("  under hogre_utbildning\n", "  under: hogre_utbildning\n", 1),
    ] {
        let (p0205, p0206, syntax) = without_children(&broken);
        assert!(syntax > 0, "{broken}");
        assert_eq!(p0205, ["folkbildning"], "{broken}");
        assert!(!p0206, "{broken}");
    }
    // A syntax error elsewhere (an indicator's title) says nothing about the children.
    let no_child = &ASSESSED[..child];
    let broken_indicator = no_child.replacen(
        r#""Antal högskolekurser som ges lokalt""#,
        "Antal högskolekurser som ges lokalt",
        1,
    );
    let (p0205, p0206, syntax) = without_children(&broken_indicator);
    assert_eq!(syntax, 1);
    assert_eq!(p0205, ["hogre_utbildning", "folkbildning"]);
    assert!(
        p0206,
        "the operational level has no goal, and no broken goal could be one"
    );
}

/// A reference left empty while typing (`owner ` above `measure ind`) is one error on its own
/// line: the next line's statement is not taken for the name (issue 13).
#[test]
fn an_empty_reference_does_not_swallow_the_next_statement() {
    let policy = r#"policy p "P" { period 2024..2027  default rule r }
body KS "Kommunstyrelsen"
chain {
  level area "Område"
  level goal "Mål" under area measured
}
report status "Halvårlig status" { uses forecast  due 06-30  to KS }
indicator ind "Andel" { unit percent  higher is better }
rule r "Regel" {
  green when meets target
  red   otherwise
  grey  when missing
}
area a "A" { owner KS }
goal g "Andelen ska öka" {
  under a
  owner KS
  measure ind
  baseline 50 in 2023
  target 60 by 2026
  follow-up status
}
"#;
    // A report may be called `status`: other keywords stay names.
    let a = analyze_text(Path::new("p.pejl"), policy);
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    for statement in ["under a", "owner KS", "measure ind", "follow-up status"] {
        let keyword = statement.split(' ').next().unwrap();
        let text = policy.replace(&format!("  {statement}\n"), &format!("  {keyword}\n"));
        let a = analyze_text(Path::new("p.pejl"), &text);
        let errors: Vec<_> = a
            .diagnostics
            .iter()
            .filter(|d| d.severity == pejl::Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{keyword}: {:?}", a.diagnostics);
        assert_eq!(
            a.diagnostics.len(),
            1,
            "{keyword}: nothing follows: {:?}",
            a.diagnostics
        );
        let d = errors[0];
        assert_eq!(d.code, Code::P0001, "{keyword}");
        assert_eq!(
            d.message.en(),
            format!("expected a name after `{keyword}`, but found the end of the line"),
        );
        let line = text[..d.span.start].lines().count();
        let keyword_line = text
            .lines()
            .position(|l| l == format!("  {keyword}"))
            .unwrap()
            + 1;
        assert_eq!(
            line, keyword_line,
            "{keyword}: the error is on its own line"
        );
    }
}

/// A policy with every statement that takes a name, a number, a date or a text, each on its own
/// line, for [`every_statement_left_empty_is_one_error_on_its_own_line`].
const EVERY_STATEMENT: &str = r#"policy p "P" {
  adopted 2023-12-04 by KS
  revised 2025-03-12 by KS
  version "1"
  status adopted
  period 2024..2027
  country se
  default rule r
}

body KS "Kommunstyrelsen" {
  kind council
}

body BUN "Barn- och utbildningsnämnden" {
  parent KS
  kind committee
}

value v "Värde"

chain {
  level area "Område"
  level goal "Mål" under area measured
}

report status "Halvårlig status" {
  uses forecast
  due 08-31
  covers 01-01..06-30
  to KS
}

indicator ind "Andel" {
  source kolada "N15419"
  unit percent
  higher is better
  benchmark county "Länet"
  frequency annual
}

indicator ind2 "Antal" {
  unit count
  lower is better
}

rule r "Regel" {
  green when meets target
  red otherwise
  grey when missing
}

area a "A" {
  owner KS
}

goal g "Andelen ska öka" {
  under a
  number "1.1"
  owner KS
  kind result
  measure ind
  indicators ind2
  baseline 50 in 2023
  milestone 55 in 2025
  target 60 by 2026
  rule r
  follow-up status
  values v
  target-group "Alla"
  text "Text"
}

activity act "Aktivitet" {
  under g
  owner BUN
  start 2024-01-01
  deadline 2026-06-30
  budget 1000 kr
}

test "Exempel" {
  year 2025
  report status
  value ind 70
  benchmark ind county 65
  motivation g "Bra"
  expect g green
}
"#;

/// Every statement whose argument is left out while typing (`status ` above `period 2024..2027`,
/// `uses ` above `due 08-31`, `ansvarig ` above `mäts ind`), in each keyword language, is one
/// error at the end of its own line, and the next line is its own statement (issue 13).
#[test]
fn every_statement_left_empty_is_one_error_on_its_own_line() {
    use pejl::i18n::Lang;
    let a = analyze_text(Path::new("p.pejl"), EVERY_STATEMENT);
    assert!(
        a.diagnostics
            .iter()
            .all(|d| d.severity != pejl::Severity::Error),
        "{:?}",
        a.diagnostics
    );
    for lang in [Lang::En, Lang::Sv, Lang::Da] {
        let policy = pejl::format::format_keywords(EVERY_STATEMENT, Some(lang)).unwrap();
        assert!(
            analyze_text(Path::new("p.pejl"), &policy)
                .diagnostics
                .iter()
                .all(|d| d.severity != pejl::Severity::Error),
            "{lang:?}"
        );
        let lines: Vec<&str> = policy.lines().collect();
        let mut tried = 0;
        for (i, line) in lines.iter().enumerate() {
            // Statements of blocks: indented, a keyword and something after it.
            let Some(statement) = line.strip_prefix("  ") else {
                continue;
            };
            let keyword = statement.split(' ').next().unwrap_or("");
            if !pejl::ide::is_keyword(keyword)
                || keyword == statement
                || ["higher", "lower", "level", "green", "red", "grey"]
                    .iter()
                    .any(|k| pejl::syntax::keywords::english(keyword) == Some(k))
            {
                continue;
            }
            tried += 1;
            let mut edited: Vec<&str> = lines.clone();
            let empty = format!("  {keyword} ");
            edited[i] = &empty;
            let text = edited.join("\n") + "\n";
            let a = analyze_text(Path::new("p.pejl"), &text);
            let errors: Vec<_> = a
                .diagnostics
                .iter()
                .filter(|d| d.severity == pejl::Severity::Error)
                .collect();
            assert_eq!(errors.len(), 1, "{lang:?} {keyword}: {:?}", a.diagnostics);
            let d = errors[0];
            let message = d.message.en();
            assert!(
                message.starts_with("expected ")
                    && message.ends_with(&format!(
                        " after `{keyword}`, but found the end of the line"
                    )),
                "{lang:?} {keyword}: {message}"
            );
            let line_of = |offset: usize| text[..offset].matches('\n').count();
            assert_eq!(
                line_of(d.span.start),
                i,
                "{lang:?} {keyword}: on its own line"
            );
            let line_start: usize = edited[..i].iter().map(|l| l.len() + 1).sum();
            assert!(
                d.span.start >= line_start + 2 + keyword.len()
                    && d.span.start <= line_start + empty.len(),
                "{lang:?} {keyword}: at the end of the line"
            );
            // Nothing follows from the next line: it is a statement of its own.
            for other in &a.diagnostics {
                assert_ne!(
                    line_of(other.span.start),
                    i + 1,
                    "{lang:?} {keyword}: the next line was read into it: {other:?}"
                );
            }
        }
        assert!(tried >= 40, "{lang:?}: {tried} statements tried");
    }
}
