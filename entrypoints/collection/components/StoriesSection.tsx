import { useEffect, useState } from 'preact/hooks';
import type { RunHead } from '@/utils/collections/run-record';
import type { FileFormat } from '@/utils/highlights/export-files';
import type { Translate } from '@/utils/i18n';
import type { PageMessage, Send } from '@/utils/protocol';
import type { StoriesEstimate, StoriesRunView } from '@/utils/stories/stories-run-view';
import { PROGRESS_EVERY_MS, StoriesEstimateBox, StoriesRunProgress, storiesRunFile } from '@/components/StoriesRunParts';

interface Props {
  send: Send<PageMessage>;
  /** The collection. */
  id: string;
  /** Its run of profile lookups: the stories estimate waits for it to finish. */
  head: RunHead;
  /** What names the stories file: the collection's name. */
  label: string;
  saveFile: (name: string, blob: Blob) => void;
  t: Translate;
}

type Shown =
  | { state: 'none' }
  | { state: 'estimate'; estimate: StoriesEstimate; changed: boolean; starting: boolean }
  | { state: 'run'; view: StoriesRunView };

/**
 * A collection "with their stories": ticked at Start, then, once the
 * profiles are looked up, what their highlights' stories would cost
 * (worked out from the cache, nothing sent) and a second confirmation
 * before any of it is spent. The run is the background's stories run over
 * the collection's answers: the same pace, pause, cancel and restart as the
 * profile lookups, and its stories as one more file.
 */
export function StoriesSection({ send, id, head, label, saveFile, t }: Props) {
  const of = { collection: id };
  const [wanted, setWanted] = useState(false);
  const [shown, setShown] = useState<Shown>({ state: 'none' });

  const show = (view: StoriesRunView | null) => setShown(view ? { state: 'run', view } : { state: 'none' });
  const estimate = (changed = false) =>
    send('stories-run-estimate', { of }).then(
      ({ estimate: found }) => setShown(found ? { state: 'estimate', estimate: found, changed, starting: false } : { state: 'none' }),
      () => undefined,
    );

  // Another collection: its own stories run, if it has one, and the option unticked.
  useEffect(() => {
    setWanted(false);
    setShown({ state: 'none' });
    void send('stories-run', { of }).then(({ view }) => show(view), () => undefined);
  }, [id]);

  const looked = head.phase === 'finished' && head.counts.done > 0;
  useEffect(() => {
    if (wanted && looked && shown.state === 'none') void estimate();
  }, [wanted, looked, shown.state]);

  const running = shown.state === 'run' && shown.view.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void send('stories-run', { of }).then(({ view }) => show(view), () => undefined), PROGRESS_EVERY_MS);
    return () => clearInterval(timer);
  }, [running, id]);

  const confirm = (credits: number) => {
    if (shown.state === 'estimate') setShown({ ...shown, starting: true });
    void send('stories-run-start', { of, credits }).then((answer) => {
      if (answer.ok) show(answer.view);
      else setShown(answer.estimate ? { state: 'estimate', estimate: answer.estimate, changed: true, starting: false } : { state: 'none' });
    }, () => setShown(shown)); // No answer: the estimate as it was, to confirm again.
  };
  // A background that did not answer leaves the section as it was; the page's own notice says so for its other actions.
  const control = (action: 'pause' | 'resume' | 'cancel') => void send('stories-run-control', { of, action }).then(show, () => undefined);
  const download = (format: FileFormat) => void storiesRunFile(send, of, format, label).then(({ name, blob }) => saveFile(name, blob));

  return (
    <div class="stories-section" data-testid="collection-stories" data-state={shown.state}>
      <div class="option-row">
        <input
          id="run-stories"
          type="checkbox"
          checked={wanted || shown.state !== 'none'}
          disabled={shown.state === 'run'}
          aria-describedby="run-stories-hint"
          onChange={(event) => setWanted(event.currentTarget.checked)}
        />
        <label for="run-stories">{t('collectionWithStories')}</label>
        <p id="run-stories-hint" class="hint">
          {t('collectionWithStoriesHint')}
        </p>
      </div>
      {shown.state === 'estimate' ? <StoriesEstimateBox {...shown} onConfirm={confirm} t={t} /> : null}
      {shown.state === 'run' ? <StoriesRunProgress view={shown.view} onControl={control} onStartAgain={() => void estimate()} onDownload={download} t={t} /> : null}
    </div>
  );
}
