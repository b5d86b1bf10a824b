/** Language codes and names shared by the engines and the UI. */

/** Languages offered as targets in the popup, the options page and the welcome page. */
export const TARGET_LANGUAGES = ['en', 'es', 'de', 'fr', 'it', 'pt', 'ru', 'ja', 'zh', 'ar'];

/** ISO 639-1 → ISO 639-3, for engines such as Apertium that name languages in three letters. */
const ISO_639_3: Record<string, string> = {
  ar: 'ara',
  ca: 'cat',
  de: 'deu',
  en: 'eng',
  eo: 'epo',
  es: 'spa',
  eu: 'eus',
  fr: 'fra',
  gl: 'glg',
  hr: 'hbs',
  is: 'isl',
  it: 'ita',
  ja: 'jpn',
  mk: 'mkd',
  nl: 'nld',
  pl: 'pol',
  pt: 'por',
  ru: 'rus',
  sr: 'hbs',
  bs: 'hbs',
  sv: 'swe',
  tr: 'tur',
  uk: 'ukr',
  zh: 'zho',
};

/** The primary language subtag, lower-cased: `de-AT` → `de`, `es_ES` → `es`. */
export function baseLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

export function toIso639_3(tag: string): string {
  const base = baseLanguage(tag);
  return ISO_639_3[base] ?? base;
}

export function fromIso639_3(code: string): string {
  const base = baseLanguage(code);
  const hit = Object.entries(ISO_639_3).find(([, three]) => three === base);
  return hit ? hit[0] : base;
}

/** The language's name in `displayLocale`, e.g. `languageName('de', 'en')` → "German". */
export function languageName(tag: string, displayLocale = 'en'): string {
  try {
    return (
      new Intl.DisplayNames([displayLocale], { type: 'language' }).of(baseLanguage(tag)) ?? tag
    );
  } catch {
    return tag;
  }
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb']);

export function textDirection(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(baseLanguage(tag)) ? 'rtl' : 'ltr';
}
