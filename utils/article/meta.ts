/** `<meta>` tags (Open Graph, Twitter, Dublin Core, parsely, ...) read once into a lookup table. */
import { collapse } from './text';

export type MetaTable = Map<string, string>;

/** Keys are the lower-cased `property`, `name`, `itemprop` or `http-equiv`; the first tag wins. */
export function readMeta(elements: readonly Element[]): MetaTable {
  const table: MetaTable = new Map();
  for (const el of elements) {
    if (el.tagName !== 'META') continue;
    const content = collapse(el.getAttribute('content'));
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !table.has(key)) table.set(key, content);
    }
  }
  return table;
}

export function firstMeta(table: MetaTable, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = table.get(key);
    if (value) return value;
  }
  return null;
}
