import { browser } from 'wxt/browser';
import { startContentScript } from '../actions/tab-page';
import type { Settings, SiteMode } from '../settings/schema';
import { setSiteMode, siteModeOf } from '../settings/page';
import { getSettings } from '../settings/store';
import { siteKey } from '../settings/site-key';
import { CONTENT_SCRIPT_RUN_AT, findSite } from './registry';

/**
 * Sites outside the registry, enabled by the reader: the host permission is asked for at that
 * moment (optional host permission), and the content script is registered for the site so it runs
 * there from then on, across restarts (in "always" and "ask" mode alike). Turning the site off
 * removes the registration, and the permission when the reader asks. Every change takes effect at
 * once, in the tab in front of the reader too.
 */

const CONTENT_SCRIPT = 'content-scripts/content.js';
const REGISTRATION_PREFIX = 'site:';
/** As on registry sites (whose runAt the manifest holds). */
const RUN_AT = import.meta.env.FIREFOX
  ? CONTENT_SCRIPT_RUN_AT.firefox
  : CONTENT_SCRIPT_RUN_AT.chrome;

/** Match patterns for a hostname and its subdomains. */
export function originsFor(hostname: string): string[] {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return [`*://${host}/*`, `*://*.${host}/*`];
}

/** Asks for the site's permission; must run first in the reader's click (a user gesture). */
export async function requestSiteAccess(hostname: string): Promise<boolean> {
  if (findSite(hostname)) return true;
  return browser.permissions.request({ origins: originsFor(hostname) });
}

/** After the reader granted access: translate the site from now on. */
export async function enableSite(hostname: string): Promise<void> {
  await setSiteMode(siteKey(hostname), 'always');
  if (!findSite(hostname)) await register(hostname);
}

/**
 * The reader chose a mode for the site of `tabId` (popup): for a site outside the registry, asks
 * for its permission (so it must run first in the click), registers or unregisters the content
 * script, and starts it in that tab, which then follows the mode at once (translates on
 * "always", offers on "ask"). False when the browser refused the permission.
 */
export async function chooseSiteMode(
  hostname: string,
  mode: SiteMode,
  tabId: number | null,
): Promise<boolean> {
  if (findSite(hostname)) {
    await setSiteMode(siteKey(hostname), mode);
    return true;
  }
  if (mode === 'never') {
    await disableSite(hostname);
    return true;
  }
  if (!(await requestSiteAccess(hostname))) return false;
  await setSiteMode(siteKey(hostname), mode);
  // The page in front first: a popup closed right after the click ends what it has not started.
  if (tabId !== null) await startContentScript(tabId);
  await register(hostname);
  return true;
}

/**
 * The mode that will really apply on the site, for the popup to show: a site outside the registry
 * is `never` until the reader turned it on and the browser still grants it, since nothing runs
 * there before (not even an offer to translate).
 */
export async function siteModeInEffect(hostname: string, settings: Settings): Promise<SiteMode> {
  const key = siteKey(hostname);
  if (findSite(hostname)) return siteModeOf(settings, key);
  const chosen = settings.sites[key];
  if (!chosen || chosen === 'never') return 'never';
  const granted = await browser.permissions.contains({ origins: originsFor(hostname) });
  return granted ? chosen : 'never';
}

/** The reader turned the site off: its registration goes, and its permission if they ask. */
export async function disableSite(hostname: string, revoke = false): Promise<void> {
  await setSiteMode(siteKey(hostname), 'never');
  if (findSite(hostname)) return;
  await unregister(hostname);
  if (revoke) await browser.permissions.remove({ origins: originsFor(hostname) });
}

async function registeredIds(): Promise<Set<string>> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return new Set(scripts.map((s) => s.id));
}

async function register(hostname: string): Promise<void> {
  const id = REGISTRATION_PREFIX + siteKey(hostname);
  if ((await registeredIds()).has(id)) return;
  try {
    await browser.scripting.registerContentScripts([
      {
        id,
        matches: originsFor(hostname),
        js: [CONTENT_SCRIPT],
        runAt: RUN_AT,
        persistAcrossSessions: true,
      },
    ]);
  } catch (error) {
    // The background's sync (on the same settings change) may have registered it meanwhile.
    if (!(await registeredIds()).has(id)) throw error;
  }
}

async function unregister(hostname: string): Promise<void> {
  const id = REGISTRATION_PREFIX + siteKey(hostname);
  if ((await registeredIds()).has(id))
    await browser.scripting.unregisterContentScripts({ ids: [id] });
}

/**
 * Makes registrations match what the reader enabled and still permits (at browser start, on every
 * change of the settings wherever it was made, and when a permission is revoked from the
 * browser's own settings).
 */
export async function syncSiteRegistrations(): Promise<void> {
  const settings = await getSettings();
  const scripts = await browser.scripting.getRegisteredContentScripts();
  const ids = new Set(scripts.map((s) => s.id));
  const wanted = new Set<string>();
  for (const [key, mode] of Object.entries(settings.sites)) {
    // Registry sites are keyed by id (no dot) and declared in the manifest.
    if (mode === 'never' || !key.includes('.') || findSite(key)) continue;
    const granted = await browser.permissions.contains({ origins: originsFor(key) });
    if (!granted) continue;
    wanted.add(REGISTRATION_PREFIX + key);
    if (!ids.has(REGISTRATION_PREFIX + key)) await register(key);
  }
  const stale = [...ids].filter((id) => id.startsWith(REGISTRATION_PREFIX) && !wanted.has(id));
  // Another sync (or the popup) may have removed them meanwhile.
  if (stale.length)
    await browser.scripting.unregisterContentScripts({ ids: stale }).catch(() => undefined);
  // Registrations persist across updates: one an earlier version made at another time catches up.
  const retimed = scripts.filter(({ id, runAt }) => wanted.has(id) && runAt !== RUN_AT);
  if (retimed.length)
    await browser.scripting
      .updateContentScripts(retimed.map(({ id }) => ({ id, js: [CONTENT_SCRIPT], runAt: RUN_AT })))
      .catch(() => undefined);
}
