import type { Translate } from '@/utils/i18n';
import { GearIcon, PopOutIcon } from '@/components/icons';

interface Props {
  handle: string | null;
  onOpenOptions: () => void;
  /** Opens this panel in a window of its own; null when there is no tab to follow. */
  onPopOut: (() => void) | null;
  t: Translate;
}

/**
 * "@handle" linking to the profile, or the extension's name; and a settings
 * button. A username is Latin letters, digits, `.` and `_`, so "@name" runs
 * left to right on a right-to-left page too.
 */
export function ProfileHeader({ handle, onOpenOptions, onPopOut, t }: Props) {
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
            title={t('openProfileOnInstagram')}
            dir="ltr"
          >
            {`@${handle}`}
          </a>
        </h1>
      ) : (
        <h1 class="bar-title app-name">{t('extName')}</h1>
      )}
      {onPopOut ? (
        <button type="button" class="icon-button" aria-label={t('popOut')} title={t('popOut')} onClick={onPopOut}>
          <PopOutIcon size={18} />
        </button>
      ) : null}
      <button type="button" class="icon-button" aria-label={t('settingsButton')} title={t('settingsButton')} onClick={onOpenOptions}>
        <GearIcon size={18} />
      </button>
    </header>
  );
}
