import { displayDate } from '@/utils/dates';
import { languageName } from '@/utils/languages';
import { useState } from 'preact/hooks';
import { commandTab } from '@/utils/actions/tab-page';
import type { PageState } from '@/utils/page/state';
import { SITE_MODES, type SiteMode } from '@/utils/settings/schema';
import { setSiteMode, siteModeOf } from '@/utils/settings/store';
import { disableSite, enableSite, requestSiteAccess } from '@/utils/sites/access';
import { findSite } from '@/utils/sites/registry';
import { usePageState } from './usePageState';

const SITE_MODE_LABELS: Record<SiteMode, string> = {
  always: 'Always translate',
  ask: 'Ask first',
  never: 'Never',
};

const UI_LOCALE = navigator.language || 'en';

export function Popup({ tabId }: { tabId: number | null }) {
  const { tabId: resolvedTab, tabUrl, siteKey, settings, page, refresh } = usePageState(tabId);
  const mode = siteKey && settings ? siteModeOf(settings, siteKey) : null;
  const active = page ? page.status !== 'off' : false;
  const host = tabUrl && /^https?:/.test(tabUrl) ? new URL(tabUrl).hostname : null;
  const [notice, setNotice] = useState<string | null>(null);

  /** Translates or restores this page; on a site where Foreign Desk is not on, injects it first. */
  const togglePage = async () => {
    if (resolvedTab === null) return;
    const state = await commandTab(resolvedTab, active ? 'original' : 'translate');
    if (state) refresh(state);
    else setNotice('The browser does not let extensions into this page.');
  };

  const chooseMode = async (next: SiteMode) => {
    if (!host || !siteKey) return;
    if (findSite(host)) return void setSiteMode(siteKey, next);
    if (next === 'never') return void disableSite(host);
    // Asked first, inside the reader's click: the browser shows its permission prompt.
    if (!(await requestSiteAccess(host))) {
      setNotice(`Foreign Desk was not allowed on ${host}, so nothing changed.`);
      return;
    }
    if (next === 'always') await enableSite(host);
    else await setSiteMode(siteKey, next);
  };

  return (
    <main class="popup">
      <header class="bar">
        <strong class="brand">Foreign Desk</strong>
        {page !== undefined && host ? (
          <button
            type="button"
            class="primary"
            data-testid="page-toggle"
            onClick={() => void togglePage()}
          >
            {active ? 'Show original' : 'Translate this article'}
          </button>
        ) : null}
      </header>
      {notice ? (
        <p class="message error" role="alert">
          {notice}
        </p>
      ) : null}
      {page === undefined ? (
        <p role="status">Looking at the page…</p>
      ) : page === null ? (
        <p data-testid="message" role="status">
          {host
            ? `Foreign Desk is not on for ${host}. Translate this article once, or choose to always translate this site below.`
            : 'Foreign Desk translates news pages; this page is not one it can open.'}
        </p>
      ) : (
        <PageView page={page} />
      )}
      {host && siteKey && mode ? (
        <fieldset class="site-mode" data-testid="site-mode">
          <legend>On {siteKey}</legend>
          {SITE_MODES.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="site-mode"
                value={m}
                checked={mode === m}
                onChange={() => void chooseMode(m)}
              />{' '}
              {SITE_MODE_LABELS[m]}
            </label>
          ))}
        </fieldset>
      ) : null}
    </main>
  );
}

function StatusLine({ page }: { page: PageState }) {
  const target = languageName(page.target, UI_LOCALE);
  const source = page.article?.lang ? languageName(page.article.lang, UI_LOCALE) : null;
  let text: string;
  let alert = false;
  switch (page.status) {
    case 'off':
      text = `Not translated. Translate this article into ${target}, or choose when this site is translated below.`;
      break;
    case 'not-article':
      text = 'This page does not look like a news article, so nothing was translated.';
      break;
    case 'same-language':
      text = `This article is already in ${target}.`;
      break;
    case 'translating':
      text = `Translating… ${page.progress.done} of ${page.progress.total} paragraphs`;
      break;
    case 'done':
      text = `Translated from ${source ?? 'the page language'} by ${page.engine ?? 'the engine'}.`;
      break;
    case 'error':
      alert = true;
      text = page.error?.message ?? 'Translation failed.';
      break;
  }
  return (
    <p
      data-testid="message"
      class={alert ? 'message error' : 'message'}
      role={alert ? 'alert' : 'status'}
    >
      {text}
    </p>
  );
}

function PageView({ page }: { page: PageState }) {
  const article = page.article;
  if (!article) return <StatusLine page={page} />;
  const date = displayDate(article.publishedTime, UI_LOCALE);
  const translated = page.translation;
  return (
    <>
      <StatusLine page={page} />
      {page.status === 'translating' ? (
        <progress
          value={page.progress.done}
          max={page.progress.total}
          aria-label="Translation progress"
        />
      ) : null}
      <article class="article" lang={translated.title ? page.target : (article.lang ?? undefined)}>
        <h1 data-testid="headline">{translated.title ?? article.title}</h1>
        {date ? (
          <p class="meta" data-testid="published">
            <time dateTime={date.iso} title={date.iso}>
              {date.local}
            </time>{' '}
            · {date.relative}
          </p>
        ) : null}
        <p class="meta" data-testid="source">
          Source:{' '}
          <a href={article.url} target="_blank" rel="noreferrer">
            {article.publisher ?? new URL(article.url).hostname}
          </a>
        </p>
        <div data-testid="paragraphs" class="body">
          {translated.blocks.map((block, i) =>
            block.kind === 'subheading' ? (
              <h2 key={i}>{block.text}</h2>
            ) : (
              <p key={i}>{block.text}</p>
            ),
          )}
        </div>
      </article>
    </>
  );
}
