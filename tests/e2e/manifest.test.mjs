// The shipped manifests: Manifest V3, the fewest permissions that work
// (nothing on any site until the reader asks), wasm allowed in the
// extension's own pages only, the network closed, shortcuts, options and
// the interface in English and French.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { DIST, ROOT, readJson } from "./harness.mjs";

for (const browser of ["chrome", "firefox"]) {
  describe(`${browser} manifest`, () => {
    test("MV3, activeTab, no host access at install, content scripts on demand only", async () => {
      const m = await readJson(join(DIST, browser, "manifest.json"));
      assert.equal(m.manifest_version, 3);
      assert.equal(m.host_permissions, undefined, "no blanket host access");
      assert.deepEqual(m.optional_host_permissions, ["http://*/*", "https://*/*"]);
      // Chrome's side panel, its offscreen document for the engine, and
      // room for the reader's data past Chrome's 10 MB.
      const own = { chrome: ["offscreen", "sidePanel", "unlimitedStorage"], firefox: [] }[browser];
      assert.deepEqual([...m.permissions].sort(), ["activeTab", "scripting", "storage", ...own].sort());
      assert.equal(m.content_scripts, undefined);
      assert.equal(m.web_accessible_resources, undefined, "pages cannot load newslens's files");
    });

    test("wasm allowed in the extension's pages, and nothing reachable but its own files", async () => {
      const csp = (await readJson(join(DIST, browser, "manifest.json"))).content_security_policy.extension_pages;
      assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.match(csp, /connect-src 'self'/);
      assert.match(csp, /default-src 'self'/);
    });

    test("shortcuts, options page, English, French, German, Spanish and Dutch", async () => {
      const m = await readJson(join(DIST, browser, "manifest.json"));
      assert.deepEqual(Object.keys(m.commands).sort(), ["_execute_action", "next-entity", "previous-entity", "toggle-highlights"]);
      assert.equal(m.options_ui.page, "options/options.html");
      assert.equal(m.default_locale, "en");
      const en = await readJson(join(DIST, browser, "_locales/en/messages.json"));
      const placeholders = (message) => (message.match(/\$[A-Za-z_]+\$/g) ?? []).sort().join();
      for (const locale of ["fr", "de", "es", "nl"]) {
        const translated = await readJson(join(DIST, browser, `_locales/${locale}/messages.json`));
        assert.deepEqual(Object.keys(translated).sort(), Object.keys(en).sort(), `every English string has its ${locale}`);
        for (const key of Object.keys(en)) {
          assert.equal(placeholders(translated[key].message), placeholders(en[key].message), `${locale} ${key}: the same placeholders`);
          assert.notEqual(translated[key].message, "", `${locale} ${key}`);
        }
      }
      assert.equal((await readJson(join(DIST, browser, "_locales/fr/messages.json"))).run.message, "Surligner cette page");
    });
  });
}

test("one version: both manifests carry Cargo.toml's", async () => {
  const cargo = await readFile(join(ROOT, "Cargo.toml"), "utf8");
  const version = cargo.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)[1];
  for (const browser of ["chrome", "firefox"]) {
    assert.equal((await readJson(join(DIST, browser, "manifest.json"))).version, version, browser);
  }
});

test("per-browser keys", async () => {
  const chrome = await readJson(join(DIST, "chrome/manifest.json"));
  const firefox = await readJson(join(DIST, "firefox/manifest.json"));
  assert.equal(chrome.background.service_worker, "background.js");
  assert.equal(chrome.side_panel.default_path, "sidebar/sidebar.html");
  assert.deepEqual(firefox.background.scripts, ["background.js"]);
  assert.equal(firefox.sidebar_action.default_panel, "sidebar/sidebar.html");
  assert.ok(firefox.browser_specific_settings.gecko.id);
});

// What addons.mozilla.org checks on submission: no error, warning or notice.
test("firefox: web-ext lint finds nothing", async () => {
  const webExt = join(ROOT, "tests/e2e/node_modules/.bin/web-ext");
  const run = promisify(execFile)(webExt, ["lint", "--source-dir", join(DIST, "firefox"), "--output", "json"], {
    env: { ...process.env, NO_UPDATE_NOTIFIER: "1" },
    maxBuffer: 16 << 20,
  });
  // It exits non-zero on errors, with the same report.
  const { stdout } = await run.catch((failure) => failure);
  const report = JSON.parse(stdout);
  const found = [...report.errors, ...report.warnings, ...report.notices].map((m) => `${m.code} (${m.file ?? "-"}): ${m.message}`);
  assert.deepEqual(found, []);
});
