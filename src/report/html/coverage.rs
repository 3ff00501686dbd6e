//! The coverage page (`coverage --format html`): the draft itself with each of its claims
//! marked corroborated, contradicted or unsupported, and beside it, claim by claim, the
//! sources' words (the outlet and the matching sentence, the claim marked in it) and why
//! a source contradicts the draft; then what the sources agree on that the draft leaves
//! out. The statuses and the wording come from [`crate::report::coverage`].

use std::fmt::Write as _;

use super::{Highlight, LegendEntry, close_page, escape, open_page, write_legend, write_marked};
use crate::report::{
    Analysis,
    coverage::{self, Coverage, DraftClaim, Status},
    editor,
    location::display_path,
};

/// The most characters of a source's sentence shown on either side of its claim.
const CONTEXT_CHARS: usize = 140;

fn status_symbol(s: Status) -> &'static str {
    match s {
        Status::Corroborated => "✓",
        Status::Contradicted => "✗",
        Status::Unsupported => "?",
    }
}

fn status_class(s: Status) -> &'static str {
    match s {
        Status::Corroborated => "s-corroborated",
        Status::Contradicted => "s-contradicted",
        Status::Unsupported => "s-unsupported",
    }
}

/// Whitespace runs as one space, so a sentence broken over lines reads as one.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of `text` next to a claim, cut at a word: the end of the
/// text when `keep_end` (it comes before the claim), else its start.
fn cut_context(text: &str, max: usize, keep_end: bool) -> String {
    let text = one_line(text);
    let count = text.chars().count();
    if count <= max {
        return text;
    }
    if keep_end {
        let tail: String = text.chars().skip(count - max).collect();
        let from = tail.find(' ').map_or(0, |i| i + 1);
        format!("…{}", &tail[from..])
    } else {
        let head: String = text.chars().take(max).collect();
        let to = head.rfind(' ').unwrap_or(head.len());
        format!("{}…", &head[..to])
    }
}

fn gap(is_space: bool) -> &'static str {
    if is_space { " " } else { "" }
}

/// One source claim as evidence: the outlet, where, and its sentence with the claim's
/// words marked; `why` says what the source contradicts.
fn evidence(
    out: &mut String,
    claim: usize,
    analysis: &Analysis<'_>,
    names: &[String],
    status: Status,
    why: Option<&str>,
) {
    let side = if status == Status::Contradicted {
        "against"
    } else {
        "with"
    };
    let c = &analysis.claims[claim];
    let article = &analysis.articles[c.article];
    let text: &str = &article.text;
    let (line, column) = article.lines.line_col(text, c.span.start);
    let before = text.get(c.sentence.start..c.span.start).unwrap_or_default();
    let after = text.get(c.span.end..c.sentence.end).unwrap_or_default();
    let words = article.slice(c.span);
    let _ = write!(
        out,
        "<li class=\"{side}\"><cite>{name}</cite> <span class=\"loc\">{path}:{line}:{column}</span>\
         <blockquote>{before}{gap_before}<mark class=\"{class}\">{words}</mark>{gap_after}{after}</blockquote>",
        class = status_class(status),
        name = escape(&names[c.article]),
        path = escape(&display_path(&article.path)),
        before = escape(&cut_context(before, CONTEXT_CHARS, true)),
        gap_before = gap(before.ends_with(char::is_whitespace)),
        words = escape(&one_line(words)),
        gap_after = gap(after.starts_with(char::is_whitespace)),
        after = escape(&cut_context(after, CONTEXT_CHARS, false)),
    );
    if let Some(why) = why {
        let _ = write!(out, "<p class=\"why\">{}</p>", escape(why));
    }
    out.push_str("</li>\n");
}

