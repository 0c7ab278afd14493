import { Component, createRef } from 'preact';
import { HighlightsView } from './list/HighlightsView';
import { OtherLookup } from './panels/OtherLookup';
import { ProfileHeader } from './list/ProfileHeader';
import type { CopyNotice } from './list/CopyStatus';
import type { Copier } from './on-demand/copying';
import { afterPaint, lazyModule } from './on-demand/lazy-module';
import type { Translate } from '@/utils/i18n';
import type { Handle } from '@/utils/handle';
import type { BalanceAnswer } from '@/utils/protocol';
import { initialPopupState, isBusy, isRefreshing, listArrived, startOver } from './opening';
import type { PopupEvent, PopupState, View } from './state';
import { runTask, type TaskDeps } from './tasks';

export interface AppProps extends TaskDeps {
  /** The state worked out before rendering (main.tsx); null: start from "Checking this tab…". */
  initial?: PopupState | null;
  openOptions: () => void;
  /** Opens an extension page (the collection) in a tab. */
  openPage: (path: '/collection.html') => void;
  /** Opens the panel for a tab in a window of its own. */
  popOut: (tabId: number) => void;
  /** The popup's words, in the browser's language. */
  t: Translate;
}

interface AppState {
  popup: PopupState;
  notice: CopyNotice | null;
  balance: BalanceAnswer | null;
}

/** What `<main data-state>` says for a view. */
type DataState = 'no-key' | 'no-profile' | 'loading' | 'list' | 'empty' | 'error';

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

