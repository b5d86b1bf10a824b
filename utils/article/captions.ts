/**
 * Photo captions of the article, with the photo credit kept apart: `<figcaption>`, `itemprop=
 * "caption"` and elements whose class says caption, inside the article (not in teasers of other
 * articles, which sit inside links or related-content boxes).
 */
import type { Caption } from './types';
import { isHidden, isNotice, PHOTO_AGENCY, TRAILING_CREDIT_RE } from './clean';
import { BY_WORD } from './byline';
import { HEADING_SELECTOR, UNLINKED_INLINE_TAGS, UNREAD_TAGS } from './tags';
import { pauseDue, type Steps } from './steps';
import { collapse, descendantSteps, nameTokens, textLongerThan, weightedLength } from './text';

const CAPTION_TOKENS = new Set([
  'caption',
  'figcaption',
  'legend',
  'bildunterschrift',
  'imagecaption',
]);
const CREDIT_TOKENS = new Set([
  'credit',
  'credits',
  'copyright',
  'source',
  'photographer',
  'author',
  'byline',
  'rights',
  'courtesy',
  'quelle',
  // German newsrooms' words for the picture credit.
  'bildautor',
  'bildnachweis',
  'bildquelle',
  'fotograf',
]);
/** Class words of a photo gallery's slide, and of the text that describes its photo. */
const SLIDE_TOKENS = new Set(['carousel', 'slide', 'slideshow', 'gallery']);
const DESCRIPTION_TOKENS = new Set(['description', 'desc']);
/** Containers of other articles' teasers: captions in them are not this article's. */
const FOREIGN_TOKENS = new Set([
  'related',
  'author',
  'authors',
  'byline',
  'avatar',
  'newsletter',
  'teaser',
  'recommended',
  'recommendations',
  'promo',
  'more',
  'latest',
  'popular',
  'trending',
  'nav',
  'footer',
  'sidebar',
  'ad',
  'ads',
  'advert',
  'advertisement',
  'paywall',
]);
/**
 * Class words of a box that holds a photo. A box named both for a photo and for a teaser, a
 * sidebar or an ad slot is the photo's own ("teaser-image" for the story's lead photo,
 * "post-img ads-top-after" marking where an ad goes after it).
 */
const PHOTO_BOX_TOKENS = new Set(['image', 'img', 'photo', 'picture', 'figure', 'media']);
const MAX_CAPTION_LENGTH = 1000;
/** An author's portrait is captioned with the byline ("Von Eva Muster", "By Jane Doe"). */
const BYLINE_RE = new RegExp(`^${BY_WORD}\\s+\\p{Lu}[\\p{Ll}\\p{Lu}'’.-]*(?:\\s|,|$)`, 'u');
const MAX_BYLINE_LENGTH = 100;
/**
 * Utility classes setting a type style ("text-caption", "md:font-caption") say how text looks,
 * not that it is a caption: design systems use them for datelines, bylines and form notes too.
 */
const TYPE_UTILITY_RE = /^(?:[\w-]+:)?(?:text|font|type|typo|typography)-caption/i;
const CAPTION_WORD_RE = /caption|legend|bildunterschrift/i;
/** Class/id words of a pull quote, whose portrait and name are not a photo caption. */
const QUOTE_TOKENS = new Set(['quote', 'quotes', 'pullquote', 'blockquote', 'zitat', 'citation']);
/** Unnamed captions: a text of a few words to a few sentences, in these elements. */
const UNNAMED_TAGS = new Set(['P', 'SPAN', 'DIV']);
const MIN_UNNAMED_LENGTH = 20;
const MIN_UNNAMED_WORDS = 4;
const MAX_UNNAMED_LENGTH = 400;
/**
 * Boxes of pictures that are not photos with a caption: teasers (a heading or a link), players
 * and sign-up or comment prompts (controls).
 */
