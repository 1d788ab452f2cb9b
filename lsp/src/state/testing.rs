//! The editor's side of `pejl test`: a code lens "Run test" on each `test` (and "Run all
//! tests" on the first of a file), and the commands they run. The tests themselves run in the
//! library (`pejl::testing`); failed expectations are already diagnostics (P0801) of every
//! analysis. A child of `state` so that it can read the state's documents and analyses.

use super::{range, uri_to_path, State};
use pejl::testing::{self, Options};
use tower_lsp_server::ls_types as lsp;

/// Runs the test whose `test "…"` line is the argument's line (`["file:///…", 12]`).
pub const RUN_TEST: &str = "pejl.runTest";
/// Runs every test of a file (`["file:///…"]`).
pub const RUN_TESTS: &str = "pejl.runTests";

/// What a command did: whether every test passed, a sentence for the user, and the results
/// as the JSON of `pejl test --format json` (for a client that shows more).
pub struct Ran {
    pub passed: bool,
    pub message: String,
    pub results: serde_json::Value,
}

impl State {
    pub fn code_lenses(&self, uri: &lsp::Uri) -> Option<Vec<lsp::CodeLens>> {
        let (analysis, file) = self.locate(uri)?;
        let headers = testing::headers_in(analysis, file);
        let mut out = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            let at = range(analysis, *header, self.encoding);
            let line = serde_json::Value::from(at.start.line);
            out.push(lsp::CodeLens {
                range: at,
                command: Some(lsp::Command {
                    title: "▶ Run test".to_string(),
                    command: RUN_TEST.to_string(),
                    arguments: Some(vec![serde_json::Value::from(uri.as_str()), line]),
                }),
                data: None,
            });
            if i == 0 && headers.len() > 1 {
                out.push(lsp::CodeLens {
                    range: at,
                    command: Some(lsp::Command {
                        title: format!("Run all {} tests", headers.len()),
                        command: RUN_TESTS.to_string(),
                        arguments: Some(vec![serde_json::Value::from(uri.as_str())]),
                    }),
                    data: None,
                });
            }
        }
        Some(out)
    }

    /// `workspace/executeCommand` for [`RUN_TEST`] and [`RUN_TESTS`]; `Err` for another command
    /// or arguments that name no test.
    pub fn execute_command(
        &self,
        command: &str,
        arguments: &[serde_json::Value],
    ) -> Result<Ran, String> {
        if command != RUN_TEST && command != RUN_TESTS {
            return Err(format!("pejl-lsp has no command `{command}`"));
        }
        let uri: lsp::Uri = arguments
            .first()
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse().ok())
            .ok_or("the first argument must be the URI of a pejl file")?;
        uri_to_path(&uri).ok_or("the document is not a file")?;
        let (analysis, file) = self
            .locate(&uri)
            .ok_or("the document is not part of an analysed policy")?;
        let headers = testing::headers_in(analysis, file);
        let only = if command == RUN_TEST {
            let line = arguments
                .get(1)
                .and_then(|v| v.as_u64())
                .ok_or("the second argument must be the line of the test")?;
            let header = headers
                .into_iter()
                .find(|h| u64::from(range(analysis, *h, self.encoding).start.line) == line)
                .ok_or("there is no test on that line (the file changed?)")?;
            vec![header]
        } else {
            headers
        };
        let results = testing::run(
            analysis,
            &Options {
                filter: None,
                only: Some(only),
            },
        );
        let (passed, message) = testing::summary(&results);
        let results =
            serde_json::to_value(testing::TestReport::new(vec![results])).unwrap_or_default();
        Ok(Ran {
            passed,
            message,
            results,
        })
    }
}
