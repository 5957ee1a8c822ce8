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

const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
/** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
const pending = new Map();
let next = 0;

worker.onmessage = ({ data: { id, result, error } }) => {
  const call = pending.get(id);
  pending.delete(id);
  if (error === undefined) {
    call?.resolve(result);
  } else {
    call?.reject(new Error(error));
  }
};
// A worker that failed to start answers nothing: every call waiting fails.
worker.onerror = (event) => {
  event.preventDefault();
  for (const call of pending.values()) {
    call.reject(new Error(`the engine failed: ${event.message}`));
  }
  pending.clear();
};

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
  return new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, name, params });
  });
}

/** @type {Handlers<"engine">} */
const handlers = {
  engineAnalyze: (params) => call("analyze", params),
  engineWarmUp: (params) => call("warmUp", params),
};
listen(handlers);
used();
