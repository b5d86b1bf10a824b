import { textDirection } from '../languages';
import type { DisplayMode, TranslationStyle } from '../settings/schema';
import { TRANSLATION_CLASS } from './markup';

/**
 * Shows translations on the page and takes them away again, leaving the page exactly as it was.
 *
 * Bilingual: the translation is one element appended inside its block, so it takes the block's
 * own font and the page's nodes stay untouched. Replace: the translation is a copy of the block's
 * element (same tag and classes, so the same look) inserted after it, and the block is hidden by
 * an attribute of ours and one style rule, both removed again (never by editing its inline style,
 * which browsers re-serialise). Hovering the translation shows the original as a tooltip;
 * focusing or tapping it shows the original above it again.
 */

/** Under its block, in the page's own fonts and colours. */
const BILINGUAL_LAYOUT = 'display:block;margin-top:0.35em;';
/**
 * The reader's choice of how a translation stands apart from the original. Colours derive from
 * the text's own (`currentColor`), so they read on light and dark pages alike; the rule sits at
 * the start edge of the text, on the right in Arabic or Hebrew.
 *
 * Bilingual: the translation is our own element, so the rule and the tint's padding hang into the
 * gutter (a negative margin as wide as what they add): the text lines up with the original and
 * no box that shrinks to its content (a caption, a table cell) gets wider. Replace: the
 * translation is a copy of the page's element, whose margins and padding stay the page's; the
 * rule is an inset shadow there, which takes no room.
 */
const RULE_COLOUR = 'color-mix(in srgb,currentColor 35%,transparent)';
const TINT = 'background-color:color-mix(in srgb,currentColor 7%,transparent);border-radius:3px;';
function translationStyleRules(style: TranslationStyle, mode: DisplayMode, rtl: boolean): string {
  switch (style) {
    case 'rule':
      return mode === 'bilingual'
        ? `border-inline-start:2px solid ${RULE_COLOUR};padding-inline-start:0.6em;margin-inline-start:calc(-0.6em - 2px);`
        : `box-shadow:inset ${rtl ? -2 : 2}px 0 0 ${RULE_COLOUR};`;
    case 'tint':
      return mode === 'bilingual' ? `${TINT}padding:0.1em 0.35em;margin-inline:-0.35em;` : TINT;
    case 'italic':
      return 'font-style:italic;';
    case 'none':
      return '';
  }
}
/** On each translation: the style it is shown in (the stylesheet-free way to tell, for tests too). */
const STYLE_ATTRIBUTE = 'data-foreign-desk-style';
/** Marks what we put on a page, so the page's own content is never mistaken for ours. */
const OWN_ATTRIBUTE = 'data-foreign-desk';
/** On an original block hidden in replace mode. */
const HIDDEN_ATTRIBUTE = 'data-foreign-desk-hidden';
const HIDE_RULE = `[${HIDDEN_ATTRIBUTE}]{display:none!important}`;

interface Shown {
  block: Element;
  lang: string;
  original: string;
  /**
   * Our element holding the translation: its only copy, moved into the other mode's element when
   * modes switch (no translating again, and nothing kept off the page).
   */
  node: HTMLElement;
}

export class TranslationLayer {
  private readonly shown = new Map<Element, Shown>();
  private mode: DisplayMode = 'bilingual';
  private style: TranslationStyle = 'rule';
  private hideStyle: HTMLStyleElement | null = null;

  constructor(private readonly doc: Document) {}

  get displayMode(): DisplayMode {
    return this.mode;
  }

  show(block: Element, content: DocumentFragment | string, lang: string, original: string): void {
    this.remove(block);
    const entry: Shown = { block, lang, original, node: this.doc.createElement('font') };
    this.mount(entry, content);
    this.shown.set(block, entry);
  }

