//! The checks that run on a resolved [`Model`]: the goal chain (P02xx), rule and rollup
//! consistency (P03xx), SMART goals, units and dates (P04xx–P06xx).

pub mod chain;
pub mod rules;
pub mod smart;

use crate::diagnostic::Diagnostic;
use crate::model::Model;

pub fn run(model: &Model) -> Vec<Diagnostic> {
    let mut diags = chain::check(model);
    diags.extend(rules::check(model));
    diags.extend(smart::check(model));
    diags
}
