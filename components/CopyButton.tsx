import { CopyIcon } from './icons';

interface Props {
  id: string;
  onCopy: (id: string) => void;
  /** What the ID is, for the button's name: "Copy <what> <id>". */
  what?: string;
}

/** Icon button that copies one ID. Its name is "Copy ID <id>" (or "Copy <what> <id>"). */
export function CopyButton({ id, onCopy, what = 'ID' }: Props) {
  return (
    <button
      type="button"
      class="icon-button copy-button"
      aria-label={`Copy ${what} ${id}`}
      title={`Copy ${what}`}
      onClick={() => onCopy(id)}
    >
      <CopyIcon />
    </button>
  );
}
