#!/usr/bin/env python3
"""Run `corroborate check` on every news cluster and print a table per cluster.

Usage: scripts/clusters.py [--bin target/release/corroborate] [--corpus ../shared/corpus]
       [--conflicts CLUSTER...]   print every conflict of the named clusters, for review
"""
import argparse, json, os, subprocess, sys

p = argparse.ArgumentParser()
p.add_argument("--bin", default="target/release/corroborate")
p.add_argument("--corpus", default=os.environ.get("CORROBORATE_CORPUS", "../shared/corpus"))
p.add_argument("--conflicts", nargs="*", default=[])
args = p.parse_args()

root = os.path.join(args.corpus, "news-clusters", "ecbplus")
clusters = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
totals = {"agreement": 0, "conflict": 0, "single_source": 0, "claims": 0, "comparisons": 0}
print("| cluster | sources | groups | claims | agreements | conflicts | single-source |")
print("|---|---:|---:|---:|---:|---:|---:|")
for c in clusters:
    out = subprocess.run([args.bin, "check", "--format", "json", "--fail-on", "never", os.path.join(root, c)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        print(f"| {c} | error {out.returncode}: {out.stderr.strip()[:80]} |")
        continue
    r = json.loads(out.stdout)
    s, st = r["summary"], r["stats"]
    for k in ("agreement", "conflict", "single_source"):
        totals[k] += s[k]
    totals["claims"] += st["claims"]
    totals["comparisons"] += st["comparisons"]
    print(f"| {c} | {st['sources']} | {st['independence_groups']} | {st['claims']} | {s['agreement']} | {s['conflict']} | {s['single_source']} |")
    if c in args.conflicts:
        claims = {x["id"]: x for x in r["claims"]}
        for f in r["findings"]:
            if f["verdict"] != "conflict":
                continue
            for l in f["links"]:
                if l["relation"] == "conflicts":
                    a, b = claims[l["a"]], claims[l["b"]]
                    print(f"    {f['id']} {a['source']}: {a['text']!r} vs {b['source']}: {b['text']!r} ({l['reason']})", file=sys.stderr)
print(f"| **all {len(clusters)}** | | | {totals['claims']} | {totals['agreement']} | {totals['conflict']} | {totals['single_source']} |")
print(f"comparisons: {totals['comparisons']}", file=sys.stderr)
