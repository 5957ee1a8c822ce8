// What the fixture pages (fixtures/) and the tests' own page.evaluate
// callbacks set on a page's window, for the type check.
interface Window {
  /** fixtures/living/living.js: drives a living page from the test. */
  living: { tick(): void; addParagraph(): void; navigate(): void };
  /** fixtures/hostile/rewrite.js: rewrites the page with document.open(). */
  rewrite(): void;
  /** dense.test.mjs: the longest the main thread was held, in ms. */
  held: number;
  /** demo.test.mjs: set only if markup typed into the demo ran. */
  pwned?: unknown;
  /** bench/page.mjs: long tasks and the first painted highlight. */
  __newslensBench: { tasks: number[]; painted: number | null; origin: number; start: number };
}
