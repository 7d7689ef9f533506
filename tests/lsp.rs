//! Protocol tests for `citelint server`: the real binary over stdio.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

#[path = "../benches/support/gen.rs"]
mod generator;

const WAIT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for something else.
    backlog: Vec<Value>,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut f = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    f.extend_from_slice(body);
    f
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_citelint"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn citelint server");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length from the server")];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let v: Value = serde_json::from_slice(&body).expect("server sends JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let stdin = child.stdin.take();
        Client {
            child,
            stdin,
            rx,
            next_id: 0,
            backlog: Vec::new(),
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        let w = self.stdin.as_mut().unwrap();
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    fn send(&mut self, v: Value) {
        self.raw(&frame(v.to_string().as_bytes()));
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request_async(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Wait for a message matching `pred` (earlier non-matching ones are kept).
    fn wait_for(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(v) if pred(&v) => return v,
                Ok(v) => self.backlog.push(v),
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("server closed its output while waiting for {what}")
                }
            }
        }
    }

    fn response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("response {id}"), |v| {
            v["id"] == json!(id) && v.get("method").is_none()
        })
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        self.response(id)
    }

    fn diagnostics(&mut self, uri: &str) -> Value {
        let uri = uri.to_string();
        self.wait_for(&format!("diagnostics for {uri}"), move |v| {
            v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == json!(uri)
        })["params"]
            .clone()
    }

    fn initialize(&mut self, caps: Value, root: Option<&str>) -> Value {
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": root, "capabilities": caps}),
        );
        self.notify("initialized", json!({}));
        r
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
    }

    fn alive(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// shutdown + exit; returns the exit code.
    fn finish(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const ARTICLE: &str = "# Vitamin D 😀\n\nVitamin D lowers fracture risk in older adults 😀 [1]. Calcium helps too [3].\n\n## References\n\n1. Bischoff-Ferrari HA. Prevention of fractures with vitamin D. JAMA. 2005.\n2. Tang BM. Calcium and vitamin D. Lancet. 2007.\n";

/// The citation and claim findings of a publication; the article-level metadata rules of the
/// default (medical) profile are left out, since these tests are about the protocol.
fn rules(diags: &Value) -> Vec<String> {
    const METADATA: &[&str] = &[
        "missing-disclaimer",
        "missing-review-metadata",
        "stale-review",
        "review-pending",
    ];
    let mut v: Vec<String> = diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .filter(|c| !METADATA.contains(&c.as_str()))
        .collect();
    v.sort();
    v
}

fn find<'a>(diags: &'a Value, rule: &str) -> Option<&'a Value> {
    diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == rule)
}

