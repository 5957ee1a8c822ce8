// Rules the extension's code keeps, checked on its source: page text never
// becomes HTML, and nothing can reach the network.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { ROOT } from "./harness.mjs";

async function sources(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(js|mjs|html)$/.test(entry.name)) {
      const path = join(entry.parentPath, entry.name);
      out.push({ path: relative(ROOT, path), text: await readFile(path, "utf8") });
    }
  }
  return out;
}

const shipped = [...(await sources(join(ROOT, "extension"))), ...(await sources(join(ROOT, "www")))].filter((f) => !f.path.endsWith("serve.mjs") && !f.path.endsWith("manifest.mjs"));

test("no HTML sinks: page text only ever enters the DOM as text", () => {
  const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser)\b/;
  const offenders = shipped.filter((f) => sinks.test(f.text)).map((f) => f.path);
  assert.deepEqual(offenders, []);
});

test("no network APIs beyond loading the package's own files", () => {
  const network = /\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection)\b|\bfetch\(/;
  const offenders = shipped.filter((f) => network.test(f.text)).map((f) => f.path).sort();
  // The engine fetches the wasm and model files beside it (pkg/), the demo
  // its seed-article.txt; both from their own origin, which their CSPs
  // (connect-src 'self') make the only one reachable.
  assert.deepEqual(offenders, ["extension/shared/engine.js", "www/demo.js"]);
});
