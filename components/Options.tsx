import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { IndexedDbCache } from '@/utils/engines/cache';
import { getEngineKeys, KEYED_ENGINES, setEngineKey, type EngineKeys } from '@/utils/engines/keys';
import type { EngineTestResult } from '@/utils/engines/test-connection';
import type { EngineId } from '@/utils/engines/types';
import { t, uiLocale, type MessageKey } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import { sendToBackground } from '@/utils/messaging/protocol';
import {
  ENGINE_CHOICES,
  parseSettings,
  type EngineChoice,
  type Settings,
  type SiteMode,
} from '@/utils/settings/schema';
import { getSettings, updateSettings } from '@/utils/settings/store';
import { enableSite, requestSiteAccess } from '@/utils/sites/access';
import { findSite } from '@/utils/sites/registry';
import { DisplayModeRadios, SiteModeSelect, TargetLanguageSelect } from './fields';
import { TranslationStyleField } from './TranslationStyleField';

const ENGINE_KEYS: Record<EngineChoice | 'none', MessageKey> = {
  auto: 'engineAuto',
  chrome: 'engineChrome',
  'google-web': 'engineGoogleWeb',
  apertium: 'engineApertium',
  libretranslate: 'engineLibre',
  deepl: 'engineDeepl',
  'google-cloud': 'engineGoogleCloud',
  microsoft: 'engineMicrosoft',
  openai: 'engineOpenai',
  none: 'engineNone',
};

/** Languages offered for "always translate from". */
const SOURCE_LANGUAGES = ['es', 'de', 'fr', 'it', 'pt', 'ru', 'ja', 'zh', 'ar', 'nl', 'pl', 'uk'];

const cache = new IndexedDbCache();

function isHttpUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [keys, setKeys] = useState<EngineKeys | null>(null);
  const [status, setStatus] = useState('');
  const [cacheCount, setCacheCount] = useState<number | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [tests, setTests] = useState<Partial<Record<EngineId, EngineTestResult | 'running'>>>({});
  const [newSite, setNewSite] = useState('');
  const [newSiteMode, setNewSiteMode] = useState<SiteMode>('always');
  const locale = uiLocale();

  useEffect(() => {
    void getSettings().then(setSettings);
    void getEngineKeys()
      .then(setKeys)
      .catch(() => setKeys(Object.fromEntries(KEYED_ENGINES.map((e) => [e, ''])) as EngineKeys));
    void cache.count().then(setCacheCount, () => setCacheCount(null));
    void browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === 'toggle-translation')?.shortcut || ''))
      .catch(() => setShortcut(''));
  }, []);
  if (!settings || !keys) return <p>{t('loading')}</p>;

  const set = (change: Partial<Settings>) => setSettings({ ...settings, ...change });
  const urls: [string, string][] = [
    ['apertium-url', settings.apertium.baseUrl],
    ['libretranslate-url', settings.libretranslate.baseUrl],
    ['openai-url', settings.openai.baseUrl],
    ['deepl-url', settings.deepl.baseUrl],
    ['google-cloud-url', settings.googleCloud.baseUrl],
    ['microsoft-url', settings.microsoft.baseUrl],
  ];

  const save = async (event: Event) => {
    event.preventDefault();
    const bad = urls.find(([, url]) => url.trim() !== '' && !isHttpUrl(url.trim()));
    const emptyRequired = urls.slice(0, 3).find(([, url]) => url.trim() === '');
    if (bad || emptyRequired) {
      setStatus(t('invalidUrl'));
      document.getElementById((bad ?? emptyRequired)![0])?.focus();
      return;
    }
    const trimmedUrls: Partial<Settings> = {
      apertium: { baseUrl: settings.apertium.baseUrl.trim() },
      libretranslate: { baseUrl: settings.libretranslate.baseUrl.trim() },
      openai: { ...settings.openai, baseUrl: settings.openai.baseUrl.trim() },
    };
    const next = await updateSettings((s) => ({ ...s, ...settings, ...trimmedUrls }));
    await Promise.all(KEYED_ENGINES.map((e) => setEngineKey(e, keys[e])));
    setSettings(next);
    setStatus(t('saved'));
  };

  const test = async (engine: EngineId) => {
    setTests((r) => ({ ...r, [engine]: 'running' }));
    const key = (keys as Record<string, string>)[engine] ?? '';
    let result: EngineTestResult;
    try {
      result = await sendToBackground('testEngine', {
        engine,
        settings: parseSettings(settings),
        key,
      });
    } catch (error) {
      result = { ok: false, message: String(error) };
    }
    setTests((r) => ({ ...r, [engine]: result }));
  };

  const addSite = async (event: Event) => {
    event.preventDefault();
    let host = newSite.trim().toLowerCase();
    try {
      host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
    } catch {
      setStatus(t('invalidSite'));
      return;
    }
    if (!host) return;
    const key = findSite(host)?.id ?? host;
    if (!findSite(host) && newSiteMode === 'always') {
      if (!(await requestSiteAccess(host))) {
        setStatus(t('errorNotAllowed', host));
        return;
      }
      await enableSite(host);
    }
    const next = await updateSettings((s) => ({
      ...s,
      sites: { ...s.sites, [key]: newSiteMode },
    }));
    setSettings({ ...settings, sites: next.sites });
    setNewSite('');
  };

  const setSite = async (key: string, mode: SiteMode | null) => {
    const next = await updateSettings((s) => {
      const sites = { ...s.sites };
      if (mode) sites[key] = mode;
      else delete sites[key];
      return { ...s, sites };
    });
    setSettings({ ...settings, sites: next.sites });
  };

  const keyField = (engine: (typeof KEYED_ENGINES)[number]) => (
    <p>
      <label for={`${engine}-key`}>{t('apiKey')}</label>
      <br />
      <input
        id={`${engine}-key`}
        type="password"
        autocomplete="off"
        size={40}
        value={keys[engine]}
        onInput={(e) => setKeys({ ...keys, [engine]: e.currentTarget.value })}
      />
    </p>
  );
  const urlField = (id: string, value: string, onChange: (v: string) => void, hint?: string) => (
    <p>
      <label for={id}>{t('baseUrl')}</label>
      <br />
      <input
        id={id}
        type="url"
        size={40}
        value={value}
        placeholder={hint}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    </p>
  );
  const testButton = (engine: EngineId) => {
    const result = tests[engine];
    return (
      <p>
        <button type="button" data-testid={`test-${engine}`} onClick={() => void test(engine)}>
          {t('testConnection')}
        </button>{' '}
        <output
          data-testid={`test-result-${engine}`}
          class={result && result !== 'running' && !result.ok ? 'error' : undefined}
          aria-live="polite"
        >
          {result === 'running'
            ? t('testing')
            : result
              ? result.ok
                ? t('testOk', result.message)
                : t('testFailed', result.message)
              : ''}
        </output>
      </p>
    );
  };

  const firefox = location.protocol === 'moz-extension:';
  const siteEntries = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));

  return (
    <main class="popup options">
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save}>
        <section aria-labelledby="h-reading">
          <h2 id="h-reading">{t('sectionReading')}</h2>
          <p>
            <label for="target-lang">{t('targetLanguage')}</label>{' '}
            <TargetLanguageSelect
              id="target-lang"
              value={settings.targetLang}
              onChange={(targetLang) => set({ targetLang })}
            />
          </p>
          <DisplayModeRadios
            value={settings.displayMode}
            onChange={(displayMode) => set({ displayMode })}
          />
          <TranslationStyleField
            value={settings.translationStyle}
            onChange={(translationStyle) => set({ translationStyle })}
          />
          <fieldset data-testid="always-from">
            <legend>{t('alwaysFromLegend')}</legend>
            {SOURCE_LANGUAGES.map((code) => (
              <label key={code} class="choice">
                <input
                  type="checkbox"
                  value={code}
                  checked={settings.alwaysTranslateFrom.includes(code)}
                  onChange={(e) =>
                    set({
                      alwaysTranslateFrom: e.currentTarget.checked
                        ? [...settings.alwaysTranslateFrom, code]
                        : settings.alwaysTranslateFrom.filter((l) => l !== code),
                    })
                  }
                />{' '}
                {languageName(code, locale)}
              </label>
            ))}
          </fieldset>
        </section>

        <section aria-labelledby="h-engines">
          <h2 id="h-engines">{t('sectionEngines')}</h2>
          <p>
            <label for="engine">{t('engineFirst')}</label>{' '}
            <select
              id="engine"
              value={settings.engine}
              onChange={(e) => set({ engine: e.currentTarget.value as EngineChoice })}
            >
              {ENGINE_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {t(ENGINE_KEYS[c])}
                </option>
              ))}
            </select>
          </p>
          <p>
            <label for="fallback-engine">{t('engineFallback')}</label>{' '}
            <select
              id="fallback-engine"
              value={settings.fallbackEngine}
              onChange={(e) =>
                set({ fallbackEngine: e.currentTarget.value as Settings['fallbackEngine'] })
              }
            >
              {(['none', ...ENGINE_CHOICES] as const).map((c) => (
                <option key={c} value={c}>
                  {t(ENGINE_KEYS[c])}
                </option>
              ))}
            </select>
          </p>
          <p class="meta">{t('engineAutoHint')}</p>

          <details open>
            <summary>{t('engineApertium')}</summary>
            <p>
              <label for="apertium-url">{t('apertiumUrl')}</label>
              <br />
              <input
                id="apertium-url"
                type="url"
                size={40}
                value={settings.apertium.baseUrl}
                onInput={(e) => set({ apertium: { baseUrl: e.currentTarget.value } })}
              />
            </p>
            {testButton('apertium')}
          </details>
          <details>
            <summary>{t('engineLibre')}</summary>
            {urlField('libretranslate-url', settings.libretranslate.baseUrl, (v) =>
              set({ libretranslate: { baseUrl: v } }),
            )}
            {keyField('libretranslate')}
            {testButton('libretranslate')}
          </details>
          <details>
            <summary>{t('engineDeepl')}</summary>
            {keyField('deepl')}
            {urlField(
              'deepl-url',
              settings.deepl.baseUrl,
              (v) => set({ deepl: { baseUrl: v } }),
              t('defaultAddress'),
            )}
            {testButton('deepl')}
          </details>
          <details>
            <summary>{t('engineGoogleCloud')}</summary>
            {keyField('google-cloud')}
            {urlField(
              'google-cloud-url',
              settings.googleCloud.baseUrl,
              (v) => set({ googleCloud: { baseUrl: v } }),
              t('defaultAddress'),
            )}
            {testButton('google-cloud')}
          </details>
          <details>
            <summary>{t('engineMicrosoft')}</summary>
            {keyField('microsoft')}
            <p>
              <label for="microsoft-region">{t('region')}</label>
              <br />
              <input
                id="microsoft-region"
                size={20}
                value={settings.microsoft.region}
                onInput={(e) =>
                  set({ microsoft: { ...settings.microsoft, region: e.currentTarget.value } })
                }
              />
            </p>
            {urlField(
              'microsoft-url',
              settings.microsoft.baseUrl,
              (v) => set({ microsoft: { ...settings.microsoft, baseUrl: v } }),
              t('defaultAddress'),
            )}
            {testButton('microsoft')}
          </details>
          <details>
            <summary>{t('engineOpenai')}</summary>
            {keyField('openai')}
            {urlField('openai-url', settings.openai.baseUrl, (v) =>
              set({ openai: { ...settings.openai, baseUrl: v } }),
            )}
            <p>
              <label for="openai-model">{t('model')}</label>
              <br />
              <input
                id="openai-model"
                size={30}
                value={settings.openai.model}
                onInput={(e) =>
                  set({ openai: { ...settings.openai, model: e.currentTarget.value } })
                }
              />
            </p>
            {testButton('openai')}
          </details>
          <details>
            <summary>{t('engineGoogleWeb')}</summary>
            {testButton('google-web')}
          </details>
        </section>

        <p class="save-row">
          <button id="save" type="submit" class="primary">
            {t('save')}
          </button>{' '}
          <span id="save-status" role="status">
            {status}
          </span>
        </p>
      </form>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{t('sectionSites')}</h2>
        {siteEntries.length ? (
          <table class="sites" data-testid="site-list">
            <thead>
              <tr>
                <th scope="col">{t('site')}</th>
                <th scope="col">{t('mode')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {siteEntries.map(([key, mode]) => (
                <tr key={key} data-site={key}>
                  <td>{key}</td>
                  <td>
                    <SiteModeSelect
                      label={t('siteModeLegend', key)}
                      value={mode}
                      onChange={(m) => void setSite(key, m)}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('removeSite', key)}
                      onClick={() => void setSite(key, null)}
                    >
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="meta">{t('noSites')}</p>
        )}
        <form class="add-site" onSubmit={(e) => void addSite(e)}>
          <label for="new-site">{t('addSite')}</label>{' '}
          <input
            id="new-site"
            size={24}
            placeholder="example.com"
            value={newSite}
            onInput={(e) => setNewSite(e.currentTarget.value)}
          />{' '}
          <SiteModeSelect label={t('mode')} value={newSiteMode} onChange={setNewSiteMode} />{' '}
          <button type="submit" data-testid="add-site">
            {t('add')}
          </button>
        </form>
      </section>

      <section aria-labelledby="h-cache">
        <h2 id="h-cache">{t('sectionCache')}</h2>
        <p>
          <span data-testid="cache-count">
            {cacheCount === null ? '' : t('cacheCount', cacheCount.toLocaleString(locale))}
          </span>{' '}
          <button
            type="button"
            data-testid="clear-cache"
            onClick={() =>
              void cache
                .clear()
                .then(() => cache.count())
                .then(setCacheCount)
            }
          >
            {t('clearCache')}
          </button>
        </p>
      </section>

      <section aria-labelledby="h-shortcut">
        <h2 id="h-shortcut">{t('sectionShortcut')}</h2>
        <p data-testid="shortcut">
          {shortcut ? t('shortcutIs', shortcut) : t('shortcutNone')}{' '}
          {firefox ? t('shortcutWhereFirefox') : t('shortcutWhereChrome')}
        </p>
      </section>

      <section aria-labelledby="h-privacy">
        <h2 id="h-privacy">{t('sectionPrivacy')}</h2>
        <ul class="privacy">
          <li>{t('privacyWhat')}</li>
          <li>{t('privacyChrome')}</li>
          <li>{t('privacyApertium', settings.apertium.baseUrl)}</li>
          <li>{t('privacyCloud')}</li>
          <li>{t('privacyKeys')}</li>
          <li>{t('privacyCache')}</li>
        </ul>
      </section>
    </main>
  );
}
