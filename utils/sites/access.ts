import { browser } from 'wxt/browser';
import { setSiteMode, getSettings } from '../settings/store';
import { siteKey } from '../settings/site-key';
import { findSite } from './registry';

/**
 * Sites outside the registry, enabled by the reader: the host permission is asked for at that
 * moment (optional host permission), and the content script is registered for the site so it runs
 * there from then on, across restarts. Turning the site off removes the registration, and the
 * permission when the reader asks.
 */

const CONTENT_SCRIPT = 'content-scripts/content.js';
const REGISTRATION_PREFIX = 'site:';

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
  await browser.scripting.registerContentScripts([
    {
      id,
      matches: originsFor(hostname),
      js: [CONTENT_SCRIPT],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

async function unregister(hostname: string): Promise<void> {
  const id = REGISTRATION_PREFIX + siteKey(hostname);
  if ((await registeredIds()).has(id))
    await browser.scripting.unregisterContentScripts({ ids: [id] });
}

/**
 * Makes registrations match what the reader enabled and still permits (at browser start, and when
 * a permission is revoked from the browser's own settings).
 */
export async function syncSiteRegistrations(): Promise<void> {
  const settings = await getSettings();
  const ids = await registeredIds();
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
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
}