#[test]
fn initialize_negotiates_encoding_and_shuts_down_cleanly() {
    let mut c = Client::start();
    let r = c.initialize(json!({}), None);
    let caps = &r["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(c.finish(), 0);

    let mut c = Client::start();
    let r = c.initialize(
        json!({"general": {"positionEncodings": ["utf-32", "utf-8", "utf-16"]}}),
        None,
    );
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-8");
    assert_eq!(c.finish(), 0);
}

#[test]
fn diagnostics_carry_code_docs_source_related_and_utf16_ranges() {
    let mut c = Client::start();
    c.initialize(json!({}), None);
    let uri = "untitled:article.md";
    c.open(uri, ARTICLE);
    let p = c.diagnostics(uri);
    assert_eq!(p["version"], 1);
    assert_eq!(rules(&p), ["unresolved-citation", "unused-reference"]);
    let d = find(&p, "unresolved-citation").unwrap();
    assert_eq!(d["source"], "citelint");
    assert_eq!(
        d["codeDescription"]["href"],
        "https://citelint.dev/rules/unresolved-citation"
    );
    assert_eq!(d["severity"], 1, "{d}");
    // `[3]` on line 2, after one emoji (2 UTF-16 units): column 73 in UTF-16
    let line = ARTICLE.lines().nth(2).unwrap();
    let col16: usize = line[..line.find("[3]").unwrap()]
        .chars()
        .map(char::len_utf16)
        .sum();
    assert_eq!(d["range"]["start"], json!({"line": 2, "character": col16}));
    assert_eq!(
        d["range"]["end"],
        json!({"line": 2, "character": col16 + 3})
    );
    // secondary labels become relatedInformation in the same document
    let dup = "untitled:dup.md";
    c.open(
        dup,
        "# T\n\nClaim [1]. Other [2].\n\n## References\n\n1. Smith J. Title A. JAMA. 2005. doi:10.1000/abc\n2. Smith J. Title A. JAMA. 2005. doi:10.1000/abc\n",
    );
    let dp = c.diagnostics(dup);
    let d = find(&dp, "duplicate-reference").unwrap_or_else(|| panic!("{dp}"));
    let rel = &d["relatedInformation"][0];
    assert_eq!(rel["location"]["uri"], dup);
    assert_eq!(
        rel["location"]["range"]["start"],
        json!({"line": 6, "character": 0})
    );
    assert_eq!(rel["message"], "first listed here");
    // suppressed findings are not shown
    let suppressed = ARTICLE.replace(
        "Vitamin D lowers",
        "<!-- citelint-disable-next-line unresolved-citation -- checked -->\nVitamin D lowers",
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": suppressed}]}),
    );
    let p = c.diagnostics(uri);
    assert_eq!(p["version"], 2);
    assert_eq!(rules(&p), ["unused-reference"]);
    assert_eq!(c.finish(), 0);
}

#[test]
fn incremental_edits_in_utf16_relint_the_buffer() {
    let mut c = Client::start();
    c.initialize(json!({}), None);
    let uri = "untitled:inc.md";
    c.open(uri, ARTICLE);
    let p = c.diagnostics(uri);
    assert!(find(&p, "unresolved-citation").is_some());
    // replace `[3]` with `[2]` by a UTF-16 range that follows an emoji
    let line = ARTICLE.lines().nth(2).unwrap();
    let col16 = line[..line.find("[3]").unwrap()]
        .chars()
        .map(char::len_utf16)
        .sum::<usize>();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 2, "character": col16 + 1}, "end": {"line": 2, "character": col16 + 2}}, "text": "2"}
        ]}),
    );
    let p = c.diagnostics(uri);
    assert_eq!(p["version"], 2);
    assert!(rules(&p).is_empty(), "{p}");
    // two changes in one notification apply in order: delete reference 2's line, then
    // re-insert it at the end of the text
    let ref2 = ARTICLE.lines().position(|l| l.starts_with("2.")).unwrap() as u32;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": ref2, "character": 0}, "end": {"line": ref2 + 1, "character": 0}}, "text": ""},
        ]}),
    );
    let p = c.diagnostics(uri);
    assert_eq!(rules(&p), ["unresolved-citation"]);
    // hover on the marker now says it resolves to nothing
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": col16 + 1}}),
    );
    let text = h["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("resolves to nothing"), "{text}");
    // and on `[1]` it names the reference
    let col1 = line[..line.find("[1]").unwrap()]
        .chars()
        .map(char::len_utf16)
        .sum::<usize>();
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": col1 + 1}}),
    );
    let text = h["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("Bischoff-Ferrari"), "{text}");
    // off a marker: no hover
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(h["result"], Value::Null);
    assert_eq!(c.finish(), 0);
}

#[test]
fn code_action_inserts_a_suppression_above_the_line() {
    let mut c = Client::start();
    c.initialize(json!({}), None);
    let uri = "untitled:act.md";
    c.open(uri, ARTICLE);
    c.diagnostics(uri);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    let actions = r["result"].as_array().unwrap();
    let a = actions
        .iter()
        .find(|a| a["title"] == "Disable unresolved-citation for this line")
        .unwrap_or_else(|| panic!("{r}"));
    assert_eq!(a["kind"], "quickfix");
    let edit = &a["edit"]["changes"][uri][0];
    assert_eq!(
        edit["range"],
        json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}})
    );
    assert_eq!(
        edit["newText"],
        "<!-- citelint-disable-next-line unresolved-citation -- reason: -->\n"
    );
    // applying it silences the finding
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": edit["range"], "text": edit["newText"]}
        ]}),
    );
    let p = c.diagnostics(uri);
    assert_eq!(rules(&p), ["unused-reference"]);
    assert_eq!(c.finish(), 0);
}

