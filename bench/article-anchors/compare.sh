#!/usr/bin/env bash
# The article finder beside its anchors on one page set, in one run:
# newslens (the extension's article.js + collect.js in headless Chromium),
# Mozilla Readability (in the same browser, on the same live document) and
# trafilatura (on the page's bytes); each scored by score_articles.py on the
# whole set and on its two fixed halves (halves.py: "a" tuned on, "b" held
# out). Texts land in OUT/<system>/<file>.txt.
#
#   bench/article-anchors/compare.sh [DIR [OUT]]     (default ../shared/data/articles, target/bench/articles)
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-../shared/data/articles}
out=${2:-target/bench/articles}
anchors=$(bench/article-anchors/setup.sh)
rm -rf "$out" && mkdir -p "$out"
node bench/article.mjs --set "$dir" --out "$out/newslens" --readability "$out/readability"
"$anchors/venv/bin/python" bench/article-anchors/trafilatura_extract.py "$dir" "$out/trafilatura" 2>/dev/null
python3 bench/article-anchors/halves.py "$dir" "$out"
score=$(dirname "$0")/../../../shared/tools/score_articles.py
[ -f "$score" ] || score=${NEWSLENS_SHARED:-../shared}/tools/score_articles.py
for set in "$dir/evaldata.json" "$out/evaldata-a.json" "$out/evaldata-b.json"; do
  for system in newslens readability trafilatura; do
    printf '%-40s %-12s %s\n' "$(basename "$set")" "$system" "$(python3 "$score" "$set" "$out/$system")"
  done
done
