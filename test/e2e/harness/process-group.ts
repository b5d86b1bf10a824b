import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { sleep } from './page.ts';

/**
 * Helper programs the tests start (APy and its pipelines, Xvfb, a D-Bus session) run in their own
 * process group, so that stopping one takes everything it started with it.
 */
const live = new Set<ChildProcess>();

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// Safety net: if the test process ends without stopping them, take the groups with it.
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

/** Starts `command` as the leader of a new process group (setsid). */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** SIGTERM to the group, SIGKILL after 3 s; resolves once the leader has exited. */
export async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const late = await Promise.race([exited.then(() => false), sleep(3000).then(() => true)]);
  if (late) {
    killGroup(child, 'SIGKILL');
    await exited;
  }
}
