//! Builds benchmark corpora from the real articles in the shared corpus (issue 8).
//!
//! Reads the seed articles or the news-clusters articles at run time and writes `N`
//! copies into a target folder, every number shifted by the copy's number so that no two
//! copies are the same text:
//!
//! - `one-event`: copies of the five seed articles (every article about one event, the
//!   worst case for reconciliation: every quantity lands in a few huge buckets);
//! - `many-events`: copies of the news-clusters articles (86 events, the realistic case).
//!
//! Deterministic: the same arguments always write the same files. It never writes inside
//! the corpus, and its output must never be committed (the text is not ours).
//!
//! Usage: `gen-corpus one-event|many-events N CORPUS OUT`

use std::{
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
    process::ExitCode,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [kind, n, corpus, out] = args.as_slice() else {
        eprintln!("usage: gen-corpus one-event|many-events N CORPUS OUT");
        return ExitCode::from(2);
    };
    let Ok(n) = n.replace(['_', ','], "").parse::<usize>() else {
        eprintln!("error: `{n}` is not a number of articles");
        return ExitCode::from(2);
    };
    let corpus = Path::new(corpus);
    let sources = match kind.as_str() {
        "one-event" => articles_under(&corpus.join("seeds")),
        "many-events" => articles_under(&corpus.join("news-clusters").join("ecbplus")),
        other => {
            eprintln!("error: unknown corpus kind `{other}` (expected one-event or many-events)");
            return ExitCode::from(2);
        }
    };
    let sources = match sources {
        Ok(s) if !s.is_empty() => s,
        Ok(_) => {
            eprintln!("error: no articles found under {}", corpus.display());
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", corpus.display());
            return ExitCode::from(2);
        }
    };
    let out = Path::new(out);
    if let Err(e) = write_copies(&sources, n, out) {
        eprintln!("error: cannot write into {}: {e}", out.display());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Every `.txt` file under `root`, sorted by path, with its text.
fn articles_under(root: &Path) -> std::io::Result<Vec<(String, String)>> {
    let mut paths = Vec::new();
    collect(root, &mut paths)?;
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            // One news-clusters file is not UTF-8; its text is kept, repaired.
            fs::read(&p).map(|bytes| (stem, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

/// Copy `i` is source `i % len`, numbers shifted by `i / len` (copy 0 of each source is
/// the source itself). Files go into subfolders of 1,000 so that no folder is huge.
fn write_copies(sources: &[(String, String)], n: usize, out: &Path) -> std::io::Result<()> {
    for i in 0..n {
        let (stem, text) = &sources[i % sources.len()];
        let shift = (i / sources.len()) as u64;
        let dir = out.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            fs::create_dir_all(&dir)?;
        }
        // The metadata header (`source:`, `date:` ...) stays as it is: a shifted date
        // would not be a calendar date, and ingest rejects it (issue 18).
        let (header, body) = text.split_at(header_len(text));
        fs::write(
            dir.join(format!("{i:06}_{stem}.txt")),
            format!("{header}{}", shift_numbers(body, shift)),
        )?;
    }
    Ok(())
}

/// Length in bytes of the metadata header: the leading `key: value` lines.
fn header_len(text: &str) -> usize {
    let mut len = 0;
    for line in text.split_inclusive('\n') {
        let is_key = line.split_once(':').is_some_and(|(key, _)| {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
        });
        if !is_key {
            break;
        }
        len += line.len();
    }
    len
}

/// Add `shift` to the integer part of every number written in digits ("1,098" -> "1,105"
/// for a shift of 7, keeping the thousands separators; "2.5" -> "9.5").
fn shift_numbers(text: &str, shift: u64) -> String {
    if shift == 0 {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        let after_digit = |k: usize| k > 0 && bytes[k - 1].is_ascii_digit();
        // The digits after a decimal point are the fraction of the number before them.
        let fraction = i > 1 && bytes[i - 1] == b'.' && after_digit(i - 1);
        let starts_number = bytes[i].is_ascii_digit() && !after_digit(i) && !fraction;
        if !starts_number {
            i += 1;
            continue;
        }
        // Digits, then ",ddd" groups.
        let start = i;
        let mut end = i;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        let mut grouped = false;
        while end + 3 < bytes.len()
            && bytes[end] == b','
            && bytes[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && bytes.get(end + 4).is_none_or(|b| !b.is_ascii_digit())
        {
            grouped = true;
            end += 4;
        }
        let digits: String = text[start..end]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        // Leading zeros ("07:30", "007") and absurdly long digit runs are left as they are.
        let value = if digits.len() > 1 && digits.starts_with('0') {
            None
        } else {
            digits.parse::<u64>().ok()
        };
        if let Some(value) = value.and_then(|v| v.checked_add(shift)) {
            out.push_str(&text[copied..start]);
            if grouped {
                out.push_str(&with_separators(value));
            } else {
                let _ = write!(out, "{value}");
            }
            copied = end;
        }
        i = end;
    }
    out.push_str(&text[copied..]);
    out
}

fn with_separators(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_moves_and_the_words_stay() {
        assert_eq!(
            shift_numbers("59 catches for 1,098 yards, 2.5 each at 07:30", 7),
            "66 catches for 1,105 yards, 9.5 each at 07:37"
        );
    }

    #[test]
    fn the_metadata_header_is_not_shifted() {
        let text = "source: x.com\ndate: 2013-10-02\n\nOn 2 May 12 died.\n";
        assert_eq!(header_len(text), "source: x.com\ndate: 2013-10-02\n".len());
        assert_eq!(header_len("No header: here is text 2.\n"), 0);
    }

    #[test]
    fn copy_zero_is_the_source() {
        assert_eq!(shift_numbers("1,098 yards", 0), "1,098 yards");
    }

    #[test]
    fn separators_follow_the_new_value() {
        assert_eq!(shift_numbers("999 and 9,999", 2), "1001 and 10,001");
    }
}
