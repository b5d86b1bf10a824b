import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    // wxt/testing's index also loads the build tooling, which breaks under jsdom; the fake
    // browser is all unit tests need.
    alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }],
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'utils/**/*.test.ts'],
    environment: 'jsdom',
  },
});
