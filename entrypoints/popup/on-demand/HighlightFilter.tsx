import { plural, type Translate } from '@/utils/i18n';
import './form-controls';
import { adoptStyle } from './adopt-style';
import style from './HighlightFilter.css?inline';

export { filterHighlights } from '@/utils/highlights/highlight-filter';

adoptStyle(style);

interface Props {
  query: string;
  onQuery: (query: string) => void;
  /** Rows the query leaves, of `total`. */
  count: number;
  total: number;
  t: Translate;
}

/**
 * The filter of a long list (more than FILTER_FROM rows), by title or ID.
 * Loaded with the first such list (list/HighlightsView.tsx): short
 * lists, the most common, never need it.
 */
export function HighlightFilter({ query, onQuery, count, total, t }: Props) {
  const wanted = query.trim();
  return (
    <div class="filter">
      <label class="field-label" for="highlight-filter">
        {t('filterLabel')}
      </label>
      <input
        id="highlight-filter"
        class="input"
        type="search"
        value={query}
        autocomplete="off"
        spellcheck={false}
        aria-describedby="filter-shown"
        onInput={(event) => onQuery(event.currentTarget.value)}
      />
      <p id="filter-shown" class="hint" role="status" data-testid="filter-shown">
        {wanted ? (count === 0 ? t('filterNone', wanted) : t(plural('filterShown', count, total))) : ''}
      </p>
    </div>
  );
}
