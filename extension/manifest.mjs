// Writes the manifest.json of one browser from manifest.base.json.
// Usage: node extension/manifest.mjs chrome|firefox > dist/<browser>/manifest.json
//
// One source, two manifests: the browsers disagree on a few keys only.
import { readFileSync } from "node:fs";

const browser = process.argv[2];
const base = JSON.parse(readFileSync(new URL("./manifest.base.json", import.meta.url), "utf8"));

// The version is the project's, from one place: Cargo.toml's [package].
const cargo = readFileSync(new URL("../Cargo.toml", import.meta.url), "utf8");
const version = cargo.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m)?.[1];
if (!version) {
  console.error("no [package] version in Cargo.toml");
  process.exit(2);
}

const perBrowser = {
  chrome: {
    // Chrome runs MV3 backgrounds as service workers only.
    background: { service_worker: "background.js", type: "module" },
    // chrome.sidePanel: the sidebar beside the page (Chrome 114+).
    side_panel: { default_path: "sidebar/sidebar.html" },
    // chrome.offscreen: the engine's worker outlives the service worker
    // (background/engine.js). unlimitedStorage (no warning at install):
    // Chrome caps storage.local at 10 MB, which the reader's corrections
    // (up to some 6 MB) and memory of names (5 MB) could pass together;
    // Firefox sets no such cap.
    permissions: [...base.permissions, "sidePanel", "offscreen", "unlimitedStorage"],
    minimum_chrome_version: "116",
  },
  firefox: {
    // Firefox has no MV3 service workers; an event page runs the same module.
    background: { scripts: ["background.js"], type: "module" },
    // Firefox's sidebar; open_at_install would surprise the reader.
    sidebar_action: { default_panel: "sidebar/sidebar.html", default_title: "newslens", open_at_install: false },
    browser_specific_settings: {
      gecko: {
        id: "newslens@newslens.example",
        // 140: the CSS Custom Highlight API, which paints without touching
        // the page's DOM (the <newslens-mark> fallback splits the page's
        // text nodes, which a page's own scripts may hold); 128 brought
        // scripting.registerContentScripts with persistAcrossSessions,
        // storage.session, and MV3 host permissions granted at runtime.
        strict_min_version: "140.0",
        // AMO requires the declaration; newslens collects nothing.
        data_collection_permissions: { required: ["none"] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on
      // (desktop from 140); an older Android would install newslens
      // without its declaration.
      gecko_android: { strict_min_version: "142.0" },
    },
  },
};

if (!(browser in perBrowser)) {
  console.error(`usage: node manifest.mjs ${Object.keys(perBrowser).join("|")}`);
  process.exit(2);
}
process.stdout.write(JSON.stringify({ ...base, version, ...perBrowser[browser] }, null, 2) + "\n");
