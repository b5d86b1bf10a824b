/**
 * The measuring command as the held-out pages are scored with it: `npm run -s extract --
 * PAGES_DIR --out RESULTS.json`, run as a child process on a folder laid out like the corpus.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../article/corpus';

/** Copies a corpus page with its meta.json only: the command never gets the answers. */
function copyPage(pagesDir: string, key: string): void {
  const to = join(pagesDir, key);
  mkdirSync(to, { recursive: true });
  for (const file of ['page.html.gz', 'meta.json'])
    copyFileSync(join(CORPUS, 'pages', key, file), join(to, file));
}

describe('npm run extract', () => {
  it('writes every page in the corpus format, and a page that fails as an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-test-'));
    const pagesDir = join(dir, 'pages');
    copyPage(pagesDir, 'fundus/de-MDR_2026_07_08');
    copyPage(pagesDir, 'htmldate-eval/20minutes.fr-Ciaran');
    // Bytes that are not gzip: this page cannot be read, the others still are.
    mkdirSync(join(pagesDir, 'broken', 'truncated'), { recursive: true });
    writeFileSync(join(pagesDir, 'broken', 'truncated', 'page.html.gz'), 'not gzip');
    const out = join(dir, 'results.json');

    execFileSync('npm', ['run', '-s', 'extract', '--', pagesDir, '--out', out], {
      stdio: 'pipe',
    });

    const { results } = JSON.parse(readFileSync(out, 'utf8')) as {
      results: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(results).sort()).toEqual([
      'broken/truncated',
      'fundus/de-MDR_2026_07_08',
      'htmldate-eval/20minutes.fr-Ciaran',
    ]);
    expect(results['broken/truncated']!.error).toMatch(/header check|gzip/i);
    const mdr = results['fundus/de-MDR_2026_07_08']!;
    expect(mdr.error).toBeUndefined();
    expect(mdr.publishedTime).toBe('2026-07-08T05:00:07+02:00');
    expect(mdr.source).toBe('MDR');
    expect(mdr.lang).toBe('de');
    expect(mdr.text).toMatch(/^Auch bei aktuell erträglichen Temperaturen/);
    expect(Array.isArray(mdr.captions)).toBe(true);
    expect(typeof mdr.ms_extract).toBe('number');
  });
});
