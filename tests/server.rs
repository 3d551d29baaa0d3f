//! `masa server` spoken to as an editor would: the binary is spawned and sent JSON-RPC with
//! Content-Length framing over its stdin; its stdout is read on a thread, and every wait has a
//! deadline, so a server that hangs fails the test instead of hanging it.

#![cfg(feature = "server")]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(30);

/// A document with known defects: "Lead Strategic Partners" (acronym-expansion, with a safe
/// fix) after typographic quotes, a pound sign and an emoji (two UTF-16 units) on the same
/// line, so that its UTF-16 column differs from its byte and character columns; the Panel
/// under a non-statutory name.
const DOC: &str = r#"schema_version = 1
# Our partnership (a comment the fix must keep)
[partnership]
name = "Example Safeguarding Children Partnership"
guidance_edition = "wt2023"
published = 2025-01-10
agreed_by = "£5 “signed” ✍️📜 by the Lead Strategic Partners"

[[organisations]]
id = "example-council"
name = "Example Council"
kind = "local_authority"

[[organisations]]
id = "panel"
name = "National Child Safeguarding Practice Review Panel"
kind = "national_body"

[[roles]]
id = "dcs"
title = "Director of Children’s Services"
organisation = "example-council"

[[roles]]
id = "chief-executive"
title = "Chief Executive"
organisation = "example-council"

[[groups]]
id = "board"
name = "Safeguarding Board"
chair = "dcs"
"#;

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Server {
    fn start(root: &std::path::Path) -> Server {
        let mut server = Server::start_raw();
        let init = server.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri_of(root), "capabilities": {} }),
        );
        let caps = &init["result"]["capabilities"];
        assert_eq!(caps["hoverProvider"], true, "{init}");
        assert!(caps["completionProvider"].is_object(), "{init}");
        assert!(caps["codeActionProvider"].is_object(), "{init}");
        server.notify("initialized", json!({}));
        server
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The next message matching `wanted`, skipping others; panics after [`WAIT`].
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if wanted(&m) => return m,
                Ok(_) => {}
                Err(e) => panic!("no expected message from masa server within {WAIT:?}: {e}"),
            }
        }
    }

    fn diagnostics_for(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    fn stop(mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                assert!(status.success(), "masa server exited with {status}");
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("masa server did not exit after shutdown and exit");
    }
}

fn uri_of(path: &std::path::Path) -> String {
    let mut uri = String::from("file://");
    for b in path.to_str().expect("UTF-8 path").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

/// The LSP position (line, UTF-16 column) of a byte offset, computed here independently.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..offset].encode_utf16().count();
    json!({ "line": line, "character": character })
}

/// The byte offset of an LSP position, computed here independently.
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}

