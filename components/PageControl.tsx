import { useLayoutEffect, useState } from 'preact/hooks';
import { languageName } from '@/utils/languages';
import type { PageCommand } from '@/utils/messaging/protocol';
import type { PageState } from '@/utils/page/state';

interface Props {
  /** The page's state now and on every change. */
  initial: PageState;
  subscribe: (listener: (state: PageState) => void) => () => void;
  command: (command: PageCommand) => void;
  /** Whether to offer translation when nothing runs yet (the site is in "ask" mode). */
  offer: boolean;
}

/**
 * The small control shown on the page (in a shadow root, so the page's styles don't reach it):
 * the offer to translate, progress, the engine, errors with a retry, and original/translation.
 */
export function PageControl({ initial, subscribe, command, offer }: Props) {
  const [state, setState] = useState(initial);
  const [dismissed, setDismissed] = useState(false);
  // Layout effect: subscribes at once, also in a background tab where frames don't run.
  useLayoutEffect(() => {
    setState(initial);
    return subscribe(setState);
  }, [subscribe]);

  const article = state.article;
  if (dismissed || !article?.isArticle) return null;
  if (state.status === 'off' && !offer) return null;
  if (state.status === 'same-language' || state.status === 'not-article') return null;

  const target = languageName(state.target, navigator.language);
  let text: string;
  let action: { label: string; command: PageCommand } | null = null;
  switch (state.status) {
    case 'off':
      text = `Translate this article into ${target}?`;
      action = { label: 'Translate', command: 'translate' };
      break;
    case 'translating':
      text = `Translating… ${state.progress.done} of ${state.progress.total} paragraphs`;
      action = { label: 'Show original', command: 'original' };
      break;
    case 'done':
      text = `Translated into ${target}${state.engine ? ` by ${state.engine}` : ''}`;
      action = { label: 'Show original', command: 'original' };
      break;
    case 'error':
      text = state.error?.message ?? 'Translation failed.';
      action = { label: 'Retry', command: 'retry' };
      break;
  }

  return (
    <div
      class={state.status === 'error' ? 'control error' : 'control'}
      role={state.status === 'error' ? 'alert' : 'status'}
      aria-label="Foreign Desk"
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
      <button type="button" class="close" aria-label="Dismiss" onClick={() => setDismissed(true)}>
        ×
      </button>
    </div>
  );
}
