import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, UI_LOCALES } from '@/utils/i18n';

const root = join(__dirname, '../../..');
const localesDir = join(root, 'public/_locales');

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
const read = (locale: string) =>
  JSON.parse(readFileSync(join(localesDir, locale, 'messages.json'), 'utf8')) as Record<
    string,
    Entry
  >;
const en = read('en');

/** Every source file of the extension: its UI, its entrypoints and the utilities that speak. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * Every `t('key')` and message key literal in the extension's source. `t` takes only keys of the
 * English file (`MessageKey`), so this also catches keys built where the compiler cannot see.
 */
function keysUsedInSource(): Set<string> {
  const used = new Set<string>();
  const files = ['components', 'entrypoints', 'utils'].flatMap((d) => sourceFiles(join(root, d)));
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]!);
    // Keys picked from tables: `SITE_MODE_KEYS` and the like map values to message names.
    for (const m of source.matchAll(/:\s*'((?:siteMode|display|engine)[A-Z][A-Za-z]+)'/g)) {
      used.add(m[1]!);
    }
  }
  return used;
}

const placeholdersOf = (entry: Entry) =>
  [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('UI strings', () => {
  it('ships every UI locale and no other', () => {
    expect(readdirSync(localesDir).sort()).toEqual([...UI_LOCALES].sort());
  });

  it('has every key the UI uses in English, and the manifest’s', () => {
    const missing = [...keysUsedInSource()].filter((k) => !(k in en));
    const config = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
    for (const m of config.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) {
      if (!(m[1]! in en)) missing.push(m[1]!);
    }
    expect(missing).toEqual([]);
  });

  it.each(UI_LOCALES.filter((l) => l !== 'en'))('%s has every English key, filled', (locale) => {
    const messages = read(locale);
    const missing = Object.keys(en).filter((k) => !messages[k]?.message?.trim());
    const extra = Object.keys(messages).filter((k) => !(k in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(UI_LOCALES)('%s uses the same placeholders as English', (locale) => {
    const messages = read(locale);
    const wrong = Object.keys(en).filter((key) => {
      const entry = messages[key];
      if (!entry) return false;
      const names = placeholdersOf(entry);
      return (
        JSON.stringify(names) !== JSON.stringify(placeholdersOf(en[key]!)) ||
        names.some((n) => !entry.placeholders?.[n])
      );
    });
    expect(wrong).toEqual([]);
  });

  it('fills placeholders as browser.i18n does', () => {
    expect(formatMessage(en.statusDone!, ['Spanish', 'Apertium'])).toBe(
      'Translated from Spanish by Apertium.',
    );
    expect(formatMessage(read('ar').statusTranslating!, ['3', '12'])).toBe(
      'جارٍ الترجمة… 3 من 12 فقرة',
    );
  });
});
