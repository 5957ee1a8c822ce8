// What the browser tests and the page benchmarks share: where things are,
// the Chromium they drive and how it is started, and a median. No check
// that anything is built: bench/article.mjs needs none.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export { chromium } from "playwright-core";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const SHARED = resolve(process.env.NEWSLENS_SHARED ?? join(ROOT, "../shared"));
export const PAGES = join(SHARED, "fixtures/pages");

if (!existsSync(PAGES)) {
  throw new Error(`fixture pages missing at ${PAGES}: check out shared/ beside the project or set NEWSLENS_SHARED`);
}

// Debian's Chromium, unless $CHROMIUM names another.
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  // Without these Chromium itself calls home, which this machine refuses
  // and which would blur what the extension does.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
