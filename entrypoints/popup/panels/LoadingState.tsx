import { adoptStyle } from '../on-demand/adopt-style';
import style from './LoadingState.css?inline';

adoptStyle(style);

interface Props {
  label: string;
}

/** Spinner, the "Looking up …" line and a few placeholder rows. A chunk of its own: a cached list paints without it. */
export function LoadingState({ label }: Props) {
  return (
    <section class="loading">
      <p class="loading-label" role="status">
        <span class="spinner" aria-hidden="true" />
        {label}
      </p>
      <ul class="skeleton" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <li key={i} class="skeleton-row">
            <span class="thumb skeleton-block" />
            <span class="skeleton-lines">
              <span class="skeleton-line" />
              <span class="skeleton-line skeleton-line-short" />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
