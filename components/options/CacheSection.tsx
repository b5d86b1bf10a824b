import { useEffect, useState } from 'preact/hooks';
import { IndexedDbCache } from '@/utils/engines/cache';
import { t, uiLocale } from '@/utils/i18n';

const cache = new IndexedDbCache();

/** How many translated paragraphs are kept, and a button to forget them. */
export function CacheSection() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => void cache.count().then(setCount, () => setCount(null)), []);
  const clear = () =>
    void cache
      .clear()
      .then(() => cache.count())
      .then(setCount);
  return (
    <section aria-labelledby="h-cache">
      <h2 id="h-cache">{t('sectionCache')}</h2>
      <p>
        <span data-testid="cache-count">
          {count === null ? '' : t('cacheCount', count.toLocaleString(uiLocale()))}
        </span>{' '}
        <button type="button" data-testid="clear-cache" onClick={clear}>
          {t('clearCache')}
        </button>
      </p>
    </section>
  );
}
