//! The results of `pejl test` for people (text like `cargo test`'s), and as JUnit XML for CI
//! systems (Jenkins, GitLab, GitHub test reporters). The JSON is the serde form of
//! [`TestReport`]. Nothing here depends on the time: the same tests give the same bytes.

use super::{Derivation, Expectation, Outcome, TestReport, TestResult};
use crate::eval::Assessment;
use crate::i18n::{Lang, Text};
use crate::text;
use std::fmt::Write as _;

/// "yellow (Delvis uppfyllt)", or what the goal is when it has no status.
pub fn status_words(status: Option<&str>, label: Option<&str>) -> String {
    status_text(status, label).en()
}

/// A status in words as a Text: `yellow (Gul)`, or "without a status".
pub fn status_text(status: Option<&str>, label: Option<&str>) -> Text {
    match (status, label) {
        (Some(s), Some(l)) if l != s => Text::verbatim(format!("{s} ({l})")),
        (Some(s), _) => Text::verbatim(s.to_string()),
        (None, _) => text!("testing-without-status"),
    }
}

/// Why a goal has no status, as a Text.
pub fn no_status_text(assessment: Assessment) -> Text {
    match assessment {
        Assessment::NotFollowedUp => text!("testing-not-followed-up"),
        _ => text!("testing-not-assessed"),
    }
}

/// The derivation as a Text of indented lines (what [`derivation_text`] writes, in the
/// reader's language): the goal, its status and the evaluator's explanation, the band's
/// wording, the motivation, then each child of a rollup one level deeper.
pub fn derivation_lines(d: &Derivation, indent: &str) -> Text {
    let mut lines = vec![match &d.status {
        Some(_) => text!(
            "testing-derivation-status",
            indent = indent,
            goal = &d.goal,
            status = status_text(d.status.as_deref(), d.status_label.as_deref()),
            explanation = &d.explanation
        ),
        None => text!(
            "testing-derivation-none",
            indent = indent,
            goal = &d.goal,
            explanation = &d.explanation
        ),
    }];
    if let Some(w) = &d.wording {
        lines.push(text!(
            "testing-derivation-wording",
            indent = indent,
            wording = w
        ));
    }
    if let Some(m) = &d.motivation {
        lines.push(text!(
            "testing-derivation-motivation",
            indent = indent,
            motivation = m
        ));
    }
    let deeper = format!("{indent}  ");
    lines.extend(d.children.iter().map(|c| derivation_lines(c, &deeper)));
    lines_text(lines)
}

/// Texts one per line.
pub fn lines_text(lines: Vec<Text>) -> Text {
    let mut lines = lines.into_iter();
    let first = lines
        .next()
        .unwrap_or_else(|| Text::verbatim(String::new()));
    lines.fold(first, |all, line| {
        text!("joined-lines", first = all, second = line)
    })
}

/// What a goal is, said as the "actual" of a failure: its status, or why it has none.
fn derivation_status(d: &Derivation) -> Text {
    match &d.status {
        Some(_) => status_text(d.status.as_deref(), d.status_label.as_deref()),
        None => text!(
            "testing-without-status-because",
            reason = no_status_text(d.assessment)
        ),
    }
}

/// One failed expectation, for people: what was expected, what the policy gives, and why.
pub fn failure_text(e: &Expectation, lang: Lang) -> String {
    let mut lines = vec![
        text!(
            "testing-expect-line",
            goal = &e.goal,
            expected = &e.expected,
            line = e.line
        ),
        text!(
            "testing-expected-is",
            expected = status_text(Some(&e.expected), e.expected_label.as_deref())
        ),
        text!(
            "testing-actual-is",
            actual = derivation_status(&e.derivation)
        ),
    ];
    if let Some(p) = &e.problem_text {
        lines.push(text!("testing-problem-is", problem = p.clone()));
    }
    lines.push(text!("testing-derivation"));
    lines.push(derivation_lines(&e.derivation, "    "));
    let mut out = lines_text(lines).render(lang);
    out.push('\n');
    out
}

