//! The language server's incremental re-parse must give what a full parse gives, after any
//! edit of any text. The input is an old text, then an edit: the bytes up to the first NUL
//! are the old text, the next two bytes place the edit (as a share of the text), the next
//! byte is how much it removes, and the rest is what it inserts.
#![no_main]

use pejl::sources::FileLoader;
use std::path::{Path, PathBuf};

struct One(String);

impl FileLoader for One {
    fn read(&self, _: &Path) -> std::io::Result<Vec<u8>> {
        Ok(self.0.as_bytes().to_vec())
    }
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (old, rest) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (data, &[][..]),
    };
    let (Ok(old), Some(&[hi, lo, removed])) = (std::str::from_utf8(old), rest.get(..3)) else {
        return;
    };
    let Ok(inserted) = std::str::from_utf8(&rest[3..]) else {
        return;
    };
    let share = u16::from_be_bytes([hi, lo]) as usize;
    let start = floor(old, old.len() * share / usize::from(u16::MAX));
    let end = floor(old, start + removed as usize).max(start);
    let mut new = old.to_string();
    new.replace_range(start..end, inserted);

    let path = PathBuf::from("/fuzz/main.pejl");
    let mut parser = pejl::ide::IncrementalParser::new();
    let first = parser.analyze(&path, &One(old.to_string()), None);
    let incremental = parser.analyze(&path, &One(new.clone()), Some(first));
    let full = pejl::analyze(&path, &One(new));
    assert_eq!(
        format!("{:?}", incremental.files[0].decls),
        format!("{:?}", full.files[0].decls)
    );
    assert_eq!(incremental.files[0].comments, full.files[0].comments);
    assert_eq!(incremental.diagnostics, full.diagnostics);
});
