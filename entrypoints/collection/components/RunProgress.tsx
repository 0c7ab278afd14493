import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { balanceLine, blocksStart, durationText, estimateLine, timeLeftMs } from '../format';
import type { ShownEstimate } from '../state';
import { progressOf, type RunHead, type RunPhase } from '@/utils/collections/run-record';
import type { TextLine } from '@/utils/collections/collection-input';
import { stopText } from '@/utils/collections/run-text';
import { SOCIAVAULT_DASHBOARD_URL } from '@/utils/errors/error-action';
import { plural, text, type MessageKey, type Translate } from '@/utils/i18n';
import type { RunAction } from '@/utils/protocol';
import { ExternalIcon } from '@/components/icons';
import { textLineText } from '../format';

interface Props {
  head: RunHead;
  estimate: ShownEstimate | null;
  /** Entries the last paste refused: the estimate counts them as invalid (not sent). */
  invalid: number;
  /** Lines of the last paste read as text: the estimate says what was taken from them. */
  textLines: readonly TextLine[];
  /** When the run on screen last changed (epoch ms). */
  seenAt: number;
  busy: boolean;
  onEstimate: (confirm: boolean) => void;
  onCloseEstimate: () => void;
  onControl: (action: RunAction) => void;
  onOpenOptions: () => void;
  t: Translate;
  /** How runs go (the lookups at once, notifications), under the run's buttons. */
  children?: ComponentChildren;
}

const PHASE_TEXT: Record<Exclude<RunPhase, 'stopped'>, MessageKey> = {
  idle: 'collectionPhaseIdle',
  running: 'collectionPhaseRunning',
  paused: 'collectionPhasePaused',
  finished: 'collectionPhaseFinished',
  cancelled: 'collectionPhaseCancelled',
};

/**
 * The run: what it would cost (Estimate; Start shows the estimate and asks
 * for confirmation, and nothing is sent before that), how far it has got,
 * and its controls.
 */
export function RunProgress({ head, estimate, invalid, textLines, seenAt, busy, onEstimate, onCloseEstimate, onControl, onOpenOptions, t, children }: Props) {
  const { phase } = head;
  const { handled, total } = progressOf(head);
  const failed = head.counts.failed;
  const started = phase !== 'idle' || handled > 0;
  const startable = phase === 'idle' || phase === 'finished' || phase === 'cancelled';
  const startButton = useRef<HTMLButtonElement>(null);
  const closeConfirm = () => {
    onCloseEstimate();
    startButton.current?.focus();
  };

  return (
    <section class="card run" aria-labelledby="run-heading" data-testid="collection-run">
      <h2 id="run-heading">{t('collectionRunHeading')}</h2>
      {phase === 'stopped' ? (
        <StopNotice head={head} onOpenOptions={onOpenOptions} t={t} />
      ) : (
        <p class="phase" data-testid="collection-phase">
          {t(PHASE_TEXT[phase])}
        </p>
      )}
      {started && total > 0 ? <Progress head={head} handled={handled} total={total} seenAt={seenAt} t={t} /> : null}
      {failed > 0 && startable ? (
        <p class="hint" data-testid="collection-failed-note">
          {t(plural('collectionFailedRetry', failed, text('collectionStart')))}
        </p>
      ) : null}
      <div class="actions">
        {startable ? (
          <>
            <button type="button" class="button" disabled={busy || total === 0} onClick={() => onEstimate(false)}>
              {t('collectionEstimateButton')}
            </button>
            <button type="button" class="button button-primary" ref={startButton} disabled={busy || total === 0} onClick={() => onEstimate(true)}>
              {t('collectionStart')}
            </button>
          </>
        ) : null}
        {phase === 'running' ? (
          <button type="button" class="button" disabled={busy} onClick={() => onControl('pause')}>
            {t('collectionPause')}
          </button>
        ) : null}
        {phase === 'paused' || phase === 'stopped' ? (
          <button type="button" class="button button-primary" disabled={busy} onClick={() => onControl('resume')}>
            {t('collectionResume')}
          </button>
        ) : null}
        {phase === 'running' || phase === 'paused' || phase === 'stopped' ? (
          <button type="button" class="button button-danger" disabled={busy} onClick={() => onControl('cancel')}>
            {t('collectionCancelRun')}
          </button>
        ) : null}
      </div>
      {/* Always there, so that an estimate asked for is read out when it comes. */}
      <div role="status" data-testid="collection-estimate-status">
        {estimate && !estimate.confirm ? <EstimateLines shown={estimate} invalid={invalid} textLines={textLines} onOpenOptions={onOpenOptions} t={t} /> : null}
      </div>
      {estimate?.confirm && startable ? (
        <Confirm
          shown={estimate}
          invalid={invalid}
          textLines={textLines}
          busy={busy}
          onConfirm={() => onControl('start')}
          onCancel={closeConfirm}
          onOpenOptions={onOpenOptions}
          t={t}
        />
      ) : null}
      {children}
    </section>
  );
}

