import { t, uiLocale } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { PageCommand } from '@/utils/messaging/protocol';
import type { PageState } from '@/utils/page/state';
import { mainAction } from './main-action';

/** What this page is (an article or not, its language, the site) and the main action. */
export function PageSummary({
  page,
  siteName,
  onCommand,
}: {
  /** `undefined` while loading, `null` when no content script answers. */
  page: PageState | null | undefined;
  siteName: string | null;
  /** `null` on pages Foreign Desk cannot act on. */
  onCommand: ((command: PageCommand) => void) | null;
}) {
  const action = page === undefined ? null : mainAction(page);
  const kind = page?.article ? articleKind(page) : null;
  return (
    <header class="bar">
      <div class="summary">
        <strong class="brand">{t('extName')}</strong>
        <p class="meta" data-testid="page-summary">
          {kind ? <span data-testid="article-kind">{kind}</span> : null}
          {kind && siteName ? ' · ' : null}
          {siteName ? <bdi data-testid="site-name">{siteName}</bdi> : null}
        </p>
      </div>
      {action && onCommand ? (
        <button
          type="button"
          class="primary"
          data-testid="page-toggle"
          onClick={() => onCommand(action.command)}
        >
          {t(action.label)}
        </button>
      ) : null}
    </header>
  );
}

/** "Article in Spanish", or that detection found no article here. */
function articleKind(page: PageState): string {
  const article = page.article;
  if (!article?.isArticle || page.status === 'not-article') return t('summaryNoArticle');
  return article.lang
    ? t('summaryArticle', languageName(article.lang, uiLocale()))
    : t('summaryArticleUnknown');
}
