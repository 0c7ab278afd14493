/**
 * A run's news gathered for a moment before the page draws it: a fast run
 * writes dozens of times a second, and drawing each change would keep the
 * page (and the extension's other pages, which share its process) busy
 * drawing. At most one drawing every RUN_NEWS_MS; nothing at all when no news comes.
 */
import type { CollectionNews } from '@/utils/collections/run-storage';

/** How often at most the page draws a run's progress. */
export const RUN_NEWS_MS = 250;

type RunNews = Extract<CollectionNews, { kind: 'run' }>;

export function newsBuffer(
  apply: (id: string, changes: RunNews['changes'], prevRev: number) => void,
  wait: (then: () => void) => void = (then) => void setTimeout(then, RUN_NEWS_MS),
) {
  let gathered: { id: string; prevRev: number; changes: RunNews['changes'] } | null = null;
  const flush = () => {
    const news = gathered;
    gathered = null;
    if (news) apply(news.id, news.changes, news.prevRev);
  };
  return {
    add(news: RunNews): void {
      if (gathered && gathered.id !== news.id) flush();
      if (gathered) {
        // A later write of a key holds what storage holds now; the earliest prevRev says what the page must have seen.
        Object.assign(gathered.changes, news.changes);
        return;
      }
      gathered = { id: news.id, prevRev: news.prevRev, changes: { ...news.changes } };
      wait(flush);
    },
  };
}
