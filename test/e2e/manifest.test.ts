import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserNames, defaultExtensionDir } from './harness/index.ts';

type Manifest = {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  permissions?: string[];
  host_permissions?: string[];
  minimum_chrome_version?: string;
  web_accessible_resources?: { resources: string[] }[];
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[] };
    };
  };
};

const read = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const major = (version = '0') => Number(version.split('.')[0]);

describe.each(browserNames)('%s manifest as built for the stores', (name) => {
  const dir = defaultExtensionDir(name, 'store');

  it('asks for no permission that no feature needs: no `tabs` (history warning)', () => {
    const permissions = read(dir).permissions ?? [];
    expect(permissions).not.toContain('tabs');
    expect(permissions).toEqual(expect.arrayContaining(['storage', 'activeTab', 'scripting']));
    // The tests' own build differs by `tabs` alone.
    const e2e = read(defaultExtensionDir(name, 'e2e')).permissions ?? [];
    expect(e2e.filter((p) => !permissions.includes(p))).toEqual(['tabs']);
  });

  it('declares icons at 16, 32, 48 and 128 px that exist, for the extension and the action', () => {
    const manifest = read(dir);
    for (const icons of [manifest.icons, manifest.action?.default_icon]) {
      expect(Object.keys(icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
      for (const file of Object.values(icons ?? {})) expect(existsSync(join(dir, file))).toBe(true);
    }
    // The on-page control draws the icon inline: no file is exposed for pages to probe.
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('lists each site once: *://*.host/* already covers *://host/*', () => {
    const hosts = read(dir).host_permissions ?? [];
    const covered = hosts.filter((p) => hosts.includes(p.replace('://', '://*.')));
    expect(covered).toEqual([]);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('bundles the privacy statement and the welcome page', () => {
    expect(existsSync(join(dir, 'privacy.html'))).toBe(true);
    expect(existsSync(join(dir, 'welcome.html'))).toBe(true);
  });

  if (name === 'chromium') {
    it('sets the minimum Chrome version of the APIs it uses (promise-returning message listeners: 144)', () => {
      expect(major(read(dir).minimum_chrome_version)).toBeGreaterThanOrEqual(144);
    });
  } else {
    it('states what leaves the browser, with a permanent id and the Firefox version that needs', () => {
      const gecko = read(dir).browser_specific_settings?.gecko;
      expect(gecko?.data_collection_permissions?.required).toEqual(['websiteContent']);
      expect(major(gecko?.strict_min_version)).toBeGreaterThanOrEqual(140);
      expect(gecko?.id).toMatch(/^[a-z0-9-]+@[a-z0-9-]+\.[a-z]+$/);
      expect(gecko?.id).not.toMatch(/\.example$/);
    });
  }
});
