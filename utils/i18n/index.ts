import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';
import { textDirection } from '../languages';

/** The name of a UI string: a key of the English locale file, so a wrong key does not compile. */
export type MessageKey = keyof typeof english;

/** The locales Foreign Desk's interface is translated into (`public/_locales/<locale>`). */
export const UI_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'ru', 'ja', 'zh_CN', 'ar'] as const;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Messages of a locale chosen by hand (`?ui=ar`), instead of the browser's own locale. */
let override: { locale: string; messages: Record<string, MessageEntry> } | null = null;

/** Fills `$name$` placeholders and `$1`…`$9` the way `browser.i18n.getMessage` does. */
export function formatMessage(entry: MessageEntry, substitutions: readonly string[]): string {
  const fill = (text: string) =>
    text.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (match, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : match;
    })
    .replace(/\$\$/g, '$');
}

/**
 * Loads another UI locale's messages (tests, screenshots, a reader who wants another interface
 * language than the browser's). Without it, `t` is `browser.i18n.getMessage`.
 */
export async function loadUiLocale(locale: string | null): Promise<void> {
  if (!locale || !(UI_LOCALES as readonly string[]).includes(locale)) return;
  const response = await fetch(
    browser.runtime.getURL(`/_locales/${locale}/messages.json` as `/popup.html${string}`),
  );
  const raw = (await response.json()) as Record<string, MessageEntry>;
  override = {
    locale: locale.replace('_', '-'),
    messages: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

/** A UI string in the reader's language. Keys are the `_locales` message names. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  if (override) {
    const entry = override.messages[key.toLowerCase()];
    if (entry) return formatMessage(entry, subs);
  }
  return browser.i18n.getMessage(key, subs) || key;
}

/** The locale the interface is shown in (BCP 47), for dates, numbers and language names. */
export function uiLocale(): string {
  if (override) return override.locale;
  try {
    return browser.i18n.getUILanguage() || navigator.language || 'en';
  } catch {
    return navigator.language || 'en';
  }
}

/** Sets `lang` and `dir` on the document from the interface language (Arabic is right to left). */
export function applyDocumentLocale(doc: Document = document): void {
  const locale = uiLocale();
  doc.documentElement.lang = locale;
  doc.documentElement.dir = textDirection(locale);
}
