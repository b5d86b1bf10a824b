/** Runs extractors over a pages folder in parallel child processes (one per CPU) and merges them. */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ExtractorName, PageResult } from './extractors';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export async function runShards(
  pagesDir: string,
  names: ExtractorName[],
  jobs = availableParallelism(),
): Promise<Record<string, Record<string, PageResult>>> {
  const shards = await Promise.all(
    Array.from({ length: jobs }, (_, i) =>
      runWorker([pagesDir, String(i), String(jobs), ...names]),
    ),
  );
  const merged: Record<string, Record<string, PageResult>> = {};
  for (const name of names) merged[name] = Object.assign({}, ...shards.map((s) => s[name] ?? {}));
  return merged;
}

function runWorker(args: string[]): Promise<Record<string, Record<string, PageResult>>> {
  return new Promise((resolve, reject) => {
    // The tsx loader comes along in execArgv; stderr is passed through for warnings.
    const child = spawn(process.execPath, [...process.execArgv, WORKER, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`extraction worker exited with ${code}`));
      resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    });
  });
}
