//! Human output, for an editor: the summary, the sources by name (each file shown once),
//! then conflicts and agreements, each as one headline line and one line per span with
//! its words in context; single-source claims are counted, and listed on request.

use super::{
    Analysis, Summary,
    editor::{self, counted_words, role_text},
    paint::{Paint, Tone},
    terminal_safe,
};
use crate::{
    config::report::Ranking,
    extract::{Claim, Value},
    reconcile::{Finding, relate},
    rules::Verdict,
    span::Span,
};

/// Longest stretch of an article one label shows, in bytes: a claim on a 200 MB line
/// prints a bounded excerpt, never the line.
const MAX_LABEL_BYTES: usize = 240;

/// A claim's span, cut to at most `MAX_LABEL_BYTES` on a character boundary.
fn bounded(text: &str, span: Span) -> Span {
    if span.len() <= MAX_LABEL_BYTES {
        return span;
    }
    let mut end = span.start + MAX_LABEL_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(span.start, end)
}

fn granularity_name(g: crate::normalize::date::Granularity) -> &'static str {
    use crate::normalize::date::Granularity;
    match g {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Year => "year",
    }
}

fn label_for(claim: &Claim) -> String {
    match &claim.value {
        Value::Quantity(q) => format!("{} {}", relate::describe(q), counted_words(q))
            .trim_end()
            .to_owned(),
        Value::Quote(q) => match (&q.speaker, q.quoted) {
            (Some(s), true) => format!("quoted, by {s}"),
            (None, true) => "quoted, speaker not named".to_owned(),
            (_, false) => "the same words, unquoted".to_owned(),
        },
        Value::Date(d) => match &d.resolved {
            Some(r) => format!("{r} ({})", granularity_name(d.granularity)),
            None => "unresolved date".to_owned(),
        },
        Value::Duration(d) => d.describe(),
        Value::Role(r) => role_text(r),
    }
}

/// How to draw the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Terminal width to fit span lines in.
    pub width: usize,
}

/// Which findings the report lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Show {
    pub conflicts: bool,
    pub agreements: bool,
    pub single_source: bool,
    /// Each finding's explanation (why the claims relate) under it.
    pub explanations: bool,
}

impl Show {
    /// The default: conflicts and agreements; single-source claims only counted.
    pub const DEFAULT: Show = Show {
        conflicts: true,
        agreements: true,
        single_source: false,
        explanations: false,
    };
    /// Everything, with explanations (`--verbose`).
    pub const ALL: Show = Show {
        conflicts: true,
        agreements: true,
        single_source: true,
        explanations: true,
    };

    fn lists(self, v: Verdict) -> bool {
        match v {
            Verdict::Conflict => self.conflicts,
            Verdict::Agreement => self.agreements,
            Verdict::SingleSource => self.single_source,
        }
    }
}

/// Everything `render_with` needs besides the analysis.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub style: Style,
    pub show: Show,
    pub ranking: &'a Ranking,
}

/// Every finding, in the order found, with explanations (the whole analysis on the
/// terminal; `check` uses [`render_with`]).
pub fn render(analysis: &Analysis<'_>, style: Style) -> String {
    render_with(
        analysis,
        &Options {
            style,
            show: Show::ALL,
            ranking: &Ranking::default(),
        },
    )
}

