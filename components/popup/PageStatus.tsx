import { t, uiLocale } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { PageCommand } from '@/utils/messaging/protocol';
import type { PageState } from '@/utils/page/state';
import { EngineErrorNotice, type UseEngine } from './EngineErrorNotice';

/** The page's state in a sentence: not translated, translating (with progress), done, or why not. */
export function PageStatus({
  page,
  onCommand,
  onUseEngine,
}: {
  page: PageState;
  onCommand: (command: PageCommand) => void;
  onUseEngine: UseEngine;
}) {
  if (page.status === 'error' || page.error) {
    return <EngineErrorNotice page={page} onCommand={onCommand} onUseEngine={onUseEngine} />;
  }
  const locale = uiLocale();
  const target = languageName(page.target, locale);
  const source = page.article?.lang ? languageName(page.article.lang, locale) : null;
  const text = {
    off: () => t('statusOff', target),
    'not-article': () => t('statusNotArticle'),
    'same-language': () => t('statusSameLanguage', target),
    // The page's control offers the choice; here the reader learns why nothing comes.
    translating: () =>
      page.slow
        ? t('controlSlow', page.engine || page.slow.engine)
        : t('statusTranslating', page.progress.done, page.progress.total),
    done: () =>
      source
        ? t('statusDone', source, page.engine ?? '?')
        : t('statusDoneUnknown', page.engine ?? '?'),
  }[page.status]();
  return (
    // Once done, the article says who translated it: the status stays for screen readers only.
    <div class={page.status === 'done' && page.article ? 'visually-hidden' : 'status'}>
      <p data-testid="message" class="message" role="status">
        {text}
      </p>
      {page.status === 'translating' ? (
        <progress
          value={page.progress.done}
          max={page.progress.total || 1}
          aria-label={t('progressLabel')}
        />
      ) : null}
    </div>
  );
}
