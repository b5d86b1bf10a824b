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
    // Tests parse real news pages, and the first in a file also loads the detection modules: on
    // a busy shared machine that passes the 5 s default (a byline test took 9.7 s under load).
    testTimeout: 30_000,
  },
});
