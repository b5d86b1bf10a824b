import iconSvg from '@/public/icon/icon.svg?raw';
import { t, uiLocale } from '@/utils/i18n';
import { languageName } from '@/utils/languages';
import type { PageCommand } from '@/utils/messaging/protocol';
import type { PageView } from '@/utils/page/state';
import { engineErrorText } from './engine-error-text';
import { setSiteMode } from '@/utils/settings/page';

interface Props {
  /** The page's state now and on every change. */
  initial: PageView;
  subscribe: (listener: (state: PageView) => void) => () => void;
  command: (command: PageCommand) => void;
}

/** What the control shows for one state; null when it shows nothing. */
interface View {
  status: PageView['status'];
  text: string;
  progress: PageView['progress'] | null;
  fallback: string | null;
  action: { label: string; command: PageCommand } | null;
  always: boolean;
}

/** Whether the control has anything to show in this state (until then it is not built). */
export function controlShows(state: PageView): boolean {
  return viewOf(state) !== null;
}

function viewOf(state: PageView): View | null {
  if (!state.article?.isArticle) return null;
  // Translation is offered when nothing runs yet on a site in "ask" mode.
  if (state.status === 'off' && state.siteMode !== 'ask') return null;
  if (state.status === 'same-language' || state.status === 'not-article') return null;

  const target = languageName(state.target, uiLocale());
  let text: string;
  let action: View['action'] = null;
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
      text = state.error ? engineErrorText(state, state.error.code) : t('statusFailed');
      action = { label: t('retry'), command: 'retry' };
      break;
  }
  return {
    status: state.status,
    text,
    progress:
      state.status === 'translating' && !onScreenDone(state.progress) ? state.progress : null,
    fallback: slow?.fallback ? t('controlUseFallback', slow.fallback) : null,
    action,
    always: state.siteMode === 'ask' && (state.status === 'translating' || state.status === 'done'),
  };
}

/**
 * The small control shown on the page (in a shadow root, so the page's styles don't reach it):
 * the offer to translate, progress, the engine, errors with a retry, original/translation, a slow
 * engine with the choice to keep waiting or use the fallback, and in ask mode "Always on this site".
 * Plain DOM, not Preact: one element with a few parts, and the content script's every kilobyte
 * loads on every page of the site. Elements are kept across changes (a focused button stays
 * focused while progress moves). Returns what removes it.
 */
export function mountPageControl(
  container: HTMLElement,
  { initial, subscribe, command }: Props,
): () => void {
  const doc = container.ownerDocument;
  let state = initial;
  let dismissed = false;
  let action: PageCommand | null = null;

  const root = doc.createElement('div');
  root.setAttribute('aria-label', t('extName'));
  const brand = doc.createElement('span');
  brand.className = 'brand';
  brand.append(extensionIcon(doc));
  const text = doc.createElement('span');
  text.className = 'text';
  const progress = doc.createElement('progress');
  const button = (name: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = name;
    b.addEventListener('click', byReader(onClick));
    return b;
  };
  const fallback = button('fallback', () => command('use-fallback'));
  const actionButton = button('action', () => {
    if (action) command(action);
  });
  const always = button('always', () => void setSiteMode(state.siteKey, 'always'));
  always.textContent = t('controlAlwaysOnSite');
  const close = button('close', () => {
    dismissed = true;
    update();
  });
  close.setAttribute('aria-label', t('dismiss'));
  close.textContent = '×';

  function update(): void {
    const view = dismissed ? null : viewOf(state);
    if (!view) {
      root.remove();
      return;
    }
    setAttribute(root, 'class', view.status === 'error' ? 'control error' : 'control');
    setAttribute(root, 'role', view.status === 'error' ? 'alert' : 'status');
    setAttribute(root, 'data-status', view.status);
    setText(text, view.text);
    if (view.progress) {
      progress.max = view.progress.total || 1;
      progress.value = view.progress.done;
    }
    if (view.fallback !== null) setText(fallback, view.fallback);
    action = view.action?.command ?? null;
    if (view.action) setText(actionButton, view.action.label);
    showParts(root, [
      brand,
      text,
      view.progress && progress,
      view.fallback !== null && fallback,
      view.action && actionButton,
      view.always && always,
      close,
    ]);
    if (root.parentNode !== container) container.append(root);
  }

  update();
  const unsubscribe = subscribe((next) => {
    state = next;
    update();
  });
  return () => {
    unsubscribe();
    root.remove();
  };
}

/**
 * Makes `parent`'s children the truthy `parts`, in order, removing and inserting only those that
 * change: a part that stays is never moved (moving a focused button would blur it).
 */
function showParts(parent: Element, parts: (Element | null | false)[]): void {
  const wanted = parts.filter((p): p is Element => !!p);
  for (const child of Array.from(parent.children)) if (!wanted.includes(child)) child.remove();
  let next = parent.firstElementChild;
  for (const part of wanted) {
    if (part === next) next = next.nextElementSibling;
    else parent.insertBefore(part, next);
  }
}

function setText(el: Element, value: string): void {
  if (el.textContent !== value) el.textContent = value;
}

function setAttribute(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
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

/**
 * The extension's icon (public/icon/icon.svg), drawn inline: an inline SVG needs no
 * web-accessible file, which a page could probe for, and no image the page's CSP could block.
 * Parsed as SVG, so inert: no script, no handlers.
 */
function extensionIcon(doc: Document): Element {
  const icon = doc.importNode(
    new DOMParser().parseFromString(iconSvg, 'image/svg+xml').documentElement,
    true,
  );
  icon.setAttribute('width', '18');
  icon.setAttribute('height', '18');
  icon.setAttribute('aria-hidden', 'true');
  return icon;
}
