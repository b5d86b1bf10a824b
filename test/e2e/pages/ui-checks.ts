import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PageHandle } from '../harness/index.ts';
import { repoRoot } from '../harness/index.ts';

/** Where the e2e tests write their screenshots (look at them). */
export const SCREENSHOT_DIR = join(repoRoot, 'test-results', 'screenshots');

export async function screenshot(page: PageHandle, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // The top of the page, as the reader first sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot(path);
  return path;
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Runs axe-core in the page (injected through the driver, which extension pages' CSP allows, as
 * a page script would not be) and returns the serious and critical violations.
 */
export async function seriousAxeViolations(page: PageHandle): Promise<AxeFinding[]> {
  // The driver evaluates a function's source: axe's source wrapped as one.
  const inject = new Function(`${axeSource}\n;return typeof axe;`) as () => string;
  await page.evaluate(inject);
  return page.evaluate(async () => {
    type Result = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

/** Tabs through the page from its start and returns, for each focus stop, what has focus and its outline. */
export async function focusStops(page: PageHandle, count: number) {
  const stops: { tag: string; text: string; outline: string }[] = [];
  // From the top of the page, as a reader arriving with the keyboard.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.tabIndex = -1;
    document.body.focus();
  });
  for (let i = 0; i < count; i++) {
    await page.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return {
          tag: el?.tagName.toLowerCase() ?? '',
          text: (el?.textContent ?? el?.getAttribute('value') ?? '').slice(0, 40),
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        };
      }),
    );
  }
  return stops;
}
