import { t, uiLocale, type MessageKey } from '@/utils/i18n';
import { languageName, TARGET_LANGUAGES } from '@/utils/languages';
import {
  DISPLAY_MODES,
  SITE_MODES,
  type DisplayMode,
  type SiteMode,
} from '@/utils/settings/schema';

/** The controls the popup and the options page share: one definition, one set of labels. */

export const SITE_MODE_LABELS: Record<SiteMode, MessageKey> = {
  always: 'siteModeAlways',
  ask: 'siteModeAsk',
  never: 'siteModeNever',
};

export const DISPLAY_MODE_LABELS: Record<DisplayMode, MessageKey> = {
  bilingual: 'displayBilingual',
  replace: 'displayReplace',
};

/** The language articles are translated into. */
export function TargetLanguageSelect({
  id,
  value,
  onChange,
  testId,
}: {
  id: string;
  value: string;
  onChange: (lang: string) => void;
  testId?: string;
}) {
  const locale = uiLocale();
  return (
    <select
      id={id}
      data-testid={testId}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {TARGET_LANGUAGES.map((code) => (
        <option key={code} value={code}>
          {languageName(code, locale)}
        </option>
      ))}
    </select>
  );
}

/** Always / Ask first / Never for one site, as radios under a legend. */
export function SiteModeRadios({
  legend,
  value,
  onChange,
  testId,
  class: className,
}: {
  legend: string;
  value: SiteMode;
  onChange: (mode: SiteMode) => void;
  testId?: string;
  class?: string;
}) {
  return (
    <fieldset class={className} data-testid={testId}>
      <legend>{legend}</legend>
      {SITE_MODES.map((m) => (
        <label key={m} class="choice">
          <input
            type="radio"
            name="site-mode"
            value={m}
            checked={value === m}
            onChange={() => onChange(m)}
          />{' '}
          {t(SITE_MODE_LABELS[m])}
        </label>
      ))}
    </fieldset>
  );
}

/** Always / Ask first / Never as a compact select (a row of the options' site list). */
export function SiteModeSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: SiteMode;
  onChange: (mode: SiteMode) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as SiteMode)}
    >
      {SITE_MODES.map((m) => (
        <option key={m} value={m}>
          {t(SITE_MODE_LABELS[m])}
        </option>
      ))}
    </select>
  );
}

/** Bilingual (translation under each block) or replace (translation in its place). */
export function DisplayModeRadios({
  value,
  onChange,
  testId,
  class: className,
}: {
  value: DisplayMode;
  onChange: (mode: DisplayMode) => void;
  testId?: string;
  class?: string;
}) {
  return (
    <fieldset class={className} data-testid={testId}>
      <legend>{t('displayModeLegend')}</legend>
      {DISPLAY_MODES.map((m) => (
        <label key={m} class="choice">
          <input
            type="radio"
            name="display-mode"
            value={m}
            checked={value === m}
            onChange={() => onChange(m)}
          />{' '}
          {t(DISPLAY_MODE_LABELS[m])}
        </label>
      ))}
    </fieldset>
  );
}
