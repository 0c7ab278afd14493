import type { Highlight } from '@/utils/highlight';
import { HighlightRow } from './HighlightRow';

interface Props {
  highlights: readonly Highlight[];
  label: string;
  onCopy: (id: string) => void;
}

/** The scrolling list of highlight rows. */
export function HighlightList({ highlights, label, onCopy }: Props) {
  return (
    <ul class="highlights" aria-label={label}>
      {highlights.map((highlight, index) => (
        // IDs should be unique, but the index keeps keys unique if the API repeats one.
        <HighlightRow key={`${index}:${highlight.id}`} highlight={highlight} onCopy={onCopy} />
      ))}
    </ul>
  );
}