function headerHandleOf(view: View): Handle | null {
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

/** The explanations of failures, loaded once there is one to show (failure-text.ts). */
const problems = lazyModule(() => import('./failure-text'));
/** What the popup shows besides a list and loading (no key, no profile, a failure, the lookup form), loaded when one is shown. */
const panels = lazyModule(() => import('./panels/panel-set'));
/** Copying (the clipboard, the notices, Copy all's formats): loaded after the first paint, or on the first copy. */
const copying = lazyModule(() => import('./on-demand/copying'));
/** "Checking this tab…" and "Looking up …": a cached list paints without them. */
const loading = lazyModule(() => import('./panels/LoadingState'));
/** The balance, loaded once the background has told it. */
const balanceFooter = lazyModule(() => import('./on-demand/BalanceFooter'));
/**
 * The reducer of every event (state.ts): the popup works out its first state
 * without it (opening.ts), and loads it after the first paint, or at once when
 * that state is waiting for an answer.
 */
const reducer = lazyModule(() => import('./state'));

/**
 * The popup: renders its state, sends events, and runs the task the state
 * asks for as soon as it is rendered (componentDidUpdate runs before the
 * browser paints). What is not the view itself (the balance) is asked for
 * after the paint.
 */
export class App extends Component<AppProps, AppState> {
  override state: AppState = { popup: this.props.initial ?? startOver(initialPopupState), notice: null, balance: null };
  private inputRef = createRef<HTMLInputElement>();
  private copier: Copier | null = null;
  /** What the list's and the header's copy buttons call: the copying code, once loaded. */
  private copying = (): Promise<Copier> =>
    copying.get().then((code) => (this.copier ??= code.createCopier(this.props.t, (notice) => this.setState({ notice }))));
  private copy = (text: string, done: string) => this.copying().then((copier) => copier.copy(text, done));
  /** The task whose work was started last: each runs once. */
  private started = 0;
  /** The view the balance was last asked after. */
  private balanceAfter = '';
  /** The list whose place in storage was last asked (a paid answer told before it was stored). */
  private keptAsked = '';
  private arrived = () => this.forceUpdate();

  /** Events waiting for the reducer's code: those that come after them wait too, so that all apply in order. */
  private queued = 0;

  private dispatch = (event: PopupEvent) => {
    const code = reducer.now();
    if (code && !this.queued) return this.setState(({ popup }) => ({ popup: code.popupReducer(popup, event) }));
    // A list answering a lookup paints without waiting for the reducer's code (a profile showed it loading still).
    if (!this.queued && event.type === 'lookup-answered' && event.response.ok) return this.setState(({ popup }) => ({ popup: listArrived(popup, event) }));
    this.queued++;
    reducer.get().then(
      ({ popupReducer }) => {
        this.queued--;
        this.setState(({ popup }) => ({ popup: popupReducer(popup, event) }));
      },
      () => this.queued--,
    );
  };

  override componentDidMount(): void {
    const loadReducer = () => void reducer.get().catch(() => undefined);
    // A state waiting for an answer (a lookup, the reads) needs the reducer when it comes: load it alongside.
    if (this.state.popup.task) loadReducer();
    else afterPaint(loadReducer);
    this.follow(null);
    afterPaint(() => void this.copying().catch(() => undefined));
  }

  override componentDidUpdate(_props: AppProps, previous: AppState): void {
    this.follow(previous.popup);
  }

  override componentWillUnmount(): void {
    this.copier?.stop();
  }

  /** What a new state asks for: its task started, the field focused, the balance asked for after a settled view. */
  private follow(previous: PopupState | null): void {
    const { popup } = this.state;
    const { task, view, form } = popup;
    if (task && task.id !== this.started) {
      this.started = task.id;
      void runTask(task, this.props).then(this.dispatch);
    }
    if (form.focusRequest > 0 && form.focusRequest !== previous?.form.focusRequest) this.inputRef.current?.focus();
    // After each settled view (so also after each paid answer): the background asks SociaVault at most once a minute.
    const viewKey = view.state === 'list' ? `list:${view.list.handle}:${view.list.fetchedAt}` : view.state;
    if (view.state === 'list' && view.keptIn === null && viewKey !== this.keptAsked) {
      this.keptAsked = viewKey;
      const { handle, fetchedAt } = view.list;
      afterPaint(() =>
        void this.props.send('answer-kept', { handle }).then(({ keptIn }) => this.dispatch({ type: 'answer-kept', handle, fetchedAt, keptIn }), () => undefined),
      );
    }
    if (view.state !== 'starting' && view.state !== 'loading' && viewKey !== this.balanceAfter) {
      this.balanceAfter = viewKey;
      afterPaint(() => void this.props.send('get-balance', {}).then((balance) => this.setState({ balance }), () => undefined));
    }
  }

  render() {
    const { openOptions, openPage, popOut, send, t } = this.props;
    const { popup: state, notice, balance } = this.state;
    const { view } = state;
    const dispatch = this.dispatch;
    const failure = view.state === 'error' || state.refreshProblem !== null ? problems.need(this.arrived) : null;
    const explain = failure?.explainProblem ?? null;
    const needsPanels = view.state === 'error' || view.state === 'no-key' || view.state === 'no-profile' || state.form.open;
    const fullCache = view.state === 'list' && ((view.keptIn !== 'cache' && view.keptIn !== null) || state.roomMade !== null);
    const panel = needsPanels || fullCache ? panels.need(this.arrived) : null;
    // A view counts as shown, and the popup as settled, only once the code that shows it has loaded
    // (milliseconds, from the extension's own files): a failure's explanation, a panel.
    const waiting = (view.state === 'error' && !explain) || (needsPanels && view.state !== 'list' && !panel);
    const footer = balance?.ok ? balanceFooter.need(this.arrived) : null;
    const form = panel ? <panel.StateLookupForm state={state} dispatch={dispatch} inputRef={this.inputRef} t={t} /> : null;

    let body = null;
    if (view.state === 'starting' || view.state === 'loading') {
      const code = loading.need(this.arrived);
      body = code ? <code.LoadingState label={view.state === 'starting' ? t('checkingTab') : t('lookingUp', view.handle)} /> : null;
    } else if (view.state === 'list') {
      body = (
        <HighlightsView
          key={`${view.list.handle}:${view.list.fetchedAt}`}
          list={view.list}
          fromCache={view.fromCache}
          cacheNotice={
            panel ? (
              <panel.CacheFullNotice keptIn={view.keptIn} roomMade={state.roomMade} busy={isBusy(state)} onMakeRoom={() => dispatch({ type: 'make-room' })} t={t} />
            ) : null
          }
          onRefresh={() => dispatch({ type: 'refresh' })}
          refreshing={isRefreshing(state)}
          refreshProblem={
            state.refreshProblem && failure ? <failure.RefreshProblem explanation={failure.explainProblem(state.refreshProblem, view.list.handle)} t={t} /> : null
          }
          copyFormat={state.settings.copyFormat}
          menu={{ handle: view.list.handle, send, openCollection: () => openPage('/collection.html') }}
          copy={this.copy}
          copying={this.copying}
          notice={notice}
          send={send}
          t={t}
        />
      );
    } else if (panel && !waiting) {
      body = <panel.PanelBody state={state} dispatch={dispatch} inputRef={this.inputRef} openOptions={openOptions} explain={explain} t={t} />;
    }
    const offersOtherLookup = view.state === 'list' || view.state === 'error';

    return (
      <main
        class="popup"
        data-state={waiting ? 'loading' : dataStateOf(view)}
        data-error={view.state === 'error' && !waiting ? view.problem.kind : undefined}
        aria-busy={view.state === 'loading' || view.state === 'starting' || waiting ? 'true' : undefined}
      >
        <ProfileHeader
          handle={headerHandleOf(view)}
          ownerId={view.state === 'list' ? view.list.ownerId : null}
          onCopyUserId={(id) => void this.copy(id, t('copiedUserId', id))}
          onOpenOptions={openOptions}
          onPopOut={state.tabId === null ? null : () => popOut(state.tabId!)}
          t={t}
        />
        <div class="content">{body}</div>
        {offersOtherLookup || footer ? (
          <footer class="popup-footer">
            {offersOtherLookup ? (
              <OtherLookup open={state.form.open} onToggle={() => dispatch({ type: state.form.open ? 'form-closed' : 'form-opened' })} form={form} t={t} />
            ) : null}
            {footer ? <footer.BalanceFooter answer={balance} lowBalanceWarning={state.settings.lowBalanceWarning} t={t} /> : null}
          </footer>
        ) : null}
      </main>
    );
  }
}
