import { t } from '@/utils/i18n';
import type { Settings, SiteMode } from '@/utils/settings/schema';
import { updateSettings } from '@/utils/settings/store';
import { DisplayModeRadios, SiteModeRadios, TargetLanguageSelect } from '../fields';

/** When this site is translated, into what, and how it is shown on the page. */
export function SiteControls({
  siteName,
  mode,
  settings,
  onMode,
}: {
  siteName: string;
  mode: SiteMode;
  settings: Settings;
  onMode: (mode: SiteMode) => void;
}) {
  return (
    <section class="controls" data-testid="controls" aria-label={t('controlsLabel')}>
      <SiteModeRadios
        class="site-mode"
        testId="site-mode"
        legend={t('siteModeLegend', siteName)}
        value={mode}
        onChange={onMode}
      />
      <div class="row">
        <label for="popup-target">{t('targetLanguage')}</label>
        <TargetLanguageSelect
          id="popup-target"
          testId="target-lang"
          value={settings.targetLang}
          onChange={(targetLang) => void updateSettings((s) => ({ ...s, targetLang }))}
        />
      </div>
      <DisplayModeRadios
        class="display-mode"
        testId="display-mode"
        value={settings.displayMode}
        onChange={(displayMode) => void updateSettings((s) => ({ ...s, displayMode }))}
      />
    </section>
  );
}
