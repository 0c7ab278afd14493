import type { RunHead } from '@/utils/collections/run-record';
import type { FileFormat } from '@/utils/highlights/export-files';
import { plural, text, type Translate } from '@/utils/i18n';

interface Props {
  head: RunHead;
  busy: boolean;
  onDownload: (format: FileFormat) => void;
  onCopyIds: () => void;
  t: Translate;
}

/** The answers so far, as files to download or every ID to copy. */
export function ResultFiles({ head, busy, onDownload, onCopyIds, t }: Props) {
  const profiles = head.counts.done;
  const { highlights } = head;
  const none = profiles === 0;
  return (
    <section class="card results" aria-labelledby="results-heading">
      <h2 id="results-heading">{t('collectionResultsHeading')}</h2>
      <p data-testid="collection-results-summary">
        {none ? t('collectionResultsNone') : t(text('collectionResultsSummary', plural('collectionProfiles', profiles), plural('highlightCount', highlights)))}
      </p>
      <div class="actions">
        <button type="button" class="button button-primary" disabled={busy || none} onClick={() => onDownload('csv')}>
          {t('collectionDownloadCsv')}
        </button>
        <button type="button" class="button" disabled={busy || none} onClick={() => onDownload('json')}>
          {t('collectionDownloadJson')}
        </button>
        <button type="button" class="button" disabled={busy || none || highlights === 0} onClick={onCopyIds}>
          {t('copyAllLines')}
        </button>
      </div>
    </section>
  );
}
