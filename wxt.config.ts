import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { siteMatchPatterns } from './utils/sites/registry';

/**
 * An SVG imported as text (`?raw`: the page control draws the icon inline) without its comments
 * and indentation, which are for the file's readers, not the page's.
 */
function compactSvgText(): Plugin {
  return {
    name: 'compact-svg-text',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'raw' || !file?.endsWith('.svg')) return null;
      const svg = readFileSync(file, 'utf8')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/>\s+</g, '><')
        .trim();
      return `export default ${JSON.stringify(svg)};`;
    },
  };
}

const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

// Firefox is built as MV3 too: one manifest model for both browsers (service-worker style
// background, `scripting`, optional host permissions), see README "Why MV3 on Firefox".
export default defineConfig({
  manifestVersion: 3,
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // Terser's extra passes take about 2 KB (gzip) off the content script that esbuild's
    // minifier leaves, on a script every article page loads.
    build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3 } } },
    plugins: [compactSvgText()],
  }),
  zip: {
    // The Firefox sources zip holds what `npm ci && npm run build` needs and nothing else: no
    // tests, scripts, generated or ignored folders (`npm run check:sources` rebuilds from it).
    excludeSources: ['**/*'],
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'PRIVACY.md',
      'components/**',
      'entrypoints/**',
      'utils/**',
      'public/**',
    ],
  },
  manifest: ({ browser, mode }) => ({
    // UI strings, these included, come from public/_locales (browser.i18n).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Chrome 144: a message listener may answer by returning a promise (what Firefox always did),
    // which is what we use now that the webextension-polyfill is gone. The on-device Translator
    // (138) is detected at run time and skipped where missing.
    ...(browser === 'chrome' ? { minimum_chrome_version: '144' } : {}),
    // Rasterised from public/icon/icon.svg by `npm run icons` (committed).
    icons: ICONS,
    action: { default_icon: ICONS },
    // `offscreen`: Chrome's on-device Translator API runs in an offscreen document (Chrome only).
    // `activeTab` + `scripting`: one-off translation of any page from the popup, the context menu
    // or the shortcut, with no broad host permission.
    // The end-to-end build (`--mode e2e`) adds `tabs`: its tests open the popup as a page for a
    // given tab, which gets no `activeTab` grant; the store build has no use for it.
    permissions: [
      'storage',
      ...(mode === 'e2e' ? ['tabs'] : []),
      'activeTab',
      'scripting',
      'contextMenus',
      ...(browser === 'chrome' ? ['offscreen'] : []),
    ],
    commands: {
      // Alt+A, Alt+D and Alt+T are taken in some browsers, and while the page has the focus
      // Firefox gives Alt+Shift+<letter> to the menu bar item with that access key (F for File,
      // E, V, S, B, T, H; other letters in other languages). J is no menu's access key.
      'toggle-translation': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandToggle__',
      },
    },
    // Content scripts declared for the supported sites need their hosts. Engine fetches run from
    // the background: the default engine's host (Google's keyless endpoint, which must not depend
    // on its CORS headers) is granted at install; any other engine's hosts are asked for when the
    // reader picks it in the options (its descriptor's `origins`, through optional_host_permissions).
    // Loopback stays granted (a self-hosted APy or LibreTranslate on the reader's own machine):
    // the end-to-end tests set APy on 127.0.0.1 in stored settings and translate with it, where
    // a permission prompt would wait for an answer no test browser gives.
    host_permissions: [
      ...siteMatchPatterns(),
      'http://127.0.0.1/*',
      'http://localhost/*',
      'https://translate-pa.googleapis.com/*',
    ],
    // Any other news site the reader turns on is asked for at that moment (utils/sites/access).
    optional_host_permissions: ['*://*/*'],
    // No web_accessible_resources: the on-page control draws the icon inline, so no page can
    // probe for a file of ours to learn the extension is installed.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Permanent once published on addons.mozilla.org.
              id: 'foreign-desk@foreigndesk.app',
              // data_collection_permissions needs Firefox 140 (older versions refuse the key).
              strict_min_version: '140.0',
              // The text of the articles the reader has translated goes to the engine they chose.
              data_collection_permissions: { required: ['websiteContent'] },
            },
            // The same key needs Firefox for Android 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
