import { GearIcon } from './icons';

interface Props {
  handle: string | null;
  onOpenOptions: () => void;
}

/** "@handle" linking to the profile, or the extension's name; and a settings button. */
export function ProfileHeader({ handle, onOpenOptions }: Props) {
  return (
    <header class="bar">
      {handle ? (
        <h1 class="bar-title">
          <a
            class="handle"
            data-testid="profile-handle"
            href={`https://www.instagram.com/${encodeURIComponent(handle)}/`}
            target="_blank"
            rel="noopener noreferrer"
            title="Open the profile on Instagram"
          >
            {`@${handle}`}
          </a>
        </h1>
      ) : (
        <h1 class="bar-title app-name">Highlight Lookup</h1>
      )}
      <button type="button" class="icon-button" aria-label="Settings" title="Settings" onClick={onOpenOptions}>
        <GearIcon size={18} />
      </button>
    </header>
  );
}
