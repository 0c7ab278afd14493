/**
 * How a long list (more than FIRST_ROWS rows, list/HighlightList.tsx) grows
 * after its first paint, loaded with the first such list: the rest of its
 * rows in idle moments, in steps sized by time (row-steps.ts), and covers
 * further down once the list is scrolled near them. A short list, what
 * nearly every opening shows, paints without this.
 */
import type { Component, RefObject } from 'preact';
import { nextStepRows, withStep } from './row-steps';

/** What the growth needs of the list component (list/HighlightList.tsx). */
export interface GrowingList extends Pick<Component<{ highlights: readonly unknown[] }, { stepEnds: number[]; covered: number }>, 'props' | 'state' | 'setState'> {
  readonly list: RefObject<HTMLDivElement | null>;
  /** When the step being built began (0 while none is), and how many rows it adds. */
  stepAt: number;
  stepRows: number;
}

/** A row's height in the list (.row in popup.css) until one has been measured. */
const ROW_HEIGHT = 52;

type Idle = (callback: () => void) => () => void;

/** The browser's idle callback, or a zero timeout where there is none. */
const whenIdle: Idle = (callback) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 0);
  return () => clearTimeout(id);
};

export function createGrowth(list: GrowingList, coversAhead: number, firstRows: number) {
  let cancel: (() => void) | null = null;
  let scrollFrame = 0;
  /** Rows for the next step, from how long the last one took. */
  let nextRows = firstRows;

  return {
    /** A step's rows are in the page: its time sizes the next one. */
    measured(): void {
      if (!list.stepAt) return;
      nextRows = nextStepRows(list.stepRows, performance.now() - list.stepAt);
      list.stepAt = 0;
    },

    /** Adds the next step in an idle moment, unless one is due already or every row is in. */
    schedule(): void {
      if (cancel || list.state.stepEnds.at(-1)! >= list.props.highlights.length) return;
      cancel = whenIdle(() => {
        cancel = null;
        const rows = (list.stepRows = nextRows);
        // Preact renders the new state right after this callback, in the same task: the time measured is the step's.
        list.stepAt = performance.now();
        list.setState(({ stepEnds }) => ({ stepEnds: withStep(stepEnds, rows, list.props.highlights.length) }));
      });
    },

    /** A new list: what was due for the old one is dropped. */
    restart(): void {
      cancel?.();
      cancel = null;
    },

    stop(): void {
      cancel?.();
      cancelAnimationFrame(scrollFrame);
    },

    /** Scrolling (by hand, the keyboard or find-in-page) brings covers within reach: once a frame at most. */
    onScroll(): void {
      if (scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        const ul = list.list.current;
        if (!ul) return;
        const rowHeight = ul.querySelector<HTMLElement>('.row')?.offsetHeight || ROW_HEIGHT;
        const reached = Math.ceil((ul.scrollTop + ul.clientHeight) / rowHeight) + coversAhead;
        // In steps of coversAhead rows, so that a few rows of scrolling re-render nothing.
        const covered = Math.ceil(reached / coversAhead) * coversAhead;
        if (covered > list.state.covered) list.setState({ covered });
      });
    },
  };
}

export type Growth = ReturnType<typeof createGrowth>;
