import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserNames, launchBrowser, type ExtensionBrowser } from './harness/index.ts';

/** What the welcome page shows, read as a reader would see it. */
function readWelcome() {
  const text = (selector: string) => document.querySelector(selector)?.textContent?.trim() ?? '';
  const target = document.querySelector<HTMLSelectElement>('[data-testid=welcome-target]');
  // The page is read once it shows the shortcut, which the browser gives asynchronously.
  if (!target || !document.querySelector('[data-testid=welcome-shortcut]')) return null;
  return {
    title: text('h1'),
    target: target.value,
    engine: document.querySelector<HTMLInputElement>('input[name=engine]:checked')?.value ?? '',
    engines: [...document.querySelectorAll<HTMLInputElement>('input[name=engine]')].map(
      (input) => input.value,
    ),
    siteModes: [...document.querySelectorAll('.site-modes dt')].map((dt) => dt.textContent),
    shortcut: text('[data-testid=welcome-shortcut]'),
    saved: text('[data-testid=welcome-saved]'),
  };
}

describe.each(browserNames)('%s: first run', (name) => {
  let browser: ExtensionBrowser | undefined;
  const session = () => {
    if (!browser) throw new Error(`${name} did not launch`);
    return browser;
  };

  beforeAll(async () => {
    browser = await launchBrowser(name, { keepFirstRunTab: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the welcome page on install, and a choice made there is saved at once', async () => {
    const welcome = session().firstRunTab;
    expect(welcome, 'a welcome tab opened on install').not.toBeNull();
    if (!welcome) return;
    expect(welcome.url()).toBe(`${session().extensionOrigin}/welcome.html`);

    const shown = await welcome.waitFor(readWelcome, { message: 'the welcome page' });
    expect(shown.title).toBe('Welcome to Foreign Desk');
    // The test browsers run in English: the target language is preset to it.
    expect(shown.target).toBe('en');
    expect(shown.engine).toBe('auto');
    expect(shown.engines).toContain('google-web');
    expect(shown.siteModes).toEqual(['Always translate', 'Ask first', 'Never']);
    expect(shown.shortcut).toContain('Alt+Shift+J');
    expect(shown.saved).toBe('');

    await welcome.evaluate(() => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid=welcome-target]')!;
      select.value = 'de';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await welcome.click('input[name=engine][value=google-web]');
    await welcome.waitFor(
      () => document.querySelector('[data-testid=welcome-saved]')?.textContent,
      {
        message: '"Saved" after the choices',
      },
    );

    // Saved in the extension's settings, as any other extension page reads them.
    const other = await session().openExtensionPage('/manifest.json');
    try {
      const stored = await other.waitFor(
        async () => {
          type Area = { get(key: string): Promise<{ settings?: Record<string, unknown> }> };
          const api = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome;
          const { settings } = await api.storage.local.get('settings');
          return settings?.engine === 'google-web' ? settings : null;
        },
        { message: 'the engine chosen on the welcome page, stored' },
      );
      expect(stored.targetLang).toBe('de');
    } finally {
      await other.close();
    }
  });

  it('speaks the interface language', async () => {
    const page = await session().openExtensionPage('/welcome.html?ui=de');
    try {
      const shown = await page.waitFor(readWelcome, { message: 'the welcome page in German' });
      expect(shown.title).toBe('Willkommen bei Foreign Desk');
      expect(shown.siteModes).toHaveLength(3);
    } finally {
      await page.close();
    }
  });
});
