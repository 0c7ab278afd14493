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
  /** Calls `then` after `ms` (setTimeout; a test passes its own). */
  after?: (ms: number, then: () => void) => void;
}

/**
 * How long after a lost report it is sent again, attempt after attempt. A
 * report is lost when the background is being stopped or started at that
 * moment; without another try the toolbar would name the previous profile
 * until the next navigation.
 */
export const REPORT_RETRY_MS: readonly number[] = [250, 1_000, 4_000];

/**
 * Follows the profile a page shows and reports each change, once. The page's
 * URL is the only input: nothing is read from, written to or sent into the page.
 */
export function watchProfile({ currentUrl, report, isAlive, onUrlChange, after = (ms, then) => void setTimeout(then, ms) }: ProfileWatchDeps) {
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
    send(handle, 0);
  }

  function send(handle: Handle | null, attempt: number): void {
    report(handle).catch(() => {
      // This copy of the script has been cut off (the extension was updated): nothing more to do.
      if (!isAlive()) return stop();
      // A later change has been reported meanwhile: this one no longer matters.
      if (reported !== handle) return;
      const wait = REPORT_RETRY_MS[attempt];
      // The background was restarting: again in a moment, then give up until the next change.
      if (wait === undefined) reported = undefined;
      else after(wait, () => {
        if (reported === handle && isAlive()) send(handle, attempt + 1);
      });
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
