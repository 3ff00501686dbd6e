//! The HTML pages for editors: the report of `check --format html` (findings as short
//! headlines naming outlets, the sources they involve side by side with their spans in
//! view, a legend for every mark) and the coverage of a draft (`coverage --format html`,
//! in [`coverage`]).
//!
//! Each page is self-contained and makes no network request (a Content-Security-Policy
//! forbids it); CSS and JS are ours, in `html/`. It stays fast with many sources and
//! thousands of claims: state lives in classes and data attributes, and a few delegated
//! listeners handle every click. Everything from the articles is escaped and no article
//! text reaches the script. The wording (headlines, advice, source names) comes from
//! [`super::editor`], as in the human report; this module only lays it out.

mod coverage;

use std::fmt::Write as _;

pub use coverage::render_coverage;

use super::{Analysis, Summary, editor, human, location::display_path};
use crate::{
    config::{Settings, report::Ranking},
    ingest::Article,
    reconcile::Finding,
    rules::Verdict,
    span::Span,
};

const STYLE: &str = include_str!("html/page.css");
const SCRIPT: &str = include_str!("html/page.js");

/// Escape text for HTML content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // NUL and other C0 controls are parse errors in HTML; show them as U+FFFD.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The start of a page, up to and including `<body>`; `page` names the page's kind
/// (`report`, `coverage`) for the style sheet and the script.
fn open_page(out: &mut String, title: &str, page: &str) {
    out.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"generator\" content=\"corroborate\">\n",
    ));
    let _ = write!(out, "<title>{}</title>\n<style>\n", escape(title));
    out.push_str(STYLE);
    let _ = writeln!(out, "</style>\n</head>\n<body class=\"page-{page}\">");
}

/// The end of a page: the script and the closing tags.
fn close_page(out: &mut String) {
    out.push_str("<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
}

/// One entry of a legend: a sample of the mark, what it is called, what it means, and
/// the verdict it can hide (a filter), if any.
struct LegendEntry<'a> {
    /// Classes of the sample, such as `v-conflict`.
    class: &'a str,
    /// The sample's text: the symbol shown in lists, or a word.
    sample: &'a str,
    label: &'a str,
    meaning: &'a str,
    filter: Option<&'a str>,
}

fn write_legend(out: &mut String, entries: &[LegendEntry<'_>]) {
    out.push_str("<dl id=\"legend\" aria-label=\"legend\">");
    for e in entries {
        let filter = e.filter.map_or(String::new(), |f| {
            format!(
                "<input type=\"checkbox\" data-filter=\"{f}\" checked \
                 title=\"show or hide {label}\"> ",
                label = escape(e.label)
            )
        });
        let _ = write!(
            out,
            "<div><dt><label>{filter}<mark class=\"sample {class}\">{sample}</mark> {label}</label></dt>\
             <dd>{meaning}</dd></div>",
            class = e.class,
            sample = escape(e.sample),
            label = escape(e.label),
            meaning = escape(e.meaning),
        );
    }
    out.push_str("</dl>\n");
}

/// A highlighted span of an article.
struct Highlight<'a> {
    span: Span,
    /// Classes of the mark.
    class: &'a str,
    /// What a click selects (a finding id, a draft claim id); may be empty.
    key: &'a str,
    /// The claim's id.
    claim: &'a str,
    title: &'a str,
}

/// Write `text` escaped, with every highlight as a `<mark>`.
///
/// Highlights can overlap (a figure inside a quote): the text is cut at every boundary
/// and each piece marked with the keys of all highlights covering it (`data-{key_attr}`,
/// innermost first, so that a click selects the innermost); the innermost (shortest)
/// highlight gives the class, the claim and the tooltip.
fn write_marked(out: &mut String, text: &str, highlights: &[Highlight<'_>], key_attr: &str) {
    let mut sorted: Vec<&Highlight<'_>> = highlights.iter().collect();
    sorted.sort_by_key(|h| (h.span.start, h.span.end));
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for h in &sorted {
        cuts.push(h.span.start.min(text.len()));
        cuts.push(h.span.end.min(text.len()));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    // Highlights sorted by start: a sweep keeps the ones covering the current piece.
    let mut open: Vec<&Highlight<'_>> = Vec::new();
    let mut next = 0;
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        while let Some(&h) = sorted.get(next).filter(|h| h.span.start <= start) {
            open.push(h);
            next += 1;
        }
        open.retain(|h| h.span.end > start);
        let covering: Vec<&Highlight<'_>> = open
            .iter()
            .copied()
            .filter(|h| h.span.start <= start && h.span.end >= end)
            .collect();
        let piece_text = text.get(start..end).unwrap_or_default();
        let Some(inner) = covering.iter().copied().min_by_key(|h| h.span.len()) else {
            out.push_str(&escape(piece_text));
            continue;
        };
        let mut keys: Vec<&str> = Vec::new();
        for h in std::iter::once(inner).chain(covering.iter().copied()) {
            if !h.key.is_empty() && !keys.contains(&h.key) {
                keys.push(h.key);
            }
        }
        let _ = write!(
            out,
            "<mark class=\"{}\" data-{key_attr}=\"{}\" data-c=\"{}\" title=\"{}\">{}</mark>",
            inner.class,
            escape(&keys.join(" ")),
            escape(inner.claim),
            escape(inner.title),
            escape(piece_text),
        );
    }
}

/// The report page, findings ordered by the built-in `[report] rank`.
pub fn render(analysis: &Analysis<'_>) -> String {
    render_ranked(analysis, &Settings::builtin().ranking)
}

/// Which finding each claim belongs to (claims of `off` kinds belong to none).
fn finding_of_claims(analysis: &Analysis<'_>) -> Vec<Option<usize>> {
    let mut owner = vec![None; analysis.claims.len()];
    for (f, finding) in analysis.findings.iter().enumerate() {
        for &i in &finding.claims {
            if let Some(slot) = owner.get_mut(i) {
                *slot = Some(f);
            }
        }
    }
    owner
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Conflict => "v-conflict",
        Verdict::Agreement => "v-agreement",
        Verdict::SingleSource => "v-single_source",
    }
}