/// The span's words in their sentence, fitted into `room` characters: the span in
/// brackets, as much context on either side as fits, all on one line.
fn excerpt(
    claim: &Claim,
    analysis: &Analysis<'_>,
    room: usize,
    paint: Paint,
    tone: Tone,
) -> String {
    let a = &analysis.articles[claim.article];
    let flat = |s: &str| {
        terminal_safe(s)
            .replace(['\n', '\r', '\t'], " ")
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let span = bounded(&a.text, claim.span);
    let sentence = claim.sentence;
    let before = if sentence.start <= span.start {
        a.text.get(sentence.start..span.start).unwrap_or("")
    } else {
        ""
    };
    let after = if sentence.end >= span.end {
        a.text.get(span.end..sentence.end).unwrap_or("")
    } else {
        ""
    };
    let mut words = flat(a.slice(span));
    let room = room.max(20);
    if words.chars().count() + 2 > room {
        words = words
            .chars()
            .take(room.saturating_sub(3))
            .collect::<String>()
            + "…";
        return format!("[{}]", paint.tone(&words, tone));
    }
    let left_room = (room - words.chars().count() - 2) / 2;
    // A space beside the brackets where the text has one.
    let sep_l = if before.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let sep_r = if after.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let (before, after) = (flat(before), flat(after));
    let take_end = |text: &str, n: usize| -> String {
        let count = text.chars().count();
        if count <= n {
            return text.to_owned();
        }
        let tail: String = text.chars().skip(count - n.saturating_sub(1)).collect();
        // Whole words only: the first, cut one is dropped.
        let tail = tail.split_once(' ').map_or("", |(_, t)| t).to_owned();
        format!("…{tail}")
    };
    let left = take_end(&before, left_room);
    // The ellipsis alone can exceed a room of nothing: never below zero.
    let right_room = room.saturating_sub(words.chars().count() + 2 + left.chars().count());
    let right = if after.chars().count() <= right_room {
        after
    } else {
        let head: String = after.chars().take(right_room.saturating_sub(1)).collect();
        let head = head.rsplit_once(' ').map_or("", |(h, _)| h).to_owned();
        format!("{head}…")
    };
    let sep_l = if left.is_empty() || left == "…" {
        ""
    } else {
        sep_l
    };
    let sep_r = if right.is_empty() { "" } else { sep_r };
    format!("{left}{sep_l}[{}]{sep_r}{right}", paint.tone(&words, tone))
}

fn tone_of(v: Verdict) -> Tone {
    match v {
        Verdict::Conflict => Tone::Bad,
        Verdict::Agreement => Tone::Good,
        Verdict::SingleSource => Tone::Unconfirmed,
    }
}

/// The mark before a finding: conflict, agreement, single source.
pub fn symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "✗",
        Verdict::Agreement => "✓",
        Verdict::SingleSource => "·",
    }
}

