/**
 * Every message the extension's parts exchange: who sends it, what it carries
 * and what it answers, in one map. Mostly types and a few small functions,
 * and no zod, so that the content script that imports this file stays small.
 * The background checks incoming messages with schemas of its own, which are
 * typed against this map.
 */
import type { Balance } from './account/balance';
import type { CollectionView, Estimate, RunPhase, RunSettings } from './collections/run-record';
import type { HighlightList } from './highlights/highlight';
import type { Text } from './i18n';
import type { LookupError } from './errors/lookup-error';
import { toHandle, type Handle } from './handle';
import type { Settings } from './settings';
import type { CachedStories } from './stories/cached-stories';
import type { StoriesEstimate, StoriesRunOf, StoriesRunView, StoriesStartAnswer } from './stories/stories-run-view';
import type { StoriesOfHighlight } from './stories/story-files';

/**
 * Where an answer is kept: the cache proper, or, when storage.local is full,
 * only until the browser closes ('session') or for a short while ('memory').
 */
export type KeptIn = 'cache' | 'session' | 'memory';

/**
 * A lookup's answer. `keptIn` null: a paid answer told before it was stored
 * (the popup paints meanwhile); 'answer-kept' says where it went.
 */
export type LookupResponse =
  | { ok: true; list: HighlightList; fromCache: boolean; keptIn: KeptIn | null }
  | { ok: false; handle: Handle; error: LookupError };

/**
 * A highlight's stories: from the cache (free) or one paid request; `answer`
 * holds the stories read, or the raw answer when it fit no known shape.
 * `highlightId` is always the digits.
 */
export type StoriesResponse =
  | { ok: true; answer: CachedStories; fromCache: boolean; keptIn: KeptIn }
  | { ok: false; highlightId: string; error: LookupError };

/** What the background says travels as `Text` (utils/i18n.ts); the page that shows it translates it. */
export type SaveKeyResponse = { ok: true; warning: Text | null } | { ok: false; message: Text };

/** The balance, and when SociaVault gave it (epoch ms); or why it could not be obtained. */
export type BalanceAnswer = { ok: true; balance: Balance; at: number } | { ok: false; error: LookupError };

/** The answer when storage refused a change (it is full, or gone), so that the page says so instead of failing silently. */
export type Refused = { ok: false; message: Text };

export type RunAction = 'start' | 'pause' | 'resume' | 'cancel';

export interface CollectionSummary {
  id: string;
  name: string | null;
  size: number;
  phase: RunPhase;
}

/** Who sends a message: the content script, any extension page, the options page only, or the background. */
export type SenderKind = 'content' | 'page' | 'options' | 'background';

type Empty = Record<never, never>;

