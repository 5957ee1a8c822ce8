// No request beyond 127.0.0.1 in Firefox, ESR 140 and Debian's current ESR,
// while newslens reads a page, paints it and answers the sidebar. Firefox
// sends every request that leaves 127.0.0.1 to a proxy that refuses and
// logs it (firefox.mjs), add-on background pages' included; the last test
// proves the check (network-checks.mjs) sees those.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "./harness.mjs";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";
import { readingAsksNothing, remoteSince } from "./network-checks.mjs";

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: the network`, () => {
    let browser;
    before(async () => {
      browser = await launchFirefox(firefox);
    });
    after(() => browser?.close());

    for (const name of ["lemonde-1", "guardian-1", "heise", "la-nacion"]) {
      test(`${name}: no request beyond 127.0.0.1 from reading to sidebar`, () => readingAsksNothing(browser, name));
    }

    test("the check sees a request an add-on's background page makes", async () => {
      // newslens's own pages cannot make one (its CSP allows 'self' only):
      // a throwaway add-on whose background page fetches as it starts.
      const dir = await mkdtemp(join(tmpdir(), "newslens-fetching-addon-"));
      await writeFile(join(dir, "background.js"), 'fetch("https://example.org/from-a-background").catch(() => {});\n');
      await writeFile(join(dir, "manifest.json"), JSON.stringify({
        manifest_version: 3, name: "fetches", version: "1",
        background: { scripts: ["background.js"] },
        browser_specific_settings: { gecko: { id: "fetches@newslens.example" } },
      }));
      const since = browser.requests.length;
      const id = await browser.puppeteer.installExtension(dir);
      try {
        const seen = await waitFor(() => remoteSince(browser, since), (urls) => urls.length > 0, "the request in the log");
        assert.deepEqual(seen, ["https://example.org:443/"]);
      } finally {
        await browser.puppeteer.uninstallExtension(id);
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
