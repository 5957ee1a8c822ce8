#!/usr/bin/env bash
# Installs the article-finder benchmark's anchors, once, into
# target/bench/article-anchors: trafilatura (requirements.txt) in a venv and
# Mozilla Readability (package.json, package-lock.json) from npm. Prints
# that folder. Nothing here is part of the extension.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/article-anchors
out=target/bench/article-anchors
mkdir -p "$out"
if [ ! -x "$out/venv/bin/python" ] || [ "$here/requirements.txt" -nt "$out/venv/.installed" ]; then
  echo "installing trafilatura into $out/venv (once)" >&2
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
  touch "$out/venv/.installed"
fi
if [ ! -f "$out/node_modules/@mozilla/readability/Readability.js" ] || [ "$here/package-lock.json" -nt "$out/node_modules" ]; then
  echo "installing @mozilla/readability into $out (once)" >&2
  cp "$here/package.json" "$here/package-lock.json" "$out/"
  (cd "$out" && npm ci --no-audit --no-fund --loglevel=error >&2 && touch node_modules)
fi
echo "$out"
