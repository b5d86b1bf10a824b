import { t } from '@/utils/i18n';

/** The privacy statement (PRIVACY.md, bundled as privacy.html), opened in a tab. */
export function PrivacyLink() {
  return (
    <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noopener">
      {t('privacyLink')}
    </a>
  );
}
