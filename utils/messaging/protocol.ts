import { browser } from 'wxt/browser';
import type { BatchLimits } from '../engines/batching';
import type { AutomaticChoice } from '../engines/registry';
import type { EngineTestResult } from '../engines/test-connection';
import type { EngineId } from '../engines/types';
import type { EngineErrorCode } from '../engines/types';
import type { PageState } from '../page/state';

/** Every message between the extension's contexts, by type: what is sent and what comes back. */
export interface Protocol {
  /** content → background: translate inline-HTML segments with the reader's engine. */
  translate: {
    request: {
      segments: string[];
      source: string;
      target: string;
      /**
       * This page's engine instead of the reader's setting: one they picked in the popup, or
       * `fallback` when they chose their fallback engine over a slow one.
       */
      engine?: EngineId | 'fallback';
    };
    response: TranslateResult;
  };
  /**
   * content → background: this page is about to translate (sent before it reads the article): the
   * background reads what its first request needs, and says what one request to the engine
   * carries (null: no engine set up), so the page's first message is already of that size.
   */
  prepareTranslation: {
    request: { source: string; target: string; engine?: EngineId | 'fallback' };
    response: BatchLimits | null;
  };
  /**
   * content → background: a translation of this tab is still waiting for its engine. Firefox
   * suspends a background that has received no message for 30 s, replies pending or not.
   */
  stillWaiting: { request: Record<string, never>; response: void };
  /** content → background: the reader switched translation off; drop this tab's pending work. */
  cancelTranslation: { request: Record<string, never>; response: void };
  /** content → background: the page's state changed (badge, context menu). */
  pageStatus: { request: { status: PageState['status']; target: string }; response: void };
  /** popup → content: what the page shows now. */
  getPageState: { request: Record<string, never>; response: PageState };
  /** popup, background → content: what the reader asked for on this page. */
  pageCommand: { request: { command: PageCommand }; response: PageState };
  /** popup → content: translate this article with another engine (the settings stay). */
  useEngineForPage: { request: { engine: EngineId }; response: PageState };
  /** options → background: translate one word with an engine as configured in the form. */
  testEngine: {
    request: { engine: EngineId; settings: unknown; key: string };
    response: EngineTestResult;
  };
  /** content → background: the reader's engine and fallback by name (to say which is slow). */
  engineNames: { request: Record<string, never>; response: EngineNames };
  /** options → background: what the `auto` engine uses now for this target language. */
  automaticEngine: { request: { target: string }; response: AutomaticChoice };
}

/**
 * `translate` / `original`: the reader's choice for this page; `toggle`: the other one of the two
 * (shortcut, context menu); `translate-all`: the whole article, not only what is near the viewport;
 * `retry`: after an engine error; `translate-anyway`: a page not taken for an article (popup);
 * `keep-waiting` / `use-fallback`: the reader's answer when told the engine is slow.
 */
export type PageCommand =
  | 'translate'
  | 'original'
  | 'toggle'
  | 'translate-all'
  | 'retry'
  | 'translate-anyway'
  | 'keep-waiting'
  | 'use-fallback';

export type TranslateResult =
  | {
      ok: true;
      translations: string[];
      engine: string;
      /** The language translated from, when detection corrected the page's. */
      source?: string;
      /** What one request to the reader's engine carries: the page sizes its messages by it. */
      limits?: BatchLimits;
    }
  | { ok: false; error: EngineFailure; engine: string };

export interface EngineFailure {
  code: EngineErrorCode | 'internal';
  message: string;
  /** For `unsupported-pair`: the other engines that translate the pair (the popup offers them). */
  alternatives?: EngineSuggestion[];
}

/** The reader's engine and fallback engine (null: none set), in the reader's language. */
export interface EngineNames {
  engine: string;
  fallback: string | null;
}

export interface EngineSuggestion {
  id: EngineId;
  name: string;
  /** It has the pair but the reader has not given it an API key yet. */
  needsKey: boolean;
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = { type: T } & Protocol[T]['request'];

export function sendToBackground<T extends MessageType>(
  type: T,
  request: Protocol[T]['request'],
): Promise<Protocol[T]['response']> {
  return browser.runtime.sendMessage({ type, ...request });
}

export function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  request: Protocol[T]['request'],
): Promise<Protocol[T]['response']> {
  return browser.tabs.sendMessage(tabId, { type, ...request });
}

type Handlers = {
  [T in MessageType]?: (
    message: Message<T>,
    sender: Browser.runtime.MessageSender,
  ) => Promise<Protocol[T]['response']> | Protocol[T]['response'];
};

/** Answers the messages this context handles; others are left for other listeners. */
export function handleMessages(handlers: Handlers): () => void {
  const listener = (raw: unknown, sender: Browser.runtime.MessageSender) => {
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    const handler = handlers[type as MessageType] as
      ((m: unknown, s: Browser.runtime.MessageSender) => unknown) | undefined;
    return Promise.resolve(handler?.(raw, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
