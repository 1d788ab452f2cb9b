//! `pejl diff`: the Dorotea example against its "v2" (a target raised, a threshold of its rule
//! changed, a goal moved under another parent, a goal renamed) as goldens in the three
//! formats; with the sample data, exactly the statuses that change, computed by hand from the
//! rule; versions that mean the same (identical, reformatted, split into files); git
//! revisions with includes; folders; the JSON against its schema; usage errors.

mod common;

use common::{pejl, stdout, workspace};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const OLD: &str = "examples/dorotea.pejl";
const NEW: &str = "tests/fixtures/diff/dorotea-v2.pejl";
const DATA: &str = "examples/data/dorotea.csv";
const SAME: &str =
    "The two versions mean the same: no goal, rule or other declaration differs in meaning.\n";

fn here() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn diff(args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    let out = pejl(&all, here());
    (out.status.code(), stdout(&out), common::stderr(&out))
}

#[test]
fn dorotea_v2_goldens() {
    for (format, name) in [("human", "human"), ("md", "md"), ("json", "json")] {
        let (code, out, err) = diff(&[OLD, NEW, "--format", format]);
        assert_eq!(code, Some(1), "{err}");
        insta::assert_snapshot!(format!("dorotea_v2_{name}"), out);
    }
    let (code, out, err) = diff(&[OLD, NEW, "--data", DATA]);
    assert_eq!(code, Some(1), "{err}");
    insta::assert_snapshot!("dorotea_v2_human_data", out);
}

