export {
  grantHostPermissionsInProfile,
  launchBrowser,
  type ContextMenu,
  type ExtensionBrowser,
  type LaunchOptions,
} from './browser.ts';
export type { PageHandle, Truthy, WaitForOptions } from './page.ts';
export { startCorpusServer, type CorpusServer, type CorpusServerOptions } from './corpus-server.ts';
export { startApy, type Apy, type ApyOptions, type ApyRequest } from './apy.ts';
export { browserNames, defaultExtensionDir, repoRoot, type BrowserName } from './paths.ts';
export { startVirtualDisplay, type VirtualDisplay } from './xvfb.ts';
