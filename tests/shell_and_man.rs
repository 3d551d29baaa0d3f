//! The conventions of a command-line tool: shell completions and manual pages generated from
//! the same clap definition as the command line, and a version that says how current the law
//! masa carries is. The tests walk clap's own list of subcommands and options, so a subcommand
//! or option added later is covered with no change here.

mod common;

use assert_cmd::Command;

fn masa() -> Command {
    let mut cmd = Command::cargo_bin("masa").expect("binary built");
    cmd.current_dir(common::root());
    cmd
}

fn run(args: &[&str]) -> String {
    let out = masa().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "masa {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Each subcommand's name and its long options (`--format`, …), from clap's definition.
fn subcommands() -> Vec<(String, Vec<String>)> {
    let cmd = masa::cli::command();
    let subs: Vec<(String, Vec<String>)> = cmd
        .get_subcommands()
        .map(|s| {
            (
                s.get_name().to_owned(),
                s.get_arguments()
                    .filter(|a| !a.is_hide_set())
                    .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                    .collect(),
            )
        })
        .collect();
    assert!(
        subs.iter().any(|(n, _)| n == "check") && subs.iter().any(|(n, _)| n == "man"),
        "{subs:?}"
    );
    subs
}

const SHELLS: &[&str] = &["bash", "zsh", "fish", "powershell", "elvish"];

#[test]
fn completions_name_every_subcommand_and_option_in_every_shell() {
    let subs = subcommands();
    for shell in SHELLS {
        let script = run(&["completions", shell]);
        for (name, options) in &subs {
            assert!(script.contains(name.as_str()), "{shell}: no `{name}`");
            for option in options {
                // fish writes `-l color` for --color.
                let written = match *shell {
                    "fish" => format!("-l {}", &option[2..]),
                    _ => option.clone(),
                };
                assert!(
                    script.contains(&written),
                    "{shell}: no `{written}` for `{name}`"
                );
            }
        }
    }
    masa().args(["completions", "tcsh"]).assert().code(2);
}

/// The bash script, sourced in a real bash, completes `masa <TAB>` to every subcommand and
/// `masa check --<TAB>` to every option of check.
#[test]
fn bash_completes_subcommands_and_options() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("bash is not installed; skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("masa.bash");
    std::fs::write(&script, run(&["completions", "bash"])).unwrap();
    let complete = |words: &str| -> Vec<String> {
        let program = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}; _masa masa \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = std::process::Command::new("bash")
            .args(["--norc", "--noprofile", "-c", &program])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    };
    let top = complete("masa ''");
    for (name, _) in subcommands() {
        assert!(top.contains(&name), "masa <TAB> lacks {name}: {top:?}");
    }
    for (name, options) in subcommands() {
        let offered = complete(&format!("masa {name} --"));
        for option in options {
            assert!(
                offered.contains(&option),
                "masa {name} --<TAB> lacks {option}: {offered:?}"
            );
        }
    }
}

#[test]
fn the_manual_has_a_page_for_masa_and_for_every_subcommand() {
    // roff escapes hyphens in text.
    let roff = |s: &str| s.replace('-', "\\-");
    let main = run(&["man"]);
    assert!(main.contains(".TH masa 1"), "{main}");
    assert!(main.contains(&format!("rules as of {}", masa::rules::data::AS_OF)));
    for (name, options) in subcommands() {
        assert!(
            main.contains(&roff(&format!("masa-{name}(1)"))),
            "masa(1) does not refer to masa-{name}(1)"
        );
        let page = run(&["man", &name]);
        assert!(
            page.contains(&format!(".TH masa-{name} 1")),
            "masa man {name}: {page}"
        );
        for option in options {
            assert!(
                page.contains(&roff(&option)),
                "masa-{name}(1) lacks {option}"
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    masa()
        .args(["man", "--output"])
        .arg(dir.path())
        .assert()
        .code(0);
    assert!(dir.path().join("masa.1").is_file());
    for (name, _) in subcommands() {
        let written = std::fs::read_to_string(dir.path().join(format!("masa-{name}.1")))
            .unwrap_or_else(|e| panic!("masa-{name}.1: {e}"));
        assert_eq!(written, run(&["man", &name]), "masa-{name}.1");
    }
    masa()
        .args(["man", "no-such-command"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no command `no-such-command`"));
}

/// `masa --version` says the date of the newest fact in the law and registry data, as a walk
/// over the parsed data finds it (not a date written into the code).
#[test]
fn the_version_says_how_current_the_rules_are() {
    let newest = masa::rules::data::newest_date().expect("the data holds dates");
    let expected = format!(
        "masa {} (rules as of {newest})\n",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(run(&["--version"]), expected);
    assert_eq!(run(&["-V"]), expected);
}
