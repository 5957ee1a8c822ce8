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

// What sends every request Chromium makes, from any page, extension page,
// service worker or content script, to the refusing proxy on `port`
// (refusing-proxy.mjs), 127.0.0.1 alone excepted (the test servers), as in
// the Firefox tier. "<-loopback>" drops Chromium's own unwritten exceptions
// (localhost, [::1]...), so that the one left is the one written here
// (later rules win over earlier ones, hence this order). Google's sign-in
// service, which Chromium asks for the profile's accounts again and again
// whatever the flags, is pointed at a closed local port.
export const proxyFlags = (port) => [`--proxy-server=http://127.0.0.1:${port}`, "--proxy-bypass-list=<-loopback>;127.0.0.1", "--gaia-url=http://127.0.0.1:9/"];

// What Chromium itself still asks for through the proxy: its updater, at
// start, autofill's queries about a page's forms (a second
// --disable-features would replace Playwright's own list, which turns off
// much more), and its device check-in for Google's push messaging, some
// seconds after start (as often with newslens's offscreen document as
// without it). A no-network check leaves these hosts out of its count; the extension's
// CSP (connect-src 'self') keeps it from any of them.
export const CHROMIUM_OWN_HOSTS = new Set(["update.googleapis.com", "content-autofill.googleapis.com", "android.clients.google.com"]);

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
