//! `masa server`: a Language Server Protocol server over stdin and stdout (behind the `server`
//! feature), on rust-analyzer's synchronous `lsp-server`.
//!
//! - **Diagnostics** on open and on change (after a pause in typing of [`DEBOUNCE`]): every
//!   arrangement file in the directory of an open file is checked with it as a set, as
//!   `masa check DIR` does, the open editors' text standing in for what is on disk. The rule id
//!   is the `code`; `codeDescription` links the rule's documentation only when a documentation
//!   address is configured (`initializationOptions.docsUrl`); places in other files and far
//!   places in the same file are `relatedInformation`.
//! - **Hover**: on a finding, the rule's summary, why it matters and its citation; on a key,
//!   the key's description from the JSON Schema (the model's documentation).
//! - **Completion**: where an id is expected, the ids the file declares (of the kinds the key
//!   takes, with their names); where a closed vocabulary is expected, its values; at the start
//!   of a line, the keys the table allows.
//! - **Code actions**: each finding's fix (`quickfix`, the safe ones preferred), and "fix all
//!   safe fixes" (`source.fixAll.masa`).
//!
//! Positions are UTF-16 code units, as the protocol's default encoding says ([`Lines`]).

mod position;
mod schema;
mod text;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeDescription, CompletionItem, CompletionItemKind,
    CompletionOptions, CompletionParams, CompletionResponse, DiagnosticRelatedInformation,
    DiagnosticSeverity, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, Documentation, Hover, HoverContents, HoverParams,
    HoverProviderCapability, Location, MarkupContent, MarkupKind, NumberOrString,
    PublishDiagnosticsParams, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkspaceEdit,
};
pub use position::Lines;

use crate::diag::{Applicability, Check, Diagnostic, Severity};
use crate::{Day, Options};

/// How long the server waits after the last change before checking again.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// At most this many files of one directory are checked together with an open file.
const MAX_SIBLINGS: usize = 500;

/// Runs the server on stdin and stdout until the client asks it to exit.
pub fn run() -> ExitCode {
    let (connection, io_threads) = Connection::stdio();
    let result = serve(&connection);
    drop(connection);
    let joined = io_threads.join();
    match (result, joined) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("masa server: {e}");
            ExitCode::from(2)
        }
        (_, Err(e)) => {
            eprintln!("masa server: {e}");
            ExitCode::from(2)
        }
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "=".into(), " ".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new("source.fixAll.masa"),
            ]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

fn serve(connection: &Connection) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (id, params) = connection.initialize_start()?;
    let init: lsp_types::InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo { name: "masa".into(), version: Some(env!("CARGO_PKG_VERSION").into()) },
    });
    connection.initialize_finish(id, result)?;
    let mut server = Server::new(&init);
    let mut deadline: Option<Instant> = None;
    loop {
        let message = match deadline {
            Some(at) => match connection
                .receiver
                .recv_timeout(at.saturating_duration_since(Instant::now()))
            {
                Ok(m) => Some(m),
                Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => None,
                Err(_) => return Ok(()),
            },
            None => match connection.receiver.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(()),
            },
        };
        let Some(message) = message else {
            deadline = None;
            server.check_and_publish(connection)?;
            continue;
        };
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                // Hovers and code actions show findings: they must be those of the latest
                // text, so a pending check runs now. Completion reads the text alone and does
                // not wait (it is asked for at every keystroke).
                if request.method != "textDocument/completion" && deadline.take().is_some() {
                    server.check_and_publish(connection)?;
                }
                let response = server.answer(request);
                connection.sender.send(Message::Response(response))?;
            }
            Message::Notification(n) => {
                if server.notified(n, connection)? {
                    deadline = Some(Instant::now() + DEBOUNCE);
                }
            }
            Message::Response(_) => {}
        }
    }
}

/// One open document.
struct Open {
    uri: Uri,
    version: i32,
    text: String,
    /// The findings of the last check, made on `checked` (the text at the time).
    findings: Vec<Diagnostic>,
    checked: Option<String>,
}

struct Server {
    /// Open documents by the path masa names them with.
    open: BTreeMap<String, Open>,
    /// The documentation address, when configured: rule pages are `{docs}#{rule}`, or the
    /// address with `{rule}` replaced.
    docs: Option<String>,
    options: Options,
}

