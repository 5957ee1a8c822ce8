// The reader's corrections in Chromium (corrections-checks.mjs says what
// each check does).
import { after, before, test } from "node:test";
import { launch, openNamingPages } from "./harness.mjs";
import { fromTheSidebar, notANameAndUndo, retypedEverywhere, sameAs } from "./corrections-checks.mjs";

/** @type {{ browser?: any, first?: any, second?: any }} */
const pages = {};

before(async () => Object.assign(pages, await openNamingPages(await launch())));
after(() => pages.browser?.close());

test("a name given another type on one page is read so there and on the next page", () => retypedEverywhere(pages, "corrections"));
test("not a name takes the highlights and the sidebar's entry away, and Undo brings them back", () => notANameAndUndo(pages));
test("the sidebar offers the same corrections, and Undo takes them back", () => fromTheSidebar(pages));
test("same as… makes two entries one, led by the name chosen", () => sameAs(pages));
