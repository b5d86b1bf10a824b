import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { exportedArticle, toMarkdown, toPlainText } from '@/utils/format/article';
import { t, uiLocale } from '@/utils/i18n';
import type { PageState } from '@/utils/page/state';

/** Take the article elsewhere: copied as Markdown or text, or opened as a page in its own tab. */
export function ArticleActions({
  page,
  readerTab,
}: {
  page: PageState;
  /** The tab whose article a reader tab would show; `null` where there is none to open. */
  readerTab: number | null;
}) {
  const [copied, setCopied] = useState('');

  const copy = async (format: 'markdown' | 'text') => {
    const exported = exportedArticle(page, { locale: uiLocale(), t });
    if (!exported) return;
    const text = format === 'markdown' ? toMarkdown(exported) : toPlainText(exported);
    try {
      await navigator.clipboard.writeText(text);
      setCopied(format === 'markdown' ? t('copiedMarkdown') : t('copiedText'));
    } catch {
      setCopied(t('copyFailed'));
    }
  };

  return (
    <div class="actions">
      <button type="button" data-testid="copy-markdown" onClick={() => void copy('markdown')}>
        {t('copyMarkdown')}
      </button>
      <button type="button" data-testid="copy-text" onClick={() => void copy('text')}>
        {t('copyText')}
      </button>
      {readerTab !== null ? (
        <button
          type="button"
          data-testid="open-reader"
          onClick={() =>
            void browser.tabs.create({
              url: browser.runtime.getURL(`/reader.html?tab=${readerTab}` as '/popup.html'),
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
  );
}
