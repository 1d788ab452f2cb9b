//! Rule and rollup consistency (P0301–P0309). TEMPORARY STUB, being written.

use crate::diagnostic::Diagnostic;
use crate::model::Model;

pub fn check(_model: &Model) -> Vec<Diagnostic> {
    Vec::new()
}