#[test]
fn malformed_json_rpc_is_answered_and_the_server_keeps_running() {
    let mut c = Client::start();
    c.initialize(json!({}), None);
    // not JSON at all
    c.raw(&frame(b"{this is not json"));
    let e = c.wait_for("parse error", |v| v["error"]["code"] == -32700);
    assert_eq!(e["id"], Value::Null);
    // JSON, but no message
    c.raw(&frame(br#"{"jsonrpc":"2.0","id":41}"#));
    let e = c.wait_for("invalid request", |v| v["error"]["code"] == -32600);
    assert_eq!(e["id"], 41);
    c.raw(&frame(b"[1, 2, 3]"));
    c.wait_for("invalid request (array)", |v| {
        v["error"]["code"] == -32600 && v["id"].is_null()
    });
    // a broken header, a bad Content-Length, invalid UTF-8
    c.raw(b"Garbage header line\r\n\r\n");
    c.raw(b"Content-Length: lots\r\n\r\n");
    c.raw(&frame(&[0xff, 0xfe, 0x00]));
    // params of the wrong shape
    let r = c.request("textDocument/hover", json!({"textDocument": 5}));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    c.notify("textDocument/didOpen", json!({"nonsense": true}));
    assert!(c.alive());
    // still serving
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": "untitled:none.md"}, "position": {"line": 0, "character": 0}}));
    assert_eq!(r["result"], Value::Null, "{r}");
    assert_eq!(c.finish(), 0);
}

#[test]
fn unknown_methods_and_unopened_documents() {
    let mut c = Client::start();
    // a request before initialize
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002);
    c.initialize(json!({}), None);
    let r = c.request("citelint/doesNotExist", json!({"x": 1}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    let r = c.request("$/somethingOptional", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    // unknown notifications: ignored, no reply
    c.notify("citelint/whatever", json!({}));
    c.notify("$/setTrace", json!({"value": "off"}));
    // a change, a save and a close for a document never opened
    let ghost = "file:///nowhere/ghost.md";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": ghost, "version": 7}, "contentChanges": [
            {"range": {"start": {"line": 3, "character": 2}, "end": {"line": 9, "character": 0}}, "text": "x"}
        ]}),
    );
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": ghost}}),
    );
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": ghost}}),
    );
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": ghost},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(r["result"], json!([]));
    // a change past the end of an open document is clamped, not a crash
    let uri = "untitled:short.md";
    c.open(uri, "Short [1].\n");
    c.diagnostics(uri);
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 40, "character": 9}, "end": {"line": 2, "character": 99}}, "text": " tail"}
        ]}),
    );
    assert_eq!(c.diagnostics(uri)["version"], 2);
    assert!(c.alive());
    // no reply arrived for any notification
    assert!(
        c.backlog
            .iter()
            .all(|v| v.get("id").is_none() || v.get("method").is_some()),
        "{:?}",
        c.backlog
    );
    assert_eq!(c.finish(), 0);
}

#[test]
fn a_document_of_several_megabytes() {
    let mut c = Client::start();
    c.initialize(json!({}), None);
    let para = "Vitamin D supplementation reduces the risk of hip fractures in older adults [1]. \
                Café patients who took calcium saw fewer fractures 😀 [2].\n\n";
    let mut text = String::from("# A long article\n\n");
    while text.len() < 4 << 20 {
        text.push_str(para);
    }
    text.push_str("## References\n\n1. Bischoff-Ferrari HA. JAMA. 2005.\n");
    let lines = text.lines().count() as u32;
    let uri = "untitled:big.md";
    c.open(uri, &text);
    let p = c.diagnostics(uri);
    assert!(find(&p, "unresolved-citation").is_some());
    // an edit at the end adds the missing reference
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": lines, "character": 0}, "end": {"line": lines, "character": 0}},
             "text": "2. Tang BM. Lancet. 2007.\n"}
        ]}),
    );
    let p = c.diagnostics(uri);
    assert_eq!(p["version"], 2);
    assert!(
        find(&p, "unresolved-citation").is_none(),
        "{}",
        rules(&p).join(",")
    );
    assert_eq!(c.finish(), 0);
}

