// The engine, as the background reaches it. In Chrome it lives in an
// offscreen document's worker (engine/host.js), which outlives the service
// worker: a reader's click on a worker Chrome has stopped finds it built.
// Firefox's background is an event page, where the engine runs as it is.
import { api } from "./browser.js";
import * as local from "../shared/engine.js";

const { invoke } = globalThis.newslensMessages;
const offscreen = Boolean(api.offscreen);

// The offscreen document, found or created once per service worker
// (Chrome allows one an extension): a promise, forgotten when it fails or
// the document is closed.
let hosting = null;
async function hosted() {
  return (await api.runtime.getContexts({ contextTypes: ["OFFSCREEN_DOCUMENT"] })).length > 0;
}
function host() {
  hosting ??= (async () => {
    if (!(await hosted())) {
      await api.offscreen.createDocument({
        url: "engine/engine.html",
        reasons: ["WORKERS"],
        justification: "Runs newslens's entity extractor in a worker, kept while pages are read.",
      });
    }
  })();
  hosting.catch(() => (hosting = null));
  return hosting;
}

// Builds the engine, without waiting for it: the wasm compiled, no model.
export function prepare() {
  if (offscreen) {
    host().catch(() => {});
  } else {
    local.prepare();
  }
}

// Starts fetching and warming the models a page will likely need
// (shared/engine.js's warmUp), without waiting for them.
export function warmUp(hints = {}) {
  if (offscreen) {
    host()
      .then(() => invoke("engineWarmUp", { declared: hints.declared ?? null, sample: hints.sample ?? "" }))
      .catch(() => {});
  } else {
    local.warmUp(hints);
  }
}

// Analyses `text` with the reader's corrections (shared/engine.js's
// analyze).
export async function analyze(text, lexicon) {
  if (!offscreen) {
    return local.analyze(text, undefined, lexicon);
  }
  await host();
  return invoke("engineAnalyze", { text, lexicon }).catch(async (error) => {
    // The document went meanwhile (closed idle, or by Chrome): once more,
    // with a new one.
    if (!(await hosted())) {
      hosting = null;
      await host();
      return invoke("engineAnalyze", { text, lexicon });
    }
    throw error;
  });
}

// No page has been read for a while: the document goes, and its memory.
export async function closeHost() {
  if (offscreen) {
    hosting = null;
    await api.offscreen.closeDocument().catch(() => {});
  }
}