const NOT_CAPTION_BOX = `${HEADING_SELECTOR}, input, form, video, iframe`;
/** A video's duration ("4:11 …"), a label ("Author of the article:") or a cut bio ("… is"). */
const NOT_CAPTION_TEXT_RE = /^\d{1,2}:\d{2}\b|:$|^(?:\.\.\.|…)/u;
/** Class/id words of boxes around a picture that is no photo with a caption: players, prompts. */
const NOT_PHOTO_TOKENS = new Set([
  'video',
  'player',
  'subscribe',
  'subscription',
  'signup',
  'paywall',
  'login',
  'comment',
  'comments',
]);
/**
 * Class words of a caption's own controls ("hide caption", "toggle caption", "Vis mer"): their
 * label is not part of the caption. A state word ("hide", "show") also names whole boxes
 * ("p402_hide" around a figure), so it marks a control only around a label of a few words.
 */
const CONTROL_TOKENS = new Set(['toggle', 'btn', 'button']);
const CONTROL_STATE_TOKENS = new Set(['hide', 'show', 'expand', 'close']);
const MAX_CONTROL_WORDS = 3;
/** How deep in its box a picture may be wrapped (picture, ratio and lazy-load spans). */
const PICTURE_DEPTH = 5;
/** A line this much of digits is a date or a count, not a description. */
const MAX_DIGIT_SHARE = 0.3;
/** Pictures declared smaller than this (px) are icons, logos and avatars. */
const MIN_PHOTO_SIZE = 100;
/** A caption's box holds the caption, its credit and the picture: this many characters more. */
const CAPTION_BOX_SLACK = 100;
/**
 * How many levels above a caption its picture may be; also how far out a quote box around it is
 * looked for (and, two levels further, a box named as no photo's).
 */
const MEDIA_LEVELS = 3;
/** How many levels above a slide's description the slide holding its photo may be. */
const SLIDE_LEVELS = MEDIA_LEVELS + 2;
const MEDIA_SELECTOR = 'img, picture, video, iframe, amp-img, svg image';

