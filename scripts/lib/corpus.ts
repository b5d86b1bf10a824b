/**
 * Reading corpus pages for the extract and bench scripts: finds `<dataset>/<id>/page.html(.gz)`
 * with its `meta.json` (never `truth.json`), decodes the bytes as a browser would and parses them
 * into a standards DOM.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';

export interface PageRef {
  key: string;
  dir: string;
}

/** Browsers look for `<meta charset>` in the first 1024 bytes; some pages put it later. */
const CHARSET_SNIFF_BYTES = 4096;

export function listPages(root: string): PageRef[] {
  const pages: PageRef[] = [];
  for (const dataset of readdirSync(root).sort()) {
    const dsDir = join(root, dataset);
    if (!statSync(dsDir).isDirectory()) continue;
    for (const id of readdirSync(dsDir).sort()) {
      const dir = join(dsDir, id);
      if (existsSync(join(dir, 'page.html.gz')) || existsSync(join(dir, 'page.html'))) {
        pages.push({ key: `${dataset}/${id}`, dir });
      }
    }
  }
  return pages;
}

/** All a browser knows of a page before reading it: its address and the server's charset. */
export interface PageMeta {
  url?: string;
  /** The charset of the server's `Content-Type` header, where the corpus recorded it. */
  charset?: string;
}

export function readPageMeta(page: PageRef): PageMeta {
  const file = join(page.dir, 'meta.json');
  if (!existsSync(file)) return {};
  return JSON.parse(readFileSync(file, 'utf8')) as PageMeta;
}

function readBytes(page: PageRef): Buffer {
  const gz = join(page.dir, 'page.html.gz');
  return existsSync(gz) ? gunzipSync(readFileSync(gz)) : readFileSync(join(page.dir, 'page.html'));
}

/**
 * The charset a browser would use: byte order mark, then the server's `Content-Type` charset,
 * then `<meta charset>` / http-equiv, then UTF-8.
 */
export function sniffCharset(bytes: Uint8Array, headerCharset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = encodingOf(headerCharset);
  if (fromHeader) return fromHeader;
  const head = Buffer.from(bytes.subarray(0, CHARSET_SNIFF_BYTES)).toString('latin1');
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w-]+)/i.exec(head);
  return encodingOf(match?.[1]) ?? 'utf-8';
}

/** The encoding a charset label names ("latin1" → "windows-1252"), if any. */
function encodingOf(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

/** The page as text, decoded as a browser would decode it served with `headerCharset`. */
export function decodePage(bytes: Uint8Array, headerCharset?: string): string {
  return new TextDecoder(sniffCharset(bytes, headerCharset)).decode(bytes);
}

/** A page as a parsed document (no scripts, no resource loading), with its URL. */
export function loadDocument(page: PageRef): { doc: Document; url: string | undefined } {
  const { url, charset } = readPageMeta(page);
  const html = decodePage(readBytes(page), charset);
  return { doc: parseHtml(html, url), url };
}

export function parseHtml(html: string, url?: string): Document {
  // Console noise from the page is irrelevant here.
  const virtualConsole = new VirtualConsole();
  try {
    return new JSDOM(html, { url: safeUrl(url), virtualConsole }).window.document;
  } catch {
    // jsdom's CSS parser throws on some invalid stylesheets (`calc(~100% + 1px)`) that browsers
    // skip; without the page's CSS the document is the same for detection.
    const withoutCss = html
      .replace(/<style[\s\S]*?<\/style>/gi, '')
      .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
    return new JSDOM(withoutCss, { url: safeUrl(url), virtualConsole }).window.document;
  }
}

function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
