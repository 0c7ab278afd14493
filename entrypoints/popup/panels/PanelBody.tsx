import type { Ref } from 'preact';
import { NO_KEY_EXPLANATION } from '@/utils/errors/error-action';
import type { Translate } from '@/utils/i18n';
import type { explainProblem } from '../failure-text';
import { isBusy } from '../opening';
import type { PopupEvent, PopupState } from '../state';
import { ErrorPanel } from './ErrorPanel';
import { LookupForm } from './LookupForm';
import { NoProfilePanel } from './NoProfilePanel';

interface FormProps {
  state: PopupState;
  dispatch: (event: PopupEvent) => void;
  inputRef: Ref<HTMLInputElement>;
  t: Translate;
}

/** The lookup form, wired to the popup's state. */
export function StateLookupForm({ state, dispatch, inputRef, t }: FormProps) {
  return (
    <LookupForm
      value={state.form.value}
      onInput={(value) => dispatch({ type: 'form-input', value })}
      onSubmit={(checked) => dispatch({ type: 'form-submitted', checked })}
      error={state.form.error}
      disabled={isBusy(state)}
      inputRef={inputRef}
      t={t}
    />
  );
}

interface Props extends FormProps {
  openOptions: () => void;
  /** Loaded (App.tsx waits for it before a failure counts as shown). */
  explain: typeof explainProblem | null;
}

/** What the popup shows without a list: no key, a failure with its next step, or no profile in the tab with the form. */
export function PanelBody(props: Props) {
  const { state, dispatch, openOptions, explain, t } = props;
  const { view } = state;
  if (view.state === 'no-profile') return <NoProfilePanel pageSeen={view.pageSeen} form={<StateLookupForm {...props} />} t={t} />;
  const explanation = view.state === 'no-key' ? NO_KEY_EXPLANATION : view.state === 'error' && explain ? explain(view.problem, view.handle) : null;
  if (!explanation) return null;
  return (
    <ErrorPanel
      explanation={explanation}
      alert={view.state === 'error'}
      formOpen={state.form.open}
      onRetry={() => dispatch({ type: 'retry' })}
      onOpenOptions={openOptions}
      onEditHandle={() => dispatch({ type: 'form-opened' })}
      t={t}
    />
  );
}
