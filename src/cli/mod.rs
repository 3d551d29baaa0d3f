//! The command-line interface (behind the default `cli` feature).
//!
//! Exit codes: 0 no errors (warnings allowed unless `--deny-warnings`); 1 at least one
//! error-level finding; 2 masa could not run (bad arguments, unreadable path).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod conventions;

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
    /// Write a starter arrangements file with every section and placeholders to fill in.
    Init {
        /// Where to write it (default: arrangements/<area>.toml). An existing file is never
        /// overwritten.
        path: Option<PathBuf>,
        /// The area's name, e.g. "Bedford Borough".
        #[arg(long, default_value = "Example")]
        area: String,
        /// The day the file is written, YYYY-MM-DD (default: today): it decides the edition
        /// of Working Together the starter follows.
        #[arg(long, value_parser = parse_day)]
        today: Option<Day>,
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
    /// Files or directories to check (directories are searched for *.toml, with .gitignore
    /// respected), or `-` for standard input. Default: arrangements/
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
    /// Project configuration with lint levels (default: masa.toml in the current directory or
    /// the nearest directory above it that has one).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Refuse files larger than this many bytes.
    #[arg(long, default_value_t = crate::load::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: usize,
    #[command(flatten)]
    conventions: conventions::ConventionArgs,
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
        Command::Init { path, area, today } => {
            init(path, &area, today.unwrap_or_else(Day::today_utc))
        }
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

fn init(path: Option<PathBuf>, area: &str, today: Day) -> ExitCode {
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
    let (relative, schema_note) = schema_for(parent);
    let text = crate::init::starter(area, relative.as_deref(), today);
    // create_new: an existing file is never overwritten, even if it appears meanwhile.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    match written {
        Ok(()) => print_out(&format!(
            "wrote {}{schema_note}: fill in each TODO, then run `masa check {}`\n",
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

/// The `#:schema` path for a new file in `dir`, relative to it (editors resolve it from the
/// file's own directory), and a note for the user if masa wrote the schema.
///
/// A project that keeps the schema where masa's own layout does (`schemas/` in the current
/// directory or a directory above it) is pointed at it; otherwise the schema is written beside
/// the new file (once: an existing `arrangements.schema.json` there is used as it is), so the
/// line works offline and wherever the file is written.
fn schema_for(dir: &std::path::Path) -> (Option<String>, String) {
    let relative = |schema: &std::path::Path| match (schema.canonicalize(), dir.canonicalize()) {
        (Ok(schema), Ok(dir)) => Some(
            crate::init::relative_path(&dir, &schema)
                .to_string_lossy()
                .replace('\\', "/"),
        ),
        _ => None,
    };
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if let Some(project) = here
        .ancestors()
        .map(|dir| dir.join(crate::model::schema::SCHEMA_PATH))
        .find(|p| p.is_file())
    {
        return (relative(&project), String::new());
    }
    let beside = dir.join(crate::init::SCHEMA_BESIDE);
    if beside.is_file() {
        return (
            Some(format!("./{}", crate::init::SCHEMA_BESIDE)),
            String::new(),
        );
    }
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&beside)
        .and_then(|mut f| f.write_all(crate::model::schema::arrangements_schema_text().as_bytes()));
    match written {
        Ok(()) => (
            Some(format!("./{}", crate::init::SCHEMA_BESIDE)),
            format!(
                " and {} (for completion and checking in your editor)",
                beside.display()
            ),
        ),
        Err(_) => (None, String::new()),
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && args.paths.len() > 1 {
        eprintln!("masa: `-` (standard input) cannot be checked together with other paths");
        return ExitCode::from(2);
    }
    if stdin && args.conventions.watch {
        eprintln!("masa: --watch needs files or directories to watch, not standard input");
        return ExitCode::from(2);
    }
    if args.conventions.statistics && matches!(args.format, Format::Sarif | Format::Github) {
        eprintln!("masa: --statistics prints a table (--format human) or a list (--format json)");
        return ExitCode::from(2);
    }
    if args.conventions.watch {
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from("arrangements")]
        } else {
            args.paths.clone()
        };
        let output = args.conventions.output_file.clone();
        return conventions::watch(&paths, output.as_deref(), || check_once(&args));
    }
    check_once(&args)
}

fn check_once(args: &CheckArgs) -> ExitCode {
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
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
    // `masa.toml` is looked for from the current directory, or from the directory of the file
    // standard input stands for.
    let config_from = match (&args.conventions.stdin_filename, stdin) {
        (Some(name), true) => name
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), std::path::Path::to_path_buf),
        _ => PathBuf::from("."),
    };
    let lints = match load_config(args.config.as_deref(), &config_from) {
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
    let report = if stdin {
        let name = args
            .conventions
            .stdin_filename
            .as_ref()
            .map_or_else(|| "<stdin>".to_owned(), |p| p.display().to_string());
        let bytes = match conventions::read_stdin(args.max_file_size) {
            Ok(crate::check::Read::Bytes(bytes)) => bytes,
            Ok(crate::check::Read::TooLarge(too_large)) => {
                let mut report = Report::default();
                report.files.push(crate::report::FileReport::new(
                    name,
                    String::new(),
                    vec![*too_large],
                ));
                return finish(args, report, &options);
            }
            Err(why) => {
                eprintln!("masa: {why}");
                return ExitCode::from(2);
            }
        };
        crate::check_sources(&[(name.as_str(), &bytes)], &options)
    } else if args.conventions.with_neighbours {
        let mut report = crate::check::check_paths_with(
            &conventions::with_neighbours(&paths),
            &options,
            &args.conventions.walk(),
        );
        conventions::keep_named(&mut report, &paths);
        report
    } else {
        crate::check::check_paths_with(&paths, &options, &args.conventions.walk())
    };
    finish(args, report, &options)
}

/// Renders the report in the format asked for, writes it, and gives the exit code.
fn finish(args: &CheckArgs, report: Report, options: &Options) -> ExitCode {
    let output = args.conventions.output_file.as_deref();
    let emit = |text: &str| conventions::emit(text, output);
    if args.conventions.statistics {
        let failed = match args.format {
            Format::Json => emit(&conventions::statistics_json(&report)),
            _ => emit(&conventions::statistics_table(&report)),
        };
        for (path, reason) in &report.unreadable {
            eprintln!("masa: cannot check `{path}`: {reason}");
        }
        return failed.unwrap_or_else(|| exit_code(&report, args.deny_warnings));
    }
    let failed = match args.format {
        Format::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                        && output.is_none()
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
            let failed = emit(&human::render(&report, &options));
            for (path, reason) in &report.unreadable {
                eprintln!("masa: cannot check `{path}`: {reason}");
            }
            failed
        }
        Format::Json => emit(&json::render(&report)),
        Format::Sarif => emit(&crate::report::sarif::render(&report, &options.rules)),
        Format::Github => emit(&crate::report::github::render(&report)),
    };
    failed.unwrap_or_else(|| exit_code(&report, args.deny_warnings))
}

/// Reads the project configuration: the file given, or `masa.toml` in `from` or the nearest
/// directory above it, if there is one.
fn load_config(
    path: Option<&std::path::Path>,
    from: &std::path::Path,
) -> Result<ProjectLints, String> {
    let found = conventions::find_config(from);
    let path = match (path, &found) {
        (Some(p), _) => p,
        (None, Some(found)) => found.as_path(),
        (None, None) => return Ok(ProjectLints::default()),
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
