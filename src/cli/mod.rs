//! The command-line interface (behind the default `cli` feature).
//!
//! Exit codes: 0 no errors (warnings allowed unless `--deny-warnings`); 1 at least one
//! error-level finding; 2 masa could not run (bad arguments, unreadable path).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::lints::ProjectLints;
use crate::report::{human, json};
use crate::rules::docs;
use crate::{Day, Options, Report};

/// Arrangements-as-code validator for England's multi-agency safeguarding arrangements.
#[derive(Debug, Parser)]
#[command(name = "masa", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check arrangement files against the statutory requirements.
    Check(CheckArgs),
    /// Print the JSON Schema of the arrangements file format.
    Schema,
    /// List the rules: id, default severity, summary (and citation in JSON).
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Explain a rule: what it checks, why it matters, an example, and its source.
    Explain {
        /// The rule id, e.g. funding-total.
        rule: String,
    },
    /// Run the language server (Language Server Protocol over stdin and stdout), for editors.
    #[cfg(feature = "server")]
    Server,
    /// Write a starter arrangements file with every section and placeholders to fill in.
    Init {
        /// Where to write it (default: arrangements/<area>.toml). An existing file is never
        /// overwritten.
        path: Option<PathBuf>,
        /// The area's name, e.g. "Bedford Borough".
        #[arg(long, default_value = "Example")]
        area: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
    Markdown,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files or directories to check (directories are searched for *.toml). Default: arrangements/
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colour in human output (NO_COLOR is respected in `auto`).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print only warnings and errors, without the summary.
    #[arg(long, short)]
    quiet: bool,
    /// Fail (exit 1) on warnings as well as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// The date to judge date-dependent rules against, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_day)]
    today: Option<Day>,
    /// Project configuration with lint levels (default: masa.toml in the current directory, if any).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = crate::load::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: usize,
    /// Apply the safe fixes of the findings to the files checked (atomically, comments and
    /// layout kept), then report what remains.
    #[arg(long)]
    fix: bool,
    /// Print the changes the fixes would make, as a unified diff, and write nothing (exit 1 if
    /// there is anything to fix).
    #[arg(long)]
    diff: bool,
    /// With --fix or --diff, apply the unsafe fixes too (such as moving `guidance_edition` to
    /// the edition in force, which claims the review was done).
    #[arg(long)]
    unsafe_fixes: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// For people: each finding with the lines it concerns.
    Human,
    /// For programs: versioned JSON (files, diagnostics, summary).
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_day(s: &str) -> Result<Day, String> {
    s.parse::<Day>()
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap uses 2 for usage errors and 0 for --help/--version.
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Check(args) => check(args),
        Command::Schema => print_out(&crate::model::schema::arrangements_schema_text())
            .unwrap_or(ExitCode::SUCCESS),
        Command::Rules { format } => {
            let rules = crate::rules::catalog();
            let failed = print_out(&match format {
                RulesFormat::Human => docs::table(&rules),
                RulesFormat::Json => {
                    let mut text =
                        serde_json::to_string_pretty(&docs::rows(&rules)).unwrap_or_default();
                    text.push('\n');
                    text
                }
                RulesFormat::Markdown => docs::markdown(&rules),
            });
            failed.unwrap_or(ExitCode::SUCCESS)
        }
        Command::Init { path, area } => init(path, &area),
        #[cfg(feature = "server")]
        Command::Server => crate::server::run(),
        Command::Explain { rule } => match crate::rules::find(&rule) {
            Some(r) => print_out(&docs::explain(r.meta())).unwrap_or(ExitCode::SUCCESS),
            None if crate::diag::Check::from_id(&rule).is_some() => {
                let check = crate::diag::Check::from_id(&rule).expect("checked above");
                print_out(&docs::explain_check(check)).unwrap_or(ExitCode::SUCCESS)
            }
            None => {
                let ids: Vec<&str> = crate::rules::catalog()
                    .iter()
                    .map(|r| r.meta().id)
                    .chain(crate::diag::Check::ALL.iter().map(|c| c.id()))
                    .collect();
                match crate::diag::suggest(&rule, ids.iter().copied()) {
                    Some(s) => eprintln!(
                        "masa: there is no rule `{rule}`; did you mean `{s}`? (`masa rules` lists them all)"
                    ),
                    None => {
                        eprintln!("masa: there is no rule `{rule}` (`masa rules` lists them all)")
                    }
                }
                ExitCode::from(2)
            }
        },
    }
}

