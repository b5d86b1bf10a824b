import { defineConfig } from 'wxt';
import { siteMatchPatterns } from './utils/sites/registry';

// Firefox is built as MV3 too: one manifest model for both browsers (service-worker style
// background, `scripting`, optional host permissions), see README "Why MV3 on Firefox".
export default defineConfig({
  manifestVersion: 3,
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
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'foreign-desk@foreign-desk.example', strict_min_version: '128.0' },
          },
        }
      : {}),
  }),
});