/// The report page: the findings in editor order (conflicts, agreements, then the
/// single-source claims folded away), each a headline naming outlets; the sources as
/// columns, the ones the selected finding involves side by side; a legend.
pub fn render_ranked(analysis: &Analysis<'_>, ranking: &Ranking) -> String {
    let names = editor::source_names(analysis.articles);
    let headlines: Vec<String> = analysis
        .findings
        .iter()
        .map(|f| editor::headline(f, analysis, &names))
        .collect();
    let summary = Summary::of(analysis.findings);
    let mut out = String::with_capacity(
        analysis
            .articles
            .iter()
            .map(|a| a.text.len())
            .sum::<usize>()
            * 3
            + 32 * 1024,
    );
    open_page(&mut out, "corroborate report", "report");
    out.push_str("<header>\n<div class=\"title\"><h1>corroborate</h1>");
    let _ = writeln!(
        out,
        "<p class=\"counts\">{}</p></div>",
        escape(&human::summary_line(analysis))
    );
    write_legend(
        &mut out,
        &[
            LegendEntry {
                class: "v-conflict",
                sample: human::symbol(Verdict::Conflict),
                label: "conflict",
                meaning: "sources disagree about this",
                filter: Some("conflict"),
            },
            LegendEntry {
                class: "v-agreement",
                sample: human::symbol(Verdict::Agreement),
                label: "agreement",
                meaning: "two or more sources say this",
                filter: Some("agreement"),
            },
            LegendEntry {
                class: "v-single_source",
                sample: human::symbol(Verdict::SingleSource),
                label: "single source",
                meaning: "only one source says this",
                filter: Some("single_source"),
            },
            LegendEntry {
                class: "v-none",
                sample: "abc",
                label: "grey underline",
                meaning: "read as a claim, no finding (its kind is off, or nothing to compare)",
                filter: None,
            },
            LegendEntry {
                class: "v-agreement sel",
                sample: "abc",
                label: "blue outline",
                meaning: "the spans of the selected finding",
                filter: None,
            },
        ],
    );
    out.push_str("</header>\n<main>\n<nav id=\"findings\" aria-label=\"findings\">\n");
    let order = editor::order(analysis, ranking);
    for (verdict, title, count, none) in [
        (
            Verdict::Conflict,
            "Conflicts",
            summary.conflict,
            "no source contradicts another",
        ),
        (
            Verdict::Agreement,
            "Agreements",
            summary.agreement,
            "no two sources say the same thing",
        ),
        (
            Verdict::SingleSource,
            "Single-source claims",
            summary.single_source,
            "",
        ),
    ] {
        let folded = verdict == Verdict::SingleSource;
        if folded {
            if count == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "<details id=\"single-source\" class=\"group\"><summary><h2>{title} <span class=\"n\">{count}</span></h2></summary>"
            );
        } else {
            let _ = writeln!(
                out,
                "<section class=\"group\"><h2>{title} <span class=\"n\">{count}</span></h2>"
            );
        }
        if count == 0 {
            let _ = writeln!(out, "<p class=\"none\">{none}</p>");
        } else {
            out.push_str("<ol>\n");
            for &i in order
                .iter()
                .filter(|&&i| analysis.findings[i].verdict == verdict)
            {
                finding_item(&mut out, &analysis.findings[i], &headlines[i]);
            }
            out.push_str("</ol>\n");
        }
        out.push_str(if folded {
            "</details>\n"
        } else {
            "</section>\n"
        });
    }
    out.push_str(
        "<p class=\"hint\">Click a finding or a highlighted claim; \
         <kbd>j</kbd>/<kbd>k</kbd> next/previous, <kbd>Esc</kbd> clears. \
         A link to <code>#F3</code> opens finding F3.</p>\n</nav>\n<div id=\"reader\">\n",
    );
    out.push_str("<div id=\"shelf\" role=\"toolbar\" aria-label=\"sources shown\">");
    for (article, name) in analysis.articles.iter().zip(&names) {
        let _ = write!(
            out,
            "<button type=\"button\" data-source=\"{}\" aria-pressed=\"false\" title=\"{}\">{}</button>",
            escape(&article.id),
            escape(&display_path(&article.path)),
            escape(name),
        );
    }
    out.push_str("</div>\n<div id=\"sources\">\n");
    let owner = finding_of_claims(analysis);
    let mut by_article: Vec<Vec<usize>> = vec![Vec::new(); analysis.articles.len()];
    for (i, claim) in analysis.claims.iter().enumerate() {
        if let Some(list) = by_article.get_mut(claim.article) {
            list.push(i);
        }
    }
    let titles: Vec<String> = analysis
        .findings
        .iter()
        .zip(&headlines)
        .map(|(f, h)| format!("{} {} {h}", human::symbol(f.verdict), f.id))
        .collect();
    for (index, (article, claims)) in analysis.articles.iter().zip(&by_article).enumerate() {
        let highlights: Vec<Highlight<'_>> = claims
            .iter()
            .map(|&i| {
                let claim = &analysis.claims[i];
                let finding = owner[i];
                Highlight {
                    span: claim.span,
                    class: finding
                        .map_or("v-none", |f| verdict_class(analysis.findings[f].verdict)),
                    key: finding.map_or("", |f| analysis.findings[f].id.as_str()),
                    claim: &claim.id,
                    title: finding.map_or(claim.id.as_str(), |f| titles[f].as_str()),
                }
            })
            .collect();
        let copy_of = (0..index)
            .find(|&j| analysis.groups.of_article.get(j) == analysis.groups.of_article.get(index));
        let about = source_about(article, copy_of.map(|j| names[j].as_str()));
        let _ = write!(
            out,
            "<section class=\"source\" data-source=\"{}\"><h2><span class=\"name\">{}</span>\
             <small>{}</small></h2><div class=\"text\">",
            escape(&article.id),
            escape(&names[index]),
            about,
        );
        write_marked(&mut out, &article.text, &highlights, "f");
        out.push_str("</div></section>\n");
    }
    out.push_str("</div>\n</div>\n</main>\n");
    close_page(&mut out);
    out
}

