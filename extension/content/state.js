// The one state of newslens in this page, and the timers that will change
// it: what the page shows, and where newslens's work stands. describe.js
// reports it, so that the browser tests wait on it rather than on time.
globalThis.newslensContent.define("state", () => ({
  // What the page shows: the current reading (entities, their ranges, the
  // hidden types, the current mention...), or null while newslens is off.
  view: null,
  // Readings started, and readings ended (painted, found unchanged, failed
  // or overtaken by a newer one).
  runs: 0,
  finished: 0,
  // Readings on their way (waiting on the page, the settings or the analysis).
  readings: 0,
  // Bumped by each reading and by turning newslens off: a reading that
  // sees it change stops.
  generation: 0,
  // Whether the page is watched for new text, and whether a new reading
  // waits for it to settle (live.js).
  watching: false,
  scheduled: false,
  // How many changes to the reader's corrections the page has heard of: a
  // view analysed before the last one (its `corrections` is less) is read
  // again in full, even if its text is the same.
  corrections: 0,
}));

// Every timer the content scripts set, so that the page can say whether
// any is still to fire: tests that prove nothing happens wait until none is.
globalThis.newslensContent.define("timers", () => {
  const pending = new Set();
  return Object.freeze({
    // Calls `fn` after `ms`; returns the timer, for cancel().
    after(ms, fn) {
      const id = setTimeout(() => {
        pending.delete(id);
        fn();
      }, ms);
      pending.add(id);
      return id;
    },
    cancel(id) {
      clearTimeout(id);
      pending.delete(id);
    },
    pending: () => pending.size,
  });
});
