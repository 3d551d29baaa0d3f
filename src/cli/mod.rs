//! The command-line interface (behind the default `cli` feature).
//!
//! Exit codes: 0 no errors (warnings allowed unless `--deny-warnings`); 1 at least one
//! error-level finding; 2 masa could not run (bad arguments, unreadable path).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

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
    /// List the rules: id, default severity, summary (and citation in JSON), or write them as
    /// web pages (`--format html --output DIR`).
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// With `--format html`: the directory to write index.html and one page per rule to
        /// (created if needed; pages already there are replaced).
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
    },
    /// Explain a rule: what it checks, why it matters, an example, and its source.
    Explain {
        /// The rule id, e.g. funding-total.
        rule: String,
    },
    /// Render the arrangements as the document to publish: one accessible HTML page (or
    /// Markdown) with the structure chart drawn from the groups.
    Render(RenderArgs),
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
        /// The day the file is written, YYYY-MM-DD (default: today): it decides the edition
        /// of Working Together the starter follows.
        #[arg(long, value_parser = parse_day)]
        today: Option<Day>,
    },
    /// Print a shell completion script (e.g. `masa completions bash > ~/.local/share/bash-completion/completions/masa`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`masa man | man -l -`), or write every page with --output.
    Man {
        /// A subcommand's page (masa-check(1) is `masa man check`) instead of masa(1).
        command: Option<String>,
        /// Write masa.1 and one page per subcommand (masa-check.1, …) into DIR, e.g.
        /// ~/.local/share/man/man1.
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
struct RenderArgs {
    /// The arrangements file to render.
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RenderFormat::Html)]
    format: RenderFormat,
    /// Write to this file, or into this directory (as NAME.html or NAME.md, and for Markdown
    /// the chart as NAME-structure.svg beside it). Default: standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Add a panel listing masa's findings for the document (for review before publishing).
    #[arg(long)]
    with_findings: bool,
    /// Refuse (exit 1) to render a document that has errors.
    #[arg(long)]
    deny_errors: bool,
    /// A directory with your own header.html, footer.html, page.html, page.md, style.css,
    /// theme.css (colours) or logo.svg / logo.png / logo.jpg.
    #[arg(long)]
    template: Option<PathBuf>,
    /// The date to judge date-dependent rules against, YYYY-MM-DD (default: today).
    #[arg(long, value_parser = parse_day)]
    today: Option<Day>,
    /// Project configuration with lint levels (default: masa.toml in the current directory, if any).
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RenderFormat {
    /// One self-contained, accessible HTML page.
    Html,
    /// Markdown, with the structure chart as a nested list.
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
    Markdown,
    /// Static web pages: index.html and one page per rule (needs `--output DIR`).
    Html,
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
    /// Where the rule pages (`masa rules --format html --output DIR`) are published: the https://
    /// or file:// address of that directory. Findings then link to their rule's page. Overrides
    /// `docs-url` in masa.toml. With neither, findings carry no link.
    #[arg(long, value_name = "URL", value_parser = parse_docs_url)]
    docs_url: Option<docs::DocsBase>,
    #[command(flatten)]
    conventions: conventions::ConventionArgs,
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

fn parse_docs_url(s: &str) -> Result<docs::DocsBase, String> {
    docs::DocsBase::parse(s)
}

/// What `masa --version` says: the version, and the date of the newest fact in the law and
/// registry data masa carries (`rules::data::AS_OF`, found by the build script), so that a user
/// can tell whether the law it knows is current.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (rules as of ",
    env!("MASA_RULES_AS_OF"),
    ")"
);

/// The command line's definition (for completions, the manual page, and tests that walk its
/// subcommands).
pub fn command() -> clap::Command {
    Cli::command().version(VERSION).propagate_version(true)
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m))
    {
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
        Command::Rules {
            format: RulesFormat::Html,
            output,
        } => match output {
            Some(dir) => write_pages(&dir),
            None => {
                eprintln!(
                    "masa: --format html writes a directory of pages: give it with --output DIR"
                );
                ExitCode::from(2)
            }
        },
        Command::Rules {
            output: Some(_), ..
        } => {
            eprintln!(
                "masa: --output is for --format html; the other formats print to stdout (redirect it to a file)"
            );
            ExitCode::from(2)
        }
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut command(), "masa", &mut out);
            print_out(&String::from_utf8_lossy(&out)).unwrap_or(ExitCode::SUCCESS)
        }
        Command::Man { command, output } => man(command.as_deref(), output.as_deref()),
        Command::Rules { format, .. } => {
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
                RulesFormat::Html => unreachable!("html is handled above"),
            });
            failed.unwrap_or(ExitCode::SUCCESS)
        }
        Command::Init { path, area, today } => {
            init(path, &area, today.unwrap_or_else(Day::today_utc))
        }
        Command::Render(args) => render(args),
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

