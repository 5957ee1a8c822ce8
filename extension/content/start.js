// The last file injected: starts a reading of the page.
globalThis.newslensContent.run();
