import { shownStatus, statusText } from '../format';
import type { CollectionView } from '@/utils/collections/run-record';
import { useRef } from 'preact/hooks';
import { plural, type Translate } from '@/utils/i18n';
import type { Handle } from '@/utils/profile-url';
import { Question } from './CollectionPicker';

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

/** Every profile of the collection with its status and number of highlights; removing one, or all. */
export function ProfileTable({ view, name, asking, busy, onRemove, onAskClear, onClear, t }: Props) {
  const { items } = view.run;
  const cached = new Set(view.cached);
  const clearButton = useRef<HTMLButtonElement>(null);
  const closeQuestion = () => {
    onAskClear(false);
    clearButton.current?.focus();
  };
  return (
    <section class="card profiles" aria-labelledby="profiles-heading">
      <div class="section-head">
        <h2 id="profiles-heading">
          {t('collectionProfilesHeading')} <span class="count">{t(plural('collectionProfiles', items.length))}</span>
        </h2>
        {items.length > 0 ? (
          <button type="button" class="button button-danger" ref={clearButton} aria-expanded={asking} disabled={busy} onClick={() => onAskClear(!asking)}>
            {t('collectionClear')}
          </button>
        ) : null}
      </div>
      {asking ? (
        <Question question={t('collectionClearQuestion', name)} confirmLabel={t('collectionClearConfirm')} busy={busy} onConfirm={onClear} onCancel={closeQuestion} t={t} />
      ) : null}
      {items.length === 0 ? (
        <p class="hint" data-testid="collection-empty">
          {t('collectionEmpty')}
        </p>
      ) : (
        // A long table scrolls in its own box, which the keyboard can reach.
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="profiles-heading">
          <table class="profiles-table" data-testid="collection-table">
            <thead>
              <tr>
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
              {items.map((item) => {
                const status = shownStatus(item, cached);
                return (
                  <tr key={item.handle} data-handle={item.handle} data-status={status} data-error={item.error ?? undefined}>
                    <th scope="row" class="handle-cell">
                      <a href={`https://www.instagram.com/${item.handle}/`} target="_blank" rel="noopener noreferrer">
                        @{item.handle}
                      </a>
                    </th>
                    <td class={`status status-${status}`}>{t(statusText(item, cached))}</td>
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
