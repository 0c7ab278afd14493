import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import { CacheFullNotice } from '@/components/CacheFullNotice';
import { ErrorPanel } from '@/components/ErrorPanel';
import { HighlightsView } from '@/components/HighlightsView';
import { LoadingState } from '@/components/LoadingState';
import { LookupForm } from '@/components/LookupForm';
import { NoProfilePanel } from '@/components/NoProfilePanel';
import { OtherLookup } from '@/components/OtherLookup';
import { ProfileHeader } from '@/components/ProfileHeader';
import { explainError, type ErrorExplanation } from '@/utils/error-explanation';
import { text, type Translate } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import { initialPopupState, isBusy, isRefreshing, popupReducer, type PopupState, type Problem, type View } from './state';
import { runTask, type TaskDeps } from './tasks';

export interface AppProps extends TaskDeps {
  openOptions: () => void;
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

export function explainProblem(problem: Problem, handle: Handle | null): ErrorExplanation {
  if (problem.kind !== 'extension') return explainError(problem, handle);
  // Only what is known: once a lookup was asked for, a request may have left.
  return {
    title: text('extensionNoAnswerTitle'),
    detail: text(problem.duringLookup ? 'extensionNoAnswerAfterLookup' : 'extensionNoAnswerNoCost'),
    action: 'retry',
  };
}

/** The popup: renders its state, sends events, and runs the task the state asks for. */
export function App({ openOptions, t, ...deps }: AppProps) {
  const [state, dispatch] = useReducer(popupReducer, initialPopupState);
  const inputRef = useRef<HTMLInputElement>(null);

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
      data-state={dataStateOf(view)}
      data-error={view.state === 'error' ? view.problem.kind : undefined}
      aria-busy={view.state === 'loading' || view.state === 'starting' ? 'true' : undefined}
    >
      <ProfileHeader handle={headerHandleOf(view)} onOpenOptions={openOptions} t={t} />
      <div class="content">
        <PopupBody state={state} form={form} dispatch={dispatch} openOptions={openOptions} t={t} />
      </div>
      {offersOtherLookup ? (
        <OtherLookup
          open={state.form.open}
          onToggle={() => dispatch({ type: state.form.open ? 'form-closed' : 'form-opened' })}
          form={form}
          t={t}
        />
      ) : null}
    </main>
  );
}

interface BodyProps {
  state: PopupState;
  form: JSX.Element;
  dispatch: (event: Parameters<typeof popupReducer>[1]) => void;
  openOptions: () => void;
  t: Translate;
}

function PopupBody({ state, form, dispatch, openOptions, t }: BodyProps) {
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
          explanation={explainError({ kind: 'no-key' }, view.handle)}
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
          refreshProblem={state.refreshProblem ? explainProblem(state.refreshProblem, view.list.handle) : null}
          copyFormat={state.copyFormat}
          t={t}
        />
      );
    case 'error':
      return (
        <ErrorPanel
          explanation={explainProblem(view.problem, view.handle)}
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
