#!/usr/bin/env bash
# newslens: build everything, run the demo, run every test.
#
#   ./build.sh          build, then serve the demo (seed article) on 127.0.0.1
#   ./build.sh build    build only: target/release/newslens, dist/{pkg,chrome,firefox,www} and the zips
#   ./build.sh test     build, then every test: Rust (unit, integration, doc), wasm in Node, browser end to end
#
# On a fresh machine it installs what it needs: the wasm32 target, the
# wasm-bindgen CLI at the version pinned in Cargo.toml, Chromium and Firefox
# ESR (Debian packages; Firefox ESR 140 unpacked under target/), the
# build's npm packages (tools/) and the tests' (tests/e2e/).
set -euo pipefail
cd "$(dirname "$0")"

DIST=dist
PORT=${PORT:-8000}
# The CLI must match the wasm-bindgen crate exactly; Cargo.toml pins it.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
# The oldest Firefox the manifest names (strict_min_version), tested beside
# Debian's current ESR; tests/e2e/firefox.mjs looks for it here.
FIREFOX_ESR_140=140.12.0esr-1~deb12u1
FIREFOX_ESR_140_DIR=target/firefox-esr-140

step() { printf '\n== %s\n' "$*" >&2; }

ensure_toolchain() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "installing the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
  fi
}

# Root, or sudo for apt-get.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_browsers() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  # French, for the test of the interface in French (Firefox speaks only
  # the languages it has a pack for, and so do its add-ons).
  dpkg -s firefox-esr-l10n-fr >/dev/null 2>&1 || missing+=(firefox-esr-l10n-fr)
  # GNU time, for the scaling bench's per-run peak memory.
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    step "installing ${missing[*]} (Debian packages) for the browser tests"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  ensure_firefox_esr_140
}

