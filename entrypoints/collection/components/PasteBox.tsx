import { useState } from 'preact/hooks';
import { refusalText } from '../format';
import type { PasteReport } from '../state';
import { MAX_COLLECTION_SIZE } from '@/utils/collections/run-record';
import { MAX_PASTED_ENTRIES } from '@/utils/collections/collection-input';
import { plural, text, type Translate } from '@/utils/i18n';

interface Props {
  report: PasteReport | null;
  busy: boolean;
  /** Adds what was pasted; resolves true when the field may be emptied. */
  onAdd: (pasted: string) => Promise<boolean>;
  t: Translate;
}

/** A pasted list of profiles, and what became of each entry. */
export function PasteBox({ report, busy, onAdd, t }: Props) {
  const [value, setValue] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await onAdd(value)) setValue('');
  };
  return (
    <section class="card paste" aria-labelledby="paste-heading">
      <h2 id="paste-heading">{t('collectionAddHeading')}</h2>
      <form onSubmit={submit}>
        <label class="field-label" for="paste-field">
          {t('collectionPasteLabel')}
        </label>
        <textarea
          id="paste-field"
          class="input paste-field"
          rows={6}
          spellcheck={false}
          autocomplete="off"
          aria-describedby="paste-hint"
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
        <p id="paste-hint" class="hint">
          {t('collectionPasteHint', MAX_PASTED_ENTRIES)}
        </p>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('collectionAddButton')}
          </button>
        </div>
      </form>
      <div class="paste-report" data-testid="paste-report">
        {/* The summary is announced; the lists are there to read at leisure. */}
        <p class="report-line" role="status" data-testid="paste-added">
          {report ? summaryOf(report, t) : ''}
        </p>
        {report ? <PasteLists report={report} t={t} /> : null}
      </div>
    </section>
  );
}

function summaryOf({ added, alreadyIn, overLimit, duplicates, refused }: PasteReport, t: Translate): string {
  const parts = [t(plural('collectionAdded', added))];
  if (alreadyIn > 0) parts.push(t(plural('collectionAlreadyIn', alreadyIn)));
  if (overLimit > 0) parts.push(t(plural('collectionOverLimit', overLimit, MAX_COLLECTION_SIZE)));
  if (duplicates.length > 0) parts.push(`${t(plural('collectionDuplicates', duplicates.length))}.`);
  if (refused.length > 0) parts.push(`${t(plural('collectionRefusedCount', refused.length))}.`);
  return parts.join(' ');
}

function PasteLists({ report: { duplicates, refused }, t }: { report: PasteReport; t: Translate }) {
  return (
    <>
      {duplicates.length > 0 ? (
        <details class="report-list" data-testid="paste-duplicates">
          <summary>{t(plural('collectionDuplicates', duplicates.length))}</summary>
          <ul>
            {duplicates.map((entry, i) => (
              <li key={i}>{t('collectionDuplicateEntry', entry.line, entry.text, entry.of)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {refused.length > 0 ? (
        <details class="report-list report-refused" data-testid="paste-refused" open>
          <summary>{t(plural('collectionRefusedCount', refused.length))}</summary>
          <ul>
            {refused.map((entry, i) => (
              <li key={i} data-reason={entry.reason}>
                {t(text('collectionRefusedEntry', entry.line, entry.text, refusalText(entry.reason, MAX_PASTED_ENTRIES)))}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
