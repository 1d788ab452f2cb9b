//! `pejl explain CODE`: the long explanation of a diagnostic code, taken from the diagnostic
//! index of its language (`docs/diagnostics.md` in English, `docs/sv/diagnostics.md` in
//! Swedish, `docs/da/diagnostics.md` in Danish), so the index users read and the CLI never
//! disagree. The three documents have the same shape: an introduction, a summary table and one
//! `## PNNNN: Title` section per code, in the catalogue's order; one parser reads them all.
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::diagnostic::{Code, Severity};
use crate::i18n::Lang;

const EN: &str = include_str!("../docs/diagnostics.md");
const SV: &str = include_str!("../docs/sv/diagnostics.md");
const DA: &str = include_str!("../docs/da/diagnostics.md");

/// The diagnostic index in a language (Markdown), as the editor may open it as a file.
pub fn index(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => SV,
        Lang::Da => DA,
        Lang::En => EN,
    }
}

/// The path of the language's index in the repository, below `docs/`: `diagnostics.md`,
/// `sv/diagnostics.md`, `da/diagnostics.md`.
pub fn index_path(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "sv/diagnostics.md",
        Lang::Da => "da/diagnostics.md",
        Lang::En => "diagnostics.md",
    }
}

/// How a section of the index in `lang` names a severity on its first line
/// (`Severity: error`, `Allvarlighetsgrad: fel`, `Alvorlighed: fejl`).
pub fn severity_line(severity: Severity, lang: Lang) -> String {
    let (label, word) = match lang {
        Lang::En => ("Severity", severity.as_str()),
        Lang::Sv => (
            "Allvarlighetsgrad",
            match severity {
                Severity::Error => "fel",
                Severity::Warning => "varning",
                Severity::Hint => "förslag",
            },
        ),
        Lang::Da => (
            "Alvorlighed",
            match severity {
                Severity::Error => "fejl",
                Severity::Warning => "advarsel",
                Severity::Hint => "forslag",
            },
        ),
    };
    format!("{label}: {word}")
}

/// Where the heading `## PNNNN:` of a code starts in `index`.
fn heading_start(index: &str, code: Code) -> Option<usize> {
    let heading = format!("## {}:", code.as_str());
    if index.starts_with(&heading) {
        return Some(0);
    }
    index.find(&format!("\n{heading}")).map(|at| at + 1)
}

/// The section of a code in `index`: its title and its body, without the heading.
fn section(index: &str, code: Code) -> Option<(String, String)> {
    let start = heading_start(index, code)?;
    let rest = index.get(start..)?;
    let heading_len = format!("## {}:", code.as_str()).len();
    let title_end = rest.find('\n').unwrap_or(rest.len());
    let title = rest.get(heading_len..title_end)?.trim().to_string();
    let body = rest.get(title_end..)?;
    let end = body.find("\n## ").unwrap_or(body.len());
    Some((title, body.get(..end)?.trim().to_string()))
}

/// The section of the diagnostic index in `lang` for a code: its title and its body, without
/// the heading. A section missing in `lang` is the English one (a test checks that none is).
pub fn explain(code: Code, lang: Lang) -> Option<(String, String)> {
    explain_from(index(lang), code)
}

/// The section of a code in `index`, else in the English index.
fn explain_from(index: &str, code: Code) -> Option<(String, String)> {
    section(index, code).or_else(|| section(EN, code))
}

/// The line (1-based) of a code's heading in `docs/diagnostics.md`: where an editor opening
/// the English index as a file should land (`diagnostics.md#L120`).
pub fn heading_line(code: Code) -> Option<usize> {
    heading_line_in(code, Lang::En)
}

