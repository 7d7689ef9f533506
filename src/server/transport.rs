//! Stdio framing that survives bad input.
//!
//! `lsp_server::Connection::stdio` ends its reader thread on the first malformed message; an
//! editor that sends one stray frame would then lose its linter. This reader answers a body
//! that is not JSON with a JSON-RPC `ParseError`, one that is JSON but no message with
//! `InvalidRequest`, skips broken headers, and only stops at end of input.

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message};
use serde_json::{Value, json};
use std::io::{self, BufRead, Read, Write};
use std::sync::{Arc, Mutex};

/// Largest body read into memory; bigger ones are skipped and answered with an error.
const MAX_BODY: usize = 256 << 20;

pub enum Frame {
    Body(Vec<u8>),
    /// A frame that could not be read (bad header, no or huge Content-Length): the reason.
    Bad(String),
    Eof,
}

/// Read one `Content-Length`-framed body.
pub fn read_frame(r: &mut impl BufRead) -> io::Result<Frame> {
    let mut len: Option<usize> = None;
    let mut bad: Option<String> = None;
    let mut saw_header = false;
    loop {
        let mut line = String::new();
        let mut raw = Vec::new();
        if r.read_until(b'\n', &mut raw)? == 0 {
            return Ok(if saw_header {
                Frame::Bad("end of input inside a header".into())
            } else {
                Frame::Eof
            });
        }
        line.push_str(&String::from_utf8_lossy(&raw));
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if !saw_header {
                continue; // stray blank line between frames
            }
            break;
        }
        saw_header = true;
        match line.split_once(':') {
            Some((k, v)) if k.trim().eq_ignore_ascii_case("content-length") => {
                match v.trim().parse::<usize>() {
                    Ok(n) => len = Some(n),
                    Err(_) => bad = Some(format!("bad Content-Length `{}`", v.trim())),
                }
            }
            Some(_) => {}
            None => bad = Some(format!("malformed header line `{line}`")),
        }
    }
    let Some(n) = len else {
        return Ok(Frame::Bad(
            bad.unwrap_or_else(|| "no Content-Length header".into()),
        ));
    };
    if n > MAX_BODY {
        io::copy(&mut r.take(n as u64), &mut io::sink())?;
        return Ok(Frame::Bad(format!(
            "message of {n} bytes is over the {MAX_BODY}-byte limit"
        )));
    }
    let mut body = vec![0; n];
    r.read_exact(&mut body)?;
    if let Some(b) = bad {
        return Ok(Frame::Bad(b));
    }
    Ok(Frame::Body(body))
}

/// What a body is: a message, or the error reply it deserves.
pub fn decode(body: &[u8]) -> Result<Message, Value> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Err(error_reply(
                Value::Null,
                ErrorCode::ParseError,
                &e.to_string(),
            ));
        }
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let looks_ok = value.is_object()
        && (value.get("method").is_some_and(Value::is_string)
            || value.get("result").is_some()
            || value.get("error").is_some());
    if !looks_ok {
        return Err(error_reply(
            id,
            ErrorCode::InvalidRequest,
            "not a JSON-RPC request, response or notification",
        ));
    }
    serde_json::from_value(value)
        .map_err(|e| error_reply(id, ErrorCode::InvalidRequest, &e.to_string()))
}

fn error_reply(id: Value, code: ErrorCode, message: &str) -> Value {
    let id = match id {
        Value::Number(_) | Value::String(_) => id,
        _ => Value::Null,
    };
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": message}})
}

fn write_raw(out: &Mutex<io::Stdout>, v: &Value) -> io::Result<()> {
    let text = v.to_string();
    let mut w = out.lock().unwrap_or_else(|p| p.into_inner());
    write!(w, "Content-Length: {}\r\n\r\n{}", text.len(), text)?;
    w.flush()
}

/// Serve over stdin/stdout until `exit` or end of input; returns the process exit code.
pub fn run_stdio() -> i32 {
    let (to_server, from_client) = crossbeam_channel::unbounded::<Message>();
    let (to_client, outgoing): (Sender<Message>, Receiver<Message>) =
        crossbeam_channel::unbounded();
    let stdout = Arc::new(Mutex::new(io::stdout()));
    let out = stdout.clone();
    let writer = std::thread::Builder::new()
        .name("citelint-lsp-writer".into())
        .spawn(move || -> io::Result<()> {
            for m in outgoing {
                let mut w = out.lock().unwrap_or_else(|p| p.into_inner());
                m.write(&mut *w)?;
            }
            Ok(())
        })
        .expect("spawn writer");
    let out = stdout.clone();
    std::thread::Builder::new()
        .name("citelint-lsp-reader".into())
        .spawn(move || {
            let stdin = io::stdin();
            let mut r = stdin.lock();
            loop {
                match read_frame(&mut r) {
                    Ok(Frame::Eof) | Err(_) => break,
                    Ok(Frame::Bad(why)) => {
                        eprintln!("citelint server: skipped a frame: {why}");
                        let _ =
                            write_raw(&out, &error_reply(Value::Null, ErrorCode::ParseError, &why));
                    }
                    Ok(Frame::Body(b)) => match decode(&b) {
                        Ok(m) => {
                            let exit = matches!(&m, Message::Notification(n) if n.method == "exit");
                            if to_server.send(m).is_err() || exit {
                                break;
                            }
                        }
                        Err(reply) => {
                            eprintln!("citelint server: {}", reply["error"]["message"]);
                            let _ = write_raw(&out, &reply);
                        }
                    },
                }
            }
        })
        .expect("spawn reader");
    let code = super::serve(&from_client, &to_client);
    drop(to_client);
    let _ = writer.join();
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<String> {
        let mut r = io::Cursor::new(input.as_bytes().to_vec());
        let mut out = Vec::new();
        loop {
            match read_frame(&mut r).unwrap() {
                Frame::Eof => break,
                Frame::Bad(w) => out.push(format!("bad: {w}")),
                Frame::Body(b) => out.push(String::from_utf8(b).unwrap()),
            }
        }
        out
    }

    #[test]
    fn framing_recovers_from_bad_headers() {
        let got = frames(
            "Content-Length: 2\r\n\r\n{}garbage\r\n\r\nContent-Length: x\r\n\r\nContent-Length: 4\r\nContent-Type: a\r\n\r\nnull",
        );
        assert_eq!(got[0], "{}");
        assert!(got[1].starts_with("bad: malformed header"), "{got:?}");
        assert!(got[2].starts_with("bad: bad Content-Length"), "{got:?}");
        assert_eq!(got[3], "null");
    }

    #[test]
    fn decode_classifies_bodies() {
        assert_eq!(decode(b"{nope").unwrap_err()["error"]["code"], -32700);
        let e = decode(br#"{"jsonrpc":"2.0","id":7}"#).unwrap_err();
        assert_eq!(
            (e["id"].clone(), e["error"]["code"].clone()),
            (json!(7), json!(-32600))
        );
        assert_eq!(decode(b"[1,2]").unwrap_err()["error"]["code"], -32600);
        assert!(matches!(
            decode(br#"{"jsonrpc":"2.0","method":"x"}"#),
            Ok(Message::Notification(_))
        ));
    }
}
