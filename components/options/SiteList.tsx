import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SiteMode } from '@/utils/settings/schema';
import { enableSite, requestSiteAccess } from '@/utils/sites/access';
import { findSite, SITES } from '@/utils/sites/registry';
import { SiteModeSelect } from '../fields';
import type { SettingsSectionProps } from './types';

/** A site as the reader knows it: the publisher for registry sites, else its hostname. */
function siteName(key: string): string {
  return SITES.find((site) => site.id === key)?.publisher ?? findSite(key)?.publisher ?? key;
}

/** The sites the reader chose a mode for, and a form to add one. */
export function SiteList({ settings, apply, showStatus }: SettingsSectionProps) {
  const [newSite, setNewSite] = useState('');
  const [newSiteMode, setNewSiteMode] = useState<SiteMode>('always');

  const setSite = (key: string, mode: SiteMode | null) =>
    apply((s) => {
      const sites = { ...s.sites };
      if (mode) sites[key] = mode;
      else delete sites[key];
      return { ...s, sites };
    });

  const addSite = async (event: Event) => {
    event.preventDefault();
    let host = newSite.trim().toLowerCase();
    try {
      host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
    } catch {
      showStatus(t('invalidSite'));
      return;
    }
    if (!host) return;
    const registered = findSite(host);
    if (!registered && newSiteMode === 'always') {
      if (!(await requestSiteAccess(host))) {
        showStatus(t('errorNotAllowed', host));
        return;
      }
      await enableSite(host);
    }
    await setSite(registered?.id ?? host, newSiteMode);
    setNewSite('');
  };

  const entries = Object.entries(settings.sites)
    .map(([key, mode]) => ({ key, mode, name: siteName(key) }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section aria-labelledby="h-sites">
      <h2 id="h-sites">{t('sectionSites')}</h2>
      {entries.length ? (
        <table class="sites" data-testid="site-list">
          <thead>
            <tr>
              <th scope="col">{t('site')}</th>
              <th scope="col">{t('mode')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ key, mode, name }) => (
              <tr key={key} data-site={key}>
                <td>{name}</td>
                <td>
                  <SiteModeSelect
                    label={t('siteModeLegend', name)}
                    value={mode}
                    onChange={(m) => void setSite(key, m)}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={t('removeSite', name)}
                    onClick={() => void setSite(key, null)}
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="meta">{t('noSites')}</p>
      )}
      <form class="add-site" onSubmit={(e) => void addSite(e)}>
        <label for="new-site">{t('addSite')}</label>{' '}
        <input
          id="new-site"
          size={24}
          placeholder="example.com"
          value={newSite}
          onInput={(e) => setNewSite(e.currentTarget.value)}
        />{' '}
        <SiteModeSelect label={t('mode')} value={newSiteMode} onChange={setNewSiteMode} />{' '}
        <button type="submit" data-testid="add-site">
          {t('add')}
        </button>
      </form>
    </section>
  );
}