/// The line under a source's name: its file, date and title, and the story it copies.
fn source_about(article: &Article, copy_of: Option<&str>) -> String {
    let mut about = vec![escape(&display_path(&article.path))];
    for part in [&article.meta.date, &article.meta.title]
        .into_iter()
        .flatten()
    {
        about.push(escape(part));
    }
    if let Some(first) = copy_of {
        about.push(format!("same story as {}", escape(first)));
    }
    about.join(" · ")
}

fn finding_item(out: &mut String, finding: &Finding, headline: &str) {
    let advice = if finding.verdict == Verdict::SingleSource {
        None
    } else {
        editor::advice(finding.kind)
    };
    let _ = writeln!(
        out,
        "<li class=\"{class}\" data-f=\"{id}\" tabindex=\"0\"><span class=\"sym\" aria-hidden=\"true\">{symbol}</span>\
         <span class=\"hl\">{headline}</span><span class=\"meta\">{id} · {kind} · {severity}</span>{advice}</li>",
        class = verdict_class(finding.verdict),
        symbol = human::symbol(finding.verdict),
        id = escape(&finding.id),
        headline = escape(headline),
        kind = finding.kind.name(),
        severity = finding.severity.name(),
        advice = advice.map_or(String::new(), |a| format!(
            "<span class=\"help\">{}</span>",
            escape(a)
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_articles_is_inert() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{0}b\nc"), "a\u{fffd}b\nc");
    }

    #[test]
    fn the_script_and_style_fetch_nothing() {
        for asset in [STYLE, SCRIPT] {
            for needle in [
                "http:",
                "https:",
                "url(",
                "@import",
                "fetch(",
                "XMLHttpRequest",
            ] {
                assert!(!asset.contains(needle), "asset mentions {needle}");
            }
        }
    }

    #[test]
    fn overlapping_highlights_give_the_inner_one_the_click() {
        let text = "He said \"27 stalls burned\" today";
        let quote = Highlight {
            span: Span::new(8, 26),
            class: "v-conflict",
            key: "F1",
            claim: "a:1",
            title: "quote",
        };
        let figure = Highlight {
            span: Span::new(9, 18),
            class: "v-agreement",
            key: "F2",
            claim: "a:2",
            title: "figure",
        };
        let mut out = String::new();
        write_marked(&mut out, text, &[quote, figure], "f");
        assert_eq!(
            out,
            "He said <mark class=\"v-conflict\" data-f=\"F1\" data-c=\"a:1\" title=\"quote\">&quot;</mark>\
             <mark class=\"v-agreement\" data-f=\"F2 F1\" data-c=\"a:2\" title=\"figure\">27 stalls</mark>\
             <mark class=\"v-conflict\" data-f=\"F1\" data-c=\"a:1\" title=\"quote\"> burned&quot;</mark> today"
        );
    }
}
