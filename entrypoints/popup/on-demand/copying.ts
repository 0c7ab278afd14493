/**
 * Copying, loaded on the first copy (or after the first paint, whichever
 * comes first): the clipboard, the notice that says what was copied and
 * fades, and Copy all's formats. A click's user activation lasts seconds;
 * the load takes milliseconds.
 */
import { exportHighlights } from '@/utils/highlights/id-export';
import type { Highlight } from '@/utils/highlights/highlight';
import type { Translate } from '@/utils/i18n';
import type { CopyFormat } from '@/utils/settings';
import type { CopyNotice } from '../list/CopyStatus';
import { adoptStyle } from './adopt-style';
import style from './copying.css?inline';

adoptStyle(style);

const SHOW_MS = { success: 2000, failure: 6000 } as const;
const FADE_MS = 400;

async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export interface Copier {
  /** Copies `text`; the notice says `done`, or that copying failed. */
  copy(text: string, done: string): Promise<void>;
  /** Copies the highlights in the format the settings name. */
  copyAll(highlights: readonly Highlight[], format: CopyFormat, done: string): Promise<void>;
  /** Clears the notice's timers (the popup closing). */
  stop(): void;
}

/** A copier whose notices go to `show` (the popup's CopyStatus), fading after about two seconds (longer when copying failed). */
export function createCopier(t: Translate, show: (notice: CopyNotice | null) => void): Copier {
  let timers: number[] = [];
  let shown: CopyNotice | null = null;
  const set = (notice: CopyNotice | null) => show((shown = notice));
  const stop = () => {
    for (const timer of timers) window.clearTimeout(timer);
    timers = [];
  };
  const copy = async (text: string, done: string) => {
    const ok = await writeClipboard(text);
    stop();
    const tone = ok ? 'success' : 'failure';
    set({ text: ok ? done : t('copyFailed'), tone, fading: false });
    timers.push(
      window.setTimeout(() => set(shown ? { ...shown, fading: true } : null), SHOW_MS[tone]),
      window.setTimeout(() => set(null), SHOW_MS[tone] + FADE_MS),
    );
  };
  return { copy, copyAll: (highlights, format, done) => copy(exportHighlights(highlights, format), done), stop };
}
