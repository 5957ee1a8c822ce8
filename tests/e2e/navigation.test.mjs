// Pages that change what they are without loading a new page: a
// single-page navigation (pushState) keeps newslens's stylesheet known, so
// that × still takes it away; popstate events the page fakes start no
// reading, the browser's own do; a page that writes itself anew with
// document.open() is read anew, legend included.
import { test } from "node:test";
import { fakePopstateIgnored, onTestPage, rewrittenReadAnew, styleLeavesAfterNavigation } from "./hostile-checks.mjs";

test("after a single-page navigation, × still takes newslens's stylesheet away", () =>
  onTestPage("living/index.html", styleLeavesAfterNavigation));

test("popstate events the page fakes start no reading; the browser's own does", () => onTestPage("living/index.html", fakePopstateIgnored));

test("a page that rewrites itself with document.open() is read anew, its legend back", () => onTestPage("hostile/rewrite.html", rewrittenReadAnew));
