import { useLayoutEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { PageCommand } from '@/utils/messaging/protocol';
import type { PageState } from '@/utils/page/state';

interface Props {
  /** The page's state now and on every change. */
  initial: PageState;
  subscribe: (listener: (state: PageState) => void) => () => void;
  command: (command: PageCommand) => void;
}

/**
 * The small control shown on the page (in a shadow root, so the page's styles don't reach it):
 * the offer to translate, progress, the engine, errors with a retry, and original/translation.
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
      text = t('statusTranslating', state.progress.done, state.progress.total);
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
      <span class="brand" aria-hidden="true">
        FD
      </span>
      <span class="text">{text}</span>
      {state.status === 'translating' ? (
        <progress value={state.progress.done} max={state.progress.total || 1} />
      ) : null}
      {action ? (
        <button type="button" class="action" onClick={() => command(action.command)}>
          {action.label}
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