/** An address of an image file ("…/photo.jpg?w=1200"). */
const IMAGE_FILE_RE = /\.(?:jpe?g|png|webp|gif|avif)(?:[?#]|$)/i;

/**
 * A link to another page (a teaser's). An `<a>` without an address is a script's handle (a zoom
 * button), and one to an image file opens the photo itself.
 */
function leadsAway(a: Element): boolean {
  const href = a.getAttribute('href')?.trim();
  return !!href && href !== '#' && !IMAGE_FILE_RE.test(href);
}

/**
 * In a teaser, a link elsewhere, navigation or a hidden box. A box named like a teaser that holds
 * the story's own text is the story's (Nature sets its whole body in "article__teaser").
 */
function isForeign(el: Element, scope: Element, story: readonly Element[]): boolean {
  // The parts of the caption's own figure are named for their place in it ("figure__footer").
  let figure: Element | null = el.tagName === 'FIGURE' ? el : null;
  for (let a = el.parentElement; a && a !== scope && !figure; a = a.parentElement)
    if (a.tagName === 'FIGURE') figure = a;
  let inFigure = !!figure && figure !== el;
  for (let a = el.parentElement; a && a !== scope; a = a.parentElement) {
    const tag = a.tagName;
    if ((tag === 'A' && leadsAway(a)) || tag === 'NAV' || tag === 'FOOTER') return true;
    if (isHidden(a)) return true;
    const tokens = nameTokens(a);
    const photoBox = tokens.some((t) => PHOTO_BOX_TOKENS.has(t));
    // An <aside> set into the story to hold a photo ("left image wide") is a figure.
    if (tag === 'ASIDE' && !photoBox) return true;
    if (
      tokens.some((t) => FOREIGN_TOKENS.has(t)) &&
      !photoBox &&
      !inFigure &&
      !story.some((s) => a.contains(s))
    )
      return true;
    if (a === figure) inFigure = false;
  }
  return false;
}

function isControl(el: Element): boolean {
  if (/^(BUTTON|SVG)$/i.test(el.tagName) || el.getAttribute('role') === 'button') return true;
  const tokens = nameTokens(el);
  if (tokens.some((t) => CONTROL_TOKENS.has(t))) return true;
  return (
    tokens.some((t) => CONTROL_STATE_TOKENS.has(t)) &&
    collapse(el.textContent).split(' ').length <= MAX_CONTROL_WORDS
  );
}

/**
 * Credits only a caption ends with: a video's after its caption's last sentence ("… Video:
 * Ørjan Ryland / Dagbladet"), in brackets naming an agency ("(AP Photo/Alan Diaz, File)",
 * "(Jemal Countess/Getty Images)", "(afp)"), or a caption that is only an agency or a
 * photographer and agency ("Getty Images", "Al Goldis, Associated Press"). In the story's text a
 * paragraph may close with "(dpa)", the wire that wrote it.
 */
const CAPTION_CREDIT_RE = new RegExp(
  String.raw`(?<=[.!?|]\s?)\s*(?:video|vídeo)\s*:\s*[^()[\]]{1,60}$|\s*\([^()]{0,60}?(?<![\p{L}\p{N}])(?:${PHOTO_AGENCY}|getty|ap)(?![\p{L}\p{N}])[^()]{0,60}\)\.?$|^(?:[\p{L}\p{M}.'’ -]{1,40},\s*)?(?:${PHOTO_AGENCY})$`,
  'iu',
);

/**
 * Wire services beyond those the story's credit lines know: by name, as each writes itself in
 * capitals ("EFE", "TT", "PA"; matched as written, since "pa" or "ani" are also words), and in
 * the scripts of their languages (Yonhap, Newsis, Kyodo, Jiji, Reuters in Japanese, Xinhua, CNA).
 */
const AGENCY_NAMES = `${PHOTO_AGENCY}|efe|ansa|belga|lehtikuva|scanpix|ritzau|xinhua|yonhap|kyodo|jiji|bloomberg|sipa|abaca|lusa|zuma|ria novosti|agência brasil`;
const AGENCY_CAPITALS =
  'AP|PA|TT|NTB|ANP|APA|MTI|PAP|PTI|IANS|ANI|AAP|EFE|ANSA|TASS|ČTK|CTK|DPA|AFP|EPA|KNA|SDA|ENEX|REUTERS|KEYSTONE';
const AGENCY_SCRIPTS =
  '연합뉴스|뉴시스|뉴스1|共同|時事|ロイター|新華社|新华社|中央社|ТАСС|РИА Новости';
/** A credit's name, with an affiliation in brackets: "Jure Makovec (OC Ljubno)". */
const CREDIT_NAME = String.raw`[^()[\]（）]{1,80}(?:\([^()]{1,40}\))?`;
/**
 * Photo credits as other newsrooms write them, each closing the caption: a credit word of more
 * languages before a colon, slash or "=" ("Kuva: Lehtikuva", "Ảnh: Hoàng Phong", "사진=연합뉴스",
 * "圖／騰訊科技", "写真：共同", "Fot. PAP", "Picture By: Arthur Allison", "Courtesy of Dylan
 * Tinsley"); a wire service after the last sentence ("… el 11 de febrero pasado. EFE",
 * "… 2019. REUTERS/Pierre Albouy", "… / AP") or in brackets ("（共同）"); Japanese "＝共同" and
 * "（Ｃ）共同通信社"; a Korean reporter's byline ("… 있다. 민경석 기자"); a photographer and outlet
 * in brackets ("(Mohamed El Saife/CBC)", "(Luke Sharrett for The Washington Post)") or a Japanese
 * photographer's ("（潟沼義樹撮影）"); a Creative
 * Commons licence or a handout's mark ("Submitted photo", "(Cedida)").
 */
const MORE_CREDITS_RE = [
  new RegExp(
    String.raw`\s*[([（]?\s*(?:(?<![\p{L}\p{M}])(?:kuva|fotó|foto|fotos|photo|photos|bild|bilder|image|picture|credits?|créditos?|photographer|quelle|fuente|fonte|imagen|imagem|ảnh|фото|снимка|φωτογραφία|صورة|تصوير|צילום)\s*[:：]|(?:사진|写真|撮影|提供|圖片|图片|照片|攝影|摄影|圖|图)\s*[:：/／=＝])\s*${CREDIT_NAME}[)\]）]?\.?$`,
    'iu',
  ),
  new RegExp(
    String.raw`\s*[([]?(?<![\p{L}\p{M}])(?:fot\.|(?:photos?|pictures?|images?)\s+(?:by\s*:?|courtesy(?:\s+of)?)|courtesy\s+of|cortesía\s+de)\s*${CREDIT_NAME}[)\]]?\.?$`,
    'iu',
  ),
  new RegExp(
    String.raw`(?<=[.!?。]\s?)\s*(?:${AGENCY_NAMES}|${AGENCY_SCRIPTS})(?:\s*(?:/|via\s)\s*[^.()]{1,40})?$|\s*[(（][^()（）]{0,60}?(?<![\p{L}\p{N}])(?:${AGENCY_NAMES}|${AGENCY_SCRIPTS})(?![\p{L}\p{N}])[^()（）]{0,60}[)）]\.?$|\s*[=＝]\s*(?:${AGENCY_SCRIPTS}|[^=＝]{1,20}撮影)$|\s*[(（][^()（）]{1,20}(?:撮影|攝|摄)[)）]$`,
    'iu',
  ),
  new RegExp(
    String.raw`(?:(?<=[.!?]\s?)\s*|\s[/|]\s*|\s*\(\s*)(?:${AGENCY_CAPITALS})(?:\s*(?:/|via\s)\s*[^.()]{1,40})?\)?$|(?<=[.!?]\s?)\s*(?:\p{Script=Hangul}{1,10}\s?[=＝]\s?)?\p{Script=Hangul}{2,4}\s?기자(?:\s+\S+@\S+)?(?:\s*[/\d.]*)?$|\s*\(\s*\p{Lu}[\p{L}\p{M}.'’ -]{1,40}(?:/|\sfor\s)(?:the\s)?\p{Lu}[^()]{0,40}\)\.?$|\s*[(（][CcＣｃ][)）]\s*[\p{Lu}\p{Lo}][^()（）]{0,60}$`,
    'u',
  ),
  /\s*[([]?\s*(?:cc[ -]?(?:by|0)(?:[ -](?:sa|nd|nc))*(?:[ -]\d\.\d)?|public domain|gemeinfrei)\s*[)\]]?\.?$|(?<![\p{L}])(?:submitted|handout)\s+(?:photo|image|picture)$|\s*\((?:cedida|divulgação|reprodução|handout)\)$/iu,
];

/**
 * A chart's source line under it ("Source: Natl Inst. for Space Research (INPE), Brazil"): what
 * the figure is drawn from, a credit however long, not a description.
 */
const SOURCE_LINE_RE =
  /^(?:sources?|quellen?|fuentes?|fontes?|źródło|kilde|källa|bron|zdroj|lähde|forrás|kaynak|sursa|sumber|nguồn|источник|джерело|πηγή|出典|出所|来源|來源|資料來源|출처|المصدر|מקור|स्रोत)\s*[:：]/iu;
/**
 * A video's teaser under its player: its length ("01:48 min Ergebnisse in…") or a call to watch
 * ("Watch in full: Police statement…"), the title of a clip, not the photo's description.
 */
const VIDEO_TEASER_RE =
  /^(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:min|mins|minutes?|minuten)(?!\p{L})|watch(?: in full| live| now| the video| above)?\s*:|(?:video|vídeo|vidéo)\s*:\s*\p{Lu}[^.!?]*$)/iu;

/** A gallery's counter opening the caption: "Image 1 of 5", "1of 4", "Foto 3 de 12", "Bild 2 von 9". */
const GALLERY_COUNTER_RE =
  /^(?:image|photo|picture|slide|bild|foto|imagen|immagine)?\s*\d{1,3}\s*(?:of|von|de|di|sur|z|av|\/)\s*\d{1,3}(?![\p{N}/.])\s*/iu;

const DANGLING_END_RE = /(?:\s*[,;|/•·–—-]|\s*[([（])+$/u;
/** An ad slot's label under its picture, in the languages of the news pages read. */
const AD_LABEL_RE =
  /^(?:anzeige|werbung|advertisement|advertising|sponsored|gesponsert|reklama|reklame|reklam|publicidad|publicité|pubblicità|publicidade|advertentie|annonse|annons|mainos|hirdetés|реклама|διαφήμιση|広告|광고|إعلان|פרסומת)\s*:?$/iu;

/** A photographer's name closing the caption's last sentence: "… oppose it. Jaafar ASHTIYEH". */
const PHOTOGRAPHER_RE = /(?<=[.!?]\s)\p{Lu}[\p{L}\p{M}'’-]*(?:\s\p{Lu}[\p{L}\p{M}'’-]*){0,2}\s*$/u;

const CREDIT_RES = [TRAILING_CREDIT_RE, CAPTION_CREDIT_RE, ...MORE_CREDITS_RE];
/** Small words a credit may hold: "courtesy of the family", "Luke Sharrett for The Post". */
const CREDIT_SMALL_WORDS = new Set([
  'of',
  'the',
  'for',
  'via',
  'and',
  'de',
  'del',
  'la',
  'von',
  'van',
  'der',
  'und',
  'y',
  'et',
  'di',
  'da',
]);
/** More lower-case words than this and a credit-like tail is a sentence ("FILE PHOTO: A logo is…"). */
const MAX_CREDIT_LOWER_WORDS = 3;

function isProse(credit: string): boolean {
  const lower = credit
    .split(/\s+/)
    .filter((w) => /^\p{Ll}{2,}/u.test(w) && !CREDIT_SMALL_WORDS.has(w));
  return lower.length > MAX_CREDIT_LOWER_WORDS;
}

/**
 * Where the credit closing a caption begins, or -1. Credits come in parts: "Foto: Graeme Sloan
 * (Getty)", "… 2024. Alketa Misja (dpa/picture alliance via Getty)", "… it. Jaafar ASHTIYEH / AFP".
 */
function creditStart(text: string): number {
  let start = -1;
  for (;;) {
    const rest = start < 0 ? text : text.slice(0, start).replace(/[\s,;|–—-]+$/, '');
    const match = CREDIT_RES.reduce<RegExpExecArray | null>(
      (found, re) => found ?? re.exec(rest),
      null,
    );
    if (!match || isProse(match[0])) break;
    start = match.index;
    if (start === 0) return 0;
  }
  if (start < 0) return start;
  return PHOTOGRAPHER_RE.exec(text.slice(0, start))?.index ?? start;
}

/** A credit as printed, without the separator or brackets around it: "(Foto: dpa)", "/ AFP". */
function creditText(credit: string): string {
  const text = collapse(credit).replace(/^[/|]\s*/, '');
  const bracketed = /^[([（]([^()[\]（）]*)[)\]）]\.?$/.exec(text);
  return bracketed ? collapse(bracketed[1]) : text;
}

function readCaption(el: Element): Caption | null {
  let credit: string | null = null;
  let text = '';
  // A walk with its own stack (a page may nest deeper than the call stack goes); `null` stands
  // for the space after a line or box.
  const stack: (Node | null)[] = [];
  const pushChildren = (node: Node) => {
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
  };
  pushChildren(el);
  while (stack.length) {
    const child = stack.pop()!;
    if (child === null) text += ' ';
    else if (child.nodeType === 3) text += child.nodeValue;
    else if (child.nodeType === 1) {
      const e = child as Element;
      if (UNREAD_TAGS.has(e.tagName.toUpperCase()) || isControl(e) || isHidden(e)) continue;
      if (
        nameTokens(e).some((t) => CREDIT_TOKENS.has(t)) ||
        e.getAttribute('itemprop') === 'copyrightHolder'
      ) {
        credit = collapse(`${credit ?? ''} ${e.textContent}`) || null;
      } else {
        if (/^(BR|P|DIV|SPAN)$/.test(e.tagName)) stack.push(null);
        pushChildren(e);
      }
    }
  }
  // A separator or bracket left open where a credit element was taken out ("… Venezuela. -").
  text = collapse(text).replace(GALLERY_COUNTER_RE, '').replace(DANGLING_END_RE, '');
  if (SOURCE_LINE_RE.test(text) || VIDEO_TEASER_RE.test(text)) return null;
  if (AD_LABEL_RE.test(text)) return null;
  const start = creditStart(text);
  // A caption that is only a credit line ("Foto: dpa") is a credit.
  if (start === 0) return null;
  if (start > 0) {
    credit ??= creditText(text.slice(start));
    // The separator before the credit goes with it ("…eines Segelboots, Bildquelle: X").
    text = collapse(text.slice(0, start)).replace(DANGLING_END_RE, '');
  }
  // Punctuation alone is what is left of a credit line (". Imagen: Télam").
  if (!/[\p{L}\p{N}]/u.test(text) || text.length > MAX_CAPTION_LENGTH || isNotice(text))
    return null;
  if (text.length <= MAX_BYLINE_LENGTH && BYLINE_RE.test(text)) return null;
  return { text, credit, element: el };
}

/**
 * A caption belongs to a picture: it sits in a `<figure>` or next to an image or video within a
 * few levels ("caption" classes also name bylines, form legends and newsletter notes).
 */
function hasMedia(el: Element): boolean {
  let a: Element | null = el;
  for (let level = 0; a && level <= MEDIA_LEVELS; level++, a = a.parentElement) {
    if (a.tagName === 'FIGURE' || a.querySelector(MEDIA_SELECTOR)) return true;
  }
  // A slide's description sits in the slide's own info box: its photo is in the slide.
  if (!isSlideDescription(el)) return false;
  for (let level = MEDIA_LEVELS + 1; a && level <= SLIDE_LEVELS; level++, a = a.parentElement) {
    if (nameTokens(a).some((t) => SLIDE_TOKENS.has(t)) && a.querySelector(MEDIA_SELECTOR))
      return true;
  }
  return false;
}

/** A slide's description in a photo gallery ("CarouselSlide-infoDescription"). */
function isSlideDescription(el: Element): boolean {
  const tokens = nameTokens(el);
  return tokens.some((t) => SLIDE_TOKENS.has(t)) && tokens.some((t) => DESCRIPTION_TOKENS.has(t));
}

/** Named as a caption by the page, not by a type-size utility class ("text-caption"). */
function isNamedCaption(el: Element): boolean {
  if (el.tagName === 'FIGCAPTION' || el.getAttribute('itemprop') === 'caption') return true;
  if (isSlideDescription(el)) return true;
  if (!nameTokens(el).some((t) => CAPTION_TOKENS.has(t))) return false;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names
    .split(/\s+/)
    .some((name) => CAPTION_WORD_RE.test(name) && !TYPE_UTILITY_RE.test(name));
}

/** Class words of a video player's boxes ("jwplayer_video", "player-placeholder-video-ui"). */
const VIDEO_TOKENS = new Set(['video', 'videos', 'player', 'jwplayer']);
/** An embedded frame that plays video. */
const VIDEO_FRAME_RE = /youtube|youtu\.be|vimeo|dailymotion|player|video/i;

function isVideo(media: Element): boolean {
  if (media.tagName === 'VIDEO') return true;
  return media.tagName === 'IFRAME' && VIDEO_FRAME_RE.test(media.getAttribute('src') ?? '');
}

/**
 * How many of the story's text blocks come before a video for it to be a clip set into the
 * story ("WATCH | …") rather than the lead video, whose title stands for a lead photo's caption.
 */
const MID_STORY_BLOCKS = 2;

function inStoryText(el: Element, story: readonly Element[]): boolean {
  let before = 0;
  for (const s of story) {
    if (/^H[1-6]$/.test(s.tagName) || s.contains(el)) continue;
    if (s.compareDocumentPosition(el) & 4 && ++before >= MID_STORY_BLOCKS) return true;
  }
  return false;
}

/** A clip's teaser set into the story's text under its player. */
function isClipTeaser(el: Element, story: readonly Element[]): boolean {
  return captionsVideo(el) && inStoryText(el, story);
}

/**
 * A caption under a video player (its still, a play button and the clip's teaser): the box
 * around the caption holds a video, or its picture sits in boxes named for a player, or the
 * figure itself is set in one.
 */
function captionsVideo(el: Element): boolean {
  let box: Element | null = el;
  for (let level = 0; box && level <= MEDIA_LEVELS; level++, box = box.parentElement) {
    if (box.tagName === 'FIGURE' || box.querySelector(MEDIA_SELECTOR)) break;
  }
  if (!box) return false;
  const parent = box.parentElement;
  if (parent && nameTokens(parent).some((t) => VIDEO_TOKENS.has(t))) return true;
  const media = box.querySelector(MEDIA_SELECTOR);
  if (!media) return false;
  if (isVideo(media)) return true;
  for (let a = media.parentElement; a && a !== box; a = a.parentElement) {
    if (nameTokens(a).some((t) => VIDEO_TOKENS.has(t))) return true;
  }
  return false;
}

/** Caption-like elements that are something else: other articles' teasers, headers, quotes. */
function notCaption(el: Element, scope: Element, story: readonly Element[]): boolean {
  if (isForeign(el, scope, story) || el.querySelector(HEADING_SELECTOR)) return true;
  // <figure><blockquote/><figcaption>, or a caption in a quote box: it names who is quoted.
  if (el.closest('figure')?.querySelector('blockquote, q')) return true;
  let a: Element | null = el;
  for (let level = 0; a && level <= MEDIA_LEVELS; level++, a = a.parentElement) {
    if (a.tagName === 'BLOCKQUOTE' || nameTokens(a).some((t) => QUOTE_TOKENS.has(t))) return true;
  }
  return !hasMedia(el) || isClipTeaser(el, story);
}

/**
 * A caption without a caption name: the one short text in a box that holds a single picture and
 * little else ("media" > img + "mediaInfo" > text). Teasers (a heading or a link), author boxes
 * (a name) and ad labels (a word) are told apart by their heading, link and length.
 */
function isUnnamedCaption(el: Element, pictureBoxes: Set<Element>): boolean {
  if (!UNNAMED_TAGS.has(el.tagName)) return false;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (!UNLINKED_INLINE_TAGS.has(c.tagName)) return false;
  }
  if (followsItsPicture(el, pictureBoxes)) return true;
  let near = false;
  let b: Element | null = el.parentElement;
  for (let level = 1; b && level <= MEDIA_LEVELS && !near; level++, b = b.parentElement) {
    near = pictureBoxes.has(b);
  }
  if (!near) return false;
  const text = collapse(el.textContent);
  if (text.length > MAX_UNNAMED_LENGTH || el.querySelector('a')) return false;
  // Scripts without spaces have no words to count: their length, weighted, stands for it.
  const length = weightedLength(text);
  const brief =
    length < MIN_UNNAMED_LENGTH ||
    (length === text.length && text.split(' ').length < MIN_UNNAMED_WORDS);
  if (NOT_CAPTION_TEXT_RE.test(text)) return false;
  const digits = text.match(/\p{N}/gu)?.length ?? 0;
  if (digits > (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) * MAX_DIGIT_SHARE) return false;
  let up: Element | null = el;
  for (let level = 0; up && level <= MEDIA_LEVELS + 2; level++, up = up.parentElement) {
    if (nameTokens(up).some((t) => NOT_PHOTO_TOKENS.has(t))) return false;
  }
  const limit = text.length + CAPTION_BOX_SLACK;
  let a: Element | null = el.parentElement;
  for (let level = 1; a && level <= MEDIA_LEVELS; level++, a = a.parentElement) {
    if (/^(?:A|BUTTON|FIGURE)$/.test(a.tagName) || textLongerThan(a, limit)) return false;
    if (a.querySelector(NOT_CAPTION_BOX) || hasLabelledControl(a)) return false;
    const pictures = Array.from(a.querySelectorAll('img')).filter(
      (img) => !img.parentElement?.closest('noscript'),
    );
    if (pictures.length > 1) return false;
    // A text of a few words is a caption when it repeats its photo's description.
    if (pictures.length === 1)
      return isPhoto(pictures[0]!) && (!brief || describes(pictures[0]!, a, text));
  }
  return false;
}

/**
 * The photo's own description, as its `alt` or as the `description` or `caption` of a
 * schema.org ImageObject declared in its box, is this text.
 */
function describes(img: Element, box: Element, text: string): boolean {
  const key = text.toLowerCase();
  if (collapse(img.getAttribute('alt')).toLowerCase() === key) return true;
  for (const script of Array.from(box.querySelectorAll('script[type="application/ld+json"]'))) {
    const declared = /"(?:description|caption)"\s*:\s*"([^"]*)"/g;
    for (
      let m = declared.exec(script.textContent ?? '');
      m;
      m = declared.exec(script.textContent ?? '')
    )
      if (collapse(m[1]).toLowerCase() === key) return true;
  }
  return false;
}

