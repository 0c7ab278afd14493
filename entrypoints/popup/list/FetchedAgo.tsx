import { Component } from 'preact';
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

/** When the list was fetched, kept current while the popup stays open (a new list is a new one of these: its key). */
export class FetchedAgo extends Component<Props> {
  private timer = 0;

  override componentDidMount(): void {
    this.timer = window.setInterval(() => this.forceUpdate(), 20_000);
  }

  override componentWillUnmount(): void {
    window.clearInterval(this.timer);
  }

  render({ fetchedAt, fromCache, t }: Props) {
    const exact = new Date(fetchedAt);
    const when = fetchedAgo(fetchedAt, Date.now());
    const valid = !Number.isNaN(exact.getTime());
    return (
      <time class="fetched" data-testid="fetched-at" dateTime={valid ? exact.toISOString() : undefined} title={valid ? exact.toLocaleString(t.lang) : undefined}>
        {fromCache ? t('fetchedFromCache', when) : t(when)}
      </time>
    );
  }
}
