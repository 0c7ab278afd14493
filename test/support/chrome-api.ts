/**
 * The few chrome.* calls test code makes inside the browser (page.evaluate,
 * worker.evaluate). The project types the extension through `browser` (the
 * polyfill), so there are no global `chrome` types; test files declare
 * `declare const chrome: ChromeApi;` at module level, which type-checks those
 * callbacks without adding a global to the project.
 */
export interface ChromeTab {
  id?: number;
  windowId: number;
  active: boolean;
  url?: string;
  title?: string;
}

interface StorageAreaApi {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
  getBytesInUse(keys?: string | string[] | null): Promise<number>;
  /** storage.local's quota (10 MB without the unlimitedStorage permission). */
  QUOTA_BYTES: number;
}

export interface ChromeAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

export interface ChromeApi {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
  };
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean; currentWindow?: boolean; url?: string | string[] }): Promise<ChromeTab[]>;
    get(tabId: number): Promise<ChromeTab>;
    update(tabId: number, props: { active?: boolean; url?: string }): Promise<ChromeTab | undefined>;
    getCurrent(): Promise<ChromeTab | undefined>;
  };
  storage: { local: StorageAreaApi; session: StorageAreaApi };
  action: {
    getTitle(details: { tabId?: number }): Promise<string>;
    getBadgeText(details: { tabId?: number }): Promise<string>;
    setIcon(details: { tabId?: number; path: Record<number, string> }): Promise<void>;
  };
  alarms: {
    create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void>;
    get(name: string): Promise<ChromeAlarm | undefined>;
    getAll(): Promise<ChromeAlarm[]>;
    clearAll(): Promise<boolean>;
  };
}
