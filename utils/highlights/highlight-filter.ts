import type { Highlight } from './highlight';

export { FILTER_FROM } from '../limits';

/** Ignores case and accents, as a person filtering expects ("ecole" finds "École"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLocaleLowerCase();
}

/** The highlights whose title or ID contains what was typed; all of them for an empty query. */
export function filterHighlights(highlights: readonly Highlight[], query: string): readonly Highlight[] {
  const wanted = fold(query.trim());
  if (!wanted) return highlights;
  return highlights.filter((h) => h.id.includes(wanted) || fold(h.title).includes(wanted));
}
