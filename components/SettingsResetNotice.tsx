import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { settingLabels } from '@/utils/settings/schema';
import { dismissSettingsReset, repairSettings, watchSettingsReset } from '@/utils/settings/store';

/**
 * Says which stored settings could not be read and were reset to their defaults, until the
 * reader dismisses it. Opening the options or the popup is when such settings are repaired.
 */
export function SettingsResetNotice() {
  const [paths, setPaths] = useState<string[]>([]);
  useEffect(() => {
    void repairSettings();
    return watchSettingsReset(setPaths);
  }, []);
  if (!paths.length) return null;
  const names = paths.map((path) =>
    settingLabels(path)
      .map((key) => t(key))
      .join(' — '),
  );
  return (
    <p class="message error settings-reset" role="alert">
      <span>{t('settingsReset', names.join(', '))}</span>{' '}
      <button type="button" onClick={() => void dismissSettingsReset()}>
        {t('dismiss')}
      </button>
    </p>
  );
}
