import { useEffect, useRef, useState } from 'preact/hooks';
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import { exportFileType, type FileFormat } from '@/utils/highlights/export-files';
import type { Handle } from '@/utils/handle';
import { plural, text, type MessageKey, type Translate } from '@/utils/i18n';
import type { PageMessage, Send } from '@/utils/protocol';
import type { StoriesEstimate, StoriesRunView } from '@/utils/stories/stories-run-view';
import { storiesChunks, storiesFileName, type StoriesOfHighlight } from '@/utils/stories/story-files';
import { saveFile } from '@/components/save-file';
import { DownloadIcon } from '@/components/icons';
import { adoptStyle } from '../on-demand/adopt-style';
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
  | { state: 'run'; view: StoriesRunView };

/** How often the view asks how far a run going on is. */
const PROGRESS_EVERY_MS = 400;
/** Highlights per request when the files are written. */
const RESULTS_PAGE = 200;

/** Why a run stopped by itself, in the words the collection page uses (the button they name is Resume). */
const STOPPED: Partial<Record<LookupErrorKind, MessageKey>> = {
  'out-of-credits': 'collectionStoppedCredits',
  'key-rejected': 'collectionStoppedKeyRejected',
  'no-key': 'collectionStoppedNoKey',
  'key-unusable': 'collectionStoppedNoKey',
  'rate-limited': 'collectionStoppedRateLimitedSoon',
};

const PHASE: Record<Exclude<StoriesRunView['phase'], 'stopped'>, MessageKey> = {
  idle: 'collectionPhaseIdle',
  running: 'collectionPhaseRunning',
  paused: 'collectionPhasePaused',
  finished: 'collectionPhaseFinished',
  cancelled: 'collectionPhaseCancelled',
};

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

  const estimate = (changed = false) =>
    send('stories-run-estimate', { of }).then(({ estimate }) =>
      setShown(estimate ? { state: 'estimate', estimate, changed, starting: false } : { state: 'no-list' }),
    );

  useEffect(() => {
    back.current?.focus();
    // A run under way (or done) shows as it is; otherwise the estimate.
    void send('stories-run', { of }).then(({ view }) => (view ? setShown({ state: 'run', view }) : estimate()));
  }, [handle]);

  const running = shown.state === 'run' && shown.view.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void send('stories-run', { of }).then(({ view }) => view && setShown({ state: 'run', view })), PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [running]);

  const confirm = (credits: number) => {
    if (shown.state === 'estimate') setShown({ ...shown, starting: true });
    void send('stories-run-start', { of, credits }).then((answer) => {
      if (answer.ok) setShown({ state: 'run', view: answer.view });
      else setShown(answer.estimate ? { state: 'estimate', estimate: answer.estimate, changed: true, starting: false } : { state: 'no-list' });
    });
  };
  const control = (action: 'pause' | 'resume' | 'cancel') => void send('stories-run-control', { of, action }).then((view) => setShown({ state: 'run', view }));

  const onBack = () => onClose();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onBack();
  };

  return (
    <section class="stories-view" aria-label={t('allStoriesOf', handle)} data-testid="all-stories" data-state={shown.state} onKeyDown={onKeyDown}>
      <div class="stories-head">
        <button ref={back} type="button" class="button" data-testid="stories-back" onClick={onBack}>
          <span aria-hidden="true">{t.dir === 'rtl' ? '→' : '←'}</span> {t('storiesBack')}
        </button>
        <h2 class="stories-title" dir="auto">
          {t('allStoriesOf', handle)}
        </h2>
      </div>
      {shown.state === 'loading' ? (
        <p class="stories-loading" role="status" aria-busy="true">
          {t('allStoriesEstimating')}
        </p>
      ) : shown.state === 'no-list' ? (
        <p class="stories-problem" role="alert" data-testid="all-stories-no-list">
          {t('allStoriesNoList')}
        </p>
      ) : shown.state === 'estimate' ? (
        <Estimate {...shown} onConfirm={confirm} t={t} />
      ) : (
        <Progress view={shown.view} handle={handle} send={send} onControl={control} onStartAgain={() => void estimate()} t={t} />
      )}
    </section>
  );
}

