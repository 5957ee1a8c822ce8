// Headless Firefox ESR with the built dist/firefox, for the Firefox browser
// tests: the oldest version the manifest names (140) and Debian's current
// one. Driven over WebDriver BiDi by puppeteer-core (tabs, mouse,
// screenshots) and over Firefox's remote debugging protocol (the add-on's
// background page, which BiDi does not reach). The object launchFirefox
// returns has the shape of harness.mjs's launch(), so that the harness's
// helpers (describe, toContent, openAndRun, openSidebar...) serve both.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

import { ROOT } from "./browser.mjs";
import { backgroundOf, connectRdp } from "./firefox-rdp.mjs";
import { extensionForTests, serveTestPages, waitFor } from "./harness.mjs";
import { refusingProxy } from "./refusing-proxy.mjs";

// Where ./build.sh test puts each (FIREFOX_ESR_140 and FIREFOX_ESR name
// others): ESR 140 from its Debian package, unpacked under target/.
const EXECUTABLES = [
  process.env.FIREFOX_ESR_140 ?? join(ROOT, "target/firefox-esr-140/usr/lib/firefox-esr/firefox-esr"),
  process.env.FIREFOX_ESR ?? "/usr/bin/firefox-esr",
];

// Each Firefox to test: { name ("Firefox 140.12.0esr"), executable }. One
// that cannot be started keeps its place, named as missing, so that its
// tests fail rather than vanish.
export const FIREFOXES = EXECUTABLES.map((executable) => {
  try {
    const name = execFileSync(executable, ["--version"], { encoding: "utf8" }).replace(/^Mozilla /, "").trim();
    return { name, executable };
  } catch {
    return { name: `Firefox missing at ${executable} (./build.sh test installs it)`, executable };
  }
});

async function freePort() {
  const server = createServer();
  await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, "127.0.0.1", resolve)));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Firefox's settings for the tests: `locale`, its interface language,
// `downloads`, the folder downloads go to without a question.
const prefs = ({ proxyPort, locale, downloads }) => ({
  // The remote debugging protocol, without a prompt to accept it.
  "devtools.debugger.remote-enabled": true,
  "devtools.chrome.enabled": true,
  "devtools.debugger.prompt-connection": false,
  // Everything through the refusing proxy, except 127.0.0.1 (the test
  // servers), and no going around it when it refuses.
  "network.proxy.type": 1,
  "network.proxy.http": "127.0.0.1",
  "network.proxy.http_port": proxyPort,
  "network.proxy.ssl": "127.0.0.1",
  "network.proxy.ssl_port": proxyPort,
  "network.proxy.no_proxies_on": "127.0.0.1",
  "network.proxy.allow_hijacking_localhost": false,
  "network.proxy.failover_direct": false,
  // French needs Firefox's French language pack (the firefox-esr-l10n-fr
  // package of the same version, unpacked beside it).
  "intl.locale.requested": locale,
  "browser.download.folderList": 2,
  "browser.download.dir": downloads,
  "browser.download.useDownloadDir": true,
  "browser.download.always_ask_before_handling_new_types": false,
  "browser.download.start_downloads_in_tmp_dir": false,
  // Firefox's own fetches, which would blur what newslens does.
  "services.settings.server": "data:,#remote-settings-dummy/v1",
});

// Starts `firefox` (one of FIREFOXES) with the extension as a temporary
// add-on. Every request that leaves 127.0.0.1, from whatever page, worker,
// background or content script, goes to a proxy that refuses it and logs it
// in `requests`. `locale`: the interface language ("fr" for French).
export async function launchFirefox(firefox, { locale = "en-US" } = {}) {
  const proxy = await refusingProxy();
  const downloads = await mkdtemp(join(tmpdir(), "newslens-downloads-"));
  const debuggerPort = await freePort();
  const extensionDir = await extensionForTests("firefox");
  let browser = null;
  let rdp = null;
  let servers = [];
  const close = async () => {
    await rdp?.close();
    await browser?.close();
    servers.forEach((s) => s.close());
    await proxy.close();
    await rm(extensionDir, { recursive: true, force: true });
    await rm(downloads, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: firefox.executable,
      headless: true,
      defaultViewport: { width: 1280, height: 900 },
      args: ["--start-debugger-server", String(debuggerPort)],
      extraPrefsFirefox: prefs({ proxyPort: proxy.port, locale, downloads }),
      // Lets the settings above point Firefox's remote settings (which it
      // fetches by itself) at nothing.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
    });
    const addonId = await browser.installExtension(extensionDir);
    rdp = await connectRdp(debuggerPort);
    const worker = await backgroundOf(rdp, addonId);
    const extensionOrigin = await worker.evaluate(() => location.origin);
    const served = await serveTestPages();
    servers = served.servers;
    return {
      name: firefox.name,
      // The puppeteer Browser, for what the harness does not cover.
      puppeteer: browser,
      worker,
      requests: proxy.requests,
      // Where the files the browser downloads land.
      downloads,
      pagesUrl: served.pagesUrl,
      fixturesUrl: served.fixturesUrl,
      extensionOrigin,
      newPage: () => browser.newPage(),
      networkIdle: (page) => page.waitForNetworkIdle({ idleTime: 500 }),
      // BiDi will not navigate a tab to a moz-extension:// page: the
      // extension opens it, and the new tab is found among the pages.
      openExtensionPage: async (path) => {
        const before = new Set(await browser.pages());
        await worker.evaluate((url) => chrome.tabs.create({ url }).then(() => null), `${extensionOrigin}/${path}`);
        const pages = await waitFor(() => browser.pages(), (all) => all.some((p) => !before.has(p)), `a tab on ${path}`);
        return pages.find((p) => !before.has(p));
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
