import { useEffect, useState } from 'preact/hooks';
import {
  choiceLabel,
  ENGINE_CHOICES,
  engineById,
  ENGINES,
  KEYED_ENGINES,
  type EngineChoice,
  type EngineId,
  type FallbackChoice,
} from '@/utils/engines/catalog';
import { getEngineKeys, setEngineKey, type EngineKeys } from '@/utils/engines/keys';
import type { AutomaticChoice } from '@/utils/engines/registry';
import { t, uiLocale } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import { sendToBackground } from '@/utils/messaging/protocol';
import { engineValues, type Settings } from '@/utils/settings/schema';
import { useEngineAccess } from '../useEngineAccess';
import { EnginePanel } from './EnginePanel';
import type { SettingsSectionProps } from './types';

const NO_KEYS = Object.fromEntries(KEYED_ENGINES.map((id) => [id, ''])) as EngineKeys;

/** The engine, its fallback, what "Automatic" uses now, and one panel per engine. */
export function EngineSection({ settings, apply, showStatus }: SettingsSectionProps) {
  const [keys, setKeys] = useState<EngineKeys | null>(null);
  const [automatic, setAutomatic] = useState<AutomaticChoice | null>(null);
  const allowEngine = useEngineAccess((hosts) =>
    showStatus(t('errorNotAllowed', hosts.join(', '))),
  );

  useEffect(() => {
    void getEngineKeys()
      .then(setKeys)
      .catch(() => setKeys(NO_KEYS));
  }, []);
  useEffect(() => {
    if (settings.engine !== 'auto') return;
    void sendToBackground('automaticEngine', { target: settings.targetLang })
      .then(setAutomatic)
      .catch(() => setAutomatic(null));
  }, [settings.engine, settings.targetLang, settings.apertium.baseUrl]);
  if (!keys) return null;

  const chooseEngine = (role: 'engine' | 'fallbackEngine', choice: FallbackChoice) => {
    const ready =
      choice === 'auto' || choice === 'none'
        ? Promise.resolve(true)
        : allowEngine(choice, engineValues(engineById(choice), settings));
    void ready.then((allowed) => {
      if (allowed) return apply((s) => ({ ...s, [role]: choice }));
    });
  };
  const chosen = (id: EngineId) =>
    settings.engine === id ||
    settings.fallbackEngine === id ||
    (settings.engine === 'auto' && id === 'apertium');

  const saveKey = (id: EngineId, key: string) => {
    setKeys({ ...keys, [id]: key });
    void setEngineKey(id as keyof EngineKeys, key).then(() => showStatus(t('saved')));
  };

  return (
    <section aria-labelledby="h-engines">
      <h2 id="h-engines">{t('sectionEngines')}</h2>
      <p>
        <label for="engine">{t('engineFirst')}</label>{' '}
        <select
          id="engine"
          value={settings.engine}
          aria-describedby="automatic-engine"
          onChange={(e) => chooseEngine('engine', e.currentTarget.value as EngineChoice)}
        >
          {ENGINE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(choiceLabel(choice))}
            </option>
          ))}
        </select>{' '}
        <span id="automatic-engine" class="meta" data-testid="automatic-engine">
          {settings.engine === 'auto' && automatic ? automaticText(automatic, settings) : ''}
        </span>
      </p>
      <p>
        <label for="fallback-engine">{t('engineFallback')}</label>{' '}
        <select
          id="fallback-engine"
          value={settings.fallbackEngine}
          onChange={(e) => chooseEngine('fallbackEngine', e.currentTarget.value as FallbackChoice)}
        >
          {(['none', ...ENGINE_CHOICES] as const).map((choice) => (
            <option key={choice} value={choice}>
              {t(choiceLabel(choice))}
            </option>
          ))}
        </select>
      </p>
      <p class="meta">{t('engineAutoHint')}</p>
      {ENGINES.map((engine) => (
        <EnginePanel
          key={engine.id}
          engine={engine}
          settings={settings}
          apiKey={engine.takesKey ? keys[engine.id as keyof EngineKeys] : undefined}
          open={chosen(engine.id)}
          onKey={(key) => saveKey(engine.id, key)}
          apply={apply}
          allow={(values) =>
            settings.engine === engine.id || settings.fallbackEngine === engine.id
              ? allowEngine(engine.id, values)
              : Promise.resolve(true)
          }
        />
      ))}
    </section>
  );
}

/** "Now: Google Translate", or the on-device translator first where it has the language. */
function automaticText(automatic: AutomaticChoice, settings: Settings): string {
  const server = t(engineById(automatic.server).label);
  return automatic.onDevice
    ? t('engineAutoNowOnDevice', languageName(settings.targetLang, uiLocale()), server)
    : t('engineAutoNow', server);
}
