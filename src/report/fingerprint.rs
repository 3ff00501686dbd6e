//! Stable fingerprints of claims and findings, for baselines and SARIF
//! `partialFingerprints`.
//!
//! A fingerprint depends on what was claimed, never on where: the finding kind, each
//! claim's source id, kind and text (lower case, whitespace collapsed). Editing a line
//! above a claim, or renumbering findings, keeps it; changing a figure changes it. Must not
//! depend on line numbers, offsets, finding ids or claim ids.

use std::fmt::Write as _;

use super::Analysis;
use crate::{extract::Claim, ingest::Article, reconcile::Finding};

/// The name under which SARIF carries the fingerprint; bump the version when the
/// recipe changes, so old baselines are not silently misread.
pub const SARIF_KEY: &str = "corroborate/finding/v1";

/// A claim's content: `source|kind|text`, text lower case with whitespace collapsed.
pub fn claim_key(claim: &Claim, article: &Article) -> String {
    let text = article.slice(claim.span);
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.extend(word.chars().flat_map(char::to_lowercase));
    }
    format!("{}|{}|{folded}", article.id, claim.kind.name())
}

/// 32 hex digits identifying a finding by its kind and its claims' contents (in a
/// canonical order, so claim order does not matter).
pub fn of_finding(finding: &Finding, analysis: &Analysis<'_>) -> String {
    of_claims(finding, analysis.claims, analysis.articles)
}

/// [`of_finding`] from the run's claims and articles alone (for baselines, which are
/// written before any report exists).
pub fn of_claims(finding: &Finding, claims: &[Claim], articles: &[Article]) -> String {
    let mut keys: Vec<String> = finding
        .claims
        .iter()
        .filter_map(|&i| {
            let claim = claims.get(i)?;
            let article = articles.get(claim.article)?;
            Some(claim_key(claim, article))
        })
        .collect();
    keys.sort();
    let mut material = String::from(finding.kind.name());
    for key in keys {
        material.push('\n');
        material.push_str(&key);
    }
    hex128(&material)
}

/// FNV-1a over the bytes, twice with different offset bases: 128 bits, stable across
/// platforms and releases (unlike `std::hash`), no cryptographic claim.
fn hex128(material: &str) -> String {
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut out = String::with_capacity(32);
    for basis in [0xcbf2_9ce4_8422_2325_u64, 0x6c62_272e_07bb_0142_u64] {
        let mut hash = basis;
        for &byte in material.as_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
        write!(out, "{hash:016x}").expect("writing to a String cannot fail");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_fixed_for_fixed_input() {
        // FNV-1a 64 of the empty string is its offset basis.
        assert_eq!(hex128(""), "cbf29ce4842223256c62272e07bb0142");
        assert_ne!(hex128("a"), hex128("b"));
        assert_eq!(hex128("quantity-conflict"), hex128("quantity-conflict"));
    }
}
