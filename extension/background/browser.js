// The WebExtension API object: Firefox's promise-based `browser`, or
// Chrome's `chrome` (promise-based too under Manifest V3).
export const api = globalThis.browser ?? globalThis.chrome;
