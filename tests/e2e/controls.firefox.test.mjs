// The controls in Firefox, ESR 140 and Debian's current ESR: the sites
// that run by themselves, the options page (types shown, colours, the site
// list, the shortcuts) and the interface in French.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { optionsApply, siteRunsByItself, speaksFrench } from "./controls-checks.mjs";
import { FIREFOXES, launchFirefox } from "./firefox.mjs";

// Firefox's French language pack, where Debian's firefox-esr-l10n-fr of
// the same version puts it: without it Firefox speaks English whatever it
// is asked, and so does the add-on.
const frenchPack = (firefox) => {
  try {
    return join(dirname(realpathSync(firefox.executable)), "browser/extensions/langpack-fr@firefox-esr.mozilla.org.xpi");
  } catch {
    return null;
  }
};

for (const firefox of FIREFOXES) {
  describe(`${firefox.name}: the options page`, () => {
    let browser;
    before(async () => {
      browser = await launchFirefox(firefox);
    });
    after(() => browser?.close());

    test("a site the reader enabled is read by itself, and not once disabled", () => siteRunsByItself(browser));

    test("types shown and colours apply on the next run; sites and shortcuts are listed", () => optionsApply(browser));
  });

  describe(`${firefox.name}: the interface in French`, () => {
    let browser;
    before(async () => {
      const pack = frenchPack(firefox);
      assert.ok(pack && existsSync(pack), `no French language pack at ${pack} (firefox-esr-l10n-fr of the same version)`);
      browser = await launchFirefox(firefox, { locale: "fr" });
    });
    after(() => browser?.close());

    test("sidebar and legend speak the browser's language", () => speaksFrench(browser));
  });
}
