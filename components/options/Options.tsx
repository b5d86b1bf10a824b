import { useEffect, useRef, useState } from 'preact/hooks';
import { SettingsResetNotice } from '../SettingsResetNotice';
import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/schema';
import { getSettings, updateSettings } from '@/utils/settings/store';
import { CacheSection } from './CacheSection';
import { EngineSection } from './EngineSection';
import { PrivacySection } from './PrivacySection';
import { ReadingSection } from './ReadingSection';
import { ShortcutSection } from './ShortcutSection';
import { SiteList } from './SiteList';
import type { ApplySettings, ShowStatus } from './types';

/** The options page: every change applies at once and the status line says so. */
export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  // Changes are stored one after the other (each reads what the one before wrote), and "Saved."
  // shows once the last of them is stored.
  const saving = useRef({ queue: Promise.resolve(), pending: 0 });

  useEffect(() => void getSettings().then(setSettings), []);
  if (!settings) return <p>{t('loading')}</p>;

  const apply: ApplySettings = (change) => {
    const run = saving.current;
    run.pending++;
    setStatus('');
    run.queue = run.queue
      .then(() => updateSettings(change))
      .then(
        (next) => {
          setSettings(next);
          if (--run.pending === 0) setStatus(t('saved'));
        },
        (error: unknown) => {
          run.pending--;
          setStatus(String(error));
        },
      );
    return run.queue;
  };
  const showStatus: ShowStatus = setStatus;

  return (
    <main class="popup options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsResetNotice />
      <p class="save-row">
        <span id="save-status" role="status">
          {status}
        </span>
      </p>
      <ReadingSection settings={settings} apply={apply} />
      <EngineSection settings={settings} apply={apply} showStatus={showStatus} />
      <SiteList settings={settings} apply={apply} showStatus={showStatus} />
      <CacheSection />
      <ShortcutSection />
      <PrivacySection settings={settings} />
    </main>
  );
}
