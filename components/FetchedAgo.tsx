import { useEffect, useState } from 'preact/hooks';

/** "fetched just now", "fetched 3 min ago", "fetched 2 h ago", "fetched 1 day ago". */
export function formatFetchedAgo(fetchedAt: number, now: number): string {
  const seconds = Math.floor((now - fetchedAt) / 1000);
  if (!Number.isFinite(seconds) || seconds < 45) return 'fetched just now';
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `fetched ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `fetched ${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `fetched ${days} ${days === 1 ? 'day' : 'days'} ago`;
}

interface Props {
  fetchedAt: number;
  fromCache: boolean;
}

/** When the list was fetched, kept current while the popup stays open. */
export function FetchedAgo({ fetchedAt, fromCache }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 20_000);
    return () => window.clearInterval(timer);
  }, [fetchedAt]);

  const exact = new Date(fetchedAt);
  const text = `${formatFetchedAgo(fetchedAt, now)}${fromCache ? ' · from cache' : ''}`;
  return (
    <time class="fetched" data-testid="fetched-at" dateTime={Number.isNaN(exact.getTime()) ? undefined : exact.toISOString()} title={exact.toLocaleString()}>
      {text}
    </time>
  );
}