/// The command line as clap builds it for help: subcommands named `masa-check` and so on, as
/// their manual pages are.
fn built_command() -> clap::Command {
    let mut cmd = command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// `masa man [COMMAND] [--output DIR]`.
fn man(subcommand: Option<&str>, output: Option<&std::path::Path>) -> ExitCode {
    let cmd = built_command();
    if let Some(dir) = output {
        let written =
            std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cmd, dir));
        return match written {
            Ok(()) => print_out(&format!("wrote the manual pages to {}\n", dir.display()))
                .unwrap_or(ExitCode::SUCCESS),
            Err(e) => {
                eprintln!(
                    "masa: cannot write the manual pages to `{}`: {}",
                    dir.display(),
                    crate::describe_io(&e)
                );
                ExitCode::from(2)
            }
        };
    }
    let page = match subcommand {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
                eprintln!(
                    "masa: there is no command `{name}`; the manual has a page for each of: {}",
                    names.join(", ")
                );
                return ExitCode::from(2);
            }
        },
    };
    let mut out = Vec::new();
    match clap_mangen::Man::new(page).render(&mut out) {
        Ok(()) => print_out(&String::from_utf8_lossy(&out)).unwrap_or(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("masa: cannot make the manual page: {e}");
            ExitCode::from(2)
        }
    }
}

/// `masa rules --format html --output DIR`.
fn write_pages(dir: &std::path::Path) -> ExitCode {
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!(
            "masa: cannot create `{}`: {}",
            dir.display(),
            crate::describe_io(&e)
        );
        return ExitCode::from(2);
    }
    let pages = docs::html_pages(&crate::rules::catalog());
    for (name, html) in &pages {
        let path = dir.join(name);
        if let Err(e) = std::fs::write(&path, html) {
            eprintln!(
                "masa: cannot write `{}`: {}",
                path.display(),
                crate::describe_io(&e)
            );
            return ExitCode::from(2);
        }
    }
    print_out(&format!(
        "wrote {} pages to {} (start at {}); give its published address to `masa check` as docs-url in masa.toml or --docs-url, and findings link to their rule's page\n",
        pages.len(),
        dir.display(),
        dir.join("index.html").display()
    ))
    .unwrap_or(ExitCode::SUCCESS)
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