impl Server {
    fn new(init: &lsp_types::InitializeParams) -> Server {
        let docs = init
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("docsUrl").or_else(|| o.get("docs_url")))
            .and_then(serde_json::Value::as_str)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .map(str::to_owned);
        #[allow(deprecated)] // root_uri: older clients send only that
        let root = init
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| f.uri.clone())
            .or_else(|| init.root_uri.clone())
            .and_then(|u| uri_to_path(&u));
        let lints = root
            .map(|r| r.join(crate::lints::CONFIG_FILE))
            .filter(|p| p.is_file())
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| crate::lints::ProjectLints::parse(&t, &crate::rules::catalog()).ok())
            .unwrap_or_default();
        Server {
            open: BTreeMap::new(),
            docs,
            options: Options {
                today: Day::today_utc(),
                lints,
                ..Options::default()
            },
        }
    }

    /// Handles a notification; returns whether a check is due.
    fn notified(
        &mut self,
        n: Notification,
        connection: &Connection,
    ) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                    return Ok(false);
                };
                let name = uri_name(&p.text_document.uri);
                self.open.insert(
                    name,
                    Open {
                        uri: p.text_document.uri,
                        version: p.text_document.version,
                        text: p.text_document.text,
                        findings: Vec::new(),
                        checked: None,
                    },
                );
                Ok(true)
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                    return Ok(false);
                };
                let name = uri_name(&p.text_document.uri);
                if let Some(doc) = self.open.get_mut(&name) {
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().next_back() {
                        doc.text = change.text;
                        doc.version = p.text_document.version;
                    }
                }
                Ok(true)
            }
            "textDocument/didClose" => {
                let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                    return Ok(false);
                };
                if let Some(doc) = self.open.remove(&uri_name(&p.text_document.uri)) {
                    publish(connection, doc.uri, Vec::new(), None)?;
                }
                Ok(!self.open.is_empty())
            }
            _ => Ok(false),
        }
    }

    /// Checks every open document with the arrangement files beside it, and publishes.
    fn check_and_publish(
        &mut self,
        connection: &Connection,
    ) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        let mut names: Vec<String> = Vec::new();
        let mut dirs: Vec<PathBuf> = Vec::new();
        for name in self.open.keys() {
            if let Some(dir) = Path::new(name).parent().filter(|d| d.is_absolute()) {
                if !dirs.iter().any(|d| d == dir) {
                    dirs.push(dir.to_path_buf());
                }
            }
        }
        for dir in &dirs {
            names.extend(siblings(dir).into_iter().map(|p| p.display().to_string()));
        }
        names.extend(self.open.keys().cloned());
        names.sort();
        names.dedup();
        let mut bytes: Vec<(String, Vec<u8>)> = Vec::new();
        for name in names {
            let content = match self.open.get(&name) {
                Some(doc) => doc.text.clone().into_bytes(),
                None => match crate::check::read_regular_file(
                    Path::new(&name),
                    self.options.max_file_size,
                ) {
                    Ok(crate::check::Read::Bytes(b))
                        if is_arrangements(&String::from_utf8_lossy(&b)) =>
                    {
                        b
                    }
                    _ => continue,
                },
            };
            bytes.push((name, content));
        }
        let sources: Vec<(&str, &[u8])> = bytes
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let report = crate::check_sources(&sources, &self.options);
        for file in report.files {
            let Some(doc) = self.open.get_mut(&file.path) else {
                continue;
            };
            if !is_arrangements(&doc.text) {
                // Another TOML file (Cargo.toml, pyproject.toml): not masa's to judge.
                doc.findings.clear();
                doc.checked = Some(doc.text.clone());
                publish(connection, doc.uri.clone(), Vec::new(), Some(doc.version))?;
                continue;
            }
            doc.findings = file.diagnostics;
            doc.checked = Some(doc.text.clone());
            let lines = Lines::new(&doc.text);
            let diagnostics = doc
                .findings
                .iter()
                .map(|d| to_lsp(d, &lines, &doc.uri, self.docs.as_deref()))
                .collect();
            publish(connection, doc.uri.clone(), diagnostics, Some(doc.version))?;
        }
        Ok(())
    }

    fn answer(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            "textDocument/hover" => serde_json::from_value::<HoverParams>(request.params)
                .ok()
                .map(|p| serde_json::to_value(self.hover(&p)).unwrap_or_default()),
            "textDocument/completion" => serde_json::from_value::<CompletionParams>(request.params)
                .ok()
                .map(|p| serde_json::to_value(self.complete(&p)).unwrap_or_default()),
            "textDocument/codeAction" => serde_json::from_value::<CodeActionParams>(request.params)
                .ok()
                .map(|p| serde_json::to_value(self.code_actions(&p)).unwrap_or_default()),
            _ => return method_not_found(id, &request.method),
        };
        match result {
            Some(value) => Response::new_ok(id, value),
            None => Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidParams as i32,
                "invalid parameters".into(),
            ),
        }
    }

    /// The open document and the offset of a position in it.
    fn at(&self, uri: &Uri, position: lsp_types::Position) -> Option<(&Open, usize)> {
        let doc = self.open.get(&uri_name(uri))?;
        let offset = Lines::new(&doc.text).offset(position);
        Some((doc, offset))
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let at = &p.text_document_position_params;
        let (doc, offset) = self.at(&at.text_document.uri, at.position)?;
        let lines = Lines::new(&doc.text);
        let fresh = doc.checked.as_deref() == Some(doc.text.as_str());
        // Every finding at the place, the narrowest first.
        let mut here: Vec<&Diagnostic> = if fresh {
            doc.findings
                .iter()
                .filter(|d| d.span.start <= offset && offset <= d.span.end)
                .collect()
        } else {
            Vec::new()
        };
        here.sort_by_key(|d| d.span.len());
        if let Some(first) = here.first() {
            let text: Vec<String> = here.iter().map(|d| self.explain_finding(d)).collect();
            return Some(Hover {
                contents: markdown(text.join("\n\n---\n\n")),
                range: Some(lines.range(&first.span)),
            });
        }
        let (path, key, span) = text::key_at(&doc.text, offset)?;
        let info = schema::key_info(&path, &key)?;
        let mut value = format!("**`{key}`**");
        if let Some(description) = &info.description {
            value.push_str("\n\n");
            value.push_str(description);
        }
        if !info.allowed.is_empty() {
            value.push_str("\n\nAllowed values: ");
            value.push_str(
                &info
                    .allowed
                    .iter()
                    .map(|(v, _)| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
        }
        Some(Hover {
            contents: markdown(value),
            range: Some(lines.range(&span)),
        })
    }

    /// A finding in words, for a hover: the message and fix, then the rule's summary, why it
    /// matters and its source, and where to read more.
    fn explain_finding(&self, d: &Diagnostic) -> String {
        let mut s = format!("**{}** ({}): {}", d.rule, d.severity, d.message);
        if let Some(help) = &d.help {
            s.push_str(&format!("\n\n*Fix:* {help}"));
        }
        if let Some(rule) = crate::rules::find(&d.rule) {
            let m = rule.meta();
            s.push_str(&format!(
                "\n\n---\n\n{}\n\n*Why it matters:* {}",
                m.summary, m.why
            ));
        } else if let Some(check) = Check::from_id(&d.rule) {
            s.push_str(&format!("\n\n---\n\n{}", check.info().summary));
        }
        if let Some(citation) = &d.citation {
            s.push_str(&format!("\n\n*Source:* {citation}"));
        }
        match self.docs_link(&d.rule) {
            Some(link) => s.push_str(&format!("\n\n[Documentation of `{}`]({link})", d.rule)),
            None => s.push_str(&format!("\n\nMore: `masa explain {}`", d.rule)),
        }
        s
    }

    fn docs_link(&self, rule: &str) -> Option<String> {
        let base = self.docs.as_deref()?;
        Some(if base.contains("{rule}") {
            base.replace("{rule}", rule)
        } else {
            format!("{}#{rule}", base.trim_end_matches('#'))
        })
    }

    fn complete(&self, p: &CompletionParams) -> Option<CompletionResponse> {
        let at = &p.text_document_position;
        let (doc, offset) = self.at(&at.text_document.uri, at.position)?;
        let lines = Lines::new(&doc.text);
        let Some(slot) = text::value_slot(&doc.text, offset) else {
            return Some(CompletionResponse::Array(self.complete_keys(doc, offset)));
        };
        let info = schema::key_info(&slot.table, &slot.key)?;
        let mut candidates: Vec<(String, Option<String>, CompletionItemKind)> = Vec::new();
        if info.is_id {
            let tables = crate::structure::reference_tables(&slot.key);
            for d in text::declared(&doc.text) {
                if tables.contains(&d.table.as_str()) {
                    let detail = match &d.name {
                        Some(n) => format!("{n} ({})", singular(&d.table)),
                        None => singular(&d.table).to_owned(),
                    };
                    candidates.push((d.id, Some(detail), CompletionItemKind::REFERENCE));
                }
            }
        }
        for (value, note) in info.allowed {
            candidates.push((value, note, CompletionItemKind::ENUM_MEMBER));
        }
        // Inside a string the text after the quote is replaced; outside, a quoted value is
        // inserted at the cursor.
        let range = match slot.string_start {
            Some(start) => lines.range(&(start..offset)),
            None => lines.range(&(offset..offset)),
        };
        let items = candidates
            .into_iter()
            .map(|(value, detail, kind)| {
                let new_text = match slot.string_start {
                    Some(_) => value.clone(),
                    None => crate::diag::toml_string(&value),
                };
                CompletionItem {
                    label: value.clone(),
                    kind: Some(kind),
                    detail,
                    filter_text: Some(value),
                    text_edit: Some(lsp_types::CompletionTextEdit::Edit(TextEdit {
                        range,
                        new_text,
                    })),
                    ..CompletionItem::default()
                }
            })
            .collect();
        Some(CompletionResponse::Array(items))
    }

    /// At the start of a line: the keys the table allows (those not yet written in the line).
    fn complete_keys(&self, doc: &Open, offset: usize) -> Vec<CompletionItem> {
        let line_start = doc.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let prefix = &doc.text[line_start..offset];
        if !prefix
            .trim_start()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            return Vec::new();
        }
        let table = text::table_at(&doc.text, offset);
        schema::keys(&table)
            .into_iter()
            .map(|(key, description)| CompletionItem {
                label: key.clone(),
                kind: Some(CompletionItemKind::FIELD),
                documentation: description.map(Documentation::String),
                insert_text: Some(format!("{key} = ")),
                ..CompletionItem::default()
            })
            .collect()
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(doc) = self.open.get(&uri_name(&p.text_document.uri)) else {
            return Vec::new();
        };
        if doc.checked.as_deref() != Some(doc.text.as_str()) {
            return Vec::new();
        }
        let lines = Lines::new(&doc.text);
        let (from, to) = (lines.offset(p.range.start), lines.offset(p.range.end));
        let mut actions = Vec::new();
        let mut any_safe = false;
        for d in &doc.findings {
            let Some(fix) = &d.fix else { continue };
            any_safe |= fix.applicability == Applicability::Safe;
            if d.span.start > to || d.span.end < from || !fix.fits(&doc.text) {
                continue;
            }
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: lines.range(&e.span),
                    new_text: e.replacement.clone(),
                })
                .collect();
            let title = match fix.applicability {
                Applicability::Safe => format!("{} ({})", fix.title, d.rule),
                Applicability::Unsafe => format!("{} ({}, review it)", fix.title, d.rule),
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp(d, &lines, &doc.uri, self.docs.as_deref())]),
                edit: Some(workspace_edit(&doc.uri, edits)),
                is_preferred: Some(fix.applicability == Applicability::Safe),
                ..CodeAction::default()
            }));
        }
        let wants_fix_all = p.context.only.as_ref().is_none_or(|only| {
            only.iter()
                .any(|k| "source.fixAll.masa".starts_with(k.as_str()))
        });
        if any_safe && wants_fix_all {
            let name = uri_name(&doc.uri);
            let fixed = crate::fix::fix_text(
                &name,
                &doc.text,
                &self.options,
                crate::fix::FixMode::default(),
            );
            if fixed.changed(&doc.text) {
                let whole = lines.range(&(0..doc.text.len()));
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Apply every safe masa fix ({})", fixed.applied.len()),
                    kind: Some(CodeActionKind::new("source.fixAll.masa")),
                    edit: Some(workspace_edit(
                        &doc.uri,
                        vec![TextEdit {
                            range: whole,
                            new_text: fixed.text,
                        }],
                    )),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }
}

