import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { APT_DESKTOP } from './paths.ts';
import { killGroup, spawnGroup, stopGroup } from './process-group.ts';

const XVFB = '/usr/bin/Xvfb';
const DBUS_DAEMON = '/usr/bin/dbus-daemon';
export const XDOTOOL = '/usr/bin/xdotool';
export const SYSTEM_PYTHON = '/usr/bin/python3';

/**
 * A virtual X display with a private D-Bus session bus, for a browser that must run headed
 * (Chromium shows its context menu only with a display). Programs started with `env` draw on the
 * display and expose their own UI (menus included) to AT-SPI on that bus.
 */
export interface VirtualDisplay {
  /** `:N` */
  readonly display: string;
  /** DISPLAY, DBUS_SESSION_BUS_ADDRESS and ACCESSIBILITY_ENABLED=1, to add to a program's env. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/** Fails with what to install when a tool is missing: a test needing a display never skips. */
function requireDesktopTools(): void {
  const missing = [XVFB, XDOTOOL, DBUS_DAEMON, SYSTEM_PYTHON].filter((p) => !existsSync(p));
  if (existsSync(SYSTEM_PYTHON)) {
    try {
      execFileSync(SYSTEM_PYTHON, ['-c', 'import pyatspi'], { stdio: 'pipe' });
    } catch {
      missing.push("Python's pyatspi");
    }
  }
  if (missing.length) {
    throw new Error(
      `a virtual display needs ${missing.join(', ')} (not found).\nInstall it with: ${APT_DESKTOP}`,
    );
  }
}

/**
 * Starts `command` in its own process group and resolves with the first line it writes to file
 * descriptor 3 (Xvfb's display number, dbus-daemon's address), which it writes once it is ready.
 */
function startReporting(
  command: string,
  args: string[],
  what: string,
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawnGroup(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const errors: string[] = [];
  child.stderr?.on('data', (c: Buffer) => errors.push(c.toString('utf8')));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`${what} did not start in 15 s:\n${errors.join('').slice(-2000)}`));
    }, 15_000);
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline >= 0) {
        clearTimeout(timer);
        resolve({ child, line: out.slice(0, newline).trim() });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}):\n${errors.join('').slice(-2000)}`));
    });
  });
}

/**
 * Starts Xvfb on a free display number (Xvfb picks it: `-displayfd`) and a D-Bus session bus of
 * its own; the AT-SPI bus is started by D-Bus when a program first asks for it.
 */
export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  requireDesktopTools();
  const xvfb = await startReporting(
    XVFB,
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    'Xvfb',
  );
  let bus: { child: ChildProcess; line: string };
  try {
    bus = await startReporting(
      DBUS_DAEMON,
      ['--session', '--nofork', '--nosyslog', '--print-address=3'],
      'dbus-daemon',
    );
  } catch (error) {
    await stopGroup(xvfb.child);
    throw error;
  }
  const display = `:${xvfb.line}`;
  return {
    display,
    env: {
      DISPLAY: display,
      DBUS_SESSION_BUS_ADDRESS: bus.line,
      // Chromium exposes its own UI (menus included) to AT-SPI only when asked to.
      ACCESSIBILITY_ENABLED: '1',
    },
    async stop() {
      await stopGroup(bus.child);
      await stopGroup(xvfb.child);
    },
  };
}
