// Long work on a big page, cut into slices: the article finder and the
// text collector are written as generators that yield every few hundred
// elements; run in slices, they leave the page's main thread between two
// (its own scripts, input and painting go on), run at once (tests and
// benchmarks), they give the same answer.
globalThis.newslensContent.define("slices", () => {
  // The longest a slice runs before giving the thread back: the page's own
  // work waits at most this long plus one step (a few milliseconds) for
  // newslens, under the 50 ms a task may take before it is a long one; a
  // news article's page is read in one slice or two.
  const SLICE_MS = 30;
  // A task of its own, even in a background tab, where timers are slowed
  // to one a second and a message is not.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  const nextTask = () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });

  return Object.freeze({
    // Runs `steps` (a generator) to its end at once; its return value.
    now(steps) {
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
      }
    },
    // Runs `steps` in slices of at most SLICE_MS, each in a task of its
    // own; resolves to its return value.
    async inSlices(steps) {
      let until = performance.now() + SLICE_MS;
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        if (performance.now() >= until) {
          await nextTask();
          until = performance.now() + SLICE_MS;
        }
      }
    },
  });
});
