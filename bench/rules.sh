#!/usr/bin/env bash
# What each rule of src/model/rules/rules.txt earns: the French development
# figures (bench/fr_dev.sh) with every rule, then without each in turn
# (NEWSLENS_SKIP_RULES), and English ones (conll03.en.dev, `newslens eval`).
# A rule stays only with a gain on the OrangeSum or genres development split (French)
# or on English development data (English-only rules); see rules.txt.
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
echo "== all rules"
bench/fr_dev.sh $fr | sed -n 1,2p
english
for rule in $(sed -n 's/^rule \([^ ]*\).*/\1/p' src/model/rules/rules.txt); do
  echo "== without $rule"
  NEWSLENS_SKIP_RULES=$rule bench/fr_dev.sh $fr | sed -n 1,2p
  NEWSLENS_SKIP_RULES=$rule english
done
