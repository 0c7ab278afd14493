import { useRef } from 'preact/hooks';
import type { PasteReport } from '../state';
import { MAX_PASTED_LINES } from '@/utils/collections/collection-input';
import type { Translate } from '@/utils/i18n';
import { PasteReportView } from './PasteReport';

interface Props {
  report: PasteReport | null;
  busy: boolean;
  /** Adds what was pasted; resolves with what the field keeps (what was not read, or did not fit), or null to leave it as it is. */
  onAdd: (pasted: string) => Promise<string | null>;
  t: Translate;
}

/**
 * A pasted list of profiles, and what became of each entry. The field is
 * left to the browser (not re-rendered on each keystroke), so that a paste
 * of ten thousand lines costs the page one input event.
 */
export function PasteBox({ report, busy, onAdd, t }: Props) {
  const field = useRef<HTMLTextAreaElement>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const box = field.current;
    if (!box) return;
    const kept = await onAdd(box.value);
    if (kept !== null) box.value = kept;
  };
  return (
    <section class="card paste" aria-labelledby="paste-heading">
      <h2 id="paste-heading">{t('collectionAddHeading')}</h2>
      <form onSubmit={submit}>
        <label class="field-label" for="paste-field">
          {t('collectionPasteLabel')}
        </label>
        <textarea id="paste-field" ref={field} class="input paste-field" rows={6} spellcheck={false} autocomplete="off" aria-describedby="paste-hint" />
        <p id="paste-hint" class="hint">
          {t('collectionPasteHint', MAX_PASTED_LINES)}
        </p>
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('collectionAddButton')}
          </button>
        </div>
      </form>
      <PasteReportView report={report} t={t} />
    </section>
  );
}
