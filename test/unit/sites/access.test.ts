import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getSettings } from '@/utils/settings/store';
import { setSiteMode } from '@/utils/settings/page';
import {
  chooseSiteMode,
  originsFor,
  siteModeInEffect,
  syncSiteRegistrations,
} from '@/utils/sites/access';
import { CONTENT_SCRIPT_RUN_AT } from '@/utils/sites/registry';

interface Registration {
  id: string;
  matches?: string[];
  runAt?: string;
}

/**
 * The browser's side of site access, which the fake browser leaves out: granted origins (the
 * reader allows every prompt) and registered content scripts, kept in memory.
 */
function stubBrowserAccess() {
  const granted = new Set<string>();
  const registered = new Map<string, Registration>();
  const injected: number[] = [];
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) =>
      origins.every((o) => granted.has(o)),
    request: async ({ origins = [] }: { origins?: string[] }) => {
      for (const origin of origins) granted.add(origin);
      return true;
    },
  });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: async () => [...registered.values()],
    registerContentScripts: async (scripts: Registration[]) => {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.set(script.id, script);
      }
    },
    unregisterContentScripts: async ({ ids = [] }: { ids?: string[] }) => {
      for (const id of ids) registered.delete(id);
    },
    updateContentScripts: async (scripts: Registration[]) => {
      for (const script of scripts)
        registered.set(script.id, { ...registered.get(script.id)!, ...script });
    },
    executeScript: async ({ target }: { target: { tabId: number } }) => {
      injected.push(target.tabId);
      return [];
    },
  });
  const registeredFor = (host: string) =>
    [...registered.values()].some((s) => s.matches?.includes(`*://${host}/*`));
  return { granted, registered, registeredFor, injected };
}

describe('access to sites outside the registry', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('shows the mode in effect: never until the reader turned the site on and the browser grants it', async () => {
    const access = stubBrowserAccess();
    expect(await siteModeInEffect('www.publico.es', await getSettings())).toBe('never');
    // A registry site has its manifest content script: the default (ask) is real there.
    expect(await siteModeInEffect('elpais.com', await getSettings())).toBe('ask');

    await setSiteMode('publico.es', 'ask');
    expect(await siteModeInEffect('www.publico.es', await getSettings())).toBe('never');
    for (const origin of originsFor('www.publico.es')) access.granted.add(origin);
    expect(await siteModeInEffect('www.publico.es', await getSettings())).toBe('ask');
  });

  it('makes Never, Ask first and Always take effect at once, in the reader’s tab too', async () => {
    const access = stubBrowserAccess();
    expect(await chooseSiteMode('www.publico.es', 'always', 7)).toBe(true);
    expect((await getSettings()).sites['publico.es']).toBe('always');
    expect(access.registeredFor('publico.es')).toBe(true);
    expect(access.injected).toEqual([7]);

    await chooseSiteMode('www.publico.es', 'never', 7);
    expect((await getSettings()).sites['publico.es']).toBe('never');
    expect(access.registeredFor('publico.es')).toBe(false);

    await chooseSiteMode('www.publico.es', 'ask', 7);
    expect((await getSettings()).sites['publico.es']).toBe('ask');
    expect(access.registeredFor('publico.es')).toBe(true);
    expect(access.injected).toEqual([7, 7]);
    expect(await siteModeInEffect('www.publico.es', await getSettings())).toBe('ask');
  });

  it('says so when the reader refuses the browser’s prompt, and changes nothing', async () => {
    const access = stubBrowserAccess();
    Object.assign(fakeBrowser.permissions, { request: async () => false });
    expect(await chooseSiteMode('www.publico.es', 'ask', 7)).toBe(false);
    expect((await getSettings()).sites['publico.es']).toBeUndefined();
    expect(access.registeredFor('publico.es')).toBe(false);
  });

  it('keeps registrations in step with a mode changed elsewhere (options, the page’s control)', async () => {
    const access = stubBrowserAccess();
    await chooseSiteMode('www.publico.es', 'ask', null);
    await setSiteMode('publico.es', 'never');
    await syncSiteRegistrations();
    expect(access.registeredFor('publico.es')).toBe(false);
    await setSiteMode('publico.es', 'always');
    await syncSiteRegistrations();
    expect(access.registeredFor('publico.es')).toBe(true);
  });

  it('runs on a site the reader added when it runs on registry sites, registered by an older version too', async () => {
    const access = stubBrowserAccess();
    await chooseSiteMode('www.publico.es', 'always', null);
    const [registration] = access.registered.values();
    expect(registration!.runAt).toBe(CONTENT_SCRIPT_RUN_AT.chrome);
    // An earlier version registered it to run at the page's idle time; the browser kept that.
    access.registered.set(registration!.id, { ...registration!, runAt: 'document_idle' });
    await syncSiteRegistrations();
    expect(access.registered.get(registration!.id)!.runAt).toBe(CONTENT_SCRIPT_RUN_AT.chrome);
  });
});
