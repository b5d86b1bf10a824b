import { useLayoutEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { PageCommand } from '@/utils/messaging/protocol';
import type { PageView } from '@/utils/page/state';
import { setSiteMode } from '@/utils/settings/page';

interface Props {
  /** The page's state now and on every change. */
  initial: PageView;
  subscribe: (listener: (state: PageView) => void) => () => void;
  command: (command: PageCommand) => void;
}

/**
 * The small control shown on the page (in a shadow root, so the page's styles don't reach it):
 * the offer to translate, progress, the engine, errors with a retry, original/translation, and in
 * ask mode "Always on this site".
 */
export function PageControl({ initial, subscribe, command }: Props) {
  const [state, setState] = useState(initial);
  const [dismissed, setDismissed] = useState(false);
  // Layout effect: subscribes at once, also in a background tab where frames don't run.
  useLayoutEffect(() => {
    setState(initial);
    return subscribe(setState);
  }, [subscribe]);

  const article = state.article;
  if (dismissed || !article?.isArticle) return null;
  // Translation is offered when nothing runs yet on a site in "ask" mode.
  if (state.status === 'off' && state.siteMode !== 'ask') return null;
  if (state.status === 'same-language' || state.status === 'not-article') return null;

  const target = languageName(state.target, uiLocale());
  let text: string;
  let action: { label: string; command: PageCommand } | null = null;
  switch (state.status) {
    case 'off':
      text = t('controlOffer', target);
      action = { label: t('controlTranslate'), command: 'translate' };
      break;
    case 'translating':
      // Viewport first: once what is on screen is done, the rest waits for the reader by design.
      text = onScreenDone(state.progress)
        ? t('controlOnScreenDone')
        : t('statusTranslating', state.progress.done, state.progress.total);
      action = { label: t('showOriginal'), command: 'original' };
      break;
    case 'done':
      text = state.engine ? t('controlDoneBy', target, state.engine) : t('controlDone', target);
      action = { label: t('showOriginal'), command: 'original' };
      break;
    case 'error':
      text = state.error?.message ?? t('statusFailed');
      action = { label: t('retry'), command: 'retry' };
      break;
  }

  return (
    <div
      class={state.status === 'error' ? 'control error' : 'control'}
      role={state.status === 'error' ? 'alert' : 'status'}
      aria-label={t('extName')}
      data-status={state.status}
    >
      <ExtensionMark />
      <span class="text">{text}</span>
      {state.status === 'translating' && !onScreenDone(state.progress) ? (
        <progress value={state.progress.done} max={state.progress.total || 1} />
      ) : null}
      {action ? (
        <button type="button" class="action" onClick={() => command(action.command)}>
          {action.label}
        </button>
      ) : null}
      {state.siteMode === 'ask' && (state.status === 'translating' || state.status === 'done') ? (
        <button
          type="button"
          class="always"
          onClick={() => void setSiteMode(state.siteKey, 'always')}
        >
          {t('controlAlwaysOnSite')}
        </button>
      ) : null}
      <button
        type="button"
        class="close"
        aria-label={t('dismiss')}
        onClick={() => setDismissed(true)}
      >
        ×
      </button>
    </div>
  );
}

/** Some blocks are translated, and every block not yet translated waits for the reader's scrolling. */
function onScreenDone({ done, waiting, total }: PageView['progress']): boolean {
  return done > 0 && done < total && done + waiting === total;
}

/**
 * The extension's mark, drawn inline: it needs no web-accessible file and so shows on any site
 * the content script runs on.
 */
function ExtensionMark() {
  return (
    <svg class="brand" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
      <rect width="16" height="16" rx="3.5" fill="#1a73e8" />
      <path
        d="M4 5h8M4 8h5M4 11h7"
        stroke="#fff"
        stroke-width="1.6"
        stroke-linecap="round"
        fill="none"
      />
    </svg>
  );
}
