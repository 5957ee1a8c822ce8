// The globals the extension's classic scripts set, for the type check:
// each typed by the JSDoc typedefs its own script declares (global, as the
// scripts are not modules), so that a sender or a handler that strays from
// shared/messages.js fails `npm run typecheck`.
declare var newslensMessages: Messages;
declare var newslensSettings: Settings;
declare var newslensContent: ContentNamespace;
declare var newslensWatchlist: Watchlist;
