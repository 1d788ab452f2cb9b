//! The report as JSON ("format": "pejl-report/2"), for tools. Its JSON Schema is printed by
//! `pejl schema --report` and derived from the same types ([`crate::eval::Evaluation`]).

use crate::eval::Evaluation;

pub fn render(ev: &Evaluation) -> String {
    let mut text = serde_json::to_string_pretty(ev).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}