/**
 * A line right after a box that holds only a photo, repeating the photo's `alt`: the caption a
 * CMS sets from the photo's description, beside the picture's box rather than in it.
 */
function followsItsPicture(el: Element, pictureBoxes: Set<Element>): boolean {
  // The line itself or its box, when the box holds nothing else.
  for (let a: Element | null = el, level = 0; a && level < 2; level++, a = a.parentElement) {
    const before = a.previousElementSibling;
    // Only a small box around a photo is looked into.
    const pictures = before && pictureBoxes.has(before) ? before.querySelectorAll('img') : null;
    if (
      before &&
      pictures?.length === 1 &&
      isPhoto(pictures[0]!) &&
      !collapse(before.textContent)
    ) {
      const text = collapse(el.textContent);
      return !!text && text.length <= MAX_UNNAMED_LENGTH && describes(pictures[0]!, before, text);
    }
    if (a.parentElement?.childElementCount !== 1) break;
  }
  return false;
}

/**
 * A link or button with words ("Read more", "Subscribe") makes the box a teaser or a prompt; one
 * around the photo alone (a lightbox, "full screen") is the photo's own.
 */
function hasLabelledControl(box: Element): boolean {
  return Array.from(box.querySelectorAll('a, button')).some((b) => collapse(b.textContent) !== '');
}