fn init(path: Option<PathBuf>, area: &str) -> ExitCode {
    if let Err(why) = crate::init::check_area(area) {
        eprintln!(
            "masa: {why}; give the area's name as it is written, e.g. --area \"Bedford Borough\""
        );
        return ExitCode::from(2);
    }
    let path = path.unwrap_or_else(|| {
        PathBuf::from("arrangements").join(format!("{}.toml", crate::init::slug(area)))
    });
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    if let Err(e) = std::fs::create_dir_all(parent) {
        eprintln!(
            "masa: cannot create `{}`: {}",
            parent.display(),
            crate::describe_io(&e)
        );
        return ExitCode::from(2);
    }
    // The `#:schema` line, if the project keeps the schema where masa's own layout does.
    let schema = std::path::Path::new(crate::model::schema::SCHEMA_PATH);
    let relative = match (schema.canonicalize(), parent.canonicalize()) {
        (Ok(schema), Ok(dir)) => Some(
            crate::init::relative_path(&dir, &schema)
                .to_string_lossy()
                .replace('\\', "/"),
        ),
        _ => None,
    };
    let text = crate::init::starter(area, relative.as_deref());
    // create_new: an existing file is never overwritten, even if it appears meanwhile.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    match written {
        Ok(()) => print_out(&format!(
            "wrote {}: fill in each TODO, then run `masa check {}`\n",
            path.display(),
            path.display()
        ))
        .unwrap_or(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "masa: `{}` already exists; masa init never overwrites a file (give another path)",
                path.display()
            );
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!(
                "masa: cannot write `{}`: {}",
                path.display(),
                crate::describe_io(&e)
            );
            ExitCode::from(2)
        }
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        let default = PathBuf::from("arrangements");
        if !default.is_dir() {
            eprintln!(
                "masa: no path given and there is no `arrangements/` directory here; give the files or directories to check"
            );
            return ExitCode::from(2);
        }
        vec![default]
    } else {
        args.paths.clone()
    };
    let lints = match load_config(args.config.as_deref()) {
        Ok(lints) => lints,
        Err(message) => {
            eprintln!("masa: {message}");
            return ExitCode::from(2);
        }
    };
    let options = Options {
        today: args.today.unwrap_or_else(Day::today_utc),
        max_file_size: args.max_file_size,
        lints,
        ..Options::default()
    };
    if args.fix || args.diff {
        let mode = crate::fix::FixMode {
            unsafe_fixes: args.unsafe_fixes,
        };
        match fix_files(&paths, &options, mode, args.diff) {
            Err(code) => return code,
            Ok(true) if args.diff => return ExitCode::from(1),
            Ok(_) if args.diff => return ExitCode::SUCCESS,
            Ok(_) => {}
        }
    } else if args.unsafe_fixes {
        eprintln!("masa: --unsafe-fixes applies only with --fix or --diff");
        return ExitCode::from(2);
    }
    let report = crate::check_paths(&paths, &options);
    let failed = match args.format {
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                        && std::io::stdout().is_terminal()
                }
            };
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(100);
            let options = human::HumanOptions {
                color,
                unicode: true,
                width,
                quiet: args.quiet,
            };
            let failed = print_out(&human::render(&report, &options));
            for (path, reason) in &report.unreadable {
                eprintln!("masa: cannot check `{path}`: {reason}");
            }
            if !args.fix && !args.quiet {
                fixable_hint(&report);
            }
            failed
        }
        Format::Json => print_out(&json::render(&report)),
        Format::Sarif => print_out(&crate::report::sarif::render(&report, &options.rules)),
        Format::Github => print_out(&crate::report::github::render(&report)),
    };
    failed.unwrap_or_else(|| exit_code(&report, args.deny_warnings))
}

