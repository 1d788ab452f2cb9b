//! Times each front-end phase on one policy file and prints peak memory after each.

fn hwm() -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
        .collect::<Vec<_>>()
        .join(" ")
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    eprintln!(
        "{} size_of Decl {} Goal {} Span {}",
        hwm(),
        std::mem::size_of::<pejl::syntax::ast::Decl>(),
        std::mem::size_of::<pejl::syntax::ast::Goal>(),
        std::mem::size_of::<pejl::Span>()
    );
    let t = std::time::Instant::now();
    let (file, diags) = pejl::syntax::parse_file(pejl::FileId(0), &text);
    eprintln!("{}", hwm());
    eprintln!(
        "parse {:?} decls {} diags {}",
        t.elapsed(),
        file.decls.len(),
        diags.len()
    );
    let t = std::time::Instant::now();
    let files = vec![file];
    let m = pejl::model::Model::build(&files);
    eprintln!("{}", hwm());
    eprintln!("model {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let (s, d) = pejl::model::resolve(&files, &m);
    eprintln!("{}", hwm());
    eprintln!("resolve {:?} {} {}", t.elapsed(), s.symbols.len(), d.len());
    let t = std::time::Instant::now();
    let d = pejl::checks::run(&m);
    for (name, f) in [
        (
            "  chain",
            pejl::checks::chain::check as fn(&pejl::model::Model) -> Vec<pejl::Diagnostic>,
        ),
        ("  rules", pejl::checks::rules::check),
        ("  rollups", pejl::checks::rollups::check),
        ("  smart", pejl::checks::smart::check),
        ("  reports", pejl::checks::reports::check),
        ("  tests", pejl::checks::test_decls::check),
        ("  activities", pejl::checks::activities::check),
    ] {
        let t = std::time::Instant::now();
        let n = f(&m).len();
        eprintln!("{name} {:?} {n}", t.elapsed());
    }
    eprintln!("{}", hwm());
    eprintln!("checks {:?} {}", t.elapsed(), d.len());
    let t = std::time::Instant::now();
    let lexemes = pejl::syntax::text::scan(&text);
    eprintln!("scan {:?} {}", t.elapsed(), lexemes.len());
}
