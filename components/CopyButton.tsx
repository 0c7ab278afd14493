import { CopyIcon } from './icons';

interface Props {
  id: string;
  onCopy: (id: string) => void;
}

/** Icon button that copies one highlight ID. Its name is "Copy ID <id>". */
export function CopyButton({ id, onCopy }: Props) {
  return (
    <button type="button" class="icon-button copy-button" aria-label={`Copy ID ${id}`} title="Copy ID" onClick={() => onCopy(id)}>
      <CopyIcon />
    </button>
  );
}
