import { t, uiLocale, type MessageKey } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { PageView } from '@/utils/page/state';

export type ErrorCode = NonNullable<PageView['error']>['code'];

/** What went wrong, by code, in the reader's language (the engine's own words go in details). */
const MESSAGES: Record<Exclude<ErrorCode, 'unsupported-pair'>, MessageKey> = {
  network: 'errorNetwork',
  http: 'errorHttp',
  'bad-reply': 'errorBadReply',
  timeout: 'errorTimeout',
  cancelled: 'errorCancelled',
  auth: 'errorAuth',
  quota: 'errorQuota',
  'rate-limited': 'errorRateLimited',
  unavailable: 'errorUnavailable',
  internal: 'errorInternal',
  detection: 'errorDetection',
};

/** An engine error as the popup and the on-page control both say it, naming the engine. */
export function engineErrorText(
  page: Pick<PageView, 'engine' | 'article' | 'target'>,
  code: ErrorCode,
): string {
  const engine = page.engine || t('theEngine');
  if (code !== 'unsupported-pair') return t(MESSAGES[code], engine);
  const locale = uiLocale();
  const source = page.article?.lang ? languageName(page.article.lang, locale) : '?';
  return t('errorUnsupportedPair', engine, source, languageName(page.target, locale));
}
