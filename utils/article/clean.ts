/**
 * Cleaning rules: which parts of a page are never article text (navigation, ads, share bars,
 * comments, teasers of other articles, captions, hidden nodes). Detection never changes the page,
 * so these are tests applied while walking it, not removals.
 */
import { isDateLine } from './published';
import { UNREAD_TAGS } from './tags';
import { nameTokens } from './text';

/** Elements whose whole subtree is never article text. Figures are read apart, as captions. */
const SKIP_TAGS = new Set([
  // Code, and ruby annotations: the reading of the characters beside them, printed small above them.
  ...UNREAD_TAGS,
  'SVG',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'INPUT',
  'TEXTAREA',
  'LABEL',
  'NAV',
  'FOOTER',
  'ASIDE',
  'FIGURE',
  'FIGCAPTION',
  'PICTURE',
  'IMG',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'OBJECT',
  'EMBED',
  'MENU',
  'DIALOG',
  'HEAD',
  'LINK',
  'META',
  'TITLE',
  'MATH',
]);

/** Roles of landmarks that are not the article. */
const SKIP_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'dialog',
  'alert',
  'menu',
  'menubar',
  'search',
  // A control's hint ("Join the conversation" over the comment count), shown on hover only.
  'tooltip',
]);

/** Strong words of boxes that are always short (never a comment thread or a teaser list). */
const BOX_BOILERPLATE = new Set([
  'share',
  'sharing',
  'sharebar',
  'social',
  'caption',
  'captions',
  'credit',
  'credits',
  'copyright',
  'byline',
  // Author boxes ("author-bio", "AuthorBox", "authorbox", "entry-author-info") present the writer,
  // not the story.
  'bio',
  'author',
  'authors',
  'authorbox',
  // Like buttons ("sd-like jetpack-likes-widget-wrapper") and their "Like this:" label.
  'likes',
  // Reader polls ask a question of their own beside the story.
  'poll',
  'polls',
  'survey',
]);
/**
 * A paywall's offer ("ia-paywall__checkout", "row paywall"). Sites also give the name to the
 * wrapper of the paid text itself: "paywallBlockedContent" says so, "hcf-paywall" holds pages of
 * paragraphs.
 */
const PAYWALL_BOILERPLATE = new Set(['paywall', 'regwall']);
/** Strong words of parts that can be long: comment threads and lists of other stories. */
const LONG_BOILERPLATE = new Set([
  'comment',
  'comments',
  // Comment sections named in the site's language.
  'kommentare',
  'commentaires',
  'comentarios',
  'commenti',
  'reacties',
  'komentarze',
  'disqus',
  'related',
  'relatedposts',
  'recommended',
]);
/**
 * Class/id words of boilerplate containers, matched as whole words after splitting camelCase, `-`
 * and `_` (so "ad" does not hit "head"). Strong words mark boilerplate even next to an article
 * word ("article-comments"); weak words only alone (a "content with-sidebar" layout is the page).
 */
const STRONG_BOILERPLATE = new Set([
  ...BOX_BOILERPLATE,
  ...LONG_BOILERPLATE,
  'recommendation',
  'recommendations',
  'newsletter',
  'outbrain',
  'taboola',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'breadcrumb',
  'breadcrumbs',
  'tagcloud',
  // A plea for donations ("DonationTeaser", "Artikel-Spende") asks for money, not about the story.
  'donate',
  'donation',
  'donations',
  'spende',
  'spenden',
  // Affiliate disclosures and disclaimers are the publisher's legal notes, not the story.
  'disclaimer',
  'disclosure',
  'affiliate',
]);
const WEAK_BOILERPLATE = new Set([
  'nav',
  'navbar',
  'navigation',
  'menu',
  'footer',
  'sidebar',
  'subscribe',
  'subscription',
  'promo',
  'promotion',
  'advert',
  'advertisement',
  'advertising',
  'ad',
  'ads',
  'adslot',
  'adunit',
  'banner',
  'sponsor',
  'sponsored',
  'popup',
  'modal',
  'overlay',
  'tags',
  'hidden',
  'print',
  'skip',
  'toolbar',
  'pagination',
  'pager',
  'login',
  'widget',
  'rating',
  'meta',
  'signup',
  'readmore',
  // Embedded social posts ("twitter-tweet", "instagram-media"); themes also borrow these names
  // for the post itself ("instagram-media post-template-content"), hence weak.
  'tweet',
  'instagram',
  'tiktok',
]);