fn rules(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn an_editor_session_from_open_to_fixed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("example.toml");
    std::fs::write(&path, DOC).expect("write");
    let uri = uri_of(&path);
    let mut server = Server::start(dir.path());

    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "toml", "version": 1, "text": DOC } }),
    );
    let diagnostics = server.diagnostics_for(&uri, 1);
    let found = rules(&diagnostics);
    assert!(found.contains(&"acronym-expansion".to_owned()), "{found:?}");
    assert!(found.contains(&"panel-name".to_owned()), "{found:?}");
    let acronym = diagnostics
        .iter()
        .find(|d| d["code"] == "acronym-expansion")
        .unwrap()
        .clone();
    assert_eq!(acronym["source"], "masa");
    assert_eq!(acronym["severity"], 3, "info");
    // No documentation address is configured: no link.
    assert!(acronym.get("codeDescription").is_none(), "{acronym}");
    // The range is in UTF-16 code units: after “£5 “signed” by the ”.
    let words = DOC.find("Lead Strategic Partner").unwrap();
    assert_eq!(acronym["range"]["start"], position(DOC, words));
    assert_eq!(
        acronym["range"]["end"],
        position(DOC, words + "Lead Strategic Partner".len())
    );
    let line = &DOC[DOC[..words].rfind('\n').unwrap() + 1..words];
    let utf16 = acronym["range"]["start"]["character"].as_u64().unwrap() as usize;
    assert_eq!(utf16, line.encode_utf16().count());
    assert_ne!(
        utf16,
        line.chars().count(),
        "the case must tell UTF-16 from characters"
    );
    assert_ne!(utf16, line.len(), "the case must tell UTF-16 from bytes");

    // Hover on the finding: the rule, why, its source, and how to read more.
    let hover = server.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": position(DOC, words + 3) }),
    );
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(text.contains("acronym-expansion"), "{hover}");
    assert!(text.contains("WT2023 ch. 2, paras 47 and 56"), "{hover}");
    assert!(text.contains("masa explain acronym-expansion"), "{hover}");

    // Hover on a key: its description from the schema.
    let key = DOC.find("guidance_edition").unwrap();
    let hover = server.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": position(DOC, key + 2) }),
    );
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .unwrap_or_default();
    assert!(text.contains("edition of Working Together"), "{hover}");
    assert!(text.contains("`wt2023`"), "{hover}");

    // Completion where a role id is expected: the roles the file declares, not its
    // organisations or groups.
    let chair = DOC.find("chair = \"").unwrap() + "chair = \"".len();
    let completion = server.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": position(DOC, chair) }),
    );
    let labels: Vec<&str> = completion["result"]
        .as_array()
        .expect("a list of completions")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert_eq!(labels, ["dcs", "chief-executive"], "{completion}");
    let detail = completion["result"][0]["detail"]
        .as_str()
        .unwrap_or_default();
    assert!(
        detail.contains("Director of Children’s Services"),
        "{completion}"
    );

    // Completion of a closed vocabulary.
    let kind = DOC.find("kind = \"").unwrap() + "kind = \"".len();
    let completion = server.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": position(DOC, kind) }),
    );
    let labels: Vec<&str> = completion["result"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(labels.contains(&"integrated_care_board"), "{completion}");
    assert!(!labels.contains(&"dcs"), "{completion}");

    // The quick fix of the finding, applied as the editor would.
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": acronym["range"],
            "context": { "diagnostics": [acronym] }
        }),
    );
    let fix = actions["result"]
        .as_array()
        .expect("code actions")
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .unwrap_or_else(|| panic!("no quick fix: {actions}"))
        .clone();
    assert_eq!(fix["isPreferred"], true, "a safe fix");
    assert_eq!(fix["diagnostics"][0]["code"], "acronym-expansion");
    let edits = fix["edit"]["changes"][&uri]
        .as_array()
        .expect("edits")
        .clone();
    let fixed = apply(DOC, &edits);
    assert_eq!(
        fixed,
        DOC.replace("Lead Strategic Partners", "Lead Safeguarding Partners")
    );
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "text": fixed }]
        }),
    );
    let after = rules(&server.diagnostics_for(&uri, 2));
    assert!(
        !after.contains(&"acronym-expansion".to_owned()),
        "{after:?}"
    );
    assert!(after.contains(&"panel-name".to_owned()), "{after:?}");

    // Fix all: every safe fix at once, the comment kept.
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } },
            "context": { "diagnostics": [], "only": ["source.fixAll"] }
        }),
    );
    let all = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "source.fixAll.masa")
        .unwrap_or_else(|| panic!("no fix-all: {actions}"))
        .clone();
    let edits = all["edit"]["changes"][&uri].as_array().unwrap().clone();
    let all_fixed = apply(&fixed, &edits);
    assert!(all_fixed.contains("name = \"Child Safeguarding Practice Review Panel\""));
    assert!(all_fixed.contains("# Our partnership (a comment the fix must keep)"));

    server.stop();
}

#[test]
fn a_documentation_address_links_each_finding_and_the_editor_text_wins_over_the_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("example.toml");
    std::fs::write(&path, DOC).expect("write");
    let uri = uri_of(&path);
    let mut server = Server::start_with_docs(dir.path(), "https://docs.example.org/rules");
    // The text in the editor wins over the file on disk.
    let edited = DOC.replace("Lead Strategic Partners", "Lead Safeguarding Partners");
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "toml", "version": 7, "text": edited } }),
    );
    let diagnostics = server.diagnostics_for(&uri, 7);
    assert!(!rules(&diagnostics).contains(&"acronym-expansion".to_owned()));
    let panel = diagnostics
        .iter()
        .find(|d| d["code"] == "panel-name")
        .expect("panel-name");
    assert_eq!(
        panel["codeDescription"]["href"],
        "https://docs.example.org/rules#panel-name"
    );
    // Another TOML file opened in the same editor is not judged as arrangements.
    let cargo = dir.path().join("Cargo.toml");
    let cargo_text = "[package]\nname = \"x\"\n";
    std::fs::write(&cargo, cargo_text).expect("write");
    let cargo_uri = uri_of(&cargo);
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": cargo_uri, "languageId": "toml", "version": 1, "text": cargo_text } }),
    );
    assert_eq!(server.diagnostics_for(&cargo_uri, 1), Vec::<Value>::new());
    server.stop();
}