#[test]
fn config_is_discovered_reported_when_broken_and_reread() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let cfg = root.join("citelint.toml");
    std::fs::write(&cfg, "profile = \"general\"\ncolour = true\n").unwrap();
    std::fs::create_dir(root.join("posts")).unwrap();
    let article = root.join("posts/a.md");
    std::fs::write(&article, ARTICLE).unwrap();
    let uri = format!("file://{}", article.display());
    let cfg_uri = format!("file://{}", cfg.display());
    let mut c = Client::start();
    c.initialize(json!({}), Some(&format!("file://{}", root.display())));
    c.open(&uri, ARTICLE);
    // the broken config is shown on the config file; the article is linted with defaults
    let cd = c.diagnostics(&cfg_uri);
    let d = &cd["diagnostics"][0];
    assert_eq!(d["severity"], 1);
    assert!(d["message"].as_str().unwrap().contains("colour"), "{d}");
    assert_eq!(d["range"]["start"], json!({"line": 1, "character": 0}));
    let p = c.diagnostics(&uri);
    assert_eq!(rules(&p), ["unresolved-citation", "unused-reference"]);
    // fixed on disk and announced: config diagnostics cleared, the article re-linted with it
    std::fs::write(&cfg, "ignore = [\"unused-reference\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": cfg_uri, "type": 2}]}),
    );
    let cd = c.diagnostics(&cfg_uri);
    assert_eq!(cd["diagnostics"], json!([]));
    let p = c.diagnostics(&uri);
    assert_eq!(rules(&p), ["unresolved-citation"]);
    // changed again without any notification: the next edit notices the new mtime/size
    std::fs::write(
        &cfg,
        "ignore = [\"unresolved-citation\", \"unused-reference\"]\n",
    )
    .unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": ARTICLE}]}),
    );
    let mut p = c.diagnostics(&uri);
    while p["version"] != 2 {
        p = c.diagnostics(&uri);
    }
    assert_eq!(rules(&p), Vec::<String>::new());
    assert_eq!(c.finish(), 0);
}

#[test]
fn exit_without_shutdown_is_code_1_and_eof_ends_the_server() {
    let mut c = Client::start();
    c.initialize(json!({}), None);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert_eq!(status.code(), Some(1));

    let mut c = Client::start();
    c.initialize(json!({}), None);
    drop(c.stdin.take());
    let status = c.child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
}

/// Resident memory of a process in KB (`VmRSS` of /proc/PID/status).
#[cfg(target_os = "linux")]
fn rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .expect("VmRSS in /proc/PID/status");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A generated article of about 97 KB (the benchmarks' generator, a fixed seed).
fn article_97kb() -> String {
    let mut words = 14_000;
    loop {
        let a = generator::article(22, words);
        if a.len() >= 97_000 {
            return a;
        }
        words += 500;
    }
}

/// 2,000 incremental edits of a 97 KB article, each waited for: every version gets its own
/// diagnostics (a sentence citing a missing reference comes and goes, and the finding with
/// it), and the server's resident memory after the last edit is within 16 MB of what it was
/// after the first 200 (the warm-up: allocator pools, lazily compiled lexicons).
#[cfg(target_os = "linux")]
#[test]
fn soak_2000_edits_of_a_97_kb_article_keep_memory_flat() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path().canonicalize().unwrap();
    let path = root.join("soak.md");
    let text = article_97kb();
    std::fs::write(&path, &text).unwrap();
    // the citation rules: the whole document is parsed on every edit, as always, but the
    // claim and evidence rules (most of a debug build's lint time) do not run
    std::fs::write(
        root.join("citelint.toml"),
        "select = [\"unresolved-citation\", \"unused-reference\", \"malformed-citation\"]\n",
    )
    .unwrap();
    let uri = format!("file://{}", path.display());
    let mut c = Client::start();
    let pid = c.child.id();
    c.initialize(json!({}), Some(&format!("file://{}", root.display())));
    c.open(&uri, &text);
    let base = c.diagnostics(&uri);
    let unresolved = |p: &Value| {
        p["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "unresolved-citation")
            .count()
    };
    let before = unresolved(&base);
    // a paragraph comes and goes under the first heading
    let line = text.lines().position(|l| l.starts_with("# ")).unwrap() + 1;
    let para = "\nSalt raises blood pressure in adults by 5 mmHg [999].\n";
    let mut warm = 0;
    let mut samples = vec![rss_kb(pid)];
    for v in 2..=2001_i32 {
        let at = json!({"line": line, "character": 0});
        let change = if v % 2 == 0 {
            json!({"range": {"start": at, "end": at}, "text": para})
        } else {
            let end = json!({"line": line + 2, "character": 0});
            json!({"range": {"start": at, "end": end}, "text": ""})
        };
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [change]}),
        );
        let p = c.diagnostics(&uri);
        assert_eq!(p["version"], v, "diagnostics for every version, in order");
        let want = before + usize::from(v % 2 == 0);
        assert_eq!(unresolved(&p), want, "version {v}");
        if v == 201 {
            warm = rss_kb(pid);
        }
        if v % 200 == 1 {
            samples.push(rss_kb(pid));
        }
        c.backlog.clear();
    }
    let last = rss_kb(pid);
    eprintln!(
        "soak: {} bytes, 2,000 edits; RSS after 200 edits {warm} KB, after 2,000 {last} KB; \
         every 200 edits from the open: {samples:?} KB",
        text.len()
    );
    assert!(
        last < warm + 16 * 1024,
        "memory grew from {warm} KB to {last} KB over 1,800 edits"
    );
    assert_eq!(c.finish(), 0);
}

