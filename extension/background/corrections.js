// The reader's corrections (storage.local "corrections", shared/settings.js),
// oldest first: the card adds them, and every page read from then on is
// read with them. Kept here with a revision that changes whenever they do,
// so that the engine, which may outlive this worker (engine/host.js), loads
// them again only then.
import "../shared/settings.js";
import { inTurn } from "../shared/in-turn.js";
import { api } from "./browser.js";

const settings = globalThis.newslensSettings;

// This worker's own prefix: a revision never repeats one an engine saw
// from a worker before it.
const born = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
let changes = 0;
/** @type {Promise<ReadersLexicon> | null} */
let cached = null;

api.storage.onChanged.addListener((changed, area) => {
  if (area === "local" && changed.corrections) {
    cached = null;
  }
});

/**
 * The reader's corrections now.
 * @returns {Promise<ReadersLexicon>}
 */
export function lexicon() {
  cached ??= settings.read("corrections").then(({ corrections }) => ({ revision: `${born}:${(changes += 1)}`, list: corrections }));
  cached.catch(() => (cached = null));
  return cached;
}

const writes = inTurn();

/**
 * Changes the stored corrections by `change`, in turn with other changes.
 * @param {(list: Correction[]) => Correction[]} change
 */
const update = (change) =>
  writes(async () => {
    const { corrections } = await settings.read("corrections");
    await settings.write({ corrections: change(corrections) });
    cached = null;
  });

const same = (/** @type {Correction} */ a, /** @type {Correction} */ b) =>
  a.name === b.name && (a.lang ?? "") === (b.lang ?? "") && (a.type ?? "") === (b.type ?? "") && (a.same_as ?? "") === (b.same_as ?? "");

/**
 * Adds the reader's `corrections`, after every other: they count over
 * earlier ones of the same names.
 * @param {Correction[]} corrections
 */
export const correct = (corrections) => update((list) => [...list, ...corrections]);

/**
 * Takes back the latest of each of `corrections`: an earlier correction of
 * the same name counts again.
 * @param {Correction[]} corrections
 */
export const undo = (corrections) =>
  update((list) => {
    const kept = [...list];
    for (const correction of corrections) {
      // The latest: the last index, found from the end.
      const from = [...kept].reverse().findIndex((c) => same(c, correction));
      if (from >= 0) {
        kept.splice(kept.length - 1 - from, 1);
      }
    }
    return kept;
  });
