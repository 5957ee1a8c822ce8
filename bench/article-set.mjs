// The article finder on any page set laid out as ../shared/data/articles/
// is: DIR/evaldata.json ({url: {file, with, without}}) and DIR/pages/<file>.
// Each page is opened in headless Chromium with no network at all (the
// page's own file is the only answer; every other request is refused), its
// scripts run as they would for a reader, then the extension's own
// article.js and collect.js read it, and the text goes to OUT/<file>.txt
// for ../shared/tools/score_articles.py, in Unicode's composed form (NFC),
// as the benchmark's snippets are and as trafilatura writes its texts: a
// page that spells "য়" as "য" + "়" holds the same words, which the
// scorer's plain string comparison would not see. With --readability OUT2, Mozilla
// Readability (an anchor, installed by bench/article-anchors/setup.sh, never
// part of the extension) reads a copy of the same live document into
// OUT2/<file>.txt. bench/article-anchors/compare.sh runs this, trafilatura
// and the scorer in one go.
//
//   node bench/article.mjs --set DIR --out OUT [--readability OUT2] [FILE...]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM, CHROMIUM_FLAGS, ROOT, chromium } from "../tests/e2e/browser.mjs";
import { addArticleReader } from "./article-reader.mjs";

const READABILITY_JS = join(ROOT, "target/bench/article-anchors/node_modules/@mozilla/readability/Readability.js");
// Never answered: pages are served from this made-up origin by the route
// below, so a relative link to anything else fails at once.
const ORIGIN = "http://127.0.0.1:9";
// A page whose "load" never comes (a script waiting forever) is read as it
// stands after this long.
const LOAD_TIMEOUT_MS = 20_000;

// Whether `request` is the top page's: frame() throws for a service
// worker's requests, which have none.
const mainFrame = (request) => {
  try {
    return request.frame().parentFrame() === null;
  } catch {
    return false;
  }
};

// Whether the browser finds the page's encoding in its first 1024 bytes:
// a byte order mark, or a charset in a <meta>.
const declared = (bytes) =>
  (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe) ||
  /<meta[^>]+charset\s*=/i.test(bytes.subarray(0, 1024).toString("latin1"));
const utf8 = (bytes) => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

// An address without its scheme nor a final slash: a page's script may
// send the reader to http:// where the benchmark lists https://.
const withoutScheme = (url) => `${url.host}${url.pathname.replace(/\/$/, "")}${url.search}`;

export async function runSet({ dir, out, readabilityOut, only = [] }) {
  const evaldata = JSON.parse(readFileSync(join(dir, "evaldata.json"), "utf8"));
  const items = Object.values(evaldata);
  const files = only.length ? items.filter((i) => only.includes(i.file)) : items;
  const addressOf = new Map(Object.entries(evaldata).map(([address, item]) => [item.file, withoutScheme(new URL(address))]));
  // The page being read: only its own address, in the top frame, answers
  // with its file (not another page of the same site that it links or
  // frames).
  let reading = null;
  if (readabilityOut && !existsSync(READABILITY_JS)) {
    throw new Error(`${READABILITY_JS} missing: run bench/article-anchors/setup.sh first`);
  }
  for (const folder of [out, readabilityOut].filter(Boolean)) mkdirSync(folder, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  // bypassCSP: some pages' Content-Security-Policy would refuse the
  // injected scripts, which the extension's content scripts are not.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  // The page's file as bytes: the browser reads its meta charset (a dozen
  // of the benchmark's pages are in ISO-8859-1) as it would from the site.
  // Where it would find none (the HTML standard's prescan reads the first
  // 1024 bytes; a few pages declare theirs further down, some nowhere), the
  // site's own Content-Type header said it: UTF-8 for a file that is valid
  // UTF-8 (no other encoding in use makes non-ASCII text that is), else
  // none, and the browser guesses as it would.
  await context.route("**/*", async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    // Any scheme and host: a script that moves the page to https comes
    // back to the same page, as it would on the site.
    // A page may also send the reader to its own address (a script that
    // checks the host it is served from): on the site that is where the
    // reader already is, so the page's file answers there too.
    const own = reading && mainFrame(request) && addressOf.get(reading) === withoutScheme(url);
    const file = own ? join(dir, "pages", reading) : url.pathname.startsWith("/pages/") ? join(dir, "pages", decodeURIComponent(url.pathname.slice(7))) : null;
    if (file && request.resourceType() === "document" && existsSync(file)) {
      const body = readFileSync(file);
      await route.fulfill({ status: 200, contentType: `text/html${declared(body) || !utf8(body) ? "" : "; charset=utf-8"}`, body });
    } else if (request.isNavigationRequest() && mainFrame(request)) {
      // A script that leaves the page when its requests fail (to a
      // cookie check...): 204 keeps the browser on the page, as the
      // reader with a network would have been.
      await route.fulfill({ status: 204 });
    } else {
      await route.abort();
    }
  });
  const failures = [];
  try {
    for (const { file } of files) {
      reading = file;
      const page = await context.newPage();
      try {
        await page.goto(`${ORIGIN}/pages/${encodeURIComponent(file)}`, { waitUntil: "load", timeout: LOAD_TIMEOUT_MS }).catch(() => {});
        await addArticleReader(page);
        const text = await page.evaluate(() => globalThis.newslensContent.articleText.collect().text);
        writeFileSync(join(out, `${file}.txt`), text.normalize("NFC"));
        if (readabilityOut) {
          await page.addScriptTag({ path: READABILITY_JS });
          // Readability changes the document it reads: a copy.
          const theirs = await page.evaluate(() => new globalThis.Readability(document.cloneNode(true)).parse()?.textContent ?? "");
          writeFileSync(join(readabilityOut, `${file}.txt`), theirs.normalize("NFC"));
        }
      } catch (error) {
        // Scored as an empty extraction (no file): said, not hidden.
        failures.push(`${file}: ${error.message.split("\n")[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  for (const f of failures) console.error(`failed: ${f}`);
  console.error(`${files.length - failures.length} of ${files.length} pages read`);
}