/**
 * Small boxes around photos (ancestors of an `<img>`, a few levels up, holding little text): only
 * text in one of them can be an unnamed caption. Found from the pictures, so that the page's
 * text elements are not each measured.
 */
function smallPictureBoxes(all: Element[]): Set<Element> {
  const boxes = new Set<Element>();
  for (const img of all) {
    if (img.tagName !== 'IMG' || !isPhoto(img)) continue;
    let a: Element | null = img.parentElement;
    for (let level = 1; a && level <= PICTURE_DEPTH; level++, a = a.parentElement) {
      if (boxes.has(a)) break;
      if (textLongerThan(a, MAX_UNNAMED_LENGTH + CAPTION_BOX_SLACK)) break;
      boxes.add(a);
    }
  }
  return boxes;
}

/** An icon, logo or avatar declares a small size; a photo declares a larger one or none. */
function isPhoto(img: Element): boolean {
  // Icons are drawn as SVG files ("print.svg", "share.svg").
  if (/\.svg(?:[?#]|$)/i.test(img.getAttribute('src') ?? '')) return false;
  const sizes = ['width', 'height'].map((k) => parseInt(img.getAttribute(k) ?? '', 10));
  return !sizes.some((n) => n > 0 && n < MIN_PHOTO_SIZE);
}

/**
 * A caption in an `<article>` element below the scope that holds none of the story's text belongs
 * to another story: the next one of an endless page, a teaser.
 */
function inOtherStory(el: Element, scope: Element, story: readonly Element[]): boolean {
  for (let a = el.parentElement; a && a !== scope; a = a.parentElement) {
    if (a.tagName === 'ARTICLE') return !story.some((s) => a.contains(s) || s.contains(a));
  }
  return false;
}

/** `story`: the elements of the article's own text (headline, body blocks). */
export function* findCaptions(
  scope: Element | null,
  story: readonly Element[] = [],
): Steps<Caption[]> {
  if (!scope) return [];
  const all = yield* descendantSteps(scope);
  const named: Element[] = [];
  for (const el of all) {
    if (pauseDue()) yield;
    if (isNamedCaption(el) && !notCaption(el, scope, story) && !inOtherStory(el, scope, story))
      named.push(el);
  }
  const inNamed = (el: Element) => named.some((n) => n.contains(el) || el.contains(n));
  const boxes = smallPictureBoxes(all);
  const unnamed: Element[] = [];
  if (boxes.size)
    for (const el of all) {
      if (pauseDue()) yield;
      if (
        isUnnamedCaption(el, boxes) &&
        !inNamed(el) &&
        !isForeign(el, scope, story) &&
        !inOtherStory(el, scope, story) &&
        !isClipTeaser(el, story)
      )
        unnamed.push(el);
    }
  const found = unnamed.length ? [...named, ...unnamed] : named;
  // Keep the outermost caption element (a figcaption holding span.caption-text and span.credit).
  const outer = found.filter((el) => !found.some((o) => o !== el && o.contains(el)));
  const seen = new Set<string>();
  const captions: Caption[] = [];
  for (const el of outer) {
    const caption = readCaption(el);
    if (!caption || seen.has(caption.text)) continue;
    seen.add(caption.text);
    captions.push(caption);
  }
  return captions;
}
