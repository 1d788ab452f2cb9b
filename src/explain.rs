//! `pejl explain CODE`: the long explanation of a diagnostic code, taken from
//! `docs/diagnostics.md` so the index users read and the CLI never disagree.

use crate::diagnostic::Code;

const INDEX: &str = include_str!("../docs/diagnostics.md");

/// The section of the diagnostic index for a code, without its heading.
pub fn explain(code: Code) -> Option<(String, String)> {
    let heading = format!("## {}:", code.as_str());
    let start = INDEX.find(&heading)?;
    let rest = &INDEX[start..];
    let title_end = rest.find('\n').unwrap_or(rest.len());
    let title = rest[heading.len()..title_end].trim().to_string();
    let body = &rest[title_end..];
    let end = body.find("\n## ").unwrap_or(body.len());
    Some((title, body[..end].trim().to_string()))
}

/// The line (1-based) of a code's heading in `docs/diagnostics.md`: where an editor opening
/// the index as a file should land (`diagnostics.md#L120`).
pub fn heading_line(code: Code) -> Option<usize> {
    let heading = format!("## {}:", code.as_str());
    let start = INDEX.find(&heading)?;
    Some(INDEX.get(..start)?.matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_explained() {
        for &code in Code::ALL {
            let (title, body) = explain(code).unwrap_or_else(|| panic!("{code} has no section"));
            assert!(!title.is_empty(), "{code} has no title");
            assert!(body.len() > 80, "{code}'s explanation is too short");
        }
    }

    /// The summary table at the top of docs/diagnostics.md lists exactly the catalogue, in its
    /// order, with each code's severity and summary; each section has the code's severity, and
    /// there is no section for a code the catalogue does not have.
    #[test]
    fn the_summary_table_and_the_sections_match_the_catalogue() {
        let table: Vec<(String, String, String)> = INDEX
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
            .collect();
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

        let sections: Vec<&str> = INDEX
            .lines()
            .filter_map(|l| l.strip_prefix("## "))
            .filter_map(|l| l.split(':').next())
            .collect();
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            sections, codes,
            "one `## PNNNN: …` section per code, in order"
        );
        for &code in Code::ALL {
            let (_, body) = explain(code).unwrap_or_else(|| panic!("{code} has no section"));
            let wanted = format!("Severity: {}", code.severity().as_str());
            assert_eq!(
                body.lines().next(),
                Some(wanted.as_str()),
                "{code}'s section starts with its severity"
            );
        }
    }
}
