import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { commandTab } from '@/utils/actions/tab-page';
import { displayDate } from '@/utils/dates';
import { toMarkdown, toPlainText, type ExportedArticle } from '@/utils/format/article';
import { t, uiLocale } from '@/utils/i18n';
import { languageName, textDirection } from '@/utils/languages';
import type { PageState } from '@/utils/page/state';
import { type Settings, type SiteMode } from '@/utils/settings/schema';
import { updateSettings } from '@/utils/settings/store';
import { chooseSiteMode, siteModeInEffect } from '@/utils/sites/access';
import { DisplayModeRadios, SiteModeRadios, TargetLanguageSelect } from './fields';
import { usePageState } from './usePageState';

/**
 * The reader: the translated article with its date and source, the page's status, and this
 * site's controls. `layout="page"` is the same component as a full page in its own tab.
 */
export function Popup({
  tabId,
  layout = 'popup',
}: {
  tabId: number | null;
  layout?: 'popup' | 'page';
}) {
  const { tabId: resolvedTab, tabUrl, siteKey, settings, page, refresh } = usePageState(tabId);
  const active = page ? page.status !== 'off' : false;
  const host = tabUrl && /^https?:/.test(tabUrl) ? new URL(tabUrl).hostname : null;
  const [mode, setMode] = useState<SiteMode | null>(null);
  useEffect(() => {
    if (host && settings) void siteModeInEffect(host, settings).then(setMode);
  }, [host, settings]);
  const [notice, setNotice] = useState<string | null>(null);

  const command = async (name: 'translate' | 'original' | 'retry' | 'translate-anyway') => {
    if (resolvedTab === null) return;
    const state = await commandTab(resolvedTab, name);
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
      <header class="bar">
        <strong class="brand">{t('extName')}</strong>
        {page !== undefined && host ? (
          <button
            type="button"
            class="primary"
            data-testid="page-toggle"
            onClick={() => void command(active ? 'original' : 'translate')}
          >
            {active ? t('showOriginal') : t('translateArticle')}
          </button>
        ) : null}
      </header>
      {notice ? (
        <p class="message error" role="alert">
          {notice}
        </p>
      ) : null}
      {page === undefined ? (
        <p role="status">{t('lookingAtPage')}</p>
      ) : page === null ? (
        <p data-testid="message" role="status">
          {host ? t('notOnForSite', host) : t('cannotOpenPage')}
        </p>
      ) : (
        <PageView
          page={page}
          layout={layout}
          tabId={resolvedTab}
          onCommand={(c) => void command(c)}
        />
      )}
      {host && siteKey && mode && settings ? (
        <SiteControls
          siteKey={siteKey}
          mode={mode}
          settings={settings}
          onMode={(m) => void chooseMode(m)}
        />
      ) : null}
    </main>
  );
}

