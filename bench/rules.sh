#!/usr/bin/env bash
# What each rule of src/model/rules/rules.txt earns: the French development
# figures (bench/fr_dev.sh) with every rule, then without each in turn
# (NEWSLENS_SKIP_RULES), English ones (conll03.en.dev, `newslens eval`) and
# German ones (conll03.de.dev with its umlauts put back, news-de-es's German
# development split).
# A rule stays only with a gain on the OrangeSum or genres development split (French)
# or on the development data of the language it is written for; see rules.txt.
#   bench/rules.sh [FR_MODEL.bin] [EN_MODEL.bin]
set -euo pipefail
cd "$(dirname "$0")/.."
fr=${1:-}
en=()
[[ $# -ge 2 ]] && en=(--model "$2")
english() {
  target/release/newslens eval "${en[@]}" --json ../shared/data/ner/conll03.en.dev.conll |
    python3 -c 'import json, sys; print("conll03.en.dev P+L+O %.3f" % json.load(sys.stdin)["PER+LOC+ORG"]["f"])'
}
german_dev=$(mktemp)
trap 'rm -f "$german_dev"' EXIT
python3 bench/repair_umlauts.py ../shared/data/ner/conll03.de.train.conll ../shared/data/ner/conll03.de.dev.conll > "$german_dev" 2>/dev/null
german_one() {
  target/release/newslens eval --lang de --json "$2" |
    python3 -c 'import json, sys; print("%s P+L+O %.3f" % (sys.argv[1], json.load(sys.stdin)["PER+LOC+ORG"]["f"]))' "$1"
}
german() {
  german_one "conll03.de.dev (umlauts put back)" "$german_dev"
  german_one "news-de-es German dev" corpus/news-de-es/news-synth.de.tune.jsonl
}
echo "== all rules"
bench/fr_dev.sh $fr | sed -n 1,2p
english
german
for rule in $(sed -n 's/^rule \([^ ]*\).*/\1/p' src/model/rules/rules.txt); do
  echo "== without $rule"
  NEWSLENS_SKIP_RULES=$rule bench/fr_dev.sh $fr | sed -n 1,2p
  NEWSLENS_SKIP_RULES=$rule english
  NEWSLENS_SKIP_RULES=$rule german
done
