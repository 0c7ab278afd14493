import { CONCURRENCY_MAX, CONCURRENCY_MIN, type RunSettings } from '@/utils/collections/run-record';
import type { Translate } from '@/utils/i18n';

interface Props {
  settings: RunSettings | null;
  busy: boolean;
  /** The user chose another number of lookups at once. */
  onConcurrency: (concurrency: number) => void;
  /**
   * The user ticked or unticked "tell me when a run ends". Called from the
   * change event itself: the browser asks for the permission only in answer
   * to what the user just did.
   */
  onNotify: (notify: boolean) => void;
  t: Translate;
}

const CHOICES = Array.from({ length: CONCURRENCY_MAX - CONCURRENCY_MIN + 1 }, (_, i) => CONCURRENCY_MIN + i);

/** How a run goes, for every collection: lookups at once, and whether to be told when one ends. */
export function RunOptions({ settings, busy, onConcurrency, onNotify, t }: Props) {
  return (
    <div class="run-options" data-testid="run-options">
      <div class="option-row">
        <label class="field-label" for="run-concurrency">
          {t('collectionConcurrencyLabel')}
        </label>
        <select
          id="run-concurrency"
          class="input"
          value={settings ? String(settings.concurrency) : undefined}
          disabled={busy || !settings}
          aria-describedby="run-concurrency-hint"
          onChange={(event) => onConcurrency(Number(event.currentTarget.value))}
        >
          {CHOICES.map((n) => (
            <option key={n} value={String(n)}>
              {String(n)}
            </option>
          ))}
        </select>
        <p id="run-concurrency-hint" class="hint">
          {t('collectionConcurrencyHint')}
        </p>
      </div>
      <div class="option-row">
        <input
          id="run-notify"
          type="checkbox"
          checked={settings?.notify ?? false}
          disabled={busy || !settings}
          aria-describedby="run-notify-hint"
          onChange={(event) => onNotify(event.currentTarget.checked)}
        />
        <label for="run-notify">{t('collectionNotifyLabel')}</label>
        <p id="run-notify-hint" class="hint">
          {t('collectionNotifyHint')}
        </p>
      </div>
    </div>
  );
}
