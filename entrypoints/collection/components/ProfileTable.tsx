import { shownStatus, statusText } from '../format';
import type { CollectionView, RunItem } from '@/utils/collections/run-record';
import { sizeOf } from '@/utils/collections/run-record';
import { useMemo, useRef } from 'preact/hooks';
import { plural, type Translate } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import { Question } from './CollectionPicker';
import { useVisibleRows } from './windowing';

interface Props {
  view: CollectionView;
  /** The shown collection's name, in the page's language for the default one. */
  name: string;
  asking: boolean;
  busy: boolean;
  onRemove: (handle: Handle) => void;
  onAskClear: (asking: boolean) => void;
  onClear: () => void;
  t: Translate;
}

/** A row's height in pixels (collection.css gives each row exactly this). */
export const ROW_HEIGHT = 36;
/** The header row's height in pixels, above the first row in the scrolling box. */
const HEAD_HEIGHT = 34;

/** Finds the profile at `index` among the run's parts: `starts` holds where each part begins. */
function itemAt(parts: CollectionView['run']['parts'], starts: readonly number[], index: number): RunItem {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return parts[low]!.items[index - starts[low]!]!;
}

/**
 * Every profile of the collection with its status and number of highlights;
 * removing one, or all. Only the rows in view are drawn, so that ten
 * thousand profiles cost the page no more than a few dozen.
 */
export function ProfileTable({ view, name, asking, busy, onRemove, onAskClear, onClear, t }: Props) {
  const { parts, head } = view.run;
  const count = sizeOf(head);
  const cached = useMemo(() => new Set(view.cached), [view.cached]);
  const starts = useMemo(() => {
    const at: number[] = [];
    let next = 0;
    for (const part of parts) {
      at.push(next);
      next += part.items.length;
    }
    return at;
  }, [parts]);
  const shown = Math.min(count, starts.length === 0 ? 0 : starts.at(-1)! + parts.at(-1)!.items.length);
  const box = useRef<HTMLDivElement>(null);
  const { first, last } = useVisibleRows(shown, ROW_HEIGHT, box, HEAD_HEIGHT);
  const clearButton = useRef<HTMLButtonElement>(null);
  const closeQuestion = () => {
    onAskClear(false);
    clearButton.current?.focus();
  };
  const rows: RunItem[] = [];
  for (let index = first; index < last; index++) rows.push(itemAt(parts, starts, index));
  return (
    <section class="card profiles" aria-labelledby="profiles-heading">
      <div class="section-head">
        <h2 id="profiles-heading">
          {t('collectionProfilesHeading')} <span class="count">{t(plural('collectionProfiles', count))}</span>
        </h2>
        {count > 0 ? (
          <button type="button" class="button button-danger" ref={clearButton} aria-expanded={asking} disabled={busy} onClick={() => onAskClear(!asking)}>
            {t('collectionClear')}
          </button>
        ) : null}
      </div>
      {asking ? (
        <Question question={t('collectionClearQuestion', name)} confirmLabel={t('collectionClearConfirm')} busy={busy} onConfirm={onClear} onCancel={closeQuestion} t={t} />
      ) : null}
      {count === 0 ? (
        <p class="hint" data-testid="collection-empty">
          {t('collectionEmpty')}
        </p>
      ) : (
        // A long table scrolls in its own box, which the keyboard can reach.
        <div class="table-scroll" ref={box} tabIndex={0} role="region" aria-labelledby="profiles-heading">
          <table class="profiles-table" data-testid="collection-table" aria-rowcount={shown + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">{t('collectionColProfile')}</th>
                <th scope="col">{t('collectionColStatus')}</th>
                <th scope="col" class="numeric">
                  {t('collectionColHighlights')}
                </th>
                <th scope="col">
                  <span class="visually-hidden">{t('collectionRemove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {first > 0 ? <Spacer rows={first} /> : null}
              {rows.map((item, i) => {
                const status = shownStatus(item, cached);
                const said = t(statusText(item, cached));
                return (
                  <tr key={item.handle} aria-rowindex={first + i + 2} data-handle={item.handle} data-status={status} data-error={item.error ?? undefined}>
                    <th scope="row" class="handle-cell">
                      <a href={`https://www.instagram.com/${item.handle}/`} target="_blank" rel="noopener noreferrer">
                        @{item.handle}
                      </a>
                    </th>
                    <td class={`status status-${status}`} title={said}>
                      {said}
                    </td>
                    <td class="numeric">{item.count ?? ''}</td>
                    <td class="remove-cell">
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={t('collectionRemoveProfile', item.handle)}
                        disabled={busy || item.status === 'running'}
                        onClick={() => onRemove(item.handle)}
                      >
                        {t('collectionRemove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
              {last < shown ? <Spacer rows={shown - last} /> : null}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The room of `rows` rows not drawn, so that the box scrolls as if they were there. */
function Spacer({ rows }: { rows: number }) {
  return (
    <tr class="spacer" aria-hidden="true">
      <td colSpan={4} style={{ blockSize: `${rows * ROW_HEIGHT}px` }} />
    </tr>
  );
}