/// The four changes, each where it belongs.
#[test]
fn dorotea_v2_changes() {
    let (_, out, _) = diff(&[OLD, NEW, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let policy = &json["policies"][0];
    let goal = |id: &str| {
        policy["goals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id)
            .unwrap_or_else(|| panic!("no change of {id}"))
            .clone()
    };
    assert_eq!(json["same"], false);
    // The target raised, and what it does with the new threshold in the years without a
    // milestone.
    let nki = goal("nki");
    assert_eq!(nki["fields"][0]["field"], "target");
    assert_eq!(nki["fields"][0]["old"], "75 by 2026");
    assert_eq!(nki["fields"][0]["new"], "78 by 2026");
    // The renamed goal.
    let renamed = goal("e_tjanster_okning");
    assert_eq!(renamed["change"], "renamed");
    assert_eq!(renamed["old_id"], "e_tjanster_fler");
    // The moved goal.
    let moved = goal("nojda_sarskilt");
    assert_eq!(moved["fields"][0]["field"], "parents");
    assert!(moved["fields"][0]["old"]
        .as_str()
        .unwrap()
        .starts_with("`aldreomsorg`"));
    assert!(moved["fields"][0]["new"]
        .as_str()
        .unwrap()
        .starts_with("`trygghet`"));
    // The threshold: the rule's band, and its effect for a goal whose only change it is.
    let rule = policy["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "rule")
        .unwrap();
    assert_eq!(rule["id"], "trafikljus");
    assert_eq!(rule["fields"][0]["field"], "band 2");
    assert_eq!(
        rule["fields"][0]["new"],
        "yellow when within 5% of benchmark"
    );
    let inflytande = goal("inflytande");
    let changes = &inflytande["effect"]["periods"][0]["changes"];
    assert_eq!(
        changes[0]["text"],
        "values below 40 and from 90% up to but not including 95% of the county average go from yellow to red"
    );
    assert_eq!(changes.as_array().unwrap().len(), 1);
    // No goal that uses `malvarde` changes; nothing but the four changes is listed.
    for id in [
        "kurser_lokalt",
        "samverkan_avtal",
        "naringsliv",
        "dorotea2040",
    ] {
        assert!(
            !policy["goals"]
                .as_array()
                .unwrap()
                .iter()
                .any(|g| g["id"] == id),
            "{id}"
        );
    }
    assert_eq!(policy["declarations"].as_array().unwrap().len(), 1);
}

/// With the sample data, exactly the statuses worked out by hand from the rule
/// (`trafikljus`: green when meets target or meets benchmark, yellow when within 10% — now
/// 5% — of benchmark, red otherwise; `majority` for the strategic goals). The period is
/// 2024..2027, so of the data's years only 2024 is evaluated.
///
/// Annual 2024 (outcomes):
/// - `sjukfranvaro_ned` (lower is better, target 7): 8.1 against the county's 7.4; old yellow
///   (8.1 ≤ 7.4 × 1.10 = 8.14), new red (8.1 > 7.4 × 1.05 = 7.77).
/// - `inflytande` (target 40): 38 against 41; old yellow (38 ≥ 36.9), new red (38 < 38.95).
/// - `nojda_sarskilt` (target 86): 78 against 82: yellow both (78 ≥ 77.9). It moves under
///   `trygghet`, whose only child was `trygga_invanare` (missing, grey): `trygghet` goes from
///   grey (all grey) to yellow (1 yellow, 1 grey: share green 0, share red 0); `aldreomsorg`
///   keeps green (`nojda_hemtjanst` 93 ≥ target 92).
/// - `arbetsgivare` (only child `sjukfranvaro_ned`) and `dialog` (only `inflytande`): yellow
///   to red (share red 100 % > 50 %).
/// - Unchanged: `nki` (72 meets the milestone 71: the raised target is not 2024's), `behorighet`
///   (84.5 ≥ 83.0), `e_tjanster_okning` (15 < 0.95 × 22.4: red both, renamed), `miljobilar`
///   (43 ≥ 40), `aktiva_unga` (19 < 21.6: red both), `nojda_hemtjanst`, the missing values
///   (grey), `malvarde`'s goals.
///
/// Interim 2024 (forecasts; every goal is followed up in both reports): `sjukfranvaro_ned` 8.0
/// against 7.5: yellow (≤ 8.25) to red (> 7.875), so `arbetsgivare` yellow to red; `inflytande`
/// 38 against 41: yellow (≥ 36.9) to red (< 38.95), so `dialog` yellow to red. `nojda_sarskilt`
/// (no forecast: grey) joins `trygga_invanare` (no forecast: grey) under `trygghet`: grey before
/// and after. `aldreomsorg` stays green (`nojda_hemtjanst` 92 meets its target 92).
#[test]
fn dorotea_v2_past_statuses_are_the_hand_computed_ones() {
    let (code, out, err) = diff(&[OLD, NEW, "--data", DATA, "--format", "json"]);
    assert_eq!(code, Some(1), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let statuses = &json["policies"][0]["statuses"];
    let found: BTreeSet<(String, i64, String, String, String)> = statuses["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let status =
                |side: &serde_json::Value| side["status"].as_str().unwrap_or("none").to_string();
            (
                c["report"].as_str().unwrap().to_string(),
                c["year"].as_i64().unwrap(),
                c["goal"].as_str().unwrap().to_string(),
                status(&c["old"]),
                status(&c["new"]),
            )
        })
        .collect();
    let expected: BTreeSet<(String, i64, String, String, String)> = [
        ("annual", "sjukfranvaro_ned", "yellow", "red"),
        ("annual", "inflytande", "yellow", "red"),
        ("annual", "arbetsgivare", "yellow", "red"),
        ("annual", "dialog", "yellow", "red"),
        ("annual", "trygghet", "grey", "yellow"),
        ("interim", "sjukfranvaro_ned", "yellow", "red"),
        ("interim", "arbetsgivare", "yellow", "red"),
        ("interim", "inflytande", "yellow", "red"),
        ("interim", "dialog", "yellow", "red"),
    ]
    .into_iter()
    .map(|(r, g, a, b)| (r.into(), 2024, g.into(), a.into(), b.into()))
    .collect();
    assert_eq!(found, expected);
    // Both explanations, in the policy's language.
    let sjuk = statuses["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["report"] == "annual" && c["goal"] == "sjukfranvaro_ned")
        .unwrap();
    assert_eq!(
        sjuk["old"]["explanation"],
        "gul: 8,1 ligger inom 10 % av länssnittet 7,4"
    );
    assert!(sjuk["new"]["explanation"]
        .as_str()
        .unwrap()
        .contains("mer än 5 % över länssnittet 7,4"));
    let evaluated: Vec<(String, i64)> = statuses["evaluated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["report"].as_str().unwrap().into(),
                e["year"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        evaluated,
        [("interim".to_string(), 2024), ("annual".to_string(), 2024)]
    );
}

#[test]
fn versions_that_mean_the_same() {
    // Identical.
    let (code, out, err) = diff(&[OLD, OLD]);
    assert_eq!((code, out.as_str()), (Some(0), SAME), "{err}");
    // Reformatted, comments changed, declarations reordered, and split into two files.
    let text = std::fs::read_to_string(here().join(OLD)).unwrap();
    let messy = text
        .replace(
            "  under naringsliv\n",
            "  under      naringsliv // flyttat?\n",
        )
        .replace(
            "// Målkedjan: vision → målområden → strategiska mål → verksamhetsmål.\n",
            "",
        )
        .replace(
            "  målvärde 75 senast 2026\n",
            "  målvärde 75 senast 2026 // höjs 2025?\n",
        )
        .replace('\n', "\r\n");
    let rules_at = text.find("// Grön-Gul-Röd-Grå").unwrap();
    let (body, rules) = text.split_at(rules_at);
    let main = format!("{rules}\ninclude \"mal.pejl\"\n");
    let (_dir, root) = workspace(&[
        ("messy.pejl", &messy),
        ("split/main.pejl", &main),
        ("split/mal.pejl", body),
    ]);
    for other in ["messy.pejl", "split/main.pejl"] {
        let other = root.join(other);
        let other = other.to_str().unwrap();
        let (code, out, err) = diff(&[OLD, other]);
        assert_eq!((code, out.as_str()), (Some(0), SAME), "{other}: {err}");
        let (code, out, _) = diff(&[other, OLD, "--format", "json"]);
        assert_eq!(code, Some(0));
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["same"], true);
        let (code, out, _) = diff(&[OLD, other, "--data", DATA]);
        assert_eq!((code, out.as_str()), (Some(0), SAME));
    }
    // A folder against itself.
    let (code, out, _) = diff(&["examples", "examples"]);
    assert_eq!((code, out.as_str()), (Some(0), SAME));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=pejl", "-c", "user.email=pejl@example.org"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// `git:REV:PATH` reads the file and its includes from the revision, not from the disk.
#[test]
fn git_revisions_with_includes() {
    let policy = common::VALID.replace(
        "rule r \"Regel\" {\n  green when meets target\n  red   otherwise\n  grey  when missing\n}\n",
        "include \"regler/regel.pejl\"\n",
    );
    let rule = "rule r \"Regel\" {\n  green when meets target\n  red   otherwise\n  grey  when missing\n}\n";
    let (_dir, root) = workspace(&[("p.pejl", &policy), ("regler/regel.pejl", rule)]);
    git(&root, &["init", "-q"]);
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "v1"]);
    let run = |args: &[&str]| {
        let mut all = vec!["diff"];
        all.extend_from_slice(args);
        let out = pejl(&all, &root);
        (out.status.code(), stdout(&out), common::stderr(&out))
    };
    // The working tree as committed.
    let (code, out, err) = run(&["git:HEAD:p.pejl", "p.pejl"]);
    assert_eq!((code, out.as_str()), (Some(0), SAME), "{err}");
    // The included rule changes on disk: the revision keeps the old one.
    std::fs::write(
        root.join("regler/regel.pejl"),
        rule.replace("green when meets target", "green when value >= 55"),
    )
    .unwrap();
    let (code, out, err) = run(&["git:HEAD:p.pejl", "p.pejl"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        out.contains("values from 55 up to but not including 60 go from red to green"),
        "{out}"
    );
    git(&root, &["commit", "-q", "-am", "v2"]);
    // Two revisions; a folder of a revision; a path given from a subfolder.
    let (code, out, _) = run(&["git:HEAD~1:p.pejl", "git:HEAD:p.pejl"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("band 1: `green when meets target` → `green when value >= 55`"));
    let (code, out, _) = run(&["git:HEAD:.", "."]);
    assert_eq!((code, out.as_str()), (Some(0), SAME));
    let sub = root.join("regler");
    let out = pejl(&["diff", "git:HEAD~1:../p.pejl", "../p.pejl"], &sub);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    // Usage errors: no such revision, no such file in it, not a repository.
    let (code, _, err) = run(&["git:nosuchrev:p.pejl", "p.pejl"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("`nosuchrev` is not a commit"), "{err}");
    let (code, _, err) = run(&["git:HEAD:q.pejl", "p.pejl"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("there is no `q.pejl` in this revision"),
        "{err}"
    );
    let (_other, elsewhere) = workspace(&[("p.pejl", common::VALID)]);
    let out = pejl(&["diff", "git:HEAD:p.pejl", "p.pejl"], &elsewhere);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("is not in a git repository"));
}

#[test]
fn the_json_follows_its_schema() {
    let out = pejl(&["schema", "--diff"], here());
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for args in [
        vec![OLD, NEW, "--format", "json"],
        vec![OLD, NEW, "--format", "json", "--data", DATA],
        vec![OLD, OLD, "--format", "json"],
    ] {
        let (_, out, _) = diff(&args);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(value["format"], "pejl-diff/1");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = diff(&[OLD, "no/such.pejl"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("no such file or folder"), "{err}");
    let (code, _, _) = diff(&[OLD]);
    assert_eq!(code, Some(2));
    let (code, _, err) = diff(&[OLD, NEW, "--data", "no/such.csv"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("is not a file"), "{err}");
    // A version with errors cannot be compared: the errors are shown.
    let broken = common::VALID.replace("measure ind", "measure nosuch");
    let (_dir, root) = workspace(&[("broken.pejl", &broken)]);
    let broken = root.join("broken.pejl");
    let (code, _, err) = diff(&[OLD, broken.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("cannot compare the versions"), "{err}");
    assert!(err.contains("nosuch"), "{err}");
}

/// Policies in folders are paired by their IDs, whatever their files are called.
#[test]
fn folders_pair_policies_by_id() {
    let old = std::fs::read_to_string(here().join(OLD)).unwrap();
    let new = std::fs::read_to_string(here().join(NEW)).unwrap();
    let (_dir, root) = workspace(&[
        ("old/dorotea.pejl", &old),
        ("old/p.pejl", common::VALID),
        ("new/kommun.pejl", &new),
        ("new/p.pejl", common::VALID),
    ]);
    let out = pejl(&["diff", "old", "new", "--format", "json"], &root);
    assert_eq!(out.status.code(), Some(1), "{}", common::stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let policies = json["policies"].as_array().unwrap();
    assert_eq!(policies.len(), 2);
    let dorotea = policies.iter().find(|p| p["policy"] == "dorotea").unwrap();
    assert_eq!(dorotea["old_file"], "old/dorotea.pejl");
    assert_eq!(dorotea["new_file"], "new/kommun.pejl");
    let p = policies.iter().find(|p| p["policy"] == "p").unwrap();
    assert_eq!(p["goals"].as_array().unwrap().len(), 0);
}

/// A rollup written differently that gives the same statuses is a note, not a difference; a
/// changed threshold lists the combinations whose status changes (Dorotea's strategic goals
/// have one or two children).
#[test]
fn rollup_changes_by_combination() {
    let text = std::fs::read_to_string(here().join(OLD)).unwrap();
    let band = "  green  när andel green >= 50%\n";
    assert!(text.contains(band));
    let same = text.replace(band, "  green  när andel green >= 50% eller alla green\n");
    let stricter = text.replace(band, "  green  när andel green > 50%\n");
    let (_dir, root) = workspace(&[("same.pejl", &same), ("stricter.pejl", &stricter)]);
    let path = |name: &str| root.join(name).to_str().unwrap().to_string();
    let (code, out, _) = diff(&[OLD, &path("same.pejl")]);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        format!("Note: rollup `majority` is written differently, but it gives every goal assessed by it the same status for every combination of its children's statuses (up to 2 children, the most such a goal has).\n{SAME}")
    );
    let (code, out, _) = diff(&[OLD, &path("stricter.pejl")]);
    assert_eq!(code, Some(1));
    let combinations: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("assessed children,"))
        .map(str::trim)
        .collect();
    assert_eq!(
        combinations,
        [
            "- with 2 assessed children, 1 green and 1 yellow: green → yellow",
            "- with 2 assessed children, 1 green and 1 red: green → yellow",
            "- with 2 assessed children, 1 green and 1 grey: green → yellow",
        ]
    );
}
