/** The translated article as text to take elsewhere: Markdown and plain text, with attribution. */

export interface ExportedArticle {
  title: string;
  /** The publication date as the reader reads it, and its ISO 8601 form. */
  date: { local: string; iso: string } | null;
  updated: { local: string; iso: string } | null;
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