fn singular(table: &str) -> &str {
    match table {
        "organisations" => "organisation",
        "roles" => "role",
        "groups" => "group",
        other => other,
    }
}

fn markdown(value: String) -> HoverContents {
    HoverContents::Markup(MarkupContent {
        kind: MarkupKind::Markdown,
        value,
    })
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    #[allow(clippy::mutable_key_type)] // Uri hashes its text, which never changes
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }
}

fn method_not_found(id: RequestId, method: &str) -> Response {
    Response::new_err(
        id,
        lsp_server::ErrorCode::MethodNotFound as i32,
        format!("masa does not handle {method}"),
    )
}

fn publish(
    connection: &Connection,
    uri: Uri,
    diagnostics: Vec<lsp_types::Diagnostic>,
    version: Option<i32>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    connection
        .sender
        .send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".into(),
            params,
        )))?;
    Ok(())
}

/// A masa finding as an LSP diagnostic.
pub fn to_lsp(
    d: &Diagnostic,
    lines: &Lines<'_>,
    uri: &Uri,
    docs: Option<&str>,
) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: lines.range(&l.span),
            },
            message: l.message.clone(),
        })
        .collect();
    for r in &d.related {
        let (other_uri, range) = if r.path.is_empty() {
            (uri.clone(), lines.range(&r.span))
        } else {
            let text = r.source.inner().as_str();
            let Some(other) = path_to_uri(Path::new(&r.path)) else {
                continue;
            };
            (other, Lines::new(text).range(&r.span))
        };
        related.push(DiagnosticRelatedInformation {
            location: Location {
                uri: other_uri,
                range,
            },
            message: format!("{}: {}", file_name(&r.path), r.message),
        });
    }
    let code_description = docs.and_then(|base| {
        let link = if base.contains("{rule}") {
            base.replace("{rule}", &d.rule)
        } else {
            format!("{}#{}", base.trim_end_matches('#'), d.rule)
        };
        link.parse::<Uri>()
            .ok()
            .map(|href| CodeDescription { href })
    });
    lsp_types::Diagnostic {
        range: lines.range(&d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description,
        source: Some("masa".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// Whether a TOML text is an arrangements file rather than another TOML file an editor
/// opened (Cargo.toml, pyproject.toml): it has a line starting `schema_version` or
/// `[partnership]`, or names the arrangements schema in a `#:schema` line. A new file is judged
/// once one of those is written.
pub fn is_arrangements(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start_matches('\u{FEFF}').trim_start();
        line.starts_with("schema_version")
            || line.starts_with("[partnership")
            || (line.starts_with("#:schema") && line.contains("arrangements"))
    })
}

/// The arrangement files of a directory (not its subdirectories): `*.toml` regular files other
/// than masa's own configuration, in name order, at most [`MAX_SIBLINGS`].
fn siblings(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && p.file_name()
                    .is_some_and(|n| n != crate::lints::CONFIG_FILE)
        })
        .collect();
    files.sort();
    files.truncate(MAX_SIBLINGS);
    files
}