function SiteControls({
  siteKey,
  mode,
  settings,
  onMode,
}: {
  siteKey: string;
  mode: SiteMode;
  settings: Settings;
  onMode: (mode: SiteMode) => void;
}) {
  return (
    <section class="controls" aria-label={t('controlsLabel')}>
      <SiteModeRadios
        class="site-mode"
        testId="site-mode"
        legend={t('siteModeLegend', siteKey)}
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

/** What to do about an engine error, by its code. */
function errorAdvice(code: string): { text: string; options: boolean } {
  switch (code) {
    case 'auth':
      return { text: t('adviceKey'), options: true };
    case 'quota':
    case 'unsupported-pair':
      return { text: t('adviceOtherEngine'), options: true };
    case 'network':
    case 'timeout':
    case 'rate-limited':
    case 'unavailable':
      return { text: t('adviceRetry'), options: true };
    default:
      return { text: t('adviceRetryOrEngine'), options: true };
  }
}

function StatusLine({
  page,
  onCommand,
}: {
  page: PageState;
  onCommand: (c: 'translate' | 'retry' | 'translate-anyway') => void;
}) {
  const locale = uiLocale();
  const target = languageName(page.target, locale);
  const source = page.article?.lang ? languageName(page.article.lang, locale) : null;
  let text: string;
  let alert = false;
  let action: JSX.Element | null = null;
  switch (page.status) {
    case 'off':
      text = t('statusOff', target);
      break;
    case 'not-article':
    case 'same-language':
      text =
        page.status === 'not-article' ? t('statusNotArticle') : t('statusSameLanguage', target);
      action = (
        <button
          type="button"
          data-testid="translate-anyway"
          onClick={() => onCommand('translate-anyway')}
        >
          {t('translateAnyway')}
        </button>
      );
      break;
    case 'translating':
      text = t('statusTranslating', page.progress.done, page.progress.total);
      break;
    case 'done':
      text = source
        ? t('statusDone', source, page.engine ?? '?')
        : t('statusDoneUnknown', page.engine ?? '?');
      break;
    case 'error': {
      alert = true;
      text = page.error?.message ?? t('statusFailed');
      const advice = errorAdvice(page.error?.code ?? '');
      action = (
        <span class="advice">
          <span>{advice.text}</span>{' '}
          <button type="button" data-testid="retry" onClick={() => onCommand('retry')}>
            {t('retry')}
          </button>{' '}
          {advice.options ? (
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('openSettings')}
            </button>
          ) : null}
        </span>
      );
      break;
    }
  }
  return (
    // Once done, the article says who translated it: the status stays for screen readers only.
    <div
      class={
        alert
          ? 'status error'
          : page.status === 'done' && page.article
            ? 'visually-hidden'
            : 'status'
      }
    >
      {/* Engine errors come in the engine's words (often English): laid out in their direction. */}
      <p
        data-testid="message"
        class="message"
        role={alert ? 'alert' : 'status'}
        dir={alert ? 'auto' : undefined}
      >
        {text}
      </p>
      {action}
    </div>
  );
}

/** The article as the reader holds it: translated where translated, original elsewhere. */
function exportedArticle(page: PageState, locale: string): ExportedArticle | null {
  const article = page.article;
  if (!article) return null;
  const date = displayDate(article.publishedTime, locale);
  const updated =
    article.modifiedTime && article.modifiedTime !== article.publishedTime
      ? displayDate(article.modifiedTime, locale)
      : null;
  const blocks = page.translation.blocks.filter((b) => b.kind !== 'caption');
  const captionTexts = page.translation.blocks.filter((b) => b.kind === 'caption');
  const captions = captionTexts.map((c, i) => ({
    text: c.text,
    credit:
      captionTexts.length === article.captions.length
        ? creditOutside(c.text, article.captions[i]?.credit ?? null)
        : null,
  }));
  const source = article.lang ? languageName(article.lang, locale) : null;
  return {
    title: page.translation.title ?? article.title,
    date: date && { local: date.local, iso: date.iso },
    updated: updated && { local: updated.local, iso: updated.iso },
    byline: article.byline,
    blocks,
    captions,
    source: { name: article.publisher ?? new URL(article.url).hostname, url: article.url },
    labels: {
      published: t('published'),
      updated: t('updated'),
      source: t('source'),
      photo: t('photo'),
      translatedBy:
        page.engine && source && page.translation.blocks.length
          ? t('statusDone', source, page.engine)
          : null,
    },
  };
}

/** A credit already inside the caption's text is not repeated. */
function creditOutside(text: string, credit: string | null): string | null {
  return credit && !text.includes(credit) ? credit : null;
}

function PageView({
  page,
  layout,
  tabId,
  onCommand,
}: {
  page: PageState;
  layout: 'popup' | 'page';
  tabId: number | null;
  onCommand: (c: 'translate' | 'retry' | 'translate-anyway') => void;
}) {
  const locale = uiLocale();
  const [copied, setCopied] = useState('');
  const article = page.article;
  const exported = exportedArticle(page, locale);
  if (!article || !exported) return <StatusLine page={page} onCommand={onCommand} />;
  const date = displayDate(article.publishedTime, locale);
  const updated = exported.updated ? displayDate(article.modifiedTime, locale) : null;
  const lang = page.translation.title ? page.target : (article.lang ?? undefined);
  const translatedBody = exported.blocks.length > 0;
  const dir = lang ? textDirection(lang) : undefined;
  const bodyLang = translatedBody ? page.target : (article.lang ?? undefined);
  const bodyDir = bodyLang ? textDirection(bodyLang) : undefined;

  const copy = async (format: 'markdown' | 'text') => {
    const text = format === 'markdown' ? toMarkdown(exported) : toPlainText(exported);
    try {
      await navigator.clipboard.writeText(text);
      setCopied(format === 'markdown' ? t('copiedMarkdown') : t('copiedText'));
    } catch {
      setCopied(t('copyFailed'));
    }
  };

  return (
    <>
      <StatusLine page={page} onCommand={onCommand} />
      {page.status === 'translating' ? (
        <progress
          value={page.progress.done}
          max={page.progress.total || 1}
          aria-label={t('progressLabel')}
        />
      ) : null}
      {/* The article's text in its own language and direction; the labels in the UI's. */}
      <article class="article">
        <h1 data-testid="headline" lang={lang} dir={dir}>
          {exported.title}
        </h1>
        {date ? (
          <p class="meta" data-testid="published">
            {t('published')}:{' '}
            <time dateTime={date.iso} title={date.iso}>
              {date.local}
            </time>{' '}
            · <span data-testid="relative">{date.relative}</span> ·{' '}
            <code data-testid="iso">{date.iso}</code>
          </p>
        ) : null}
        {updated ? (
          <p class="meta" data-testid="updated">
            {t('updated')}:{' '}
            <time dateTime={updated.iso} title={updated.iso}>
              {updated.local}
            </time>{' '}
            · {updated.relative}
          </p>
        ) : null}
        {article.byline ? (
          <p class="meta" data-testid="byline">
            <bdi>{article.byline}</bdi>
          </p>
        ) : null}
        <p class="meta" data-testid="source">
          {t('source')}:{' '}
          <a href={article.url} target="_blank" rel="noreferrer">
            <bdi>{exported.source.name}</bdi>
          </a>
        </p>
        {exported.labels.translatedBy ? (
          <p class="meta" data-testid="translated-by">
            {exported.labels.translatedBy}
          </p>
        ) : null}
        {!translatedBody && article.lead ? (
          <p
            class="lead"
            data-testid="original-lead"
            lang={article.lang ?? undefined}
            dir={article.lang ? textDirection(article.lang) : undefined}
          >
            {article.lead}
          </p>
        ) : null}
        <div data-testid="paragraphs" class="body" lang={bodyLang} dir={bodyDir}>
          {exported.blocks.map((block, i) =>
            block.kind === 'subheading' ? (
              <h2 key={i}>{block.text}</h2>
            ) : block.kind === 'quote' ? (
              <blockquote key={i}>{block.text}</blockquote>
            ) : (
              <p key={i} class={block.kind === 'lead' ? 'lead' : undefined}>
                {block.text}
              </p>
            ),
          )}
        </div>
        {exported.captions.length ? (
          <section
            class="captions"
            data-testid="captions"
            aria-label={t('captionsLabel')}
            lang={bodyLang}
            dir={bodyDir}
          >
            {exported.captions.map((c, i) => (
              <figure key={i}>
                <figcaption>
                  {c.text}
                  {c.credit ? (
                    <span class="credit">
                      {' '}
                      {t('photo')}: {c.credit}
                    </span>
                  ) : null}
                </figcaption>
              </figure>
            ))}
          </section>
        ) : null}
      </article>
      <div class="actions">
        <button type="button" data-testid="copy-markdown" onClick={() => void copy('markdown')}>
          {t('copyMarkdown')}
        </button>
        <button type="button" data-testid="copy-text" onClick={() => void copy('text')}>
          {t('copyText')}
        </button>
        {layout === 'popup' && tabId !== null ? (
          <button
            type="button"
            data-testid="open-reader"
            onClick={() =>
              void browser.tabs.create({
                url: browser.runtime.getURL(`/reader.html?tab=${tabId}` as '/popup.html'),
              })
            }
          >
            {t('openInTab')}
          </button>
        ) : null}
        <span role="status" data-testid="copied" class="meta">
          {copied}
        </span>
      </div>
    </>
  );
}