/// The human report: a line per test, then each failure with its derivation, then a summary.
/// `filtered`: tests left out by `--filter`.
pub fn human(report: &TestReport, filtered: usize, lang: Lang) -> String {
    let mut out = String::new();
    let line = |out: &mut String, text: Text| {
        out.push_str(&text.render(lang));
        out.push('\n');
    };
    for policy in report.policies.iter().filter(|p| !p.tests.is_empty()) {
        line(
            &mut out,
            text!(
                "testing-running",
                count = policy.tests.len(),
                root = &policy.root
            ),
        );
        for t in &policy.tests {
            line(
                &mut out,
                match t.outcome {
                    Outcome::Passed => text!("testing-ok", title = &t.title),
                    Outcome::Failed => text!("testing-failed", title = &t.title),
                    Outcome::Error => text!(
                        "testing-error",
                        title = &t.title,
                        reason = t.errors.first().map_or_else(
                            || text!("testing-not-run"),
                            |p| Text::verbatim(format!("{} ({}:{})", p.message, p.file, p.line))
                        )
                    ),
                },
            );
        }
        line(&mut out, Text::verbatim(String::new()));
    }
    let failed: Vec<&TestResult> = report
        .tests()
        .filter(|t| t.outcome == Outcome::Failed)
        .collect();
    if !failed.is_empty() {
        line(&mut out, text!("testing-failures"));
        line(&mut out, Text::verbatim(String::new()));
        for t in failed {
            line(
                &mut out,
                Text::verbatim(format!("---- \"{}\" ({}:{}) ----", t.title, t.file, t.line)),
            );
            if let (Some(year), Some(report)) = (t.year, &t.report) {
                line(&mut out, Text::verbatim(format!("{report} {year}")));
            }
            for e in t.failures() {
                out.push_str(&failure_text(e, lang));
            }
            out.push('\n');
        }
    }
    let ok = report.failed == 0 && report.errors == 0;
    let mut summary = text!(
        "testing-result",
        ok = if ok { "ok" } else { "failed" },
        passed = report.passed,
        failed = report.failed,
        errors = report.errors
    );
    if filtered > 0 {
        summary = text!(
            "testing-result-filtered",
            result = summary,
            filtered = filtered
        );
    }
    out.push_str(&summary.render(lang));
    out.push('\n');
    out
}

/// Text for an XML attribute or element: escaped, and without the characters XML 1.0 cannot
/// hold (control characters other than tab and line breaks become U+FFFD).
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// JUnit XML: one `testsuite` per policy (named by its root file), one `testcase` per test
/// (`classname` and `file` the file that declares it, `line` its line), a `failure` per
/// failed test with every failed expectation and its derivation, an `error` for a test that
/// could not run. A policy whose errors keep it from running and that has no test selected
/// is one `testcase` named `policy` with the error, so CI shows it.
pub fn junit(report: &TestReport) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total = report.passed + report.failed + report.errors;
    let policy_errors = report
        .policies
        .iter()
        .filter(|p| p.tests.is_empty() && !p.errors.is_empty())
        .count();
    let _ = writeln!(
        out,
        "<testsuites name=\"pejl test\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">",
        total + policy_errors,
        report.failed,
        report.errors + policy_errors
    );
    for policy in &report.policies {
        if policy.tests.is_empty() && policy.errors.is_empty() {
            continue;
        }
        let root = xml_escape(&policy.root);
        let count = |o: Outcome| policy.tests.iter().filter(|t| t.outcome == o).count();
        let errors_only = policy.tests.is_empty();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{root}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">",
            if errors_only { 1 } else { policy.tests.len() },
            count(Outcome::Failed),
            if errors_only { 1 } else { count(Outcome::Error) }
        );
        if errors_only {
            let first = &policy.errors[0];
            let _ = writeln!(
                out,
                "    <testcase name=\"policy\" classname=\"{root}\" file=\"{}\" line=\"{}\">",
                xml_escape(&first.file),
                first.line
            );
            let body: Vec<String> = policy
                .errors
                .iter()
                .map(|p| {
                    format!(
                        "{}:{}:{}: {}: {}",
                        p.file, p.line, p.column, p.code, p.message
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "      <error message=\"{}\" type=\"{}\">{}</error>",
                xml_escape(&format!("the policy has errors: {}", first.message)),
                xml_escape(&first.code),
                xml_escape(&body.join("\n"))
            );
            out.push_str("    </testcase>\n");
        }
        for t in &policy.tests {
            let file = xml_escape(&t.file);
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{file}\" file=\"{file}\" line=\"{}\"",
                xml_escape(&t.title),
                t.line
            );
            match t.outcome {
                Outcome::Passed => out.push_str("/>\n"),
                Outcome::Failed => {
                    out.push_str(">\n");
                    let failures: Vec<&Expectation> = t.failures().collect();
                    let message = match failures.as_slice() {
                        [one] => format!(
                            "{}: expected {}, got {}",
                            one.goal,
                            one.expected,
                            derivation_status(&one.derivation)
                        ),
                        many => format!("{} expectations not met", many.len()),
                    };
                    let body: String = failures.iter().map(|e| failure_text(e, Lang::En)).collect();
                    let _ = writeln!(
                        out,
                        "      <failure message=\"{}\" type=\"P0801\">{}</failure>",
                        xml_escape(&message),
                        xml_escape(body.trim_end())
                    );
                    out.push_str("    </testcase>\n");
                }
                Outcome::Error => {
                    out.push_str(">\n");
                    let first = t.errors.first();
                    let body: Vec<String> = t
                        .errors
                        .iter()
                        .map(|p| {
                            format!(
                                "{}:{}:{}: {}: {}",
                                p.file, p.line, p.column, p.code, p.message
                            )
                        })
                        .collect();
                    let _ = writeln!(
                        out,
                        "      <error message=\"{}\" type=\"{}\">{}</error>",
                        xml_escape(first.map_or("the test could not be run", |p| &p.message)),
                        xml_escape(first.map_or("P0801", |p| &p.code)),
                        xml_escape(&body.join("\n"))
                    );
                    out.push_str("    </testcase>\n");
                }
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
