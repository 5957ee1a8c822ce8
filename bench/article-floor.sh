#!/usr/bin/env bash
# The article benchmark's tier in ./build.sh test: the extension's article
# finder on a fixed sample of trafilatura's benchmark pages (a third of the
# held-out half b, chosen by a hash of each file's name: halves.py), scored
# by score_articles.py; fails below FLOOR. The floor sits a little under
# what the sample measured when it was set (README, "The article finder's
# figures"), for the run-to-run noise of live pages (timers, layout).
#
#   bench/article-floor.sh [DIR]       (default ../shared/data/articles)
set -euo pipefail
cd "$(dirname "$0")/.."
FLOOR=${ARTICLE_F1_FLOOR:-0.92}
dir=${1:-${NEWSLENS_SHARED:-../shared}/data/articles}
out=target/bench/article-sample
rm -rf "$out" && mkdir -p "$out"
python3 bench/article-anchors/halves.py "$dir" "$out"
mapfile -t files < <(python3 -c 'import json, sys; print("\n".join(i["file"] for i in json.load(open(sys.argv[1], encoding="utf-8")).values()))' "$out/evaldata-sample.json")
node bench/article.mjs --set "$dir" --out "$out/newslens" "${files[@]}"
result=$(python3 "${NEWSLENS_SHARED:-../shared}/tools/score_articles.py" "$out/evaldata-sample.json" "$out/newslens")
echo "article sample (${#files[@]} pages of half b): $result (floor F1 $FLOOR)" >&2
python3 -c 'import json, sys; sys.exit(0 if json.loads(sys.argv[1])["f1"] >= float(sys.argv[2]) else "article sample F1 below its floor")' "$result" "$FLOOR"
