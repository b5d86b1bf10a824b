import { t, uiLocale } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { Settings } from '@/utils/settings/schema';
import { DisplayModeRadios, TargetLanguageSelect } from '../fields';
import { TranslationStyleField } from '../TranslationStyleField';
import type { ApplySettings } from './types';

/** Languages offered for "always translate from". */
const SOURCE_LANGUAGES = ['es', 'de', 'fr', 'it', 'pt', 'ru', 'ja', 'zh', 'ar', 'nl', 'pl', 'uk'];

/** Target language, display mode and the languages translated on any site. */
export function ReadingSection({ settings, apply }: { settings: Settings; apply: ApplySettings }) {
  const locale = uiLocale();
  const toggleSource = (code: string, on: boolean) =>
    void apply((s) => ({
      ...s,
      alwaysTranslateFrom: on
        ? [...s.alwaysTranslateFrom, code]
        : s.alwaysTranslateFrom.filter((l) => l !== code),
    }));
  return (
    <section aria-labelledby="h-reading">
      <h2 id="h-reading">{t('sectionReading')}</h2>
      <p>
        <label for="target-lang">{t('targetLanguage')}</label>{' '}
        <TargetLanguageSelect
          id="target-lang"
          value={settings.targetLang}
          onChange={(targetLang) => void apply((s) => ({ ...s, targetLang }))}
        />
      </p>
      <DisplayModeRadios
        value={settings.displayMode}
        onChange={(displayMode) => void apply((s) => ({ ...s, displayMode }))}
      />
      <TranslationStyleField
        value={settings.translationStyle}
        onChange={(translationStyle) => void apply((s) => ({ ...s, translationStyle }))}
      />
      <fieldset data-testid="always-from">
        <legend>{t('alwaysFromLegend')}</legend>
        {SOURCE_LANGUAGES.map((code) => (
          <label key={code} class="choice">
            <input
              type="checkbox"
              value={code}
              checked={settings.alwaysTranslateFrom.includes(code)}
              onChange={(e) => toggleSource(code, e.currentTarget.checked)}
            />{' '}
            {languageName(code, locale)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
