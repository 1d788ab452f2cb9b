//! Diagnostics rendered for people in a terminal, through miette's graphical handler (the
//! `fancy` feature, part of `cli`; the language server is built without it).

use super::{escape_for_terminal, terminal_safe};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::sources::{SourceFile, SourceSet};
use crate::text;
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// A diagnostic with its file's text, in the shape miette renders.
#[derive(Debug)]
struct Report<'a> {
    message: String,
    code: &'static str,
    severity: Severity,
    help: Option<String>,
    labels: Vec<miette::LabeledSpan>,
    source: Excerpt<'a>,
}

/// A file's text as miette reads it. miette's own reading of a `str` scans from the start
/// of the file for every label (rendering cost diagnostics × file size); this one looks the
/// lines up in the file's line index. Lines longer than [`LONG_LINE`] are shown as a window
/// around the label (miette cannot pad past column 65 535), and the text is the one made
/// harmless for terminals by [`terminal_safe`].
#[derive(Debug)]
struct Excerpt<'a> {
    file: &'a SourceFile,
    text: &'a str,
    name: String,
}

/// A line longer than this (in bytes) is shown as a window around the label.
const LONG_LINE: usize = 1000;
/// How much of a long line is shown before and after the label's start.
const WINDOW_BEFORE: usize = 60;
const WINDOW_AFTER: usize = 120;

impl Excerpt<'_> {
    fn floor(&self, offset: usize) -> usize {
        crate::span::clamp_to_char_boundary(self.text, offset)
    }

    fn is_long(&self, line: usize) -> bool {
        let lines = &self.file.lines();
        lines.line_end(self.text, line) - lines.line_start(line) > LONG_LINE
    }

    /// The start of the line after `line`, or the end of the text.
    fn after_line(&self, line: usize) -> usize {
        crate::syntax::text::next_line(self.text, self.file.lines().line_start(line))
            .unwrap_or(self.text.len())
    }
}

impl SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let lines = &self.file.lines();
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = lines.line_of(start);
        let last = lines.line_of(end.saturating_sub(1).max(start));
        let (from, to, line, column) = if self.is_long(first) {
            // One window of the long line, whatever the span's length.
            let line_start = lines.line_start(first);
            let from = self.floor(start.saturating_sub(WINDOW_BEFORE).max(line_start));
            let to = self.floor((start + WINDOW_AFTER).min(lines.line_end(self.text, first)));
            (from, to, first, from - line_start)
        } else if before == 0 && after == 0 {
            // The header's location: the label's own line and column.
            let column = self.file.line_col(start).column - 1;
            (start, end.max(start), first, column)
        } else {
            let top = first.saturating_sub(before);
            let mut bottom = (last + after).min(lines.line_count() - 1);
            // Context lines stop before a long line.
            while bottom > last && self.is_long(bottom) {
                bottom -= 1;
            }
            let top = (top..=first)
                .find(|&l| l == first || !self.is_long(l))
                .unwrap_or(first);
            (lines.line_start(top), self.after_line(bottom), top, 0)
        };
        let data = self.text.as_bytes().get(from..to).unwrap_or_default();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            (from, to - from).into(),
            line,
            column,
            lines.line_of(to),
        )))
    }
}

impl std::fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Hint => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// Renders diagnostics as text for people. `color` picks a coloured theme for terminals;
/// without it the output is plain Unicode (stable for snapshots). `width` wraps long lines.
pub struct HumanRenderer {
    handler: miette::GraphicalReportHandler,
    /// The style of the help line (miette's theme's).
    help_style: owo_colors::Style,
    width: usize,
    /// Each file's text made safe for a terminal, once per file.
    texts: Vec<String>,
    lang: Lang,
}