#[test]
fn findings_across_files_point_at_the_other_file() {
    // The failing example of cross-organisation-consistent: two neighbours that give one
    // organisation id two names. Only one is open; the other is read from disk beside it.
    let rule = masa::rules::find("cross-organisation-consistent").expect("the rule");
    let files = masa::rules::docs::example_files(rule.meta().fails);
    assert_eq!(files.len(), 2);
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let (open_name, open_text) = files[1];
    let other_uri = uri_of(&dir.path().join(files[0].0));
    let uri = uri_of(&dir.path().join(open_name));
    let mut server = Server::start(dir.path());
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "toml", "version": 1, "text": open_text } }),
    );
    let diagnostics = server.diagnostics_for(&uri, 1);
    let cross = diagnostics
        .iter()
        .find(|d| d["code"] == "cross-organisation-consistent")
        .unwrap_or_else(|| panic!("no finding across files: {diagnostics:#?}"));
    let related = cross["relatedInformation"]
        .as_array()
        .expect("related places");
    assert!(
        related.iter().any(|r| r["location"]["uri"] == other_uri),
        "{cross:#}"
    );
    server.stop();
}

impl Server {
    fn start_with_docs(root: &std::path::Path, docs: &str) -> Server {
        let mut server = Server::start_raw();
        let init = server.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri_of(root),
                "capabilities": {},
                "initializationOptions": { "docsUrl": docs }
            }),
        );
        assert!(init["result"]["capabilities"].is_object(), "{init}");
        server.notify("initialized", json!({}));
        server
    }

    fn start_raw() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_masa"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("masa server starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(value) = read_message(&mut reader) {
                if send.send(value).is_err() {
                    return;
                }
            }
        });
        Server {
            child,
            stdin,
            messages,
            next_id: 0,
        }
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

#[test]
fn bad_requests_get_answers_and_the_server_carries_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.toml");
    let uri = uri_of(&path);
    let mut server = Server::start(dir.path());
    // A request about a file that is not open: no answer to give, but an answer.
    let hover = server.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": "file:///nowhere.toml" }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(hover["result"], Value::Null, "{hover}");
    // Parameters that are not the method's: an error response.
    let bad = server.request("textDocument/hover", json!({ "nonsense": true }));
    assert!(bad["error"].is_object(), "{bad}");
    // A method masa does not serve.
    let unknown = server.request("textDocument/definition", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");
    // A change to a file never opened is ignored.
    server.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": "x" }] }),
    );
    // A file that is not TOML at all, then positions past its end.
    let text = "schema_version = 1\n[partnership\nname = “x\u{0}😀";
    server.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "toml", "version": 1, "text": text } }),
    );
    let diagnostics = server.diagnostics_for(&uri, 1);
    assert!(
        rules(&diagnostics).contains(&"toml-syntax".to_owned()),
        "{diagnostics:?}"
    );
    for (line, character) in [(0, 999), (2, 11), (2, 12), (99, 0)] {
        let position = json!({ "line": line, "character": character });
        for method in ["textDocument/hover", "textDocument/completion"] {
            let answer = server.request(
                method,
                json!({ "textDocument": { "uri": uri }, "position": position }),
            );
            assert!(
                answer.get("error").is_none(),
                "{method} at {position}: {answer}"
            );
        }
        let actions = server.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": uri },
                "range": { "start": position, "end": position },
                "context": { "diagnostics": [] }
            }),
        );
        assert!(actions.get("error").is_none(), "{actions}");
    }
    server.stop();
}
