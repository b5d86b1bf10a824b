import type { MessageKey } from '@/utils/i18n';
import type { PageCommand } from '@/utils/messaging/protocol';
import type { PageState } from '@/utils/page/state';

/** Whether the page shows any translation now, i.e. whether "Show original" changes anything. */
export function showsTranslation(page: PageState): boolean {
  return (
    page.status === 'translating' ||
    page.status === 'done' ||
    page.translation.title !== null ||
    page.translation.blocks.length > 0
  );
}

/**
 * The one button at the top: the original back when something is translated, else what gets
 * a translation (again). `null`: no content script answers (yet) on this tab.
 */
export function mainAction(page: PageState | null): { command: PageCommand; label: MessageKey } {
  if (page === null) return { command: 'translate', label: 'translateArticle' };
  if (showsTranslation(page)) return { command: 'original', label: 'showOriginal' };
  switch (page.status) {
    case 'error':
      return { command: 'retry', label: 'retry' };
    case 'not-article':
    case 'same-language':
      return { command: 'translate-anyway', label: 'translateAnyway' };
    default:
      return { command: 'translate', label: 'translateArticle' };
  }
}