/** Paragraph text (characters) no caption or author box holds: past it, the box is a wrapper. */
const MAX_BOX_PARAGRAPHS = 1500;
/**
 * Share bars and like buttons hold a prompt at most ("Share this article"), not a paragraph of
 * this length: past it, the element wraps the article ("documentContent__sharingContainer").
 */
const MAX_SHARE_PARAGRAPHS = 600;
const SHARE_BOILERPLATE = new Set(['share', 'sharing', 'sharebar', 'social', 'likes']);

/** Words that mark the article itself. */
const ARTICLE_TOKENS = new Set([
  'article',
  'body',
  'content',
  'entry',
  'story',
  'text',
  'post',
  'main',
]);

/**
 * Utility class names that hide an element in every common CSS framework, or move it off screen
 * for screen readers only (Drupal's element-invisible, the BBC's off-screen "Image caption").
 */
const HIDDEN_CLASS_RE =
  /(?:^|\s)(?:hidden|d-none|is-hidden|(?:u-)?visually-hidden|visuallyhidden|sr-only|screen-reader-text|off-?screen|element-invisible)(?=\s|$)/;

export function isHidden(el: Element): boolean {
  // aria-hidden hides from screen readers only; React streams server-rendered chunks into
  // `<div hidden id="S:1">` that its script moves into place, so those are content.
  if (el.hasAttribute('hidden') && !/^S:\d/.test(el.id)) return true;
  const className = el.getAttribute('class');
  if (className && HIDDEN_CLASS_RE.test(className)) return true;
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * Weak boilerplate: a "sidebar" or "ad" word alone. Such a name on a wrapper far above the article
 * ("sidebar-grid__container") is layout, so it only counts below the chosen body container.
 */
export function isWeakBoilerplate(el: Element): boolean {
  const tokens = nameTokens(el);
  return tokens.some((t) => WEAK_BOILERPLATE.has(t)) && !tokens.some((t) => ARTICLE_TOKENS.has(t));
}

/**
 * The page's main content: `main, [role="main"], [itemprop="articleBody"]`, tested by hand, as
 * such selectors are slow in jsdom.
 */
function isMainContent(el: Element): boolean {
  return (
    el.tagName === 'MAIN' ||
    el.getAttribute('role') === 'main' ||
    el.getAttribute('itemprop') === 'articleBody'
  );
}
const LANDMARK_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE']);

/**
 * Whether an element and everything in it is never article text, wherever it is, as judged in
 * one detection run.
 */
export type BoilerplateTest = (el: Element) => boolean;

/**
 * The boilerplate test of one detection run on a document, given its elements in document order
 * (the run's index of them: no second walk of the page). Each pass asks about the same elements,
 * so it remembers its answers and what it measured of the page; the next run (paragraphs that
 * arrived late) makes a new one, as the page may have changed in between.
 */
export function boilerplateTest(elements: readonly Element[]): BoilerplateTest {
  const page = new PageMeasures(elements);
  const known = new WeakMap<Element, boolean>();
  return (el) => {
    let judged = known.get(el);
    if (judged === undefined) {
      judged = judgeBoilerplate(el, page);
      known.set(el, judged);
    }
    return judged;
  };
}

/** What the boilerplate rules measure of a page, each measured once. */
class PageMeasures {
  readonly #elements: readonly Element[];
  #mainHolders: Set<Element> | null = null;
  readonly #paragraphLengths = new WeakMap<Element, number>();

  constructor(elements: readonly Element[]) {
    this.#elements = elements;
  }

  /**
   * Landmarks that hold the page's main content are wrappers, whatever they say: broken markup
   * (an unclosed `<header role="banner">`) or an odd template (the story in an `<aside>`) puts it
   * there.
   */
  holdsMainContent(el: Element): boolean {
    if (!this.#mainHolders) {
      // Found once: asking each element for a main landmark inside it costs a walk of its
      // subtree, for every wrapper on the way down.
      const holders = new Set<Element>();
      for (const main of this.#elements)
        if (isMainContent(main))
          for (let a = main.parentElement; a && !holders.has(a); a = a.parentElement)
            holders.add(a);
      this.#mainHolders = holders;
    }
    return this.#mainHolders.has(el);
  }

  /** Paragraph text (characters) under an element, stopping early once past the box limit. */
  paragraphLength(el: Element): number {
    let length = this.#paragraphLengths.get(el);
    if (length !== undefined) return length;
    length = 0;
    for (const p of Array.from(el.getElementsByTagName('p'))) {
      length += (p.textContent ?? '').length;
      if (length >= MAX_BOX_PARAGRAPHS) break;
    }
    this.#paragraphLengths.set(el, length);
    return length;
  }
}

/** A microdata value written out as text, shown to no reader: `<div itemprop="image">https://…`. */
const URL_TEXT_RE = /^\s*https?:\/\/\S+\s*$/;

/** Microdata that describes the page rather than telling the story. */
function isMicrodataValue(el: Element): boolean {
  const itemprop = el.getAttribute('itemprop');
  if (!itemprop) return false;
  // The publishing organisation's name, logo and address.
  if (itemprop === 'publisher' && !el.querySelector('h1, p')) return true;
  // A value is a leaf (reading a whole articleBody's text here would cost); a link is shown,
  // whatever it says.
  return el.childElementCount === 0 && el.tagName !== 'A' && URL_TEXT_RE.test(el.textContent ?? '');
}

function judgeBoilerplate(el: Element, page: PageMeasures): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) && !(LANDMARK_TAGS.has(tag) && page.holdsMainContent(el))) return true;
  if (isHidden(el) || isMicrodataValue(el)) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role) && !page.holdsMainContent(el)) return true;
  // The page's own article and main landmarks are never boilerplate by their class names.
  if (el.getAttribute('itemprop') === 'articleBody' || /^(ARTICLE|MAIN|BODY)$/.test(el.tagName))
    return false;
  // A form asks something of the reader: to register, sign up, comment or search. One holding the
  // headline or pages of paragraphs is the page itself (ASP.NET wraps every page in a <form>).
  if (
    tag === 'FORM' &&
    !page.holdsMainContent(el) &&
    !el.querySelector('article, h1') &&
    page.paragraphLength(el) < MAX_BOX_PARAGRAPHS
  )
    return true;
  const tokens = nameTokens(el);
  // `hentry` (the hAtom microformat) marks a blog entry; its other classes name its taxonomy.
  if (tokens.includes('hentry')) return false;
  if (
    tokens.some((t) => PAYWALL_BOILERPLATE.has(t)) &&
    // A paragraph so named is the metered text itself (TechRadar's <p class="paywall">); a note
    // asking to subscribe is told by its words (PAYWALL_NOTE_RE).
    el.tagName !== 'P' &&
    !tokens.some((t) => ARTICLE_TOKENS.has(t)) &&
    !page.holdsMainContent(el) &&
    page.paragraphLength(el) < MAX_BOX_PARAGRAPHS &&
    // An offer holds no story: "row non-paywall" around the <article> and its <h1> is layout.
    !el.querySelector('article, h1')
  )
    return true;
  if (!tokens.some((t) => STRONG_BOILERPLATE.has(t))) return false;
  // A wrapper around <main> is the page, whatever its name ("theme-taboola").
  if (page.holdsMainContent(el)) return false;
  // Share bars, captions and consent boxes are short: one holding pages of paragraphs is the
  // article's wrapper carrying a feature's name ("entry share", "sharing-container"), and so is
  // one holding the page's headline and its paragraphs (a short story's page named
  // "right-column-shift caption"; a headline box alone may be named "caption"), and one holding
  // the headline that its name also calls the headline's (NBC's "headline_byline").
  if (tokens.some((t) => BOX_BOILERPLATE.has(t)) && !tokens.some((t) => LONG_BOILERPLATE.has(t)))
    return (
      !(el.querySelector('h1') && (el.querySelector('p') || tokens.includes('headline'))) &&
      page.paragraphLength(el) <
        (tokens.every((t) => !BOX_BOILERPLATE.has(t) || SHARE_BOILERPLATE.has(t))
          ? MAX_SHARE_PARAGRAPHS
          : MAX_BOX_PARAGRAPHS)
    );
  return true;
}