/// A 50 MB document, over the 32 MB the command line reads, is not linted: one `parse-error`
/// says so, hover and code actions on it answer empty, and once cut down it is linted again;
/// the server serves throughout.
#[test]
fn a_document_of_50_megabytes_is_refused_and_the_server_keeps_serving() {
    let mut c = Client::start();
    c.initialize(json!({}), None);
    let para = "Vitamin D lowers fracture risk in older adults [1].\n\n";
    let text = para.repeat((50 << 20) / para.len() + 1);
    let uri = "untitled:huge.md";
    c.open(uri, &text);
    drop(text);
    let p = c.diagnostics(uri);
    let d = p["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["code"], "parse-error");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("larger than 32 MB"),
        "{}",
        d[0]["message"]
    );
    let at = json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 48}});
    assert_eq!(c.request("textDocument/hover", at)["result"], Value::Null);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": []}}),
    );
    assert_eq!(r["result"], json!([]));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": ARTICLE}]}),
    );
    let p = c.diagnostics(uri);
    assert_eq!(p["version"], 2);
    assert_eq!(rules(&p), ["unresolved-citation", "unused-reference"]);
    assert!(c.alive());
    assert_eq!(c.finish(), 0);
}

/// A config naming a rule pack, reloaded 40 times (changed on disk and announced): each
/// reload compiles the pack's lexicons anew, and the one before is freed with its config
/// (shared with `Arc`, no longer leaked), so the server's memory after the last reload is
/// within 24 MB of what it was after the 5th; every reload re-lints the open article.
#[cfg(target_os = "linux")]
#[test]
fn config_reloads_do_not_leak() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path().canonicalize().unwrap();
    let cfg = root.join("citelint.toml");
    let article = root.join("a.md");
    std::fs::write(&article, ARTICLE).unwrap();
    let pack = "[[claims.group]]\nkind = \"research\"\nweight = 0.9\nphrases = [\"the registry data say\"]\n\n\
                [[assistant.pattern]]\nregex = '\\bas your friendly robot\\b'\nwhat = \"robot\"\n";
    std::fs::write(root.join("house.toml"), pack).unwrap();
    let uri = format!("file://{}", article.display());
    let cfg_uri = format!("file://{}", cfg.display());
    let mut c = Client::start();
    let pid = c.child.id();
    c.initialize(json!({}), Some(&format!("file://{}", root.display())));
    let mut samples = Vec::new();
    for i in 0..40 {
        // alternate between two configs so each reload really changes something
        let ignore = if i % 2 == 0 {
            "[\"unused-reference\"]"
        } else {
            "[]"
        };
        std::fs::write(
            &cfg,
            format!("rule-packs = [\"house.toml\"]\nignore = {ignore}\n"),
        )
        .unwrap();
        if i == 0 {
            c.open(&uri, ARTICLE);
        } else {
            c.notify(
                "workspace/didChangeWatchedFiles",
                json!({"changes": [{"uri": cfg_uri, "type": 2}]}),
            );
        }
        let p = c.diagnostics(&uri);
        let want: &[&str] = if i % 2 == 0 {
            &["unresolved-citation"]
        } else {
            &["unresolved-citation", "unused-reference"]
        };
        assert_eq!(rules(&p), want, "reload {i}");
        c.backlog.clear();
        samples.push(rss_kb(pid));
    }
    let (warm, last) = (samples[4], samples[39]);
    eprintln!("config reloads: RSS {samples:?} KB");
    assert!(
        last < warm + 24 * 1024,
        "memory grew from {warm} KB to {last} KB over 35 reloads"
    );
    assert_eq!(c.finish(), 0);
}