/** The time a wait of SociaVault's ends, in the reader's words. */
export const clockTime = (t: Translate, at: number) => new Intl.DateTimeFormat(t.lang, { timeStyle: 'short' }).format(at);

function Progress({ head, handled, total, seenAt, t }: { head: RunHead; handled: number; total: number; seenAt: number; t: Translate }) {
  const of = t(plural('collectionProgressOf', total, handled));
  const left = timeLeftMs(head, seenAt);
  const { pace } = head;
  const waiting = head.phase === 'running' && pace.holdUntil !== null && pace.holdUntil > seenAt;
  const slowed = head.phase === 'running' && pace.current < pace.limit;
  return (
    <div class="progress-block">
      <div
        class="progress"
        role="progressbar"
        aria-label={t('collectionProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={handled}
        aria-valuetext={of}
        data-testid="collection-progress"
      >
        <div class="progress-fill" style={{ transform: `scaleX(${handled / total})` }} />
      </div>
      <p class="progress-text" data-testid="collection-progress-text">
        <span>{of}</span>
        <span>{t(plural('collectionSpent', head.spent))}</span>
        {head.phase === 'running' ? (
          <span data-testid="collection-time-left">
            {left === null ? t('collectionTimeLeftUnknown') : t('collectionTimeLeft', durationText(left))}
          </span>
        ) : null}
      </p>
      {waiting || slowed ? (
        <p class="hint pace-note" data-testid="collection-pace" data-current={pace.current}>
          {waiting ? <span>{t('collectionWaiting', clockTime(t, pace.holdUntil!))}</span> : null}
          {slowed ? <span>{t('collectionSlowedDown', pace.current, pace.limit)}</span> : null}
        </p>
      ) : null}
    </div>
  );
}

function StopNotice({ head, onOpenOptions, t }: { head: RunHead; onOpenOptions: () => void; t: Translate }) {
  const reason = head.stopReason;
  const until = reason === 'rate-limited' && head.pace.holdUntil !== null ? clockTime(t, head.pace.holdUntil) : null;
  return (
    <div class="message message-warning stop-notice" data-testid="collection-stopped" data-reason={reason ?? undefined}>
      <p>{t(stopText(reason, text('collectionResume'), until))}</p>
      {reason === 'out-of-credits' ? (
        <a class="button" href={SOCIAVAULT_DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
          {t('buyCredits')}
          <ExternalIcon size={14} />
        </a>
      ) : reason === 'key-rejected' || reason === 'no-key' ? (
        <button type="button" class="button" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      ) : null}
    </div>
  );
}

interface EstimateProps {
  shown: ShownEstimate;
  invalid: number;
  textLines: readonly TextLine[];
  onOpenOptions: () => void;
  t: Translate;
}

/** Lines of a paste shown with the estimate at most; the paste's report lists them all. */
const TEXT_LINES_SHOWN = 20;

function EstimateLines({ shown, invalid, textLines, onOpenOptions, t }: EstimateProps) {
  const balance = balanceLine(shown.estimate, shown.balance);
  return (
    <div class="estimate">
      <p data-testid="collection-estimate">{estimateLine(t, shown.estimate, invalid)}</p>
      {textLines.length > 0 ? (
        <div class="text-lines" data-testid="collection-estimate-text">
          <p>{t(plural('collectionTextLines', textLines.length))}</p>
          <ul>
            {textLines.slice(0, TEXT_LINES_SHOWN).map((line) => (
              <li key={line.line}>{t(textLineText(t, line))}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {balance ? <p data-testid="collection-balance">{t(balance)}</p> : null}
      {blocksStart(shown.balance) ? (
        <button type="button" class="button" onClick={onOpenOptions}>
          {t('openOptions')}
        </button>
      ) : null}
    </div>
  );
}

/** The estimate with the one button that starts the run; the focus goes to it. */
function Confirm({ shown, invalid, textLines, busy, onConfirm, onCancel, onOpenOptions, t }: EstimateProps & { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const confirm = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const blocked = blocksStart(shown.balance);
  const nothing = shown.estimate.profiles === shown.estimate.done;
  // Focus once, as soon as the button can take it: it is disabled until the estimate's request finishes.
  const focused = useRef(false);
  useLayoutEffect(() => {
    if (focused.current || busy) return;
    focused.current = true;
    (blocked || nothing ? cancel : confirm).current?.focus();
  }, [busy]);
  const { lookups } = shown.estimate;
  return (
    <div class="confirm" role="group" aria-labelledby="confirm-heading" data-testid="collection-confirm" onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <h3 id="confirm-heading">{t('collectionConfirmHeading')}</h3>
      {nothing ? <p>{t('collectionNothingToRun')}</p> : <EstimateLines shown={shown} invalid={invalid} textLines={textLines} onOpenOptions={onOpenOptions} t={t} />}
      <div class="actions">
        <button type="button" class="button button-primary" ref={confirm} disabled={busy || blocked || nothing} onClick={onConfirm}>
          {lookups === 0 ? t('collectionConfirmFree') : t(plural('collectionConfirmStart', lookups))}
        </button>
        <button type="button" class="button" ref={cancel} onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
