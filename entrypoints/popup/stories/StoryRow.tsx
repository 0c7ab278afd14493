import type { Translate } from '@/utils/i18n';
import { linksExpired } from '@/utils/stories/link-expiry';
import type { Story } from '@/utils/stories/story';
import { CopyIcon, ExternalIcon } from '@/components/icons';
import type { ListParts } from './StoriesView';

interface Props {
  Thumbnail: ListParts['Thumbnail'];
  story: Story;
  /** 1-based place in the highlight. */
  position: number;
  now: number;
  /** Local date and time, in the page's language. */
  formatTime: (ms: number) => string;
  onCopy: (text: string, notice: string) => void;
  t: Translate;
}

/**
 * One story: its thumbnail (only from Instagram's CDN hosts, as covers are),
 * photo or video, when it was posted, a video's length, and its exact media
 * id; copy the id, copy the media URL, open it. An expired link is marked,
 * and neither copied nor opened.
 */
export function StoryRow({ Thumbnail, story, position, now, formatTime, onCopy, t }: Props) {
  const expired = linksExpired(story, now);
  const url = expired ? null : story.mediaUrl;
  return (
    <li class="story" data-testid="story-row" data-id={story.id} data-expired={expired ? 'true' : undefined}>
      <Thumbnail url={expired ? null : story.thumbnailUrl} title={String(position)} />
      <div class="story-text">
        <span class="story-meta">
          <span data-testid="story-type">{t(story.mediaType === 'video' ? 'storyVideo' : 'storyPhoto')}</span>
          {story.videoDuration !== null ? <span data-testid="story-length">{t('storyVideoLength', Math.round(story.videoDuration))}</span> : null}
          {story.takenAt !== null ? (
            <time data-testid="story-taken-at" dateTime={new Date(story.takenAt).toISOString()}>
              {formatTime(story.takenAt)}
            </time>
          ) : null}
          {expired ? (
            <span class="story-expired" data-testid="story-expired">
              {t('storyLinkExpired')}
            </span>
          ) : null}
        </span>
        <code class="row-id" data-testid="story-id">
          {story.id}
        </code>
      </div>
      <span class="story-actions">
        <button
          type="button"
          class="icon-button"
          aria-label={t('storyCopyId', story.id)}
          title={t('storyCopyId', story.id)}
          onClick={() => onCopy(story.id, t('storyCopiedId', story.id))}
        >
          <CopyIcon size={14} />
        </button>
        <button type="button" class="button story-button" disabled={url === null} onClick={() => url && onCopy(url, t('storyCopiedUrl', story.id))}>
          {t('storyCopyUrl')}
        </button>
        {url !== null ? (
          <a class="button story-button" href={url} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
            <ExternalIcon size={12} />
            {t('storyOpen')}
          </a>
        ) : null}
      </span>
    </li>
  );
}
