import { describe, expect, it } from 'vitest';
import { findSite, siteMatchPatterns, SITES } from '../../../utils/sites/registry';

describe('site registry', () => {
  it('covers at least 40 sites in at least 12 languages', () => {
    expect(SITES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SITES.map((s) => s.lang.split('-')[0])).size).toBeGreaterThanOrEqual(12);
  });

  it('has unique ids and hostnames', () => {
    expect(new Set(SITES.map((s) => s.id)).size).toBe(SITES.length);
    const hosts = SITES.flatMap((s) => s.hostnames);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const host of hosts) expect(host).toMatch(/^(?!www\.)[a-z0-9.-]+\.[a-z]{2,}$/);
  });

  it('finds a site by hostname or subdomain, not by look-alikes', () => {
    expect(findSite('www.lemonde.fr')?.id).toBe('lemonde');
    expect(findSite('g1.globo.com')?.lang).toBe('pt');
    expect(findSite('notlemonde.fr')).toBeUndefined();
  });

  it('gives one match pattern per hostname, which covers the host and its subdomains', () => {
    const patterns = siteMatchPatterns();
    expect(patterns).toContain('*://*.spiegel.de/*');
    expect(patterns).not.toContain('*://spiegel.de/*');
    expect(patterns.length).toBe(SITES.flatMap((s) => s.hostnames).length);
  });
});
