// The reader's corrections as the engine takes them (Newslens.setLexicon,
// checkCorrections in src/wasm.rs): one string of every field and each
// field's length in UTF-16 units, four fields a correction. Ten thousand
// corrections then cross into the wasm as one string, not forty thousand.

/**
 * @typedef {{ name: string, lang?: string, type?: string, same_as?: string }} Fields
 *   A correction's fields, as messages.js's `Correction` declares them for
 *   the extension (and as the bench and the tests, outside it, write them).
 */

const FIELDS = /** @type {const} */ (["name", "lang", "type", "same_as"]);

/**
 * Encodes `corrections` for the engine; throws on a field that is there
 * and not a string (the engine checks everything else, with its reasons).
 * @param {readonly Fields[]} corrections
 * @returns {{text: string, lengths: Uint32Array}}
 */
export function encodeCorrections(corrections) {
  const lengths = new Uint32Array(corrections.length * FIELDS.length);
  const parts = [];
  corrections.forEach((correction, k) => {
    FIELDS.forEach((field, f) => {
      const value = correction[field] ?? "";
      if (typeof value !== "string") throw new TypeError(`correction ${k + 1}: "${field}" is not a string`);
      parts.push(value);
      lengths[k * FIELDS.length + f] = value.length;
    });
  });
  return { text: parts.join(""), lengths };
}
