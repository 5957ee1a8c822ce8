// Chrome's offscreen document (engine.html): it hosts the engine's worker
// and relays the background's engine calls to it. Chrome stops an idle
// extension service worker after some 30 seconds; a reader's next click
// would then wait for the engine to be built again (the wasm compiled, a
// model parsed, its code optimised anew). Here it outlives the service
// worker, until no page has been read for IDLE_MS: then the background is
// asked to close this document and its memory (some 20 MB a model) is
// given back.
const { invoke, listen } = globalThis.newslensMessages;

export const IDLE_MS = 15 * 60 * 1000;

/**
 * A worker running the engine, and its calls waiting for an answer.
 * @typedef {{ worker: Worker, pending: Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }> }} Engine
 */

/** @type {Engine | null} */
let current = null;
let next = 0;

// A new worker. One whose engine failed (a text it could not read, a wasm
// trap) is not trusted again: the next call gets a new one, and the old is
// ended once its other calls are answered.
function start() {
  /** @type {Engine} */
  const engine = { worker: new Worker(new URL("worker.js", import.meta.url), { type: "module" }), pending: new Map() };
  const retire = () => {
    if (current === engine) {
      current = null;
    }
    if (!engine.pending.size) {
      engine.worker.terminate();
    }
  };
  engine.worker.onmessage = ({ data: { id, result, error } }) => {
    const call = engine.pending.get(id);
    engine.pending.delete(id);
    if (error === undefined) {
      call?.resolve(result);
    } else {
      call?.reject(new Error(error));
    }
    if (error !== undefined || current !== engine) {
      retire();
    }
  };
  // A worker that failed to start answers nothing: every call waiting fails.
  engine.worker.onerror = (event) => {
    event.preventDefault();
    for (const call of engine.pending.values()) {
      call.reject(new Error(`the engine failed: ${event.message}`));
    }
    engine.pending.clear();
    retire();
  };
  return engine;
}

let idle = 0;
function used() {
  clearTimeout(idle);
  idle = setTimeout(() => invoke("engineIdle", {}).catch(() => {}), IDLE_MS);
}

/**
 * @param {string} name
 * @param {unknown} params
 */
function call(name, params) {
  used();
  current ??= start();
  const engine = current;
  return new Promise((resolve, reject) => {
    const id = next++;
    engine.pending.set(id, { resolve, reject });
    engine.worker.postMessage({ id, name, params });
  });
}

/** @type {Handlers<"engine">} */
const handlers = {
  engineAnalyze: (params) => call("analyze", params),
  engineWarmUp: (params) => call("warmUp", params),
};
listen(handlers);
// The wasm compiled as soon as the document is made, before the first call.
current = start();
used();
