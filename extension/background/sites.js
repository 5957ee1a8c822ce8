// Sites where newslens runs by itself. A site is on the list only while the
// reader has granted its host permission, asked for at the moment they
// turned it on; the content scripts are registered for exactly those sites.
import { api } from "./browser.js";
import { AUTO_RUN_SCRIPTS } from "./content-scripts.js";
import { sitePattern } from "../shared/site-pattern.js";
import "../shared/settings.js";

const SCRIPT_ID = "newslens-auto";

const settings = globalThis.newslensSettings;

async function enabledSites() {
  return (await settings.read("sites")).sites;
}

export async function isSiteEnabled(origin) {
  return (await enabledSites()).includes(origin);
}

export async function setSiteEnabled(origin, enabled) {
  const sites = new Set(await enabledSites());
  if (enabled) {
    sites.add(origin);
  } else {
    sites.delete(origin);
  }
  await settings.write({ sites: [...sites] });
  await syncSiteScripts();
}

// Registers the content scripts for every enabled site whose permission is
// still granted; called at start-up and whenever the list or permissions change.
export async function syncSiteScripts() {
  const granted = [];
  for (const origin of await enabledSites()) {
    if (await api.permissions.contains({ origins: [sitePattern(origin)] })) {
      granted.push(sitePattern(origin));
    }
  }
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) {
    await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
  if (granted.length) {
    await api.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: granted,
        js: [...AUTO_RUN_SCRIPTS],
        runAt: "document_idle",
        persistAcrossSessions: true,
      },
    ]);
  }
}