/**
 * Picture agencies and photo libraries, as credits name them after a slash ("… / picture
 * alliance") or in brackets ("(AP Photo/Alan Diaz)").
 */
export const PHOTO_AGENCY =
  'getty ?images?|shutterstock|picture[ -]alliance|unsplash|flickr|imago|istock(?:photo)?|adobe ?stock|pixabay|depositphotos|alamy|dpa|afp|reuters|associated press|ap photo|anadolu|europa press|keystone|epa';
/**
 * A photo credit written after the caption's text: "Foto: dpa", "(Photo: Reuters)", "| © AP",
 * "/ (C) Kab Niang", "Photograph by Jane Doe", "Źródło: PAP", "… / Kevin Voigt/GettyImages".
 * Matched from the start, the whole line is a credit.
 */
export const TRAILING_CREDIT_RE = new RegExp(
  String.raw`\s*(?:[([]?\s*(?:(?:foto|bild)(?:quelle|nachweis|rechte)|foto|photo|fotos|photos|photograph|bild|image|picture|credit|©|copyright|quelle|source|źródło|fuente|fonte|imagen|crédito)\s*[:©]\s*[^()[\]]{1,80}[)\]]?|photograph(?:ed)? by\s+[^()[\]]{1,80}|©\s*[^©]{1,80}|(?:^|\s)[/|]\s*\(c\)\s*[^©]{1,80}|(?:^|\s)[/|]\s[^|()[\]]{0,40}?(?<![\p{L}\p{N}])(?:${PHOTO_AGENCY})(?![\p{L}\p{N}])[^|()[\]]{0,40})$`,
  'iu',
);
/**
 * How a line that is all credit starts: each of TRAILING_CREDIT_RE's alternatives, past its
 * leading spaces. A long paragraph can only be a credit from its start, and most start otherwise:
 * this anchored test spares them the unanchored search, which tries every position.
 */