export interface Protocol {
  /** Content script → background: the profile its page shows now (null: none). */
  'profile-detected': { from: 'content'; request: { handle: Handle | null }; response: { ok: true } };
  /**
   * Popup → the content script of its tab: which profile does the page show
   * right now? No answer means the tab is not on Instagram, or was opened
   * before the extension was installed.
   */
  'which-profile': { from: 'page'; request: Empty; response: { handle: Handle | null } };
  /** Whether a key is set, and the settings; never the key itself. */
  'get-status': { from: 'page'; request: Empty; response: { hasKey: boolean; settings: Settings } };
  /** The cached answer only; never spends a credit. */
  'peek-cache': { from: 'page'; request: { handle: Handle }; response: { list: HighlightList | null } };
  /**
   * The cached answer if fresh, else one request; `refresh` forces a request.
   * `resend`: the user saw that an earlier request was interrupted and asks again.
   */
  lookup: { from: 'page'; request: { handle: Handle; refresh: boolean; resend?: boolean }; response: LookupResponse };
  /** Where the profile's answer is kept, once a paid one told before it was stored is (`keptIn` null in `lookup`'s answer). */
  'answer-kept': { from: 'page'; request: { handle: Handle }; response: { keptIn: KeptIn } };
  /**
   * The stories of one highlight (`highlightId`: digits, or `highlight:<digits>`):
   * cached ones if fresh (free), else one highlight-detail request (1 credit).
   * `refresh` and `resend` as for `lookup`.
   */
  'highlight-stories': {
    from: 'page';
    request: { highlightId: string; refresh: boolean; resend?: boolean };
    response: StoriesResponse;
  };
  /**
   * Stories runs: the stories of every highlight of a profile (its cached
   * list) or of a collection (its run's answers). The estimate sends nothing;
   * Start spends only the `credits` the user confirmed, and answers with the
   * estimate instead when it is another now.
   */
  'stories-run-estimate': { from: 'page'; request: { of: StoriesRunOf }; response: { estimate: StoriesEstimate | null } };
  'stories-run-start': { from: 'page'; request: { of: StoriesRunOf; credits: number }; response: StoriesStartAnswer };
  'stories-run-control': { from: 'page'; request: { of: StoriesRunOf; action: 'pause' | 'resume' | 'cancel' }; response: StoriesRunView };
  'stories-run': { from: 'page'; request: { of: StoriesRunOf }; response: { view: StoriesRunView | null } };
  /** A run's stories, a page of highlights at a time, for the files. */
  'stories-run-results': {
    from: 'page';
    request: { of: StoriesRunOf; offset: number; limit: number };
    response: { highlights: StoriesOfHighlight[]; total: number };
  };
  /** The stored key, to show behind the options page's reveal button. */
  'get-api-key': { from: 'options'; request: Empty; response: { apiKey: string | null } };
  'save-api-key': { from: 'options'; request: { apiKey: string }; response: SaveKeyResponse };
  'remove-api-key': { from: 'options'; request: Empty; response: { ok: true } | Refused };
  'save-settings': { from: 'options'; request: { settings: Settings }; response: { ok: true; settings: Settings } | Refused };
  /** The account's credit balance (free; asked at most once a minute, never without a key). */
  'get-balance': { from: 'page'; request: Empty; response: BalanceAnswer };
  /**
   * "Test key": the balance for a key, saved or only typed; costs no credit.
   * `invalid`: the text cannot be a key, so nothing was sent.
   */
  'test-key': { from: 'options'; request: { apiKey: string }; response: BalanceAnswer | { ok: false; invalid: Text } };
  /** Collections: the list, one with its run, and what the collection page (and the popup's "Add") may do. */
  collections: { from: 'page'; request: Empty; response: { collections: CollectionSummary[] } };
  collection: { from: 'page'; request: { id: string }; response: CollectionView | null };
  'collection-create': { from: 'page'; request: { name: string }; response: { id: string } };
  'collection-rename': { from: 'page'; request: { id: string; name: string }; response: { ok: boolean } };
  /** Adds profiles (to the default collection without `id`); says how many went in, and which did not fit (`left`). */
  'collection-add': {
    from: 'page';
    request: { id?: string; handles: Handle[] };
    response: { added: number; size: number; overLimit: number; left: Handle[] };
  };
  'collection-remove': { from: 'page'; request: { id: string; handles: Handle[] }; response: { size: number } };
  /** Empties a collection (profiles, run, answers); `drop` deletes it, unless it is the default one. */
  'collection-clear': { from: 'page'; request: { id: string; drop: boolean }; response: { ok: true } };
  /** What a run would cost, before anything is sent. */
  'collection-estimate': { from: 'page'; request: { id: string }; response: Estimate };
  'collection-control': { from: 'page'; request: { id: string; action: RunAction }; response: CollectionView | null };
  /** What the user chose for every run: lookups at once (1–6) and whether to be told when a run ends. */
  'collection-settings': { from: 'page'; request: Empty; response: RunSettings };
  'collection-save-settings': { from: 'page'; request: Partial<RunSettings>; response: RunSettings };
  /** A run's answers, a page at a time, for the files. */
  'collection-results': {
    from: 'page';
    request: { id: string; offset: number; limit: number };
    response: { lists: HighlightList[]; total: number };
  };
  /** What automatic lookups spent today (each one a credit). */
  'get-usage': { from: 'options'; request: Empty; response: { autoLookupsToday: number } };
  /**
   * Forgets every cached answer but `keep`'s, which then goes into the cache
   * (the popup offers this when the cache was too full for the answer it shows).
   */
  'clear-cache': { from: 'page'; request: { keep?: Handle }; response: { cleared: number; keptIn: KeptIn | null } };
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ResponseOf<T extends MessageType> = Protocol[T]['response'];

/** The message types that a kind of sender may send. */
export type MessagesFrom<S extends SenderKind> = {
  [T in MessageType]: Protocol[T]['from'] extends S ? T : never;
}[MessageType];

/** What the background receives, from anyone. */
export type BackgroundMessage = Exclude<MessagesFrom<'content' | 'page' | 'options'>, TabMessage>;
/** What an extension page may send a tab's content script. */
export type TabMessage = 'which-profile';
/** What an extension page may send the background; the options page may send `OptionsMessage` too. */
export type PageMessage = Exclude<MessagesFrom<'page'>, TabMessage>;
export type OptionsMessage = Exclude<MessagesFrom<'page' | 'options'>, TabMessage>;

/** A message as it travels: its type beside its request's fields. */
export type Message<T extends MessageType> = { type: T } & RequestOf<T>;

export function message<T extends MessageType>(type: T, request: RequestOf<T>): Message<T> {
  return { type, ...request };
}

/**
 * One handler per message type, typed from the map: a handler that answers
 * the wrong shape does not compile.
 */
export type Handlers<Types extends MessageType, Sender> = {
  [T in Types]: (request: RequestOf<T>, sender: Sender) => Promise<ResponseOf<T>>;
};

/** Sends one message and resolves with its answer, typed from the map. */
export type Send<Types extends MessageType> = <T extends Types>(type: T, request: RequestOf<T>) => Promise<ResponseOf<T>>;

/**
 * A content script's answer to `which-profile`, checked like any message from
 * a page's process: a checked handle, null for "no profile", or undefined for
 * anything else.
 */
export function handleFromWhichProfile(answer: unknown): Handle | null | undefined {
  if (typeof answer !== 'object' || answer === null || !Object.hasOwn(answer, 'handle')) return undefined;
  const { handle } = answer as { handle: unknown };
  if (handle === null) return null;
  return typeof handle === 'string' && toHandle(handle) === handle ? (handle as Handle) : undefined;
}

/** The background sent no answer (it was stopped, or nothing listened); pages say so in their language. */
export class NoAnswerError extends Error {
  constructor() {
    super('The extension background did not answer.');
    this.name = 'NoAnswerError';
  }
}

/**
 * A typed `send` over a runtime's raw `sendMessage`. The receiver is the
 * background, whose handlers are typed against the same map, so its answer is
 * taken as that message's response; a missing answer is an error.
 */
export function createSender<Types extends MessageType>(
  transport: (message: Message<Types>) => Promise<unknown>,
): Send<Types> {
  return async <T extends Types>(type: T, request: RequestOf<T>) => {
    const response = await transport(message(type, request) as Message<Types>);
    if (response === undefined) throw new NoAnswerError();
    return response as ResponseOf<T>;
  };
}
