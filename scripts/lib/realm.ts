/**
 * A fresh JavaScript realm for each extraction, as a page gets in the browser: a content script
 * is loaded anew on every page, so its one call runs cold (no type feedback or optimised code
 * from earlier pages). Timing repeated calls in one realm would measure warm code no reader gets.
 * Each extractor's code is compiled once per process and run in a new context per page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createContext, Script } from 'node:vm';
// Bundles our detection for the realm; esbuild comes with the build tooling (WXT, Vite, tsx).
import { buildSync } from 'esbuild';
import type { detectArticle } from '../../utils/article/detect';
import type { Readability } from '@mozilla/readability';

/** What the extractors' code finds in a page's realm besides the language: as in a browser. */
const realmGlobals = () => ({ URL, console });

let detectionScript: Script | undefined;
let readabilityScript: Script | undefined;

/** `detectArticle`, loaded into a realm of its own. */
export function freshDetection(): typeof detectArticle {
  detectionScript ??= new Script(
    buildSync({
      entryPoints: [fileURLToPath(new URL('../../utils/article/detect.ts', import.meta.url))],
      bundle: true,
      format: 'iife',
      globalName: 'detection',
      platform: 'neutral',
      write: false,
    }).outputFiles[0]!.text,
  );
  const realm = createContext(realmGlobals());
  detectionScript.runInContext(realm);
  return (realm.detection as { detectArticle: typeof detectArticle }).detectArticle;
}

/** Mozilla Readability, loaded into a realm of its own (its file is a plain script). */
export function freshReadability(): typeof Readability {
  readabilityScript ??= new Script(
    readFileSync(
      createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'),
      'utf8',
    ),
  );
  const realm = createContext(realmGlobals());
  readabilityScript.runInContext(realm);
  return realm.Readability as typeof Readability;
}