const CREDIT_LINE_START_RE =
  /^\s*(?:[([/|©]|foto|bild|photo|image|picture|credit|crédito|copyright|quelle|source|źródło|fuente|fonte)/iu;
/** A figure's caption set in the text: "Abbildung 4: …", "Fig. 2: …", "Abb.: …", "Table 1: …". */
const FIGURE_CAPTION_RE =
  /^(?:abbildung|abb\.|figure|fig\.|grafik|chart|figura|gráfico|tabelle|table)\s*\d*\s*:/iu;
/** The publisher's copyright notice: "© 2022 Site. This article is the copyrighted property…". */
const COPYRIGHT_RE = /^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))/iu;
/**
 * A caption or a notice set in the text flow is a sentence or two; a paragraph of the story this
 * long may end with a picture's credit or open with a figure's number yet is prose.
 */
const MAX_NOTE_LENGTH = 300;

/** A photo's caption ending with its credit ("Lee Elder, 1975. | © Getty Images"). */
export function isCreditedCaption(text: string): boolean {
  return text.length <= MAX_NOTE_LENGTH && (TRAILING_CREDIT_RE.exec(text)?.index ?? 0) > 0;
}

/**
 * The filing of a post, in a few languages: its category, tags or topics ("Kategorie: News",
 * "Tags: …", "Filed under …"), which name the site's sections, not the story.
 */
const FILING_RE =
  /^(?:categor(?:y|ies|ía|ías|ia|ie)|catégories?|kategori(?:e|en|a)|rubri(?:k|que)|themen|topics|tags|etiquetas|étiquettes|schlagw(?:orte|örter)|stichw(?:orte|örter)|tagi)\s*:|^(?:filed under|posted in|abgelegt unter|publié dans)\b/iu;
/**
 * A media library's line for a clip: its length and how long it stays online ("00:21 Min.
 * Verfügbar bis 22.04.2026"), or a teaser closing on its length ("… 18.04.2024 | 0:21 min").
 */
const CLIP_LINE_RE =
  /\d{1,2}:\d{2}(?::\d{2})?\s*min\.?\s+verfügbar bis|\|\s*\d{1,2}:\d{2}(?::\d{2})?\s*min\.?$/iu;
/**
 * The story's reading time, alone or closing its dateline ("Published Aug 28, 2024 • 4 minute
 * read", "Lesedauer: 4 Minuten", "1 minuti di lettura", "Temps de lecture : 4 min").
 */
const READING_TIME_RE =
  /\d+\s*-?\s*(?:min(?:ute)?s?|minuti|minutos|minuten)\.?\s*(?:read|di lettura|de lectura|de leitura|de lecture|lesezeit)|(?:lesedauer|lesezeit|reading time|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura)\s*:?\s*(?:ca\.\s*)?\d/iu;
/** A dateline with the story's reading time is a line; a sentence naming one runs longer. */
const MAX_READING_TIME_LINE = 120;
/** A box the site lays over the page, read from its close button on ("✕ Sie waren inaktiv…"). */
// Not "×", which also multiplies.
const CLOSE_BUTTON_RE = /^[✕✖✗╳]\s/u;
/** Longer than this, a line opening with such a word is a sentence. */
const MAX_FILING_LINE = 100;

