import type { Translate } from '@/utils/i18n';
import { CopyButton } from './CopyButton';

interface Props {
  handle: string | null;
  /** The profile's numeric id, once an answer has told it. */
  ownerId: string | null;
  onCopyUserId: (id: string) => void;
  onOpenOptions: () => void;
  /** Opens this panel in a window of its own; null when there is no tab to follow. */
  onPopOut: (() => void) | null;
  t: Translate;
}

/**
 * "@handle" linking to the profile (or the extension's name), the profile's
 * user ID under it, and a settings button. A username is Latin letters,
 * digits, `.` and `_`, so "@name" runs left to right on a right-to-left page
 * too.
 */
export function ProfileHeader({ handle, ownerId, onCopyUserId, onOpenOptions, onPopOut, t }: Props) {
  return (
    <header class="bar">
      <div class="bar-title">
        {handle ? (
          <h1 class="bar-name">
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
          <h1 class="bar-name app-name">{t('extName')}</h1>
        )}
        {ownerId ? (
          // The profile's numeric id: SociaVault answers faster by user_id than by handle.
          <p class="owner-id" data-testid="owner-id">
            {t('userId')} <code class="row-id">{ownerId}</code>
            <CopyButton id={ownerId} what="user" onCopy={onCopyUserId} t={t} />
          </p>
        ) : null}
      </div>
      {onPopOut ? (
        <button type="button" class="icon-button" aria-label={t('popOut')} title={t('popOut')} onClick={onPopOut}>
          <span class="icon-pop-out" aria-hidden="true" />
        </button>
      ) : null}
      <button type="button" class="icon-button" aria-label={t('settingsButton')} title={t('settingsButton')} onClick={onOpenOptions}>
        <span class="icon-gear" aria-hidden="true" />
      </button>
    </header>
  );
}
