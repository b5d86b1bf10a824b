/**
 * Sets of element names the detection passes share, each named for what its members have in
 * common. Upper case, as `tagName` gives them for HTML elements.
 */

/** The headline (`<h1>`) and the subheadings below it. */
export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Headings below the headline: subheadings, or a deck set as one. */
export const SUBHEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6']);
/** Any heading, for `querySelector`. */
export const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6';

/** Code and templates: no reader sees their text. */
export const CODE_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
/** Text no reader reads as the element's: code, and ruby readings printed small above the characters. */
export const UNREAD_TAGS = new Set([...CODE_TAGS, 'RT', 'RP']);

/** Elements that are one block of text when they hold no other block. */
export const TEXT_BLOCK_TAGS = new Set([
  'P',
  ...HEADING_TAGS,
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'DT',
  'DD',
  'ADDRESS',
]);
/**
 * Block-level elements: paragraphs, headings, lists, sections, figures, tables and forms. An
 * element holding none of these is a leaf block of text.
 */
export const BLOCK_LEVEL_TAGS = new Set([
  'P',
  'DIV',
  ...HEADING_TAGS,
  'UL',
  'OL',
  'LI',
  'DL',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FIGURE',
  'BLOCKQUOTE',
  'TABLE',
  'FORM',
]);

/** Inline formatting: text in these reads as part of the text around it. */
export const FORMATTING_TAGS = new Set(['SPAN', 'B', 'STRONG', 'I', 'EM', 'SMALL']);
/** Inline elements whose text runs on with the text around it, links included. */
export const INLINE_TEXT_TAGS = new Set([
  ...FORMATTING_TAGS,
  'A',
  'U',
  'FONT',
  'MARK',
  'Q',
  'CITE',
  'ABBR',
  'TIME',
  'SUB',
  'SUP',
]);
/** Inline elements of plain text: formatting and line breaks, no links. */
export const UNLINKED_INLINE_TAGS = new Set([...FORMATTING_TAGS, 'BR', 'SUP', 'SUB', 'CITE']);
