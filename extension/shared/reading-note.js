// What newslens says of what it read, and what it offers instead, in the
// sidebar and in the page's legend alike: on a site where the reader chose
// the whole page, the way back to the article; behind no article, or one
// far short of the page, the whole page. A classic script, for the same
// reason as messages.js.

/**
 * @typedef {{ text: string, offer: string | null, whole: boolean }} ReadingNote
 *   `offer` is the button's label (none when there is nothing else to
 *   read), `whole` what its click chooses.
 */

/**
 * The note for `reading` (shared/messages.js), or null for an article read
 * as found.
 * @param {Reading | undefined} reading
 * @returns {ReadingNote | null}
 */
globalThis.newslensReadingNote = (reading) => {
  const t = globalThis.newslensI18n.t;
  if (reading?.whole) {
    return { text: t("readingWholePage"), offer: t("readArticleOnly"), whole: false };
  }
  if (reading && !reading.words && !reading.pageWords) {
    // A page of pictures, a video, a canvas: no text anywhere.
    return { text: t("readingNoText"), offer: null, whole: false };
  }
  if (!reading?.short) {
    return null;
  }
  const text = reading.words ? t("readingShort", reading.words.toLocaleString(), reading.pageWords.toLocaleString()) : t("readingNoArticle");
  return { text, offer: t("readWholePage"), whole: true };
};