/// The name masa gives a document: its path for a `file:` URI, the URI itself otherwise.
fn uri_name(uri: &Uri) -> String {
    uri_to_path(uri).map_or_else(|| uri.as_str().to_owned(), |p| p.display().to_string())
}

/// The path of a `file:` URI (percent-decoded), if it is one.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // file://host/path: only the local host is a path here.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    let text = String::from_utf8(out).ok()?;
    // Windows: file:///C:/dir → C:/dir
    let text = match text.as_bytes() {
        [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() && cfg!(windows) => {
            text[1..].to_owned()
        }
        _ => text,
    };
    Some(PathBuf::from(text))
}

/// The `file:` URI of an absolute path, percent-encoding all but unreserved characters and `/`.
pub fn path_to_uri(path: &Path) -> Option<Uri> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let text = absolute.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_' | b'~' | b':') {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_toml_files_are_not_arrangements() {
        assert!(is_arrangements("# x\nschema_version = 1\n"));
        assert!(is_arrangements("[partnership]\nname = \"x\"\n"));
        assert!(is_arrangements(
            "#:schema ../schemas/arrangements.schema.json\n"
        ));
        assert!(!is_arrangements("[package]\nname = \"masa\"\n"));
        assert!(!is_arrangements(""));
    }

    #[test]
    fn file_uris_round_trip_with_spaces_and_non_ascii() {
        let path = Path::new("/tmp/my arrangements/Bedford £.toml");
        let uri = path_to_uri(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///tmp/my%20arrangements/Bedford%20%C2%A3.toml"
        );
        assert_eq!(uri_to_path(&uri).unwrap(), path);
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(uri_to_path(&untitled), None);
        assert_eq!(uri_name(&untitled), "untitled:Untitled-1");
    }
}
