#!/usr/bin/env bash
# The article finder beside trafilatura and Readability.js on Zyte's
# article-extraction-benchmark (181 pages, most of them English news; MIT):
# a second check on pages the finder was never tuned on, scored by that
# benchmark's own measure (zyte_set.py). Needs a checkout of the benchmark:
#
#   git clone https://github.com/scrapinghub/article-extraction-benchmark REPO
#   bench/article-anchors/zyte.sh REPO [OUT]      (default OUT: target/bench/zyte)
#
# Texts land in OUT/<system>/<id>.html.txt; the page set in OUT/set.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=${1:?usage: zyte.sh REPO [OUT]}
out=${2:-target/bench/zyte}
anchors=$(bench/article-anchors/setup.sh)
rm -rf "$out" && mkdir -p "$out"
python3 bench/article-anchors/zyte_set.py prepare "$repo" "$out/set"
node bench/article.mjs --set "$out/set" --out "$out/newslens" --readability "$out/readability"
"$anchors/venv/bin/python" bench/article-anchors/trafilatura_extract.py "$out/set" "$out/trafilatura" 2>/dev/null
for system in newslens readability trafilatura; do
  printf '%-12s %s\n' "$system" "$(python3 bench/article-anchors/zyte_set.py score "$out/set" "$out/$system")"
done
