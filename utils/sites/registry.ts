/**
 * The news sites Foreign Desk supports out of the box: one entry per site. The content script is
 * declared for these hostnames; any other site works through the generic detection once the
 * reader enables it.
 */
export interface SiteEntry {
  /** Stable id used in settings. */
  id: string;
  /**
   * Publisher name as our readers know it: in Latin letters, since they do not read the site's
   * language ("Mainichi Shimbun", not "毎日新聞").
   */
  publisher: string;
  /** Hostnames without `www.`; subdomains match too. */
  hostnames: string[];
  /** BCP 47 language of the site's articles. */
  lang: string;
}

export const SITES: readonly SiteEntry[] = [
  // Spanish
  { id: 'elpais', publisher: 'El País', hostnames: ['elpais.com'], lang: 'es' },
  { id: 'elmundo', publisher: 'El Mundo', hostnames: ['elmundo.es'], lang: 'es' },
  { id: 'abc-es', publisher: 'ABC', hostnames: ['abc.es'], lang: 'es' },
  { id: 'lavanguardia', publisher: 'La Vanguardia', hostnames: ['lavanguardia.com'], lang: 'es' },
  { id: 'clarin', publisher: 'Clarín', hostnames: ['clarin.com'], lang: 'es' },
  { id: 'infobae', publisher: 'Infobae', hostnames: ['infobae.com'], lang: 'es' },
  // German
  { id: 'spiegel', publisher: 'Der Spiegel', hostnames: ['spiegel.de'], lang: 'de' },
  { id: 'zeit', publisher: 'Die Zeit', hostnames: ['zeit.de'], lang: 'de' },
  { id: 'welt', publisher: 'Die Welt', hostnames: ['welt.de'], lang: 'de' },
  {
    id: 'sueddeutsche',
    publisher: 'Süddeutsche Zeitung',
    hostnames: ['sueddeutsche.de'],
    lang: 'de',
  },
  { id: 'tagesschau', publisher: 'tagesschau.de', hostnames: ['tagesschau.de'], lang: 'de' },
  { id: 'faz', publisher: 'Frankfurter Allgemeine Zeitung', hostnames: ['faz.net'], lang: 'de' },
  { id: 'derstandard', publisher: 'Der Standard', hostnames: ['derstandard.at'], lang: 'de' },
  { id: 'nzz', publisher: 'Neue Zürcher Zeitung', hostnames: ['nzz.ch'], lang: 'de' },
  { id: 'mz', publisher: 'Mitteldeutsche Zeitung', hostnames: ['mz.de'], lang: 'de' },
  // French
  { id: 'lemonde', publisher: 'Le Monde', hostnames: ['lemonde.fr'], lang: 'fr' },
  { id: 'lefigaro', publisher: 'Le Figaro', hostnames: ['lefigaro.fr'], lang: 'fr' },
  { id: 'liberation', publisher: 'Libération', hostnames: ['liberation.fr'], lang: 'fr' },
  { id: 'francetvinfo', publisher: 'franceinfo', hostnames: ['francetvinfo.fr'], lang: 'fr' },
  { id: 'lesoir', publisher: 'Le Soir', hostnames: ['lesoir.be'], lang: 'fr' },
  // Italian
  { id: 'corriere', publisher: 'Corriere della Sera', hostnames: ['corriere.it'], lang: 'it' },
  { id: 'repubblica', publisher: 'la Repubblica', hostnames: ['repubblica.it'], lang: 'it' },
  { id: 'lastampa', publisher: 'La Stampa', hostnames: ['lastampa.it'], lang: 'it' },
  // Portuguese
  { id: 'folha', publisher: 'Folha de S.Paulo', hostnames: ['folha.uol.com.br'], lang: 'pt' },
  { id: 'publico', publisher: 'Público', hostnames: ['publico.pt'], lang: 'pt' },
  { id: 'g1', publisher: 'g1', hostnames: ['g1.globo.com'], lang: 'pt' },
  // Dutch
  { id: 'nos', publisher: 'NOS', hostnames: ['nos.nl'], lang: 'nl' },
  { id: 'volkskrant', publisher: 'de Volkskrant', hostnames: ['volkskrant.nl'], lang: 'nl' },
  // Polish
  { id: 'gazeta-wyborcza', publisher: 'Gazeta Wyborcza', hostnames: ['wyborcza.pl'], lang: 'pl' },
  { id: 'rzeczpospolita', publisher: 'Rzeczpospolita', hostnames: ['rp.pl'], lang: 'pl' },
  // Russian and Ukrainian
  { id: 'meduza', publisher: 'Meduza', hostnames: ['meduza.io'], lang: 'ru' },
  { id: 'kommersant', publisher: 'Kommersant', hostnames: ['kommersant.ru'], lang: 'ru' },
  { id: 'pravda-ua', publisher: 'Ukrainska Pravda', hostnames: ['pravda.com.ua'], lang: 'uk' },
  // Japanese
  { id: 'asahi', publisher: 'Asahi Shimbun', hostnames: ['asahi.com'], lang: 'ja' },
  { id: 'nhk', publisher: 'NHK', hostnames: ['nhk.or.jp'], lang: 'ja' },
  { id: 'mainichi', publisher: 'Mainichi Shimbun', hostnames: ['mainichi.jp'], lang: 'ja' },
  { id: 'tokyo-np', publisher: 'Tokyo Shimbun', hostnames: ['tokyo-np.co.jp'], lang: 'ja' },
  // Chinese
  { id: 'people', publisher: 'People’s Daily', hostnames: ['people.com.cn'], lang: 'zh' },
  { id: 'udn', publisher: 'United Daily News', hostnames: ['udn.com'], lang: 'zh-Hant' },
  // Korean
  { id: 'chosun', publisher: 'Chosun Ilbo', hostnames: ['chosun.com'], lang: 'ko' },
  { id: 'yonhap', publisher: 'Yonhap', hostnames: ['yna.co.kr'], lang: 'ko' },
  { id: 'hankookilbo', publisher: 'Hankook Ilbo', hostnames: ['hankookilbo.com'], lang: 'ko' },
  // Arabic
  { id: 'aljazeera-ar', publisher: 'Al Jazeera', hostnames: ['aljazeera.net'], lang: 'ar' },
  { id: 'alarabiya', publisher: 'Al Arabiya', hostnames: ['alarabiya.net'], lang: 'ar' },
  // Turkish
  { id: 'hurriyet', publisher: 'Hürriyet', hostnames: ['hurriyet.com.tr'], lang: 'tr' },
  { id: 'sozcu', publisher: 'Sözcü', hostnames: ['sozcu.com.tr'], lang: 'tr' },
  { id: 'anadolu', publisher: 'Anadolu Ajansı', hostnames: ['aa.com.tr'], lang: 'tr' },
  // Scandinavian
  { id: 'aftenposten', publisher: 'Aftenposten', hostnames: ['aftenposten.no'], lang: 'no' },
  { id: 'dn-se', publisher: 'Dagens Nyheter', hostnames: ['dn.se'], lang: 'sv' },
  { id: 'politiken', publisher: 'Politiken', hostnames: ['politiken.dk'], lang: 'da' },
  // Czech
  { id: 'idnes', publisher: 'iDNES.cz', hostnames: ['idnes.cz'], lang: 'cs' },
];

/**
 * When the content script runs, on registry sites and on sites the reader adds alike. Chromium
 * runs `document_idle` scripts up to 200 ms after the DOM is parsed (at the page's load event if
 * sooner): at `document_end` the article is found and sent while images and ads still load, and
 * blocks the page adds later are picked up like any late ones. Firefox runs them at the load
 * event; there, detection during the load took twice as long as after it.
 */
export const CONTENT_SCRIPT_RUN_AT = { chrome: 'document_end', firefox: 'document_idle' } as const;

/**
 * One match pattern per registered hostname: `*://*.host/*` matches the host itself and its
 * subdomains, so `*://host/*` would only repeat it (and list the site twice in the prompt).
 */
export function siteMatchPatterns(sites: readonly SiteEntry[] = SITES): string[] {
  return sites.flatMap((site) => site.hostnames.map((host) => `*://*.${host}/*`));
}

/** The registry entry whose hostname is `hostname` or a parent domain of it. */
export function findSite(
  hostname: string,
  sites: readonly SiteEntry[] = SITES,
): SiteEntry | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return sites.find((site) => site.hostnames.some((h) => host === h || host.endsWith(`.${h}`)));
}