#[test]
fn quick_fixes_renumber_and_fix_all_does_everything_safe() {
    let mut c = Client::start();
    c.initialize(json!({}), None);
    let actions = |c: &mut Client, uri: &str, only: Value| {
        let mut context = json!({"diagnostics": []});
        if !only.is_null() {
            context["only"] = only;
        }
        let r = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri},
                   "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 10}},
                   "context": context}),
        );
        r["result"].as_array().unwrap().clone()
    };
    let apply = |c: &mut Client, uri: &str, version: i32, action: &Value| {
        let edit = &action["edit"]["changes"][uri][0];
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [
                {"range": edit["range"], "text": edit["newText"]}
            ]}),
        );
        c.diagnostics(uri)
    };
    // the quick fix of one finding
    let uri = "untitled:order.md";
    let text = "# Tea\n\nGreen tea lowers cholesterol [2]. Black tea does less [1].\n\n## References\n\n1. Black tea trial. 2019.\n2. Green tea review. 2020.\n";
    c.open(uri, text);
    let p = c.diagnostics(uri);
    assert!(find(&p, "citation-order").is_some(), "{p}");
    let all = actions(&mut c, uri, Value::Null);
    let titles: Vec<&str> = all.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.contains(&"Fix all citelint problems"), "{titles:?}");
    let renumber = all
        .iter()
        .find(|a| {
            a["title"] == "Fix citation-order: renumber the citations in order of first appearance"
        })
        .unwrap_or_else(|| panic!("{titles:?}"));
    assert_eq!(renumber["kind"], "quickfix");
    assert_eq!(renumber["isPreferred"], true);
    let p = apply(&mut c, uri, 2, renumber);
    assert!(find(&p, "citation-order").is_none(), "{p}");
    assert!(
        actions(&mut c, uri, Value::Null)
            .iter()
            .all(|a| !a["title"].as_str().unwrap().starts_with("Fix"))
    );
    // an editor's "fix all on save" asks for source.fixAll only: the range is mended first,
    // then the list renumbered
    let uri = "untitled:all.md";
    let text = "# Tea\n\nGreen tea lowers cholesterol [2]. Black tea does less [1]. Milk helps [3–3].\n\n## References\n\n1. Black tea trial. 2019.\n2. Green tea review. 2020.\n3. Milk study. 2018.\n";
    c.open(uri, text);
    let p = c.diagnostics(uri);
    assert!(
        find(&p, "citation-order").is_some() && find(&p, "malformed-citation").is_some(),
        "{p}"
    );
    let fix_all = actions(&mut c, uri, json!(["source.fixAll"]));
    assert_eq!(fix_all.len(), 1, "{fix_all:?}");
    assert_eq!(fix_all[0]["kind"], "source.fixAll");
    let p = apply(&mut c, uri, 2, &fix_all[0]);
    assert!(find(&p, "malformed-citation").is_none(), "{p}");
    assert!(find(&p, "citation-order").is_none(), "{p}");
    assert_eq!(c.finish(), 0);
}
