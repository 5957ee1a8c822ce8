#!/usr/bin/env bash
# Installs spaCy and its models (bench/spacy-requirements.txt) into
# target/bench/venv, once. Prints the venv's python.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/bench/venv
if [ ! -x "$venv/bin/python" ] || [ bench/spacy-requirements.txt -nt "$venv/.installed" ]; then
  echo "installing spaCy into $venv (a few minutes, once)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r bench/spacy-requirements.txt >&2
  touch "$venv/.installed"
fi
echo "$venv/bin/python"
