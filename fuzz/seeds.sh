#!/usr/bin/env bash
# Seeds for the claim_files and renderers fuzz targets, built from examples/ (our own
# text): renderers gets each article and each pair of articles of one example joined by
# a 0xFF byte; claim_files gets each article, 0xFF, then the claim file `extract --write`
# writes for it. Usage: fuzz/seeds.sh OUT_DIR (makes OUT_DIR/renderers, OUT_DIR/claim_files).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: fuzz/seeds.sh OUT_DIR}
mkdir -p "$out/renderers" "$out/claim_files"
bin=target/release/corroborate
[ -x "$bin" ] || cargo build --release --quiet
for dir in examples/*/; do
    name=$(basename "$dir")
    files=("$dir"*.txt "$dir"*.md)
    claims=$(mktemp -d)
    "$bin" extract "$dir" --write "$claims" --quiet || true
    prev=""
    for f in "${files[@]}"; do
        [ -f "$f" ] || continue
        stem=$(basename "$f"); stem=${stem%.*}
        cp "$f" "$out/renderers/$name-$stem"
        if [ -n "$prev" ]; then
            { cat "$prev"; printf '\377'; cat "$f"; } > "$out/renderers/$name-pair-$stem"
        fi
        prev=$f
        if [ -f "$claims/$stem.toml" ]; then
            { cat "$f"; printf '\377'; cat "$claims/$stem.toml"; } > "$out/claim_files/$name-$stem"
        fi
    done
    rm -rf "$claims"
done
ls "$out/renderers" | wc -l | xargs echo "renderers seeds:"
ls "$out/claim_files" | wc -l | xargs echo "claim_files seeds:"
