import { useEffect, useState } from 'preact/hooks';
import { SettingsResetNotice } from '../SettingsResetNotice';
import { commandTab } from '@/utils/actions/tab-page';
import { engineById } from '@/utils/engines/catalog';
import { t } from '@/utils/i18n';
import { sendToTab, type PageCommand } from '@/utils/messaging/protocol';
import { engineValues, type SiteMode } from '@/utils/settings/schema';
import { updateSettings } from '@/utils/settings/store';
import { chooseSiteMode, siteModeInEffect } from '@/utils/sites/access';
import { findSite } from '@/utils/sites/registry';
import { useEngineAccess } from '../useEngineAccess';
import { usePageState } from '../usePageState';
import { ArticleActions } from './ArticleActions';
import { ArticleView } from './ArticleView';
import type { UseEngine } from './EngineErrorNotice';
import { PageStatus } from './PageStatus';
import { PageSummary } from './PageSummary';
import { SiteControls } from './SiteControls';

/**
 * The reader: what this page is and the main action, the page's status, this site's controls,
 * then the translated article with its date and source. `layout="page"` is the same component
 * as a full page in its own tab.
 */
export function Popup({
  tabId,
  layout = 'popup',
}: {
  tabId: number | null;
  layout?: 'popup' | 'page';
}) {
  const { tabId: resolvedTab, tabUrl, siteKey, settings, page, refresh } = usePageState(tabId);
  const host = tabUrl && /^https?:/.test(tabUrl) ? new URL(tabUrl).hostname : null;
  // The mode in effect: a site outside the registry that is not turned on is not "Ask first".
  const [mode, setMode] = useState<SiteMode | null>(null);
  useEffect(() => {
    if (host && settings) void siteModeInEffect(host, settings).then(setMode);
  }, [host, settings]);
  // Readers know a site by its name, not by our id for it.
  const siteName = host ? (findSite(host)?.publisher ?? host) : null;
  const [notice, setNotice] = useState<string | null>(null);
  const allowEngine = useEngineAccess((hosts) => setNotice(t('errorNotAllowed', hosts.join(', '))));

  const command = async (name: PageCommand) => {
    if (resolvedTab === null) return;
    const state = await commandTab(resolvedTab, name);
    if (state) refresh(state);
    else setNotice(t('errorNoAccess'));
  };

  /**
   * An engine that has the article's language, for this article only, or from now on (and this
   * article at once).
   */
  const useEngine: UseEngine = async (engine, scope) => {
    if (resolvedTab === null || !settings) return;
    if (!(await allowEngine(engine, engineValues(engineById(engine), settings)))) return;
    if (scope === 'always') {
      await updateSettings((s) => ({ ...s, engine }));
      return command('retry');
    }
    const state = await sendToTab(resolvedTab, 'useEngineForPage', { engine }).catch(() => null);
    if (state) refresh(state);
    else setNotice(t('errorNoAccess'));
  };

  const chooseMode = async (next: SiteMode) => {
    if (!host || !siteKey) return;
    // Inside the reader's click: the browser may show its permission prompt.
    if (!(await chooseSiteMode(host, next, resolvedTab))) setNotice(t('errorNotAllowed', host));
  };

  return (
    <main class={layout === 'page' ? 'popup reader-page' : 'popup'}>
      <PageSummary
        page={page}
        siteName={siteName}
        onCommand={host ? (c) => void command(c) : null}
      />
      <SettingsResetNotice />
      {notice ? (
        <p class="message error" role="alert">
          {notice}
        </p>
      ) : null}
      {page === undefined ? (
        <p role="status">{t('lookingAtPage')}</p>
      ) : page === null ? (
        <p data-testid="message" role="status">
          {siteName ? t('notOnForSite', siteName) : t('cannotOpenPage')}
        </p>
      ) : (
        <PageStatus
          page={page}
          onCommand={(c) => void command(c)}
          onUseEngine={(e, scope) => void useEngine(e, scope)}
        />
      )}
      {siteName && siteKey && mode && settings ? (
        <SiteControls
          siteName={siteName}
          mode={mode}
          settings={settings}
          onMode={(m) => void chooseMode(m)}
        />
      ) : null}
      {page?.article ? (
        <>
          <ArticleView page={page} />
          <ArticleActions page={page} readerTab={layout === 'popup' ? resolvedTab : null} />
        </>
      ) : null}
    </main>
  );
}
