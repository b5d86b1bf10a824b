import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRIVACY_HTML_PATH, privacyHtml, privacyPage } from '../../../scripts/lib/privacy-html';

describe('the bundled privacy statement', () => {
  it('is PRIVACY.md as it stands (npm run privacy regenerates it)', async () => {
    expect(readFileSync(PRIVACY_HTML_PATH, 'utf8')).toBe(await privacyPage());
  });

  it('keeps headings, nested lists, emphasis and code, and escapes markup', () => {
    const html = privacyHtml(
      '# Title\n\nOne <b> & two\nlines.\n\n- **Bold** item\n  goes on\n  - _inner_ `code`\n',
    );
    expect(html).toContain('<title>Title</title>');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<p>One &lt;b&gt; &amp; two lines.</p>');
    expect(html).toContain(
      '<ul><li><strong>Bold</strong> item goes on<ul><li><em>inner</em> <code>code</code></li></ul></li></ul>',
    );
  });
});
