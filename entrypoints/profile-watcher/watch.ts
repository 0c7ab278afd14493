import { parseProfileUrl, type Handle } from '@/utils/profile-url';

export interface ProfileWatchDeps {
  /** The page's URL now. */
  currentUrl: () => string;
  /** Tells the background; rejects when the background could not be reached. */
  report: (handle: Handle | null) => Promise<unknown>;
  /** False once this extension was updated, reloaded or removed: this copy of the script then stops. */
  isAlive: () => boolean;
  /** Calls `listener` with the new URL after every in-page navigation; returns how to stop. */
  onUrlChange: (listener: (url: string) => void) => () => void;
}

/**
 * Follows the profile a page shows and reports each change, once. The page's
 * URL is the only input: nothing is read from, written to or sent into the page.
 */
export function watchProfile({ currentUrl, report, isAlive, onUrlChange }: ProfileWatchDeps) {
  /** What the background was last told; undefined: nothing yet, or that report was lost. */
  let reported: Handle | null | undefined;
  let stopListening: (() => void) | null = null;

  const stop = () => {
    stopListening?.();
    stopListening = null;
  };

  function check(url: string): void {
    if (!isAlive()) return stop();
    const handle = parseProfileUrl(url);
    // A navigation within the same profile (its tabs, a post) costs nothing more.
    if (handle === reported) return;
    reported = handle;
    report(handle).catch(() => {
      // The background was restarting, or this copy of the script has just been cut off: try again on the next change.
      if (reported === handle) reported = undefined;
      if (!isAlive()) stop();
    });
  }

  check(currentUrl());
  stopListening = onUrlChange(check);

  return {
    /** The profile the page shows right now, for the background's question. */
    current: (): Handle | null => parseProfileUrl(currentUrl()),
    stop,
  };
}
