import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

/** The keyboard shortcut as the browser has it, and where the reader can change it. */
export function ShortcutSection({ testId = 'shortcut' }: { testId?: string }) {
  // `null` until the browser says: no "no shortcut" shown while it is being read.
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === 'toggle-translation')?.shortcut ?? ''))
      .catch(() => setShortcut(''));
  }, []);
  const firefox = location.protocol === 'moz-extension:';
  return (
    <section aria-labelledby="h-shortcut">
      <h2 id="h-shortcut">{t('sectionShortcut')}</h2>
      {shortcut === null ? null : (
        <p data-testid={testId}>
          {shortcut ? t('shortcutIs', shortcut) : t('shortcutNone')}{' '}
          {firefox ? t('shortcutWhereFirefox') : t('shortcutWhereChrome')}
        </p>
      )}
    </section>
  );
}
