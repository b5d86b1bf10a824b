import type { ExtensionBrowser, PageHandle } from '../harness/index.ts';

/** Waits until every change made on the options page is stored and the page says so. */
export async function waitForSaved(page: PageHandle): Promise<void> {
  await page.waitFor(() => document.querySelector('#save-status')?.textContent === 'Saved.', {
    message: 'the options page to say Saved.',
  });
}

/** The options page, driven as a reader would: type the engine address, leave the field. */
export async function setApertiumUrl(browser: ExtensionBrowser, url: string): Promise<void> {
  const page = await browser.openExtensionPage('/options.html');
  try {
    await page.waitFor(() => document.querySelector('#apertium-url') !== null, {
      message: 'the options form',
    });
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('#apertium-url')!;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.type('#apertium-url', url);
    await page.press('Tab');
    await waitForSaved(page);
  } finally {
    await page.close();
  }
}