/**
 * The label over links to other stories, in a few languages ("Lesen Sie auch:", "Mehr zum Thema
 * Hitzeschäden", "Related Recipes", "Lue myös:"): the links go, the label stays behind alone.
 */
const READ_MORE_LABELS = [
  'read (?:more|also)',
  'see also',
  'related',
  'more on this',
  'you (?:may|might) also like',
  'lesen sie (?:auch|mehr)',
  'mehr zum thema',
  '(?:auch|ebenfalls) interessant',
  'das könnte sie (?:auch )?interessieren',
  'zum weiterlesen',
  'schon gelesen\\?',
  'weitere (?:beiträge|artikel|nachrichten)',
  'neueste (?:beiträge|artikel|nachrichten)',
  '(?:à )?lire aussi',
  'voir aussi',
  'vous aimerez aussi',
  'le(?:e|er|a) (?:también|más)',
  '(?:también )?te puede interesar',
  'potrebbe interessarti',
  'vea también',
  'leggi anche',
  'le(?:ia|ja) também',
  'veja também',
  'lue myös',
  'läs också',
  'les også',
  'læs også',
  'lees ook',
  'czytaj (?:też|także|również)',
  'přečtěte si také',
  'читайте также',
];
/** The label with a word or two ("Related Recipes"), or a few before a colon: not a sentence. */
const READ_MORE_RE = new RegExp(
  `^(?:${READ_MORE_LABELS.join('|')})(?!\\p{L})` +
    `(?:(?:\\s+[^\\s.!?,;]+){0,2}|(?:\\s+[^\\s.!?,;]+){0,4}\\s*(?::|\\.{3}|…))$`,
  'iu',
);

/**
 * Calls to subscribe, sign up, download or join, in a few languages ("Abonnieren Sie unseren
 * Newsletter", "Síguenos en Telegram", "Zapraszamy do subskrypcji"): with a channel named in the
 * same sentence, they advertise the site, not the story.
 */
const PROMPT_VERBS = [
  'subscribe',
  'sign(?:ing)? up',
  'download',
  'join',
  'abonnier(?:e|en|t)',
  'folg(?:e|t|en Sie) (?:uns|mir)',
  'meld(?:e dich|en Sie sich)',
  'anmelden',
  'suscr[ií]b(?:e|ete|ase|irse|irte)',
  's[ií]gu(?:e|en)nos',
  'seguir a',
  '[úu]nete',
  'abonnez-vous',
  'suivez-nous',
  'inscrivez-vous',
  'iscriviti',
  'seguici',
  'subskrypcji',
  'subskrybuj',
  'obserwuj',
  'siga-nos',
  'assine',
];
/** Where the site asks readers to follow it; only the start is matched ("Youtubekanal"). */
const PROMPT_CHANNELS = [
  'newsletter',
  'apps?(?!\\p{L})',
  'edition',
  'ausgabe',
  'e-?paper',
  'channel',
  'kanal',
  'canal',
  'twitter',
  'facebook',
  'instagram',
  'telegram',
  'whatsapp',
  'youtube',
  'google news',
  'podcast',
  'rss',
];
const PROMPT_VERB = `(?<!\\p{L})(?:${PROMPT_VERBS.join('|')})(?!\\p{L})`;
const PROMPT_CHANNEL = `(?<!\\p{L})(?:${PROMPT_CHANNELS.join('|')})`;
const PROMPT_RE = new RegExp(
  `${PROMPT_VERB}[^.!?]*${PROMPT_CHANNEL}|${PROMPT_CHANNEL}[^.!?]*${PROMPT_VERB}`,
  'iu',
);
/**
 * A verb and a channel each at a word's start, tested before PROMPT_RE: compiling its letter
 * bounds (on first use) costs a page's first detection some 20 ms, and most pages' lines hold
 * no such pair. Looser than PROMPT_RE (no Latin letter before, where it wants no letter at all),
 * so every line PROMPT_RE matches passes both.
 */
const PROMPT_HINTS = [PROMPT_VERBS, PROMPT_CHANNELS].map(
  (words) => new RegExp(`(?<![a-z])(?:${words.join('|')})`, 'iu'),
);
/**
 * The same in scripts written without spaces, where words have no boundaries to match: "點我下載
 * APP" (tap to download the app), "LINEで友だち登録", "채널 구독".
 */
const NO_SPACE_PROMPT_VERB =
  '(?:下載|下载|訂閱|订阅|關注|关注|ダウンロード|フォロー|登録|購読|구독|다운로드|팔로우)';
