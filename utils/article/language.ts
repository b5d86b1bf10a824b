/**
 * The language of a page that declares none, guessed from its text so that detection can read
 * dates in it ("Dienstag 6. Mai 2014"). Scripts that one language mostly writes decide by
 * themselves (Hangul, kana, Greek…); Latin and Cyrillic text goes by its commonest short words.
 * It also overrules a declared language the text plainly is not (`textLanguage`); the engine
 * pipeline then checks the language again with the browser's own detector.
 */
import { baseLanguage } from '../languages';

/** Characters of text read: enough for a few hundred words, bounded for speed. */
export const SAMPLE_LENGTH = 6000;
/** Function words a guess needs at least, and the lead it needs over the runner-up. */
const MIN_WORD_HITS = 8;
const MIN_LEAD = 1.5;

/** Scripts each written by (almost) one language, tested in this order on the text's letters. */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Devanagari}/gu, 'hi'],
];

/** Letters Urdu and Persian add to the Arabic alphabet, with the share of letters they reach. */
const ARABIC_VARIANTS: [RegExp, string][] = [
  [/[ٹڈڑںے]/gu, 'ur'],
  [/[پچژگ]/gu, 'fa'],
];
const MIN_VARIANT_SHARE = 0.01;

/**
 * The commonest short words of each language, leaving out those two of them share ("de", "la",
 * "en"), so that each word votes for one language.
 */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the and of to is that for with was are this it have from not',
  de: 'der die und das ist nicht mit den von ein eine sich auf auch ich dem im wird',
  fr: 'le les et des est une pour dans pas sur du au qui avec ce sont',
  es: 'el los las y por una con para del su lo como pero más fue',
  it: 'il che è per della non sono gli alla nel anche come ma',
  pt: 'os não uma com do da em ao pelo mas são também foi às',
  nl: 'het een van niet dat op voor zijn ook aan wordt bij naar',
  pl: 'w nie się że jest jak ale oraz dla przez',
  cs: 'je že jsou by pro také jako který podle byl',
  sv: 'och att det som är av för inte till har om ett',
  da: 'og af ikke til er ved fra kan havde',
  fi: 'ja on ei että oli mutta kun myös tai ovat',
  tr: 've bir bu için ile çok olarak daha gibi',
  ro: 'și în cu care pe este să din sau fost',
  hu: 'az és hogy nem egy meg volt csak vagy',
  id: 'yang dan di dengan untuk ini dari itu dalam tidak',
  ru: 'и что с по как это он из но к за было',
  uk: 'і що з та як це від але також',
  bg: 'се да са към във това които',
};

const WORD_LANGUAGE = new Map<string, string>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) {
  for (const word of words.split(' ')) WORD_LANGUAGE.set(word, lang);
}

/** The page's language guessed from `text`, or null when the text does not say clearly. */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  const count = (re: RegExp) => (sample.match(re) ?? []).length;
  for (const [re, lang] of SCRIPTS) {
    // Kana among Han characters is Japanese; any script is the page's once it writes a third.
    if (!letters || count(re) * 3 < letters) continue;
    if (lang !== 'ar') return lang;
    const variant = ARABIC_VARIANTS.find(
      ([letter]) => count(letter) >= MIN_VARIANT_SHARE * letters,
    );
    return variant?.[1] ?? lang;
  }
  const hits = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const lang = WORD_LANGUAGE.get(word);
    if (lang) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  const [first, second] = [...hits].sort((a, b) => b[1] - a[1]);
  if (!first || first[1] < MIN_WORD_HITS) return null;
  return !second || first[1] >= MIN_LEAD * second[1] ? first[0] : null;
}

/**
 * Languages the guess mixes up with each other: Cyrillic ones (Bulgarian reads as Russian), those
 * written in the Arabic alphabet, and the Scandinavian ones (it has no Norwegian words).
 */
const CONFUSED_GROUPS = [
  ['ru', 'uk', 'bg'],
  ['ar', 'fa', 'ur'],
  ['da', 'sv', 'no', 'nb', 'nn'],
];
/** Languages the guess can recognise, and so refute when a page declares them. */
const RECOGNISED = new Set([
  ...Object.keys(FUNCTION_WORDS),
  ...SCRIPTS.map(([, lang]) => lang),
  ...ARABIC_VARIANTS.map(([, lang]) => lang),
]);

/**
 * The language of the text a page declares as `declared`, which sites get wrong: they keep their
 * template's `lang` ("en-US" on a German blog), and some declare none (""). The declaration
 * stands unless the text plainly says otherwise, in a language the guess does not mix up with it.
 */
export function textLanguage(declared: string, text: string): string {
  const base = baseLanguage(declared);
  if (base && !RECOGNISED.has(base)) return declared;
  const guess = guessLanguage(text);
  if (!guess) return declared;
  const confused = CONFUSED_GROUPS.some((group) => group.includes(base) && group.includes(guess));
  return guess === base || confused ? declared : guess;
}
