import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askBackground } from '../utils/background-client';
import { explainError, type ErrorExplanation } from '../utils/error-explanation';
import type { HighlightList } from '../utils/highlight';
import type { LookupError } from '../utils/lookup-error';
import type { LookupResponse } from '../utils/messages';
import { DEFAULT_SETTINGS, type CopyFormat } from '../utils/settings';
import { ErrorPanel } from './ErrorPanel';
import { HighlightsView } from './HighlightsView';
import { LoadingState } from './LoadingState';
import { LookupForm } from './LookupForm';
import { ProfileHeader } from './ProfileHeader';

/** A lookup failure, or the extension's own background not answering. */
type Problem = LookupError | { kind: 'extension'; message: string };

type View =
  | { state: 'starting' }
  | { state: 'no-key'; handle: string | null }
  /** `pageSeen` false: no content script answered in that tab. */
  | { state: 'no-profile'; pageSeen: boolean }
  | { state: 'loading'; handle: string | null }
  | { state: 'list'; list: HighlightList; fromCache: boolean }
  | { state: 'error'; handle: string | null; problem: Problem };

/** What `<main data-state>` says for a view. */
type DataState = 'no-key' | 'no-profile' | 'loading' | 'list' | 'empty' | 'error';

/** The background refuses longer input; say so here instead. */
const LOOKUP_INPUT_MAX = 300;

