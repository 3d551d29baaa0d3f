//! What a user sees: snapshots of the human report for each fixture.

mod common;

#[test]
fn human_output_for_each_fixture() {
    insta::glob!("fixtures/*.toml", |path| {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 file name");
        let report = common::check(&format!("tests/fixtures/{name}"));
        insta::assert_snapshot!(common::human(&report));
    });
}

#[test]
fn the_clean_example_reports_nothing() {
    let report = common::check("arrangements/example/northmoor.toml");
    insta::assert_snapshot!(common::human(&report), @"checked 1 file: no problems found");
}
