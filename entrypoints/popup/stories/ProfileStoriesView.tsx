import { useEffect, useRef, useState } from 'preact/hooks';
import type { FileFormat } from '@/utils/highlights/export-files';
import type { Handle } from '@/utils/handle';
import type { Translate } from '@/utils/i18n';
import type { PageMessage, Send } from '@/utils/protocol';
import type { StoriesEstimate, StoriesRunView } from '@/utils/stories/stories-run-view';
import { saveFile } from '@/components/save-file';
import { PROGRESS_EVERY_MS, StoriesEstimateBox, StoriesRunProgress, storiesRunFile } from '@/components/StoriesRunParts';
import { adoptStyle } from '../on-demand/adopt-style';
import { backOnEscape, StoriesHead } from './StoriesHead';
import style from './stories.css?inline';

adoptStyle(style);

interface Props {
  handle: Handle;
  send: Send<PageMessage>;
  /** Back to the list (the Back button, Escape). */
  onClose: () => void;
  t: Translate;
}

type Shown =
  | { state: 'loading' }
  | { state: 'estimate'; estimate: StoriesEstimate; changed: boolean; starting: boolean }
  | { state: 'no-list' }
  /** The background did not answer (stopped mid-message): nothing is known, and nothing is lost. */
  | { state: 'no-answer' }
  | { state: 'run'; view: StoriesRunView };

/**
 * All stories of a profile, in the popup in place of the list (its own lazy
 * chunk). First the estimate, worked out by the background from the cache
 * alone; nothing is sent before the user confirms it. The run itself is the
 * background's: closing the popup loses nothing, and opening this view again
 * shows how far it is.
 */
export function ProfileStoriesView({ handle, send, onClose, t }: Props) {
  const of = { profile: handle };
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const back = useRef<HTMLButtonElement>(null);

  const lost = () => setShown({ state: 'no-answer' });
  const estimate = (changed = false) =>
    send('stories-run-estimate', { of }).then(
      ({ estimate }) => setShown(estimate ? { state: 'estimate', estimate, changed, starting: false } : { state: 'no-list' }),
      lost,
    );

  useEffect(() => {
    back.current?.focus();
    // A run under way (or done) shows as it is; otherwise the estimate.
    void send('stories-run', { of }).then(({ view }) => (view ? setShown({ state: 'run', view }) : estimate()), lost);
  }, [handle]);

  const running = shown.state === 'run' && shown.view.phase === 'running';
  useEffect(() => {
    if (!running) return;
    // A missed answer (the worker stopping) is only a missed step: the next one asks again.
    const ask = () => void send('stories-run', { of }).then(({ view }) => view && setShown({ state: 'run', view }), () => undefined);
    const timer = setInterval(ask, PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [running]);

  const confirm = (credits: number) => {
    if (shown.state === 'estimate') setShown({ ...shown, starting: true });
    void send('stories-run-start', { of, credits }).then((answer) => {
      if (answer.ok) setShown({ state: 'run', view: answer.view });
      else setShown(answer.estimate ? { state: 'estimate', estimate: answer.estimate, changed: true, starting: false } : { state: 'no-list' });
    }, lost);
  };
  const control = (action: 'pause' | 'resume' | 'cancel') => void send('stories-run-control', { of, action }).then((view) => setShown({ state: 'run', view }), lost);

  const download = (format: FileFormat) =>
    void storiesRunFile(send, of, format, handle).then(({ name, blob }) => saveFile(name, blob));

  const onBack = () => {
    onClose();
    // Back to the button of the menu it was opened from.
    document.querySelector<HTMLElement>('.menu-button')?.focus();
  };

  return (
    <section class="stories-view" aria-label={t('allStoriesOf', handle)} data-testid="all-stories" data-state={shown.state} onKeyDown={backOnEscape(onBack)}>
      <StoriesHead backRef={back} onBack={onBack} title={t('allStoriesOf', handle)} t={t} />
      {shown.state === 'loading' ? (
        <p class="stories-loading" role="status" aria-busy="true">
          {t('allStoriesEstimating')}
        </p>
      ) : shown.state === 'no-list' || shown.state === 'no-answer' ? (
        <p class="stories-problem" role="alert" data-testid="all-stories-problem">
          {t(shown.state === 'no-list' ? 'allStoriesNoList' : 'backgroundNoAnswer')}
        </p>
      ) : shown.state === 'estimate' ? (
        <StoriesEstimateBox {...shown} onConfirm={confirm} t={t} />
      ) : (
        <StoriesRunProgress view={shown.view} onControl={control} onStartAgain={() => void estimate()} onDownload={(format) => void download(format)} t={t} />
      )}
    </section>
  );
}