/** `popup.html?tab=<id>` names the tab; anything else means the active tab. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

async function resolveTabId(): Promise<number | null> {
  const named = tabIdFromSearch(window.location.search);
  if (named !== null) return named;
  try {
    // Opened as a page of its own (not from the toolbar): the active tab is
    // this page, which shows no profile, so there is no tab to ask about.
    if (await browser.tabs.getCurrent()) return null;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return typeof tab?.id === 'number' && tab.id >= 0 ? tab.id : null;
  } catch {
    return null;
  }
}

/** The handle to show while looking up typed input, when it plainly is one. */
function plainHandle(input: string): string | null {
  const match = /^@?([A-Za-z0-9._]{1,30})$/.exec(input.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'The extension background did not answer.';
}

function explainProblem(problem: Problem, handle: string | null): ErrorExplanation {
  if (problem.kind === 'extension') {
    return {
      title: 'The extension did not answer',
      detail: `${problem.message} No credit was used.`,
      action: 'retry',
    };
  }
  return explainError(problem, handle);
}

function dataStateOf(view: View): DataState {
  switch (view.state) {
    case 'starting':
      return 'loading';
    case 'list':
      return view.list.highlights.length === 0 ? 'empty' : 'list';
    default:
      return view.state;
  }
}

function headerHandleOf(view: View): string | null {
  switch (view.state) {
    case 'list':
      return view.list.handle;
    case 'no-key':
    case 'loading':
    case 'error':
      return view.handle;
    default:
      return null;
  }
}

function openOptions(): void {
  browser.runtime.openOptionsPage().catch(() => undefined);
}

type Origin = 'tab' | 'form' | 'retry' | 'refresh';

export function PopupApp() {
  const [view, setView] = useState<View>({ state: 'starting' });
  const [formValue, setFormValue] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  /** A Refresh is under way: the list stays on screen meanwhile. */
  const [refreshing, setRefreshing] = useState(false);
  const [copyFormat, setCopyFormat] = useState<CopyFormat>(DEFAULT_SETTINGS.copyFormat);
  /** Why the last Refresh failed; the older list stays on screen below it. */
  const [refreshProblem, setRefreshProblem] = useState<ErrorExplanation | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  /** Only the newest request may change the view. */
  const sequence = useRef(0);
  /** The last view that was not a loading one, to go back to when typed input is refused. */
  const settled = useRef<View>({ state: 'no-profile', pageSeen: true });
  /** What the last lookup asked for, for "Try again". */
  const lastInput = useRef<string | null>(null);

  const show = (next: View) => {
    if (next.state !== 'loading' && next.state !== 'starting') settled.current = next;
    setView(next);
  };

  const focusForm = () => {
    setFormOpen(true);
    setFocusRequest((n) => n + 1);
  };

  // Layout effect: focus lands before the next keystroke, not after the next paint.
  useLayoutEffect(() => {
    if (focusRequest > 0) inputRef.current?.focus();
  }, [focusRequest]);

  const lookup = async (input: string, refresh: boolean, origin: Origin) => {
    const trimmed = input.trim();
    if (origin === 'form') {
      if (trimmed.length === 0) {
        setFormError('Enter a handle or a profile URL.');
        focusForm();
        return;
      }
      if (trimmed.length > LOOKUP_INPUT_MAX) {
        setFormError('That is too long for a handle or a profile URL.');
        focusForm();
        return;
      }
    }

    const mine = ++sequence.current;
    const guessed = plainHandle(trimmed);
    lastInput.current = trimmed;
    setFormError(null);
    setRefreshProblem(null);
    // A Refresh keeps the list it refreshes on screen; anything else shows loading.
    const refreshing = origin === 'refresh' && view.state === 'list';
    if (refreshing) setRefreshing(true);
    else setView({ state: 'loading', handle: guessed });

    let response: LookupResponse | { ok: false; handle: string | null; error: Problem };
    try {
      response = await askBackground({ type: 'lookup', handle: trimmed, refresh });
    } catch (error) {
      response = { ok: false, handle: guessed, error: { kind: 'extension', message: messageOf(error) } };
    }
    if (mine !== sequence.current) return;
    setRefreshing(false);

    if (!response.ok && refreshing) {
      // The paid-for answer on screen is still right; say why it was not renewed.
      setRefreshProblem(explainProblem(response.error, response.handle ?? guessed));
      return;
    }

    if (response.ok) {
      lastInput.current = response.list.handle;
      show({ state: 'list', list: response.list, fromCache: response.fromCache });
      if (origin === 'form') {
        setFormValue('');
        setFormOpen(false);
      }
      return;
    }

    const { error } = response;
    const handle = response.handle ?? guessed;
    if (error.kind === 'extension') {
      show({ state: 'error', handle, problem: error });
      return;
    }
    if (error.kind === 'invalid-handle' && origin === 'form') {
      // Typed input refused: back to where the person was, with what they typed kept.
      setView(settled.current);
      setFormError(explainError(error, null).detail);
      focusForm();
      return;
    }
    if (error.kind === 'no-key') {
      show({ state: 'no-key', handle });
      return;
    }
    show({ state: 'error', handle, problem: error });
    if (explainError(error, handle).action === 'edit-handle') {
      setFormOpen(true);
      if (handle) setFormValue((typed) => typed || handle);
    }
  };

  const start = async () => {
    const mine = ++sequence.current;
    lastInput.current = null;
    setView({ state: 'starting' });
    let hasKey: boolean;
    let handle: string | null;
    let pageSeen: boolean;
    try {
      const tabId = await resolveTabId();
      const [status, profile] = await Promise.all([
        askBackground({ type: 'get-status' }),
        tabId === null
          ? Promise.resolve({ handle: null, pageSeen: true })
          : askBackground({ type: 'get-tab-profile', tabId }).catch(() => ({ handle: null, pageSeen: false })),
      ]);
      hasKey = status.hasKey;
      setCopyFormat(status.settings.copyFormat);
      handle = profile.handle;
      pageSeen = profile.pageSeen;
    } catch (error) {
      if (mine === sequence.current) {
        show({ state: 'error', handle: null, problem: { kind: 'extension', message: messageOf(error) } });
      }
      return;
    }
    if (mine !== sequence.current) return;
    if (!hasKey) show({ state: 'no-key', handle });
    else if (!handle) show({ state: 'no-profile', pageSeen });
    else void lookup(handle, false, 'tab');
  };

  useEffect(() => {
    void start();
  }, []);

  const retry = () => {
    if (lastInput.current === null) void start();
    else void lookup(lastInput.current, false, 'retry');
  };

  const dataState = dataStateOf(view);
  const busy = view.state === 'loading' || view.state === 'starting';

  const form = (
    <LookupForm
      value={formValue}
      onInput={(value) => {
        setFormValue(value);
        setFormError(null);
      }}
      onSubmit={(value) => void lookup(value, false, 'form')}
      error={formError}
      disabled={busy}
      inputRef={inputRef}
    />
  );

  let body;
  switch (view.state) {
    case 'starting':
      body = <LoadingState label="Checking this tab…" />;
      break;
    case 'loading':
      body = <LoadingState label={view.handle ? `Looking up @${view.handle}…` : 'Looking up that profile…'} />;
      break;
    case 'no-key':
      body = (
        <ErrorPanel
          explanation={explainError({ kind: 'no-key' }, view.handle)}
          alert={false}
          onRetry={retry}
          onOpenOptions={openOptions}
          onEditHandle={focusForm}
        />
      );
      break;
    case 'no-profile':
      body = (
        <section class="no-profile" aria-labelledby="no-profile-title">
          <h2 id="no-profile-title" class="problem-title">
            This page is not an Instagram profile
          </h2>
          <p class="problem-detail">Open a profile on instagram.com, or look one up here.</p>
          {view.pageSeen ? null : (
            <p class="problem-detail" data-testid="reload-hint">
              If this tab does show Instagram, reload it: tabs opened before Highlight Lookup was installed or updated
              cannot be seen until then.
            </p>
          )}
          {form}
        </section>
      );
      break;
    case 'list':
      body = (
        <HighlightsView
          key={`${view.list.handle}:${view.list.fetchedAt}`}
          list={view.list}
          fromCache={view.fromCache}
          onRefresh={() => void lookup(view.list.handle, true, 'refresh')}
          refreshing={refreshing}
          refreshProblem={refreshProblem}
          copyFormat={copyFormat}
        />
      );
      break;
    case 'error':
      body = (
        <ErrorPanel
          explanation={explainProblem(view.problem, view.handle)}
          alert
          formOpen={formOpen}
          onRetry={retry}
          onOpenOptions={openOptions}
          onEditHandle={focusForm}
        />
      );
      break;
  }

  const offersOtherLookup = view.state === 'list' || view.state === 'error';

  return (
    <main
      class="popup"
      data-state={dataState}
      data-error={view.state === 'error' ? view.problem.kind : undefined}
      aria-busy={busy ? 'true' : undefined}
    >
      <ProfileHeader handle={headerHandleOf(view)} onOpenOptions={openOptions} />
      <div class="content">{body}</div>
      {offersOtherLookup ? (
        <footer class="other-lookup">
          <button
            type="button"
            class="disclosure"
            aria-expanded={formOpen ? 'true' : 'false'}
            aria-controls="lookup-form"
            onClick={() => (formOpen ? setFormOpen(false) : focusForm())}
          >
            <span class="disclosure-marker" aria-hidden="true">
              {formOpen ? '▾' : '▸'}
            </span>
            Look up another profile
          </button>
          {formOpen ? form : null}
        </footer>
      ) : null}
    </main>
  );
}