/// The line (1-based) of a code's heading in the index of `lang` (`sv/diagnostics.md#L120`).
/// None if `lang`'s index has no section for the code.
pub fn heading_line_in(code: Code, lang: Lang) -> Option<usize> {
    let index = index(lang);
    let start = heading_start(index, code)?;
    Some(index.get(..start)?.matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 3] = [Lang::En, Lang::Sv, Lang::Da];

    /// Every code has a section in every language's own document (not the English fallback).
    #[test]
    fn every_code_is_explained_in_every_language() {
        for lang in LANGS {
            for &code in Code::ALL {
                let (title, body) = section(index(lang), code)
                    .unwrap_or_else(|| panic!("{code} has no section in {}", index_path(lang)));
                assert!(
                    !title.is_empty(),
                    "{code} has no title in {}",
                    index_path(lang)
                );
                assert!(
                    body.len() > 80,
                    "{code}'s explanation in {} is too short",
                    index_path(lang)
                );
                let line = heading_line_in(code, lang).expect("a heading line");
                let heading = index(lang).lines().nth(line - 1).unwrap_or_default();
                assert!(
                    heading.starts_with(&format!("## {code}: ")),
                    "{code}'s heading line in {} is {line}: {heading}",
                    index_path(lang)
                );
            }
        }
    }

    /// The rows `| code | severity | summary |` of an index's summary table.
    fn table(index: &str) -> Vec<(String, String, String)> {
        index
            .lines()
            .filter(|l| l.starts_with("| P"))
            .map(|l| {
                let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
                assert_eq!(
                    cells.len(),
                    3,
                    "a row is | code | severity | summary |: {l}"
                );
                (cells[0].into(), cells[1].into(), cells[2].into())
            })
            .collect()
    }

    /// The summary table at the top of docs/diagnostics.md lists exactly the catalogue, in its
    /// order, with each code's severity and summary; each section has the code's severity, and
    /// there is no section for a code the catalogue does not have.
    #[test]
    fn the_summary_table_and_the_sections_match_the_catalogue() {
        let catalogue: Vec<(String, String, String)> = Code::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str().into(),
                    c.severity().as_str().into(),
                    c.summary().into(),
                )
            })
            .collect();
        let table = table(EN);
        for row in &catalogue {
            assert!(
                table.contains(row),
                "docs/diagnostics.md's table lacks {row:?}"
            );
        }
        for row in &table {
            assert!(
                catalogue.contains(row),
                "docs/diagnostics.md's table has {row:?}, which the `codes!` catalogue does not"
            );
        }
        assert_eq!(table, catalogue, "the table is in the catalogue's order");
    }

    /// Every language's table has one row per code, in the catalogue's order, with the code's
    /// severity in that language and a summary of its own.
    #[test]
    fn the_translated_tables_match_the_catalogue() {
        for lang in [Lang::Sv, Lang::Da] {
            let path = index_path(lang);
            let rows = table(index(lang));
            let codes: Vec<&str> = rows.iter().map(|(c, _, _)| c.as_str()).collect();
            let wanted: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            assert_eq!(codes, wanted, "{path}'s table lists the codes in order");
            for (row, &code) in rows.iter().zip(Code::ALL) {
                let severity = severity_line(code.severity(), lang);
                let word = severity.split(": ").nth(1).unwrap_or_default();
                assert_eq!(row.1, word, "{path}: {code}'s severity");
                assert!(!row.2.is_empty(), "{path}: {code} has no summary");
                assert_ne!(
                    row.2,
                    code.summary(),
                    "{path}: {code}'s summary is the English one"
                );
            }
        }
    }

    /// One `## PNNNN: …` section per code, in order, in every language, each starting with the
    /// code's severity; no section for a code the catalogue does not have.
    #[test]
    fn every_language_has_the_same_sections() {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        for lang in LANGS {
            let path = index_path(lang);
            let sections: Vec<&str> = index(lang)
                .lines()
                .filter_map(|l| l.strip_prefix("## "))
                .filter_map(|l| l.split(':').next())
                .collect();
            assert_eq!(
                sections, codes,
                "{path}: one `## PNNNN: …` section per code, in order"
            );
            for &code in Code::ALL {
                let (_, body) = section(index(lang), code).unwrap_or_default();
                let wanted = severity_line(code.severity(), lang);
                assert_eq!(
                    body.lines().next(),
                    Some(wanted.as_str()),
                    "{path}: {code}'s section starts with its severity"
                );
            }
        }
    }

    /// The fenced blocks (```pejl, ```csv) of a section, without `//` comments and trailing
    /// spaces: the code itself, which a translation must not change.
    fn examples(body: &str) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut current: Option<String> = None;
        for line in body.lines() {
            if line.starts_with("```") {
                match current.take() {
                    Some(block) => blocks.push(block),
                    None => current = Some(format!("{line}\n")),
                }
            } else if let Some(block) = current.as_mut() {
                let code = line.split_once("//").map_or(line, |(code, _)| code);
                block.push_str(code.trim_end());
                block.push('\n');
            }
        }
        blocks
    }

    /// The translations keep the examples exactly: each section of the Swedish and the Danish
    /// index has the same fenced blocks as the English one, line for line; only the comments
    /// (`// …`) are translated.
    #[test]
    fn the_translations_keep_the_examples() {
        for lang in [Lang::Sv, Lang::Da] {
            for &code in Code::ALL {
                let english = section(EN, code).map(|(_, body)| examples(&body));
                let translated = section(index(lang), code).map(|(_, body)| examples(&body));
                assert_eq!(
                    translated,
                    english,
                    "{code}: {}'s examples differ from docs/diagnostics.md",
                    index_path(lang)
                );
            }
        }
    }

    /// A section a language's index does not have is taken from the English index.
    #[test]
    fn a_missing_section_falls_back_to_english() {
        let partial = "# Diagnostik\n\n## P0302: Regeln lämnar värden utan status\n\nAllvarlighetsgrad: fel\n\nText.\n";
        let from = |code| explain_from(partial, code);
        assert_eq!(
            from(Code::P0302).map(|(title, _)| title),
            Some("Regeln lämnar värden utan status".to_string())
        );
        let (title, body) = from(Code::P0101).expect("the English section");
        assert_eq!(title, "Unknown reference");
        assert!(body.starts_with("Severity: error"), "{body}");
        assert_eq!(section(partial, Code::P0101), None);
    }

    /// `explain` answers in the language asked for.
    #[test]
    fn explain_speaks_each_language() {
        let title = |lang| explain(Code::P0302, lang).map(|(title, _)| title);
        assert_eq!(
            title(Lang::En).as_deref(),
            Some("Rule leaves values without a status")
        );
        assert_eq!(
            title(Lang::Sv).as_deref(),
            Some("Regeln lämnar värden utan status")
        );
        assert_eq!(
            title(Lang::Da).as_deref(),
            Some("Reglen efterlader værdier uden status")
        );
    }
}
