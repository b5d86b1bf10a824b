import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/utils/i18n';
import type { EngineId } from '@/utils/engines/types';
import type { PageCommand } from '@/utils/messaging/protocol';
import type { PageState } from '@/utils/page/state';
import { engineErrorText, type ErrorCode } from '../engine-error-text';
import { mainAction } from './main-action';

/** Another engine, for this article only (`article`) or as the reader's engine (`always`). */
export type UseEngine = (engine: EngineId, scope: 'article' | 'always') => void;

/** What the reader can do about it. */
function adviceFor(code: ErrorCode): MessageKey {
  switch (code) {
    case 'auth':
      return 'adviceKey';
    case 'quota':
    case 'unsupported-pair':
      return 'adviceOtherEngine';
    case 'network':
    case 'timeout':
    case 'rate-limited':
    case 'unavailable':
      return 'adviceRetry';
    default:
      return 'adviceRetryOrEngine';
  }
}

/** An engine error (or a page that broke detection): what happened, what helps, the details. */
export function EngineErrorNotice({
  page,
  onCommand,
  onUseEngine,
}: {
  page: PageState;
  onCommand: (command: PageCommand) => void;
  onUseEngine: UseEngine;
}) {
  const error = page.error ?? { code: 'internal', message: '' };
  const alternatives = error.alternatives ?? [];
  const ready = alternatives.filter((a) => !a.needsKey);
  const withKey = alternatives.filter((a) => a.needsKey);
  // Retry is the main action when nothing is translated; here only when it is not.
  const retryHere = page.status === 'error' && mainAction(page).command !== 'retry';
  return (
    <div class="status error">
      <p data-testid="message" class="message" role="alert">
        {engineErrorText(page, error.code)}
      </p>
      <p class="advice" data-testid="advice">
        <span>{t(adviceFor(error.code))}</span>
        {ready.map((a) => (
          <span class="engine-offer" key={a.id}>
            <button
              type="button"
              data-testid={`use-engine-${a.id}-article`}
              onClick={() => onUseEngine(a.id, 'article')}
            >
              {t('useEngineForArticle', a.name)}
            </button>
            <button
              type="button"
              data-testid={`use-engine-${a.id}`}
              onClick={() => onUseEngine(a.id, 'always')}
            >
              {t('useEngineFromNow', a.name)}
            </button>
          </span>
        ))}
        {retryHere ? (
          <button type="button" data-testid="retry" onClick={() => onCommand('retry')}>
            {t('retry')}
          </button>
        ) : null}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
      </p>
      {withKey.length ? (
        <p class="meta" data-testid="needs-key">
          {t('suggestionsNeedKey', withKey.map((a) => a.name).join(', '))}
        </p>
      ) : null}
      {error.message ? (
        // The engine's own words (often English, often an exception): there if asked for.
        <details class="technical" data-testid="error-detail">
          <summary>{t('technicalDetails')}</summary>
          <p dir="auto">{error.message}</p>
        </details>
      ) : null}
    </div>
  );
}
