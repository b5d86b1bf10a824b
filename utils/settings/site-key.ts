import { findSite } from '../sites/registry';

/** The key a site's mode is stored under: its registry id, else its hostname without `www.`. */
export function siteKey(hostname: string): string {
  return findSite(hostname)?.id ?? hostname.toLowerCase().replace(/^www\./, '');
}
