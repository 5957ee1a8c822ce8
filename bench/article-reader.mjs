// The extension's own article finder and text collector, loaded into a
// page as its content scripts would be: the benchmarks and the article
// tests read pages with exactly what the extension injects.
import { join } from "node:path";
import { ROOT } from "../tests/e2e/browser.mjs";

const { ARTICLE_READER_SCRIPTS } = await import("../extension/background/content-scripts.js");

// Loads the article reader into `page`'s own world (article.find, articleText.collect and
// articleText.locate on globalThis.newslensContent).
export async function addArticleReader(page) {
  for (const file of ARTICLE_READER_SCRIPTS) {
    await page.addScriptTag({ path: join(ROOT, "extension", file) });
  }
}
