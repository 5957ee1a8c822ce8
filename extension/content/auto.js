// Registered on the sites the reader enabled: asks the background to run,
// through the same path as the toolbar button.
globalThis.newslensMessages.invoke("autoRun", {}).catch(() => {
  // The background could not run here; the sidebar says why.
});