# Firefox ESR 140 beside the installed one: its Debian package unpacked, not
# installed (it runs on the current ESR's libraries). The pinned version, or
# whichever 140 Debian lists once a point release has replaced it.
ensure_firefox_esr_140() {
  [ -x "$FIREFOX_ESR_140_DIR/usr/lib/firefox-esr/firefox-esr" ] &&
    [ -e "$FIREFOX_ESR_140_DIR/usr/lib/firefox-esr/browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi" ] && return
  step "unpacking Firefox ESR 140 (the oldest the manifest names) into $FIREFOX_ESR_140_DIR"
  local versions version tmp
  versions=$(apt-cache madison firefox-esr | awk '{print $3}')
  if [ -z "$versions" ]; then
    as_root apt-get update -qq
    versions=$(apt-cache madison firefox-esr | awk '{print $3}')
  fi
  version=$(grep -Fx "$FIREFOX_ESR_140" <<<"$versions" || grep -m1 '^140\.' <<<"$versions" || true)
  if [ -z "$version" ]; then
    echo "no Firefox ESR 140 in the apt sources (apt-cache madison firefox-esr)" >&2
    return 1
  fi
  tmp=$(mktemp -d)
  # apt's download user writes there too.
  chmod 777 "$tmp"
  # With its French language pack, of the same version.
  (cd "$tmp" && apt-get download -qq "firefox-esr=$version" "firefox-esr-l10n-fr=$version")
  rm -rf "$FIREFOX_ESR_140_DIR"
  mkdir -p "$FIREFOX_ESR_140_DIR"
  for deb in "$tmp"/*.deb; do
    dpkg-deb -x "$deb" "$FIREFOX_ESR_140_DIR"
  done
  rm -rf "$tmp"
}

ensure_npm_packages() {
  if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules ]; then
    step "installing the browser tests' npm packages"
    # puppeteer-core downloads no browser; the tests use Debian's.
    (cd tests/e2e && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
}

# The build's own npm packages (tools/: esbuild, which bundles the
# extension's background; binaryen's wasm-opt, which optimises the wasm).
ensure_build_tools() {
  if [ ! -d tools/node_modules ] || [ tools/package-lock.json -nt tools/node_modules ]; then
    step "installing the build's npm packages"
    (cd tools && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
}

build_native() {
  step "building the command line"
  cargo build --release --locked
}

build_wasm() {
  step "building the wasm package"
  cargo build --lib --profile wasm --target wasm32-unknown-unknown --no-default-features --locked
  rm -rf "$DIST/pkg"
  wasm-bindgen --target web --no-typescript --out-dir "$DIST/pkg" target/wasm32-unknown-unknown/wasm/newslens.wasm
  # binaryen from npm (132; Debian's 108 emits broken modules), with the
  # features rustc's wasm32 target uses: about 10 KB less gzipped, as fast
  # (bench/node_speed.mjs), the same entities.
  ensure_build_tools
  step "optimising the wasm (wasm-opt -O3)"
  tools/node_modules/.bin/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$DIST/pkg/newslens_bg.wasm" -o "$DIST/pkg/newslens_bg.wasm"
  # The models travel beside the wasm, one file per language, loaded when a
  # page first needs one; index.json says which exist.
  mkdir -p "$DIST/pkg/models"
  cp models/*.bin "$DIST/pkg/models/"
  local langs
  langs=$(cd models && ls ./*.bin | sed 's|^./||; s|\.bin$||' | sort)
  printf '[%s]\n' "$(printf '"%s",' $langs | sed 's/,$//')" > "$DIST/pkg/models/index.json"
}

# One extension source, one manifest per browser.
assemble_extension() {
  local browser=$1
  local out="$DIST/$browser"
  step "assembling $out"
  rm -rf "$out"
  mkdir -p "$out"
  cp -r extension/background.js extension/background extension/content extension/shared extension/sidebar extension/options extension/engine extension/_locales "$out/"
  mkdir -p "$out/icons" && cp extension/icons/*.png "$out/icons/"
  cp -r "$DIST/pkg" "$out/pkg"
  # The background's modules, bundled into one script: a service worker
  # Chrome stopped, woken by a click, then reads one file instead of a dozen
  # (some 15 ms of the click; bench/page.mjs --stopped).
  ensure_build_tools
  tools/node_modules/.bin/esbuild "$out/background.js" --bundle --format=esm --log-level=warning --allow-overwrite --outfile="$out/background.js"
  rm -r "$out/background"
  node extension/manifest.mjs "$browser" > "$out/manifest.json"
  rm -f "$DIST/newslens-$browser.zip"
  (cd "$out" && python3 -m zipfile -c "../newslens-$browser.zip" ./*)
}

# The demo: the same wasm package and entity list as the extension.
assemble_www() {
  local out="$DIST/www"
  step "assembling $out"
  rm -rf "$out"
  mkdir -p "$out/shared" "$out/sidebar" "$out/icons"
  cp www/index.html www/demo.js www/demo.css www/seed-article.txt "$out/"
  cp extension/shared/palette.js extension/shared/engine.js extension/shared/lexicon.js extension/shared/i18n.js "$out/shared/"
  cp extension/sidebar/summary-view.js extension/sidebar/summary-view.css "$out/sidebar/"
  cp -r extension/_locales "$out/"
  cp extension/icons/icon-32.png "$out/icons/"
  cp -r "$DIST/pkg" "$out/pkg"
}

build() {
  ensure_toolchain
  build_native
  build_wasm
  assemble_extension chrome
  assemble_extension firefox
  assemble_www
  step "built"
  ls -l target/release/newslens "$DIST"/pkg/newslens_bg.wasm "$DIST"/*.zip >&2
}

run_demo() {
  step "the seed article, on the command line"
  target/release/newslens highlight www/seed-article.txt --color auto | tail -n 40
  cat >&2 <<MSG

The extension:
  Chrome or Chromium: chrome://extensions → Developer mode → Load unpacked → $(pwd)/$DIST/chrome
  Firefox: about:debugging#/runtime/this-firefox → Load Temporary Add-on → $(pwd)/$DIST/firefox/manifest.json
  (packages: $DIST/newslens-chrome.zip, $DIST/newslens-firefox.zip)

The demo page, with the seed article (Ctrl-C to stop):
MSG
  node www/serve.mjs "$DIST/www" "$PORT"
}

# cargo fuzz needs nightly (rustup's toolchain, installable here) and the
# cargo-fuzz command; the run is bounded, and a finding fails the build with
# the input that triggered it in fuzz/artifacts/.
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
CARGO_FUZZ_VERSION=0.13.2
run_fuzz() {
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
  if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
    cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked
  fi
  (cd fuzz && cargo +nightly fuzz run extract -- -max_total_time="$FUZZ_SECONDS" -rss_limit_mb=2048 -max_len=65536)
}

# Style as a gate: the Rust lint tier (rustfmt.toml, clippy, rustdoc).
run_rust_lints() {
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
  cargo fmt --check
  cargo clippy --locked --all-targets --all-features -- -D warnings
  RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps
}

run_tests() {
  ensure_browsers
  ensure_npm_packages
  step "lint: cargo fmt --check, clippy -D warnings, cargo doc without warnings"
  run_rust_lints
  step "lint: eslint and tsc --checkJs over extension/, www/, tests/e2e/, bench/"
  (cd tests/e2e && npm run --silent lint && npm run --silent typecheck)
  step "Rust tests: unit, integration (CLI contract, seed gold), doc"
  cargo test --locked
  step "wasm tests in Node"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target wasm32-unknown-unknown --no-default-features --test wasm_offsets
  step "fuzzing: libFuzzer over extraction and the summary, $FUZZ_SECONDS s"
  run_fuzz
  step "scaling: adversarial inputs doubled, no superlinear time, bounded memory"
  python3 bench/scaling.py --min-mb 0.5 --max-mb 4
  step "browser tests: the built extension in headless Chromium (and both manifests, web-ext lint)"
  local chromium_tests=() firefox_tests=(tests/e2e/*.firefox.test.mjs) file
  for file in tests/e2e/*.test.mjs; do
    [[ $file == *.firefox.test.mjs ]] || chromium_tests+=("$file")
  done
  node --test --test-reporter=spec "${chromium_tests[@]}"
  step "browser tests: the built extension in headless Firefox ESR 140 and Debian's current ESR"
  node --test --test-reporter=spec "${firefox_tests[@]}"
  step "article benchmark: the finder on a fixed sample of the held-out pages, with a floor"
  bench/article-floor.sh
  step "all tests passed"
}

case "${1:-run}" in
  run) build && run_demo ;;
  build) build ;;
  # Reassembles the extensions and the demo from the current dist/pkg: for
  # work on the JavaScript alone, without rebuilding the core.
  assemble) assemble_extension chrome && assemble_extension firefox && assemble_www ;;
  test) build && run_tests ;;
  *) echo "usage: $0 [run|build|assemble|test]" >&2; exit 2 ;;
esac
