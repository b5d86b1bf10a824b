import { defineConfig } from 'wxt';
import { siteMatchPatterns } from './utils/sites/registry';

// Firefox is built as MV3 too: one manifest model for both browsers (service-worker style
// background, `scripting`, optional host permissions), see README "Why MV3 on Firefox".
export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  manifest: ({ browser }) => ({
    name: 'Foreign Desk',
    description: 'Read foreign-language news in your own language, right on the news site.',
    // `offscreen`: Chrome's on-device Translator API runs in an offscreen document (Chrome only).
    permissions: ['storage', 'tabs', ...(browser === 'chrome' ? ['offscreen'] : [])],
    // Content scripts declared for the supported sites need their hosts; engine fetches run from
    // the background and rely on the engine's CORS headers or on these grants. The default engine
    // (Google's keyless endpoint) must not depend on its CORS headers; DeepL documents none.
    host_permissions: [
      ...siteMatchPatterns(),
      'http://127.0.0.1/*',
      'http://localhost/*',
      'https://translate-pa.googleapis.com/*',
      'https://api-free.deepl.com/*',
      'https://api.deepl.com/*',
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'foreign-desk@foreign-desk.example', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