/// Fixes every file under `paths`: writes each changed file atomically, or (with `diff`)
/// prints what would change. Says on stderr what was fixed and what unsafe fixes are left.
/// Returns whether anything changed (or would), or the exit code of a failure.
fn fix_files(
    paths: &[PathBuf],
    options: &Options,
    mode: crate::fix::FixMode,
    diff: bool,
) -> Result<bool, ExitCode> {
    const BOM: &str = "\u{FEFF}";
    let (files, unreadable) = crate::discover(paths);
    // With --fix the check that follows reports them; --diff stops here.
    if diff {
        for (path, reason) in &unreadable {
            eprintln!("masa: cannot check `{path}`: {reason}");
        }
    }
    let mut changed_any = false;
    let (mut fixes, mut unsafe_left, mut files_changed) = (0, 0, 0);
    let mut diffs = String::new();
    for path in &files {
        let name = path.display().to_string();
        let bytes = match crate::check::read_regular_file(path, options.max_file_size) {
            Ok(crate::check::Read::Bytes(bytes)) => bytes,
            // Too large or unreadable: the check that follows reports it.
            _ => continue,
        };
        let Ok(text) = crate::load::decode(&bytes) else {
            continue;
        };
        let bom = if bytes.starts_with(BOM.as_bytes()) {
            BOM
        } else {
            ""
        };
        let fixed = crate::fix::fix_text(&name, text, options, mode);
        unsafe_left += fixed.unsafe_left;
        if !fixed.changed(text) {
            continue;
        }
        changed_any = true;
        files_changed += 1;
        fixes += fixed.applied.len();
        if diff {
            diffs.push_str(&crate::fix::unified_diff(&name, text, &fixed.text));
            continue;
        }
        if let Err(e) = crate::fix::write_atomically(path, &format!("{bom}{}", fixed.text)) {
            eprintln!(
                "masa: cannot write the fixes to `{name}`: {}",
                crate::describe_io(&e)
            );
            return Err(ExitCode::from(2));
        }
        let what: Vec<String> = fixed
            .applied
            .iter()
            .map(|a| format!("{} ({})", a.title, a.rule))
            .collect();
        eprintln!("masa: fixed {name}: {}", what.join("; "));
    }
    if diff {
        if let Some(code) = print_out(&diffs) {
            return Err(code);
        }
    }
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            format!("{n} {many}")
        }
    };
    let verb = if diff { "would apply" } else { "applied" };
    if fixes > 0 {
        eprintln!(
            "masa: {verb} {} in {}",
            plural(fixes, "1 fix", "fixes"),
            plural(files_changed, "1 file", "files")
        );
    } else {
        eprintln!("masa: nothing to fix");
    }
    if unsafe_left > 0 {
        eprintln!(
            "masa: {} available with --unsafe-fixes",
            plural(unsafe_left, "1 more fix is", "more fixes are")
        );
    }
    // A path that could not be read: masa could not do what was asked (exit 2, as `check`).
    if diff && !unreadable.is_empty() {
        return Err(ExitCode::from(2));
    }
    Ok(changed_any)
}

/// Says on stderr how many findings `--fix` (and `--unsafe-fixes`) would mend.
fn fixable_hint(report: &Report) {
    let (mut safe, mut unsafe_) = (0, 0);
    for d in report.files.iter().flat_map(|f| &f.diagnostics) {
        match d.fix.as_ref().map(|f| f.applicability) {
            Some(crate::diag::Applicability::Safe) => safe += 1,
            Some(crate::diag::Applicability::Unsafe) => unsafe_ += 1,
            None => {}
        }
    }
    let findings = |n: usize| {
        if n == 1 {
            "1 finding".to_owned()
        } else {
            format!("{n} findings")
        }
    };
    match (safe, unsafe_) {
        (0, 0) => {}
        (0, u) => eprintln!(
            "masa: {} can be fixed with `masa check --fix --unsafe-fixes` (review the changes: `--diff` shows them)",
            findings(u)
        ),
        (s, 0) => eprintln!("masa: {} can be fixed with `masa check --fix`", findings(s)),
        (s, u) => eprintln!(
            "masa: {} can be fixed with `masa check --fix`, and {} more with `--unsafe-fixes` (review those: `--diff` shows them)",
            findings(s),
            u
        ),
    }
}

/// Reads the project configuration: the file given, or `masa.toml` here if there is one.
fn load_config(path: Option<&std::path::Path>) -> Result<ProjectLints, String> {
    let default = std::path::Path::new(crate::lints::CONFIG_FILE);
    let path = match path {
        Some(p) => p,
        None if default.is_file() => default,
        None => return Ok(ProjectLints::default()),
    };
    let cannot = |why: String| format!("cannot read the configuration `{}`: {why}", path.display());
    let bytes = match crate::check::read_regular_file(path, crate::load::DEFAULT_MAX_FILE_SIZE) {
        Ok(crate::check::Read::Bytes(bytes)) => bytes,
        Ok(crate::check::Read::TooLarge(_)) => {
            return Err(cannot(format!(
                "it is more than {} bytes",
                crate::load::DEFAULT_MAX_FILE_SIZE
            )));
        }
        Err(e) => return Err(cannot(crate::describe_io(&e))),
    };
    let text = String::from_utf8(bytes).map_err(|_| cannot("it is not UTF-8 text".into()))?;
    ProjectLints::parse(&text, &crate::rules::catalog())
        .map_err(|e| format!("invalid configuration `{}`: {e}", path.display()))
}

fn exit_code(report: &Report, deny_warnings: bool) -> ExitCode {
    let summary = report.summary();
    if summary.unreadable > 0 {
        ExitCode::from(2)
    } else if summary.errors > 0 || (deny_warnings && summary.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes to stdout. A closed pipe (`masa check | head -1`) is not an error: the reader has
/// what it wanted. Any other failure (a full disk, a device error) is: the report is lost, so
/// masa says so and returns exit code 2, rather than leave an empty or cut report behind an
/// exit code that passes.
#[must_use]
fn print_out(text: &str) -> Option<ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => None,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => None,
        Err(e) => {
            eprintln!("masa: cannot write the report: {}", crate::describe_io(&e));
            Some(ExitCode::from(2))
        }
    }
}
