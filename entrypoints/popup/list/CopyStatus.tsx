import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n';

export interface CopyNotice {
  text: string;
  tone: 'success' | 'failure';
  /** Set once the notice starts fading out. */
  fading: boolean;
}

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

/**
 * Copies text to the clipboard and keeps a short notice about it, which fades
 * after about two seconds (longer when copying failed).
 */
export function useCopy(t: Translate): { notice: CopyNotice | null; copy: (text: string, done: string) => Promise<void> } {
  const [notice, setNotice] = useState<CopyNotice | null>(null);
  const timers = useRef<number[]>([]);

  const clearTimers = () => {
    for (const timer of timers.current) window.clearTimeout(timer);
    timers.current = [];
  };
  useEffect(() => clearTimers, []);

  const copy = useCallback(async (text: string, done: string) => {
    const ok = await writeClipboard(text);
    clearTimers();
    const tone = ok ? 'success' : 'failure';
    setNotice({ text: ok ? done : t('copyFailed'), tone, fading: false });
    timers.current.push(
      window.setTimeout(() => setNotice((n) => (n ? { ...n, fading: true } : n)), SHOW_MS[tone]),
      window.setTimeout(() => setNotice(null), SHOW_MS[tone] + FADE_MS),
    );
  }, []);

  return { notice, copy };
}

/** The live region that announces copies. Always rendered, so updates are announced. */
export function CopyStatus({ notice }: { notice: CopyNotice | null }) {
  const classes = ['copy-status'];
  if (notice) classes.push(`copy-status-${notice.tone}`);
  if (notice?.fading) classes.push('is-fading');
  return (
    <p class={classes.join(' ')} role="status" data-testid="copy-status">
      {notice?.text ?? ''}
    </p>
  );
}
