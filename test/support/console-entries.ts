/**
 * Console errors and warnings, as each browser's harness collects them
 * (Chromium: chromium-console.ts; Firefox: FirefoxConsole in firefox.ts).
 * The e2e fixtures fail a test on any entry of the extension's.
 */
export interface ConsoleEntry {
  /** Where it was seen: "service worker", "popup.html", "content script on /nasa/", "Browser Console", … */
  where: string;
  level: 'error' | 'warning';
  text: string;
}

export interface ConsoleWatch {
  readonly browserName: string;
  /**
   * The extension's errors and warnings since the last call, once what was
   * in flight has arrived. What is not the extension's (the browser's own
   * messages) is not returned but kept in `ignored`.
   */
  take(): Promise<ConsoleEntry[]>;
  readonly ignored: readonly ConsoleEntry[];
}

/** One line per entry, for a test's failure message. */
export function formatConsoleEntries(entries: readonly ConsoleEntry[]): string {
  return entries.map((e) => `  ${e.level} in ${e.where}: ${e.text.replace(/\s+/g, ' ').slice(0, 500)}`).join('\n');
}
