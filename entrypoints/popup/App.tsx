import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import { CacheFullNotice } from './panels/CacheFullNotice';
import { CollectionActions } from './panels/CollectionActions';
import { ErrorPanel } from './panels/ErrorPanel';
import { HighlightsView } from './list/HighlightsView';
import { LoadingState } from './panels/LoadingState';
import { LookupForm } from './panels/LookupForm';
import { NoProfilePanel } from './panels/NoProfilePanel';
import { OtherLookup } from './panels/OtherLookup';
import { ProfileHeader } from './list/ProfileHeader';
import { DEFAULT_COLLECTION_ID } from '@/utils/collections/run-record';
import { lazyModule } from './on-demand/lazy-module';
import { NO_KEY_EXPLANATION } from '@/utils/errors/error-action';
import type { Translate } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import type { explainProblem } from './failure-text';
import { initialPopupState, isBusy, isRefreshing, popupReducer, type PopupState, type View } from './state';
import { runTask, type TaskDeps } from './tasks';
import { extrasReducer, initialExtras } from './balance-and-collection';

export interface AppProps extends TaskDeps {
  openOptions: () => void;
  /** Opens an extension page (the collection) in a tab. */
  openPage: (path: '/collection.html') => void;
  /** Opens the panel for a tab in a window of its own. */
  popOut: (tabId: number) => void;
  /** The popup's words, in the browser's language. */
  t: Translate;
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

/** The explanations of failures, loaded once there is one to show (entrypoints/popup/failure-text.ts). */
const problems = lazyModule(() => import('./failure-text'));
/** The balance footer, loaded once the background has told the balance. */
const balanceFooter = lazyModule(() => import('./on-demand/BalanceFooter'));

/** The popup: renders its state, sends events, and runs the task the state asks for. */
export function App({ openOptions, openPage, popOut, t, ...deps }: AppProps) {
  const [state, dispatch] = useReducer(popupReducer, initialPopupState);
  const [extras, dispatchExtras] = useReducer(extrasReducer, initialExtras);
  const inputRef = useRef<HTMLInputElement>(null);
  const { send } = deps;

  useEffect(() => dispatch({ type: 'opened' }), []);

  const { task } = state;
  useEffect(() => {
    if (task) void runTask(task, deps).then(dispatch);
  }, [task?.id]);

  // Layout effect: focus lands before the next keystroke, not after the next paint.
  useLayoutEffect(() => {
    if (state.form.focusRequest > 0) inputRef.current?.focus();
  }, [state.form.focusRequest]);

  const { view } = state;
  const explain = problems.use(view.state === 'error' || state.refreshProblem !== null)?.explainProblem ?? null;
  // A failure counts as shown, and the popup as settled, only once its explanation has loaded
  // (milliseconds, from the extension's own files).
  const explaining = view.state === 'error' && !explain;
  const footer = balanceFooter.use(extras.balance?.ok === true);
  // After each settled view (so also after each paid answer), ask for the balance (the
  // background asks SociaVault at most once a minute) and the default collection's size.
  const viewKey = view.state === 'list' ? `list:${view.list.handle}:${view.list.fetchedAt}` : view.state;
  useEffect(() => {
    if (view.state === 'starting' || view.state === 'loading') return;
    void send('get-balance', {}).then((answer) => dispatchExtras({ type: 'balance', answer }), () => undefined);
    if (view.state === 'list') {
      void send('collections', {}).then(
        ({ collections }) => dispatchExtras({ type: 'collection-size', size: collections.find((c) => c.id === DEFAULT_COLLECTION_ID)?.size ?? 0 }),
        () => undefined,
      );
    }
  }, [viewKey]);

  const addToCollection = (handle: Handle) => {
    dispatchExtras({ type: 'adding' });
    send('collection-add', { handles: [handle] }).then(
      (result) => dispatchExtras({ type: 'added', ...result }),
      () => dispatchExtras({ type: 'add-failed' }),
    );
  };

  const form = (
    <LookupForm
      value={state.form.value}
      onInput={(value) => dispatch({ type: 'form-input', value })}
      onSubmit={() => dispatch({ type: 'form-submitted' })}
      error={state.form.error}
      disabled={isBusy(state)}
      inputRef={inputRef}
      t={t}
    />
  );
  const offersOtherLookup = view.state === 'list' || view.state === 'error';

  return (
    <main
      class="popup"
      data-state={explaining ? 'loading' : dataStateOf(view)}
      data-error={view.state === 'error' && !explaining ? view.problem.kind : undefined}
      aria-busy={view.state === 'loading' || view.state === 'starting' || explaining ? 'true' : undefined}
    >
      <ProfileHeader
        handle={headerHandleOf(view)}
        onOpenOptions={openOptions}
        onPopOut={state.tabId === null ? null : () => popOut(state.tabId!)}
        t={t}
      />
      <div class="content">
        <PopupBody
          send={send}
          state={state}
          form={form}
          dispatch={dispatch}
          openOptions={openOptions}
          explain={explain}
          collection={
            view.state === 'list' ? (
              <CollectionActions
                {...extras}
                onAdd={() => addToCollection(view.list.handle)}
                onOpenCollection={() => openPage('/collection.html')}
                t={t}
              />
            ) : null
          }
          t={t}
        />
      </div>
      {offersOtherLookup ? (
        <OtherLookup
          open={state.form.open}
          onToggle={() => dispatch({ type: state.form.open ? 'form-closed' : 'form-opened' })}
          form={form}
          t={t}
        />
      ) : null}
      {footer ? <footer.BalanceFooter answer={extras.balance} lowBalanceWarning={state.settings.lowBalanceWarning} t={t} /> : null}
    </main>
  );
}

interface BodyProps {
  state: PopupState;
  send: AppProps['send'];
  form: JSX.Element;
  /** "Add to collection" under a list. */
  collection: JSX.Element | null;
  dispatch: (event: Parameters<typeof popupReducer>[1]) => void;
  openOptions: () => void;
  /** Null until the explanations have loaded. */
  explain: typeof explainProblem | null;
  t: Translate;
}

function PopupBody({ state, send, form, collection, dispatch, openOptions, explain, t }: BodyProps) {
  const { view } = state;
  const retry = () => dispatch({ type: 'retry' });
  const editHandle = () => dispatch({ type: 'form-opened' });
  switch (view.state) {
    case 'starting':
      return <LoadingState label={t('checkingTab')} />;
    case 'loading':
      return <LoadingState label={t('lookingUp', view.handle)} />;
    case 'no-key':
      return (
        <ErrorPanel
          explanation={NO_KEY_EXPLANATION}
          alert={false}
          onRetry={retry}
          onOpenOptions={openOptions}
          onEditHandle={editHandle}
          t={t}
        />
      );
    case 'no-profile':
      return <NoProfilePanel pageSeen={view.pageSeen} form={form} t={t} />;
    case 'list':
      return (
        <HighlightsView
          key={`${view.list.handle}:${view.list.fetchedAt}`}
          list={view.list}
          fromCache={view.fromCache}
          cacheNotice={
            <CacheFullNotice
              keptIn={view.keptIn}
              roomMade={state.roomMade}
              busy={isBusy(state)}
              onMakeRoom={() => dispatch({ type: 'make-room' })}
              t={t}
            />
          }
          onRefresh={() => dispatch({ type: 'refresh' })}
          refreshing={isRefreshing(state)}
          refreshProblem={state.refreshProblem && explain ? explain(state.refreshProblem, view.list.handle) : null}
          copyFormat={state.settings.copyFormat}
          collection={collection}
          send={send}
          t={t}
        />
      );
    case 'error':
      // Nothing for the milliseconds its explanation takes to load; data-state says "loading" meanwhile.
      if (!explain) return null;
      return (
        <ErrorPanel
          explanation={explain(view.problem, view.handle)}
          alert
          formOpen={state.form.open}
          onRetry={retry}
          onOpenOptions={openOptions}
          onEditHandle={editHandle}
          t={t}
        />
      );
  }
}