const NO_SPACE_PROMPT_CHANNEL =
  '(?:app|アプリ|앱|ニュースレター|メルマガ|line|微信|微博|頻道|频道|チャンネル|채널|newsletter|youtube|facebook|twitter|instagram|telegram)(?![a-z])';
const NO_SPACE_PROMPT_RE = new RegExp(
  `${NO_SPACE_PROMPT_VERB}[^。！？.!?]{0,20}${NO_SPACE_PROMPT_CHANNEL}|${NO_SPACE_PROMPT_CHANNEL}[^。！？.!?]{0,20}${NO_SPACE_PROMPT_VERB}`,
  'iu',
);
/** "Follow us on Twitter", "Follow The Gleaner on Instagram", "follow him @jdoe". */
const FOLLOW_RE =
  /(?<!\p{L})[Ff]ollow (?:us|me|him|her|them|\p{Lu}\S*(?: \p{Lu}\S*){0,2})(?= on | @)/u;
/**
 * A paywall's note in the text flow, asking to subscribe or log in to read on ("To view the full
 * story, please subscribe", "Already a subscriber?", "Jetzt abonnieren und weiterlesen").
 */
const PAYWALL_NOTE_RE = new RegExp(
  [
    '(?:subscribe|log ?in|sign ?in)(?: now| today)? to (?:read|view|continue|access|unlock)',
    'to (?:read|view|access|unlock) (?:the full|the rest|the whole|this)[^.!?]{0,40}(?:subscribe|log ?in|sign ?in)',
    'already a subscriber',
    // A gate's offer: "Join Fox News for access to this content".
    'for (?:free |full )?access to this (?:content|article|story)',
    'create (?:a |an |your )?(?:free )?account to (?:continue|read|keep)',
    // The comment box's note: "Sign up (it's quick and free) or sign in now".
    'sign up[^.!?]{0,40} or (?:sign|log) ?in',
    'abonnieren und weiterlesen|bereits abonnent',
    'abonnez-vous pour (?:lire|continuer)|déjà abonné',
    'suscr[ií]bete para (?:seguir|leer|continuar)|ya eres suscriptor',
    'abbonati per (?:leggere|continuare)|sei già abbonato',
    'assine para (?:ler|continuar)|já é assinante',
    'al abonnee\\?|word abonnee',
    // Japanese: "this article is for members only", "to read on".
    'この記事は(?:有料)?会員限定|続きを読むには',
    // A shared login's dialog: "Your subscription is being used on another device".
    '(?:subscription|account|suscripción|cuenta|abonnement|compte|abo|konto|assinatura|conta|abbonamento) (?:is (?:being|currently) used|se está usando|est (?:déjà )?utilisée?|wird (?:gerade )?(?:genutzt|verwendet)|è in uso|está sendo usad[ao]) (?:on|en|sur|auf|su|em) (?:another|other|otro|un autre|einem anderen|un altro|outro) (?:device|dispositivo|appareil|gerät)',
  ].join('|'),
  'iu',
);
/**
 * The page's own controls and appeals written as text: a share or comment prompt ("Möchten Sie den
 * Artikel teilen?", "Kommentare schreiben", "Leave a reply"), the reader's login state ("Sie sind
 * aktuell nicht eingeloggt."), a captcha's note, an appeal to support the site.
 */
const READER_PROMPT_RE = new RegExp(
  [
    "(?:den |diesen )?artikel teilen\\?|^share this (?:article|story|post)|^partager (?:cet|l')article",
    '^(?:kommentare? (?:schreiben|anzeigen)|diskutieren sie mit|write a comment|leave a (?:comment|reply)|post a comment|laisser un commentaire|deja un comentario)',
    '^(?:sie sind|du bist) (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)|^you are not logged in',
    'reload captcha|captcha neu laden',
    'if you (?:enjoyed|liked?) (?:reading )?this (?:post|article|story)|would you consider supporting',
    'hat ihnen (?:dieser|der|unser) (?:artikel|beitrag|text) gefallen\\?|vous avez aimé cet article|te ha gustado (?:este|el) artículo|ti è piaciuto (?:questo|l.)articolo',
    // A WordPress theme's line under the post: "…responses to this entry through the RSS 2.0 feed."
    '(?:comments and pings are|kommentare und pings sind) (?:currently|derzeit) (?:closed|geschlossen)|responses to this entry through the rss|antworten zu diesem eintrag durch den rss',
    // A comment box's gate: "You must confirm your public display name before commenting".
    'you must [^.!?]{0,60}(?:before commenting|to (?:post a )?comment)',
    // The newsroom's tip line: "Got a story? Get in touch with our news team by emailing us at…".
    '^(?:got|have you got|do you have) a (?:story|news tip)(?: for us)?\\?|have (?:a|any) news tips?\\b|^we(?:.d| would)? (?:want|like|love) to hear from you',
    'get in touch with our (?:news ?team|newsroom|news ?desk)|get in touch (?:at|via) [^\\s@]+@',
    // Google's "Add us as a preferred source on Google".
    'as (?:a )?preferred source on google',
    // A pitch under the story: "Support independent journalism by subscribing to our…".
    'support (?:independent |quality |local |our )?journalism by (?:subscribing|becoming a (?:subscriber|member))',
  ].join('|'),
  'iu',
);
/**
 * The placeholder of an embed the reader has not yet agreed to load (a "two-click" video or
 * tweet): "Empfohlener redaktioneller Inhalt", "An dieser Stelle finden Sie einen externen
 * Inhalt…", "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden."
 */
