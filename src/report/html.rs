//! The HTML report for editors (`--format html`): one self-contained page with the
//! sources side by side, every claim highlighted by verdict, and the findings list.
//!
//! Clicking a finding scrolls every source to its spans and marks them. The page makes
//! no network request (a Content-Security-Policy forbids it) and stays fast with many
//! sources and thousands of claims: state lives in data attributes and a few delegated
//! listeners handle every click. CSS and JS are ours, in `html/`. Everything from the
//! articles is escaped; no article text ever reaches the script.

use std::fmt::Write as _;

use super::{Analysis, Summary, location::display_path};
use crate::{extract::Claim, ingest::Article, reconcile::Finding};

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

/// Which finding each claim belongs to (claims of `off` kinds belong to none).
fn finding_of_claims<'a>(analysis: &Analysis<'a>) -> Vec<Option<&'a Finding>> {
    let mut owner = vec![None; analysis.claims.len()];
    for finding in analysis.findings {
        for &i in &finding.claims {
            if let Some(slot) = owner.get_mut(i) {
                *slot = Some(finding);
            }
        }
    }
    owner
}

/// The page.
pub fn render(analysis: &Analysis<'_>) -> String {
    let owner = finding_of_claims(analysis);
    let summary = Summary::of(analysis.findings);
    let mut out = String::with_capacity(
        analysis
            .articles
            .iter()
            .map(|a| a.text.len())
            .sum::<usize>()
            * 2
            + 16 * 1024,
    );
    out.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"generator\" content=\"corroborate\">\n",
        "<title>corroborate report</title>\n<style>\n"
    ));
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>corroborate</h1>\n");
    let _ = writeln!(
        out,
        "<div class=\"counts\"><span>{} sources</span><span>{} claims</span>\
         <span>{} conflicts</span><span>{} agreements</span><span>{} single-source</span></div>",
        analysis.articles.len(),
        analysis.claims.len(),
        summary.conflict,
        summary.agreement,
        summary.single_source,
    );
    out.push_str("<div class=\"legend\">");
    for (verdict, label) in [
        ("conflict", "conflict"),
        ("agreement", "agreement"),
        ("single_source", "single source"),
    ] {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" data-filter=\"{verdict}\" checked> \
             <span class=\"v v-{verdict}\">{label}</span></label> "
        );
    }
    out.push_str(
        "</div>\n<div class=\"hint\">click a finding or a highlighted claim; j/k: next/previous; Esc: clear</div>\n</header>\n<main>\n",
    );
    out.push_str("<ol id=\"findings\" aria-label=\"findings\">\n");
    for finding in analysis.findings {
        let _ = writeln!(
            out,
            "<li class=\"v-{verdict}\" data-f=\"{id}\" tabindex=\"0\"><span class=\"id\">{id}</span>\
             <span class=\"kind\">{kind}</span><span class=\"sev\">{severity}</span><p>{explanation}</p></li>",
            verdict = finding.verdict.name(),
            id = escape(&finding.id),
            kind = finding.kind.name(),
            severity = finding.severity.name(),
            explanation = escape(&finding.explanation),
        );
    }
    out.push_str("</ol>\n<div id=\"sources\">\n");
    let mut by_article: Vec<Vec<usize>> = vec![Vec::new(); analysis.articles.len()];
    for (i, claim) in analysis.claims.iter().enumerate() {
        if let Some(list) = by_article.get_mut(claim.article) {
            list.push(i);
        }
    }
    for (index, (article, claims)) in analysis.articles.iter().zip(&by_article).enumerate() {
        let group = analysis.groups.of_article.get(index).copied();
        render_source(&mut out, analysis, article, claims, group, &owner);
    }
    out.push_str("</div>\n</main>\n<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn render_source(
    out: &mut String,
    analysis: &Analysis<'_>,
    article: &Article,
    claim_indices: &[usize],
    group: Option<usize>,
    owner: &[Option<&Finding>],
) {
    let mut about: Vec<String> = Vec::new();
    for part in [
        &article.meta.outlet,
        &article.meta.date,
        &article.meta.title,
    ]
    .into_iter()
    .flatten()
    {
        about.push(escape(part));
    }
    if let Some(group) = group {
        about.push(format!("independence group {group}"));
    }
    let _ = write!(
        out,
        "<section class=\"source\" data-source=\"{}\"><h2 title=\"{}\">{}<small>{}</small></h2>\
         <div class=\"text\">",
        escape(&article.id),
        escape(&display_path(&article.path)),
        escape(&article.id),
        about.join(" · "),
    );
    // Claims can overlap (a figure inside a quote): cut the text at every claim boundary
    // and mark each piece with the findings of all claims covering it; the innermost
    // (shortest) claim gives the colour and the tooltip.
    let text: &str = &article.text;
    let mut claims: Vec<(usize, &Claim)> = claim_indices
        .iter()
        .filter_map(|&i| Some((i, analysis.claims.get(i)?)))
        .collect();
    claims.sort_by_key(|(_, c)| (c.span.start, c.span.end));
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (_, claim) in &claims {
        cuts.push(claim.span.start.min(text.len()));
        cuts.push(claim.span.end.min(text.len()));
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    // Claims sorted by start: a sweep keeps the ones covering the current piece.
    let mut open: Vec<(usize, &Claim)> = Vec::new();
    let mut next = 0;
    for piece in cuts.windows(2) {
        let (start, end) = (piece[0], piece[1]);
        while let Some(&claim) = claims.get(next).filter(|(_, c)| c.span.start <= start) {
            open.push(claim);
            next += 1;
        }
        open.retain(|(_, c)| c.span.end > start);
        let covering: Vec<(usize, &Claim)> = open
            .iter()
            .copied()
            .filter(|(_, c)| c.span.start <= start && c.span.end >= end)
            .collect();
        let piece_text = text.get(start..end).unwrap_or_default();
        let Some(&(inner_index, inner)) = covering.iter().min_by_key(|(_, c)| c.span.len()) else {
            out.push_str(&escape(piece_text));
            continue;
        };
        let inner_finding = owner.get(inner_index).copied().flatten();
        // The innermost claim's finding first: a click selects it.
        let mut findings: Vec<&str> = Vec::new();
        for finding in inner_finding.into_iter().chain(
            covering
                .iter()
                .filter_map(|&(i, _)| owner.get(i).copied().flatten()),
        ) {
            if !findings.contains(&finding.id.as_str()) {
                findings.push(&finding.id);
            }
        }
        let verdict = inner_finding.map_or("none", |f| f.verdict.name());
        let title = match inner_finding {
            Some(f) => format!("{} · {} {}", inner.id, f.kind.name(), f.id),
            None => inner.id.clone(),
        };
        let _ = write!(
            out,
            "<mark class=\"v-{verdict}\" data-f=\"{}\" data-c=\"{}\" title=\"{}\">{}</mark>",
            escape(&findings.join(" ")),
            escape(&inner.id),
            escape(&title),
            escape(piece_text),
        );
    }
    out.push_str("</div></section>\n");
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
}
