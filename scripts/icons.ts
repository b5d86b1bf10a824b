/**
 * `npm run icons`: rasterises public/icon/icon.svg to the PNGs the manifests and pages use
 * (16, 32, 48 and 128 px) with the Chromium the end-to-end tests use, so no image converter is
 * needed. The PNGs are committed: a build needs neither this script nor a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../test/e2e/harness/paths.ts';

const ICON_SIZES = [16, 32, 48, 128] as const;

const iconDir = join(repoRoot, 'public', 'icon');
const svg = readFileSync(join(iconDir, 'icon.svg'), 'base64');
const browser = await chromium.launch({
  executablePath: process.env.FD_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg}">`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(join(iconDir, `${size}.png`), png);
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
