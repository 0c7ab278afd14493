import { plural, type Translate } from '@/utils/i18n';
import type { KeptIn } from '@/utils/protocol';

interface Props {
  /** null: not known yet (a paid answer being stored); nothing is said meanwhile. */
  keptIn: KeptIn | null;
  /** How many other answers were cleared, once that was done. */
  roomMade: number | null;
  busy: boolean;
  onMakeRoom: () => void;
  t: Translate;
}

/**
 * The browser's storage for extensions was full: this paid answer is kept,
 * but not in the cache. Say for how long, and offer to make room.
 */
export function CacheFullNotice({ keptIn, roomMade, busy, onMakeRoom, t }: Props) {
  if (keptIn === 'cache' || keptIn === null) {
    return roomMade === null ? null : (
      <p class="cache-notice" role="status" data-testid="cache-notice">
        {t(plural('roomMade', roomMade))}
      </p>
    );
  }
  return (
    <div class="cache-notice cache-notice-full" role="status" data-testid="cache-notice">
      <p>{t(keptIn === 'session' ? 'cacheFullSession' : 'cacheFullMemory')}</p>
      <button type="button" class="button" onClick={onMakeRoom} disabled={busy}>
        {t('clearOtherAnswers')}
      </button>
    </div>
  );
}