fn render(args: RenderArgs) -> ExitCode {
    use crate::render::{Format, RenderError, RenderOptions, Templates};
    let fail = |message: String| {
        eprintln!("masa: {message}");
        ExitCode::from(2)
    };
    let lints = match load_config(args.config.as_deref(), std::path::Path::new(".")) {
        Ok(lints) => lints,
        Err(message) => return fail(message),
    };
    let templates = match &args.template {
        Some(dir) => match Templates::from_dir(dir) {
            Ok(t) => t,
            Err(message) => return fail(message),
        },
        None => Templates::default(),
    };
    let format = match args.format {
        RenderFormat::Html => Format::Html,
        RenderFormat::Markdown => Format::Markdown,
    };
    let extension = match format {
        Format::Html => "html",
        Format::Markdown => "md",
    };
    let stem = args
        .file
        .file_stem()
        .map_or("arrangements".into(), |s| s.to_string_lossy().into_owned());
    // A directory as --output: the page, and for Markdown the chart beside it.
    let (page_path, chart_path) = match &args.output {
        Some(dir) if dir.is_dir() => (
            Some(dir.join(format!("{stem}.{extension}"))),
            (format == Format::Markdown).then(|| dir.join(format!("{stem}-structure.svg"))),
        ),
        Some(file) => (Some(file.clone()), None),
        None => (None, None),
    };
    let bytes =
        match crate::check::read_regular_file(&args.file, crate::load::DEFAULT_MAX_FILE_SIZE) {
            Ok(crate::check::Read::Bytes(bytes)) => bytes,
            Ok(crate::check::Read::TooLarge(d)) => {
                return fail(format!(
                    "cannot render `{}`: {}",
                    args.file.display(),
                    d.message
                ));
            }
            Err(e) => {
                return fail(format!(
                    "cannot read `{}`: {}",
                    args.file.display(),
                    crate::describe_io(&e)
                ));
            }
        };
    let options = RenderOptions {
        format,
        with_findings: args.with_findings,
        templates,
        chart_file: chart_path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned()),
        check: Options {
            today: args.today.unwrap_or_else(Day::today_utc),
            lints,
            ..Options::default()
        },
    };
    let name = args.file.display().to_string();
    let rendered = match crate::render::render(&name, &bytes, &options) {
        Ok(r) => r,
        Err(RenderError::Unreadable(report)) => {
            eprintln!(
                "masa: cannot render `{name}`: it cannot be read as arrangements; these problems stop it:"
            );
            let report = Report {
                files: vec![*report],
                unreadable: vec![],
            };
            eprint!(
                "{}",
                human::render(
                    &report,
                    &human::HumanOptions {
                        color: false,
                        unicode: true,
                        width: 100,
                        quiet: true,
                    }
                )
            );
            return ExitCode::from(1);
        }
        Err(e) => return fail(e.to_string()),
    };
    let errors = rendered.report.count(crate::Severity::Error);
    if errors > 0 {
        let what = if errors == 1 {
            "1 error".to_owned()
        } else {
            format!("{errors} errors")
        };
        if args.deny_errors {
            eprintln!(
                "masa: `{name}` has {what}; not rendered (--deny-errors). `masa check {name}` shows them."
            );
            return ExitCode::from(1);
        }
        eprintln!(
            "masa: warning: `{name}` has {what}; the document is rendered as the file says. `masa check {name}` shows them{}.",
            if args.with_findings {
                ", and so does the findings panel"
            } else {
                ""
            }
        );
    }
    let Some(page_path) = page_path else {
        return print_out(&rendered.document).unwrap_or(ExitCode::SUCCESS);
    };
    if same_file(&page_path, &args.file) {
        return fail(format!(
            "`{}` is the arrangements file itself; give another --output",
            page_path.display()
        ));
    }
    let mut written = vec![(page_path, rendered.document)];
    if let (Some(path), Some(svg)) = (chart_path, rendered.chart_svg) {
        written.push((path, svg));
    }
    for (path, text) in &written {
        if let Err(e) = write_atomically(path, text) {
            return fail(format!(
                "cannot write `{}`: {}",
                path.display(),
                crate::describe_io(&e)
            ));
        }
    }
    ExitCode::SUCCESS
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it,
/// so a reader (a web server publishing the page) never sees half a page.
fn write_atomically(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    let temporary = dir.join(format!(".{name}.masa-{}.tmp", std::process::id()));
    let result = std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
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
    if args.fix || args.diff {
        if stdin {
            eprintln!("masa: --fix and --diff change files; they do not read standard input");
            return ExitCode::from(2);
        }
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
fn finish(args: &CheckArgs, mut report: Report, options: &Options) -> ExitCode {
    // Documentation links: --docs-url, else docs-url in masa.toml, else none at all.
    let docs_url = args.docs_url.as_ref().or(options.lints.docs_url());
    if let Some(base) = docs_url {
        report.link_docs(base);
    }
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
            let mut text = human::render(&report, &options);
            if !args.quiet {
                if let Some(hint) = human::explain_hint(&report) {
                    text.push_str(&hint);
                    text.push('\n');
                }
            }
            let failed = emit(&text);
            for (path, reason) in &report.unreadable {
                eprintln!("masa: cannot check `{path}`: {reason}");
            }
            if !args.fix && !args.quiet {
                fixable_hint(&report);
            }
            failed
        }
        Format::Json => emit(&json::render(&report)),
        Format::Sarif => emit(&crate::report::sarif::render_with_docs(
            &report,
            &options.rules,
            docs_url,
        )),
        Format::Github => emit(&crate::report::github::render(&report)),
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