function Estimate({ estimate, changed, starting, onConfirm, t }: { estimate: StoriesEstimate; changed: boolean; starting: boolean; onConfirm: (credits: number) => void; t: Translate }) {
  const { highlights, cached, credits } = estimate;
  return (
    <div class="stories-problem">
      {changed ? (
        <p role="alert" data-testid="all-stories-changed">
          {t('allStoriesChanged')}
        </p>
      ) : null}
      <p data-testid="all-stories-estimate" data-credits={credits}>
        <strong>{t('allStoriesEstimate', plural('highlightCount', highlights), text('allStoriesCached', cached), plural('credits', credits))}</strong>
      </p>
      <p>{t('allStoriesNothingSent')}</p>
      <div class="summary-actions">
        <button type="button" class="button" data-testid="all-stories-confirm" disabled={starting} onClick={() => onConfirm(credits)}>
          {t('allStoriesConfirm', plural('credits', credits))}
        </button>
      </div>
    </div>
  );
}

interface ProgressProps {
  view: StoriesRunView;
  handle: Handle;
  send: Send<PageMessage>;
  onControl: (action: 'pause' | 'resume' | 'cancel') => void;
  onStartAgain: () => void;
  t: Translate;
}

function Progress({ view, handle, send, onControl, onStartAgain, t }: ProgressProps) {
  const { phase, done, failed, total, spent, stopReason, failures } = view;
  const going = phase === 'running' || phase === 'paused' || phase === 'stopped';
  const said =
    phase === 'stopped' ? text(STOPPED[stopReason!] ?? 'collectionStoppedOther', text('collectionResume')) : text(PHASE[phase]);
  const interrupted = failures.some(([kind]) => kind === 'interrupted');
  const download = async (format: FileFormat) => {
    const highlights: StoriesOfHighlight[] = [];
    for (let offset = 0; ; offset += RESULTS_PAGE) {
      const page = await send('stories-run-results', { of: { profile: handle }, offset, limit: RESULTS_PAGE });
      highlights.push(...page.highlights);
      if (offset + RESULTS_PAGE >= page.total) break;
    }
    saveFile(storiesFileName([handle], format, new Date()), new Blob([...storiesChunks(format, highlights)], { type: exportFileType(format) }));
  };
  return (
    <div class="stories-problem" data-testid="all-stories-run" data-phase={phase} data-done={done} data-spent={spent}>
      <progress class="all-stories-progress" value={done + failed} max={Math.max(total, 1)} aria-label={t(plural('allStoriesProgress', total, done + failed))} />
      <p role="status">
        {t(plural('allStoriesProgress', total, done + failed))} · {t('allStoriesSpent', plural('credits', spent))}
      </p>
      <p>{t(said)}</p>
      {failed > 0 ? <p data-testid="all-stories-failed">{t(plural('allStoriesFailed', failed))}</p> : null}
      {interrupted ? <p data-testid="all-stories-interrupted">{t('allStoriesInterrupted')}</p> : null}
      <div class="summary-actions">
        {phase === 'running' ? (
          <button type="button" class="button" data-testid="all-stories-pause" onClick={() => onControl('pause')}>
            {t('collectionPause')}
          </button>
        ) : null}
        {phase === 'paused' || phase === 'stopped' ? (
          <button type="button" class="button" data-testid="all-stories-resume" onClick={() => onControl('resume')}>
            {t('collectionResume')}
          </button>
        ) : null}
        {going ? (
          <button type="button" class="button" data-testid="all-stories-cancel" onClick={() => onControl('cancel')}>
            {t('cancel')}
          </button>
        ) : (
          <button type="button" class="button" data-testid="all-stories-again" onClick={onStartAgain}>
            {t('allStoriesStartAgain')}
          </button>
        )}
      </div>
      {done > 0 ? (
        <div class="summary-actions">
          <button type="button" class="button" data-testid="all-stories-csv" onClick={() => void download('csv')}>
            <DownloadIcon size={14} />
            {t('downloadCsv')}
          </button>
          <button type="button" class="button" data-testid="all-stories-json" onClick={() => void download('json')}>
            <DownloadIcon size={14} />
            {t('downloadJson')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