  /** Switches every shown translation to `mode` from what was already translated. */
  setMode(mode: DisplayMode): void {
    if (mode === this.mode) return;
    const entries = [...this.shown.values()];
    const contents = entries.map((entry) => {
      const content = this.doc.createDocumentFragment();
      content.append(...Array.from(entry.node.childNodes));
      this.unmount(entry);
      return content;
    });
    this.hideStyle?.remove();
    this.hideStyle = null;
    this.mode = mode;
    entries.forEach((entry, i) => this.mount(entry, contents[i]!));
  }

  /** Restyles every shown translation in the reader's choice of style. */
  setStyle(style: TranslationStyle): void {
    if (style === this.style) return;
    this.style = style;
    for (const entry of this.shown.values()) this.applyStyle(entry.node);
  }

  has(block: Element): boolean {
    return this.shown.has(block);
  }

  /** Whether `node` is (inside) something this layer put on the page. */
  owns(node: Node): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return !!el?.closest(`[${OWN_ATTRIBUTE}]`);
  }

  /** Removes every translation shown; the page is as it was before. */
  clear(): void {
    for (const entry of this.shown.values()) this.unmount(entry);
    this.shown.clear();
    this.hideStyle?.remove();
    this.hideStyle = null;
  }

  get size(): number {
    return this.shown.size;
  }

  private remove(block: Element): void {
    const entry = this.shown.get(block);
    if (entry) this.unmount(entry);
    this.shown.delete(block);
  }

  private mount(entry: Shown, content: DocumentFragment | string): void {
    const { block, lang } = entry;
    let node: HTMLElement;
    if (this.mode === 'bilingual') {
      // <font>: an inline element that page stylesheets almost never target.
      node = this.doc.createElement('font');
      block.appendChild(node);
    } else {
      node = block.cloneNode(false) as HTMLElement;
      node.removeAttribute('id');
      node.removeAttribute('style');
      node.setAttribute('title', entry.original);
      node.setAttribute('tabindex', '0');
      node.addEventListener('focus', () => this.peek(entry, true));
      node.addEventListener('blur', () => this.peek(entry, false));
      node.addEventListener('click', (event) => {
        if ((event.target as Element).closest('a')) return;
        this.peek(entry, block.hasAttribute(HIDDEN_ATTRIBUTE));
      });
      block.after(node);
      this.ensureHideRule();
      block.setAttribute(HIDDEN_ATTRIBUTE, '');
    }
    node.classList.add(TRANSLATION_CLASS);
    node.setAttribute(OWN_ATTRIBUTE, 'translation');
    node.setAttribute('lang', lang);
    node.setAttribute('dir', textDirection(lang));
    node.setAttribute('translate', 'no');
    this.applyStyle(node);
    if (typeof content === 'string') node.textContent = content;
    else node.appendChild(content);
    entry.node = node;
  }

  private applyStyle(node: HTMLElement): void {
    const layout = this.mode === 'bilingual' ? BILINGUAL_LAYOUT : '';
    const rtl = node.getAttribute('dir') === 'rtl';
    node.setAttribute('style', layout + translationStyleRules(this.style, this.mode, rtl));
    node.setAttribute(STYLE_ATTRIBUTE, this.style);
  }

  /** Replace mode: shows the original above its translation while focused or tapped. */
  private peek(entry: Shown, on: boolean): void {
    if (this.shown.get(entry.block) !== entry || this.mode !== 'replace') return;
    if (on) entry.block.removeAttribute(HIDDEN_ATTRIBUTE);
    else entry.block.setAttribute(HIDDEN_ATTRIBUTE, '');
  }

  private ensureHideRule(): void {
    if (this.hideStyle?.isConnected) return;
    const style = this.doc.createElement('style');
    style.setAttribute(OWN_ATTRIBUTE, 'style');
    style.textContent = HIDE_RULE;
    (this.doc.head ?? this.doc.documentElement).appendChild(style);
    this.hideStyle = style;
  }

  private unmount(entry: Shown): void {
    entry.node.remove();
    entry.block.removeAttribute(HIDDEN_ATTRIBUTE);
  }
}