impl HumanRenderer {
    pub fn new(sources: &SourceSet, color: bool, width: usize, lang: Lang) -> Self {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        HumanRenderer {
            help_style: theme.styles.help,
            width,
            handler: miette::GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false),
            texts: sources
                .files
                .iter()
                .map(|f| terminal_safe(&f.text).into_owned())
                .collect(),
            lang,
        }
    }

    pub fn render(&self, sources: &SourceSet, diag: &Diagnostic) -> String {
        let lang = self.lang;
        let file = sources.get(diag.span.file);
        let Some(text) = self.texts.get(diag.span.file.0 as usize) else {
            return format!(
                "{}: {}\n",
                diag.code,
                escape_for_terminal(&diag.message.render(lang))
            );
        };
        let source = Excerpt {
            file,
            text,
            name: escape_for_terminal(&file.display_path()).into_owned(),
        };
        let mut help = diag
            .help
            .as_ref()
            .map(|h| escape_for_terminal(&h.render(lang)).into_owned());
        let mut labels = vec![miette::LabeledSpan::new_primary_with_span(
            diag.primary_label
                .as_ref()
                .and_then(|l| non_empty(&l.render(lang))),
            source.label_span(diag.span),
        )];
        // miette can print every line between two labels of a file: a label far from the
        // primary one (a rule 40 lines below the goal) is named in words instead.
        let primary_lines = (
            file.lines().line_of(diag.span.start),
            file.lines().line_of(diag.span.end),
        );
        let near = |span: crate::Span| {
            let line = file.lines().line_of(span.start);
            line + NEAR_LINES >= primary_lines.0 && line <= primary_lines.1 + NEAR_LINES
        };
        for label in &diag.labels {
            if label.span.file == diag.span.file && near(label.span) {
                labels.push(miette::LabeledSpan::new_with_span(
                    non_empty(&label.message.render(lang)),
                    source.label_span(label.span),
                ));
            } else {
                // Another file, or far away: name the place in words.
                let other = sources.get(label.span.file);
                let at = other.line_col(label.span.start);
                let note = format!(
                    "{}: {}:{}:{}",
                    escape_for_terminal(&label.message.render(lang)),
                    escape_for_terminal(&other.display_path()),
                    at.line,
                    at.column
                );
                help = Some(match help {
                    Some(h) => format!("{h}\n{note}"),
                    None => note,
                });
            }
        }
        let report = Report {
            message: escape_for_terminal(&diag.message.render(lang)).into_owned(),
            code: diag.code.as_str(),
            severity: diag.severity,
            // Written below by `help_footer`, with "help" in the reader's language.
            help: None,
            labels,
            source,
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &report).is_err() {
            out = format!("{}: {}\n", diag.code, report.message);
        }
        if let Some(help) = help {
            self.help_footer(&mut out, &help);
        }
        out
    }

    /// The help line as miette's footer writes it (wrapped to the width, the wrapped lines
    /// indented under the text), with the word "help" in the reader's language.
    fn help_footer(&self, out: &mut String, help: &str) {
        use owo_colors::OwoColorize;
        let word = text!("help-word").render(self.lang).to_lowercase();
        let initial = format!("  {word}: ");
        let indent = " ".repeat(initial.chars().count());
        let styled = initial.style(self.help_style).to_string();
        let options = textwrap::Options::new(self.width.saturating_sub(2))
            .initial_indent(&styled)
            .subsequent_indent(&indent)
            .break_words(true);
        out.push_str(&textwrap::fill(help, options));
        out.push('\n');
    }
}

impl Excerpt<'_> {
    /// A label's span for miette: on a long line, cut to the window that is shown.
    fn label_span(&self, span: crate::Span) -> (usize, usize) {
        let start = span.start.min(self.text.len());
        let end = span.end.clamp(start, self.text.len());
        let line = self.file.lines().line_of(start);
        let end = if self.is_long(line) {
            self.floor(
                end.min(start + WINDOW_AFTER / 2)
                    .min(self.file.lines().line_end(self.text, line)),
            )
            .max(start)
        } else {
            end
        };
        (start, end - start)
    }
}

/// How many lines from the primary label another label may be and still share its excerpt.
const NEAR_LINES: usize = 6;

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| escape_for_terminal(text).into_owned())
}
