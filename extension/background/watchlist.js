// The reader's watchlist, in the background: starring and unstarring an
// entity (the card's and the sidebar's ☆), and the toolbar button's badge,
// which counts the starred entities of the tab's page.
import "../shared/settings.js";
import "../shared/watchlist.js";
import { inTurn } from "../shared/in-turn.js";
import { NAMED } from "../shared/memory.js";
import { api } from "./browser.js";

const settings = globalThis.newslensSettings;
const watchlist = globalThis.newslensWatchlist;
const writes = inTurn();

api.action.setBadgeBackgroundColor({ color: "#1b1b1b" }).catch(() => {});
api.action.setBadgeTextColor?.({ color: "#ffffff" })?.catch?.(() => {});

/**
 * Stars the entity of `group` (its name and other names), or with `on`
 * false, takes every star it matches off the watchlist.
 * @param {{ name: string, aliases: string[] }} group
 * @param {boolean} on
 */
export const star = (group, on) =>
  writes(async () => {
    if (on && !watchlist.storable(group.name)) {
      // A name the reader's data may not hold (markup, control
      // characters): its export would not import again.
      throw new Error("this name cannot be starred");
    }
    const { stars } = await settings.read("stars");
    await settings.write({ stars: on ? watchlist.star(stars, group) : watchlist.unstar(stars, group) });
  });

/**
 * Shows on the toolbar button of tab `tabId` how many entities of its
 * analysis the reader starred (nothing for none, or no analysis).
 * @param {number} tabId
 * @param {Analysis | undefined} analysis
 */
export async function showBadge(tabId, analysis) {
  const { stars } = await settings.read("stars");
  const matches = watchlist.matcher(stars);
  // Names only, as the sidebar pins them: a date is never starred.
  const starred = analysis ? analysis.summary.filter((group) => NAMED.includes(group.label) && matches(group)).length : 0;
  // A tab closed meanwhile has no badge to set.
  await api.action.setBadgeText({ tabId, text: starred ? String(starred) : "" }).catch(() => {});
}
