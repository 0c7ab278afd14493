import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** Rows drawn beyond each edge of the box, so that a quick scroll shows rows, not a gap. */
const OVERSCAN = 12;

/**
 * Which of `count` rows of `rowHeight` pixels the scrolling box `box` shows
 * now (with a margin either side): a long list draws those only, never tens
 * of thousands of elements. `offset`: pixels above the first row inside the
 * box (a table's header).
 */
export function useVisibleRows(count: number, rowHeight: number, box: RefObject<HTMLElement | null>, offset = 0): { first: number; last: number } {
  const [view, setView] = useState({ top: 0, height: 20 * rowHeight });
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const update = () => setView({ top: element.scrollTop, height: element.clientHeight || 20 * rowHeight });
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : null;
    resize?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize?.disconnect();
    };
  }, [box.current, rowHeight]);
  const top = Math.max(0, view.top - offset);
  const first = Math.min(count, Math.max(0, Math.floor(top / rowHeight) - OVERSCAN));
  const last = Math.min(count, Math.ceil((top + view.height) / rowHeight) + OVERSCAN);
  return { first, last };
}
