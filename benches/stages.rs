//! criterion benches, one per pipeline stage (issue 8): ingest, extract, reconcile, report.
//!
//! Articles come from `CORROBORATE_BENCH_CORPUS` (a folder written by `gen-corpus`, as
//! `scripts/bench` does), else `$CORROBORATE_CORPUS/seeds`, else the invented articles in
//! `examples/harbour-fire`. The text is read once, before timing; each stage is timed on
//! the output of the stages before it. Throughput is bytes of article text.

use std::{path::PathBuf, sync::Arc};

use corroborate::{
    config::Settings,
    extract,
    ingest::{self, Article},
    reconcile,
    report::{Analysis, json},
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> PathBuf {
    if let Some(dir) = std::env::var_os("CORROBORATE_BENCH_CORPUS") {
        return PathBuf::from(dir);
    }
    if let Some(dir) = std::env::var_os("CORROBORATE_CORPUS") {
        return PathBuf::from(dir).join("seeds");
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/harbour-fire")
}

fn stages(c: &mut Criterion) {
    let settings = Settings::builtin();
    let dir = corpus();
    let loaded = ingest::load(std::slice::from_ref(&dir), &settings);
    let articles = loaded.articles;
    assert!(!articles.is_empty(), "no articles under {}", dir.display());
    let texts: Vec<(PathBuf, Arc<str>)> = articles
        .iter()
        .map(|a| (a.path.clone(), a.text.clone()))
        .collect();
    let bytes: u64 = texts.iter().map(|(_, t)| t.len() as u64).sum();
    eprintln!(
        "bench corpus: {} ({} articles, {bytes} bytes)",
        dir.display(),
        articles.len()
    );

    let mut group = c.benchmark_group("stages");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));

    group.bench_function("startup", |b| b.iter(Settings::builtin));
    group.bench_function("ingest", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(p, t)| Article::from_text(p.clone(), t.clone(), &settings))
                .collect::<Vec<_>>()
        })
    });
    group.bench_function("extract", |b| b.iter(|| extract::all(&articles, &settings)));
    let claims = extract::all(&articles, &settings);
    group.bench_function("reconcile", |b| {
        b.iter(|| reconcile::judge(&articles, &claims, &settings))
    });
    let reconciled = reconcile::judge(&articles, &claims, &settings);
    let analysis = Analysis {
        articles: &articles,
        claims: &claims,
        groups: &reconciled.groups,
        findings: &reconciled.findings,
        comparisons: reconciled.comparisons,
    };
    group.bench_function("report-json", |b| b.iter(|| json::render(&analysis, true)));
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
