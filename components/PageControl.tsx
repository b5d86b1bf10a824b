import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import iconSvg from '@/public/icon/icon.svg?raw';
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
 * the offer to translate, progress, the engine, errors with a retry, original/translation, a slow
 * engine with the choice to keep waiting or use the fallback, and in ask mode "Always on this site".
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
  const slow = state.status === 'translating' ? state.slow : null;
  switch (state.status) {
    case 'off':
      text = t('controlOffer', target);
      action = { label: t('controlTranslate'), command: 'translate' };
      break;
    case 'translating':
      if (slow) {
        text = t('controlSlow', state.engine || slow.engine);
        action = { label: t('controlKeepWaiting'), command: 'keep-waiting' };
        break;
      }
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
      {slow?.fallback ? (
        <button type="button" class="fallback" onClick={byReader(() => command('use-fallback'))}>
          {t('controlUseFallback', slow.fallback)}
        </button>
      ) : null}
      {action ? (
        <button type="button" class="action" onClick={byReader(() => command(action.command))}>
          {action.label}
        </button>
      ) : null}
      {state.siteMode === 'ask' && (state.status === 'translating' || state.status === 'done') ? (
        <button
          type="button"
          class="always"
          onClick={byReader(() => void setSiteMode(state.siteKey, 'always'))}
        >
          {t('controlAlwaysOnSite')}
        </button>
      ) : null}
      <button
        type="button"
        class="close"
        aria-label={t('dismiss')}
        onClick={byReader(() => setDismissed(true))}
      >
        ×
      </button>
    </div>
  );
}

/**
 * Runs `action` for the reader's own clicks only. The page shares the control's DOM (its shadow
 * root is open) and can click its buttons from a script: such clicks must not translate what the
 * reader did not ask for, switch a site to "Always" or hide the control.
 */
function byReader(action: () => void): (event: Event) => void {
  return (event) => {
    if (event.isTrusted) action();
  };
}

/** Some blocks are translated, and every block not yet translated waits for the reader's scrolling. */
function onScreenDone({ done, waiting, total }: PageView['progress']): boolean {
  return done > 0 && done < total && done + waiting === total;
}

/** The extension's icon, parsed once from its SVG source (inert: no script, no handlers). */
let iconTemplate: Element | null = null;

/**
 * The extension's icon (public/icon/icon.svg), drawn inline: an inline SVG needs no
 * web-accessible file, which a page could probe for, and no image the page's CSP could block.
 */
function ExtensionMark() {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    iconTemplate ??= new DOMParser().parseFromString(iconSvg, 'image/svg+xml').documentElement;
    const icon = document.importNode(iconTemplate, true);
    icon.setAttribute('width', '18');
    icon.setAttribute('height', '18');
    icon.setAttribute('aria-hidden', 'true');
    ref.current?.replaceChildren(icon);
  }, []);
  return <span class="brand" ref={ref} />;
}
