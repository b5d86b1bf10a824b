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
    // UI strings, these included, come from public/_locales (browser.i18n).
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // `offscreen`: Chrome's on-device Translator API runs in an offscreen document (Chrome only).
    // `activeTab` + `scripting`: one-off translation of any page from the popup, the context menu
    // or the shortcut, with no broad host permission.
    permissions: [
      'storage',
      'tabs',
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
    // Any other news site the reader turns on is asked for at that moment (utils/sites/access).
    optional_host_permissions: ['*://*/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'foreign-desk@foreign-desk.example', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
