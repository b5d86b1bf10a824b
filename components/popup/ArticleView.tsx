import { exportedArticle, type ExportedArticle } from '@/utils/format/article';
import type { DisplayDate } from '@/utils/dates';
import { t, uiLocale } from '@/utils/i18n';
import { textDirection } from '@/utils/languages';
import type { PageState } from '@/utils/page/state';

/** The article as the reader holds it: headline, dates, byline, source, body, captions. */
export function ArticleView({ page }: { page: PageState }) {
  const article = page.article;
  const exported = exportedArticle(page, { locale: uiLocale(), t });
  if (!article || !exported) return null;
  const lang = page.translation.title ? page.target : (article.lang ?? undefined);
  const translatedBody = exported.blocks.length > 0;
  const bodyLang = translatedBody ? page.target : (article.lang ?? undefined);
  const bodyDir = bodyLang ? textDirection(bodyLang) : undefined;
  return (
    // The article's text in its own language and direction; the labels in the UI's.
    <article class="article">
      <h1 data-testid="headline" lang={lang} dir={lang ? textDirection(lang) : undefined}>
        {exported.title}
      </h1>
      {exported.date ? (
        <DateLine testId="published" label={exported.labels.published} date={exported.date} />
      ) : null}
      {exported.updated ? (
        <DateLine testId="updated" label={exported.labels.updated} date={exported.updated} />
      ) : null}
      {article.byline ? (
        <p class="meta" data-testid="byline">
          <bdi>{article.byline}</bdi>
        </p>
      ) : null}
      <p class="meta" data-testid="source">
        {exported.labels.source}:{' '}
        <a href={article.url} target="_blank" rel="noreferrer">
          <bdi>{exported.source.name}</bdi>
        </a>
      </p>
      {exported.labels.translatedBy ? (
        <p class="meta" data-testid="translated-by">
          {exported.labels.translatedBy}
        </p>
      ) : null}
      {!translatedBody && article.lead ? (
        <p
          class="lead"
          data-testid="original-lead"
          lang={article.lang ?? undefined}
          dir={article.lang ? textDirection(article.lang) : undefined}
        >
          {article.lead}
        </p>
      ) : null}
      <div data-testid="paragraphs" class="body" lang={bodyLang} dir={bodyDir}>
        {exported.blocks.map((block, i) =>
          block.kind === 'subheading' ? (
            <h2 key={i}>{block.text}</h2>
          ) : block.kind === 'quote' ? (
            <blockquote key={i}>{block.text}</blockquote>
          ) : (
            <p key={i} class={block.kind === 'lead' ? 'lead' : undefined}>
              {block.text}
            </p>
          ),
        )}
      </div>
      <Captions
        captions={exported.captions}
        photo={exported.labels.photo}
        lang={bodyLang}
        dir={bodyDir}
      />
    </article>
  );
}

/** "Published 15 October 2024 at 08:22 CEST · 2 years ago", the ISO form on the `<time>`. */
function DateLine({ testId, label, date }: { testId: string; label: string; date: DisplayDate }) {
  return (
    <p class="meta date" data-testid={testId}>
      {label}{' '}
      <time dateTime={date.iso} title={date.iso}>
        {date.local}
      </time>{' '}
      · <span data-testid={`${testId}-relative`}>{date.relative}</span>
    </p>
  );
}

/** Each caption with its credit as a separate, quieter line. */
function Captions({
  captions,
  photo,
  lang,
  dir,
}: {
  captions: ExportedArticle['captions'];
  photo: string;
  lang: string | undefined;
  dir: 'ltr' | 'rtl' | undefined;
}) {
  if (!captions.length) return null;
  return (
    <section
      class="captions"
      data-testid="captions"
      aria-label={t('captionsLabel')}
      lang={lang}
      dir={dir}
    >
      {captions.map((c, i) => (
        <figure key={i}>
          <figcaption>
            <span class="caption-text" data-testid="caption-text">
              {c.text}
            </span>
            {c.credit ? (
              <small class="credit" data-testid="caption-credit">
                {photo}: <bdi>{c.credit}</bdi>
              </small>
            ) : null}
          </figcaption>
        </figure>
      ))}
    </section>
  );
}
