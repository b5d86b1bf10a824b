/**
 * PRIVACY.md as the standalone page the extension bundles (public/privacy.html), for the small
 * Markdown the statement uses: `#`/`##` headings, paragraphs, `-` lists (nested by two spaces),
 * **bold**, _italics_ and `code`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { repoRoot } from '../../test/e2e/harness/paths.ts';

export const PRIVACY_HTML_PATH = join(repoRoot, 'public', 'privacy.html');

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\b_([^_]+)_\b/g, '<em>$1</em>');
}

/** Blocks of the Markdown: runs of non-empty lines. */
function blocks(markdown: string): string[][] {
  return markdown
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
}

/** A `-` list, its continuation lines joined, items indented by two spaces nested. */
function list(lines: string[], depth = 0): string {
  const items: { text: string; children: string[] }[] = [];
  const indent = '  '.repeat(depth);
  for (const line of lines) {
    if (line.startsWith(`${indent}- `)) {
      items.push({ text: line.slice(indent.length + 2), children: [] });
    } else if (line.startsWith(`${indent}  - `)) {
      items.at(-1)?.children.push(line);
    } else {
      const last = items.at(-1);
      if (!last) continue;
      if (last.children.length > 0) last.children.push(line);
      else last.text += ` ${line.trim()}`;
    }
  }
  const html = items.map(
    ({ text, children }) =>
      `<li>${inline(text)}${children.length > 0 ? list(children, depth + 1) : ''}</li>`,
  );
  return `<ul>${html.join('')}</ul>`;
}

export function privacyHtml(markdown: string): string {
  let title = 'Privacy';
  const body = blocks(markdown).map((lines) => {
    const first = lines[0] ?? '';
    const heading = /^(#{1,3}) (.*)$/.exec(first);
    if (heading && lines.length === 1) {
      const level = heading[1]!.length;
      if (level === 1) title = heading[2]!;
      return `<h${level}>${inline(heading[2]!)}</h${level}>`;
    }
    if (first.startsWith('- ')) return list(lines);
    return `<p>${inline(lines.map((l) => l.trim()).join(' '))}</p>`;
  });
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<link rel="icon" type="image/png" href="/icon/32.png" />',
    `<title>${escapeHtml(title)}</title>`,
    '<style>:root{color-scheme:light dark;font:16px/1.55 system-ui,sans-serif}' +
      'body{max-width:44em;margin:0 auto;padding:24px}</style>',
    '</head>',
    '<body>',
    '<!-- Generated from PRIVACY.md by `npm run privacy`; edit PRIVACY.md. -->',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page as committed: PRIVACY.md converted, formatted as the repository's Prettier does. */
export async function privacyPage(): Promise<string> {
  const markdown = readFileSync(join(repoRoot, 'PRIVACY.md'), 'utf8');
  const options = await resolveConfig(PRIVACY_HTML_PATH);
  return format(privacyHtml(markdown), { ...options, filepath: PRIVACY_HTML_PATH });
}
