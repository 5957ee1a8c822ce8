// Firefox's remote debugging protocol (the one about:debugging speaks), just
// enough to run code in an add-on's background page: WebDriver BiDi reaches
// tabs only, and refuses to open moz-extension:// pages.
//
// Packets are "<byte length>:<JSON>" both ways. Each actor answers its
// requests in order; packets with a `type` are events, not answers.
import { connect } from "node:net";

// The connection to a Firefox started with --start-debugger-server PORT,
// which may take a moment to listen.
export async function connectRdp(port) {
  const until = Date.now() + 10_000;
  for (;;) {
    const socket = connect(port, "127.0.0.1");
    try {
      await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
      return await speak(socket);
    } catch (error) {
      socket.destroy();
      if (Date.now() > until) {
        throw new Error(`no debugger server on port ${port}: ${error.message}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function speak(socket) {
  const waiting = new Map();
  const results = new Map();
  const listeners = new Map();
  let incoming = Buffer.alloc(0);
  let greeted;
  let lost;
  const greeting = new Promise((resolve, reject) => {
    greeted = resolve;
    lost = reject;
  });

  function handle(packet) {
    if (packet.from === "root" && packet.applicationType) {
      greeted(packet);
    } else if (packet.type === "evaluationResult") {
      settle(results, packet.resultID, packet);
    } else if (packet.type) {
      listeners.get(packet.type)?.forEach((listener) => listener(packet));
    } else if (!packet.type && waiting.get(packet.from)?.length) {
      const { resolve, reject } = waiting.get(packet.from).shift();
      packet.error ? reject(new Error(`${packet.error}: ${packet.message}`)) : resolve(packet);
    }
  }

  socket.on("data", (chunk) => {
    incoming = Buffer.concat([incoming, chunk]);
    for (;;) {
      const colon = incoming.indexOf(":");
      if (colon < 0) {
        return;
      }
      const length = Number(incoming.subarray(0, colon).toString());
      if (incoming.length < colon + 1 + length) {
        return;
      }
      handle(JSON.parse(incoming.subarray(colon + 1, colon + 1 + length).toString("utf8")));
      incoming = incoming.subarray(colon + 1 + length);
    }
  });
  // Firefox gone: every request still waiting fails, rather than hang.
  const closed = /** @type {Promise<void>} */ (new Promise((resolve) =>
    socket.once("close", () => {
      const error = new Error("the remote debugging connection closed");
      lost(error);
      [...waiting.values()].flat().forEach(({ reject }) => reject(error));
      waiting.clear();
      [...results.values()].forEach((entry) => entry.reject?.(error));
      results.clear();
      resolve();
    }),
  ));
  socket.on("error", () => {});

  function request(packet) {
    return new Promise((resolve, reject) => {
      if (!waiting.has(packet.to)) {
        waiting.set(packet.to, []);
      }
      waiting.get(packet.to).push({ resolve, reject });
      const body = Buffer.from(JSON.stringify(packet), "utf8");
      socket.write(`${body.length}:`);
      socket.write(body);
    });
  }

  await greeting;
  return {
    request,
    // The result of evaluation `resultID`, whichever of it and the answer
    // naming it comes first.
    result: (resultID) => expect(results, resultID),
    // Calls `listener(packet)` on every event of type `type`.
    on: (type, listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    close: () => {
      socket.end();
      return closed;
    },
  };
}

// A rendezvous by key: `settle` and `expect` may come in either order.
function settle(map, key, value) {
  const entry = map.get(key);
  if (entry?.resolve) {
    map.delete(key);
    entry.resolve(value);
  } else {
    map.set(key, { value });
  }
}

function expect(map, key) {
  const entry = map.get(key);
  if (entry && "value" in entry) {
    map.delete(key);
    return Promise.resolve(entry.value);
  }
  return new Promise((resolve, reject) => map.set(key, { resolve, reject }));
}

// Code running in the background page of add-on `addonId`: `evaluate(fn,
// arg)` calls `fn(arg)` there and resolves to its (awaited) result, through
// JSON, as Playwright's worker.evaluate does for Chrome's service worker.
export async function backgroundOf(rdp, addonId) {
  const { addons } = await rdp.request({ to: "root", type: "listAddons" });
  const addon = addons.find((a) => a.id === addonId);
  if (!addon) {
    throw new Error(`add-on ${addonId} not installed: ${addons.map((a) => a.id).join(", ")}`);
  }
  // The add-on's documents are "frame" targets of its watcher; its
  // background page is Firefox's generated one (manifest background.scripts).
  const watcher = await rdp.request({ to: addon.actor, type: "getWatcher", isServerTargetSwitchingEnabled: true });
  const background = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no background page for ${addonId}`)), 15_000);
    rdp.on("target-available-form", (packet) => {
      if (packet.from === watcher.actor && packet.target.url.endsWith("/_generated_background_page.html")) {
        clearTimeout(timer);
        resolve(packet.target);
      }
    });
  });
  await rdp.request({ to: watcher.actor, type: "watchTargets", targetType: "frame" });
  const form = await background;
  const text = (source, arg) => `(async () => JSON.stringify(await (${source})(${JSON.stringify(arg)})))()`;
  return {
    async evaluate(fn, arg) {
      const { resultID } = await rdp.request({ to: form.consoleActor, type: "evaluateJSAsync", text: text(fn.toString(), arg), mapped: { await: true } });
      const answer = await rdp.result(resultID);
      if (answer.exceptionMessage || answer.exception) {
        throw new Error(`in the background page: ${answer.exceptionMessage ?? JSON.stringify(answer.exception)}`);
      }
      const json = await stringOf(rdp, answer.result);
      return json === undefined ? undefined : JSON.parse(json);
    },
  };
}

// A result grip's string: long ones come from their own actor.
async function stringOf(rdp, grip) {
  if (typeof grip === "string") {
    return grip;
  }
  if (grip?.type === "longString") {
    const { substring } = await rdp.request({ to: grip.actor, type: "substring", start: 0, end: grip.length });
    return substring;
  }
  return undefined;
}
