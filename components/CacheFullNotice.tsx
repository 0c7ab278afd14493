import type { KeptIn } from '@/utils/protocol';

interface Props {
  keptIn: KeptIn;
  /** How many other answers were cleared, once that was done. */
  roomMade: number | null;
  busy: boolean;
  onMakeRoom: () => void;
}

function profiles(n: number): string {
  return `${n} other cached ${n === 1 ? 'answer' : 'answers'}`;
}

/**
 * The browser's storage for extensions was full: this paid answer is kept,
 * but not in the cache. Say for how long, and offer to make room.
 */
export function CacheFullNotice({ keptIn, roomMade, busy, onMakeRoom }: Props) {
  if (keptIn === 'cache') {
    return roomMade === null ? null : (
      <p class="cache-notice" role="status" data-testid="cache-notice">
        Cleared {profiles(roomMade)}; this one is now in the cache.
      </p>
    );
  }
  const until = keptIn === 'session' ? 'until the browser closes' : 'only while this window stays open';
  return (
    <div class="cache-notice cache-notice-full" role="status" data-testid="cache-notice">
      <p>
        The cache is full, so this answer is kept {until}. Clearing the other cached answers makes room to keep it.
      </p>
      <button type="button" class="button" onClick={onMakeRoom} disabled={busy}>
        Clear other cached answers
      </button>
    </div>
  );
}
