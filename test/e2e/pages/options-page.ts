import type { ExtensionBrowser } from '../harness/index.ts';

/** The options page, driven as a reader would: fill the engine address, save. */
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
    await page.click('#save');
    await page.waitFor(() => document.querySelector('#save-status')?.textContent === 'Saved.', {
      message: 'the options page to say Saved.',
    });
  } finally {
    await page.close();
  }
}