const EMBED_CONSENT_RE = new RegExp(
  [
    '^empfohlener redaktioneller inhalt$',
    '^ein klick für den datenschutz$',
    'ich bin damit einverstanden, dass mir',
    '\\bfind(?:en|est|et) (?:du|sie|ihr)\\b.{0,80}\\bexternen inhalt',
    'personenbezogene daten (?:können|werden) an drittplattformen',
    '\\bexternen? inhalte? (?:laden|anzeigen|einbinden|erlauben|zulassen)',
    'externen inhalten zustimmen',
    // The Borlabs consent box of WordPress sites: "Mit dem Laden des Videos akzeptieren Sie…".
    'mit dem laden (?:des|der) \\p{L}+ akzeptieren sie',
    'by loading the \\p{L}+,? you (?:agree to|accept)',
    '^(?:show|load|allow) (?:external|third[- ]party) content',
    'you (?:agree|consent) to (?:the display of|be(?:ing)? shown|load(?:ing)?) (?:external|third[- ]party) content',
  ].join('|'),
  'iu',
);
/**
 * The site's notes on the reader's data, left in the text flow by a banner or a form: a cookie
 * notice ("Diese Website verwendet Cookies", "Our website uses cookies…"), a form's terms ("By
 * clicking Create Account you confirm…", "This site is protected by reCAPTCHA…") and a sign-up
 * box's pitch ("…special offers, promotions and adverts from us and our partners").
 */
const DATA_NOTICE_RE = new RegExp(
  [
    '(?:we|this (?:web)?site|our (?:web)?site) uses? cookies',
    '(?:verwenden|nutzen|setzen) wir cookies|diese (?:web)?seite (?:verwendet|nutzt) cookies',
    'stimmen sie der (?:verwendung|nutzung) von cookies zu',
    'you (?:agree|consent) to (?:the|our) use of cookies',
    '(?:ce site|nous) utilis(?:e|ons) des cookies',
    '(?:utilizamos|usamos) cookies|este sitio (?:web )?(?:utiliza|usa) cookies',
    'questo sito (?:web )?utilizza (?:i )?cookie|utilizziamo (?:i )?cookie',
    'protected by recaptcha',
    'by clicking [^.!?]{0,40}?,? you (?:confirm|agree|accept)',
    'by (?:signing up|subscribing|registering)[^.!?]{0,40},? you agree',
    '(?:offers|promotions)[^.!?]{0,30} from us and our partners',
    'would like to (?:be emailed|receive emails?) (?:about|from)',
    // A sign-up form's error message, printed in the page for when it is needed.
    '^please (?:enter|provide) a valid e-?mail',
    'scan the qr code to (?:receive|get|join|follow)',
  ].join('|'),
  'iu',
);
/**
 * Words each of the notices below holds, whatever else it says, tested before the notices' own
 * patterns: compiling those (on first use) costs a page's first detection several milliseconds,
 * and most lines hold none of these words. Same flags, so every line a pattern matches passes
 * its hint.
 */