/// The card of one draft claim: its status and words, then the sources' words.
fn card(out: &mut String, c: &DraftClaim, analysis: &Analysis<'_>, names: &[String]) {
    let claim = &analysis.claims[c.claim];
    let draft = &analysis.articles[claim.article];
    let (line, column) = draft.lines.line_col(&draft.text, claim.span.start);
    let suppressed = if c.suppressed.is_some() {
        " suppressed"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<article class=\"card {class}{suppressed}\" data-k=\"{id}\" tabindex=\"0\">\
         <h3><span class=\"sym\" aria-hidden=\"true\">{symbol}</span> <span class=\"status\">{status}</span> \
         <span class=\"words\">{words}</span> <span class=\"loc\">{line}:{column}</span></h3>",
        class = status_class(c.status),
        id = escape(&claim.id),
        symbol = status_symbol(c.status),
        status = c.status.name(),
        words = escape(&coverage::claim_text(claim, analysis)),
    );
    if let Some(note) = coverage::suppressed_note(c) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&note));
    }
    match c.status {
        Status::Unsupported => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", coverage::UNSUPPORTED_NOTE);
        }
        Status::Corroborated => {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}</p>",
                escape(&coverage::corroborated_note(c))
            );
        }
        Status::Contradicted => {}
    }
    if !c.contradicted_by.is_empty() || !c.corroborated_by.is_empty() {
        out.push_str("<ul>\n");
        for (other, reason) in &c.contradicted_by {
            evidence(
                out,
                *other,
                analysis,
                names,
                Status::Contradicted,
                Some(reason),
            );
        }
        for &other in &c.corroborated_by {
            evidence(out, other, analysis, names, Status::Corroborated, None);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

/// The coverage page.
pub fn render_coverage(coverage: &Coverage, analysis: &Analysis<'_>) -> String {
    let names = editor::source_names(analysis.articles);
    let draft = &analysis.articles[coverage.draft];
    let mut out = String::with_capacity(draft.text.len() * 3 + 32 * 1024);
    open_page(&mut out, "corroborate coverage", "coverage");
    let _ = writeln!(
        out,
        "<header>\n<div class=\"title\"><h1>{}</h1><p class=\"counts\">{}</p></div>",
        escape(&coverage::heading(coverage, analysis)),
        escape(&coverage::summary_line(coverage)),
    );
    write_legend(
        &mut out,
        &[
            LegendEntry {
                class: "s-corroborated",
                sample: status_symbol(Status::Corroborated),
                label: "corroborated",
                meaning: "a source says it and none contradicts it",
                filter: None,
            },
            LegendEntry {
                class: "s-contradicted",
                sample: status_symbol(Status::Contradicted),
                label: "contradicted",
                meaning: "a source says something it cannot be",
                filter: None,
            },
            LegendEntry {
                class: "s-unsupported",
                sample: status_symbol(Status::Unsupported),
                label: "unsupported",
                meaning: coverage::UNSUPPORTED_NOTE,
                filter: None,
            },
            LegendEntry {
                class: "s-unsupported suppressed",
                sample: "abc",
                label: "dashed box",
                meaning: "suppressed by an ignore comment in the draft",
                filter: None,
            },
            LegendEntry {
                class: "s-corroborated sel",
                sample: "abc",
                label: "blue outline",
                meaning: "the selected claim",
                filter: None,
            },
        ],
    );
    out.push_str("</header>\n<main>\n");
    let _ = write!(
        out,
        "<section id=\"draft\" class=\"source\"><h2><span class=\"name\">{}</span><small>{}</small></h2>\
         <div class=\"text\">",
        escape(&names[coverage.draft]),
        escape(&display_path(&draft.path)),
    );
    let titles: Vec<String> = coverage
        .claims
        .iter()
        .map(|c| match c.status {
            Status::Corroborated => format!("corroborated {}", coverage::corroborated_note(c)),
            Status::Contradicted => "contradicted: see the sources' words".to_owned(),
            Status::Unsupported => format!("unsupported: {}", coverage::UNSUPPORTED_NOTE),
        })
        .collect();
    let classes: Vec<String> = coverage
        .claims
        .iter()
        .map(|c| {
            let suppressed = if c.suppressed.is_some() {
                " suppressed"
            } else {
                ""
            };
            format!("{}{suppressed}", status_class(c.status))
        })
        .collect();
    let highlights: Vec<Highlight<'_>> = coverage
        .claims
        .iter()
        .zip(titles.iter().zip(&classes))
        .map(|(c, (title, class))| {
            let claim = &analysis.claims[c.claim];
            Highlight {
                span: claim.span,
                class,
                key: &claim.id,
                claim: &claim.id,
                title,
            }
        })
        .collect();
    write_marked(&mut out, &draft.text, &highlights, "k");
    out.push_str("</div></section>\n<aside id=\"evidence\" aria-label=\"what the sources say\">\n");
    out.push_str("<h2>What the sources say, claim by claim</h2>\n");
    if coverage.claims.is_empty() {
        let _ = writeln!(out, "<p class=\"none\">{}</p>", coverage::NO_CLAIMS);
    }
    for c in &coverage.claims {
        card(&mut out, c, analysis, &names);
    }
    if !coverage.missing.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"missing\"><h2>{}</h2>",
            escape(coverage::MISSING_TITLE)
        );
        for m in &coverage.missing {
            let first = coverage::missing_headline(m, analysis);
            let _ = writeln!(
                out,
                "<article class=\"card missing\"><h3><span class=\"words\">{}</span> \
                 <span class=\"loc\">{} independent sources</span></h3>\n<ul>",
                escape(&coverage::claim_text(&analysis.claims[first], analysis)),
                m.independent_sources,
            );
            for &other in &m.claims {
                evidence(
                    &mut out,
                    other,
                    analysis,
                    &names,
                    Status::Corroborated,
                    None,
                );
            }
            out.push_str("</ul>\n</article>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</aside>\n</main>\n");
    close_page(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_cut_at_a_word_on_the_far_side_of_the_claim() {
        assert_eq!(cut_context("one two three four", 9, true), "…four");
        assert_eq!(cut_context("one two three four", 9, false), "one two…");
        assert_eq!(cut_context("a\n  b", 9, false), "a b");
    }
}
