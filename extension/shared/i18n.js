// The interface's words, in the browser's language (English, French,
// German, Spanish or Dutch): from the extension's _locales through the i18n
// API, or, on a page outside the extension (the demo), from the same
// messages.json files loaded with use(). A classic script, for the same reason as messages.js.
globalThis.newslensI18n = (() => {
  let loaded = null;

  // Replaces $NAME$ placeholders as the i18n API does.
  function format(entry, substitutions) {
    return entry.message.replace(/\$([A-Za-z_]+)\$/g, (match, name) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content;
      const index = content ? Number(content.slice(1)) - 1 : -1;
      return index >= 0 && index < substitutions.length ? String(substitutions[index]) : match;
    });
  }

  return Object.freeze({
    t(key, ...substitutions) {
      const api = globalThis.browser ?? globalThis.chrome;
      const message = api?.i18n?.getMessage?.(key, substitutions.map(String));
      if (message) {
        return message;
      }
      return loaded?.[key] ? format(loaded[key], substitutions) : key;
    },
    // For pages outside the extension: the parsed messages.json to use.
    use(messages) {
      loaded = messages;
    },
  });
})();
