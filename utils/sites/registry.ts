/**
 * The news sites Foreign Desk supports out of the box: one entry per site. The content script is
 * declared for these hostnames; any other site works through the generic detection once the
 * reader enables it.
 */
export interface SiteEntry {
  /** Stable id used in settings. */
  id: string;
  /** Publisher name as readers know it. */
  publisher: string;
  /** Hostnames without `www.`; subdomains match too. */
  hostnames: string[];
  /** BCP 47 language of the site's articles. */
  lang: string;
}

export const SITES: readonly SiteEntry[] = [
  { id: 'elpais', publisher: 'El País', hostnames: ['elpais.com'], lang: 'es' },
  { id: 'elmundo', publisher: 'El Mundo', hostnames: ['elmundo.es'], lang: 'es' },
  { id: 'abc-es', publisher: 'ABC', hostnames: ['abc.es'], lang: 'es' },
  { id: 'spiegel', publisher: 'Der Spiegel', hostnames: ['spiegel.de'], lang: 'de' },
  { id: 'zeit', publisher: 'Die Zeit', hostnames: ['zeit.de'], lang: 'de' },
  { id: 'welt', publisher: 'Die Welt', hostnames: ['welt.de'], lang: 'de' },
  { id: 'sueddeutsche', publisher: 'Süddeutsche Zeitung', hostnames: ['sueddeutsche.de'], lang: 'de' },
  { id: 'tagesschau', publisher: 'tagesschau.de', hostnames: ['tagesschau.de'], lang: 'de' },
];

/** Match patterns (`*://*.host/*` and `*://host/*`) for every registered hostname. */
export function siteMatchPatterns(sites: readonly SiteEntry[] = SITES): string[] {
  return sites.flatMap((site) =>
    site.hostnames.flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]),
  );
}

/** The registry entry whose hostname is `hostname` or a parent domain of it. */
export function findSite(hostname: string, sites: readonly SiteEntry[] = SITES): SiteEntry | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return sites.find((site) => site.hostnames.some((h) => host === h || host.endsWith(`.${h}`)));
}
