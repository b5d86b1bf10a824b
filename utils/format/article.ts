/**
 * The translated article as the reader holds it, and as text to take elsewhere: Markdown and
 * plain text, with attribution. No UI here: labels come from the translator passed in.
 */
import { displayDate, type DisplayDate } from '../dates';
import type { MessageKey } from '../i18n';
import { languageName } from '../languages';
import type { PageState } from '../page/state';

export interface ExportedArticle {
  title: string;
  /** The publication date as the reader reads it, its ISO 8601 form, and how long ago. */
  date: DisplayDate | null;
  updated: DisplayDate | null;
  byline: string | null;
  blocks: { kind: string; text: string }[];
  captions: { text: string; credit: string | null }[];
  source: { name: string; url: string };
  /** Already localised lines, e.g. "Translated from Spanish by Apertium". */
  labels: {
    published: string;
    updated: string;
    source: string;
    photo: string;
    translatedBy: string | null;
  };
}

/** Characters Markdown would read as markup at the start of a line or inside text. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^(\s*)([#+-]|\d+\.)(\s)/, '$1\\$2$3')
    .replace(/\s+/g, ' ')
    .trim();
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

export function toMarkdown(article: ExportedArticle): string {
  const { labels } = article;
  const out: string[] = [`# ${escapeMarkdown(article.title)}`, ''];
  const meta: string[] = [];
  if (article.date) meta.push(`${labels.published}: ${article.date.local} (${article.date.iso})`);
  if (article.updated) {
    meta.push(`${labels.updated}: ${article.updated.local} (${article.updated.iso})`);
  }
  if (article.byline) meta.push(escapeMarkdown(article.byline));
  for (const line of meta) out.push(`*${line}*  `);
  if (meta.length) out.push('');
  for (const block of article.blocks) {
    const text = escapeMarkdown(block.text);
    if (!text) continue;
    if (block.kind === 'subheading') out.push(`## ${text}`);
    else if (block.kind === 'lead') out.push(`**${text}**`);
    else if (block.kind === 'quote') out.push(`> ${text}`);
    else if (block.kind === 'list-item') out.push(`- ${text}`);
    else out.push(text);
    out.push('');
  }
  for (const caption of article.captions) {
    const credit = caption.credit ? ` (${labels.photo}: ${escapeMarkdown(caption.credit)})` : '';
    out.push(`*${escapeMarkdown(caption.text)}*${credit}`, '');
  }
  out.push('---', '');
  out.push(`${labels.source}: [${escapeMarkdown(article.source.name)}](<${article.source.url}>)`);
  if (labels.translatedBy) out.push('', labels.translatedBy);
  return out.join('\n').trimEnd() + '\n';
}

export function toPlainText(article: ExportedArticle): string {
  const { labels } = article;
  const out: string[] = [clean(article.title), ''];
  if (article.date) out.push(`${labels.published}: ${article.date.local} (${article.date.iso})`);
  if (article.updated) {
    out.push(`${labels.updated}: ${article.updated.local} (${article.updated.iso})`);
  }
  if (article.byline) out.push(clean(article.byline));
  if (article.date || article.updated || article.byline) out.push('');
  for (const block of article.blocks) {
    const text = clean(block.text);
    if (text) out.push(block.kind === 'list-item' ? `• ${text}` : text, '');
  }
  for (const caption of article.captions) {
    const credit = caption.credit ? ` (${labels.photo}: ${clean(caption.credit)})` : '';
    out.push(`${clean(caption.text)}${credit}`, '');
  }
  out.push(`${labels.source}: ${clean(article.source.name)} — ${article.source.url}`);
  if (labels.translatedBy) out.push(labels.translatedBy);
  return out.join('\n').trimEnd() + '\n';
}

/** Localised UI strings by key (`t` from utils/i18n, or a stand-in in tests). */
export type Translator = (key: MessageKey, ...substitutions: (string | number)[]) => string;

/** The article as the reader holds it: translated where translated, original elsewhere. */
export function exportedArticle(
  page: PageState,
  { locale, t, now = Date.now() }: { locale: string; t: Translator; now?: number },
): ExportedArticle | null {
  const article = page.article;
  if (!article) return null;
  const date = displayDate(article.publishedTime, locale, now);
  const updated =
    article.modifiedTime && article.modifiedTime !== article.publishedTime
      ? displayDate(article.modifiedTime, locale, now)
      : null;
  const blocks = page.translation.blocks.filter((b) => b.kind !== 'caption');
  const captionTexts = page.translation.blocks.filter((b) => b.kind === 'caption');
  // Credits pair with captions by position only when every caption came back translated.
  const paired = captionTexts.length === article.captions.length;
  const captions = captionTexts.map((c, i) =>
    separateCredit(c.text, paired ? (article.captions[i]?.credit ?? null) : null),
  );
  const source = article.lang ? languageName(article.lang, locale) : null;
  return {
    title: page.translation.title ?? article.title,
    date,
    updated,
    byline: article.byline,
    blocks,
    captions,
    source: { name: article.publisher ?? new URL(article.url).hostname, url: article.url },
    labels: {
      published: t('published'),
      updated: t('updated'),
      source: t('source'),
      photo: t('photo'),
      translatedBy:
        page.engine && source && page.translation.blocks.length
          ? t('statusDone', source, page.engine)
          : null,
    },
  };
}

/** `text` as a whole word (not inside a longer one), optionally only at the end. */
function wordPattern(text: string, flags = 'u', atEnd = false): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])${atEnd ? '$' : ''}`, flags);
}

/**
 * A caption and its credit as two parts. A page's caption element often holds the credit too, so
 * its translation ends with it ("…in Qatar.AFP", "…in Albania.Photo: Florion Goga (REUTERS)"):
 * the credit is taken off the end, found by its words that came through translation unchanged
 * (names), with a label before them ("Photo:"). A credit inside the text is not repeated.
 */
export function separateCredit(
  text: string,
  credit: string | null,
): { text: string; credit: string | null } {
  const trimmed = text.trim();
  const name = credit?.trim();
  if (!name) return { text: trimmed, credit: null };
  const start = creditStart(trimmed, name);
  if (start > 0) return { text: trimmed.slice(0, start).trim(), credit: name };
  return wordPattern(name).test(trimmed)
    ? { text: trimmed, credit: null }
    : { text: trimmed, credit: name };
}

/** Where the credit begins at the end of `text`, or -1. */
function creditStart(text: string, credit: string): number {
  const exact = wordPattern(credit, 'u', true).exec(text);
  if (exact) return exact.index;
  const names = credit.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const found = names
    .map((w) => wordPattern(w).exec(text)?.index ?? -1)
    .filter((index) => index >= 0);
  if (!found.length) return -1;
  let start = Math.min(...found);
  // A label of one word before the names ("Photo:", "Foto:") belongs to the credit.
  const label = /[\p{L}]+:\s*$/u.exec(text.slice(0, start));
  if (label) start = label.index;
  // Only a tail about the credit's length is the credit; a name earlier is part of the caption.
  return text.length - start <= credit.length * 1.5 + 10 ? start : -1;
}
