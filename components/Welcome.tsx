import { useEffect, useState } from 'preact/hooks';
import { SITE_MODE_LABELS, TargetLanguageSelect } from '@/components/fields';
import { PrivacyLink } from '@/components/PrivacyLink';
import { ShortcutSection } from '@/components/options/ShortcutSection';
import { t, type MessageKey } from '@/utils/i18n';
import type { EngineChoice } from '@/utils/engines/catalog';
import { SITE_MODES, type SiteMode } from '@/utils/settings/schema';
import { getSettings, updateSettings } from '@/utils/settings/store';
import type { Settings } from '@/utils/settings/schema';

/** The engines a new reader can pick without setting anything up, with what each one means. */
const FIRST_RUN_ENGINES: { engine: EngineChoice; name: MessageKey; means: MessageKey }[] = [
  { engine: 'auto', name: 'engineAuto', means: 'welcomeEngineAuto' },
  { engine: 'chrome', name: 'engineChrome', means: 'welcomeEngineChrome' },
  { engine: 'google-web', name: 'engineGoogleWeb', means: 'welcomeEngineGoogle' },
];

const SITE_MODE_MEANINGS: Record<SiteMode, MessageKey> = {
  always: 'welcomeSiteAlways',
  ask: 'welcomeSiteAsk',
  never: 'welcomeSiteNever',
};

/** Chrome's on-device Translator API exists in this browser (Chrome 138+). */
const hasOnDeviceTranslator = () => 'Translator' in globalThis;

/**
 * The page opened once, on install: the few choices a new reader makes, each saved at once, and
 * what the per-site modes and the shortcut do.
 */
export function Welcome() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    // The target language was preset from the browser's on install (utils/settings/first-run).
    void getSettings().then(setSettings);
  }, []);
  if (!settings) return <p>{t('loading')}</p>;

  const save = (change: Partial<Settings>) =>
    void updateSettings((s) => ({ ...s, ...change })).then((next) => {
      setSettings(next);
      setSaved(true);
    });
  const engines = FIRST_RUN_ENGINES.filter(
    ({ engine }) => engine !== 'chrome' || hasOnDeviceTranslator(),
  );

  return (
    <main class="options welcome">
      <h1>
        <img src="/icon/48.png" alt="" width={48} height={48} /> {t('welcomeTitle')}
      </h1>
      <p>{t('welcomeIntro')}</p>

      <section aria-labelledby="h-target">
        <h2 id="h-target">
          <label for="welcome-target">{t('targetLanguage')}</label>
        </h2>
        <TargetLanguageSelect
          id="welcome-target"
          testId="welcome-target"
          value={settings.targetLang}
          onChange={(targetLang) => save({ targetLang })}
        />
      </section>

      <section aria-labelledby="h-engine">
        <h2 id="h-engine">{t('welcomeEngineLegend')}</h2>
        <fieldset data-testid="welcome-engine" aria-labelledby="h-engine">
          {engines.map(({ engine, name, means }) => (
            <label key={engine} class="choice">
              <input
                type="radio"
                name="engine"
                value={engine}
                checked={settings.engine === engine}
                onChange={() => save({ engine })}
              />{' '}
              <strong>{t(name)}</strong> — {t(means)}
            </label>
          ))}
        </fieldset>
        <p>
          {t('welcomeEngineMore')}{' '}
          <a
            href={browser.runtime.getURL('/options.html')}
            onClick={(e) => {
              e.preventDefault();
              void browser.runtime.openOptionsPage();
            }}
          >
            {t('openSettings')}
          </a>
        </p>
      </section>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{t('welcomeSitesLegend')}</h2>
        <p>{t('welcomeSitesIntro')}</p>
        <dl class="site-modes">
          {SITE_MODES.map((mode) => (
            <div key={mode}>
              <dt>{t(SITE_MODE_LABELS[mode])}</dt>
              <dd>{t(SITE_MODE_MEANINGS[mode])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <ShortcutSection testId="welcome-shortcut" />

      <p>
        <PrivacyLink />
      </p>
      <p role="status" data-testid="welcome-saved">
        {saved ? t('saved') : ''}
      </p>
    </main>
  );
}
