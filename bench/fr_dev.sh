#!/usr/bin/env bash
# French development figures of a model file, for choosing a recipe or a
# rule: PER+LOC+ORG (and MISC) on the development splits of the OrangeSum
# and genres corpora, and the news development set by the reference scorer, and hipe2020.fr.dev by
# `newslens eval`. No test file is read here.
#   bench/fr_dev.sh [MODEL.bin]     (default: the built-in fr model)
#   NEWSLENS_BIN=path/to/newslens bench/fr_dev.sh ...   (another build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${NEWSLENS_BIN:-target/release/newslens}
shared=../shared
model=()
[[ $# -ge 1 ]] && model=(--model "fr=$1")
evalmodel=()
[[ $# -ge 1 ]] && evalmodel=(--model "$1")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
score() {
  "$bin" extract --lang fr "${model[@]}" < "$1" > "$out/pred.jsonl"
  python3 "$shared/tools/score.py" "$1" "$out/pred.jsonl" | python3 -c '
import json, sys
s = json.load(sys.stdin); c = s["PER+LOC+ORG"]
t = lambda k: "%s %.3f/%.3f/%.3f" % (k, s[k]["p"], s[k]["r"], s[k]["f"])
print("%-28s P+L+O %.3f (P %.3f R %.3f) | %s | %s | %s | %s" % (sys.argv[1], c["f"], c["p"], c["r"], t("PER"), t("LOC"), t("ORG"), t("MISC")))' "$2"
}
score corpus/fr-news/orangesum-ner.fr.tune.jsonl orangesum-dev
score corpus/fr-genres/genres-ner.fr.tune.jsonl genres-dev
score "$shared/data/news/fr.dev.jsonl" news-fr-dev
"$bin" eval "${evalmodel[@]}" --json "$shared/data/ner/hipe2020.fr.dev.conll" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print("%-28s P+L+O %.3f" % ("hipe2020.fr.dev", s["PER+LOC+ORG"]["f"]))'
