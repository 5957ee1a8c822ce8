// Registered on the sites the reader enabled: asks the background to run,
// through the same path as the toolbar button.
(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: globalThis.newslensMessages.CONTENT_TO_BACKGROUND_AUTO_RUN });