/// One finding: its headline, a line per span, what to do.
fn finding_lines(
    out: &mut String,
    finding: &Finding,
    analysis: &Analysis<'_>,
    names: &[String],
    options: &Options<'_>,
) {
    let paint = Paint {
        enabled: options.style.color,
    };
    let tone = tone_of(finding.verdict);
    let headline = terminal_safe(&editor::headline(finding, analysis, names)).into_owned();
    out.push_str(&format!(
        "{} {} {}\n",
        paint.tone(symbol(finding.verdict), tone),
        finding.id,
        headline
    ));
    let name_width = finding
        .claims
        .iter()
        .map(|&i| names[analysis.claims[i].article].chars().count())
        .max()
        .unwrap_or(0);
    let locations: Vec<String> = finding
        .claims
        .iter()
        .map(|&i| {
            let c = &analysis.claims[i];
            let a = &analysis.articles[c.article];
            let (line, column) = a.lines.line_col(&a.text, c.span.start);
            format!("{line}:{column}")
        })
        .collect();
    let location_width = locations.iter().map(String::len).max().unwrap_or(0);
    for (&i, location) in finding.claims.iter().zip(&locations) {
        let c = &analysis.claims[i];
        let name = terminal_safe(&names[c.article]).into_owned();
        let pad = name_width.saturating_sub(name.chars().count());
        let used = 4 + name_width + 1 + location_width + 2;
        let room = options.style.width.saturating_sub(used);
        let mut line = format!(
            "    {name}{} {}{}  {}",
            " ".repeat(pad),
            paint.tone(location, Tone::Faint),
            " ".repeat(location_width - location.len()),
            excerpt(c, analysis, room, paint, tone)
        );
        if let Value::Quantity(q) = &c.value
            && !q.parts.is_empty()
        {
            line.push_str(&format!(" = {}", relate::describe(q)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if options.show.explanations {
        out.push_str(&format!(
            "    why: {}\n",
            terminal_safe(&finding.explanation)
        ));
    }
    if finding.verdict != Verdict::SingleSource
        && let Some(advice) = editor::advice(finding.kind)
    {
        out.push_str(&format!("    help: {advice} ({})\n", finding.kind.name()));
    }
}

/// The sources, each by name with its file once; copies of one story say which.
fn sources_block(analysis: &Analysis<'_>, names: &[String], paint: Paint) -> String {
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let mut out = String::from("Sources\n");
    for (i, a) in analysis.articles.iter().enumerate() {
        let group = analysis.groups.of_article.get(i).copied();
        let first_of_group = (0..i).find(|&j| analysis.groups.of_article.get(j).copied() == group);
        let copy = first_of_group
            .map(|j| format!(" (same story as {})", terminal_safe(&names[j])))
            .unwrap_or_default();
        let name = terminal_safe(&names[i]).into_owned();
        out.push_str(&format!(
            "  {name}{}  {}{copy}\n",
            " ".repeat(width.saturating_sub(name.chars().count())),
            paint.tone(&terminal_safe(&a.display_path()), Tone::Faint)
        ));
    }
    out
}

/// The report: summary, sources, then the findings `options.show` lists, in editor order.
pub fn render_with(analysis: &Analysis<'_>, options: &Options<'_>) -> String {
    let paint = Paint {
        enabled: options.style.color,
    };
    let names = editor::source_names(analysis.articles);
    let summary = Summary::of(analysis.findings);
    let mut out = summary_line(analysis);
    out.push('\n');
    let unlisted: Vec<String> = [
        (
            Verdict::Conflict,
            summary.conflict,
            "conflicts",
            "--show conflicts",
        ),
        (
            Verdict::Agreement,
            summary.agreement,
            "agreements",
            "--show agreements",
        ),
        (
            Verdict::SingleSource,
            summary.single_source,
            "single-source claims",
            "--show single-source",
        ),
    ]
    .into_iter()
    .filter(|(v, n, _, _)| *n > 0 && !options.show.lists(*v))
    .map(|(_, n, what, flag)| format!("{n} {what} not listed ({flag} lists them)"))
    .collect();
    if !unlisted.is_empty() {
        out.push_str(&format!("{}\n", unlisted.join("; ")));
    }
    out.push('\n');
    out.push_str(&sources_block(analysis, &names, paint));
    let order = editor::order(analysis, options.ranking);
    for (verdict, title) in [
        (Verdict::Conflict, "Conflicts"),
        (Verdict::Agreement, "Agreements"),
        (Verdict::SingleSource, "Single-source claims"),
    ] {
        if !options.show.lists(verdict) {
            continue;
        }
        let listed: Vec<&Finding> = order
            .iter()
            .map(|&i| &analysis.findings[i])
            .filter(|f| f.verdict == verdict)
            .collect();
        if listed.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{title}\n"));
        for finding in editor::one_fact(&listed, analysis, &names) {
            finding_lines(&mut out, &finding, analysis, &names, options);
        }
    }
    if !analysis.findings.is_empty() {
        out.push('\n');
        out.push_str(&summary_line(analysis));
        out.push('\n');
    }
    out
}

/// "2 agreements, 1 conflict, 5 single-source across 5 sources (4 independent)".
pub fn summary_line(analysis: &Analysis<'_>) -> String {
    let s = Summary::of(analysis.findings);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}, {} from {} in {} ({} independent)",
        plural(s.agreement, "agreement", "agreements"),
        plural(s.conflict, "conflict", "conflicts"),
        plural(
            s.single_source,
            "single-source claim",
            "single-source claims"
        ),
        plural(analysis.claims.len(), "claim", "claims"),
        plural(analysis.articles.len(), "source", "sources"),
        analysis.groups.count(),
    )
}

/// The claims alone, one line each: `source:line:column kind text -> value`.
pub fn render_claims(analysis: &Analysis<'_>) -> String {
    let mut out = String::new();
    for c in analysis.claims {
        let a = &analysis.articles[c.article];
        let (line, column) = a.lines.line_col(&a.text, c.span.start);
        let text = terminal_safe(a.slice(bounded(&a.text, c.span))).replace(['\n', '\r'], " ");
        out.push_str(&format!(
            "{}:{line}:{column}\t{}\t{}\t{}\n",
            // A tab or newline in a file name would forge a column or a record.
            super::one_line_safe(&a.display_path()),
            c.kind.name(),
            text,
            terminal_safe(&label_for(c))
        ));
    }
    out
}
