/** `npm run privacy`: writes public/privacy.html (bundled, linked from the options) from PRIVACY.md. */
import { writeFileSync } from 'node:fs';
import { PRIVACY_HTML_PATH, privacyPage } from './lib/privacy-html.ts';

writeFileSync(PRIVACY_HTML_PATH, await privacyPage());
console.log('public/privacy.html');
