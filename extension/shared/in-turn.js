// Changes to what is stored, one after another: two made at once (two
// corrections, two pages read) both stay, where reading, changing and
// writing the same key side by side would keep only the last.

/**
 * A queue: each function given to it runs once the ones before it ended,
 * however they ended; its promise is that function's.
 * @returns {<T>(change: () => Promise<T>) => Promise<T>}
 */
export function inTurn() {
  /** @type {Promise<unknown>} */
  let last = Promise.resolve();
  return (change) => {
    const next = last.then(change);
    last = next.catch(() => {});
    return next;
  };
}
