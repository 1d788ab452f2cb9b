//! Source text → syntax tree: the pest grammar (`grammar/pejl.pest`), error recovery,
//! and lowering into the owned AST of [`ast`].

pub mod ast;
pub mod keyword_use;
pub mod keywords;
pub mod parse;
pub mod text;

pub use parse::parse_file;
