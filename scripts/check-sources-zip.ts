/**
 * `npm run check:sources` (after `npm run zip`): unpacks the Firefox sources zip in a temporary
 * folder, rebuilds the Firefox extension there the way a store reviewer would (`npm ci`, then
 * the Firefox build) and checks that every file is byte-identical to `.output/firefox-mv3`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../test/e2e/harness/paths.ts';

/** Folders that must never ship in the sources: generated, ignored or not needed to build. */
const FORBIDDEN = /^(\.output|\.wxt|node_modules|demo-output|bench|test|\.scratch|\.git)(\/|$)/;

const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const zipPath = join(repoRoot, '.output', `${name}-${version}-sources.zip`);
const builtDir = join(repoRoot, '.output', 'firefox-mv3');
if (!existsSync(zipPath) || !existsSync(builtDir)) {
  console.error(`No ${relative(repoRoot, zipPath)} or .output/firefox-mv3: run npm run zip first.`);
  process.exit(1);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const work = mkdtempSync(join(tmpdir(), 'fd-sources-'));
try {
  execFileSync('unzip', ['-q', zipPath, '-d', work], { stdio: 'inherit' });
  const shipped = filesUnder(work);
  const forbidden = shipped.filter((file) => FORBIDDEN.test(file));
  if (forbidden.length > 0) throw new Error(`the sources zip holds ${forbidden.join(', ')}`);
  console.log(`${shipped.length} files in ${relative(repoRoot, zipPath)}; npm ci and build…`);

  const run = (args: string[]) => execFileSync('npm', args, { cwd: work, stdio: 'inherit' });
  run(['ci', '--no-audit', '--no-fund']);
  run(['exec', '--', 'wxt', 'build', '-b', 'firefox']);

  const rebuiltDir = join(work, '.output', 'firefox-mv3');
  const expected = filesUnder(builtDir);
  const rebuilt = filesUnder(rebuiltDir);
  const differ = [...new Set([...expected, ...rebuilt])].filter(
    (file) =>
      !expected.includes(file) ||
      !rebuilt.includes(file) ||
      !readFileSync(join(builtDir, file)).equals(readFileSync(join(rebuiltDir, file))),
  );
  if (differ.length > 0) {
    throw new Error(`the rebuild differs from .output/firefox-mv3 in: ${differ.join(', ')}`);
  }
  console.log(`Rebuilt from the sources zip: ${rebuilt.length} files, byte-identical.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
