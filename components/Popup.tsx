import { displayDate } from '@/utils/dates';
import { languageName } from '@/utils/languages';
import { sendToTab } from '@/utils/messaging/protocol';
import type { PageState } from '@/utils/page/state';
import { SITE_MODES, type SiteMode } from '@/utils/settings/schema';
import { setSiteMode, siteModeOf } from '@/utils/settings/store';
import { usePageState } from './usePageState';

const SITE_MODE_LABELS: Record<SiteMode, string> = {
  always: 'Always translate',
  ask: 'Ask first',
  never: 'Never',
};

const UI_LOCALE = navigator.language || 'en';

export function Popup({ tabId }: { tabId: number | null }) {
  const { tabId: resolvedTab, siteKey, settings, page, refresh } = usePageState(tabId);
  const mode = siteKey && settings ? siteModeOf(settings, siteKey) : null;
  const active = page ? page.status !== 'off' : false;

  const togglePage = async () => {
    if (resolvedTab === null) return;
    refresh(
      await sendToTab(resolvedTab, 'pageCommand', { command: active ? 'original' : 'translate' }),
    );
  };

  return (
    <main class="popup">
      <header class="bar">
        <strong class="brand">Foreign Desk</strong>
        {page ? (
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
      {page === undefined ? (
        <p role="status">Looking at the page…</p>
      ) : page === null ? (
        <p data-testid="message" role="status">
          Foreign Desk does not run on this page. It works on the news sites in its list.
        </p>
      ) : (
        <PageView page={page} />
      )}
      {page && siteKey && mode ? (
        <fieldset class="site-mode" data-testid="site-mode">
          <legend>On {siteKey}</legend>
          {SITE_MODES.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="site-mode"
                value={m}
                checked={mode === m}
                onChange={() => void setSiteMode(siteKey, m)}
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
