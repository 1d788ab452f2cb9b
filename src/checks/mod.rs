//! The checks that run on a resolved [`Model`]: the goal chain (P02xx), rule and rollup
//! consistency (P03xx), SMART goals, units and dates (P04xx–P06xx), and what can be told of a
//! `test` without running it (P0802–P0805).

pub mod activities;
pub mod chain;
pub mod reports;
pub mod rollups;
pub mod rules;
pub mod smart;
pub mod test_decls;

use crate::diagnostic::Diagnostic;
use crate::i18n::Text;
use crate::model::Model;
use crate::text;

pub fn run(model: &Model) -> Vec<Diagnostic> {
    let mut diags = chain::check(model);
    diags.extend(rules::check(model));
    diags.extend(rollups::check(model));
    diags.extend(smart::check(model));
    diags.extend(reports::check(model));
    diags.extend(test_decls::check(model));
    diags.extend(activities::check(model));
    diags
}

/// The checks in two halves of similar cost, so that the front end can run one half beside
/// name resolution and the other on a second thread.
pub fn run_first_half(model: &Model) -> Vec<Diagnostic> {
    let mut diags = chain::check(model);
    diags.extend(reports::check(model));
    diags.extend(test_decls::check(model));
    diags.extend(activities::check(model));
    diags
}

pub fn run_second_half(model: &Model) -> Vec<Diagnostic> {
    let mut diags = rules::check(model);
    diags.extend(rollups::check(model));
    diags.extend(smart::check(model));
    diags
}

/// Texts joined with "and", each to the next: "a and b and c" (`None` for no texts).
pub(crate) fn and_chain(texts: Vec<Text>) -> Option<Text> {
    texts
        .into_iter()
        .rev()
        .reduce(|rest, first| text!("checks-and", first = first, second = rest))
}

/// Texts listed as the language lists them: "a", "a and b", "a, b and c".
pub(crate) fn and_list(texts: Vec<Text>) -> Option<Text> {
    let mut texts = texts.into_iter().rev();
    let last = texts.next()?;
    let Some(before) = texts.next() else {
        return Some(last);
    };
    let init = texts.fold(before, |rest, first| {
        text!("checks-comma", first = first, second = rest)
    });
    Some(text!("checks-and", first = init, second = last))
}
