import { t } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/schema';
import { PrivacyLink } from '../PrivacyLink';

/** What text is sent where, in plain words. */
export function PrivacySection({ settings }: { settings: Settings }) {
  return (
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
      <p>
        <PrivacyLink />
      </p>
    </section>
  );
}
