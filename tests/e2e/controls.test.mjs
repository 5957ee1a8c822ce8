// Controls: "always run on this site", the options page (types shown,
// colours, the site list, the shortcuts), and the interface in the
// browser's language.
import { test } from "node:test";
import { launch } from "./harness.mjs";
import { optionsApply, siteRunsByItself, speaksFrench } from "./controls-checks.mjs";

// A test running `check` on a fresh Chromium started with `options`.
const inChromium = (check, options) => async () => {
  const browser = await launch(options);
  try {
    await check(browser);
  } finally {
    await browser.close();
  }
};

test("sites the reader enabled run by themselves, and stop when not", inChromium(siteRunsByItself));

test("the options page: types shown and colours apply on the next run; sites and shortcuts are listed", inChromium(optionsApply));

test("the interface in French: sidebar and legend speak the browser's language", inChromium(speaksFrench, { locale: "fr" }));
