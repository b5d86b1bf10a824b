import { textDirection } from '../languages';
import { TRANSLATION_CLASS } from './markup';

/**
 * Bilingual display: each translation is one element appended inside its block, so it takes the
 * block's own font and the page's nodes stay untouched. Removing these elements gives back the
 * page exactly as it was.
 */

/** Quiet by default; the page's fonts and colours still apply. */
const TRANSLATION_STYLE = 'display:block;margin-top:0.35em;opacity:0.88;';

export class TranslationLayer {
  private readonly shown = new Map<Element, HTMLElement>();

  constructor(private readonly doc: Document) {}

  show(block: Element, content: DocumentFragment | string, lang: string): void {
    // <font>: an inline element that page stylesheets almost never target.
    this.shown.get(block)?.remove();
    const el = this.doc.createElement('font');
    el.className = TRANSLATION_CLASS;
    el.setAttribute('lang', lang);
    el.setAttribute('dir', textDirection(lang));
    el.setAttribute('translate', 'no');
    el.setAttribute('style', TRANSLATION_STYLE);
    if (typeof content === 'string') el.textContent = content;
    else el.appendChild(content);
    block.appendChild(el);
    this.shown.set(block, el);
  }

  /** Removes every translation shown; the page is as it was before. */
  clear(): void {
    for (const el of this.shown.values()) el.remove();
    this.shown.clear();
  }

  get size(): number {
    return this.shown.size;
  }
}
