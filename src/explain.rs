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
}