const CONSENT_HINT_RE = new RegExp(
  [
    // EMBED_CONSENT_RE
    'inhalt|datenschutz|einverstanden|drittplattformen|akzeptieren sie|by loading the|content',
    // DATA_NOTICE_RE
    'cookie|recaptcha|by clicking|you agree|from us and our partners|would like to|qr code|valid e-?mail',
  ].join('|'),
  'iu',
);
const READER_PROMPT_HINT_RE = new RegExp(
  [
    'teilen\\?|share this|partager|kommentar|diskutieren sie mit|comment|leave a|comentario',
    'nicht eingeloggt|nicht angemeldet|logged in|captcha|this (?:post|article|story)',
    'consider supporting|gefallen\\?|aimé cet article|gustado|piaciuto|pings|through the rss|durch den rss',
    'a story|news tip|hear from you|get in touch|preferred source|journalism by',
  ].join('|'),
  'iu',
);
const PAYWALL_NOTE_HINT_RE = new RegExp(
  [
    'subscribe|log ?in|sign ?in|sign up|account|abonn|suscr[ií]bete para|suscriptor|abbonat|assin',
    'この記事は|続きを読むには|device|dispositivo|appareil|gerät|access to this',
  ].join('|'),
  'iu',
);
/** An embed's consent note spells out the privacy terms: a paragraph, yet never the story's. */
const MAX_CONSENT_NOTE_LENGTH = 500;
/** A note for readers with scripts off ("Bitte aktivieren Sie Javascript", "Please enable JavaScript"). */
const SCRIPT_NOTE_RE =
  /(?:enable|activate|turn on|aktivieren sie|activez|activa|attiva) (?:le |el |your |ihr )?javascript|javascript (?:is )?(?:disabled|required)|javascript (?:aktivieren|einschalten)/iu;
/** A prompt is a line or two: a longer paragraph naming a newsletter is the story's prose. */
const MAX_PROMPT_LENGTH = 250;
/** The same in Chinese, Japanese or Korean, where a character carries more. */
const MAX_NO_SPACE_PROMPT_LENGTH = 80;

/**
 * Lines in the text flow that are never the story, whatever element holds them: a photo credit
 * ("Foto: dpa", "Photograph by Jane Doe") and a photo's caption ending with one, set as a
 * paragraph beside the picture; a figure's caption; a copyright notice; the post's filing
 * ("Kategorie: News"); a dateline that is only a date and a few words ("Stand: 5. Februar 2020",
 * "Posted on May 7, 2021 by Admin"); a prompt to subscribe or follow the site ("Follow us on
 * Twitter", "Abonnieren Sie unseren Newsletter") or to pay for the rest of the story.
 */
export function isBoilerplateLine(text: string, lang: string): boolean {
  // A whole line that is a credit, or a short caption ending with one.
  if (
    text.length <= MAX_NOTE_LENGTH
      ? TRAILING_CREDIT_RE.test(text)
      : CREDIT_LINE_START_RE.test(text) && TRAILING_CREDIT_RE.exec(text)?.index === 0
  )
    return true;
  if (text.length <= MAX_NOTE_LENGTH && (FIGURE_CAPTION_RE.test(text) || COPYRIGHT_RE.test(text)))
    return true;
  if (text.length <= MAX_FILING_LINE && (FILING_RE.test(text) || READ_MORE_RE.test(text)))
    return true;
  if (text.length <= MAX_NOTE_LENGTH && (CLIP_LINE_RE.test(text) || CLOSE_BUTTON_RE.test(text)))
    return true;
  if (text.length <= MAX_READING_TIME_LINE && READING_TIME_RE.test(text)) return true;
  return isNotice(text) || isDateLine(text, lang);
}

/**
 * A line the site writes to the reader, not about the story: a prompt to follow or subscribe, a
 * paywall's or comment box's note, a cookie or consent notice, a request to turn on JavaScript.
 * Wherever it sits, in the text or under a picture, it is never the article's.
 */
export function isNotice(text: string): boolean {
  if (
    text.length <= MAX_CONSENT_NOTE_LENGTH &&
    CONSENT_HINT_RE.test(text) &&
    (EMBED_CONSENT_RE.test(text) || DATA_NOTICE_RE.test(text))
  )
    return true;
  return (
    text.length <= MAX_PROMPT_LENGTH &&
    ((PROMPT_HINTS.every((re) => re.test(text)) && PROMPT_RE.test(text)) ||
      (text.length <= MAX_NO_SPACE_PROMPT_LENGTH && NO_SPACE_PROMPT_RE.test(text)) ||
      FOLLOW_RE.test(text) ||
      (READER_PROMPT_HINT_RE.test(text) && READER_PROMPT_RE.test(text)) ||
      (PAYWALL_NOTE_HINT_RE.test(text) && PAYWALL_NOTE_RE.test(text)) ||
      SCRIPT_NOTE_RE.test(text))
  );
}
