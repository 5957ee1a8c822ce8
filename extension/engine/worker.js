// The engine's worker, in Chrome's offscreen document (host.js): the wasm
// extractor and its models, built once and kept while the background's
// service worker is stopped and woken again. Answers { id, name, params }
// with { id, result } or { id, error }.
import { analyze, prepare, warmUp } from "../shared/engine.js";

const calls = { analyze: ({ text, lang, lexicon }) => analyze(text, lang, lexicon), warmUp };

prepare();

self.onmessage = async ({ data: { id, name, params } }) => {
  try {
    if (!Object.hasOwn(calls, name)) {
      throw new Error(`no engine call ${name}`);
    }
    self.postMessage({ id, result: (await calls[name](params)) ?? null });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
};
