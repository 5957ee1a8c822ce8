// What the page answers: the sidebar's and the keyboard's requests
// (shared/messages.js declares each).
globalThis.newslensContent.define("handlers", (ns) => {
  const { state, controls } = ns;

  /** @type {Handlers<"content">} */
  const handlers = {
    revealMention({ mention }) {
      controls.reveal(mention);
      return null;
    },
    hiddenTypes: () => (state.view ? [...state.view.hidden] : null),
    setHiddenTypes({ hidden }) {
      controls.setHidden(hidden);
      return null;
    },
    async correctNames({ name, aliases, type }) {
      if (state.view) {
        await ns.corrections.correct(state.view, { name, aliases }, type);
      }
      return null;
    },
    readersChanged({ stars, corrections }) {
      if (stars) {
        ns.watchlist.use(stars);
      }
      if (corrections) {
        ns.corrections.changed();
      }
      return null;
    },
    async readWholePage({ whole }) {
      await ns.reading.chooseWholePage(whole);
      return null;
    },
    runCommand({ command }) {
      const reading = Boolean(state.view);
      if (reading) {
        controls.commands[command]();
      }
      return { reading };
    },
  };
  globalThis.newslensMessages.listen(handlers);
  return handlers;
});
