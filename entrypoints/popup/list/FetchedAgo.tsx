import { useEffect, useState } from 'preact/hooks';
import { plural, text, type Text, type Translate } from '@/utils/i18n';

/** "fetched just now", "fetched 3 min ago", "fetched 2 h ago", "fetched 1 day ago". */
export function fetchedAgo(fetchedAt: number, now: number): Text {
  const seconds = Math.floor((now - fetchedAt) / 1000);
  if (!Number.isFinite(seconds) || seconds < 45) return text('fetchedJustNow');
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return text('fetchedMinutesAgo', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return text('fetchedHoursAgo', hours);
  return plural('fetchedDaysAgo', Math.floor(hours / 24));
}

interface Props {
  fetchedAt: number;
  fromCache: boolean;
  t: Translate;
}

/** When the list was fetched, kept current while the popup stays open. */
export function FetchedAgo({ fetchedAt, fromCache, t }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 20_000);
    return () => window.clearInterval(timer);
  }, [fetchedAt]);

  const exact = new Date(fetchedAt);
  const when = fetchedAgo(fetchedAt, now);
  const valid = !Number.isNaN(exact.getTime());
  return (
    <time class="fetched" data-testid="fetched-at" dateTime={valid ? exact.toISOString() : undefined} title={valid ? exact.toLocaleString(t.lang) : undefined}>
      {fromCache ? t('fetchedFromCache', when) : t(when)}
    </time>
  );
}
