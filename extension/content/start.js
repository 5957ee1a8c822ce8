// The last file injected: from now on an injection reuses what is in the
// page (namespace.js); then a reading starts.
globalThis.newslensContent.loaded = true;
globalThis.newslensContent.reading.run();
