/**
 * A stories run's estimate and progress, as the popup (all stories of a
 * profile) and the collection page (a collection with its stories) show
 * them. The run is the background's; these only show it and send what the
 * user asks for.
 */
import type { LookupErrorKind } from '@/utils/errors/lookup-error';
import { exportFileType, type FileFormat } from '@/utils/highlights/export-files';
import { plural, text, type MessageKey, type Translate } from '@/utils/i18n';
import type { PageMessage, Send } from '@/utils/protocol';
import type { StoriesEstimate, StoriesRunOf, StoriesRunView } from '@/utils/stories/stories-run-view';
import { storiesChunks, storiesFileName, type StoriesOfHighlight } from '@/utils/stories/story-files';
import { DownloadIcon } from './icons';

/** How often a page asks how far a run going on is. */
export const PROGRESS_EVERY_MS = 400;
/** Highlights per request when the files are written. */
const RESULTS_PAGE = 200;

/** Why a run stopped by itself, in the words collection runs use (the button they name is Resume). */
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

/** The run's stories, every page of them, as one file named after `label`. */
export async function storiesRunFile(send: Send<PageMessage>, of: StoriesRunOf, format: FileFormat, label: string): Promise<{ name: string; blob: Blob }> {
  const highlights: StoriesOfHighlight[] = [];
  for (let offset = 0; ; offset += RESULTS_PAGE) {
    const page = await send('stories-run-results', { of, offset, limit: RESULTS_PAGE });
    highlights.push(...page.highlights);
    if (offset + RESULTS_PAGE >= page.total) break;
  }
  return { name: storiesFileName([label], format, new Date()), blob: new Blob([...storiesChunks(format, highlights)], { type: exportFileType(format) }) };
}

interface EstimateProps {
  estimate: StoriesEstimate;
  /** Start found another estimate than the one confirmed: this is the new one. */
  changed: boolean;
  starting: boolean;
  onConfirm: (credits: number) => void;
  t: Translate;
}

/** "12 highlights: 3 cached, 9 credits", and the button that confirms it; nothing is sent before. */
export function StoriesEstimateBox({ estimate, changed, starting, onConfirm, t }: EstimateProps) {
  const { highlights, cached, credits } = estimate;
  return (
    <div class="stories-run" data-testid="stories-run-estimate-box">
      {changed ? (
        <p role="alert" data-testid="all-stories-changed">
          {t('allStoriesChanged')}
        </p>
      ) : null}
      <p data-testid="all-stories-estimate" data-credits={credits}>
        <strong>{t('allStoriesEstimate', plural('highlightCount', highlights), text('allStoriesCached', cached), plural('credits', credits))}</strong>
      </p>
      <p>{t('allStoriesNothingSent')}</p>
      <div class="summary-actions actions">
        <button type="button" class="button button-primary" data-testid="all-stories-confirm" disabled={starting} onClick={() => onConfirm(credits)}>
          {t('allStoriesConfirm', plural('credits', credits))}
        </button>
      </div>
    </div>
  );
}

interface ProgressProps {
  view: StoriesRunView;
  onControl: (action: 'pause' | 'resume' | 'cancel') => void;
  onStartAgain: () => void;
  onDownload: (format: FileFormat) => void;
  t: Translate;
}

/** How far the run is, Pause/Resume and Cancel while it goes, then Start again and the files. */
export function StoriesRunProgress({ view, onControl, onStartAgain, onDownload, t }: ProgressProps) {
  const { phase, done, failed, total, spent, stopReason, failures } = view;
  const going = phase === 'running' || phase === 'paused' || phase === 'stopped';
  const said = phase === 'stopped' ? text(STOPPED[stopReason!] ?? 'collectionStoppedOther', text('collectionResume')) : text(PHASE[phase]);
  const progress = t(plural('allStoriesProgress', total, done + failed));
  return (
    <div class="stories-run" data-testid="all-stories-run" data-phase={phase} data-done={done} data-spent={spent}>
      <progress class="stories-run-progress" value={done + failed} max={Math.max(total, 1)} aria-label={progress} />
      <p role="status">
        {progress} · {t('allStoriesSpent', plural('credits', spent))}
      </p>
      <p>{t(said)}</p>
      {failed > 0 ? <p data-testid="all-stories-failed">{t(plural('allStoriesFailed', failed))}</p> : null}
      {failures.some(([kind]) => kind === 'interrupted') ? <p data-testid="all-stories-interrupted">{t('allStoriesInterrupted')}</p> : null}
      <div class="summary-actions actions">
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
        <div class="summary-actions actions">
          <button type="button" class="button" data-testid="all-stories-csv" onClick={() => onDownload('csv')}>
            <DownloadIcon size={14} />
            {t('storiesDownloadCsv')}
          </button>
          <button type="button" class="button" data-testid="all-stories-json" onClick={() => onDownload('json')}>
            <DownloadIcon size={14} />
            {t('storiesDownloadJson')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
