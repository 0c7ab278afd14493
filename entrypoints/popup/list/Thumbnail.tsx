import { Component } from 'preact';
import { safeThumbnailUrl } from '@/utils/highlights/thumbnail-policy';
import { adoptStyle } from '../on-demand/adopt-style';
import style from './Thumbnail.css?inline';

adoptStyle(style);

/** One segmenter for every row: making one costs far more than using it. */
let graphemes: Intl.Segmenter | null | undefined;

/** First user-perceived character of a title, upper-cased, or '' when there is none. */
function initialOf(title: string): string {
  const text = title.trim();
  if (!text) return '';
  graphemes ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  const first = graphemes?.segment(text)[Symbol.iterator]().next();
  if (first && !first.done) return first.value.segment.toLocaleUpperCase();
  return (Array.from(text)[0] ?? '').toLocaleUpperCase();
}

interface Props {
  url: string | null;
  title: string;
}

/**
 * A highlight's cover. Only Instagram CDN URLs are ever requested (see
 * utils/highlights/thumbnail-policy.ts); anything else, or an image that fails, shows a
 * neutral placeholder.
 */
export class Thumbnail extends Component<Props, { failed: string | null }> {
  /** The address that failed to load, if any: another address gets its own try. */
  override state = { failed: null as string | null };

  render({ url, title }: Props) {
    const src = safeThumbnailUrl(url);
    if (src === null || src === this.state.failed) {
      const initial = initialOf(title);
      return (
        <span class="thumb thumb-placeholder" aria-hidden="true" data-testid="thumbnail-placeholder">
          {initial ? <span class="thumb-initial" dir="auto">{initial}</span> : <span class="icon-image" aria-hidden="true" />}
        </span>
      );
    }
    // Attribute order matters: referrer policy and lazy loading are set before src.
    return (
      <img
        class="thumb"
        alt=""
        width={40}
        height={40}
        referrerpolicy="no-referrer"
        loading="lazy"
        decoding="async"
        src={src}
        onError={() => this.setState({ failed: src })}
      />
    );
  }
}
